//! Decimal numbers as people and OMS write them (`5`, `0.5`, `-2`, `1e3`).
//! Hand-rolled because the standard parser brings ~9 KB of tables into the
//! wasm for a precision (correct rounding of 17-digit values) that seconds
//! and percentages never need.

/// `text` as a finite number, or `None` when it is not a plain decimal
/// (`inf`, `NaN`, `0x10`, `1,5`, empty…). Exact for up to 19 significant
/// digits and exponents within ±22; close enough beyond.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // Beyond 19 digits only the magnitude still counts.
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let sign: i64 = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut written: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            written = (written * 10 + i64::from(b - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += sign * written;
    }
    if i != bytes.len() {
        return None;
    }
    let magnitude = mantissa as f64;
    let value = if exponent < 0 {
        magnitude / 10f64.powi((-exponent).min(400) as i32)
    } else {
        magnitude * 10f64.powi(exponent.min(400) as i32)
    };
    let value = if negative { -value } else { value };
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn plain_decimals() {
        for (text, value) in [
            ("5", 5.0),
            ("0.5", 0.5),
            ("-2", -2.0),
            ("+7", 7.0),
            ("63.25", 63.25),
            ("1.", 1.0),
            (".5", 0.5),
            ("1e3", 1000.0),
            ("2.5E-1", 0.25),
            ("1e12", 1e12),
            ("100", 100.0),
            ("0000.100", 0.1),
            ("12345678901234567890123", 1.2345678901234568e22),
        ] {
            assert_eq!(parse_decimal(text), Some(value), "{text}");
        }
    }

    #[test]
    fn everything_else_is_not_a_number() {
        for text in [
            "", "-", ".", "e3", "1e", "1e+", "inf", "NaN", "0x10", "1,5", " 1", "1 ", "1..2",
            "--1", "1e999", "5%",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn agrees_with_the_standard_parser_on_everyday_values() {
        for text in [
            "0.1", "0.3", "86400", "25", "300", "99.99", "3.14159", "1e-3", "42.0",
        ] {
            assert_eq!(parse_decimal(text), text.parse::<f64>().ok(), "{text}");
        }
    }
}
