//! The widget's parser and view model on the shared JSON fixtures: the
//! doc's example verbatim and each variant in docs/oms-api.md. The simulator is
//! checked against the same files (sim/tests/fixture_shapes.rs).

use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{
    build_view, interpret_checkpoint, live_view, Checkpoint, Lag, LagLevel, LagSource,
    LagThresholds, Step, Tone, WidgetState,
};
use oms_progress_core::wire::{
    classify, parse_answer, Answer, FetchError, Percent, Progress, Status,
};
use oms_progress_core::{model::PollState, policy::PollOptions};

fn fixture(name: &str) -> String {
    // Read at run time: a cached test binary may come from a clone elsewhere.
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or(env!("CARGO_MANIFEST_DIR").into());
    std::fs::read_to_string(format!("{dir}/../tests/fixtures/{name}")).unwrap()
}

fn progress(name: &str) -> Progress {
    match parse_answer(&fixture(name)).unwrap() {
        Answer::Progress(p) => p,
        other => panic!("{name}: {other:?}"),
    }
}

fn full(value: u8) -> Option<Percent> {
    Some(Percent { value, raw: None })
}

#[test]
fn the_docs_own_example_parses_as_is() {
    let p = progress("doc-example.json");
    assert_eq!(
        p,
        Progress {
            status: Some(Status::Running),
            importance: Some("LOW".into()),
            enable_struct: Some(true),
            enable_full: Some(true),
            enable_incr: Some(true),
            enable_reverse_incr: None,
            current_step: Some("CONNECTOR_INCR_SYNC".into()),
            struct_progress: full(100),
            full_progress: full(100),
            incr_checkpoint: Some("1661241223".into()),
            reverse_checkpoint: None,
        }
    );
    // Seen 12 s after its checkpoint: running, caught up.
    let mut st = PollState::default();
    let now = 1_661_241_235_000;
    st.record(Ok(p), now, 0.5, &PollOptions::default());
    let view = build_view(&st, Lang::En);
    assert_eq!(
        (view.tone, view.status_label.as_str()),
        (Tone::Ok, "Running")
    );
    assert_eq!(
        view.step,
        Some(Step {
            code: "CONNECTOR_INCR_SYNC".into(),
            label: Some("Incremental sync")
        })
    );
    assert_eq!(
        view.incr.unwrap().checkpoint,
        Some(Checkpoint::Unix(1_661_241_223))
    );
    let live = live_view(
        &st,
        now,
        PollOptions::default().stale_after(),
        LagThresholds::default(),
    );
    assert_eq!(
        (live.state, live.lag),
        (
            WidgetState::Live,
            Some(Lag {
                secs: 12,
                level: LagLevel::CaughtUp,
                clock_skew: false,
                source: LagSource::Browser,
                as_of_ms: None,
            })
        )
    );
}

#[test]
fn every_name_variant_reads_the_same_percentages() {
    assert_eq!(progress("table-names.json").struct_progress, full(37));
    let v4 = progress("v4-names.json");
    assert_eq!(
        (v4.struct_progress, v4.enable_full, v4.importance.as_deref()),
        (full(100), Some(false), Some("MEDIUM"))
    );
    let ocp = progress("ocp-pascal.json");
    assert_eq!(
        (ocp.status, ocp.full_progress),
        (Some(Status::Suspend), full(100))
    );
    let migration = progress("migration.json");
    assert_eq!(
        migration.incr_checkpoint.as_deref(),
        Some("1661241223"),
        "an int64 checkpoint"
    );
    assert_eq!(migration.enable_reverse_incr, Some(false));
}

#[test]
fn a_sybase_checkpoint_is_a_log_position_without_age() {
    let mut st = PollState::default();
    st.record(Ok(progress("sybase.json")), 0, 0.5, &PollOptions::default());
    let view = build_view(&st, Lang::En);
    assert_eq!(
        view.incr.unwrap().checkpoint,
        Some(Checkpoint::LogPosition {
            file: 100,
            offset: 30
        })
    );
    assert_eq!(
        live_view(
            &st,
            0,
            PollOptions::default().stale_after(),
            LagThresholds::default()
        )
        .lag,
        None
    );
}

#[test]
fn not_found_is_an_oms_error_with_code_message_and_advice() {
    let Err(FetchError::Oms(e)) = classify(200, &fixture("not-found.json")) else {
        panic!()
    };
    assert_eq!(e.code.as_deref(), Some("CM-RESONF000003"));
    assert!(e.message.unwrap().contains("np_nope"));
    assert!(e.advice.unwrap().starts_with("Check the project ID"));
}

#[test]
fn oms_4x_describe_project_progress_with_its_reverse_checkpoint() {
    let p = progress("v4-describe-progress.json");
    assert_eq!(
        (
            p.status.clone(),
            p.enable_reverse_incr,
            p.incr_checkpoint.as_deref(),
            p.reverse_checkpoint.as_deref()
        ),
        (
            Some(Status::Running),
            Some(true),
            Some("1661241219"),
            Some("1661241150")
        )
    );
    // Answered at the moment it is read (a stale answer's lag is frozen).
    let mut st = PollState::default();
    st.record(Ok(p), 1_661_241_230_000, 0.5, &PollOptions::default());
    let live = live_view(
        &st,
        1_661_241_230_000,
        PollOptions::default().stale_after(),
        LagThresholds::default(),
    );
    assert_eq!(
        (live.lag.map(|l| l.secs), live.reverse_lag.map(|l| l.level)),
        (Some(11), Some(LagLevel::Warn))
    );
}

#[test]
fn oms_4x_errors_read_the_specific_text_from_error_detail() {
    let Err(FetchError::Oms(e)) = classify(200, &fixture("v4-error-generic.json")) else {
        panic!()
    };
    assert_eq!(e.message.as_deref(), Some("project np_nope does not exist"));
    assert!(e.advice.unwrap().starts_with("Check the project ID"));
    assert_eq!(
        (e.request_id.as_deref(), e.level.as_deref()),
        (Some("sim-1"), Some("ERROR"))
    );
}

#[test]
fn through_ocp_numeric_codes_null_texts_and_trailing_newlines_are_not_shown_as_sent() {
    let error = classify(200, &fixture("v4-ocp-error.json")).unwrap_err();
    let Some(e) = error.oms() else {
        panic!("{error:?}")
    };
    // Code 500 is OCP's status, not OMS's code; the detail's code is trimmed.
    assert_eq!(e.code.as_deref(), Some("GHANA-OPERAT000001"));
    assert_eq!(
        e.message.as_deref(),
        Some("the CM service may be not available")
    );
    assert_eq!(
        (e.advice.as_deref(), e.level.as_deref()),
        (None, Some("WARN"))
    );
    let view = build_view(
        &{
            let mut st = PollState::default();
            st.record(Err(error), 0, 0.5, &PollOptions::default());
            st
        },
        Lang::En,
    );
    assert_eq!(view.error.unwrap().kind.as_str(), "temporary");
}

#[test]
fn success_with_a_filled_error_detail_is_live_data_with_camel_case_items() {
    let p = progress("v4-ocp-success-with-detail.json");
    assert_eq!(p.status, Some(Status::Running));
    assert_eq!(p.importance, None, "the text \"null\" is absent");
    assert_eq!(p.reverse_checkpoint, None);
    assert_eq!(
        interpret_checkpoint(p.incr_checkpoint.as_deref().unwrap()),
        Checkpoint::Unix(1_689_239_993),
        "a UTC text checkpoint is a time"
    );
}

#[test]
fn a_verification_page_with_a_consistent_and_an_inconsistent_table() {
    use oms_progress_core::wire::classify_verify;
    let page = classify_verify(200, &fixture("v4-verify-result.json")).unwrap();
    assert_eq!((page.different_rows, page.total), (Some(7), Some(2)));
    let (orders, invoice) = (&page.tables[0], &page.tables[1]);
    assert_eq!(
        (
            orders.source_table.as_deref(),
            orders.consistent,
            orders.progress.as_deref()
        ),
        (Some("orders"), Some(52_000), Some("1.0"))
    );
    assert_eq!(orders.result_desc.as_deref(), Some("一致"));
    assert_eq!(
        (
            invoice.source_only,
            invoice.dest_only,
            invoice.mismatched,
            invoice.progress.as_deref()
        ),
        (Some(3), Some(1), Some(3), Some("80"))
    );
    assert_eq!(invoice.result_type.as_deref(), Some("INCONSISTENT"));
}
