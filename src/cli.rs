//! The command line: commands, formats and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use rung::Level;

const AFTER_HELP: &str = "\
Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, unreadable input or bad lexicon

Examples:
  rung check corpora/en/junior-with-seven-years.md
  rung check posting.txt --format json
  rung check - --title 'Senior Data Engineer' < body.txt
  rung audit postings.jsonl --format jsonl -o analysed.jsonl
  rung eval ../shared/data/gold.jsonl";

/// Reads job postings and tells which rung of the career ladder each one really asks for.
#[derive(Debug, Parser)]
#[command(name = "rung", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub lexicons: LexiconArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// Load lexicon files (*.tsv, see lexicons/README.md) from DIR, extending the shipped ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// With --lexicons: use only DIR's lexicons, not the shipped ones.
    #[arg(long, global = true, requires = "lexicons")]
    pub replace_lexicons: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check one posting: its implied level, the evidence, and findings. Exit 1 on findings.
    #[command(after_help = AFTER_HELP)]
    Check(CheckArgs),
    /// Analyse many postings (JSONL, text or Markdown files, directories) in parallel.
    Audit(AuditArgs),
    /// Score rung against a gold file (SPEC.md format) or poster-labelled JSONL.
    Eval(EvalArgs),
    /// List the loaded lexicons, or every literal phrase with --phrases.
    Lexicons(LexiconsArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The posting: a text or Markdown file whose first line is the title, or - for stdin.
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// The posting's title (then the whole file is the description).
    #[arg(long)]
    pub title: Option<String>,
    /// The level the poster declared, to check it against the requirements.
    #[arg(long, value_name = "LEVEL")]
    pub declared: Option<Level>,
    /// Read the posting(s) as this language (ISO 639-1: de, nl, fr, es, it, pl, pt, en)
    /// instead of detecting it per posting.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Lowest finding severity that makes rung exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// A readable report with the evidence underlined in the posting.
    Human,
    /// One pretty-printed JSON object (SPEC.md contract).
    Json,
    /// One JSON object on one line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning CI.
    Sarif,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    /// Never exit 1 because of findings.
    Never,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Files or directories (walked recursively); - reads JSONL from stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Read the posting(s) as this language (ISO 639-1: de, nl, fr, es, it, pl, pt, en)
    /// instead of detecting it per posting.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    #[arg(long, value_enum, default_value_t = AuditFormat::Jsonl)]
    pub format: AuditFormat,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Lowest finding severity that makes rung exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    pub fail_on: FailOn,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum AuditFormat {
    /// One JSON object per posting, one line each, in input order.
    Jsonl,
    /// A JSON array of the same objects.
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A JSONL file whose rows carry a `gold` object and/or a poster `label`.
    pub gold: PathBuf,
    /// Read the posting(s) as this language (ISO 639-1: de, nl, fr, es, it, pl, pt, en)
    /// instead of detecting it per posting.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Also print every figure for each language (`lang` field).
    #[arg(long)]
    pub by_lang: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EvalFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct LexiconsArgs {
    /// Print every literal phrase, one a line (for benchmarking other matchers).
    #[arg(long)]
    pub phrases: bool,
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
