"""Issue 20: garblint reads regular files only, reads at most max-file-size bytes, and does not
follow symbolic links out of the linted folder (into reports or --fix)."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from garblint.lint.textio import InputError, NotRegularFile, read_bytes

DIRTY = "The the vote was held on Monday.\n"
SECRET = "Private diary: the the secret plan ,here.\n"

needs_posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and symbolic links as on POSIX")


def _run(*args: str, cwd: Path, timeout: float = 60, mem: int | None = None) -> subprocess.CompletedProcess:
    """The CLI with a time limit (a hang fails the test instead of blocking it) and, optionally,
    a memory limit (an unbounded read fails instead of exhausting the machine)."""

    def limits() -> None:
        if mem:
            resource.setrlimit(resource.RLIMIT_AS, (mem, mem))

    env = dict(os.environ)
    env.pop("GARBLINT_LANGUAGETOOL_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "garblint.lint.cli", *args],
        cwd=cwd, env=env, capture_output=True, timeout=timeout, preexec_fn=limits,
    )


@needs_posix
def test_fifo_in_a_folder_is_skipped_not_read(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(DIRTY, encoding="utf-8")
    os.mkfifo(tree / "pipe.txt")  # nobody ever writes to it: opening it for reading blocks
    p = _run("check", "tree", cwd=tmp_path, timeout=60)
    assert p.returncode == 1, p.stderr
    assert b"tree/a.txt:1:" in p.stdout
    err = p.stderr.decode()
    assert "garblint: notice: tree/pipe.txt: a FIFO (named pipe), not a regular file: skipped" in err
    # named on the command line too, with one job or several
    p = _run("check", "tree/pipe.txt", "tree/a.txt", "-j", "2", cwd=tmp_path, timeout=60)
    assert p.returncode == 1 and b"tree/a.txt:1:" in p.stdout
    assert b"pipe.txt: a FIFO" in p.stderr


@needs_posix
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_link_to_dev_zero_is_not_read(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tree / "zero.txt").symlink_to("/dev/zero")
    # 2 GB of address space: an endless read fails instead of taking the machine's memory
    p = _run("check", "tree", "-j", "1", cwd=tmp_path, timeout=120, mem=2 << 30)
    assert p.returncode == 1, p.stderr[-2000:]
    assert b"tree/zero.txt: symbolic link to a file outside tree: skipped" in p.stderr
    # named explicitly, /dev/zero is still not a regular file
    p = _run("check", "/dev/zero", "tree/a.txt", "-j", "1", cwd=tmp_path, timeout=120, mem=2 << 30)
    assert p.returncode == 1, p.stderr[-2000:]
    assert b"/dev/zero: a character device, not a regular file: skipped" in p.stderr


def test_reads_are_capped_by_max_file_size(tmp_path):
    (tmp_path / "big.txt").write_text("Words and more words.\n" * 200, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "garblint.toml").write_text("max-file-size = 0.001\n", encoding="utf-8")  # about 1 KB
    p = run_cli("check", "big.txt", "a.txt", cwd=tmp_path)
    assert p.returncode == 2, p.stderr
    errors = [ln for ln in p.stderr.decode().splitlines() if "big.txt" in ln]
    assert errors == ["garblint: error: big.txt: file is over the 0.00 MiB limit (max-file-size); not read"]
    assert b"a.txt:1:" in p.stdout


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_the_cap_holds_where_the_reported_size_is_wrong():
    # /proc files report a size of 0 but have content: the read stops at the limit anyway
    with pytest.raises(InputError, match="over the"):
        read_bytes("/proc/self/status", limit=10)
    assert read_bytes("/proc/self/status", limit=1 << 20).startswith(b"Name:")


@needs_posix
def test_read_bytes_never_blocks_on_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "p")
    with pytest.raises(NotRegularFile, match="FIFO"):
        read_bytes(str(tmp_path / "p"))


# ------------------------------------------------------------------ symbolic links
@pytest.fixture
def linked_tree(tmp_path):
    secret = tmp_path / "private"
    secret.mkdir()
    (secret / "diary.txt").write_text(SECRET, encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tree / "diary.txt").symlink_to(secret / "diary.txt")
    (tree / "inner.txt").symlink_to("a.txt")  # inside the tree: linted (once)
    return tmp_path


@needs_posix
def test_link_out_of_the_tree_is_not_in_reports(linked_tree):
    out = linked_tree / "report.html"
    p = run_cli("check", "tree", "--output-format", "html", "-o", str(out), cwd=linked_tree)
    assert p.returncode == 1, p.stderr
    assert b"tree/diary.txt: symbolic link to a file outside tree: skipped" in p.stderr
    page = out.read_text(encoding="utf-8")
    assert "Private diary" not in page and "secret plan" not in page
    assert "The the vote" in page
    for fmt in ("json", "sarif", "text", "github"):
        p = run_cli("check", "tree", "--output-format", fmt, cwd=linked_tree)
        assert b"secret" not in p.stdout and b"Private" not in p.stdout, fmt


@needs_posix
def test_link_out_of_the_tree_is_not_fixed(linked_tree):
    before = (linked_tree / "private" / "diary.txt").read_bytes()
    p = run_cli("check", "tree", "--fix", "--unsafe-fixes", cwd=linked_tree)
    assert b"symbolic link to a file outside tree" in p.stderr
    assert (linked_tree / "private" / "diary.txt").read_bytes() == before
    assert (linked_tree / "tree" / "diary.txt").is_symlink()
    assert (linked_tree / "tree" / "a.txt").read_text(encoding="utf-8") != DIRTY  # fixed


@needs_posix
def test_a_named_link_out_of_the_current_folder_is_skipped_but_its_target_is_linted(linked_tree):
    tree = linked_tree / "tree"
    p = run_cli("check", "diary.txt", cwd=tree)
    assert b"diary.txt: symbolic link to a file outside the current folder: skipped" in p.stderr
    assert b"secret" not in p.stdout
    p = run_cli("check", str(linked_tree / "private" / "diary.txt"), "--output-format", "json", cwd=tree)
    assert p.returncode == 1 and b"the the" in p.stdout  # the user named the file itself
    p = run_cli("check", "tree/diary.txt", cwd=linked_tree)  # the link leads to a file inside the current folder
    assert p.returncode == 1 and b"tree/diary.txt:1:" in p.stdout


@needs_posix
def test_link_out_of_the_tree_is_not_in_the_html_report_in_a_browser(linked_tree, tmp_path_factory):
    """What a reader of the HTML report sees (Chromium, where installed): the linted file, and
    nothing of the file behind the link, in the page or in any data its script holds."""
    from chromium_cdp import BrowserError, Chromium, find_chromium

    exe = find_chromium()
    if exe is None:
        pytest.skip("no Chromium found (Debian package 'chromium'; .ci/run installs it when it can)")
    out = linked_tree / "report.html"
    p = run_cli("check", "tree", "--output-format", "html", "-o", str(out), cwd=linked_tree)
    assert p.returncode == 1, p.stderr
    try:
        browser = Chromium(exe, tmp_path_factory.mktemp("chromium-profile"))
    except (BrowserError, OSError) as exc:
        pytest.skip(f"Chromium did not start: {exc}")
    try:
        browser.open(out)
        assert browser.evaluate("typeof window.garblintReport") == "object"
        browser.evaluate("garblintReport.openFile(0)")
        seen = browser.evaluate(
            "document.documentElement.outerHTML + document.body.innerText"
            " + [...document.scripts].map(s => s.textContent).join('')"
        )
        assert "The the vote" in browser.evaluate("document.getElementById('doc').textContent")
        assert "Private diary" not in seen and "secret plan" not in seen
    finally:
        browser.close()
