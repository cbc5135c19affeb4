use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use rung::input::{
    decode_text, posting_from_html, posting_from_text, read_postings, DecodeError, InputFormat,
    ReadOptions, MAX_FILE_BYTES,
};
use rung::report::{human, json, sarif};
use rung::{Analyzer, Posting};

use crate::cli::{CheckArgs, CheckFormat};

pub fn run(analyzer: &Analyzer, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let (name, bytes) = if args.file.as_os_str() == "-" {
        let bytes = read_capped(std::io::stdin().lock()).context("reading stdin")?;
        ("<stdin>".to_string(), bytes)
    } else {
        let name = args.file.display().to_string();
        let bytes = std::fs::File::open(&args.file)
            .and_then(read_capped)
            .with_context(|| format!("reading {name}"))?;
        (name, bytes)
    };
    let format = InputFormat::from_path(&args.file).filter(|_| args.file.as_os_str() != "-");
    if let Some(format @ (InputFormat::Csv | InputFormat::Json | InputFormat::Jsonl)) = format {
        let mut posting = one_record(&name, format, &bytes)?;
        if let Some(title) = &args.title {
            posting.title = title.clone();
        }
        return check(analyzer, &args, posting, &name);
    }
    let text = match decode_text(bytes.clone()) {
        Ok(text) => text,
        Err(e @ DecodeError::InvalidUtf8 { .. }) => {
            let line = e.line().unwrap_or(1);
            eprintln!(
                "rung: warning: {name}:{line}: {e}; analysing it with replacement characters"
            );
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Err(e) => anyhow::bail!("{name}: {e}"),
    };
    if text.trim().is_empty() && args.title.is_none() {
        anyhow::bail!("{name}: the posting is empty");
    }
    let posting = if format == Some(InputFormat::Html) {
        let mut posting =
            posting_from_html(&name, &text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        if let Some(title) = &args.title {
            posting.title = title.clone();
        }
        posting
    } else {
        posting_from_text(&name, &text, args.title.as_deref())
    };
    check(analyzer, &args, posting, &name)
}

/// Analyses the posting and prints the report in the format asked for.
fn check(
    analyzer: &Analyzer,
    args: &CheckArgs,
    mut posting: Posting,
    name: &str,
) -> anyhow::Result<ExitCode> {
    posting.declared = args.declared.or(posting.declared);
    posting.lang = args.lang.clone().or(posting.lang.take());
    if rung::analyzer::is_truncated(&posting) {
        eprintln!("{}", super::truncation_warning(name, &posting));
    }
    let analysis = analyzer.analyze(&posting);
    let mut out = anstream::stdout().lock();
    match args.format {
        CheckFormat::Human => {
            let report = human::render(&posting, &analysis, name, true);
            out.write_all(report.as_bytes())?;
        }
        CheckFormat::Json => json::write_pretty(&mut out, &analysis)?,
        CheckFormat::Jsonl => json::write_jsonl(&mut out, &analysis)?,
        CheckFormat::Sarif => {
            serde_json::to_writer_pretty(&mut out, &sarif::sarif(&[(&posting, &analysis)], name))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(super::exit_code([&analysis], args.fail_on))
}

/// The one posting of a table file (CSV, JSON, JSON Lines). A table of several is what
/// `rung audit` is for: checking only its first row, or all of it as one posting, would be
/// wrong without a word.
fn one_record(name: &str, format: InputFormat, bytes: &[u8]) -> anyhow::Result<Posting> {
    let mut rows = read_postings(name, format, bytes, &ReadOptions::default())?;
    let first = rows.next();
    let more = rows.count();
    match first {
        None => anyhow::bail!("{name}: the table holds no posting"),
        Some(_) if more > 0 => anyhow::bail!(
            "{name}: this is a table of {} postings: use rung audit {name}",
            more + 1
        ),
        Some(row) => Ok(row?),
    }
}

/// The whole input, or an error past `MAX_FILE_BYTES`: one posting is never that long.
fn read_capped(reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB, too large for one posting",
            MAX_FILE_BYTES >> 20
        )));
    }
    Ok(bytes)
}
