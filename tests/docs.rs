//! The docs show the tables as the code has them: the option tables are
//! generated from the one option table (`core/src/options/table.rs`).
#![cfg(not(target_arch = "wasm32"))]

use oms_progress_core::options::{markdown_table, Source};

#[test]
fn the_readme_shows_the_table_as_it_is() {
    // Read at run time: a test binary cached from another clone keeps working.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
    let path = std::path::Path::new(&root).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let mut updated = readme.clone();
    for (source, marker) in [
        (Source::Url, "url"),
        (Source::Element, "attributes"),
        (Source::Mount, "mount"),
    ] {
        let (start, end) = (
            format!("<!-- options:{marker} -->\n"),
            format!("<!-- /options:{marker} -->"),
        );
        let from = updated.find(&start).expect("the README marks each table") + start.len();
        let to = from + updated[from..].find(&end).expect("an end marker");
        updated.replace_range(from..to, &markdown_table(source));
    }
    if updated != readme && std::env::var_os("OMS_UPDATE_README").is_some() {
        std::fs::write(&path, &updated).unwrap();
        return;
    }
    assert!(
        updated == readme,
        "README.md's option tables differ from core/src/options/table.rs; \
         rerun with OMS_UPDATE_README=1 to rewrite them"
    );
}
