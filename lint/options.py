"""What ``garblint check`` was asked: the CLI builds one typed :class:`CheckOptions` from its
command-line options and passes it on (no dict of options with ``.get()`` look-ups)."""

from __future__ import annotations

from typing import Any

from ._records import record


class CheckOptions:
    """The options of ``garblint check`` as given (None: not given, the config decides). Frozen;
    a plain class with a dataclass's behaviour (``lint._records``), not a dataclass."""

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

    def __init__(
        self,
        select: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        output_format: str | None = None,
        output: str | None = None,
        fail_on: str | None = None,
        exit_zero: bool = False,
        jobs: int | None = None,
        quiet: bool = False,
        statistics: bool = False,
        extensions: tuple[str, ...] = (),
        config_path: str | None = None,
        names: tuple[str, ...] = (),
        words: tuple[str, ...] = (),
        corpus: tuple[str, ...] = (),
        mode: str | None = None,
        min_confidence: float | None = None,
        stdin_filename: str = "-",
        color: str = "auto",
        languagetool: str | None = None,
        languagetool_required: bool | None = None,
        languagetool_download: bool | None = None,
        no_cache: bool = False,
        cache_dir: str | None = None,
        dask_address: str | None = None,
        force_exclude: bool = False,
        fix: bool = False,
        unsafe_fixes: bool = False,
        fix_only: bool = False,
        diff: bool = False,
        baseline_path: str | None = None,
        write_baseline_path: str | None = None,
    ) -> None:
        object.__setattr__(self, "select", select)
        object.__setattr__(self, "extend_select", extend_select)
        object.__setattr__(self, "ignore", ignore)
        object.__setattr__(self, "output_format", output_format)
        object.__setattr__(self, "output", output)
        object.__setattr__(self, "fail_on", fail_on)
        object.__setattr__(self, "exit_zero", exit_zero)
        object.__setattr__(self, "jobs", jobs)
        object.__setattr__(self, "quiet", quiet)
        object.__setattr__(self, "statistics", statistics)
        object.__setattr__(self, "extensions", extensions)
        object.__setattr__(self, "config_path", config_path)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "corpus", corpus)
        object.__setattr__(self, "mode", mode)
        object.__setattr__(self, "min_confidence", min_confidence)
        object.__setattr__(self, "stdin_filename", stdin_filename)
        object.__setattr__(self, "color", color)
        object.__setattr__(self, "languagetool", languagetool)
        object.__setattr__(self, "languagetool_required", languagetool_required)
        object.__setattr__(self, "languagetool_download", languagetool_download)
        object.__setattr__(self, "no_cache", no_cache)
        object.__setattr__(self, "cache_dir", cache_dir)
        object.__setattr__(self, "dask_address", dask_address)
        object.__setattr__(self, "force_exclude", force_exclude)
        object.__setattr__(self, "fix", fix)
        object.__setattr__(self, "unsafe_fixes", unsafe_fixes)
        object.__setattr__(self, "fix_only", fix_only)
        object.__setattr__(self, "diff", diff)
        object.__setattr__(self, "baseline_path", baseline_path)
        object.__setattr__(self, "write_baseline_path", write_baseline_path)

    @classmethod
    def from_cli(cls, values: dict[str, Any]) -> "CheckOptions":
        """From click's keyword arguments; an option this class lacks is a programming error."""
        known = set(FIELDS)
        unknown = sorted(set(values) - known)
        if unknown:
            raise TypeError(f"CheckOptions has no field for {', '.join(unknown)}")
        return cls(**values)

    @property
    def writes_fixes(self) -> bool:
        """``--fix`` or ``--fix-only`` without ``--diff`` (which never writes)."""
        return (self.fix or self.fix_only) and not self.diff


#: CheckOptions' fields, in order: its annotations, which are its ``__init__``'s parameters (the
#: class is made a record after its body, so the names are written once)
FIELDS: tuple[str, ...] = tuple(CheckOptions.__annotations__)
record(FIELDS, frozen=True)(CheckOptions)
