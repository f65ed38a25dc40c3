"""Samples of the data cache's mapped tables (``lexicon._Index``), kept beside them.

A process that looks many keys up in a mapped table bisects a sample of every 64th line first
(``_Index._make_sample``: about 3 ms for the 446,000-line word index, as every page of the file is
read, and the look-ups before it is made bisect in Python). The first process that makes a
table's sample keeps it in the data cache folder, named ``sample-``, the table file's name, size,
modification time and inode, and the sampling step: a table made again has another. Later
processes read it back after ``_Index.STORED_AFTER`` look-ups (about 0.3 ms for the word index's;
the look-ups of a run over the 200,000-word bench file: 26 -> 19 ms). Beside it, each table's
membership filter (``bloom``), and ``_save``, which writes the data cache's files.
"""

from __future__ import annotations

import contextlib
import os
import time
import zlib
from pathlib import Path
from typing import Any


class _Blob:
    """What _save writes: bytes made before."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def write(self, out) -> None:
        out.write(self.data)


def _save(index: Any, folder: Path, name: str, prefix: str) -> None:
    """Write ``index`` (a ``lexicon._Index`` or a ``_Blob``) to ``folder/name`` atomically;
    other files of ``prefix`` written over a week ago (indexes of older data, or of an older
    format under another extension, such as the places' ``.txt`` tables before they became
    ``.bin``) are deleted. Errors (a read-only or full folder) pass. (``lexicon._save``.)"""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{prefix}", suffix=".part", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out:
                index.write(out)
            os.replace(tmp, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        week_ago = time.time() - 7 * 86400
        for old in folder.glob(f"{prefix}*"):
            if old.name != name:
                with contextlib.suppress(OSError):
                    if old.stat().st_mtime < week_ago:  # (another venv may still read it)
                        old.unlink()
    except OSError:
        pass


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
    table are deleted a week after they were written, as ``_save`` does)."""
    path = index.sample_file
    if path is not None:
        _save(_Blob(b"".join(sample)), path.parent, path.name, "sample-" + path.name[7:].split("-", 1)[0] + "-")


def _line(index: Any, i: int) -> bytes:
    starts, base = index.starts, index.base
    return bytes(index.buf[base + starts[i] : base + starts[i + 1] if i + 1 < len(starts) else index.end])


# ------------------------------------------------------------------ membership filters
#: a mapped table's keys as a filter of BLOOM_BITS bits a key (two bit positions each: about
#: 1.4% of the keys it lacks pass): most look-ups of words a table lacks (over half of a real
#: text's word-index look-ups: morphological stems, rare words) are answered by two CRC-32s
#: and two bit tests (about 0.3 us) instead of a search of the mapped file (about 2.8 us)
BLOOM_BITS = 16


def bloom_file(index: Any) -> Path | None:
    """Where the filter of ``index`` is kept: named as its sample is (the table file's name,
    size, modification time and inode), or None for a table made in memory."""
    path = index.sample_file
    return None if path is None else path.with_name("bloom" + path.name[6:].rsplit("-", 1)[0] + f"-{BLOOM_BITS}")


def bloom(index: Any) -> bytes | None:
    """The filter of ``index``'s keys: read from its file, else made (about 0.4 s for the
    446,000-line word index, once per table file) and kept there; None for a table made in
    memory. A key's bits are ``zlib.crc32`` of the key and of the key reversed, modulo the
    filter's size in bits (``absent``)."""
    path = bloom_file(index)
    if path is None:
        return None
    n_bytes = max(1, len(index.starts) * BLOOM_BITS // 8)
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        if len(data) == n_bytes:
            return data
    # (each line's key: the bytes before its first tab, or the whole line without one)
    data = bloom_of([line.partition(b"\t")[0] for line in bytes(index.buf[index.base :]).split(b"\n")], n_bytes)
    _save(_Blob(data), path.parent, path.name, "bloom-" + path.name[6:].split("-", 1)[0] + "-")
    return data


def bloom_of(keys: list[bytes], n_bytes: int) -> bytes:
    """A filter of ``n_bytes`` bytes holding ``keys`` (see ``absent``)."""
    bits = bytearray(n_bytes)
    m = n_bytes * 8
    crc = zlib.crc32
    for key in keys:
        i = crc(key) % m
        bits[i >> 3] |= 1 << (i & 7)
        i = crc(key[::-1]) % m
        bits[i >> 3] |= 1 << (i & 7)
    return bytes(bits)


def absent(bits: bytes, key: bytes) -> bool:
    """Whether the filter ``bits`` says that no line of its table has the key ``key`` (a key
    of the table is never said absent; True answers are sure)."""
    m = len(bits) << 3
    i = zlib.crc32(key) % m
    if not bits[i >> 3] >> (i & 7) & 1:
        return True
    i = zlib.crc32(key[::-1]) % m
    return not bits[i >> 3] >> (i & 7) & 1
