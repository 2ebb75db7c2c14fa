//! The hooks, one a file, in leptos-use's shape: `use_x()` with the
//! defaults, `use_x_with_options()` with a `UseXOptions`, a `UseXReturn`.
//! Each lives as long as the reactive owner that calls it, and runs on the
//! browser runtime (`crate::runtime`), which never calls back into them.

mod use_alerts;
mod use_api_fallback;
mod use_card_config;
mod use_card_view;
mod use_clock_paced;
mod use_concern_report;
mod use_cutover;
mod use_keyed;
mod use_lag_where;
mod use_now;
mod use_oms_answer;
mod use_oms_components;
mod use_oms_config;
mod use_oms_history;
mod use_oms_list;
mod use_oms_progress;
mod use_oms_progress_once;
mod use_oms_steps;
mod use_oms_verify;
mod use_refresh_trigger;
mod use_step_answers;
mod use_step_plan;
mod use_verification;
mod use_wall_alerts;
mod use_wall_board;
mod use_wall_focus;
mod use_wall_rows;
mod use_wall_sources;
mod use_wall_title;
mod use_widget_history;

pub use use_alerts::{provide_alerts, use_alerts, AlertReport, AlertState, Alerts};
pub(crate) use use_api_fallback::use_api_fallback;
pub use use_card_config::{card_config, card_lang, CardConfig};
pub(crate) use use_card_config::{drawn_with, use_card_config};
pub(crate) use use_card_view::use_card_view;
pub(crate) use use_clock_paced::use_clock_paced;
pub(crate) use use_concern_report::use_concern_report;
pub(crate) use use_cutover::use_cutover;
pub(crate) use use_lag_where::use_lag_where;
pub use use_now::use_now;
pub use use_oms_answer::{OmsAnswer, UseOmsAskOptions};
pub use use_oms_components::{
    use_oms_components, use_oms_components_with_options, UseOmsComponentsOptions,
    UseOmsComponentsReturn,
};
pub(crate) use use_oms_config::oms_config_within;
pub use use_oms_config::{provide_oms_config, use_oms_config, OmsConfig};
pub use use_oms_history::{
    use_oms_history, use_oms_history_with_options, UseOmsHistoryOptions, UseOmsHistoryReturn,
    HISTORY_REFRESH_MS,
};
pub use use_oms_list::{
    use_oms_list, use_oms_list_with_options, UseOmsListOptions, UseOmsListReturn,
};
pub(crate) use use_oms_progress::use_progress_poll;
pub use use_oms_progress::{
    use_oms_progress, use_oms_progress_with_options, UseOmsProgressOptions, UseOmsProgressReturn,
};
pub use use_oms_steps::{
    use_oms_steps, use_oms_steps_with_options, UseOmsStepsOptions, UseOmsStepsReturn,
};
pub use use_oms_verify::{
    use_oms_verify, use_oms_verify_with_options, UseOmsVerifyOptions, UseOmsVerifyReturn,
};
pub(crate) use use_refresh_trigger::use_refresh_trigger;
pub(crate) use use_step_answers::use_step_answers;
pub(crate) use use_step_plan::StepsAnswer;
pub(crate) use use_wall_alerts::use_wall_alerts;
pub(crate) use use_wall_board::use_wall_board;
pub(crate) use use_wall_focus::use_wall_focus;
pub(crate) use use_wall_rows::use_wall_rows;
pub(crate) use use_wall_sources::{use_wall_sources, UseWallSourcesReturn, WallSource};
pub(crate) use use_wall_title::use_wall_title;
pub(crate) use use_widget_history::use_widget_history;
