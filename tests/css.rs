//! The build's CSS minifier (`build.rs`): what it drops, and what it must
//! keep for the stylesheet to mean the same.

#[allow(dead_code)]
#[path = "../build.rs"]
mod build;

use build::minify_css;

#[test]
fn drops_comments_indentation_and_last_semicolons() {
    let css = "/* the card */\n.a {\n  color: red;\n  margin: 0 ;\n}\n\n.b, .c { top: 0; }\n";
    assert_eq!(minify_css(css), ".a{color:red;margin:0}.b,.c{top:0}");
}

#[test]
fn keeps_descendant_combinators_calc_and_strings() {
    let css = ".x  .y > li [data-field=\"lag\"] { width: calc(100% - 2px); font: \"Segoe UI\" , sans-serif; content: \"a , { ; }\"; }";
    assert_eq!(
        minify_css(css),
        ".x .y > li [data-field=\"lag\"]{width:calc(100% - 2px);font:\"Segoe UI\",sans-serif;content:\"a , { ; }\"}"
    );
    // A space before a colon is a combinator (any descendant, hovered).
    assert_eq!(minify_css(".x :hover { top: 0 }"), ".x :hover{top:0}");
}

#[test]
fn keeps_at_rules_and_a_comment_between_words_apart() {
    let css =
        "@media (prefers-color-scheme: dark) {\n  :host { --x: 1; }\n}\na /* x */ b {}\na/**/b {}";
    assert_eq!(
        minify_css(css),
        "@media (prefers-color-scheme:dark){:host{--x:1}}a b{}ab{}"
    );
}

#[test]
fn the_shipped_sheets_only_lose_whitespace_and_comments() {
    for sheet in [
        "style/oms-progress.css",
        "style/wallboard.css",
        "style/embed.css",
    ] {
        let css = std::fs::read_to_string(sheet).unwrap();
        let small = minify_css(&css);
        assert!(
            small.len() < css.len() * 9 / 10,
            "{sheet}: {} of {}",
            small.len(),
            css.len()
        );
        // The same non-space characters, but comments and semicolons before `}`.
        let mut without_comments = String::new();
        let mut rest = css.as_str();
        while let Some(start) = rest.find("/*") {
            without_comments.push_str(&rest[..start]);
            rest = &rest[start + 2..];
            rest = &rest[rest.find("*/").unwrap() + 2..];
        }
        without_comments.push_str(rest);
        let signature = |s: &str| -> String {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.replace(";}", "}")
        };
        assert_eq!(signature(&small), signature(&without_comments), "{sheet}");
    }
}
