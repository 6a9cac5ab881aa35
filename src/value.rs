//! Values that own their grammar: partial dates, exact numbers and qualifiers.
//!
//! One parser per value serves the ledger file, command-line flags and `scan`.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date as precise as the source gives it: `2011`, `2011-03` or `2011-03-15`.
///
/// A partial date means every day it covers: `2011-03` is 2011-03-01 ..= 2011-03-31.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

/// Why a text is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")]
    Form(String),
    #[error("`{text}` names month {month}, and months run from 01 to 12")]
    Month { text: String, month: i8 },
    #[error("`{text}` does not exist: {month_name} {year} has {days} days")]
    Day {
        text: String,
        month_name: &'static str,
        year: i16,
        days: i8,
    },
    #[error("`{0}` has a year outside 1000-9999")]
    Year(String),
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// A date with year, month and day known.
    pub fn from_date(date: Date) -> PartialDate {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// A date of which only some parts are known; checked like a parsed one.
    pub fn new(year: i16, month: Option<i8>, day: Option<i8>) -> Result<PartialDate, DateError> {
        let text = match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            (None, _) => format!("{year:04}"),
        };
        text.parse()
    }

    /// The first and last day this date may mean.
    pub fn interval(self) -> (Date, Date) {
        // Every component was validated on construction, so these cannot fail.
        let month = self.month.unwrap_or(1);
        let first = Date::new(self.year, month, self.day.unwrap_or(1)).expect("validated date");
        let last = match (self.month, self.day) {
            (Some(_), Some(_)) => first,
            (Some(_), None) => first.last_of_month(),
            (None, _) => Date::new(self.year, 12, 31).expect("validated year"),
        };
        (first, last)
    }

    /// The first day this date may mean.
    pub fn first(self) -> Date {
        self.interval().0
    }

    /// The last day this date may mean.
    pub fn last(self) -> Date {
        self.interval().1
    }

    /// True when every day of `self` comes before every day of `other`.
    pub fn is_certainly_before(self, other: PartialDate) -> bool {
        self.last() < other.first()
    }

    /// True when the two dates share at least one day.
    pub fn overlaps(self, other: PartialDate) -> bool {
        self.first() <= other.last() && other.first() <= self.last()
    }

    pub fn year(self) -> i16 {
        self.year
    }

    pub fn month(self) -> Option<i8> {
        self.month
    }

    pub fn day(self) -> Option<i8> {
        self.day
    }

    /// "27 December 2017", "March 2011" or "2011", for readers.
    pub fn to_words(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            (None, _) => self.year.to_string(),
        }
    }
}

fn month_name(month: i8) -> &'static str {
    MONTH_NAMES[usize::try_from(month - 1).expect("validated month")]
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let form = || DateError::Form(text.to_owned());
        let mut parts = text.split('-');
        let digits = |part: Option<&str>, len: usize| -> Result<Option<i16>, DateError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| form())?))
                }
                Some(_) => Err(form()),
            }
        };
        let year = digits(parts.next(), 4)?.ok_or_else(form)?;
        let month = digits(parts.next(), 2)?;
        let day = digits(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(form());
        }
        if year < 1000 {
            return Err(DateError::Year(text.to_owned()));
        }
        let month = month.map(|m| i8::try_from(m).expect("two digits"));
        let day = day.map(|d| i8::try_from(d).expect("two digits"));
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::Month {
                text: text.to_owned(),
                month: m,
            });
        }
        if let (Some(m), Some(d)) = (month, day) {
            let days = Date::new(year, m, 1).expect("valid month").days_in_month();
            if d < 1 || d > days {
                return Err(DateError::Day {
                    text: text.to_owned(),
                    month_name: month_name(m),
                    year,
                    days,
                });
            }
        }
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// A date as written in the ledger: kept even when invalid, so that `bad-date`
/// reports it and every other rule still checks the rest of the record.
///
/// A valid date is stored parsed only: its canonical form is the only form that parses,
/// so its text is its `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateField {
    Valid(PartialDate),
    Invalid(Box<str>),
}

impl DateField {
    /// The date, when the text is a valid one.
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            DateField::Valid(date) => Some(*date),
            DateField::Invalid(_) => None,
        }
    }

    /// The text as written.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            DateField::Valid(date) => date.to_string().into(),
            DateField::Invalid(text) => (&**text).into(),
        }
    }

    /// Why the text is not a date, when it is not.
    pub fn error(&self) -> Option<DateError> {
        match self {
            DateField::Valid(_) => None,
            DateField::Invalid(text) => text.parse::<PartialDate>().err(),
        }
    }
}

impl From<PartialDate> for DateField {
    fn from(date: PartialDate) -> Self {
        DateField::Valid(date)
    }
}

impl From<&str> for DateField {
    fn from(text: &str) -> Self {
        text.parse()
            .map_or_else(|_| DateField::Invalid(text.into()), DateField::Valid)
    }
}

impl<'de> Deserialize<'de> for DateField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(DateField::from(&*text))
    }
}

impl Serialize for DateField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

/// A number as written in the ledger: the literal's own digits, never through `f64`.
///
/// ron hands float literals to serde as `f64`, which would turn `0.10000000000000001`
/// into `0.1`; reading the raw literal keeps every digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Exact(pub Decimal);

impl<'de> Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&'de ron::value::RawValue>::deserialize(d)?;
        let text = raw.get_ron().trim();
        parse_exact(text).map_err(serde::de::Error::custom)
    }
}

fn parse_exact(text: &str) -> Result<Exact, String> {
    let digits = text.trim_matches('"');
    let plain = !digits.is_empty()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-' | b'+'));
    if !plain {
        return Err(format!("expected a number, found `{text}`"));
    }
    Decimal::from_str(&digits.replace('_', ""))
        .map(Exact)
        .map_err(|_| format!("`{text}` is not a number factledger can hold exactly (at most 28 significant digits)"))
}

impl FromStr for Exact {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_exact(text)
    }
}

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A raw RON literal, so the number is written as digits, not a string.
        let text = self.0.normalize().to_string();
        ron::value::RawValue::from_ron(&text)
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

/// How a figure's value is stated: each qualifier is an interval of possible values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Qualifier {
    /// Exactly this value: `[v, v]`.
    Exactly(Exact),
    /// About this value: within the policy's `about_tolerance` either side.
    About(Exact),
    /// More than: `(v, ∞)`.
    MoreThan(Exact),
    /// At least: `[v, ∞)`.
    AtLeast(Exact),
    /// Less than: `[0, v)` for non-negative units.
    LessThan(Exact),
    /// At most: `[0, v]` for non-negative units.
    AtMost(Exact),
    /// Nearly or almost: just under the value, within the tolerance.
    Nearly(Exact),
    /// Between two values, both included.
    Between(Exact, Exact),
}

impl Qualifier {
    /// The numbers the qualifier states, as written (one, or two for `Between`).
    pub fn numbers(&self) -> impl Iterator<Item = Decimal> {
        let (a, b) = match *self {
            Qualifier::Exactly(v)
            | Qualifier::About(v)
            | Qualifier::MoreThan(v)
            | Qualifier::AtLeast(v)
            | Qualifier::LessThan(v)
            | Qualifier::AtMost(v)
            | Qualifier::Nearly(v) => (v, None),
            Qualifier::Between(a, b) => (a, Some(b)),
        };
        std::iter::once(a.0).chain(b.map(|b| b.0))
    }

    /// The qualifier's name as written in the ledger (`MoreThan`).
    pub fn name(&self) -> &'static str {
        match self {
            Qualifier::Exactly(_) => "Exactly",
            Qualifier::About(_) => "About",
            Qualifier::MoreThan(_) => "MoreThan",
            Qualifier::AtLeast(_) => "AtLeast",
            Qualifier::LessThan(_) => "LessThan",
            Qualifier::AtMost(_) => "AtMost",
            Qualifier::Nearly(_) => "Nearly",
            Qualifier::Between(..) => "Between",
        }
    }
}

/// Why a text is not a [`Qualifier`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a value: write a number with an optional qualifier, e.g. `40`, `about 25`, `more than 330,000`, `between 300 and 400`"
)]
pub struct QualifierError {
    text: String,
}

/// Makes a qualifier of a number: `Qualifier::MoreThan`.
type MakeQualifier = fn(Exact) -> Qualifier;

/// Words in front of a number and the qualifier they make, longest first.
const QUALIFIER_WORDS: &[(&str, MakeQualifier)] = &[
    ("more than", Qualifier::MoreThan),
    ("at least", Qualifier::AtLeast),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("exactly", Qualifier::Exactly),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("some", Qualifier::About),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("over", Qualifier::MoreThan),
    ("under", Qualifier::LessThan),
];

impl Qualifier {
    /// The qualifier that `words` ("more than", "around", …) put before a number.
    pub fn from_words(words: &str, value: Exact) -> Option<Qualifier> {
        let words = words.trim().to_lowercase();
        QUALIFIER_WORDS
            .iter()
            .find(|(w, _)| *w == words)
            .map(|(_, make)| make(value))
    }

    /// The qualifier words that may stand before a number, for readers of prose.
    pub fn words() -> impl Iterator<Item = &'static str> {
        QUALIFIER_WORDS.iter().map(|(w, _)| *w)
    }
}

/// Reads `40`, `about 25`, `more than 330,000`, `between 300 and 400`, `nearly 2.5`,
/// or the ledger's own form `MoreThan(330000)`.
impl FromStr for Qualifier {
    type Err = QualifierError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || QualifierError {
            text: text.to_owned(),
        };
        let trimmed = text.trim();
        if trimmed.ends_with(')') && trimmed.starts_with(|c: char| c.is_ascii_uppercase()) {
            return ron::from_str(trimmed).map_err(|_| error());
        }
        let number = |t: &str| {
            t.trim()
                .replace(',', "")
                .parse::<Exact>()
                .map_err(|_| error())
        };
        let lower = trimmed.to_lowercase();
        if let Some(rest) = lower.strip_prefix("between ") {
            let (a, b) = rest.split_once(" and ").ok_or_else(error)?;
            return Ok(Qualifier::Between(number(a)?, number(b)?));
        }
        for (words, make) in QUALIFIER_WORDS {
            if let Some(rest) = lower.strip_prefix(words).and_then(|r| r.strip_prefix(' ')) {
                return Ok(make(number(rest)?));
            }
        }
        Ok(Qualifier::Exactly(number(&lower)?))
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Qualifier::Between(a, b) => write!(f, "Between({a}, {b})"),
            q => write!(
                f,
                "{}({})",
                q.name(),
                q.numbers().next().unwrap_or_default()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_days() {
        let march: PartialDate = "2011-03".parse().unwrap();
        assert_eq!(march.first().to_string(), "2011-03-01");
        assert_eq!(march.last().to_string(), "2011-03-31");
        let year: PartialDate = "2016".parse().unwrap();
        assert_eq!(year.last().to_string(), "2016-12-31");
        let leap: PartialDate = "2016-02".parse().unwrap();
        assert_eq!(leap.last().to_string(), "2016-02-29");
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            "2017-02-30".parse::<PartialDate>().unwrap_err().to_string(),
            "`2017-02-30` does not exist: February 2017 has 28 days"
        );
        assert_eq!(
            "2017-13".parse::<PartialDate>().unwrap_err().to_string(),
            "`2017-13` names month 13, and months run from 01 to 12"
        );
        for bad in [
            "",
            "17-12-27",
            "2017/12/27",
            "2017-1-5",
            "2017-12-27-1",
            "late 2017",
            "0999",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad} parsed");
        }
    }

    #[test]
    fn dates_round_trip_through_display() {
        for text in ["2011", "2011-03", "2017-12-27"] {
            assert_eq!(text.parse::<PartialDate>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn dates_read_in_words() {
        let d: PartialDate = "2017-12-27".parse().unwrap();
        assert_eq!(d.to_words(), "27 December 2017");
        assert_eq!(
            "2011-03".parse::<PartialDate>().unwrap().to_words(),
            "March 2011"
        );
    }

    #[test]
    fn overlap_and_order_use_every_day() {
        let march: PartialDate = "2011-03".parse().unwrap();
        let day: PartialDate = "2011-03-15".parse().unwrap();
        let april: PartialDate = "2011-04-01".parse().unwrap();
        assert!(march.overlaps(day));
        assert!(!march.overlaps(april));
        assert!(march.is_certainly_before(april));
        assert!(!day.is_certainly_before(march));
    }

    #[test]
    fn exact_numbers_keep_every_digit() {
        #[derive(Deserialize)]
        struct Holder {
            v: Vec<Exact>,
        }
        let h: Holder =
            ron::from_str("(v: [0.10000000000000001, 9007199254740993.5, 330_000, \"12.50\"])")
                .unwrap();
        let shown: Vec<String> = h.v.iter().map(|e| e.0.to_string()).collect();
        assert_eq!(
            shown,
            [
                "0.10000000000000001",
                "9007199254740993.5",
                "330000",
                "12.50"
            ]
        );
    }

    #[test]
    fn exact_numbers_refuse_what_they_cannot_hold() {
        let err = "1000000000000000000000000000000"
            .parse::<Exact>()
            .unwrap_err();
        assert!(err.contains("exactly"), "{err}");
        assert!("Some(3)".parse::<Exact>().is_err());
    }

    #[test]
    fn qualifiers_read_from_words_and_from_the_ledger_form() {
        let read = |t: &str| t.parse::<Qualifier>().map(|q| q.to_string());
        assert_eq!(read("more than 330,000").unwrap(), "MoreThan(330000)");
        assert_eq!(read("40").unwrap(), "Exactly(40)");
        assert_eq!(read("around 25").unwrap(), "About(25)");
        assert_eq!(read("Between 300 and 400").unwrap(), "Between(300, 400)");
        assert_eq!(read("nearly 2.5").unwrap(), "Nearly(2.5)");
        assert_eq!(read("AtLeast(7)").unwrap(), "AtLeast(7)");
        for bad in ["", "lots", "more than", "between 3", "MoreThen(3)"] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn qualifiers_serialize_as_digits() {
        let q = Qualifier::MoreThan(Exact(Decimal::from(330_000)));
        assert_eq!(ron::to_string(&q).unwrap(), "MoreThan(330000)");
    }
}
