//! Which figures cannot all be true: the comparisons behind the consistency rules.
//!
//! Figures are grouped by what they measure (their [`Key`]) first, then each group is
//! swept in date order keeping only the extreme values of the figures still in play,
//! so the cost is O(n log n) in the number of figures, even when all of them share
//! one key. No two figures are compared just because they exist.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use rustc_hash::FxHashMap as HashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::interval::{Interval, LowerKey, UpperKey, is_below};
use crate::model::{Claim, Figure, Ledger, Measure};
use crate::value::PartialDate;

/// What makes two figures comparable: the same thing counted the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key<'a> {
    pub subject: &'a str,
    pub measure: &'a str,
    /// The whole a share is part of.
    pub of: Option<&'a str>,
    /// The start of a cumulative count: counts since different dates differ.
    pub since: Option<PartialDate>,
}

/// A figure ready to compare: its key, voice, dates and values.
#[derive(Debug, Clone)]
pub struct Fact<'a> {
    pub claim: &'a Claim,
    pub figure: &'a Figure,
    pub measure: &'a Measure,
    pub key: Key<'a>,
    /// Who says it; `None` is the ledger's own voice.
    pub voice: Option<&'a str>,
    /// The first and last day `as_of` may mean.
    pub dates: (Date, Date),
    pub value: Interval,
}

impl Fact<'_> {
    /// Who says it, for messages: "`monitor`", or "the ledger" for its own voice.
    pub fn voice_name(&self) -> String {
        self.voice
            .map_or_else(|| "the ledger".to_owned(), |v| format!("`{v}`"))
    }
}

/// Two figures that cannot both be true; `earlier` comes first in date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Conflict {
    pub earlier: usize,
    pub later: usize,
}

/// Every comparison the consistency rules report from, computed once per run.
#[derive(Debug, Default)]
pub struct Consistency<'a> {
    pub facts: Vec<Fact<'a>>,
    /// Same voice, overlapping dates, disjoint values.
    pub contradictions: Vec<Conflict>,
    /// Different voices, overlapping dates, disjoint values.
    pub disagreements: Vec<Conflict>,
    /// Cumulative measure, same voice: the later figure is certainly lower.
    pub decreases: Vec<Conflict>,
    /// Cumulative measure, different voices: the later figure is certainly lower.
    pub crossed_decreases: Vec<Conflict>,
    /// Shares of one whole from one voice adding up to more than 100 % plus the slack.
    pub excesses: Vec<Excess>,
}

/// The value interval of a figure under the ledger's policy.
pub fn value_of(figure: &Figure, measure: &Measure, tolerance: Decimal) -> Interval {
    Interval::of(&figure.value, tolerance, !measure.signed)
}

impl<'a> Consistency<'a> {
    /// Compares every figure of the ledger that can be compared: dated, of a declared
    /// measure, and not superseded.
    pub fn of(ledger: &'a Ledger) -> Consistency<'a> {
        let measures: HashMap<&str, &Measure> =
            ledger.measures.iter().map(|m| (m.id.as_str(), m)).collect();
        let tolerance = ledger.policy.about_tolerance.0;
        let facts: Vec<Fact> = ledger
            .claims
            .iter()
            .filter(|c| c.superseded_by.is_none())
            .filter_map(|claim| {
                let figure = claim.as_figure()?;
                let measure = *measures.get(figure.measure.as_str())?;
                let as_of = figure.as_of.as_ref()?.date()?;
                Some(Fact {
                    claim,
                    figure,
                    measure,
                    key: Key {
                        subject: &figure.subject,
                        measure: &figure.measure,
                        of: figure.of.as_deref(),
                        since: figure
                            .since
                            .as_ref()
                            .and_then(crate::value::DateField::date),
                    },
                    voice: claim.voice(),
                    dates: as_of.interval(),
                    value: value_of(figure, measure, tolerance),
                })
            })
            .collect();
        let mut out = Consistency {
            facts,
            ..Consistency::default()
        };
        for group in groups(&out.facts, |f| f.key).into_values() {
            overlapping(
                &out.facts,
                &group,
                &mut out.contradictions,
                &mut out.disagreements,
            );
            if out.facts[group[0]].measure.cumulative {
                decreasing(
                    &out.facts,
                    &group,
                    &mut out.decreases,
                    &mut out.crossed_decreases,
                );
            }
        }
        let limit = Decimal::ONE_HUNDRED + ledger.policy.share_slack.0;
        out.excesses = excesses(&out.facts, limit);
        for list in [
            &mut out.contradictions,
            &mut out.disagreements,
            &mut out.decreases,
            &mut out.crossed_decreases,
        ] {
            list.sort_unstable();
        }
        out
    }
}

/// Indices of facts grouped by `key`, in a stable order.
pub fn groups<'a, K: Ord>(
    facts: &[Fact<'a>],
    key: impl Fn(&Fact<'a>) -> K,
) -> BTreeMap<K, Vec<usize>> {
    let mut out: BTreeMap<K, Vec<usize>> = BTreeMap::new();
    for (i, fact) in facts.iter().enumerate() {
        out.entry(key(fact)).or_default().push(i);
    }
    out
}

/// Small numbers for the voices of a group, so sets can hold them.
fn voice_numbers<'a>(facts: &[Fact<'a>], group: &[usize]) -> HashMap<usize, usize> {
    let mut numbers: HashMap<Option<&'a str>, usize> = HashMap::default();
    group
        .iter()
        .map(|&i| {
            let next = numbers.len();
            (i, *numbers.entry(facts[i].voice).or_insert(next))
        })
        .collect()
}

/// The extreme items of a changing set, per voice and over all voices.
///
/// `best` holds each voice's own extreme, so the extreme of "any voice but this one"
/// is one of its first two entries.
struct Extremes<K: Ord + Copy> {
    per_voice: HashMap<usize, BTreeSet<(K, usize)>>,
    best: BTreeSet<(K, usize, usize)>,
}

impl<K: Ord + Copy> Extremes<K> {
    fn new() -> Self {
        Extremes {
            per_voice: HashMap::default(),
            best: BTreeSet::new(),
        }
    }

    fn update_best(&mut self, voice: usize, old: Option<(K, usize)>) {
        let new = self.per_voice.get(&voice).and_then(|s| s.first().copied());
        if old != new {
            if let Some((k, i)) = old {
                self.best.remove(&(k, voice, i));
            }
            if let Some((k, i)) = new {
                self.best.insert((k, voice, i));
            }
        }
    }

    fn insert(&mut self, voice: usize, key: K, item: usize) {
        let old = self.per_voice.get(&voice).and_then(|s| s.first().copied());
        self.per_voice.entry(voice).or_default().insert((key, item));
        self.update_best(voice, old);
    }

    fn remove(&mut self, voice: usize, key: K, item: usize) {
        let old = self.per_voice.get(&voice).and_then(|s| s.first().copied());
        if let Some(set) = self.per_voice.get_mut(&voice) {
            set.remove(&(key, item));
        }
        self.update_best(voice, old);
    }

    /// The extreme item of one voice.
    fn of_voice(&self, voice: usize) -> Option<usize> {
        self.per_voice.get(&voice)?.first().map(|&(_, i)| i)
    }

    /// The extreme item of any other voice.
    fn excluding(&self, voice: usize) -> Option<usize> {
        self.best
            .iter()
            .find(|&&(_, v, _)| v != voice)
            .map(|&(_, _, i)| i)
    }
}

/// Figures whose dates overlap and whose values are disjoint, each reported once, as
/// the later of the pair, against the figure whose value is furthest from it.
fn overlapping(
    facts: &[Fact],
    group: &[usize],
    same: &mut Vec<Conflict>,
    other: &mut Vec<Conflict>,
) {
    let voices = voice_numbers(facts, group);
    let mut order = group.to_vec();
    order.sort_by_key(|&i| (facts[i].dates.0, i));
    // Lowest upper bound first, and highest lower bound first.
    let mut low_tops: Extremes<UpperKey> = Extremes::new();
    let mut high_bottoms: Extremes<Reverse<LowerKey>> = Extremes::new();
    let mut ending: BinaryHeap<Reverse<(Date, usize)>> = BinaryHeap::new();
    for &i in &order {
        let fact = &facts[i];
        while let Some(&Reverse((end, j))) = ending.peek() {
            if end >= fact.dates.0 {
                break;
            }
            ending.pop();
            low_tops.remove(voices[&j], UpperKey(facts[j].value.hi), j);
            high_bottoms.remove(voices[&j], Reverse(LowerKey(facts[j].value.lo)), j);
        }
        let voice = voices[&i];
        let clash = |j: usize| facts[j].value.is_disjoint(&fact.value);
        let witness = |a: Option<usize>, b: Option<usize>| {
            a.filter(|&j| clash(j)).or(b.filter(|&j| clash(j)))
        };
        if let Some(j) = witness(low_tops.of_voice(voice), high_bottoms.of_voice(voice)) {
            same.push(Conflict {
                earlier: j,
                later: i,
            });
        }
        if let Some(j) = witness(low_tops.excluding(voice), high_bottoms.excluding(voice)) {
            other.push(Conflict {
                earlier: j,
                later: i,
            });
        }
        low_tops.insert(voice, UpperKey(fact.value.hi), i);
        high_bottoms.insert(voice, Reverse(LowerKey(fact.value.lo)), i);
        ending.push(Reverse((fact.dates.1, i)));
    }
}

/// For a cumulative count: figures certainly lower than a figure dated certainly
/// earlier, from the same voice and from another voice.
fn decreasing(
    facts: &[Fact],
    group: &[usize],
    same: &mut Vec<Conflict>,
    other: &mut Vec<Conflict>,
) {
    let voices = voice_numbers(facts, group);
    let mut by_start = group.to_vec();
    by_start.sort_by_key(|&i| (facts[i].dates.0, i));
    let mut by_end = group.to_vec();
    by_end.sort_by_key(|&i| (facts[i].dates.1, i));
    // Figures only ever join the "certainly earlier" set, so keeping the highest lower
    // bound per voice, and the two highest of distinct voices, is enough.
    let mut highest: HashMap<usize, usize> = HashMap::default();
    let mut top_two: Vec<(LowerKey, usize, usize)> = Vec::new();
    let mut next = 0;
    for &i in &by_start {
        let fact = &facts[i];
        while next < by_end.len() && facts[by_end[next]].dates.1 < fact.dates.0 {
            let j = by_end[next];
            next += 1;
            let voice = voices[&j];
            let key = LowerKey(facts[j].value.lo);
            let entry = highest.entry(voice).or_insert(j);
            if LowerKey(facts[*entry].value.lo) < key {
                *entry = j;
            }
            top_two.retain(|&(_, v, _)| v != voice);
            top_two.push((
                LowerKey(facts[highest[&voice]].value.lo),
                voice,
                highest[&voice],
            ));
            top_two.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
            top_two.truncate(2);
        }
        let voice = voices[&i];
        let lower = |j: usize| is_below(fact.value.hi, facts[j].value.lo);
        if let Some(&j) = highest.get(&voice)
            && lower(j)
        {
            same.push(Conflict {
                earlier: j,
                later: i,
            });
        }
        if let Some(&(_, _, j)) = top_two.iter().find(|&&(_, v, _)| v != voice)
            && lower(j)
        {
            other.push(Conflict {
                earlier: j,
                later: i,
            });
        }
    }
}

/// Shares of one whole, from one voice at overlapping dates, whose lower bounds add up
/// to more than `limit`: each is reported once, with the shares counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excess {
    /// The share that brought the sum over the limit.
    pub at: usize,
    /// The largest share of each subject in play, `at` included.
    pub parts: Vec<usize>,
    /// The sum of their lower bounds, in percent.
    pub total: Decimal,
}

/// Shares (measures in percent with an `of`) that add up to more than `limit` percent.
pub fn excesses(facts: &[Fact], limit: Decimal) -> Vec<Excess> {
    let mut out = Vec::new();
    let shares = groups(facts, |f| (f.key.measure, f.key.of, f.voice));
    for ((_, of, _), group) in shares {
        if of.is_none() || !facts[group[0]].measure.is_share() {
            continue;
        }
        let mut order = group.clone();
        order.sort_by_key(|&i| (facts[i].dates.0, i));
        let floor = |i: usize| {
            facts[i]
                .value
                .lo
                .map_or(Decimal::ZERO, |b| b.value.max(Decimal::ZERO))
        };
        let mut per_subject: BTreeMap<&str, BTreeSet<(Decimal, usize)>> = BTreeMap::new();
        let mut total = Decimal::ZERO;
        let mut over = false;
        let mut ending: BinaryHeap<Reverse<(Date, usize)>> = BinaryHeap::new();
        let subject_max =
            |set: &BTreeSet<(Decimal, usize)>| set.last().map_or(Decimal::ZERO, |&(v, _)| v);
        for &i in &order {
            let fact = &facts[i];
            while let Some(&Reverse((end, j))) = ending.peek() {
                if end >= fact.dates.0 {
                    break;
                }
                ending.pop();
                let set = per_subject.entry(facts[j].key.subject).or_default();
                total -= subject_max(set);
                set.remove(&(floor(j), j));
                total += subject_max(set);
            }
            let set = per_subject.entry(fact.key.subject).or_default();
            total -= subject_max(set);
            set.insert((floor(i), i));
            total += subject_max(set);
            ending.push(Reverse((fact.dates.1, i)));
            let now_over = total > limit;
            if now_over && !over {
                let parts = per_subject
                    .values()
                    .filter_map(|s| s.last().map(|&(_, j)| j))
                    .collect();
                out.push(Excess {
                    at: i,
                    parts,
                    total,
                });
            }
            over = now_over;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;
    use crate::model::ClaimKind;
    use std::path::{Path, PathBuf};

    fn ledger(claims: &str) -> Ledger {
        let text = format!(
            r#"Ledger(
                measures: [
                    Measure(id: "killed", unit: "people", whole: true, cumulative: true),
                    Measure(id: "share", unit: "percent"),
                ],
                claims: [{claims}],
            )"#
        );
        let loaded = load::load_bytes(Path::new("t.ron"), text.into_bytes(), PathBuf::from("."));
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.ledger
    }

    fn figure(id: &str, voice: &str, value: &str, as_of: &str) -> String {
        let claimant = if voice.is_empty() {
            String::new()
        } else {
            format!("claimant: \"{voice}\",")
        };
        format!(
            r#"Figure(id: "{id}", text: "", {claimant} subject: "syria", measure: "killed", value: {value}, as_of: "{as_of}"),"#
        )
    }

    fn ids<'a>(c: &Consistency<'a>, list: &[Conflict]) -> Vec<(&'a str, &'a str)> {
        list.iter()
            .map(|x| {
                (
                    c.facts[x.earlier].claim.id.as_str(),
                    c.facts[x.later].claim.id.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn one_key_of_a_hundred_thousand_figures_is_swept_not_paired() {
        // 100,000 figures under one key (one subject, one measure), from two claimants
        // that each agree with themselves, and one outlier: comparing every pair would
        // take 5·10^9 steps; the sweep takes a moment.
        let template = ledger(&figure("f", "monitor", "About(100)", "2017-12-27"));
        let base = template.claims[0].clone();
        let mut big = template.clone();
        big.claims = (0..100_000)
            .map(|i| {
                let mut claim = base.clone();
                claim.id = format!("f{i}");
                claim.claimant = Some(if i % 2 == 0 { "monitor" } else { "un" }.to_owned());
                claim
            })
            .collect();
        let mut outlier = base.clone();
        outlier.id = "outlier".to_owned();
        if let ClaimKind::Figure(f) = &mut outlier.kind {
            f.value = "500".parse().unwrap();
        }
        big.claims.push(outlier);
        let started = std::time::Instant::now();
        let c = Consistency::of(&big);
        assert_eq!(
            ids(&c, &c.contradictions)
                .iter()
                .map(|p| p.1)
                .collect::<Vec<_>>(),
            ["outlier"]
        );
        assert_eq!(c.disagreements.len(), 1);
        // Generous for a debug build on a busy machine; a quadratic sweep takes minutes.
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }

    #[test]
    fn voices_separate_contradictions_from_disagreements() {
        let ledger = ledger(
            &[
                figure("a", "monitor", "Exactly(100)", "2017-12"),
                figure("b", "monitor", "Exactly(200)", "2017-12-27"),
                figure("c", "un", "Exactly(300)", "2017-12-27"),
                figure("d", "", "Exactly(300)", "2018-03-01"),
            ]
            .concat(),
        );
        let c = Consistency::of(&ledger);
        assert_eq!(ids(&c, &c.contradictions), [("a", "b")]);
        assert_eq!(ids(&c, &c.disagreements), [("a", "c")]);
    }

    #[test]
    fn cumulative_counts_may_not_fall() {
        let ledger = ledger(
            &[
                figure("dec-2017", "monitor", "MoreThan(330000)", "2017-12-27"),
                figure("mar-2018", "monitor", "About(300000)", "2018-03"),
                figure("un-2016", "un", "Exactly(400000)", "2016-04"),
            ]
            .concat(),
        );
        let c = Consistency::of(&ledger);
        assert_eq!(ids(&c, &c.decreases), [("dec-2017", "mar-2018")]);
        assert_eq!(ids(&c, &c.crossed_decreases), [("un-2016", "mar-2018")]);
    }
}
