//! Shared fixtures for the CLI tests: hand-written synthetic postings, written into a fresh
//! directory per test, and a runner for the `rung` binary.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A junior title asking for seven years: `title-below-requirements` (a warning).
pub const JUNIOR_SEVEN: &str =
    "Requirements:\n- 7+ years of experience in SQL reporting\n- Bachelor's degree in Statistics\n";
/// An entry-level posting with nothing to find but the level.
pub const ENTRY: &str =
    "No experience required. Recent graduates welcome; full training provided.\n";
/// A manager of managers.
pub const DIRECTOR: &str = "You will lead a department of 40 and manage our engineering managers.\nYou own the budget and set the function's strategy.\n- 12+ years of experience in software engineering\n";

/// A fresh, empty directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, contents).unwrap();
    path
}

/// A CSV field, quoted the way spreadsheets quote.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn rung(args: &[&str]) -> Run {
    rung_with_stdin(args, "")
}

pub fn rung_with_stdin(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rung runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// The JSON Lines of a run, parsed.
pub fn objects(run: &Run) -> Vec<serde_json::Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

pub fn ids(run: &Run) -> Vec<String> {
    objects(run)
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect()
}

/// The five leadership signals in a fixed order, for tables of expected values:
/// [people_management, mentoring, leads_work, strategy, budget].
pub fn leadership_flags(l: &rung::posting::Leadership) -> [bool; 5] {
    [
        l.people_management,
        l.mentoring,
        l.leads_work,
        l.strategy,
        l.budget,
    ]
}
