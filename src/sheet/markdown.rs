//! The sheet as Markdown: CommonMark, with footnotes as GitHub and most renderers
//! write them (`[^1]`). Every ledger string is escaped, so raw HTML or Markdown in a
//! claim prints as text.

use std::fmt::Write as _;

use super::{Entry, Sheet, capitalize};

/// Backslash-escapes Markdown's punctuation, so text is never read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        // Enough to stop emphasis, code, links, raw HTML, tables, strikethrough and
        // entities; `(` and `!` only matter after `[`, which is escaped.
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

fn refs(numbers: &[usize]) -> String {
    let mut out = String::new();
    for n in numbers {
        let _ = write!(out, "[^{n}]");
    }
    out
}

/// What an entry's second line says: value, when, attribution.
pub(super) fn details(entry: &Entry) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(value) = &entry.value {
        parts.push(value.clone());
    }
    if let Some(when) = &entry.when {
        parts.push(when.clone());
    }
    parts.push(entry.attribution.clone());
    capitalize(&parts.join(", ")) + "."
}

fn entry(out: &mut String, entry: &Entry) {
    match &entry.words {
        Some(words) => {
            let _ = writeln!(out, "- > “{}”{}", escape(words), refs(&entry.footnotes));
            let _ = writeln!(out, "  >\n  > — {}", escape(&details(entry)));
        }
        None => {
            let _ = writeln!(out, "- {}{}  ", escape(&entry.text), refs(&entry.footnotes));
            let _ = writeln!(out, "  *{}*", escape(&details(entry)));
        }
    }
    if let Some(stale) = &entry.stale {
        let _ = writeln!(out, "\n  **Stale:** {}.", escape(stale));
    }
    for note in &entry.notes {
        let _ = writeln!(out, "\n  **Note:** {}.", escape(note.trim_end_matches('.')));
    }
    if !entry.disagreements.is_empty() {
        let _ = writeln!(
            out,
            "\n  Sources disagree:\n\n  | According to | Figure | When |\n  | --- | --- | --- |"
        );
        let own = entry
            .voice
            .clone()
            .unwrap_or_else(|| "the ledger".to_owned());
        let _ = writeln!(
            out,
            "  | {} | {}{} | {} |",
            escape(&own),
            escape(entry.value.as_deref().unwrap_or_default()),
            refs(&entry.footnotes),
            escape(entry.when.as_deref().unwrap_or_default())
        );
        for other in &entry.disagreements {
            let _ = writeln!(
                out,
                "  | {} | {}{} | {} |",
                escape(&other.voice),
                escape(&other.value),
                refs(&other.footnotes),
                escape(other.when.as_deref().unwrap_or_default())
            );
        }
    }
    out.push('\n');
}

/// The sheet as a Markdown document.
pub fn markdown(sheet: &Sheet) -> String {
    let mut out = format!("# {}\n\n", escape(&sheet.title));
    let generated = sheet
        .generated
        .as_ref()
        .map_or_else(String::new, |d| format!(" on {d}"));
    let _ = writeln!(
        out,
        "*Generated{generated} from {}.*\n",
        escape(&sheet.ledger)
    );
    if let Some(warning) = &sheet.warning {
        let _ = writeln!(out, "> **Warning:** {}\n", escape(warning));
    }
    for group in &sheet.groups {
        let _ = writeln!(out, "## {}\n", escape(&group.heading));
        for e in &group.entries {
            entry(&mut out, e);
        }
    }
    if !sheet.history.is_empty() {
        out.push_str("## History\n\nSuperseded by newer claims.\n\n");
        for e in &sheet.history {
            entry(&mut out, e);
        }
    }
    if !sheet.footnotes.is_empty() {
        out.push_str("## Sources\n\n");
        for note in &sheet.footnotes {
            let mut citation = escape(&note.citation);
            // A linkable URL becomes an autolink, which CommonMark takes as written.
            if let Some(url) = note.url.as_deref().filter(|u| !u.contains(['<', '>', ' ']))
                && let Some(at) = citation.find(&escape(url))
            {
                citation.replace_range(at..at + escape(url).len(), &format!("<{url}>"));
            }
            let _ = writeln!(out, "[^{}]: {citation}", note.number);
            if !note.excerpts.is_empty() {
                let passages: Vec<String> = note
                    .excerpts
                    .iter()
                    .map(|e| format!("“{}” ({})", escape(&e.text), escape(&e.claims.join(", "))))
                    .collect();
                let _ = writeln!(out, "    Supporting passages: {}.", passages.join("; "));
            }
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_ledger_text_prints_as_text() {
        assert_eq!(
            escape("<script>*x*</script> [a](javascript:1)"),
            "\\<script\\>\\*x\\*\\</script\\> \\[a\\](javascript:1)"
        );
    }
}
