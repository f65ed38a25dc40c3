"""Two or more jobs on one big file, where ``fork`` is safe: the Document is built once, its
words and sentences included, and then shared with forked children, which see it through
copy-on-write memory instead of building it again from the text.

The rules' families (``Rule.family``; a family shares its analyses) are dealt out as they come
free: each family's number is one byte in a pipe that the processes read one byte at a time
(a read of one byte from a pipe is atomic), heaviest families first (``Rule.family_cost``). So a
process that finishes early takes the next family, and no cost model has to be right for the
input at hand. Each child sends back, pickled through its own pipe, what its families found.
A child that is lost (killed, out of memory) reports nothing: the main process runs its
families again. Findings come back in the rules' order, so they are those of one process.

Used only on Linux and only while this process runs a single thread (``available``): a fork
copies no other thread, and a lock another thread held would stay locked in the child.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from typing import Sequence

from .document import Document
from .config import Config
from .finding import Finding
from .rule import Rule
from .runner import Notice, run_rules
from .workers import die_with_parent

#: per rule code: its raw findings, crash messages and notices
_Results = dict[str, tuple[list[Finding], list[str], list[Notice]]]


def can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def available() -> bool:
    """Whether forked children may share this process's documents now."""
    return can_fork() and threading.active_count() == 1


def families(rules: Sequence[Rule]) -> list[list[Rule]]:
    """The rules by family, each in the rules' order, heaviest family first."""
    groups: dict[str, list[Rule]] = {}
    for r in rules:
        groups.setdefault(r.family, []).append(r)
    return sorted(groups.values(), key=lambda g: -max(r.family_cost for r in g))


def run_family(doc: Document, config: Config, rules: Sequence[Rule]) -> _Results:
    """One family's rules on ``doc`` (corpus rules collect their facts first, as in one process)."""
    out: _Results = {}
    for r in rules:
        if r.corpus and r.code not in doc.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    for r in rules:
        notices: list[Notice] = []
        findings, crashes = run_rules(doc, config, [r], notices, finish=False)
        out[r.code] = (findings, crashes, notices)
    return out


def _claim_and_run(doc: Document, config: Config, groups: list[list[Rule]], tokens: int) -> _Results:
    out: _Results = {}
    while True:
        token = os.read(tokens, 1)
        if not token:
            return out
        out.update(run_family(doc, config, groups[token[0]]))


def _child(doc: Document, config: Config, groups: list[list[Rule]], tokens: int, write: int, parent: int) -> None:
    """A forked child: claim families until none are left, send the results, end (never returns)."""
    status = 1
    try:
        die_with_parent(parent)
        payload = pickle.dumps(_claim_and_run(doc, config, groups, tokens), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as out:
            out.write(payload)
        status = 0
    except BaseException:  # nothing may unwind into the parent's code: its caller runs our share
        pass
    finally:
        os._exit(status)


def _read_all(fd: int) -> bytes:
    with os.fdopen(fd, "rb") as f:
        return f.read()


def run_shared(doc: Document, config: Config, rules: Sequence[Rule], children: int, notices: list[Notice]) -> tuple[list[Finding], list[str]]:
    """Run ``rules`` on ``doc`` in this process and ``children`` forked ones; return the raw
    findings and crash messages in the rules' order (as :func:`run_rules` with ``finish=False``)."""
    groups = families(rules)
    tokens, fill = os.pipe()
    os.write(fill, bytes(range(min(len(groups), 255))))
    os.close(fill)
    kids: list[tuple[int, int]] = []
    results: _Results = {}
    try:
        for _ in range(children):
            read, write = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # no process to be had (a limit, memory): this one does the rest
                os.close(read)
                os.close(write)
                break
            if pid == 0:
                os.close(read)
                _child(doc, config, groups, tokens, write, os.getppid())
            os.close(write)
            kids.append((pid, read))
        results.update(_claim_and_run(doc, config, groups, tokens))
        while kids:
            pid, read = kids.pop()
            try:
                data = _read_all(read)
                results.update(pickle.loads(data))
            except Exception:  # a child lost: its families are run below
                pass
            os.waitpid(pid, 0)
    finally:
        os.close(tokens)
        for pid, read in kids:  # only when this process is interrupted: stop the children
            _stop(pid, read)
    for group in groups:  # what no child reported (and the 256th family on), here
        if any(r.code not in results for r in group):
            results.update(run_family(doc, config, group))
    findings: list[Finding] = []
    crashes: list[str] = []
    for r in rules:
        more, more_crashes, more_notices = results[r.code]
        findings.extend(more)
        crashes.extend(c for c in more_crashes if c not in crashes)
        notices.extend(more_notices)
    return findings, crashes


def _stop(pid: int, read: int) -> None:
    import signal

    for step in (lambda: os.close(read), lambda: os.kill(pid, signal.SIGKILL), lambda: os.waitpid(pid, 0)):
        try:
            step()
        except OSError:
            pass
