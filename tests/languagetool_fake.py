"""A small LanguageTool stand-in for tests: a real HTTP server on 127.0.0.1 that speaks API v2.

It implements what garblint uses of the protocol, faithfully: ``GET /v2/languages``; form
``POST /v2/check`` with ``text`` or ``data`` (JSON annotation), ``language``,
``enabledRules``/``disabledRules``/``enabledOnly``; HTTP 400 for an unknown language and 413 for
a text over the server's limit; the real answer shape (software, warnings, language, matches
with message, shortMessage, replacements, offset, length, context, sentence, rule{id,
description, issueType, category{id, name}}), with offsets and lengths in UTF-16 code units as
Java counts them.

The checker inside is tiny and deterministic: a few known misspellings, capitalised words it does
not know (as LanguageTool flags rare names), doubled words, white space before a comma or full
stop, "a" before a vowel, and an unpaired straight double quote.
"""
from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]
MISSPELLINGS = {"teh": ["the", "ten", "tea"], "recieve": ["receive"], "recieved": ["received"], "adress": ["address", "dress"], "wierd": ["weird", "wired"]}
KNOWN_CAPITALISED = {"I", "London", "Monday", "Tuesday", "English", "March", "Paris", "Europe", "City", "Council", "Mr", "Ms", "Dr"}
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_DOUBLE = re.compile(r"\b([^\W\d_]+)(\s+)(\1)\b", re.I)
_SPACE_BEFORE = re.compile(r"[ \t]+(?=[,.](?!\d))")
_A_VOWEL = re.compile(r"\b([Aa]) ([aeiouAEIOU][^\W\d_]*)")


def u16(s: str) -> int:
    """Java's String.length(): UTF-16 code units (computed independently of garblint's code)."""
    return len(s.encode("utf-16-le")) // 2


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*\n", text):
        starts.add(m.end())
    return starts


def check_text(text: str) -> list[dict[str, Any]]:
    """Matches with code-point offsets (converted to UTF-16 by the caller)."""
    out: list[dict[str, Any]] = []
    starts = _sentence_starts(text)

    def add(a, b, rule, desc, issue, cat, catname, msg, short, repl):
        out.append(dict(start=a, end=b, rule=rule, desc=desc, issue=issue, cat=cat, catname=catname, msg=msg, short=short, repl=repl))

    for m in _WORD.finditer(text):
        w = m.group()
        low = w.lower()
        if low in MISSPELLINGS:
            add(m.start(), m.end(), "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "misspelling", "TYPOS",
                "Possible Typo", "Possible spelling mistake found.", "Spelling mistake", MISSPELLINGS[low])
        elif w[:1].isupper() and len(w) > 1 and w.split("'")[0].split("\u2019")[0] not in KNOWN_CAPITALISED and m.start() not in starts:
            name = re.split(r"['\u2019]", w)[0]
            add(m.start(), m.start() + len(name), "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "misspelling",
                "TYPOS", "Possible Typo", "Possible spelling mistake found.", "Spelling mistake", [name[:-1], name + "e"])
    for m in _DOUBLE.finditer(text):
        if m.group(1) == m.group(3) and "\n\n" not in m.group(2):
            add(m.start(), m.end(), "ENGLISH_WORD_REPEAT_RULE", "Word repetition (e.g. 'will will')", "duplication",
                "MISC", "Miscellaneous", "Possible typo: you repeated a word.", "Word repetition", [m.group(1)])
    for m in _SPACE_BEFORE.finditer(text):
        p = text[m.end()]
        add(m.start(), m.end() + 1, "COMMA_PARENTHESIS_WHITESPACE", "Use of whitespace before comma and before/after parentheses",
            "whitespace", "TYPOGRAPHY", "Typography", "Don't put a space before the full stop or comma.", "", [p])
    for m in _A_VOWEL.finditer(text):
        repl = "An" if m.group(1) == "A" else "an"
        add(m.start(1), m.end(1), "EN_A_VS_AN", "Use of 'a' vs. 'an'", "grammar", "GRAMMAR", "Grammar",
            f"Use \u201c{repl}\u201d instead of \u2018{m.group(1)}\u2019 if the following word starts with a vowel sound.", "Wrong article", [repl])
    quotes = [i for i, c in enumerate(text) if c == '"']
    if len(quotes) % 2:
        q = quotes[-1]
        add(q, q + 1, "EN_UNPAIRED_QUOTES", "Unpaired quotes", "typographical", "PUNCTUATION", "Punctuation",
            "Unpaired symbol: \u2018\"\u2019 seems to be missing", "", [])
    out.sort(key=lambda d: (d["start"], d["end"]))
    return out


def _annotation_text(data: str) -> tuple[str, list[int]]:
    """The text to check from a ``data`` annotation, and each checked character's original offset."""
    parsed = json.loads(data)
    checked: list[str] = []
    origin: list[int] = []
    pos = 0
    for part in parsed["annotation"]:
        if "text" in part:
            for c in part["text"]:
                checked.append(c)
                origin.append(pos)
                pos += 1
        else:
            markup = part.get("markup", "")
            for c in part.get("interpretAs", ""):
                checked.append(c)
                origin.append(pos)
            pos += len(markup)
    origin.append(pos)
    return "".join(checked), origin


class FakeLanguageTool:
    """Start with ``with FakeLanguageTool() as lt: lt.url``. ``requests`` records every request."""

    def __init__(self, *, max_text_length: int | None = None, delay: float = 0.0, fail_first: int = 0,
                 fail_status: int = 503, version: str = "6.9-fake", answer: bytes | None = None,
                 fail_after: int | None = None) -> None:
        self.max_text_length = max_text_length
        self.delay = delay
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.version = version
        self.answer = answer  # a fixed raw body for /v2/check (for broken-server tests)
        self.fail_after = fail_after  # answer fail_status to every request after this many
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ lifecycle
    def __enter__(self) -> "FakeLanguageTool":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def checks(self) -> list[dict[str, str]]:
        """The forms of the /v2/check requests, in order."""
        return [form for method, path, form in self.requests if path == "/v2/check"]

    # ------------------------------------------------------------- protocol
    def _send(self, h: BaseHTTPRequestHandler, status: int, body: Any, ctype: str = "application/json") -> None:
        raw = body if isinstance(body, bytes) else (json.dumps(body).encode("utf-8") if ctype == "application/json" else str(body).encode("utf-8"))
        h.send_response(status)
        h.send_header("Content-Type", ctype + "; charset=utf-8")
        h.send_header("Content-Length", str(len(raw)))
        h.end_headers()
        h.wfile.write(raw)

    def _handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        parsed = urllib.parse.urlsplit(h.path)
        form: dict[str, str] = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        if method == "POST":
            length = int(h.headers.get("Content-Length") or 0)
            raw = h.rfile.read(length).decode("utf-8")
            form.update(urllib.parse.parse_qsl(raw, keep_blank_values=True))
        with self._lock:
            self.requests.append((method, parsed.path, form))
            failing = self.fail_first > 0 or (self.fail_after is not None and len(self.requests) > self.fail_after)
            if self.fail_first > 0:
                self.fail_first -= 1
        if self.delay:
            time.sleep(self.delay)
        if failing:
            return self._send(h, self.fail_status, "Error: temporarily unavailable", "text/plain")
        if parsed.path == "/v2/languages" and method == "GET":
            return self._send(h, 200, LANGUAGES)
        if parsed.path == "/v2/check" and method in ("GET", "POST"):
            return self._check(h, form)
        return self._send(h, 404, f"Error: no such endpoint {parsed.path}", "text/plain")

    def _check(self, h: BaseHTTPRequestHandler, form: dict[str, str]) -> None:
        if self.answer is not None:
            return self._send(h, 200, self.answer)
        lang = form.get("language")
        codes = {l["longCode"].lower() for l in LANGUAGES} | {l["code"].lower() for l in LANGUAGES} | {"auto"}
        if not lang or lang.lower() not in codes:
            return self._send(h, 400, f"Error: '{lang}' is not a language code known to LanguageTool.", "text/plain")
        if "text" in form:
            original = form["text"]
            checked, origin = original, list(range(len(original) + 1))
        elif "data" in form:
            try:
                checked, origin = _annotation_text(form["data"])
            except (ValueError, KeyError, TypeError):
                return self._send(h, 400, "Error: could not parse 'data'", "text/plain")
            original = None
        else:
            return self._send(h, 400, "Error: Missing 'text' or 'data' parameter", "text/plain")
        if self.max_text_length is not None and u16(checked) > self.max_text_length:
            return self._send(
                h, 413,
                f"Error: Your text exceeds the limit of {self.max_text_length} characters (it's {u16(checked)} characters). Please submit a shorter text.",
                "text/plain",
            )
        disabled = {r for r in form.get("disabledRules", "").split(",") if r}
        enabled = {r for r in form.get("enabledRules", "").split(",") if r}
        only = form.get("enabledOnly", "false") == "true"
        full = original if original is not None else None
        matches = []
        for m in check_text(checked):
            if m["rule"] in disabled or (only and m["rule"] not in enabled):
                continue
            a, b = origin[m["start"]], origin[m["end"]]
            if full is None:  # data: offsets count the markup too; rebuild the original for context
                full = "".join(p.get("text", p.get("markup", "")) for p in json.loads(form["data"])["annotation"])
            ctx_a, ctx_b = max(0, a - 20), min(len(full), b + 20)
            sent_a = max(full.rfind(". ", 0, a) + 2, 0) if full.rfind(". ", 0, a) >= 0 else 0
            sent_b = full.find(". ", b)
            sentence = full[sent_a : (sent_b + 1 if sent_b >= 0 else len(full))]
            matches.append({
                "message": m["msg"],
                "shortMessage": m["short"],
                "replacements": [{"value": r} for r in m["repl"]],
                "offset": u16(full[:a]),
                "length": u16(full[a:b]),
                "context": {"text": full[ctx_a:ctx_b], "offset": u16(full[ctx_a:a]), "length": u16(full[a:b])},
                "sentence": sentence,
                "type": {"typeName": "UnknownWord" if m["issue"] == "misspelling" else "Other"},
                "rule": {
                    "id": m["rule"],
                    "description": m["desc"],
                    "issueType": m["issue"],
                    "category": {"id": m["cat"], "name": m["catname"]},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            })
        long_name = next((l["name"] for l in LANGUAGES if l["longCode"].lower() == lang.lower()), "English (US)")
        self._send(h, 200, {
            "software": {"name": "LanguageTool", "version": self.version, "buildDate": "2026-01-01 00:00:00 +0000",
                         "apiVersion": 1, "premium": False, "premiumHint": "", "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": long_name, "code": lang,
                         "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.93}},
            "matches": matches,
        })
