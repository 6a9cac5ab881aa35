//! The ledger's data model: entities, sources, measures, claims and policy.
//!
//! Field names are the ones of the ledger file (see the README's format section). Each
//! record keeps the span of its text, so every finding can point at it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::source_map::Span;
use crate::syntax::{Section, Step};
use crate::value::{DateField, Exact, Qualifier};

/// A whole ledger, possibly read from several files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    pub entities: Vec<Entity>,
    pub sources: Vec<Source>,
    pub measures: Vec<Measure>,
    pub claims: Vec<Claim>,
    pub policy: Policy,
}

/// Who claims things and what claims are about.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Other names the entity goes by, e.g. an acronym.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allow>,
    #[serde(skip)]
    pub span: Span,
}

/// What sort of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum EntityKind {
    Organization,
    Person,
    Group,
    Place,
    Event,
    Other,
}

/// A document that claims are cited from.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The entity that published it.
    pub publisher: String,
    /// Where to read it (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<DateField>,
    /// What it reports from: news agencies (entities) or other documents (sources).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// A text copy of the document, relative to the ledger's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allow>,
    #[serde(skip)]
    pub span: Span,
}

/// What figures count, declared once.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    /// The unit every figure of this measure is in: `people`, `percent`, `years`.
    pub unit: String,
    /// Values are whole numbers (people, groups).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole: bool,
    /// A running count that cannot go down for one claimant (deaths since a date).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cumulative: bool,
    /// Values may be negative (a change, a balance); counts and shares may not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signed: bool,
    /// How old a figure of this measure may be before it is stale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_after_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allow>,
    #[serde(skip)]
    pub span: Span,
}

impl Measure {
    /// Shares are in percent and need the whole they are part of.
    pub fn is_share(&self) -> bool {
        self.unit == "percent"
    }
}

/// A citation: the source and the exact passage that supports the claim.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

/// A rule waived for one record, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    pub rule: String,
    pub reason: String,
}

/// How a derived figure follows from dates or other claims.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Derivation {
    /// Whole years between two dates.
    YearsBetween(DateField, DateField),
    /// The sum of other figures.
    Sum(Vec<String>),
    /// One figure minus another.
    Difference(String, String),
    /// One figure as a percentage of another.
    Share(String, String),
    /// One figure divided by another.
    Ratio(String, String),
}

/// How strictly a rule is applied, as the policy may set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Level {
    Allow,
    Info,
    Warning,
    Error,
}

/// Tolerances and severities for the whole ledger.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// How far `About(v)` and `Nearly(v)` may be from `v`, as a fraction (0.10 = 10 %).
    pub about_tolerance: Exact,
    /// How old a figure may be before `stale`, unless its measure says otherwise.
    pub stale_after_days: Option<u32>,
    /// Percentage points that shares of one whole may exceed 100 by, for rounding.
    pub share_slack: Exact,
    /// Per-rule severity: `{"unused-entity": Allow, "stale": Error}`.
    pub severity: BTreeMap<String, Level>,
    #[serde(skip)]
    pub span: Span,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            about_tolerance: Exact(rust_decimal::Decimal::new(10, 2)),
            stale_after_days: None,
            share_slack: Exact(rust_decimal::Decimal::ONE),
            severity: BTreeMap::new(),
            span: Span::default(),
        }
    }
}

/// One claim: a figure, quote, event or statement, with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: String,
    /// The sentence as a fact sheet prints it.
    pub text: String,
    /// Who asserts it; `None` is the ledger's own voice.
    pub claimant: Option<String>,
    pub cite: Vec<Cite>,
    pub tags: Vec<String>,
    pub superseded_by: Option<String>,
    pub note: Option<String>,
    pub allow: Vec<Allow>,
    pub span: Span,
    pub kind: ClaimKind,
}

impl Claim {
    /// Who is speaking: the claimant, or for a quote without one, its speaker.
    pub fn voice(&self) -> Option<&str> {
        match (&self.claimant, &self.kind) {
            (Some(c), _) => Some(c),
            (None, ClaimKind::Quote(q)) => Some(&q.speaker),
            (None, _) => None,
        }
    }

    pub fn as_figure(&self) -> Option<&Figure> {
        match &self.kind {
            ClaimKind::Figure(f) => Some(f),
            _ => None,
        }
    }
}

/// Declares each claim kind twice: the public body with the kind's own fields, and the
/// file format (common fields + body) that serde reads. serde's `flatten` would do the
/// same with one struct, but makes ron buffer every record and weakens its errors.
macro_rules! claim_kinds {
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident { $( $(#[$attr:meta])* $field:ident : $ty:ty, )* }
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
            pub struct $kind { $( $(#[$attr])* pub $field: $ty, )* }
        )*

        /// What kind of claim it is, with the fields only that kind has.
        #[derive(Debug, Clone, PartialEq)]
        pub enum ClaimKind { $( $kind($kind), )* }

        impl ClaimKind {
            /// The kind's name as written in the ledger.
            pub fn name(&self) -> &'static str {
                match self { $( ClaimKind::$kind(_) => stringify!($kind), )* }
            }
        }

        /// The names a claim record may start with.
        pub const CLAIM_KINDS: &[&str] = &[$( stringify!($kind), )*];

        /// The ledger-file form of each claim kind.
        pub(crate) mod format {
            use super::*;
            $(
                #[derive(Deserialize, Serialize)]
                #[serde(deny_unknown_fields)]
                pub struct $kind {
                    pub id: String,
                    pub text: String,
                    #[serde(default, skip_serializing_if = "Option::is_none")]
                    pub claimant: Option<String>,
                    $( $(#[$attr])* pub $field: $ty, )*
                    #[serde(default)]
                    pub cite: Vec<Cite>,
                    #[serde(default, skip_serializing_if = "Vec::is_empty")]
                    pub tags: Vec<String>,
                    #[serde(default, skip_serializing_if = "Option::is_none")]
                    pub superseded_by: Option<String>,
                    #[serde(default, skip_serializing_if = "Option::is_none")]
                    pub note: Option<String>,
                    #[serde(default, skip_serializing_if = "Vec::is_empty")]
                    pub allow: Vec<Allow>,
                }

                impl From<$kind> for Claim {
                    fn from(r: $kind) -> Claim {
                        Claim {
                            id: r.id,
                            text: r.text,
                            claimant: r.claimant,
                            cite: r.cite,
                            tags: r.tags,
                            superseded_by: r.superseded_by,
                            note: r.note,
                            allow: r.allow,
                            span: Span::default(),
                            kind: ClaimKind::$kind(super::$kind { $( $field: r.$field, )* }),
                        }
                    }
                }
            )*

            /// Any claim, for reading a whole ledger in one `ron` call (the yardstick the
            /// record-by-record loader is measured against).
            #[derive(Deserialize)]
            pub enum Any { $( $kind($kind), )* }

            impl From<Any> for Claim {
                fn from(any: Any) -> Claim {
                    match any { $( Any::$kind(r) => r.into(), )* }
                }
            }

            /// The record as RON text, in the ledger's field order.
            pub fn to_ron(claim: &Claim, config: ron::ser::PrettyConfig) -> ron::Result<String> {
                match &claim.kind {
                    $( ClaimKind::$kind(body) => {
                        let record = $kind {
                            id: claim.id.clone(),
                            text: claim.text.clone(),
                            claimant: claim.claimant.clone(),
                            $( $field: body.$field.clone(), )*
                            cite: claim.cite.clone(),
                            tags: claim.tags.clone(),
                            superseded_by: claim.superseded_by.clone(),
                            note: claim.note.clone(),
                            allow: claim.allow.clone(),
                        };
                        crate::load::ron_options().to_string_pretty(&record, config)
                    } )*
                }
            }

            /// Parses one claim record whose leading name is `kind`; `None` for an unknown kind.
            pub fn parse(kind: &str, text: &str, options: &ron::Options) -> Option<ron::error::SpannedResult<Claim>> {
                match kind {
                    $( stringify!($kind) => Some(options.from_str::<$kind>(text).map(Claim::from)), )*
                    _ => None,
                }
            }
        }
    };
}

claim_kinds! {
    /// A quantity: "more than 330,000 people killed".
    Figure {
        /// The entity the figure is about.
        subject: String,
        /// A declared measure.
        measure: String,
        /// If stated, must be the measure's unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        value: Qualifier,
        /// The date the figure holds for.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_of: Option<DateField>,
        /// The start of a cumulative count.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<DateField>,
        /// The whole a share is part of (an entity).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        of: Option<String>,
        /// How the figure follows from other claims or dates.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        derived: Option<Derivation>,
    }
    /// Verbatim words and who said them.
    Quote {
        speaker: String,
        words: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        said: Option<DateField>,
    }
    /// Something dated: a congress, an offensive, a ceasefire.
    Event {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject: Option<String>,
        start: DateField,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        end: Option<DateField>,
    }
    /// An attributed assertion without a number.
    Statement {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        said: Option<DateField>,
    }
}

/// A place inside a record, as a path of steps from the record (`cite[0].source`).
///
/// Held inline (no allocation): ledgers have millions of references, and a path is
/// only turned into a span when a finding is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Path {
    steps: [Step; Path::MAX],
    len: u8,
}

impl Path {
    /// The deepest path in the format: `derived` → `Sum(...)` → `[...]` item.
    const MAX: usize = 3;

    pub fn field(name: &'static str) -> Path {
        Path {
            steps: [Step::Field(name), Step::Index(0), Step::Index(0)],
            len: 1,
        }
    }

    /// The path one step further in.
    #[must_use]
    pub fn then(mut self, step: Step) -> Path {
        assert!(
            (self.len as usize) < Path::MAX,
            "paths in a ledger are at most {} steps",
            Path::MAX
        );
        self.steps[self.len as usize] = step;
        self.len += 1;
        self
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps[..self.len as usize]
    }
}

/// What a reference must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Entity,
    Source,
    Measure,
    Claim,
    /// `superseded_by` names the claim that replaces this one.
    Successor,
    /// `via` names a news agency (an entity) or another document (a source).
    EntityOrSource,
}

/// One record of any list, by reference.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    Entity(&'a Entity),
    Source(&'a Source),
    Measure(&'a Measure),
    Claim(&'a Claim),
}

impl<'a> Record<'a> {
    pub fn id(self) -> &'a str {
        match self {
            Record::Entity(r) => &r.id,
            Record::Source(r) => &r.id,
            Record::Measure(r) => &r.id,
            Record::Claim(r) => &r.id,
        }
    }

    pub fn span(self) -> Span {
        match self {
            Record::Entity(r) => r.span,
            Record::Source(r) => r.span,
            Record::Measure(r) => r.span,
            Record::Claim(r) => r.span,
        }
    }

    pub fn allow(self) -> &'a [Allow] {
        match self {
            Record::Entity(r) => &r.allow,
            Record::Source(r) => &r.allow,
            Record::Measure(r) => &r.allow,
            Record::Claim(r) => &r.allow,
        }
    }

    pub fn section(self) -> Section {
        match self {
            Record::Entity(_) => Section::Entities,
            Record::Source(_) => Section::Sources,
            Record::Measure(_) => Section::Measures,
            Record::Claim(_) => Section::Claims,
        }
    }

    /// "entity", "source", "measure" or "claim", for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Record::Entity(_) => "entity",
            Record::Source(_) => "source",
            Record::Measure(_) => "measure",
            Record::Claim(_) => "claim",
        }
    }
}

/// An id used by a record to name another record.
#[derive(Debug, Clone, Copy)]
pub struct Reference<'a> {
    pub from: Record<'a>,
    pub path: Path,
    pub id: &'a str,
    pub target: Target,
}

impl Ledger {
    /// Every record, list by list, in file order within each list.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        let entities = self.entities.iter().map(Record::Entity);
        let sources = self.sources.iter().map(Record::Source);
        let measures = self.measures.iter().map(Record::Measure);
        let claims = self.claims.iter().map(Record::Claim);
        entities.chain(sources).chain(measures).chain(claims)
    }

    /// Number of records of all lists.
    pub fn len(&self) -> usize {
        self.entities.len() + self.sources.len() + self.measures.len() + self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `visit` with every id that one record uses to name another. The
    /// `unknown-*` and `unused-*` rules both read this one list, so they agree on what
    /// counts as a use.
    pub fn visit_references<'a>(&'a self, mut visit: impl FnMut(Reference<'a>)) {
        let mut push = |from: Record<'a>, path: Path, id: &'a str, target: Target| {
            visit(Reference {
                from,
                path,
                id,
                target,
            });
        };
        for source in &self.sources {
            let from = Record::Source(source);
            push(
                from,
                Path::field("publisher"),
                &source.publisher,
                Target::Entity,
            );
            for (i, via) in source.via.iter().enumerate() {
                push(
                    from,
                    Path::field("via").then(Step::Index(i)),
                    via,
                    Target::EntityOrSource,
                );
            }
        }
        for claim in &self.claims {
            let from = Record::Claim(claim);
            if let Some(claimant) = &claim.claimant {
                push(from, Path::field("claimant"), claimant, Target::Entity);
            }
            for (i, cite) in claim.cite.iter().enumerate() {
                let path = Path::field("cite")
                    .then(Step::Index(i))
                    .then(Step::Field("source"));
                push(from, path, &cite.source, Target::Source);
            }
            if let Some(next) = &claim.superseded_by {
                push(from, Path::field("superseded_by"), next, Target::Successor);
            }
            match &claim.kind {
                ClaimKind::Figure(f) => {
                    push(from, Path::field("subject"), &f.subject, Target::Entity);
                    push(from, Path::field("measure"), &f.measure, Target::Measure);
                    if let Some(of) = &f.of {
                        push(from, Path::field("of"), of, Target::Entity);
                    }
                    let derived = Path::field("derived");
                    match &f.derived {
                        Some(Derivation::Sum(ids)) => {
                            for (i, id) in ids.iter().enumerate() {
                                let path = derived.then(Step::Index(0)).then(Step::Index(i));
                                push(from, path, id, Target::Claim);
                            }
                        }
                        Some(
                            Derivation::Difference(a, b)
                            | Derivation::Share(a, b)
                            | Derivation::Ratio(a, b),
                        ) => {
                            push(from, derived.then(Step::Index(0)), a, Target::Claim);
                            push(from, derived.then(Step::Index(1)), b, Target::Claim);
                        }
                        Some(Derivation::YearsBetween(..)) | None => {}
                    }
                }
                ClaimKind::Quote(q) => {
                    push(from, Path::field("speaker"), &q.speaker, Target::Entity);
                }
                ClaimKind::Event(Event { subject, .. })
                | ClaimKind::Statement(Statement { subject, .. }) => {
                    if let Some(subject) = subject {
                        push(from, Path::field("subject"), subject, Target::Entity);
                    }
                }
            }
        }
    }

    /// Calls `visit` with every date written in the ledger, its record and field.
    pub fn visit_dates<'a>(&'a self, mut visit: impl FnMut(Record<'a>, Path, &'a DateField)) {
        for source in &self.sources {
            let from = Record::Source(source);
            if let Some(d) = &source.published {
                visit(from, Path::field("published"), d);
            }
            if let Some(d) = &source.retrieved {
                visit(from, Path::field("retrieved"), d);
            }
        }
        for claim in &self.claims {
            let from = Record::Claim(claim);
            match &claim.kind {
                ClaimKind::Figure(f) => {
                    if let Some(d) = &f.as_of {
                        visit(from, Path::field("as_of"), d);
                    }
                    if let Some(d) = &f.since {
                        visit(from, Path::field("since"), d);
                    }
                    if let Some(Derivation::YearsBetween(a, b)) = &f.derived {
                        visit(from, Path::field("derived").then(Step::Index(0)), a);
                        visit(from, Path::field("derived").then(Step::Index(1)), b);
                    }
                }
                ClaimKind::Quote(Quote { said, .. })
                | ClaimKind::Statement(Statement { said, .. }) => {
                    if let Some(d) = said {
                        visit(from, Path::field("said"), d);
                    }
                }
                ClaimKind::Event(e) => {
                    visit(from, Path::field("start"), &e.start);
                    if let Some(d) = &e.end {
                        visit(from, Path::field("end"), d);
                    }
                }
            }
        }
    }
}
