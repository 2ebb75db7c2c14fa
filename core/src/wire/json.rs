//! A small, strict JSON reader for OMS's answers. Numbers keep the text OMS
//! wrote (shown as sent, never reformatted); objects keep their order.
//! Written here instead of using serde_json to keep ~25 KB out of the wasm.

use std::fmt;

/// One JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// The number's text as written, e.g. `63`, `-1.5`, `1e12`.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object.
    Object(Object),
}

/// An object's members in document order.
pub type Object = Vec<(String, Json)>;

/// Nesting deeper than this is refused: a progress answer is 3 levels deep,
/// and unbounded recursion could overflow the wasm stack.
const MAX_DEPTH: usize = 128;

/// Reads a whole document; `None` if it is not exactly one JSON value.
pub fn parse(text: &str) -> Option<Json> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.skip_space();
    (reader.at == reader.bytes.len()).then_some(value)
}

impl Json {
    /// Whether the number is a plain non-negative integer that fits in 64 bits.
    pub fn is_u64(&self) -> bool {
        matches!(self, Json::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) && n.parse::<u64>().is_ok())
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let found = self.bytes[self.at..].starts_with(word.as_bytes());
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match self.peek()? {
            b'n' => self.eat("null").then_some(Json::Null),
            b't' => self.eat("true").then_some(Json::Bool(true)),
            b'f' => self.eat("false").then_some(Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_space();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => {
                            self.at += 1;
                            return Some(Json::Array(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                self.skip_space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Some(Json::Object(members));
                }
                loop {
                    self.skip_space();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    self.skip_space();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    members.push((key, self.value(depth + 1)?));
                    self.skip_space();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b'}' => {
                            self.at += 1;
                            return Some(Json::Object(members));
                        }
                        _ => return None,
                    }
                }
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        Some(Json::Number(text.to_owned()))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and we stopped at ASCII, so this slice is UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = self.peek()?;
                    self.at += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return None,
                    }
                }
                _ => return None, // a raw control character
            }
        }
    }

    /// After `\u`: four hex digits, or a surrogate pair of two escapes.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            if !self.eat("\\u") {
                return None;
            }
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return None;
            }
            char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        } else {
            char::from_u32(first)
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut value = 0;
        for &b in digits {
            value = value * 16 + char::from(b).to_digit(16)?;
        }
        self.at += 4;
        Some(value)
    }
}

/// Compact JSON text, for excerpts of values that are not what was expected.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Json::Number(n) => f.write_str(n),
            Json::String(s) => write_string(f, s),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    item.fmt(f)?;
                }
                f.write_str("]")
            }
            Json::Object(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_string(f, key)?;
                    f.write_str(":")?;
                    value.fmt(f)?;
                }
                f.write_str("}")
            }
        }
    }
}

/// `text` as a JSON string literal, quotes included: `"`, `\` and control
/// characters escaped (`\n`, `\r`, `\t`, the others as `\u00XX`, DEL and
/// C1 too, so that nothing invisible reaches the operator unseen), the rest
/// as is. The core's one string escaper: request bodies, excerpts of
/// unexpected values and the names the operator reads (`i18n::quoted`).
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    // Writing into a `String` cannot fail.
    let _ = write_string(&mut out, text);
    out
}

/// [`quote`] into `out`: `dyn`, so that strings and formatters share one copy.
fn write_string(out: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    out.write_char('"')?;
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.write_char('\\')?;
                out.write_char(c)?;
            }
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            // Control characters end at U+009F: two hex digits after `00`.
            c if c.is_control() => {
                out.write_str("\\u00")?;
                for shift in [4, 0] {
                    let digit = (c as u32 >> shift) & 0xf;
                    out.write_char(char::from(b"0123456789abcdef"[digit as usize]))?;
                }
            }
            c => out.write_char(c)?,
        }
    }
    out.write_char('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member<'a>(value: &'a Json, key: &str) -> Option<&'a Json> {
        match value {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    #[test]
    fn documents_parse() {
        let v = parse(r#" {"a": [1, -2.5e3, true, null], "b": {"c": "x\"y\u00e9\ud83d\ude00"}} "#)
            .unwrap();
        assert_eq!(
            member(&v, "a"),
            Some(&Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-2.5e3".into()),
                Json::Bool(true),
                Json::Null
            ]))
        );
        assert_eq!(
            member(&v, "b").and_then(|b| member(b, "c")),
            Some(&Json::String("x\"yé😀".into()))
        );
        assert_eq!(
            v.to_string(),
            r#"{"a":[1,-2.5e3,true,null],"b":{"c":"x\"yé😀"}}"#
        );
    }

    #[test]
    fn repeated_keys_are_all_kept_in_order() {
        // The reader of fields decides which one counts (the last).
        assert_eq!(
            parse(r#"{"k":1,"k":2}"#),
            Some(Json::Object(vec![
                ("k".into(), Json::Number("1".into())),
                ("k".into(), Json::Number("2".into()))
            ]))
        );
    }

    #[test]
    fn anything_not_json_is_refused() {
        for text in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "\"abc",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"a\nb\"",
            "nul",
            "truth",
            "{\"a\" 1}",
            "[1 2]",
            "1 2",
            "NaN",
            "Infinity",
            "\"\\u12\"",
            "{\"success\":true,\"data\":{\"status\":",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep), None);
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&ok).is_some());
    }

    #[test]
    fn quoted_text_is_json_that_reads_back_as_written() {
        assert_eq!(quote(""), r#""""#);
        assert_eq!(quote("np_1"), r#""np_1""#);
        assert_eq!(quote("a \"b\" c\\d"), r#""a \"b\" c\\d""#);
        assert_eq!(quote("tab\tnew\nline\r"), r#""tab\tnew\nline\r""#);
        assert_eq!(
            quote("nul\0 esc\u{1b} del\u{7f} c1\u{85} \u{9f}"),
            r#""nul\u0000 esc\u001b del\u007f c1\u0085 \u009f""#
        );
        assert_eq!(quote("订单 ü 😀"), "\"订单 ü 😀\"");
        for text in ["", "x\"}, \"y\\\n", "\u{1}\u{1f}\u{7f}\u{80}\u{a0}", "订单"] {
            assert_eq!(
                parse(&quote(text)),
                Some(Json::String(text.into())),
                "{text:?}"
            );
            let read: String = serde_json::from_str(&quote(text)).unwrap();
            assert_eq!(read, text);
        }
    }

    #[test]
    fn numbers_are_kept_as_written() {
        assert!(parse("123").unwrap().is_u64());
        for not_u64 in ["-1", "1.0", "1e3", "99999999999999999999"] {
            assert!(!parse(not_u64).unwrap().is_u64(), "{not_u64}");
        }
    }

    /// Any JSON document serde_json can write, nested a few levels.
    fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
                .prop_map(Value::from),
            ".{0,30}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((".{0,8}", inner), 0..8)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_serde_json(value in any_json(), bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            use serde_json::Value;
            // Whatever serde_json writes, ours reads back to the same document.
            let text = serde_json::to_string(&value).unwrap();
            let ours = parse(&text).expect("a document serde_json wrote");
            let again: Value = serde_json::from_str(&ours.to_string()).unwrap();
            // (Both sides read back by serde_json, whose float reading is not exact.)
            proptest::prop_assert_eq!(again, serde_json::from_str::<Value>(&text).unwrap());
            // And on arbitrary text, what ours accepts serde_json accepts too.
            let text = String::from_utf8_lossy(&bytes);
            if parse(&text).is_some() {
                proptest::prop_assert!(serde_json::from_str::<Value>(&text).is_ok(), "{:?}", text);
            }
        }
    }
}
