//! The build's own steps that are not a tool's defaults: the page and the
//! embed get the same wasm-opt arguments, and the embed's entry modules
//! import the glue by the name the build aliases.
#![cfg(not(target_arch = "wasm32"))]

fn read(path: &str) -> String {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
    std::fs::read_to_string(std::path::Path::new(&root).join(path)).unwrap()
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    &text[from..from + text[from..].find(end).expect("an end")]
}

#[test]
fn the_page_and_the_embed_are_optimised_alike() {
    let lib = read("scripts/lib.sh");
    let embed = between(&lib, "export WASM_OPT_ARGS=\"", "\"");
    let html = read("index.html");
    let page = between(&html, "data-wasm-opt=\"", "\"");
    let page_params = between(&html, "data-wasm-opt-params=\"", "\"");
    assert_eq!(format!("-O{page} {page_params}"), embed);
}

#[test]
fn the_embed_modules_import_the_glue_the_build_aliases() {
    let build = read("scripts/build-embed.sh");
    assert!(build.contains("--alias:oms-progress-glue="));
    for module in ["embed/element.js", "embed/wallboard-element.js"] {
        assert!(
            read(module).contains("from 'oms-progress-glue'"),
            "{module}"
        );
    }
    for (features, name) in [
        ("embed", "oms-progress"),
        ("embed-wallboard", "oms-wallboard"),
    ] {
        assert!(
            build.contains(&format!("module {features} {name} ")),
            "{name}"
        );
        // Bundlers find the wasm by this literal.
        let url = format!("new URL('./{name}_bg.wasm', import.meta.url)");
        assert!(read(&format!("embed/{name}.js")).contains(&url), "{name}");
    }
}
