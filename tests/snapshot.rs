//! The whole `audit --format jsonl` path over the shipped LinkedIn sample, compared byte for
//! byte with a committed snapshot, so a speed-up that changes any answer fails here.
//!
//! When lexicons, signals or the scorer change on purpose, regenerate the snapshot and review
//! its diff:
//!
//! ```sh
//! RUNG_UPDATE_SNAPSHOTS=1 cargo test --test snapshot
//! ```

mod common;

use common::*;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpora/linkedin-muabdalaleam-sample.jsonl"
);
const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/sample.jsonl");

fn audit(threads: &str) -> String {
    let run = rung(&["audit", SAMPLE, "--format", "jsonl", "--threads", threads]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Ids are the input's own; nothing in the output depends on where the sample lies.
    run.stdout
}

#[test]
fn sample_output_matches_the_snapshot_at_one_and_two_threads() {
    let one = audit("1");
    if std::env::var_os("RUNG_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(SNAPSHOT, &one).unwrap();
    }
    let want = std::fs::read_to_string(SNAPSHOT).expect("tests/snapshots/sample.jsonl");
    if one != want {
        let line = one
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .map_or(one.lines().count().min(want.lines().count()), |i| i);
        panic!(
            "audit output differs from tests/snapshots/sample.jsonl at line {} \
             (RUNG_UPDATE_SNAPSHOTS=1 regenerates it when the change is intended)",
            line + 1
        );
    }
    assert!(audit("2") == one, "--threads 2 differs from --threads 1");
}
