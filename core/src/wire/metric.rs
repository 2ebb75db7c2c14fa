//! OMS 4.1+'s own time series (`DescribeProjectStepMetric`): a step's
//! delay or throughput over a window, read tolerantly (camelCase or
//! PascalCase, timestamps in seconds or milliseconds, values as numbers or
//! strings, `"null"` as null), and whether an error means that this OMS has
//! no such action at all.

use super::endpoint::ProgressRequest;
use super::json::quote;
use super::json::{Json as Value, Object};
use super::read::field;
use super::{FetchError, ParseError};

/// OMS refuses a window shorter than this (seconds).
pub const MIN_WINDOW_SECS: i64 = 3600;
/// OMS's docs advise more than five minutes a point; a point every 5.5 min
/// keeps an hour at 10 points.
pub const SECS_PER_POINT: i64 = 330;
/// The fewest and most points OMS accepts in one answer.
const POINT_LIMITS: (i64, i64) = (5, 7 * 24 * 60);

/// One request for a step's metric over `[end − window, end]`, unix seconds
/// on OMS's clock (`end` must not be later than OMS's now). The window is
/// widened to OMS's minimum, and the points spaced as OMS advises.
pub fn metric_request(
    project_id: &str,
    step: &str,
    metric: &str,
    end_secs: i64,
    window_secs: i64,
) -> ProgressRequest {
    let window = window_secs.max(MIN_WINDOW_SECS);
    let points = (window / SECS_PER_POINT).clamp(POINT_LIMITS.0, POINT_LIMITS.1);
    ProgressRequest {
        path: "/api/v2?Action=DescribeProjectStepMetric".into(),
        body: Some(format!(
            "{{\"projectId\":{},\"stepName\":{},\"metricType\":{},\"aggregator\":\"AVG\",\
             \"beginTimestamp\":{},\"endTimestamp\":{end_secs},\"maxPointNum\":{points}}}",
            quote(project_id),
            quote(step),
            quote(metric),
            end_secs - window,
        )),
    }
}

/// One point of a series: ms since the epoch (OMS's clock) and its value.
pub type Point = (i64, f64);

/// Reads one `DescribeProjectStepMetric` response: the points of its first
/// metric, oldest first (none when OMS has no data for the window).
/// Points without a time or a number are passed over.
pub fn classify_metric(status: u16, body: &str) -> Result<Vec<Point>, FetchError> {
    super::outcome::classify_with(status, body, |envelope| {
        let data = match field(envelope, &["data"]) {
            Some(Value::Object(data)) => data,
            Some(_) => return Err(ParseError::NoData),
            // OMS with nothing to say for the window.
            None => return Ok(Vec::new()),
        };
        let metric = match field(data, &["metrics"]) {
            Some(Value::Array(metrics)) => metrics.iter().find_map(|m| match m {
                Value::Object(m) => Some(m),
                _ => None,
            }),
            _ => None,
        };
        let Some(metric) = metric else {
            return Ok(Vec::new());
        };
        let points: Vec<Point> = match field(metric, &["dataPoints", "points"]) {
            Some(Value::Array(points)) => points
                .iter()
                .filter_map(|p| match p {
                    Value::Object(p) => point(p),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Ok(oldest_first(points))
    })
}

/// The points oldest first, each time once: OMS sends them in order (either
/// way round); a point out of that order is dropped rather than sorted in
/// (a generic sort costs the wasm more than such a point is worth).
fn oldest_first(mut points: Vec<Point>) -> Vec<Point> {
    if points.first().map(|p| p.0) > points.last().map(|p| p.0) {
        points.reverse();
    }
    let mut last = i64::MIN;
    points.retain(|p| {
        let keep = p.0 > last;
        last = last.max(p.0);
        keep
    });
    points
}

fn point(p: &Object) -> Option<Point> {
    let at = decimal(field(p, &["timestamp", "time"])?)?;
    let value = decimal(field(p, &["value"])?)?;
    // Seconds-sized times are seconds; OMS's docs say milliseconds.
    let at_ms = if at.abs() < 1e11 { at * 1000.0 } else { at };
    (at_ms.is_finite() && value.is_finite()).then_some((at_ms as i64, value))
}

fn decimal(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => crate::decimal::parse_decimal(n),
        Value::String(s) => crate::decimal::parse_decimal(s.trim()),
        _ => None,
    }
}

/// Whether `error` says that this OMS does not serve the action at all
/// (OMS 3.x and 4.0: "unknown action", a 404, a parameter error naming the
/// action) or refuses the window: asking again would get the same answer.
/// Timeouts, proxies and network failures are not: those pass.
pub fn lacks_action(error: &FetchError) -> bool {
    match error {
        // A route the proxy has not refuses it every time; its sign-in (a
        // 401 or 403 page) may pass later.
        FetchError::NotOms { .. } | FetchError::Refused { status: 404, .. } => true,
        FetchError::Http { status, .. } => matches!(status, 400 | 404 | 405 | 501),
        // OMS's answer to an action it does not know, or to a window it
        // refuses, is a parameter error; another OMS error (an internal
        // one) may pass, and is asked again after the backoff.
        FetchError::Oms(e) => {
            let said = |text: &Option<String>| {
                text.as_deref().is_some_and(|t| {
                    let t = t.to_ascii_lowercase();
                    ["param", "support", "action", "illegal", "invalid"]
                        .iter()
                        .any(|w| t.contains(w))
                })
            };
            said(&e.code) || said(&e.message)
        }
        FetchError::Invalid(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_is_clamped_to_an_hour_and_spaced_as_oms_advises() {
        let r = metric_request("np_1", "INCR_TRANSFER", "DELAY", 1_700_003_600, 600);
        assert_eq!(r.path, "/api/v2?Action=DescribeProjectStepMetric");
        assert_eq!(
            r.body.unwrap(),
            r#"{"projectId":"np_1","stepName":"INCR_TRANSFER","metricType":"DELAY","aggregator":"AVG","beginTimestamp":1700000000,"endTimestamp":1700003600,"maxPointNum":10}"#
        );
        let day = metric_request("np_1", "INCR_TRANSFER", "RPS", 1_700_086_400, 86_400);
        assert!(day.body.unwrap().ends_with(r#""maxPointNum":261}"#));
    }

    #[test]
    fn camel_or_pascal_seconds_or_milliseconds_numbers_or_strings() {
        let camel = r#"{"success":true,"data":{"aggregator":"AVG","referenceValue":null,"metrics":[{"name":"DELAY","tags":{},"dataPoints":[
            {"timestamp":1700000000,"value":30},{"timestamp":1700000600,"value":"12.5"},
            {"timestamp":1700000900,"value":"null"},{"value":4},{"timestamp":1700000300,"value":9},
            {"timestamp":1700001200000,"value":2}]}]}}"#;
        assert_eq!(
            classify_metric(200, camel).unwrap(),
            [
                (1_700_000_000_000, 30.0),
                (1_700_000_600_000, 12.5),
                (1_700_001_200_000, 2.0)
            ]
        );
        let pascal = r#"{"Success":true,"Data":{"Aggregator":"AVG","Metrics":[{"Name":"RPS","DataPoints":[{"Timestamp":"1700000000000","Value":1234.5}]}]}}"#;
        assert_eq!(
            classify_metric(200, pascal).unwrap(),
            [(1_700_000_000_000, 1234.5)]
        );
    }

    #[test]
    fn newest_first_is_turned_round() {
        let body = r#"{"success":true,"data":{"metrics":[{"dataPoints":[{"timestamp":1700000600,"value":1},{"timestamp":1700000000,"value":2}]}]}}"#;
        assert_eq!(
            classify_metric(200, body).unwrap(),
            [(1_700_000_000_000, 2.0), (1_700_000_600_000, 1.0)]
        );
    }

    #[test]
    fn empty_series_and_missing_parts_are_no_points_not_errors() {
        for body in [
            r#"{"success":true,"data":null}"#,
            r#"{"success":true}"#,
            r#"{"success":true,"data":{"metrics":[]}}"#,
            r#"{"success":true,"data":{"metrics":[{"name":"DELAY","dataPoints":null}]}}"#,
            r#"{"success":true,"data":{"metrics":[7,{"dataPoints":[]}]}}"#,
        ] {
            assert_eq!(classify_metric(200, body).unwrap(), [], "{body}");
        }
    }

    #[test]
    fn an_oms_without_the_action_is_told_from_a_passing_failure() {
        let unknown = r#"{"success":false,"errorDetail":{"code":"CM-PARAM0001","message":"action \"DescribeProjectStepMetric\" is not supported"}}"#;
        assert!(lacks_action(&classify_metric(200, unknown).unwrap_err()));
        assert!(lacks_action(
            &classify_metric(404, r#"{"status":404,"error":"Not Found"}"#).unwrap_err()
        ));
        assert!(lacks_action(
            &classify_metric(404, "<html><title>404</title></html>").unwrap_err()
        ));
        assert!(!lacks_action(
            &classify_metric(502, "<html>bad gateway</html>").unwrap_err()
        ));
        // The proxy's sign-in (an expired session) passes once signed in.
        for status in [401, 403] {
            let page = "<html><title>401 Authorization Required</title></html>";
            assert!(!lacks_action(&classify_metric(status, page).unwrap_err()));
        }
        assert!(!lacks_action(&FetchError::Timeout));
        let internal = r#"{"success":false,"code":"CM-SCHE000001","message":"[CM-SCHE000001]: internal service error"}"#;
        assert!(!lacks_action(&classify_metric(200, internal).unwrap_err()));
    }
}
