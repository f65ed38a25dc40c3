"""Build the clean corpus: well-edited text of six genres, for counting false alarms.

    python eval/clean_build.py [--out /work/data/clean] [--mirror /work/.mirror] [--words 30000]

Writes ``OUT/<genre>/<name>`` (one file per source document, original extension kept so
that Markdown and reStructuredText are parsed as such), ``OUT/MANIFEST.tsv`` (genre, file,
source, words, split) and ``OUT/READY`` when every genre is built. The texts are never
committed: they are other people's, read from

* rst  -- Sphinx documentation sources (sphinx-doc/sphinx ``doc/``, pallets/flask ``docs/``),
  git snapshots under ``--mirror`` (the search tool's ``fetch`` puts them there);
* md   -- Markdown documentation (mkdocs/mkdocs ``docs/``, encode/httpx ``docs/``);
* tech -- manual pages of the Debian packages installed here, rendered by ``man`` as plain
  text, and plain-text README files under /usr/share/doc;
* fiction -- three Project Gutenberg novels held by GITenberg repositories (the Gutenberg
  header and licence footer cut off), in chapter-sized pieces;
* legal -- the licence texts Debian ships in /usr/share/common-licenses and the licence
  files of the Python packages installed beside garblint (dist-info), duplicates dropped;
* news -- article bodies of the AEB development half that eval/aeb_build.py writes to
  /work/data/aeb/*.body.txt (when /work/data/aeb/READY exists), the English ones (py3langid).

Each file goes to the ``dev`` or the ``holdout`` split: every third file in the order of the
sha256 of ``genre/name`` is held out, so tuning on dev can be checked on holdout.
Sources reserved for independent evaluation are never read (python/devguide,
pypa/packaging.python.org, rust-lang/book, Homebrew/brew, github/choosealicense.com and two
Gutenberg books).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
GENRES = ("rst", "md", "tech", "fiction", "legal", "news")
RESERVED_REPOS = {"python/devguide", "pypa/packaging.python.org", "rust-lang/book", "Homebrew/brew", "github/choosealicense.com"}
RESERVED_BOOKS = ("jekyll", "christmas carol")

RST_SOURCES = [("sphinx-doc/sphinx", "doc/", ".rst"), ("pallets/flask", "docs/", ".rst")]
MD_SOURCES = [("mkdocs/mkdocs", "docs/", ".md"), ("encode/httpx", "docs/", ".md")]
# changelogs and release notes are lists of items, not documentation prose
SKIP_DOC = re.compile(r"(?i)(change|release-notes|history|authors|contributors|/api\.)")
BOOKS = [
    ("GITenberg/Katrine--A-Novel_14263", "14263.txt"),
    ("GITenberg/News-from-Nowhere--Or-An-Epoch-of-Rest--13-Being-Some-Chapters-from-a-Utopian-Romance_3261", "3261.txt"),
    ("GITenberg/The-Little-Colonel-s-Hero_15122", "15122-8.txt"),
]
MAN_PAGES = [
    "grep", "sed", "tar", "find", "xargs", "cp", "mv", "ls", "chmod", "ln", "sort", "uniq", "cut",
    "diff", "patch", "curl", "make", "gzip", "bzip2", "apt-get", "dpkg", "ssh", "rsync", "date",
    "du", "df", "head", "tail", "tr", "wc", "env", "nice", "kill", "ps", "man", "less", "tee",
    "git-commit", "git-log", "git-rebase", "git-merge", "cmake", "gcc", "ld", "strip", "nm",
]
DOC_READMES = ["README", "README.txt", "README.Debian"]


def words(text: str) -> int:
    return len(WORD.findall(text))


def splits(genre: str, names: list[str]) -> dict[str, str]:
    """Every third file in sha256 order of ``genre/name`` is held out."""
    order = sorted(names, key=lambda n: hashlib.sha256(f"{genre}/{n}".encode()).hexdigest())
    return {n: ("holdout" if i % 3 == 2 else "dev") for i, n in enumerate(order)}


def git_dir(mirror: Path, repo: str) -> Path | None:
    if repo in RESERVED_REPOS:
        raise SystemExit(f"{repo} is reserved for independent evaluation")
    base = mirror / repo.replace("/", "+") / "repo"
    for cand in (base / ".git", base):
        if (cand / "HEAD").is_file():
            return cand
    return None


def git(gd: Path, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={gd}", *args], check=True, capture_output=True, text=True, errors="replace").stdout


def repo_docs(mirror: Path, sources, target: int):
    """(name, text, source) of documentation files, the repositories taken in turn."""
    per_repo = []
    for repo, under, ext in sources:
        gd = git_dir(mirror, repo)
        if gd is None:
            print(f"clean_build: {repo} is not under {mirror} (fetch it first); skipped", file=sys.stderr)
            continue
        files = [p for p in git(gd, "ls-tree", "-r", "--name-only", "HEAD", under).splitlines() if p.endswith(ext) and not SKIP_DOC.search(p)]
        per_repo.append([(repo, gd, p) for p in sorted(files)])
    total = 0
    k = 0
    while total < target and any(per_repo):
        lst = per_repo[k % len(per_repo)]
        k += 1
        if not lst:
            continue
        repo, gd, p = lst.pop(0)
        text = git(gd, "show", f"HEAD:{p}")
        n = words(text)
        if n < 150 or n > 6000:  # stubs and huge reference pages
            continue
        total += n
        name = repo.split("/")[1] + "__" + p[len(p.split("/")[0]) + 1 :].replace("/", "__")
        yield name, text, f"{repo}:{p}"


def gutenberg_body(text: str) -> str:
    start = re.search(r"(?m)^\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG.*$", text)
    end = re.search(r"(?m)^\*\*\* ?END OF (?:THE|THIS) PROJECT GUTENBERG", text)
    body = text[start.end() if start else 0 : end.start() if end else len(text)]
    # the producers' credits right after the header are not the book
    body = re.sub(r"\A\s*(?:Produced by|E-text prepared by)[^\n]*(?:\n[^\n]+)*", "", body)
    return body.strip() + "\n"


def books(mirror: Path, target: int):
    per_book = target // len(BOOKS) + 1
    for repo, path in BOOKS:
        if any(r in repo.lower() for r in RESERVED_BOOKS):
            continue
        gd = git_dir(mirror, repo)
        if gd is None:
            print(f"clean_build: {repo} is not under {mirror}; skipped", file=sys.stderr)
            continue
        body = gutenberg_body(git(gd, "show", f"HEAD:{path}").replace("\r\n", "\n"))
        paras = re.split(r"\n\s*\n", body)
        # skip the front matter (title page, contents): start at the first long paragraph
        i = next((k for k, p in enumerate(paras) if words(p) > 60), 0)
        piece: list[str] = []
        n = total = part = 0
        for p in paras[i:]:
            piece.append(p)
            n += words(p)
            if n >= 1500:
                part += 1
                yield f"{repo.split('/')[1].split('_')[-1]}-part{part:02d}.txt", "\n\n".join(piece) + "\n", f"{repo}:{path}"
                total += n
                piece, n = [], 0
                if total >= per_book:
                    break


def man_text(page: str) -> str | None:
    env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    try:
        r = subprocess.run(["man", "-P", "cat", page], capture_output=True, text=True, env=env, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if r.returncode != 0 or not r.stdout.strip():
        return None
    return re.sub(r".\x08", "", r.stdout)


def tech(target: int):
    total = 0
    readmes = []
    for d in sorted(Path("/usr/share/doc").iterdir()):
        for name in DOC_READMES:
            f = d / name
            if f.is_file() and not f.is_symlink():
                readmes.append(f)
    pages = list(MAN_PAGES)
    while total < target and (pages or readmes):
        # two manual pages, then a README
        for _ in range(2):
            if pages:
                page = pages.pop(0)
                text = man_text(page)
                if text and 200 <= words(text) <= 6000:
                    total += words(text)
                    yield f"man-{page}.txt", text, f"man {page}"
        if readmes:
            f = readmes.pop(0)
            text = f.read_text(encoding="utf-8", errors="replace")
            if 150 <= words(text) <= 5000:
                total += words(text)
                yield f"doc-{f.parent.name}-{f.name}.txt", text, str(f)


def legal(target: int):
    seen: set[str] = set()
    total = 0
    cands: list[Path] = []
    for name in ("GPL-3", "Apache-2.0", "MPL-2.0", "LGPL-2.1", "GFDL-1.3", "Artistic", "CC0-1.0", "BSD", "LGPL-3", "MPL-1.1", "GPL-2"):
        cands.append(Path("/usr/share/common-licenses") / name)
    site = Path(sysconfig.get_paths()["purelib"])
    for dist in sorted(site.glob("*.dist-info")):
        for f in sorted(dist.rglob("*")):
            if f.is_file() and re.match(r"(?i)(licen[cs]e|copying|notice)", f.name):
                cands.append(f)
    for f in cands:
        if total >= target or not f.is_file():
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        key = re.sub(r"\W+", " ", text).strip().lower()
        key = hashlib.sha256(key[200:3000].encode()).hexdigest()  # same licence, another header
        if key in seen or words(text) < 100:
            continue
        seen.add(key)
        total += words(text)
        dist = next((p.name for p in f.parents if p.name.endswith(".dist-info")), None)
        label = f"{dist.split('-')[0]}-{f.name}" if dist else f.name
        yield (label if label.endswith(".txt") else label + ".txt"), text, str(f)


def news(aeb: Path, target: int):
    if not (aeb / "READY").exists():
        print(f"clean_build: {aeb}/READY not there yet; news left out", file=sys.stderr)
        return
    import py3langid

    total = 0
    for f in sorted(aeb.glob("*.body.txt")):
        if total >= target:
            break
        text = f.read_text(encoding="utf-8")
        if words(text) < 150:
            continue
        lang, _ = py3langid.classify(text[:5000])
        if lang != "en":
            continue  # garblint lints English: the benchmark's pages in other languages are left out
        total += words(text)
        yield f.name.replace(".body", ""), text, str(f)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/work/data/clean")
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--aeb", default="/work/data/aeb")
    ap.add_argument("--words", type=int, default=30000, help="about this many words per genre")
    ap.add_argument("--genres", default=",".join(GENRES))
    args = ap.parse_args()
    out, mirror = Path(args.out), Path(args.mirror)
    makers = {
        "rst": lambda: repo_docs(mirror, RST_SOURCES, args.words),
        "md": lambda: repo_docs(mirror, MD_SOURCES, args.words),
        "tech": lambda: tech(args.words),
        "fiction": lambda: books(mirror, args.words),
        "legal": lambda: legal(args.words),
        "news": lambda: news(Path(args.aeb), args.words),
    }
    manifest = out / "MANIFEST.tsv"
    rows = {}
    if manifest.is_file():
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            g = line.split("\t")[0]
            rows.setdefault(g, []).append(line)
    built = set()
    for genre in args.genres.split(","):
        folder = out / genre
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        rows[genre] = []
        total = 0
        made = []
        for name, text, source in makers[genre]():
            (folder / name).write_text(text, encoding="utf-8")
            n = words(text)
            total += n
            made.append((name, source, n))
        split = splits(genre, [m[0] for m in made])
        rows[genre] = [f"{genre}\t{name}\t{source}\t{n}\t{split[name]}" for name, source, n in made]
        print(f"{genre:8} {len(rows[genre]):4} files {total:7,} words")
        if rows[genre]:
            built.add(genre)
    with manifest.open("w", encoding="utf-8") as fh:
        fh.write("genre\tfile\tsource\twords\tsplit\n")
        for g in GENRES:
            for line in rows.get(g, []):
                fh.write(line + "\n")
    have = {g for g in GENRES if rows.get(g)}
    if have == set(GENRES):
        (out / "READY").write_text("all genres built by eval/clean_build.py\n")
    else:
        print(f"clean_build: missing {sorted(set(GENRES) - have)}: READY not written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
