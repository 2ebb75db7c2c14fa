//! What can be wrong with an option, as a value: hosts get one sentence per
//! problem, each naming its option as the host wrote it, in English
//! (`Display`) or in the page's language ([`Problem::text`]).

use crate::i18n::{self, quoted, Lang};
use std::fmt;

/// One thing wrong with a widget's options.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The option's name as the host spelled it (`lag-warn`, `lagWarn`, `project`).
    pub option: String,
    /// What is wrong with it.
    pub kind: ProblemKind,
}

/// What is wrong with an option's value.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// No such option; `known` lists the names there are.
    Unknown {
        /// The names it could have meant.
        known: Vec<&'static str>,
        /// The one it nearly spells, when it does (`intreval`).
        meant: Option<&'static str>,
    },
    /// An attribute that is not an option but nearly spells one (a typo the
    /// element would otherwise ignore).
    NearMiss {
        /// The option it nearly spells.
        meant: &'static str,
    },
    /// A required option is missing or empty.
    Missing,
    /// A value of the wrong JS type, e.g. a number for `api`.
    WrongType {
        /// What the option takes.
        expected: &'static str,
        /// What it was given.
        got: &'static str,
    },
    /// Text that is not a number.
    NotANumber {
        /// The value as given.
        value: String,
    },
    /// A number outside the option's range, in seconds.
    OutOfRange {
        /// The value as given.
        value: f64,
        /// The least allowed.
        min: f64,
        /// The most allowed.
        max: f64,
    },
    /// Not one of the words the option takes.
    NotOneOf {
        /// The value as given.
        value: String,
        /// The values it takes.
        allowed: &'static [&'static str],
    },
    /// Not something OMS could name a project.
    NotAProjectId {
        /// The value as given.
        value: String,
    },
    /// A base URL that cannot be used; `problem` says why.
    BadUrl {
        /// The value as given.
        value: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// Fine alone, but not with another option's value: `relation` reads
    /// between the two names ("is above", "is below").
    Conflict {
        /// How it stands to the other option ("is above", "is below").
        relation: &'static str,
        /// The other option's name.
        other: String,
        /// This option's value.
        value: f64,
        /// The other option's value.
        other_value: f64,
    },
}

impl Problem {
    /// A problem with `option`.
    pub fn new(option: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            option: option.into(),
            kind,
        }
    }
}

impl Problem {
    /// The sentence in `lang`: the option's name and the values as the
    /// host sent them, the rest from the catalogue.
    // Inlined, so that `Display`'s English leaves the Chinese out of the
    // builds that show no page.
    #[inline(always)]
    pub fn text(&self, lang: Lang) -> String {
        let name = self.option.as_str();
        match &self.kind {
            ProblemKind::Unknown { known, meant } => {
                i18n::problem_unknown(lang, &quoted(name), *meant, &known.join(", "))
            }
            ProblemKind::NearMiss { meant } => i18n::problem_near_miss(lang, &quoted(name), meant),
            ProblemKind::Missing => i18n::problem_missing(lang, name),
            ProblemKind::WrongType { expected, got } => i18n::problem_wrong_type(
                lang,
                name,
                i18n::problem_phrase(expected, lang),
                i18n::problem_phrase(got, lang),
            ),
            ProblemKind::NotANumber { value } => {
                i18n::problem_not_a_number(lang, name, &quoted(value))
            }
            ProblemKind::OutOfRange { value, min, max } => i18n::problem_out_of_range(
                lang,
                name,
                &seconds_text(*value),
                &seconds_text(*min),
                &seconds_text(*max),
            ),
            ProblemKind::NotOneOf { value, allowed } => {
                i18n::problem_not_one_of(lang, name, &quoted(value), allowed)
            }
            ProblemKind::NotAProjectId { value } => {
                i18n::problem_not_a_project_id(lang, name, &quoted(value))
            }
            ProblemKind::BadUrl { value, problem } => {
                i18n::problem_bad_value(lang, name, &quoted(value), problem)
            }
            ProblemKind::Conflict {
                relation,
                other,
                value,
                other_value,
            } => i18n::problem_conflict(
                lang,
                (name, &seconds_text(*value)),
                relation,
                (other, &seconds_text(*other_value)),
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A number of seconds as written for a person, to the millisecond; plain
/// integer formatting keeps the float formatter (14 KB of wasm) out.
pub fn seconds_text(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() || value.abs() >= 1e15 {
        return if value < 0.0 {
            "a huge negative number"
        } else {
            "a huge number"
        }
        .into();
    }
    let millis = (value.abs() * 1000.0).round() as u64;
    let sign = if value < 0.0 && millis > 0 { "-" } else { "" };
    let (whole, fraction) = (millis / 1000, millis % 1000);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:03}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_written_as_a_person_would() {
        for (value, text) in [
            (0.1, "0.1"),
            (1.0, "1"),
            (0.0, "0"),
            (-2.5, "-2.5"),
            (86_400.25, "86400.25"),
            (1.0 / 3.0, "0.333"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "a huge number"),
            (-1e300, "a huge negative number"),
        ] {
            assert_eq!(seconds_text(value), text);
        }
    }

    #[test]
    fn every_problem_names_its_option() {
        let kinds = [
            ProblemKind::Unknown {
                known: vec!["a"],
                meant: None,
            },
            ProblemKind::Missing,
            ProblemKind::WrongType {
                expected: "a string",
                got: "a number",
            },
            ProblemKind::NotANumber { value: "x".into() },
            ProblemKind::OutOfRange {
                value: 0.0,
                min: 1.0,
                max: 2.0,
            },
            ProblemKind::NotOneOf {
                value: "x".into(),
                allowed: &["a", "b", "c"],
            },
            ProblemKind::NotAProjectId { value: "..".into() },
            ProblemKind::BadUrl {
                value: "x".into(),
                problem: "has no host",
            },
            ProblemKind::Conflict {
                relation: "is above",
                other: "other".into(),
                value: 2.0,
                other_value: 1.0,
            },
        ];
        for kind in kinds {
            let text = Problem::new("theOption", kind).to_string();
            assert!(text.contains("theOption"), "{text}");
        }
        let listed = Problem::new(
            "x",
            ProblemKind::NotOneOf {
                value: "y".into(),
                allowed: &["a", "b", "c"],
            },
        );
        assert_eq!(listed.to_string(), "x \"y\" is not a, b or c");
    }
}
