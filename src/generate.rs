//! Synthetic ledgers of any size, for benchmarks and scale tests.
//!
//! A generated ledger looks like a newsroom's: about one entity per 50 claims and one
//! source per 20, up to a hundred measures, figures, quotes, statements and events in
//! realistic proportions, each figure reported one to three times by different sources,
//! cumulative series that grow, and some claimants that legitimately disagree. Every
//! figure's value contains the topic's "true" value at its date, so the ledger verifies
//! without errors or warnings; `inject` then plants known faults. The same seed gives
//! the same bytes.

use std::fmt::Write as _;

use jiff::civil::Date;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub claims: usize,
    pub seed: u64,
    /// How many known faults to plant, of mixed rules.
    pub inject: usize,
}

/// A generated ledger and the faults planted in it.
#[derive(Debug, Clone)]
pub struct Generated {
    pub text: String,
    /// (rule, claim id) of each planted fault.
    pub faults: Vec<(&'static str, String)>,
    /// Where the `claims:` field starts, and where its records are, in `text`: for
    /// [`Generated::split`].
    head_end: usize,
    claims: std::ops::Range<usize>,
}

impl Generated {
    /// The same ledger over `desks + 1` files: the root keeps entities, sources and
    /// measures and includes `desks/*.ron`; each desk holds a share of the claims.
    pub fn split(&self, desks: usize) -> Vec<(std::path::PathBuf, String)> {
        let head = &self.text[..self.head_end];
        let root = head.replacen("Ledger(\n", "Ledger(\n    include: [\"desks/*.ron\"],\n", 1)
            + "    claims: [],\n)\n";
        let body = &self.text[self.claims.clone()];
        let records: Vec<&str> = body.split_inclusive("\n        ),\n").collect();
        let per_desk = records.len().div_ceil(desks.max(1)).max(1);
        let mut files = vec![(std::path::PathBuf::from("ledger.ron"), root)];
        for (i, chunk) in records.chunks(per_desk).enumerate() {
            let text = format!("Ledger(\n    claims: [\n{}    ],\n)\n", chunk.concat());
            files.push((
                std::path::PathBuf::from(format!("desks/desk-{i:03}.ron")),
                text,
            ));
        }
        files
    }
}

/// The rules that `inject` plants faults of, in turn.
pub const FAULTS: [&str; 7] = [
    "unknown-source",
    "figure-not-in-excerpt",
    "bad-date",
    "duplicate-id",
    "no-excerpt",
    "unknown-entity",
    "parse-error",
];

const DAYS: i64 = 9000; // 2000-01-01 to mid-2024

fn day(index: i64) -> Date {
    Date::constant(2000, 1, 1)
        .checked_add(jiff::Span::new().days(index))
        .expect("within the calendar")
}

fn with_commas(n: u64) -> String {
    crate::numbers::group_thousands(&n.to_string())
}

/// `v` rounded down to two significant digits, strictly below `v`.
fn below(v: u64) -> u64 {
    let scale = 10u64.pow(u32::try_from(v.to_string().len().saturating_sub(2)).unwrap_or(0));
    let r = v / scale * scale;
    if r == v { v.saturating_sub(1) } else { r }
}

/// `v` rounded up to two significant digits, strictly above `v`.
fn above(v: u64) -> u64 {
    let scale = 10u64.pow(u32::try_from(v.to_string().len().saturating_sub(2)).unwrap_or(0));
    let r = v.div_ceil(scale) * scale;
    if r == v { v + 1 } else { r }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MeasureKind {
    Deaths,
    Count,
    Share,
    Amount,
}

struct Measure {
    kind: MeasureKind,
}

struct Topic {
    subject: usize,
    /// The whole a share is part of: one per subject, so shares never add up.
    of: usize,
    measure: usize,
    base: u64,
    /// Growth per day, in thousandths.
    rate: u64,
    claimant: usize,
    /// A second claimant whose figures are twice as high: a legitimate disagreement.
    dissenter: Option<usize>,
}

impl Topic {
    fn value(&self, day: i64) -> u64 {
        self.base + self.rate * u64::try_from(day).unwrap_or(0) / 1000
    }
}

/// Generates a ledger.
pub fn generate(options: &Options) -> Generated {
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let n = options.claims;
    let entities = (n / 50).max(12);
    let places = entities / 2;
    let orgs = entities * 3 / 10;
    let persons = entities - places - orgs;
    let sources = (n / 20).max(3);
    let measure_count = (n / 10).clamp(4, 100);
    let measures: Vec<Measure> = (0..measure_count)
        .map(|i| Measure {
            kind: [
                MeasureKind::Deaths,
                MeasureKind::Count,
                MeasureKind::Share,
                MeasureKind::Amount,
            ][i % 4],
        })
        .collect();
    let topics = topics(&mut rng, &measures, places, orgs);

    let mut records: Vec<String> = Vec::with_capacity(n);
    let mut figure_records: Vec<usize> = Vec::new();
    let published: Vec<i64> = (0..sources)
        .map(|s| i64::try_from(s).unwrap_or(0) * DAYS / i64::try_from(sources).unwrap_or(1))
        .collect();
    let mut round_robin = [0usize; 2]; // places, persons
    let mut next_id = 0usize;
    let mut source = 0usize;
    let mut figures_made = 0usize;
    while records.len() < n {
        let s = source % sources;
        source += 1;
        let date = day(published[s]);
        let batch_end = (records.len() + 20).min(n);
        // One report per topic per source and day, so no figure is recorded twice.
        let mut topics_today = std::collections::BTreeSet::new();
        while records.len() < batch_end {
            let roll = rng.u8(0..100);
            if roll < 60 {
                // A figure, reported by one to three sources; the first figures go
                // through the topics in order, so that every measure is used.
                let mut pick = if figures_made < topics.len() {
                    figures_made
                } else {
                    rng.usize(0..topics.len())
                };
                while !topics_today.insert(pick) {
                    pick = rng.usize(0..topics.len());
                }
                figures_made += 1;
                let topic = &topics[pick];
                let reports = 1 + rng.usize(0..3);
                for k in 0..reports {
                    let via = s + k;
                    if records.len() >= batch_end || via >= sources {
                        break;
                    }
                    let voice = match topic.dissenter {
                        Some(d) if k == 1 => Some(d),
                        _ => Some(topic.claimant),
                    };
                    let double = voice != Some(topic.claimant);
                    let value = topic.value(published[s]) * if double { 2 } else { 1 };
                    figure_records.push(records.len());
                    records.push(figure(
                        &mut rng, next_id, topic, &measures, voice, value, via, date,
                    ));
                    next_id += 1;
                }
            } else {
                let text = if roll < 75 {
                    round_robin[1] += 1;
                    quote(
                        next_id,
                        round_robin[1] % persons,
                        rng.usize(0..places),
                        s,
                        date,
                    )
                } else {
                    round_robin[0] += 1;
                    let place = round_robin[0] % places;
                    if roll < 90 {
                        statement(next_id, rng.usize(0..orgs), place, s, date)
                    } else {
                        event(next_id, place, s, date)
                    }
                };
                records.push(text);
                next_id += 1;
            }
        }
    }

    let faults = inject(&mut records, &figure_records, options.inject);
    let (text, head_end, claims) =
        write_ledger(&records, &published, &measures, [places, orgs, persons]);
    Generated {
        text,
        faults,
        head_end,
        claims,
    }
}

/// Distinct (subject, measure) pairs, every measure among the first ones.
fn topics(rng: &mut fastrand::Rng, measures: &[Measure], places: usize, orgs: usize) -> Vec<Topic> {
    let measure_count = measures.len();
    (0..(measure_count * 8).min(measure_count * places))
        .map(|i| {
            let measure = i % measure_count;
            let subject = (i / measure_count) % places;
            let (base, rate) = match measures[measure].kind {
                MeasureKind::Deaths => (rng.u64(1_000..500_000), rng.u64(0..40_000)),
                MeasureKind::Count => (rng.u64(100..5_000), rng.u64(0..500)),
                MeasureKind::Share => (rng.u64(1..40), 0),
                MeasureKind::Amount => (rng.u64(10_000..9_000_000), rng.u64(0..100_000)),
            };
            let claimant = rng.usize(0..orgs);
            Topic {
                subject,
                of: (subject + 1) % places,
                measure,
                base,
                rate,
                claimant,
                dissenter: (rng.u8(0..10) == 0)
                    .then(|| (claimant + 1 + rng.usize(0..orgs - 1)) % orgs),
            }
        })
        .collect()
}

fn quote(id: usize, speaker: usize, place: usize, source: usize, date: Date) -> String {
    format!(
        "        Quote(\n            id: \"c{id}\",\n            text: \"Person {speaker} said the situation in place {place} had changed.\",\n            speaker: \"person-{speaker}\", said: \"{date}\",\n            words: \"The situation in place {place} has changed since the last report {id}\",\n            cite: [Cite(source: \"source-{source}\", excerpt: \"The situation in place {place} has changed since the last report {id}, person {speaker} said.\")],\n            tags: [\"quotes\"],\n        ),\n"
    )
}

fn statement(id: usize, claimant: usize, place: usize, source: usize, date: Date) -> String {
    format!(
        "        Statement(\n            id: \"c{id}\",\n            text: \"Organisation {claimant} said it would send observers to place {place}.\",\n            claimant: \"org-{claimant}\", subject: \"place-{place}\", said: \"{date}\",\n            cite: [Cite(source: \"source-{source}\", excerpt: \"Organisation {claimant} said it would send observers to place {place}\")],\n            tags: [\"statements\"],\n        ),\n"
    )
}

fn event(id: usize, place: usize, source: usize, date: Date) -> String {
    let words = crate::value::PartialDate::from_date(date).to_words();
    format!(
        "        Event(\n            id: \"c{id}\",\n            text: \"Talks on place {place} were held on {words}.\",\n            subject: \"place-{place}\", start: \"{date}\",\n            cite: [Cite(source: \"source-{source}\", excerpt: \"talks on place {place} were held on {words}\")],\n            tags: [\"events\"],\n        ),\n"
    )
}

/// The ledger file: entities, sources and measures, then the claims' records.
/// The ledger file (entities, sources, measures, then the claims' records), where its
/// `claims:` field starts, and the byte range of the records.
fn write_ledger(
    records: &[String],
    published: &[i64],
    measures: &[Measure],
    [places, orgs, persons]: [usize; 3],
) -> (String, usize, std::ops::Range<usize>) {
    let n = records.len();
    let mut text = String::with_capacity(n * 700 + 100_000);
    text.push_str("// A generated ledger: see factledger::generate.\nLedger(\n    entities: [\n");
    for i in 0..places {
        let _ = writeln!(
            text,
            "        Entity(id: \"place-{i}\", name: \"Place {i}\", kind: Place),"
        );
    }
    for i in 0..orgs {
        let _ = writeln!(
            text,
            "        Entity(id: \"org-{i}\", name: \"Organisation {i}\", kind: Organization),"
        );
    }
    for i in 0..persons {
        let _ = writeln!(
            text,
            "        Entity(id: \"person-{i}\", name: \"Person {i}\", kind: Person),"
        );
    }
    text.push_str("    ],\n    sources: [\n");
    for (s, &p) in published.iter().enumerate() {
        let via = if s % 3 == 0 {
            format!(", via: [\"org-{}\"]", (s + 1) % orgs)
        } else {
            String::new()
        };
        let _ = writeln!(
            text,
            "        Source(id: \"source-{s}\", title: \"Report {s} on the conflict\", publisher: \"org-{}\", url: \"https://example.org/reports/{s}\", published: \"{}\"{via}),",
            s % orgs,
            day(p)
        );
    }
    text.push_str("    ],\n    measures: [\n");
    for (i, m) in measures.iter().enumerate() {
        let line = match m.kind {
            MeasureKind::Deaths => format!(
                "Measure(id: \"deaths-{i}\", unit: \"people\", whole: true, cumulative: true)"
            ),
            MeasureKind::Count => {
                format!("Measure(id: \"count-{i}\", unit: \"items\", whole: true)")
            }
            MeasureKind::Share => format!("Measure(id: \"share-{i}\", unit: \"percent\")"),
            MeasureKind::Amount => format!("Measure(id: \"amount-{i}\", unit: \"tonnes\")"),
        };
        let _ = writeln!(text, "        {line},");
    }
    text.push_str("    ],\n");
    let start = text.len();
    text.push_str("    claims: [\n");
    let body = text.len();
    for record in records {
        text.push_str(record);
    }
    let end = text.len();
    text.push_str("    ],\n)\n");
    (text, start, body..end)
}

fn measure_id(measures: &[Measure], i: usize) -> String {
    let name = match measures[i].kind {
        MeasureKind::Deaths => "deaths",
        MeasureKind::Count => "count",
        MeasureKind::Share => "share",
        MeasureKind::Amount => "amount",
    };
    format!("{name}-{i}")
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call site, each argument a different part of the record"
)]
fn figure(
    rng: &mut fastrand::Rng,
    id: usize,
    topic: &Topic,
    measures: &[Measure],
    voice: Option<usize>,
    value: u64,
    source: usize,
    date: Date,
) -> String {
    let kind = measures[topic.measure].kind;
    let unit = match kind {
        MeasureKind::Deaths => "people",
        MeasureKind::Count => "items",
        MeasureKind::Share => "percent",
        MeasureKind::Amount => "tonnes",
    };
    // Every qualifier contains `value`, so reports of one figure always agree.
    let (qualifier, words) = match rng.u8(0..6) {
        1 if value >= 10 => (
            format!("About({value})"),
            format!("about {}", with_commas(value)),
        ),
        2 => (
            format!("MoreThan({})", below(value)),
            format!("more than {}", with_commas(below(value))),
        ),
        3 => (
            format!("AtLeast({})", below(value)),
            format!("at least {}", with_commas(below(value))),
        ),
        4 if value >= 100 && kind != MeasureKind::Share => (
            format!("Nearly({})", above(value)),
            format!("nearly {}", with_commas(above(value))),
        ),
        5 if kind != MeasureKind::Share || above(value) <= 100 => (
            format!("Between({}, {})", below(value), above(value)),
            format!(
                "between {} and {}",
                with_commas(below(value)),
                with_commas(above(value))
            ),
        ),
        // 0, and the forms that do not fit this value.
        _ => (format!("Exactly({value})"), with_commas(value)),
    };
    let of = if kind == MeasureKind::Share {
        format!(" of: \"place-{}\",", topic.of)
    } else {
        String::new()
    };
    let claimant = voice
        .map(|v| format!("\n            claimant: \"org-{v}\","))
        .unwrap_or_default();
    let subject = topic.subject;
    let measure = measure_id(measures, topic.measure);
    format!(
        "        Figure(\n            id: \"c{id}\",\n            text: \"The {measure} count for place {subject} stood at {words} {unit}.\",{claimant}\n            subject: \"place-{subject}\", measure: \"{measure}\",{of}\n            value: {qualifier}, as_of: \"{date}\",\n            cite: [Cite(source: \"source-{source}\", excerpt: \"the {measure} count for place {subject} stood at {words} {unit}\")],\n            tags: [\"figures\", \"{measure}\"],\n        ),\n"
    )
}

/// Plants `count` faults, spread over the ledger, one rule after another.
fn inject(records: &mut [String], figures: &[usize], count: usize) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if figures.len() < 2 || count == 0 {
        return out;
    }
    let step = (figures.len() / (count + 1)).max(1);
    for k in 0..count {
        let index = figures[((k + 1) * step).min(figures.len() - 1)];
        let id_of = |r: &str| {
            r.split("id: \"")
                .nth(1)
                .and_then(|t| t.split('"').next())
                .unwrap_or_default()
                .to_owned()
        };
        let rule = FAULTS[k % FAULTS.len()];
        let record = &mut records[index];
        let id = id_of(record);
        *record = match rule {
            "unknown-source" => record.replacen(
                "Cite(source: \"source-",
                "Cite(source: \"missing-source-",
                1,
            ),
            "figure-not-in-excerpt" => {
                let start = record.find("excerpt: \"").expect("cited") + 10;
                let end = start + record[start..].find('"').expect("closed");
                format!(
                    "{}the count was not given{}",
                    &record[..start],
                    &record[end..]
                )
            }
            "bad-date" => {
                let at = record.find("as_of: \"").expect("figures have as_of") + 8;
                format!("{}2017-02-30{}", &record[..at], &record[at + 10..])
            }
            "duplicate-id" => record.replacen(&format!("id: \"{id}\""), "id: \"c0\"", 1),
            "no-excerpt" => {
                let start = record.find(", excerpt: \"").expect("cited");
                let end = start + record[start + 12..].find('"').expect("closed") + 13;
                format!("{}{}", &record[..start], &record[end..])
            }
            "unknown-entity" => {
                record.replacen("subject: \"place-", "subject: \"missing-place-", 1)
            }
            _ => record.replacen("text: ", "txet: ", 1),
        };
        out.push((
            rule,
            if rule == "duplicate-id" {
                "c0".to_owned()
            } else {
                id
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::load;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    fn verify(text: &str) -> crate::verify::Report {
        let loaded = load::load_bytes(
            Path::new("generated.ron"),
            text.as_bytes().to_vec(),
            PathBuf::from("."),
        );
        let today = "2026-01-15".parse().ok();
        crate::verify::check(
            loaded,
            &crate::verify::Options {
                today,
                deny_warnings: false,
            },
        )
    }

    #[test]
    fn numbers_round_outward_to_two_digits() {
        assert_eq!(with_commas(330_000), "330,000");
        assert_eq!(with_commas(12), "12");
        assert_eq!((below(334_512), above(334_512)), (330_000, 340_000));
        assert_eq!((below(330_000), above(330_000)), (329_999, 330_001));
        assert_eq!((below(7), above(7)), (6, 8));
    }

    #[test]
    fn a_generated_ledger_is_deterministic_and_verifies_clean() {
        let options = Options {
            claims: 3_000,
            seed: 7,
            inject: 0,
        };
        let generated = generate(&options);
        assert_eq!(generated.text, generate(&options).text);
        let report = verify(&generated.text);
        let problems: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity > Severity::Info)
            .map(|d| format!("{}: {}", d.rule, d.message))
            .take(10)
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(report.loaded.ledger.claims.len(), 3_000);
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.rule == "sources-disagree"),
            "no legitimate disagreement generated"
        );
    }

    #[test]
    fn a_split_ledger_holds_the_same_records() {
        let generated = generate(&Options {
            claims: 2_000,
            seed: 3,
            inject: 0,
        });
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("desks")).unwrap();
        for (name, text) in generated.split(7) {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let loaded = load::load(&dir.path().join("ledger.ron")).unwrap();
        assert!(
            loaded.diagnostics.is_empty(),
            "{:?}",
            loaded.diagnostics.first()
        );
        assert_eq!(loaded.ledger.claims.len(), 2_000);
        assert_eq!(loaded.files.files().count(), 8);
    }

    #[test]
    fn injected_faults_are_each_found_by_their_rule() {
        for seed in [1, 7] {
            let generated = generate(&Options {
                claims: 3_000,
                seed,
                inject: 14,
            });
            let report = verify(&generated.text);
            let found: BTreeSet<(&str, Option<&str>)> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity > Severity::Info)
                .map(|d| (d.rule, d.record.as_deref()))
                .collect();
            for (rule, id) in &generated.faults {
                let record = (*rule != "parse-error").then_some(id.as_str());
                assert!(
                    found.contains(&(rule, record)),
                    "{rule} in {id} not found: {found:?}"
                );
            }
            assert!(
                found.iter().all(|(rule, _)| FAULTS.contains(rule)),
                "{found:?}"
            );
            assert_eq!(generated.faults.len(), 14);
        }
    }
}
