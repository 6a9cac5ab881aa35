//! Footnote citations: the house style, or a standard style through hayagriva's CSL
//! processor.
//!
//! hayagriva's HTML output does not escape, so citations are rendered as plain text
//! and each renderer escapes them. Titles are passed verbatim (`{...}`), since CSL
//! styles otherwise change their capitalisation.

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::Style as CslStyle;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
};

use super::Style;
use crate::model::Source;
use crate::value::{DateField, PartialDate};

/// The citation of `source` in `style`, as plain text, followed by what it reports
/// from ("With reporting by AP and Reuters").
pub fn citation(source: &Source, publisher: &str, via: Option<&str>, style: Style) -> String {
    let words = |d: &Option<DateField>| {
        d.as_ref()
            .and_then(DateField::date)
            .map(PartialDate::to_words)
    };
    let main = match style {
        Style::House => {
            let mut parts = vec![format!("“{}”", source.title), publisher.to_owned()];
            parts.extend(words(&source.published));
            let mut text = parts.join(", ") + ".";
            if let Some(url) = &source.url {
                text.push(' ');
                text.push_str(url);
                text.push('.');
            }
            if let Some(retrieved) = words(&source.retrieved) {
                text += " Retrieved ";
                text += &retrieved;
                text.push('.');
            }
            text
        }
        Style::Apa => csl(source, publisher, "apa", false),
        Style::Chicago => csl(source, publisher, "chicago-notes", true),
    };
    match via {
        Some(via) => format!("{main} {via}."),
        None => main,
    }
}

/// A CSL rendering: the bibliography entry, or for a notes style the full note.
fn csl(source: &Source, publisher: &str, name: &str, note: bool) -> String {
    // Hayagriva reads JSON as YAML; braces keep titles verbatim.
    let verbatim = |t: &str| format!("{{{}}}", t.replace(['{', '}'], ""));
    let mut entry = serde_json::json!({
        "type": "article",
        "title": verbatim(&source.title),
        "parent": { "type": "newspaper", "title": verbatim(publisher) },
    });
    if let Some(date) = source.published.as_ref().and_then(DateField::date) {
        entry["date"] = date.to_string().into();
    }
    if let Some(url) = &source.url {
        entry["url"] = match source.retrieved.as_ref().and_then(DateField::date) {
            Some(retrieved) => serde_json::json!({ "value": url, "date": retrieved.to_string() }),
            None => url.clone().into(),
        };
    }
    let document = serde_json::json!({ "source": entry }).to_string();
    let Ok(bibliography) = hayagriva::io::from_yaml_str(&document) else {
        return format!("{}. {publisher}.", source.title);
    };
    let CslStyle::Independent(style) = ArchivedStyle::by_name(name).expect("a bundled style").get()
    else {
        unreachable!("bundled styles are independent")
    };
    let locales = hayagriva::archive::locales();
    let mut driver = BibliographyDriver::new();
    for entry in bibliography.iter() {
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(entry)],
            &style,
            &locales,
        ));
    }
    let rendered = driver.finish(BibliographyRequest {
        style: &style,
        locale: None,
        locale_files: &locales,
    });
    let mut out = String::new();
    let written = if note {
        rendered
            .citations
            .first()
            .map(|c| c.citation.write_buf(&mut out, BufWriteFormat::Plain))
    } else {
        rendered
            .bibliography
            .as_ref()
            .and_then(|b| b.items.first())
            .map(|i| i.content.write_buf(&mut out, BufWriteFormat::Plain))
    };
    match written {
        Some(Ok(())) => out,
        _ => format!("{}. {publisher}.", source.title),
    }
}
