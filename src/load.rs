//! Reading a ledger: file → outline → records parsed one by one → [`Ledger`].
//!
//! Each record is parsed on its own, so a broken record is reported with its exact
//! place and every other record is still read and checked.

use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use ron::extensions::Extensions;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error::Error;
use crate::model::{self, Claim, Entity, Ledger, Measure, Policy, Source};
use crate::rules::parse_error::PARSE_ERROR;
use crate::source_map::{FileId, LineCol, SourceFile, SourceMap, Span};
use crate::syntax::{self, RecordSlice, Section, Step, SyntaxError};

/// A ledger as read, with its files and what could not be read.
#[derive(Debug)]
pub struct Loaded {
    pub ledger: Ledger,
    pub files: SourceMap,
    /// The folder that archive paths are relative to.
    pub base_dir: PathBuf,
    /// `parse-error` findings.
    pub diagnostics: Vec<Diagnostic>,
    /// Ids of records that could not be parsed, so references to them are not
    /// reported a second time as unknown.
    pub broken_ids: Vec<(Section, String)>,
    /// The canonical path of each file, by [`FileId`], when it has one on disk.
    pub paths: Vec<Option<PathBuf>>,
}

impl Loaded {
    /// The file of the ledger that is `path` on disk, if it is one of them.
    pub fn file_at(&self, path: &Path) -> Option<FileId> {
        let wanted = canonical(path);
        let index = self
            .paths
            .iter()
            .position(|p| p.as_deref() == Some(wanted.as_path()))?;
        Some(FileId(u32::try_from(index).expect("fewer than 2^32 files")))
    }
}

impl Loaded {
    /// True when some part of the ledger could not be read.
    pub fn has_parse_errors(&self) -> bool {
        !self.diagnostics.is_empty()
    }
}

/// Reads and parses the ledger at `path`, with the files it includes.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    load_replacing(path, None)
}

/// Like [`load`], but reads `replaced.1` as the text of the file `replaced.0` (the
/// root or an included file) instead of what is on disk: how `add` checks a ledger
/// with the record it is about to write.
pub fn load_replacing(path: &Path, replaced: Option<(&Path, &str)>) -> Result<Loaded, Error> {
    let replaced = replaced.map(|(p, text)| (canonical(p), text));
    let bytes = match &replaced {
        Some((p, text)) if *p == canonical(path) => text.as_bytes().to_vec(),
        _ => read(path)?,
    };
    let base_dir = folder_of(path);
    let mut loader = Loader::new(base_dir.clone());
    loader.replaced = replaced.map(|(p, text)| (p, text.to_owned()));
    loader.root(path, bytes);
    Ok(loader.finish())
}

/// The folder a file is in, `.` for a bare file name.
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.is_dir() {
        return Err(read_error(std::io::Error::other(
            "it is a directory, not a ledger file",
        )));
    }
    if meta.len() > u64::from(u32::MAX) {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    std::fs::read(path).map_err(read_error)
}

/// Parses a ledger from memory; `name` is how messages call the file, and includes
/// are resolved from `base_dir`.
pub fn load_bytes(name: &Path, bytes: Vec<u8>, base_dir: PathBuf) -> Loaded {
    let mut loader = Loader::new(base_dir);
    loader.root(name, bytes);
    loader.finish()
}

/// How deep includes may nest: deeper is a mistake, and the limit ends any loop that
/// canonical paths could miss.
const MAX_INCLUDE_DEPTH: usize = 16;

/// Reads a root ledger and, file by file, what it includes.
struct Loader {
    out: Loaded,
    files: SourceMap,
    /// The canonical folder no included file may leave.
    root_dir: PathBuf,
    /// Canonical path of each file read, by file.
    paths: Vec<Option<PathBuf>>,
    /// The include chain of each file, for loop messages.
    parents: Vec<Option<FileId>>,
    replaced: Option<(PathBuf, String)>,
}

impl Loader {
    fn new(base_dir: PathBuf) -> Self {
        Loader {
            root_dir: canonical(&base_dir),
            out: Loaded {
                ledger: Ledger::default(),
                files: SourceMap::default(),
                base_dir,
                diagnostics: Vec::new(),
                broken_ids: Vec::new(),
                paths: Vec::new(),
            },
            files: SourceMap::default(),
            paths: Vec::new(),
            parents: Vec::new(),
            replaced: None,
        }
    }

    fn finish(mut self) -> Loaded {
        self.out.files = self.files;
        self.out.paths = self.paths;
        self.out
    }

    /// Adds a file's text, or reports why it is not text.
    fn add_file(
        &mut self,
        name: &Path,
        bytes: Vec<u8>,
        path: Option<PathBuf>,
        parent: Option<FileId>,
    ) -> Option<FileId> {
        let (text, bad) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let len = e.utf8_error().error_len().unwrap_or(1);
                // Lossy decoding maps the bad bytes to one U+FFFD (3 bytes) at the same offset.
                (
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    Some((at, len)),
                )
            }
        };
        let file = self.files.add(SourceFile::new(name, text));
        self.paths.push(path);
        self.parents.push(parent);
        if let Some((at, len)) = bad {
            let label = if len == 1 {
                "a byte that is not UTF-8".to_owned()
            } else {
                format!("{len} bytes that are not UTF-8")
            };
            self.out.diagnostics.push(
                Diagnostic::new(
                    &PARSE_ERROR,
                    Span::new(file, at..at + 3),
                    "the ledger is not valid UTF-8",
                )
                .label(label)
                .help("save the file as UTF-8"),
            );
            return None;
        }
        Some(file)
    }

    fn root(&mut self, name: &Path, bytes: Vec<u8>) {
        let path = name.canonicalize().ok();
        let Some(root) = self.add_file(name, bytes, path, None) else {
            return;
        };
        let mut queue = vec![root];
        while let Some(file) = queue.pop() {
            let includes = parse_file(&mut self.out, &self.files, file, file == root);
            // Reversed, so the queue reads includes in the order they are written.
            let mut found = Vec::new();
            for (pattern, span) in includes {
                found.extend(self.include(file, &pattern, span));
            }
            queue.extend(found.into_iter().rev());
        }
    }

    fn depth(&self, mut file: FileId) -> usize {
        let mut depth = 0;
        while let Some(parent) = self.parents[file.0 as usize] {
            depth += 1;
            file = parent;
        }
        depth
    }

    fn fail(&mut self, span: Span, message: String, label: &str, help: &str) {
        self.out.diagnostics.push(
            Diagnostic::new(&PARSE_ERROR, span, message)
                .label(label)
                .help(help),
        );
    }

    /// Reads the files an `include` pattern names, relative to the including file.
    fn include(&mut self, from: FileId, pattern: &str, span: Span) -> Vec<FileId> {
        let relative = Path::new(pattern);
        if relative.is_absolute()
            || relative
                .components()
                .any(|c| matches!(c, std::path::Component::ParentDir))
        {
            let message = format!("include `{pattern}` leads out of the ledger's folder");
            self.fail(
                span,
                message,
                "not read",
                "include files inside the root ledger's folder, by a relative path",
            );
            return Vec::new();
        }
        if self.depth(from) >= MAX_INCLUDE_DEPTH {
            let message = format!("includes nest deeper than {MAX_INCLUDE_DEPTH} files");
            self.fail(
                span,
                message,
                "too deep",
                "include the files from the root ledger instead",
            );
            return Vec::new();
        }
        let from_name = self.files.file(from).name.clone();
        // Named as the user would write them: "desks/a.ron" next to "ledger.ron".
        let shown_dir = from_name.parent().unwrap_or(Path::new("")).to_path_buf();
        let disk_dir = self.paths[from.0 as usize]
            .as_deref()
            .map_or_else(|| self.out.base_dir.clone(), folder_of);
        let matches: Vec<PathBuf> = match glob::glob(&disk_dir.join(pattern).to_string_lossy()) {
            Ok(paths) => paths
                .filter_map(Result::ok)
                .filter(|p| p.is_file())
                .collect(),
            Err(e) => {
                let message = format!("include `{pattern}` is not a valid pattern: {}", e.msg);
                self.fail(
                    span,
                    message,
                    "not read",
                    "use `*` and `?` as in `desks/*.ron`",
                );
                return Vec::new();
            }
        };
        if matches.is_empty() {
            let message = format!("include `{pattern}` names no file");
            self.fail(
                span,
                message,
                "no such file",
                "check the path; it is relative to the file that includes it",
            );
            return Vec::new();
        }
        let mut files = Vec::new();
        for disk in matches {
            let canonical_path = canonical(&disk);
            let shown = shown_dir.join(disk.strip_prefix(&disk_dir).unwrap_or(&disk));
            if !canonical_path.starts_with(&self.root_dir) {
                let message = format!(
                    "`{}` is a link that leads out of the ledger's folder",
                    shown.display()
                );
                self.fail(
                    span,
                    message,
                    "not read",
                    "keep included files inside the root ledger's folder",
                );
                continue;
            }
            if let Some(i) = self
                .paths
                .iter()
                .position(|p| p.as_deref() == Some(canonical_path.as_path()))
            {
                let mut chain = Some(from);
                let mut in_loop = false;
                while let Some(f) = chain {
                    in_loop |= f.0 as usize == i;
                    chain = self.parents[f.0 as usize];
                }
                let (message, help) = if in_loop {
                    (
                        format!("`{}` includes itself in a loop", shown.display()),
                        "remove the include that leads back",
                    )
                } else {
                    (
                        format!("`{}` is included twice", shown.display()),
                        "include each file once",
                    )
                };
                self.fail(span, message, "included already", help);
                continue;
            }
            let bytes = match &self.replaced {
                Some((p, text)) if *p == canonical_path => text.as_bytes().to_vec(),
                _ => match read(&disk) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        self.fail(
                            span,
                            format!("{e}"),
                            "not read",
                            "check that the file can be read",
                        );
                        continue;
                    }
                },
            };
            files.extend(self.add_file(&shown, bytes, Some(canonical_path), Some(from)));
        }
        files
    }
}

/// The options every record is parsed with: `implicit_some` lets optional fields be
/// written plainly (`since: "2011-03"`), as the format documents.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses one file's records into the ledger and returns its `include` patterns, each
/// with where it is written.
fn parse_file(
    out: &mut Loaded,
    files: &SourceMap,
    file: FileId,
    is_root: bool,
) -> Vec<(String, Span)> {
    let text = &files.file(file).text;
    // A byte-order mark is harmless; skip it rather than refuse the file.
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let outline = match syntax::outline(text, start) {
        Ok(outline) => outline,
        Err(error) => {
            out.diagnostics.push(syntax_diagnostic(file, error));
            return Vec::new();
        }
    };
    out.diagnostics.extend(
        outline
            .errors
            .into_iter()
            .map(|e| syntax_diagnostic(file, e)),
    );
    let options = ron_options();
    // Records are independent: parse them on every core, then keep file order.
    let parsed: Vec<Result<Parsed, Box<Diagnostic>>> = outline
        .records
        .par_iter()
        .with_min_len(256)
        .map(|(section, slice)| parse_record(text, file, *section, slice, &options))
        .collect();
    for ((section, slice), result) in outline.records.iter().zip(parsed) {
        match result {
            Ok(record) => record.add_to(&mut out.ledger),
            Err(diagnostic) => {
                if let Some(id) = recover_id(text, slice.span.clone()) {
                    out.broken_ids.push((*section, id));
                }
                out.diagnostics.push(*diagnostic);
            }
        }
    }
    if let Some(range) = outline.policy {
        if is_root {
            match options.from_str::<Policy>(&text[range.clone()]) {
                Ok(mut policy) => {
                    policy.span = Span::new(file, range);
                    out.ledger.policy = policy;
                }
                Err(e) => out.diagnostics.push(ron_diagnostic(text, file, range, &e)),
            }
        } else {
            out.diagnostics.push(
                Diagnostic::new(
                    &PARSE_ERROR,
                    Span::new(file, range),
                    "`policy` belongs in the root ledger",
                )
                .label("in an included file")
                .help("move the policy to the ledger that includes this file"),
            );
        }
    }
    let Some(range) = outline.include else {
        return Vec::new();
    };
    match options.from_str::<Vec<String>>(&text[range.clone()]) {
        Ok(patterns) => patterns
            .into_iter()
            .enumerate()
            .map(|(i, pattern)| {
                let at = syntax::locate(text, range.clone(), &[Step::Index(i)])
                    .unwrap_or_else(|| range.clone());
                (pattern, Span::new(file, at))
            })
            .collect(),
        Err(e) => {
            out.diagnostics.push(ron_diagnostic(text, file, range, &e));
            Vec::new()
        }
    }
}

/// A whole ledger file in one `ron` call, single-threaded, into the same types.
///
/// Not how factledger reads ledgers (see [`load`]): it stops at the first error and has
/// no spans. It is the yardstick the benchmarks compare `verify` with.
pub fn parse_whole(text: &str) -> Result<Ledger, ron::error::SpannedError> {
    #[derive(serde::Deserialize)]
    #[serde(rename = "Ledger")]
    struct Whole {
        #[serde(default)]
        entities: Vec<Entity>,
        #[serde(default)]
        sources: Vec<Source>,
        #[serde(default)]
        measures: Vec<Measure>,
        #[serde(default)]
        claims: Vec<model::format::Any>,
        #[serde(default)]
        policy: Policy,
    }
    let options = ron_options().with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES);
    let whole: Whole = options.from_str(text)?;
    Ok(Ledger {
        entities: whole.entities,
        sources: whole.sources,
        measures: whole.measures,
        claims: whole.claims.into_iter().map(Claim::from).collect(),
        policy: whole.policy,
    })
}

/// A record parsed from its text, of any list.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Entity(Entity),
    Source(Source),
    Measure(Measure),
    Claim(Claim),
}

impl Parsed {
    /// Which list the record belongs to.
    pub fn section(&self) -> Section {
        match self {
            Parsed::Entity(_) => Section::Entities,
            Parsed::Source(_) => Section::Sources,
            Parsed::Measure(_) => Section::Measures,
            Parsed::Claim(_) => Section::Claims,
        }
    }

    fn add_to(self, ledger: &mut Ledger) {
        match self {
            Parsed::Entity(r) => ledger.entities.push(r),
            Parsed::Source(r) => ledger.sources.push(r),
            Parsed::Measure(r) => ledger.measures.push(r),
            Parsed::Claim(r) => ledger.claims.push(r),
        }
    }
}

/// Parses one record written on its own (`Figure(...)`, `Source(...)`), as `add`
/// reads it from a file or standard input; `name` is how messages call the input.
pub fn parse_one(name: &Path, text: String) -> Result<Parsed, Box<Loaded>> {
    let mut files = SourceMap::default();
    let file = files.add(SourceFile::new(name, text));
    let src = &files.file(file).text;
    let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let start = syntax::skip_trivia(src, bom);
    let end = src
        .trim_end()
        .trim_end_matches(',')
        .trim_end()
        .len()
        .max(start);
    let ident_end = src[start..end]
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .map_or(end, |i| start + i);
    let name_text = &src[start..ident_end];
    let section = match name_text {
        "Entity" => Section::Entities,
        "Source" => Section::Sources,
        "Measure" => Section::Measures,
        _ => Section::Claims,
    };
    let slice = RecordSlice {
        span: start..end,
        name: (ident_end > start).then_some(start..ident_end),
    };
    let failed = |diagnostic: Diagnostic, files: SourceMap| {
        Box::new(Loaded {
            ledger: Ledger::default(),
            files,
            base_dir: PathBuf::from("."),
            diagnostics: vec![diagnostic],
            broken_ids: Vec::new(),
            paths: Vec::new(),
        })
    };
    if start == end {
        let span = Span::new(file, start..start);
        let diagnostic = Diagnostic::new(&PARSE_ERROR, span, "no record given")
            .label("expected a record")
            .help("give one record, e.g. `Figure(id: ..., ...)`, `Source(...)` or `Entity(...)`");
        return Err(failed(diagnostic, files));
    }
    match parse_record(src, file, section, &slice, &ron_options()) {
        Ok(parsed) => Ok(parsed),
        Err(diagnostic) => Err(failed(*diagnostic, files)),
    }
}

fn expected_names(section: Section) -> &'static [&'static str] {
    match section {
        Section::Entities => &["Entity"],
        Section::Sources => &["Source"],
        Section::Measures => &["Measure"],
        Section::Claims => model::CLAIM_KINDS,
    }
}

fn parse_record(
    src: &str,
    file: FileId,
    section: Section,
    slice: &RecordSlice,
    options: &ron::Options,
) -> Result<Parsed, Box<Diagnostic>> {
    let range = slice.span.clone();
    let text = &src[range.clone()];
    let name = slice.name.clone().map(|n| &src[n]);
    let expected = expected_names(section);
    if let Some(name) = name
        && !expected.contains(&name)
    {
        let span = Span::new(file, slice.name.clone().expect("has a name"));
        let list = quoted_list(expected);
        return Err(Box::new(
            Diagnostic::new(
                &PARSE_ERROR,
                span,
                format!("`{name}` is not a record of `{}`", section.name()),
            )
            .label(format!("expected {list}"))
            .help(
                did_you_mean(name, expected.iter().copied())
                    .unwrap_or_else(|| format!("`{}` holds {list} records", section.name())),
            ),
        ));
    }
    let span = Span::new(file, range.clone());
    let fail = |e: ron::error::SpannedError| Box::new(ron_diagnostic(src, file, range.clone(), &e));
    Ok(match section {
        Section::Entities => Parsed::Entity(Entity {
            span,
            ..options.from_str(text).map_err(fail)?
        }),
        Section::Sources => Parsed::Source(Source {
            span,
            ..options.from_str(text).map_err(fail)?
        }),
        Section::Measures => Parsed::Measure(Measure {
            span,
            ..options.from_str(text).map_err(fail)?
        }),
        Section::Claims => {
            let Some(kind) = name else {
                return Err(Box::new(
                    Diagnostic::new(
                        &PARSE_ERROR,
                        Span::new(file, range.start..range.start + 1),
                        "a claim must start with its kind",
                    )
                    .label("kind missing here")
                    .help(format!(
                        "write one of {} before the `(`",
                        quoted_list(model::CLAIM_KINDS)
                    )),
                ));
            };
            let claim = model::format::parse(kind, text, options).expect("kind checked above");
            Parsed::Claim(Claim {
                span,
                ..claim.map_err(fail)?
            })
        }
    })
}

fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
        [] => String::new(),
    }
}

/// The id of a record that did not parse, if its `id` field can still be read.
fn recover_id(src: &str, range: Range<usize>) -> Option<String> {
    let at = syntax::locate(src, range, &[Step::Field("id")])?;
    ron::from_str::<String>(&src[at]).ok()
}

fn syntax_diagnostic(file: FileId, error: SyntaxError) -> Diagnostic {
    Diagnostic::new(&PARSE_ERROR, Span::new(file, error.span), error.message)
        .label(error.label)
        .maybe_help(error.help)
}

/// A ron error inside the record at `range`, moved to the record's place in the file.
fn ron_diagnostic(
    src: &str,
    file: FileId,
    range: Range<usize>,
    error: &ron::error::SpannedError,
) -> Diagnostic {
    let text = &src[range.clone()];
    let at = |p: ron::error::Position| {
        range.start
            + SourceFile::offset_in(
                text,
                LineCol {
                    line: p.line,
                    column: p.col,
                },
            )
    };
    let mut start = at(error.span.start);
    let mut end = at(error.span.end).max(start);
    if matches!(error.code, ron::Error::MissingStructField { .. }) && start + 1 >= range.end {
        // ron reports a missing field at the record's closing `)`: point at its name.
        start = range.start;
        end = text.find('(').map_or(range.start + 1, |i| range.start + i);
    }
    if matches!(error.code, ron::Error::Message(_)) {
        // A value rejected by its own type (an overlong number) is reported just after
        // it: point at the value itself.
        let value_start = src[range.start..start]
            .trim_end_matches(|c: char| !c.is_whitespace() && !"()[]{},:".contains(c))
            .len()
            + range.start;
        if value_start < start {
            (start, end) = (value_start, start);
        }
    }
    if end == start {
        // Point at one character rather than between two.
        end = src[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    let (message, label, help) = describe(&error.code);
    Diagnostic::new(&PARSE_ERROR, Span::new(file, start..end), message)
        .label(label)
        .maybe_help(help)
}

/// What a ron error means for someone editing a ledger.
fn describe(code: &ron::Error) -> (String, String, Option<String>) {
    use ron::Error as E;
    let outer_name = |outer: &Option<String>| match outer.as_deref() {
        Some(o) => format!(" in `{o}`"),
        None => String::new(),
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!("unknown field `{found}`{}", outer_name(outer)),
            "unknown field".into(),
            Some(
                did_you_mean(found, expected.iter().copied())
                    .unwrap_or_else(|| format!("the fields are {}", quoted_list(expected))),
            ),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = match outer.as_deref() {
                Some("Qualifier") => "qualifier",
                Some("EntityKind") => "entity kind",
                Some("Derivation") => "derivation",
                Some("Level") => "severity level",
                _ => "variant",
            };
            (
                format!("unknown {what} `{found}`"),
                format!("not a known {what}"),
                Some(
                    did_you_mean(found, expected.iter().copied())
                        .unwrap_or_else(|| format!("expected {}", quoted_list(expected))),
                ),
            )
        }
        E::MissingStructField { field, outer } => (
            format!("missing field `{field}`{}", outer_name(outer)),
            format!("`{field}` is required"),
            Some(format!("add `{field}: ...` to the record")),
        ),
        E::DuplicateStructField { field, outer } => (
            format!("field `{field}` appears twice{}", outer_name(outer)),
            "second time here".into(),
            Some("keep one of the two".into()),
        ),
        E::ExpectedDifferentStructName { expected, found } => (
            format!("expected `{expected}`, found `{found}`"),
            format!("expected `{expected}(`"),
            Some(format!("write `{expected}(...)` here")),
        ),
        E::ExceededRecursionLimit => (
            "values nest too deeply".into(),
            "too deep here".into(),
            Some("a ledger record needs only a few levels; check for unclosed brackets".into()),
        ),
        E::ExpectedString => (
            "expected a string".into(),
            "expected `\"...\"`".into(),
            Some("text, ids and dates are written in double quotes".into()),
        ),
        E::Message(message) => (lowercase_first(message), "invalid value".into(), None),
        other => {
            let text = lowercase_first(&other.to_string());
            (text, "here".into(), None)
        }
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !chars.as_str().starts_with(|c: char| c.is_uppercase()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test::snapshot;

    /// Loads `bytes` and renders its parse errors as the CLI would.
    fn errors(bytes: &[u8]) -> String {
        let loaded = load_bytes(Path::new("ledger.ron"), bytes.to_vec(), PathBuf::from("."));
        crate::render::human::human(
            &loaded.diagnostics,
            &loaded.files,
            crate::render::human::Style::Plain,
        )
    }

    #[test]
    fn an_empty_file_says_what_a_ledger_starts_with() {
        snapshot!(errors(b""));
    }

    #[test]
    fn a_truncated_file_points_at_what_is_still_open() {
        snapshot!(errors(b"Ledger(\n    entities: [\n        Entity(id: \"syria\", name: \"Syria\", kind: Place),\n        Entity(id: \"rferl\", na"));
    }

    #[test]
    fn invalid_utf8_is_located() {
        snapshot!(errors(
            b"Ledger(\n    entities: [Entity(id: \"caf\xe9\", name: \"x\", kind: Place)],\n)"
        ));
    }

    #[test]
    fn a_number_too_large_is_a_clear_error() {
        let text = r#"Ledger(claims: [Figure(id: "x", text: "x", subject: "s", measure: "m",
            value: Exactly(100000000000000000000000000000000), as_of: "2017")])"#;
        snapshot!(errors(text.as_bytes()));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let mut text = b"Ledger(claims: [Figure(id: \"x\", text: ".to_vec();
        text.extend(std::iter::repeat_n(b'[', 100_000));
        let out = errors(&text);
        assert!(
            out.contains("brackets nest deeper than 128 levels"),
            "{out}"
        );
    }

    #[test]
    fn a_byte_order_mark_and_crlf_are_read() {
        let text = "\u{feff}Ledger(\r\n    entities: [Entity(id: \"syria\", name: \"Syria\", kind: Place)],\r\n)\r\n";
        let loaded = load_bytes(
            Path::new("ledger.ron"),
            text.as_bytes().to_vec(),
            PathBuf::from("."),
        );
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert_eq!(loaded.ledger.entities[0].id, "syria");
    }

    #[test]
    fn text_after_the_ledger_is_refused() {
        snapshot!(errors(b"Ledger()\nLedger()"));
    }
}
