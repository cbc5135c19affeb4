use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rung::input::{posting_from_text, read_jsonl, RowError};
use rung::report::json;
use rung::{Analysis, Analyzer, Posting};

use crate::cli::{AuditArgs, AuditFormat};

/// Postings analysed together; bounds memory while keeping every core busy.
const BATCH: usize = 1024;

type Row = Result<Posting, RowError>;

pub fn run(analyzer: &Analyzer, args: AuditArgs) -> anyhow::Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .ok();
    }
    let mut files = Vec::new();
    for path in &args.paths {
        collect(path, &mut files, 0)?;
    }
    let (mut sink, tmp) = open_output(args.output.as_deref())?;
    let mut stats = Stats::default();
    let mut worst_exit = ExitCode::SUCCESS;
    let mut first = true;
    if args.format == AuditFormat::Json {
        sink.write_all(b"[\n")?;
    }
    for file in &files {
        let rows = open_rows(file)?;
        let mut batch: Vec<Row> = Vec::with_capacity(BATCH);
        let mut rows = rows.peekable();
        while rows.peek().is_some() {
            batch.clear();
            batch.extend(rows.by_ref().take(BATCH).map(|row| {
                row.map(|mut p| {
                    if args.lang.is_some() {
                        p.lang = args.lang.clone();
                    }
                    p
                })
            }));
            let analyses: Vec<Result<Analysis, &RowError>> = batch
                .par_iter()
                .map(|row| row.as_ref().map(|p| analyzer.analyze(p)))
                .collect();
            for result in &analyses {
                match result {
                    Ok(a) => {
                        stats.analysed += 1;
                        if super::exit_code([a], args.fail_on) != ExitCode::SUCCESS {
                            worst_exit = ExitCode::from(1);
                        }
                        match args.format {
                            AuditFormat::Jsonl => json::write_jsonl(&mut sink, a)?,
                            AuditFormat::Json => {
                                if !first {
                                    sink.write_all(b",\n")?;
                                }
                                serde_json::to_writer(&mut sink, a)?;
                            }
                        }
                        first = false;
                    }
                    Err(e) => {
                        stats.rejected += 1;
                        eprintln!("rung: skipped {e}");
                    }
                }
            }
            sink.flush()?;
        }
    }
    if args.format == AuditFormat::Json {
        sink.write_all(b"\n]\n")?;
    }
    sink.flush()?;
    drop(sink);
    if let (Some(tmp), Some(out)) = (tmp, &args.output) {
        std::fs::rename(&tmp, out).with_context(|| format!("writing {}", out.display()))?;
    }
    eprintln!(
        "rung: {} postings read: {} analysed, {} rejected",
        stats.analysed + stats.rejected,
        stats.analysed,
        stats.rejected
    );
    Ok(worst_exit)
}

#[derive(Default)]
struct Stats {
    analysed: usize,
    rejected: usize,
}

/// Writes go to a temporary file beside the target, renamed into place when complete.
fn open_output(path: Option<&Path>) -> anyhow::Result<(Box<dyn Write>, Option<PathBuf>)> {
    let Some(path) = path else {
        return Ok((Box::new(BufWriter::new(std::io::stdout().lock())), None));
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.rung-tmp"));
    let file = File::create(&tmp).with_context(|| format!("creating {}", path.display()))?;
    Ok((Box::new(BufWriter::new(file)), Some(tmp)))
}

fn collect(path: &Path, out: &mut Vec<PathBuf>, depth: usize) -> anyhow::Result<()> {
    if depth > 64 {
        anyhow::bail!(
            "{}: directories nested too deeply (a symlink loop?)",
            path.display()
        );
    }
    if path.as_os_str() != "-" && path.is_dir() {
        let mut children: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("reading directory {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir() || kind(p).is_some())
            .collect();
        children.sort();
        for child in children {
            collect(&child, out, depth + 1)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Kind {
    Jsonl,
    Text,
}

fn kind(path: &Path) -> Option<Kind> {
    if path.as_os_str() == "-" {
        return Some(Kind::Jsonl);
    }
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        "txt" | "md" | "markdown" => Some(Kind::Text),
        _ => None,
    }
}

fn open_rows(path: &Path) -> anyhow::Result<Box<dyn Iterator<Item = Row>>> {
    let name = path.display().to_string();
    let kind = kind(path).with_context(|| {
        format!("{name}: unsupported file type (expected .jsonl, .ndjson, .txt or .md)")
    })?;
    Ok(match kind {
        Kind::Jsonl if path.as_os_str() == "-" => Box::new(
            read_jsonl("<stdin>", BufReader::new(std::io::stdin()))
                .map(|r| r.map(|rec| rec.posting)),
        ),
        Kind::Jsonl => {
            let file = File::open(path).with_context(|| format!("opening {name}"))?;
            let reader = BufReader::new(file);
            Box::new(read_jsonl(name, reader).map(|r| r.map(|rec| rec.posting)))
        }
        Kind::Text => {
            let bytes = std::fs::read(path).with_context(|| format!("reading {name}"))?;
            let text = String::from_utf8_lossy(&bytes);
            Box::new(std::iter::once(Ok(posting_from_text(&name, &text, None))))
        }
    })
}
