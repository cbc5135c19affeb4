//! The shipped lexicons stay valid and canonical: sorted by signal then phrase, with no
//! duplicates, so that review diffs stay small.

use rung::lexicon::{Category, Lexicon};

#[test]
fn shipped_lexicons_parse() {
    let lexicon = Lexicon::embedded().expect("shipped lexicons parse");
    for category in Category::ALL {
        assert!(
            lexicon.entries.iter().any(|e| e.category == category),
            "no {category:?} entries shipped"
        );
    }
    rung::Analyzer::new(lexicon).expect("shipped lexicons compile");
}

#[test]
fn shipped_lexicons_are_canonical() {
    let lexicon = Lexicon::embedded().unwrap();
    let mut files: Vec<&str> = lexicon
        .entries
        .iter()
        .map(|e| e.origin.rsplit_once(':').unwrap().0)
        .collect();
    files.dedup();
    for file in files {
        let entries: Vec<_> = lexicon
            .entries
            .iter()
            .filter(|e| e.origin.starts_with(&format!("{file}:")))
            .collect();
        for pair in entries.windows(2) {
            let a = (
                pair[0].signal.as_str(),
                pair[0].pattern.as_written(),
                pair[0].value.as_str(),
            );
            let b = (
                pair[1].signal.as_str(),
                pair[1].pattern.as_written(),
                pair[1].value.as_str(),
            );
            assert!(
                a < b,
                "{}: {:?} must come after {:?} (sorted by signal, then phrase, no duplicates)",
                pair[1].origin,
                b,
                a
            );
        }
    }
}

#[test]
fn user_lexicons_extend_and_report_errors_with_location() {
    let dir = std::env::temp_dir().join(format!("rung-lex-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("en")).unwrap();
    std::fs::write(
        dir.join("en/autonomy.tsv"),
        "phrase\tsignal\tvalue\tnote\nfree rein\tautonomy\thigh\tours\n",
    )
    .unwrap();
    let user = Lexicon::load_dir(&dir).unwrap();
    let mut lexicon = Lexicon::embedded().unwrap();
    lexicon.extend(user);
    let analyzer = rung::Analyzer::new(lexicon).unwrap();
    let a = analyzer.analyze(&rung::Posting::new(
        "p",
        "Analyst",
        "You will have free rein over the reporting stack.",
    ));
    assert_eq!(a.autonomy, Some(rung::posting::Autonomy::High));

    std::fs::write(
        dir.join("en/autonomy.tsv"),
        "phrase\tsignal\tvalue\tnote\nfree rein\tautonomy\tmaximal\n",
    )
    .unwrap();
    let err = Lexicon::load_dir(&dir).unwrap_err().to_string();
    assert!(
        err.contains("autonomy.tsv:2:") && err.contains("maximal"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
