//! The rule registry, the context rules read, and the engine that runs them.
//!
//! Each rule lives in `rules/<rule_name>.rs` with its explanation and tests. Rules only
//! find problems; the engine applies the policy's severities and the records' `allow`
//! waivers afterwards, in one place.

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::consistency::{Conflict, Consistency, Fact};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::Loaded;
use crate::model::{self, Claim, Entity, Ledger, Level, Measure, Record, Source};
use crate::source_map::{SourceMap, Span};
use crate::syntax::{self, Section};
use crate::value::PartialDate;

/// Declares a rule; its doc comment becomes both rustdoc and `factledger explain`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = Rule { $($fields:tt)* };
    ) => {
        $(#[doc = $doc])*
        $vis static $ident: $crate::rules::Rule = $crate::rules::Rule {
            explanation: concat!($($doc, "\n"),*),
            $($fields)*
        };
    };
}

pub mod as_of_after_publication;
pub mod bad_allow;
pub mod bad_archive;
pub mod bad_date;
pub mod bad_id;
pub mod bad_policy;
pub mod bad_range;
pub mod bad_url;
pub mod citation_cycle;
pub mod cumulative_decrease;
pub mod derivation_mismatch;
pub mod duplicate_claim;
pub mod duplicate_id;
pub mod excerpt_ambiguous;
pub mod excerpt_not_in_archive;
pub mod figure_not_in_excerpt;
pub mod future_date;
pub mod missing_as_of;
pub mod no_citation;
pub mod no_excerpt;
pub mod parse_error;
pub mod parts_exceed_whole;
pub mod quote_not_in_source;
pub mod retrieved_before_published;
pub mod self_contradiction;
pub mod sources_disagree;
pub mod stale;
pub mod superseded_unknown;
pub mod supersession_cycle;
pub mod unattributed_conflict;
pub mod unit_mismatch;
pub mod unknown_claim;
pub mod unknown_entity;
pub mod unknown_measure;
pub mod unknown_source;
pub mod unused_entity;
pub mod unused_measure;
pub mod unused_source;

/// A check with a stable name, a default severity and an explanation.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case name; also the SARIF rule id.
    pub name: &'static str,
    pub severity: Severity,
    /// Markdown: What it does / Why it matters / Example / How to fix.
    pub explanation: &'static str,
    pub check: fn(&Context) -> Vec<Diagnostic>,
}

impl Rule {
    /// Finds a rule by name.
    pub fn find(name: &str) -> Option<&'static Rule> {
        RULES.iter().copied().find(|r| r.name == name)
    }

    /// The explanation without the one space rustdoc leaves at each line's start.
    pub fn explanation(&self) -> String {
        self.explanation
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The first sentence under "What it does", for listings.
    pub fn summary(&self) -> String {
        let text = self.explanation();
        let body = text.split("## What it does").nth(1).unwrap_or(&text);
        let paragraph = body
            .split("\n\n")
            .find(|p| !p.trim().is_empty())
            .unwrap_or_default();
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        match joined.find(". ") {
            Some(end) => joined[..=end].to_owned(),
            None => joined,
        }
    }
}

/// Every rule, sorted by name. `rules`, `explain` and SARIF list them in this order.
pub static RULES: &[&Rule] = &[
    &as_of_after_publication::AS_OF_AFTER_PUBLICATION,
    &bad_allow::BAD_ALLOW,
    &bad_archive::BAD_ARCHIVE,
    &bad_date::BAD_DATE,
    &bad_id::BAD_ID,
    &bad_policy::BAD_POLICY,
    &bad_range::BAD_RANGE,
    &bad_url::BAD_URL,
    &citation_cycle::CITATION_CYCLE,
    &cumulative_decrease::CUMULATIVE_DECREASE,
    &derivation_mismatch::DERIVATION_MISMATCH,
    &duplicate_claim::DUPLICATE_CLAIM,
    &duplicate_id::DUPLICATE_ID,
    &excerpt_ambiguous::EXCERPT_AMBIGUOUS,
    &excerpt_not_in_archive::EXCERPT_NOT_IN_ARCHIVE,
    &figure_not_in_excerpt::FIGURE_NOT_IN_EXCERPT,
    &future_date::FUTURE_DATE,
    &missing_as_of::MISSING_AS_OF,
    &no_citation::NO_CITATION,
    &no_excerpt::NO_EXCERPT,
    &parse_error::PARSE_ERROR,
    &parts_exceed_whole::PARTS_EXCEED_WHOLE,
    &quote_not_in_source::QUOTE_NOT_IN_SOURCE,
    &retrieved_before_published::RETRIEVED_BEFORE_PUBLISHED,
    &self_contradiction::SELF_CONTRADICTION,
    &sources_disagree::SOURCES_DISAGREE,
    &stale::STALE,
    &superseded_unknown::SUPERSEDED_UNKNOWN,
    &supersession_cycle::SUPERSESSION_CYCLE,
    &unattributed_conflict::UNATTRIBUTED_CONFLICT,
    &unit_mismatch::UNIT_MISMATCH,
    &unknown_claim::UNKNOWN_CLAIM,
    &unknown_entity::UNKNOWN_ENTITY,
    &unknown_measure::UNKNOWN_MEASURE,
    &unknown_source::UNKNOWN_SOURCE,
    &unused_entity::UNUSED_ENTITY,
    &unused_measure::UNUSED_MEASURE,
    &unused_source::UNUSED_SOURCE,
];

/// A source's archive: its text, normalised as excerpts are compared, or why it could
/// not be read.
pub type Archive = Result<String, String>;

/// What every rule reads: the ledger, its files, indexes by id, and the date of today.
pub struct Context<'a> {
    pub ledger: &'a Ledger,
    pub files: &'a SourceMap,
    /// The date that "future" and "stale" are judged against.
    pub today: Option<PartialDate>,
    /// True when some records could not be parsed: rules that judge the ledger as a
    /// whole (`unused-*`) stay quiet rather than blame what they cannot see.
    pub has_parse_errors: bool,
    base_dir: &'a Path,
    by_id: HashMap<&'a str, Record<'a>>,
    broken: HashMap<&'a str, Section>,
    archives: Vec<OnceLock<Option<Archive>>>,
    consistency: OnceLock<Consistency<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(loaded: &'a Loaded, today: Option<PartialDate>) -> Context<'a> {
        let ledger = &loaded.ledger;
        let mut by_id = HashMap::with_capacity_and_hasher(ledger.len(), rustc_hash::FxBuildHasher);
        for record in ledger.records() {
            by_id.entry(record.id()).or_insert(record);
        }
        Context {
            ledger,
            files: &loaded.files,
            today,
            has_parse_errors: loaded.has_parse_errors(),
            base_dir: &loaded.base_dir,
            by_id,
            broken: loaded
                .broken_ids
                .iter()
                .map(|(s, id)| (id.as_str(), *s))
                .collect(),
            archives: ledger.sources.iter().map(|_| OnceLock::new()).collect(),
            consistency: OnceLock::new(),
        }
    }

    /// The comparisons of figures, made on first use and shared by the consistency rules.
    pub fn consistency(&self) -> &Consistency<'a> {
        self.consistency
            .get_or_init(|| Consistency::of(self.ledger))
    }

    /// Findings about pairs of figures that cannot both be true, one per pair for which
    /// `message` (given the earlier and the later figure) says something: at the later
    /// figure's value, with the earlier one's value beside it.
    pub fn figure_pairs(
        &self,
        rule: &Rule,
        conflicts: &[Conflict],
        message: impl Fn(&Fact, &Fact) -> Option<String>,
        help: &str,
    ) -> Vec<Diagnostic> {
        let facts = &self.consistency().facts;
        let value = model::Path::field("value");
        let said = |fact: &Fact| {
            let as_of = fact
                .figure
                .as_of
                .as_ref()
                .map(crate::value::DateField::text)
                .unwrap_or_default();
            format!("{}: {} as of {as_of}", fact.voice_name(), fact.value)
        };
        conflicts
            .iter()
            .filter_map(|conflict| {
                let (earlier, later) = (&facts[conflict.earlier], &facts[conflict.later]);
                let text = message(earlier, later)?;
                Some(
                    Diagnostic::new(rule, self.locate(Record::Claim(later.claim), &value), text)
                        .label(said(later))
                        .secondary(
                            self.locate(Record::Claim(earlier.claim), &value),
                            format!("`{}`, {}", earlier.claim.id, said(earlier)),
                        )
                        .help(help),
                )
            })
            .collect()
    }

    /// The first record with this id, in any list.
    pub fn record(&self, id: &str) -> Option<Record<'a>> {
        self.by_id.get(id).copied()
    }

    pub fn entity(&self, id: &str) -> Option<&'a Entity> {
        match self.record(id)? {
            Record::Entity(e) => Some(e),
            _ => None,
        }
    }

    pub fn source(&self, id: &str) -> Option<&'a Source> {
        match self.record(id)? {
            Record::Source(s) => Some(s),
            _ => None,
        }
    }

    pub fn measure(&self, id: &str) -> Option<&'a Measure> {
        match self.record(id)? {
            Record::Measure(m) => Some(m),
            _ => None,
        }
    }

    pub fn claim(&self, id: &str) -> Option<&'a Claim> {
        match self.record(id)? {
            Record::Claim(c) => Some(c),
            _ => None,
        }
    }

    /// True when a record with this id exists but could not be parsed.
    pub fn is_broken(&self, id: &str) -> bool {
        self.broken.contains_key(id)
    }

    /// The span of the value at `path` in `record`, or the record's own span.
    pub fn locate(&self, record: Record<'_>, path: &model::Path) -> Span {
        let span = record.span();
        let text = &self.files.file(span.file).text;
        syntax::locate(text, span.range(), path.steps())
            .map_or(span, |range| Span::new(span.file, range))
    }

    /// The text of a source's archive, read on first use; `None` when it has none.
    pub fn archive(&self, source: &Source) -> Option<&Archive> {
        // The source's position in its list, from its address: constant time.
        let sources = self.ledger.sources.as_ptr_range();
        let address = std::ptr::from_ref(source);
        if !sources.contains(&address) {
            return None;
        }
        let index = (address as usize - sources.start as usize) / std::mem::size_of::<Source>();
        self.archives[index]
            .get_or_init(|| {
                source
                    .archive
                    .as_deref()
                    .map(|path| read_archive(self.base_dir, path))
            })
            .as_ref()
    }
}

/// A citation whose source has a readable archive, with its excerpt normalised.
pub struct ArchivedCitation<'a> {
    pub claim: &'a Claim,
    pub index: usize,
    pub source: &'a Source,
    /// The archive's text, normalised.
    pub archive: &'a str,
    pub excerpt: String,
}

impl ArchivedCitation<'_> {
    /// Where the excerpt is written in the claim.
    pub fn path(&self) -> model::Path {
        model::Path::field("cite")
            .then(syntax::Step::Index(self.index))
            .then(syntax::Step::Field("excerpt"))
    }
}

impl Context<'_> {
    /// Every citation whose source has an archive that could be read, and an excerpt:
    /// what the archive rules compare.
    pub fn archived_citations(&self) -> impl Iterator<Item = ArchivedCitation<'_>> {
        self.ledger.claims.iter().flat_map(move |claim| {
            claim
                .cite
                .iter()
                .enumerate()
                .filter_map(move |(index, cite)| {
                    let source = self.source(&cite.source)?;
                    // The archive first: most sources have none, and normalising costs.
                    let Some(Ok(archive)) = self.archive(source) else {
                        return None;
                    };
                    let excerpt = crate::text::normalize(cite.excerpt.as_deref()?);
                    (!excerpt.is_empty()).then_some(ArchivedCitation {
                        claim,
                        index,
                        source,
                        archive,
                        excerpt,
                    })
                })
        })
    }
}

/// Reads an archive file, refusing any path that leads out of the ledger's folder.
fn read_archive(base_dir: &Path, path: &str) -> Archive {
    let relative = PathBuf::from(path);
    if relative.is_absolute() || relative.has_root() {
        return Err(format!(
            "`{path}` is an absolute path; archives are relative to the ledger's folder"
        ));
    }
    if relative
        .components()
        .any(|c| matches!(c, Component::ParentDir))
    {
        return Err(format!(
            "`{path}` leads out of the ledger's folder with `..`"
        ));
    }
    let joined = base_dir.join(&relative);
    let (Ok(base), Ok(target)) = (base_dir.canonicalize(), joined.canonicalize()) else {
        return Err(format!("`{path}` does not exist next to the ledger"));
    };
    if !target.starts_with(&base) {
        return Err(format!(
            "`{path}` is a link that leads out of the ledger's folder"
        ));
    }
    let bytes = std::fs::read(&target).map_err(|e| format!("`{path}` cannot be read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("`{path}` is not UTF-8 text"))?;
    Ok(crate::text::normalize(&text))
}

/// Runs every rule on a loaded ledger and returns all findings, waived ones included,
/// sorted by place.
pub fn check(loaded: &Loaded, today: Option<PartialDate>) -> Vec<Diagnostic> {
    let cx = Context::new(loaded, today);
    let mut diagnostics = loaded.diagnostics.clone();
    // Rules only read the context, so they run side by side on every core.
    let found: Vec<Vec<Diagnostic>> = RULES.par_iter().map(|rule| (rule.check)(&cx)).collect();
    diagnostics.extend(found.into_iter().flatten());
    apply_policy(&cx, &mut diagnostics);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// Applies the policy's severities and each record's `allow`, and names the record each
/// finding is in.
fn apply_policy(cx: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let mut records: Vec<Record> = cx.ledger.records().collect();
    records.sort_by_key(|r| r.span());
    let containing = |span: Span| {
        let i = records.partition_point(|r| r.span() <= span);
        let record = records[..i].last()?;
        let r = record.span();
        (r.file == span.file && r.start <= span.start && span.end <= r.end).then_some(*record)
    };
    let severity = &cx.ledger.policy.severity;
    diagnostics.retain_mut(|d| {
        if d.rule == parse_error::PARSE_ERROR.name {
            return true;
        }
        let record = containing(d.primary.span);
        if d.record.is_none() {
            d.record = record.map(|r| r.id().to_owned());
        }
        if let Some(allow) = record.and_then(|r| {
            r.allow()
                .iter()
                .find(|a| a.rule == d.rule && !a.reason.trim().is_empty())
        }) {
            d.allowed = Some(allow.reason.clone());
        }
        match severity.get(d.rule) {
            Some(Level::Allow) => false,
            Some(Level::Info) => {
                d.severity = Severity::Info;
                true
            }
            Some(Level::Warning) => {
                d.severity = Severity::Warning;
                true
            }
            Some(Level::Error) => {
                d.severity = Severity::Error;
                true
            }
            None => true,
        }
    });
}

/// Findings for references that name no record of the kind `target` needs: shared by the
/// `unknown-*` rules, which differ only in the kind of record they look for.
pub(crate) fn unknown_references(
    cx: &Context,
    rule: &Rule,
    target: model::Target,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    cx.ledger.visit_references(|reference| {
        if reference.target != target {
            return;
        }
        let id = reference.id;
        let wanted = |record: Record| match target {
            model::Target::Entity => matches!(record, Record::Entity(_)),
            model::Target::Source => matches!(record, Record::Source(_)),
            model::Target::Measure => matches!(record, Record::Measure(_)),
            model::Target::Claim | model::Target::Successor => matches!(record, Record::Claim(_)),
            model::Target::EntityOrSource => {
                matches!(record, Record::Entity(_) | Record::Source(_))
            }
        };
        let found = cx.record(id);
        if found.is_some_and(wanted) || cx.is_broken(id) {
            return;
        }
        let noun = match target {
            model::Target::Entity => "entity",
            model::Target::Source => "source",
            model::Target::Measure => "measure",
            model::Target::Claim | model::Target::Successor => "claim",
            model::Target::EntityOrSource => "entity or source",
        };
        let span = cx.locate(reference.from, &reference.path);
        let diagnostic = if let Some(other) = found {
            Diagnostic::new(
                rule,
                span,
                format!("`{id}` is a {}, not a {noun}", other.noun()),
            )
            .label(format!("expected a {noun} here"))
            .secondary(other.span(), format!("this {} has the id", other.noun()))
            .help(format!(
                "name a {noun} here, or declare one with its own id"
            ))
        } else {
            let candidates = cx.ledger.records().filter(|r| wanted(*r)).map(Record::id);
            let help = crate::diagnostic::did_you_mean(id, candidates)
                .unwrap_or_else(|| format!("declare the {noun} in the ledger, or fix the id"));
            Diagnostic::new(rule, span, format!("unknown {noun} `{id}`"))
                .label(format!("no {noun} has this id"))
                .help(help)
        };
        out.push(diagnostic);
    });
    out
}

/// The ids that some reference of one of `targets` names: what counts as used.
pub(crate) fn referenced_ids<'a>(
    cx: &Context<'a>,
    targets: &[model::Target],
) -> FxHashSet<&'a str> {
    let mut used = FxHashSet::default();
    cx.ledger.visit_references(|r| {
        if targets.contains(&r.target) {
            used.insert(r.id);
        }
    });
    used
}

/// Findings for records nobody refers to: shared by the `unused-*` rules.
pub(crate) fn unused_records<'a>(
    cx: &Context<'a>,
    rule: &Rule,
    records: impl Iterator<Item = Record<'a>>,
    targets: &[model::Target],
    help: &str,
) -> Vec<Diagnostic> {
    if cx.has_parse_errors {
        return Vec::new();
    }
    let used = referenced_ids(cx, targets);
    records
        .filter(|r| !used.contains(r.id()))
        .map(|record| {
            let noun = record.noun();
            Diagnostic::new(
                rule,
                cx.locate(record, &model::Path::field("id")),
                format!("{noun} `{}` is never used", record.id()),
            )
            .label(format!("no record refers to this {noun}"))
            .help(help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_sorted() {
        let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        for name in names {
            assert!(crate::rules::bad_id::is_kebab_case(name), "{name}");
        }
    }

    #[test]
    fn every_explanation_has_the_four_headings() {
        for rule in RULES {
            let text = rule.explanation();
            for heading in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## How to fix",
            ] {
                assert!(text.contains(heading), "`{}` lacks {heading}", rule.name);
            }
            assert!(text.contains("```ron"), "`{}` shows no example", rule.name);
            assert!(!rule.summary().is_empty());
        }
    }

    #[test]
    fn every_rule_has_snapshots() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots");
        let names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        for rule in RULES {
            let module = rule.name.replace('-', "_");
            let prefix = format!("factledger__rules__{module}__");
            assert!(
                names.iter().any(|n| n.starts_with(&prefix)),
                "no snapshot for `{}`",
                rule.name
            );
        }
    }

    #[test]
    fn find_round_trips() {
        for rule in RULES {
            assert!(std::ptr::eq(Rule::find(rule.name).unwrap(), *rule));
        }
        assert!(Rule::find("no-such-rule").is_none());
    }
}
