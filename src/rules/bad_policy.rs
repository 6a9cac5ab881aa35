//! `bad-policy`: a policy setting that cannot be applied.

use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::rules::{Context, RULES, Rule};
use crate::source_map::Span;
use crate::syntax::{self, Step};

declare_rule! {
    /// ## What it does
    /// Checks the ledger's `policy`: severity overrides must name existing rules,
    /// `about_tolerance` must be a fraction from 0 up to (not including) 1, and
    /// `share_slack` must not be negative. `parse-error` cannot be overridden.
    ///
    /// ## Why it matters
    /// An override for a misspelt rule silently does nothing; a tolerance of 10
    /// (meant as 10 %) would make every `About` figure agree with every other.
    ///
    /// ## Example
    /// ```ron
    /// policy: Policy(about_tolerance: 10, severity: {"unused-entitiy": Allow}),
    /// ```
    ///
    /// ## How to fix
    /// Write the tolerance as a fraction and the rule name exactly.
    /// ```ron
    /// policy: Policy(about_tolerance: 0.10, severity: {"unused-entity": Allow}),
    /// ```
    pub static BAD_POLICY = Rule {
        name: "bad-policy",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let policy = &cx.ledger.policy;
    let text = &cx.files.file(policy.span.file).text;
    let at = |path: &[Step]| {
        syntax::locate(text, policy.span.range(), path)
            .map_or(policy.span, |r| Span::new(policy.span.file, r))
    };
    let mut out = Vec::new();
    for name in policy.severity.keys() {
        let problem = match Rule::find(name) {
            None => Some((
                format!("`{name}` is not a rule"),
                did_you_mean(name, RULES.iter().map(|r| r.name)),
            )),
            Some(rule) if rule.name == super::parse_error::PARSE_ERROR.name => Some((
                "the severity of `parse-error` cannot be changed".to_owned(),
                None,
            )),
            Some(_) => None,
        };
        if let Some((message, help)) = problem {
            // Map keys are found by their quoted text inside the map.
            let map = at(&[Step::Field("severity")]);
            let quoted = format!("\"{name}\"");
            let span = text[map.range()].find(&quoted).map_or(map, |i| {
                Span::new(
                    map.file,
                    map.start as usize + i..map.start as usize + i + quoted.len(),
                )
            });
            out.push(
                Diagnostic::new(&BAD_POLICY, span, message)
                    .label("unknown rule")
                    .help(help.unwrap_or_else(|| "`factledger rules` lists the rules".to_owned())),
            );
        }
    }
    let tolerance = policy.about_tolerance.0;
    if tolerance.is_sign_negative() || tolerance >= rust_decimal::Decimal::ONE {
        out.push(
            Diagnostic::new(
                &BAD_POLICY,
                at(&[Step::Field("about_tolerance")]),
                format!("`about_tolerance` is {tolerance}, not a fraction below 1"),
            )
            .label("expected e.g. 0.10 for 10 %")
            .help("write the tolerance as a fraction: 0.10 means ±10 %"),
        );
    }
    if policy.share_slack.0.is_sign_negative() {
        out.push(
            Diagnostic::new(
                &BAD_POLICY,
                at(&[Step::Field("share_slack")]),
                "`share_slack` is negative",
            )
            .label("expected 0 or more")
            .help("write the percentage points shares may exceed 100 by, e.g. 1"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::BAD_POLICY);
}
