"""Reading files into Documents: decoding once, remembering encoding, BOM and newline style."""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from .document import Document

#: Files larger than this are refused with a clear message rather than exhausting memory.
MAX_FILE_BYTES = 512 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be linted; the message is one line and names no path (the caller does)."""


class BinaryFile(InputError):
    """A file that looks binary: skipped with a notice, not an error."""


@dataclass
class Decoded:
    text: str
    encoding: str
    bom: bool
    newline: str
    note: str | None  # set when the bytes were not valid UTF-8


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def detect_newline(text: str) -> str:
    i = text.find("\n")
    j = text.find("\r")
    if j != -1 and (i == -1 or j < i):
        return "\r\n" if text.startswith("\r\n", j) else "\r"
    return "\n"


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes: BOM, then strict UTF-8, then a detected legacy encoding."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"has a {enc} byte-order mark but invalid {enc} at byte {exc.start}") from None
            return Decoded(text, enc, True, detect_newline(text), None if enc == "utf-8" else f"decoded as {enc} (byte-order mark)")
    if b"\x00" in data[:8192] or b"\x00" in data[-8192:]:
        raise BinaryFile("binary file (contains NUL bytes), skipped")
    try:
        text = data.decode("utf-8")
        return Decoded(text, "utf-8", False, detect_newline(text), None)
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    enc, how = _guess_legacy(data)
    text = data.decode(enc, errors="replace")
    note = f"not valid UTF-8 (first bad byte at offset {bad_at}); decoded as {enc} ({how})"
    return Decoded(text, enc, False, detect_newline(text), note)


def _guess_legacy(data: bytes) -> tuple[str, str]:
    try:
        import chardet

        sample = data if len(data) <= 1 << 20 else data[: 1 << 20]
        guess = chardet.detect(sample)
        enc = (guess.get("encoding") or "").lower()
        conf = guess.get("confidence") or 0.0
        if enc and conf >= 0.6 and enc not in ("ascii", "utf-8"):
            codecs.lookup(enc)
            data.decode(enc)
            return enc, f"detected by chardet, confidence {conf:.2f}"
    except (ImportError, LookupError, UnicodeDecodeError, ValueError):
        pass
    try:
        data.decode("cp1252")
        return "cp1252", "Windows-1252 assumed"
    except UnicodeDecodeError:
        return "latin-1", "Latin-1 assumed"


def read_document(path: str, display_path: str | None = None) -> Document:
    """Read and decode ``path``. Raises InputError (or BinaryFile) with a one-line reason."""
    return document_from_bytes(read_bytes(path), display_path or path)


def read_bytes(path: str) -> bytes:
    """Read ``path``'s bytes. Raises InputError with a one-line reason."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise InputError(f"file is {size // (1024 * 1024)} MiB, over the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit")
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    return data


def document_from_bytes(data: bytes, path: str | None) -> Document:
    dec = decode_bytes(data)
    return make_document(dec.text, path, encoding=dec.encoding, encoding_note=dec.note, bom=dec.bom, newline=dec.newline)


def make_document(text: str, path: str | None = None, **kwargs) -> Document:
    """A Document for ``text``: Markdown (by ``path``'s extension) and suppression directives
    are masked, so rules read prose only while offsets stay those of the original text."""
    from .markup import blank, mask_regions

    masks = mask_regions(text, path)
    if not masks:
        return Document(text, path, **kwargs)
    return Document(blank(text, masks), path, source=text, masks=tuple(masks), **kwargs)
