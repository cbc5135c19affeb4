use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use rung::input::{posting_from_html, posting_from_text};
use rung::report::{human, json, sarif};
use rung::Analyzer;

use crate::cli::{CheckArgs, CheckFormat};

pub fn run(analyzer: &Analyzer, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let (name, bytes) = if args.file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading stdin")?;
        ("<stdin>".to_string(), buf)
    } else {
        let name = args.file.display().to_string();
        let bytes = std::fs::read(&args.file).with_context(|| format!("reading {name}"))?;
        (name, bytes)
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("rung: warning: {name}: invalid UTF-8 (byte {}); analysing it with replacement characters", e.utf8_error().valid_up_to());
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let is_html =
        rung::input::InputFormat::from_path(&args.file) == Some(rung::input::InputFormat::Html);
    let mut posting = if is_html {
        let mut posting =
            posting_from_html(&name, &text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        if let Some(title) = &args.title {
            posting.title = title.clone();
        }
        posting
    } else {
        posting_from_text(&name, &text, args.title.as_deref())
    };
    posting.declared = args.declared;
    posting.lang = args.lang.clone();
    let analysis = analyzer.analyze(&posting);
    let mut out = anstream::stdout().lock();
    match args.format {
        CheckFormat::Human => {
            let report = human::render(&posting, &analysis, &name, true);
            out.write_all(report.as_bytes())?;
        }
        CheckFormat::Json => json::write_pretty(&mut out, &analysis)?,
        CheckFormat::Jsonl => json::write_jsonl(&mut out, &analysis)?,
        CheckFormat::Sarif => {
            serde_json::to_writer_pretty(
                &mut out,
                &sarif::sarif(std::slice::from_ref(&analysis), &name),
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(super::exit_code([&analysis], args.fail_on))
}
