//! The layers point one way: a module imports only from the rooms before it
//! (api → model → poll → config → ui → embed). Test code may reach anywhere.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const ORDER: [&str; 6] = ["api", "model", "poll", "config", "ui", "embed"];
/// Shared by every layer.
const BELOW_ALL: [&str; 3] = ["decimal", "i18n", "text"];

#[test]
fn imports_point_only_to_earlier_layers() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
    let mut wrong = Vec::new();
    for (rank, layer) in ORDER.iter().enumerate() {
        for entry in std::fs::read_dir(Path::new(&root).join("src").join(layer)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            // Only the code before the test module counts.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (at, _) in code.match_indices("crate::") {
                let target: String = code[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let allowed = BELOW_ALL.contains(&target.as_str())
                    || ORDER[..=rank].contains(&target.as_str());
                if !allowed {
                    wrong.push(format!("{} imports crate::{target}", path.display()));
                }
            }
        }
    }
    // i18n sits below every layer but the wire vocabulary it names.
    let i18n = std::fs::read_to_string(Path::new(&root).join("src/i18n.rs")).unwrap();
    for layer in &ORDER[1..] {
        if i18n.contains(&format!("crate::{layer}")) {
            wrong.push(format!("src/i18n.rs imports crate::{layer}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
