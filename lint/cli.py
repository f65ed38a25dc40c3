"""The command line: ``garblint check``, ``garblint rules``, ``garblint rule CODE``.

Exit codes (as ruff): 0 nothing at or above ``--fail-on``; 1 findings; 2 a usage, config or
input error (the other files are still linted and reported).
"""
from __future__ import annotations

import difflib
import os
import sys
import textwrap
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import MODES, OUTPUT_FORMATS, ConfigError, convert, load_config
from .finding import SEVERITIES, severity_at_least
from .rule import all_rules, get_rule, rule_codes
from .vocab import read_list
from .runner import discover, lint_targets, read_stdin_bytes, selected_rules

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    click.echo(f"garblint: error: {message}", err=True)


def _notice(message: str) -> None:
    click.echo(f"garblint: notice: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="garblint")
def main() -> None:
    """garblint: a linter for corrupted text (OCR, machine translation, paraphrasing, scraping)."""


def _codes_opt(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return convert("select", list(values))


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
@click.option("--mode", type=click.Choice(MODES), default=None, help="'ocr' weighs OCR look-alike errors higher.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, help="Drop findings below this confidence.")
@click.option("--stdin-filename", default="-", help="The name to report for text read from '-'.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", help="Colour the text report.")
def check(paths: tuple[str, ...], **opts: Any) -> None:
    """Lint PATHS (files, folders, or - for standard input; default: the current folder)."""
    sys.exit(run_check(list(paths) or ["."], opts))


def run_check(paths: list[str], opts: dict[str, Any]) -> int:
    try:
        config_path = Path(opts["config_path"]) if opts.get("config_path") else None
        if config_path is not None and not config_path.is_file():
            raise ConfigError(f"{config_path}: config file not found")
        config = load_config(config_path)
        overrides: dict[str, Any] = {
            "select": _codes_opt(opts["select"]),
            "extend-select": (config["extend-select"] + _codes_opt(opts["extend_select"])) if opts["extend_select"] else None,
            "ignore": (config["ignore"] + _codes_opt(opts["ignore"])) if opts["ignore"] else None,
            "output-format": opts["output_format"],
            "fail-on": opts["fail_on"],
            "jobs": opts["jobs"],
            "extensions": convert("extensions", list(opts["extensions"])) if opts["extensions"] else None,
            "names": (config["names"] + convert("names", list(opts["names"]), Path.cwd())) if opts["names"] else None,
            "words": (config["words"] + convert("words", list(opts["words"]), Path.cwd())) if opts["words"] else None,
            "mode": opts["mode"],
            "min-confidence": opts["min_confidence"],
        }
        config = config.merged(overrides)
        config.validate_codes(rule_codes())
        config.vocabulary  # load names and word lists now: a bad list is a config error
        for phrase_file in config["boilerplate-phrases"]:
            read_list(phrase_file)  # a bad boilerplate phrase file is a config error too
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_ERROR

    out_path = opts.get("output")
    if out_path:
        parent = Path(out_path).resolve().parent
        if not parent.is_dir():
            _err(f"{out_path}: cannot write report: folder {parent} does not exist")
            return EXIT_ERROR
        if not os.access(parent, os.W_OK) or (Path(out_path).exists() and not os.access(out_path, os.W_OK)):
            _err(f"{out_path}: cannot write report: permission denied")
            return EXIT_ERROR

    stdin_bytes = read_stdin_bytes() if "-" in paths else None
    targets = discover(paths, config, stdin_bytes=stdin_bytes, stdin_name=opts.get("stdin_filename") or "-")
    try:
        results = lint_targets(targets, config)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130

    failed = False
    linted = 0
    for r in results:
        if r.error:
            _err(f"{r.path}: {r.error}")
            failed = True
        elif r.skipped:
            if not opts["quiet"]:
                _notice(f"{r.path}: {r.skipped}")
        else:
            linted += 1
    if linted == 0 and not failed:
        _err("no text files to lint in " + ", ".join(paths))
        failed = True

    from ..reports import ReportContext, get_writer

    fmt = config["output-format"]
    color_opt = opts.get("color", "auto")
    color = color_opt == "always" or (
        color_opt == "auto" and not out_path and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    ctx = ReportContext(
        version=__version__,
        rules=[type(r) for r in selected_rules(config)],
        color=color,
        statistics=opts["statistics"],
        quiet=opts["quiet"],
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
        sys.stdout.write(report)
        sys.stdout.flush()

    if failed:
        return EXIT_ERROR
    if opts["exit_zero"]:
        return EXIT_OK
    threshold = config["fail-on"]
    if any(severity_at_least(f.severity, threshold) for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


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
                out.append(textwrap.fill(para, 88, initial_indent="    ", subsequent_indent="    "))
            out.append("")
    click.echo("\n".join(out).rstrip() + "\n", nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
