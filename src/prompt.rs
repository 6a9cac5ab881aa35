//! Asking for a record field by field, for `add` in a terminal.
//!
//! Line-based on purpose: it works in any terminal and over a pipe, so a session is
//! tested by feeding answers to the real binary. Each question says what the field
//! means; a bad answer is explained and asked again; ids complete from a unique
//! prefix, and `?` lists the ids a field accepts.

use std::io::{self, BufRead, Write};

use crate::add::{self, Draft, Field, Holds, Kind};
use crate::model::Ledger;

/// Questions on `output`, answers from `input`.
pub struct Prompter<'io> {
    input: &'io mut dyn BufRead,
    output: &'io mut dyn Write,
}

impl<'io> Prompter<'io> {
    pub fn new(input: &'io mut dyn BufRead, output: &'io mut dyn Write) -> Self {
        Prompter { input, output }
    }

    fn line(&mut self) -> io::Result<String> {
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the input ended before the record was complete",
            ));
        }
        Ok(line.trim().to_owned())
    }

    /// Asks which kind of record to add.
    pub fn ask_kind(&mut self) -> io::Result<Kind> {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        loop {
            write!(self.output, "kind of record ({}): ", names.join(", "))?;
            self.output.flush()?;
            let answer = self.line()?.to_lowercase();
            if let Some(kind) = Kind::named(&answer) {
                return Ok(kind);
            }
            let hint =
                crate::diagnostic::did_you_mean(&answer, names.iter().copied()).unwrap_or_default();
            writeln!(self.output, "  `{answer}` is not a kind of record. {hint}")?;
        }
    }

    /// Asks for every field of `kind` that `draft` has no answer for yet.
    pub fn complete(&mut self, kind: Kind, draft: &mut Draft, ledger: &Ledger) -> io::Result<()> {
        for field in kind.fields() {
            if draft.values.contains_key(field.name) || field.name == "excerpt" {
                continue;
            }
            if field.name == "source" {
                self.ask_citations(kind, draft, ledger)?;
                continue;
            }
            let required = draft.missing(kind).contains(&field.name);
            let mut answers = Vec::new();
            loop {
                let answer = self.ask(field, required && answers.is_empty(), ledger)?;
                if answer.is_empty() {
                    break;
                }
                answers.push(answer);
                if !field.repeats {
                    break;
                }
            }
            draft.values.insert(field.name, answers);
        }
        Ok(())
    }

    /// Sources and their excerpts, in pairs, until an empty source.
    fn ask_citations(&mut self, kind: Kind, draft: &mut Draft, ledger: &Ledger) -> io::Result<()> {
        let source = field_named("source");
        let excerpt = field_named("excerpt");
        let (mut sources, mut excerpts) = (Vec::new(), Vec::new());
        loop {
            let required = sources.is_empty() && draft.missing(kind).contains(&"source");
            let answer = self.ask(source, required, ledger)?;
            if answer.is_empty() {
                break;
            }
            sources.push(answer);
            excerpts.push(self.ask(excerpt, true, ledger)?);
        }
        draft.values.insert("source", sources);
        draft.values.insert("excerpt", excerpts);
        Ok(())
    }

    /// Asks one question until the answer is acceptable; "" means skipped.
    fn ask(&mut self, field: &Field, required: bool, ledger: &Ledger) -> io::Result<String> {
        let ids = match field.holds {
            Holds::Id(target) => add::known_ids(ledger, target),
            _ => Vec::new(),
        };
        loop {
            let hint = match (field.repeats, required) {
                (true, true) => " [one per line]",
                (true, false) => " [one per line, empty when done]",
                (false, true) => "",
                (false, false) => " [optional]",
            };
            write!(self.output, "{} ({}){hint}: ", field.name, field.meaning)?;
            self.output.flush()?;
            let mut answer = self.line()?;
            if answer == "?" && !ids.is_empty() {
                writeln!(
                    self.output,
                    "  {}",
                    ids.iter().take(30).copied().collect::<Vec<_>>().join(", ")
                )?;
                continue;
            }
            if answer.is_empty() {
                if required {
                    writeln!(self.output, "  {} is required", field.name)?;
                    continue;
                }
                return Ok(answer);
            }
            // A unique prefix of a known id completes to it.
            let matching: Vec<&&str> = ids
                .iter()
                .filter(|id| id.starts_with(answer.as_str()))
                .collect();
            if !ids.contains(&answer.as_str()) {
                match matching.as_slice() {
                    [only] => {
                        writeln!(self.output, "  → {only}")?;
                        (**only).clone_into(&mut answer);
                    }
                    [] => {}
                    several => {
                        let shown: Vec<&str> = several.iter().take(10).map(|id| **id).collect();
                        writeln!(self.output, "  `{answer}` could be {}", shown.join(", "))?;
                        continue;
                    }
                }
            }
            match add::check_answer(field, &answer, Some(ledger)) {
                Ok(()) => return Ok(answer),
                Err(why) => writeln!(self.output, "  {why}")?,
            }
        }
    }
}

fn field_named(name: &str) -> &'static Field {
    add::FIELDS
        .iter()
        .find(|f| f.name == name)
        .expect("a known field")
}
