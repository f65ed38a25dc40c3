"""Words of technical documentation that no dictionary lists but are no misspellings (S001).

Manuals and READMEs name commands, files, settings and abbreviations in their prose: "egrep",
"the user's umask", "xattr keys", ".cvsignore", "the ith character". Dictionaries lack them and
the noisy channel finds a close word for each ("umask" -> "mask"). The classes here describe
such words from the document itself, never from a list of seen words:

* a lower-case abbreviation in brackets that the words just before it spell out ("the
  back_color_erase (bce) capability"), or an ending in brackets ("DIRECTORY(ies)"), in any
  document; so is a word of one of the document's web addresses, a project's or a site's name
  ("[webargs](https://github.com/marshmallow-code/webargs)");
* in a technical document (:func:`garblint.lint.markup.technical`: code, options or tables
  blanked on one line in twelve; or :func:`code_vocabulary`: three signs of code in the text):

  - a word written twice or more: a term recurs, the same slip seldom does;
  - a known word of four letters or more with a short affix: in front one letter, two or
    three consonants, or a short word that is no function word (u+mask, m+time, c+locale,
    doc+name, py+test); behind one to three consonants (show+pkg, post+rm), never vowels, so
    a doubled letter or a wrong ending ("comming") is still a slip: how command and setting
    names are made. Words run together with a function word ("infact") are O003's, looked
    at before;
  - a letter and "th" ("the ith element", "the nth"): an ordinal of a variable;
  - a word that contains one of the document's code terms of four letters or more ("egrep"
    beside ``grep``);
  - a name by its context: followed by a version ("libtiff 3.6.0", "gcc v2.95") or a manual
    section ("utmp(5)"); beside a noun naming a kind of software thing ("the dladdr
    function", "the command fsck", "zstd encoding": rules/data/code-kind-nouns.txt); an item of
    a list of single words another item of which is no common word ("gzip, deflate, brotli,
    and zstd", "amd64, i386, lpia and sparc").
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress
from typing import Mapping

from ..lint import lexicon, nearwords
from ..lint._commonwords import common_words
from ..lint.lazyre import lazy_re
from ..lint.wordlists import word_set
from ..lint.inlinecode import code_signs
from ..lint.markup import masked_words, technical
from ._words import FUNCTION_WORDS

_VOWELS = frozenset("aeiou")
_ORDINAL = lazy_re(r"^[a-z]th$")
_WORD_PARTS = lazy_re(r"[A-Za-z]+")
_URL = lazy_re(r"\b(?:https?|ftp)://[^\s<>()\[\]\"']+")
#: a known word's least count in the frequency list (about Zipf 3: "scope", "locale", "mask")
_KNOWN = 1_000_000
#: a common word's least count (about Zipf 4: "doc", "name", "tree")
_COMMON = 10_000_000
_CODE_KINDS = word_set("code-kind-nouns")
# a version or a manual section right after a name: "libtiff 3.6.0", "gcc v2.95.2", "utmp(5)"
_VERSION_AFTER = lazy_re(r"[ \t]+v?\d+(?:\.\d+)+\b|\(\d[a-z]?\)")
_WORD_BEFORE = lazy_re(r"([A-Za-z]+)[ \t]+$")
_WORD_AFTER = lazy_re(r"[ \t]+([A-Za-z]+)")
# the same with a quotation mark that closes or opens the word: 'the "messagebus" service'
_QUOTED_WORD_BEFORE = lazy_re(r"([A-Za-z]+)[ \t]+[\"'`\u201c\u2018]$")
_QUOTED_WORD_AFTER = lazy_re(r"[\"'`\u201d\u2019][ \t]+([A-Za-z]+)")
# a verb of naming right before the word: "this is typically called gmake"
_NAMED_BEFORE = lazy_re(r"\b(?:called|named|dubbed|known[ \t]+as)[ \t]+$")
# one more item of a pair or list of names, before or after the word: "semget or shmget",
# "useradd and groupadd", "libcom_err and libss"
_ITEM_BEFORE = lazy_re(r"(\w+)(?:,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|/)$")
_ITEM_AFTER = lazy_re(r"(?:,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|/)(\w+)")
# the parts of a name joined by hyphens around a word: "libnss-ldap", "python3-evdev"
_HYPHEN_BEFORE = lazy_re(r"(?:[\w.+]+-)+$")
_HYPHEN_AFTER = lazy_re(r"(?:-[\w.+]+)+")
# a list of single words: "a, b, c", "a, b and c", "a, b, or c"
_LIST_ITEM = r"[A-Za-z](?:[\w+-]|\.(?=\w))*"
_WORD_LIST = lazy_re(
    rf"{_LIST_ITEM}(?:,[ \t]+{_LIST_ITEM})+(?:,?[ \t]+(?:and|or)[ \t]+{_LIST_ITEM})?|{_LIST_ITEM}(?:,[ \t]+{_LIST_ITEM})*,?[ \t]+(?:and|or)[ \t]+{_LIST_ITEM}"
)
#: an item of a list below this Zipf value is no common word: a name among names
_UNCOMMON_ZIPF = 3.0


def _affixed_word(w: str, freqs: Mapping[str, int]) -> bool:
    """``w`` is a known word of four letters or more with a short affix at one end."""
    for k in (1, 2, 3):
        if len(w) - k < 4:
            break
        rest = freqs.get(w[k:], 0)
        if rest >= _KNOWN:
            a = w[:k]
            if len(a) == 1 or not (set(a) & _VOWELS):
                return True  # u+mask, c+locale, py+test ("y" counts as a consonant)
            if rest >= _COMMON and freqs.get(a, 0) >= _COMMON and a not in FUNCTION_WORDS:
                return True  # doc+name, sub+tree: two common words
        if freqs.get(w[:-k], 0) >= _KNOWN and not (set(w[-k:]) & _VOWELS):
            return True
    return False


#: a part of a name made of abbreviations is at least this common ("gid", "ctl", "ssl")
_PART_ZIPF = 2.3
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: prefixes and endings English words are made with (a slip of such a word splits at them)
_ENGLISH_AFFIXES = frozenset(
    "ly ing ed es er ers est ment ments ness tion tions ion ions able ible ful less ous ive ity "
    "al ally ance ence ant ent ise ize mis un dis super inter over under".split()
)


def _abbreviation_shaped(w: str, freqs: Mapping[str, int]) -> bool:
    """A name made the way Unix names are: without a vowel ("tty", "fsck", "pdksh"), or two
    parts of two letters or more that the frequency list knows, one of them less common than
    Zipf 4 or unknown to the dictionary (lib+ssl, std+in, set+gid, sub+dir, load+avg), so two
    common words run together ("alot", "ownerchip") stay O003's and S001's; never one letter
    from a common word (the slip "libaries" is lib+aries, but one letter from "libraries")."""
    if not set(w) & _VOWELS:
        return len(w) == 3 or len(w) > 3 and "y" not in w  # ("rythm" is a slip of "rhythm")
    n = len(w)
    if n < 5 or n > 12:
        return False
    for i in range(2, n - 1):
        a, b = w[:i], w[i:]
        if a in _ENGLISH_AFFIXES or b in _ENGLISH_AFFIXES:
            continue  # "basic+ly", "mis+pell", "beggin+ing": an English word's make, misspelt
        za, zb = lexicon.zipf(a), lexicon.zipf(b)
        if za < _PART_ZIPF or zb < _PART_ZIPF:
            continue
        if za >= 4.0 and zb >= 4.0 and lexicon.in_dictionary(a) and lexicon.in_dictionary(b):
            continue  # two common words: a run-together or a slip
        return not _near_common(w, freqs)
    return False


def _near_common(w: str, freqs: Mapping[str, int]) -> bool:
    """Is a word one letter away (dropped, added, changed or swapped; a letter put in is one of
    a-z) from ``w`` at least Zipf 3.5?

    The lexicon's words at that distance (``nearwords._near``: its edits pruned by the letters
    that stand between two characters in some word, a third fewer strings to make) that are so
    common, keeping those whose letter put in, if any, is one of a-z: the characters a word has
    beyond ``w``'s."""
    for u in nearwords._near(w, 1, ordered=False):
        if freqs.get(u, 0) >= _NEAR and set((Counter(u) - Counter(w)).elements()) <= _LETTERS:
            return True
    return False


_LETTERS = frozenset(_ALPHABET)


#: a word this common one letter away makes an unknown word its slip (about Zipf 3)
_NEAR = 1_000_000


def defined_abbreviation(text: str, start: int, end: int, w: str) -> bool:
    """``w`` stands alone in brackets after words whose initials spell it ("(bce)"), or is an
    ending in brackets right after its word ("DIRECTORY(ies)", "entr(ies)")."""
    if start == 0 or text[start - 1] != "(" or end >= len(text) or text[end] != ")":
        return False
    if start >= 2 and text[start - 2].isalpha():
        return len(w) <= 3
    before = _WORD_BEFORE.search(text, max(0, start - 41), start - 1)
    if before and len(w) >= 3 and _letters_of(w, before.group(1).lower()):
        return True  # "Neovim (nvim)": a short form of the word before it
    parts = _WORD_PARTS.findall(text[max(0, start - 80) : start - 1])
    n = len(w)
    return len(parts) >= n and "".join(p[0] for p in parts[-n:]).lower() == w


def _letters_of(w: str, word: str) -> bool:
    """``w`` is shorter than ``word``, starts with its letter and takes its letters in order."""
    if len(w) >= len(word) or w[0] != word[0]:
        return False
    it = iter(word)
    return all(c in it for c in w)


_URL_BODY = lazy_re(r"(?:https?|ftp)://[^\s<>()\[\]\"']+")  # _URL without its opening \b
_WORD_CHAR = lazy_re(r"\w")


def _url_search(text: str, pos: int) -> re.Match[str] | None:
    """``_URL_BODY.search(text, pos)``, tried only where it can start: three, four or five
    characters before a "://" (found in C), in order; not at every "h" and "f" of the text."""
    match = _URL_BODY.match
    find = text.find
    i = find("://", pos + 3)
    while i != -1:
        for s in (i - 5, i - 4, i - 3):
            if s >= pos:
                m = match(text, s)
                if m is not None:
                    return m
        i = find("://", i + 1)
    return None


def web_addresses(text: str) -> list[str]:
    """``_URL.findall(text)``. _URL opens with ``\b``, so re tries it at every position of the
    text; _URL_BODY is tried where a "://" allows it, and the boundary is tested where a match
    starts (the first letter is a word character: a boundary unless a word character comes
    before). Where it fails, _URL fails too and the search goes on from the next character."""
    out: list[str] = []
    pos = 0
    while True:
        m = _url_search(text, pos)
        if m is None:
            return out
        s = m.start()
        if s == 0 or not _WORD_CHAR.match(text, s - 1):
            out.append(m.group())
            pos = m.end()
        else:
            pos = s + 1


def url_words(doc) -> frozenset[str]:
    """The words (case-folded) of the web addresses the document's source holds: the names of
    projects, packages and sites ("[webargs](https://github.com/.../webargs)")."""

    def build() -> frozenset[str]:
        src = doc.source
        if "://" not in src:
            return frozenset()
        return frozenset(map(str.casefold, _WORD_PARTS.findall("\n".join(web_addresses(src)))))

    return doc.memo("techterms.url_words", build)  # type: ignore[no-any-return]


_MAN_PAGE = lazy_re(r"\(\d[a-z]?\)")
_NAME_BEFORE = lazy_re(r"(?<![\w.+-])[a-z][a-z0-9_.+-]*$")


def _cited_with_section(doc, w: str) -> bool:
    """Does the document cite ``w`` with a manual section somewhere ("mrouted(8)")?"""

    def build() -> frozenset[str]:
        src = doc.source
        out = set()
        for m in _MAN_PAGE.finditer(src):  # found from the bracket, the name read back from it
            a = m.start()
            name = _NAME_BEFORE.search(src, max(0, a - 40), a)
            if name:
                out.add(name.group())
        return frozenset(out)

    return w in doc.memo("techterms.man_refs", build)


def _names_used(doc) -> tuple[frozenset[str], frozenset[str]]:
    """The words (case-folded) of four letters or more that the document writes three times or
    more in one form and no dictionary has, or a rare one (below Zipf 3): its names ("gawk",
    "sudo", "Aspell"); and the same names without their first one or two letters ("awk")."""

    def build() -> tuple[frozenset[str], frozenset[str]]:
        names = set()
        counts = doc.word_counts
        common = common_words() or frozenset()  # (Zipf 4 or more: no name, and no look-up)
        # the words written three times or more, picked out in C
        for t in compress(counts, map((3).__le__, counts.values())):
            if len(t) >= 4 and t.isalpha():
                low = t.casefold()
                if low in common:
                    continue
                z = lexicon.zipf(low)
                if z < _UNCOMMON_ZIPF or z < _NAME_ZIPF and not lexicon.in_dictionary(low):
                    names.add(low)
        cut = {n[k:] for n in names for k in (1, 2) if len(n) - k >= 3}
        return frozenset(names), frozenset(cut)

    return doc.memo("techterms.names_used", build)  # type: ignore[no-any-return]


def _part_of_name(doc, w: str) -> bool:
    """Is ``w`` one of the document's names (:func:`_names_used`) with one or two letters more
    or less at its start ("awk" beside "gawk", "visudo" beside "sudo")? A program's family is
    named so; a slip seldom lands on a name the text keeps using."""
    if len(w) < 3:
        return False
    names, cut = _names_used(doc)
    return w in cut or any(len(w) - k >= 4 and w[k:] in names for k in (1, 2))


def technical_term(doc, text: str, start: int, end: int, w: str, uses: int, freqs: Mapping[str, int], known: dict[str, bool] | None = None) -> bool:
    """Is the unknown lower-case word ``w`` at ``[start, end)`` a term of the document rather
    than a misspelling? ``uses``: how often the document writes it. The tests that read only
    the word, its uses and the document (``_word_term``) come first, then those that read its
    place (``_placed_term``): each is a pure test (tests/rules/test_techterms_fast.py keeps the
    single body they are regrouped from). ``known``: the answers of ``_word_term``, kept by a
    caller that asks again of the same document, ``freqs`` and counts (1,183 calls for 146
    words on the bench file)."""
    if known is None:
        return _word_term(doc, w, uses, freqs) or _placed_term(doc, text, start, end, w)
    answer = known.get(w)
    if answer is None:
        answer = known[w] = _word_term(doc, w, uses, freqs)
    return answer or _placed_term(doc, text, start, end, w)


def _word_term(doc, w: str, uses: int, freqs: Mapping[str, int]) -> bool:
    """The tests of ``technical_term`` that read the word, its uses and the document only."""
    if w in url_words(doc) or _part_of_name(doc, w) or _cited_with_section(doc, w):
        return True
    if not technical_prose(doc):
        return False
    if uses >= 2 or _ORDINAL.match(w) or _affixed_word(w, freqs) or _abbreviation_shaped(w, freqs):
        return True
    if not doc.masks:
        return False
    terms = masked_words(doc)
    n = len(w)
    return any(w[i:j] in terms for i in range(n - 3) for j in range(i + 4, n + 1) if j - i < n)


def _placed_term(doc, text: str, start: int, end: int, w: str) -> bool:
    """The tests of ``technical_term`` that read the word's place."""
    if defined_abbreviation(text, start, end, w) or _MAN_PAGE.match(doc.source, end):
        return True
    if not technical_prose(doc):
        return False
    return bool((named_by_context(text, start, end, w) or doc.masks and _after_option(doc, start)) and not _cheap_slip(w))


def technical_prose(doc) -> bool:
    """A manual, a README, reference documentation: :func:`garblint.lint.markup.technical`
    (layout or markup blanked on one line in twelve) or :func:`code_vocabulary`."""
    return bool(doc.masks and technical(doc)) or code_vocabulary(doc)


def code_vocabulary(doc) -> bool:
    """Does the document speak of software: three or more signs of code in its source
    (:func:`garblint.lint.inlinecode.code_signs`)? A README with little layout of its own still
    names commands and packages; news and books show none of these."""
    return doc.memo("techterms.code_vocabulary", lambda: code_signs(doc.source) >= 3)  # type: ignore[no-any-return]


def _kind(word: str) -> bool:
    low = word.lower()
    return low in _CODE_KINDS or (low.endswith("s") and (low[:-1] in _CODE_KINDS or (low.endswith("es") and low[:-2] in _CODE_KINDS)))


def _kind_match(m: re.Match[str] | None) -> bool:
    """A match whose word (group 1) is a lower-case noun of a kind of software thing."""
    return m is not None and m.group(1).islower() and _kind(m.group(1))


def named_by_context(text: str, start: int, end: int, w: str) -> bool:
    """Does the context say ``w`` (at ``[start, end)``) is a name: a version or a manual section
    after it, a noun of a kind of software thing beside it, or a list of names it is one of?"""
    if _VERSION_AFTER.match(text, end):
        return True
    if _kind_match(_WORD_AFTER.match(text, end, end + 40)) or _kind_match(_WORD_BEFORE.search(text, max(0, start - 40), start)):
        return True
    if _kind_match(_QUOTED_WORD_AFTER.match(text, end, end + 40)) or _kind_match(_QUOTED_WORD_BEFORE.search(text, max(0, start - 40), start)):
        return True
    if _NAMED_BEFORE.search(text, max(0, start - 20), start):
        return True
    if _hyphenated_name(text, start, end) or _name_family(text, start, end, w):
        return True
    line_a = text.rfind("\n", 0, start) + 1
    line_b = text.find("\n", end)
    line_b = len(text) if line_b < 0 else line_b
    for m in _WORD_LIST.finditer(text, max(line_a, start - 200), min(line_b, end + 200)):
        if m.start() > start:
            break
        if m.end() < end:
            continue
        items = [t for t in re.split(r",?[ \t]+(?:and|or)[ \t]+|,[ \t]+", m.group()) if t]
        if len(items) >= 3 and any(t.lower() != w and _uncommon(t) for t in items):
            return True
    return False


def _hyphenated_name(text: str, start: int, end: int) -> bool:
    """Is the word one part of a name joined by hyphens another part of which has a digit or is
    no common word ("libnss-ldap", "python3-evdev", "hurd-i386")? A slip in a compound of common
    words ("self-explanitory", "well-knwon") stays a slip."""
    parts: list[str] = []
    m = _HYPHEN_BEFORE.search(text, max(0, start - 60), start)
    if m:
        parts += m.group().split("-")
    m = _HYPHEN_AFTER.match(text, end, end + 60)
    if m:
        parts += m.group().split("-")
    return any(len(p) >= 2 and (p.islower() or p.isdigit() or not p.isalpha()) and _uncommon(p.strip(".")) for p in parts if p)


def _name_family(text: str, start: int, end: int, w: str) -> bool:
    """Is the word paired or listed with an uncommon word that shares three letters at its start
    or end: one family of names ("semget or shmget", "useradd and groupadd", "libidn2 or libidn")?"""
    items = []
    m = _ITEM_BEFORE.search(text, max(0, start - 60), start)
    if m:
        items.append(m.group(1))
    m = _ITEM_AFTER.match(text, end, end + 60)
    if m:
        items.append(m.group(1))
    for item in items:
        low = item.lower()
        if low == w or not _uncommon(item):
            continue
        if low[:3] == w[:3] or low[-3:] == w[-3:]:
            return True
    return False


def _uncommon(item: str) -> bool:
    return any(c.isdigit() for c in item) or (item.islower() and lexicon.zipf(item) < _UNCOMMON_ZIPF)


def _after_option(doc, start: int) -> bool:
    """Does the word at ``start`` follow a blanked option: an argument on a command line written
    in the prose ("run dpkg -P xlibs")?"""
    text = doc.text
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    toks = doc.source[j:start].split()
    return bool(toks) and len(toks[-1]) > 1 and toks[-1][0] == "-"


#: a context names a word unless it is a cheap slip (a swap, a doubled or dropped letter) from
#: a word at least this common ("the reciever program")
_SLIP_TARGET_ZIPF = 3.5
_SLIP_COST = 0.6


def _cheap_slip(w: str) -> bool:
    from ._confusion import GENERAL, confusion_cost
    from ._lexcheck import _near_candidates, sound_alikes
    from ._words import candidate_zipf

    for c in _near_candidates(w, False) + tuple(sound_alikes(w)):
        if len(c) >= 4 and c not in w and confusion_cost(w, c, GENERAL) <= _SLIP_COST and candidate_zipf(c) >= _SLIP_TARGET_ZIPF:
            return True
    return False


#: a word below this Zipf value that a technical document writes in lower case three times or
#: more is one of its names: a command that may open a sentence ("unzip can also ...")
_NAME_ZIPF = 4.0


def named_often(doc, low: str) -> bool:
    """Does the technical document write ``low`` (a word less common than Zipf 4) in lower case
    three times or more: a command or file name it keeps citing ("zip and unzip", "running pip")?"""
    if lexicon.zipf(low) >= _NAME_ZIPF:
        return False
    counts = doc.memo("techterms.lower_counts", lambda: _lower_counts(doc.word_texts))
    return counts.get(low, 0) >= 3


def _lower_counts(words) -> dict[str, int]:
    out: dict[str, int] = {}
    for w in words:
        if w.islower():
            out[w] = out.get(w, 0) + 1
    return out


# shapes of code that a manual or README writes in its prose, which O004 would read as garbage:
# an identifier with underscores ("is_64_bit", "__u8"), a name and its number ("PKCS#11"), a
# quoted setting value ('"10";'), a manual page cut before its bracket ("unzip(1"), a hash or
# an id of hex digits ("run-r14b0047ab6df45bfb45e7786cc839e76.scope")
_CODE_SHAPED = lazy_re(r"_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*|_+[A-Za-z0-9]+|[A-Za-z]+#\d+|\"[\w.-]*\";?|\w+\(\d[a-z]?\)?|.*[0-9a-f]{16}.*")
_HOME_PATH = lazy_re(r"~[a-z_]*/[\w.+-]+(?:/[\w.+-]+)*/?")
# a word quoted the GNU way, `like this' or ``like this'': its closing mark later on the line
_GNU_QUOTE_OPEN = lazy_re(r"``?[A-Za-z][\w.+-]*")
# its closing mark: after a letter or a digit, before no letter ("`patch' be", not "man's")
_GNU_QUOTE_CLOSE = lazy_re(r"(?<=[\w.])'(?![A-Za-z])")
_GNU_QUOTE_CLOSE_2 = lazy_re(r"(?<=[\w.])''")


def code_shaped(doc, core: str, start: int, end: int, reason: str) -> bool:
    """Is the garbage string ``core`` at ``[start, end)`` of the text a word quoted the GNU way
    (`configure', ``perl-base'': its closing mark later on the line), a path in the home folder
    ("~/.toolrc"), or, in a technical
    document, a piece of code of a shape its prose cites: an identifier, a quoted value, a rule
    of one repeated mark alone on its line, a vowelless lower-case command ("msgstr")? Asked
    only for a string O004 would report."""
    if _GNU_QUOTE_OPEN.fullmatch(core):
        text = doc.text
        eol = text.find("\n", end)
        close = _GNU_QUOTE_CLOSE_2 if core.startswith("``") else _GNU_QUOTE_CLOSE
        if close.search(text, end, len(text) if eol < 0 else eol):
            return True
    if _HOME_PATH.fullmatch(core):
        return True  # "~/.toolrc", "~user/bin": a path in the home folder
    if not technical_prose(doc):
        return False
    if _CODE_SHAPED.fullmatch(core):
        return True
    if reason == "no vowels" and core.islower():
        return True
    return len(set(core)) == 1 and not core.isalnum()  # "______": a rule


#: a short word is one of this many letters or fewer
_SHORT = 6
#: a word a typing slip is made from is at least this common
_SLIP_FROM_ZIPF = 3.5


def short_name(w: str) -> bool:
    """Is the unknown word ``w`` short (six letters or fewer, lower case) and no typing slip of
    a common dictionary word (:func:`typing_slip`)? In technical prose such words are mostly
    names made short ("stdin", "awk", "utmp", "deref"); "teh", "wierd", "peole", "wil" stay slips."""
    return len(w) <= _SHORT and w.isalpha() and w.islower() and not typing_slip(w)


def typing_slip(w: str) -> bool:
    """Can a typist's slip make ``w`` of a dictionary word of Zipf 3.5 or more: two letters
    swapped, one letter left out or one too many (leaving four letters or more; not the first: a name's prefix, "mtrace",
    "xpos"), in a word of three letters only a swap or a doubled letter written once ("wil")?
    Wrong letters are left out: they make most short names from some word ("stdin", "stein")."""
    n = len(w)
    cands = {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for i in range(n - 1)}
    if n >= 4:
        if n >= 5:
            cands.update(w[:i] + w[i + 1 :] for i in range(1, n))
        cands.update(w[:i] + c + w[i:] for i in range(1, n + 1) for c in _ALPHABET)
    else:
        cands.update(w[:i] + w[i - 1] + w[i:] for i in range(1, n + 1))
    cands.discard(w)
    return any(len(c) >= 3 and lexicon.zipf(c) >= _SLIP_FROM_ZIPF and lexicon.in_dictionary(c) for c in cands)


def file_ending(text: str, start: int) -> bool:
    """Does the word at ``start`` follow a dot that opens a token (".bak", "'.pwli' files"): a
    file's ending or a hidden file's name?"""
    return start >= 1 and text[start - 1] == "." and (start == 1 or text[start - 2] in " \t\n'\"`(*")


# a manual's section right after a name: "Mail(1)", "elm(1)", "utmp(5)"
MAN_SECTION = lazy_re(r"\(\d[a-z]?\)")
# a title quoted the GNU way on its line: `Filename Generation', ``Other Functions''
_GNU_TITLE = lazy_re(r"`[A-Z][^`'\n]{0,60}$")


def in_gnu_quote(text: str, pos: int) -> bool:
    """Is ``pos`` inside a span quoted the GNU way that opens on its line (`...') and closes
    after it on the line or the next ("see the section `Other Functions' in zshcontrib")?"""
    b = text.rfind("`", max(0, pos - 62), pos)
    if b < 0:
        return False
    a = text.rfind("\n", max(0, pos - 62), pos) + 1
    m = _GNU_TITLE.search(text, max(a, b), pos)
    if m is None:
        return False
    close = text.find("'", pos, pos + 80)
    return close >= 0 and "`" not in text[pos:close]
