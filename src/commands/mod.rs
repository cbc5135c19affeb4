//! One function per command; each returns the exit code or an error (exit 2).

mod audit;
mod bench;
mod check;
mod eval;
mod fit;
mod lexicons;
mod progress;

use std::process::ExitCode;

use anyhow::Context;
use rung::lexicon::Lexicon;
use rung::posting::{Analysis, Severity};
use rung::Analyzer;

use crate::cli::{Cli, Command, FailOn, LexiconArgs};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let analyzer = build_analyzer(&cli.lexicons)?;
    let threads = match &cli.command {
        Command::Check(args) => Some(args.threads),
        Command::Audit(args) => Some(args.threads),
        _ => None,
    };
    if let Some(threads) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.count())
            .build_global()
            .ok();
    }
    match cli.command {
        Command::Check(args) => check::run(&analyzer, args),
        Command::Audit(args) => audit::run(&analyzer, args),
        Command::Eval(args) => eval::run(&analyzer, args),
        Command::Fit(args) => fit::run(&analyzer, args),
        Command::Lexicons(args) => lexicons::run(&analyzer, args),
        Command::Bench(args) => bench::run(&analyzer, args),
    }
}

fn build_analyzer(args: &LexiconArgs) -> anyhow::Result<Analyzer> {
    let mut lexicon = if args.replace_lexicons {
        Lexicon::default()
    } else {
        Lexicon::embedded().context("the shipped lexicons are invalid")?
    };
    if let Some(dir) = &args.lexicons {
        let user = Lexicon::load_dir(dir)?;
        user.check_languages(&args.new_language)?;
        lexicon.extend(user);
    }
    Ok(Analyzer::new(lexicon)?)
}

/// Exit 1 when any finding reaches the `--fail-on` severity.
fn exit_code<'a>(analyses: impl IntoIterator<Item = &'a Analysis>, fail_on: FailOn) -> ExitCode {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
        FailOn::Never => return ExitCode::SUCCESS,
    };
    let failed = analyses
        .into_iter()
        .any(|a| a.worst().is_some_and(|s| s >= threshold));
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Says that only part of an oversized posting was analysed.
fn truncation_warning(location: &str, posting: &rung::Posting) -> String {
    use rung::analyzer::{MAX_DESCRIPTION_BYTES, MAX_TITLE_BYTES};
    let mut parts = Vec::new();
    if posting.description.len() > MAX_DESCRIPTION_BYTES {
        parts.push(format!(
            "its text is {} bytes; only the first {} KiB were analysed",
            posting.description.len(),
            MAX_DESCRIPTION_BYTES >> 10
        ));
    }
    if posting.title.len() > MAX_TITLE_BYTES {
        parts.push(format!(
            "its title is {} bytes; only the first {MAX_TITLE_BYTES} were analysed",
            posting.title.len()
        ));
    }
    format!(
        "rung: warning: {location}: posting truncated: {}",
        parts.join("; ")
    )
}
