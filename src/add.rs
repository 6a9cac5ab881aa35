//! `add`: append one record to a ledger without losing or corrupting a byte.
//!
//! The record is checked with the whole ledger in memory first and refused if it
//! brings a new error. It is inserted as text at the end of its list, so every other
//! byte of the file, comments included, stays as it was. The file is rewritten
//! atomically (a temporary file in the same folder, fsync, rename, fsync of the
//! folder) while holding an exclusive lock on a sidecar `<ledger>.lock`, and re-read
//! under that lock, so concurrent editors append one after the other and a crash at
//! any moment leaves the old or the new ledger.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::load::{self, Loaded, Parsed};
use crate::model::{self, Allow, Cite, Claim, ClaimKind, Entity, EntityKind, Measure, Source};
use crate::rules::bad_id::to_kebab_case;
use crate::syntax::{self, Section};
use crate::value::{DateField, PartialDate, Qualifier};
use crate::verify::{self, Report};

/// The kinds of record `add` can append.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Figure,
    Quote,
    Event,
    Statement,
    Source,
    Entity,
    Measure,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Figure,
        Kind::Quote,
        Kind::Event,
        Kind::Statement,
        Kind::Source,
        Kind::Entity,
        Kind::Measure,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::Quote => "quote",
            Kind::Event => "event",
            Kind::Statement => "statement",
            Kind::Source => "source",
            Kind::Entity => "entity",
            Kind::Measure => "measure",
        }
    }

    /// The kind with this name (`figure`, `source`, ...).
    pub fn named(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// "a figure", "an entity", for messages.
    pub fn with_article(self) -> String {
        let article = if matches!(self, Kind::Event | Kind::Entity) {
            "an"
        } else {
            "a"
        };
        format!("{article} {}", self.name())
    }

    /// The fields of this kind, in the order they are asked for.
    pub fn fields(self) -> Vec<&'static Field> {
        let common_claim = ["text", "claimant", "source", "excerpt", "tag", "note"];
        let names: Vec<&str> = match self {
            Kind::Figure => [
                &[
                    "subject", "measure", "value", "unit", "as-of", "since", "of",
                ][..],
                &common_claim,
            ]
            .concat(),
            Kind::Quote => [&["speaker", "words", "said"][..], &common_claim].concat(),
            Kind::Event => [&["subject", "start", "end"][..], &common_claim].concat(),
            Kind::Statement => [&["subject", "said"][..], &common_claim].concat(),
            Kind::Source => vec![
                "title",
                "publisher",
                "url",
                "published",
                "retrieved",
                "via",
                "archive",
                "note",
            ],
            Kind::Entity => vec!["name", "kind", "alias", "note"],
            Kind::Measure => vec!["unit", "whole", "cumulative", "stale-after-days", "note"],
        };
        std::iter::once("id")
            .chain(names)
            .map(|name| {
                FIELDS
                    .iter()
                    .find(|f| f.name == name)
                    .expect("every field is described")
            })
            .collect()
    }

    fn required(self, field: &str) -> bool {
        matches!(
            (self, field),
            (Kind::Figure, "subject" | "measure" | "value" | "as-of")
                | (Kind::Quote, "speaker" | "words")
                | (Kind::Event, "start")
                | (Kind::Source, "title" | "publisher")
                | (Kind::Entity, "name" | "kind")
                | (Kind::Measure, "unit")
                | (
                    Kind::Figure | Kind::Quote | Kind::Event | Kind::Statement,
                    "text" | "source" | "excerpt"
                )
        )
    }
}

/// What a field holds, which decides how an answer is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    Text,
    /// An id of an existing record of this kind.
    Id(model::Target),
    /// The id of the new record.
    NewId,
    Date,
    Value,
    Flag,
    Number,
    EntityKind,
}

/// One field of a record as `add` asks for it: its flag name, what it means, what
/// it holds, and whether it repeats.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub meaning: &'static str,
    pub holds: Holds,
    pub repeats: bool,
}

const fn field(name: &'static str, meaning: &'static str, holds: Holds, repeats: bool) -> Field {
    Field {
        name,
        meaning,
        holds,
        repeats,
    }
}

/// Every field `add` knows, by flag name.
pub static FIELDS: &[Field] = &[
    field(
        "id",
        "the record's id, lowercase kebab-case; left empty, one is derived",
        Holds::NewId,
        false,
    ),
    field(
        "text",
        "the sentence as a fact sheet prints it",
        Holds::Text,
        false,
    ),
    field(
        "claimant",
        "who asserts it, an entity id; left empty, the ledger's own voice",
        Holds::Id(model::Target::Entity),
        false,
    ),
    field(
        "source",
        "the source it is cited from, a source id",
        Holds::Id(model::Target::Source),
        true,
    ),
    field(
        "excerpt",
        "the exact passage of the source that supports it",
        Holds::Text,
        true,
    ),
    field(
        "tag",
        "a tag for selecting it in fact sheets",
        Holds::Text,
        true,
    ),
    field("note", "a note for editors", Holds::Text, false),
    field(
        "subject",
        "what it is about, an entity id",
        Holds::Id(model::Target::Entity),
        false,
    ),
    field(
        "measure",
        "what the figure counts, a measure id",
        Holds::Id(model::Target::Measure),
        false,
    ),
    field(
        "value",
        "the value with its qualifier: `40`, `about 25`, `more than 330,000`",
        Holds::Value,
        false,
    ),
    field(
        "unit",
        "the unit, as the measure declares it",
        Holds::Text,
        false,
    ),
    field(
        "as-of",
        "the date the figure holds for: YYYY-MM-DD, YYYY-MM or YYYY",
        Holds::Date,
        false,
    ),
    field(
        "since",
        "the start of a cumulative count: a date",
        Holds::Date,
        false,
    ),
    field(
        "of",
        "for a share, the whole it is part of, an entity id",
        Holds::Id(model::Target::Entity),
        false,
    ),
    field(
        "speaker",
        "who said the words, an entity id",
        Holds::Id(model::Target::Entity),
        false,
    ),
    field("words", "the words, verbatim", Holds::Text, false),
    field("said", "when it was said: a date", Holds::Date, false),
    field("start", "when the event starts: a date", Holds::Date, false),
    field("end", "when the event ends: a date", Holds::Date, false),
    field("title", "the document's title", Holds::Text, false),
    field(
        "publisher",
        "who published it, an entity id",
        Holds::Id(model::Target::Entity),
        false,
    ),
    field(
        "url",
        "where to read it: an http or https address",
        Holds::Text,
        false,
    ),
    field(
        "published",
        "when it was published: a date",
        Holds::Date,
        false,
    ),
    field("retrieved", "when it was read: a date", Holds::Date, false),
    field(
        "via",
        "what it reports from: an entity or source id",
        Holds::Id(model::Target::EntityOrSource),
        true,
    ),
    field(
        "archive",
        "a text copy of it, relative to the ledger's folder",
        Holds::Text,
        false,
    ),
    field("name", "the display name", Holds::Text, false),
    field(
        "kind",
        "Organization, Person, Group, Place, Event or Other",
        Holds::EntityKind,
        false,
    ),
    field("alias", "another name it goes by", Holds::Text, true),
    field(
        "whole",
        "values are whole numbers: yes or no",
        Holds::Flag,
        false,
    ),
    field(
        "cumulative",
        "a running count that cannot go down: yes or no",
        Holds::Flag,
        false,
    ),
    field(
        "stale-after-days",
        "how many days a figure stays current",
        Holds::Number,
        false,
    ),
];

/// A record being written: the raw answers, by field name.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub values: BTreeMap<&'static str, Vec<String>>,
}

impl Draft {
    /// Sets a field from its flag name; `false` when the kind has no such field.
    pub fn set(&mut self, kind: Kind, name: &str, values: Vec<String>) -> bool {
        match kind.fields().into_iter().find(|f| f.name == name) {
            Some(field) => {
                self.values.insert(field.name, values);
                true
            }
            None => false,
        }
    }

    fn one(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .and_then(|v| v.first())
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    fn many(&self, name: &str) -> Vec<String> {
        self.values
            .get(name)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|v| !v.trim().is_empty())
            .collect()
    }

    /// The required fields of `kind` that have no answer yet.
    pub fn missing(&self, kind: Kind) -> Vec<&'static str> {
        kind.fields()
            .into_iter()
            .filter(|f| kind.required(f.name) && self.one(f.name).is_none())
            .map(|f| f.name)
            .collect()
    }
}

/// Checks one answer for a field, as flags and prompts both do: `Err` says why not.
pub fn check_answer(
    field: &Field,
    answer: &str,
    ledger: Option<&model::Ledger>,
) -> Result<(), String> {
    let answer = answer.trim();
    match field.holds {
        Holds::Text | Holds::NewId if answer.is_empty() => Ok(()),
        Holds::NewId if !crate::rules::bad_id::is_kebab_case(answer) => Err(format!(
            "`{answer}` is not lowercase kebab-case; try `{}`",
            to_kebab_case(answer)
        )),
        Holds::Date => answer
            .parse::<PartialDate>()
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Holds::Value => answer
            .parse::<Qualifier>()
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Holds::Flag => parse_flag(answer).map(|_| ()),
        Holds::Number => answer
            .parse::<u32>()
            .map(|_| ())
            .map_err(|_| format!("`{answer}` is not a number of days")),
        Holds::EntityKind => parse_entity_kind(answer).map(|_| ()),
        Holds::Id(target) => match ledger {
            Some(ledger) if !known_ids(ledger, target).contains(&answer) => {
                let hint = crate::diagnostic::did_you_mean(answer, known_ids(ledger, target))
                    .unwrap_or_else(|| "`?` lists the ids you can use".to_owned());
                Err(format!(
                    "no {} has the id `{answer}`; {hint}",
                    target_noun(target)
                ))
            }
            _ => Ok(()),
        },
        Holds::Text | Holds::NewId => Ok(()),
    }
}

fn target_noun(target: model::Target) -> &'static str {
    match target {
        model::Target::Entity => "entity",
        model::Target::Source => "source",
        model::Target::Measure => "measure",
        model::Target::EntityOrSource => "entity or source",
        model::Target::Claim | model::Target::Successor => "claim",
    }
}

/// The ids of the records a field of `target` may name, in file order.
pub fn known_ids(ledger: &model::Ledger, target: model::Target) -> Vec<&str> {
    let entities = ledger.entities.iter().map(|e| e.id.as_str());
    let sources = ledger.sources.iter().map(|s| s.id.as_str());
    match target {
        model::Target::Entity => entities.collect(),
        model::Target::Source => sources.collect(),
        model::Target::EntityOrSource => entities.chain(sources).collect(),
        model::Target::Measure => ledger.measures.iter().map(|m| m.id.as_str()).collect(),
        model::Target::Claim | model::Target::Successor => {
            ledger.claims.iter().map(|c| c.id.as_str()).collect()
        }
    }
}

fn parse_flag(answer: &str) -> Result<bool, String> {
    match answer.to_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(true),
        "" | "no" | "n" | "false" => Ok(false),
        _ => Err(format!("`{answer}` is not yes or no")),
    }
}

fn parse_entity_kind(answer: &str) -> Result<EntityKind, String> {
    const KINDS: [(&str, EntityKind); 6] = [
        ("organization", EntityKind::Organization),
        ("person", EntityKind::Person),
        ("group", EntityKind::Group),
        ("place", EntityKind::Place),
        ("event", EntityKind::Event),
        ("other", EntityKind::Other),
    ];
    let lower = answer.trim().to_lowercase();
    KINDS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, k)| *k)
        .ok_or_else(|| {
            format!("`{answer}` is not a kind: Organization, Person, Group, Place, Event or Other")
        })
}

/// A claim of `kind` with the fields every claim has, from the draft.
fn build_claim(draft: &Draft, id: &str, kind: ClaimKind) -> Result<Parsed, String> {
    let text = |name| draft.one(name).map(str::to_owned);
    let sources = draft.many("source");
    let excerpts = draft.many("excerpt");
    if sources.len() != excerpts.len() {
        return Err(format!(
            "give one --excerpt for each --source ({} sources, {} excerpts)",
            sources.len(),
            excerpts.len()
        ));
    }
    Ok(Parsed::Claim(Claim {
        id: id.to_owned(),
        text: draft.one("text").unwrap_or_default().to_owned(),
        claimant: text("claimant"),
        cite: sources
            .into_iter()
            .zip(excerpts)
            .map(|(source, excerpt)| Cite {
                source,
                excerpt: Some(excerpt),
            })
            .collect(),
        tags: draft.many("tag"),
        superseded_by: None,
        note: text("note"),
        allow: Vec::<Allow>::new(),
        span: crate::source_map::Span::default(),
        kind,
    }))
}

/// Builds the record a draft describes. The id may be empty: [`add`] derives one.
pub fn build(kind: Kind, draft: &Draft) -> Result<Parsed, String> {
    let missing = draft.missing(kind);
    if !missing.is_empty() {
        let flags: Vec<String> = missing.iter().map(|m| format!("--{m}")).collect();
        return Err(format!(
            "{} needs {}",
            kind.with_article(),
            flags.join(", ")
        ));
    }
    for field in kind.fields() {
        for answer in draft.many(field.name) {
            check_answer(field, &answer, None).map_err(|e| format!("--{}: {e}", field.name))?;
        }
    }
    let text = |name| draft.one(name).map(str::to_owned);
    let date = |name| draft.one(name).map(DateField::from);
    let required = |name| draft.one(name).unwrap_or_default().to_owned();
    let id = draft.one("id").unwrap_or_default().to_owned();
    let claim = |body: ClaimKind| build_claim(draft, &id, body);
    match kind {
        Kind::Figure => claim(ClaimKind::Figure(model::Figure {
            subject: required("subject"),
            measure: required("measure"),
            unit: text("unit"),
            value: required("value")
                .parse()
                .map_err(|e: crate::value::QualifierError| e.to_string())?,
            as_of: date("as-of"),
            since: date("since"),
            of: text("of"),
            derived: None,
        })),
        Kind::Quote => claim(ClaimKind::Quote(model::Quote {
            speaker: required("speaker"),
            words: required("words"),
            said: date("said"),
        })),
        Kind::Event => claim(ClaimKind::Event(model::Event {
            subject: text("subject"),
            start: DateField::from(required("start").as_str()),
            end: date("end"),
        })),
        Kind::Statement => claim(ClaimKind::Statement(model::Statement {
            subject: text("subject"),
            said: date("said"),
        })),
        Kind::Source => Ok(Parsed::Source(Source {
            id,
            title: required("title"),
            publisher: required("publisher"),
            url: text("url"),
            published: date("published"),
            retrieved: date("retrieved"),
            via: draft.many("via"),
            archive: text("archive"),
            note: text("note"),
            allow: Vec::new(),
            span: crate::source_map::Span::default(),
        })),
        Kind::Entity => Ok(Parsed::Entity(Entity {
            id,
            name: required("name"),
            kind: parse_entity_kind(&required("kind"))?,
            aliases: draft.many("alias"),
            note: text("note"),
            allow: Vec::new(),
            span: crate::source_map::Span::default(),
        })),
        Kind::Measure => Ok(Parsed::Measure(Measure {
            id,
            unit: required("unit"),
            whole: parse_flag(draft.one("whole").unwrap_or_default())?,
            cumulative: parse_flag(draft.one("cumulative").unwrap_or_default())?,
            signed: false,
            stale_after_days: draft.one("stale-after-days").and_then(|d| d.parse().ok()),
            note: text("note"),
            allow: Vec::new(),
            span: crate::source_map::Span::default(),
        })),
    }
}

fn id_of(record: &Parsed) -> &str {
    match record {
        Parsed::Entity(r) => &r.id,
        Parsed::Source(r) => &r.id,
        Parsed::Measure(r) => &r.id,
        Parsed::Claim(r) => &r.id,
    }
}

fn set_id(record: &mut Parsed, id: String) {
    match record {
        Parsed::Entity(r) => r.id = id,
        Parsed::Source(r) => r.id = id,
        Parsed::Measure(r) => r.id = id,
        Parsed::Claim(r) => r.id = id,
    }
}

/// A readable id for a record without one: `syria-people-killed-2017-12-27`.
pub fn derive_id(record: &Parsed) -> String {
    let words = |text: &str, n: usize| {
        text.split_whitespace()
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let base = match record {
        Parsed::Entity(e) => e.name.clone(),
        Parsed::Measure(m) => m.unit.clone(),
        Parsed::Source(s) => {
            let date = s
                .published
                .as_ref()
                .map(|d| d.text().into_owned())
                .unwrap_or_default();
            format!("{} {date} {}", s.publisher, words(&s.title, 4))
        }
        Parsed::Claim(c) => match &c.kind {
            ClaimKind::Figure(f) => {
                let date = f
                    .as_of
                    .as_ref()
                    .map(|d| d.text().into_owned())
                    .unwrap_or_default();
                format!("{} {} {date}", f.subject, f.measure)
            }
            ClaimKind::Quote(q) => format!("{} {}", q.speaker, words(&q.words, 4)),
            ClaimKind::Event(e) => format!(
                "{} {}",
                e.subject.as_deref().unwrap_or("event"),
                e.start.text()
            ),
            ClaimKind::Statement(s) => {
                format!(
                    "{} {}",
                    c.claimant
                        .as_deref()
                        .or(s.subject.as_deref())
                        .unwrap_or_default(),
                    words(&c.text, 4)
                )
            }
        },
    };
    let id = to_kebab_case(&base);
    if id.is_empty() {
        "record".to_owned()
    } else {
        id
    }
}

/// Every `id: "..."` written in a ledger text: the ids a new one must not repeat.
/// A plain scan, much cheaper than parsing; a stray match inside a string only makes
/// one more id count as taken.
fn taken_ids(text: &str) -> std::collections::HashSet<&str> {
    memchr::memmem::find_iter(text.as_bytes(), b"id: \"")
        .filter_map(|at| {
            let rest = &text[at + 5..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

fn unique_id(base: String, taken: &std::collections::HashSet<&str>) -> String {
    if !taken.contains(base.as_str()) {
        return base;
    }
    // Among `taken.len() + 1` suffixes one is always free.
    (2..=taken.len() + 2)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .expect("some suffix is free")
}

/// The record as RON text, in the ledger's house style.
pub fn record_text(record: &Parsed) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(true)
        .compact_arrays(true);
    let options = load::ron_options();
    match record {
        Parsed::Claim(claim) => model::format::to_ron(claim, config),
        Parsed::Source(s) => options.to_string_pretty(s, config),
        Parsed::Entity(e) => options.to_string_pretty(e, config),
        Parsed::Measure(m) => options.to_string_pretty(m, config),
    }
    .expect("records serialize")
}

/// Where the record goes and the text to insert there.
struct Insertion {
    at: usize,
    text: String,
    /// The record's bytes, relative to `at`.
    record: Range<usize>,
}

/// Puts `record` at the end of its list as an insertion of text: after the last
/// record's line (trailing comment included), in the file's own indentation and line
/// endings; a missing comma after the last record is inserted too.
fn insertion(
    text: &str,
    outline: &syntax::Outline,
    section: Section,
    record: &str,
) -> Vec<Insertion> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent_of = |at: usize| {
        let start = line_start(at);
        let lead = &text[start..at];
        if lead.trim().is_empty() {
            lead.to_owned()
        } else {
            lead.chars().take_while(|c| c.is_whitespace()).collect()
        }
    };
    let indented = |indent: &str| -> (String, Range<usize>) {
        let body = record
            .lines()
            .collect::<Vec<_>>()
            .join(&format!("{newline}{indent}"));
        let lead = format!("{newline}{indent}");
        (
            format!("{lead}{body},"),
            lead.len()..lead.len() + body.len(),
        )
    };
    let last_record = outline
        .records
        .iter()
        .rev()
        .find(|(s, _)| *s == section)
        .map(|(_, r)| r.span.clone());
    let brackets = outline.lists.iter().find(|l| l.section == section);
    match (last_record, brackets) {
        (Some(last), _) => {
            let indent = indent_of(last.start);
            let after = &text[last.end..];
            let comma = after.len() - after.trim_start_matches([' ', '\t']).len();
            let has_comma = after[comma..].starts_with(',');
            let line_end = last.end + after.find(['\r', '\n']).unwrap_or(after.len());
            let (body, record) = indented(&indent);
            let mut out = Vec::new();
            if !has_comma {
                out.push(Insertion {
                    at: last.end,
                    text: ",".to_owned(),
                    record: 0..0,
                });
            }
            out.push(Insertion {
                at: line_end,
                text: body,
                record,
            });
            out
        }
        (None, Some(brackets)) => {
            let outer = indent_of(brackets.open);
            let indent = format!("{outer}    ");
            let (body, record) = indented(&indent);
            vec![Insertion {
                at: brackets.open + 1,
                text: format!("{body}{newline}{outer}"),
                record,
            }]
        }
        (None, None) => {
            let indent = "        ";
            let (body, record) = indented(indent);
            let head = format!("    {}: [", section.name());
            let text_to_add = format!("{head}{body}{newline}    ],{newline}");
            let at = line_start(outline.close);
            let shift = head.len();
            vec![Insertion {
                at,
                text: text_to_add,
                record: record.start + shift..record.end + shift,
            }]
        }
    }
}

/// Applies insertions (in increasing position) and returns the new text and the
/// record's byte range in it.
fn apply(text: &str, insertions: &[Insertion]) -> (String, Range<usize>) {
    let mut out =
        String::with_capacity(text.len() + insertions.iter().map(|i| i.text.len()).sum::<usize>());
    let mut copied = 0;
    let mut record = 0..0;
    for insertion in insertions {
        out.push_str(&text[copied..insertion.at]);
        if !insertion.record.is_empty() {
            record = out.len() + insertion.record.start..out.len() + insertion.record.end;
        }
        out.push_str(&insertion.text);
        copied = insertion.at;
    }
    out.push_str(&text[copied..]);
    (out, record)
}

/// What `add` needs besides the record.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub today: Option<PartialDate>,
    /// Warnings the record brings block it too.
    pub deny_warnings: bool,
    /// Show what would change; write nothing.
    pub dry_run: bool,
}

/// How an `add` ended.
#[derive(Debug)]
pub enum Outcome {
    /// The record was appended (or, with `dry_run`, would be).
    Added {
        id: String,
        section: Section,
        /// A unified diff of the change, for a dry run.
        diff: String,
        /// Warnings and information the record brings (not blocking).
        findings: Report,
        new_findings: Vec<Diagnostic>,
    },
    /// The record brings errors: nothing was written.
    Refused {
        findings: Report,
        new_findings: Vec<Diagnostic>,
    },
    /// The ledger cannot be read as it stands: nothing was written.
    Unreadable { findings: Report },
}

/// Appends `record` to the ledger at `root`: to `file`, one of the files it includes,
/// when given, and otherwise to the root file itself.
pub fn add(
    root: &Path,
    file: Option<&Path>,
    mut record: Parsed,
    options: &Options,
) -> Result<Outcome, Error> {
    let _lock = lock(root)?;
    let target = file.unwrap_or(root);
    crate::file::remove_leftovers(target);
    // Read under the lock: what another editor appended a moment ago is kept.
    let old = std::fs::read_to_string(target).map_err(|source| Error::Read {
        path: target.to_owned(),
        source,
    })?;
    let start = if old.starts_with('\u{feff}') { 3 } else { 0 };
    let Ok(outline) = syntax::outline(&old, start) else {
        return Ok(Outcome::Unreadable {
            findings: verify::verify(root, &verify_options(options))?,
        });
    };
    let derived = id_of(&record).is_empty();
    if derived {
        let id = unique_id(derive_id(&record), &taken_ids(&old));
        set_id(&mut record, id);
    }
    let (mut inserted, mut findings) = check_with(root, target, &old, &outline, &record, options)?;
    // A derived id may be taken in another file of the ledger: derive it again, avoiding
    // every id of every file.
    if derived
        && inserted.is_some()
        && findings
            .diagnostics
            .iter()
            .any(|d| d.rule == "duplicate-id" && d.record.as_deref() == Some(id_of(&record)))
    {
        let texts: Vec<&str> = findings
            .loaded
            .files
            .files()
            .map(|(_, f)| f.text.as_str())
            .collect();
        let taken: std::collections::HashSet<&str> =
            texts.iter().flat_map(|t| taken_ids(t)).collect();
        let id = unique_id(derive_id(&record), &taken);
        set_id(&mut record, id);
        (inserted, findings) = check_with(root, target, &old, &outline, &record, options)?;
    }
    if findings.loaded.has_parse_errors() {
        return Ok(Outcome::Unreadable { findings });
    }
    let Some(inserted) = inserted else {
        let message = format!(
            "`{}` is not part of the ledger `{}`: no `include` names it",
            target.display(),
            root.display()
        );
        return Err(Error::Usage(message));
    };
    let touches = |d: &Diagnostic| {
        std::iter::once(&d.primary).chain(&d.secondary).any(|l| {
            l.span.file == inserted.file
                && (l.span.start as usize) < inserted.range().end
                && inserted.range().start < (l.span.end as usize).max(l.span.start as usize + 1)
        })
    };
    let new_findings: Vec<Diagnostic> = findings
        .diagnostics
        .iter()
        .filter(|d| d.allowed.is_none() && touches(d))
        .cloned()
        .collect();
    let blocks = |d: &&Diagnostic| {
        d.severity == Severity::Error || (options.deny_warnings && d.severity == Severity::Warning)
    };
    if new_findings.iter().any(|d| blocks(&d)) {
        return Ok(Outcome::Refused {
            findings,
            new_findings,
        });
    }
    let new = &findings.loaded.files.file(inserted.file).text;
    // The diff is only shown by a dry run; on a large ledger it costs as much as a parse.
    let diff = if options.dry_run {
        let name = target.display().to_string();
        similar::TextDiff::from_lines(&old, new)
            .unified_diff()
            .context_radius(3)
            .header(&name, &name)
            .to_string()
    } else {
        crate::file::write_atomically(target, new)?;
        String::new()
    };
    Ok(Outcome::Added {
        id: id_of(&record).to_owned(),
        section: record.section(),
        diff,
        findings,
        new_findings,
    })
}

/// Verifies the ledger at `root` with `record` inserted into `target`'s text; returns
/// where the record is in the checked ledger (`None` when `target` is not one of its
/// files) and the findings.
fn check_with(
    root: &Path,
    target: &Path,
    old: &str,
    outline: &syntax::Outline,
    record: &Parsed,
    options: &Options,
) -> Result<(Option<crate::source_map::Span>, Report), Error> {
    let insertions = insertion(old, outline, record.section(), &record_text(record));
    let (new, range) = apply(old, &insertions);
    let loaded: Loaded = load::load_replacing(root, Some((target, &new)))?;
    let inserted = loaded
        .file_at(target)
        .map(|file| crate::source_map::Span::new(file, range));
    Ok((inserted, verify::check(loaded, &verify_options(options))))
}

fn verify_options(options: &Options) -> verify::Options {
    verify::Options {
        today: options.today,
        deny_warnings: options.deny_warnings,
    }
}

/// Holds an exclusive lock on `<ledger>.lock` until dropped. The lock is on a sidecar,
/// not the ledger: the rename gives the ledger a new inode, and a lock on the old one
/// would not exclude an editor who opened the new one.
fn lock(path: &Path) -> Result<File, Error> {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    let lock_path = path.with_file_name(name);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::Write {
            path: lock_path.clone(),
            source,
        })?;
    file.lock().map_err(|source| Error::Write {
        path: lock_path,
        source,
    })?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insert(text: &str, record: &str, section: Section) -> String {
        let outline = syntax::outline(text, 0).unwrap();
        apply(text, &insertion(text, &outline, section, record)).0
    }

    #[test]
    fn a_record_goes_after_the_last_line_of_its_list() {
        let text = "Ledger(\n    claims: [\n        A(), // keep me here\n    ],\n)\n";
        assert_eq!(
            insert(text, "B(\n    x: 1,\n)", Section::Claims),
            "Ledger(\n    claims: [\n        A(), // keep me here\n        B(\n            x: 1,\n        ),\n    ],\n)\n"
        );
    }

    #[test]
    fn a_missing_comma_is_added_and_crlf_kept() {
        let text = "Ledger(\r\n  claims: [\r\n    A()\r\n  ],\r\n)\r\n";
        assert_eq!(
            insert(text, "B()", Section::Claims),
            "Ledger(\r\n  claims: [\r\n    A(),\r\n    B(),\r\n  ],\r\n)\r\n"
        );
    }

    #[test]
    fn empty_and_missing_lists_get_one() {
        assert_eq!(
            insert("Ledger(\n    claims: [],\n)\n", "B()", Section::Claims),
            "Ledger(\n    claims: [\n        B(),\n    ],\n)\n"
        );
        assert_eq!(
            insert("Ledger(\n    claims: [],\n)\n", "E()", Section::Entities),
            "Ledger(\n    claims: [],\n    entities: [\n        E(),\n    ],\n)\n"
        );
    }

    #[test]
    fn ids_are_derived_readably_and_kept_unique() {
        let mut draft = Draft::default();
        for (name, value) in [
            ("subject", "syria"),
            ("measure", "people-killed"),
            ("value", "more than 330,000"),
            ("as-of", "2017-12-27"),
            ("text", "More than 330,000 people have been killed."),
            ("source", "rferl"),
            ("excerpt", "More than 330,000 people"),
        ] {
            assert!(draft.set(Kind::Figure, name, vec![value.to_owned()]));
        }
        let record = build(Kind::Figure, &draft).unwrap();
        assert_eq!(derive_id(&record), "syria-people-killed-2017-12-27");
        let taken = taken_ids("Figure(id: \"syria-people-killed-2017-12-27\")");
        assert_eq!(
            unique_id(derive_id(&record), &taken),
            "syria-people-killed-2017-12-27-2"
        );
    }

    #[test]
    fn drafts_say_which_flags_are_missing_or_wrong() {
        let mut draft = Draft::default();
        draft.set(Kind::Figure, "value", vec!["lots".to_owned()]);
        assert!(!draft.set(Kind::Figure, "speaker", vec!["x".to_owned()]));
        assert_eq!(
            build(Kind::Figure, &draft).unwrap_err(),
            "a figure needs --subject, --measure, --as-of, --text, --source, --excerpt"
        );
    }
}
