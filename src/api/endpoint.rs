//! Which OMS endpoint to ask.

/// The API generation and project type to poll.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ApiKind {
    /// V3.3 sync projects: `GET /api/omsp/v2/sync/{id}/progress`.
    #[default]
    Sync,
    /// V3.3 migration projects: `GET /api/omsp/v2/migrations/{id}/progress`.
    Migration,
}

impl ApiKind {
    /// `"sync"` or `"migration"`, as in the page's `api=` parameter; anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "sync" => Some(ApiKind::Sync),
            "migration" | "migrations" => Some(ApiKind::Migration),
            _ => None,
        }
    }
}

/// The request path for a project, with the id percent-encoded so an odd id
/// cannot reach another path.
pub fn progress_path(kind: ApiKind, project_id: &str) -> String {
    let segment = match kind {
        ApiKind::Sync => "sync",
        ApiKind::Migration => "migrations",
    };
    let mut id = String::with_capacity(project_id.len());
    for b in project_id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            id.push(b as char);
        } else {
            id.push_str(&format!("%{b:02X}"));
        }
    }
    format!("/api/omsp/v2/{segment}/{id}/progress")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_for_both_kinds_and_odd_ids() {
        assert_eq!(
            progress_path(ApiKind::Sync, "np_4ur1zdx1v8cg"),
            "/api/omsp/v2/sync/np_4ur1zdx1v8cg/progress"
        );
        assert_eq!(
            progress_path(ApiKind::Migration, "p_1"),
            "/api/omsp/v2/migrations/p_1/progress"
        );
        assert_eq!(
            progress_path(ApiKind::Sync, "../x?y"),
            "/api/omsp/v2/sync/..%2Fx%3Fy/progress"
        );
        assert_eq!(ApiKind::parse(" Migration "), Some(ApiKind::Migration));
        assert_eq!(ApiKind::parse("v4"), None);
    }
}
