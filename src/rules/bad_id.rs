//! `bad-id`: an id that is not lowercase kebab-case.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Path;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags an `id` that is not lowercase kebab-case: letters a-z, digits, and single
    /// hyphens between them (`syria-killed-2017-12`).
    ///
    /// ## Why it matters
    /// Ids are typed by editors, written in URLs and footnote anchors, and compared
    /// exactly. One spelling convention keeps `Syria` and `syria` from becoming two
    /// different subjects.
    ///
    /// ## Example
    /// ```ron
    /// Entity(id: "Syria_Gov", name: "Syrian government", kind: Organization),
    /// ```
    ///
    /// ## How to fix
    /// Use lowercase words joined by hyphens.
    /// ```ron
    /// Entity(id: "syria-gov", name: "Syrian government", kind: Organization),
    /// ```
    pub static BAD_ID = Rule {
        name: "bad-id",
        severity: Severity::Error,
        check,
    };
}

/// True for `a`, `a-b`, `rferl-2017-12-27`; false for `A`, `a_b`, `-a`, `a--b` and the empty id.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The kebab-case form of `id`: `Syria_Gov` → `syria-gov`.
pub fn to_kebab_case(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    cx.ledger
        .records()
        .filter(|r| !is_kebab_case(r.id()))
        .map(|record| {
            let id = record.id();
            let fixed = to_kebab_case(id);
            let help = if fixed.is_empty() {
                "use lowercase letters, digits and single hyphens, e.g. `syria-killed-2017`"
                    .to_owned()
            } else {
                format!("write it as `{fixed}`")
            };
            Diagnostic::new(
                &BAD_ID,
                cx.locate(record, &Path::field("id")),
                format!("id `{id}` is not lowercase kebab-case"),
            )
            .label("not kebab-case")
            .help(help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_is_recognised_and_produced() {
        for good in ["a", "syria", "rferl-2017-12-27-sochi", "40-groups"] {
            assert!(is_kebab_case(good), "{good}");
        }
        for bad in ["", "Syria", "a_b", "-a", "a-", "a--b", "a b", "é"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
        assert_eq!(to_kebab_case("Syria_Gov"), "syria-gov");
        assert_eq!(to_kebab_case("  PYD (Kurds) "), "pyd-kurds");
    }

    crate::test::fixture_tests!(super::BAD_ID);
}
