"""English Hunspell dictionaries at hand and the word forms their affix rules make: the extra
words the lexicon index takes in (lint/lexicon.py), where a system or the optional spylls
package has them."""

from __future__ import annotations

import os
import re
from pathlib import Path

#: Hunspell dictionaries a system may have (Debian's hunspell-en-us, hunspell-en-gb ...)
SYSTEM_HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
_VARIETIES = ("en_US", "en_GB", "en_CA", "en_AU")


def hunspell_files() -> list[tuple[Path, Path]]:
    """The English Hunspell dictionaries at hand (.dic, .aff): the en_US list of spylls when
    that optional package is installed (``garblint[hunspell]``), and any en_US/en_GB/en_CA/en_AU
    dictionary in the system's Hunspell folders (unless ``GARBLINT_SYSTEM_DICTIONARIES=0``, which
    makes results independent of what the machine has installed). None is required: symspellpy's list (SCOWL
    words) is the curated base; these widen it (mostly with American forms)."""
    out = []
    from .lexicon import _package_dir  # (lexicon imports this module)

    base = _package_dir("spylls")
    if base is not None:
        dic, aff = base / "hunspell" / "data" / "en" / "en_US.dic", base / "hunspell" / "data" / "en" / "en_US.aff"
        if dic.is_file() and aff.is_file():
            out.append((dic, aff))
    if os.environ.get("GARBLINT_SYSTEM_DICTIONARIES", "1").strip().lower() in ("0", "no", "false", "off"):
        return out
    for folder in SYSTEM_HUNSPELL_DIRS:
        for v in _VARIETIES:
            dic, aff = Path(folder) / f"{v}.dic", Path(folder) / f"{v}.aff"
            if dic.is_file() and aff.is_file() and dic.resolve() not in {d.resolve() for d, _ in out}:
                out.append((dic, aff))
    return out


def _parse_affixes(aff: str) -> dict[str, tuple[bool, bool, list[tuple[str, str, "re.Pattern[str]"]]]]:
    """flag -> (is_prefix, cross_product, [(strip, add, condition)]) from a Hunspell .aff text."""
    rules: dict[str, tuple[bool, bool, list[tuple[str, str, re.Pattern[str]]]]] = {}
    for line in aff.splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        kind, flag = parts[0], parts[1]
        if flag not in rules:  # the header: PFX/SFX flag cross_product count
            rules[flag] = (kind == "PFX", parts[2] == "Y", [])
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add = parts[3].split("/", 1)[0]
        add = "" if add == "0" else add
        cond = parts[4] if len(parts) > 4 else "."
        try:
            rx = re.compile(("^" + cond) if kind == "PFX" else (cond + "$"))
        except re.error:  # pragma: no cover - a condition we cannot read
            continue
        rules[flag][2].append((strip, add, rx))
    return rules


def hunspell_forms(dic: str, aff: str) -> set[str]:
    """Every lower-case word form a Hunspell dictionary spells (stems with their affixes).

    Capitalised stems (names) are left out; continuation flags on affixes are not followed.
    """
    rules = _parse_affixes(aff)
    out: set[str] = set()
    for line in dic.splitlines()[1:]:
        stem, _, flags = line.strip().partition("/")
        if not stem or not stem[0].islower() or not stem.replace("'", "").isalpha():
            continue
        out.add(stem)
        suffixed: list[str] = []
        prefixes = []
        for f in flags:
            r = rules.get(f)
            if r is None:
                continue
            is_pfx, cross, entries = r
            if is_pfx:
                prefixes.append(r)
                continue
            for strip, add, rx in entries:
                if rx.search(stem) and (not strip or stem.endswith(strip)):
                    form = (stem[: -len(strip)] if strip else stem) + add
                    out.add(form)
                    if cross:
                        suffixed.append(form)
        for _, cross, entries in prefixes:
            for strip, add, rx in entries:
                for base in [stem] + (suffixed if cross else []):
                    if rx.search(base) and (not strip or base.startswith(strip)):
                        out.add(add + (base[len(strip) :] if strip else base))
    return {w.lower() for w in out}
