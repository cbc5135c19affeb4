use std::fs::File;
use std::io::{BufReader, Write};
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rung::fit::{cross_validate, fit, score, Sample, Score};
use rung::input::read_jsonl;
use rung::scorer::{Weights, WEIGHTS};
use rung::{Analyzer, Level};

use crate::cli::FitArgs;

pub fn run(analyzer: &Analyzer, args: FitArgs) -> anyhow::Result<ExitCode> {
    if args.folds < 2 {
        anyhow::bail!("--folds must be at least 2");
    }
    // Each file's samples, so the figures can be told per file too.
    let mut files: Vec<(String, Vec<Sample>)> = Vec::new();
    for path in &args.gold {
        let name = path.display().to_string();
        let file = File::open(path).with_context(|| format!("opening {name}"))?;
        let rows: Vec<_> = read_jsonl(&name, BufReader::new(file))
            .filter_map(|row| match row {
                Ok(r) => Some(r),
                Err(e) => {
                    eprintln!("rung: skipped {e}");
                    None
                }
            })
            .filter_map(|r| {
                let gold = r.object.get("gold")?.get("implied_level")?.as_str()?;
                Some((r.posting, Level::parse(gold)))
            })
            .collect();
        let samples = rows
            .into_par_iter()
            .map(|(posting, gold)| Sample {
                evidence: analyzer.analyze(&posting).evidence,
                id: posting.id,
                gold,
            })
            .collect();
        files.push((name, samples));
    }
    let all: Vec<Sample> = files.iter_mut().flat_map(|(_, s)| s.drain(..)).collect();
    let refs: Vec<&Sample> = all.iter().collect();
    let fitted = fit(&refs, &WEIGHTS);
    let held_out = cross_validate(&all, args.folds, &WEIGHTS);

    let mut out = std::io::stdout().lock();
    writeln!(out, "postings {}", all.len())?;
    writeln!(out, "{:<34}{:>10}{:>10}", "", "exact", "within 1")?;
    let mut line =
        |label: &str, s: Score| writeln!(out, "{label:<34}{:>10.3}{:>10.3}", s.exact, s.within1);
    line("shipped weights", score(&refs, &WEIGHTS))?;
    line("fitted weights, training", score(&refs, &fitted))?;
    line(
        &format!("fitted weights, {}-fold held out", args.folds),
        held_out,
    )?;
    writeln!(out, "\nfitted weights (src/scorer.rs, WEIGHTS):")?;
    write_table(&mut out, &fitted)?;
    Ok(ExitCode::SUCCESS)
}

/// The weights as the Rust table in `src/scorer.rs`, so fitted values are pasted, not typed.
fn write_table(out: &mut impl Write, w: &Weights) -> std::io::Result<()> {
    writeln!(out, "pub const WEIGHTS: Weights = Weights {{")?;
    writeln!(out, "    enrolled_student: {:?},", w.enrolled_student)?;
    writeln!(out, "    required_years: {:?},", w.required_years)?;
    writeln!(out, "    preferred_years: {:?},", w.preferred_years)?;
    writeln!(out, "    level_phrase: {:?},", w.level_phrase)?;
    writeln!(out, "    role_named: {:?},", w.role_named)?;
    writeln!(out, "    mentoring: {:?},", w.mentoring)?;
    writeln!(out, "    leads_work: {:?},", w.leads_work)?;
    writeln!(out, "    people_management: {:?},", w.people_management)?;
    writeln!(out, "    strategy: {:?},", w.strategy)?;
    writeln!(out, "    budget: {:?},", w.budget)?;
    writeln!(out, "    autonomy_high: {:?},", w.autonomy_high)?;
    writeln!(out, "    autonomy_low: {:?},", w.autonomy_low)?;
    writeln!(out, "    undetermined_below: {:?},", w.undetermined_below)?;
    writeln!(out, "}};")
}
