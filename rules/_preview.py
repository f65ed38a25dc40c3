"""Short previews of text for the Q rules' messages: the text's white space squashed to single
spaces and cut to ``n`` characters with an ellipsis (rules/quotes.py)."""

from __future__ import annotations


def _preview(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _preview_at(text: str, a: int, b: int, n: int = 30) -> str:
    """``_preview(text[a:b])`` reading only as much of the text as the preview needs (slicing
    the rest of the paragraph for every unclosed mark was quadratic; ``squashed`` is its own squashed form: cut at once).
    Any first window gives the same answer (a prefix's squashed form is a prefix of the whole's);
    ``n + 10`` characters most often squash to more than ``n`` (a quarter of the splitting of ``4 * n``)."""
    w = n + 10
    while True:
        squashed = " ".join(text[a : min(b, a + w)].split())
        if len(squashed) > n or a + w >= b:
            return squashed if len(squashed) <= n else squashed[: n - 1] + "\u2026"
        w *= 4
