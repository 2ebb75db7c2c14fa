//! Attributes that nearly spell an option (`intreval`, `projectid`): the
//! element cannot tell its own attributes from the page's, so it ignores
//! the ones it does not know, and a typo would go unnoticed. These are
//! reported, as an unknown URL parameter is; every other attribute is the
//! page's own business. An unknown URL parameter that nearly spells one
//! (`grop`) is told which it nearly spells.

use super::problem::{Problem, ProblemKind};

/// Attributes any element may carry, which are never an option's typo.
const GLOBAL: [&str; 22] = [
    "accesskey",
    "autocapitalize",
    "autofocus",
    "class",
    "contenteditable",
    "dir",
    "draggable",
    "enterkeyhint",
    "exportparts",
    "hidden",
    "id",
    "inert",
    "inputmode",
    "is",
    "nonce",
    "part",
    "popover",
    "role",
    "slot",
    "spellcheck",
    "style",
    "tabindex",
];

/// The problems of `attributes` (the element's names, as the browser gives
/// them: lower case) that are not among `known` but nearly spell one: the
/// same but for case, `-` and `_`, or within two edits (one for short
/// names; names of two letters are never reported).
pub fn near_misses(attributes: &[String], known: &[&'static str]) -> Vec<Problem> {
    attributes
        .iter()
        .filter(|name| {
            let name = name.to_ascii_lowercase();
            // Two letters are too few to be sure of a typo.
            name.len() > 2
                && !known.contains(&name.as_str())
                && !GLOBAL.contains(&name.as_str())
                && !name.starts_with("data-")
                && !name.starts_with("aria-")
                && !name.starts_with("on")
                && name != "title"
                && name != "translate"
        })
        .filter_map(|name| {
            let meant = nearest(name, known)?;
            Some(Problem::new(name.clone(), ProblemKind::NearMiss { meant }))
        })
        .collect()
}

/// The name among `known` that `name` nearly spells (as for
/// [`near_misses`]), the nearest when several are near; `None` when none
/// is, or for a name of two letters or fewer.
pub fn nearest(name: &str, known: &[&'static str]) -> Option<&'static str> {
    if name.len() <= 2 {
        return None;
    }
    known
        .iter()
        .copied()
        .filter_map(|option| Some((distance(name, option)?, option)))
        .min()
        .map(|(_, option)| option)
}

/// How far `name` is from `option`, when it is near enough to be a typo of it.
fn distance(name: &str, option: &str) -> Option<usize> {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '-' && *c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let (a, b) = (plain(name), plain(option));
    if a == b {
        return Some(0);
    }
    let limit = if b.len() < 5 { 1 } else { 2 };
    let d = edits(&a, &b);
    (d <= limit).then_some(d)
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit.
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 5] = ["project-id", "interval", "api", "lang", "base-url"];

    fn said(attributes: &[&str]) -> Vec<String> {
        let names: Vec<String> = attributes.iter().map(|s| s.to_string()).collect();
        near_misses(&names, &KNOWN)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn typos_of_options_are_reported_with_what_was_meant() {
        assert_eq!(
            said(&["intreval", "projectid", "baseurl", "apu"]),
            [
                "\"intreval\" is not an option: did you mean interval?",
                "\"projectid\" is not an option: did you mean project-id?",
                "\"baseurl\" is not an option: did you mean base-url?",
                "\"apu\" is not an option: did you mean api?",
            ]
        );
    }

    #[test]
    fn the_nearest_name_or_none() {
        assert_eq!(nearest("grop", &["group", "source", "lang"]), Some("group"));
        assert_eq!(nearest("Group", &["group"]), Some("group"), "any case");
        assert_eq!(nearest("lng", &["lang", "label"]), Some("lang"));
        assert_eq!(nearest("colour", &["group", "source"]), None);
        assert_eq!(nearest("ap", &["api"]), None, "two letters are too few");
    }

    #[test]
    fn the_pages_own_attributes_stay_silent() {
        let own = [
            "class",
            "id",
            "style",
            "data-team",
            "aria-label",
            "slot",
            "title",
            "hidden",
            "onclick",
            "lang",
            "interval",
            "colour",
            "width",
            "tabindex",
            "ap",
        ];
        assert_eq!(said(&own), Vec::<String>::new());
    }
}
