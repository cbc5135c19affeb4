//! `rung audit -` as a streaming filter (Spark's `RDD.pipe`): one output line per input line,
//! in order, written as soon as the input line has been analysed.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

#[test]
fn every_input_line_gets_one_output_line_in_order() {
    let input = format!(
        "{}\n{{broken\n{}\n",
        serde_json::json!({"id": "a", "title": "Junior Analyst", "description": JUNIOR_SEVEN}),
        serde_json::json!({"description": ENTRY}),
    );
    let run = rung_with_stdin(&["audit", "-", "--format", "jsonl"], &input);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = objects(&run);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[1]["id"], "<stdin>:2");
    assert!(out[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(out[2]["id"], "<stdin>:3");
    assert!(run.stderr.contains("1 rejected"));
}

#[test]
fn output_is_flushed_before_the_input_ends() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(["audit", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = serde_json::json!({"id": "first", "description": ENTRY}).to_string();
    writeln!(stdin, "{line}").unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        BufReader::new(stdout).read_line(&mut first).unwrap();
        tx.send(first).unwrap();
    });
    // stdin is still open: the answer must come without waiting for more input.
    let first = rx.recv_timeout(Duration::from_secs(60));
    drop(stdin);
    child.wait().unwrap();
    assert!(first
        .expect("an output line while stdin is open")
        .contains("\"first\""));
}
