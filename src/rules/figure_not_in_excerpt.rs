//! `figure-not-in-excerpt`: a figure's number is not in any passage it cites.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Measure, Path, Record};
use crate::numbers::{self, Form};
use crate::rules::Context;
use crate::syntax::Step;

declare_rule! {
    /// ## What it does
    /// Flags a figure whose value does not appear in any of its cited excerpts, in any
    /// way a number is written: `330,000`, `330000`, `330 000`, `330k`, `330 thousand`,
    /// `1.2 million`, `forty`, `twenty-seven`, `six-year`, `25%`, `25 percent`, and for
    /// shares `a quarter` or `half`. Both numbers of `Between(a, b)` must appear.
    ///
    /// ## Why it matters
    /// A figure copied wrong (330,000 typed as 303,000), or cited to a passage that
    /// does not give it, is the most common error a fact sheet can publish. The
    /// excerpt is the evidence; the number must be in it.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "syria-killed", value: MoreThan(300000),
    ///     cite: [Cite(source: "rferl-2017-12-27-sochi", excerpt: "More than 330,000 people have been killed in Syria")], ...)
    /// ```
    ///
    /// ## How to fix
    /// Correct the value, or cite the passage that gives it.
    /// ```ron
    /// Figure(id: "syria-killed", value: MoreThan(330000),
    ///     cite: [Cite(source: "rferl-2017-12-27-sochi", excerpt: "More than 330,000 people have been killed in Syria")], ...)
    /// ```
    pub static FIGURE_NOT_IN_EXCERPT = Rule {
        name: "figure-not-in-excerpt",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for claim in &cx.ledger.claims {
        let Some(figure) = claim.as_figure() else {
            continue;
        };
        let excerpts: Vec<(usize, &str)> = claim
            .cite
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, c.excerpt.as_deref()?)))
            .filter(|(_, e)| !e.trim().is_empty())
            .collect();
        if excerpts.is_empty() {
            continue; // `no-excerpt` or `no-citation` says so
        }
        // Most excerpts give the number in plain digits: check that before reading
        // every written form.
        if figure
            .value
            .numbers()
            .all(|v| excerpts.iter().any(|(_, e)| numbers::has_digits(e, v)))
        {
            continue;
        }
        let share = cx.measure(&figure.measure).is_some_and(Measure::is_share);
        let written: Vec<numbers::Mention> = excerpts
            .iter()
            .flat_map(|(_, e)| numbers::mentions(e))
            .filter(|m| m.form != Form::Fraction || share)
            .collect();
        for value in figure.value.numbers() {
            if written.iter().any(|m| m.value == value) {
                continue;
            }
            let record = Record::Claim(claim);
            let given: Vec<String> = written.iter().map(|m| format!("`{}`", m.value)).collect();
            let help = if given.is_empty() {
                "the cited passages give no number: cite the passage that gives this one".to_owned()
            } else {
                format!(
                    "the cited passages give {}; correct the value, or cite the passage that gives `{}`",
                    given.join(", "),
                    value.normalize()
                )
            };
            let (first, _) = excerpts[0];
            let excerpt_span = cx.locate(
                record,
                &Path::field("cite")
                    .then(Step::Index(first))
                    .then(Step::Field("excerpt")),
            );
            out.push(
                Diagnostic::new(
                    &FIGURE_NOT_IN_EXCERPT,
                    cx.locate(record, &Path::field("value")),
                    format!(
                        "`{}` of figure `{}` is not in any cited excerpt",
                        value.normalize(),
                        claim.id
                    ),
                )
                .label("this number is not in the excerpt")
                .secondary(excerpt_span, "cited passage")
                .help(help),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::FIGURE_NOT_IN_EXCERPT);
}
