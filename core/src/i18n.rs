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
            ErrTemporary => (
                "OMS is not ready yet (temporary); retrying",
                "OMS 暂不可用（临时），将自动重试",
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
    /// "delay"
    WallDelay,
    /// "Show one group"
    WallGroups,
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
            WallTitle => ("OMS projects", "OMS 项目"),
            WallAll => ("all", "全部"),
            WallV3 => (
                "OMS 3.x has no project list: showing the projects named in the address (project=…)",
                "OMS 3.x 没有项目列表接口：仅显示地址中列出的项目（project=…）",
            ),
            WallNoProjects => ("No project matches.", "没有匹配的项目。"),
            WallOpen => ("Open", "展开"),
            WallClose => ("Close", "收起"),
            WallDelay => ("delay", "延迟"),
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

/// "630 of 1000 rows".
pub fn rows_of(lang: Lang, done: i64, total: i64) -> String {
    match lang {
        Lang::En => format!("{done} of {total} rows"),
        Lang::ZhCn => format!("{done} / {total} 行"),
    }
}

/// "630 rows" (no estimate sent).
pub fn rows(lang: Lang, done: i64) -> String {
    match lang {
        Lang::En => format!("{done} rows"),
        Lang::ZhCn => format!("{done} 行"),
    }
}

/// "52 rows/s".
pub fn rows_per_second(lang: Lang, rate: i64) -> String {
    match lang {
        Lang::En => format!("{rate} rows/s"),
        Lang::ZhCn => format!("{rate} 行/秒"),
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
        Lang::En => {
            format!("recovered at {at} after {failed_for} FAILED (OMS services restarting)")
        }
        Lang::ZhCn => format!("已于 {at} 恢复，此前失败 {failed_for}（OMS 服务重启）"),
    }
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

/// The page title when nothing needs attention: "12 projects, all well".
pub fn projects_all_well(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, 0) => "0 projects".into(),
        (Lang::En, 1) => "1 project, all well".into(),
        (Lang::En, n) => format!("{n} projects, all well"),
        (Lang::ZhCn, 0) => "0 个项目".into(),
        (Lang::ZhCn, n) => format!("{n} 个项目，均正常"),
    }
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

/// `text` in double quotes, quotes, backslashes and control characters
/// escaped, as `{:?}` writes it for ordinary text. Written out because the
/// size build turns `Debug` off (`-Zfmt-debug=none`, −2.7 KB gzipped): what
/// the operator reads never goes through `{:?}`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // As `{:?}` writes them, without std's escaping machinery.
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                out.push_str("\\u{");
                let code = c as u32;
                let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
                for shift in (0..digits).rev() {
                    out.push(char::from(
                        b"0123456789abcdef"[((code >> (shift * 4)) & 0xf) as usize],
                    ));
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_reads_as_debug_writes_it() {
        for text in [
            "np_1",
            "",
            "a \"b\" c",
            "back\\slash",
            "tab\tnew\nline\r",
            "esc\u{1b}",
            "nul\0 del\u{7f} c1\u{85}",
            "订单 ü",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
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
