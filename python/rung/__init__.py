"""rung reads job postings and tells which rung of the career ladder each one really asks for.

The same engine and the same JSON output contract as the ``rung`` command line::

    import rung

    rung.analyze("Junior Data Analyst", "Requirements:\\n- 7+ years of SQL")["implied_level"]
    # 'mid-senior'

    for analysis in rung.analyze_many(postings, threads=2):   # any iterable, in input order
        ...

    levels = rung.analyze_frame(df)                            # pandas (or Polars) in and out

``analyze`` and ``analyze_many`` use the shipped lexicons; ``rung.Analyzer(folder)`` adds
lexicon files of your own.
"""

from ._rung import (
    COLUMNS,
    LEVELS,
    Analyses,
    Analyzer,
    LexiconError,
    analyze,
    analyze_many,
    read_file,
)

__all__ = [
    "COLUMNS",
    "LEVELS",
    "Analyses",
    "Analyzer",
    "LexiconError",
    "analyze",
    "analyze_frame",
    "analyze_many",
    "read_file",
]

__version__ = "0.1.0"

_default = None


def analyze_frame(
    df,
    text="description",
    title="title",
    id=None,
    declared=None,
    *,
    threads=None,
    batch=1024,
    analyzer=None,
):
    """Analyse the postings of a DataFrame: one output row per input row, in order.

    ``df`` is a pandas DataFrame (or a Polars one, when Polars is installed); ``text`` and
    ``title`` name its description and title columns (``title=None``: no titles), ``id`` a
    column copied into the output as ``id``, ``declared`` a column of declared levels
    ("Entry level", "mid-senior", ...) compared with the implied level.

    Returns a DataFrame of the same kind with the columns of ``rung.COLUMNS``:
    ``implied_level``, ``confidence``, ``band``, ``title_level``, ``min_years``,
    ``max_years``, ``preferred_years``, ``degree_level``, ``degree_required``,
    ``people_management``, ``mentoring``, ``leads_work``, ``strategy``, ``budget``,
    ``autonomy`` and ``findings`` (the finding codes joined by commas, "" for none), plus
    ``id`` (the ``id`` column, else the row's position) and ``lang``. A pandas result keeps
    the input's index.

    A missing (None / NaN) title is read as no title; a description that is not a string
    raises ``TypeError`` naming the row's index label.
    """
    analyzer = analyzer or _default_analyzer()
    if _is_polars(df):
        return _analyze_polars(df, text, title, id, declared, threads, batch, analyzer)
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"analyze_frame: expected a pandas or Polars DataFrame, got {type(df).__name__}")
    for name in (text, title, id, declared):
        if name is not None and name not in df.columns:
            raise KeyError(f"analyze_frame: no column {name!r} (columns: {list(df.columns)})")
    texts = df[text].tolist()
    for label, value in zip(df.index, texts):
        if not isinstance(value, str):
            raise TypeError(
                f"analyze_frame: row {label!r}: column {text!r} should be a str, got "
                f"{type(value).__name__} (fill missing ones with df[{text!r}].fillna(''))"
            )
    n = len(texts)
    titles = _strings(df[title].tolist()) if title is not None else [""] * n
    ids = _strings(df[id].tolist()) if id is not None else [str(i) for i in range(n)]
    levels = _strings(df[declared].tolist()) if declared is not None else [None] * n
    rows = analyzer._analyze_rows(zip(titles, texts, ids, levels), threads=threads, batch=batch)
    out = pd.DataFrame.from_records(list(rows), columns=list(COLUMNS), index=df.index, nrows=n)
    if len(out) == 0:
        out = pd.DataFrame({c: pd.Series(dtype=_PANDAS_DTYPES[c]) for c in COLUMNS}, index=df.index)
    return out


# Column types for an empty result.
_PANDAS_DTYPES = {
    c: ("float64" if c in ("confidence", "min_years", "max_years", "preferred_years") else "object")
    for c in COLUMNS
}
for _c in ("people_management", "mentoring", "leads_work", "strategy", "budget"):
    _PANDAS_DTYPES[_c] = "bool"


def _strings(values):
    """A column's values as optional strings: None and NaN become None."""
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and v != v):
            out.append(None)
        else:
            out.append(v if isinstance(v, str) else str(v))
    return out


def _default_analyzer():
    global _default
    if _default is None:
        _default = Analyzer()
    return _default


def _is_polars(df):
    module = type(df).__module__
    if not module.startswith("polars"):
        return False
    try:
        import polars as pl
    except ImportError:
        return False
    return isinstance(df, pl.DataFrame)


def _analyze_polars(df, text, title, id, declared, threads, batch, analyzer):
    import polars as pl

    for name in (text, title, id, declared):
        if name is not None and name not in df.columns:
            raise KeyError(f"analyze_frame: no column {name!r} (columns: {df.columns})")
    texts = df[text].to_list()
    for i, value in enumerate(texts):
        if not isinstance(value, str):
            raise TypeError(
                f"analyze_frame: row {i}: column {text!r} should be a str, got "
                f"{type(value).__name__} (fill missing ones with pl.col({text!r}).fill_null(''))"
            )
    n = len(texts)
    titles = _strings(df[title].to_list()) if title is not None else [""] * n
    ids = _strings(df[id].to_list()) if id is not None else [str(i) for i in range(n)]
    levels = _strings(df[declared].to_list()) if declared is not None else [None] * n
    rows = list(analyzer._analyze_rows(zip(titles, texts, ids, levels), threads=threads, batch=batch))
    kinds = {"float64": pl.Float64, "bool": pl.Boolean}
    schema = {c: kinds.get(_PANDAS_DTYPES[c], pl.Utf8) for c in COLUMNS}
    schema["degree_required"] = pl.Boolean
    return pl.DataFrame(rows, schema=schema, orient="row")
