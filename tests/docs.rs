//! The docs show the option tables as the code has them: each is generated
//! from the one option table (`core/src/options/table.rs`).
//! `OMS_UPDATE_DOCS=1 cargo test --test docs` rewrites them.
#![cfg(not(target_arch = "wasm32"))]

use oms_progress_core::options::{markdown_table, Source};
use std::path::Path;

#[test]
fn the_docs_show_the_option_tables_as_they_are() {
    // Read at run time: a test binary cached from another clone keeps working.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
    let mut stale = Vec::new();
    for (file, tables) in [
        ("README.md", &[(Source::Url, "url")][..]),
        (
            "docs/embedding.md",
            &[(Source::Element, "attributes"), (Source::Mount, "mount")][..],
        ),
    ] {
        let path = Path::new(&root).join(file);
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
