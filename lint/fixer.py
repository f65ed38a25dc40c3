"""The fixer: apply suggestions (``--fix``, ``--unsafe-fixes``, ``--fix-only``) or show them (``--diff``).

Which suggestion: the first *safe* suggestion of each finding; with ``--unsafe-fixes`` the first
suggestion whatever its safety. A suggestion makes one edit (its replacement in place of the
finding's span) or the edits it carries (``Suggestion.edits``). Overlapping fixes are resolved
deterministically: the rule with the lower ``fix_priority`` wins, then the earlier fix, then the
shorter one, then the code. Fixes that touch are not applied in the same pass either.
:func:`plan_fixes` is that choice, the one fix plan: ``--fix`` applies it, and the HTML report's
"suggestions applied" view shows it. After each pass the text is linted
again, until no applicable fix remains or ``MAX_PASSES`` passes have run, so a fix never
leaves behind a problem another fix could have removed.

Writing keeps what the file was: the text is re-encoded with the encoding it was decoded
with, the byte-order mark is put back, line breaks are untouched (the Document keeps CRLF as
CRLF) and the file's permission bits are copied. Writes are atomic: a temporary file in the
same folder, then ``os.replace``. A file whose linting failed, that is read-only, that does not
re-encode to its own bytes, or that changed on disk meanwhile is left alone with a message.
A replacement the file's legacy encoding cannot represent is skipped with a notice.
"""
from __future__ import annotations

import codecs
import difflib
import os
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from .document import Document
from .finding import Edit, Finding
from .rule import get_rule
from .textio import make_document
from .lazyre import lazy_re

MAX_PASSES = 10

_BOM_BYTES = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
_LINES = lazy_re(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class FixError(Exception):
    """A file the fixer must leave alone; the message is one line and names no path."""


@dataclass(frozen=True)
class Fix:
    """One finding's chosen suggestion, as the edits it makes (sorted, disjoint)."""

    edits: tuple[Edit, ...]
    code: str
    priority: int
    key: tuple  # identifies the fix across passes: (code, span text, replacement)
    index: int = 0  # the finding's position in the list the plan was made from

    @property
    def start(self) -> int:
        return self.edits[0].start

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    @property
    def replacement(self) -> str:
        """The replacement of a one-edit fix (what most fixes are)."""
        return self.edits[0].replacement if len(self.edits) == 1 else ""


@dataclass
class FixOutcome:
    """What fixing one document gave."""

    original: str
    fixed: str
    applied: int = 0
    findings: list[Finding] = field(default_factory=list)  # what remains after fixing
    doc: Document | None = None  # the final document
    notices: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


DEFAULT_PRIORITY = 50


def rule_priority(code: str) -> int:
    """The ``fix_priority`` of rule ``code`` from the registry (50 for a code it does not know)."""
    cls = get_rule(code)
    return cls.fix_priority if cls is not None else DEFAULT_PRIORITY


def candidate_edits(
    findings: Sequence[Finding],
    text: str,
    *,
    unsafe: bool,
    skip: set | None = None,
    priority: Callable[[str], int] = rule_priority,
) -> list[Fix]:
    """One fix per finding that has an applicable suggestion, before overlap resolution."""
    out = []
    for i, f in enumerate(findings):
        if unsafe:
            sugg = f.suggestions[0] if f.suggestions else None
        else:
            sugg = f.safe_fix
        if sugg is None:
            continue
        edits = tuple(sorted(sugg.edits_for(f.start, f.end), key=lambda e: (e.start, e.end)))
        if all(text[e.start : e.end] == e.replacement for e in edits):
            continue
        key = (f.code, f.text, sugg.replacement)
        if skip and key in skip:
            continue
        out.append(Fix(edits, f.code, priority(f.code), key, i))
    return out


def resolve_overlaps(fixes: Sequence[Fix]) -> list[Fix]:
    """Accept fixes by (priority, start, length, code); drop any that overlaps or touches an accepted one."""
    accepted: list[Fix] = []
    for e in sorted(fixes, key=lambda e: (e.priority, e.start, e.end - e.start, e.code, e.replacement)):
        if any(e.start <= a.end and a.start <= e.end for a in accepted):
            continue
        accepted.append(e)
    accepted.sort(key=lambda e: e.start)
    return accepted


def plan_fixes(
    findings: Sequence[Finding],
    text: str,
    *,
    unsafe: bool,
    skip: set | None = None,
    priority: Callable[[str], int] = rule_priority,
) -> list[Fix]:
    """The fixes one pass of ``--fix`` (``unsafe``: with ``--unsafe-fixes``) applies to ``text``,
    sorted by start: the one fix plan, shared by the fixer and the HTML report."""
    return resolve_overlaps(candidate_edits(findings, text, unsafe=unsafe, skip=skip, priority=priority))


def apply_edits(text: str, fixes: Sequence[Fix]) -> str:
    """Apply non-overlapping ``fixes`` (sorted by start) to ``text``."""
    out = []
    pos = 0
    for fix in fixes:
        for e in fix.edits:
            out.append(text[pos : e.start])
            out.append(e.replacement)
            pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _is_legacy(encoding: str) -> bool:
    return not encoding.lower().replace("_", "-").startswith("utf")


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def rebuild(doc: Document, text: str) -> Document:
    return make_document(
        text, doc.path, encoding=doc.encoding, encoding_note=doc.encoding_note, bom=doc.bom, newline=doc.newline
    )


LintFn = Callable[[Document], "tuple[list[Finding], list[str]]"]


def fix_document(doc: Document, lint: LintFn, *, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint, apply the chosen fixes, lint again, ... until stable; nothing is written here."""
    original = doc.source
    out = FixOutcome(original=original, fixed=original)
    skip: set = set()
    current = doc
    findings: list[Finding] | None = None
    for _ in range(max_passes):
        findings, crashes = lint(current)
        if crashes:
            out.error = "; ".join(crashes) + " (no fixes applied)"
            out.fixed = original
            out.applied = 0
            return out
        edits = candidate_edits(findings, current.source, unsafe=unsafe, skip=skip)
        if _is_legacy(doc.encoding):
            ok = []
            for e in edits:
                try:
                    for piece in e.edits:
                        piece.replacement.encode(doc.encoding)
                    ok.append(e)
                except (UnicodeEncodeError, LookupError):
                    skip.add(e.key)
                    line, col = current.line_col(e.start)
                    bad = next(p.replacement for p in e.edits if not _encodes(p.replacement, doc.encoding))
                    out.notices.append(
                        f"{line}:{col}: {e.code} fix skipped: {bad!r} cannot be written in {doc.encoding}"
                    )
            edits = ok
        edits = resolve_overlaps(edits)
        if not edits:
            break
        text = apply_edits(current.source, edits)
        out.applied += len(edits)
        current = rebuild(doc, text)
        findings = None
    else:
        out.notices.append(f"fixes did not settle after {max_passes} passes; the rest is left as it is")
    if findings is None:
        findings, crashes = lint(current)
        if crashes:
            out.error = "; ".join(crashes) + " (no fixes applied)"
            out.fixed = original
            out.applied = 0
            return out
    out.fixed = current.source
    out.findings = findings
    out.doc = current
    return out


# -------------------------------------------------------------------- output
def encode_text(text: str, doc: Document) -> bytes:
    """``text`` as the bytes of a file like ``doc``'s: same encoding, BOM kept."""
    enc = doc.encoding
    data = text.encode(enc)
    if doc.bom:
        data = _BOM_BYTES.get(codecs.lookup(enc).name.replace("_", "-"), b"") + data
    return data


def check_round_trip(doc: Document, data: bytes) -> None:
    """Refuse files whose decoding was lossy: writing them back would corrupt bytes we never saw."""
    try:
        same = encode_text(doc.source, doc) == data
    except (UnicodeEncodeError, LookupError):
        same = False
    if not same:
        raise FixError(f"not fixed: its bytes do not survive decoding as {doc.encoding} and encoding back")


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold SIGINT/SIGTERM back while one file is written (POSIX, main thread).

    Ctrl-C lands between any two bytecodes: inside ``mkstemp`` after the file exists, or
    between it and the ``try`` that removes it, a KeyboardInterrupt would leave a temporary
    file behind. With the signals blocked, a Ctrl-C during the write is delivered when the
    block ends, after the file is fully replaced (or not touched), and the run stops there.
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def write_atomic(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path`` by ``data`` atomically, keeping its permission bits; raise FixError.

    A file with more than one hard link is written in place instead (after a complete synced
    copy of the new content is on disk beside it), so the link is not split."""
    with _interrupts_deferred():
        _write_atomic(path, data, expected)


def _write_atomic(path: str, data: bytes, expected: bytes | None) -> None:
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except OSError as exc:
        raise FixError(f"cannot write fixes: {exc.strerror or exc}") from None
    if not os.access(real, os.W_OK) or not st.st_mode & stat.S_IWUSR:
        raise FixError("cannot write fixes: the file is read-only (permission denied); left unchanged")
    if expected is not None:
        try:
            with open(real, "rb") as fh:
                if fh.read() != expected:
                    raise FixError("changed on disk while garblint was fixing it; left unchanged")
        except OSError as exc:
            raise FixError(f"cannot write fixes: {exc.strerror or exc}") from None
    folder = os.path.dirname(real) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(real) + ".", suffix=".garblint-tmp", dir=folder)
    except OSError as exc:
        raise FixError(f"cannot write fixes: cannot create a temporary file in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st.st_nlink > 1:
            _write_in_place(real, data)  # keeps the hard links; tmp is the full copy meanwhile
            os.unlink(tmp)
            return
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown"):
            try:
                tst = os.stat(tmp)
                if (tst.st_uid, tst.st_gid) != (st.st_uid, st.st_gid):
                    os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        os.replace(tmp, real)
    except BaseException as exc:  # OSError, and KeyboardInterrupt: never leave the temp file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise
        raise FixError(f"cannot write fixes: {exc.strerror or exc}") from None


def _write_in_place(real: str, data: bytes) -> None:
    """Overwrite a hard-linked file in place, so every name keeps pointing at it (a rename would
    give this name a new file and split the link). The caller has already written and synced
    the whole new content to a temporary file beside it, which it removes only after this
    returns: a crash in between leaves that complete copy to recover from. Signals are held
    back meanwhile (see write_atomic)."""
    fd = os.open(real, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _lines(text: str) -> list[str]:
    return _LINES.findall(text)


_BYTE_LINES = lazy_re(rb"[^\n]*\n|[^\n]+\Z")


def unified_diff(path: str, before: bytes, after: bytes) -> bytes:
    """A unified diff of one file's fixes, in the file's own bytes (empty when nothing changes).

    It applies with ``git apply`` and ``patch -p1`` from the current folder: the file names
    carry ``a/`` and ``b/``, lines end at LF only (a lone CR or the CR of CRLF stays part of its
    line, as both tools read it), a byte-order mark and a legacy encoding are kept as bytes,
    and a last line without a newline is marked as such."""
    if before == after:
        return b""
    name = path.replace(os.sep, "/").lstrip("/").encode("utf-8", "surrogateescape")
    a, b = _BYTE_LINES.findall(before), _BYTE_LINES.findall(after)
    out = []
    old_name, new_name = _diff_name(b"a/" + name), _diff_name(b"b/" + name)
    for line in difflib.diff_bytes(difflib.unified_diff, a, b, fromfile=old_name, tofile=new_name, lineterm=b"\n"):
        if not line.endswith(b"\n"):
            line += b"\n\\ No newline at end of file\n"
        out.append(line)
    return b"".join(out)


_QUOTE = {ord("\""): b'\\"', ord("\\"): b"\\\\", ord("\n"): b"\\n", ord("\t"): b"\\t", ord("\r"): b"\\r"}


def _diff_name(name: bytes) -> bytes:
    """A file name as git writes it in a diff: C-quoted when it holds a quote, a backslash or a
    control character; followed by a tab when it holds a space (so GNU patch reads it whole)."""
    if any(c < 32 or c in (34, 92) for c in name):
        return b'"' + b"".join(_QUOTE.get(c, b"\\%03o" % c if c < 32 else bytes([c])) for c in name) + b'"'
    return name + b"\t" if b" " in name else name


def _wide(encoding: str) -> bool:
    """UTF-16 and UTF-32: git and patch treat such files as binary, a line diff does not apply."""
    return codecs.lookup(encoding).name.replace("_", "-").startswith(("utf-16", "utf-32"))


# ------------------------------------------------------------- the whole run
@dataclass
class FixRun:
    """What ``fix_results`` did across files."""

    results: list  # FileResults with what remains after fixing
    diffs: list[bytes] = field(default_factory=list)  # unified diffs in the files' own bytes
    stdin_text: bytes | None = None  # the fixed standard input, to print
    fixed_findings: int = 0
    fixed_files: int = 0
    notices: list[str] = field(default_factory=list)  # "path: message"


def fix_results(targets, results, config, *, unsafe: bool, write: bool, baseline=None) -> FixRun:
    """Fix every target that linted cleanly (``write``), or compute the diffs (not ``write``).

    ``results`` are the lint results of ``targets`` (same order); files whose linting failed or
    was skipped are left alone. The returned results carry what remains after fixing.
    """
    from .runner import _load, collect_facts, run_rules, selected_rules
    from .textio import InputError, read_bytes

    rules = selected_rules(config)
    corpus_rules = [r for r in rules if r.corpus]
    corpus: dict = {}
    if corpus_rules:
        facts = []
        for t, r in zip(targets, results):
            if r.error or r.skipped:
                continue
            try:
                facts.append(collect_facts(_load(t), config, corpus_rules))
            except InputError:
                continue
        for cr in corpus_rules:
            corpus[cr.code] = cr.merge([f[cr.code] for f in facts])

    run = FixRun(results=list(results))
    for i, (t, r) in enumerate(zip(targets, results)):
        if r.error or r.skipped:
            continue
        is_stdin = t.data is not None
        if not is_stdin and not any(f.suggestions if unsafe else f.safe_fix for f in r.findings):
            continue  # nothing to fix, nothing to rewrite
        try:
            data = t.data if is_stdin else read_bytes(t.fs_path or t.path, t.max_bytes)  # capped, regular files only
            doc = _load(t) if is_stdin else _doc_from(data, t.path)
        except (OSError, InputError) as exc:
            r.error = f"cannot read for fixing: {getattr(exc, 'strerror', None) or exc}"
            continue

        def lint(d: Document, _path=t.path):
            d.corpus.update(corpus)
            for cr in corpus_rules:
                if cr.code not in d.corpus:
                    d.corpus[cr.code] = cr.merge([cr.collect(d, config)])
            found, crashes = run_rules(d, config, rules)
            if baseline is not None:
                found = baseline.filter(_path, found)
            return found, crashes

        outcome = fix_document(doc, lint, unsafe=unsafe)
        run.notices.extend(f"{t.path}:{n}" if n[:1].isdigit() else f"{t.path}: {n}" for n in outcome.notices)
        if outcome.error:
            r.error = outcome.error
            continue
        final = outcome.doc or doc
        if outcome.changed:
            try:
                check_round_trip(doc, data)
                new_bytes = encode_text(outcome.fixed, doc)
            except FixError as exc:
                r.error = str(exc)
                continue
            except UnicodeEncodeError as exc:
                r.error = f"not fixed: the fixed text cannot be written in {doc.encoding} ({exc.reason})"
                continue
        else:
            new_bytes = data
        if not write:
            if new_bytes != data and _wide(doc.encoding):
                run.notices.append(f"{t.path}: no diff shown: a {doc.encoding} file, which git and patch treat as binary (--fix can fix it)")
            d = unified_diff(t.path, data, new_bytes) if not _wide(doc.encoding) else b""
            if d:
                run.diffs.append(d)
                run.fixed_findings += outcome.applied
                run.fixed_files += 1
        elif is_stdin:
            run.stdin_text = new_bytes
            run.fixed_findings += outcome.applied
            run.fixed_files += outcome.changed
        elif outcome.changed:
            try:
                write_atomic(t.fs_path or t.path, new_bytes, expected=data)
            except FixError as exc:
                r.error = str(exc)
                continue
            run.fixed_findings += outcome.applied
            run.fixed_files += 1
        r.findings = outcome.findings
        r.words = final.word_count
        r.source_lines = {  # each line once: a long line with many findings was sliced once per finding
            ln: final.source_line_text(ln) for ln in dict.fromkeys(n for f in outcome.findings for n in range(f.line, f.end_line + 1))
        }
    return run


def _doc_from(data: bytes, path: str) -> Document:
    from .textio import document_from_bytes

    return document_from_bytes(data, path)
