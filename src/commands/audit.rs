//! `rung audit`: many postings from many files, analysed in parallel batches and reported in
//! input order, in memory that does not grow with the input (except `--format html`, which
//! keeps each posting's row for its table).

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Context;
use rung::input::{
    collect_files, read_pending, Columns, Found, InputError, InputFormat, Pending, ReadOptions,
    RowError,
};
use rung::posting::{Analysis, Posting};
use rung::report::csv::CsvReport;
use rung::report::html::HtmlReport;
use rung::report::json::{write_jsonl, JsonArray, JsonLines};
use rung::report::sarif::SarifReport;
use rung::report::summary_text::SummaryReport;
use rung::report::Reporter;
use rung::Analyzer;

use super::progress::Progress;
use crate::cli::{AuditArgs, AuditFormat};

/// Postings analysed together; bounds memory while keeping every core busy.
const BATCH: usize = rung::pipeline::BATCH;

pub fn run(analyzer: &Analyzer, args: AuditArgs) -> anyhow::Result<ExitCode> {
    // Missing or unreadable paths are counted where they stand, and the rest is still read.
    let mut files = Vec::new();
    for path in &args.paths {
        collect_files(path, &mut files);
    }
    let format = output_format(&args)?;
    let interrupted = on_interrupt(args.output.as_deref().map(tmp_path))?;
    let (sink, tmp) = open_output(args.output.as_deref())?;
    let result = audit(analyzer, &args, &files, format, sink, &interrupted);
    match (&result, tmp, &args.output) {
        (Ok(Outcome::Done(_)), Some(tmp), Some(out)) => {
            if let Err(e) = std::fs::rename(&tmp, out) {
                let _ = std::fs::remove_file(&tmp);
                return Err(e).with_context(|| format!("writing {}", out.display()));
            }
        }
        (_, Some(tmp), _) => {
            let _ = std::fs::remove_file(tmp);
        }
        _ => {}
    }
    match result? {
        Outcome::Done(code) => Ok(code),
        Outcome::Interrupted => {
            let what = if args.output.is_some() {
                "no report written"
            } else {
                "the output is incomplete"
            };
            eprintln!("rung: interrupted: {what}");
            Ok(ExitCode::from(130))
        }
    }
}

/// How an audit ended.
enum Outcome {
    Done(ExitCode),
    /// Ctrl-C: the caller removes the partial report.
    Interrupted,
}

/// A flag that the first Ctrl-C sets, so the audit stops at the next batch and removes its
/// partial report; a second Ctrl-C (say, while stdin is quiet) removes it and ends the
/// process at once.
fn on_interrupt(tmp: Option<PathBuf>) -> anyhow::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = Arc::clone(&flag);
    ctrlc::set_handler(move || {
        if set.swap(true, Ordering::SeqCst) {
            if let Some(tmp) = &tmp {
                let _ = std::fs::remove_file(tmp);
            }
            eprintln!("rung: interrupted: no report written");
            std::process::exit(130);
        }
    })
    .context("installing the Ctrl-C handler")?;
    Ok(flag)
}

#[derive(Default)]
struct Stats {
    read: usize,
    rejected: usize,
    /// Inputs that could not be read at all: the run goes on, then exits 2.
    unreadable: usize,
    failed: bool,
}

impl Stats {
    /// Counts one analysed posting, showing its truncation warning if it has one.
    fn analysed(&mut self, failed: bool, warning: Option<String>, progress: &Progress) {
        if let Some(warning) = warning {
            progress.println(&warning);
        }
        self.read += 1;
        self.failed |= failed;
    }
}

/// Where analysed postings go: JSON lines rendered by the workers and written as they come,
/// or a reporter that needs the posting and its analysis.
enum Sink {
    Lines(Box<dyn Write>),
    Report(Box<dyn Reporter>),
}

/// A posting after a worker is done with it.
enum Done {
    /// Analysed and rendered as one JSON line (`--format jsonl`).
    Line {
        json: Vec<u8>,
        failed: bool,
        warning: Option<String>,
    },
    Analysed {
        both: Box<(Posting, Analysis)>,
        failed: bool,
        warning: Option<String>,
    },
    Rejected(RowError),
    /// A whole input that cannot be read, in its place among the rows.
    Unreadable(anyhow::Error),
    /// A file a directory holds that rung does not read: named, not counted.
    Skipped(InputError),
}

/// A row that could not be read, as the line that stands in for it on stdin: a filter keeps
/// one output line per input line.
#[derive(serde::Serialize)]
struct RejectedLine<'a> {
    id: &'a str,
    error: &'a str,
}

fn audit(
    analyzer: &Analyzer,
    args: &AuditArgs,
    files: &[Found],
    format: AuditFormat,
    sink: Box<dyn Write>,
    interrupted: &Arc<AtomicBool>,
) -> anyhow::Result<Outcome> {
    let progress = Progress::new(total_bytes(files));
    let options = read_options(args);
    let rows = files.iter().flat_map(|found| match found {
        Found::File(path) => match open(path, args, &options, &progress) {
            Ok(rows) => Box::new(rows.map(Item::Row)) as Box<dyn Iterator<Item = _> + Send>,
            Err(e) => Box::new(std::iter::once(Item::Unreadable(e))),
        },
        Found::Unreadable(e) => Box::new(std::iter::once(Item::Unreadable(e.clone().into()))),
        Found::Skipped(e) => Box::new(std::iter::once(Item::Skipped(e.clone()))),
    });
    // On stdin rung is a filter (`RDD.pipe`): whatever has arrived is analysed and written at
    // once, and a broken line still gets its output line.
    let streaming = files
        .iter()
        .any(|f| matches!(f, Found::File(p) if p.as_os_str() == "-"));
    let mut sink = match format {
        AuditFormat::Jsonl => Sink::Lines(sink),
        _ => Sink::Report(reporter(format, sink)),
    };
    let mut stats = Stats::default();
    let pipeline = rung::pipeline::Options {
        batch: BATCH,
        streaming,
        threads: None,
        stop: Some(Arc::clone(interrupted)),
    };
    let each = |item| match item {
        Item::Row(pending) => work(analyzer, args, format, pending),
        Item::Unreadable(e) => Done::Unreadable(e),
        Item::Skipped(e) => Done::Skipped(e),
    };
    // One thread reads (and splits lines) while the workers parse, analyse and render.
    let finished = rung::pipeline::run(rows, &pipeline, each, |done| {
        write(&mut sink, &mut stats, done, streaming, &progress)?;
        progress.update(stats.read);
        anyhow::Ok(())
    })?;
    if !finished || interrupted.load(Ordering::SeqCst) {
        progress.finish();
        return Ok(Outcome::Interrupted);
    }
    match &mut sink {
        Sink::Lines(out) => out.flush()?,
        Sink::Report(reporter) => reporter.finish()?,
    }
    progress.finish();
    eprintln!(
        "rung: {} postings read, {} analysed, {} rejected ({} rows)",
        stats.read,
        stats.read,
        stats.rejected,
        stats.read + stats.rejected
    );
    Ok(Outcome::Done(if stats.read == 0 && !streaming {
        // An empty report is no success (stdin stays a filter: an empty stream is fine).
        eprintln!("rung: error: no posting analysed");
        ExitCode::from(2)
    } else if stats.unreadable > 0 {
        eprintln!(
            "rung: error: {} input{} could not be read",
            stats.unreadable,
            if stats.unreadable == 1 { "" } else { "s" }
        );
        ExitCode::from(2)
    } else if stats.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }))
}

/// What the inputs yield: rows, a whole input that cannot be read, or a file skipped.
enum Item {
    Row(Pending),
    Unreadable(anyhow::Error),
    Skipped(InputError),
}

/// A worker's part: parse (JSON Lines), analyse, and render when the output is JSON Lines.
fn work(analyzer: &Analyzer, args: &AuditArgs, format: AuditFormat, pending: Pending) -> Done {
    let mut posting = match pending.into_row() {
        Ok(posting) => posting,
        Err(e) => return Done::Rejected(e),
    };
    if let Some(lang) = &args.lang {
        posting.lang = Some(lang.clone());
    }
    let analysis = analyzer.analyze(&posting);
    let failed = super::exit_code([&analysis], args.fail_on) != ExitCode::SUCCESS;
    let warning = rung::analyzer::is_truncated(&posting)
        .then(|| super::truncation_warning(&posting.id, &posting));
    if format != AuditFormat::Jsonl {
        let both = Box::new((posting, analysis));
        return Done::Analysed {
            both,
            failed,
            warning,
        };
    }
    let mut json = Vec::with_capacity(posting.description.len().min(1 << 20) + 1024);
    write_jsonl(&mut json, &analysis).expect("writing to memory");
    Done::Line {
        json,
        failed,
        warning,
    }
}

/// Writes one batch in input order and counts it.
fn write(
    sink: &mut Sink,
    stats: &mut Stats,
    done: Vec<Done>,
    streaming: bool,
    progress: &Progress,
) -> anyhow::Result<()> {
    for item in done {
        match (item, &mut *sink) {
            (
                Done::Line {
                    json,
                    failed,
                    warning,
                },
                Sink::Lines(out),
            ) => {
                stats.analysed(failed, warning, progress);
                out.write_all(&json)?;
            }
            (
                Done::Analysed {
                    both,
                    failed,
                    warning,
                },
                Sink::Report(reporter),
            ) => {
                stats.analysed(failed, warning, progress);
                reporter.add(&both.0, &both.1)?;
            }
            (Done::Rejected(e), sink) => {
                stats.rejected += 1;
                match sink {
                    Sink::Report(reporter) => reporter.reject(),
                    Sink::Lines(out) if streaming => {
                        let line = RejectedLine {
                            id: &e.location,
                            error: &e.message,
                        };
                        serde_json::to_writer(&mut *out, &line)?;
                        out.write_all(b"\n")?;
                    }
                    Sink::Lines(_) => {}
                }
                progress.println(&format!("rung: skipped {e}"));
            }
            (Done::Unreadable(e), sink) => {
                // A file is one rejected row, so that read + rejected still adds up.
                stats.unreadable += 1;
                stats.rejected += 1;
                if let Sink::Report(reporter) = sink {
                    reporter.reject();
                }
                progress.println(&format!("rung: error: {e:#}"));
            }
            (Done::Skipped(e), _) => progress.println(&format!("rung: skipped {e}")),
            _ => unreachable!("workers render exactly when the sink takes lines"),
        }
    }
    if streaming {
        match sink {
            Sink::Lines(out) => out.flush()?,
            Sink::Report(_) => {}
        }
    }
    Ok(())
}

fn reporter(format: AuditFormat, sink: Box<dyn Write>) -> Box<dyn Reporter> {
    match format {
        AuditFormat::Jsonl => Box::new(JsonLines(sink)),
        AuditFormat::Json => Box::new(JsonArray::new(sink)),
        AuditFormat::Csv => Box::new(CsvReport::new(sink)),
        AuditFormat::Summary => Box::new(SummaryReport::new(sink)),
        AuditFormat::Html => Box::new(HtmlReport::new(sink)),
        AuditFormat::Sarif => Box::new(SarifReport::new(sink)),
    }
}

/// The formats an `-o` file's extension names.
const EXTENSIONS: &[(&str, AuditFormat)] = &[
    ("html", AuditFormat::Html),
    ("htm", AuditFormat::Html),
    ("csv", AuditFormat::Csv),
    ("json", AuditFormat::Json),
    ("jsonl", AuditFormat::Jsonl),
    ("ndjson", AuditFormat::Jsonl),
    ("sarif", AuditFormat::Sarif),
    ("txt", AuditFormat::Summary),
];

/// `--format`, else the `-o` file's extension, else a summary for a person at a terminal
/// and JSON Lines for a program. An extension rung does not know is an error: writing JSON
/// Lines into `report.pdf` would only surprise.
fn output_format(args: &AuditArgs) -> anyhow::Result<AuditFormat> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let Some(output) = &args.output else {
        return Ok(if std::io::stdout().is_terminal() {
            AuditFormat::Summary
        } else {
            AuditFormat::Jsonl
        });
    };
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match EXTENSIONS.iter().find(|(known, _)| *known == ext) {
        Some(&(_, format)) => Ok(format),
        None => {
            let known: Vec<String> = EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect();
            anyhow::bail!(
                "-o {}: rung cannot tell the report format from this name; use one of {} \
                 (or say --format)",
                output.display(),
                known.join(", ")
            )
        }
    }
}

fn input_format(path: &Path, args: &AuditArgs) -> anyhow::Result<InputFormat> {
    if let Some(format) = args.input_format {
        return Ok(format.into());
    }
    if path.as_os_str() == "-" {
        return Ok(InputFormat::Jsonl);
    }
    InputFormat::from_path(path).with_context(|| {
        format!(
            "{}: {}; or say --input-format",
            path.display(),
            rung::input::unsupported(path)
        )
    })
}

fn read_options(args: &AuditArgs) -> ReadOptions {
    ReadOptions {
        delimiter: args.delimiter.map(|d| d.0),
        columns: Columns {
            title: args.title_col.clone(),
            text: args.text_col.clone(),
            id: args.id_col.clone(),
            level: args.level_col.clone(),
        },
    }
}

fn open(
    path: &Path,
    args: &AuditArgs,
    options: &ReadOptions,
    progress: &Progress,
) -> anyhow::Result<Box<dyn Iterator<Item = Pending> + Send + 'static>> {
    let format = input_format(path, args)?;
    let rows = if path.as_os_str() == "-" {
        read_pending(
            "<stdin>",
            format,
            progress.reader(std::io::stdin()),
            options,
        )?
    } else {
        let name = path.display().to_string();
        let file = File::open(path).with_context(|| format!("opening {name}"))?;
        read_pending(&name, format, progress.reader(file), options)?
    };
    Ok(rows)
}

/// All the inputs' sizes, for the ETA; unknown when one is stdin.
fn total_bytes(files: &[Found]) -> Option<u64> {
    files
        .iter()
        .map(|f| match f {
            Found::File(f) if f.as_os_str() == "-" => None,
            Found::File(f) => Some(std::fs::metadata(f).map_or(0, |m| m.len())),
            _ => Some(0),
        })
        .sum()
}

/// The temporary file beside `path` that a report is written to before it is renamed.
fn tmp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.rung-tmp"))
}

/// Writes go to a temporary file beside the target, renamed into place when complete.
fn open_output(path: Option<&Path>) -> anyhow::Result<(Box<dyn Write>, Option<PathBuf>)> {
    let Some(path) = path else {
        return Ok((Box::new(BufWriter::new(std::io::stdout().lock())), None));
    };
    let tmp = tmp_path(path);
    let file = File::create(&tmp).with_context(|| format!("creating {}", path.display()))?;
    Ok((Box::new(BufWriter::new(file)), Some(tmp)))
}
