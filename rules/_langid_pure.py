"""py3langid's scoring in plain Python, so that identifying a phrase does not import numpy.

Importing py3langid imports numpy: about 0.08 s of CPU and 17 MB, more than U001's whole
check on a 200,000-word document, paid by every run that meets one foreign-looking phrase.
py3langid's ``classify`` is small (its ``LanguageIdentifier._decide``): the text, upper case
lowered and NFC-normalised, is walked byte by byte through the model's automaton; each feature
met adds ``log1p(count)`` times the feature's row of per-language weights to the languages'
prior scores, and the highest score wins (for labels held twice, such as a language in two
scripts, the better of the two columns). This module repeats that over the same decompressed
model file as ``_langid``'s lean loader (the transitions and the weight rows read with
``os.pread`` where the walk reaches them), reading the archive's small arrays with ``struct``
and ``array`` instead of numpy.

The sums are taken in double precision where numpy takes them in single, so the scores differ
from py3langid's in their last bits: a different answer needs two languages within about one
part in ten million, and tests/rules/test_untranslated_fast.py checks the answers on thousands
of texts. The code is used only for the py3langid releases whose ``classify`` it repeats
(``_RELEASES``); another release, or anything unexpected in the model file, goes to the lean
numpy loader, which runs py3langid's own code.
"""

from __future__ import annotations

import math
import os
import re
import struct
import sys
import unicodedata
from array import array
from itertools import repeat
from operator import add
from collections.abc import Iterator
from pathlib import Path

_RELEASES = ("0.4.0",)  # py3langid versions whose LanguageIdentifier.classify this repeats
_RAW_FLOOR = struct.unpack("<f", b"\xff\xff\x7f\xff")[0]  # numpy.finfo(float32).min
_F32 = struct.Struct("<f")
#: ``sum`` of floats adds them one by one in a C double, left to right, as ``s + x`` in a loop
#: does (from Python 3.12 it compensates for rounding: the loop is taken there)
_PLAIN_SUM = sys.version_info < (3, 12)
_HEADER = re.compile(r"\{'descr': '(?P<descr>[<>|]\w+)', 'fortran_order': (?P<fortran>True|False), 'shape': \((?P<shape>[\d, ]*)\), \}")


def model_path() -> Path | None:
    """py3langid's compressed model, found without importing py3langid (which imports numpy),
    when the installed release is one this module repeats; None otherwise."""
    from ..lint.lexicon import _package_dir

    try:
        package = _package_dir("py3langid")
    except (ImportError, ValueError):
        return None
    if package is None:
        return None
    try:
        names = os.listdir(package.parent)
    except OSError:
        return None
    versions = {n[len("py3langid-") : -len(".dist-info")] for n in names if n.startswith("py3langid-") and n.endswith(".dist-info")}
    if len(versions) != 1 or versions.pop() not in _RELEASES:
        return None  # an editable or unknown install, or another release: the numpy loader
    path = package / "data" / "model.npz.xz"
    return path if path.is_file() else None


def _f32(x: float) -> float:
    return _F32.unpack(_F32.pack(x))[0]


#: a zip archive's end record: its signature, then disk numbers, entry counts, the central
#: directory's size and offset, and the length of the comment that ends the archive
_END = struct.Struct("<4sHHHHIIH")
#: a central directory entry: signature, versions, flags, method, time, date, CRC, sizes, the
#: lengths of name, extra field and comment, disk, attributes, the local header's offset
_ENTRY = struct.Struct("<4sHHHHHHIIIHHHHHII")


def zip_members(fh) -> list[tuple[str, int, int]] | None:
    """(name, compression method, local header offset) of each member of the zip archive in
    ``fh``, read from its central directory as zipfile reads it; None where this does not read
    the archive (no end record, a comment, data before the archive, ZIP64 fields, an archive
    spanning disks) and zipfile is asked instead. Importing zipfile (with shutil, bz2 and lzma)
    cost more than reading the model's few members."""
    fh.seek(0, 2)
    size = fh.tell()
    if size < _END.size:
        return None
    fh.seek(size - _END.size)
    sig, disk, cd_disk, here, total, cd_size, cd_offset, comment = _END.unpack(fh.read(_END.size))
    if sig != b"PK\x05\x06" or comment or disk or cd_disk or here != total or cd_offset + cd_size != size - _END.size:
        return None
    if total == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        return None
    fh.seek(cd_offset)
    cd = fh.read(cd_size)
    out = []
    at = 0
    for _ in range(total):
        if len(cd) < at + _ENTRY.size:
            return None
        e = _ENTRY.unpack_from(cd, at)
        name_len, extra_len, comment_len, offset = e[10], e[11], e[12], e[16]
        raw = cd[at + _ENTRY.size : at + _ENTRY.size + name_len]
        if e[0] != b"PK\x01\x02" or len(raw) != name_len or offset == 0xFFFFFFFF or not raw.isascii() or b"\0" in raw:
            return None  # (a name outside ASCII: zipfile decodes it as its flags say)
        out.append((raw.decode("ascii"), e[4], offset))
        at += _ENTRY.size + name_len + extra_len + comment_len
    return out if at == len(cd) else None


def _zipfile_members(fh) -> list[tuple[str, int, int]]:
    import zipfile

    with zipfile.ZipFile(fh) as zf:
        return [(i.filename, i.compress_type, i.header_offset) for i in zf.infolist()]


def stored_arrays(fh) -> Iterator[str]:
    """The names of the arrays of the uncompressed (stored) npz archive in ``fh``, each yielded
    with ``fh`` placed at the start of its npy data (its magic string)."""
    members = zip_members(fh)
    if members is None:
        members = _zipfile_members(fh)
    for name, method, header_offset in members:
        if method != 0 or not name.endswith(".npy"):  # (0: stored, not compressed)
            raise ValueError(f"unexpected member {name}")
        fh.seek(header_offset)
        head = fh.read(30)
        if head[:4] != b"PK\x03\x04":
            raise ValueError("bad local header")
        name_len, extra_len = struct.unpack("<HH", head[26:30])
        fh.seek(header_offset + 30 + name_len + extra_len)
        yield name[:-4]


def _arrays(fh) -> dict[str, tuple[int, str, tuple[int, ...]]]:
    """(data offset, npy type string, shape) of each array of the stored npz in ``fh``."""
    out = {}
    for name in stored_arrays(fh):
        magic = fh.read(8)
        if magic[:6] != b"\x93NUMPY" or magic[6] not in (1, 2, 3):
            raise ValueError("not an npy array")
        size_fmt = "<H" if magic[6] == 1 else "<I"
        (header_len,) = struct.unpack(size_fmt, fh.read(struct.calcsize(size_fmt)))
        header = fh.read(header_len).decode("latin1").strip()
        m = _HEADER.fullmatch(header)
        if not m or m["fortran"] == "True":
            raise ValueError(f"unexpected array header {header!r}")
        shape = tuple(int(s) for s in m["shape"].replace(" ", "").split(",") if s)
        out[name] = (fh.tell(), m["descr"], shape)
    return out


def _read(fh, member, typecode: str, descrs: tuple[str, ...]) -> array:
    offset, descr, shape = member
    if descr not in descrs or len(shape) != 1:
        raise ValueError(f"unexpected array {descr} {shape}")
    items = array(typecode)
    fh.seek(offset)
    items.frombytes(fh.read(shape[0] * items.itemsize))
    if len(items) != shape[0]:
        raise ValueError("short array")
    return items


def _scores(rows: list[list[float]], pc: list[float]) -> list[float]:
    """Each language's column of ``rows`` (one or more) summed, plus its prior (``pc``): the sums py3langid
    takes, in the order of the rows, one ``s + x`` at a time in a double. Each column is
    summed by ``sum`` in C where it adds the same way (``_PLAIN_SUM``), else row by row."""
    if _PLAIN_SUM:
        return list(map(add, map(sum, zip(*rows), repeat(0.0)), pc))
    scores = [0.0] * len(pc)
    for row in rows:
        scores = list(map(add, scores, row))
    return list(map(add, scores, pc))


class PureIdentifier:
    """``classify(text) -> (language, score)`` as py3langid's ``LanguageIdentifier`` gives it
    (see the module's docstring for where the score's last bits differ)."""

    def __init__(self, fh) -> None:
        if sys.byteorder != "little" or array("I").itemsize != 4 or array("i").itemsize != 4:
            raise ValueError("the model's arrays are read as little-endian 32-bit items")
        m = _arrays(fh)
        if set(m) != {"ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat"}:
            raise ValueError(f"unexpected arrays {sorted(m)}")
        ptc_offset, ptc_descr, ptc_shape = m["ptc"]
        classes_offset, classes_descr, classes_shape = m["classes"]
        if ptc_descr != "<f2" or len(ptc_shape) != 2 or not classes_descr.startswith("<U"):
            raise ValueError("unexpected weights or labels")
        n = ptc_shape[1]
        width = int(classes_descr[2:])
        fh.seek(classes_offset)
        raw = fh.read(classes_shape[0] * width * 4).decode("utf-32-le")
        self.classes = [raw[k : k + width].rstrip("\0") for k in range(0, len(raw), width)]
        self.pc = _read(fh, m["pc"], "f", ("<f4",)).tolist()
        self.out = _read(fh, m["out_feat"], "i", ("<i4",))
        row_code = "H" if m["nextmove_row"][1] == "<u2" else "I"
        self.row = _read(fh, m["nextmove_row"], row_code, ("<u2", "<u4"))
        nm_offset, nm_descr, nm_shape = m["nextmove"]
        if nm_descr not in ("<u2", "<u4") or len(nm_shape) != 1:
            raise ValueError("unexpected transitions")
        if len(self.classes) != n or len(self.pc) != n or len(self.out) != len(self.row):
            raise ValueError("inconsistent model")
        self.fd = fh.fileno()
        self.nm_offset, self.nm_size = nm_offset, nm_shape[0]
        self.nm_item = struct.Struct("<H" if nm_descr == "<u2" else "<I")
        self.ptc_offset, self.ptc_rows = ptc_offset, ptc_shape[0]
        self.ptc_row = struct.Struct(f"<{n}e")
        first: dict[str, int] = {}
        self._steps: dict[tuple[int, int], list[float]] = {}  # (see _step)
        self.aliases = []  # (first column, second column) of a label held twice
        for i, c in enumerate(self.classes):
            if c in first:
                self.aliases.append((first[c], i))
            else:
                first.setdefault(c, i)

    def _visits(self, data: bytes) -> dict[int, int]:
        pread, fd, row, out = os.pread, self.fd, self.row, self.out
        item, base, size = self.nm_item, self.nm_offset, self.nm_size
        step = item.size
        state = 0
        counts: dict[int, int] = {}
        for letter in data:
            i = (row[state] << 8) + letter
            if not 0 <= i < size:
                raise ValueError("transition outside the table")
            (state,) = item.unpack(pread(fd, step, base + i * step))
            f = out[state]
            if f >= 0:
                counts[f] = counts.get(f, 0) + 1
        return counts

    #: at most this many (feature, count) pairs keep their weighted rows (``_step``, about
    #: 4.6 KB each: 4.7 MB at most)
    STEPS = 1024

    def _step(self, f: int, c: int) -> list[float]:
        """Feature ``f``'s row of weights times ``log1p(c)`` in single precision: what a text
        where ``f`` is met ``c`` times adds to each language's score. Kept for the process
        (``_steps``): the features of short phrases recur (the bench file's 66 phrases
        meet 458 distinct features 1,662 times), and reading and unpacking a row of
        half-precision numbers costs more than adding it."""
        if not 0 <= f < self.ptc_rows:
            raise ValueError("feature outside the weights")
        w = _f32(math.log1p(c))
        size = self.ptc_row.size
        step = [w * x for x in self.ptc_row.unpack(os.pread(self.fd, size, self.ptc_offset + f * size))]
        if len(self._steps) >= self.STEPS:
            self._steps.clear()
        self._steps[f, c] = step
        return step

    def classify(self, text: str) -> tuple[str, float]:
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        counts = self._visits(data)
        n = len(self.classes)
        if counts:
            get, step = self._steps.get, self._step
            scores = _scores([get(fc) or step(*fc) for fc in counts.items()], self.pc)
        else:
            scores = [_RAW_FLOOR] * n  # no feature: every language at numpy's float32 floor
        for i, j in self.aliases:
            scores[i] = max(scores[i], scores[j])
            scores[j] = _RAW_FLOOR
        best = max(range(n), key=scores.__getitem__)  # the first of equal scores, as argmax
        return self.classes[best], scores[best]
