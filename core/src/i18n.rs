//! Every string the operator reads, in English and Simplified Chinese.
//! Status and step names map to labels here and nowhere else.

use crate::wire::Status;

/// The widget's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    /// English.
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// The languages a host may ask for, by tag.
    pub const TAGS: [&'static str; 2] = ["en", "zh-CN"];

    /// From a BCP 47 tag whose language is English or Chinese (`en-GB`,
    /// `zh`, `zh-Hans-CN`); `None` for any other language.
    pub fn parse(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        let language = tag.split_once(['-', '_']).map_or(tag.as_str(), |(l, _)| l);
        match language {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// The language for a browser's tag: Chinese for any Chinese, else English.
    pub fn from_tag(tag: &str) -> Self {
        Lang::parse(tag).unwrap_or(Lang::En)
    }

    /// The tag for the root element's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::ZhCn => zh,
        }
    }
}

/// OMS step → label, per language. Unknown steps have no label: the raw name is shown.
const STEP_LABELS: &[(&str, &str, &str)] = &[
    ("PRE_CHECK", "Pre-check", "预检查"),
    ("TRANSFER_PRECHECK", "Pre-check", "预检查"),
    ("PREPARE", "Preparing", "准备中"),
    ("SYNC_PREPARE", "Preparing", "准备中"),
    ("TRANSFER_PREPARE", "Preparing", "准备中"),
    ("STRUCT_MIGRATION", "Schema migration", "结构迁移"),
    ("STRUCT_TRANSFER", "Schema transfer", "结构传输"),
    ("STRUCT_SYNC", "Schema sync", "结构同步"),
    ("INDEX_MIGRATION", "Index migration", "索引迁移"),
    ("INDEX_TRANSFER", "Index transfer", "索引传输"),
    ("FULL_MIGRATION", "Full data migration", "全量迁移"),
    ("FULL_TRANSFER", "Full data transfer", "全量传输"),
    ("CONNECTOR_FULL_SYNC", "Full data sync", "全量同步"),
    ("INCR_LOG_PULL", "Incremental log pull", "增量日志拉取"),
    (
        "TRANSFER_INCR_LOG_PULL",
        "Incremental log pull",
        "增量日志拉取",
    ),
    ("SYNC_INCR_LOG_PULL", "Incremental log pull", "增量日志拉取"),
    ("INCR_SYNC", "Incremental sync", "增量同步"),
    ("INCR_TRANSFER", "Incremental transfer", "增量传输"),
    ("CONNECTOR_INCR_SYNC", "Incremental sync", "增量同步"),
    ("FULL_VALIDATION", "Full validation", "全量校验"),
    ("FULL_VERIFIER", "Full verification", "全量校验"),
    ("INCR_VERIFIER", "Incremental verification", "增量校验"),
    ("APP_SWITCH", "Switch-over", "正向切换"),
    ("TRANSFER_APP_SWITCH", "Switch-over", "正向切换"),
    (
        "REVERSE_INCR_SYNC",
        "Reverse incremental sync",
        "反向增量同步",
    ),
    (
        "REVERSE_INCR_TRANSFER",
        "Reverse incremental transfer",
        "反向增量传输",
    ),
];

/// The label for a status, or `None` for one OMS does not document.
pub fn status_label(status: &Status, lang: Lang) -> Option<&'static str> {
    let (en, zh) = match status {
        Status::Init => ("Not started", "未启动"),
        Status::Running => ("Running", "运行中"),
        Status::RunningModifying => ("Running (modifying)", "运行中（修改中）"),
        Status::RunningMerging => ("Running (merging)", "运行中（合并中）"),
        Status::RunningAlarming => ("Running with alarms", "运行中（告警）"),
        Status::Suspend => ("Paused", "已暂停"),
        Status::Failed => ("Failed", "失败"),
        Status::Finished => ("Finished", "已完成"),
        Status::Releasing => ("Releasing", "释放中"),
        Status::Released => ("Released", "已释放"),
        Status::Deleted => ("Deleted", "已删除"),
        Status::Other(_) => return None,
    };
    Some(lang.pick(en, zh))
}

/// The label for a step, or `None` when OMS sent something we do not know.
pub fn step_label(code: &str, lang: Lang) -> Option<&'static str> {
    STEP_LABELS
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(_, en, zh)| lang.pick(en, zh))
}

/// Fixed phrases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// "Loading…"
    Loading,
    /// "Unknown status"
    UnknownStatus,
    /// "Alarm level"
    Importance,
    /// "Step"
    Step,
    /// "Schema"
    StageStruct,
    /// "Full data"
    StageFull,
    /// "Incremental sync"
    Incremental,
    /// "Checkpoint"
    Checkpoint,
    /// "Lag"
    Lag,
    /// "log position"
    LogPosition,
    /// "no checkpoint yet"
    NoCheckpointYet,
    /// "checkpoint is ahead of this clock; shown as 0 s"
    ClockSkew,
    /// "caught up"
    CaughtUp,
    /// "paused": a paused project's lag, told but not judged
    LagPaused,
    /// "behind"
    Behind,
    /// "far behind"
    FarBehind,
    /// "Stale"
    Stale,
    /// "Refresh now"
    Refresh,
    /// "Retry"
    Retry,
    /// "Polling stopped"
    PollingStopped,
    /// "OMS did not answer in time"
    ErrTimeout,
    /// "Cannot reach OMS"
    ErrNetwork,
    /// "Not authorised by OMS"
    ErrAuth,
    /// "OMS answered with an HTTP error"
    ErrHttp,
    /// "Project not found"
    ErrNotFound,
    /// "OMS reported an error"
    ErrOms,
    /// "Invalid response from OMS"
    ErrInvalid,
    /// "Code"
    Code,
    /// "Advice"
    Advice,
    /// "as sent"
    RawValue,
    /// "Request id"
    RequestId,
    /// "The page's headers function failed; nothing was sent"
    ErrHeaders,
    /// "The widget's options are wrong"
    ErrConfig,
    /// "Polling stopped: not authorised"
    StoppedAuth,
    /// "This OMS has no such endpoint: set api to the one it serves (sync or migration for OMS 3.x, v4 for OMS 4.x)"
    TryAnotherApi,
    /// "Reverse incremental sync"
    ReverseIncremental,
    /// "OMS is not ready yet (temporary); retrying"
    ErrTemporary,
    /// "Failed"
    FailedBecause,
    /// "Blocked by the browser (CORS)"
    ErrCors,
    /// "Cannot reach the server"
    ErrUnreachable,
    /// "The proxy cannot reach OMS"
    ErrProxy,
    /// "This address does not serve OMS's API"
    ErrNotOms,
    /// "The proxy in front of OMS refused this request"
    ErrRefused,
    /// "This project is of the other type"
    ErrWrongApi,
    /// "The API is on another origin, which does not allow this page. Serve it from this page's origin through the proxy (deploy/nginx.conf), or allow this origin there."
    HintCors,
    /// "Nothing answers at this address: check that the server (or the proxy in front of OMS) runs, and the base-url."
    HintUnreachable,
    /// "The proxy in front of OMS answered instead of OMS: OMS is down or the proxy cannot reach it. Check OMS and the proxy's upstream address."
    HintProxy,
    /// "This is a web page, not OMS's JSON: check base-url, and that the proxy forwards /api/ to OMS."
    HintNotOms,
    /// "The widget sends no credentials of its own: the proxy in front of OMS signs in (its Authorization line), or your page's headers function does. Check that account."
    HintAuth,
    /// "Steps"
    Steps,
    /// "Not started"
    StepInit,
    /// "Running"
    StepRunning,
    /// "Failed"
    StepFailed,
    /// "Done"
    StepFinished,
    /// "Paused"
    StepSuspend,
    /// "Watching"
    StepMonitoring,
    /// "Loading the steps…"
    StepsLoading,
    /// "the source-side Store is behind: look at the Store"
    StoreBehind,
    /// "the Store is current, the writer is behind: look at the writer"
    WriterBehind,
    /// "catching up"
    CatchingUp,
    /// "falling behind"
    FallingBehind,
    /// "steady"
    Steady,
    /// The chart's tooltip when OMS has no history to give.
    OmsHistoryMissing,
    /// The chart's tooltip when it has only the browser's samples.
    BrowserSamplesOnly,
    /// "Chart range": the range switch's label.
    ChartRange,
    /// "Tables": the verification tables' disclosure.
    VerifyTables,
    /// "Table"
    VerifyTable,
    /// "Result"
    VerifyResult,
    /// "Only in source"
    SourceOnly,
    /// "Only in target"
    DestOnly,
    /// "Mismatched"
    Mismatched,
    /// "Consistent"
    ConsistentRows,
    /// "Progress"
    VerifyProgress,
}

impl Msg {
    /// The phrase in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Msg::*;
        let (en, zh) = match self {
            Loading => ("Loading…", "加载中…"),
            UnknownStatus => ("Unknown status", "未知状态"),
            Importance => ("Alarm level", "告警等级"),
            Step => ("Step", "当前步骤"),
            StageStruct => ("Schema", "结构迁移"),
            StageFull => ("Full data", "全量数据"),
            Incremental => ("Incremental sync", "增量同步"),
            Checkpoint => ("Checkpoint", "位点"),
            Lag => ("Lag", "延迟"),
            LogPosition => ("log position", "日志位置"),
            NoCheckpointYet => ("no checkpoint yet", "暂无位点"),
            ClockSkew => (
                "checkpoint is ahead of this clock; shown as 0 s",
                "位点时间晚于本机时钟，按 0 秒显示",
            ),
            CaughtUp => ("caught up", "已追平"),
            LagPaused => ("paused", "已暂停"),
            Behind => ("behind", "有延迟"),
            FarBehind => ("far behind", "严重延迟"),
            Stale => ("Stale", "数据过期"),
            Refresh => ("Refresh now", "立即刷新"),
            Retry => ("Retry", "重试"),
            PollingStopped => ("Polling stopped", "已停止轮询"),
            ErrTimeout => ("OMS did not answer in time", "OMS 响应超时"),
            ErrNetwork => ("Cannot reach OMS", "无法连接 OMS"),
            ErrAuth => ("Not authorised by OMS", "OMS 认证失败"),
            ErrHttp => ("OMS answered with an HTTP error", "OMS 返回 HTTP 错误"),
            ErrNotFound => ("Project not found", "项目不存在"),
            ErrOms => ("OMS reported an error", "OMS 返回错误"),
            ErrInvalid => ("Invalid response from OMS", "OMS 响应无效"),
            Code => ("Code", "错误码"),
            Advice => ("Advice", "建议"),
            RawValue => ("as sent", "原始值"),
            RequestId => ("Request id", "请求 ID"),
            ErrHeaders => (
                "The page's headers function failed; nothing was sent",
                "页面的 headers 函数出错，未发送请求",
            ),
            ErrConfig => ("The widget's options are wrong", "组件配置有误"),
            StoppedAuth => ("Polling stopped: not authorised", "已停止轮询：认证失败"),
            ReverseIncremental => ("Reverse incremental sync", "反向增量同步"),
            Steps => ("Steps", "步骤"),
            StepInit => ("Not started", "未开始"),
            StepRunning => ("Running", "运行中"),
            StepFailed => ("Failed", "失败"),
            StepFinished => ("Done", "已完成"),
            StepSuspend => ("Paused", "已暂停"),
            StepMonitoring => ("Watching", "持续监控"),
            StepsLoading => ("Loading the steps…", "正在加载步骤…"),
            StoreBehind => (
                "the source-side Store is behind: look at the Store",
                "源端 Store 落后：请检查 Store",
            ),
            WriterBehind => (
                "the Store is current, the writer is behind: look at the writer",
                "Store 已追平，写入端落后：请检查写入组件",
            ),
            CatchingUp => ("catching up", "正在追赶"),
            FallingBehind => ("falling behind", "延迟在增加"),
            Steady => ("steady", "平稳"),
            OmsHistoryMissing => (
                "This OMS serves no history (OMS 4.1 or later does): the chart shows this browser's samples since the page opened",
                "此 OMS 不提供历史数据（OMS 4.1 及以上提供）：图表显示本页面打开以来浏览器的采样",
            ),
            BrowserSamplesOnly => (
                "This browser's samples since the page opened",
                "本页面打开以来浏览器的采样",
            ),
            ChartRange => ("Chart range", "图表范围"),
            VerifyTables => ("Tables", "各表结果"),
            VerifyTable => ("Table", "表"),
            VerifyResult => ("Result", "结果"),
            SourceOnly => ("Only in source", "仅源端有"),
            DestOnly => ("Only in target", "仅目标端有"),
            Mismatched => ("Mismatched", "不一致"),
            ConsistentRows => ("Consistent", "一致"),
            VerifyProgress => ("Progress", "进度"),
            FailedBecause => ("Failed", "失败原因"),
            ErrTemporary => (
                "OMS is not ready yet (temporary); retrying",
                "OMS 暂不可用（临时），将自动重试",
            ),
            ErrCors => (
                "Blocked by the browser (CORS)",
                "被浏览器拦截（CORS）",
            ),
            ErrUnreachable => (
                "Cannot reach the server",
                "无法连接服务器",
            ),
            ErrProxy => (
                "The proxy cannot reach OMS",
                "代理无法连接 OMS",
            ),
            ErrNotOms => (
                "This address does not serve OMS's API",
                "该地址不是 OMS 的接口",
            ),
            ErrRefused => (
                "The proxy in front of OMS refused this request",
                "OMS 前的代理拒绝了该请求",
            ),
            ErrWrongApi => (
                "This project is of the other type",
                "该项目属于另一种类型",
            ),
            HintCors => (
                "The API is on another origin, which does not allow this page. Serve it from this page's origin through the proxy (deploy/nginx.conf), or allow this origin there.",
                "接口在另一个源上，且不允许本页面访问。请通过本站的反向代理提供接口（deploy/nginx.conf），或在该服务上允许本源。",
            ),
            HintUnreachable => (
                "Nothing answers at this address: check that the server (or the proxy in front of OMS) runs, and the base-url.",
                "该地址无响应：请检查服务器（或 OMS 前的代理）是否在运行，以及 base-url。",
            ),
            HintProxy => (
                "The proxy in front of OMS answered instead of OMS: OMS is down or the proxy cannot reach it. Check OMS and the proxy's upstream address.",
                "OMS 前的代理代为应答：OMS 已停止或代理无法连接它。请检查 OMS 以及代理的上游地址。",
            ),
            HintNotOms => (
                "This is a web page, not OMS's JSON: check base-url, and that the proxy forwards /api/ to OMS.",
                "返回的是网页，而不是 OMS 的 JSON：请检查 base-url，以及代理是否把 /api/ 转发到 OMS。",
            ),
            HintAuth => (
                "The widget sends no credentials of its own: the proxy in front of OMS signs in (its Authorization line), or your page's headers function does. Check that account.",
                "组件自身不发送凭据：由 OMS 前的代理登录（其 Authorization 配置），或由页面的 headers 函数提供。请检查该账号。",
            ),
            TryAnotherApi => (
                "This OMS has no such endpoint: set api to the one it serves (sync or migration for OMS 3.x, v4 for OMS 4.x)",
                "该 OMS 没有这个接口：请把 api 设为它支持的值（OMS 3.x 用 sync 或 migration，OMS 4.x 用 v4）",
            ),
        };
        lang.pick(en, zh)
    }
}

/// Phrases only the standalone page and the wallboard show: a table of
/// their own, so that the widget's bundle, which draws neither, carries
/// none of them ([`Msg::text`]'s match keeps every text it names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageMsg {
    /// "OMS sync progress"
    PageTitle,
    /// "Project ids (comma-separated; prefix migration projects with migration:)"
    PageIdsLabel,
    /// "Show"
    PageShow,
    /// "failed"
    GroupFailed,
    /// "alarming"
    GroupAlarming,
    /// "unknown status"
    GroupUnknown,
    /// "paused"
    GroupPaused,
    /// "running"
    GroupRunning,
    /// "finished"
    GroupFinished,
    /// "released"
    GroupReleased,
    /// "not started"
    GroupNotStarted,
    /// "partial list"
    WallPartialMark,
    /// "not answering": after a source's name, in the title
    WallSourceDown,
    /// "OMS projects"
    WallTitle,
    /// "all"
    WallAll,
    /// "OMS 3.x has no project list: showing the projects named in the address (project=…)"
    WallV3,
    /// "No project matches."
    WallNoProjects,
    /// "Open"
    WallOpen,
    /// "Close"
    WallClose,
    /// The wallboard card's link to the project in OMS's console.
    WallConsole,
    /// "delay"
    WallDelay,
    /// "OMS alarm:"
    WallAlarm,
    /// "Show one group"
    WallGroups,
    /// "Show one OMS"
    WallSources,
    /// "all OMS"
    WallAllSources,
    /// "Notify me"
    NotifyMe,
    /// "Notifications on"
    NotifyOn,
    /// What notifications tell, once they are on.
    NotifyWhat,
    /// Notifications blocked in the browser.
    NotifyDenied,
    /// No notifications in this browser or page.
    NotifyUnsupported,
}

impl PageMsg {
    /// The phrase in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use PageMsg::*;
        let (en, zh) = match self {
            PageTitle => ("OMS sync progress", "OMS 同步进度"),
            PageIdsLabel => (
                "Project ids (comma-separated; prefix migration projects with migration:)",
                "项目 ID（逗号分隔，迁移项目加 migration: 前缀）",
            ),
            PageShow => ("Show", "查看"),
            GroupFailed => ("failed", "失败"),
            GroupAlarming => ("alarming", "告警中"),
            GroupUnknown => ("unknown status", "状态未知"),
            GroupPaused => ("paused", "已暂停"),
            GroupRunning => ("running", "运行中"),
            GroupFinished => ("finished", "已完成"),
            GroupReleased => ("released", "已释放"),
            GroupNotStarted => ("not started", "未启动"),
            WallPartialMark => ("partial list", "列表不完整"),
            WallSourceDown => ("not answering", "无响应"),
            WallTitle => ("OMS projects", "OMS 项目"),
            WallAll => ("all", "全部"),
            WallV3 => (
                "OMS 3.x has no project list: showing the projects named in the address (project=…)",
                "OMS 3.x 没有项目列表接口：仅显示地址中列出的项目（project=…）",
            ),
            WallNoProjects => ("No project matches.", "没有匹配的项目。"),
            WallOpen => ("Open", "展开"),
            WallClose => ("Close", "收起"),
            WallConsole => ("Open in OMS's console", "在 OMS 控制台中打开"),
            WallDelay => ("delay", "延迟"),
            WallAlarm => ("OMS alarm:", "OMS 告警："),
            WallSources => ("Show one OMS", "只看一个 OMS"),
            WallAllSources => ("all OMS", "全部 OMS"),
            NotifyMe => ("Notify me", "通知我"),
            NotifyOn => ("Notifications on", "通知已开启"),
            NotifyWhat => (
                "You will be notified when a project fails, falls far behind or gets stuck, and when it recovers.",
                "项目失败、严重延迟或疑似卡住，以及恢复时，将通知您。",
            ),
            NotifyDenied => (
                "Notifications are blocked for this site: allow them in the browser's site settings.",
                "浏览器已禁止本站通知：请在浏览器的网站设置中允许。",
            ),
            NotifyUnsupported => (
                "This browser cannot show notifications here (they need HTTPS or localhost).",
                "此浏览器无法在此显示通知（需要 HTTPS 或 localhost）。",
            ),
            WallGroups => ("Show one group", "按分组筛选"),
        };
        lang.pick(en, zh)
    }
}

/// "updated 5 s ago".
pub fn updated_ago(lang: Lang, age: &str) -> String {
    match lang {
        Lang::En => format!("updated {age} ago"),
        Lang::ZhCn => format!("{age}前更新"),
    }
}

/// "retrying in 8 s".
pub fn retrying_in(lang: Lang, wait: &str) -> String {
    match lang {
        Lang::En => format!("retrying in {wait}"),
        Lang::ZhCn => format!("{wait}后重试"),
    }
}

/// English's one plural rule, for every count shown: `1 row`, `0 rows`,
/// `1,203 rows` (the number grouped). Chinese has no plural: its strings
/// write the number and a measure word.
pub fn count_en(n: i64, one: &str, other: &str) -> String {
    let noun = if n == 1 { one } else { other };
    format!("{} {noun}", grouped(n))
}

/// "630 of 1,000 rows" (the noun agrees with the total).
pub fn rows_of(lang: Lang, done: i64, total: i64) -> String {
    match lang {
        Lang::En => format!("{} of {}", grouped(done), count_en(total, "row", "rows")),
        Lang::ZhCn => format!("{} / {} 行", grouped(done), grouped(total)),
    }
}

/// A whole number with its thousands grouped: `1,512,000` (both languages
/// write it so).
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "630 rows" (no estimate sent).
pub fn rows(lang: Lang, done: i64) -> String {
    match lang {
        Lang::En => count_en(done, "row", "rows"),
        Lang::ZhCn => format!("{} 行", grouped(done)),
    }
}

/// "52 rows/s".
pub fn rows_per_second(lang: Lang, rate: i64) -> String {
    match lang {
        Lang::En => count_en(rate, "row/s", "rows/s"),
        Lang::ZhCn => format!("{} 行/秒", grouped(rate)),
    }
}

/// "took 2 min 5 s" / "running for 2 min 5 s".
pub fn step_time(lang: Lang, duration: &str, finished: bool) -> String {
    match (lang, finished) {
        (Lang::En, true) => format!("took {duration}"),
        (Lang::En, false) => format!("running for {duration}"),
        (Lang::ZhCn, true) => format!("耗时 {duration}"),
        (Lang::ZhCn, false) => format!("已运行 {duration}"),
    }
}

/// "caught up in about 8 min" (below the warn threshold).
pub fn catch_up_in(lang: Lang, about: &str) -> String {
    match lang {
        Lang::En => format!("caught up in about {about}"),
        Lang::ZhCn => format!("预计约 {about}后追平"),
    }
}

/// "about 4 min left" (a step's rows at its rate).
pub fn time_left(lang: Lang, about: &str) -> String {
    match lang {
        Lang::En => format!("about {about} left"),
        Lang::ZhCn => format!("预计还需约 {about}"),
    }
}

/// "full data done in about 20 min".
pub fn full_done_in(lang: Lang, about: &str) -> String {
    match lang {
        Lang::En => format!("full data done in about {about}"),
        Lang::ZhCn => format!("全量预计约 {about}后完成"),
    }
}

/// "stuck: the checkpoint has not moved since …".
pub fn stuck_since(lang: Lang, checkpoint: bool, since: &str) -> String {
    match (lang, checkpoint) {
        (Lang::En, true) => format!("stuck: the checkpoint has not moved since {since}"),
        (Lang::En, false) => format!("stuck: full data has not moved since {since}"),
        (Lang::ZhCn, true) => format!("疑似卡住：位点自 {since} 起未推进"),
        (Lang::ZhCn, false) => format!("疑似卡住：全量进度自 {since} 起未变化"),
    }
}

/// "recovered at … after 40 s FAILED".
pub fn recovered(lang: Lang, at: &str, failed_for: &str) -> String {
    match lang {
        Lang::En => format!(
            "recovered at {at} after {failed_for} FAILED (a short failure is often OMS restarting its services)"
        ),
        Lang::ZhCn => format!("已于 {at} 恢复，此前失败 {failed_for}（短暂失败通常是 OMS 服务重启）"),
    }
}

/// A mark's line on the lag chart, by its `data-event`: "Full
/// verification finished {at}", "Status → Failed {at}".
pub fn mark_line(lang: Lang, event: &str, what: &str, at: &str) -> String {
    let verb = match event {
        "step-start" => lang.pick(" started", "开始"),
        "step-finish" => lang.pick(" finished", "完成"),
        "step-failed" => lang.pick(" failed", "失败"),
        _ => return format!("{} → {what} {at}", lang.pick("Status", "状态")),
    };
    format!("{what}{verb} {at}")
}

/// "OMS's clock is 2 min ahead of this browser's; lag corrected".
pub fn clock_corrected(lang: Lang, by: &str, ahead: bool) -> String {
    match (lang, ahead) {
        (Lang::En, true) => format!("OMS's clock is {by} ahead of this browser's; lag corrected"),
        (Lang::En, false) => format!("OMS's clock is {by} behind this browser's; lag corrected"),
        (Lang::ZhCn, true) => format!("OMS 时钟比本浏览器快 {by}，延迟已校正"),
        (Lang::ZhCn, false) => format!("OMS 时钟比本浏览器慢 {by}，延迟已校正"),
    }
}

/// "lag went from 3 min to 40 s over 10 min": the sparkline in words.
pub fn lag_went(lang: Lang, from: &str, to: &str, over: &str) -> String {
    match lang {
        Lang::En => format!("lag went from {from} to {to} over {over}"),
        Lang::ZhCn => format!("{over}内延迟从 {from} 变为 {to}"),
    }
}

/// The figures of the lag budget, each already written for people.
#[derive(Clone, Copy, Debug)]
pub struct BudgetWords<'a> {
    /// `lag-warn`: "25 s".
    pub warn: &'a str,
    /// `lag-critical`: "5 min".
    pub critical: &'a str,
    /// The share of the judged time within `lag-warn`: "97.8".
    pub within_pct: &'a str,
    /// The chart's range: "24 h".
    pub range: &'a str,
    /// The share of the range judged, when not all of it: "60.0".
    pub coverage_pct: Option<&'a str>,
    /// The time above `lag-critical`, when any: "12 min".
    pub above: Option<&'a str>,
    /// The worst lag: "14 min 3 s".
    pub worst: &'a str,
    /// When the worst lag was measured.
    pub worst_at: &'a str,
}

/// "Within 25 s for 97.8 % of the last 24 h · above 5 min for 12 min ·
/// worst 14 min 3 s at …"; when the data does not cover the whole range,
/// the share is of the time with data, and the coverage is said.
pub fn lag_budget(lang: Lang, w: BudgetWords) -> String {
    let BudgetWords {
        warn,
        critical,
        within_pct: pct,
        range,
        worst,
        worst_at: at,
        ..
    } = w;
    let share = match (lang, w.coverage_pct) {
        (Lang::En, None) => format!("Within {warn} for {pct} % of the last {range}"),
        (Lang::En, Some(cov)) => {
            format!("Within {warn} for {pct} % of the time with data ({cov} % of the last {range})")
        }
        (Lang::ZhCn, None) => format!("过去 {range}内 {pct} % 的时间延迟不超过 {warn}"),
        (Lang::ZhCn, Some(cov)) => {
            format!("有数据的时间（占过去 {range}的 {cov} %）内 {pct} % 的时间延迟不超过 {warn}")
        }
    };
    match (lang, w.above) {
        (Lang::En, Some(above)) => {
            format!("{share} · above {critical} for {above} · worst {worst} at {at}")
        }
        (Lang::En, None) => format!("{share} · never above {critical} · worst {worst} at {at}"),
        (Lang::ZhCn, Some(above)) => {
            format!("{share} · 超过 {critical}的时间共 {above} · 最大延迟 {worst}，于 {at}")
        }
        (Lang::ZhCn, None) => format!("{share} · 从未超过 {critical} · 最大延迟 {worst}，于 {at}"),
    }
}

/// "Forward lag over 1 h (scale 0–35 min)": what the chart draws.
pub fn chart_caption(lang: Lang, reverse: bool, over: &str, top: &str) -> String {
    match (lang, reverse) {
        (Lang::En, false) => format!("Forward lag over {over} (scale 0–{top})"),
        (Lang::En, true) => format!("Reverse lag over {over} (scale 0–{top})"),
        (Lang::ZhCn, false) => format!("正向延迟，{over}（刻度 0–{top}）"),
        (Lang::ZhCn, true) => format!("反向延迟，{over}（刻度 0–{top}）"),
    }
}

/// "Incremental: 1,234 rows/s now, 1,100 rows/s on average over 1 h".
pub fn throughput(lang: Lang, full: bool, now: &str, average: &str, over: &str) -> String {
    match (lang, full) {
        (Lang::En, false) => {
            format!("Incremental: {now} now, {average} on average over {over}")
        }
        (Lang::En, true) => format!("Full data: {now} now, {average} on average over {over}"),
        (Lang::ZhCn, false) => format!("增量：当前 {now}，{over}平均 {average}"),
        (Lang::ZhCn, true) => format!("全量：当前 {now}，{over}平均 {average}"),
    }
}

/// What to do when something in front of OMS refused `path`: the
/// locations the shipped recipe passes, and where to look.
pub fn refused_hint(lang: Lang, path: &str) -> String {
    let path = if path.is_empty() { "?" } else { path };
    match lang {
        Lang::En => format!(
            "{path} was refused before OMS (a page, not OMS's JSON): by the proxy's \
             locations (deploy/nginx.conf passes only GET /api/omsp/v2/…/progress and \
             POST /api/v2?Action=…) or its own sign-in. Check base-url and the proxy."
        ),
        Lang::ZhCn => format!(
            "{path} 在到达 OMS 前被拒绝（返回的是网页，不是 OMS 的 JSON）：被代理的 location \
             拒绝（deploy/nginx.conf 只放行 GET /api/omsp/v2/…/progress 和 POST \
             /api/v2?Action=…），或被代理自身的登录拒绝。请检查 base-url 和代理。"
        ),
    }
}

/// "Verification: consistent", "… 1,203 rows differ", "… running, 40 %".
pub fn verify_line(
    lang: Lang,
    verdict: &str,
    differing: Option<i64>,
    progress: Option<u8>,
) -> String {
    let progress = progress.map(|p| format!(", {p} %")).unwrap_or_default();
    let n = differing.unwrap_or_default();
    let rows = grouped(n);
    match (lang, verdict) {
        (Lang::En, "consistent") => "Verification: consistent".into(),
        (Lang::En, "inconsistent") => format!(
            "Verification: {}",
            count_en(n, "row differs", "rows differ")
        ),
        (Lang::En, "running") => format!("Verification: running{progress}"),
        (Lang::En, _) => "Verification: OMS sent no verdict".into(),
        (Lang::ZhCn, "consistent") => "全量校验：一致".into(),
        (Lang::ZhCn, "inconsistent") => format!("全量校验：{rows} 行不一致"),
        (Lang::ZhCn, "running") => format!("全量校验：进行中{progress}"),
        (Lang::ZhCn, _) => "全量校验：OMS 未给出结论".into(),
    }
}

/// "3 of 5 tables read": a verification list that is not whole.
pub fn verify_partial(lang: Lang, read: usize, total: Option<i64>) -> String {
    match (lang, total) {
        (Lang::En, Some(t)) => format!("{read} of {} read", count_en(t, "table", "tables")),
        (Lang::En, None) => format!(
            "{} read; OMS has more",
            count_en(read as i64, "table", "tables")
        ),
        (Lang::ZhCn, Some(t)) => format!("已读取 {t} 张表中的 {read} 张"),
        (Lang::ZhCn, None) => format!("已读取 {read} 张表，OMS 还有更多"),
    }
}

/// A chart's span: whole hours as hours ("24 h", not "1 d 0 h"), else
/// as [`rough_duration`] ("30 min").
pub fn span(lang: Lang, secs: u64) -> String {
    match (secs >= 3600 && secs % 3600 == 0, lang) {
        (true, Lang::En) => format!("{} h", secs / 3600),
        (true, Lang::ZhCn) => format!("{} 小时", secs / 3600),
        (false, _) => rough_duration(lang, secs),
    }
}

/// A rounded duration without its zero tail: `40 s`, `8 min`, `1 h 10 min`.
pub fn rough_duration(lang: Lang, secs: u64) -> String {
    let full = duration(lang, secs);
    let zero_tail = match lang {
        Lang::En => [" 0 s", " 0 min", " 0 h"],
        Lang::ZhCn => [" 0 秒", " 0 分", " 0 小时"],
    };
    zero_tail
        .iter()
        .find_map(|tail| full.strip_suffix(tail))
        .map_or(full.clone(), str::to_owned)
}

/// The note beside "Notify me": how many projects were already failed,
/// far behind or stuck when the page opened (not notified).
pub fn already_alerting(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, n) => format!(
            "{} already failed, far behind or stuck when this page opened: not notified.",
            count_en(n as i64, "project was", "projects were")
        ),
        (Lang::ZhCn, n) => format!("页面打开时已有 {n} 个项目失败、严重延迟或疑似卡住：不再通知。"),
    }
}

/// A notification's title: "hz · np_1: failed", "… : running again".
pub fn notice_title(lang: Lang, name: &str, state: &str, recovered: bool) -> String {
    match (lang, recovered) {
        (Lang::En, false) => format!("{name}: {state}"),
        (Lang::En, true) => format!("{name}: {state} again"),
        (Lang::ZhCn, false) => format!("{name}：{state}"),
        (Lang::ZhCn, true) => format!("{name}：已恢复（{state}）"),
    }
}

/// A notification's body: what it was before, and the project's id.
pub fn notice_body(lang: Lang, was: &str, id: &str) -> String {
    match lang {
        Lang::En => format!("Was {was} (project {id})."),
        Lang::ZhCn => format!("之前：{was}（项目 {id}）。"),
    }
}

/// A burst's one notification: "40 OMS projects changed".
pub fn notice_summary(lang: Lang, count: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} changed",
            count_en(count as i64, "OMS project", "OMS projects")
        ),
        Lang::ZhCn => format!("{count} 个 OMS 项目状态变化"),
    }
}

/// "stuck", as a state.
pub fn stuck_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "stuck",
        Lang::ZhCn => "疑似卡住",
    }
}

/// "recovered", in a summary's counts.
pub fn recovered_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "recovered",
        Lang::ZhCn => "已恢复",
    }
}

/// The page title when nothing needs attention: "12 projects, all well".
pub fn projects_all_well(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, 0) => "0 projects".into(),
        (Lang::En, n) => format!("{}, all well", count_en(n as i64, "project", "projects")),
        (Lang::ZhCn, 0) => "0 个项目".into(),
        (Lang::ZhCn, n) => format!("{n} 个项目，均正常"),
    }
}

/// "315 of 400 projects read: a list page could not be read (…)"; without
/// OMS's count, "315 projects read: the next list page could not be read".
pub fn wall_partial(lang: Lang, read: usize, total: Option<i64>, why: &str) -> String {
    match (lang, total) {
        (Lang::En, Some(total)) => {
            format!(
                "{read} of {} read: a list page could not be read ({why})",
                count_en(total, "project", "projects")
            )
        }
        (Lang::En, None) => {
            format!(
                "{} read: the next list page could not be read ({why})",
                count_en(read as i64, "project", "projects")
            )
        }
        (Lang::ZhCn, Some(total)) => {
            format!("已读取 {read}/{total} 个项目：有一页列表读取失败（{why}）")
        }
        (Lang::ZhCn, None) => format!("已读取 {read} 个项目：下一页列表读取失败（{why}）"),
    }
}

/// "sampled 5 min ago": a delay OMS measured long before it answered.
pub fn sampled_ago(lang: Lang, age: &str) -> String {
    match lang {
        Lang::En => format!("sampled {age} ago"),
        Lang::ZhCn => format!("{age}前采样"),
    }
}

/// "set api=migration: p_x is a migration project", for a project that
/// OMS 3.x knows under the other endpoint.
pub fn wrong_api(lang: Lang, project: &str, api: &str) -> String {
    match lang {
        Lang::En => format!("{project} is a {api} project: set api={api}"),
        Lang::ZhCn => format!(
            "{project} 是{}项目：请设置 api={api}",
            match api {
                "migration" => "迁移",
                _ => "同步",
            }
        ),
    }
}

/// "last confirmed 12:00:05": when the lag shown was true, while no
/// current answer comes.
pub fn lag_as_of(lang: Lang, at: &str) -> String {
    match lang {
        Lang::En => format!("last confirmed {at}"),
        Lang::ZhCn => format!("最后确认于 {at}"),
    }
}

// The problems' sentences are inlined (`#[inline(always)]`): `Display`
// asks for English, and a build that shows no page then carries none of
// the Chinese.

/// "unknown option "grop": did you mean group? (known: …)": a name no
/// option has; `meant` when it nearly spells one. `name` is quoted.
#[inline(always)]
pub fn problem_unknown(lang: Lang, name: &str, meant: Option<&str>, known: &str) -> String {
    match (lang, meant) {
        (Lang::En, None) => format!("unknown option {name} (known: {known})"),
        (Lang::En, Some(m)) => {
            format!("unknown option {name}: did you mean {m}? (known: {known})")
        }
        (Lang::ZhCn, None) => format!("未知选项 {name}（可用：{known}）"),
        (Lang::ZhCn, Some(m)) => format!("未知选项 {name}：是否想写 {m}？（可用：{known}）"),
    }
}

/// ""intreval" is not an option: did you mean interval?" (`name` quoted).
#[inline(always)]
pub fn problem_near_miss(lang: Lang, name: &str, meant: &str) -> String {
    match lang {
        Lang::En => format!("{name} is not an option: did you mean {meant}?"),
        Lang::ZhCn => format!("{name} 不是选项：是否想写 {meant}？"),
    }
}

/// "project-id is required (the OMS project id, e.g. np_4ur1zdx1v8cg)".
#[inline(always)]
pub fn problem_missing(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("{name} is required (the OMS project id, e.g. np_4ur1zdx1v8cg)"),
        Lang::ZhCn => format!("缺少 {name}（OMS 项目 ID，例如 np_4ur1zdx1v8cg）"),
    }
}

/// "api must be a string, not a number" (the types through
/// [`problem_phrase`]).
#[inline(always)]
pub fn problem_wrong_type(lang: Lang, name: &str, expected: &str, got: &str) -> String {
    match lang {
        Lang::En => format!("{name} must be {expected}, not {got}"),
        Lang::ZhCn => format!("{name} 应为{expected}，而不是{got}"),
    }
}

/// "interval "fast" is not a number of seconds" (`value` quoted).
#[inline(always)]
pub fn problem_not_a_number(lang: Lang, name: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{name} {value} is not a number of seconds"),
        Lang::ZhCn => format!("{name} {value} 不是秒数"),
    }
}

/// "timeout 0.5 is out of range (1 to 86400 seconds)".
#[inline(always)]
pub fn problem_out_of_range(lang: Lang, name: &str, value: &str, min: &str, max: &str) -> String {
    match lang {
        Lang::En => format!("{name} {value} is out of range ({min} to {max} seconds)"),
        Lang::ZhCn => format!("{name} {value} 超出范围（{min} 到 {max} 秒）"),
    }
}

/// "lang "fr" is not en or zh-CN" (`value` quoted; the words through
/// [`problem_phrase`]).
#[inline(always)]
pub fn problem_not_one_of(lang: Lang, name: &str, value: &str, allowed: &[&str]) -> String {
    // Not mapped in English: an English caller then carries no phrase table.
    let words: Vec<&str> = match lang {
        Lang::En => allowed.to_vec(),
        Lang::ZhCn => allowed.iter().map(|w| problem_phrase(w, lang)).collect(),
    };
    let (comma, or) = match lang {
        Lang::En => (", ", " or "),
        Lang::ZhCn => ("、", " 或 "),
    };
    let listed = match words.as_slice() {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => format!("{}{or}{last}", rest.join(comma)),
    };
    match lang {
        Lang::En => format!("{name} {value} is not {listed}"),
        Lang::ZhCn => format!("{name} {value} 不是 {listed}"),
    }
}

/// "project ".." is not a valid OMS project id" (`value` quoted).
#[inline(always)]
pub fn problem_not_a_project_id(lang: Lang, name: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{name} {value} is not a valid OMS project id"),
        Lang::ZhCn => format!("{name} {value} 不是有效的 OMS 项目 ID"),
    }
}

/// "base-url "ftp://x" is neither a path …": a value and what is wrong
/// with it (`value` quoted, `why` through [`problem_phrase`]).
#[inline(always)]
pub fn problem_bad_value(lang: Lang, name: &str, value: &str, why: &str) -> String {
    // One order in both languages: the phrase is translated on its own.
    format!("{name} {value} {}", problem_phrase(why, lang))
}

/// "lag-warn (400 s) is above lag-critical (300 s)" (`relation` through
/// [`problem_phrase`]).
#[inline(always)]
pub fn problem_conflict(
    lang: Lang,
    (name, value): (&str, &str),
    relation: &str,
    (other, other_value): (&str, &str),
) -> String {
    let relation = problem_phrase(relation, lang);
    match lang {
        Lang::En => format!("{name} ({value} s) {relation} {other} ({other_value} s)"),
        Lang::ZhCn => format!("{name}（{value} 秒）{relation} {other}（{other_value} 秒）"),
    }
}

/// The fixed phrases the option checks put into their problems (what is
/// wrong with a value, the types a value should have, the words an option
/// takes), in `lang`; any other text (an option's own words, such as
/// `sync` or `zh-CN`) as it is.
#[inline(always)]
pub fn problem_phrase(en: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return en;
    }
    match en {
        "is not a path: the page's URL takes paths on this origin only" => {
            "不是路径：页面地址只接受本站的路径"
        }
        "does not say which OMS of oms it is in (e.g. bj:np_1)" => {
            "未指明属于 oms 中的哪个 OMS（例如 bj:np_1）"
        }
        "is not the name of a source in oms" => "不是 oms 中的来源名称",
        "has no {id} where the project id goes" => "缺少标明项目 ID 位置的 {id}",
        "must not carry credentials; let the reverse proxy add them" => {
            "不得包含账号或密码；请由反向代理添加"
        }
        "has no host" => "缺少主机名",
        "is neither a path starting with / nor an http(s) URL" => {
            "既不是以 / 开头的路径，也不是 http(s) 地址"
        }
        "names a source twice" => "重复指定了同一来源",
        "is not name:url (a short name, e.g. bj:/oms-bj)" => {
            "不是“名称:地址”格式（名称要简短，例如 bj:/oms-bj）"
        }
        "names several sources: a widget reads one OMS" => "指定了多个来源：一个组件只读取一个 OMS",
        "is given with oms: the source's URL is the base URL" => {
            "与 oms 同时给出：来源的地址即为基础地址"
        }
        "an IANA zone such as Asia/Shanghai" => "IANA 时区（例如 Asia/Shanghai）",
        "is above" => "高于",
        "is below" => "低于",
        "SOURCE:ID" => "来源:ID",
        "v4:SOURCE:ID" => "v4:来源:ID",
        "a string" => "字符串",
        "a number" => "数字",
        "a boolean" => "布尔值",
        "a function" => "函数",
        "a list" => "列表",
        "an object" => "对象",
        "an object such as { projectId: \"np_…\" }" => "对象，例如 { projectId: \"np_…\" }",
        "a number of seconds" => "秒数",
        "true or false" => "true 或 false",
        other => other,
    }
}

/// OMS's alarm levels, as people read them; `None` for a level not
/// documented (shown as sent).
pub fn importance_label(level: &str, lang: Lang) -> Option<&'static str> {
    let (en, zh) = match level.trim().to_ascii_uppercase().as_str() {
        "HIGH" => ("high", "高"),
        "MEDIUM" => ("medium", "中"),
        "LOW" => ("low", "低"),
        "IGNORE" => ("none", "不告警"),
        _ => return None,
    };
    Some(lang.pick(en, zh))
}

/// "HTTP 502".
pub fn http_status(status: u16) -> String {
    format!("HTTP {status}")
}

/// A duration for people: `42 s`, `3 min 5 s`, `2 h 10 min`, `3 d 4 h`.
pub fn duration(lang: Lang, secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    let (ud, uh, um, us) = match lang {
        Lang::En => (" d", " h", " min", " s"),
        Lang::ZhCn => (" 天", " 小时", " 分", " 秒"),
    };
    if d > 0 {
        format!("{d}{ud} {h}{uh}")
    } else if h > 0 {
        format!("{h}{uh} {m}{um}")
    } else if m > 0 {
        format!("{m}{um} {s}{us}")
    } else {
        format!("{s}{us}")
    }
}

/// `text` in double quotes for the operator, quotes, backslashes and
/// control characters escaped as JSON escapes them (`"a\tb"`, `"esc\u001b"`):
/// the core's one escaper (`wire::json`). Not `{:?}`: the size build turns
/// `Debug` off (`-Zfmt-debug=none`).
pub fn quoted(text: &str) -> String {
    crate::wire::json::quote(text)
}

/// Switch-over readiness: fixed phrases of its checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutoverMsg {
    /// "Full copy finished"
    FullDone,
    /// "No full copy in this plan"
    NoFullStep,
    /// "No verification in this plan: consistency not checked"
    NoVerifyStep,
    /// "Verification finished: no row differs"
    VerifyConsistent,
    /// "Verification results not read yet"
    VerifyNotRead,
    /// "no current answer from OMS"
    NoCurrentAnswer,
    /// "Lag unknown: OMS gave no checkpoint time"
    LagNotATime,
    /// "Lag not judged: the project is not running"
    LagNotJudged,
    /// "Lag unknown: the checkpoint is ahead of this clock"
    LagClockAhead,
    /// "No failed step; the project runs"
    Healthy,
    /// "No answer from OMS yet"
    NoAnswerYet,
    /// "Reverse incremental on: a way back after switching"
    ReverseOn,
    /// "No reverse incremental: no way back after switching"
    ReverseOff,
    /// "OMS did not say whether reverse incremental is on"
    ReverseUnknown,
    /// "awaiting switch-over": a wallboard card whose plan waits at it
    AwaitingSwitchOver,
    /// "watch the reverse sync's lag": after a switch-over with a way back
    WatchReverse,
    /// "ready to switch over", as an alert's state
    ReadyState,
    /// "Switch-over checks": the summary of the checks' list
    Checks,
    /// "Project", in "Project: status "X" is not known"
    Project,
}

impl CutoverMsg {
    /// The phrase in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use CutoverMsg::*;
        let (en, zh) = match self {
            FullDone => ("Full copy finished", "全量迁移已完成"),
            NoFullStep => ("No full copy in this plan", "此计划不含全量迁移"),
            NoVerifyStep => (
                "No verification in this plan: consistency not checked",
                "此计划不含全量校验：未核对数据一致性",
            ),
            VerifyConsistent => (
                "Verification finished: no row differs",
                "全量校验完成：无不一致行",
            ),
            VerifyNotRead => ("Verification results not read yet", "尚未读取校验结果"),
            NoCurrentAnswer => (
                "Lag unknown: no current answer from OMS",
                "延迟未知：OMS 当前无应答",
            ),
            LagNotATime => (
                "Lag unknown: OMS gave no checkpoint time",
                "延迟未知：OMS 未给出时间位点",
            ),
            LagNotJudged => (
                "Lag not judged: the project is not running",
                "项目未在运行，不判断延迟",
            ),
            LagClockAhead => (
                "Lag unknown: the checkpoint is ahead of this clock",
                "延迟未知：位点时间晚于本机时钟",
            ),
            Healthy => ("No failed step; the project runs", "无失败步骤，项目运行中"),
            NoAnswerYet => ("No answer from OMS yet", "尚无 OMS 应答"),
            ReverseOn => (
                "Reverse incremental on: a way back after switching",
                "已启用反向增量：切换后可回退",
            ),
            ReverseOff => (
                "No reverse incremental: no way back after switching",
                "未启用反向增量：切换后无法回退",
            ),
            ReverseUnknown => (
                "OMS did not say whether reverse incremental is on",
                "OMS 未说明是否启用反向增量",
            ),
            AwaitingSwitchOver => ("awaiting switch-over", "等待切换"),
            WatchReverse => ("watch the reverse sync's lag", "请关注反向同步延迟"),
            ReadyState => ("ready to switch over", "可以切换"),
            Checks => ("Switch-over checks", "切换检查"),
            Project => ("Project", "项目"),
        };
        lang.pick(en, zh)
    }
}

/// A switch-over check's name: `full` → "Full copy", … (the codes of
/// `data-check`); the code itself for one this catalogue does not know.
pub fn cutover_check_label(lang: Lang, check: &str) -> &str {
    let (en, zh) = match check {
        "full" => ("Full copy", "全量迁移"),
        "verify" => ("Verification", "全量校验"),
        "lag" => ("Lag", "延迟"),
        "lag-held" => ("Lag held", "延迟保持"),
        "healthy" => ("Healthy", "运行正常"),
        "reverse" => ("Way back", "回退"),
        other => return other,
    };
    lang.pick(en, zh)
}

/// The readiness line: "Ready to switch over", "Not ready: 1,203 rows
/// differ", "Switching over, 40 %", "Switched over · watch the reverse
/// sync's lag". `detail` is the first blocking check's words (not ready),
/// the step's progress (switching) or where to look next (switched).
pub fn cutover_line(lang: Lang, verdict: &str, detail: Option<&str>) -> String {
    let head = match (lang, verdict) {
        (Lang::En, "ready") => "Ready to switch over",
        (Lang::En, "not-ready") => "Not ready",
        (Lang::En, "switching") => "Switching over",
        (Lang::En, "switched") => "Switched over",
        (Lang::ZhCn, "ready") => "可以切换",
        (Lang::ZhCn, "not-ready") => "未就绪",
        (Lang::ZhCn, "switching") => "正在切换",
        (Lang::ZhCn, "switched") => "已切换",
        (_, other) => other,
    };
    match (lang, verdict, detail) {
        (_, _, None) => head.to_owned(),
        (Lang::En, "not-ready", Some(d)) => format!("{head}: {d}"),
        (Lang::ZhCn, "not-ready", Some(d)) => format!("{head}：{d}"),
        (Lang::En, "switching", Some(d)) => format!("{head}, {d}"),
        (Lang::ZhCn, "switching", Some(d)) => format!("{head}，{d}"),
        (_, _, Some(d)) => format!("{head} · {d}"),
    }
}

/// "Full data transfer: Running, 63 %": a step of the plan that is not
/// where a switch-over needs it, by its label and its status's.
pub fn cutover_step_state(lang: Lang, step: &str, state: &str, progress: Option<u8>) -> String {
    let progress = progress.map(|p| format!(", {p} %")).unwrap_or_default();
    match lang {
        Lang::En => format!("{step}: {state}{progress}"),
        Lang::ZhCn => format!("{step}：{state}{}", progress.replacen(", ", "，", 1)),
    }
}

/// "Full data transfer: status "BENDING" is not known" (`raw` quoted).
pub fn cutover_unknown_status(lang: Lang, what: &str, raw: &str) -> String {
    match lang {
        Lang::En => format!("{what}: status {raw} is not known"),
        Lang::ZhCn => format!("{what}：状态 {raw} 未知"),
    }
}

/// "1,203 rows differ": a verification that found rows that differ.
pub fn cutover_rows_differ(lang: Lang, rows: i64) -> String {
    match lang {
        Lang::En => count_en(rows, "row differs", "rows differ"),
        Lang::ZhCn => format!("{} 行不一致", grouped(rows)),
    }
}

/// "Verification: OMS counts -3 rows that differ": a count that is no count.
pub fn cutover_odd_count(lang: Lang, raw: i64) -> String {
    match lang {
        Lang::En => format!("Verification: OMS counts {raw} rows that differ"),
        Lang::ZhCn => format!("全量校验：OMS 给出的不一致行数为 {raw}"),
    }
}

/// "Verification results could not be read: OMS did not answer in time".
pub fn cutover_verify_unread(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("Verification results could not be read: {why}"),
        Lang::ZhCn => format!("无法读取校验结果：{why}"),
    }
}

/// "Step plan not read again: …": the plan the checks read is an older
/// answer, and where the steps stand now is not known.
pub fn cutover_plan_unread(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("Step plan not read again: {why}"),
        Lang::ZhCn => format!("无法再次读取步骤计划：{why}"),
    }
}

/// "Lag within 25 s" / "Lag above 25 s": judged, without the figure,
/// which the card shows beside it and which ticks with the clock.
pub fn cutover_lag(lang: Lang, limit: &str, within: bool) -> String {
    match (lang, within) {
        (Lang::En, true) => format!("Lag within {limit}"),
        (Lang::En, false) => format!("Lag above {limit}"),
        (Lang::ZhCn, true) => format!("延迟不超过 {limit}"),
        (Lang::ZhCn, false) => format!("延迟超过 {limit}"),
    }
}

/// "Within 25 s for the last 5 min".
pub fn cutover_held(lang: Lang, limit: &str, hold: &str) -> String {
    match lang {
        Lang::En => format!("Within {limit} for the last {hold}"),
        Lang::ZhCn => format!("最近 {hold}内延迟均不超过 {limit}"),
    }
}

/// "Lag 42 s at 12:03:10, above 25 s within the last 5 min": the newest
/// moment of the window the lag was above the limit.
pub fn cutover_held_above(lang: Lang, lag: &str, at: &str, limit: &str, hold: &str) -> String {
    match lang {
        Lang::En => format!("Lag {lag} at {at}, above {limit} within the last {hold}"),
        Lang::ZhCn => format!("{at} 延迟 {lag}，最近 {hold}内超过 {limit}"),
    }
}

/// "Within 25 s for the 2 min covered; 5 min needed": a history too short
/// to say; "No lag history for the last 5 min" when it covers nothing.
pub fn cutover_held_short(lang: Lang, limit: &str, covered: Option<&str>, hold: &str) -> String {
    match (lang, covered) {
        (Lang::En, Some(c)) => format!("Within {limit} for the {c} covered; {hold} needed"),
        (Lang::En, None) => format!("No lag history for the last {hold}"),
        (Lang::ZhCn, Some(c)) => format!("已覆盖的 {c}内延迟不超过 {limit}；需要 {hold}"),
        (Lang::ZhCn, None) => format!("最近 {hold}没有延迟历史"),
    }
}

/// "Project: Failed (Full data transfer: CM-…: …)": a project that is not
/// running, by its status's label and, when the plan says, why.
pub fn cutover_project_state(lang: Lang, state: &str, why: Option<&str>) -> String {
    match (lang, why) {
        (Lang::En, None) => format!("Project: {state}"),
        (Lang::En, Some(why)) => format!("Project: {state} ({why})"),
        (Lang::ZhCn, None) => format!("项目：{state}"),
        (Lang::ZhCn, Some(why)) => format!("项目：{state}（{why}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_count_follows_one_plural_rule() {
        let texts = |n: i64| {
            let u = n as usize;
            vec![
                rows_of(Lang::En, 0, n),
                rows(Lang::En, n),
                rows_per_second(Lang::En, n),
                verify_line(Lang::En, "inconsistent", Some(n), None),
                verify_partial(Lang::En, u, Some(n)),
                verify_partial(Lang::En, u, None),
                already_alerting(Lang::En, u),
                notice_summary(Lang::En, u),
                projects_all_well(Lang::En, u),
                wall_partial(Lang::En, u, Some(n), "x"),
                wall_partial(Lang::En, u, None, "x"),
            ]
        };
        for text in texts(1) {
            for wrong in [
                "1 rows",
                "1 tables",
                "1 projects",
                "1 OMS projects",
                "rows differ",
                "projects were",
            ] {
                assert!(!text.contains(wrong), "{text}");
            }
        }
        assert_eq!(
            verify_line(Lang::En, "inconsistent", Some(1), None),
            "Verification: 1 row differs"
        );
        assert_eq!(
            verify_line(Lang::En, "inconsistent", Some(1203), None),
            "Verification: 1,203 rows differ"
        );
        for text in texts(2) {
            assert!(
                !text.contains("2 row ")
                    && !text.contains("2 table ")
                    && !text.contains("2 project "),
                "{text}"
            );
        }
        assert_eq!(rows_of(Lang::En, 630, 1_000), "630 of 1,000 rows");
        assert_eq!(already_alerting(Lang::En, 1), "1 project was already failed, far behind or stuck when this page opened: not notified.");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (1_512_000, "1,512,000"),
            (-12_345, "-12,345"),
        ] {
            assert_eq!(grouped(n), text);
        }
        assert_eq!(
            rows_of(Lang::En, 630_000, 1_512_000),
            "630,000 of 1,512,000 rows"
        );
        assert_eq!(importance_label("high", Lang::ZhCn), Some("高"));
        assert_eq!(
            importance_label("CRITICAL", Lang::En),
            None,
            "shown as sent"
        );
    }

    #[test]
    fn quoted_text_reads_as_debug_writes_it_for_ordinary_text() {
        for text in [
            "np_1",
            "",
            "a \"b\" c",
            "back\\slash",
            "tab\tnew\nline\r",
            "订单 ü",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
        // Other control characters as JSON writes them, still never raw.
        assert_eq!(
            quoted("esc\u{1b} nul\0 del\u{7f} c1\u{85}"),
            r#""esc\u001b nul\u0000 del\u007f c1\u0085""#
        );
    }

    #[test]
    fn every_documented_step_has_a_label_in_both_languages() {
        let documented = "PRE_CHECK, TRANSFER_PRECHECK, PREPARE, SYNC_PREPARE, TRANSFER_PREPARE, STRUCT_MIGRATION, STRUCT_TRANSFER, STRUCT_SYNC, INDEX_MIGRATION, INDEX_TRANSFER, FULL_MIGRATION, FULL_TRANSFER, CONNECTOR_FULL_SYNC, INCR_LOG_PULL, TRANSFER_INCR_LOG_PULL, SYNC_INCR_LOG_PULL, INCR_SYNC, INCR_TRANSFER, CONNECTOR_INCR_SYNC, FULL_VALIDATION, FULL_VERIFIER, INCR_VERIFIER, APP_SWITCH, TRANSFER_APP_SWITCH, REVERSE_INCR_SYNC, REVERSE_INCR_TRANSFER";
        for step in documented.split(", ") {
            let (en, zh) = (step_label(step, Lang::En), step_label(step, Lang::ZhCn));
            assert!(en.is_some() && zh.is_some(), "{step}");
            assert_ne!(en, zh, "{step} is translated");
        }
        assert_eq!(step_label("WARP_DRIVE", Lang::En), None);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Lang::En, 0), "0 s");
        assert_eq!(duration(Lang::En, 42), "42 s");
        assert_eq!(duration(Lang::En, 185), "3 min 5 s");
        assert_eq!(duration(Lang::En, 7_800), "2 h 10 min");
        assert_eq!(duration(Lang::En, 3 * 86_400 + 4 * 3600), "3 d 4 h");
        assert_eq!(duration(Lang::ZhCn, 185), "3 分 5 秒");
        assert_eq!(rough_duration(Lang::En, 480), "8 min");
        assert_eq!(rough_duration(Lang::En, 4_200), "1 h 10 min");
        assert_eq!(rough_duration(Lang::En, 7_200), "2 h");
        assert_eq!(rough_duration(Lang::ZhCn, 40), "40 秒");
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Lang::ZhCn);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(
            Lang::parse("english"),
            None,
            "a language subtag, not a prefix"
        );
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
    }

    #[test]
    fn every_documented_status_has_a_label_in_both_languages() {
        for status in Status::KNOWN {
            let (en, zh) = (
                status_label(&status, Lang::En),
                status_label(&status, Lang::ZhCn),
            );
            assert!(en.is_some() && zh.is_some() && en != zh, "{status:?}");
        }
        assert_eq!(
            status_label(&Status::Other("WARPING".into()), Lang::En),
            None
        );
    }
}
