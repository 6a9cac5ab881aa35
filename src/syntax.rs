//! A scanner for the outline of a ledger file: where each record starts and ends.
//!
//! It knows only RON's brackets, strings, comments and top-level field names, so it is
//! much cheaper than parsing. The loader parses each record it finds on its own, which
//! gives every record an exact span, reports a broken record without losing the others,
//! and lets records be parsed in parallel. Diagnostics use [`locate`] to point at one
//! field inside a record, on demand.

use std::ops::Range;

/// How deep brackets may nest. ron stops at the same depth, and a limit keeps a
/// hostile file from exhausting the stack of anything that walks it.
pub const MAX_DEPTH: usize = 128;

/// A problem in the file's outline, with the byte range it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

impl SyntaxError {
    fn new(span: Range<usize>, message: impl Into<String>, label: impl Into<String>) -> Self {
        SyntaxError {
            span,
            message: message.into(),
            label: label.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open(u8),
    Close(u8),
    Comma,
    Colon,
    Ident,
    Str,
    /// Numbers, chars and anything else ron itself will judge.
    Atom,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

impl Token {
    fn span(self) -> Range<usize> {
        self.start..self.end
    }
}

struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    end: usize,
    /// The next token, when `peek` has read it: `Some(None)` is a peeked end of input.
    #[allow(
        clippy::option_option,
        reason = "peeking at the end of input is a third state"
    )]
    peeked: Option<Option<Token>>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace()
        || matches!(
            b,
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' | b'"'
        )
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, range: Range<usize>) -> Self {
        Lexer {
            src: src.as_bytes(),
            pos: range.start,
            end: range.end,
            peeked: None,
        }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        (at < self.end).then(|| self.src[at])
    }

    fn peek(&mut self) -> Result<Option<Token>, SyntaxError> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lex()?);
        }
        Ok(self.peeked.expect("just filled"))
    }

    fn next(&mut self) -> Result<Option<Token>, SyntaxError> {
        match self.peeked.take() {
            Some(token) => Ok(token),
            None => self.lex(),
        }
    }

    fn skip_trivia(&mut self) -> Result<(), SyntaxError> {
        loop {
            match self.byte(self.pos) {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.byte(self.pos + 1) == Some(b'/') => {
                    self.pos = memchr::memchr(b'\n', &self.src[self.pos..self.end])
                        .map_or(self.end, |i| self.pos + i + 1);
                }
                Some(b'/') if self.byte(self.pos + 1) == Some(b'*') => self.block_comment()?,
                _ => return Ok(()),
            }
        }
    }

    fn block_comment(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let mut depth = 0usize;
        while self.pos < self.end {
            match (self.src[self.pos], self.byte(self.pos + 1)) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => self.pos += 1,
            }
        }
        Err(SyntaxError::new(
            start..start + 2,
            "unclosed block comment",
            "this comment is never closed",
        )
        .help("close it with `*/`"))
    }

    fn lex(&mut self) -> Result<Option<Token>, SyntaxError> {
        self.skip_trivia()?;
        let start = self.pos;
        let Some(b) = self.byte(start) else {
            return Ok(None);
        };
        let kind = match b {
            b'(' | b'[' | b'{' => {
                self.pos += 1;
                Kind::Open(b)
            }
            b')' | b']' | b'}' => {
                self.pos += 1;
                Kind::Close(b)
            }
            b',' => {
                self.pos += 1;
                Kind::Comma
            }
            b':' => {
                self.pos += 1;
                Kind::Colon
            }
            b'"' => {
                self.quoted(start, start + 1)?;
                Kind::Str
            }
            b'\'' => {
                self.char_literal(start)?;
                Kind::Atom
            }
            b'b' if self.byte(start + 1) == Some(b'"') => {
                self.quoted(start, start + 2)?;
                Kind::Str
            }
            b'r' | b'b' if self.raw_string_hashes(start).is_some() => {
                self.raw_string(start)?;
                Kind::Str
            }
            b'r' if self.byte(start + 1) == Some(b'#')
                && self.byte(start + 2).is_some_and(is_ident_start) =>
            {
                self.pos = start + 2;
                self.ident();
                Kind::Ident
            }
            b if is_ident_start(b) => {
                self.ident();
                Kind::Ident
            }
            _ => {
                self.pos += 1;
                while let Some(b) = self.byte(self.pos) {
                    let comment = b == b'/' && matches!(self.byte(self.pos + 1), Some(b'/' | b'*'));
                    if is_delimiter(b) || b == b'\'' || comment {
                        break;
                    }
                    self.pos += 1;
                }
                Kind::Atom
            }
        };
        Ok(Some(Token {
            kind,
            start,
            end: self.pos,
        }))
    }

    fn ident(&mut self) {
        while self.byte(self.pos).is_some_and(is_ident_continue) {
            self.pos += 1;
        }
    }

    fn quoted(&mut self, start: usize, body: usize) -> Result<(), SyntaxError> {
        let mut at = body;
        loop {
            match memchr::memchr2(b'"', b'\\', &self.src[at..self.end]) {
                Some(i) if self.src[at + i] == b'\\' => at += i + 2,
                Some(i) => {
                    self.pos = at + i + 1;
                    return Ok(());
                }
                None => break,
            }
        }
        Err(SyntaxError::new(
            start..start + 1,
            "unterminated string",
            "this string is never closed",
        )
        .help("add the closing `\"`; a `\"` inside a string is written `\\\"`"))
    }

    /// The number of `#` of a raw string starting at `start` (`r"`, `r#"`, `br#"`).
    fn raw_string_hashes(&self, start: usize) -> Option<usize> {
        let mut at = start;
        if self.byte(at) == Some(b'b') {
            at += 1;
        }
        if self.byte(at) != Some(b'r') {
            return None;
        }
        at += 1;
        let hashes = (at..self.end).take_while(|&i| self.src[i] == b'#').count();
        (self.byte(at + hashes) == Some(b'"')).then_some(hashes)
    }

    fn raw_string(&mut self, start: usize) -> Result<(), SyntaxError> {
        let hashes = self.raw_string_hashes(start).expect("checked by caller");
        let body = start + usize::from(self.src[start] == b'b') + 1 + hashes + 1;
        let mut at = body;
        while let Some(i) = memchr::memchr(b'"', &self.src[at..self.end]) {
            let close = at + i;
            if (1..=hashes).all(|k| self.byte(close + k) == Some(b'#')) {
                self.pos = close + 1 + hashes;
                return Ok(());
            }
            at = close + 1;
        }
        Err(SyntaxError::new(
            start..body,
            "unterminated raw string",
            "this raw string is never closed",
        )
        .help(format!("close it with `\"{}`", "#".repeat(hashes))))
    }

    fn char_literal(&mut self, start: usize) -> Result<(), SyntaxError> {
        let mut at = start + 1;
        if self.byte(at) == Some(b'\\') {
            at += 2;
        }
        match memchr::memchr(b'\'', &self.src[at.min(self.end)..self.end]) {
            Some(i) if i <= 8 => {
                self.pos = at + i + 1;
                Ok(())
            }
            _ => Err(SyntaxError::new(
                start..start + 1,
                "unterminated character literal",
                "this `'` is never closed",
            )
            .help("text is written in double quotes: \"...\"")),
        }
    }

    /// Consumes one value (`Kind(...)`, `[...]`, `"..."`, `12`, …) starting with `first`
    /// and returns its end. Stops before a `,` or closing bracket at depth 0.
    fn skip_value(&mut self, first: Token) -> Result<usize, SyntaxError> {
        let open = match first.kind {
            Kind::Open(_) => first,
            Kind::Ident if self.peek()?.is_some_and(|t| t.kind == Kind::Open(b'(')) => {
                self.next()?.expect("peeked")
            }
            _ => return Ok(first.end),
        };
        self.skip_group(open)
    }

    /// Skips to the bracket that closes `open`. Inside a value only brackets, strings,
    /// characters and comments matter, so this reads bytes rather than tokens: it is
    /// the loop that runs over almost every byte of a ledger.
    fn skip_group(&mut self, open: Token) -> Result<usize, SyntaxError> {
        /// Bytes that may start something the scan must see.
        const INTERESTING: [bool; 256] = {
            let mut table = [false; 256];
            let mut i = 0;
            let bytes = b"\"'/rb()[]{}";
            while i < bytes.len() {
                table[bytes[i] as usize] = true;
                i += 1;
            }
            table
        };
        let opener = |byte: u8, at: usize| Token {
            kind: Kind::Open(byte),
            start: at,
            end: at + 1,
        };
        let mut stack: Vec<Token> = vec![open];
        let mut at = open.end;
        while at < self.end {
            let b = self.src[at];
            if !INTERESTING[b as usize] {
                at += 1;
                continue;
            }
            match b {
                b'"' => {
                    self.quoted(at, at + 1)?;
                    at = self.pos;
                }
                b'\'' => {
                    self.char_literal(at)?;
                    at = self.pos;
                }
                b'/' if self.byte(at + 1) == Some(b'/') => {
                    at = memchr::memchr(b'\n', &self.src[at..self.end])
                        .map_or(self.end, |i| at + i + 1);
                }
                b'/' if self.byte(at + 1) == Some(b'*') => {
                    self.pos = at;
                    self.block_comment()?;
                    at = self.pos;
                }
                b'r' | b'b' if at > 0 && is_ident_continue(self.src[at - 1]) => at += 1,
                b'r' | b'b' if self.raw_string_hashes(at).is_some() => {
                    self.raw_string(at)?;
                    at = self.pos;
                }
                b'b' if self.byte(at + 1) == Some(b'"') => {
                    self.quoted(at, at + 2)?;
                    at = self.pos;
                }
                b'(' | b'[' | b'{' => {
                    stack.push(opener(b, at));
                    if stack.len() > MAX_DEPTH {
                        return Err(SyntaxError::new(
                            at..at + 1,
                            format!("brackets nest deeper than {MAX_DEPTH} levels"),
                            "too deep here",
                        )
                        .help(
                            "a ledger record needs only a few levels; check for unclosed brackets",
                        ));
                    }
                    at += 1;
                }
                b')' | b']' | b'}' => {
                    let close = Token {
                        kind: Kind::Close(b),
                        start: at,
                        end: at + 1,
                    };
                    let top = stack
                        .pop()
                        .expect("the stack holds the outer bracket until it closes");
                    check_pair(&top, close)?;
                    at += 1;
                    if stack.is_empty() {
                        self.pos = at;
                        return Ok(at);
                    }
                }
                _ => at += 1,
            }
        }
        Err(unclosed(*stack.last().expect("still open"), self.end))
    }
}

fn closing_of(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

fn check_pair(open: &Token, close: Token) -> Result<(), SyntaxError> {
    let Kind::Open(o) = open.kind else {
        unreachable!("only openers are stacked")
    };
    let Kind::Close(c) = close.kind else {
        unreachable!("only called with a closer")
    };
    if closing_of(o) == c {
        return Ok(());
    }
    Err(SyntaxError::new(
        close.span(),
        format!(
            "mismatched `{}`: expected `{}` to close the `{}`",
            c as char,
            closing_of(o) as char,
            o as char
        ),
        format!("expected `{}`", closing_of(o) as char),
    )
    .help(format!(
        "the `{}` opened at byte {} is still open here",
        o as char, open.start
    )))
}

fn unexpected_close(token: Token, close: u8) -> SyntaxError {
    SyntaxError::new(
        token.span(),
        format!("unexpected `{}`", close as char),
        "nothing open to close here",
    )
}

fn unclosed(open: Token, end: usize) -> SyntaxError {
    let (what, close) = match open.kind {
        Kind::Open(o) => (format!("`{}`", o as char), closing_of(o) as char),
        _ => ("value".to_owned(), ')'),
    };
    SyntaxError::new(
        open.span(),
        format!("the file ends before this {what} is closed"),
        "opened here",
    )
    .help(format!(
        "the file looks cut off after byte {end}; add the missing `{close}`, or restore the rest of the file"
    ))
}

/// Where the first token at or after `start` begins, past whitespace and comments.
pub fn skip_trivia(src: &str, start: usize) -> usize {
    let mut lexer = Lexer::new(src, start..src.len());
    // An unclosed comment runs to the end: nothing comes after it.
    lexer.skip_trivia().map_or(src.len(), |()| lexer.pos)
}

/// Which list of the ledger a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Entities,
    Sources,
    Measures,
    Claims,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Entities,
        Section::Sources,
        Section::Measures,
        Section::Claims,
    ];

    /// The field name in the ledger file.
    pub fn name(self) -> &'static str {
        match self {
            Section::Entities => "entities",
            Section::Sources => "sources",
            Section::Measures => "measures",
            Section::Claims => "claims",
        }
    }
}

/// The fields a ledger may have, in the order the README documents them.
pub const LEDGER_FIELDS: &[&str] = &[
    "include", "entities", "sources", "measures", "claims", "policy",
];

/// One record of a list, as found by the scanner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSlice {
    pub span: Range<usize>,
    /// The record's leading name (`Figure` in `Figure(...)`), if it has one.
    pub name: Option<Range<usize>>,
}

/// Where a list of records is: its brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListSpan {
    pub section: Section,
    /// The byte of its `[`.
    pub open: usize,
    /// The byte of its `]`.
    pub close: usize,
}

/// The outline of a ledger file.
#[derive(Debug, Default)]
pub struct Outline {
    pub records: Vec<(Section, RecordSlice)>,
    pub lists: Vec<ListSpan>,
    /// The byte of the ledger's closing `)`.
    pub close: usize,
    pub policy: Option<Range<usize>>,
    pub include: Option<Range<usize>>,
    /// Problems that did not stop the scan (e.g. a missing comma between records).
    pub errors: Vec<SyntaxError>,
}

/// Finds the records of the ledger in `src[start..]`.
///
/// Fails on a problem that makes the outline unknowable (an unclosed string or bracket,
/// a truncated file); smaller problems are collected in [`Outline::errors`].
pub fn outline(src: &str, start: usize) -> Result<Outline, SyntaxError> {
    let mut lexer = Lexer::new(src, start..src.len());
    let mut out = Outline::default();
    let open = ledger_open(&mut lexer, src, start)?;
    let mut seen: Vec<&str> = Vec::new();
    loop {
        let Some(t) = lexer.next()? else {
            return Err(unclosed(open, src.len()));
        };
        match t.kind {
            Kind::Close(b')') => {
                out.close = t.start;
                break;
            }
            Kind::Ident => {}
            _ => {
                return Err(SyntaxError::new(
                    t.span(),
                    format!("expected a field name, found `{}`", &src[t.span()]),
                    "expected a field name",
                )
                .help(format!(
                    "the ledger's fields are {}",
                    list_names(LEDGER_FIELDS)
                )));
            }
        }
        let name = &src[t.span()];
        match lexer.next()? {
            Some(c) if c.kind == Kind::Colon => {}
            Some(c) => {
                let message = format!("expected `:` after `{name}`");
                return Err(SyntaxError::new(c.span(), message, "expected `:`"));
            }
            None => return Err(unclosed(open, src.len())),
        }
        let Some(value) = lexer.next()? else {
            return Err(unclosed(open, src.len()));
        };
        if seen.contains(&name) {
            out.errors.push(
                SyntaxError::new(
                    t.span(),
                    format!("field `{name}` appears twice in the ledger"),
                    format!("second `{name}` here"),
                )
                .help(format!("merge the two `{name}` lists into one")),
            );
        }
        seen.push(name);
        ledger_field(&mut lexer, src, t, value, &mut out)?;
        match lexer.next()? {
            Some(c) if c.kind == Kind::Comma => {}
            Some(c) if c.kind == Kind::Close(b')') => {
                out.close = c.start;
                break;
            }
            Some(c) => {
                let message = "expected `,` or `)` after a ledger field";
                return Err(SyntaxError::new(c.span(), message, "expected `,`"));
            }
            None => return Err(unclosed(open, src.len())),
        }
    }
    if let Some(t) = lexer.next()? {
        return Err(SyntaxError::new(
            t.start..src.len().min(t.end),
            "unexpected text after the end of the ledger",
            "after the closing `)`",
        )
        .help("a ledger file holds one `Ledger(...)`; remove what follows it"));
    }
    Ok(out)
}

/// Reads up to the `(` of `Ledger(` (the name is optional, as in ron) and returns it.
fn ledger_open(lexer: &mut Lexer, src: &str, start: usize) -> Result<Token, SyntaxError> {
    let mut token = lexer.next()?;
    if let Some(t) = token
        && t.kind == Kind::Atom
        && src[t.span()].starts_with('#')
    {
        return Err(SyntaxError::new(
            t.start..t.start + 1,
            "ron attributes are not supported in a ledger",
            "attribute here",
        )
        .help(
            "remove the `#![enable(...)]` line: ledgers are read with `implicit_some` already on",
        ));
    }
    if let Some(t) = token
        && t.kind == Kind::Ident
    {
        let name = &src[t.span()];
        if name != "Ledger" {
            let message = format!("expected `Ledger(`, found `{name}`");
            return Err(SyntaxError::new(t.span(), message, "expected `Ledger`")
                .help("a ledger file starts with `Ledger(`"));
        }
        token = lexer.next()?;
    }
    match token {
        Some(t) if t.kind == Kind::Open(b'(') => Ok(t),
        Some(t) => Err(SyntaxError::new(
            t.span(),
            "expected `Ledger(` at the start of the ledger",
            "expected `Ledger(`",
        )
        .help("a ledger file starts with `Ledger(` and lists `entities`, `sources`, `measures` and `claims`")),
        None => Err(SyntaxError::new(start..start, "the ledger is empty", "expected `Ledger(`")
            .help("start from `Ledger(entities: [], sources: [], measures: [], claims: [])`")),
    }
}

/// Reads the value of the ledger field named by `name`, starting at `value`.
fn ledger_field(
    lexer: &mut Lexer,
    src: &str,
    name: Token,
    value: Token,
    out: &mut Outline,
) -> Result<(), SyntaxError> {
    let field = &src[name.span()];
    let section = Section::ALL.into_iter().find(|s| s.name() == field);
    match (section, field) {
        (Some(section), _) if value.kind == Kind::Open(b'[') => {
            list(lexer, src, section, value, out)?;
        }
        (Some(section), _) => {
            let end = lexer.skip_value(value)?;
            out.errors.push(
                SyntaxError::new(
                    value.start..end,
                    format!("`{}` must be a list", section.name()),
                    "expected `[`",
                )
                .help(format!("write `{}: [ ... ],`", section.name())),
            );
        }
        (None, "policy") => out.policy = Some(value.start..lexer.skip_value(value)?),
        (None, "include") => out.include = Some(value.start..lexer.skip_value(value)?),
        (None, _) => {
            lexer.skip_value(value)?;
            let help = crate::diagnostic::did_you_mean(field, LEDGER_FIELDS.iter().copied())
                .unwrap_or_else(|| {
                    format!("the ledger's fields are {}", list_names(LEDGER_FIELDS))
                });
            out.errors.push(
                SyntaxError::new(
                    name.span(),
                    format!("unknown field `{field}` in the ledger"),
                    "unknown field",
                )
                .help(help),
            );
        }
    }
    Ok(())
}

fn list_names(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(
    lexer: &mut Lexer,
    src: &str,
    section: Section,
    open: Token,
    out: &mut Outline,
) -> Result<(), SyntaxError> {
    loop {
        let Some(first) = lexer.next()? else {
            return Err(unclosed(open, src.len()));
        };
        match first.kind {
            Kind::Close(b']') => {
                out.lists.push(ListSpan {
                    section,
                    open: open.start,
                    close: first.start,
                });
                return Ok(());
            }
            Kind::Close(c) => {
                return Err(check_pair(&open, first)
                    .err()
                    .unwrap_or_else(|| unexpected_close(first, c)));
            }
            Kind::Comma => {
                out.errors.push(
                    SyntaxError::new(
                        first.span(),
                        "unexpected `,`",
                        "no record before this comma",
                    )
                    .help("remove the extra comma"),
                );
                continue;
            }
            _ => {}
        }
        let name = (first.kind == Kind::Ident).then(|| first.span());
        let end = lexer.skip_value(first)?;
        out.records.push((
            section,
            RecordSlice {
                span: first.start..end,
                name,
            },
        ));
        match lexer.peek()? {
            Some(t) if t.kind == Kind::Comma => {
                lexer.next()?;
            }
            Some(t) if t.kind == Kind::Close(b']') => {}
            Some(t) if matches!(t.kind, Kind::Close(_)) => {}
            Some(t) => out.errors.push(
                SyntaxError::new(
                    end..end,
                    "expected `,` between two records",
                    "comma missing here",
                )
                .help(format!(
                    "add `,` after the record that ends here, before `{}`",
                    &src[t.span()]
                )),
            ),
            None => return Err(unclosed(open, src.len())),
        }
    }
}

/// One step of a path to a value inside a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A named field: `cite` in `Figure(cite: [...])`.
    Field(&'static str),
    /// An item of a list or tuple: the second citation, the first id of `Sum([...])`.
    Index(usize),
}

/// The byte range of the value at `path` inside the value at `range`, if it is there.
///
/// `Some(...)` around a value is looked through, so paths match whether or not an
/// optional field is written with `Some`.
pub fn locate(src: &str, range: Range<usize>, path: &[Step]) -> Option<Range<usize>> {
    let mut current = range;
    for step in path {
        current = child(src, current, *step).ok().flatten()?;
    }
    Some(current)
}

fn child(src: &str, range: Range<usize>, step: Step) -> Result<Option<Range<usize>>, SyntaxError> {
    let mut lexer = Lexer::new(src, range);
    let mut open = lexer.next()?;
    // Look through a leading name (`Figure(`, `Some(`, `Between(`) to its brackets.
    while let Some(t) = open
        && t.kind == Kind::Ident
    {
        open = lexer.next()?;
    }
    if !matches!(open.map(|t| t.kind), Some(Kind::Open(_))) {
        return Ok(None);
    }
    let mut index = 0;
    while let Some(first) = lexer.next()? {
        if matches!(first.kind, Kind::Close(_)) {
            break;
        }
        let found = match step {
            Step::Field(name) if first.kind == Kind::Ident && &src[first.span()] == name => {
                if lexer.peek()?.map(|t| t.kind) == Some(Kind::Colon) {
                    lexer.next()?;
                    let value = lexer.next()?.ok_or_else(|| unclosed(first, first.end))?;
                    let end = lexer.skip_value(value)?;
                    return Ok(Some(unwrap_some(src, value.start..end)));
                }
                false
            }
            Step::Index(i) => i == index,
            Step::Field(_) => false,
        };
        let end = lexer.skip_value(first)?;
        if found {
            return Ok(Some(unwrap_some(src, first.start..end)));
        }
        // A field's name is followed by `:` and its value; skip both.
        if lexer.peek()?.map(|t| t.kind) == Some(Kind::Colon) {
            lexer.next()?;
            if let Some(value) = lexer.next()? {
                lexer.skip_value(value)?;
            }
        }
        if lexer.peek()?.map(|t| t.kind) == Some(Kind::Comma) {
            lexer.next()?;
        }
        index += 1;
    }
    Ok(None)
}

fn unwrap_some(src: &str, range: Range<usize>) -> Range<usize> {
    let text = &src[range.clone()];
    if let Some(rest) = text.strip_prefix("Some")
        && rest.trim_start().starts_with('(')
        && text.ends_with(')')
    {
        let open = range.start + 4 + (rest.len() - rest.trim_start().len()) + 1;
        let inner = &src[open..range.end - 1];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        return open + lead..range.end - 1 - trail;
    }
    range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> Vec<(Section, &str)> {
        outline(src, 0)
            .unwrap()
            .records
            .iter()
            .map(|(s, r)| (*s, &src[r.span.clone()]))
            .collect()
    }

    #[test]
    fn finds_each_record_and_its_span() {
        let src = r##"Ledger(
            // a comment with ( and "
            entities: [Entity(id: "a", name: "A (b)", kind: Place), Entity(id: "b", name: "]", kind: Place),],
            claims: [Figure(id: "c", text: r#"raw "(" "#, value: Between(1, 2))],
        )"##;
        assert_eq!(
            names(src),
            [
                (
                    Section::Entities,
                    r#"Entity(id: "a", name: "A (b)", kind: Place)"#
                ),
                (
                    Section::Entities,
                    r#"Entity(id: "b", name: "]", kind: Place)"#
                ),
                (
                    Section::Claims,
                    r##"Figure(id: "c", text: r#"raw "(" "#, value: Between(1, 2))"##
                ),
            ]
        );
    }

    #[test]
    fn a_missing_comma_between_records_is_reported_and_both_are_kept() {
        let src = r#"Ledger(claims: [Figure(id: "a") Figure(id: "b")])"#;
        let out = outline(src, 0).unwrap();
        assert_eq!(out.records.len(), 2);
        assert_eq!(out.errors[0].message, "expected `,` between two records");
    }

    #[test]
    fn truncated_files_point_at_the_open_bracket() {
        let err = outline("Ledger(claims: [Figure(id: \"a\"", 0).unwrap_err();
        assert_eq!(err.message, "the file ends before this `(` is closed");
        assert_eq!(err.span, 22..23);
    }

    #[test]
    fn unterminated_strings_point_at_their_start() {
        let err = outline("Ledger(claims: [Figure(id: \"a)])", 0).unwrap_err();
        assert_eq!(err.message, "unterminated string");
        assert_eq!(err.span, 27..28);
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let src = format!("Ledger(claims: [{}])", "[".repeat(100_000));
        let err = outline(&src, 0).unwrap_err();
        assert!(err.message.contains("deeper than"), "{}", err.message);
    }

    #[test]
    fn unknown_ledger_fields_suggest_the_right_one() {
        let out = outline("Ledger(claim: [])", 0).unwrap();
        assert_eq!(out.errors[0].message, "unknown field `claim` in the ledger");
        assert_eq!(
            out.errors[0].help.as_deref(),
            Some("did you mean `claims`?")
        );
    }

    #[test]
    fn locate_finds_nested_fields_and_items() {
        let src = r#"Figure(id: "x", cite: [Cite(source: "a", excerpt: "e"), Cite(source: "b")], since: Some("2011"))"#;
        let at = |path: &[Step]| locate(src, 0..src.len(), path).map(|r| &src[r]);
        assert_eq!(at(&[Step::Field("id")]), Some("\"x\""));
        assert_eq!(
            at(&[Step::Field("cite"), Step::Index(1), Step::Field("source")]),
            Some("\"b\"")
        );
        assert_eq!(at(&[Step::Field("since")]), Some("\"2011\""));
        assert_eq!(at(&[Step::Field("nothing")]), None);
        assert_eq!(at(&[Step::Field("cite"), Step::Index(5)]), None);
    }
}
