"""Rule.finding fills its Finding's and its Suggestions' __dict__ at once: the same Finding,
field for field, as the dataclasses' own constructors give it from Document.line_col,
line_span and the fingerprint of the context (made when it is first read, also after a
pickle round trip)."""

from __future__ import annotations

import pickle
import random
from dataclasses import fields, replace

import pytest

from garblint.lint.document import Document
from garblint.lint.finding import Finding, Suggestion, make_fingerprint
from garblint.lint.rule import _CONTEXT, get_rule


def _plain(rule, doc, start, end, message, suggestions, confidence, properties):
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    before = doc.text[max(doc.line_span(line)[0], start - _CONTEXT) : start]
    after = doc.text[end : max(end, min(doc.line_span(end_line)[1], end + _CONTEXT))]
    return Finding(
        rule.code,
        rule.name,
        rule.category,
        rule.severity,
        message,
        start,
        end,
        line,
        col,
        end_line,
        end_col,
        doc.text[start:end],
        tuple(s if isinstance(s, Suggestion) else Suggestion(s[0], s[1]) for s in suggestions),
        max(0.0, min(1.0, confidence)),
        make_fingerprint(rule.code, doc.text[start:end], before, after),
        tuple(sorted((properties or {}).items())),
    )


_PIECES = ["The vote", " ", "was held", "\n", "\r\n", "\r", "\n\n", "today.", "\u201cQuoted\u201d", "caf\u00e9", "\t", "x" * 30]


@pytest.mark.parametrize("seed", range(6))
def test_finding_equals_the_plain_build(seed):
    rng = random.Random(seed)
    rule = get_rule("R001")()
    for _ in range(60):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 25)))
        doc = Document(text)
        for _ in range(8):
            a = rng.randint(0, len(text))
            b = rng.choice([a, rng.randint(a, len(text))])
            sugg = rng.choice([[], [("x", True)], [Suggestion("y", False, "why")], (s for s in [("z", False)])])
            sugg = list(sugg)
            conf = rng.choice([1.0, 0.5, 1.5, -1.0, float("nan"), 1, 0, 0.0])
            props = rng.choice([None, {}, {"b": 1, "a": "x"}])
            got = rule.finding(doc, a, b, "msg", sugg, confidence=conf, properties=props)
            want = _plain(rule, doc, a, b, "msg", sugg, conf, props)
            assert "fingerprint" not in got.__dict__  # (made when first read)
            copy = pickle.loads(pickle.dumps(got))  # (as a worker's or the cache's result comes back)
            assert got == want, (text, a, b)
            assert type(got.confidence) is type(want.confidence)  # (a JSON report writes 1.0, not 1)
            assert {k: v for k, v in got.__dict__.items() if k != "_fingerprint_of"} == want.__dict__, (text, a, b)
            assert copy == want and copy.fingerprint == want.fingerprint
            assert replace(got, severity="error").fingerprint == want.fingerprint


def test_fingerprint_is_the_field_default_on_the_class_and_in_a_plain_finding():
    assert Finding.fingerprint == "" and {f.name: f.default for f in fields(Finding)}["fingerprint"] == ""
    plain = Finding("X001", "x", "garble", "warning", "m", 0, 1, 1, 1, 1, 2, "a")
    assert plain.fingerprint == "" and plain.__dict__["fingerprint"] == ""


def test_sha1_of_fingerprints_is_hashlibs() -> None:
    import hashlib

    from garblint.lint import finding

    sha1 = finding._SHA1 or finding._load_sha1()
    rnd = random.Random(7)
    for n in (0, 1, 55, 56, 63, 64, 65, 1000):
        data = bytes(rnd.randrange(256) for _ in range(n))
        assert sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()


@pytest.mark.parametrize("at", [0, 3, 30])
def test_unused_suppression_finding_equals_the_eager_build(at) -> None:
    """X001's finding quotes the directive from the source and makes its fingerprint from the
    source around it when read: the same Finding as the eager replace() of before."""
    from garblint.lint.config import Config
    from garblint.lint.selection import finish_findings
    from garblint.lint.textio import make_document

    head = "Some prose here, and more of it. " * 2
    text = head[:at] + "<!-- garblint-disable R001 -->\nThe meeting opened at nine.\n"
    doc = make_document(text, "notes.md")
    rules = [get_rule("R001")(), get_rule("X001")()]
    (got,) = finish_findings(doc, [], Config(), rules)
    a = text.index("<!--")
    b = text.index("-->") + 3
    plain = replace(
        rules[1].finding(doc, a, b, got.message, [("", False)], confidence=1.0),
        text=text[a:b],
        fingerprint=make_fingerprint("X001", text[a:b], text[max(0, a - 24) : a], text[b : b + 24]),
    )
    assert (got.start, got.end) == (a, b)
    for fld in fields(Finding):
        assert getattr(got, fld.name) == getattr(plain, fld.name), fld.name
    assert pickle.loads(pickle.dumps(got)).fingerprint == plain.fingerprint
