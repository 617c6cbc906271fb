"""eventwire: news in, events out.

A clean, deduplicated archive of articles and PLOVER/CAMEO political events from German and English
news, in an embedded DuckDB store. See README.md and docs/.
"""

__version__ = "0.1.0"

from .annotate import annotate  # noqa: E402
from .ingest import ingest  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = ["annotate", "ingest", "Settings", "__version__"]
