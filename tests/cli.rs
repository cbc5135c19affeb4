//! CLI cases as files (tests/cmd/*.toml): arguments, expected stdout and exit code. Refresh
//! the expectations after an intended change with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
