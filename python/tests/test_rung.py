"""The Python module against the CLI, and its contract: order, laziness, errors, frames.

The CLI is $RUNG_BIN (scripts/test-python.sh builds target/debug/rung).
"""

import itertools
import json
import math
import os
import pathlib
import subprocess
import threading
import time

import pytest

import rung

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
RUNG_BIN = os.environ.get("RUNG_BIN", str(ROOT / "target" / "debug" / "rung"))
READ = {".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt", ".md", ".html", ".htm"}


def corpus_files():
    return sorted(
        p
        for p in CORPORA.rglob("*")
        if p.is_file() and p.suffix in READ and p.name != "README.md" and "licenses" not in p.parts
        and not p.name.startswith("LICENSE") and p.name != "SOURCES.md"
    )


def cli_lines(path):
    out = subprocess.run(
        [RUNG_BIN, "audit", str(path), "--format", "jsonl"],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def corpus():
    """Every posting in corpora/, as the CLI reads and analyses it."""
    if not os.path.exists(RUNG_BIN):
        pytest.fail(f"no rung binary at {RUNG_BIN}: run cargo build, or set RUNG_BIN")
    postings, expected = [], []
    for path in corpus_files():
        read = rung.read_file(str(path))
        cli = cli_lines(path)
        assert len(read) == len(cli), path
        postings += read
        expected += cli
    assert len(postings) > 100
    return postings, expected


def test_analyze_equals_the_cli_for_every_corpus_posting(corpus):
    postings, expected = corpus
    for posting, want in zip(postings, expected):
        got = rung.analyze(
            posting["title"],
            posting["description"],
            id=posting["id"],
            declared=posting["label"],
            title_at=posting["title_at"],
            description_at=posting["description_at"],
        )
        assert got == want, posting["id"]


def test_analyze_many_keeps_order_and_equals_analyze(corpus):
    postings, expected = corpus
    for threads, batch in [(1, 1024), (2, 7), (None, 1)]:
        got = list(rung.analyze_many(postings, threads=threads, batch=batch))
        assert got == expected
    pairs = [(p["title"], p["description"]) for p in postings[:50]]
    want = [rung.analyze(t, d, id=str(i)) for i, (t, d) in enumerate(pairs)]
    assert list(rung.analyze_many(pairs, threads=2, batch=3)) == want


def test_json_lines_parse_as_the_cli_parses_them(corpus):
    sample = CORPORA / "linkedin-muabdalaleam-sample.jsonl"
    with open(sample, encoding="utf-8") as f:
        got = list(rung.analyze_many(f, threads=2))
    want = cli_lines(sample)
    for analysis in want:
        # The CLI names a posting without an id by file:line, Python by its row.
        if analysis["id"].startswith(str(sample)):
            analysis["id"] = str(int(analysis["id"].rsplit(":", 1)[1]) - 1)
    assert got == want


def test_analyze_returns_the_json_contract():
    a = rung.analyze("Junior Data Analyst", "Requirements:\n- 7+ years of experience in SQL\n")
    assert a["implied_level"] == "mid-senior"
    assert a["title_level"] == "entry"
    assert a["experience"]["min_years"] == 7.0
    assert [f["code"] for f in a["findings"]] == ["title-below-requirements"]
    span = a["experience"]["mentions"][0]
    assert {"field", "start", "end", "line", "column", "text"} <= set(span)
    assert json.loads(json.dumps(a)) == a
    assert rung.analyze("Engineer", "x", declared="Entry level")["declared_level"] == "entry"
    with pytest.raises(ValueError, match="unknown level"):
        rung.analyze("Engineer", "x", declared="chief")
    assert rung.analyze("Ingenieur", "Sie haben 3 Jahre Erfahrung", lang="de")["lang"] == "de"


@pytest.mark.parametrize(
    "bad, error, message",
    [
        (None, TypeError, r"row 2: expected a dict.*got NoneType"),
        (b'{"description": "x"}', TypeError, r"row 2: .*got bytes"),
        ({"title": "Engineer"}, ValueError, r"row 2: no posting text"),
        ({"description": b"bytes"}, TypeError, r"row 2: \"description\" should be a str, got bytes"),
        (("Engineer", None), TypeError, r"row 2: the description is None"),
        (("only one",), ValueError, r"row 2: a tuple of 1 items"),
        ("not json", ValueError, r"row 2: invalid JSON"),
        (42, TypeError, r"row 2: .*got int"),
    ],
)
def test_bad_input_raises_naming_the_row(bad, error, message):
    good = ("Engineer", "3+ years of Python")
    results = rung.analyze_many([good, good, bad, good], batch=2)
    assert next(results)["id"] == "0"
    assert next(results)["id"] == "1"
    with pytest.raises(error, match=message):
        next(results)
    assert list(results) == []


def test_errors_yield_puts_an_error_row_in_place_of_a_bad_item():
    good = '{"title": "Engineer", "description": "3+ years of experience"}'
    items = [good, "not json", ("Engineer", None), None, '{"title": "x"}', good]
    got = list(rung.analyze_many(items, batch=2, errors="yield"))
    assert [a["id"] for a in got] == ["0", "1", "2", "3", "4", "5"]
    assert [("error" in a) for a in got] == [False, True, True, True, True, False]
    assert got[1]["error"].startswith("invalid JSON")
    assert got[4]["error"].startswith("no posting text")
    assert got[5]["experience"]["min_years"] == 3.0
    with pytest.raises(ValueError, match="errors must be"):
        rung.analyze_many([], errors="ignore")


def test_an_exception_from_the_iterable_is_raised_in_its_place():
    def postings():
        yield ("Engineer", "3+ years of experience")
        yield ("Engineer", "5+ years of experience")
        raise RuntimeError("the scraper broke")

    results = rung.analyze_many(postings())
    assert [a["experience"]["min_years"] for a in itertools.islice(results, 2)] == [3.0, 5.0]
    with pytest.raises(RuntimeError, match="the scraper broke"):
        next(results)


def test_an_endless_generator_is_consumed_lazily():
    taken = 0

    def endless():
        nonlocal taken
        for i in itertools.count():
            taken += 1
            yield {"id": f"p{i}", "title": "Data Engineer", "description": f"{i % 9} years of SQL"}

    results = rung.analyze_many(endless(), threads=2, batch=16)
    first = list(itertools.islice(results, 10))
    assert [a["id"] for a in first] == [f"p{i}" for i in range(10)]
    time.sleep(0.3)  # the reader runs as far ahead as it may
    assert taken < 400, f"{taken} postings read for 10 results"
    more = list(itertools.islice(results, 5000))
    assert more[-1]["id"] == "p5009"
    time.sleep(0.3)
    assert taken < 5010 + 400
    results.close()
    assert list(results) == []


def test_dropping_the_iterator_stops_the_pipeline():
    def endless():
        while True:
            yield ("Engineer", "3+ years")

    for _ in range(5):
        results = rung.analyze_many(endless(), batch=8)
        next(results)
        del results  # must neither hang nor leave threads reading
    deadline = time.time() + 5
    while threading.active_count() > 1 and time.time() < deadline:
        time.sleep(0.05)
    assert threading.active_count() == 1


def test_the_gil_is_released_while_analysing():
    # A Python thread keeps running while a long batch is analysed.
    postings = [("Engineer", "5+ years of Python. " * 200)] * 400
    ticks = 0
    stop = False

    def tick():
        nonlocal ticks
        while not stop:
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        start = time.time()
        rung.analyze_many(postings, threads=1, batch=400).__next__()
        elapsed = time.time() - start
    finally:
        stop = True
        t.join()
    if elapsed > 0.05:
        assert ticks > 5


def missing_as_none(value):
    """pandas shows a missing value as None or NaN."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def test_analyze_frame_pandas():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "job": ["a", "b", "c"],
            "title": ["Junior Data Analyst", None, "Senior Engineer"],
            "description": [
                "Requirements:\n- 7+ years of experience in SQL\n",
                "Internship for students.",
                "No experience required.",
            ],
            "label": ["Entry level", None, "Mid-Senior level"],
        },
        index=[10, 20, 30],
    )
    out = rung.analyze_frame(df, id="job", declared="label")
    assert list(out.columns) == list(rung.COLUMNS)
    assert list(out.index) == [10, 20, 30]
    assert list(out["id"]) == ["a", "b", "c"]
    for (_, row), (_, src) in zip(out.iterrows(), df.iterrows()):
        text = lambda v: v if isinstance(v, str) else None  # noqa: E731 (pandas: None or NaN)
        want = rung.analyze(text(src["title"]) or "", src["description"], declared=text(src["label"]))
        assert row["implied_level"] == want["implied_level"]
        assert row["confidence"] == want["confidence"]
        assert missing_as_none(row["title_level"]) == want["title_level"]
        assert row["findings"] == ",".join(f["code"] for f in want["findings"])
        assert row["people_management"] == want["leadership"]["people_management"]
        assert missing_as_none(row["min_years"]) == want["experience"]["min_years"]
    assert out.loc[10, "findings"] == "title-below-requirements,declared-level-mismatch"
    empty = rung.analyze_frame(df.iloc[0:0])
    assert len(empty) == 0 and list(empty.columns) == list(rung.COLUMNS)
    bad = df.copy()
    bad.loc[20, "description"] = None
    with pytest.raises(TypeError, match=r"row 20: column 'description' should be a str"):
        rung.analyze_frame(bad)
    with pytest.raises(KeyError, match="no column 'body'"):
        rung.analyze_frame(df, text="body")


def test_analyze_frame_keeps_one_row_per_input_row_in_order(corpus):
    pd = pytest.importorskip("pandas")
    postings, expected = corpus
    df = pd.DataFrame(postings)
    out = rung.analyze_frame(df, id="id", declared="label", threads=2, batch=5)
    assert len(out) == len(df)
    assert list(out["id"]) == [e["id"] for e in expected]
    assert list(out["implied_level"]) == [e["implied_level"] for e in expected]


def test_analyze_frame_polars():
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"title": ["Junior Data Analyst"], "description": ["7+ years of SQL experience"]})
    out = rung.analyze_frame(df)
    assert isinstance(out, pl.DataFrame)
    assert out.columns == list(rung.COLUMNS)
    assert out["implied_level"].to_list() == ["mid-senior"]


def test_custom_lexicons_and_their_errors(tmp_path):
    good = tmp_path / "good" / "en"
    good.mkdir(parents=True)
    (good / "title.tsv").write_text("phrase\tsignal\tvalue\tnote\nwizard\tlevel\texecutive\ta test\n")
    analyzer = rung.Analyzer(str(tmp_path / "good"))
    assert "Analyzer" in repr(analyzer)
    assert analyzer.analyze("Data Wizard", "Build pipelines.")["title_level"] == "executive"
    assert rung.analyze("Data Wizard", "Build pipelines.")["title_level"] is None
    bad = tmp_path / "bad" / "en"
    bad.mkdir(parents=True)
    (bad / "title.tsv").write_text("phrase\tsignal\tvalue\tnote\nwizard\tno-such-signal\tx\t\n")
    with pytest.raises(rung.LexiconError, match=r"title\.tsv:2: ") as e:
        rung.Analyzer(str(tmp_path / "bad"))
    assert isinstance(e.value, ValueError)
    with pytest.raises(rung.LexiconError):
        rung.Analyzer(str(tmp_path / "missing"))


def test_docstrings_and_stubs_ship():
    assert "input order" in rung.analyze_many.__doc__
    assert "JSON output contract" in rung.analyze.__doc__
    assert "DataFrame" in rung.analyze_frame.__doc__
    package = pathlib.Path(rung.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_rung.pyi").exists()
