//! `bad-allow`: a waiver without a reason, or for a rule that does not exist.

use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::model::Path;
use crate::rules::{Context, RULES, Rule};
use crate::syntax::Step;

declare_rule! {
    /// ## What it does
    /// Checks each record's `allow` list: every waiver must name an existing rule and
    /// give a reason. `parse-error` cannot be waived.
    ///
    /// ## Why it matters
    /// A waiver says "this exception is legitimate, and here is why", and fact
    /// sheets and `--verbose` show the reason. A waiver without a reason hides a
    /// problem; one for a misspelt rule waives nothing while looking as if it did.
    ///
    /// ## Example
    /// ```ron
    /// allow: [Allow(rule: "cumulative-decreese", reason: "")]
    /// ```
    ///
    /// ## How to fix
    /// Name the rule exactly and say why the exception holds.
    /// ```ron
    /// allow: [Allow(rule: "cumulative-decrease", reason: "the monitor redefined 'civilian' in March 2018")]
    /// ```
    pub static BAD_ALLOW = Rule {
        name: "bad-allow",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for record in cx.ledger.records() {
        for (i, allow) in record.allow().iter().enumerate() {
            let at = |field| {
                cx.locate(
                    record,
                    &Path::field("allow")
                        .then(Step::Index(i))
                        .then(Step::Field(field)),
                )
            };
            match Rule::find(&allow.rule) {
                None => out.push(
                    Diagnostic::new(
                        &BAD_ALLOW,
                        at("rule"),
                        format!("`{}` is not a rule", allow.rule),
                    )
                    .label("unknown rule")
                    .help(
                        did_you_mean(&allow.rule, RULES.iter().map(|r| r.name))
                            .unwrap_or_else(|| "`factledger rules` lists the rules".to_owned()),
                    ),
                ),
                Some(rule) if rule.name == super::parse_error::PARSE_ERROR.name => out.push(
                    Diagnostic::new(&BAD_ALLOW, at("rule"), "`parse-error` cannot be waived")
                        .label("cannot be allowed")
                        .help("fix the record so that it can be read"),
                ),
                Some(_) => {}
            }
            if allow.reason.trim().is_empty() {
                out.push(
                    Diagnostic::new(
                        &BAD_ALLOW,
                        at("reason"),
                        format!("waiver of `{}` gives no reason", allow.rule),
                    )
                    .label("empty reason")
                    .help("say why the exception is legitimate; fact sheets show the reason"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::BAD_ALLOW);
}
