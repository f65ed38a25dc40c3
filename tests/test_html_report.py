"""The HTML report: the Python side always; the page itself in headless Chromium where one exists."""
from __future__ import annotations

import html.parser
import json
import random
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from garblint.lint.config import Config
from garblint.lint.finding import Finding, Suggestion
from garblint.lint.runner import FileResult, discover, lint_targets
from garblint.reports import ReportContext, get_writer
from garblint.lint.finding import Edit
from garblint.lint.fixer import rule_priority
from garblint.reports.html import _file_data, applied_text, apply_plan, json_for_script

from chromium_cdp import FLAGS, BrowserError, Chromium, find_chromium
from conftest import run_cli

# ------------------------------------------------------------------ fixtures
# News-style texts written for these tests, with damage of the kinds the rules flag.
ARTICLE = (
    "Harbour board approves new ferry timetable\n"
    "\n"
    "The harbour board approved the the new winter timetable on Monday , after a long debate.\n"
    "Ferries will leave every forty minutes.The first crossing starts at 6.15 a.m.\n"
    "\n"
    "\u201cWe listened to the commuters,\u201d said the board\u2019s chair, Ines Varga. "
    "Fares stay at \u20ac3.50 \U0001F6A2 for adults ,and children travel free.\n"
    "\n"
    "The board said the cafÃ© on the north pier will reopen in spring, and that the the old "
    "ticket office will become a waiting room.\n"
)

CRLF = (
    "Storm warning lifted\r\n\r\nThe coast guard lifted the warning on Sunday , and boats may sail again.The harbour\r\n"
    "harbour office opens at nine.\r\n\r\nThe the ferries follow the winter timetable.\r\n"
)

HOSTILE = (
    'Council notice: the the <script>document.title="PWNED";window.__pwned=1</script> vote.\n'
    "</textarea></script><script>window.__pwned=2</script><!-- a comment --> <b>bold</b> ,end.\n"
    '<a href="javascript:window.__pwned=3">click here</a> and <img src=x onerror="window.__pwned=4">\n'
    '<svg onload="window.__pwned=5"></svg> <iframe src="javascript:window.__pwned=6"></iframe> '
    "]]> <![CDATA[ x ]]> &lt;b&gt; &amp; <style>body{display:none}</style>\n"
)
HOSTILE_NAME = "<img src=x onerror=window.__pwned=7>.txt"


def _html_config() -> Config:
    return Config().merged({"output-format": "html", "jobs": 1})


def _lint(paths: list[Path]) -> list[FileResult]:
    config = _html_config()
    return lint_targets(discover([str(p) for p in paths], config), config, jobs=1)


def _report(results, version: str = "test") -> str:
    from garblint.lint.runner import selected_rules

    ctx = ReportContext(version=version, rules=[type(r) for r in selected_rules(Config())])
    return get_writer("html")(results, ctx)


def _finding(code, start, end, text, sugg, message="m", severity="warning", category="punctuation", name="x"):
    return Finding(code, name, category, severity, message, start, end, 1, start + 1, 1, end + 1,
                   text[start:end], tuple(Suggestion(r, s) for r, s in sugg))


@pytest.fixture
def fixture_files(tmp_path: Path) -> list[Path]:
    d = tmp_path / "in"
    d.mkdir()
    files = []
    for name, text in (("article.txt", ARTICLE), ("crlf.txt", CRLF), ("hostile.txt", HOSTILE), (HOSTILE_NAME, HOSTILE)):
        p = d / name
        p.write_bytes(text.encode("utf-8"))
        files.append(p)
    return files


# ------------------------------------------------------------ applying fixes
def test_plan_priority_overlap_and_safety():
    text = "abcdefghij"
    fs = [
        _finding("P003", 2, 6, text, [("X", True)]),   # priority 30
        _finding("R001", 4, 8, text, [("Y", False), ("Z", True)]),  # priority 10: wins the overlap
        _finding("P001", 8, 8, text, [("-", True)]),   # insertion touching R001's span: dropped (as --fix)
        _finding("P002", 8, 9, text, [("!", True)]),   # touches R001's span too: dropped
        _finding("E002", 0, 1, text, []),             # no suggestion
    ]
    prio = {"P003": 30, "R001": 10, "P001": 20, "P002": 21, "E002": 6}.get
    assert applied_text(text, fs, unsafe=True, priority=prio) == "abcdYij"
    assert applied_text(text, fs, unsafe=False, priority=prio) == "abcdZij"
    # Without the winner, the lower-priority overlapping edit applies.
    assert applied_text(text, [fs[0], fs[3]], unsafe=True, priority=prio) == "abXgh!j"
    assert [e[3] for e in apply_plan(text, fs, unsafe=True, priority=prio)] == [1]


def test_plan_applies_a_suggestions_own_edits():
    """A suggestion with edits (B001 deleting a block with the blank line before it) applies
    those edits, not its replacement in place of the finding's span."""
    text = "Story.\n\nFollow us\n"
    f = Finding("B001", "x", "boilerplate", "warning", "m", 8, 17, 3, 1, 3, 10, "Follow us",
                (Suggestion("", False, edits=(Edit(6, 17, ""),)),))
    assert apply_plan(text, [f], unsafe=True) == [(6, 17, "", 0)]
    assert applied_text(text, [f], unsafe=True) == "Story.\n"
    assert applied_text(text, [f], unsafe=False) == text


def test_plan_uses_rule_fix_priority():
    from garblint.lint.rule import get_rule

    assert rule_priority("R001") == get_rule("R001").fix_priority
    assert rule_priority("B001") == get_rule("B001").fix_priority
    assert rule_priority("Z999") == 50


def test_json_for_script_has_no_markup_characters():
    data = {"t": "</script><!-- <b>&amp; \u2028", "x": ["<", ">"]}
    s = json_for_script(data)
    assert not set("<>&") & set(s)
    assert json.loads(s) == data


# ------------------------------------------------------------- the document
def test_runner_keeps_text_only_for_html(fixture_files):
    html_results = _lint(fixture_files[:1])
    assert html_results[0].text == ARTICLE
    config = Config().merged({"jobs": 1})
    plain = lint_targets(discover([str(fixture_files[0])], config), config, jobs=1)
    assert plain[0].text is None
    assert [f.to_dict() for f in plain[0].findings] == [f.to_dict() for f in html_results[0].findings]


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_page_is_self_contained_and_escaped(fixture_files):
    results = _lint(fixture_files)
    page = _report(results)
    parser = _Tags()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    scripts = [a for t, a in parser.tags if t == "script"]
    # one data block per linted file, the index, and the page's own script: nothing injected
    assert len(scripts) == len(results) + 2
    assert sum(1 for a in scripts if a.get("type") != "application/json") == 1
    for bad in ("img", "iframe", "textarea", "b", "object", "embed", "link"):
        assert bad not in tags, bad
    assert tags.count("style") == 1
    # no reference to anything outside the page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//|javascript:)""", page, re.I)
    assert "http://" not in page and "https://" not in page
    # the data round-trips to the exact texts
    blocks = re.findall(r'<script type="application/json" id="gl-f-(\d+)">(.*?)</script>', page, re.S)
    texts = {int(i): json.loads(b)["t"] for i, b in blocks}
    assert [texts[i] for i in range(len(results))] == [r.text for r in results]
    # the CSP allows exactly the inline script by its hash
    import base64
    import hashlib

    body = re.search(r"<script>(.*?)</script>\s*</body>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    csp = [a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and f"script-src 'sha256-{digest}';" in csp[0] and "default-src 'none'" in csp[0]


def test_cli_writes_html(tmp_path, fixture_files):
    out = tmp_path / "report.html"
    proc = run_cli("check", str(fixture_files[0]), "--output-format", "html", "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'id="rule-R001"' in page


def test_config_accepts_html(tmp_path, fixture_files):
    (tmp_path / "garblint.toml").write_text('output-format = "html"\n', encoding="utf-8")
    proc = run_cli("check", str(fixture_files[1]), "--config", str(tmp_path / "garblint.toml"))
    assert proc.stdout.startswith(b"<!DOCTYPE html>"), proc.stderr


def test_fix_cli_agrees_with_applied_text(tmp_path):
    """Where the CLI has ``--fix --unsafe-fixes``, it must write what the report shows."""
    probe = run_cli("check", "--help")
    if b"--unsafe-fixes" not in probe.stdout:
        pytest.skip("this build has no --fix --unsafe-fixes to compare with")
    p = tmp_path / "a.txt"
    p.write_bytes(ARTICLE.encode("utf-8"))
    expected = applied_text(ARTICLE, _lint([p])[0].findings, unsafe=True, priority=rule_priority)
    run_cli("check", str(p), "--fix", "--unsafe-fixes")
    assert p.read_bytes().decode("utf-8") == expected


# ---------------------------------------------------------------- the browser
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    exe = find_chromium()
    if exe is None:
        pytest.skip("no Chromium found (Debian package 'chromium'; .ci/run installs it when it can)")
    try:
        b = Chromium(exe, tmp_path_factory.mktemp("chromium-profile"))
    except (BrowserError, OSError) as exc:
        pytest.skip(f"Chromium did not start: {exc}")
    yield b
    b.close()


def _open(browser: Chromium, page: str, path: Path) -> None:
    path.write_text(page, encoding="utf-8")
    browser.open(path)
    assert browser.evaluate("typeof window.garblintReport") == "object", "the report's script did not run"


def _own_text(browser: Chromium) -> dict:
    """Per finding index: the text it covers in #doc (concatenated over its pieces)."""
    return browser.evaluate(
        """(() => { const out = {};
        const walk = (node, stack) => {
          for (const ch of node.childNodes) {
            if (ch.nodeType === 3) { for (const k of new Set(stack)) out[k] = (out[k] || '') + ch.data; }
            else if (ch.nodeType === 1) walk(ch, ch.dataset && ch.dataset.f !== undefined ? stack.concat([ch.dataset.f]) : stack);
          } };
        walk(document.getElementById('doc'), []);
        return out; })()"""
    )


def test_highlights_toggle_and_diff(browser, tmp_path, fixture_files):
    results = _lint(fixture_files[:2])
    assert sum(len(r.findings) for r in results) >= 6, "the fixtures should give findings"
    _open(browser, _report(results), tmp_path / "report.html")
    for i, r in enumerate(results):
        browser.evaluate(f"garblintReport.openFile({i})")
        browser.key("1")
        assert browser.evaluate("document.getElementById('doc').textContent") == r.text
        own = _own_text(browser)
        attrs = browser.evaluate(
            "Object.fromEntries([...document.querySelectorAll('#doc [data-f]')].map(s => [s.dataset.f, [+s.dataset.start, +s.dataset.end, s.dataset.code]]))"
        )
        assert len(own) + sum(1 for f in r.findings if f.start == f.end) == len(r.findings)
        for k, f in enumerate(r.findings):
            assert attrs[str(k)] == [f.start, f.end, f.code]
            assert own.get(str(k), "") == f.text == r.text[f.start : f.end]
        for level, unsafe in (("s", False), ("a", True)):
            expected = applied_text(r.text, r.findings, unsafe=unsafe, priority=rule_priority)
            browser.key(level)
            browser.key("2")
            assert browser.evaluate("document.getElementById('doc').textContent") == expected
            browser.key("3")
            browser.evaluate("document.querySelectorAll('#diff button.expand').forEach(b => b.click())")
            left = browser.evaluate("[...document.querySelectorAll('#diff pre.left')].map(p => p.textContent).join('')")
            right = browser.evaluate("[...document.querySelectorAll('#diff pre.right')].map(p => p.textContent).join('')")
            assert left == r.text
            assert right == expected
    assert all(applied_text(r.text, r.findings, unsafe=True, priority=rule_priority) != r.text for r in results)
    browser.key("1")
    browser.screenshot(tmp_path / "report.png")
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_keyboard_hover_filters_and_rule_links(browser, tmp_path, fixture_files):
    results = _lint(fixture_files[:1])
    r = results[0]
    _open(browser, _report(results), tmp_path / "report.html")
    order = sorted(range(len(r.findings)), key=lambda k: (r.findings[k].start, -r.findings[k].end, k))
    browser.key("j")
    browser.key("j")
    assert browser.evaluate("document.activeElement.dataset.f") == str(order[1])
    assert browser.evaluate("!document.getElementById('tip').hidden")
    f = r.findings[order[1]]
    tip = browser.evaluate("document.getElementById('tip').textContent")
    assert f.message in tip and f.code in tip and f.name in tip
    browser.key("k")
    assert browser.evaluate("document.activeElement.dataset.f") == str(order[0])
    browser.key("Escape")
    # hovering shows the popup of the finding under the pointer
    last = order[-1]
    x, y = browser.evaluate(f"(() => {{ const e = document.getElementById('f{last}'); e.scrollIntoView({{block:'center'}}); const b = e.getBoundingClientRect(); return [b.left + 2, b.top + b.height / 2]; }})()")
    browser.mouse_move(x, y)
    assert r.findings[last].message in browser.evaluate("document.getElementById('tip').textContent")
    # every rule code links to its section in the page
    hrefs = browser.evaluate("[...document.querySelectorAll('a.code')].map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("#rule-") for h in hrefs)
    assert browser.evaluate("[...document.querySelectorAll('a.code')].every(a => document.getElementById(a.getAttribute('href').slice(1)))")
    # filters: switch a category off; its highlights go, the others stay
    cats = {f.category for f in r.findings}
    cat = sorted(cats)[0]
    n_cat = sum(1 for f in r.findings if f.category == cat)
    browser.evaluate(f"document.querySelector('#filter-cat input[data-key=\"{cat}\"]').click()")
    shown = browser.evaluate("new Set([...document.querySelectorAll('#doc [data-f]')].map(s => s.dataset.f)).size")
    assert shown == len(r.findings) - n_cat
    assert browser.evaluate(f"document.querySelectorAll('#doc .cat-{cat}').length") == 0
    count = browser.evaluate("document.querySelector('#file-list button.active .count').textContent")
    assert int(count) == len(r.findings) - n_cat
    browser.evaluate(f"document.querySelector('#filter-cat input[data-key=\"{cat}\"]').click()")
    assert browser.evaluate("new Set([...document.querySelectorAll('#doc [data-f]')].map(s => s.dataset.f)).size") == len(r.findings)
    # "none" on severities hides everything; "all" brings it back
    browser.evaluate("[...document.querySelectorAll('#filter-sev legend button')].find(b => b.textContent === 'none').click()")
    assert browser.evaluate("document.querySelectorAll('#doc [data-f]').length") == 0
    browser.evaluate("[...document.querySelectorAll('#filter-sev legend button')].find(b => b.textContent === 'all').click()")
    assert browser.evaluate("new Set([...document.querySelectorAll('#doc [data-f]')].map(s => s.dataset.f)).size") == len(r.findings)


def test_hostile_document_runs_nothing(browser, tmp_path, fixture_files):
    results = _lint(fixture_files[2:])
    assert any(r.findings for r in results)
    # Findings whose message, text and suggestions carry markup too.
    evil = "</script><script>window.__pwned=8</script><img src=x onerror=window.__pwned=9>"
    r = results[0]
    k = r.text.index("<script>")
    extra = Finding("R001", "repeated-word", "repetition", "error", evil, k, k + 8, 1, k + 1, 1, k + 9, "<script>",
                    (Suggestion(evil, False), Suggestion('<a href="javascript:window.__pwned=10">x</a>', True)))
    r.findings = sorted(r.findings + [extra], key=lambda f: (f.start, f.end, f.code))
    page = _report(results)
    _open(browser, page, tmp_path / "hostile.html")
    title = browser.evaluate("document.title")
    for i, res in enumerate(results):
        browser.evaluate(f"garblintReport.openFile({i})")
        for keys in ("1", "2", "a2", "3", "s3"):
            for key in keys:
                browser.key(key)
            browser.evaluate("document.querySelectorAll('#diff button.expand').forEach(b => b.click())")
            browser.evaluate("document.querySelectorAll('#content [data-f]').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))")
        browser.key("1")
        assert browser.evaluate("document.getElementById('doc').textContent") == res.text
        assert browser.evaluate("document.getElementById('file-title').textContent") == res.path
    browser.evaluate("document.querySelectorAll('#finding-list button.goto').forEach(b => b.click())")
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.title") == title and "PWNED" not in title
    assert browser.evaluate("document.querySelectorAll('img, iframe, textarea, b, object, embed').length") == 0
    assert browser.evaluate("document.querySelectorAll('a[href^=\"javascript\"], [onerror], [onload]').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == len(results) + 2
    assert browser.evaluate("document.querySelectorAll('style').length") == 1
    assert browser.evaluate("getComputedStyle(document.body).display") != "none"
    assert "<script>" in browser.evaluate("document.getElementById('doc').textContent")
    browser.screenshot(tmp_path / "hostile.png")


def test_plain_headless_dump_dom_and_screenshot(browser, tmp_path, fixture_files):
    """Without the driver: ``chromium --headless --dump-dom`` and ``--screenshot`` on the hostile report."""
    import subprocess

    page = tmp_path / "hostile.html"
    page.write_text(_report(_lint(fixture_files[2:])), encoding="utf-8")
    base = [find_chromium(), *FLAGS, "--window-size=1280,900"]
    dom = subprocess.run(
        [*base, f"--user-data-dir={tmp_path / 'p1'}", "--dump-dom", page.as_uri()],
        capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
    ).stdout.decode("utf-8")
    parser = _Tags()
    parser.feed(dom)
    tags = [t for t, _ in parser.tags]
    assert ("pre", {"id": "doc", "class": "doc"}) in parser.tags  # the script ran and drew the file
    assert not {"img", "iframe", "textarea", "b"} & set(tags)
    assert "PWNED" not in dom.split("<title>", 1)[1].split("</title>", 1)[0]
    shot = tmp_path / "plain.png"
    subprocess.run(
        [*base, f"--user-data-dir={tmp_path / 'p2'}", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_javascript_plan_matches_python(browser, tmp_path, fixture_files):
    results = _lint(fixture_files[:1])
    _open(browser, _report(results), tmp_path / "report.html")
    codes = browser.evaluate("Object.keys(garblintReport && JSON.parse(document.getElementById('gl-meta').textContent).rules)")
    rng = random.Random(20261129)
    cases = []
    for _ in range(150):
        text = "".join(rng.choice("ab c\n.") for _ in range(rng.randint(0, 40)))
        fs = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, len(text))
            b = min(len(text), a + rng.choice((0, 1, 1, 2, 3, 5)))
            sugg = [(rng.choice(("", "X", "yy", "\n")), rng.random() < 0.5) for _ in range(rng.randint(0, 3))]
            fs.append(_finding(rng.choice(codes), a, b, text, sugg))
        cases.append((text, fs))
    payload = [_file_data(SimpleNamespace(text=t, findings=fs), rule_priority) for t, fs in cases]
    got = browser.evaluate(
        "(" + json.dumps(payload) + ").map(d => [garblintReport.applyText(d, 'safe'), garblintReport.applyText(d, 'all')])"
    )
    expected = [[applied_text(t, fs, unsafe=False, priority=rule_priority), applied_text(t, fs, unsafe=True, priority=rule_priority)] for t, fs in cases]
    assert got == expected


def test_many_files_lazy(browser, tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(300):
        body = f"Report {i}: the ferry left on time." + (" It was was late." if i % 3 == 0 else "") + "\n"
        (d / f"doc{i:03d}.txt").write_text(body, encoding="utf-8")
    results = _lint([d])
    _open(browser, _report(results), tmp_path / "many.html")
    assert browser.evaluate("document.querySelectorAll('#file-list button.file').length") == 300
    assert browser.evaluate("document.querySelectorAll('pre.doc').length") == 1
    browser.evaluate("document.querySelectorAll('#file-list button.file')[250].click()")
    assert browser.evaluate("document.getElementById('file-title').textContent") == results[250].path
    assert browser.evaluate("document.getElementById('doc').textContent") == results[250].text
    browser.key("]")
    assert browser.evaluate("document.getElementById('file-title').textContent") == results[251].path
    # j past the last finding of a file moves on to the next file with findings
    browser.evaluate("garblintReport.openFile(0)")
    browser.key("j")
    browser.key("j")
    assert browser.evaluate("document.getElementById('file-title').textContent") == results[3].path
    # a link to #file-N opens file N
    browser.evaluate("new Promise(r => { addEventListener('hashchange', () => setTimeout(r, 0), {once: true}); location.hash = '#file-7'; })")
    assert browser.evaluate("document.getElementById('file-title').textContent") == results[7].path
    browser.evaluate("garblintReport.openFile(0)")
    browser.evaluate("document.getElementById('hide-clean').click()")
    assert browser.evaluate("document.querySelectorAll('#file-list button.file').length") == 100


def test_seed_article_highlights(browser, tmp_path, shared_corpus):
    src = shared_corpus / "seed-article.txt"
    results = _lint([src])
    r = results[0]
    _open(browser, _report(results), tmp_path / "seed.html")
    own = _own_text(browser)
    for k, f in enumerate(r.findings):
        assert own.get(str(k), "") == f.text
    browser.key("2")
    browser.key("a")
    assert browser.evaluate("document.getElementById('doc').textContent") == applied_text(r.text, r.findings, unsafe=True, priority=rule_priority)
