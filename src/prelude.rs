//! Everything an app uses, in one import: `use oms_progress::prelude::*;`.
//! The components, the hooks with their options and returns, and the
//! types they take and hand back (from the pure core,
//! [`oms_progress_core`], which apps may also use directly for its model).

pub use crate::components::{NotifyToggle, OmsConfigProvider, OmsSyncProgress, OmsWallboard};
pub use crate::hooks::{
    provide_alerts, provide_oms_config, use_alerts, use_now, use_oms_components,
    use_oms_components_with_options, use_oms_config, use_oms_history, use_oms_history_with_options,
    use_oms_list, use_oms_list_with_options, use_oms_progress, use_oms_progress_with_options,
    use_oms_steps, use_oms_steps_with_options, use_oms_verify, use_oms_verify_with_options,
    AlertReport, AlertState, Alerts, OmsAnswer, OmsConfig, UseOmsAskOptions,
    UseOmsComponentsOptions, UseOmsComponentsReturn, UseOmsHistoryOptions, UseOmsHistoryReturn,
    UseOmsListOptions, UseOmsListReturn, UseOmsProgressOptions, UseOmsProgressReturn,
    UseOmsStepsOptions, UseOmsStepsReturn, UseOmsVerifyOptions, UseOmsVerifyReturn,
    HISTORY_REFRESH_MS,
};
pub use oms_progress_core::events::{PollEvent, ProjectRef};
pub use oms_progress_core::i18n::Lang;
pub use oms_progress_core::model::{
    build_view, live_view_corrected, Attention, AttentionChange, History, LagThresholds, LiveView,
    OmsSeries, PollState, Range, View, WallFilter,
};
pub use oms_progress_core::options::{OmsSource, Problem, WidgetOptions};
pub use oms_progress_core::policy::PollOptions;
pub use oms_progress_core::wire::{
    ApiKind, Credentials, FetchError, HeaderSource, ListQuery, Progress, ProjectList, Status,
    VerifyResult, WireComponent, WireProject, WireStep,
};
