"""The lines of the lexicon index (``lint/lexicon.py``), made from the installed word lists.

A run makes them once per machine, the first time it needs the index (then the index file in
the data cache folder is read instead); a CI runner or a container that starts with an empty
cache folder makes them on every run, so they are made with as few steps per word as the
result allows (one pass over each list, each line made where its word's facts are at hand,
one sort of the lines).
"""

from __future__ import annotations

from itertools import compress, filterfalse, repeat
import operator
from operator import ge, itemgetter
from typing import Iterator

from .hunspell import hunspell_files as _hunspell_files
from .hunspell import hunspell_forms
from .lazyre import lazy_re

#: other languages whose common words (Zipf >= 3.5 there) the index records, for U001 and
#: for keeping S001 off foreign words
FOREIGN_LANGUAGES = ("es", "pt", "fr", "de", "it", "nl", "id", "vi", "pl", "tr", "sv", "ro")
_FOREIGN_MIN_BUCKET = 550  # Zipf 3.5

#: a word the index keeps: letters, joined by single apostrophes or hyphens. (Every word of
#: letters only matches it too, so it alone decides; ``$`` also matches before a final line
#: feed, which no listed word has.)
_INDEX_WORD = lazy_re(r"^[^\W\d_]+(?:['\-][^\W\d_]+)*$")


def _wordfreq_buckets(lang: str, last: int | None = None) -> Iterator[list[str]]:
    """The word lists of wordfreq's ``large`` list for ``lang`` (its ``small`` one where there
    is no large one, as ``wordfreq.get_frequency_list`` chooses for these languages): bucket i
    holds the words of frequency 10^(-i/100), alphabetically. Read from the data file as a
    stream, up to bucket ``last``: neither wordfreq's import (0.3 s) nor a whole list in memory."""
    import gzip

    import msgpack  # wordfreq's own dependency

    from .lexicon import _package_dir

    wf = _package_dir("wordfreq")
    if wf is None:  # pragma: no cover - wordfreq is a dependency
        return
    path = wf / "data" / f"large_{lang}.msgpack.gz"
    if not path.is_file():
        path = wf / "data" / f"small_{lang}.msgpack.gz"
    with gzip.open(path, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False, max_buffer_size=1 << 30)
        n = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: unexpected header {header!r}")
        for i in range(n - 1):
            if last is not None and i > last:
                return
            yield unpacker.unpack()


def _first_zipfs(lang: str, last: int | None = None) -> dict[str, int]:
    """Index word -> Zipf*100 of the first (commonest) bucket of ``lang`` that lists it. The
    dict's keys come bucket by bucket, each bucket's in its alphabetical order."""
    zipfs: dict[str, int] = {}
    match = _INDEX_WORD.match
    for i, bucket in enumerate(_wordfreq_buckets(lang, last)):
        z = 900 - i  # bucket i holds words of frequency 10^(-i/100): Zipf 9 - i/100
        for w in bucket:
            # (every word of letters only matches _INDEX_WORD: the C test first)
            if w not in zipfs and (w.isalpha() or match(w) is not None):
                zipfs[w] = z
    return zipfs


#: a character that sorts before the tab that ends a line's word (see build_index_lines)
_BEFORE_TAB = lazy_re(r"[\x00-\t]")


def build_index_lines() -> list[str]:
    """``word<TAB>zipf*100<TAB>1 if a dictionary word else 0<TAB>language<TAB>its zipf*100``
    lines, sorted by word; the language is the other language (of FOREIGN_LANGUAGES) where
    the word is commonest, if it is common there (the first of them in that order on a tie).
    A word in no English bucket, or in one past Zipf 0, has English Zipf 0.

    The lines are made in the order the words were read (each made where its word's facts are
    at hand) and then sorted themselves: the same order as the words', since no word holds a
    character that sorts before the tab after it (checked; where one does, the lines are sorted
    by their words). The English words come bucket by bucket, runs already in alphabetical
    order, which the sort merges cheaply."""
    from .lexicon import frequencies

    zipfs: dict[str, int] = {}
    foreign_z: dict[str, int] = {}
    foreign_lang: dict[str, str] = {}
    try:
        zipfs = _first_zipfs("en")
        # the languages last to first, each word's value replaced by an equal or greater one:
        # what is left is its greatest, from the first language that has it
        for lang in reversed(FOREIGN_LANGUAGES):
            mine = _first_zipfs(lang, _FOREIGN_MIN_BUCKET)
            kept = list(compress(mine.items(), map(ge, mine.values(), map(foreign_z.get, mine, repeat(-1)))))
            foreign_z.update(kept)
            foreign_lang.update(zip(map(itemgetter(0), kept), repeat(lang)))
    except ImportError:  # pragma: no cover - wordfreq (and msgpack) are dependencies
        pass
    dictionary: set[str] = set()
    for dic, aff in _hunspell_files():
        try:
            dictionary |= hunspell_forms(dic.read_text(encoding="utf-8", errors="replace"), aff.read_text(encoding="utf-8", errors="replace"))
        except (OSError, UnicodeError):
            pass
    dictionary.update(frequencies())
    # the fields after an English word that has no foreign entry, made once per value
    plain = {z: (f"\t{max(z, 0)}\t0\t\t0", f"\t{max(z, 0)}\t1\t\t0") for z in set(zipfs.values())}
    lines: list[str] = []
    add = lines.append
    get_f, in_dict = foreign_z.get, dictionary.__contains__
    for w, z in zipfs.items():
        f = get_f(w)
        if f is None:
            add(w + plain[z][in_dict(w)])
        else:
            add(f"{w}\t{max(z, 0)}\t{1 if in_dict(w) else 0}\t{foreign_lang[w]}\t{f}")
    for w in filterfalse(zipfs.__contains__, foreign_z):
        add(f"{w}\t0\t{1 if in_dict(w) else 0}\t{foreign_lang[w]}\t{foreign_z[w]}")
    rest = dictionary.difference(zipfs, foreign_z)
    lines += map(operator.add, rest, repeat("\t0\t1\t\t0"))
    if _BEFORE_TAB.search("\n".join(rest)) is None:  # (the words of the lists above are letters)
        lines.sort()
    else:
        lines.sort(key=lambda line: line[: line.index("\t")])
    return lines
