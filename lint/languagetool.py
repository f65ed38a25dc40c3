"""The LanguageTool adapter: the one module that talks to a LanguageTool server.

Everything LanguageTool-specific that is not a rule lives here: the HTTP protocol
(``GET /v2/languages``, form ``POST /v2/check``), UTF-16 to code-point offsets, chunking at
paragraph boundaries, timeouts and bounded retry, the per-process result cache, and starting
language-tool-python's managed local server.

Why speak HTTP ourselves instead of calling language-tool-python for everything: a URL mode
then needs nothing beyond the standard library (no GPL package, no ``requests``), we control
timeouts, retry and error messages, and both modes share one code path for offsets, chunking
and caching. language-tool-python (GPL-3.0, the optional extra ``garblint[languagetool]``) is
imported only inside :func:`start_local_server`, i.e. only when the user chose ``local``.

Offsets: LanguageTool is a Java program and counts ``offset``/``length`` in UTF-16 code units;
garblint counts code points. :func:`utf16_to_cp` converts exactly (an astral character such as
an emoji is two UTF-16 units and one code point).
"""
from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from .rule import RuleUnavailable

ENV_URL = "GARBLINT_LANGUAGETOOL_URL"
DEFAULT_MAX_CHARS = 20_000
DEFAULT_TIMEOUT = 30.0
RETRIES = 2  # extra attempts after the first, for connection errors, timeouts, 429 and 5xx
_BACKOFF = 0.4  # seconds, doubled on each retry
_CACHE_LIMIT = 20_000
_USER_AGENT = "garblint"
#: after a failure, later documents fail fast with the same message for this long (seconds)
FAIL_FAST_SECONDS = 60.0
#: LanguageTool Premium (api.languagetoolplus.com) credentials come from the environment only
ENV_USERNAME = "GARBLINT_LANGUAGETOOL_USERNAME"
ENV_API_KEY = "GARBLINT_LANGUAGETOOL_API_KEY"


class LanguageToolUnavailable(RuleUnavailable):
    """LanguageTool cannot be used: server unreachable, HTTP error, timeout, no Java, no extra."""


class LTMatch(NamedTuple):
    """One LanguageTool match, with code-point offsets into the checked document."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str


@dataclass(frozen=True)
class Settings:
    """What the adapter needs from the configuration."""

    server: str  # "local" or a base URL such as http://localhost:8010
    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    max_chars: int = DEFAULT_MAX_CHARS
    timeout: float = DEFAULT_TIMEOUT
    download: bool = False
    required: bool = False

    @classmethod
    def from_config(cls, config: Any) -> "Settings":
        return cls(
            server=config["languagetool"],
            language=config["language"],
            disabled_rules=tuple(sorted(set(config["languagetool-disabled-rules"]))),
            max_chars=config["languagetool-max-chars"],
            timeout=float(config["languagetool-timeout"]),
            download=config["languagetool-download"],
            required=config["languagetool-required"],
        )


# ------------------------------------------------------------------- offsets
def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Java's String.length() gives)."""
    return len(text) + sum(1 for c in text if c > "\uffff") if not text.isascii() else len(text)


def utf16_to_cp(text: str) -> Callable[[int, bool], int]:
    """A function mapping a UTF-16 offset into ``text`` to a code-point offset.

    The second argument says whether the offset is a span end: an offset that falls between the
    two halves of a surrogate pair is rounded outwards (start down, end up), so a span never
    cuts an astral character.
    """
    if text.isascii() or max(text) <= "\uffff":
        return lambda u, is_end=False: max(0, min(u, len(text)))
    astral = [i for i, c in enumerate(text) if c > "\uffff"]
    # UTF-16 offset just past the k-th astral character: its code-point index + k earlier extras + 2.
    after = [a + k + 2 for k, a in enumerate(astral)]
    total = len(text) + len(astral)

    def convert(u: int, is_end: bool = False) -> int:
        u = max(0, min(u, total))
        k = bisect_right(after, u)  # astral characters wholly before u
        if k < len(astral) and astral[k] + k + 1 == u:  # inside the k-th surrogate pair
            return astral[k] + 1 if is_end else astral[k]
        return u - k

    return convert


# ------------------------------------------------------------------ chunking
def _u16(text: str, a: int, b: int) -> int:
    return utf16_len(text[a:b])


def _split_long(text: str, a: int, b: int, limit: int) -> list[tuple[int, int]]:
    """Split text[a:b] (longer than ``limit``) after white space; hard cuts only inside a giant word."""
    out = []
    while _u16(text, a, b) > limit:
        size, cut = 0, a
        while cut < b:
            w = 2 if text[cut] > "\uffff" else 1
            if size + w > limit:
                break
            size += w
            cut += 1
        brk = max(text.rfind(" ", a + 1, cut), text.rfind("\n", a + 1, cut))
        if brk > a + limit // 4:
            cut = brk + 1
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def _pack(text: str, spans: Sequence[tuple[int, int]], limit: int) -> list[list[tuple[int, int]]]:
    """Greedily group consecutive spans so that text[first.start:last.end] stays within ``limit``.

    Sizes are kept as running sums, so packing is linear in the text. A span that alone exceeds
    the limit becomes a group of its own (callers split those first).
    """
    groups: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    size = 0
    for s, e in spans:
        if cur:
            add = _u16(text, cur[-1][1], e)
            if size + add <= limit:
                cur.append((s, e))
                size += add
                continue
            groups.append(cur)
        cur, size = [(s, e)], _u16(text, s, e)
    if cur:
        groups.append(cur)
    return groups


def plan_units(text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int, int]], limit: int) -> list[tuple[int, int]]:
    """Spans to pack into requests: paragraphs, or sentence groups (or pieces) of an over-long one.

    ``sentences`` are (start, end, paragraph index). Every unit is at most ``limit`` UTF-16 units,
    and the units of a paragraph cover it without gaps.
    """
    by_para: dict[int, list[tuple[int, int]]] = {}
    for s, e, p in sentences:
        by_para.setdefault(p, []).append((s, e))
    units: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(paragraphs):
        if _u16(text, a, b) <= limit:
            units.append((a, b))
            continue
        pieces = [(s, e) for s, e in by_para.get(i, []) if a <= s < b] or [(a, b)]
        # the text between sentences stays with the sentence before it, so nothing is lost
        spans = [
            (a if j == 0 else s, pieces[j + 1][0] if j + 1 < len(pieces) else b) for j, (s, _e) in enumerate(pieces)
        ]
        fine: list[tuple[int, int]] = []
        for s, e in spans:
            fine.extend([(s, e)] if _u16(text, s, e) <= limit else _split_long(text, s, e, limit))
        units.extend((g[0][0], g[-1][1]) for g in _pack(text, fine, limit))
    return units


def pack_chunks(text: str, units: Sequence[tuple[int, int]], limit: int) -> list[list[tuple[int, int]]]:
    """Group consecutive units into chunks text[first.start:last.end] of at most ``limit`` UTF-16 units."""
    return _pack(text, units, limit)


# ---------------------------------------------------------------------- HTTP
class HTTPClient:
    """A minimal client of LanguageTool's HTTP API v2, with timeouts and bounded retry."""

    def __init__(self, base_url: str, timeout: float = DEFAULT_TIMEOUT, retries: int = RETRIES) -> None:
        url = base_url.strip()
        if not url.endswith("/"):
            url += "/"
        if not url.rstrip("/").endswith("/v2"):
            url += "v2/"
        self.base = url
        self.display = base_url.strip().rstrip("/")
        self.timeout = timeout
        self.retries = retries

    def _open(self, req: urllib.request.Request, what: str) -> Any:
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(_BACKOFF * 2 ** (attempt - 1))
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    body = resp.read()
            except urllib.error.HTTPError as exc:
                detail = _error_body(exc)
                last = f"HTTP {exc.code}{': ' + detail if detail else ''}"
                if exc.code == 413:
                    raise _TooLong(last) from None
                if exc.code == 429 or exc.code >= 500:
                    continue
                raise LanguageToolUnavailable(f"LanguageTool server at {self.display} refused {what}: {last}") from None
            except (socket.timeout, TimeoutError):
                last = f"no answer within {self.timeout:g} s"
                continue
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, (socket.timeout, TimeoutError)):
                    last = f"no answer within {self.timeout:g} s"
                else:
                    last = getattr(reason, "strerror", None) or str(reason)
                continue
            except (ConnectionError, OSError, http.client.HTTPException) as exc:  # reset or cut mid-answer
                last = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                continue
            try:
                return json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise LanguageToolUnavailable(
                    f"{self.display} did not answer {what} with LanguageTool's JSON (is it a LanguageTool server?)"
                ) from None
        tries = self.retries + 1
        raise LanguageToolUnavailable(
            f"LanguageTool server at {self.display} is unavailable ({last}; {tries} attempt{'s' if tries != 1 else ''})"
        )

    def languages(self) -> list[dict[str, Any]]:
        req = urllib.request.Request(self.base + "languages", headers={"Accept": "application/json", "User-Agent": _USER_AGENT})
        data = self._open(req, "GET /v2/languages")
        if not isinstance(data, list):
            raise LanguageToolUnavailable(f"{self.display}: /v2/languages did not return a list of languages")
        return data

    def check(self, text: str, language: str, disabled_rules: Iterable[str] = ()) -> dict[str, Any]:
        form = {"text": text, "language": language}
        disabled = ",".join(disabled_rules)
        if disabled:
            form["disabledRules"] = disabled
        user, key = os.environ.get(ENV_USERNAME, "").strip(), os.environ.get(ENV_API_KEY, "").strip()
        if user and key:
            form["username"], form["apiKey"] = user, key
        body = urllib.parse.urlencode(form).encode("utf-8")
        req = urllib.request.Request(
            self.base + "check",
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": "application/json",
                "User-Agent": _USER_AGENT,
            },
        )
        data = self._open(req, "POST /v2/check")
        if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
            raise LanguageToolUnavailable(f"{self.display}: /v2/check answered without a 'matches' list")
        return data


class _TooLong(Exception):
    """HTTP 413: the server's text limit is below our chunk size."""


def _error_body(exc: urllib.error.HTTPError) -> str:
    try:
        raw = exc.read().decode("utf-8", "replace")
    except Exception:  # pragma: no cover - a broken error body
        return ""
    line = " ".join(raw.split())
    return line[:160]


# ------------------------------------------------------------------- checker
def parse_match(m: dict[str, Any], base: int, to_cp: Callable[[int, bool], int]) -> LTMatch | None:
    """One match of a /v2/check answer, with offsets mapped into the document."""
    try:
        off, length = int(m["offset"]), int(m["length"])
    except (KeyError, TypeError, ValueError):
        return None
    rule = m.get("rule") if isinstance(m.get("rule"), dict) else {}
    cat = rule.get("category") if isinstance(rule.get("category"), dict) else {}
    repl = tuple(
        r.get("value", "") if isinstance(r, dict) else str(r)
        for r in (m.get("replacements") or [])
        if (r.get("value") if isinstance(r, dict) else r) is not None
    )
    start = to_cp(off, False)
    end = max(start, to_cp(off + length, True))
    return LTMatch(
        start=base + start,
        end=base + end,
        message=str(m.get("message") or rule.get("description") or ""),
        short_message=str(m.get("shortMessage") or ""),
        replacements=repl,
        rule_id=str(rule.get("id") or ""),
        rule_description=str(rule.get("description") or ""),
        issue_type=str(rule.get("issueType") or "uncategorized").lower(),
        category_id=str(cat.get("id") or ""),
        category_name=str(cat.get("name") or ""),
    )


class Checker:
    """Checks documents against one server with one language and rule set (one per process)."""

    def __init__(self, settings: Settings, url: str) -> None:
        self.settings = settings
        self.client = HTTPClient(url, settings.timeout)
        self.version = ""
        self.requests = 0
        self._cache: dict[str, list[tuple[int, int, tuple]]] = {}
        self._failed: LanguageToolUnavailable | None = None
        self._failed_at = 0.0
        self._connected = False
        #: lowered when the server answers 413 (its limit is below languagetool-max-chars)
        self.limit = max(200, settings.max_chars)
        self._sentences: Sequence[tuple[int, int, int]] = ()

    def connect(self) -> None:
        """Check that the server answers, supports the language, and learn its version."""
        if self._connected:
            return
        self._guard(self._connect)
        self._connected = True

    def _connect(self) -> None:
        langs = self.client.languages()
        lang = self.settings.language
        if lang.lower() != "auto":
            known = {str(v).lower() for item in langs if isinstance(item, dict) for v in (item.get("code"), item.get("longCode")) if v}
            if lang.lower() not in known:
                raise LanguageToolUnavailable(
                    f"LanguageTool server at {self.client.display} does not support language '{lang}'"
                    f" (set 'language' to one of its codes or to 'auto')"
                )
        try:
            answer = self.client.check("garblint", lang)
        except _TooLong as exc:
            raise LanguageToolUnavailable(f"LanguageTool server at {self.client.display} refused a one-word check: {exc}") from None
        sw = answer.get("software") if isinstance(answer.get("software"), dict) else {}
        self.version = f"{sw.get('name', 'LanguageTool')} {sw.get('version', '?')} {sw.get('buildDate', '')}".strip()

    def _guard(self, fn: Callable[[], Any]) -> Any:
        if self._failed is not None:
            if time.monotonic() - self._failed_at < FAIL_FAST_SECONDS:
                raise self._failed
            self._failed = None  # a long-lived process tries the server again
        try:
            return fn()
        except LanguageToolUnavailable as exc:
            exc.required = self.settings.required
            self._failed, self._failed_at = exc, time.monotonic()  # later documents fail fast, same message
            raise

    def check_text(self, text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int, int]] = ()) -> list[LTMatch]:
        """All matches in ``text``, checked paragraph-chunk by paragraph-chunk."""
        self.connect()
        self._sentences = sentences
        units = plan_units(text, paragraphs, sentences, self.limit)
        out: list[LTMatch] = []
        for chunk in pack_chunks(text, units, self.limit):
            out.extend(self._guard(lambda: self._check_chunk(text, chunk)))
        out.sort(key=lambda m: (m.start, m.end, m.rule_id))
        return out

    def _key(self, chunk: str) -> str:
        s = self.settings
        h = hashlib.sha256()
        for part in (self.client.base, self.version, s.language, ",".join(s.disabled_rules), chunk):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
        return h.hexdigest()

    def _check_chunk(self, text: str, units: list[tuple[int, int]]) -> list[LTMatch]:
        a, b = units[0][0], units[-1][1]
        chunk = text[a:b]
        key = self._key(chunk)
        cached = self._cache.get(key)
        if cached is None:
            try:
                self.requests += 1
                answer = self.client.check(chunk, self.settings.language, self.settings.disabled_rules)
            except _TooLong as exc:
                size = utf16_len(chunk)
                self.limit = min(self.limit, max(100, size // 2))
                if len(units) > 1:
                    mid = len(units) // 2
                    return self._check_chunk(text, units[:mid]) + self._check_chunk(text, units[mid:])
                if size > 100:  # one paragraph: re-plan it at half the size, at sentences if known
                    sents = [(x, y, 0) for x, y, _p in self._sentences if a <= x < b]
                    parts = plan_units(text, [(a, b)], sents, max(100, size // 2))
                    if len(parts) > 1:
                        return [m for part in parts for m in self._check_chunk(text, [part])]
                raise LanguageToolUnavailable(
                    f"LanguageTool server at {self.client.display} refused a text of {utf16_len(chunk)} characters"
                    f" as too long ({exc}); lower 'languagetool-max-chars'"
                ) from None
            to_cp = utf16_to_cp(chunk)
            parsed = [p for p in (parse_match(m, 0, to_cp) for m in answer["matches"] if isinstance(m, dict)) if p]
            cached = [(p.start, p.end, p[2:]) for p in parsed]
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = cached
        disabled = set(self.settings.disabled_rules)
        return [LTMatch(a + s, a + e, *rest) for s, e, rest in cached if rest[3] not in disabled]


# ------------------------------------------------------- per-process registry
_CHECKERS: dict[tuple[Settings, str], Checker] = {}
_LOCAL: dict[str, Any] = {}
_LOCK = threading.Lock()


def server_url(settings: Settings) -> str:
    """The base URL for ``settings``: the configured URL, or a started local server's."""
    if settings.server == "local":
        return start_local_server(settings)
    return settings.server


def get_checker(settings: Settings) -> Checker:
    with _LOCK:
        url = server_url(settings)
        key = (settings, url)
        checker = _CHECKERS.get(key)
        if checker is None:
            checker = _CHECKERS[key] = Checker(settings, url)
        return checker


def check_document(doc: Any, settings: Settings) -> list[LTMatch]:
    """LanguageTool's matches for a :class:`~garblint.lint.document.Document`."""
    checker = get_checker(settings)
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    if not paragraphs:
        return []
    limit, text = checker.limit, doc.text
    long_paragraph = any(b - a > limit // 2 and _u16(text, a, b) > limit for a, b in paragraphs)
    sentences = [(s.start, s.end, s.paragraph) for s in doc.sentences] if long_paragraph else []
    return checker.check_text(text, paragraphs, sentences)


def prepare(config: Any) -> Any:
    """For the CLI, before linting: start the local server or probe the URL, once.

    Returns the config with ``languagetool`` set to the server's URL, so worker processes use
    the one server; raises :class:`LanguageToolUnavailable` with a one-line reason.
    """
    settings = Settings.from_config(config)
    try:
        checker = get_checker(settings)
        checker.connect()
    except LanguageToolUnavailable as exc:
        exc.required = settings.required
        raise
    if settings.server == "local":
        return config.merged({"languagetool": checker.client.base})
    return config


# -------------------------------------------------------------- local server
def start_local_server(settings: Settings) -> str:
    """Start language-tool-python's managed server once per process; return its base URL.

    Never downloads LanguageTool unless ``languagetool-download`` is on: a missing download is
    reported with the way to allow it.
    """
    if "url" in _LOCAL:
        return _LOCAL["url"]
    if "error" in _LOCAL:
        raise _LOCAL["error"]
    try:
        url = _start_local(settings)
    except LanguageToolUnavailable as exc:
        exc.required = settings.required
        _LOCAL["error"] = exc
        raise
    _LOCAL["url"] = url
    return url


def _start_local(settings: Settings) -> str:
    if shutil.which("java") is None:
        raise LanguageToolUnavailable(
            "languagetool = \"local\" needs Java 17 or newer on PATH, and none was found"
            " (install a JDK/JRE, or point 'languagetool' at a running server's URL)"
        )
    try:
        import language_tool_python as ltp  # GPL-3.0: imported only here, only for local mode
        from language_tool_python import download_lt
    except ImportError:
        raise LanguageToolUnavailable(
            "languagetool = \"local\" needs the optional extra: pip install 'garblint[languagetool]'"
        ) from None
    version = getattr(download_lt, "LTP_DOWNLOAD_VERSION", "")
    have_jar_dir = bool(os.environ.get("LTP_JAR_DIR_PATH"))
    if not have_jar_dir and not settings.download:
        try:
            installed = download_lt.LocalLanguageTool.get_installed_versions()
            wanted = download_lt.LocalLanguageTool.from_version_name(version)
            present = wanted in installed
        except Exception:  # an older or newer language-tool-python: do not guess, do not download
            present = False
        if not present:
            raise LanguageToolUnavailable(
                f"LanguageTool {version} is not downloaded for local mode (about 250 MB);"
                " allow the download once with --languagetool-download (or languagetool-download = true),"
                f" or unpack it as LanguageTool-{version} in the folder LTP_PATH names"
                " (default ~/.cache/language_tool_python)"
            )
    lang = "en-US" if settings.language.lower() == "auto" else settings.language
    try:
        tool = ltp.LanguageTool(lang)
    except (Exception, SystemExit) as exc:  # JavaError, ServerError, PathError, a failed download, ...
        # (language-tool-python raises SystemExit on a Java version it cannot parse)
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise LanguageToolUnavailable(f"could not start a local LanguageTool server: {reason}") from None
    _LOCAL["tool"] = tool  # keep it alive; language-tool-python stops it at exit
    return str(tool.url)


def reset() -> None:
    """Forget checkers, caches and failures and stop a local server (tests; long-lived processes)."""
    with _LOCK:
        _CHECKERS.clear()
        _LOCAL.pop("error", None)
        _LOCAL.pop("url", None)
        tool = _LOCAL.pop("tool", None)
    if tool is not None:
        try:
            tool.close()
        except Exception:  # pragma: no cover - already gone
            pass
