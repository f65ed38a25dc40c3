"""The command line: ``garblint check``, ``garblint rules``, ``garblint rule CODE``.

Exit codes (as ruff): 0 nothing at or above ``--fail-on``; 1 findings; 2 a usage, config or
input error (the other files are still linted and reported).
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import MODES, OUTPUT_FORMATS, ConfigError, convert, load_config, user_list_files
from .finding import SEVERITIES, severity_at_least
from .options import CheckOptions
from .rule import all_rules, get_rule, rule_codes
from .discover import OUTPUT_IS_INPUT
from .runner import EXCLUDED, discover, freeze_for_exit, lint_targets, read_stdin_bytes, selected_rules, tune_gc
from .vocab import read_list

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    click.echo(f"garblint: error: {message}", err=True)


def _notice(message: str) -> None:
    click.echo(f"garblint: notice: {message}", err=True)


class Progress:
    """``garblint: linting 1,200/5,000 files`` on one terminal line of standard error, once the
    run has taken ``after`` seconds (env GARBLINT_PROGRESS_AFTER, default 1), at most ten times
    a second; cleared at the end. Only made when standard error is a terminal, so it never
    reaches a pipe, a log or a report."""

    def __init__(self, stream: Any, after: float = 1.0) -> None:
        import time

        self._clock = time.monotonic
        self.stream = stream
        self.start = self._clock() + after
        self.last = 0.0
        self.shown = False

    @classmethod
    def for_run(cls, quiet: bool) -> "Progress | None":
        try:
            if quiet or not sys.stderr.isatty():
                return None
            after = float(os.environ.get("GARBLINT_PROGRESS_AFTER", "1"))
        except (ValueError, OSError, AttributeError):
            return None
        return cls(sys.stderr, after)

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = self._clock()
        if now < self.start or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        self.shown = True
        self.stream.write(f"\r\x1b[Kgarblint: {phase} {done:,}/{total:,} files")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="garblint")
def main() -> None:
    """garblint: a linter for corrupted text (OCR, machine translation, paraphrasing, scraping)."""


def _env_value(key: str, value: str, source: str) -> Any:
    try:
        return convert(key, value)
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}") from None


def _codes_opt(values: tuple[str, ...], flag: str = "--select") -> list[str] | None:
    if not values:
        return None
    if any(not v.strip(" ,") for v in values):
        raise click.UsageError(f"{flag} needs rule codes or prefixes (ALL for every rule), got an empty value")
    return convert("select", list(values))


def _no_nan(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    if value is not None and value != value:
        raise click.BadParameter("must be a number from 0 to 1, not nan")
    return value


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated; ALL for every rule).")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add rule codes or prefixes to the selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these rule codes or prefixes.")
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), default=None, help="Report format (default text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=False), default=None, help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="Lowest severity that makes the exit code 1 (default warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, help="Parallel processes; 0 = all cores (default).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary (and errors).")
@click.option("--statistics", is_flag=True, help="Print a count of findings per rule.")
@click.option("--extensions", multiple=True, metavar="EXTS", help="File extensions to lint in folders (comma-separated; default .txt,.md,.markdown,.rst,.text).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Use this config file (garblint.toml or pyproject.toml).")
@click.option("--names", multiple=True, metavar="FILE", help="A names list: one correct spelling a line (repeatable).")
@click.option("--words", multiple=True, metavar="FILE", help="A word list of accepted spellings (repeatable).")
@click.option("--corpus", multiple=True, metavar="DIR", help="Reference files or folders for corpus rules (read, not linted; repeatable).")
@click.option("--mode", type=click.Choice(MODES), default=None, help="'ocr' weighs OCR look-alike errors higher.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, callback=_no_nan, help="Drop findings below this confidence.")
@click.option("--stdin-filename", default="-", help="The name to report for text read from '-'.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", help="Colour the text report.")
@click.option("--languagetool", "languagetool", default=None, metavar="off|local|URL", help="LanguageTool backend for rule L001 (default off; env GARBLINT_LANGUAGETOOL_URL).")
@click.option("--languagetool-required", is_flag=True, default=None, help="Exit 2 when LanguageTool is configured but unavailable.")
@click.option("--languagetool-download", is_flag=True, default=None, help="Let 'local' mode download LanguageTool (about 250 MB) if it is missing.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", default=None, metavar="DIR", help="Where garblint keeps its .garblint_cache folder (default: the current folder; env GARBLINT_CACHE_DIR).")
@click.option("--dask", "dask_address", default=None, metavar="SCHEDULER", help="Lint on a Dask cluster (e.g. tcp://host:8786); the files must be on storage the workers share.")
@click.option("--force-exclude", is_flag=True, help="Apply exclude patterns to files named on the command line too (for pre-commit).")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, --fix-only or --diff: apply each finding's first suggestion, safe or not.")
@click.option("--fix-only", is_flag=True, help="Apply fixes in place and report nothing but what was fixed (exit 0 unless an error).")
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes instead of writing them (exit 1 if there is any).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE", help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE", help="Record today's findings in FILE (for --baseline) and exit 0.")
def check(paths: tuple[str, ...], **opts: Any) -> None:
    """Lint PATHS (files, folders, or - for standard input; default: the current folder)."""
    terminated = []

    def on_sigterm(signum: int, frame: Any) -> None:
        # SIGTERM ends the run as Ctrl-C does: the runner stops its worker processes (which
        # also die with this process on their own, see lint/workers.py) and no file is left
        # half-written (the fixer holds SIGTERM back while it replaces a file).
        terminated.append(signum)
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        code = run_check(list(paths) or ["."], CheckOptions.from_cli(opts))
        freeze_for_exit()  # (the run is over: the interpreter's shutdown need not walk its objects)
    except KeyboardInterrupt:  # Ctrl-C outside the runner's and fixer's own handlers
        _err("interrupted")
        code = 130
    finally:
        signal.signal(signal.SIGTERM, old)
    sys.exit(128 + signal.SIGTERM if terminated else code)


def run_check(paths: list[str], opts: CheckOptions) -> int:
    tune_gc()
    try:
        config_path = Path(opts.config_path) if opts.config_path else None
        if config_path is not None and not config_path.is_file():
            raise ConfigError(f"{config_path}: config file not found")
        config = load_config(config_path)
        overrides: dict[str, Any] = {
            "select": _codes_opt(opts.select),
            "extend-select": (config["extend-select"] + _codes_opt(opts.extend_select, "--extend-select")) if opts.extend_select else None,
            "ignore": (config["ignore"] + _codes_opt(opts.ignore, "--ignore")) if opts.ignore else None,
            "output-format": opts.output_format,
            "fail-on": opts.fail_on,
            "jobs": opts.jobs,
            "extensions": convert("extensions", list(opts.extensions)) if opts.extensions else None,
            "names": (config["names"] + convert("names", list(opts.names), Path.cwd())) if opts.names else None,
            "words": (config["words"] + convert("words", list(opts.words), Path.cwd())) if opts.words else None,
            "corpus": (config["corpus"] + convert("corpus", list(opts.corpus), Path.cwd())) if opts.corpus else None,
            "mode": opts.mode,
            "min-confidence": opts.min_confidence,
            "cache": False if opts.no_cache else None,
            "cache-dir": opts.cache_dir,
        }
        env_lt = os.environ.get("GARBLINT_LANGUAGETOOL_URL", "").strip()
        if env_lt:  # precedence: flag > environment > config file
            overrides["languagetool"] = _env_value("languagetool", env_lt, "environment GARBLINT_LANGUAGETOOL_URL")
        if opts.languagetool is not None:
            overrides["languagetool"] = convert("languagetool", opts.languagetool)
        overrides["languagetool-required"] = opts.languagetool_required
        overrides["languagetool-download"] = opts.languagetool_download
        config = config.merged(overrides)
        config.validate_codes(rule_codes())
        if not selected_rules(config):
            raise ConfigError("no rule is selected (see select, extend-select and ignore; 'garblint rules' lists them)")
        config.vocabulary  # load names and word lists now: a bad list is a config error
        for ref in config["corpus"]:
            if not Path(ref).exists():
                raise ConfigError(f"{ref}: corpus path not found")
        for phrase_file in user_list_files(config):
            read_list(phrase_file)  # a bad file extending a built-in list is a config error too
        cache_folder = None
        if config["cache"] and not opts.no_cache and not opts.dask_address:
            from .cache import resolve_cache_dir

            cache_folder = resolve_cache_dir(config)  # a project config may not put it elsewhere
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_ERROR
    from .workers import available_cores

    if config["jobs"] > available_cores() and not opts.quiet:
        _notice(f"--jobs {config['jobs']} is more than the {available_cores()} available cores: using {available_cores()}")

    out_path = opts.output
    if out_path:
        parent = Path(out_path).resolve().parent
        if not parent.is_dir():
            _err(f"{out_path}: cannot write report: folder {parent} does not exist")
            return EXIT_ERROR
        if not os.access(parent, os.W_OK) or (Path(out_path).exists() and not os.access(out_path, os.W_OK)):
            _err(f"{out_path}: cannot write report: permission denied")
            return EXIT_ERROR

    failed = False
    shown: set[str] = set()
    if config["languagetool"] != "off" and any(r.code == "L001" for r in selected_rules(config)):
        # Start the local server or probe the URL once, here, so worker processes share one
        # server and an unavailable one gives one message instead of one per file.
        from .languagetool import LanguageToolUnavailable, prepare

        try:
            config = prepare(config)
        except LanguageToolUnavailable as exc:
            shown.add(str(exc))
            (_err if exc.required else _notice)(f"L001: {exc}")
            failed = failed or exc.required
            config = config.merged({"languagetool": "off"})

    if opts.unsafe_fixes and not (opts.fix or opts.fix_only or opts.diff):
        _notice("--unsafe-fixes has no effect without --fix, --fix-only or --diff")
    baseline = None
    if opts.baseline_path:
        from .baseline import Baseline, BaselineError

        try:
            baseline = Baseline.load(opts.baseline_path)
        except BaselineError as exc:
            _err(str(exc))
            return EXIT_ERROR

    stdin_bytes = read_stdin_bytes() if "-" in paths else None
    outputs = [o for o in (out_path, opts.write_baseline_path) if o]
    targets = discover(
        paths, config, stdin_bytes=stdin_bytes, stdin_name=opts.stdin_filename or "-",
        force_exclude=opts.force_exclude, outputs=outputs,
    )
    clash = [t for t in targets if t.error == OUTPUT_IS_INPUT]
    if clash:  # before anything is linted or written
        for t in clash:
            _err(f"{t.path}: {t.error}")
        return EXIT_ERROR
    try:
        if opts.dask_address:
            from .distributed import DaskUnavailable, lint_targets_dask

            try:
                results = lint_targets_dask(targets, config, opts.dask_address)
            except DaskUnavailable as exc:
                _err(str(exc))
                return EXIT_ERROR
        else:
            cache = None
            if cache_folder is not None:
                from .cache import Cache, run_key

                cache = Cache(cache_folder, run_key(config, selected_rules(config)))
            progress = Progress.for_run(opts.quiet)
            try:
                results = lint_targets(targets, config, cache=cache, notify=_notice, progress=progress)
            finally:
                if progress is not None:
                    progress.close()
            if cache is not None and cache.disabled_reason and not opts.quiet:
                _notice(cache.disabled_reason)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130

    # Baselines and fixes (see lint/baseline.py, lint/fixer.py); may end the run here.
    results, report_stream, code = _baseline_and_fixes(targets, results, config, opts, baseline, stdin_bytes)
    if code is not None:
        return code

    linted = 0
    for r in results:
        for n in r.notices:  # a rule that could not run: each distinct message once
            if n.message not in shown:
                shown.add(n.message)
                (_err if n.required else _notice)(f"{n.code}: {n.message}")
            failed = failed or n.required
        if r.error:
            _err(f"{r.path}: {r.error}")
            failed = True
        elif r.skipped:
            if not opts.quiet and r.skipped != EXCLUDED:
                _notice(f"{r.path}: {r.skipped}")
        else:
            linted += 1
    if linted == 0 and not failed and not any(r.skipped == EXCLUDED for r in results):
        _err("no text files to lint in " + ", ".join(paths))
        failed = True

    from ..reports import ReportContext, RuleInfo, get_writer

    fmt = config["output-format"]
    color_opt = opts.color
    color = color_opt == "always" or (
        color_opt == "auto" and not out_path and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    ctx = ReportContext(
        version=__version__,
        rules=[RuleInfo.of(type(r)) for r in selected_rules(config)],
        catalog=[RuleInfo.of(cls) for cls in all_rules()],
        color=color,
        statistics=opts.statistics,
        quiet=opts.quiet,
        fail_on=config["fail-on"],
    )
    report = get_writer(fmt)(results, ctx)
    if out_path:
        try:
            Path(out_path).write_text(report, encoding="utf-8")
        except OSError as exc:
            _err(f"{out_path}: cannot write report: {exc.strerror or exc}")
            return EXIT_ERROR
    else:
        report_stream.write(report)
        report_stream.flush()

    if failed:
        return EXIT_ERROR
    if opts.exit_zero:
        return EXIT_OK
    threshold = config["fail-on"]
    if any(severity_at_least(f.severity, threshold) for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


@main.command("clean")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Use this config file (for its cache-dir).")
@click.option("--cache-dir", default=None, metavar="DIR", help="The location whose .garblint_cache to delete.")
def clean_cmd(config_path: str | None, cache_dir: str | None) -> None:
    """Delete garblint's own files in its cache folder (.garblint_cache in the cache location)."""
    from .cache import clean, resolve_cache_dir

    try:
        if config_path is not None and not Path(config_path).is_file():
            raise ConfigError(f"{config_path}: config file not found")
        config = load_config(Path(config_path) if config_path else None)
        if cache_dir:
            config = config.merged({"cache-dir": cache_dir})
        folder = resolve_cache_dir(config)
        removed = clean(folder)
    except ConfigError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(f"removed {folder}" if removed else f"no cache at {folder}")


def _baseline_and_fixes(targets, results, config, opts: CheckOptions, baseline, stdin_bytes):
    """--write-baseline, --baseline, then --fix/--fix-only/--diff.

    Returns (results, the stream the report goes to, an exit code if the run ends here)."""
    fix_write = opts.writes_fixes
    if opts.write_baseline_path:
        return results, sys.stdout, _write_baseline(opts.write_baseline_path, results)
    if baseline is not None:
        for r in results:
            if not (r.error or r.skipped):
                r.findings = baseline.filter(r.path, r.findings)
    report_stream = sys.stdout
    if fix_write or opts.diff:
        from .fixer import fix_results

        try:
            run = fix_results(targets, results, config, unsafe=opts.unsafe_fixes, write=fix_write, baseline=baseline)
        except KeyboardInterrupt:
            _err("interrupted")
            return results, sys.stdout, 130
        results = run.results
        for n in run.notices:
            _notice(n)
        if opts.diff:
            sys.stdout.flush()
            if hasattr(sys.stdout, "buffer"):
                sys.stdout.buffer.write(b"".join(run.diffs))  # the files' own bytes
                sys.stdout.buffer.flush()
            else:  # pragma: no cover
                sys.stdout.write(b"".join(run.diffs).decode("utf-8", "replace"))
            bad = _print_errors(results)
            if not opts.quiet:
                n_fixes, n_files = run.fixed_findings, run.fixed_files
                click.echo(
                    f"garblint: {n_fixes} fix{'es' if n_fixes != 1 else ''} would be applied to "
                    f"{n_files} file{'s' if n_files != 1 else ''}.",
                    err=True,
                )
            return results, sys.stdout, EXIT_ERROR if bad else (EXIT_FINDINGS if run.diffs else EXIT_OK)
        if stdin_bytes is not None:
            out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
            data = run.stdin_text if run.stdin_text is not None else stdin_bytes
            if out is not None:
                out.write(data)
                out.flush()
            else:  # pragma: no cover
                sys.stdout.write(data.decode("utf-8", "replace"))
            report_stream = sys.stderr
        if not opts.quiet or opts.fix_only:
            click.echo(
                f"garblint: fixed {run.fixed_findings} finding{'s' if run.fixed_findings != 1 else ''} in {run.fixed_files} file{'s' if run.fixed_files != 1 else ''}.",
                err=True,
            )
        if opts.fix_only:
            return results, sys.stdout, EXIT_ERROR if _print_errors(results) else EXIT_OK
    return results, report_stream, None


def _print_errors(results) -> bool:
    bad = False
    for r in results:
        if r.error:
            _err(f"{r.path}: {r.error}")
            bad = True
    return bad


def _write_baseline(path: str, results) -> int:
    from .baseline import BaselineError, write_baseline

    bad = _print_errors(results)
    try:
        n = write_baseline(path, results)
    except BaselineError as exc:
        _err(str(exc))
        return EXIT_ERROR
    files = sum(1 for r in results if r.findings and not (r.error or r.skipped))
    click.echo(f"garblint: wrote {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} to baseline {path}", err=True)
    return EXIT_ERROR if bad else EXIT_OK


@main.command("config")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Use this config file instead of searching for one.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
def config_cmd(config_path: str | None, fmt: str) -> None:
    """Print the effective configuration and where each value came from."""
    try:
        path = Path(config_path) if config_path else None
        if path is not None and not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        config = load_config(path)
        config.validate_codes(rule_codes())
    except ConfigError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(config_table(config, fmt), nl=False)


def config_table(config, fmt: str = "text") -> str:
    import json

    keys = sorted(config.values)
    if fmt == "json":
        return json.dumps(
            {"config-file": config.path, "values": {k: {"value": config.values[k], "source": config.sources.get(k, "default")} for k in keys}},
            indent=2,
        ) + "\n"
    lines = [f"# config file: {config.path or '(none found; defaults)'}"]
    for k in keys:
        src = config.sources.get(k, "default")
        if config.values[k] is None:
            lines.append(f"# {k} is not set  # {src}")
            continue
        value = json.dumps(config.values[k], ensure_ascii=False)
        lines.append(f"{k} = {value}  # {src}")
    return "\n".join(lines) + "\n"


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", help="Table format.")
def rules_cmd(fmt: str) -> None:
    """List every rule: code, name, category, default severity, what it flags."""
    click.echo(rules_table(fmt), nl=False)


def rules_table(fmt: str = "text") -> str:
    rows = [(c.code, c.name, c.category, c.severity, "yes" if c.default_enabled else "no", c.summary()) for c in all_rules()]
    if fmt == "json":
        import json

        return json.dumps(
            [dict(zip(("code", "name", "category", "severity", "default", "summary"), r)) for r in rows], indent=2
        ) + "\n"
    if fmt == "markdown":
        lines = ["| Code | Name | Category | Severity | On by default | What it flags |", "|---|---|---|---|---|---|"]
        lines += [f"| {r[0]} | `{r[1]}` | {r[2]} | {r[3]} | {r[4]} | {r[5].replace('|', '/')} |" for r in rows]
        return "\n".join(lines) + "\n"
    w = max((len(r[1]) for r in rows), default=4)
    lines = [f"{'CODE':<5} {'NAME':<{w}} {'CATEGORY':<12} {'SEVERITY':<10} ON  WHAT IT FLAGS"]
    lines += [f"{r[0]:<5} {r[1]:<{w}} {r[2]:<12} {r[3]:<10} {r[4]:<3} {r[5]}" for r in rows]
    return "\n".join(lines) + "\n"


@main.command("rule")
@click.argument("code")
def rule_cmd(code: str) -> None:
    """Show the full documentation of rule CODE."""
    cls = get_rule(code)
    if cls is None:
        import difflib

        match = difflib.get_close_matches(code.upper(), rule_codes(), n=1, cutoff=0.5)
        hint = f" (did you mean '{match[0]}'?)" if match else ""
        _err(f"unknown rule code '{code}'{hint}; 'garblint rules' lists them")
        sys.exit(EXIT_ERROR)
    doc = cls.doc_sections()
    out = [
        f"{cls.code} {cls.name}",
        f"category: {cls.category}   default severity: {cls.severity}   on by default: {'yes' if cls.default_enabled else 'no'}",
        "",
    ]
    for heading in ("What it flags", "Why", "Example", "Fix"):
        if doc.get(heading):
            out.append(f"{heading}:")
            for para in doc[heading].split("\n\n"):
                import textwrap

                out.append(textwrap.fill(para, 88, initial_indent="    ", subsequent_indent="    "))
            out.append("")
    click.echo("\n".join(out).rstrip() + "\n", nl=False)


def entry() -> None:
    """The ``garblint`` command (and ``python -m garblint.lint.cli``): :func:`main`, then out of
    the process without tearing the interpreter down, as mypy's ``hard_exit`` does.

    A run's last documents, the lexicon and the per-word tables are hundreds of thousands of
    objects; an ordinary exit frees them one at a time (about 1% of a run on a 200,000-word
    file) although the operating system reclaims the whole process anyway. The exit handlers
    run and both streams are flushed first; the ordinary exit is kept where anything could
    still be running (another thread, a worker process) or have more to write after the run (a
    profiler, a tracer such as coverage, ``python -i``).
    """
    from . import runner

    runner.KEEP_LAST_DOCUMENTS = True
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if code is None:
            code = 0
        if isinstance(code, int) and _may_exit_hard():
            import atexit

            atexit._run_exitfuncs()
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except (OSError, ValueError):  # (a closed pipe: let the ordinary exit report it)
                raise exc from None
            os._exit(code)
        raise


def _may_exit_hard() -> bool:
    import threading

    if sys.getprofile() is not None or sys.gettrace() is not None or sys.flags.inspect:
        return False  # (a profiler, a coverage tracer or a debugger writes its report after us)
    if threading.active_count() > 1:
        return False
    mp = sys.modules.get("multiprocessing")
    return mp is None or not mp.active_children()


if __name__ == "__main__":  # pragma: no cover
    entry()
