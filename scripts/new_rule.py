"""Create the skeleton of a new rule: ``python scripts/new_rule.py CODE NAME --family FILE --category CAT``.

Writes (never overwriting anything that exists):

* the rule class, with the four docstring headings to fill in and a ``check`` that yields
  nothing yet, in ``rules/FILE.py`` (a new module, or appended to an existing family module);
* ``tests/rules/cases/FILE.toml`` with a positive and a look-alike case to fill in (appended when
  the file exists);
* with ``--words LIST``, an empty ``rules/data/LIST.txt`` the rule reads with
  ``word_set("LIST")``.

Then: write the check and the cases, run ``python scripts/update_readme.py`` and
``python scripts/update_golden.py`` (review the diff), and ``python -m pytest -q``. See
docs/architecture.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = (
    "name",
    "duplicate",
    "repetition",
    "quote",
    "garble",
    "untranslated",
    "boilerplate",
    "punctuation",
    "whitespace",
    "encoding",
    "ocr",
    "spelling",
    "grammar",
    "suppression",
)

MODULE_HEAD = '''"""{letter}: {summary}"""
from __future__ import annotations

from ..lint.rule import Rule
'''

CLASS = '''

class {cls}(Rule):
    """What it flags: TODO one sentence.

    Why: TODO what damage causes it (OCR, machine translation, scraping) and why an editor cares.

    Example: "TODO bad text" -> "TODO suggested text".

    Fix: TODO what the suggestion does; safe or unsafe, and why.
    """

    code = "{code}"
    name = "{name}"
    category = "{category}"
    severity = "{severity}"

    def check(self, doc, config):{words_line}
        # Read what the Document already computed (doc.paragraphs, doc.sentences, doc.words);
        # keep an analysis other rules of the family share in doc.memo("{module}.NAME", fn).
        # yield self.finding(doc, start, end, "message", [("replacement", False)])
        return ()
'''

CASES = """
# {code} {name}: a positive case and a look-alike that must not fire (write the texts yourself)
[[case]]
name = "{name}: TODO the damage"
select = ["{code}"]
text = "TODO a text with the damage"
expect = [{{code = "{code}", text = "TODO the span", replacement = "TODO"}}]
# the whole text after --fix (safe suggestions) and, where it differs, after --unsafe-fixes
# fixed = "..."
# unsafe_fixed = "..."

[[case]]
name = "{name}: TODO a look-alike that is correct"
select = ["{code}"]
text = "TODO a correct text that looks like the damage"
expect = []
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Create the skeleton of a new garblint rule.")
    ap.add_argument("code", help="a letter and three digits, e.g. T004")
    ap.add_argument("name", help="kebab-case, e.g. spun-synonym")
    ap.add_argument("--family", required=True, help="the rules module (and case file) name, e.g. spun")
    ap.add_argument("--category", required=True, choices=CATEGORIES)
    ap.add_argument("--severity", default="warning", choices=("error", "warning", "suggestion"))
    ap.add_argument("--words", metavar="LIST", help="also create rules/data/LIST.txt for the rule's word list")
    ap.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not re.fullmatch(r"[A-Z][0-9]{3}", args.code):
        ap.error(f"code {args.code!r} must be a letter and three digits")
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", args.name):
        ap.error(f"name {args.name!r} must be kebab-case")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", args.family):
        ap.error(f"family {args.family!r} must be a module name")
    root: Path = args.root
    module = root / "rules" / f"{args.family}.py"
    cases = root / "tests" / "rules" / "cases" / f"{args.family}.toml"
    existing = "\n".join(p.read_text(encoding="utf-8") for p in (root / "rules").glob("*.py"))
    if re.search(rf'code\s*=\s*"{args.code}"', existing):
        ap.error(f"rule code {args.code} exists already")
    cls = "".join(part.capitalize() for part in args.name.split("-"))
    words_line = ""
    if args.words:
        words_line = f'\n        words = word_set("{args.words}")  # rules/data/{args.words}.txt'
    body = CLASS.format(
        cls=cls, code=args.code, name=args.name, category=args.category, severity=args.severity, words_line=words_line, module=args.family
    )
    if module.exists():
        text = module.read_text(encoding="utf-8")
        if args.words and "word_set" not in text:
            text = text.replace("from ..lint.rule import Rule\n", "from ..lint.rule import Rule\nfrom ..lint.wordlists import word_set\n", 1)
        module.write_text(text.rstrip("\n") + "\n" + body, encoding="utf-8")
    else:
        head = MODULE_HEAD.format(letter=args.code[0], summary=f"TODO what the {args.family} rules find.")
        if args.words:
            head += "from ..lint.wordlists import word_set\n"
        module.write_text(head + body, encoding="utf-8")
    print(f"{module.relative_to(root)}: rule {args.code} {args.name}")
    case_text = CASES.format(code=args.code, name=args.name)
    if cases.exists():
        cases.write_text(cases.read_text(encoding="utf-8").rstrip("\n") + "\n" + case_text, encoding="utf-8")
    else:
        cases.write_text(case_text.lstrip("\n"), encoding="utf-8")
    print(f"{cases.relative_to(root)}: two cases to fill in")
    if args.words:
        data = root / "rules" / "data" / f"{args.words}.txt"
        if not data.exists():
            data.write_text("# TODO what the list holds, and where the entries come from.\n# One entry a line.\n", encoding="utf-8")
            print(f"{data.relative_to(root)}: an empty word list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
