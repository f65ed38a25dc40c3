"""garblint's engine: the document model, configuration, runner and command line.

The Python API::

    from garblint.lint import lint_text, Config
    findings = lint_text("the vote vote was held", Config())
"""
from __future__ import annotations

#: the release; equal to ``version`` in pyproject.toml (tests/test_cli.py checks). A literal,
#: not importlib.metadata: that import alone took about 30 ms of every run's start-up.
__version__ = "0.1.0"

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
