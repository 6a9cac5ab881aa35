//! rustc-style output: the message, the file and line, the source line with a caret.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source_map::SourceMap;

/// Whether to colour the output (only for a terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Colored,
}

/// Labels closer than this many lines share one snippet.
const NEARBY_LINES: usize = 8;

/// All findings, one block each, separated by blank lines.
pub fn human(diagnostics: &[Diagnostic], files: &SourceMap, style: Style) -> String {
    let renderer = match style {
        Style::Plain => Renderer::plain(),
        Style::Colored => Renderer::styled(),
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&render_one(diagnostic, files, &renderer));
        out.push_str("\n\n");
    }
    out
}

/// A run of lines of one file and the labels shown on them.
struct Excerpt<'a> {
    file: crate::source_map::FileId,
    first_line: usize,
    last_line: usize,
    labels: Vec<(&'a Label, bool)>,
}

fn render_one(diagnostic: &Diagnostic, files: &SourceMap, renderer: &Renderer) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let mut excerpts: Vec<Excerpt> = Vec::new();
    let labels = std::iter::once((&diagnostic.primary, true))
        .chain(diagnostic.secondary.iter().map(|l| (l, false)));
    for (label, primary) in labels {
        let file = files.file(label.span.file);
        let first = file.line_index(label.span.start as usize);
        let last = file
            .line_index((label.span.end as usize).max(label.span.start as usize + 1) - 1)
            .max(first);
        let near = excerpts.iter_mut().find(|e| {
            e.file == label.span.file
                && first <= e.last_line + NEARBY_LINES
                && e.first_line <= last + NEARBY_LINES
        });
        match near {
            Some(e) => {
                e.first_line = e.first_line.min(first);
                e.last_line = e.last_line.max(last);
                e.labels.push((label, primary));
            }
            None => excerpts.push(Excerpt {
                file: label.span.file,
                first_line: first,
                last_line: last,
                labels: vec![(label, primary)],
            }),
        }
    }
    let title = level.primary_title(&diagnostic.message).id(diagnostic.rule);
    let snippets: Vec<Snippet<'_, annotate_snippets::Annotation<'_>>> = excerpts
        .iter()
        .map(|e| {
            let file = files.file(e.file);
            let start = file.line_range(e.first_line).start;
            let end = file.line_range(e.last_line).end;
            let source = &file.text[start..end];
            let name = file.name.to_string_lossy().into_owned();
            let mut snippet = Snippet::source(source)
                .line_start(e.first_line + 1)
                .path(name)
                .fold(true);
            for (label, primary) in &e.labels {
                let kind = if *primary {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                };
                let s = (label.span.start as usize).clamp(start, end) - start;
                let t = (label.span.end as usize).clamp(start, end) - start;
                snippet = snippet.annotation(kind.span(s..t.max(s)).label(label.text.clone()));
            }
            snippet
        })
        .collect();
    let mut group = title.elements(snippets);
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help));
    }
    if let Some(reason) = &diagnostic.allowed {
        group = group.element(Level::NOTE.message(format!("allowed for this record: {reason}")));
    }
    let report: [Group; 1] = [group];
    renderer.render(&report)
}
