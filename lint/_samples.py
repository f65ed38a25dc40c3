"""Samples of the data cache's mapped tables (``lexicon._Index``), kept beside them.

A process that looks many keys up in a mapped table bisects a sample of every 64th line first
(``_Index._make_sample``: about 3 ms for the 446,000-line word index, as every page of the file is
read, and the look-ups before it is made bisect in Python). The first process that makes a
table's sample keeps it in the data cache folder, named ``sample-``, the table file's name, size,
modification time and inode, and the sampling step: a table made again has another. Later
processes read it back after ``_Index.STORED_AFTER`` look-ups (about 0.3 ms for the word index's;
the look-ups of a run over the 200,000-word bench file: 26 -> 19 ms).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any


def sample_file(path: Path, st: os.stat_result, every: int) -> Path:
    """Where the sample of the table file ``path`` (whose ``os.stat`` is ``st``) is kept."""
    return path.with_name(f"sample-{path.name}-{st.st_size}-{st.st_mtime_ns}-{st.st_ino}-{every}")


def read(index: Any) -> list[bytes] | None:
    """The sample kept for ``index`` (``_make_sample``'s lines), or None: none kept, or not this
    table's. Whatever the file holds is used only if it has the sample's number of lines, each
    ending in a newline, the first and last being the lines sampled (a line of the table with a
    carriage return is not split there); its name says which file it was made from."""
    path = index.sample_file
    with contextlib.suppress(OSError):
        if path is not None:
            data = path.read_bytes()
            lines = data.splitlines(keepends=True) if b"\r" not in data else [x + b"\n" for x in data.split(b"\n")[:-1]]
            n, every = len(index.starts), index.SAMPLE_EVERY
            if n and len(lines) == (n - 1) // every + 1 and lines[-1].endswith(b"\n"):
                if lines[0] == _line(index, 0) and lines[-1] == _line(index, (len(lines) - 1) * every):
                    return lines
    return None


def keep(index: Any, sample: list[bytes]) -> None:
    """Write ``sample`` to ``index``'s sample file (errors pass; older samples of that kind of
    table are deleted a week after they were written, as ``lexicon._save`` does)."""
    from ._datacache import _Blob, _save

    path = index.sample_file
    if path is not None:
        _save(_Blob(b"".join(sample)), path.parent, path.name, "sample-" + path.name[7:].split("-", 1)[0] + "-")


def _line(index: Any, i: int) -> bytes:
    starts, base = index.starts, index.base
    return bytes(index.buf[base + starts[i] : base + starts[i + 1] if i + 1 < len(starts) else index.end])
