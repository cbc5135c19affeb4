//! A user's `--lexicons DIR` is untrusted data: every problem is refused with file and line
//! (or file) and exit 2, and nothing in it can make matching slow or memory unbounded.

mod common;

use common::*;
use rung::lexicon::Lexicon;

const HEADER: &str = "phrase\tsignal\tvalue\tnote\n";

fn check_with(dir: &std::path::Path) -> Run {
    let posting = write(dir, "posting.txt", "Analyst\nYou will have free rein.\n");
    rung(&[
        "--lexicons",
        dir.join("lex").to_str().unwrap(),
        "check",
        posting.to_str().unwrap(),
    ])
}

#[test]
fn bad_lexicon_files_are_refused_with_file_and_line() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "autonomy.tsv",
            "\tautonomy\thigh\n",
            "autonomy.tsv:2: empty phrase",
        ),
        (
            "autonomy.tsv",
            "free rein\tautonomy\thigh\nfree rein\tautonomy\thigh\n",
            "autonomy.tsv:3: duplicate entry: \"free rein\" autonomy high is already on line 2",
        ),
        (
            "autonomy.tsv",
            "free rein\tautonomy\n",
            "autonomy.tsv:2: expected 3 or 4",
        ),
        (
            "autonomy.tsv",
            "free rein\tcolour\thigh\n",
            "autonomy.tsv:2: unknown signal",
        ),
        (
            "moods.tsv",
            "free rein\tautonomy\thigh\n",
            "moods.tsv: unknown lexicon category",
        ),
        (
            "autonomy.tsv",
            "/(a{1000}){1000}/\tautonomy\thigh\n",
            "invalid regular expression",
        ),
    ];
    for (i, (file, lines, needle)) in cases.iter().enumerate() {
        let dir = scratch(&format!("lex_bad_{i}"));
        write(&dir, &format!("lex/{file}"), &format!("{HEADER}{lines}"));
        let run = check_with(&dir);
        assert_eq!(run.code, 2, "{file}: {}", run.stderr);
        assert!(
            run.stderr.contains(needle),
            "{needle:?} not in {}",
            run.stderr
        );
    }
}

#[test]
fn absurd_sizes_are_refused() {
    let dir = scratch("lex_huge_file");
    let big = format!("{HEADER}{}", "# padding\n".repeat(2 << 20));
    write(&dir, "lex/autonomy.tsv", &big);
    let err = Lexicon::load_dir(&dir.join("lex")).unwrap_err().to_string();
    assert!(err.contains("larger than 16 MiB"), "{err}");

    let dir = scratch("lex_many_regexes");
    let regexes: String = (0..=rung::matcher::MAX_REGEXES)
        .map(|i| format!("/rein{i}/\tautonomy\thigh\n"))
        .collect();
    write(&dir, "lex/autonomy.tsv", &format!("{HEADER}{regexes}"));
    let lexicon = Lexicon::load_dir(&dir.join("lex")).unwrap();
    let err = rung::Analyzer::new(lexicon).err().unwrap().to_string();
    assert!(err.contains("more than 1000 regular expressions"), "{err}");
}

/// Many phrases still build (a compact NFA) and match in linear time.
#[test]
fn a_large_user_lexicon_builds_and_matches() {
    let dir = scratch("lex_large");
    let phrases: String = (0..60_000)
        .map(|i| format!("rein number {i:06} of many phrases\tautonomy\thigh\n"))
        .collect();
    write(&dir, "lex/autonomy.tsv", &format!("{HEADER}{phrases}"));
    let mut lexicon = Lexicon::embedded().unwrap();
    lexicon.extend(Lexicon::load_dir(&dir.join("lex")).unwrap());
    let analyzer = rung::Analyzer::new(lexicon).unwrap();
    let a = analyzer.analyze(&rung::Posting::new(
        "p",
        "Analyst",
        "You have rein number 004242 of many phrases.",
    ));
    assert_eq!(a.autonomy, Some(rung::posting::Autonomy::High));
}
