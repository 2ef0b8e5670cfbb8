"""newsprism: how a news story is told — quotes, claims, persuasion, slant, framing and stories."""

from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("newsprism")
except _PackageNotFoundError:  # running from a source tree
    __version__ = "0.1.0"

from newsprism.api import analyze_articles, analyze_paths, analyze_text, compare_articles
from newsprism.errors import NewsprismError
from newsprism.model import Article, Comparison
from newsprism.options import Options, load_options
from newsprism.pipeline import Pipeline

__all__ = [
    "Article",
    "Comparison",
    "NewsprismError",
    "Options",
    "Pipeline",
    "__version__",
    "analyze_articles",
    "analyze_paths",
    "analyze_text",
    "compare_articles",
    "load_options",
]
