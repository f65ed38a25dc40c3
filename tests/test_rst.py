"""reStructuredText files: prose is linted where it stands, markup is not, --fix edits only prose."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import run_cli

DOC = """\
Release notes
=============

.. note::

   The cache is is kept between runs ,see :ref:`caching <cache-page>`.

.. code-block:: python

   cache = load()  # is is ,kept

Options::

   --keep is is ,kept

.. custom-sphinx-directive:: argument ,here
   :option: value is is

   Its body is is linted.

+-------+---------+
| is is | a ,b    |
+-------+---------+
"""


def test_rst_findings_at_source_line_and_column(tmp_path):
    f = tmp_path / "notes.rst"
    f.write_text(DOC, encoding="utf-8")
    proc = run_cli("check", str(f), "--select", "R001,P001", "--output-format", "json")
    assert proc.returncode == 1, proc.stderr
    found = sorted((x["line"], x["column"], x["code"], x["text"]) for r in json.loads(proc.stdout)["files"] for x in r["findings"])
    assert found == [(6, 14, "R001", "is is"), (6, 37, "P001", " ,"), (19, 13, "R001", "is is")]
    assert proc.stderr in ("", b"")  # docutils printed nothing


def test_rst_fix_edits_only_prose(tmp_path):
    f = tmp_path / "notes.rst"
    f.write_text(DOC, encoding="utf-8")
    proc = run_cli("check", str(f), "--select", "R001,P001", "--fix")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    got = f.read_text(encoding="utf-8").splitlines()
    want = DOC.splitlines()
    want[5] = "   The cache is kept between runs, see :ref:`caching <cache-page>`."
    want[18] = "   Its body is linted."
    assert got == want


def test_rst_crlf_offsets(tmp_path):
    text = "Title\r\n=====\r\n\r\n.. note::\r\n\r\n   A line line here.\r\n"
    f = tmp_path / "w.rst"
    f.write_bytes(text.encode("utf-8"))
    proc = run_cli("check", str(f), "--select", "R001", "--output-format", "json")
    found = [x for r in json.loads(proc.stdout)["files"] for x in r["findings"]]
    assert [(x["line"], x["column"], x["text"]) for x in found] == [(6, 6, "line line")]


def test_broken_rst_is_silent_and_linted(capsys):
    from garblint.lint.runner import lint_text

    text = "Title\n===\n\n.. include:: /etc/passwd\n\n.. raw:: html\n\n   <b>x</b>\n\n`unclosed role\n\n:bad:`x``\n\nThe the end.\n"
    findings = lint_text(text, path="bad.rst")
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""
    assert [(f.code, f.line) for f in findings if f.code == "R001"] == [("R001", 14)]


def test_docutils_imported_only_for_rst():
    code = (
        "import sys\n"
        "from garblint.lint.runner import lint_text\n"
        "lint_text('Plain text here.\\n', path='a.txt')\n"
        "lint_text('# Markdown\\n', path='a.md')\n"
        "print('docutils' in sys.modules)\n"
        "lint_text('Title\\n=====\\n', path='a.rst')\n"
        "print('docutils' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
