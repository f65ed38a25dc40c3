"""garblint's engine: the document model, configuration, runner and command line.

The Python API::

    from garblint.lint import lint_text, Config
    findings = lint_text("the vote vote was held", Config())
"""
from __future__ import annotations

try:
    from importlib.metadata import PackageNotFoundError, version as _version

    __version__ = _version("garblint")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

from .config import Config, ConfigError, load_config  # noqa: E402
from .document import Document  # noqa: E402
from .finding import Finding, Suggestion  # noqa: E402
from .runner import lint_document, lint_text  # noqa: E402

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Finding",
    "Suggestion",
    "lint_document",
    "lint_text",
    "load_config",
    "__version__",
]
