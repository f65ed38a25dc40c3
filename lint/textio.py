"""Reading files into Documents: decoding once, remembering encoding, BOM and newline style."""
from __future__ import annotations

import codecs
import os
import stat

from .document import Document
from ._records import record
from .markup import blank, mask_layers  # (at the top: an import in the function cost 2 us a document)


def content_digest(data: bytes) -> str:
    """The digest that keys a file's cached result (its bytes' SHA-256)."""
    import hashlib  # (only with the result cache: OpenSSL's start-up is not a one-line run's)

    return hashlib.sha256(data).hexdigest()

#: Files larger than this are refused with a clear message rather than exhausting memory
#: (the default of the ``max-file-size`` setting, in MiB)
MAX_FILE_MIB = 512
MAX_FILE_BYTES = MAX_FILE_MIB * 1024 * 1024


class InputError(Exception):
    """A file that cannot be linted; the message is one line and names no path (the caller does)."""


class BinaryFile(InputError):
    """A file that looks binary: skipped with a notice, not an error."""


class NotRegularFile(BinaryFile):
    """A FIFO, socket or device: skipped with a notice, never read."""


def file_kind(mode: int) -> str:
    """A reader's name for a non-regular file type (for notices)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def not_regular_message(mode: int) -> str:
    return f"{file_kind(mode)}, not a regular file: skipped (pipe text to 'garblint check -' instead)"


@record(("text", "encoding", "bom", "newline", "note"))
class Decoded:
    text: str
    encoding: str
    bom: bool
    newline: str
    note: str | None  # set when the bytes were not valid UTF-8

    def __init__(self, text: str, encoding: str, bom: bool, newline: str, note: str | None) -> None:
        self.text = text
        self.encoding = encoding
        self.bom = bom
        self.newline = newline
        self.note = note


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


def read_document(path: str, display_path: str | None = None, limit: int | None = None) -> Document:
    """Read and decode ``path``. Raises InputError (or BinaryFile) with a one-line reason."""
    return document_from_bytes(read_bytes(path, limit), display_path or path)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _over(limit: int) -> InputError:
    mib = limit / (1024 * 1024)
    shown = f"{mib:.0f}" if mib >= 1 else f"{mib:.2f}"
    return InputError(f"file is over the {shown} MiB limit (max-file-size); not read")


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """Read ``path``'s bytes, at most ``limit`` (default MAX_FILE_BYTES). Raises InputError with a
    one-line reason, NotRegularFile for a FIFO, socket or device.

    The file is opened without blocking (a FIFO with no writer would wait forever) and checked
    to be a regular file before anything is read; the read stops after ``limit`` bytes even
    where the size the file system reports is wrong (``/proc``, a file that grows)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(not_regular_message(st.st_mode))
        if st.st_size > limit:
            raise _over(limit)
        # os.read, not a buffered file object: 2,000 small files read in half the time
        chunks = [os.read(fd, st.st_size + 1)]
        total = len(chunks[0])
        while total != st.st_size and total <= limit:  # it grew, reports no size (/proc) or was read short
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise _over(limit)
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return data


def document_from_bytes(data: bytes, path: str | None) -> Document:
    dec = decode_bytes(data)
    return make_document(dec.text, path, encoding=dec.encoding, encoding_note=dec.note, bom=dec.bom, newline=dec.newline)


def make_document(text: str, path: str | None = None, **kwargs) -> Document:
    """A Document for ``text``: Markdown (by ``path``'s extension) and suppression directives
    are masked, so rules read prose only while offsets stay those of the original text."""
    masks, layout = mask_layers(text, path)
    if not masks:
        return Document(text, path, **kwargs)
    return Document(blank(text, masks), path, source=text, masks=tuple(masks), layout=tuple(layout), **kwargs)
