//! The command line: commands, formats and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use rung::Level;

/// The exit codes of `rung` and `rung check`, shared by their help.
macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, unreadable input or bad lexicon
"
    };
}

const AFTER_HELP: &str = concat!(
    exit_codes!(),
    "
Examples:
  rung check corpora/en/junior-with-seven-years.md
  rung check posting.txt --format json
  rung check - --title 'Senior Data Engineer' < body.txt
  rung audit postings.jsonl --format jsonl -o analysed.jsonl
  rung eval ../shared/data/gold.jsonl

Each command has its own examples: rung help <command>."
);

const CHECK_HELP: &str = concat!(
    exit_codes!(),
    "
Examples:
  rung check corpora/en/junior-with-seven-years.md     human report, evidence underlined
  rung check posting.html --format sarif > rung.sarif  for code scanning in CI
  rung check - --title 'Senior Data Engineer' < body.txt
  rung check posting.md --declared entry               also compare with the level you declare
  rung check posting.md --lang de --fail-on error      exit 1 on errors only"
);

const EVAL_HELP: &str = "\
Prints one figure a line against the gold annotations: accuracy (_acc) of title_level,
implied_level (exact and within one rung), min/max/preferred years, degree and autonomy;
F1 of each leadership signal; precision, recall and F1 of the title/requirements mismatch
findings and of declared-level-mismatch; then agreement with the poster's label (label_*)
where rows have one, and a confusion table of poster label by implied level.

Examples:
  rung eval ../shared/data/gold.jsonl
  rung eval ../shared/data/general-gold.jsonl --by-source
  rung eval corpora/linkedin-muabdalaleam-gold.jsonl --format json > figures.json";

const LEXICONS_HELP: &str = "\
Examples:
  rung lexicons                                  entries per language, category and signal
  rung lexicons --lexicons my-lexicons/          with your own files added
  rung lexicons --phrases > phrases.txt          every literal phrase, one a line";

const BENCH_HELP: &str = "\
Examples:
  rung bench corpora/linkedin-muabdalaleam-sample.jsonl
  rung bench ../shared/data/dev.jsonl --threads 4";

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
    /// With --lexicons: accept DIR/CODE/ as a language of your own (rung refuses language
    /// folders it does not know, such as a mistyped eng/); read its postings with --lang
    /// CODE. Repeat for several.
    #[arg(long, global = true, requires = "lexicons", value_name = "CODE")]
    pub new_language: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check one posting: its implied level, the evidence, and findings. Exit 1 on findings.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Audit a library of postings (CSV, JSON, JSONL, text, Markdown, HTML; directories) in
    /// parallel: a summary, a table, or an HTML report.
    #[command(after_help = AUDIT_HELP)]
    Audit(AuditArgs),
    /// Score rung against a hand-annotated gold file or poster-labelled JSONL.
    #[command(after_help = EVAL_HELP)]
    Eval(EvalArgs),
    /// Fit the level scorer's weights to gold files, with k-fold cross-validated figures.
    Fit(FitArgs),
    /// List the loaded lexicons, or every literal phrase with --phrases.
    #[command(after_help = LEXICONS_HELP)]
    Lexicons(LexiconsArgs),
    /// Measure throughput on a corpus: MB/s and postings/s overall and per stage, at one
    /// thread and at all threads, and peak memory.
    #[command(after_help = BENCH_HELP)]
    Bench(BenchArgs),
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// A corpus file (JSONL, CSV, JSON...; read as `rung audit` reads it).
    pub file: PathBuf,
    #[command(flatten)]
    pub threads: ThreadArgs,
}

/// `--threads`, shared by the commands that analyse postings.
#[derive(Debug, Args, Clone, Copy)]
pub struct ThreadArgs {
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

impl ThreadArgs {
    /// The worker count: `--threads`, else every core.
    pub fn count(&self) -> usize {
        self.threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        )
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The posting: a text or Markdown file whose first line is the title, an HTML page
    /// (.html, .htm; the title from <title> or the first <h1>), or - for stdin (text).
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// The posting's title (then the whole file is the description).
    #[arg(long)]
    pub title: Option<String>,
    /// The level the poster declared, to check it against the requirements: internship,
    /// entry, associate, mid-senior, director or executive (LinkedIn's spellings such as
    /// "Entry level" and "Mid-Senior level" too).
    #[arg(long, value_name = "LEVEL")]
    pub declared: Option<Level>,
    /// Read the posting(s) as this language (ISO 639-1: de, nl, fr, es, it, pl, pt, en)
    /// instead of detecting it per posting.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    #[command(flatten)]
    pub threads: ThreadArgs,
    /// Lowest finding severity that makes rung exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// A readable report with the evidence underlined in the posting.
    Human,
    /// One pretty-printed JSON object (the output contract: docs/output.md).
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

const AUDIT_HELP: &str = "\
Inputs (by extension; --input-format overrides, stdin is JSONL unless told):
  .jsonl .ndjson   one JSON object a line
  .json            a JSON array of objects
  .csv .tsv        a header row, then one posting a row; delimiter sniffed from , ; | tab
  .txt .md         one posting a file, the first line its title
  .html .htm       one posting a page, the <title> (else the first <h1>) its title
Directories are walked recursively (hidden entries skipped), files in name order.

CSV columns (case and punctuation ignored) and JSON fields are found by their usual names:
  text   description, job_description, jobDescription, job_details, text
  title  title, job_title, posting_title
  id     id, job_id, job_url, url          (default: path:line)
  level  seniority, seniority_level, formatted_experience_level, experience_level,
         job_level, label                (the declared level, checked against the text)

A posting kept in several columns is read in parts, each as its own section (a figure under
benefits or the company profile is no requirement), and its spans name the column they
point into (\"field\": \"requirements\"; else \"description\" or \"title\"). Without --text-col,
beside the text column rung reads these part columns when they hold text the text column
does not already hold (exports that join them all into description are read once):
  before   company_profile, company_description, company_overview, about_company,
           about_the_company, about_us
  after    responsibilities, job_responsibilities, duties, requirements, job_requirements,
           qualifications, required_qualifications, minimum_qualifications,
           basic_qualifications, preferred_qualifications, desired_qualifications,
           nice_to_have, benefits, job_benefits, perks, additional_information, how_to_apply
--text-col a,b,c reads exactly those columns, in that order, and no others.

A row that cannot be read (bad quoting, invalid JSON or UTF-8, no text) is reported on
stderr with its file and line, counted as rejected, and the run goes on. Only the first
256 KiB of a posting's text is analysed (README: Security and limits).

Exit codes:
  0  done, and no finding at or above --fail-on (default: never)
  1  at least one finding at or above --fail-on
  2  usage error, or an input that cannot be read at all (the others are still read)
  130  interrupted by Ctrl-C; the partial -o report is removed

Examples:
  rung audit postings/                              summary of a folder of .md/.html ads
  rung audit jobs.csv --format csv -o levels.csv    one row a posting, for a spreadsheet
  rung audit scraped.csv --text-col body --title-col headline --delimiter '|'
  rung audit emscad.csv --text-col company_profile,description,requirements,benefits
  rung audit library/ -o report.html                charts and a table to share
  zcat big.jsonl.gz | rung audit - --format jsonl --fail-on error";

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Files or directories (walked recursively); - reads stdin (JSONL unless --input-format).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Read the posting(s) as this language (ISO 639-1: de, nl, fr, es, it, pl, pt, en)
    /// instead of detecting it per posting.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Report format [default: the -o file's extension (.html, .csv, .json, .jsonl, .sarif,
    /// .txt for summary; another is an error), else summary on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<AuditFormat>,
    /// Write the report to FILE (atomically: a temporary file renamed when complete).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Lowest finding severity that makes rung exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    pub fail_on: FailOn,
    #[command(flatten)]
    pub threads: ThreadArgs,
    /// Read every input (and stdin) as this format, whatever its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    /// CSV delimiter: a single character, or "tab" [default: sniffed from the header].
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<Delimiter>,
    /// CSV column (or JSON field) holding the title (e.g. --title-col "Job Title").
    #[arg(long, value_name = "NAME")]
    pub title_col: Option<String>,
    /// CSV column(s) (or JSON fields) holding the posting text. Several, comma-separated
    /// (--text-col company_profile,description,requirements,benefits), are read in that
    /// order, each as its own section; spans name their column ("field": "requirements").
    /// This wins over the columns found by name (see below).
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub text_col: Vec<String>,
    /// CSV column (or JSON field) holding the posting's id.
    #[arg(long, value_name = "NAME")]
    pub id_col: Option<String>,
    /// CSV column (or JSON field) holding the level the poster declared.
    #[arg(long, value_name = "NAME")]
    pub level_col: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum AuditFormat {
    /// One JSON object per posting, one line each, in input order (docs/output.md).
    Jsonl,
    /// A JSON array of the same objects.
    Json,
    /// One row a posting: levels, years, degree, leadership, finding codes.
    Csv,
    /// Figures for the whole library: levels, title-by-implied matrix, findings, worst
    /// postings, agreement with declared levels, titles whose postings disagree.
    Summary,
    /// One self-contained HTML page with charts and a sortable, filterable table. It keeps
    /// every posting's text in memory to show it highlighted: meant for hundreds to
    /// thousands of postings, not millions.
    Html,
    /// SARIF 2.1.0: every finding, located in its file where the posting is a text file,
    /// else by the posting's id.
    Sarif,
}

/// `--input-format`: the readers of `rung::input::InputFormat`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputFormatArg {
    Jsonl,
    Json,
    Csv,
    Text,
    Html,
}

impl From<InputFormatArg> for rung::input::InputFormat {
    fn from(f: InputFormatArg) -> Self {
        use rung::input::InputFormat as F;
        match f {
            InputFormatArg::Jsonl => F::Jsonl,
            InputFormatArg::Json => F::Json,
            InputFormatArg::Csv => F::Csv,
            InputFormatArg::Text => F::Text,
            InputFormatArg::Html => F::Html,
        }
    }
}

/// A one-byte CSV delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter(pub u8);

fn parse_delimiter(s: &str) -> Result<Delimiter, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(Delimiter(b'\t')),
        _ if s.len() == 1 => Ok(Delimiter(s.as_bytes()[0])),
        _ => Err(format!("{s:?} is not one ASCII character (or \"tab\")")),
    }
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A JSONL file whose rows carry a `gold` object and/or a poster `label`.
    pub gold: PathBuf,
    /// Read the posting(s) as this language (ISO 639-1: de, nl, fr, es, it, pl, pt, en)
    /// instead of detecting it per posting.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Output format: text (one figure a line) or json (one object, for scripts).
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Also print every figure for each language (`lang` field).
    #[arg(long)]
    pub by_lang: bool,
    /// Also print every figure for each source (`source` field: the site or data set a row
    /// came from), so a regression on one kind of posting shows.
    #[arg(long)]
    pub by_source: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Prints how often the shipped and the fitted weights read the gold implied_level right,
the fitted weights' figure on postings held out of their fitting (k-fold), and the fitted
table to paste into src/scorer.rs. The weights are searched one at a time over a grid;
the years weight stays fixed, since scaling all weights alike changes no answer.

Example:
  rung fit ../shared/data/gold.jsonl ../shared/data/general-gold.jsonl --folds 5")]
pub struct FitArgs {
    /// Gold files (rows with a `gold` object, as `rung eval` reads them); fitted together.
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// Folds for cross-validation.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EvalFormat {
    /// One figure a line: name, then value.
    Text,
    /// One JSON object with every figure.
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

    #[test]
    fn delimiters_are_one_ascii_character_or_tab() {
        use super::{parse_delimiter, Delimiter};
        assert_eq!(parse_delimiter("|"), Ok(Delimiter(b'|')));
        assert_eq!(parse_delimiter("tab"), Ok(Delimiter(b'\t')));
        assert_eq!(parse_delimiter("\\t"), Ok(Delimiter(b'\t')));
        assert!(parse_delimiter(";;").is_err());
        assert!(parse_delimiter("é").is_err());
    }
}
