"""Configuration: ``[tool.garblint]`` in pyproject.toml or a ``garblint.toml``, then flags.

Keys are kebab-case, as in ruff. An unknown key, a value of the wrong type or an unknown rule
code is a :class:`ConfigError` that names it and suggests the closest valid one.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Iterable

from ._records import FACTORY, record
from .finding import SEVERITIES

DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".rst", ".text")
OUTPUT_FORMATS = ("text", "json", "sarif", "github", "html")
MODES = ("general", "ocr")


class ConfigError(Exception):
    """A configuration problem the user must fix; the message is one line."""


def _str_list(key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of strings, got {value!r}")
    return list(value)


def _codes(key: str, value: Any) -> list[str]:
    out: list[str] = []
    for item in _str_list(key, value):
        out.extend(p.strip().upper() for p in item.split(",") if p.strip())
    return out


def _choice(choices: Iterable[str]):
    choices = tuple(choices)

    def conv(key: str, value: Any) -> str:
        if not isinstance(value, str) or value not in choices:
            hint = _closest(str(value), choices)
            raise ConfigError(f"'{key}' must be one of {', '.join(choices)}, got {value!r}{hint}")
        return value

    return conv


def _int_min(minimum: int):
    def conv(key: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ConfigError(f"'{key}' must be a whole number >= {minimum}, got {value!r}")
        return value

    return conv


def _unit_float(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(f"'{key}' must be a number from 0 to 1, got {value!r}")
    return float(value)


def _str(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a string, got {value!r}")
    return value


def _bool(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"'{key}' must be true or false, got {value!r}")
    return value


def _severity_map(key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a table of rule code = severity, got {value!r}")
    out = {}
    for code, sev in value.items():
        if sev not in SEVERITIES:
            raise ConfigError(f"'{key}.{code}' must be one of {', '.join(SEVERITIES)}, got {sev!r}")
        out[str(code).upper()] = sev
    return out


def _per_file(key: str, value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a table of glob = [codes], got {value!r}")
    return {str(glob): _codes(f"{key}.{glob}", codes) for glob, codes in value.items()}


def _per_file_mode(key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a table of glob = mode, got {value!r}")
    return {str(glob): _choice(MODES)(f"{key}.{glob}", mode) for glob, mode in value.items()}


def _extensions(key: str, value: Any) -> list[str]:
    exts = []
    for e in _str_list(key, value):
        for part in e.split(","):
            part = part.strip()
            if part:
                exts.append(part if part.startswith(".") else "." + part)
    return exts


def _positive_number(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"'{key}' must be a number above 0, got {value!r}")
    return float(value)


def _languagetool(key: str, value: Any) -> str:
    """"off", "local" or the base URL of a LanguageTool server (http:// or https://)."""
    if isinstance(value, str):
        v = value.strip()
        if v.lower() in ("off", "local"):
            return v.lower()
        if v.lower().startswith(("http://", "https://")) and len(v.split("://", 1)[1].strip("/")) > 0:
            return v
    raise ConfigError(f"'{key}' must be \"off\", \"local\" or a server URL such as http://localhost:8010, got {value!r}")


def _id_list(key: str, value: Any) -> list[str]:
    return [p.strip() for item in _str_list(key, value) for p in item.split(",") if p.strip()]


#: key -> (converter, default). Paths in ``names``, ``words`` and ``corpus`` are relative to the config file.
KEYS: dict[str, tuple[Any, Any]] = {
    "select": (_codes, None),
    "extend-select": (_codes, []),
    "ignore": (_codes, []),
    "per-file-ignores": (_per_file, {}),
    "exclude": (_str_list, []),
    "extend-exclude": (_str_list, []),
    "extensions": (_extensions, list(DEFAULT_EXTENSIONS)),
    "fail-on": (_choice(SEVERITIES), "warning"),
    "output-format": (_choice(OUTPUT_FORMATS), "text"),
    "jobs": (_int_min(0), 0),
    "names": (_str_list, []),
    "words": (_str_list, []),
    "corpus": (_str_list, []),
    "mode": (_choice(MODES), "general"),
    "per-file-mode": (_per_file_mode, {}),
    "min-confidence": (_unit_float, 0.0),
    # B002/B003 read the page's shape (docs/structure.md); off until they pass every clean text
    "boilerplate-shape": (_bool, True),
    "severity": (_severity_map, {}),
    "language": (_str, "en-US"),
    # the spelling variety S004 holds a text to ("any": both, flag only a document mixing them)
    "spelling": (_choice(("any", "en-US", "en-GB")), "any"),
    # LanguageTool backend (rule L001, docs/languagetool.md)
    "languagetool": (_languagetool, "off"),
    "languagetool-required": (_bool, False),
    "languagetool-disabled-rules": (_id_list, []),
    "languagetool-max-chars": (_int_min(200), 20000),
    "languagetool-timeout": (_positive_number, 30.0),
    "languagetool-download": (_bool, False),
    # the result cache (lint/cache.py); cache-dir is relative to the config file that sets it
    "cache": (_bool, True),
    "cache-dir": (_str, ""),
    # files over this many MiB are not read (an error naming the limit); see docs/security.md
    "max-file-size": (_positive_number, 512.0),
    # extra scraper-boilerplate phrase files (rules/data/boilerplate.txt syntax)
    "boilerplate-phrases": (_str_list, []),
    # extra tortured-phrase files (rules/data/tortured-phrases.txt syntax: "spun form -> original")
    "tortured-phrases": (_str_list, []),
    # extra files of words R001 accepts doubled (rules/data/legit-doubles.txt syntax)
    "legit-doubles": (_str_list, []),
    # extra files of title words before names and last words of organisation names (N rules;
    # rules/data/name-titles.txt and organisation-words.txt syntax)
    "name-titles": (_str_list, []),
    "organisation-words": (_str_list, []),
}
_PATH_KEYS = (
    "names", "words", "corpus", "boilerplate-phrases", "tortured-phrases", "legit-doubles", "name-titles",
    "organisation-words",
)


#: keys naming files that extend a built-in list (read at the start of a run: a bad file is a
#: config error; their contents are part of the result cache's key)
LIST_KEYS = ("boilerplate-phrases", "tortured-phrases", "legit-doubles", "name-titles", "organisation-words")


def user_list_files(config: "Config") -> list[str]:
    """The files of every ``LIST_KEYS`` key of ``config``."""
    return [f for key in LIST_KEYS for f in config[key]]


def _closest(word: str, options: Iterable[str]) -> str:
    import difflib

    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.5)
    return f" (did you mean '{match[0]}'?)" if match else ""


@record(("values", "sources", "path"))
class Config:
    """The effective configuration. Rules read it; they never see the CLI."""

    values: dict[str, Any]
    #: where each value came from: "default", a config file's path, or "command line"
    sources: dict[str, str]
    #: the config file that was read, if any
    path: str | None = None

    def __init__(self, values: dict[str, Any] = FACTORY, sources: dict[str, str] = FACTORY, path: str | None = None) -> None:
        self.values = {} if values is FACTORY else values
        self.sources = {} if sources is FACTORY else sources
        self.path = path
        self.__post_init__()

    def __post_init__(self) -> None:
        for key, (_, default) in KEYS.items():
            if key not in self.values:
                self.values[key] = _copy(default)
                self.sources.setdefault(key, "default")
        self._vocab = None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    # convenience accessors used across rules
    @property
    def mode(self) -> str:
        return self.values["mode"]

    @property
    def vocabulary(self):
        """Names lists and word lists, loaded once (see :mod:`garblint.lint.vocab`)."""
        if self._vocab is None:
            from .vocab import Vocabulary

            self._vocab = Vocabulary.load(self.values["names"], self.values["words"])
        return self._vocab

    def merged(self, overrides: dict[str, Any], source: str = "command line") -> "Config":
        """A copy with ``overrides`` (already converted) applied."""
        values = {k: _copy(v) for k, v in self.values.items()}
        sources = dict(self.sources)
        for key, value in overrides.items():
            if value is None:
                continue
            values[key] = value
            sources[key] = source
        cfg = Config(values, sources, self.path)
        return cfg

    def validate_codes(self, known: Iterable[str]) -> None:
        """Every code or prefix in selections must match a rule (or be ALL)."""
        known = sorted(known)
        families = sorted({c[0] for c in known})
        for key in ("select", "extend-select", "ignore", "severity"):
            value = self.values.get(key) or []
            codes = value.keys() if isinstance(value, dict) else value
            for code in codes:
                check_code(key, code, known, families)
        for glob, codes in self.values.get("per-file-ignores", {}).items():
            for code in codes:
                check_code(f"per-file-ignores.{glob}", code, known, families)


def check_code(key: str, code: str, known: list[str], families: list[str]) -> None:
    if code == "ALL":
        return
    if any(c.startswith(code) for c in known):
        return
    hint = _closest(code, known + families)
    raise ConfigError(f"unknown rule code '{code}' in '{key}'{hint}")


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def convert(key: str, value: Any, base_dir: Path | None = None) -> Any:
    """Check and convert one key's value; raise ConfigError naming it."""
    if key not in KEYS:
        raise ConfigError(f"unknown configuration key '{key}'{_closest(key, KEYS)}")
    conv, _ = KEYS[key]
    out = conv(key, value)
    if base_dir is not None and key in _PATH_KEYS:
        out = [str((base_dir / p).resolve()) if not os.path.isabs(p) else p for p in out]
    return out


def _toml() -> Any:
    """The TOML reader (imported when a config file is read: 7 ms of start-up otherwise)."""
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli  # pragma: no cover

    return tomli  # pragma: no cover


def find_config_file(start: Path) -> Path | None:
    """The nearest garblint.toml, or pyproject.toml with a [tool.garblint] table, upward from start."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        cand = folder / "garblint.toml"
        if cand.is_file():
            return cand
        cand = folder / "pyproject.toml"
        if cand.is_file():
            # A pyproject.toml that cannot be read is an error, as for garblint.toml: skipping
            # it would silently apply a parent folder's config instead.
            try:
                data = _toml().loads(cand.read_text(encoding="utf-8"))
            except OSError as exc:
                raise ConfigError(f"{cand}: cannot read config file: {exc.strerror or exc}") from None
            except UnicodeDecodeError:
                raise ConfigError(f"{cand}: config file is not valid UTF-8") from None
            except _toml().TOMLDecodeError as exc:
                raise ConfigError(f"{cand}: invalid TOML: {exc}") from None
            if isinstance(data.get("tool"), dict) and "garblint" in data["tool"]:
                return cand
    return None


def load_config(path: Path | None = None, *, search_from: Path | None = None) -> Config:
    """Load the config file at ``path``, or the nearest one above ``search_from``."""
    if path is None:
        path = find_config_file(search_from or Path.cwd())
        if path is None:
            return Config()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not valid UTF-8") from None
    try:
        data = _toml().loads(raw)
    except _toml().TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml" or "tool" in data:
        table = data.get("tool", {}).get("garblint", {})
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.garblint] must be a table")
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key, value in table.items():
        try:
            values[key] = convert(key, value, path.parent)
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        sources[key] = str(path)
    return Config(values, sources, str(path))
