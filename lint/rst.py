"""reStructuredText: which parts of an ``.rst`` file are prose, parsed with docutils.

docutils builds the document tree; the prose is the text of its paragraphs, section titles,
line blocks and captions, wherever they sit (in list items, block quotes, footnotes and the
bodies of directives such as ``.. note::`` or ``.. versionadded::``). Each prose node's raw
text is found again on its source lines, so the prose keeps its exact line and column.
Everything else is blanked: directive lines and their options, literal and code blocks,
doctest blocks, tables, comments, targets, substitution definitions, field names, heading
underlines and transitions. Inside prose, inline markup is blanked too: inline literals, roles
(a reference's title text is kept), hyperlink targets, footnote and substitution references,
emphasis markers and escapes.

Sphinx and its extensions add directives and roles docutils does not know. Unknown directives
are accepted with any options: those whose content is code or a list of names (``code-block``,
``toctree``, ``autosummary``...) are blanked whole, the others' content is parsed as reST, so a
``.. seealso::`` or ``.. py:function::`` body is still linted. docutils' reporter is silenced
(nothing printed, nothing raised), no file is included and no raw HTML is read; a file docutils
cannot parse at all is linted with its markup-only lines blanked (see :func:`fallback_regions`).

docutils takes about 0.1 s to import: this module is imported only when an ``.rst`` file is
linted.
"""
from __future__ import annotations

import re
from typing import Any

from .markup import _line_offsets
from .lazyre import lazy_re

RST_EXTENSIONS = (".rst", ".rest")

#: directives whose content is code, data or a list of names, never prose (Sphinx and common
#: extensions; a domain prefix such as "py:" is ignored)
LITERAL_DIRECTIVES = frozenset(
    """code-block sourcecode literalinclude highlight toctree productionlist autosummary doctest
    testcode testoutput testsetup testcleanup ipython graphviz digraph graph inheritance-diagram
    math tabularcolumns index default-domain currentmodule module code-tab prompt program-output
    command-output mermaid uml plantuml plot jupyter-execute exec runblock literalinclude
    automodapi autoprogram click argparse csv-table list-table table raw include youtube
    image figure only-if-exists bibliography footbibliography ifconfig-code""".split()
)
#: directives whose argument is prose too (after the version number of version* directives)
ARGUMENT_PROSE = frozenset("seealso versionadded versionchanged versionremoved deprecated centered todo".split())
_VERSIONED = frozenset("versionadded versionchanged versionremoved deprecated".split())

_SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "warning_stream": False,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "syntax_highlight": "none",
    "input_encoding": "unicode",
    "doctitle_xform": False,
    "docinfo_xform": False,
    "sectsubtitle_xform": False,
    "pep_references": False,
    "rfc_references": False,
    "smart_quotes": False,
    "character_level_inline_markup": False,
}

_LINE = lazy_re(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")

# ------------------------------------------------------------------ inline markup
_INLINE_LITERAL = lazy_re(r"(?<![\\\w])``(?=\S)(.+?)(?<=\S)``(?!\w)", re.S)
# :role:`content` or `content`:role: or `content` (default role) or `content`_ / `content`__
_ROLE = lazy_re(
    r"(?<![\\\w`])(?P<pre>:[A-Za-z][\w.:+-]*:)?`(?=\S)(?P<body>(?:[^`\\]|\\.)+?)(?<=\S)`"
    r"(?P<post>:[A-Za-z][\w.:+-]*:|__?)?(?![\w`])",
    re.S,
)
_TARGET = lazy_re(r"\s*<[^<>]+>\s*\Z", re.S)  # "title <target>" in a role or link
_FOOTNOTE_REF = lazy_re(r"\[(?:#[\w.-]*|\*|\d+|[A-Za-z][\w.-]*)\]_(?!\w)")
_SUBST_REF = lazy_re(r"(?<![\w\\|])\|(?=\S)[^|\n]+(?<=\S)\|(?:__?)?(?![\w|])")
_NAMED_REF = lazy_re(r"(?<=\w)__?(?![\w])")  # "Python_" -> the underscore
_EMPHASIS = lazy_re(r"(?<![\\\w*])(\*\*?)(?=[^\s*])(?:[^*\\]|\\.)+?(?<=[^\s*\\])\1(?![\w*])", re.S)
_ESCAPE = lazy_re(r"\\(?=[^\s\w])")
_DOUBLE_COLON = lazy_re(r"(?<=\S):(:)[ \t]*$|(?:^|[ \t]+)::[ \t]*$", re.M)
#: roles whose content is shown as words ("a :term:`build`"), so it stays prose
#: roles that show a title given before its "<target>" as words of the text; the other roles
#: (":func:", ":class:", ":hook:", ...) show it as code
_LINK_ROLES = frozenset("ref doc numref any download pep rfc".split())
PROSE_ROLES = frozenset("term dfn abbr emphasis strong title-reference title t sub sup subscript superscript guilabel".split())


def is_rst(path: str | None) -> bool:
    import os

    return bool(path) and os.path.splitext(path)[1].lower() in RST_EXTENSIONS  # type: ignore[arg-type]


_DOCUTILS: dict[str, Any] = {}


def _docutils() -> dict[str, Any]:
    """Import docutils once and build the lenient directive class."""
    if _DOCUTILS:
        return _DOCUTILS
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Directive, Parser, directives
    from docutils.utils import new_document

    class AnyOption(dict):
        """An option spec that accepts every option with any value."""

        def __contains__(self, key: object) -> bool:
            return True

        def __getitem__(self, key: str):
            return directives.unchanged

        def get(self, key, default=None):
            return directives.unchanged

    class Lenient(Directive):
        """Any directive docutils does not know (Sphinx's): no error, content parsed as reST
        unless its kind holds code or names."""

        has_content = True
        optional_arguments = 1
        final_argument_whitespace = True
        option_spec = AnyOption()

        def run(self):
            name = self.name.split(":")[-1].lower()
            if name in LITERAL_DIRECTIVES:
                return []
            box = nodes.container()
            if name in ARGUMENT_PROSE and self.arguments:
                arg = self.arguments[0]
                if name in _VERSIONED:
                    parts = arg.split(None, 1)
                    arg = parts[1] if len(parts) > 1 else ""
                if arg.strip():
                    para = nodes.paragraph(arg, arg)
                    para.line = self.lineno
                    box += para
            if self.content:
                self.state.nested_parse(self.content, self.content_offset, box)
            return [box]

    real_lookup = directives.directive

    def lookup(name, language_module, document):
        cls, messages = real_lookup(name, language_module, document)
        if cls is None:
            return Lenient, []
        return cls, messages

    settings = get_default_settings(Parser)
    for k, v in _SETTINGS.items():
        setattr(settings, k, v)
    _DOCUTILS.update(nodes=nodes, Parser=Parser, new_document=new_document, settings=settings,
                     directives=directives, lookup=lookup, real_lookup=real_lookup)
    return _DOCUTILS


def parse(text: str):
    """The docutils document tree of ``text``, or None if docutils fails on it."""
    du = _docutils()
    directives = du["directives"]
    doc = du["new_document"]("<rst>", du["settings"].copy())
    directives.directive = du["lookup"]
    try:
        du["Parser"]().parse(text.replace("\r\n", "\n").replace("\r", "\n"), doc)
    except Exception:  # noqa: BLE001 - a docutils bug must not stop linting
        return None
    finally:
        directives.directive = du["real_lookup"]
    return doc


def _prose_nodes(tree) -> list[Any]:
    du = _docutils()
    nodes = du["nodes"]
    keep = (nodes.paragraph, nodes.title, nodes.line, nodes.caption, nodes.attribution, nodes.rubric)
    out = []
    for node in tree.findall(lambda n: isinstance(n, keep)):
        if not node.rawsource or not node.rawsource.strip():
            continue
        skip = False
        parent = node.parent
        while parent is not None:
            if isinstance(parent, (nodes.table, nodes.system_message, nodes.substitution_definition, nodes.comment)):
                skip = True
                break
            if isinstance(parent, nodes.field_body) and len(node.rawsource.split()) < 4:
                skip = True  # a field's value ("2", "public"), not a sentence
                break
            parent = parent.parent
        if not skip:
            out.append(node)
    return out


def _norm(s: str) -> str:
    return s.expandtabs(8).rstrip()


def _locate(lines: list[str], raw: list[str], hint: int | None) -> int | None:
    """0-based source line where the lines ``raw`` start (each source line ends with its raw
    line), searched around ``hint`` (1-based, docutils' line)."""
    n = len(lines)
    if hint is None:
        return None
    base = hint - 1
    for delta in (0, -1, 1, -2, 2, -3, 3, -len(raw), -len(raw) - 1):
        s = base + delta
        if s < 0 or s + len(raw) > n:
            continue
        if all(_norm(lines[s + i]).endswith(r) for i, r in enumerate(raw) if r):
            return s
    return None


def prose_regions(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of the prose on each source line, or None when docutils cannot parse it."""
    tree = parse(text)
    if tree is None:
        return None
    starts = _line_offsets(text)
    n_lines = len(starts) - 1
    lines = [text[starts[i] : starts[i + 1]].rstrip("\r\n") for i in range(n_lines)]
    out: list[tuple[int, int]] = []
    for node in _prose_nodes(tree):
        raw = [_norm(r).strip() for r in node.rawsource.replace("\r", "").split("\n")]
        line = node.line
        s = _locate(lines, raw, line)
        if s is None:
            continue
        for i, r in enumerate(raw):
            if not r:
                continue
            src = lines[s + i]
            if "\t" in src:
                # tabs expanded by docutils: the prose starts at the first non-blank character
                col = len(src) - len(src.lstrip())
                body = src.lstrip()
                if body.startswith(r[:1]) is False and len(src.rstrip()) > len(r):
                    col = len(src.rstrip()) - len(r)
            else:
                col = len(src.rstrip()) - len(r)
            a = starts[s + i] + max(col, 0)
            b = starts[s + i] + len(src.rstrip())
            if a < b:
                out.append((a, b))
    return sorted(set(out))


def inline_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inline markup inside the prose span ``start``..``end`` (on one or more lines)."""
    out: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    for m in _INLINE_LITERAL.finditer(text, start, end):
        out.append(m.span())
        taken.append(m.span())
    for m in _ROLE.finditer(text, start, end):
        if not free(*m.span()):
            continue
        taken.append(m.span())
        pre, post = m.group("pre"), m.group("post")
        name = (pre or (post if post and post.startswith(":") else "") or "").strip(":").split(":")[-1].lower()
        body_a, body_b = m.span("body")
        target = _TARGET.search(text, body_a, body_b)
        is_link = post in ("_", "__")
        if target and name and name not in _LINK_ROLES and name not in PROSE_ROLES:
            target = None  # ":hook:`collect(path: Path) <collect>`": a code role shows its title as code
        if (target and (pre or is_link or (post or "").startswith(":"))) or is_link or name in PROSE_ROLES:
            # keep the shown words: blank the markup around them
            keep_b = target.start() if target else body_b
            out.append((m.start(), body_a))
            out.append((keep_b, m.end()))
            if name in PROSE_ROLES or target or is_link:
                continue
        out.append(m.span())
    for rx in (_FOOTNOTE_REF, _SUBST_REF):
        for m in rx.finditer(text, start, end):
            if free(*m.span()):
                out.append(m.span())
    for m in _EMPHASIS.finditer(text, start, end):
        if free(*m.span()):
            k = len(m.group(1))
            out.append((m.start(), m.start() + k))
            out.append((m.end() - k, m.end()))
    for rx in (_NAMED_REF, _ESCAPE):
        for m in rx.finditer(text, start, end):
            if free(*m.span()):
                out.append(m.span())
    for m in _DOUBLE_COLON.finditer(text, start, end):
        out.append(m.span(1) if m.group(1) else m.span())
    return out


def rst_regions(text: str) -> list[tuple[int, int]]:
    """The non-prose regions of a reStructuredText ``text``."""
    from .markup import _BARE_URL, _EMAIL, merge

    prose = prose_regions(text)
    if prose is None:
        return fallback_regions(text)
    prose = merge(prose)
    regions: list[tuple[int, int]] = []
    pos = 0
    for a, b in prose:
        if a > pos:
            regions.append((pos, a))
        pos = b
    if pos < len(text):
        regions.append((pos, len(text)))
    # inline markup, one paragraph-sized run of prose spans at a time
    for a, b in _runs(text, prose):
        regions.extend(inline_regions(text, a, b))
        for rx in (_BARE_URL, _EMAIL):
            for m in rx.finditer(text, a, b):
                x, y = m.span()
                if x > 0 and text[x - 1] == "<" and text[y : y + 1] == ">":
                    x, y = x - 1, y + 1  # "Ann Lee <ann@example.org>": the brackets go with it
                regions.append((x, y))
    return merge(regions)


def _runs(text: str, prose: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive prose spans joined where only a line break and indentation separate them."""
    out: list[tuple[int, int]] = []
    for a, b in prose:
        if out and text[out[-1][1] : a].strip() == "" and text.count("\n", out[-1][1], a) <= 1:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_MARKUP_LINE = lazy_re(
    r"^(?:[ \t]*\.\.(?:[ \t].*)?|[ \t]*:[\w .-]+:(?:[ \t].*)?|([=\-`:'\"~^_*+#<>.])\1{3,}[ \t]*|[ \t]*[+|].*[+|][ \t]*)$",
    re.M,
)


def fallback_regions(text: str) -> list[tuple[int, int]]:
    """Without a parse tree: explicit markup lines, field lines, rules and table rows."""
    return [m.span() for m in _MARKUP_LINE.finditer(text) if m.end() > m.start()]
