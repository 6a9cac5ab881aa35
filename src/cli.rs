//! The command line: what was typed → library options → output and exit status.
//!
//! The only module that prints, and the only one that reads the clock.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the CLI's job is to print"
)]

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::add;
use crate::error::Error;
use crate::load;
use crate::prompt;
use crate::render::{self, human::Style};
use crate::rules::{RULES, Rule};
use crate::scan;
use crate::sheet;
use crate::value::PartialDate;
use crate::verify::{self, Outcome};

/// Keep sourced figures and quotes in a plain-text ledger, and check them like code.
#[derive(Debug, Parser)]
#[command(name = "factledger", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 clean, 1 findings at error severity (or warnings with \
--deny-warnings), 2 the ledger could not be read or the command was misused."
)]
struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a ledger: structure, references, attribution and dates.
    ///
    /// Every finding is reported with its file, line and column. Exit status 0 when
    /// clean, 1 with errors (or warnings with --deny-warnings), 2 when the ledger
    /// cannot be read.
    Verify(VerifyArgs),
    /// Append a claim, source, entity or measure to a ledger, safely.
    ///
    /// The record comes from flags (`factledger add figure --subject syria ...`), from
    /// a RON record (`--from FILE`, or `--from -` for standard input), or from
    /// questions asked one field at a time in a terminal. It is checked with the whole
    /// ledger first: a record that brings an error is refused and nothing is written.
    /// Otherwise it is inserted at the end of its list, every other byte of the file
    /// unchanged, under a lock and with an atomic rename.
    Add(Box<AddArgs>),
    /// Find an article's figures, dates and quotes, and which the ledger does not hold.
    ///
    /// Reads plain text (or HTML, from a `.html` file), lists every figure, date and
    /// quotation with the claim that records it, and the coverage. `--format ron`
    /// prints a record to fill in for each one not yet recorded.
    Scan(ScanArgs),
    /// Write a fact sheet: selected claims with their attribution and footnotes.
    ///
    /// Markdown, standalone HTML or JSON. Every figure is given in words with who says
    /// it and who reported it; each source is footnoted once; disagreeing sources are
    /// set side by side; stale figures are marked; superseded claims are left out. A
    /// ledger with errors gives no sheet unless `--allow-errors`.
    Sheet(SheetArgs),
    /// Explain a rule: what it checks, why, a failing and a passing example.
    Explain {
        /// The rule's name, e.g. `duplicate-id` (see `factledger rules`).
        rule: String,
    },
    /// List every rule with its default severity.
    Rules,
}

#[derive(Debug, clap::Args)]
struct VerifyArgs {
    /// Ledger file to check.
    #[arg(default_value = "ledger.ron")]
    ledger: PathBuf,
    /// The date to judge "future" and "stale" against, as YYYY-MM-DD (default: today's date).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<PartialDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Also show findings waived by a record's `allow`, with the reason.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style messages with the source line and a caret.
    Human,
    /// One JSON document: findings with file, line and column, and a summary.
    Json,
    /// SARIF 2.1.0, for code-scanning interfaces.
    Sarif,
    /// GitHub Actions annotations (10 per level are shown), then a summary line.
    Github,
}

#[derive(Debug, clap::Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches of one command"
)]
struct SheetArgs {
    /// Ledger file to read.
    #[arg(default_value = "ledger.ron")]
    ledger: PathBuf,
    /// Only claims with this tag; repeatable.
    #[arg(long)]
    tag: Vec<String>,
    /// Only claims about this entity (a quote's speaker); repeatable.
    #[arg(long)]
    subject: Vec<String>,
    /// Only figures of this measure; repeatable.
    #[arg(long)]
    measure: Vec<String>,
    /// Only this claim; repeatable.
    #[arg(long)]
    id: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SheetFormat::Md)]
    format: SheetFormat,
    /// How footnotes cite sources.
    #[arg(long, value_enum, default_value_t = CitationStyle::House)]
    style: CitationStyle,
    /// The sheet's title (default: "Fact sheet: LEDGER").
    #[arg(long)]
    title: Option<String>,
    /// The date the sheet is made on, as YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<PartialDate>,
    /// Write the sheet to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Make the sheet even if the ledger has errors; the sheet says so at the top.
    #[arg(long)]
    allow_errors: bool,
    /// List superseded claims under "History".
    #[arg(long)]
    history: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SheetFormat {
    /// Markdown (CommonMark with footnotes).
    Md,
    /// One standalone HTML page.
    Html,
    /// The claims, their attribution and sources as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CitationStyle {
    /// Title, publisher, date, URL, retrieval date.
    House,
    /// APA 7th edition.
    Apa,
    /// Chicago notes and bibliography.
    Chicago,
}

#[derive(Debug, clap::Args)]
struct ScanArgs {
    /// The article: a text file, or `.html`.
    article: PathBuf,
    /// Ledger to look for the article's claims in.
    #[arg(long, short, default_value = "ledger.ron")]
    ledger: PathBuf,
    /// Only claims citing this source count; its publication date resolves "last week".
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// The article's date, for relative dates, when `--source` gives none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<PartialDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScanFormat::Human)]
    format: ScanFormat,
    /// Exit with status 1 when less than this percentage is recorded.
    #[arg(long, value_name = "PERCENT")]
    fail_under: Option<rust_decimal::Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScanFormat {
    /// What is recorded by which claim, what is not and where.
    Human,
    /// Every item with its claim, and the totals.
    Json,
    /// A record to fill in for each item not yet recorded.
    Ron,
}

/// Reads a kind of record by its name, offering the names as clap's possible values.
fn record_kind() -> impl clap::builder::TypedValueParser<Value = add::Kind> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(add::Kind::ALL.map(add::Kind::name))
        .map(|name: String| add::Kind::named(&name).expect("clap accepts only the kinds' names"))
}

#[derive(Debug, clap::Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches of one command"
)]
struct AddArgs {
    /// Kind of record to add.
    #[arg(value_name = "KIND", value_parser = record_kind())]
    record: Option<add::Kind>,
    /// Ledger file to append to.
    #[arg(long, short, default_value = "ledger.ron")]
    ledger: PathBuf,
    /// Append to this file of the ledger (one it includes) instead of the ledger file.
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    /// Read the record as RON from FILE, or from standard input with `-`.
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
    /// Ask for each missing field (the default in a terminal when fields are missing).
    #[arg(long, short)]
    interactive: bool,
    /// Print the change as a diff and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Refuse the record if it brings warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// The date to judge "future" and "stale" against, as YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<PartialDate>,

    /// The record's id (default: derived from the record, made unique).
    #[arg(long, help_heading = "Any record")]
    id: Option<String>,
    #[arg(long, help_heading = "Any record")]
    note: Option<String>,

    /// The sentence as a fact sheet prints it.
    #[arg(long, help_heading = "Claims")]
    text: Option<String>,
    /// Who asserts it (entity id); left out, the ledger's own voice.
    #[arg(long, help_heading = "Claims")]
    claimant: Option<String>,
    /// A source it is cited from (source id); repeat with one --excerpt each.
    #[arg(long, help_heading = "Claims")]
    source: Vec<String>,
    /// The exact passage of the source that supports it.
    #[arg(long, help_heading = "Claims")]
    excerpt: Vec<String>,
    /// A tag, for selecting claims in fact sheets; repeatable.
    #[arg(long, help_heading = "Claims")]
    tag: Vec<String>,

    /// What a figure, event or statement is about (entity id).
    #[arg(long, help_heading = "Figures, events, statements")]
    subject: Option<String>,
    /// What the figure counts (measure id).
    #[arg(long, help_heading = "Figures, events, statements")]
    measure: Option<String>,
    /// The value: `40`, `about 25`, `more than 330,000`, `between 300 and 400`.
    #[arg(
        long,
        help_heading = "Figures, events, statements",
        allow_hyphen_values = true
    )]
    value: Option<String>,
    /// The unit (must be the measure's); for `add measure`, the measure's unit.
    #[arg(long, help_heading = "Figures, events, statements")]
    unit: Option<String>,
    /// The date the figure holds for: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, help_heading = "Figures, events, statements")]
    as_of: Option<String>,
    /// The start of a cumulative count.
    #[arg(long, help_heading = "Figures, events, statements")]
    since: Option<String>,
    /// For a share: the whole it is part of (entity id).
    #[arg(long, help_heading = "Figures, events, statements")]
    of: Option<String>,
    /// The event's first day.
    #[arg(long, help_heading = "Figures, events, statements")]
    start: Option<String>,
    /// The event's last day.
    #[arg(long, help_heading = "Figures, events, statements")]
    end: Option<String>,

    /// Who said the words (entity id).
    #[arg(long, help_heading = "Quotes and statements")]
    speaker: Option<String>,
    /// The words, verbatim.
    #[arg(long, help_heading = "Quotes and statements")]
    words: Option<String>,
    /// When it was said.
    #[arg(long, help_heading = "Quotes and statements")]
    said: Option<String>,

    #[arg(long, help_heading = "Sources")]
    title: Option<String>,
    /// Who published it (entity id).
    #[arg(long, help_heading = "Sources")]
    publisher: Option<String>,
    #[arg(long, help_heading = "Sources")]
    url: Option<String>,
    #[arg(long, help_heading = "Sources")]
    published: Option<String>,
    #[arg(long, help_heading = "Sources")]
    retrieved: Option<String>,
    /// What it reports from (entity or source id); repeatable.
    #[arg(long, help_heading = "Sources")]
    via: Vec<String>,
    /// A text copy of it, relative to the ledger's folder.
    #[arg(long, help_heading = "Sources")]
    archive: Option<String>,

    #[arg(long, help_heading = "Entities")]
    name: Option<String>,
    /// Organization, Person, Group, Place, Event or Other.
    #[arg(long = "kind", help_heading = "Entities")]
    entity_kind: Option<String>,
    /// Another name it goes by; repeatable.
    #[arg(long, help_heading = "Entities")]
    alias: Vec<String>,

    /// Values are whole numbers (yes or no).
    #[arg(long, help_heading = "Measures")]
    whole: Option<String>,
    /// A running count that cannot go down (yes or no).
    #[arg(long, help_heading = "Measures")]
    cumulative: Option<String>,
    /// How many days a figure stays current.
    #[arg(long, help_heading = "Measures")]
    stale_after_days: Option<String>,
}

impl AddArgs {
    /// The fields given as flags, by their `add` field name.
    fn given(&self) -> Vec<(&'static str, Vec<String>)> {
        let one = |v: &Option<String>| v.iter().cloned().collect::<Vec<_>>();
        let fields = [
            ("id", one(&self.id)),
            ("note", one(&self.note)),
            ("text", one(&self.text)),
            ("claimant", one(&self.claimant)),
            ("source", self.source.clone()),
            ("excerpt", self.excerpt.clone()),
            ("tag", self.tag.clone()),
            ("subject", one(&self.subject)),
            ("measure", one(&self.measure)),
            ("value", one(&self.value)),
            ("unit", one(&self.unit)),
            ("as-of", one(&self.as_of)),
            ("since", one(&self.since)),
            ("of", one(&self.of)),
            ("start", one(&self.start)),
            ("end", one(&self.end)),
            ("speaker", one(&self.speaker)),
            ("words", one(&self.words)),
            ("said", one(&self.said)),
            ("title", one(&self.title)),
            ("publisher", one(&self.publisher)),
            ("url", one(&self.url)),
            ("published", one(&self.published)),
            ("retrieved", one(&self.retrieved)),
            ("via", self.via.clone()),
            ("archive", one(&self.archive)),
            ("name", one(&self.name)),
            ("kind", one(&self.entity_kind)),
            ("alias", self.alias.clone()),
            ("whole", one(&self.whole)),
            ("cumulative", one(&self.cumulative)),
            ("stale-after-days", one(&self.stale_after_days)),
        ];
        fields.into_iter().filter(|(_, v)| !v.is_empty()).collect()
    }
}

fn parse_date(text: &str) -> Result<PartialDate, String> {
    let date: PartialDate = text
        .parse()
        .map_err(|e: crate::value::DateError| e.to_string())?;
    if date.day().is_none() {
        return Err(format!("`{text}` is not a full date; write YYYY-MM-DD"));
    }
    Ok(date)
}

/// The process's exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: nothing that fails the run.
    Clean,
    /// 1: findings at error severity (or warnings with `--deny-warnings`).
    Findings,
    /// 2: the ledger could not be read, or the command was misused.
    Failed,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(match status {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failed => 2,
        })
    }
}

impl From<Outcome> for ExitStatus {
    fn from(outcome: Outcome) -> ExitStatus {
        match outcome {
            Outcome::Clean => ExitStatus::Clean,
            Outcome::Findings => ExitStatus::Findings,
            Outcome::Unreadable => ExitStatus::Failed,
        }
    }
}

/// Runs the command line `args` (program name first) and returns the exit status.
pub fn main(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors; clap knows which is which.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let style = match cli.color {
        ColorChoice::Always => Style::Colored,
        ColorChoice::Auto
            if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() =>
        {
            Style::Colored
        }
        ColorChoice::Auto | ColorChoice::Never => Style::Plain,
    };
    match run(cli.command, style) {
        Ok(status) => status.into(),
        Err(e) => {
            eprintln!("error: {}", chain(&e));
            ExitStatus::Failed.into()
        }
    }
}

/// "cannot read `x`: No such file or directory (os error 2)".
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Writes to stdout; a closed pipe (`factledger verify | head`) is not an error.
fn emit(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}

fn today() -> PartialDate {
    PartialDate::from_date(jiff::ZonedDateTime::now().date())
}

fn run(command: Command, style: Style) -> Result<ExitStatus, Error> {
    match command {
        Command::Verify(args) => run_verify(&args, style),
        Command::Add(args) => run_add(&args, style),
        Command::Scan(args) => run_scan(&args, style),
        Command::Sheet(args) => run_sheet(&args, style),
        Command::Explain { rule } => {
            let Some(found) = Rule::find(&rule) else {
                let hint = crate::diagnostic::did_you_mean(&rule, RULES.iter().map(|r| r.name))
                    .unwrap_or_else(|| "`factledger rules` lists them".to_owned());
                return Err(Error::Usage(format!("no rule is named `{rule}`; {hint}")));
            };
            emit(&format!(
                "{} ({})\n\n{}\n",
                found.name,
                found.severity.name(),
                found.explanation().trim_end()
            ))?;
            Ok(ExitStatus::Clean)
        }
        Command::Rules => {
            let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
            let mut text = String::new();
            for rule in RULES {
                let _ = writeln!(
                    text,
                    "{:width$}  {:7}  {}",
                    rule.name,
                    rule.severity.name(),
                    rule.summary()
                );
            }
            emit(&text)?;
            Ok(ExitStatus::Clean)
        }
    }
}

fn run_verify(args: &VerifyArgs, style: Style) -> Result<ExitStatus, Error> {
    let options = verify::Options {
        today: Some(args.today.unwrap_or_else(today)),
        deny_warnings: args.deny_warnings,
    };
    let report = verify::verify(&args.ledger, &options)?;
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| args.verbose || d.allowed.is_none())
        .cloned()
        .collect();
    let text = match args.format {
        Format::Human => {
            let name = args.ledger.display();
            let summary = render::summary(report.records(), report.counts());
            format!(
                "{}{name}: {summary}\n",
                render::human::human(&shown, &report.loaded.files, style)
            )
        }
        Format::Json => render::json::json(&shown, &report.loaded.files, report.records()),
        Format::Sarif => render::sarif::sarif(&report.diagnostics, &report.loaded.files, RULES),
        Format::Github => render::github::github(&report.diagnostics, &report.loaded.files),
    };
    emit(&text)?;
    Ok(report.outcome(&options).into())
}

/// The record `add` appends: from `--from`, or flags completed by questions.
fn record_to_add(args: &AddArgs, style: Style) -> Result<Result<load::Parsed, ExitStatus>, Error> {
    let given = args.given();
    let piped = !std::io::stdin().is_terminal();
    let from = args.from.clone().or_else(|| {
        (args.record.is_none() && given.is_empty() && piped && !args.interactive)
            .then(|| PathBuf::from("-"))
    });
    if let Some(from) = from {
        if let Some((name, _)) = given.first() {
            return Err(Error::Usage(format!(
                "--{name} cannot be combined with --from: the record comes whole from the file"
            )));
        }
        let (name, text) = if from.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|source| Error::Read {
                    path: from.clone(),
                    source,
                })?;
            (PathBuf::from("<stdin>"), text)
        } else {
            let text = std::fs::read_to_string(&from).map_err(|source| Error::Read {
                path: from.clone(),
                source,
            })?;
            (from, text)
        };
        return Ok(match load::parse_one(&name, text) {
            Ok(record) => Ok(record),
            Err(loaded) => {
                emit(&render::human::human(
                    &loaded.diagnostics,
                    &loaded.files,
                    style,
                ))?;
                Err(ExitStatus::Failed)
            }
        });
    }
    let ask = args.interactive || !piped;
    let ledger = || load::load(&args.ledger).map(|loaded| loaded.ledger);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut output = std::io::stderr();
    let kind = match args.record {
        Some(kind) => kind,
        None if ask => prompt::Prompter::new(&mut input, &mut output).ask_kind().map_err(prompt_error)?,
        None => return Err(Error::Usage("say which kind of record to add (figure, quote, event, statement, source, entity or measure), or give --from FILE".to_owned())),
    };
    let mut draft = add::Draft::default();
    for (name, values) in given {
        if !draft.set(kind, name, values) {
            return Err(Error::Usage(format!(
                "--{name} does not apply to {}",
                kind.with_article()
            )));
        }
    }
    if ask && (!draft.missing(kind).is_empty() || args.interactive) {
        prompt::Prompter::new(&mut input, &mut output)
            .complete(kind, &mut draft, &ledger()?)
            .map_err(prompt_error)?;
    }
    add::build(kind, &draft).map(Ok).map_err(Error::Usage)
}

fn prompt_error(source: std::io::Error) -> Error {
    Error::Read {
        path: PathBuf::from("<stdin>"),
        source,
    }
}

fn run_add(args: &AddArgs, style: Style) -> Result<ExitStatus, Error> {
    let record = match record_to_add(args, style)? {
        Ok(record) => record,
        Err(status) => return Ok(status),
    };
    let options = add::Options {
        today: Some(args.today.unwrap_or_else(today)),
        deny_warnings: args.deny_warnings,
        dry_run: args.dry_run,
    };
    let name = args.ledger.display();
    match add::add(&args.ledger, args.file.as_deref(), record, &options)? {
        add::Outcome::Added {
            id,
            section,
            diff,
            findings,
            new_findings,
        } => {
            let shown = render::human::human(&new_findings, &findings.loaded.files, style);
            let done = if args.dry_run { "would add" } else { "added" };
            let head = if args.dry_run { diff } else { String::new() };
            emit(&format!(
                "{head}{shown}{done} `{id}` to the {} of {name}\n",
                section.name()
            ))?;
            Ok(ExitStatus::Clean)
        }
        add::Outcome::Refused {
            findings,
            new_findings,
        } => {
            let shown = render::human::human(&new_findings, &findings.loaded.files, style);
            let errors = new_findings
                .iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .count();
            emit(&format!(
                "{shown}nothing was written: the record brings {} to {name}\n",
                if errors == 1 {
                    "1 error".to_owned()
                } else {
                    format!("{errors} errors")
                }
            ))?;
            Ok(ExitStatus::Findings)
        }
        add::Outcome::Unreadable { findings } => {
            let shown: Vec<_> = findings
                .diagnostics
                .iter()
                .filter(|d| d.rule == "parse-error")
                .cloned()
                .collect();
            emit(&format!(
                "{}nothing was written: {name} cannot be read as it stands; fix it first (`factledger verify` lists the problems)\n",
                render::human::human(&shown, &findings.loaded.files, style)
            ))?;
            Ok(ExitStatus::Failed)
        }
    }
}

fn run_scan(args: &ScanArgs, style: Style) -> Result<ExitStatus, Error> {
    let raw = std::fs::read_to_string(&args.article).map_err(|source| Error::Read {
        path: args.article.clone(),
        source,
    })?;
    let html = args
        .article
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let text = if html { scan::html_to_text(&raw) } else { raw };
    let loaded = load::load(&args.ledger)?;
    if loaded.has_parse_errors() {
        emit(&render::human::human(
            &loaded.diagnostics,
            &loaded.files,
            style,
        ))?;
        return Err(Error::Usage(format!(
            "`{}` cannot be read; fix it first",
            args.ledger.display()
        )));
    }
    let source = match &args.source {
        Some(id) => Some(
            loaded
                .ledger
                .sources
                .iter()
                .find(|s| s.id == *id)
                .ok_or_else(|| {
                    let ids = loaded.ledger.sources.iter().map(|s| s.id.as_str());
                    let hint = crate::diagnostic::did_you_mean(id, ids).unwrap_or_default();
                    Error::Usage(format!(
                        "no source `{id}` in `{}` {hint}",
                        args.ledger.display()
                    ))
                })?,
        ),
        None => None,
    };
    let reference = args.date.or_else(|| {
        source
            .and_then(|s| s.published.as_ref())
            .and_then(crate::value::DateField::date)
    });
    let items = scan::extract(&text, reference);
    let coverage = scan::cover(items, &loaded.ledger, args.source.as_deref());
    let name = args.article.display().to_string();
    emit(&match args.format {
        ScanFormat::Human => scan::human(&name, &coverage),
        ScanFormat::Json => scan::json(&coverage),
        ScanFormat::Ron => scan::stubs(&coverage, args.source.as_deref(), reference),
    })?;
    let short = args
        .fail_under
        .is_some_and(|floor| scan::percent(&coverage) < floor);
    Ok(if short {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

fn run_sheet(args: &SheetArgs, style: Style) -> Result<ExitStatus, Error> {
    let today = args.today.unwrap_or_else(today);
    let options = verify::Options {
        today: Some(today),
        deny_warnings: false,
    };
    let report = verify::verify(&args.ledger, &options)?;
    let outcome = report.outcome(&options);
    if outcome != Outcome::Clean && !args.allow_errors {
        let shown: Vec<_> = report
            .active()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .cloned()
            .collect();
        emit(&format!(
            "{}no sheet was made: {} has errors; fix them, or give --allow-errors to make a sheet that says so\n",
            render::human::human(&shown, &report.loaded.files, style),
            args.ledger.display()
        ))?;
        return Ok(outcome.into());
    }
    let sheet = sheet::build(
        &report,
        &sheet::Options {
            title: args.title.clone(),
            tags: args.tag.clone(),
            subjects: args.subject.clone(),
            measures: args.measure.clone(),
            ids: args.id.clone(),
            style: match args.style {
                CitationStyle::House => sheet::Style::House,
                CitationStyle::Apa => sheet::Style::Apa,
                CitationStyle::Chicago => sheet::Style::Chicago,
            },
            history: args.history,
            today: Some(today),
            ledger_name: args.ledger.display().to_string(),
        },
    );
    let text = match args.format {
        SheetFormat::Md => sheet::markdown::markdown(&sheet),
        SheetFormat::Html => sheet::html::html(&sheet),
        SheetFormat::Json => sheet::json::json(&sheet),
    };
    match &args.output {
        Some(path) => crate::file::write_atomically(path, &text)?,
        None => emit(&text)?,
    }
    Ok(ExitStatus::Clean)
}
