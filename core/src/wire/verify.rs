//! OMS 4.x's full verification results (`ListProjectFullVerifyResult`):
//! OMS's total of rows that differ, and one line of counts per table.

use super::endpoint::ProgressRequest;
use super::json::quote;
use super::json::{Json as Value, Object};
use super::read::{field, number, text};
use super::{FetchError, ParseError};

/// The most tables OMS puts on one page.
pub const VERIFY_PAGE_SIZE: u32 = 150;
/// At most this many pages (3,000 tables) are read per look.
pub const MAX_VERIFY_PAGES: u32 = 20;

/// Page `page` (from 1) of a project's verification results, tables in
/// every state. ODC (the one client whose requests are public) sends the
/// table statuses as a list and a schema list each; empty lists ask for
/// every schema.
pub fn verify_request(project_id: &str, page: u32) -> ProgressRequest {
    ProgressRequest {
        path: "/api/v2?Action=ListProjectFullVerifyResult".into(),
        body: Some(format!(
            "{{\"projectId\":{},\"sourceSchemas\":[],\"destSchemas\":[],\
             \"status\":[\"FINISHED\",\"SUSPEND\",\"RUNNING\",\"ERROR\"],\
             \"pageNumber\":{},\"pageSize\":{VERIFY_PAGE_SIZE}}}",
            quote(project_id),
            page.max(1),
        )),
    }
}

/// One table's verification, every field as OMS sent it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireVerifyTable {
    /// The source schema.
    pub source_schema: Option<String>,
    /// The source table.
    pub source_table: Option<String>,
    /// The target schema.
    pub dest_schema: Option<String>,
    /// Rows only in the source.
    pub source_only: Option<i64>,
    /// Rows only in the target.
    pub dest_only: Option<i64>,
    /// Rows on both sides that differ.
    pub mismatched: Option<i64>,
    /// Rows that agree.
    pub consistent: Option<i64>,
    /// As sent: a fraction (`"1.0"`) or a percent (`"80"`).
    pub progress: Option<String>,
    /// `RUNNING`, `ERROR`, `FINISHED`, `SUSPEND` (or raw).
    pub status: Option<String>,
    /// `CONSISTENT`, `INCONSISTENT`, `SCHEMA_MISMATCH`… (or raw).
    pub result_type: Option<String>,
    /// OMS's localised label of the result, e.g. "一致".
    pub result_desc: Option<String>,
    /// OMS's message.
    pub message: Option<String>,
}

/// One page of results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyPage {
    /// OMS's total of rows that differ (`differentNumber`), when sent.
    pub different_rows: Option<i64>,
    /// The page's tables.
    pub tables: Vec<WireVerifyTable>,
    /// How many tables in all (the envelope's `totalCount`), when sent.
    pub total: Option<i64>,
}

/// Every table read, and whether that is all of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyResult {
    /// OMS's total of rows that differ, from the first page.
    pub different_rows: Option<i64>,
    /// The tables, from every page read.
    pub tables: Vec<WireVerifyTable>,
    /// OMS's count of tables, when it said.
    pub total: Option<i64>,
    /// Why the pages stopped before their end.
    pub cut_short: Option<FetchError>,
}

impl VerifyResult {
    /// Adds a page; returns the next page to ask for, or `None` when all
    /// are read (by `totalCount`, or a page shorter than a full one).
    pub fn add(&mut self, page: VerifyPage, number: u32) -> Option<u32> {
        if number == 1 {
            self.different_rows = page.different_rows;
        }
        if page.total.is_some() {
            self.total = page.total;
        }
        let full = page.tables.len() as u32 >= VERIFY_PAGE_SIZE;
        self.tables.extend(page.tables);
        let more = match self.total {
            Some(total) => (self.tables.len() as i64) < total && full,
            None => full,
        };
        if more && number >= MAX_VERIFY_PAGES {
            self.cut_short = Some(FetchError::Invalid(ParseError::TooLarge {
                bytes: self.tables.len(),
            }));
            return None;
        }
        more.then_some(number + 1)
    }

    /// Whether fewer tables were read than OMS has.
    pub fn is_partial(&self) -> bool {
        self.cut_short.is_some() || self.total.is_some_and(|t| (self.tables.len() as i64) < t)
    }
}

/// Reads one `ListProjectFullVerifyResult` response.
pub fn classify_verify(status: u16, body: &str) -> Result<VerifyPage, FetchError> {
    super::outcome::classify_with(status, body, |envelope| {
        let total = number(envelope, &["totalCount"]);
        match field(envelope, &["data"]) {
            Some(Value::Object(data)) => Ok(VerifyPage {
                different_rows: number(data, &["differentNumber"]),
                tables: match field(data, &["fullVerifyTableStatistics"]) {
                    Some(Value::Array(items)) => items
                        .iter()
                        .filter_map(|i| match i {
                            Value::Object(t) => Some(table(t)),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                },
                total,
            }),
            Some(_) => Err(ParseError::NoData),
            None => Ok(VerifyPage {
                total,
                ..VerifyPage::default()
            }),
        }
    })
}

fn table(t: &Object) -> WireVerifyTable {
    WireVerifyTable {
        source_schema: text(t, &["sourceSchemaName"]),
        source_table: text(t, &["sourceTableName"]),
        dest_schema: text(t, &["destSchemaName"]),
        source_only: number(t, &["sourceOnlyCount"]),
        dest_only: number(t, &["destOnlyCount"]),
        mismatched: number(t, &["mismatchedCount"]),
        consistent: number(t, &["consistentCount"]),
        progress: text(t, &["progress"]),
        status: text(t, &["status"]),
        result_type: text(t, &["resultType"]),
        result_desc: text(t, &["resultDesc"]),
        message: text(t, &["message"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_follows_odc() {
        let body = verify_request("np_1", 2).body.unwrap();
        assert_eq!(
            body,
            r#"{"projectId":"np_1","sourceSchemas":[],"destSchemas":[],"status":["FINISHED","SUSPEND","RUNNING","ERROR"],"pageNumber":2,"pageSize":150}"#
        );
        assert!(crate::wire::json::parse(&body).is_some());
    }

    #[test]
    fn pages_end_by_the_count_or_a_short_page_and_are_bounded() {
        let tables = |n: usize| vec![WireVerifyTable::default(); n];
        let mut r = VerifyResult::default();
        let page = |tables, total| VerifyPage {
            different_rows: Some(3),
            tables,
            total,
        };
        assert_eq!(r.add(page(tables(150), Some(160)), 1), Some(2));
        assert_eq!(r.add(page(tables(10), Some(160)), 2), None);
        assert_eq!((r.tables.len(), r.is_partial()), (160, false));
        let mut r = VerifyResult::default();
        assert_eq!(r.add(page(tables(150), None), 1), Some(2));
        assert_eq!(r.add(page(tables(0), None), 2), None);
        let mut endless = VerifyResult::default();
        let mut n = 1;
        while let Some(next) = endless.add(page(tables(150), None), n) {
            n = next;
        }
        assert_eq!((n, endless.is_partial()), (MAX_VERIFY_PAGES, true));
    }
}
