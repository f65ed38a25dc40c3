"""lint/selection.drop_doubles: the rules that override Rule.drop_doubles are worked out once
for a run's list of rules, and again for any other list."""

from __future__ import annotations

from dataclasses import replace

from garblint.lint import rule as rule_module
from garblint.lint.config import Config
from garblint.lint.runner import lint_text
from garblint.lint.selection import drop_doubles, selected_rules


def test_overriding_rules_are_found_for_each_list_of_rules(monkeypatch) -> None:
    findings = lint_text("The the vote was held today.", Config({"select": ["R001"]}))
    assert [f.code for f in findings] == ["R001"]
    plain = selected_rules(Config({"select": ["R001"]}))
    monkeypatch.setattr(rule_module, "_REGISTRY", dict(rule_module._REGISTRY))  # (the test rule stays here)

    class Picky(rule_module.Rule):
        """What it flags: nothing (a test double that drops every finding of its own)."""

        code = "Z901"
        name = "test-picky"
        category = "grammar"

        def check(self, doc, config):
            return []

        def drop_doubles(self, mine, others):
            return []

    mine = [replace(f, code="Z901") for f in findings]
    assert drop_doubles(findings + mine, plain) == findings + mine  # (no rule of the list drops)
    assert drop_doubles(findings + mine, plain + [Picky()]) == findings  # another list: Z901's go
    assert drop_doubles(findings + mine, plain) == findings + mine  # and back
    rules = plain + [Picky()]
    assert drop_doubles(mine, rules) == [] and drop_doubles(mine, rules) == []  # (kept for the list)
