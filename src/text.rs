//! Text as the attribution rules compare it: whitespace, typographic quotes and dashes
//! made uniform, nothing else (no case folding, no punctuation stripping), so that a
//! quote still has to be verbatim.

/// `s` with every run of whitespace as one space, curly quotes as straight ones and
/// dashes as `-`, trimmed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
            | '\u{00bb}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => '-',
            c => c,
        });
    }
    out
}

/// How many times `needle` occurs in `haystack` (both already normalised), overlaps
/// included: "a a" occurs twice in "a a a".
pub fn occurrences(haystack: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut count = 0;
    let mut at = 0;
    while let Some(i) = finder.find(&haystack.as_bytes()[at..]) {
        count += 1;
        at += i + 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_whitespace_quotes_and_dashes_only() {
        assert_eq!(
            normalize("  \u{201c}We  reject\nthis\u{201d} \u{2014} Russia\u{2019}s  "),
            "\"We reject this\" - Russia's"
        );
        assert_eq!(
            normalize("Case Stays, punctuation too."),
            "Case Stays, punctuation too."
        );
    }

    #[test]
    fn counts_overlapping_occurrences() {
        assert_eq!(occurrences("a a a", "a a"), 2);
        assert_eq!(occurrences("abc", "x"), 0);
        assert_eq!(occurrences("abc", ""), 0);
    }
}
