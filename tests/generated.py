"""Texts generated from seeds, of the shapes the fast paths of the rules must handle (loops,
quotation and sentence edges, near and exact paragraph copies, foreign phrases and look-alike
letters). The golden snapshot ``tests/corpus/golden/generated.txt`` holds the findings of the
rules on them, so a change of a rule's speed work that changes a finding shows up as a diff.

Deterministic: ``random.Random(seed)`` only; the words are invented or everyday.
"""

from __future__ import annotations

import random

_LOOP_VOCAB = "the new phone a b no ha very rules parking The NEW Phone STRASSE straße 3 x".split()


_LOOP_GAPS = [" ", " ", " ", " ", ", ", "; ", "\n", " \n ", ". ", " - ", "  ", "\t"]


def loop_text(rng: random.Random) -> str:
    out: list[str] = []
    for _ in range(rng.randrange(5, 120)):
        r = rng.random()
        if r < 0.25:  # a loop: a phrase said several times
            phrase = [rng.choice(_LOOP_VOCAB) for _ in range(rng.randrange(1, 14))]
            sep = rng.choice([" ", " ", ", ", "\n", ". "])
            for c in range(rng.randrange(2, 7)):
                copy = [w.upper() if rng.random() < 0.1 else w for w in phrase]
                if rng.random() < 0.1 and len(copy) > 1:
                    copy[rng.randrange(len(copy))] = rng.choice(_LOOP_VOCAB)
                out.append(" ".join(copy))
                out.append(sep)
        else:
            out.append(rng.choice(_LOOP_VOCAB))
            out.append(rng.choice(_LOOP_GAPS))
    return "".join(out)


def sparse_loop_text(rng: random.Random) -> str:
    """Mostly distinct words with a few loops: few candidates (the lazy gap path)."""
    out = []
    for k in range(rng.randrange(50, 400)):
        if rng.random() < 0.03:
            out.append(loop_text(rng)[: rng.randrange(10, 200)])
        else:
            out.append(f"w{rng.randrange(10_000)}")
        out.append(rng.choice(_LOOP_GAPS))
    return "".join(out)


_G_WORDS = (
    "the council said This request was Not answered by the Finance Ministry of Bank of England "
    "Had widely expected STRASSE straße Straße to Say most Widely mRNA iPhone 3.5 U.S. a I "
    "declined Push for of the and Economists Will May Hope"
).split()


_G_SEPS = [
    " ",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "? ",
    "! ",
    ": ",
    "; ",
    " \u2014 ",
    " - ",
    "-",
    "\n",
    "\n\n",
    " \u201c",
    "\u201d ",
    ' "',
    '" ',
    " (",
    ") ",
    " '",
    "' ",
    "\u2019",
    " / ",
    " * ",
    "\t",
    "\u00a0",
    "... ",
    "\u2026 ",
    ".\n\n",
    "\n- ",
    "\n1. ",
    "\n\n# ",
]


def g_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 160)):
        out.append(rng.choice(_G_WORDS))
        out.append(rng.choice(_G_SEPS))
    return "".join(out)


_D_WORDS = (
    "the council said on Tuesday that ferry bridge budget rose 2.1 2.3 percent “quoted” ‘single’ "
    "don't Farmers' STRASSE straße ﬁnal café CAFÉ — – - ( ) [ ] vote plan harbour"
).split()


def _d_sentence(rng: random.Random) -> str:
    words = [rng.choice(_D_WORDS) for _ in range(rng.randrange(3, 30))]
    return " ".join(words) + rng.choice([".", ".", "?", "", ".\u201d", "!"])


def d_text(rng: random.Random) -> str:
    paras: list[str] = []
    for _ in range(rng.randrange(2, 60)):
        r = rng.random()
        if paras and r < 0.15:
            paras.append(rng.choice(paras))  # exact copy
        elif paras and r < 0.35:
            src = list(rng.choice(paras))
            for _ in range(rng.randrange(1, 8)):
                k = rng.randrange(len(src))
                src[k] = rng.choice("abcdefghij \u00a0\u2019")
            paras.append("".join(src))  # near copy
        elif paras and r < 0.5:
            src = rng.choice(paras)
            paras.append(src[: int(len(src) * rng.uniform(0.4, 0.99))])  # truncated copy
        elif paras and r < 0.6:
            src = rng.choice(paras)
            paras.append(src + " " + _d_sentence(rng))  # an extended copy
        else:
            paras.append(" ".join(_d_sentence(rng) for _ in range(rng.randrange(1, 5))))
    return rng.choice(["\n\n", "\n \n", "\r\n\r\n"]).join(paras)


_G_MORE = (
    "Had has Is is Was which Which the. of. Add Stir Push for the a an their because. Work is under way. \u201c "
    "Yes. No. Call. Harbour. harbour old Mostly. 2. Section 4. (Reuters) He refused. The plans."
).split(" ")


def g_rule_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 200)):
        out.append(rng.choice(_G_WORDS + _G_MORE))
        out.append(rng.choice(_G_SEPS))
    return "".join(out)


ENGLISH = (
    "the council said on monday that a new plan would cut costs for families and small firms "
    "while critics argued it was too late and the budget was not enough to help"
).split()
SPANISH = "nunca olvidaremos tanta injusticia sufrida por el pueblo la gente dijo que mañana".split()
FRENCH = "nous avons décidé de ne pas répondre à cette lettre l'école était fermée".split()
GERMAN = "wir haben gestern die straße gesehen und über alles geredet".split()
PINYIN = "zhongguo renmin zhengfu xinwen baodao jintian".split()
VIET = ["người", "dân", "Hà", "Nội", "phở", "bánh", "mì", "Việt"]
OTHER = ["北京", "両会", "映画は素晴らしい", "Россия", "и", "Киев", "שלום", "αβγ", "α", "μ", "Ω", "안녕하세요", "ไทย"]
HOMOGLYPHS = ["\u0422he", "pl\u0430n", "\u0441at", "\u043epen", "d\u043eg", "Ka\u0442ya"]
GAPS = [" "] * 12 + ["  ", "\n", ", ", ". ", " (", ") ", " \u201c", "\u201d ", " - ", "'"]


def u_text(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for _ in range(rnd.randrange(30, 250)):
        r = rnd.random()
        if r < 0.08:
            words = rnd.choice([SPANISH, FRENCH, GERMAN, PINYIN])
            k = rnd.randrange(len(words))
            piece = " ".join(words[k : k + rnd.randrange(2, 8)])
        elif r < 0.12:
            piece = " ".join(rnd.choice(VIET) for _ in range(rnd.randrange(1, 4)))
        elif r < 0.16:
            piece = rnd.choice(OTHER)
        elif r < 0.18:
            piece = rnd.choice(HOMOGLYPHS)
        else:
            piece = rnd.choice(ENGLISH)
        if rnd.random() < 0.1:
            piece = piece[:1].upper() + piece[1:]
        out.append(piece)
        out.append(rnd.choice(GAPS))
    return "".join(out)
