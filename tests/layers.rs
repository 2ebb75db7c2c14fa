//! The layers inside the widget's crate point one way: the browser runtime
//! is a leaf the hooks use, and the hooks know no component. (The pure core
//! is a crate of its own, so the compiler holds that boundary.) And no two
//! files of any crate import each other.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The code of a file before its test module, without comments (a doc
/// link is no import).
fn shipped(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn root() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test"))
}

#[test]
fn the_runtime_and_the_hooks_import_nothing_above_them() {
    let mut wrong = Vec::new();
    for (layer, above) in [
        (
            "runtime",
            &["crate::hooks", "crate::components", "crate::embed"][..],
        ),
        ("hooks", &["crate::components", "crate::embed"][..]),
        ("components", &["crate::embed"][..]),
    ] {
        let mut files = Vec::new();
        rust_files(&root().join("src").join(layer), &mut files);
        assert!(!files.is_empty(), "src/{layer} has files");
        for path in files {
            let code = shipped(&path);
            for name in above {
                if code.contains(name) {
                    wrong.push(format!("{} uses {name}", path.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The modules a file imports from its own folder (`super::x`, and
/// `crate::a::b` named by the path from the crate's `src`).
fn imports(path: &Path, src: &Path) -> BTreeSet<PathBuf> {
    let code = shipped(path);
    let dir = path.parent().unwrap();
    let mut found = BTreeSet::new();
    let mut add = |base: &Path, rest: &str| {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        for candidate in [
            base.join(format!("{name}.rs")),
            base.join(&name).join("mod.rs"),
        ] {
            if candidate.exists() && candidate != path {
                found.insert(candidate);
            }
        }
    };
    for (at, _) in code.match_indices("super::") {
        // A `mod.rs` file's `super` is the folder above it.
        let base = if path.ends_with("mod.rs") {
            dir.parent().unwrap()
        } else {
            dir
        };
        add(base, &code[at + 7..]);
    }
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + 7..];
        let first: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let after = &rest[first.len()..];
        match after.strip_prefix("::") {
            Some(second) if src.join(&first).is_dir() => add(&src.join(&first), second),
            _ => add(src, &first),
        }
    }
    found
}

#[test]
fn no_two_files_import_each_other() {
    let mut wrong = Vec::new();
    for src in ["src", "core/src", "sim/src"] {
        let src = root().join(src);
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let graph: Vec<(PathBuf, BTreeSet<PathBuf>)> = files
            .iter()
            .map(|f| (f.clone(), imports(f, &src)))
            .collect();
        for (file, uses) in &graph {
            for other in uses {
                let back = graph.iter().find(|(f, _)| f == other);
                if back.is_some_and(|(_, theirs)| theirs.contains(file)) && file < other {
                    wrong.push(format!("{} <-> {}", file.display(), other.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "files that import each other: {wrong:#?}");
}

/// The names `src/prelude.rs` exports (the last segment of each path in
/// its `pub use` items).
fn prelude_names() -> BTreeSet<String> {
    let text = shipped(&root().join("src/prelude.rs"));
    let mut names = BTreeSet::new();
    for item in text.split("pub use ").skip(1) {
        let item = item.split(';').next().unwrap_or("");
        let list = match item.split_once('{') {
            Some((_, rest)) => rest.trim_end_matches('}').to_owned(),
            None => item.to_owned(),
        };
        for path in list.split(',') {
            if let Some(name) = path.trim().rsplit("::").next().filter(|n| !n.is_empty()) {
                names.insert(name.to_owned());
            }
        }
    }
    names
}

/// The example Leptos app is what a user writes: it may name only what the
/// prelude exports (through `oms_progress::prelude::*` or the crate root,
/// which re-exports it), never a hidden module such as `components`.
#[test]
fn the_leptos_app_uses_only_the_prelude() {
    let exported = prelude_names();
    assert!(exported.contains("OmsSyncProgress") && exported.contains("use_oms_progress"));
    let mut files = Vec::new();
    rust_files(&root().join("tests/leptos-app/src"), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let text = shipped(file);
        for rest in text.split("oms_progress::").skip(1) {
            if rest.starts_with("prelude::*") {
                continue;
            }
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(list) => list.split('}').next().unwrap_or("").split(',').collect(),
                None => vec![rest
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or("")],
            };
            for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
                let plain = name.strip_prefix("prelude::").unwrap_or(name);
                if plain.contains("::") || !exported.contains(plain) {
                    wrong.push(format!("{}: oms_progress::{name}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the Leptos app names what the prelude does not export: {wrong:#?}"
    );
}
