//! How a request carries credentials: the cookie mode and extra headers.

use std::fmt;
use std::sync::Arc;

/// The `credentials` mode of the requests (cookies and TLS client certificates).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Credentials {
    /// Only to the page's own origin: the default, right behind a reverse proxy.
    #[default]
    SameOrigin,
    /// Also cross-origin; the OMS side must allow it with CORS.
    Include,
    /// Never.
    Omit,
}

impl Credentials {
    /// The Fetch API's names, in this order: `same-origin`, `include`, `omit`.
    pub const NAMES: [&'static str; 3] = ["same-origin", "include", "omit"];

    /// The Fetch API's name for it.
    pub fn name(self) -> &'static str {
        Credentials::NAMES[self as usize]
    }

    /// From the Fetch API's names.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "same-origin" => Some(Credentials::SameOrigin),
            "include" => Some(Credentials::Include),
            "omit" => Some(Credentials::Omit),
            _ => None,
        }
    }
}

/// Extra request headers, produced fresh for every request (e.g. from a
/// token getter). Only code can set it: never an attribute or a URL, and the
/// values are never logged or shown.
#[derive(Clone)]
pub struct HeaderSource(Arc<HeaderGetter>);

type HeaderGetter = dyn Fn() -> Result<Vec<(String, String)>, String> + Send + Sync;

impl HeaderSource {
    /// `get` returns the headers, or why it could not (the request then fails
    /// with that reason, which must not contain the secret itself).
    pub fn new(
        get: impl Fn() -> Result<Vec<(String, String)>, String> + Send + Sync + 'static,
    ) -> Self {
        HeaderSource(Arc::new(get))
    }

    /// The headers for the next request.
    pub fn headers(&self) -> Result<Vec<(String, String)>, String> {
        (self.0)()
    }
}

impl PartialEq for HeaderSource {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for HeaderSource {
    // Values stay out of debug output: they are secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HeaderSource(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_never_reach_debug_output() {
        let source =
            HeaderSource::new(|| Ok(vec![("Authorization".into(), "Bearer s3cret".into())]));
        assert!(!format!("{source:?}").contains("s3cret"));
        assert_eq!(source.headers().unwrap()[0].1, "Bearer s3cret");
    }

    #[test]
    fn credential_modes_by_their_fetch_names() {
        for name in Credentials::NAMES {
            assert!(Credentials::parse(name).is_some(), "{name}");
        }
        assert_eq!(Credentials::parse("always"), None);
    }
}
