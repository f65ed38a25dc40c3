"""The data cache folder (``$GARBLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME/garblint``, else
``~/.cache/garblint``): where the lexicon index and the other tables made from installed data
are kept between runs, written atomically (``lint/lexicon.py`` and the modules of the other
tables read them)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Any


class _Blob:
    """What _save writes: bytes made before."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def write(self, out) -> None:
        out.write(self.data)


def _cache_dir() -> Path | None:
    """``$GARBLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME/garblint``, else ``~/.cache/garblint``;
    None when ``GARBLINT_DATA_CACHE`` is empty (the index is then built in memory each run)."""
    env = os.environ.get("GARBLINT_DATA_CACHE")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "garblint"


def remake(exc: BaseException) -> bool:
    """After a failed read of a file of the data cache folder: whether to write it again. A
    missing file is (FileNotFoundError), and a damaged one (ValueError, EOFError...); a file
    that is there but cannot be read now (the process is out of file handles or memory, or
    lacks the permission) is left alone, its content made in memory for this process only:
    writing it would replace a good copy that other processes share."""
    return isinstance(exc, FileNotFoundError) or not isinstance(exc, OSError)


def _save(index: Any, folder: Path, name: str, prefix: str, old: str | None = None) -> None:
    """Write ``index`` to ``folder/name`` atomically; other files of ``prefix`` written over a
    week ago (indexes of older data, or of an older format under another extension, such as the
    places' ``.txt`` tables before they became ``.bin``) are deleted, or those the glob ``old``
    names when given. Errors (a read-only or full folder) pass."""
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
        for older in folder.glob(old or f"{prefix}*"):
            if older.name != name:
                with contextlib.suppress(OSError):
                    if older.stat().st_mtime < week_ago:  # (another venv may still read it)
                        older.unlink()
    except OSError:
        pass
