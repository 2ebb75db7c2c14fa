//! Small text routines for the core, each standing in for a std one whose
//! wasm is far larger than what these short texts need: std's substring
//! search (a two-way searcher, about 1.5 KB of wasm) and its integer
//! parsers (about 0.9 KB for `i64` and `u64`). With these, the embed
//! bundle measured 0.7 KB smaller gzipped. Splitting at ASCII separators
//! by byte stands in for std's `char` patterns (a searcher each).

/// Whether `needle` occurs in `haystack`: byte by byte, enough for the
/// short codes and names it is used on.
pub fn contains(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// The text before and after the first of the ASCII `separators`, as
/// `str::split_once` with a `char` (or an array of them) reads it.
pub fn split_once_any<'a>(text: &'a str, separators: &[u8]) -> Option<(&'a str, &'a str)> {
    // An ASCII byte is never inside a multi-byte character, so both halves
    // are whole characters.
    let at = text.bytes().position(|b| separators.contains(&b))?;
    Some((&text[..at], &text[at + 1..]))
}

/// `parts` with `separator` between them, as `[&str]::join` writes them
/// (`concat` with an empty separator): one loop, where std's is compiled
/// again for each type of part.
pub fn join(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// [`join`] for owned parts.
pub fn join_strings(parts: &[String], separator: &str) -> String {
    join(
        &parts.iter().map(String::as_str).collect::<Vec<_>>(),
        separator,
    )
}

/// A whole number as `str::parse::<u64>` reads it: an optional `+`, then
/// one or more ASCII digits, within range.
pub fn parse_u64(text: &str) -> Option<u64> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u64, |value, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        value.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// A whole number as `str::parse::<i64>` reads it: an optional sign, then
/// one or more ASCII digits, within range.
pub fn parse_i64(text: &str) -> Option<i64> {
    match text.strip_prefix('-') {
        // The magnitude of i64::MIN is one more than i64::MAX.
        Some(digits) if !digits.starts_with('+') => match parse_u64(digits)? {
            m if m <= i64::MIN.unsigned_abs() => Some((m as i64).wrapping_neg()),
            _ => None,
        },
        Some(_) => None,
        None => i64::try_from(parse_u64(text)?).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_once_any_agrees_with_std() {
        for text in [
            "",
            ",",
            "a,b",
            "a,b,c",
            "no comma",
            "zh-Hans_CN",
            "é,ü",
            "x_y-z",
            "host/p?q#f",
        ] {
            assert_eq!(split_once_any(text, b","), text.split_once(','), "{text}");
            assert_eq!(
                split_once_any(text, b"-_"),
                text.split_once(['-', '_']),
                "{text}"
            );
            assert_eq!(
                split_once_any(text, b"/?#"),
                text.split_once(['/', '?', '#']),
                "{text}"
            );
        }
    }

    #[test]
    fn join_agrees_with_std() {
        for parts in [
            &[][..],
            &[""],
            &["a"],
            &["a", "b"],
            &["", "b", ""],
            &["位点", "é", "x y"],
        ] {
            for separator in ["", ", ", " · "] {
                assert_eq!(join(parts, separator), parts.join(separator), "{parts:?}");
                let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                assert_eq!(join_strings(&owned, separator), parts.join(separator));
            }
        }
    }

    #[test]
    fn contains_agrees_with_std() {
        for (haystack, needle) in [
            ("CM-RESOURCE_NOT_FOUND", "NOT_FOUND"),
            ("NOTFOUND", "NOTFOUND"),
            ("NOT_FOUN", "NOT_FOUND"),
            ("", ""),
            ("abc", ""),
            ("", "a"),
            ("INCR_SYNC", "INCR"),
            ("位点STORE", "STORE"),
        ] {
            assert_eq!(
                contains(haystack, needle),
                haystack.contains(needle),
                "{haystack} / {needle}"
            );
        }
    }

    #[test]
    fn integers_parse_as_std_parses_them() {
        for text in [
            "0",
            "7",
            "+7",
            "-7",
            "-0",
            "+",
            "-",
            "",
            " 1",
            "1 ",
            "1.0",
            "1e3",
            "--1",
            "+-1",
            "-+1",
            "++1",
            "18446744073709551615",
            "18446744073709551616",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "00000000000000000000000012",
            "١٢",
            "12a",
        ] {
            assert_eq!(parse_u64(text), text.parse::<u64>().ok(), "u64 {text:?}");
            assert_eq!(parse_i64(text), text.parse::<i64>().ok(), "i64 {text:?}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn integers_agree_with_std(text in "[-+]{0,2}[0-9]{0,21}|.{0,8}") {
            prop_assert_eq!(parse_u64(&text), text.parse::<u64>().ok());
            prop_assert_eq!(parse_i64(&text), text.parse::<i64>().ok());
        }

        #[test]
        fn any_i64_round_trips(n in any::<i64>()) {
            prop_assert_eq!(parse_i64(&n.to_string()), Some(n));
        }

        #[test]
        fn contains_agrees(haystack in "[A-C_]{0,12}", needle in "[A-C_]{0,4}") {
            prop_assert_eq!(contains(&haystack, &needle), haystack.contains(needle.as_str()));
        }
    }
}
