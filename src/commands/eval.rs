use std::fs::File;
use std::io::{BufReader, Write};
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rung::eval::{confusion, figures, groups, Figures, Row};
use rung::input::{read_jsonl, JsonlRecord};
use rung::{Analysis, Analyzer, Level};

use crate::cli::{EvalArgs, EvalFormat};

pub fn run(analyzer: &Analyzer, args: EvalArgs) -> anyhow::Result<ExitCode> {
    let name = args.gold.display().to_string();
    let file = File::open(&args.gold).with_context(|| format!("opening {name}"))?;
    let mut records = Vec::new();
    for row in read_jsonl(&name, BufReader::new(file)) {
        match row {
            Ok(r) => records.push(r),
            Err(e) => eprintln!("rung: skipped {e}"),
        }
    }
    if args.lang.is_some() {
        for r in &mut records {
            r.posting.lang = args.lang.clone();
        }
    }
    let analyses: Vec<_> = records
        .par_iter()
        .map(|r| analyzer.analyze(&r.posting))
        .collect();
    let rows: Vec<Row> = records
        .iter()
        .zip(&analyses)
        .map(|(r, a)| Row {
            gold: r.object.get("gold").and_then(|g| g.as_object()),
            label: r
                .object
                .get("label")
                .and_then(|l| l.as_str())
                .and_then(Level::parse),
            education_label: r.object.get("education_label").and_then(|e| e.as_str()),
            source: r.object.get("source").and_then(|s| s.as_str()),
            // Group by the file's own language when it names one, else by the one rung used.
            lang: r
                .object
                .get("lang")
                .and_then(|l| l.as_str())
                .map(String::from)
                .or_else(|| Some(a.lang.clone())),
            analysis: a,
        })
        .collect();
    let mut out = std::io::stdout().lock();
    let mut all = figures(&rows);
    if let Some(acc) = detection_accuracy(&records, &analyses) {
        all.push(("lang_detected_acc".into(), acc));
    }
    // Each breakdown the user asked for: its name in the JSON output and its groups.
    let mut breakdowns: Vec<(&str, Vec<(String, Figures)>)> = Vec::new();
    let mut breakdown = |name, key: &dyn Fn(&Row) -> Option<String>| {
        let split = groups(&rows, key)
            .into_iter()
            .map(|(k, members)| (k, figures(&members)))
            .collect();
        breakdowns.push((name, split));
    };
    if args.by_lang {
        breakdown("by_lang", &|r| r.lang.clone());
    }
    if args.by_source {
        breakdown("by_source", &|r| r.source.map(String::from));
    }
    match args.format {
        EvalFormat::Json => {
            let to_map = |f: &[(String, f64)]| {
                f.iter()
                    .map(|(k, v)| (k.clone(), serde_json::json!(v)))
                    .collect::<serde_json::Map<_, _>>()
            };
            let mut obj = to_map(&all);
            for (name, split) in &breakdowns {
                let split: serde_json::Map<_, _> = split
                    .iter()
                    .map(|(k, f)| (k.clone(), serde_json::Value::Object(to_map(f))))
                    .collect();
                obj.insert(name.to_string(), serde_json::Value::Object(split));
            }
            serde_json::to_writer_pretty(&mut out, &obj)?;
            writeln!(out)?;
        }
        EvalFormat::Text => {
            print_figures(&mut out, &all)?;
            if rows.iter().any(|r| r.label.is_some()) {
                print_confusion(&mut out, &confusion(&rows))?;
            }
            for (name, split) in &breakdowns {
                let kind = name.trim_start_matches("by_");
                for (key, f) in split {
                    writeln!(out, "\n[{kind} {key}]")?;
                    print_figures(&mut out, f)?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How often the language rung read a posting in is the file's own `lang` field, over the
/// rows that have one (only meaningful without `--lang`).
fn detection_accuracy(records: &[JsonlRecord], analyses: &[Analysis]) -> Option<f64> {
    let pairs: Vec<bool> = records
        .iter()
        .zip(analyses)
        .filter_map(|(r, a)| Some(r.object.get("lang")?.as_str()? == a.lang))
        .collect();
    (!pairs.is_empty()).then(|| pairs.iter().filter(|x| **x).count() as f64 / pairs.len() as f64)
}

fn print_figures(out: &mut impl Write, figures: &[(String, f64)]) -> std::io::Result<()> {
    for (name, value) in figures {
        if value.fract() == 0.0 && (name == "postings" || name.ends_with("_n")) {
            writeln!(out, "{name} {value}")?;
        } else {
            writeln!(out, "{name} {value:.3}")?;
        }
    }
    Ok(())
}

fn print_confusion(out: &mut impl Write, m: &[[usize; 7]; 6]) -> std::io::Result<()> {
    writeln!(out, "\nposter label (rows) by implied level (columns):")?;
    write!(out, "{:<12}", "")?;
    for l in Level::ALL {
        write!(out, "{:>11}", l.as_str())?;
    }
    writeln!(out, "{:>13}", "undetermined")?;
    for l in Level::ALL {
        write!(out, "{:<12}", l.as_str())?;
        for n in &m[l.rank()] {
            write!(out, "{n:>11}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}
