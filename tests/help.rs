//! Each command's --help carries its own examples, and every option says what it takes.

mod common;

use common::*;

fn help(command: &str) -> String {
    let run = rung(&[command, "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// The lines after "Examples:" (or "Example:").
fn examples(help: &str) -> Vec<&str> {
    let (_, after) = help
        .split_once("Examples:\n")
        .or_else(|| help.split_once("Example:\n"))
        .unwrap_or_else(|| panic!("no examples in:\n{help}"));
    after.lines().take_while(|l| !l.trim().is_empty()).collect()
}

#[test]
fn every_command_has_examples_of_itself_only() {
    for command in ["check", "audit", "eval", "fit", "bench", "lexicons"] {
        let help = help(command);
        let examples = examples(&help);
        assert!(!examples.is_empty(), "{command}:\n{help}");
        for line in examples {
            assert!(
                line.trim_start().starts_with(&format!("rung {command}"))
                    || line.contains(&format!("| rung {command}")),
                "{command} --help shows another command's example: {line}"
            );
        }
    }
}

#[test]
fn eval_format_and_declared_levels_are_described() {
    let eval = help("eval");
    let format = eval.split_once("--format <FORMAT>").unwrap().1;
    let described = format.lines().nth(1).unwrap_or_default().trim();
    assert!(
        !described.is_empty() && !described.starts_with("Possible"),
        "{eval}"
    );
    let check = help("check");
    let declared = check.split_once("--declared <LEVEL>").unwrap().1;
    let declared = declared.split("\n\n").next().unwrap();
    for level in [
        "internship",
        "entry",
        "associate",
        "mid-senior",
        "director",
        "executive",
    ] {
        assert!(
            declared.contains(level),
            "--declared misses {level}:\n{check}"
        );
    }
}
