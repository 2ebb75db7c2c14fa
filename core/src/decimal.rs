//! Decimal numbers as people and OMS write them (`5`, `0.5`, `-2`, `1e3`).
//! Hand-rolled because the standard parser brings ~9 KB of tables into the
//! wasm for a precision (correct rounding of 17-digit values) that seconds
//! and percentages never need.

/// `text` as a finite number, or `None` when it is not a plain decimal
/// (`inf`, `NaN`, `0x10`, `1,5`, empty…). Correctly rounded for up to 15
/// significant digits with a power of ten within ±22 (the mantissa and the
/// power are then exact in an `f64`, so one rounding happens); beyond that,
/// within one unit in the last place, because a 16–19 digit mantissa is
/// rounded once to an `f64` and again by the scaling.
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

/// `secs` (finite, not negative) as a `Duration`, to the nanosecond:
/// `Duration::from_secs_f64` is exact to the last bit and brings 0.5 KB of
/// wasm for it.
pub fn duration_from_secs(secs: f64) -> std::time::Duration {
    // A float-to-int `as` saturates: a negative or NaN value gives zero.
    std::time::Duration::from_nanos((secs * 1e9 + 0.5) as u64)
}

#[cfg(test)]
mod tests {
    use super::{duration_from_secs, parse_decimal};
    use std::time::Duration;

    #[test]
    fn seconds_become_durations_to_the_nanosecond() {
        for secs in [
            0.0, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 7.3, 59.999, 3600.0, 86_400.0, 604_800.0,
        ] {
            let ours = duration_from_secs(secs);
            let exact = Duration::from_secs_f64(secs);
            assert!(
                ours.abs_diff(exact) <= Duration::from_nanos(1),
                "{secs}: {ours:?} vs {exact:?}"
            );
        }
        assert_eq!(duration_from_secs(-1.0), Duration::ZERO);
        assert_eq!(duration_from_secs(f64::NAN), Duration::ZERO);
    }

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

    /// A small deterministic generator: the same cases on every run.
    fn numbers(seed: u64) -> impl Iterator<Item = u64> {
        let mut state = seed;
        std::iter::repeat_with(move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 11
        })
    }

    #[test]
    fn correctly_rounded_up_to_15_significant_digits() {
        let mut random = numbers(1);
        for _ in 0..20_000 {
            let digits = 1 + random.next().unwrap() % 15;
            let mantissa = random.next().unwrap() % 10u64.pow(digits as u32);
            let power = (random.next().unwrap() % 45) as i64 - 22;
            for text in [
                format!("{mantissa}e{power}"),
                decimal_point(mantissa, digits),
            ] {
                assert_eq!(parse_decimal(&text), text.parse::<f64>().ok(), "{text}");
            }
        }
    }

    #[test]
    fn within_one_unit_in_the_last_place_for_16_to_19_digits() {
        let mut random = numbers(2);
        let mut off_by_one = 0;
        for _ in 0..20_000 {
            let digits = 16 + random.next().unwrap() % 4;
            let mantissa = 10u64.pow(digits as u32 - 1)
                + random.next().unwrap() % (9 * 10u64.pow(digits as u32 - 1));
            let power = (random.next().unwrap() % 45) as i64 - 22;
            let text = format!("{mantissa}e{power}");
            let (ours, exact) = (parse_decimal(&text).unwrap(), text.parse::<f64>().unwrap());
            let ulps = ours.to_bits().abs_diff(exact.to_bits());
            assert!(ulps <= 1, "{text}: {ours} vs {exact}");
            off_by_one += usize::from(ulps == 1);
        }
        // Why the guarantee above stops at 15 digits: this happens.
        assert!(off_by_one > 0);
    }

    /// `mantissa` written with a decimal point inside its `digits` digits.
    fn decimal_point(mantissa: u64, digits: u64) -> String {
        let text = format!("{mantissa:0width$}", width = digits as usize);
        let at = text.len() / 2;
        format!("{}.{}", &text[..at], &text[at..])
    }
}
