"""What ``garblint check`` was asked: the CLI builds one typed :class:`CheckOptions` from its
command-line options and passes it on (no dict of options with ``.get()`` look-ups)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class CheckOptions:
    """The options of ``garblint check`` as given (None: not given, the config decides)."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    output_format: str | None = None
    output: str | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    jobs: int | None = None
    quiet: bool = False
    statistics: bool = False
    extensions: tuple[str, ...] = ()
    config_path: str | None = None
    names: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    corpus: tuple[str, ...] = ()
    mode: str | None = None
    min_confidence: float | None = None
    stdin_filename: str = "-"
    color: str = "auto"
    languagetool: str | None = None
    languagetool_required: bool | None = None
    languagetool_download: bool | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    dask_address: str | None = None
    force_exclude: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    fix_only: bool = False
    diff: bool = False
    baseline_path: str | None = None
    write_baseline_path: str | None = None

    @classmethod
    def from_cli(cls, values: dict[str, Any]) -> "CheckOptions":
        """From click's keyword arguments; an option this class lacks is a programming error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise TypeError(f"CheckOptions has no field for {', '.join(unknown)}")
        return cls(**values)

    @property
    def writes_fixes(self) -> bool:
        """``--fix`` or ``--fix-only`` without ``--diff`` (which never writes)."""
        return (self.fix or self.fix_only) and not self.diff
