//! Findings as data: what is wrong, where, and how to fix it. Renderers live in `render`.

use serde::Serialize;

use crate::rules::Rule;
use crate::source_map::Span;

/// How serious a finding is. Ordered, so `max()` gives the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with what is at it: "cited here", "first defined here".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub text: Option<String>,
}

/// One finding, pointing into a ledger file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable rule name, e.g. `duplicate-id`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Stands on its own: "duplicate id `syria`".
    pub message: String,
    /// Where the problem is, with what is wrong here.
    pub primary: Label,
    /// Context: "first defined here".
    pub secondary: Vec<Label>,
    /// How to fix it, as one sentence.
    pub help: Option<String>,
    /// The id of the record the finding is about, when it has one.
    pub record: Option<String>,
    /// The reason given in the record's `allow`, when the finding is waived.
    pub allowed: Option<String>,
}

impl Diagnostic {
    /// A finding of `rule` at `span`, at the rule's default severity.
    pub fn new(rule: &Rule, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule: rule.name,
            severity: rule.severity,
            message: message.into(),
            primary: Label { span, text: None },
            secondary: Vec::new(),
            help: None,
            record: None,
            allowed: None,
        }
    }

    /// What is wrong at the primary span.
    #[must_use]
    pub fn label(mut self, text: impl Into<String>) -> Self {
        self.primary.text = Some(text.into());
        self
    }

    /// Another place that explains the finding.
    #[must_use]
    pub fn secondary(mut self, span: Span, text: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            text: Some(text.into()),
        });
        self
    }

    /// How to fix it.
    #[must_use]
    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }

    /// Sets `help` only when there is one.
    #[must_use]
    pub fn maybe_help(mut self, text: Option<String>) -> Self {
        if text.is_some() {
            self.help = text;
        }
        self
    }

    /// The record the finding is about, for waivers and JSON output.
    #[must_use]
    pub fn record(mut self, id: impl Into<String>) -> Self {
        self.record = Some(id.into());
        self
    }

    /// The order of output: by file and place, then rule.
    pub fn sort_key(&self) -> (Span, &'static str, &str) {
        (self.primary.span, self.rule, &self.message)
    }
}

/// "did you mean `x`?" for the candidate closest to `found`, if one is close enough.
///
/// Jaro-Winkler favours a shared prefix, which suits ids (`rferl-2017` →
/// `rferl-2017-12-27-sochi`) and typos (`MoreThen` → `MoreThan`); the floor keeps
/// unrelated words from being suggested.
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(found, candidates).map(|best| format!("did you mean `{best}`?"))
}

/// The candidate closest to `found`, if one is close enough.
pub fn closest<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    const FLOOR: f64 = 0.8;
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if candidate == found {
            continue;
        }
        let score = strsim::jaro_winkler(&found.to_lowercase(), &candidate.to_lowercase());
        // Ties keep the first candidate, so suggestions are stable.
        if score >= FLOOR && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("MoreThen", ["Exactly", "MoreThan", "About"]).as_deref(),
            Some("did you mean `MoreThan`?")
        );
        assert_eq!(
            closest("rferl-2017-12-27", ["syria", "rferl-2017-12-27-sochi"]),
            Some("rferl-2017-12-27-sochi")
        );
        assert_eq!(
            closest("people-kiled", ["people-killed", "duration"]),
            Some("people-killed")
        );
        assert_eq!(closest("xyz", ["people-killed", "duration"]), None);
    }
}
