//! The size build compiles `Debug` formatting out (`-Zfmt-debug=none` in
//! `scripts/lib.sh`): there `{:?}` writes nothing. So no code that ships
//! formats with it; text for the operator is quoted by `i18n::quoted`.
//! Test code may use it (tests run on stable, with `Debug`).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// What formats with `Debug`.
const DEBUG_USES: [&str; 4] = [":?}", ":#?}", "dbg!(", "Debug::fmt"];

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn shipped_code_never_formats_with_debug() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
    let mut files = Vec::new();
    // The widget's crate and the pure core: both ship in the wasm.
    sources(&Path::new(&root).join("src"), &mut files);
    sources(&Path::new(&root).join("core/src"), &mut files);
    assert!(
        files.len() > 40,
        "no sources found under src/ and core/src/"
    );
    let mut wrong = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // Only the code before the test module counts.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (number, line) in code.lines().enumerate() {
            let shipped = !line.trim_start().starts_with("//");
            if shipped && DEBUG_USES.iter().any(|d| line.contains(d)) {
                wrong.push(format!(
                    "{}:{}: {}",
                    path.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "Debug formatting in shipped code:\n{}",
        wrong.join("\n")
    );
}
