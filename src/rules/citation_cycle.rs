//! `citation-cycle`: sources that report from each other in a loop.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record, Source};
use crate::rules::Context;
use crate::syntax::Step;

declare_rule! {
    /// ## What it does
    /// Follows each source's `via` to the sources it reports from, and flags a chain
    /// that comes back to where it started (A via B, B via A).
    ///
    /// ## Why it matters
    /// `via` says where a report got its information. A loop means the provenance is
    /// wrong: two reports that cite each other are not two confirmations, and the
    /// original source of the figure is missing.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "paper-a", via: ["paper-b"], ...),
    /// Source(id: "paper-b", via: ["paper-a"], ...),
    /// ```
    ///
    /// ## How to fix
    /// Keep `via` pointing from the later report to the earlier one, and add the
    /// original source the chain started from.
    /// ```ron
    /// Source(id: "paper-a", via: ["paper-b"], ...),
    /// Source(id: "paper-b", via: ["agency-wire"], ...),
    /// ```
    pub static CITATION_CYCLE = Rule {
        name: "citation-cycle",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let sources = &cx.ledger.sources;
    let index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .rev()
        .collect();
    let edges: Vec<Vec<(usize, usize)>> = sources
        .iter()
        .map(|s| {
            s.via
                .iter()
                .enumerate()
                .filter_map(|(k, v)| Some((k, *index.get(v.as_str())?)))
                .collect()
        })
        .collect();
    // Iterative depth-first search; a grey node reached again closes a cycle.
    let mut state = vec![0u8; sources.len()]; // 0 new, 1 on the stack, 2 done
    let mut seen: BTreeSet<Vec<usize>> = BTreeSet::new();
    let mut out = Vec::new();
    for root in 0..sources.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&(_, to)) = edges[node].get(*next) {
                *next += 1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => {
                        let start = stack
                            .iter()
                            .position(|(n, _)| *n == to)
                            .expect("grey nodes are on the stack");
                        let cycle: Vec<usize> = stack[start..].iter().map(|(n, _)| *n).collect();
                        let mut key = cycle.clone();
                        key.sort_unstable();
                        if seen.insert(key) {
                            out.push(report(cx, sources, &edges, &cycle));
                        }
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    out
}

fn report(
    cx: &Context,
    sources: &[Source],
    edges: &[Vec<(usize, usize)>],
    cycle: &[usize],
) -> Diagnostic {
    let via_span = |from: usize, to: usize| {
        let k = edges[from]
            .iter()
            .find(|(_, t)| *t == to)
            .map_or(0, |(k, _)| *k);
        cx.locate(
            Record::Source(&sources[from]),
            &Path::field("via").then(Step::Index(k)),
        )
    };
    let chain: Vec<&str> = cycle
        .iter()
        .chain(std::iter::once(&cycle[0]))
        .map(|&i| sources[i].id.as_str())
        .collect();
    let first = cycle[0];
    let mut diagnostic = Diagnostic::new(
        &CITATION_CYCLE,
        via_span(first, cycle[(1) % cycle.len()]),
        format!(
            "sources report from each other in a loop: {}",
            chain
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(" → ")
        ),
    )
    .label("the loop starts here");
    for (pos, &node) in cycle.iter().enumerate().skip(1) {
        let to = cycle[(pos + 1) % cycle.len()];
        diagnostic = diagnostic.secondary(
            via_span(node, to),
            format!("`{}` reports from `{}`", sources[node].id, sources[to].id),
        );
    }
    diagnostic
        .help("point `via` from the later report to the earlier one, ending at the original source")
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::CITATION_CYCLE);
}
