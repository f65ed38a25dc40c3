"""py3langid's language identification, with its model read only where a text needs it.

``py3langid.classify`` loads its model (an npz archive inside an xz file) into memory: 28 MB of
naive Bayes weights, 39 MB of byte-automaton transitions, and more while converting them; the
process grows by about 100 MB, for the few words U001 asks about.

Here the archive is decompressed once into the user's cache folder (see
``_decompressed_model``; an anonymous temporary file where that folder cannot be written), the
small arrays are read, and the two big ones stay in the file: a transition or
a row of weights is read (``os.pread``) when the classified text reaches it, a few hundred
bytes per word. (Memory-mapping the file instead touches far more: the kernel maps whole page
cache folios around each fault.) The arrays are handed to py3langid's own
``LanguageIdentifier``, so tokenisation, scoring and the answer are py3langid's code on the
very same numbers (tests/rules/test_untranslated_fast.py compares the answers and scores with
``py3langid.classify``). Anything unexpected in the model file (another py3langid version's
layout) falls back to ``py3langid.classify``.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import struct
import time
import zlib
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any

_STATE: list[Any] = []  # [identifier or None]: loaded once per process, on first use


@lru_cache(maxsize=1)
def installed() -> bool:
    """Whether py3langid is installed, found without importing it (its import imports numpy)."""
    from ..lint.lexicon import _package_dir

    try:
        return _package_dir("py3langid") is not None
    except (ImportError, ValueError):
        return False


def classify(text: str) -> str:
    """The language code py3langid gives ``text``."""
    if not _STATE:
        _STATE.append(_identifier())
    ident = _STATE[0]
    if ident is not None:
        try:
            return ident.classify(text)[0]
        except OSError:  # the temporary file became unreadable: py3langid's own loader
            _STATE[0] = None
    import py3langid

    return py3langid.classify(text)[0]


class _FileArray:
    """A 1-D array in a file, read an item at a time (``nm[i]``, as py3langid indexes it)."""

    def __init__(self, fd: int, offset: int, dtype, size: int) -> None:
        self.fd, self.offset, self.size = fd, offset, size
        self.itemsize = dtype.itemsize
        self.fmt = "<" + {2: "H", 4: "I"}[dtype.itemsize]
        if dtype.byteorder == ">" or dtype.kind != "u":
            raise ValueError(f"unexpected transition type {dtype}")

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, i: int) -> int:
        i = int(i)
        if not 0 <= i < self.size:
            raise IndexError(i)
        data = os.pread(self.fd, self.itemsize, self.offset + i * self.itemsize)
        return struct.unpack(self.fmt, data)[0]


class _FileRows:
    """A 2-D C-order array in a file whose rows are read on demand: ``ptc[idx]`` for an index
    array ``idx`` gives the array numpy's fancy indexing gives (same rows, order and type)."""

    def __init__(self, fd: int, offset: int, dtype, shape: tuple[int, int]) -> None:
        self.fd, self.offset, self.dtype, self.shape = fd, offset, dtype, shape
        self.row_bytes = dtype.itemsize * shape[1]

    def __getitem__(self, idx):
        import numpy as np

        idx = np.asarray(idx)
        if idx.ndim != 1 or idx.dtype.kind not in "iu":
            raise TypeError("only a 1-D integer index is supported")
        n = self.shape[0]
        parts = []
        for i in idx.tolist():
            if i < 0:
                i += n
            if not 0 <= i < n:
                raise IndexError(i)
            parts.append(os.pread(self.fd, self.row_bytes, self.offset + i * self.row_bytes))
        out = np.frombuffer(b"".join(parts), dtype=self.dtype).reshape(len(parts), self.shape[1])
        return out.copy()  # a writable, owned array, as fancy indexing returns


def _members(fh) -> dict[str, tuple[int, Any, tuple[int, ...]]]:
    """(data offset, dtype, shape) of each array of the uncompressed (stored) npz in ``fh``."""
    from numpy.lib import format as npformat

    from ._langid_pure import stored_arrays

    out = {}
    for name in stored_arrays(fh):
        version = npformat.read_magic(fh)
        if version == (1, 0):
            shape, fortran, dtype = npformat.read_array_header_1_0(fh)
        elif version == (2, 0):
            shape, fortran, dtype = npformat.read_array_header_2_0(fh)
        else:
            raise ValueError(f"npy version {version}")
        if dtype.hasobject or (fortran and len(shape) > 1):
            raise ValueError("unexpected array layout")
        out[name] = (fh.tell(), dtype, tuple(shape))
    return out


def _read(fh, member) -> Any:
    import numpy as np

    offset, dtype, shape = member
    count = int(np.prod(shape, dtype=np.int64))
    fh.seek(offset)
    data = fh.read(count * dtype.itemsize)
    return np.frombuffer(data, dtype=dtype, count=count).reshape(shape).copy()


def cache_dir() -> Path | None:
    """Where the decompressed model is kept between runs: ``$GARBLINT_DATA_CACHE``, else
    ``$XDG_CACHE_HOME/garblint``, else ``~/.cache/garblint``; None when ``GARBLINT_DATA_CACHE``
    is set to an empty string (decompress into a temporary file on every run)."""
    env = os.environ.get("GARBLINT_DATA_CACHE")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "garblint"


def _decompressed_model(path: Path):
    """An open binary file holding the uncompressed model archive.

    Decompressing the 68 MB model takes about 0.3 s, the largest single cost of a run that
    meets a foreign-looking phrase; a copy kept in the user's cache folder opens in a few
    milliseconds. The copy's name carries the size and CRC-32 of py3langid's compressed model
    (its content, not its modification time: venvs with the same py3langid share one copy
    instead of replacing each other's on every switch; see ``_model_crc``), so an upgrade
    makes a new one; it is written under a temporary name and renamed into place, so a
    half-written copy is never read. Copies of other models are removed once written over a
    week ago (another venv may still read them). Where the folder cannot be written, the model
    is decompressed into an anonymous temporary file, as before.
    """
    folder = cache_dir()
    if folder is not None:
        try:
            size, crc = _model_crc(path, folder)
            cached = folder / f"langid-{size}-{crc}.npz"
            try:
                fh = open(cached, "rb")
            except FileNotFoundError:
                pass
            else:
                if _is_zip(fh):
                    return fh
                fh.close()  # damaged (a disk fault): made again below
                os.unlink(cached)
            import tempfile  # (with lzma and shutil: only to make a copy, not to open one)

            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".langid-", suffix=".part", dir=folder)
            try:
                with os.fdopen(fd, "wb") as out:
                    _decompress(path, out)
                os.replace(tmp, cached)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            week_ago = time.time() - 7 * 86400
            for old in folder.glob("langid-*.npz"):  # copies of other py3langid models
                if old != cached:
                    with contextlib.suppress(OSError):
                        if old.stat().st_mtime < week_ago:
                            old.unlink()
            return open(cached, "rb")
        except OSError:
            pass  # a read-only or full cache folder: fall through to a temporary file
    import tempfile

    fh = tempfile.TemporaryFile(suffix=".npz")
    _decompress(path, fh)
    fh.flush()
    return fh


def _model_crc(path: Path, folder: Path) -> tuple[int, str]:
    """(size, CRC-32 in 8 hexadecimal digits) of the compressed model at ``path``. The CRC is
    kept in a stamp file of 8 bytes named by the model file's size, modification time and inode
    (``langid-*.crc``), so that later runs of the same install read it instead of reading the
    4.6 MB and checksumming them (18 million instructions). Stamps of other installs are
    removed once written over a week ago; a stamp that cannot be written is made again."""
    st = os.stat(path)
    stamp = folder / f"langid-{st.st_size}-{st.st_mtime_ns}-{st.st_ino}.crc"
    try:
        crc = stamp.read_bytes()
        if len(crc) == 8 and not crc.strip(b"0123456789abcdef"):
            return st.st_size, crc.decode("ascii")
    except OSError:
        pass
    data = Path(path).read_bytes()
    size, crc_text = len(data), f"{zlib.crc32(data):08x}"
    del data
    if size == st.st_size:  # (not rewritten meanwhile: the stamp names what was read)
        from ..lint._datacache import _Blob, _save

        # (written atomically; other installs' stamps pruned once a week old)
        _save(_Blob(crc_text.encode("ascii")), folder, stamp.name, "langid-", old="langid-*.crc")
    return size, crc_text


def _is_zip(fh) -> bool:
    """``zipfile.is_zipfile(fh)``, without importing zipfile for an archive
    ``_langid_pure.zip_members`` reads."""
    from ._langid_pure import zip_members

    if zip_members(fh) is not None:
        return True
    import zipfile

    return zipfile.is_zipfile(fh)


def _decompress(path: Path, out) -> None:
    import lzma
    import shutil

    with lzma.open(path) as src:
        shutil.copyfileobj(src, out, length=1 << 18)


def _identifier() -> Any:
    """The plain-Python scorer where the installed py3langid is a release it repeats, else
    the lean numpy loader, else None (py3langid's own loader)."""
    from . import _langid_pure

    path = _langid_pure.model_path()
    if path is not None:
        try:
            return _pure_identifier(path)
        except Exception:  # an unexpected model file: the numpy loaders decide what it holds
            pass
    try:
        return _lean_identifier()
    except Exception:  # an unknown model layout: py3langid's own loader
        return None


def _pure_identifier(path: Path) -> Any:
    from ._langid_pure import PureIdentifier

    fh = _decompressed_model(path)
    try:
        ident = PureIdentifier(fh)
    except BaseException:
        fh.close()
        raise
    _KEEP.append(fh)  # the weights and transitions are read from it for the process's life
    atexit.register(fh.close)
    return ident


def _lean_identifier():
    import numpy as np
    from py3langid import langid

    if not hasattr(os, "pread"):  # (Windows) py3langid's own loader
        raise OSError("no os.pread")
    fh = _decompressed_model(langid.MODEL_DIR / langid.MODEL_FILE)
    m = _members(fh)
    if set(m) != {"ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat"}:
        raise ValueError(f"unexpected arrays {sorted(m)}")
    fd = fh.fileno()
    ptc_offset, ptc_dtype, ptc_shape = m["ptc"]
    nm_offset, nm_dtype, nm_shape = m["nextmove"]
    if len(ptc_shape) != 2 or len(nm_shape) != 1:
        raise ValueError("unexpected shapes")
    row = _read(fh, m["nextmove_row"])
    out = _read(fh, m["out_feat"])
    if row.dtype.kind != "u" or out.dtype.kind != "i" or array("i").itemsize != 4:
        raise ValueError("unexpected automaton types")
    # What py3langid's load_model returns (the row index and outputs as the same Python
    # integers), except that the weights and the transitions stay in the file.
    ident = langid.LanguageIdentifier(
        _FileRows(fd, ptc_offset, ptc_dtype, ptc_shape),
        _read(fh, m["pc"]),
        _read(fh, m["classes"]).tolist(),
        _FileArray(fd, nm_offset, nm_dtype, nm_shape[0]),
        array("i", out.astype(np.int32).tolist()),
        tk_row=array("I", row.astype(np.uint32).tolist()),
    )
    _KEEP.append(fh)  # the weights and transitions are read from it for the process's life
    atexit.register(fh.close)
    return ident


_KEEP: list[Any] = []
