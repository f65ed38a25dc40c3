"""The result cache: skip files whose findings cannot have changed since the last run.

An entry is keyed by everything that can change a file's findings:

- the file's content (SHA-256 of its bytes) and its displayed path (``per-file-ignores`` and
  rules may look at the path);
- garblint's version and a hash of the engine's and the rules' own files (code and data), so
  a new rule, a changed rule or an upgraded word list invalidates the cache;
- the selected rule codes and each rule's ``cache_token`` (for rules that depend on something
  outside the config, e.g. a server's version);
- the effective configuration, minus keys that only change presentation (output format, jobs);
- the content of every names list and word list;
- for corpus rules, the merged corpus facts of the run: a file's findings depend on the other
  files, so any change elsewhere in the corpus that changes the facts invalidates every entry.

Corpus facts of one file are cached too (keyed by content, without the corpus), so a second run
over an unchanged tree does not even build Documents. Entries are pickles in one SQLite file
(``cache-v1.sqlite3``, write-ahead log, one transaction per batch): creating thousands of small
files cost more than linting them. Concurrent runs are safe (SQLite locks). A corrupt entry is
a miss; an unusable database turns the cache off for the run with a notice.

Safety (docs/security.md): ``cache-dir`` names the *location*; garblint keeps its cache in its
own subfolder ``.garblint_cache`` there, which it creates itself (built under a temporary name
with its ``CACHEDIR.TAG`` inside, then renamed into place). An existing folder without
garblint's tag is never adopted, written to or deleted. ``garblint clean`` deletes only the
files garblint writes (the tag, the ``.gitignore``, the database and its journal files) and
then the folder if that left it empty. A project config (found in the tree) may not put the
cache outside its project: only the command line or ``GARBLINT_CACHE_DIR`` may.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Sequence

from .config import Config, ConfigError, user_list_files
from .textio import content_digest  # noqa: F401 - one definition; the cache's users import it here

CACHE_DIR_NAME = ".garblint_cache"
#: the environment variable that sets the cache location as the user (like --cache-dir)
CACHE_DIR_ENV = "GARBLINT_CACHE_DIR"
#: the line of CACHEDIR.TAG that marks a folder as garblint's own
TAG_MARK = "# garblint's cache"
TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n" + TAG_MARK + ": safe to delete (garblint clean).\n"
IGNORE_TEXT = "# Created by garblint automatically.\n*\n"
FORMAT = "1"
DB_NAME = f"cache-v{FORMAT}.sqlite3"
#: config keys that never change findings
PRESENTATION_KEYS = frozenset(
    {"output-format", "jobs", "fail-on", "cache", "cache-dir", "exclude", "extend-exclude", "extensions", "max-file-size"}
)
_PACKAGE_FILES_DIGEST: str | None = None


def _canon(value: Any) -> Any:
    """A deterministic, JSON-able form of config values and corpus facts (sets sorted, ...)."""
    if isinstance(value, dict):
        return {"__dict__": sorted(([_canon_key(k), _canon(v)] for k, v in value.items()), key=lambda kv: kv[0])}
    if isinstance(value, (set, frozenset)):
        return {"__set__": sorted((_canon(v) for v in value), key=_sort_key)}
    if isinstance(value, (list, tuple)):
        return [_canon(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "_asdict"):
        return _canon(dict(value._asdict()))
    if hasattr(value, "__dict__"):
        return {"__obj__": type(value).__qualname__, "state": _canon(vars(value))}
    return repr(value)


def _canon_key(k: Any) -> str:
    return json.dumps(_canon(k), sort_keys=True, default=repr)


def _sort_key(v: Any) -> str:
    return json.dumps(v, sort_keys=True, default=repr)


def stable_hash(value: Any) -> str:
    return hashlib.sha256(json.dumps(_canon(value), sort_keys=True, default=repr).encode("utf-8")).hexdigest()


def package_digest() -> str:
    """Hash of garblint's engine and rule files (code and data): changes when rules change."""
    global _PACKAGE_FILES_DIGEST
    if _PACKAGE_FILES_DIGEST is None:
        from .. import rules as rules_pkg
        from . import __file__ as lint_init

        h = hashlib.sha256()
        roots = [Path(lint_init).parent, *(Path(p) for p in rules_pkg.__path__)]
        for root in roots:
            for f in sorted(root.rglob("*")):
                if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
                    h.update(str(f.relative_to(root)).encode("utf-8", "surrogateescape"))
                    try:
                        h.update(hashlib.sha256(f.read_bytes()).digest())
                    except OSError:
                        pass
        _PACKAGE_FILES_DIGEST = h.hexdigest()
    return _PACKAGE_FILES_DIGEST


def _list_files_digest(paths: Sequence[str]) -> list[tuple[str, str]]:
    out = []
    for p in paths:
        try:
            out.append((p, content_digest(Path(p).read_bytes())))
        except OSError as exc:
            out.append((p, f"unreadable: {exc}"))
    return out


def run_key(config: Config, rules: Sequence[Any]) -> str:
    """Everything of the run that can change findings, except the corpus facts."""
    from . import __version__

    values = {k: v for k, v in config.values.items() if k not in PRESENTATION_KEYS}
    tokens = []
    for r in rules:
        token = getattr(r, "cache_token", None)
        tokens.append((r.code, token(config) if callable(token) else ""))
    return stable_hash(
        {
            "format": FORMAT,
            "version": __version__,
            "package": package_digest(),
            "rules": tokens,
            "config": values,
            "names": _list_files_digest(config["names"]),
            "words": _list_files_digest(config["words"]),
            "lists": _list_files_digest(user_list_files(config)),
        }
    )


class CacheLocationError(ConfigError):
    """A cache location a project config may not choose (one line, names the config file)."""


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def resolve_cache_dir(config: Config) -> Path:
    """garblint's own cache folder: ``.garblint_cache`` inside the location ``cache-dir`` names
    (the command line, else ``$GARBLINT_CACHE_DIR``, else a config file, relative to that file),
    else inside the current folder.

    A config file may only name a location inside its own folder (the project): a cloned
    repository's config must not make garblint write elsewhere. Raises CacheLocationError."""
    value = config.get("cache-dir")
    source = config.sources.get("cache-dir", "default")
    from_file = bool(value) and source not in ("default", "command line")
    env = os.environ.get(CACHE_DIR_ENV, "")
    if env and (not value or from_file):
        value, from_file, source = env, False, "environment"
    if not value:
        return Path.cwd() / CACHE_DIR_NAME
    p = Path(os.path.expanduser(value)) if not from_file else Path(value)
    if not from_file:
        return (p if p.is_absolute() else Path.cwd() / p) / CACHE_DIR_NAME
    project = Path(source).resolve().parent if os.path.isfile(source) else Path.cwd()
    location = project / p
    if value.startswith("~") or not _inside(location, project):
        raise CacheLocationError(
            f"{source}: 'cache-dir' = {value!r} is outside the project folder {project}; a project "
            f"config may only keep the cache inside the project (use --cache-dir or {CACHE_DIR_ENV} to choose another place)"
        )
    return location / CACHE_DIR_NAME


def is_own_folder(folder: Path) -> bool:
    """True when ``folder`` is a real folder (not a link) holding garblint's CACHEDIR.TAG."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return False
        tag = folder / "CACHEDIR.TAG"
        if tag.is_symlink():
            return False
        with open(tag, "rb") as fh:
            head = fh.read(512)
    except OSError:
        return False
    return head.startswith(b"Signature: 8a477f597d28d172789f06886806bc55") and TAG_MARK.encode() in head


class Cache:
    """Pickled results in one SQLite file. I/O and database errors never fail a run: they turn
    the cache off for the run and say why in ``disabled_reason``."""

    def __init__(self, folder: Path | str, base_key: str) -> None:
        self.folder = Path(folder)
        self.base_key = base_key
        self.corpus_key = ""
        self.hits = 0
        self.misses = 0
        self.disabled_reason: str | None = None
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}

    @classmethod
    def for_run(cls, config: Config, rules: Sequence[Any]) -> "Cache":
        return cls(resolve_cache_dir(config), run_key(config, rules))

    # --------------------------------------------------------------- keys
    def set_corpus(self, corpus: dict[str, Any]) -> None:
        self.corpus_key = stable_hash(corpus) if corpus else ""

    def result_key(self, path: str, digest: str) -> str:
        return hashlib.sha256(f"r\x1f{self.base_key}\x1f{self.corpus_key}\x1f{path}\x1f{digest}".encode("utf-8", "surrogateescape")).hexdigest()

    def facts_key(self, digest: str) -> str:
        return hashlib.sha256(f"f\x1f{self.base_key}\x1f{digest}".encode()).hexdigest()

    # ------------------------------------------------------------ storage
    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        if not create and not self.db_path.is_file():
            return None
        if create:
            self._prepare()
        db = sqlite3.connect(str(self.db_path), timeout=60)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            db.commit()
        except BaseException:
            db.close()
            raise
        self._db = db
        return db

    def _disable(self, exc: BaseException) -> None:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.disabled_reason = f"cannot use the cache in {self.folder}: {reason}"
        self._pending.clear()
        self.close()

    def get(self, key: str) -> Any:
        if self.disabled_reason:
            return None
        blob = self._pending.get(key)
        if blob is None:
            try:
                db = self._connect(create=False)
                row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone() if db else None
            except (OSError, sqlite3.Error) as exc:
                self._disable(exc)
                return None
            blob = row[0] if row else None
        if blob is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(blob)
        except Exception:  # corrupt, or written by another Python: a miss
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if self.disabled_reason:
            return
        self._pending[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if len(self._pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        """Write the pending entries in one transaction."""
        if self.disabled_reason or not self._pending:
            return
        try:
            db = self._connect(create=True)
            assert db is not None
            with db:
                db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", self._pending.items())
            self._pending.clear()
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def _prepare(self) -> None:
        """Make sure ``self.folder`` is garblint's own folder: create it (tagged) when missing,
        refuse one that exists without garblint's tag."""
        folder = self.folder
        if is_own_folder(folder):
            return
        if folder.exists() or folder.is_symlink():
            raise FileExistsError(17, "the folder exists and was not created by garblint (no garblint CACHEDIR.TAG); not using it")
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
        try:
            (tmp / "CACHEDIR.TAG").write_text(TAG_TEXT, encoding="utf-8")
            (tmp / ".gitignore").write_text(IGNORE_TEXT, encoding="utf-8")
            try:
                os.rename(tmp, folder)  # atomic; fails when another run made it first
            except OSError:
                if not is_own_folder(folder):
                    raise FileExistsError(17, "the folder exists and was not created by garblint; not using it") from None
        finally:
            if tmp.exists():
                for f in tmp.iterdir():
                    f.unlink()
                tmp.rmdir()


#: the files garblint writes into its cache folder (``clean`` deletes these and nothing else)
def _own_file(name: str) -> bool:
    if name in ("CACHEDIR.TAG", ".gitignore"):
        return True
    return name.startswith("cache-v") and name.endswith((".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal"))


def clean(folder: Path) -> bool:
    """Delete garblint's files in its cache folder, then the folder when that left it empty.

    True when something was deleted. Raises OSError (one line) for a folder garblint did not
    create; other people's files in the folder are left, and named in the error."""
    if not folder.exists() and not folder.is_symlink():
        return False
    if not is_own_folder(folder):
        raise OSError(f"{folder} was not created by garblint (no garblint CACHEDIR.TAG); not deleting it")
    others = []
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False) and _own_file(entry.name) and entry.name != "CACHEDIR.TAG":
            os.unlink(entry.path)
        elif entry.name != "CACHEDIR.TAG":
            others.append(entry.name)
    if others:
        raise OSError(
            f"{folder}: removed garblint's cache files but kept the folder: it holds files garblint did not write ({', '.join(sorted(others)[:3])}{', ...' if len(others) > 3 else ''})"
        )
    os.unlink(folder / "CACHEDIR.TAG")
    folder.rmdir()
    return True
