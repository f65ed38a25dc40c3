"""A seeded, news-like benchmark corpus built from the project's own texts.

Sentences come from three sources: the files in ``examples/``, the ``text`` fields of the rule
test cases (``tests/rules/cases/*.toml``) and any ``.txt`` fixtures under ``tests/``, plus
sentences built here from templates (written for this benchmark, with invented names). The
fixture sentences carry the damage the rules look for, so the benchmark measures rules that
actually fire, not only clean text. Whatever rule families are installed add their fixtures to
the mix automatically.

The same seed gives the same corpus on every machine.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
_SENT = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")
_WORDS = re.compile(r"\S+")

# Invented people, places and organisations (none is a real person).
_FIRST = "Mara Tomas Ines Kofi Lena Arvid Priya Dario Helga Samir Noor Ewan Rosa Jonas Talia Bram".split()
_LAST = "Okafor Reyes Lindqvist Mbeki Farrow Castellan Novik Haldane Ferreira Osei Vance Petrov Abara Quist".split()
_PLACES = "Port Elan|Harrowgate|the river valley|Northmoor|the coastal district|Lake Varn|Westbridge|the old quarter".split("|")
_ORGS = "the harbour council|the regional water board|the transport ministry|the teachers' union|the city hospital|the port authority|the school board|the farmers' cooperative".split("|")
_TOPICS = "ferry contract|budget|housing plan|bridge repairs|water tariff|bus timetable|flood defences|school funding|wind farm|clinic hours".split("|")
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = "January February March April May June July August September October November December".split()
_VERBS = "approve|delay|review|reject|fund|debate|revise|announce".split("|")
_TEMPLATES = [
    "{org_c} said on {day} it would {verb} the {topic} before the end of {month}.",
    "\u201cWe have listened to residents and we will act,\u201d said {name}, who chairs {org}.",
    "The {topic} has been under discussion since {month} {year}, when {org} first raised it.",
    "According to figures released on {day}, about {n:,} people in {place} are affected.",
    "{name} told reporters that the decision was \u201cnot taken lightly\u201d and that talks would continue.",
    "Critics, including {name2}, argued that the {topic} would cost {m} million more than planned.",
    "The vote, scheduled for {day}, is expected to pass with a narrow majority.",
    "Officials in {place} said the work could take {k} months, depending on the weather.",
    "In a statement, {org} said it \u201cremains committed\u201d to the {topic} and to open consultation.",
    "Residents of {place} have waited {k} years for a decision on the {topic}.",
    "\u201cIt is a fair compromise,\u201d {name} said. \u201cNobody got everything they wanted.\u201d",
    "The plan was first proposed by {name2} in {year} but stalled after the election.",
    "Dr. {last} of {org} said the figures were preliminary and would be revised in {month}.",
    "At least {k} councillors voted against the {topic}, citing concerns about cost.",
    "The meeting on {day} ran for more than {k} hours and ended without a final decision.",
]


def _fixture_sentences() -> list[str]:
    texts: list[str] = []
    for f in sorted((ROOT / "examples").glob("*.txt")):
        texts.append(f.read_text(encoding="utf-8", errors="replace"))
    for f in sorted((ROOT / "tests").rglob("*.toml")):
        try:
            data = tomllib.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        for case in data.get("case", []) if isinstance(data.get("case"), list) else []:
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                texts.append(case["text"])
    for f in sorted((ROOT / "tests").rglob("*.txt")):
        texts.append(f.read_text(encoding="utf-8", errors="replace"))
    out = []
    for t in texts:
        for para in re.split(r"\n\s*\n", t):
            para = " ".join(para.split())
            for s in _SENT.split(para):
                if len(_WORDS.findall(s)) >= 4:
                    out.append(s)
    return out


def _template_sentence(rng: random.Random) -> str:
    org = rng.choice(_ORGS)
    return rng.choice(_TEMPLATES).format(
        org=org,
        org_c=org[0].upper() + org[1:],
        name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        name2=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        last=rng.choice(_LAST),
        place=rng.choice(_PLACES),
        topic=rng.choice(_TOPICS),
        day=rng.choice(_DAYS),
        month=rng.choice(_MONTHS),
        verb=rng.choice(_VERBS),
        year=rng.randint(2009, 2025),
        n=rng.randint(200, 90000),
        m=rng.randint(2, 90),
        k=rng.randint(2, 14),
    )


def articles(total_words: int, seed: int = 20240, fixture_share: float = 0.12) -> list[str]:
    """News-like articles totalling at least ``total_words`` words."""
    rng = random.Random(seed)
    fixtures = _fixture_sentences()
    out: list[str] = []
    words = 0
    while words < total_words:
        title = f"{rng.choice(_ORGS)[4:].title()} to {rng.choice(_VERBS)} {rng.choice(_TOPICS)}"
        paras = [title]
        for _ in range(rng.randint(3, 6)):
            sents = []
            for _ in range(rng.randint(1, 4)):
                if fixtures and rng.random() < fixture_share:
                    sents.append(rng.choice(fixtures))
                else:
                    sents.append(_template_sentence(rng))
            paras.append(" ".join(sents))
        art = "\n\n".join(paras) + "\n"
        out.append(art)
        words += len(_WORDS.findall(art))
    return out


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def build(folder: Path, total_words: int = 200_000, n_files: int = 2000, seed: int = 20240) -> dict:
    """Write ``big.txt`` (every article) and ``small/`` (``n_files`` files) under ``folder``."""
    arts = articles(total_words, seed)
    folder.mkdir(parents=True, exist_ok=True)
    big = "\n".join(arts)
    (folder / "big.txt").write_text(big, encoding="utf-8")
    small = folder / "small"
    small.mkdir(exist_ok=True)
    # Cut the stream of paragraphs into n_files consecutive, nearly equal pieces.
    paras = [p for a in arts for p in a.strip().split("\n\n")]
    per = len(paras) / n_files
    for i in range(n_files):
        chunk = paras[round(i * per) : round((i + 1) * per)] or ["Empty."]
        (small / f"doc{i:05d}.txt").write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
    return {"words": word_count(big), "articles": len(arts), "big": folder / "big.txt", "small": small}


if __name__ == "__main__":  # pragma: no cover
    import tempfile

    d = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    info = build(d, int(sys.argv[2]) if len(sys.argv) > 2 else 200_000)
    print(info)
