//! Several OMS deployments on one page: each a short name (`bj`, `hz`) and
//! the base URL its requests go to, written `bj:/oms-bj,hz:/oms-hz`; and
//! console link templates given once for all or per source.

use super::problem::ProblemKind;
use super::widget::{check_base_url, check_console_url, OmsSource};

/// The longest source name: it is shown on every card.
const MAX_NAME: usize = 24;

/// Reads `name:url[,name:url…]`. Names are letters, digits, `_`, `-` and
/// `.`, unique (any case); URLs are checked as base URLs are.
pub fn parse_sources(text: &str) -> Result<Vec<OmsSource>, ProblemKind> {
    let mut sources: Vec<OmsSource> = Vec::new();
    for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (name, url) = split_named(entry).ok_or_else(|| bad(entry, NEEDS_NAME))?;
        check_base_url(url)?;
        if sources.iter().any(|s| s.name.eq_ignore_ascii_case(name)) {
            return Err(bad(entry, "names a source twice"));
        }
        sources.push(OmsSource {
            name: name.to_owned(),
            base_url: url.trim().to_owned(),
            console_url: None,
        });
    }
    if sources.is_empty() {
        return Err(bad(text.trim(), NEEDS_NAME));
    }
    Ok(sources)
}

const NEEDS_NAME: &str = "is not name:url (a short name, e.g. bj:/oms-bj)";

fn bad(value: &str, problem: &'static str) -> ProblemKind {
    ProblemKind::BadUrl {
        value: value.into(),
        problem,
    }
}

/// `name:rest` with a valid name; `https://…` is a URL, not the source `https`.
fn split_named(entry: &str) -> Option<(&str, &str)> {
    let (name, rest) = entry.split_once(':')?;
    let fits = |b: u8| b.is_ascii_alphanumeric() || b"_-.".contains(&b);
    let valid = !name.is_empty() && name.len() <= MAX_NAME && name.bytes().all(fits);
    (valid && !rest.starts_with("//")).then_some((name, rest.trim()))
}

/// A `console-url` value: one template for every source, or one per source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsoleUrls {
    /// `https://oms.example/#/project/{id}`: every source's.
    All(String),
    /// `bj:https://oms-bj.example/#/project/{id},hz:…`.
    PerSource(Vec<(String, String)>),
}

/// Reads a `console-url` value.
pub fn parse_console_urls(text: &str) -> Result<ConsoleUrls, ProblemKind> {
    let whole = text.trim();
    if split_named(whole).is_none() {
        check_console_url(whole)?;
        return Ok(ConsoleUrls::All(whole.to_owned()));
    }
    let mut each = Vec::new();
    for entry in whole.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (name, template) = split_named(entry).ok_or_else(|| bad(entry, NEEDS_NAME))?;
        check_console_url(template)?;
        each.push((name.to_owned(), template.to_owned()));
    }
    Ok(ConsoleUrls::PerSource(each))
}

/// Gives each source its template; a name that is no source is returned.
pub(super) fn assign_console_urls<'a>(
    sources: &mut [OmsSource],
    each: &'a [(String, String)],
) -> Result<(), &'a str> {
    for (name, template) in each {
        let source = sources
            .iter_mut()
            .find(|s| s.name.eq_ignore_ascii_case(name))
            .ok_or(name.as_str())?;
        source.console_url = Some(template.clone());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_named_urls() {
        let s = parse_sources(" bj:/oms-bj , hz:https://oms-hz.example/api-root ").unwrap();
        assert_eq!(
            s.iter()
                .map(|s| (s.name.as_str(), s.base_url.as_str()))
                .collect::<Vec<_>>(),
            [("bj", "/oms-bj"), ("hz", "https://oms-hz.example/api-root")]
        );
        assert_eq!(parse_sources("here:").unwrap()[0].base_url, "");
        for bad in [
            "",
            "/oms-bj",
            "https://oms.example",
            "bj:/a,BJ:/b",
            "b j:/a",
            "bj:ftp://x",
            "bj:https://u:p@h/",
        ] {
            assert!(parse_sources(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn console_templates_for_all_or_each() {
        assert_eq!(
            parse_console_urls("https://oms.example/#/p/{id}").unwrap(),
            ConsoleUrls::All("https://oms.example/#/p/{id}".into())
        );
        let each = parse_console_urls("bj:https://bj.example/{id}, hz:/hz/{id}").unwrap();
        let ConsoleUrls::PerSource(each) = each else {
            panic!("per source")
        };
        let mut sources = parse_sources("bj:/oms-bj,hz:/oms-hz").unwrap();
        assign_console_urls(&mut sources, &each).unwrap();
        assert_eq!(
            sources[1].console_url.as_deref(),
            Some("/hz/{id}"),
            "{sources:?}"
        );
        assert_eq!(
            assign_console_urls(&mut sources[..1], &each),
            Err("hz"),
            "a template for no source"
        );
        assert!(parse_console_urls("bj:https://bj.example/").is_err());
        assert!(parse_console_urls("bj:javascript:alert(1)//{id}").is_err());
    }
}
