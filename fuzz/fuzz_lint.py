"""Coverage-guided fuzzing of decoding + Document + the default rule set (atheris).

    pip install atheris
    python fuzz/fuzz_lint.py -max_total_time=1800 -rss_limit_mb=2048 fuzz/corpus

Every input is decoded as a file would be, linted with all rules, and checked for the
invariants the property tests check (spans inside the text, text equal to the span, line and
column agreeing with the span). A crash writes ``crash-*`` for a regression test.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from garblint.lint.config import Config
    from garblint.lint.rule import all_rules
    from garblint.lint.runner import lint_document
    from garblint.lint.textio import BinaryFile, InputError, document_from_bytes

    # Rule modules are imported lazily by all_rules(): import them here so they are instrumented.
    all_rules()

CONFIG = Config({"select": ["ALL"]})


def one_input(data: bytes) -> None:
    try:
        doc = document_from_bytes(data, "fuzz.txt")
    except (BinaryFile, InputError):
        return
    findings = lint_document(doc, CONFIG)
    text = doc.text
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.text == text[f.start : f.end], f
        assert (f.line, f.column) == doc.line_col(f.start), f


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
