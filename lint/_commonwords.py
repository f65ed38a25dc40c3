"""Sets of words read from the lexicon index (``lint.lexicon``) and kept in the data cache
folder: the words English uses often (``common_words``: a test that asks whether a word is at
least that common needs no index look-up for them), and U001's words far commoner in another
language (``rules/untranslated.py``), through ``kept_words``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable

from . import lexicon
from .lazyre import lazy_re

#: a word this common (English Zipf, ``lexicon.zipf``) is in ``common_words``
COMMON_ZIPF = 4.0
# an index line whose English Zipf (times 100) is at least 400
_COMMON_LINE = lazy_re(rb"^([^\t\n]+)\t([4-9]\d\d)\t", re.M)


def kept_words(head: str, tail: str, scan: "Callable[[lexicon._Index], Iterable[str]]") -> frozenset[str]:
    """The words ``scan`` reads from the lexicon index, kept in the data cache folder as marshal
    data named ``<head>-<index key><tail>-m<marshal version>.bin`` (made from the index the first
    time, or again when damaged; made in memory each time without a folder). Older files of the
    head's first part are pruned by ``lexicon._save``."""
    import marshal

    folder = lexicon._cache_dir()
    name = f"{head}-{lexicon._sources_key()}{tail}-m{marshal.version}.bin"
    keep = folder is not None
    if folder is not None:
        try:
            words = marshal.loads((folder / name).read_bytes())
            if type(words) is frozenset:
                return words
        except (OSError, ValueError, EOFError, TypeError) as exc:
            keep = lexicon.remake(exc)  # not made yet, or damaged: made again
    words = frozenset(scan(lexicon._index()))
    if folder is not None and keep:
        lexicon._save(lexicon._Blob(marshal.dumps(words)), folder, name, head.split("-", 1)[0] + "-")
    return words


def _common_scan(index: "lexicon._Index") -> Iterable[str]:
    # (a view from the first line: "^" matches at the start of what is searched)
    return (m[1].decode("utf-8") for m in _COMMON_LINE.finditer(memoryview(index.buf)[index.base :]))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str] | None:
    """Every word of the index whose English Zipf value is COMMON_ZIPF or more (about 7,000),
    kept in the data cache folder (``common-v1-*``: made once by one regex over the index's
    lines, about 0.1 s; read in about a millisecond). None where there is no data cache folder
    (made in every run, the set would cost more than the look-ups it spares)."""
    if lexicon._cache_dir() is None:
        return None
    return kept_words("common-v1", f"-z{round(COMMON_ZIPF * 100)}", _common_scan)
