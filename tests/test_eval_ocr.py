"""The OCR evaluation's damage model: seeded, and its gold list undoes exactly what it did."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load():
    spec = importlib.util.spec_from_file_location("eval_ocr", ROOT / "eval" / "ocr.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _restore(noisy: str, gold: list[dict]) -> str:
    out = noisy
    for g in sorted(gold, key=lambda g: g["start"], reverse=True):
        a = g["start"] - (1 if g["kind"] == "junk" else 0)  # junk was inserted with a space
        out = out[:a] + g["expect"] + out[g["end"] :]
    return out


def test_damage_is_seeded_and_reversible() -> None:
    mod = _load()
    text = (ROOT / "tests" / "corpus" / "clean" / "report-council.txt").read_text(encoding="utf-8")
    noisy1, gold1 = mod.damage(text, 0.2, random.Random(5))
    noisy2, gold2 = mod.damage(text, 0.2, random.Random(5))
    assert (noisy1, gold1) == (noisy2, gold2)
    assert len(gold1) > 20 and noisy1 != text
    assert len({g["kind"] for g in gold1}) >= 5
    for g in gold1:
        assert noisy1[g["start"] : g["end"]] != g["expect"]
    assert _restore(noisy1, gold1) == text
    assert mod.damage(text, 0.0, random.Random(5)) == (text, [])
