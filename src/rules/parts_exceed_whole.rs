//! `parts-exceed-whole`: shares of one whole add up to more than 100 percent.

use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Adds up the lower bounds of shares (figures of a measure in `percent`) of the
    /// same whole (`of`), from one claimant or the ledger's own voice, at overlapping
    /// dates, one per subject; flags them when the sum exceeds 100 percent plus the
    /// policy's `share_slack` (1 point by default, so a poll that sums to 101 passes).
    /// Shares from different claimants are not added up.
    ///
    /// ## Why it matters
    /// The PYD cannot hold a quarter of Syria's territory while the government holds
    /// 60 percent and the rebels 20: one of the shares is wrong or from another date.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "pyd-share", subject: "pyd", measure: "territory-share", of: "syria", value: About(25), as_of: "2017-12", ...),
    /// Figure(id: "gov-share", subject: "syria-gov", measure: "territory-share", of: "syria", value: Exactly(60), as_of: "2017-12", ...),
    /// Figure(id: "rebel-share", subject: "rebels", measure: "territory-share", of: "syria", value: Exactly(20), as_of: "2017-12", ...),
    /// ```
    ///
    /// ## How to fix
    /// Correct the share that is wrong, date each share as its source does, or
    /// attribute shares to the different sources that gave them.
    /// ```ron
    /// Figure(id: "gov-share", claimant: "government-media", subject: "syria-gov", ...),
    /// ```
    pub static PARTS_EXCEED_WHOLE = Rule {
        name: "parts-exceed-whole",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let consistency = cx.consistency();
    let limit = Decimal::ONE_HUNDRED + cx.ledger.policy.share_slack.0;
    consistency
        .excesses
        .iter()
        .map(|excess| {
            let fact = &consistency.facts[excess.at];
            let value = Path::field("value");
            let mut diagnostic = Diagnostic::new(
                &PARTS_EXCEED_WHOLE,
                cx.locate(Record::Claim(fact.claim), &value),
                format!(
                    "shares of `{}` in `{}` add up to at least {} percent",
                    fact.key.of.unwrap_or_default(),
                    fact.key.measure,
                    excess.total.normalize()
                ),
            )
            .label(format!("brings the sum above {}", limit.normalize()));
            for &part in excess.parts.iter().filter(|&&p| p != excess.at) {
                let other = &consistency.facts[part];
                diagnostic = diagnostic.secondary(
                    cx.locate(Record::Claim(other.claim), &value),
                    format!("`{}` has {}", other.key.subject, other.value),
                );
            }
            diagnostic.help("correct the wrong share, date each share as its source does, or attribute them to their sources")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::PARTS_EXCEED_WHOLE);
}
