//! `quote-not-in-source`: a quote's words are not verbatim in what it cites.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ClaimKind, Path, Record};
use crate::rules::Context;
use crate::text::normalize;

declare_rule! {
    /// ## What it does
    /// Flags a `Quote` whose `words` do not occur verbatim in any cited excerpt or in
    /// the archive of a cited source. Only whitespace, typographic quotes and dashes
    /// are made uniform before comparing; case and punctuation must match.
    ///
    /// ## Why it matters
    /// A quotation is a promise that these were the speaker's words. A paraphrase in
    /// quotation marks, or a word changed in copying, misquotes someone.
    ///
    /// ## Example
    /// ```ron
    /// Quote(id: "groups-russia-aggressor", speaker: "rebel-groups",
    ///     words: "Russia is an aggressor that committed war crimes",
    ///     cite: [Cite(source: "rferl-2017-12-27-sochi",
    ///         excerpt: "Russia is an aggressor that has committed war crimes against Syrians")], ...)
    /// ```
    ///
    /// ## How to fix
    /// Copy the words exactly as the source prints them.
    /// ```ron
    /// Quote(id: "groups-russia-aggressor", speaker: "rebel-groups",
    ///     words: "Russia is an aggressor that has committed war crimes against Syrians", ...)
    /// ```
    pub static QUOTE_NOT_IN_SOURCE = Rule {
        name: "quote-not-in-source",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for claim in &cx.ledger.claims {
        let ClaimKind::Quote(quote) = &claim.kind else {
            continue;
        };
        let words = normalize(&quote.words);
        let mut looked = false;
        let mut found = false;
        for cite in &claim.cite {
            if let Some(excerpt) = cite.excerpt.as_deref().filter(|e| !e.trim().is_empty()) {
                looked = true;
                found |= normalize(excerpt).contains(&words);
            }
            if let Some(Ok(archive)) = cx.source(&cite.source).and_then(|s| cx.archive(s)) {
                looked = true;
                found |= archive.contains(&words);
            }
        }
        if looked && !found && !words.is_empty() {
            out.push(
                Diagnostic::new(
                    &QUOTE_NOT_IN_SOURCE,
                    cx.locate(Record::Claim(claim), &Path::field("words")),
                    format!("the words of quote `{}` are not verbatim in what it cites", claim.id),
                )
                .label("not found in the cited excerpts or archives")
                .help("copy the words exactly as the source prints them, or cite the passage that has them"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::QUOTE_NOT_IN_SOURCE);
}
