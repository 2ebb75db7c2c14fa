//! What configures a widget: [`WidgetOptions`] for Rust code, and the one
//! option table through which the page's URL, the element's attributes and
//! `mount()` are read, with the same verdict for the same value.

mod near_miss;
mod page;
mod problem;
mod sources;
mod table;
mod widget;

pub use near_miss::near_misses;
pub use page::{page_config, wall_element_config, PageConfig, WallConfig, WALL_FILTERS};
pub use problem::{Problem, ProblemKind};
pub use table::{
    markdown_table, option_names, read_options, read_options_strictly, OptionSpec, RawValue,
    Source, OPTIONS,
};
pub use widget::{project_id_problem, OmsSource, WidgetOptions};
