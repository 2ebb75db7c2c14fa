//! Reading a response body: the envelope, OMS's error fields and the
//! progress `data`, each field under every name OMS is known to use.

use super::json::{self, Json as Value, Object};
use super::{Answer, OmsError, ParseError, Percent, Progress, Status};

/// At most this many characters of a bad body are kept for the operator.
pub const EXCERPT_CHARS: usize = 120;

/// A short, single-line excerpt of a body, for error messages.
pub fn excerpt(body: &str) -> String {
    let flat: String = body
        .trim()
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if body.trim().chars().count() > EXCERPT_CHARS {
        format!("{flat}…")
    } else {
        flat
    }
}

/// A progress answer is well under 1 KB; anything past this is not one.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Reads a whole response body.
pub fn parse_answer(body: &str) -> Result<Answer, ParseError> {
    let envelope = envelope(body, MAX_BODY_BYTES)?;
    if failed(&envelope) {
        return Ok(Answer::Failed(oms_error(&envelope)));
    }
    progress_data(&envelope).map(Answer::Progress)
}

/// `success: false`: OMS reported a failure (HTTP 200 all the same).
pub(super) fn failed(envelope: &Object) -> bool {
    field(envelope, &["success"]).is_some_and(|s| s == &Value::Bool(false))
}

/// A successful envelope's `data` as a list, each object read by `item`
/// (anything in the list that is not an object is passed over).
pub(super) fn list_data<T>(
    envelope: &Object,
    item: fn(&Object) -> T,
) -> Result<Vec<T>, ParseError> {
    match field(envelope, &["data"]) {
        Some(Value::Array(items)) => Ok(items
            .iter()
            .filter_map(|i| match i {
                Value::Object(o) => Some(item(o)),
                _ => None,
            })
            .collect()),
        Some(Value::Object(_)) => Err(ParseError::NotAList),
        _ => Err(ParseError::NoData),
    }
}

/// The progress in a successful envelope's `data`.
pub(super) fn progress_data(envelope: &Object) -> Result<Progress, ParseError> {
    match field(envelope, &["data"]) {
        Some(Value::Object(data)) => Ok(progress(data)),
        Some(Value::Array(_)) => Err(ParseError::DataIsAList),
        _ => Err(ParseError::NoData),
    }
}

/// A body of at most `max_bytes` as a JSON object, or why it is not one.
pub(super) fn envelope(body: &str, max_bytes: usize) -> Result<Object, ParseError> {
    if body.len() > max_bytes {
        return Err(ParseError::TooLarge { bytes: body.len() });
    }
    if body.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    match json::parse(body) {
        Some(Value::Object(envelope)) => Ok(envelope),
        Some(_) => Err(ParseError::NotAnObject {
            excerpt: excerpt(body),
        }),
        None => Err(ParseError::NotJson {
            excerpt: excerpt(body),
        }),
    }
}

/// OMS's error fields from an envelope (also used for non-200 answers).
pub(super) fn oms_error(envelope: &Object) -> OmsError {
    let detail = match field(envelope, &["errorDetail"]) {
        Some(Value::Object(d)) => Some(d),
        _ => None,
    };
    let from_detail = |name: &str| detail.and_then(|d| text(d, &[name]));
    OmsError {
        // OCP's numeric `Code` (200, 500) is an HTTP-like status, not OMS's code.
        code: error_code(envelope, "code")
            .or_else(|| error_code(envelope, "errorCode"))
            .or_else(|| detail.and_then(|d| error_code(d, "code"))),
        // OMS 4.x puts the specific text only in errorDetail, beside a
        // generic "[CODE]: internal service error" at the top.
        message: from_detail("message").or_else(|| text(envelope, &["message"])),
        advice: text(envelope, &["advice"]).or_else(|| from_detail("proposal")),
        request_id: text(envelope, &["requestId"]).or_else(|| from_detail("requestId")),
        level: from_detail("level"),
    }
}

/// An error code as text, trimmed (one published code ends in a newline);
/// numbers and blanks are not codes.
fn error_code(map: &Object, name: &str) -> Option<String> {
    match field(map, &[name])? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

fn progress(data: &Object) -> Progress {
    Progress {
        status: text(data, &["status"]).and_then(|s| Status::parse(&s)),
        importance: text(data, &["importance", "alarmLevel"]),
        enable_struct: flag(
            data,
            &[
                "enableStructSync",
                "enableStructMigration",
                "enableStructTransfer",
            ],
        ),
        enable_full: flag(
            data,
            &[
                "enableFullSync",
                "enableFullMigration",
                "enableFullTransfer",
            ],
        ),
        enable_incr: flag(data, &["enableIncrSync", "enableIncrTransfer"]),
        enable_reverse_incr: flag(
            data,
            &["enableReverseIncrSync", "enableReverseIncrTransfer"],
        ),
        current_step: text(data, &["currentStep"]),
        struct_progress: percent(
            data,
            &[
                "structMigrationProgress",
                "structSyncProgress",
                "structTransferProgress",
            ],
        ),
        full_progress: percent(
            data,
            &[
                "fullMigrationProgress",
                "fullSyncProgress",
                "fullTransferProgress",
            ],
        ),
        incr_checkpoint: text(data, &["incrSyncCheckpoint", "incrTransferCheckpoint"]),
        reverse_checkpoint: text(
            data,
            &["reverseIncrTransferCheckpoint", "reverseIncrSyncCheckpoint"],
        ),
    }
}

/// The first non-null value under any of `names`, keys compared case-insensitively.
pub(super) fn field<'a>(map: &'a Object, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|name| {
        // An exact key first (the last, if repeated), then any case.
        map.iter()
            .rev()
            .find(|(k, _)| k == name)
            .or_else(|| map.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(name)))
            .map(|(_, v)| v)
            // Published examples write some nulls as the text "null".
            .filter(|v| !matches!(v, Value::Null) && !matches!(v, Value::String(s) if s == "null"))
    })
}

/// A field as text: strings as they are, numbers and booleans as written.
pub(super) fn text(map: &Object, names: &[&str]) -> Option<String> {
    match field(map, names)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.clone()),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(excerpt(&other.to_string())),
    }
}

/// A whole number (or a numeric string); anything else is unknown.
pub(super) fn number(map: &Object, names: &[&str]) -> Option<i64> {
    let text = match field(map, names)? {
        Value::Number(n) => n.as_str(),
        Value::String(s) => s.trim(),
        _ => return None,
    };
    text.parse::<i64>().ok()
}

/// A boolean flag; `"true"`/`"false"` strings are accepted, anything else is unknown.
pub(super) fn flag(map: &Object, names: &[&str]) -> Option<bool> {
    match field(map, names)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// A percentage: numbers (or numeric strings) clamped to 0–100, with the raw
/// text kept whenever the value was not a plain integer in range.
pub(super) fn percent(map: &Object, names: &[&str]) -> Option<Percent> {
    let value = field(map, names)?;
    let (number, raw) = match value {
        Value::Number(n) => (crate::decimal::parse_decimal(n), n.clone()),
        Value::String(s) => (crate::decimal::parse_decimal(s.trim()), s.clone()),
        other => (None, excerpt(&other.to_string())),
    };
    let Some(number) = number else {
        // Not a number at all: nothing to draw, but say what came.
        return Some(Percent {
            value: 0,
            raw: Some(raw),
        });
    };
    let clamped = number.clamp(0.0, 100.0);
    let plain = value.is_u64() && clamped == number;
    Some(Percent {
        value: clamped.floor() as u8,
        raw: (!plain).then_some(raw),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(json: &str) -> Progress {
        match parse_answer(&format!(r#"{{"success":true,"data":{json}}}"#)).unwrap() {
            Answer::Progress(p) => p,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn percentages_are_clamped_and_flagged() {
        let p = data(r#"{"structMigrationProgress":-5,"fullMigrationProgress":150}"#);
        assert_eq!(
            p.struct_progress,
            Some(Percent {
                value: 0,
                raw: Some("-5".into())
            })
        );
        assert_eq!(
            p.full_progress,
            Some(Percent {
                value: 100,
                raw: Some("150".into())
            })
        );
        let p = data(r#"{"structSyncProgress":"50","fullSyncProgress":1e12}"#);
        assert_eq!(
            p.struct_progress,
            Some(Percent {
                value: 50,
                raw: Some("50".into())
            })
        );
        assert_eq!(p.full_progress.unwrap().value, 100);
        let p = data(r#"{"structTransferProgress":null,"fullTransferProgress":"abc"}"#);
        assert_eq!(p.struct_progress, None);
        assert_eq!(
            p.full_progress,
            Some(Percent {
                value: 0,
                raw: Some("abc".into())
            })
        );
        let p = data(r#"{"structMigrationProgress":42}"#);
        assert_eq!(
            p.struct_progress,
            Some(Percent {
                value: 42,
                raw: None
            })
        );
    }

    #[test]
    fn keys_match_in_any_case_and_checkpoints_as_string_or_number() {
        let p = data(r#"{"STATUS":"RUNNING","IncrSyncCheckpoint":1661241223,"alarmLevel":"HIGH"}"#);
        assert_eq!(p.status, Some(Status::Running));
        assert_eq!(p.incr_checkpoint.as_deref(), Some("1661241223"));
        assert_eq!(p.importance.as_deref(), Some("HIGH"));
    }

    #[test]
    fn failures_carry_code_message_and_advice() {
        let a = parse_answer(
            r#"{"success":false,"code":"PARAM_ERROR","message":"bad id","advice":"check it"}"#,
        );
        let Answer::Failed(e) = a.unwrap() else {
            panic!()
        };
        assert_eq!(
            (e.code.as_deref(), e.message.as_deref(), e.advice.as_deref()),
            (Some("PARAM_ERROR"), Some("bad id"), Some("check it"))
        );
        // V4 puts them in errorDetail; OCP sends a numeric code.
        let a = parse_answer(
            r#"{"Success":false,"Code":500,"ErrorDetail":{"code":"GHANA-OPERAT000001","message":"m"}}"#,
        );
        let Answer::Failed(e) = a.unwrap() else {
            panic!()
        };
        assert_eq!(
            (e.code.as_deref(), e.message.as_deref()),
            (Some("GHANA-OPERAT000001"), Some("m"))
        );
        // V4: the specific text in errorDetail wins over the generic one;
        // codes are trimmed; the text "null" is absent.
        let a = parse_answer(
            r#"{"success":false,"code":"CM-RESONF000003\n","message":"[CM-RESONF000003]: internal service error","advice":"null","errorDetail":{"message":"project np_x does not exist","proposal":"Check the id","requestId":"r-1"}}"#,
        );
        let Answer::Failed(e) = a.unwrap() else {
            panic!()
        };
        assert_eq!(
            (
                e.code.as_deref(),
                e.message.as_deref(),
                e.advice.as_deref(),
                e.request_id.as_deref()
            ),
            (
                Some("CM-RESONF000003"),
                Some("project np_x does not exist"),
                Some("Check the id"),
                Some("r-1")
            )
        );
    }

    #[test]
    fn bad_bodies_are_typed_errors_with_excerpts() {
        assert_eq!(parse_answer(""), Err(ParseError::Empty));
        assert!(
            matches!(parse_answer("<html>502</html>"), Err(ParseError::NotJson { excerpt }) if excerpt == "<html>502</html>")
        );
        assert!(matches!(
            parse_answer("[1,2]"),
            Err(ParseError::NotAnObject { .. })
        ));
        assert_eq!(
            parse_answer(r#"{"success":true,"data":null}"#),
            Err(ParseError::NoData)
        );
        assert_eq!(
            parse_answer(r#"{"success":true,"data":[{"id":"np_1"}]}"#),
            Err(ParseError::DataIsAList)
        );
        let long = "x".repeat(500);
        let Err(ParseError::NotJson { excerpt }) = parse_answer(&long) else {
            panic!()
        };
        assert_eq!(excerpt.chars().count(), EXCERPT_CHARS + 1);
    }
}
