//! The files of a ledger and the way from a byte offset to a line and column.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

/// Which file of the ledger a span points into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FileId(pub u32);

/// A byte range in one file of the ledger. Line and column are computed when rendering.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        // Files over 4 GiB are refused when loading, so offsets fit.
        Span {
            file,
            start: u32::try_from(range.start).expect("file under 4 GiB"),
            end: u32::try_from(range.end).expect("file under 4 GiB"),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A line and column, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One file of the ledger: its name as shown to users and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or as an include resolved it), for messages.
    pub name: PathBuf,
    pub text: String,
    /// Byte offset of each line start, computed on first use: most runs never need it.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(name: impl Into<PathBuf>, text: String) -> SourceFile {
        SourceFile {
            name: name.into(),
            text,
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// The line (from 0) that holds `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts().partition_point(|&start| start <= offset) - 1
    }

    /// The byte range of line `index` (from 0), without its line break.
    pub fn line_range(&self, index: usize) -> std::ops::Range<usize> {
        let starts = self.line_starts();
        let start = starts[index];
        let end = starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// Line and column of a byte offset (clamped to the text, snapped to a char boundary).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_index(offset);
        let start = self.line_starts()[line];
        LineCol {
            line: line + 1,
            column: self.text[start..offset].chars().count() + 1,
        }
    }

    /// The byte offset of a line and column (both from 1, column in chars) inside `text`,
    /// as ron reports positions relative to the record it parsed.
    pub fn offset_in(text: &str, at: LineCol) -> usize {
        let mut line_start = 0;
        for _ in 1..at.line {
            match text[line_start..].find('\n') {
                Some(i) => line_start += i + 1,
                None => return text.len(),
            }
        }
        text[line_start..]
            .char_indices()
            .nth(at.column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| line_start + i)
    }
}

/// All files of a ledger.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(u32::try_from(self.files.len() - 1).expect("fewer than 2^32 files"))
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(u32::try_from(i).expect("fewer than 2^32 files")), f))
    }

    /// The text a span covers.
    pub fn text(&self, span: Span) -> &str {
        &self.file(span.file).text[span.range()]
    }

    /// The name and line:column where a span starts.
    pub fn position(&self, span: Span) -> (&Path, LineCol) {
        let file = self.file(span.file);
        (&file.name, file.line_col(span.start as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_and_handle_crlf() {
        let file = SourceFile::new("x.ron", "ab\r\nçd\nlast".to_owned());
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(6), LineCol { line: 2, column: 2 });
        assert_eq!(file.line_range(0), 0..2);
        assert_eq!(file.line_col(100), LineCol { line: 3, column: 5 });
    }

    #[test]
    fn offsets_in_a_record_follow_ron_positions() {
        let text = "A(\n  b: ç, c)";
        assert_eq!(
            SourceFile::offset_in(text, LineCol { line: 2, column: 6 }),
            8
        );
        assert_eq!(
            &text[SourceFile::offset_in(text, LineCol { line: 2, column: 9 })..],
            "c)"
        );
    }
}
