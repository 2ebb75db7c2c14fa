//! OMS 4.x's components (`DescribeProjectComponents`): the Store that reads
//! the source's log and the writer that applies it, each with its delay.

use super::read::{list_data, number, text};
use super::FetchError;

/// One component as OMS sent it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WireComponent {
    /// `STORE`, `INCR_SYNC`… (as sent).
    pub kind: Option<String>,
    /// Seconds behind.
    pub delay: Option<i64>,
    /// Its status, as sent.
    pub status: Option<String>,
}

/// Reads one `DescribeProjectComponents` response.
pub fn classify_components(status: u16, body: &str) -> Result<Vec<WireComponent>, FetchError> {
    super::outcome::classify_with(status, body, |envelope| {
        list_data(envelope, |c| WireComponent {
            kind: text(c, &["componentType", "type"]),
            delay: number(c, &["delay"]),
            status: text(c, &["status"]),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_with_their_delays() {
        let body = r#"{"success":true,"data":[{"componentType":"STORE","delay":2,"status":"ACTIVE"},{"componentType":"INCR_SYNC","delay":"340","status":"RUNNING"},7]}"#;
        let components = classify_components(200, body).unwrap();
        assert_eq!(
            components,
            [
                WireComponent {
                    kind: Some("STORE".into()),
                    delay: Some(2),
                    status: Some("ACTIVE".into())
                },
                WireComponent {
                    kind: Some("INCR_SYNC".into()),
                    delay: Some(340),
                    status: Some("RUNNING".into())
                }
            ]
        );
    }
}
