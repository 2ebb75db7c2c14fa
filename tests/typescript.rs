//! The npm package's types (`embed/oms-progress.d.ts`) say what the Rust
//! tables say: every option of the option table under its `mount()` and
//! attribute names, with its docs and default, OMS's statuses and the error
//! kinds. The block between the `generated:` markers is written from them;
//! `OMS_UPDATE_TYPES=1 cargo test --test typescript` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use oms_progress_core::i18n::Lang;
use oms_progress_core::model::ErrorKind;
use oms_progress_core::options::{Source, OPTIONS};
use oms_progress_core::wire::{ApiKind, Credentials, Status};

/// A TypeScript union of string literals.
fn literals(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    quoted.join(" | ")
}

/// The TypeScript types of one option: in `mount()`'s options, and as an
/// attribute (a JSX or Vue host may also pass numbers and booleans).
/// `None` for an option this file does not know yet: add it here.
fn ts_types(js: &str) -> Option<(String, &'static str)> {
    let seconds = || ("Seconds".to_owned(), "string | number");
    Some(match js {
        "projectId" | "baseUrl" | "timeZone" | "consoleUrl" | "oms" => {
            ("string".to_owned(), "string")
        }
        "api" => (literals(&ApiKind::NAMES), "string"),
        "interval" | "timeout" | "maxBackoff" | "lagWarn" | "lagCritical" | "cutoverLag"
        | "cutoverHold" | "stuckAfter" => seconds(),
        "lang" => {
            let tags = literals(&Lang::TAGS);
            (
                format!("{tags} | `en-${{string}}` | `zh-${{string}}`"),
                "string",
            )
        }
        "compact" => (
            format!("boolean | {}", literals(&["", "true", "1", "false", "0"])),
            "string | boolean",
        ),
        "credentials" => (literals(&Credentials::NAMES), "string"),
        "headers" => ("(() => Record<string, string>)".to_owned(), "string"),
        _ => return None,
    })
}

/// A property name as TypeScript needs it.
fn key(name: &str) -> String {
    if name.contains('-') {
        format!("'{name}'")
    } else {
        name.to_owned()
    }
}

/// Turns a table sentence into a doc sentence: capitalised, with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    let mut out = first.unwrap_or_default() + chars.as_str();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

fn generated_block() -> String {
    let mut out = String::from(
        "/** `mount()`'s and `update()`'s options: the option table's `mount()` names. \
         `null` and `undefined` count as not given. */\nexport interface MountOptions {\n",
    );
    let mut missing = Vec::new();
    for spec in OPTIONS {
        let Some((ts, _)) = ts_types(spec.js) else {
            missing.push(spec.js);
            continue;
        };
        let required = spec.default == "required";
        out.push_str(&format!("  /**\n   * {}\n   *\n", sentence(spec.doc)));
        out.push_str(&format!("   * Takes {}.", spec.takes.trim_end_matches('.')));
        if required {
            out.push_str(" Required.\n   */\n");
            out.push_str(&format!("  {}: {ts};\n", key(spec.js)));
        } else {
            out.push_str(&format!("\n   * @defaultValue {}\n   */\n", spec.default));
            out.push_str(&format!("  {}?: {ts} | null;\n", key(spec.js)));
        }
    }
    assert!(
        missing.is_empty(),
        "options without a TypeScript type in tests/typescript.rs: {missing:?}"
    );
    out.push_str(
        "}\n\n/** The element's attributes: the option table's attribute names. \
         Every value is a string, as in markup. */\nexport interface OmsSyncProgressAttributes {\n",
    );
    for spec in OPTIONS {
        let (Some(name), Some((_, ts))) = (spec.name(Source::Element), ts_types(spec.js)) else {
            continue;
        };
        if spec.attribute.is_none() {
            continue;
        }
        let optional = if spec.default == "required" { "" } else { "?" };
        out.push_str(&format!("  {}{optional}: {ts};\n", key(name)));
    }
    out.push_str("}\n\n/** OMS's documented statuses; any other text arrives exactly as OMS sent it. */\nexport type OmsStatus =\n");
    for status in Status::KNOWN {
        out.push_str(&format!("  | '{}'\n", status.code()));
    }
    out.push_str("  | (string & {});\n\n/** What kind of failure a poll met: `data-error` on the widget, `kind` in `oms-error`. */\nexport type OmsErrorKind =\n");
    let kinds: Vec<String> = ErrorKind::ALL
        .iter()
        .map(|k| format!("  | '{}'", k.as_str()))
        .collect();
    out.push_str(&kinds.join("\n"));
    out.push_str(";\n");
    out
}

#[test]
fn the_types_show_the_rust_tables_as_they_are() {
    // Read at run time: a test binary cached from another clone keeps working.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("run by cargo test");
    let path = std::path::Path::new(&root).join("embed/oms-progress.d.ts");
    let types = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("// <generated:options>\n", "// </generated:options>");
    let from = types
        .find(start)
        .expect("the types mark the generated block")
        + start.len();
    let to = from + types[from..].find(end).expect("an end marker");
    let mut updated = types.clone();
    updated.replace_range(from..to, &generated_block());
    if updated != types && std::env::var_os("OMS_UPDATE_TYPES").is_some() {
        std::fs::write(&path, &updated).unwrap();
        return;
    }
    assert!(
        updated == types,
        "embed/oms-progress.d.ts differs from the Rust tables; \
         rerun with OMS_UPDATE_TYPES=1 to rewrite its generated block"
    );
}

#[test]
fn every_option_and_attribute_is_typed() {
    let types = generated_block();
    for spec in OPTIONS {
        assert!(
            types.contains(&format!("  {}", key(spec.js))),
            "{}",
            spec.js
        );
        if let Some(attribute) = spec.attribute {
            assert!(
                types.contains(&format!("  {}", key(attribute))),
                "{attribute}"
            );
        }
    }
}

#[test]
fn the_wallboards_types_name_its_groups_and_filters() {
    use oms_progress_core::model::Attention;
    use oms_progress_core::options::WALL_FILTERS;
    // The groups are the widget module's (its attention events name them);
    // the wallboard's module has them through `export *`.
    let widget_types = std::fs::read_to_string("embed/oms-progress.d.ts").unwrap();
    let types = std::fs::read_to_string("embed/oms-wallboard.d.ts").unwrap();
    let union = widget_types
        .split("export type OmsWallGroup =")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .expect("no OmsWallGroup");
    let quoted: Vec<&str> = union
        .split('|')
        .map(|w| w.trim().trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(
        quoted,
        Attention::NAMES,
        "OmsWallGroup is the groups, in order"
    );
    let attributes = types
        .split("export interface OmsWallboardAttributes")
        .nth(1)
        .and_then(|rest| rest.split("\n}").next())
        .expect("no OmsWallboardAttributes");
    for filter in WALL_FILTERS {
        assert!(
            attributes.contains(&format!("\n  {filter}?: ")),
            "OmsWallboardAttributes lacks {filter}"
        );
    }
}
