"""B001's unit: a line or sentence of a document, as the boilerplate rules weigh it (see
``boilerplate._units``). A plain class with a dataclass's behaviour (``lint/_records.py``)."""

from __future__ import annotations

from ..lint._records import record


@record(("start", "end", "text", "norm", "words", "punct", "fresh", "para", "idx", "kind", "strong", "header", "legit"))
class Unit:
    __slots__ = ("start", "end", "text", "norm", "words", "punct", "fresh", "para", "idx", "kind", "strong", "header", "legit")

    start: int
    end: int
    text: str
    norm: str
    words: int
    punct: bool  # ends like a sentence
    fresh: bool  # starts a paragraph or follows a finished sentence
    para: int
    idx: int
    kind: str  # why it is boilerplate ("" = not)
    strong: bool
    header: bool
    legit: bool

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        norm: str,
        words: int,
        punct: bool,
        fresh: bool,
        para: int,
        idx: int = 0,
        kind: str = "",
        strong: bool = False,
        header: bool = False,
        legit: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm
        self.words = words
        self.punct = punct
        self.fresh = fresh
        self.para = para
        self.idx = idx
        self.kind = kind
        self.strong = strong
        self.header = header
        self.legit = legit
