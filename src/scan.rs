//! `scan`: the figures, dates and quotations of an article, and which of them the
//! ledger already records.
//!
//! Extraction works on plain text: numbers as [`numbers`] reads them (digits, words,
//! fractions, scales), with the qualifier in front and the noun after; dates full,
//! partial and relative ("last week", resolved against the source's date); and text in
//! straight or typographic double quotes, with the speaker when the sentence names one.
//! A number that is part of a date, a year, an ordinal, a time of day, a phone number
//! or a name (`A330`, `MiG-29`, `Article 5`) is not a figure.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{ClaimKind, Ledger};
use crate::numbers::{self, Form};
use crate::text::normalize;
use crate::value::{Exact, PartialDate, Qualifier};

/// What was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Found {
    Figure {
        #[serde(serialize_with = "as_ledger_form")]
        value: Qualifier,
        /// The noun it counts: "rebel groups", "people", "percent".
        noun: Option<String>,
    },
    Date {
        /// The days it may mean; `None` when relative and no reference date was given.
        #[serde(serialize_with = "as_iso_range")]
        days: Option<Days>,
    },
    Quote {
        words: String,
        speaker: Option<String>,
    },
}

fn as_ledger_form<S: serde::Serializer>(q: &Qualifier, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&q.to_string())
}

#[allow(
    clippy::ref_option,
    reason = "serde's `serialize_with` passes the field by reference"
)]
fn as_iso_range<S: serde::Serializer>(
    days: &Option<(Date, Date)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match days {
        Some((a, b)) if a == b => s.serialize_str(&a.to_string()),
        Some((a, b)) => s.serialize_str(&format!("{a}/{b}")),
        None => s.serialize_none(),
    }
}

/// One figure, date or quotation of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    #[serde(flatten)]
    pub found: Found,
    /// The words as the article writes them.
    pub text: String,
    /// Byte range in the article.
    #[serde(skip)]
    pub span: Range<usize>,
    /// 1-based line in the article.
    pub line: usize,
    /// The sentence it stands in.
    pub sentence: String,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\.)\s+(?:(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?|(?P<year_only>\d{4}))\b",
    )
    .expect("valid pattern")
});

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<y>1[89]\d\d|20\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?\b")
        .expect("valid pattern")
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?P<which>last|next|this)\s+(?P<unit>week|month|year)|(?P<day>yesterday|today|tomorrow))\b")
        .expect("valid pattern")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<year>1[89]\d\d|20\d\d)\b").expect("valid pattern"));

static TIME_OR_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b      # 10:30, 10:30 p.m.
        | \b\d{1,2}\s*[ap]\.m\.                              # 3 p.m.
        | \b\d{1,2}\s*[ap]m\b                                # 3pm
        | (?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b  # phone numbers
        ",
    )
    .expect("valid pattern")
});

static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(?P<a>[^"\n]{1,2000})"|“(?P<b>[^”\n]{1,2000})”"#).expect("valid pattern")
});

static SAID_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[,.]?\s*(?P<who>[^.!?\x22“”]{2,120}?)\s+(?:said|says|told\s+\w+|added|wrote|stated|declared)\b")
        .expect("valid pattern")
});

static SAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})\s+(?:said|says|told\s+\w+|added|wrote)(?:\s+\w+){0,3}[,:]?\s*$")
        .expect("valid pattern")
});

/// Words that, before a number, make it a name or a label rather than a figure.
const LABELS: &[&str] = &[
    "article",
    "resolution",
    "chapter",
    "section",
    "formula",
    "flight",
    "room",
    "route",
    "highway",
    "apollo",
    "boeing",
    "airbus",
    "level",
    "phase",
    "stage",
    "track",
    "vol.",
    "no.",
    "number",
    "page",
    "paragraph",
    "item",
    "gate",
    "terminal",
    "platform",
];

/// Words before a year that show it is a date.
const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "from", "until", "till", "by", "of", "after", "before", "during", "early",
    "late", "mid", "circa", "to", "and", "through", "between", "year", "spring", "summer",
    "autumn", "fall", "winter",
];

/// Words after a number that are not what it counts.
const NOT_NOUNS: &[&str] = &[
    "have", "has", "had", "were", "was", "are", "is", "be", "been", "of", "in", "on", "and", "or",
    "to", "the", "a", "an", "at", "for", "with", "by", "from", "that", "who", "which", "said",
    "more", "than", "as",
];

/// The sentences of a text: byte ranges, split at `.`, `!` or `?` before a capital or
/// a quote, and at line breaks.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_of_line = c == '\n';
        let end_of_sentence = matches!(c, '.' | '!' | '?')
            && bytes.get(i + 1).is_some_and(|b| *b == b' ')
            && text[i + 2..].starts_with(|n: char| n.is_uppercase() || n == '"' || n == '“');
        if end_of_line || end_of_sentence {
            let end = if end_of_line { i } else { i + 1 };
            if !text[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = i + 1;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether `range` overlaps any of `sorted` (sorted by start). Dates, times and
/// phone numbers are shorter than 64 bytes, so only those starting that close before
/// `range` need a look.
fn overlaps_any(sorted: &[Range<usize>], range: &Range<usize>) -> bool {
    const LONGEST: usize = 64;
    let lo = sorted.partition_point(|t| t.start + LONGEST < range.start);
    let hi = sorted.partition_point(|t| t.start < range.end);
    sorted[lo..hi.max(lo)].iter().any(|t| overlaps(t, range))
}

/// Resolves a month and day without a year to the occurrence nearest `reference`.
fn nearest_year(month: i8, day: i8, reference: Option<PartialDate>) -> Option<i16> {
    let reference = reference?.first();
    [reference.year() - 1, reference.year(), reference.year() + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, month, day).ok().map(|d| (d, y)))
        .min_by_key(|(d, _)| {
            (
                d.since(reference).map_or(i32::MAX, |s| s.get_days().abs()),
                d.year(),
            )
        })
        .map(|(_, y)| y)
}

fn month_number(name: &str) -> Option<i8> {
    let lower = name.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower) && lower.len() >= 3)
        .map(|i| i8::try_from(i + 1).expect("12 months"))
}

fn dates(text: &str, reference: Option<PartialDate>) -> Vec<(Range<usize>, Option<Days>)> {
    let mut out = Vec::new();
    for caps in MONTH_DATE.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        let Some(month) = month_number(&caps["month"]) else {
            continue;
        };
        let days = if let Some(year) = caps.name("year_only") {
            year.as_str()
                .parse()
                .ok()
                .and_then(|y| PartialDate::new(y, Some(month), None).ok())
                .map(PartialDate::interval)
        } else {
            let day: i8 = caps["day"].parse().unwrap_or(0);
            let last_day: i8 = caps
                .name("day2")
                .and_then(|d| d.as_str().parse().ok())
                .unwrap_or(day);
            let year = caps
                .name("year")
                .and_then(|y| y.as_str().parse().ok())
                .or_else(|| nearest_year(month, day, reference));
            year.and_then(|y| {
                Some((
                    Date::new(y, month, day).ok()?,
                    Date::new(y, month, last_day).ok()?,
                ))
            })
        };
        out.push((whole.range(), days));
    }
    for caps in ISO_DATE.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        if let Ok(date) = whole.as_str().parse::<PartialDate>() {
            out.push((whole.range(), Some(date.interval())));
        }
    }
    for caps in RELATIVE.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        if out.iter().any(|(r, _)| overlaps(r, &whole.range())) {
            continue;
        }
        let days = reference.and_then(|reference| relative_days(&caps, reference.first()));
        out.push((whole.range(), days));
    }
    out
}

fn relative_days(caps: &regex::Captures, reference: Date) -> Option<Days> {
    use jiff::ToSpan;
    if let Some(day) = caps.name("day") {
        let offset = match day.as_str().to_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let d = reference.checked_add(offset.days()).ok()?;
        return Some((d, d));
    }
    let step = match caps["which"].to_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    match caps["unit"].to_lowercase().as_str() {
        "week" => {
            let monday = reference
                .checked_sub(i64::from(reference.weekday().to_monday_zero_offset()).days())
                .ok()?;
            let first = monday.checked_add((7 * step).days()).ok()?;
            Some((first, first.checked_add(6.days()).ok()?))
        }
        "month" => {
            let first = reference.first_of_month().checked_add(step.months()).ok()?;
            Some((first, first.last_of_month()))
        }
        _ => {
            let year = reference.year() + i16::try_from(step).ok()?;
            Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?))
        }
    }
}

fn word_before(text: &str, at: usize) -> Option<&str> {
    text[..at]
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .filter(|w| !w.is_empty())
}

/// The qualifier words just before `at` ("more than", "about") and where they start.
fn qualifier_before(text: &str, at: usize) -> Option<(&'static str, usize)> {
    // The longest qualifier is two short words: look at the last few bytes only.
    let mut from = at.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = &text[from..at].trim_end();
    let lower = before.to_lowercase();
    Qualifier::words()
        .filter(|w| {
            let prefix = lower.strip_suffix(*w);
            prefix.is_some_and(|p| p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()))
        })
        .max_by_key(|w| w.len())
        .map(|w| (w, from + before.len() - w.len()))
}

fn noun_after(text: &str, at: usize) -> Option<String> {
    let rest = &text[at..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    let starts_with = |word: &str| {
        rest.get(..word.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(word))
    };
    if rest.starts_with('%') || starts_with("percent") || starts_with("per cent") {
        return Some("percent".to_owned());
    }
    let words: Vec<&str> = rest
        .split([' ', ',', '.', ';', ':', ')', '\n', '"', '“', '”'])
        .take(3)
        .collect();
    let first = words.first().copied().unwrap_or_default();
    if first.is_empty()
        || !first.starts_with(char::is_alphabetic)
        || NOT_NOUNS.contains(&first.to_lowercase().as_str())
    {
        return None;
    }
    // "rebel groups": an adjective or noun followed by a plural noun.
    let second = words.get(1).copied().unwrap_or_default();
    let pair = !first.ends_with('s')
        && second.len() > 2
        && second.ends_with('s')
        && second.starts_with(char::is_lowercase)
        && !NOT_NOUNS.contains(&second);
    Some(
        if pair {
            format!("{first} {second}")
        } else {
            first.to_owned()
        }
        .to_lowercase(),
    )
}

/// The days a date may mean, first and last.
pub type Days = (Date, Date);

/// Everything an article mentions that a ledger could record, in order.
///
/// `reference` is the article's date (its source's `published`), which relative and
/// year-less dates are resolved against.
pub fn extract(text: &str, reference: Option<PartialDate>) -> Vec<Item> {
    let article = Article {
        text,
        sentences: sentences(text),
        lines: crate::source_map::SourceFile::new("article", text.to_owned()),
    };
    let mut out: Vec<Item> = Vec::new();
    let date_spans = dates(text, reference);
    let mut taken: Vec<Range<usize>> = date_spans.iter().map(|(r, _)| r.clone()).collect();
    taken.extend(TIME_OR_PHONE.find_iter(text).map(|m| m.range()));
    taken.sort_by_key(|r| r.start);
    let years = article.years(&taken, &mut out);
    taken.extend(years);
    taken.sort_by_key(|r| r.start);
    out.extend(
        date_spans
            .into_iter()
            .map(|(span, days)| article.item(Found::Date { days }, span)),
    );
    article.figures(&taken, &mut out);
    article.quotes(&mut out);
    out.sort_by_key(|i| (i.span.start, i.span.end));
    out
}

/// An article being read: its text, sentences and lines.
struct Article<'t> {
    text: &'t str,
    sentences: Vec<Range<usize>>,
    lines: crate::source_map::SourceFile,
}

impl Article<'_> {
    fn item(&self, found: Found, span: Range<usize>) -> Item {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        let sentence = self
            .sentences
            .get(i)
            .map_or_else(String::new, |s| self.text[s.clone()].trim().to_owned());
        Item {
            text: self.text[span.clone()].to_owned(),
            line: self.lines.line_col(span.start).line,
            sentence,
            found,
            span,
        }
    }

    /// Four-digit years: dates unless they count something ("2000 troops"). Returns
    /// their spans.
    fn years(&self, taken: &[Range<usize>], out: &mut Vec<Item>) -> Vec<Range<usize>> {
        let mut years = Vec::new();
        let text = self.text;
        for caps in YEAR.captures_iter(text) {
            let m = caps.get(0).expect("group 0");
            let rest = &text[m.end()..];
            let grouped =
                rest.starts_with(',') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
            if overlaps_any(taken, &m.range())
                || grouped
                || rest.starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let before = word_before(text, m.start())
                .unwrap_or_default()
                .to_lowercase();
            let counted =
                noun_after(text, m.end()).is_some_and(|n| n.ends_with('s') && n != "years");
            if YEAR_CONTEXT.contains(&before.as_str()) || !counted {
                let year: i16 = caps["year"].parse().expect("four digits");
                let days = PartialDate::new(year, None, None)
                    .ok()
                    .map(PartialDate::interval);
                out.push(self.item(Found::Date { days }, m.range()));
                years.push(m.range());
            }
        }
        years
    }

    /// Numbers that are figures, with their qualifier and noun.
    fn figures(&self, taken: &[Range<usize>], out: &mut Vec<Item>) {
        let text = self.text;
        let mentions = numbers::mentions(text);
        let mut i = 0;
        while i < mentions.len() {
            let m = &mentions[i];
            i += 1;
            if overlaps_any(taken, &m.span) || !stands_as_figure(text, m) {
                continue;
            }
            // "between 300,000 and 400,000" is one figure.
            let between =
                word_before(text, m.span.start).is_some_and(|w| w.eq_ignore_ascii_case("between"));
            if between
                && let Some(next) = mentions.get(i)
                && text[m.span.end..next.span.start]
                    .trim()
                    .eq_ignore_ascii_case("and")
            {
                let start = m.span.start - "between ".len().min(m.span.start);
                let value = Qualifier::Between(Exact(m.value), Exact(next.value));
                let noun = noun_after(text, next.span.end);
                out.push(self.item(Found::Figure { value, noun }, start..next.span.end));
                i += 1;
                continue;
            }
            let exact = Exact(m.value);
            let (value, start) = match (m.form, qualifier_before(text, m.span.start)) {
                (Form::Plural, _) => (Qualifier::AtLeast(exact), m.span.start),
                (_, Some((words, at))) => (
                    Qualifier::from_words(words, exact).expect("a known qualifier"),
                    at,
                ),
                _ => (Qualifier::Exactly(exact), m.span.start),
            };
            let noun = if m.form == Form::Fraction {
                Some("percent".to_owned())
            } else {
                noun_after(text, m.span.end)
            };
            out.push(self.item(Found::Figure { value, noun }, start..m.span.end));
        }
    }

    /// Text in double quotes, with the speaker when the sentence names one.
    fn quotes(&self, out: &mut Vec<Item>) {
        let text = self.text;
        for caps in QUOTED.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            let inner = caps
                .name("a")
                .or_else(|| caps.name("b"))
                .expect("one group matched");
            let words = inner
                .as_str()
                .trim()
                .trim_end_matches([',', '.', ';', ':'])
                .trim()
                .to_owned();
            if words.is_empty() {
                continue;
            }
            let line_end = text[whole.end()..]
                .find('\n')
                .map_or(text.len(), |i| whole.end() + i);
            let line_start = text[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
            let speaker = SAID_AFTER
                .captures(&text[whole.end()..line_end])
                .map(|c| c["who"].trim().trim_end_matches(',').to_owned())
                .or_else(|| {
                    SAID_BEFORE
                        .captures(&text[line_start..whole.start()])
                        .map(|c| c["who"].trim().to_owned())
                });
            out.push(self.item(Found::Quote { words, speaker }, whole.range()));
        }
    }
}

/// False for a number glued to letters (`A330`, `16x9`, `3rd`, `1990s`, `MiG-29`) or
/// after a label word (`Article 5`): those are names, not figures.
fn stands_as_figure(text: &str, m: &numbers::Mention) -> bool {
    let before = &text[..m.span.start];
    let glued_after = text[m.span.end..].starts_with(|c: char| c.is_alphanumeric());
    let glued_before = before.ends_with(|c: char| c.is_alphanumeric())
        || (m.form == Form::Digits
            && before.ends_with('-')
            && before[..before.len() - 1].ends_with(char::is_alphabetic));
    let label = word_before(text, m.span.start)
        .is_some_and(|w| LABELS.contains(&w.to_lowercase().as_str()));
    !(glued_after || glued_before || label)
}

/// The text of an HTML page, a paragraph per block: what `scan` reads from `.html`.
/// Scripts, styles and the head are left out; entities are decoded.
pub fn html_to_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "br",
        "tr",
        "blockquote",
        "article",
        "section",
        "header",
        "footer",
        "figcaption",
        "title",
        "dd",
        "dt",
        "pre",
    ];
    const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "head", "svg"];
    fn name<'a>(node: &ego_tree::NodeRef<'a, scraper::Node>) -> Option<&'a str> {
        node.value().as_element().map(scraper::node::Element::name)
    }
    let document = scraper::Html::parse_document(html);
    let mut out = String::new();
    let mut last_block = None;
    for node in document.root_element().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        if node
            .ancestors()
            .any(|a| name(&a).is_some_and(|n| HIDDEN.contains(&n)))
        {
            continue;
        }
        // Text of another block element starts a new paragraph.
        let block = node
            .ancestors()
            .find(|a| name(a).is_some_and(|n| BLOCKS.contains(&n)))
            .map(|a| a.id());
        if block != last_block && !out.trim_end().is_empty() {
            out.truncate(out.trim_end().len());
            out.push_str("\n\n");
        }
        last_block = block;
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty()
            && text.starts_with(char::is_whitespace)
            && !out.is_empty()
            && !out.ends_with(['\n', ' '])
        {
            out.push(' ');
        }
        out.push_str(&words);
        if !words.is_empty() && text.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    out
}

/// An item and the claim that records it, if one does.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    #[serde(flatten)]
    pub item: Item,
    /// The id of the claim that records it.
    pub claim: Option<String>,
}

/// Matches each item against the ledger's claims (only those citing `source`, when
/// given): a figure by value and qualifier, a quotation by its normalised words, a date
/// by the days it covers.
pub fn cover(items: Vec<Item>, ledger: &Ledger, source: Option<&str>) -> Vec<Coverage> {
    let claims: Vec<_> = ledger
        .claims
        .iter()
        .filter(|c| source.is_none_or(|s| c.cite.iter().any(|cite| cite.source == s)))
        .collect();
    let bare = |t: &str| {
        normalize(t)
            .trim_end_matches(['.', ',', ';', ':'])
            .to_owned()
    };
    let mut dated: Vec<(&str, PartialDate)> = Vec::new();
    for claim in &claims {
        let mut push = |d: Option<&crate::value::DateField>| {
            if let Some(date) = d.and_then(crate::value::DateField::date) {
                dated.push((claim.id.as_str(), date));
            }
        };
        match &claim.kind {
            ClaimKind::Figure(f) => {
                push(f.as_of.as_ref());
                push(f.since.as_ref());
            }
            ClaimKind::Quote(q) => push(q.said.as_ref()),
            ClaimKind::Statement(s) => push(s.said.as_ref()),
            ClaimKind::Event(e) => {
                push(Some(&e.start));
                push(e.end.as_ref());
            }
        }
    }
    items
        .into_iter()
        .map(|item| {
            let claim = match &item.found {
                Found::Figure { value, .. } => claims
                    .iter()
                    .find(|c| {
                        c.as_figure().is_some_and(|f| {
                            f.value.name() == value.name() && f.value.numbers().eq(value.numbers())
                        })
                    })
                    .map(|c| c.id.clone()),
                Found::Quote { words, .. } => {
                    let words = bare(words);
                    claims
                        .iter()
                        .find(|c| match &c.kind {
                            ClaimKind::Quote(q) => {
                                let recorded = bare(&q.words);
                                recorded.contains(&words) || words.contains(&recorded)
                            }
                            _ => false,
                        })
                        .map(|c| c.id.clone())
                }
                // The claim whose date is this one, or else the narrowest that overlaps.
                Found::Date {
                    days: Some((first, last)),
                } => dated
                    .iter()
                    .filter(|(_, d)| d.first() <= *last && *first <= d.last())
                    .min_by_key(|(_, d)| {
                        let same = d.first() == *first && d.last() == *last;
                        (
                            !same,
                            d.first().until(d.last()).map_or(i32::MAX, |s| s.get_days()),
                        )
                    })
                    .map(|(id, _)| (*id).to_owned()),
                Found::Date { days: None } => None,
            };
            Coverage { item, claim }
        })
        .collect()
}

/// The share of items covered, in percent (100 for an article with nothing to cover).
pub fn percent(coverage: &[Coverage]) -> Decimal {
    if coverage.is_empty() {
        return Decimal::ONE_HUNDRED;
    }
    let covered = coverage.iter().filter(|c| c.claim.is_some()).count();
    (Decimal::from(covered) * Decimal::ONE_HUNDRED / Decimal::from(coverage.len())).round_dp(1)
}

impl Item {
    /// "figure", "date" or "quote".
    pub fn kind(&self) -> &'static str {
        match self.found {
            Found::Figure { .. } => "figure",
            Found::Date { .. } => "date",
            Found::Quote { .. } => "quote",
        }
    }
}

/// The report for people: what is covered by which claim, what is not and where.
pub fn human(name: &str, coverage: &[Coverage]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let covered = coverage.iter().filter(|c| c.claim.is_some()).count();
    for (heading, want) in [("not recorded in the ledger", false), ("recorded", true)] {
        let items: Vec<&Coverage> = coverage
            .iter()
            .filter(|c| c.claim.is_some() == want)
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{heading}:");
        for c in items {
            let what = format!("{:6} {}", c.item.kind(), quoted(&c.item.text));
            match &c.claim {
                Some(id) => {
                    let _ = writeln!(out, "  {name}:{:<4} {what} → `{id}`", c.item.line);
                }
                None => {
                    let _ = writeln!(
                        out,
                        "  {name}:{:<4} {what}\n         in: {}",
                        c.item.line, c.item.sentence
                    );
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{name}: {} of {} figures, dates and quotes are recorded ({}% coverage)",
        covered,
        coverage.len(),
        percent(coverage)
    );
    out
}

fn quoted(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = flat.chars().take(70).collect();
    if short.len() < flat.len() {
        format!("`{short}…`")
    } else {
        format!("`{short}`")
    }
}

/// The report for programs: every item with its claim, and the totals.
pub fn json(coverage: &[Coverage]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        items: &'a [Coverage],
        covered: usize,
        total: usize,
        percent: Decimal,
    }
    let report = Report {
        items: coverage,
        covered: coverage.iter().filter(|c| c.claim.is_some()).count(),
        total: coverage.len(),
        percent: percent(coverage),
    };
    serde_json::to_string_pretty(&report).expect("the report serializes") + "\n"
}

/// Ready-to-fill records for what the ledger does not record yet: `""` marks a blank.
/// Each, filled in, is accepted by `factledger add --from -`.
pub fn stubs(
    coverage: &[Coverage],
    source: Option<&str>,
    reference: Option<PartialDate>,
) -> String {
    use std::fmt::Write as _;
    let string = |t: &str| ron::to_string(t).expect("strings serialize");
    let cite = |sentence: &str| {
        format!(
            "    cite: [Cite(source: {}, excerpt: {})],\n",
            string(source.unwrap_or_default()),
            string(sentence)
        )
    };
    let day = |d: Date| PartialDate::from_date(d).to_string();
    let mut out = String::from(
        "// Records for what the ledger does not yet hold. Fill each \"\" and give one to\n// `factledger add --from -`; an empty id is derived from the record.\n",
    );
    for c in coverage.iter().filter(|c| c.claim.is_none()) {
        let item = &c.item;
        let _ = writeln!(
            out,
            "\n// line {}: {}",
            item.line,
            item.text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        match &item.found {
            Found::Figure { value, noun } => {
                let as_of = reference.map_or_else(String::new, |d| d.to_string());
                let _ = write!(
                    out,
                    "Figure(\n    id: \"\",\n    text: {},\n    subject: \"\",\n    measure: \"\", // counts: {}\n    value: {value},\n    as_of: {},\n{}    tags: [],\n)\n",
                    string(&item.sentence),
                    noun.as_deref().unwrap_or("?"),
                    string(&as_of),
                    cite(&item.sentence)
                );
            }
            Found::Quote { words, speaker } => {
                let _ = write!(
                    out,
                    "Quote(\n    id: \"\",\n    text: {},\n    speaker: \"\", // said by: {}\n    words: {},\n{})\n",
                    string(&item.sentence),
                    speaker.as_deref().unwrap_or("?"),
                    string(words),
                    cite(&item.sentence)
                );
            }
            Found::Date { days } => {
                let (start, end) = match days {
                    Some((a, b)) if a == b => (day(*a), None),
                    Some((a, b)) => (day(*a), Some(day(*b))),
                    None => (String::new(), None),
                };
                let end = end.map_or_else(String::new, |e| format!("    end: {},\n", string(&e)));
                let _ = write!(
                    out,
                    "Event(\n    id: \"\",\n    text: {},\n    subject: \"\",\n    start: {},\n{end}{})\n",
                    string(&item.sentence),
                    string(&start),
                    cite(&item.sentence)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        extract(text, "2017-12-27".parse().ok())
            .into_iter()
            .map(|i| match i.found {
                Found::Figure { value, noun } => {
                    format!("figure {value} {}", noun.unwrap_or_default())
                }
                Found::Date { days: Some((a, b)) } => format!("date {a}..{b}"),
                Found::Date { days: None } => "date ?".to_owned(),
                Found::Quote { words, speaker } => {
                    format!("quote {words} / {}", speaker.unwrap_or_default())
                }
            })
            .collect()
    }

    #[test]
    fn digits_percentages_and_words_with_their_nouns() {
        assert_eq!(
            found("More than 330,000 people were killed."),
            ["figure MoreThan(330000) people"]
        );
        assert_eq!(
            found("It governs around 25 percent of the land."),
            ["figure About(25) percent"]
        );
        assert_eq!(
            found("A quarter of the land."),
            ["figure Exactly(25) percent"]
        );
        assert_eq!(
            found("In 27 languages, 1.5 million listeners."),
            [
                "figure Exactly(27) languages",
                "figure Exactly(1500000) listeners"
            ]
        );
        assert_eq!(
            found("forty rebel groups and two dozen towns"),
            [
                "figure Exactly(40) rebel groups",
                "figure Exactly(24) towns"
            ]
        );
        assert_eq!(found("the six-year civil war"), ["figure Exactly(6) year"]);
        assert_eq!(
            found("millions have fled; 330k died"),
            ["figure AtLeast(2000000) ", "figure Exactly(330000) died"]
        );
        assert_eq!(
            found("between 300,000 and 400,000 people"),
            ["figure Between(300000, 400000) people"]
        );
        assert_eq!(
            found("up to 50 trucks, nearly 90 percent"),
            ["figure AtMost(50) trucks", "figure Nearly(90) percent"]
        );
    }

    #[test]
    fn dates_full_partial_and_relative() {
        assert_eq!(found("since March 2011."), ["date 2011-03-01..2011-03-31"]);
        assert_eq!(found("on January 29-30."), ["date 2018-01-29..2018-01-30"]);
        assert_eq!(
            found("on December 26, 2014."),
            ["date 2014-12-26..2014-12-26"]
        );
        assert_eq!(found("on December 26."), ["date 2017-12-26..2017-12-26"]);
        assert_eq!(
            found("Russia said last week."),
            ["date 2017-12-18..2017-12-24"]
        );
        assert_eq!(
            found("date 2013-05-17 and 2013-05"),
            ["date 2013-05-17..2013-05-17", "date 2013-05-01..2013-05-31"]
        );
        assert_eq!(found("talks next month"), ["date 2018-01-01..2018-01-31"]);
        assert_eq!(found("talks this year"), ["date 2017-01-01..2017-12-31"]);
        assert!(
            extract("talks next month", None)
                .iter()
                .all(|i| i.found == Found::Date { days: None })
        );
    }

    #[test]
    fn numbers_in_dates_years_times_phones_and_names_are_not_figures() {
        assert_eq!(
            found("since it began in 2014."),
            ["date 2014-01-01..2014-12-31"]
        );
        assert_eq!(
            found("since 2015, step down"),
            ["date 2015-01-01..2015-12-31"]
        );
        for text in [
            "It was the 3rd attempt and the 21st day.",
            "At 10:30 p.m. and 3 p.m. they met.",
            "Call +1 202 555 0100 or 202-555-0100.",
            "An A330, a MiG-29 and a 16x9 image.",
            "Under Article 5 and Resolution 2254.",
            "In the 1990s.",
            "in its seventh year",
            "the Kazakh capital",
        ] {
            assert!(
                found(text).iter().all(|f| !f.starts_with("figure")),
                "{text}: {:?}",
                found(text)
            );
        }
        assert_eq!(
            found("In 2014, 2000 troops arrived."),
            ["date 2014-01-01..2014-12-31", "figure Exactly(2000) troops"]
        );
    }

    #[test]
    fn html_pages_are_read_as_paragraphs() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><p>More than <b>330,000</b> killed.</p><script>var x = 40;</script><p>Second &amp; last.</p></body></html>";
        assert_eq!(
            html_to_text(html),
            "More than 330,000 killed.\n\nSecond & last."
        );
    }

    #[test]
    fn quotations_with_their_speakers() {
        assert_eq!(
            found("\"We reject this,\" the statement, signed by 40 rebel groups, said."),
            [
                "quote We reject this / the statement, signed by 40 rebel groups",
                "figure Exactly(40) rebel groups"
            ]
        );
        assert_eq!(
            found("Assad said: “We will attend.”"),
            ["quote We will attend / Assad"]
        );
        assert_eq!(
            found("an attempt to \"circumvent\" the process"),
            ["quote circumvent / "]
        );
    }
}
