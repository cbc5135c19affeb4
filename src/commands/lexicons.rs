use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use rung::lexicon::Pattern;
use rung::Analyzer;

use crate::cli::LexiconsArgs;

pub fn run(analyzer: &Analyzer, args: LexiconsArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let entries = &analyzer.lexicon().entries;
    if args.phrases {
        for phrase in literal_phrases(analyzer) {
            writeln!(out, "{phrase}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut counts: BTreeMap<(String, String, String), (usize, usize)> = BTreeMap::new();
    for e in entries {
        let file = e
            .origin
            .rsplit_once(':')
            .map_or(e.origin.as_str(), |(f, _)| f)
            .to_string();
        let slot = counts
            .entry((e.lang.clone(), file, e.signal.clone()))
            .or_default();
        match e.pattern {
            Pattern::Literal(_) => slot.0 += 1,
            Pattern::Regex(_) => slot.1 += 1,
        }
    }
    writeln!(
        out,
        "{:<5} {:<36} {:<18} {:>8} {:>7}",
        "lang", "file", "signal", "phrases", "regexes"
    )?;
    for ((lang, file, signal), (literals, regexes)) in &counts {
        writeln!(
            out,
            "{lang:<5} {file:<36} {signal:<18} {literals:>8} {regexes:>7}"
        )?;
    }
    writeln!(out, "{} entries in all", entries.len())?;
    Ok(ExitCode::SUCCESS)
}

/// Every distinct literal phrase of the loaded lexicons, in lexicon order: what
/// `rung lexicons --phrases` prints and `rung bench` gives ripgrep.
pub(crate) fn literal_phrases(analyzer: &Analyzer) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    analyzer
        .lexicon()
        .entries
        .iter()
        .filter_map(|e| match &e.pattern {
            Pattern::Literal(p) => Some(p.as_str()),
            Pattern::Regex(_) => None,
        })
        .filter(|p| seen.insert(*p))
        .collect()
}
