//! The docs say what the code does, and their snippets are tests:
//!
//! - the option tables are generated from the one option table
//!   (`core/src/options/table.rs`); `OMS_UPDATE_DOCS=1 cargo test --test docs`
//!   rewrites them;
//! - every fenced block of README.md and docs/*.md carries, on the line
//!   before it, a marker saying how it is tested: `<!-- snippet:PATH -->`
//!   (equal to PATH, a file a test builds and runs), `<!-- test:KIND -->`
//!   (run as written by tests/e2e/snippets.test.mjs, which fails for a
//!   marked block it did not run), or `<!-- figure: WHY -->` for what is
//!   not code to run (a diagram, a measurement, OMS's own example);
//! - the project ids in snippets exist in the simulator's scenarios, the
//!   scripts they name can be run, and the sections other files point at
//!   exist.
#![cfg(not(target_arch = "wasm32"))]

use oms_progress_core::options::{markdown_table, Source};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    // Read at run time: a test binary cached from another clone keeps working.
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// README.md and every doc under docs/, by path from the repository's root.
fn docs() -> Vec<String> {
    let mut docs: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    docs.sort();
    docs.insert(0, "README.md".to_owned());
    docs
}

/// One fenced block: where it is, its language, its text and the marker on
/// the line before its fence.
struct Block {
    place: String,
    lang: String,
    code: String,
    marker: Option<String>,
}

/// The fenced blocks of a doc. Fences start a line; an indented fence is
/// refused, so no block hides from the markers.
fn blocks(file: &str) -> Vec<Block> {
    let text = read(file);
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        assert!(
            line.starts_with("```") || !line.trim_start().starts_with("```"),
            "{file}:{}: a fence must start its line",
            i + 1
        );
        let Some(lang) = line.strip_prefix("```") else {
            i += 1;
            continue;
        };
        let end = (i + 1..lines.len())
            .find(|&j| lines[j] == "```")
            .unwrap_or_else(|| panic!("{file}:{}: an unclosed fence", i + 1));
        let marker = i
            .checked_sub(1)
            .map(|before| lines[before].trim())
            .and_then(|m| m.strip_prefix("<!-- "))
            .and_then(|m| m.strip_suffix(" -->"))
            .map(str::to_owned);
        found.push(Block {
            place: format!("{file}:{}", i + 1),
            lang: lang.trim().to_owned(),
            code: lines[i + 1..end].iter().map(|l| format!("{l}\n")).collect(),
            marker,
        });
        i = end + 1;
    }
    found
}

/// The kinds tests/e2e/snippets.test.mjs runs, each with the languages its
/// blocks may have.
const TEST_KINDS: &[(&str, &[&str])] = &[
    ("html", &["html"]),
    ("js", &["js"]),
    ("ts", &["ts", "tsx"]),
    ("css", &["css"]),
    ("urls-demo", &[""]),
    ("urls-try", &[""]),
    ("sh-npm", &["sh"]),
    ("sh-try", &["sh"]),
    ("sh-install", &["sh"]),
    ("sh-sim", &["sh"]),
    ("output", &["json"]),
    ("toml-leptos", &["toml"]),
];

/// The first words of a line one would run or open.
fn runnable(line: &str) -> bool {
    let line = line.trim_start();
    [
        "http://", "https://", "curl ", "cargo ", "npm ", "scripts/", "$ ", "trunk ", "bash ",
    ]
    .iter()
    .any(|start| line.starts_with(start))
}

#[test]
fn every_fenced_block_says_how_it_is_tested() {
    let mut problems = Vec::new();
    let mut counted = 0;
    for file in docs() {
        let mut previous: Option<String> = None;
        for block in blocks(&file) {
            counted += 1;
            let Block {
                place,
                lang,
                code,
                marker,
            } = &block;
            let Some(marker) = marker else {
                problems.push(format!(
                    "{place}: no marker: put <!-- test:KIND -->, <!-- snippet:PATH --> or <!-- figure: WHY --> on the line before"
                ));
                continue;
            };
            if let Some(kind) = marker.strip_prefix("test:") {
                match TEST_KINDS.iter().find(|(k, _)| *k == kind) {
                    None => problems.push(format!("{place}: no test runs `{kind}` blocks")),
                    Some((_, langs)) if !langs.contains(&lang.as_str()) => {
                        problems.push(format!("{place}: a `{kind}` block in `{lang}`"))
                    }
                    Some(_) => {}
                }
                if kind == "output" && previous.as_deref() != Some("test:sh-sim") {
                    problems.push(format!(
                        "{place}: an answer must follow the commands it is the answer of"
                    ));
                }
                if kind.starts_with("urls-") {
                    let origin = if kind == "urls-demo" {
                        "http://127.0.0.1:8080/"
                    } else {
                        "http://127.0.0.1:8089/"
                    };
                    for line in code.lines().filter(|l| !l.trim().is_empty()) {
                        if !line.starts_with(origin) {
                            problems.push(format!("{place}: `{line}` is not on {origin}"));
                        }
                    }
                }
            } else if let Some(path) = marker.strip_prefix("snippet:") {
                match std::fs::read_to_string(root().join(path)) {
                    Ok(file_text) if file_text == *code => {}
                    Ok(_) => problems.push(format!("{place}: differs from {path}")),
                    Err(e) => problems.push(format!("{place}: {path}: {e}")),
                }
                if let Some(why) = snippet_not_run(path) {
                    problems.push(format!("{place}: {path} {why}"));
                }
            } else if let Some(why) = marker.strip_prefix("figure:") {
                if why.trim().is_empty() {
                    problems.push(format!("{place}: a figure says why it is not run"));
                }
                if !["", "json", "text"].contains(&lang.as_str()) || code.lines().any(runnable) {
                    problems.push(format!(
                        "{place}: this looks like code to run; a figure is not tested"
                    ));
                }
            } else {
                problems.push(format!("{place}: unknown marker `{marker}`"));
            }
            previous = Some(marker.clone());
        }
    }
    assert!(
        counted > 20,
        "only {counted} blocks found: is the parser right?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Why the test of `path` would not run it, if it would not: a Leptos
/// snippet is included by the app tests/leptos-app builds and runs; a
/// portal snippet is imported by the portal app that tests/e2e/portal.test.mjs
/// builds and runs, and named by that test.
fn snippet_not_run(path: &str) -> Option<&'static str> {
    let name = Path::new(path).file_name()?.to_str()?;
    if path.starts_with("tests/leptos-app/src/") {
        let main = read("tests/leptos-app/src/main.rs");
        (!main.contains(&format!("include!(\"{name}\")")))
            .then_some("is not included by tests/leptos-app/src/main.rs")
    } else if path.starts_with("tests/portal/src/") {
        let stem = name.split('.').next()?;
        let imported = std::fs::read_dir(root().join("tests/portal/src"))
            .ok()?
            .any(|entry| {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
                text.contains(&format!("from './{stem}'"))
                    || text.contains(&format!("from './{name}'"))
            });
        let named = read("tests/e2e/portal.test.mjs").contains(&format!("'{path}'"));
        (!(imported && named)).then_some(
            "is not imported by the portal app or not named by tests/e2e/portal.test.mjs",
        )
    } else {
        Some("is in no app a test builds")
    }
}

/// Words that look like project ids: `np_…` and `p_…`.
fn project_ids(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| word.starts_with("np_") || word.starts_with("p_"))
}

#[test]
fn the_ids_in_snippets_exist_in_the_simulator() {
    // The scenarios' ids (the default one and the demo's second region).
    let mut known: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(root().join("sim/scenarios")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some(id) = line
                .strip_prefix("id = \"")
                .and_then(|l| l.strip_suffix('"'))
            {
                known.push(id.to_owned());
            }
        }
    }
    assert!(
        known.iter().any(|id| id == "np_steady_orders"),
        "read the scenarios: {known:?}"
    );
    let all: Vec<Block> = docs().iter().flat_map(|file| blocks(file)).collect();
    // Projects a doc creates itself (`PUT /_sim/projects/ID`).
    for block in &all {
        for part in block.code.split("/_sim/projects/").skip(1) {
            known.extend(project_ids(part).take(1).map(str::to_owned));
        }
    }
    let generated = |id: &str| {
        id.strip_prefix("np_gen_")
            .is_some_and(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut unknown = Vec::new();
    for block in all
        .iter()
        .filter(|b| !b.marker.as_deref().unwrap_or("").starts_with("figure:"))
    {
        for id in project_ids(&block.code) {
            if !known.iter().any(|k| k == id) && !generated(id) {
                unknown.push(format!("{}: {id}", block.place));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "ids the simulator does not have:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_scripts_the_snippets_name_can_be_run() {
    use std::os::unix::fs::PermissionsExt;
    let mut problems = Vec::new();
    for block in docs().iter().flat_map(|file| blocks(file)) {
        for word in block
            .code
            .split(|c: char| c.is_whitespace() || c == '`' || c == '(' || c == ')')
        {
            if let Some(name) = word.strip_prefix("scripts/").filter(|n| n.ends_with(".sh")) {
                match std::fs::metadata(root().join("scripts").join(name)) {
                    Ok(meta) if meta.permissions().mode() & 0o111 != 0 => {}
                    Ok(_) => {
                        problems.push(format!("{}: scripts/{name} is not executable", block.place))
                    }
                    Err(_) => problems.push(format!("{}: no scripts/{name}", block.place)),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_readme_stays_short() {
    let lines = read("README.md").lines().count();
    assert!(
        lines <= 300,
        "README.md has {lines} lines; keep it at most 300 and move the rest to docs/"
    );
}

/// The headings of a doc (outside its fenced blocks), without their `#`s
/// and backticks.
fn headings(doc: &str) -> Vec<String> {
    let mut fenced = false;
    read(doc)
        .lines()
        .filter(|line| {
            if line.starts_with("```") {
                fenced = !fenced;
            }
            !fenced && line.starts_with('#')
        })
        .map(|line| line.trim_start_matches('#').trim().replace('`', ""))
        .collect()
}

#[test]
fn the_docs_and_sections_other_files_point_at_exist() {
    let mut files = docs();
    for dir in ["scripts", "deploy", "sim/scenarios", "examples"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            files.push(format!(
                "{dir}/{}",
                entry.unwrap().file_name().to_str().unwrap()
            ));
        }
    }
    files.extend(["Trunk.toml", "tests/leptos-app/Trunk.toml", "index.html"].map(str::to_owned));
    let mut problems = Vec::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(root().join(file)) else {
            continue;
        };
        let dir = Path::new(file).parent().unwrap_or(Path::new(""));
        // `docs/x.md` and `x.md` names: the file exists (beside the naming
        // file, at the root or in docs/).
        for (at, _) in text.match_indices(".md") {
            let start = text[..at]
                .char_indices()
                .rev()
                .find(|(_, c)| !(c.is_ascii_alphanumeric() || "_-./".contains(*c)))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let name = &text[start..at + 3];
            // A script's `$dir/x.md` is no doc's name.
            let variable = text[..start].ends_with(['$', '}']);
            if name == ".md"
                || variable
                || name.contains("://")
                || text[at + 3..].starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                continue;
            }
            let Some(doc) = [
                dir.join(name),
                PathBuf::from(name),
                Path::new("docs").join(name),
            ]
            .into_iter()
            .find(|p| root().join(p).is_file()) else {
                problems.push(format!("{file}: names {name}, which does not exist"));
                continue;
            };
            // `x.md), "Section"`, `x.md, "Section"` or `x.md "Section"`: a heading starting so.
            let after = &text[at + 3..];
            let quoted = ["), \"", ", \"", " \""]
                .iter()
                .find_map(|lead| after.strip_prefix(lead));
            if let Some(section) = quoted.and_then(|q| q.split('"').next()) {
                // A name may wrap across lines.
                let section = section.split_whitespace().collect::<Vec<_>>().join(" ");
                let section = section.as_str();
                let doc = doc.to_str().unwrap().to_owned();
                if !headings(&doc).iter().any(|h| h.starts_with(section)) {
                    problems.push(format!(
                        "{file}: points at \"{section}\" in {doc}, which has no such section"
                    ));
                }
            }
        }
        // `README "Section"`.
        for (at, _) in text.match_indices("README \"") {
            let section = text[at + 8..]
                .split('"')
                .next()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let section = section.as_str();
            if !headings("README.md").iter().any(|h| h.starts_with(section)) {
                problems.push(format!(
                    "{file}: points at README \"{section}\", which has no such section"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_docs_show_the_option_tables_as_they_are() {
    let mut stale = Vec::new();
    for (file, tables) in [
        ("README.md", &[(Source::Url, "url")][..]),
        (
            "docs/embedding.md",
            &[(Source::Element, "attributes"), (Source::Mount, "mount")][..],
        ),
    ] {
        let path = root().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut updated = text.clone();
        for (source, marker) in tables {
            let (start, end) = (
                format!("<!-- options:{marker} -->\n"),
                format!("<!-- /options:{marker} -->"),
            );
            let from = updated
                .find(&start)
                .unwrap_or_else(|| panic!("{file} marks {marker}"))
                + start.len();
            let to = from + updated[from..].find(&end).expect("an end marker");
            updated.replace_range(from..to, &markdown_table(*source));
        }
        if updated != text {
            if std::env::var_os("OMS_UPDATE_DOCS").is_some() {
                std::fs::write(&path, &updated).unwrap();
            } else {
                stale.push(file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?}: the option tables differ from core/src/options/table.rs; \
         rerun with OMS_UPDATE_DOCS=1 to rewrite them"
    );
}
