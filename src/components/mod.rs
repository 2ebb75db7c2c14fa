//! The widget's parts, one component a file. They only render: every
//! decision was made in the core crate's model, and every request is made
//! by a hook.

mod badge;
mod card;
mod card_head;
mod checkpoint;
mod config_error;
mod config_provider;
mod cutover_panel;
mod error_panel;
mod footer;
mod history_panel;
mod incremental_part;
mod lag_budget;
mod local_time;
mod name;
mod notify_toggle;
mod page;
mod redrawn;
mod root;
mod stage_bar;
mod stage_bars;
mod step_line;
mod step_list;
#[cfg(not(feature = "embed"))]
mod styles;
mod verify_panel;
mod wall_body;
mod wall_console;
mod wall_head;
mod wall_list;
mod wall_opened;
mod wall_row;
mod wall_row_top;
mod wall_source_line;
mod wall_sources;
mod wall_summary;
mod wallboard;
mod widget;
mod widget_body;

pub use crate::hooks::{card_config, CardConfig};
pub use badge::StatusBadge;
pub use card::ProgressCard;
pub use card_head::CardHead;
pub use checkpoint::IncrementalSection;
pub use config_error::ConfigError;
pub use config_provider::OmsConfigProvider;
pub use cutover_panel::CutoverPanel;
pub use error_panel::ErrorPanel;
pub use footer::CardFooter;
pub use history_panel::HistoryPanel;
pub use incremental_part::IncrementalPart;
pub use lag_budget::LagBudget;
pub use local_time::LocalTime;
pub(crate) use name::breakable;
pub use notify_toggle::NotifyToggle;
pub use page::StandalonePage;
pub use root::WidgetRoot;
pub use stage_bar::StageBar;
pub use stage_bars::StageBars;
pub use step_line::StepLine;
pub use step_list::StepList;
pub use verify_panel::VerifyPanel;
pub use wallboard::OmsWallboard;
pub use widget::OmsSyncProgress;
