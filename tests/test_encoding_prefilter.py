"""E001 asks ftfy only about paragraphs with a trigger character: the shortcut must be exact."""
from __future__ import annotations

from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import given
from hypothesis import strategies as st

from garblint.lint.config import Config
from garblint.lint.runner import lint_text
from garblint.rules.encoding import _COMMON_TYPOGRAPHY, _NON_ASCII, _mojibake_triggers

# Characters ftfy's expression is built from, plus ASCII and common typography.
_BADNESS_CHARS = sorted({c for c in BADNESS_RE.pattern if ord(c) > 127})
_MIXED = st.text(alphabet=st.sampled_from(_BADNESS_CHARS + list(_COMMON_TYPOGRAPHY) + list("aZ 9.\n")), max_size=12)
_SAFE = st.text(alphabet=st.sampled_from([chr(c) for c in range(128)] + list(_COMMON_TYPOGRAPHY)), max_size=40)


def test_current_ftfy_gets_the_narrow_trigger():
    # With ftfy's present expression the shortcut applies (else we silently lost the speed-up).
    assert _mojibake_triggers() is not _NON_ASCII
    assert not _mojibake_triggers().search("“Quoted” – it’s fine…")
    assert _mojibake_triggers().search("cafÃ©")


@given(_SAFE)
def test_ascii_and_common_typography_are_never_bad(s):
    assert not is_bad(s)


@given(_MIXED)
def test_every_bad_text_has_a_trigger(s):
    if is_bad(s):
        assert _mojibake_triggers().search(s)


def test_mojibake_still_found_next_to_clean_paragraphs():
    text = "A clean “quoted” paragraph – with dashes…\n\nThe cafÃ© reopened on Monday.\n"
    found = [f for f in lint_text(text, Config()) if f.code == "E001"]
    assert len(found) == 1 and found[0].suggestions[0].replacement == "café"
