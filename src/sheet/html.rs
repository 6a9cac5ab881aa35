//! The sheet as one standalone HTML page: semantic markup, every ledger string escaped,
//! no script that runs and nothing loaded from elsewhere, readable on a phone and
//! printable, with the claims as schema.org `Claim` objects in JSON-LD.
//!
//! JSON-LD sits in a `<script type="application/ld+json">` element, which browsers
//! never run (a data block, HTML §4.12.1); `<`, `>` and `&` are escaped inside it, so
//! no ledger string can close it.

use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::{Entry, Footnote, Sheet, markdown::details};

const STYLE: &str = "
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --rule: #d9d9e0; --accent: #124e9c; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 17px/1.55 Georgia, 'Times New Roman', serif; }
article { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
.generated, .details, .footnotes { color: var(--muted); }
.generated { margin: 0 0 1.5rem; font-size: .9rem; }
.warning { border-left: 4px solid #b3261e; background: #fbeceb; padding: .6rem .9rem; }
ul.claims { list-style: none; padding: 0; margin: 0; }
ul.claims > li { margin: 0 0 1.1rem; break-inside: avoid; }
.text { margin: 0; }
.details { margin: .15rem 0 0; font-size: .92rem; font-style: italic; }
blockquote { margin: 0; padding-left: .9rem; border-left: 3px solid var(--rule); }
blockquote p { margin: 0; }
.stale, .note { margin: .3rem 0 0; font-size: .92rem; }
.stale strong { color: #8a4b00; }
table { border-collapse: collapse; margin: .5rem 0 0; font-size: .92rem; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
sup.ref a { text-decoration: none; color: var(--accent); padding: 0 .1rem; }
a { color: var(--accent); overflow-wrap: anywhere; }
.footnotes ol { padding-left: 1.4rem; font-size: .9rem; }
.footnotes li { margin-bottom: .6rem; }
.footnotes p { margin: 0 0 .2rem; }
:target { background: #fff6cc; }
@media (max-width: 30rem) { body { font-size: 16px; } h1 { font-size: 1.5rem; } }
@media print {
  body { font-size: 11pt; } article { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; } :target { background: none; }
  .footnotes a[href^='http']::after { content: ''; }
}
";

/// A string usable in an `id` (and its `#` link): letters, digits and hyphens.
fn anchor(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Footnote markers; those in an entry's own text get an id to link back to.
fn refs(entry_id: Option<&str>, numbers: &[usize]) -> String {
    let mut out = String::new();
    for n in numbers {
        let back =
            entry_id.map_or_else(String::new, |id| format!(" id=\"ref-{}-{n}\"", anchor(id)));
        let _ = write!(
            out,
            "<sup class=\"ref\"><a href=\"#fn-{n}\"{back} aria-label=\"source {n}\">{n}</a></sup>"
        );
    }
    out
}

fn entry(out: &mut String, entry: &Entry) {
    let _ = writeln!(
        out,
        "<li id=\"claim-{}\" class=\"{}\">",
        anchor(&entry.id),
        entry.kind
    );
    let notes = refs(Some(&entry.id), &entry.footnotes);
    match &entry.words {
        Some(words) => {
            let _ = writeln!(
                out,
                "<blockquote><p>“{}”{notes}</p></blockquote>",
                text(words)
            );
            let _ = writeln!(out, "<p class=\"details\">— {}</p>", text(&details(entry)));
        }
        None => {
            let _ = writeln!(out, "<p class=\"text\">{}{notes}</p>", text(&entry.text));
            let _ = writeln!(out, "<p class=\"details\">{}</p>", text(&details(entry)));
        }
    }
    if let Some(stale) = &entry.stale {
        let _ = writeln!(
            out,
            "<p class=\"stale\"><strong>Stale:</strong> {}.</p>",
            text(stale)
        );
    }
    for note in &entry.notes {
        let _ = writeln!(
            out,
            "<p class=\"note\"><strong>Note:</strong> {}.</p>",
            text(note.trim_end_matches('.'))
        );
    }
    if !entry.disagreements.is_empty() {
        out.push_str("<table><caption>Sources disagree</caption>\n<thead><tr><th scope=\"col\">According to</th><th scope=\"col\">Figure</th><th scope=\"col\">When</th></tr></thead>\n<tbody>\n");
        let own = entry
            .voice
            .clone()
            .unwrap_or_else(|| "the ledger".to_owned());
        let rows = std::iter::once((
            own.as_str(),
            entry.value.as_deref().unwrap_or_default(),
            entry.when.as_deref(),
            &entry.footnotes,
        ))
        .chain(entry.disagreements.iter().map(|o| {
            (
                o.voice.as_str(),
                o.value.as_str(),
                o.when.as_deref(),
                &o.footnotes,
            )
        }));
        for (voice, value, when, footnotes) in rows {
            let links = refs(None, footnotes);
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}{links}</td><td>{}</td></tr>",
                text(voice),
                text(value),
                text(when.unwrap_or_default())
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</li>\n");
}

fn footnote(out: &mut String, note: &Footnote, first_ref: Option<&str>) {
    let mut citation = text(&note.citation).into_owned();
    if let Some(url) = &note.url {
        let shown = text(url).into_owned();
        let link = format!("<a href=\"{}\" rel=\"noreferrer\">{shown}</a>", attr(url));
        if let Some(at) = citation.find(&shown) {
            citation.replace_range(at..at + shown.len(), &link);
        }
    }
    let back = first_ref.map_or_else(String::new, |r| {
        format!(" <a href=\"#{r}\" aria-label=\"back to the claim\">↩</a>")
    });
    let _ = writeln!(out, "<li id=\"fn-{}\"><p>{citation}{back}</p>", note.number);
    if !note.excerpts.is_empty() {
        let passages: Vec<String> = note
            .excerpts
            .iter()
            .map(|e| {
                let claims: Vec<String> = e
                    .claims
                    .iter()
                    .map(|c| format!("<a href=\"#claim-{}\">{}</a>", anchor(c), text(c)))
                    .collect();
                format!("<q>{}</q> ({})", text(&e.text), claims.join(", "))
            })
            .collect();
        let _ = writeln!(out, "<p>Supporting passages: {}.</p>", passages.join("; "));
    }
    out.push_str("</li>\n");
}

/// The claims as schema.org `Claim` objects, for search engines and fact-check tools.
fn json_ld(sheet: &Sheet) -> String {
    let claims: Vec<serde_json::Value> = sheet
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .map(|e| {
            let appearances: Vec<serde_json::Value> = e
                .footnotes
                .iter()
                .filter_map(|n| sheet.footnotes.iter().find(|f| f.number == *n))
                .map(|f| {
                    serde_json::json!({
                        "@type": "NewsArticle",
                        "headline": f.title,
                        "url": f.url,
                        "datePublished": f.published,
                        "publisher": { "@type": "Organization", "name": f.publisher },
                    })
                })
                .collect();
            let mut claim = serde_json::json!({
                "@type": "Claim",
                "@id": format!("#claim-{}", anchor(&e.id)),
                "text": e.words.as_ref().unwrap_or(&e.text),
                "appearance": appearances,
            });
            if let Some(voice) = &e.voice {
                claim["author"] = serde_json::json!({ "@type": "Thing", "name": voice });
            }
            if let Some(date) = &e.date {
                claim["temporalCoverage"] = date.clone().into();
            }
            claim
        })
        .collect();
    let document = serde_json::json!({ "@context": "https://schema.org", "@graph": claims });
    // Nothing inside may end the element or start markup.
    serde_json::to_string_pretty(&document)
        .expect("JSON-LD serializes")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The sheet as a standalone HTML page.
pub fn html(sheet: &Sheet) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"factledger\">\n<title>{}</title>\n<style>{STYLE}</style>\n<script type=\"application/ld+json\">\n{}\n</script>\n</head>\n<body>\n<article>\n<header>\n<h1>{}</h1>\n",
        text(&sheet.title),
        json_ld(sheet),
        text(&sheet.title)
    );
    let generated = sheet
        .generated
        .as_ref()
        .map_or_else(String::new, |d| format!(" on {}", text(d)));
    let _ = writeln!(
        out,
        "<p class=\"generated\">Generated{generated} from <code>{}</code>.</p>\n</header>",
        text(&sheet.ledger)
    );
    if let Some(warning) = &sheet.warning {
        let _ = writeln!(
            out,
            "<p class=\"warning\" role=\"alert\"><strong>Warning:</strong> {}</p>",
            text(warning)
        );
    }
    let sections = sheet
        .groups
        .iter()
        .map(|g| (g.heading.as_str(), &g.entries));
    let history = (!sheet.history.is_empty()).then_some(("History", &sheet.history));
    for (i, (heading, entries)) in sections.chain(history).enumerate() {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"group-{i}\">\n<h2 id=\"group-{i}\">{}</h2>\n<ul class=\"claims\">",
            text(heading)
        );
        for e in entries {
            entry(&mut out, e);
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !sheet.footnotes.is_empty() {
        out.push_str("<section class=\"footnotes\" aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n<ol>\n");
        let all: Vec<&Entry> = sheet
            .groups
            .iter()
            .flat_map(|g| &g.entries)
            .chain(&sheet.history)
            .collect();
        for note in &sheet.footnotes {
            let first = all
                .iter()
                .find(|e| e.footnotes.contains(&note.number))
                .map(|e| format!("ref-{}-{}", anchor(&e.id), note.number));
            footnote(&mut out, note, first.as_deref());
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}
