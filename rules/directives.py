"""X: garblint's own directives in the text (suppression comments)."""
from __future__ import annotations

from ..lint.rule import Rule


class UnusedSuppression(Rule):
    """What it flags: a suppression directive ("<!-- garblint-disable ... -->", "garblint: disable=...") that hides no finding, or names an unknown rule code.

    Why: suppressions outlive the text they were written for; a stale one silently hides
    the next real problem in its range, and an unknown code is usually a typo that
    suppresses nothing. Codes of rules not selected in this run are not reported.

    Example: "<!-- garblint-disable S001 -->" above clean text -> the comment removed.

    Fix: deletes the directive. Unsafe: the directive may be needed under another
    selection of rules, so an editor should decide.
    """

    code = "X001"
    name = "unused-suppression"
    category = "suppression"
    severity = "warning"
    fix_priority = 90

    def check(self, doc, config):
        # The runner reports unused directives after matching every finding against them
        # (see garblint.lint.suppress); the rule itself looks at nothing.
        return ()
