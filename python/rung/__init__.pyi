from typing import Any, Optional

from ._rung import COLUMNS as COLUMNS
from ._rung import LEVELS as LEVELS
from ._rung import Analyses as Analyses
from ._rung import Analyzer as Analyzer
from ._rung import LexiconError as LexiconError
from ._rung import analyze as analyze
from ._rung import analyze_many as analyze_many
from ._rung import read_file as read_file

__version__: str

def analyze_frame(
    df: Any,
    text: str = "description",
    title: Optional[str] = "title",
    id: Optional[str] = None,
    declared: Optional[str] = None,
    *,
    threads: Optional[int] = None,
    batch: int = 1024,
    analyzer: Optional[Analyzer] = None,
) -> Any:
    """A DataFrame (pandas or Polars) in, a DataFrame of the flat columns of ``COLUMNS`` out:
    one row per input row, in order (a pandas result keeps the input's index)."""
