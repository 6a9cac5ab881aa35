//! `bad-url`: a source URL that is not an absolute http or https address.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a source `url` that does not parse, is relative, has no host, or uses a
    /// scheme other than `http` or `https` (`javascript:`, `ftp:`, `file:`).
    ///
    /// ## Why it matters
    /// Fact sheets turn URLs into links. A `javascript:` link would run code in a
    /// reader's browser; a relative or misspelt one leads nowhere.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", url: "www.rferl.org/a/syria-talks/28938347.html", ...)
    /// ```
    ///
    /// ## How to fix
    /// Copy the full address from the browser, scheme included.
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", url: "https://www.rferl.org/a/syria-talks/28938347.html", ...)
    /// ```
    pub static BAD_URL = Rule {
        name: "bad-url",
        severity: Severity::Error,
        check,
    };
}

/// Why `text` is not a URL a fact sheet may link to, if it is not.
pub fn url_problem(text: &str) -> Option<String> {
    match url::Url::parse(text) {
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            Some(format!("`{text}` is not an absolute URL"))
        }
        Err(e) => Some(format!("`{text}` is not a valid URL: {e}")),
        Ok(url) if !matches!(url.scheme(), "http" | "https") => Some(format!(
            "`{text}` uses the scheme `{}`; only http and https are allowed",
            url.scheme()
        )),
        Ok(url) if url.host_str().is_none_or(str::is_empty) => {
            Some(format!("`{text}` has no host"))
        }
        Ok(_) => None,
    }
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    cx.ledger
        .sources
        .iter()
        .filter_map(|source| {
            let problem = url_problem(source.url.as_deref()?)?;
            let span = cx.locate(Record::Source(source), &Path::field("url"));
            Some(
                Diagnostic::new(&BAD_URL, span, problem)
                    .label("not a web address")
                    .help("write the full address, starting with `https://`"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::url_problem;

    #[test]
    fn only_absolute_web_addresses_pass() {
        assert_eq!(url_problem("https://www.rferl.org/a/28938347.html"), None);
        assert_eq!(url_problem("http://example.org"), None);
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org/x",
            "www.rferl.org/a",
            "https://exa mple.org",
            "file:///etc/passwd",
            "https://",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }

    crate::test::fixture_tests!(super::BAD_URL);
}
