"""Type stubs for rung's native module (re-exported by ``rung``)."""

from os import PathLike
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Tuple, Union

#: The columns of ``analyze_frame``'s result, in order.
COLUMNS: list[str]
#: The career levels, lowest first: internship, entry, associate, mid-senior, director, executive.
LEVELS: list[str]

#: A posting for ``analyze_many``: a dict with the keys rung reads in JSON Lines, or a tuple
#: ``(title, description)`` / ``(title, description, id, declared)``.
Posting = Union[Mapping[str, Any], Tuple[Optional[str], str], Tuple[Optional[str], str, Optional[str], Optional[str]]]

class LexiconError(ValueError):
    """A lexicon file that cannot be read or parsed; the message starts with ``file:line``."""

class Analyses(Iterator[dict[str, Any]]):
    """The iterator ``analyze_many`` returns: analyses in input order."""

    def __iter__(self) -> "Analyses": ...
    def __next__(self) -> dict[str, Any]: ...
    def close(self) -> None:
        """Stops the analysis and lets go of the iterable."""

class Analyzer:
    """Compiled lexicons: the shipped ones, plus (or, with ``replace=True``, instead) the
    ``*.tsv`` files of ``lexicons``. Raises ``LexiconError`` for an invalid file."""

    def __init__(self, lexicons: Union[str, "PathLike[str]", None] = None, *, replace: bool = False) -> None: ...
    def analyze(
        self,
        title: str,
        description: str,
        *,
        lang: Optional[str] = None,
        declared: Optional[str] = None,
        id: Optional[str] = None,
        title_at: Optional[tuple[int, int]] = None,
        description_at: Optional[tuple[int, int]] = None,
    ) -> dict[str, Any]:
        """One posting's analysis: the JSON output contract of ``rung check --format json``."""
    def analyze_many(
        self,
        postings: Iterable[Posting],
        *,
        threads: Optional[int] = None,
        batch: int = 1024,
        errors: Literal["raise", "yield"] = "raise",
    ) -> Analyses:
        """Analyses in input order, on ``threads`` threads (default: all cores), lazily."""
    def _analyze_rows(
        self,
        postings: Iterable[Posting],
        *,
        threads: Optional[int] = None,
        batch: int = 1024,
        errors: Literal["raise", "yield"] = "raise",
    ) -> Iterator[Tuple[Any, ...]]: ...

def analyze(
    title: str,
    description: str,
    *,
    lang: Optional[str] = None,
    declared: Optional[str] = None,
    id: Optional[str] = None,
    title_at: Optional[tuple[int, int]] = None,
    description_at: Optional[tuple[int, int]] = None,
) -> dict[str, Any]:
    """``Analyzer().analyze``: one posting with the shipped lexicons."""

def analyze_many(
    postings: Iterable[Posting],
    *,
    threads: Optional[int] = None,
    batch: int = 1024,
    errors: Literal["raise", "yield"] = "raise",
) -> Analyses:
    """``Analyzer().analyze_many``: analyses in input order, lazily, the GIL released."""

def read_file(path: Union[str, "PathLike[str]"]) -> list[dict[str, Any]]:
    """A file's postings as the CLI reads them: dicts of id, title, description, label."""
