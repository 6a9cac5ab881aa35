//! `supersession-cycle`: claims that supersede each other in a loop.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Follows `superseded_by` from claim to claim and flags a chain that comes back
    /// to a claim already on it (A superseded by B, B superseded by A).
    ///
    /// ## Why it matters
    /// Supersession says which figure is current. In a loop every claim is replaced,
    /// so none is current and all of them vanish from fact sheets.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "killed-2016", superseded_by: "killed-2017", ...),
    /// Figure(id: "killed-2017", superseded_by: "killed-2016", ...),
    /// ```
    ///
    /// ## How to fix
    /// Remove `superseded_by` from the current claim.
    /// ```ron
    /// Figure(id: "killed-2016", superseded_by: "killed-2017", ...),
    /// Figure(id: "killed-2017", ...),
    /// ```
    pub static SUPERSESSION_CYCLE = Rule {
        name: "supersession-cycle",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let claims = &cx.ledger.claims;
    let index: HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let next = |i: usize| {
        claims[i]
            .superseded_by
            .as_deref()
            .and_then(|id| index.get(id).copied())
    };
    // Each claim has at most one successor, so walking each chain once finds every loop.
    let mut state = vec![0u8; claims.len()]; // 0 new, 1 on this walk, 2 done
    let mut out = Vec::new();
    for start in 0..claims.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                0 => {
                    state[i] = 1;
                    path.push(i);
                    at = next(i);
                }
                1 => {
                    let from = path.iter().position(|&p| p == i).expect("on this walk");
                    out.push(report(cx, &path[from..]));
                    break;
                }
                _ => break,
            }
        }
        for i in path {
            state[i] = 2;
        }
    }
    out
}

fn report(cx: &Context, cycle: &[usize]) -> Diagnostic {
    let claims = &cx.ledger.claims;
    let at = |i: usize| cx.locate(Record::Claim(&claims[i]), &Path::field("superseded_by"));
    let chain: Vec<String> = cycle
        .iter()
        .chain(std::iter::once(&cycle[0]))
        .map(|&i| format!("`{}`", claims[i].id))
        .collect();
    let mut diagnostic = Diagnostic::new(
        &SUPERSESSION_CYCLE,
        at(cycle[0]),
        format!(
            "claims supersede each other in a loop: {}",
            chain.join(" → ")
        ),
    )
    .label("the loop starts here");
    for &i in &cycle[1..] {
        diagnostic =
            diagnostic.secondary(at(i), format!("`{}` is superseded by this", claims[i].id));
    }
    diagnostic.help("remove `superseded_by` from the claim that is current")
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::SUPERSESSION_CYCLE);
}
