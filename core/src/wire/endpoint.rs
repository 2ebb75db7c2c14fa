//! Which OMS endpoint to ask, and how.

use super::json::quote;

/// The API generation and project type to poll.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ApiKind {
    /// V3.3 sync projects: `GET /api/omsp/v2/sync/{id}/progress`.
    #[default]
    Sync,
    /// V3.3 migration projects: `GET /api/omsp/v2/migrations/{id}/progress`.
    Migration,
    /// OMS 4.x, any project: `POST /api/v2?Action=DescribeProjectProgress`
    /// with `{"id": …}`.
    V4,
}

impl ApiKind {
    /// The names hosts use, in this order: `sync`, `migration`, `v4`.
    pub const NAMES: [&'static str; 3] = ["sync", "migration", "v4"];

    /// From those names (any case; `migrations` too); anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "sync" => Some(ApiKind::Sync),
            "migration" | "migrations" => Some(ApiKind::Migration),
            "v4" => Some(ApiKind::V4),
            _ => None,
        }
    }

    /// OMS 3.x's other endpoint (sync for migration, and back), where a
    /// project this one does not know may be; none for OMS 4.x.
    pub fn other_v3(self) -> Option<ApiKind> {
        match self {
            ApiKind::Sync => Some(ApiKind::Migration),
            ApiKind::Migration => Some(ApiKind::Sync),
            ApiKind::V4 => None,
        }
    }

    /// Its name: `sync`, `migration` or `v4`.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// One progress request: a path on the OMS origin, and the JSON body of a
/// POST (`None`: a GET).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressRequest {
    /// The path (and query) below the base URL.
    pub path: String,
    /// The JSON body of a POST; `None`: a GET.
    pub body: Option<String>,
}

impl ProgressRequest {
    /// A GET of the base URL itself: the template of requests whose path
    /// is set later (a job of several pages).
    pub fn at_base() -> ProgressRequest {
        ProgressRequest {
            path: String::new(),
            body: None,
        }
    }
}

/// The progress request for a project. The id is percent-encoded in a path
/// (so an odd id cannot reach another path) and escaped in a JSON body.
pub fn progress_request(kind: ApiKind, project_id: &str) -> ProgressRequest {
    let segment = match kind {
        ApiKind::Sync => "sync",
        ApiKind::Migration => "migrations",
        ApiKind::V4 => return v4_action("DescribeProjectProgress", project_id),
    };
    let mut id = String::with_capacity(project_id.len());
    for b in project_id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            id.push(b as char);
        } else {
            id.push_str(&format!("%{b:02X}"));
        }
    }
    ProgressRequest {
        path: format!("/api/omsp/v2/{segment}/{id}/progress"),
        body: None,
    }
}

/// OMS 4.x's step plan for a project: `POST /api/v2?Action=DescribeProjectSteps`.
pub fn steps_request(project_id: &str) -> ProgressRequest {
    v4_action("DescribeProjectSteps", project_id)
}

/// OMS 4.x's components of a project: `POST /api/v2?Action=DescribeProjectComponents`.
pub fn components_request(project_id: &str) -> ProgressRequest {
    v4_action("DescribeProjectComponents", project_id)
}

/// What a `ListProjects` request asks OMS to filter by (OMS does the
/// filtering, so fewer pages come back).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// `SYNC` or `MIGRATION`; `None`: both.
    pub kind: Option<String>,
    /// OMS's status names; empty: every status.
    pub statuses: Vec<String>,
    /// A part of the project's name or id (`searchKey`, inferred).
    pub search: Option<String>,
}

/// Page `page` (from 1) of OMS 4.x's project list, at most
/// [`super::MAX_PAGE_SIZE`] projects: `POST /api/v2?Action=ListProjects`.
pub fn list_request(query: &ListQuery, page: u32) -> ProgressRequest {
    let mut body = String::from("{");
    if let Some(kind) = &query.kind {
        body.push_str("\"type\":");
        body.push_str(&quote(kind));
        body.push(',');
    }
    if !query.statuses.is_empty() {
        let list: Vec<String> = query.statuses.iter().map(|s| quote(s)).collect();
        body.push_str("\"status\":[");
        body.push_str(&list.join(","));
        body.push_str("],");
    }
    if let Some(search) = &query.search {
        body.push_str("\"searchKey\":");
        body.push_str(&quote(search));
        body.push(',');
    }
    body.push_str("\"pageNumber\":");
    body.push_str(&page.max(1).to_string());
    body.push_str(",\"pageSize\":");
    body.push_str(&super::MAX_PAGE_SIZE.to_string());
    body.push('}');
    ProgressRequest {
        path: "/api/v2?Action=ListProjects".into(),
        body: Some(body),
    }
}

fn v4_action(action: &str, project_id: &str) -> ProgressRequest {
    ProgressRequest {
        path: format!("/api/v2?Action={action}"),
        body: Some(format!("{{\"id\":{}}}", quote(project_id))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_for_every_kind_and_odd_ids() {
        let path = |kind, id| progress_request(kind, id).path;
        assert_eq!(
            path(ApiKind::Sync, "np_4ur1zdx1v8cg"),
            "/api/omsp/v2/sync/np_4ur1zdx1v8cg/progress"
        );
        assert_eq!(
            path(ApiKind::Migration, "p_1"),
            "/api/omsp/v2/migrations/p_1/progress"
        );
        assert_eq!(
            path(ApiKind::Sync, "../x?y"),
            "/api/omsp/v2/sync/..%2Fx%3Fy/progress"
        );
        assert_eq!(ApiKind::parse(" Migration "), Some(ApiKind::Migration));
        assert_eq!(ApiKind::parse("V4"), Some(ApiKind::V4));
        assert_eq!(ApiKind::parse("v3"), None);
        for name in ApiKind::NAMES {
            assert_eq!(ApiKind::parse(name).map(ApiKind::as_str), Some(name));
        }
        assert_eq!(ApiKind::V4.other_v3(), None);
        assert_eq!(ApiKind::Sync.other_v3(), Some(ApiKind::Migration));
    }

    #[test]
    fn list_pages_carry_their_filters_as_json() {
        let all = list_request(&ListQuery::default(), 0);
        assert_eq!(all.path, "/api/v2?Action=ListProjects");
        assert_eq!(all.body.unwrap(), r#"{"pageNumber":1,"pageSize":150}"#);
        let query = ListQuery {
            kind: Some("SYNC".into()),
            statuses: vec!["FAILED".into(), "RUNNING".into()],
            search: Some("or\"ders".into()),
        };
        let body = list_request(&query, 3).body.unwrap();
        assert_eq!(
            body,
            r#"{"type":"SYNC","status":["FAILED","RUNNING"],"searchKey":"or\"ders","pageNumber":3,"pageSize":150}"#
        );
        assert!(crate::wire::json::parse(&body).is_some());
    }

    #[test]
    fn v4_posts_the_id_as_json_whatever_it_holds() {
        let r = progress_request(ApiKind::V4, "np_1\"}, \"x\\\n");
        assert_eq!(r.path, "/api/v2?Action=DescribeProjectProgress");
        let body = r.body.unwrap();
        assert_eq!(body, r#"{"id":"np_1\"}, \"x\\\n"}"#);
        let parsed = crate::wire::json::parse(&body).unwrap();
        assert_eq!(
            parsed,
            crate::wire::json::Json::Object(vec![(
                "id".into(),
                crate::wire::json::Json::String("np_1\"}, \"x\\\n".into())
            )])
        );
    }
}
