//! `sheet`: the selected claims as a fact sheet a reader can trust: every figure in
//! words with its attribution, every source footnoted once, disagreeing sources side
//! by side, stale figures marked, superseded ones left out.
//!
//! [`build`] turns a verified ledger into a [`Sheet`], plain data; `markdown`, `html`
//! and `json` render it.

pub mod cite;
pub mod html;
pub mod json;
pub mod markdown;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::consistency::Consistency;
use crate::model::{Claim, ClaimKind, Ledger};
use crate::numbers::group_thousands;
use crate::value::{DateField, PartialDate, Qualifier};
use crate::verify::Report;

/// How footnotes cite their sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    /// Title, publisher, date, URL and retrieval date, as written in the ledger.
    #[default]
    House,
    /// APA 7th edition, through the CSL processor.
    Apa,
    /// Chicago notes and bibliography, through the CSL processor.
    Chicago,
}

/// What to put in a sheet.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub title: Option<String>,
    /// Claims with any of these tags (all claims when every filter is empty).
    pub tags: Vec<String>,
    pub subjects: Vec<String>,
    pub measures: Vec<String>,
    pub ids: Vec<String>,
    pub style: Style,
    /// List superseded claims under "History".
    pub history: bool,
    /// The date the sheet is made on.
    pub today: Option<PartialDate>,
    /// How the sheet names its ledger.
    pub ledger_name: String,
}

/// A fact sheet, ready to render.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub title: String,
    pub generated: Option<String>,
    pub ledger: String,
    /// Set when the ledger had errors and the sheet was made anyway.
    pub warning: Option<String>,
    pub groups: Vec<Group>,
    pub history: Vec<Entry>,
    pub footnotes: Vec<Footnote>,
}

/// The claims about one subject.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub heading: String,
    pub entries: Vec<Entry>,
}

/// One claim as a reader sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: String,
    pub kind: &'static str,
    pub text: String,
    /// A figure's value in words: "more than 330,000 people".
    pub value: Option<String>,
    /// A quote's words, verbatim.
    pub words: Option<String>,
    /// Who is speaking, by name; `None` for the ledger's own voice.
    pub voice: Option<String>,
    /// "according to …, as reported by …".
    pub attribution: String,
    /// When it holds, in words: "as of 27 December 2017", "29–30 January 2018".
    pub when: Option<String>,
    /// The same date as written in the ledger, for machines: "2017-12-27".
    pub date: Option<String>,
    /// Set when the figure is older than its measure allows.
    pub stale: Option<String>,
    /// Reasons for waived rules, which readers should know.
    pub notes: Vec<String>,
    /// Other claimants' figures that this one disagrees with.
    pub disagreements: Vec<Alternative>,
    /// Footnote numbers of its sources.
    pub footnotes: Vec<usize>,
    /// For a superseded claim, the claim that replaces it.
    pub superseded_by: Option<String>,
}

/// Another claimant's figure for the same thing and time.
#[derive(Debug, Clone, Serialize)]
pub struct Alternative {
    pub id: String,
    pub voice: String,
    pub value: String,
    pub when: Option<String>,
    pub footnotes: Vec<usize>,
}

/// One source, cited by one or more claims.
#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    pub number: usize,
    pub source: String,
    /// The full citation in the sheet's style, as plain text.
    pub citation: String,
    /// The source's URL, when it is an http(s) address safe to link to.
    pub url: Option<String>,
    pub title: String,
    pub publisher: String,
    /// As written in the ledger: "2017-12-27".
    pub published: Option<String>,
    pub retrieved: Option<String>,
    /// "With reporting by AP and Reuters".
    pub via: Option<String>,
    /// The passages cited, with the claims that cite them.
    pub excerpts: Vec<Excerpt>,
}

/// A cited passage.
#[derive(Debug, Clone, Serialize)]
pub struct Excerpt {
    pub text: String,
    pub claims: Vec<String>,
}

/// "the Syrian civil war" → "The Syrian civil war", for headings and sentences.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A number for readers: `330000` → "330,000", `11.5` stays.
pub fn number_in_words(value: rust_decimal::Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |d| ("-", d));
    match digits.split_once('.') {
        Some((int, frac)) => format!("{sign}{}.{frac}", group_thousands(int)),
        None => format!("{sign}{}", group_thousands(digits)),
    }
}

/// A value in words with its unit: "more than 330,000 people", "about 25 percent".
pub fn value_in_words(value: &Qualifier, unit: &str) -> String {
    let n = |e: &crate::value::Exact| number_in_words(e.0);
    let number = match value {
        Qualifier::Exactly(v) => n(v),
        Qualifier::About(v) => format!("about {}", n(v)),
        Qualifier::MoreThan(v) => format!("more than {}", n(v)),
        Qualifier::AtLeast(v) => format!("at least {}", n(v)),
        Qualifier::LessThan(v) => format!("less than {}", n(v)),
        Qualifier::AtMost(v) => format!("at most {}", n(v)),
        Qualifier::Nearly(v) => format!("nearly {}", n(v)),
        Qualifier::Between(a, b) => format!("between {} and {}", n(a), n(b)),
    };
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// An event's days in words: "29–30 January 2018", "March 2011".
fn span_in_words(start: &DateField, end: Option<&DateField>) -> String {
    let (Some(a), Some(b)) = (start.date(), end.and_then(DateField::date)) else {
        return start
            .date()
            .map_or_else(|| start.text().into_owned(), PartialDate::to_words);
    };
    match (a.day(), b.day()) {
        (Some(d1), Some(d2)) if a.year() == b.year() && a.month() == b.month() => {
            let rest = b.to_words();
            let month_year = rest.split_once(' ').map_or(rest.as_str(), |(_, r)| r);
            format!("{d1}–{d2} {month_year}")
        }
        _ => format!("{} – {}", a.to_words(), b.to_words()),
    }
}

fn date_words(date: Option<&DateField>) -> Option<String> {
    let date = date?;
    Some(
        date.date()
            .map_or_else(|| date.text().into_owned(), PartialDate::to_words),
    )
}

/// Is the URL one a sheet may link to (http or https, with a host)?
fn linkable(url: &str) -> bool {
    crate::rules::bad_url::url_problem(url).is_none()
}

/// The claims `options` selects: every filter that is given must match (any of its
/// values), so `--tag a --tag b --subject s` is "(a or b) and s".
fn selected(claim: &Claim, options: &Options) -> bool {
    fn any<'a>(wanted: &[String], mut have: impl Iterator<Item = &'a str>) -> bool {
        wanted.is_empty() || have.any(|h| wanted.iter().any(|w| w == h))
    }
    let measure = claim.as_figure().map(|f| f.measure.as_str());
    any(&options.tags, claim.tags.iter().map(String::as_str))
        && any(&options.subjects, subject_of(claim).into_iter())
        && any(&options.measures, measure.into_iter())
        && any(&options.ids, std::iter::once(claim.id.as_str()))
}

/// What a claim is about: its subject, or for a quote, its speaker.
fn subject_of(claim: &Claim) -> Option<&str> {
    match &claim.kind {
        ClaimKind::Figure(f) => Some(&f.subject),
        ClaimKind::Quote(q) => Some(&q.speaker),
        ClaimKind::Event(e) => e.subject.as_deref(),
        ClaimKind::Statement(s) => s.subject.as_deref(),
    }
}

/// Looks up names and numbers footnotes while the sheet is built.
struct Builder<'a> {
    ledger: &'a Ledger,
    style: Style,
    footnotes: Vec<Footnote>,
    by_source: BTreeMap<&'a str, usize>,
}

impl<'a> Builder<'a> {
    fn name(&self, id: &str) -> String {
        self.ledger
            .entities
            .iter()
            .find(|e| e.id == id)
            .map_or_else(
                || {
                    self.ledger
                        .sources
                        .iter()
                        .find(|s| s.id == id)
                        .map_or_else(|| id.to_owned(), |s| s.title.clone())
                },
                |e| e.name.clone(),
            )
    }

    /// What a source reports from, by name: "AP and Reuters".
    fn via(&self, source: &crate::model::Source) -> Option<String> {
        let names: Vec<String> = source.via.iter().map(|v| self.name(v)).collect();
        (!names.is_empty()).then(|| join_names(&names))
    }

    /// The footnote number of a source, adding its footnote on first use.
    fn footnote(
        &mut self,
        source_id: &'a str,
        excerpt: Option<&str>,
        claim: &str,
    ) -> Option<usize> {
        let source = self.ledger.sources.iter().find(|s| s.id == source_id)?;
        let index = match self.by_source.get(source_id) {
            Some(&i) => i,
            None => {
                let publisher = self.name(&source.publisher);
                let via = self
                    .via(source)
                    .map(|names| format!("With reporting by {names}"));
                let citation = cite::citation(source, &publisher, via.as_deref(), self.style);
                self.footnotes.push(Footnote {
                    number: self.footnotes.len() + 1,
                    source: source.id.clone(),
                    citation,
                    url: source.url.clone().filter(|u| linkable(u)),
                    title: source.title.clone(),
                    publisher,
                    published: source.published.as_ref().map(|d| d.text().into_owned()),
                    retrieved: source.retrieved.as_ref().map(|d| d.text().into_owned()),
                    via,
                    excerpts: Vec::new(),
                });
                self.by_source.insert(source_id, self.footnotes.len() - 1);
                self.footnotes.len() - 1
            }
        };
        if let Some(text) = excerpt.filter(|e| !e.trim().is_empty()) {
            let excerpts = &mut self.footnotes[index].excerpts;
            match excerpts.iter_mut().find(|e| e.text == text) {
                Some(e) if !e.claims.iter().any(|c| c == claim) => e.claims.push(claim.to_owned()),
                Some(_) => {}
                None => excerpts.push(Excerpt {
                    text: text.to_owned(),
                    claims: vec![claim.to_owned()],
                }),
            }
        }
        Some(self.footnotes[index].number)
    }

    /// "according to 40 Syrian rebel groups, as reported by RFE/RL with reporting by
    /// AP and Reuters".
    fn attribution(&self, claim: &Claim) -> String {
        let sources: Vec<&crate::model::Source> = claim
            .cite
            .iter()
            .filter_map(|c| self.ledger.sources.iter().find(|s| s.id == c.source))
            .collect();
        let mut reporters: Vec<String> = Vec::new();
        for source in &sources {
            let reporter = match self.via(source) {
                Some(via) => format!("{} with reporting by {via}", self.name(&source.publisher)),
                None => self.name(&source.publisher),
            };
            if !reporters.contains(&reporter) {
                reporters.push(reporter);
            }
        }
        // "RFE/RL; AFP with reporting by AP": a semicolon keeps "and"s apart.
        let reported = if reporters.iter().any(|r| r.contains(" with reporting by ")) {
            reporters.join("; ")
        } else {
            join_names(&reporters)
        };
        let voice = claim.voice();
        let own_words = voice.is_some_and(|v| {
            !sources.is_empty() && sources.iter().all(|s| s.publisher == v && s.via.is_empty())
        });
        match (voice.map(|v| self.name(v)), reported.is_empty()) {
            (Some(voice), true) => format!("according to {voice}"),
            (Some(voice), false) if own_words => format!("according to {voice}"),
            (Some(voice), false) => format!("according to {voice}, as reported by {reported}"),
            (None, false) => format!("reported by {reported}"),
            (None, true) => "unsourced".to_owned(),
        }
    }

    fn entry(&mut self, claim: &'a Claim, unit: &str, report: &Report) -> Entry {
        let footnotes = claim
            .cite
            .iter()
            .filter_map(|c| self.footnote(&c.source, c.excerpt.as_deref(), &claim.id))
            .fold(Vec::new(), |mut seen, n| {
                if !seen.contains(&n) {
                    seen.push(n);
                }
                seen
            });
        let date = match &claim.kind {
            ClaimKind::Figure(f) => f.as_of.as_ref(),
            ClaimKind::Quote(q) => q.said.as_ref(),
            ClaimKind::Event(e) => Some(&e.start),
            ClaimKind::Statement(s) => s.said.as_ref(),
        }
        .map(|d| d.text().into_owned());
        let (value, words, when) = match &claim.kind {
            ClaimKind::Figure(f) => (
                Some(value_in_words(&f.value, unit)),
                None,
                date_words(f.as_of.as_ref()).map(|d| format!("as of {d}")),
            ),
            ClaimKind::Quote(q) => (None, Some(q.words.clone()), date_words(q.said.as_ref())),
            ClaimKind::Event(e) => (None, None, Some(span_in_words(&e.start, e.end.as_ref()))),
            ClaimKind::Statement(s) => (None, None, date_words(s.said.as_ref())),
        };
        let stale = report
            .active()
            .find(|d| {
                d.rule == crate::rules::stale::STALE.name
                    && d.record.as_deref() == Some(claim.id.as_str())
            })
            .and_then(|_| claim.as_figure())
            .and_then(|f| date_words(f.as_of.as_ref()))
            .map(|d| format!("this figure dates from {d} and may be out of date"));
        Entry {
            id: claim.id.clone(),
            kind: claim.kind.name_lowercase(),
            text: claim.text.clone(),
            value,
            words,
            voice: claim.voice().map(|v| self.name(v)),
            attribution: self.attribution(claim),
            when,
            date,
            stale,
            notes: claim.allow.iter().map(|a| a.reason.clone()).collect(),
            disagreements: Vec::new(),
            footnotes,
            superseded_by: claim.superseded_by.clone(),
        }
    }
}

impl ClaimKind {
    /// "figure", "quote", "event" or "statement".
    pub fn name_lowercase(&self) -> &'static str {
        match self {
            ClaimKind::Figure(_) => "figure",
            ClaimKind::Quote(_) => "quote",
            ClaimKind::Event(_) => "event",
            ClaimKind::Statement(_) => "statement",
        }
    }
}

/// Builds the sheet of a verified ledger. A ledger with errors gives a sheet only when
/// asked; then [`Sheet::warning`] says so.
pub fn build(report: &Report, options: &Options) -> Sheet {
    let ledger = &report.loaded.ledger;
    let mut builder = Builder {
        ledger,
        style: options.style,
        footnotes: Vec::new(),
        by_source: BTreeMap::new(),
    };
    let unit_of = |claim: &Claim| {
        claim
            .as_figure()
            .and_then(|f| {
                f.unit.clone().or_else(|| {
                    ledger
                        .measures
                        .iter()
                        .find(|m| m.id == f.measure)
                        .map(|m| m.unit.clone())
                })
            })
            .unwrap_or_default()
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut history = Vec::new();
    let mut placed: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for claim in ledger.claims.iter().filter(|c| selected(c, options)) {
        let entry = builder.entry(claim, &unit_of(claim), report);
        if claim.superseded_by.is_some() {
            if options.history {
                history.push(entry);
            }
            continue;
        }
        let heading =
            subject_of(claim).map_or_else(|| "Other".to_owned(), |s| capitalize(&builder.name(s)));
        let index = *group_of.entry(heading.clone()).or_insert_with(|| {
            groups.push(Group {
                heading,
                entries: Vec::new(),
            });
            groups.len() - 1
        });
        placed.insert(&claim.id, (index, groups[index].entries.len()));
        groups[index].entries.push(entry);
    }
    // Disagreeing sources side by side: each figure lists the others' figures.
    let consistency = Consistency::of(ledger);
    let pairs = consistency
        .disagreements
        .iter()
        .chain(&consistency.crossed_decreases);
    for conflict in pairs {
        let (a, b) = (
            &consistency.facts[conflict.earlier],
            &consistency.facts[conflict.later],
        );
        for (this, other) in [(a, b), (b, a)] {
            let Some(&(g, e)) = placed.get(this.claim.id.as_str()) else {
                continue;
            };
            let footnotes = other
                .claim
                .cite
                .iter()
                .filter_map(|c| builder.footnote(&c.source, c.excerpt.as_deref(), &other.claim.id))
                .collect();
            let alternative = Alternative {
                id: other.claim.id.clone(),
                voice: other
                    .voice
                    .map_or_else(|| "the ledger".to_owned(), |v| builder.name(v)),
                value: value_in_words(&other.figure.value, &other.measure.unit),
                when: date_words(other.figure.as_of.as_ref()).map(|d| format!("as of {d}")),
                footnotes,
            };
            let entry = &mut groups[g].entries[e];
            if !entry.disagreements.iter().any(|x| x.id == alternative.id) {
                entry.disagreements.push(alternative);
            }
        }
    }
    let errors = report.counts().errors;
    let stem = std::path::Path::new(&options.ledger_name)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Sheet {
        title: options.title.clone().unwrap_or_else(|| format!("Fact sheet: {stem}")),
        generated: options.today.map(PartialDate::to_words),
        ledger: options.ledger_name.clone(),
        warning: (errors > 0 || report.loaded.has_parse_errors()).then(|| {
            format!(
                "This sheet was made from a ledger with {} that `factledger verify` reports; some claims may be wrong or missing.",
                if errors == 1 { "1 error".to_owned() } else { format!("{errors} errors") }
            )
        }),
        groups,
        history,
        footnotes: builder.footnotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_words_with_thousands() {
        let q = |t: &str| t.parse::<Qualifier>().unwrap();
        assert_eq!(
            value_in_words(&q("more than 330000"), "people"),
            "more than 330,000 people"
        );
        assert_eq!(
            value_in_words(&q("about 25"), "percent"),
            "about 25 percent"
        );
        assert_eq!(
            value_in_words(&q("between 300000 and 400000"), "people"),
            "between 300,000 and 400,000 people"
        );
        assert_eq!(
            number_in_words("1234567.25".parse().unwrap()),
            "1,234,567.25"
        );
        assert_eq!(number_in_words("-1500".parse().unwrap()), "-1,500");
    }

    #[test]
    fn names_join_as_prose() {
        let names = |n: &[&str]| join_names(&n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(names(&["AP"]), "AP");
        assert_eq!(names(&["AP", "Reuters"]), "AP and Reuters");
        assert_eq!(names(&["AP", "AFP", "Reuters"]), "AP, AFP and Reuters");
    }

    #[test]
    fn event_spans_read_as_dates() {
        let d = |t: &str| DateField::from(t);
        assert_eq!(
            span_in_words(&d("2018-01-29"), Some(&d("2018-01-30"))),
            "29–30 January 2018"
        );
        assert_eq!(span_in_words(&d("2011-03"), None), "March 2011");
        assert_eq!(
            span_in_words(&d("2017-12-30"), Some(&d("2018-01-02"))),
            "30 December 2017 – 2 January 2018"
        );
    }
}
