//! `rung bench FILE`: throughput of the whole `audit --format jsonl` path on a corpus, overall
//! and per stage, at one thread and at all threads, and peak memory.
//!
//! The corpus streams through `audit`'s pipeline (one thread reading ahead, batches of
//! postings parsed, analysed and rendered on the workers) but the output is dropped. Stage
//! figures are CPU time summed over the workers, so a stage's MB/s is what one core does; the
//! overall figure is wall time.
//!
//! Two references are measured in the same run, since figures from another moment on a shared
//! machine do not compare: reading the file, and ripgrep counting rung's own phrases at one
//! thread (`rg -j1 -F -i -w -f PHRASES --count-matches`, when `rg` is installed), as
//! `scripts/bench-peers.sh` does.

use std::convert::Infallible;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use rung::analyzer::Stage;
use rung::input::{read_pending, InputFormat, Pending, ReadOptions};
use rung::report::json::write_jsonl;
use rung::{pipeline, Analyzer};

use crate::cli::BenchArgs;

/// The stages `Analyzer::analyze_marked` reports, and the names they are printed under.
const ANALYSIS_STAGES: [(Stage, &str); 5] = [
    (Stage::Normalised, "normalise, tokens"),
    (Stage::Language, "language detection"),
    (Stage::Matched, "phrases and regexes"),
    (Stage::Segmented, "sentences and sections"),
    (Stage::Experience, "years grammar, experience"),
];

/// CPU time spent in each stage, and what went through.
#[derive(Default, Clone, Copy)]
struct Stages {
    read_parse: Duration,
    /// Per `Stage` of the analysis, in its order.
    analysis: [Duration; ANALYSIS_STAGES.len()],
    /// The other signals, scoring and findings, after the last stage.
    signals: Duration,
    serialise: Duration,
    postings: usize,
    rejected: usize,
    bytes: u64,
    output: u64,
}

impl Stages {
    fn add(&mut self, o: &Stages) {
        self.read_parse += o.read_parse;
        for (mine, theirs) in self.analysis.iter_mut().zip(&o.analysis) {
            *mine += *theirs;
        }
        self.signals += o.signals;
        self.serialise += o.serialise;
        self.postings += o.postings;
        self.rejected += o.rejected;
        self.output += o.output;
    }
}

pub fn run(analyzer: &Analyzer, args: BenchArgs) -> anyhow::Result<ExitCode> {
    let all = args.threads.count();
    let bytes = std::fs::metadata(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?
        .len();
    println!(
        "corpus   {} ({:.1} MB)",
        args.file.display(),
        bytes as f64 / 1e6
    );
    let mut counts = vec![1];
    if all > 1 {
        counts.push(all);
    }
    let mut overall = Vec::new();
    for threads in counts {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .context("starting worker threads")?;
        let start = Instant::now();
        let stages = pool.install(|| pass(analyzer, &args.file))?;
        let wall = start.elapsed();
        print_stages(threads, &stages);
        overall.push((threads, wall, stages));
    }
    println!();
    println!("threads  wall s     MB/s  postings/s  speed-up");
    let base = overall[0].1.as_secs_f64();
    for (threads, wall, stages) in &overall {
        let s = wall.as_secs_f64();
        println!(
            "{threads:>7}  {s:>6.2}  {:>7.1}  {:>10.0}  {:>7.2}x",
            bytes as f64 / 1e6 / s,
            stages.postings as f64 / s,
            base / s
        );
    }
    if let Some(peak) = peak_memory_kb() {
        println!("peak memory (VmHWM)  {:.1} MB", peak as f64 / 1024.0);
    }
    let (one_thread, postings) = (overall[0].1, overall[0].2.postings);
    references(analyzer, &args.file, bytes, postings, one_thread)?;
    Ok(ExitCode::SUCCESS)
}

/// Reading the file, and ripgrep's count of rung's phrases at one thread, beside rung's own
/// one-thread figure.
fn references(
    analyzer: &Analyzer,
    path: &Path,
    bytes: u64,
    postings: usize,
    rung: Duration,
) -> anyhow::Result<()> {
    println!();
    println!("reference, same run (1 thread)       s     MB/s  postings/s  rung ÷ this");
    let row = |name: &str, took: Duration| {
        let s = took.as_secs_f64().max(1e-9);
        println!(
            "  {name:<32} {s:>6.2}  {:>7.1}  {:>10.0}  {:>10.3}x",
            bytes as f64 / 1e6 / s,
            postings as f64 / s,
            s / rung.as_secs_f64()
        );
    };
    let start = Instant::now();
    let mut file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut buf = vec![0; 1 << 20];
    while file.read(&mut buf)? > 0 {}
    row("read the file", start.elapsed());

    let phrases = super::lexicons::literal_phrases(analyzer);
    let start = Instant::now();
    // The phrases go to ripgrep's standard input (`-f -`), the corpus by path.
    let ripgrep = Command::new("rg")
        .args(["-j1", "-F", "-i", "-w", "--count-matches", "-f", "-"])
        .arg(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .and_then(|mut child| {
            let mut stdin = child.stdin.take().expect("stdin is piped");
            let written = stdin.write_all(phrases.join("\n").as_bytes());
            drop(stdin);
            let status = child.wait()?;
            written.map(|()| status)
        });
    let took = start.elapsed();
    let phrase_count = phrases.len();
    match ripgrep {
        // 1: no line matched, still a full scan.
        Ok(status) if matches!(status.code(), Some(0 | 1)) => {
            row("rg -F -i -w --count-matches", took);
            println!(
                "  (ripgrep builds its automaton of {phrase_count} phrases as it reads: below \
                 about 1 GB that start weighs;\n   scripts/bench-peers.sh compares on 1 GB)"
            );
        }
        Ok(status) => println!("  ripgrep failed ({status})"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            println!("  ripgrep (rg) not found: install it to compare")
        }
        Err(e) => println!("  ripgrep failed: {e}"),
    }
    Ok(())
}

fn print_stages(threads: usize, s: &Stages) {
    println!();
    println!(
        "{threads} thread{}: {} postings ({} rejected), {:.1} MB in, {:.1} MB out",
        if threads == 1 { "" } else { "s" },
        s.postings,
        s.rejected,
        s.bytes as f64 / 1e6,
        s.output as f64 / 1e6
    );
    println!("  stage (CPU time, all workers)        s     MB/s  postings/s  share");
    let mut rows = vec![("read+parse", s.read_parse)];
    rows.extend(
        ANALYSIS_STAGES
            .iter()
            .map(|(_, name)| *name)
            .zip(s.analysis),
    );
    rows.push(("other signals, score, findings", s.signals));
    rows.push(("serialise", s.serialise));
    let total: f64 = rows
        .iter()
        .map(|(_, d)| d.as_secs_f64())
        .sum::<f64>()
        .max(1e-9);
    for (name, d) in rows {
        let secs = d.as_secs_f64().max(1e-9);
        println!(
            "  {name:<34} {:>6.2}  {:>7.1}  {:>10.0}  {:>4.0}%",
            secs,
            s.bytes as f64 / 1e6 / secs,
            s.postings as f64 / secs,
            100.0 * d.as_secs_f64() / total
        );
    }
}

/// One pass over the corpus on the current pool.
fn pass(analyzer: &Analyzer, path: &Path) -> anyhow::Result<Stages> {
    let name = path.display().to_string();
    let format = InputFormat::from_path(path).unwrap_or(InputFormat::Jsonl);
    let file = File::open(path).with_context(|| format!("opening {name}"))?;
    let counted = Counting::new(file);
    let bytes = counted.bytes.clone();
    let mut rows = read_pending(
        &name,
        format,
        BufReader::new(counted),
        &ReadOptions::default(),
    )?;
    // As in `audit`, one thread reads (and splits lines) while the workers parse, analyse
    // and render; the reading thread's time is counted in read+parse.
    let reading = Arc::new(AtomicU64::new(0));
    let clock = Arc::clone(&reading);
    let rows = std::iter::from_fn(move || {
        let start = Instant::now();
        let next = rows.next();
        clock.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        next
    });
    // `audit`'s batches (`pipeline::BATCH`).
    let options = pipeline::Options::default();
    let mut total = Stages::default();
    let work = |pending| one(analyzer, pending);
    let finished = pipeline::run(rows, &options, work, |batch| {
        batch.iter().for_each(|s| total.add(s));
        Ok::<_, Infallible>(())
    });
    let Ok(_) = finished;
    total.read_parse += Duration::from_nanos(reading.load(Ordering::Relaxed));
    total.bytes = bytes.load(Ordering::Relaxed);
    Ok(total)
}

/// Parses, analyses and renders one posting, timing each stage.
fn one(analyzer: &Analyzer, pending: Pending) -> Stages {
    let mut s = Stages::default();
    let start = Instant::now();
    let posting = match pending.into_row() {
        Ok(posting) => posting,
        Err(_) => {
            s.rejected = 1;
            s.read_parse = start.elapsed();
            return s;
        }
    };
    let parsed = Instant::now();
    // Each stage's time runs from the mark before it (matching and segmenting come twice: title,
    // then description).
    let mut last = parsed;
    let analysis = analyzer.analyze_marked(&posting, |stage| {
        let now = Instant::now();
        let i = ANALYSIS_STAGES
            .iter()
            .position(|(s, _)| *s == stage)
            .expect("every stage is named");
        s.analysis[i] += now - last;
        last = now;
    });
    let analysed = Instant::now();
    let mut out = Vec::with_capacity(posting.description.len() + 1024);
    write_jsonl(&mut out, &analysis).expect("writing to memory");
    let done = Instant::now();
    s.read_parse = parsed - start;
    s.signals = analysed - last;
    s.serialise = done - analysed;
    s.postings = 1;
    s.output = out.len() as u64;
    s
}

/// The process's peak resident memory in KB (Linux `VmHWM`), if known.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A reader that counts the bytes read through it.
struct Counting<R> {
    inner: R,
    bytes: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    fn new(inner: R) -> Counting<R> {
        Counting {
            inner,
            bytes: Default::default(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
