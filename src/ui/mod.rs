//! The widget's parts, one component a file. They only render: every
//! decision was made in `model`.

mod badge;
mod card;
mod checkpoint;
mod config_error;
mod error_panel;
mod page;
mod stage_bar;

pub use badge::StatusBadge;
pub use card::ProgressCard;
pub use checkpoint::IncrementalSection;
pub use config_error::ConfigError;
pub use error_panel::ErrorPanel;
pub use page::StandalonePage;
pub use stage_bar::StageBar;
