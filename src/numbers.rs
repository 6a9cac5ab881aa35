//! Numbers as articles write them: `330,000`, `330 000`, `330k`, `1.2 million`,
//! `forty`, `twenty-seven`, `six-year`, `two dozen`, `a quarter`, `25%`.
//!
//! `figure-not-in-excerpt` reads excerpts with this, and `scan` reads articles.

use std::ops::Range;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `330,000`, `25%`, `1.2 million`, `330k`.
    Digits,
    /// `forty`, `twenty-seven`, `six` in `six-year`, `two dozen`.
    Words,
    /// `a quarter`, `half`: the value is given in percent (25, 50).
    Fraction,
    /// `millions`, `thousands`, `dozens`: at least two of the unit, so the value is
    /// the least it can mean (2,000,000).
    Plural,
}

/// One number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the text, scale word included (`1.2 million`).
    pub span: Range<usize>,
    pub value: Decimal,
    pub form: Form,
}

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    // The regex crate has no back-references or look-around, so the thousands groups
    // are matched with one separator kind at a time.
    Regex::new(
        r"(?x)
        (?P<int> \d{1,3} (?: ,\d{3} )+ | \d{1,3} (?: [\x20\u{a0}\u{202f}\u{2009}]\d{3} )+ | \d+ )
        (?: \. (?P<frac>\d+) )?
        (?: [\x20\u{a0}]? (?P<scale> k | K | thousand | million | m | bn | billion ) \b )?
        ",
    )
    .expect("valid pattern")
});

fn scale(word: &str) -> Option<Decimal> {
    Some(Decimal::from(match word {
        "k" | "K" | "thousand" => 1_000_u64,
        "m" | "million" => 1_000_000,
        "bn" | "billion" => 1_000_000_000,
        _ => return None,
    }))
}

/// Digits with a comma between thousands: `330000` → `330,000`.
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A fast check that `value` stands in `text` in digits, as `330000` or `330,000`.
///
/// `false` means "not this way", not "absent": callers fall back to [`mentions`]. A
/// match inside a longer number (`1,330,000`) or before a scale word (`330 thousand`)
/// does not count.
pub fn has_digits(text: &str, value: Decimal) -> bool {
    if value.is_sign_negative() {
        return false;
    }
    let plain = value.normalize().to_string();
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = group_thousands(int);
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(f);
    }
    let bytes = text.as_bytes();
    let stands_alone = |start: usize, end: usize| {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if before
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b',' | b'-' | b'_'))
        {
            return false;
        }
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphanumeric() => false,
            Some(b'.' | b',') if digit_at(end + 1) => false,
            _ => {
                let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
                let scale = ["thousand", "million", "billion", "bn"]
                    .iter()
                    .any(|w| rest.starts_with(w))
                    || (rest.len() < text.len() - end
                        && ["k ", "m "].iter().any(|w| rest.starts_with(w)));
                !scale
            }
        }
    };
    [plain.as_str(), grouped.as_str()].iter().any(|needle| {
        memchr::memmem::find_iter(bytes, needle.as_bytes())
            .any(|start| stands_alone(start, start + needle.len()))
    })
}

/// Every number in `text`, in order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut out = digit_mentions(text);
    out.extend(word_mentions(text));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

fn digit_mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for caps in DIGITS.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        // Part of a longer token (`A330`, `1.2.3`, `x2`): not a number in prose.
        let before = text[..whole.start()].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_') {
            continue;
        }
        let int: String = caps["int"].chars().filter(char::is_ascii_digit).collect();
        let number = match caps.name("frac") {
            Some(frac) => format!("{int}.{}", frac.as_str()),
            None => int,
        };
        let Ok(mut value) = Decimal::from_str(&number) else {
            continue;
        };
        // A minus sign right before the digits, not joining two words (`-3`, `−3`).
        let mut start = whole.start();
        if let Some(sign) = before.filter(|c| matches!(c, '-' | '\u{2212}')) {
            let sign_at = start - sign.len_utf8();
            if !text[..sign_at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                value = -value;
                start = sign_at;
            }
        }
        if let Some(factor) = caps.name("scale").and_then(|s| scale(s.as_str())) {
            match value.checked_mul(factor) {
                Some(v) => value = v,
                None => continue,
            }
        }
        out.push(Mention {
            span: start..whole.end(),
            value: value.normalize(),
            form: Form::Digits,
        });
    }
    out
}

fn unit_word(word: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(i) = UNITS.iter().position(|u| *u == lower) {
        return Some(i as u64);
    }
    TENS.iter()
        .position(|t| *t == lower)
        .map(|i| (i as u64 + 2) * 10)
}

/// "twice" and "thrice": how many times.
fn times_word(word: &str) -> Option<u64> {
    match word.to_ascii_lowercase().as_str() {
        "twice" => Some(2),
        "thrice" => Some(3),
        _ => None,
    }
}

fn scale_word(word: &str) -> Option<u64> {
    match word.to_ascii_lowercase().as_str() {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        "dozen" => Some(12),
        _ => None,
    }
}

fn plural_word(word: &str) -> Option<u64> {
    match word.to_ascii_lowercase().as_str() {
        "dozens" => Some(12),
        "hundreds" => Some(100),
        "thousands" => Some(1_000),
        "millions" => Some(1_000_000),
        "billions" => Some(1_000_000_000),
        _ => None,
    }
}

fn fraction_word(word: &str) -> Option<u64> {
    match word.to_ascii_lowercase().as_str() {
        "quarter" => Some(25),
        "half" => Some(50),
        _ => None,
    }
}

/// Words of a text with their byte ranges; a hyphenated word gives each part
/// (`six-year` → `six`, `year`) and says whether it was joined to the previous one.
fn words(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut joined = false;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s..i, joined));
        }
        joined = c == '-' && out.last().is_some_and(|(r, _)| r.end == i);
    }
    out
}

fn word_mentions(text: &str) -> Vec<Mention> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &text[words[i].0.clone()];
        let article = matches!(word.to_ascii_lowercase().as_str(), "a" | "an" | "one");
        // "a quarter", "one half", "half", "three quarters"
        if let Some(percent) = fraction_word(word).or_else(|| {
            if article {
                words
                    .get(i + 1)
                    .and_then(|w| fraction_word(&text[w.0.clone()]))
            } else {
                None
            }
        }) {
            let end = if fraction_word(word).is_some() {
                i
            } else {
                i + 1
            };
            out.push(Mention {
                span: words[i].0.start..words[end].0.end,
                value: Decimal::from(percent),
                form: Form::Fraction,
            });
            i = end + 1;
            continue;
        }
        if let Some(times) = times_word(word) {
            out.push(Mention {
                span: words[i].0.clone(),
                value: Decimal::from(times),
                form: Form::Words,
            });
            i += 1;
            continue;
        }
        if let Some(unit) = plural_word(word) {
            out.push(Mention {
                span: words[i].0.clone(),
                value: Decimal::from(2 * unit),
                form: Form::Plural,
            });
            i += 1;
            continue;
        }
        let (total, end) = read_number_words(text, &words, i);
        match total {
            Some(value) => {
                // "three quarters" is a fraction: 75 percent.
                if let Some(next) = words.get(end + 1)
                    && text[next.0.clone()].eq_ignore_ascii_case("quarters")
                    && value <= 4
                {
                    out.push(Mention {
                        span: words[i].0.start..next.0.end,
                        value: Decimal::from(value * 25),
                        form: Form::Fraction,
                    });
                    i = end + 2;
                    continue;
                }
                out.push(Mention {
                    span: words[i].0.start..words[end].0.end,
                    value: Decimal::from(value),
                    form: Form::Words,
                });
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Reads number words from `words[start]` on: "three hundred and thirty thousand",
/// "twenty-seven", "a dozen". Returns the value and the index of the last word used.
fn read_number_words(
    text: &str,
    words: &[(Range<usize>, bool)],
    start: usize,
) -> (Option<u64>, usize) {
    let word_at = |i: usize| words.get(i).map(|w| &text[w.0.clone()]);
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut seen = false;
    let mut last = start;
    let mut i = start;
    // "a hundred", "a dozen", "a thousand": the article counts as one.
    if let (Some(first), Some(next)) = (word_at(i), word_at(i + 1))
        && first.eq_ignore_ascii_case("a")
        && scale_word(next).is_some()
        && gap_is_space(text, &words[i].0, &words[i + 1].0)
    {
        current = 1;
        seen = true;
        i += 1;
    }
    while let Some(word) = word_at(i) {
        if i > start && !gap_is_space(text, &words[i - 1].0, &words[i].0) && !words[i].1 {
            break;
        }
        if let Some(n) = unit_word(word) {
            // "twenty seven" and "twenty-seven" add up; "five six" does not.
            if seen && !current.is_multiple_of(10) {
                break;
            }
            if seen && !current.is_multiple_of(100) && n >= 10 {
                break;
            }
            current += n;
        } else if let Some(s) = scale_word(word) {
            if !seen {
                break;
            }
            if s == 100 || s == 12 {
                current *= s;
            } else {
                total += current.max(1) * s;
                current = 0;
            }
        } else if word.eq_ignore_ascii_case("and")
            && seen
            && word_at(i + 1).is_some_and(|w| unit_word(w).is_some())
        {
            i += 1;
            continue;
        } else {
            break;
        }
        seen = true;
        last = i;
        i += 1;
    }
    (seen.then_some(total + current), last)
}

/// True when only spaces separate two words (not a full stop or a comma).
fn gap_is_space(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    text[a.end..b.start]
        .chars()
        .all(|c| c == ' ' || c == '-' || c == '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, Form)> {
        mentions(text)
            .into_iter()
            .map(|m| (format!("{}={}", &text[m.span], m.value), m.form))
            .collect()
    }

    fn found(text: &str) -> Vec<String> {
        values(text).into_iter().map(|(v, _)| v).collect()
    }

    #[test]
    fn digits_in_every_thousands_style() {
        assert_eq!(
            found("330,000 and 330000 and 330 000"),
            ["330,000=330000", "330000=330000", "330 000=330000"]
        );
        assert_eq!(
            found("330k killed, 1.2 million fled, 3 bn"),
            ["330k=330000", "1.2 million=1200000", "3 bn=3000000000"]
        );
        assert_eq!(found("around 25 percent, 25%"), ["25=25", "25=25"]);
        assert_eq!(found("330 thousand"), ["330 thousand=330000"]);
    }

    #[test]
    fn number_words_and_compounds() {
        assert_eq!(found("forty rebel groups"), ["forty=40"]);
        assert_eq!(found("the six-year civil war"), ["six=6"]);
        assert_eq!(found("twenty-seven languages"), ["twenty-seven=27"]);
        assert_eq!(found("two dozen towns"), ["two dozen=24"]);
        assert_eq!(
            found("three hundred and thirty thousand"),
            ["three hundred and thirty thousand=330000"]
        );
        assert_eq!(found("a hundred people"), ["a hundred=100"]);
    }

    #[test]
    fn fractions_are_percent() {
        assert_eq!(
            values("a quarter of the territory, half of it, three quarters"),
            [
                ("a quarter=25".to_owned(), Form::Fraction),
                ("half=50".to_owned(), Form::Fraction),
                ("three quarters=75".to_owned(), Form::Fraction),
            ]
        );
    }

    #[test]
    fn the_fast_digit_check_agrees_with_the_full_reader() {
        let cases = [
            ("More than 330,000 people", 330_000, true),
            ("330000 people", 330_000, true),
            ("1,330,000 people", 330_000, false),
            ("330,000.5 people", 330_000, false),
            ("330 thousand", 330, false),
            ("A330 aircraft", 330, false),
            ("in 2014.", 2014, true),
            ("about 25 percent", 25, true),
        ];
        for (text, value, expected) in cases {
            let value = Decimal::from(value);
            assert_eq!(has_digits(text, value), expected, "{text}");
            if expected {
                assert!(mentions(text).iter().any(|m| m.value == value), "{text}");
            }
        }
        assert!(has_digits("12.5 people", Decimal::new(125, 1)));
    }

    #[test]
    fn plural_scales_mean_at_least_two() {
        assert_eq!(
            values("millions have fled, thousands more"),
            [
                ("millions=2000000".to_owned(), Form::Plural),
                ("thousands=2000".to_owned(), Form::Plural)
            ]
        );
    }

    #[test]
    fn separate_numbers_stay_separate() {
        assert_eq!(found("five six"), ["five=5", "six=6"]);
        assert_eq!(found("in 2011 300 people"), ["2011=2011", "300=300"]);
        assert_eq!(found("forty. Seven"), ["forty=40", "Seven=7"]);
    }

    #[test]
    fn a_minus_sign_makes_a_number_negative_but_a_hyphen_between_words_does_not() {
        assert_eq!(
            found("fell by \u{2212}3 points, or -4"),
            ["\u{2212}3=-3", "-4=-4"]
        );
        assert_eq!(found("in 2011-03"), ["2011=2011", "03=3"]);
    }

    #[test]
    fn digits_inside_names_are_not_numbers() {
        assert!(
            found("an A330 and a MiG-29x2")
                .iter()
                .all(|f| !f.starts_with("330"))
        );
    }
}
