"""The words of the lexicon index (``lint.lexicon``) that English uses often: a test that asks
whether a word is at least that common needs no index look-up for them."""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .lazyre import lazy_re

#: a word this common (English Zipf, ``lexicon.zipf``) is in ``common_words``
COMMON_ZIPF = 4.0
# an index line whose English Zipf (times 100) is at least 400
_COMMON_LINE = lazy_re(rb"^([^\t\n]+)\t([4-9]\d\d)\t", re.M)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str] | None:
    """Every word of the index whose English Zipf value is COMMON_ZIPF or more (about 7,000),
    kept in the data cache folder as marshal data named after the index (``common-v1-*``: made
    once by one regex over the index's lines, about 0.1 s; read in about a millisecond). None
    where there is no data cache folder (made in every run, the set would cost more than the
    look-ups it spares)."""
    import marshal

    folder = lexicon._cache_dir()
    if folder is None:
        return None
    name = f"common-v1-{lexicon._sources_key()}-z{round(COMMON_ZIPF * 100)}-m{marshal.version}.bin"
    try:
        words = marshal.loads((folder / name).read_bytes())
        if type(words) is frozenset:
            return words
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not made yet, or damaged: made again
    index = lexicon._index()
    # (a view from the first line: "^" matches at the start of what is searched)
    lines = memoryview(index.buf)[index.base :]
    words = frozenset(m[1].decode("utf-8") for m in _COMMON_LINE.finditer(lines))
    lexicon._save(lexicon._Blob(marshal.dumps(words)), folder, name, "common-")
    return words
