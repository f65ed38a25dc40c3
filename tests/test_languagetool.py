"""LanguageTool backend (rule L001): against a real HTTP server on 127.0.0.1 that speaks API v2.

The server (tests/languagetool_fake.py) is started by the tests; it is not a mock of our adapter.
Tests against a real LanguageTool run only when GARBLINT_LANGUAGETOOL_URL is set.
"""
from __future__ import annotations

import json
import os
import socket
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from garblint.lint import languagetool as lt
from garblint.lint.config import Config, ConfigError, convert
from garblint.lint.document import Document
from garblint.lint.runner import lint_text

from conftest import run_cli
from languagetool_fake import FakeLanguageTool, u16

REAL_URL = os.environ.get("GARBLINT_LANGUAGETOOL_URL", "").strip()


@pytest.fixture(autouse=True)
def _fresh_adapter():
    lt.reset()
    yield
    lt.reset()


@pytest.fixture
def fake():
    with FakeLanguageTool() as server:
        yield server


def _cfg(url: str, tmp_path: Path | None = None, *, names=(), **values) -> Config:
    # our spelling and OCR rules would (rightly) take LanguageTool's typo matches as doubles
    vals = {"languagetool": url, "ignore": ["S", "O"]}
    for k, v in values.items():
        vals[k.replace("_", "-")] = convert(k.replace("_", "-"), v)
    if names:
        f = tmp_path / "names.txt"
        f.write_text("\n".join(names) + "\n", encoding="utf-8")
        vals["names"] = [str(f)]
    return Config(vals)


def _l001(findings):
    return [f for f in findings if f.code == "L001"]


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# ------------------------------------------------------------------ offsets
def test_astral_characters_get_exact_spans(fake):
    text = (
        "Rocket \U0001F680 launch: teh crew \U0001F469\u200D\U0001F680 waved. "
        "Math \U0001D49C\U0001D49D says teh result, \U0001F600\U0001F600 then a apple.\n\n"
        "\U0001F1EB\U0001F1F7 flags and teh end."
    )
    found = _l001(lint_text(text, _cfg(fake.url)))
    tehs = [f for f in found if f.text == "teh"]
    starts = [i for i in range(len(text)) if text.startswith("teh", i)]
    assert [f.start for f in tehs] == starts
    assert all(f.end == f.start + 3 for f in tehs)
    article = [f for f in found if dict(f.properties)["lt_rule"] == "EN_A_VS_AN"]
    assert len(article) == 1 and article[0].text == "a" and text[article[0].end : article[0].end + 6] == " apple"
    # the server really counted in UTF-16: its offsets differ from code points here
    sent = fake.checks[-1]["text"]
    assert u16(sent) > len(sent)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\u00e9", "\u4e2d", "\U0001F600", "\U0001D49C", "\n"]), max_size=40))
def test_utf16_to_code_points_round_trip(text):
    conv = lt.utf16_to_cp(text)
    for i in range(len(text) + 1):
        u = u16(text[:i])
        assert conv(u, False) == i
        assert conv(u, True) == i
    # an offset between the halves of a surrogate pair rounds outwards
    for i, c in enumerate(text):
        if ord(c) > 0xFFFF:
            mid = u16(text[:i]) + 1
            assert conv(mid, False) == i and conv(mid, True) == i + 1


# ----------------------------------------------------------------- chunking
def _big_document() -> tuple[str, list[int]]:
    paras = []
    for i in range(60):
        pad = "\U0001F4F0 " * (i % 4)
        paras.append(f"Paragraph {i} {pad}opens with plain words and then teh report number {i} follows here.")
    # one paragraph longer than the limit: it must be split at sentences
    paras.insert(30, " ".join(f"Sentence {j} \U0001F4A1 has teh word inside it." for j in range(40)))
    text = "\n\n".join(paras) + "\n"
    return text, [i for i in range(len(text)) if text.startswith("teh", i)]


def test_chunking_maps_every_offset(tmp_path):
    text, expected = _big_document()
    with FakeLanguageTool(max_text_length=600) as server:
        found = _l001(lint_text(text, _cfg(server.url, languagetool_max_chars=500)))
        checks = [c for c in server.checks if c["text"] != "garblint"]
    assert len(checks) > 10
    assert all(u16(c["text"]) <= 500 for c in checks)
    tehs = sorted(f.start for f in found if f.text == "teh")
    assert tehs == expected
    # every chunk is a verbatim slice of the document, and together they cover every paragraph
    pos = 0
    for c in checks:
        at = text.find(c["text"], pos)
        assert at >= 0
        pos = at + len(c["text"])
    doc = Document(text)
    covered = "".join(c["text"] for c in checks)
    assert sum(len(p.text) for p in doc.paragraphs) <= len(covered)


def test_server_limit_below_chunk_size_splits_again():
    text, expected = _big_document()
    with FakeLanguageTool(max_text_length=700) as server:
        found = _l001(lint_text(text, _cfg(server.url, languagetool_max_chars=2000)))
        statuses = len(server.checks)
    assert sorted(f.start for f in found if f.text == "teh") == expected
    assert statuses > 3


def test_plan_units_cover_long_paragraph_without_gaps():
    text, _ = _big_document()
    doc = Document(text)
    paras = [(p.start, p.end) for p in doc.paragraphs]
    sents = [(s.start, s.end, s.paragraph) for s in doc.sentences]
    units = lt.plan_units(text, paras, sents, 300)
    assert all(u16(text[a:b]) <= 300 for a, b in units)
    long_para = max(paras, key=lambda p: p[1] - p[0])
    inside = [u for u in units if long_para[0] <= u[0] < long_para[1]]
    assert inside[0][0] == long_para[0] and inside[-1][1] == long_para[1]
    assert all(x[1] == y[0] for x, y in zip(inside, inside[1:]))


def test_a_giant_word_is_cut_hard_but_nothing_is_lost():
    word = "\U0001F600" * 700
    text = f"Start {word} teh end."
    with FakeLanguageTool(max_text_length=400) as server:
        found = _l001(lint_text(text, _cfg(server.url, languagetool_max_chars=300)))
    assert [f.start for f in found if f.text == "teh"] == [text.index("teh")]


# ------------------------------------------------------ mapping to findings
def test_match_fields_map_to_finding(fake):
    text = "The report was wierd in places."
    (f,) = _l001(lint_text(text, _cfg(fake.url)))
    assert f.text == "wierd" and f.category == "spelling" and f.severity == "warning"
    assert "MORFOLOGIK_RULE_EN_US" in f.message
    props = dict(f.properties)
    assert props["lt_rule"] == "MORFOLOGIK_RULE_EN_US" and props["lt_category"] == "TYPOS"
    assert props["lt_issue_type"] == "misspelling"
    assert [s.replacement for s in f.suggestions] == ["weird", "wired"]
    assert not any(s.safe for s in f.suggestions)
    assert f.to_dict()["properties"]["lt_rule"] == "MORFOLOGIK_RULE_EN_US"


def test_issue_types_map_to_categories_and_severities(fake):
    text = 'He said "it was a odd day and went home.'
    # only L001: with Q001 on, the unpaired-quote match is (rightly) dropped as a double
    found = {dict(f.properties)["lt_rule"]: f for f in _l001(lint_text(text, _cfg(fake.url, select=["L001"])))}
    assert found["EN_A_VS_AN"].category == "grammar" and found["EN_A_VS_AN"].severity == "warning"
    assert found["EN_UNPAIRED_QUOTES"].category == "punctuation" and found["EN_UNPAIRED_QUOTES"].severity == "suggestion"


def test_disabled_rules_are_sent_and_respected(fake):
    text = "The council met and teh vote was a odd one."
    found = _l001(lint_text(text, _cfg(fake.url, languagetool_disabled_rules=["EN_A_VS_AN"])))
    assert {dict(f.properties)["lt_rule"] for f in found} == {"MORFOLOGIK_RULE_EN_US"}
    assert fake.checks[-1]["disabledRules"] == "EN_A_VS_AN"


def test_results_are_cached_per_chunk(fake):
    cfg = _cfg(fake.url)
    text = "One paragraph with teh error.\n\nAnother one."
    first = lint_text(text, cfg)
    n = len(fake.checks)
    second = lint_text(text, cfg)
    assert len(fake.checks) == n
    assert [f.span for f in first] == [f.span for f in second]
    lint_text(text + "\n\nA new paragraph.", cfg)
    assert len(fake.checks) == n + 1


# --------------------------------------------------------------- no doubles
def test_overlaps_with_our_rules_are_removed(fake):
    text = "The board approved the the budget , then left."
    found = lint_text(text, _cfg(fake.url))
    codes = sorted((f.code, f.text) for f in found)
    assert ("R001", "the the") in codes and ("P001", " ,") in codes
    assert not [f for f in _l001(found) if f.category in ("repetition", "whitespace")]
    # the server did report them: with our rules ignored, LanguageTool's findings stay
    cfg = _cfg(fake.url, ignore=["R001", "P001"])
    kept = {dict(f.properties)["lt_rule"] for f in _l001(lint_text(text, cfg))}
    assert {"ENGLISH_WORD_REPEAT_RULE", "COMMA_PARENTHESIS_WHITESPACE"} <= kept


def test_overlap_of_another_kind_is_kept(fake):
    # a grammar match touching a repetition of ours is a different problem: both stay
    text = "It was a a odd result."
    found = lint_text(text, _cfg(fake.url))
    assert any(f.code == "R001" for f in found)
    assert any(dict(f.properties).get("lt_rule") == "EN_A_VS_AN" for f in _l001(found))


# -------------------------------------------------------------------- names
def test_names_list_name_is_not_flagged(fake, tmp_path):
    text = "The minister met Adaeze Okonkwo on Monday, and Tolulope said nothing."
    plain = {f.text for f in _l001(lint_text(text, _cfg(fake.url)))}
    assert {"Adaeze", "Okonkwo", "Tolulope"} <= plain  # the server flags rare names
    listed = {f.text for f in _l001(lint_text(text, _cfg(fake.url, tmp_path, names=["Adaeze Okonkwo"])))}
    assert "Okonkwo" not in listed and "Adaeze" not in listed
    assert "Tolulope" in listed


def test_name_used_consistently_by_the_document_is_not_flagged(fake):
    text = (
        "The mayor spoke to Ravindra about the budget. Later Ravindra's office confirmed it.\n\n"
        "Critics asked Ravindra again, and a clerk named Quenby declined to comment."
    )
    flagged = {f.text for f in _l001(lint_text(text, _cfg(fake.url)))}
    assert "Ravindra" not in flagged
    assert "Quenby" in flagged  # once only: not evidence of a deliberate spelling


# ------------------------------------------------------------------ failure
def test_unreachable_server_notice_and_other_rules_still_run():
    url = f"http://127.0.0.1:{_free_port()}"
    text = "The the vote passed."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = lint_text(text, _cfg(url, languagetool_timeout=2))
    assert [f.code for f in found] == ["R001"]
    assert len(caught) == 1 and "unavailable" in str(caught[0].message) and url in str(caught[0].message)


def test_unreachable_server_required_raises():
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(RuntimeError, match="unavailable"):
        lint_text("Some text.", _cfg(url, languagetool_required=True, languagetool_timeout=2))


def test_retry_is_bounded_and_recovers():
    with FakeLanguageTool(fail_first=2) as server:
        found = _l001(lint_text("The teh problem.", _cfg(server.url)))
    assert [f.text for f in found] == ["teh"]
    with FakeLanguageTool(fail_first=100) as server:
        with pytest.warns(RuntimeWarning, match="HTTP 503"):
            lint_text("The teh problem.", _cfg(server.url))
        assert len(server.requests) == lt.RETRIES + 1  # then it stops, and later files fail fast


def test_timeout_gives_clear_message():
    with FakeLanguageTool(delay=1.5) as server:
        with pytest.warns(RuntimeWarning, match=r"no answer within 0\.5 s"):
            lint_text("The teh problem.", _cfg(server.url, languagetool_timeout=0.5))


def test_not_a_languagetool_server():
    with FakeLanguageTool(answer=b"<html>hello</html>") as server:
        with pytest.warns(RuntimeWarning, match="LanguageTool's JSON"):
            lint_text("The teh problem.", _cfg(server.url))


def test_unsupported_language(fake):
    with pytest.warns(RuntimeWarning, match="does not support language 'xx-YY'"):
        lint_text("The teh problem.", _cfg(fake.url, language="xx-YY"))


def test_auto_language_is_passed_through(fake):
    found = _l001(lint_text("The teh problem.", _cfg(fake.url, language="auto")))
    assert [f.text for f in found] == ["teh"] and fake.checks[-1]["language"] == "auto"


def test_local_mode_without_java_is_clean(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.warns(RuntimeWarning, match="needs Java 17"):
        found = lint_text("The the vote.", _cfg("local"))
    assert [f.code for f in found] == ["R001"]


def test_local_mode_never_downloads_unasked(monkeypatch, tmp_path):
    pytest.importorskip("language_tool_python")
    if not lt.shutil.which("java"):
        pytest.skip("no Java here")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))  # an empty download folder
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    with pytest.warns(RuntimeWarning, match="not downloaded"):
        lint_text("The the vote.", _cfg("local"))
    assert not any(tmp_path.iterdir())


def test_off_makes_no_request(fake):
    lint_text("The teh problem.", Config({}))
    assert fake.requests == []


# ----------------------------------------------------------------- config
@pytest.mark.parametrize("bad", ["on", "ftp://x", "http://", 3])
def test_bad_languagetool_value_is_a_config_error(bad):
    with pytest.raises(ConfigError, match="languagetool"):
        convert("languagetool", bad)


def test_languagetool_value_forms():
    assert convert("languagetool", "OFF") == "off"
    assert convert("languagetool", "local") == "local"
    assert convert("languagetool", "http://localhost:8010/") == "http://localhost:8010/"
    assert convert("languagetool-disabled-rules", ["A,B", "C"]) == ["A", "B", "C"]


# -------------------------------------------------------------------- CLI
def test_cli_unreachable_one_notice_exit_codes(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}"
    for i in range(3):
        (tmp_path / f"f{i}.txt").write_text("The the vote passed.\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("A clean line.\n", encoding="utf-8")
    r = run_cli("check", "--ignore", "S,O", str(tmp_path), "--languagetool", url, "--output-format", "json", "-j", "2")
    err = r.stderr.decode()
    assert err.count("unavailable") == 1 and "L001" in err and "Traceback" not in err
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["summary"]["by_code"] == {"R001": 3}
    r = run_cli("check", "--ignore", "S,O", str(tmp_path / "clean.txt"), "--languagetool", url)
    assert r.returncode == 0 and r.stderr.decode().count("unavailable") == 1
    r = run_cli("check", "--ignore", "S,O", str(tmp_path / "clean.txt"), "--languagetool", url, "--languagetool-required")
    assert r.returncode == 2 and "error" in r.stderr.decode()


def test_cli_env_var_flag_and_config(tmp_path, fake):
    f = tmp_path / "a.txt"
    f.write_text("The teh problem was noted.\n", encoding="utf-8")
    r = run_cli("check", "--ignore", "S,O", str(f), "--output-format", "json", env={"GARBLINT_LANGUAGETOOL_URL": fake.url})
    assert r.returncode == 1, r.stderr
    (finding,) = json.loads(r.stdout)["files"][0]["findings"]
    assert finding["code"] == "L001" and finding["properties"]["lt_rule"] == "MORFOLOGIK_RULE_EN_US"
    # the flag wins over the environment
    r = run_cli("check", "--ignore", "S,O", str(f), "--languagetool", "off", env={"GARBLINT_LANGUAGETOOL_URL": fake.url})
    assert r.returncode == 0
    cfg = tmp_path / "garblint.toml"
    cfg.write_text(f'languagetool = "{fake.url}"\nlanguagetool-disabled-rules = ["MORFOLOGIK_RULE_EN_US"]\n', encoding="utf-8")
    r = run_cli("check", "--ignore", "S,O", str(f), "--config", str(cfg), env={"GARBLINT_LANGUAGETOOL_URL": ""})
    assert r.returncode == 0, r.stdout
    r = run_cli("check", "--ignore", "S,O", str(f), env={"GARBLINT_LANGUAGETOOL_URL": "nonsense"})
    assert r.returncode == 2 and "GARBLINT_LANGUAGETOOL_URL" in r.stderr.decode()


def test_cli_sarif_carries_languagetool_rule_id(tmp_path, fake):
    f = tmp_path / "a.txt"
    f.write_text("The teh problem was noted.\n", encoding="utf-8")
    r = run_cli("check", "--ignore", "S,O", str(f), "--languagetool", fake.url, "--output-format", "sarif")
    result = json.loads(r.stdout)["runs"][0]["results"][0]
    assert result["ruleId"] == "L001" and result["properties"]["lt_rule"] == "MORFOLOGIK_RULE_EN_US"


def test_cli_not_selected_means_no_request(tmp_path, fake):
    f = tmp_path / "a.txt"
    f.write_text("The teh problem was noted.\n", encoding="utf-8")
    r = run_cli("check", str(f), "--languagetool", fake.url, "--select", "R")
    assert r.returncode == 0 and fake.requests == []


# ------------------------------------------------------- a real LanguageTool
real = pytest.mark.skipif(not REAL_URL, reason="set GARBLINT_LANGUAGETOOL_URL to a LanguageTool server to run")


@real
def test_real_server_spelling_and_astral_offsets():
    text = "Launch day \U0001F680\U0001F680: the crew recieved teh news.\n\nIt was a honest mistake."
    found = _l001(lint_text(text, _cfg(REAL_URL)))
    by_text = {f.text: f for f in found}
    assert "recieved" in by_text and by_text["recieved"].category == "spelling"
    assert by_text["recieved"].start == text.index("recieved")
    assert "teh" in by_text and by_text["teh"].start == text.index("teh")


@real
def test_real_server_names_list_and_doubles(tmp_path):
    text = "Yesterday Chidimma Nwachukwu said the the plan was ready."
    found = lint_text(text, _cfg(REAL_URL, tmp_path, names=["Chidimma Nwachukwu"]))
    assert not [f for f in _l001(found) if f.text in ("Chidimma", "Nwachukwu")]
    assert [f.code for f in found if f.code != "L001" and f.text == "the the"] == ["R001"]
    assert not [f for f in _l001(found) if f.category == "repetition"]


def test_failure_is_remembered_then_retried(monkeypatch):
    url = f"http://127.0.0.1:{_free_port()}"
    cfg = _cfg(url, languagetool_timeout=2)
    checker = lt.get_checker(lt.Settings.from_config(cfg))
    monkeypatch.setattr(lt, "_BACKOFF", 0.0)
    with pytest.raises(lt.LanguageToolUnavailable) as first:
        checker.check_text("Some text.", [(0, 10)])
    with pytest.raises(lt.LanguageToolUnavailable) as again:
        checker.check_text("Other text.", [(0, 11)])
    assert again.value is first.value  # failed fast, same message
    monkeypatch.setattr(lt, "FAIL_FAST_SECONDS", 0.0)
    with pytest.raises(lt.LanguageToolUnavailable) as later:
        checker.check_text("Other text.", [(0, 11)])
    assert later.value is not first.value


def test_premium_credentials_come_from_the_environment(fake, monkeypatch):
    lint_text("The teh problem.", _cfg(fake.url))
    assert "apiKey" not in fake.checks[-1]
    lt.reset()
    monkeypatch.setenv(lt.ENV_USERNAME, "editor@example.org")
    monkeypatch.setenv(lt.ENV_API_KEY, "k-123")
    lint_text("Another teh problem.", _cfg(fake.url))
    assert fake.checks[-1]["username"] == "editor@example.org" and fake.checks[-1]["apiKey"] == "k-123"


@pytest.fixture
def fake_local_install(tmp_path, monkeypatch):
    """A LanguageTool install that language-tool-python will start: our Java stand-in as the jar."""
    ltp = pytest.importorskip("language_tool_python")
    from language_tool_python import download_lt

    javac, jar = lt.shutil.which("javac"), lt.shutil.which("jar")
    if not (javac and jar and lt.shutil.which("java")):
        pytest.skip("needs a JDK (javac, jar, java)")
    import subprocess

    src = tmp_path / "src" / "HTTPServer.java"  # javac wants a public class in a file of its name
    src.parent.mkdir()
    src.write_bytes((Path(__file__).parent / "data" / "FakeLanguageToolServer.java").read_bytes())
    classes = tmp_path / "classes"
    subprocess.run([javac, "-d", str(classes), str(src)], check=True, capture_output=True, timeout=120)
    home = tmp_path / "ltp"
    install = home / f"LanguageTool-{download_lt.LTP_DOWNLOAD_VERSION}"
    install.mkdir(parents=True)
    subprocess.run([jar, "cf", str(install / "languagetool-server.jar"), "-C", str(classes), "."], check=True, capture_output=True, timeout=120)
    monkeypatch.setenv("LTP_PATH", str(home))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    return ltp


def test_local_mode_starts_the_managed_server(fake_local_install):
    text = "Launch \U0001F680\U0001F680 day: teh crew and teh \U0001D49C news."
    try:
        found = _l001(lint_text(text, _cfg("local")))
        url = lt._LOCAL["url"]
    finally:
        tool = lt._LOCAL.get("tool")
        lt.reset()
    assert [f.start for f in found] == [i for i in range(len(text)) if text.startswith("teh", i)]
    assert url.startswith("http://") and tool is not None and not tool._server_is_alive()


def test_cli_local_mode_one_server_for_all_workers(fake_local_install, tmp_path):
    for i in range(3):
        (tmp_path / f"doc{i}.txt").write_text(f"Note {i}: \U0001F600 teh crew left.\n", encoding="utf-8")
    r = run_cli("check", "--ignore", "S,O", str(tmp_path), "--languagetool", "local", "-j", "2", "--output-format", "json", "--extensions", "txt")
    assert r.returncode == 1, r.stderr
    files = json.loads(r.stdout)["files"]
    spans = [(f["path"].rsplit("/", 1)[-1], [x["span"]["start"] for x in f["findings"] if x["code"] == "L001"]) for f in files]
    assert spans == [(f"doc{i}.txt", [10]) for i in range(3)]


def test_cli_server_failing_mid_run_one_notice(tmp_path):
    for i in range(4):
        (tmp_path / f"f{i}.txt").write_text(f"Item {i}: the the teh vote.\n", encoding="utf-8")
    with FakeLanguageTool(fail_after=2, fail_status=500) as server:  # the probe passes, checks fail
        r = run_cli("check", "--ignore", "S,O", str(tmp_path), "--languagetool", server.url, "-j", "2", "--output-format", "json")
        err = r.stderr.decode()
        assert r.returncode == 1 and err.count("HTTP 500") == 1 and "notice" in err, err
        assert json.loads(r.stdout)["summary"]["by_code"] == {"R001": 4}
        r = run_cli("check", "--ignore", "S,O", str(tmp_path), "--languagetool", server.url, "--languagetool-required")
        assert r.returncode == 2 and r.stderr.decode().count("HTTP 500") == 1


_PIECES = st.sampled_from(["word ", "teh ", "\U0001F600", "\U0001D49C ", "Sentence ends. ", "x" * 40, "\n\n", "\n", "  "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=120), st.integers(min_value=20, max_value=300))
def test_chunk_plan_covers_every_paragraph_within_the_limit(pieces, limit):
    text = "".join(pieces)
    doc = Document(text)
    paras = [(p.start, p.end) for p in doc.paragraphs]
    sents = [(s.start, s.end, s.paragraph) for s in doc.sentences]
    chunks = lt.pack_chunks(text, lt.plan_units(text, paras, sents, limit), limit)
    spans = [(c[0][0], c[-1][1]) for c in chunks]
    assert all(u16(text[a:b]) <= limit for a, b in spans)
    assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:]))  # in order, no overlap
    for a, b in paras:  # every character of every paragraph is in some chunk
        covered = [(max(a, s), min(b, e)) for s, e in spans if s < b and e > a]
        assert covered and covered[0][0] == a and covered[-1][1] == b
        assert all(x[1] == y[0] for x, y in zip(covered, covered[1:]))


def test_parts_of_hyphenated_names_are_not_flagged(fake, tmp_path):
    text = "The award went to Anne-Solène Kerbrat, and later to Marie-Odile Vasseur."
    plain = {f.text for f in _l001(lint_text(text, _cfg(fake.url)))}
    assert {"Anne", "Solène", "Kerbrat", "Odile"} <= plain
    listed = {f.text for f in _l001(lint_text(text, _cfg(fake.url, tmp_path, names=["Anne-Solène Kerbrat"])))}
    assert not listed & {"Anne", "Solène", "Kerbrat"}
    assert "Odile" in listed and "Vasseur" in listed
