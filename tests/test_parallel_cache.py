"""--jobs gives the same output as --jobs 1; the cache gives the same findings and invalidates."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from pathlib import Path

import pytest

from garblint.lint.cache import Cache, run_key
from garblint.lint.config import Config, convert
from garblint.lint.rule import _REGISTRY, RuleUnavailable
from garblint.lint.runner import discover, lint_targets, lint_text, selected_rules

from conftest import run_cli
from speed_helpers import RareCapitalisedWord, make_texts, unregister_test_rule, write_tree


@pytest.fixture
def corpus_rule():
    # Worker processes see this test-only rule only when they are forked from this process.
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the test-only corpus rule reaches worker processes only with the fork start method")
    _REGISTRY[RareCapitalisedWord.code] = RareCapitalisedWord
    yield RareCapitalisedWord
    unregister_test_rule()


def _summary(results):
    return [(r.path, r.error, r.skipped, r.words, [f.to_dict() for f in r.findings]) for r in results]


def _lint(folder: Path, config: Config, **kw):
    return lint_targets(discover([str(folder)], config), config, **kw)


def test_findings_pickle_round_trip():
    text = make_texts(1, seed=3)[0] + "\nThe vote vote was held ,today.\n"
    findings = lint_text(text, Config())
    assert findings, "the sample text has damage the foundation rules flag"
    assert pickle.loads(pickle.dumps(findings)) == findings


def test_jobs_output_identical_and_ordered(tmp_path, corpus_rule):
    write_tree(tmp_path / "tree", 40)
    config = Config({"select": convert("select", ["ALL"])})
    one = _lint(tmp_path / "tree", config, jobs=1)
    two = _lint(tmp_path / "tree", config, jobs=2)
    assert [r.path for r in one] == sorted(r.path for r in one)
    assert _summary(one) == _summary(two)
    assert any(f.code == "Z901" for r in one for f in r.findings)


def test_cli_jobs_json_identical(tmp_path):
    write_tree(tmp_path / "tree", 30)
    outs = []
    for jobs in ("1", "2"):
        p = run_cli("check", "--no-cache", "-j", jobs, "--output-format", "json", "tree", cwd=tmp_path)
        assert p.returncode == 1, p.stderr
        outs.append(json.loads(p.stdout))
    assert outs[0] == outs[1]
    assert outs[0]["summary"]["findings"] > 0


def test_cache_hits_give_identical_findings(tmp_path):
    write_tree(tmp_path / "tree", 25)
    config = Config({"cache-dir": str(tmp_path / "c")})
    rules = selected_rules(config)
    first_cache = Cache.for_run(config, rules)
    first = _lint(tmp_path / "tree", config, jobs=1, cache=first_cache)
    assert first_cache.hits == 0
    second_cache = Cache.for_run(config, rules)
    second = _lint(tmp_path / "tree", config, jobs=2, cache=second_cache)
    # every file is a hit: its result, and (with corpus rules on) its corpus facts
    n_corpus = any(r.corpus for r in rules)
    assert second_cache.hits == 25 * (1 + n_corpus) and second_cache.misses == 0
    assert _summary(first) == _summary(second)
    assert [r.source_lines for r in first] == [r.source_lines for r in second]


def test_cache_rechecks_a_changed_file(tmp_path):
    paths = write_tree(tmp_path / "tree", 5)
    config = Config()
    c1 = Cache(tmp_path / "c", run_key(config, selected_rules(config)))
    _lint(tmp_path / "tree", config, cache=c1)
    paths[2].write_text("The vote vote was held.\n", encoding="utf-8")
    c2 = Cache(tmp_path / "c", run_key(config, selected_rules(config)))
    res = _lint(tmp_path / "tree", config, cache=c2)
    assert c2.hits == 4
    assert [f.text for f in res[2].findings] == ["vote vote"]


def test_cache_key_changes_with_names_list_content(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Edda Brandt\n", encoding="utf-8")
    config = Config({"names": [str(names)]})
    rules = selected_rules(config)
    before = run_key(config, rules)
    assert run_key(Config({"names": [str(names)]}), rules) == before
    names.write_text("Edda Brand\n", encoding="utf-8")  # same path, new content
    assert run_key(Config({"names": [str(names)]}), rules) != before


def test_cache_key_changes_with_config_but_not_presentation(tmp_path):
    base = Config()
    rules = selected_rules(base)
    key = run_key(base, rules)
    assert run_key(base.merged({"output-format": "json", "jobs": 3}), rules) == key
    assert run_key(base.merged({"min-confidence": 0.95}), rules) != key
    assert run_key(base.merged({"mode": "ocr"}), rules) != key


def test_cli_cache_invalidates_when_config_changes(tmp_path):
    write_tree(tmp_path / "tree", 10)
    args = ("check", "--output-format", "json", "-j", "1", "tree")
    first = json.loads(run_cli(*args, cwd=tmp_path).stdout)
    assert (tmp_path / ".garblint_cache" / "CACHEDIR.TAG").is_file()
    assert "R001" in first["summary"]["by_code"]
    (tmp_path / "garblint.toml").write_text('ignore = ["R001"]\n', encoding="utf-8")
    second = json.loads(run_cli(*args, cwd=tmp_path).stdout)
    assert "R001" not in second["summary"]["by_code"]
    (tmp_path / "garblint.toml").unlink()
    third = json.loads(run_cli(*args, cwd=tmp_path).stdout)
    assert third == first


def test_cache_invalidates_when_corpus_facts_change(tmp_path, corpus_rule):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text("Hollin council met.\n", encoding="utf-8")
    (tree / "b.txt").write_text("Fernby council met.\n", encoding="utf-8")
    config = Config({"select": ["Z901"]})
    rules = selected_rules(config)
    res = _lint(tree, config, jobs=1, cache=Cache(tmp_path / "c", run_key(config, rules)))
    assert [f.text for f in res[0].findings] == ["Hollin"]
    # b.txt now mentions Hollin too: a.txt is unchanged but its finding must go.
    (tree / "b.txt").write_text("Fernby and Hollin councils met.\n", encoding="utf-8")
    cache = Cache(tmp_path / "c", run_key(config, rules))
    res = _lint(tree, config, jobs=1, cache=cache)
    assert res[0].findings == []
    uncached = _lint(tree, config, jobs=1)
    assert _summary(res) == _summary(uncached)


def test_corrupt_cache_entry_is_a_miss(tmp_path):
    write_tree(tmp_path / "tree", 3)
    config = Config()
    key = run_key(config, selected_rules(config))
    first = _lint(tmp_path / "tree", config, cache=Cache(tmp_path / "c", key))
    import sqlite3

    db = sqlite3.connect(tmp_path / "c" / "cache-v1.sqlite3")
    with db:
        assert db.execute("UPDATE entries SET value = ?", (b"not a pickle",)).rowcount >= 3
    db.close()
    cache = Cache(tmp_path / "c", key)
    again = _lint(tmp_path / "tree", config, cache=cache)
    # every entry read is a miss: with a corpus rule, the 3 files' facts (their first-pass
    # results then stand, as no file may be flagged); without, the 3 results
    assert cache.misses == 3 and cache.hits == 0
    assert _summary(first) == _summary(again)


def test_unusable_cache_database_turns_the_cache_off(tmp_path):
    write_tree(tmp_path / "tree", 3)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "cache-v1.sqlite3").write_bytes(b"this is not a database" * 100)
    config = Config()
    cache = Cache(tmp_path / "c", run_key(config, selected_rules(config)))
    res = _lint(tmp_path / "tree", config, cache=cache)
    assert cache.disabled_reason and "cannot use the cache" in cache.disabled_reason
    assert _summary(res) == _summary(_lint(tmp_path / "tree", config))


def test_no_cache_and_clean(tmp_path):
    write_tree(tmp_path / "tree", 3)
    p = run_cli("check", "--no-cache", "tree", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    assert not (tmp_path / ".garblint_cache").exists()
    run_cli("check", "tree", cwd=tmp_path)
    assert (tmp_path / ".garblint_cache").is_dir()
    p = run_cli("clean", cwd=tmp_path)
    assert p.returncode == 0 and b"removed" in p.stdout
    assert not (tmp_path / ".garblint_cache").exists()
    (tmp_path / "other" / ".garblint_cache").mkdir(parents=True)
    p = run_cli("clean", "--cache-dir", "other", cwd=tmp_path)
    assert p.returncode == 2 and b"not created by garblint" in p.stderr
    assert (tmp_path / "other" / ".garblint_cache").is_dir()


def test_cache_dir_from_config_is_relative_to_it(tmp_path):
    write_tree(tmp_path / "proj" / "tree", 2)
    (tmp_path / "proj" / "garblint.toml").write_text('cache-dir = "build/lintcache"\n', encoding="utf-8")
    (tmp_path / "proj" / "tree" / "sub").mkdir()
    p = run_cli("check", "..", cwd=tmp_path / "proj" / "tree" / "sub")
    assert p.returncode == 1, p.stderr
    assert (tmp_path / "proj" / "build" / "lintcache" / ".garblint_cache" / "CACHEDIR.TAG").is_file()


@pytest.mark.parametrize("fork", [True, False], ids=["shared-by-fork", "pool"])
def test_big_file_split_output_identical(tmp_path, monkeypatch, fork):
    from garblint.lint import bigfile, forkshare, runner

    if fork and not forkshare.can_fork():
        pytest.skip("the document is shared with forked children only on Linux")
    # (a thread another test left, such as Dask's, would turn the fork off: this test forks anyway)
    monkeypatch.setattr(forkshare, "available", lambda: fork)
    texts = make_texts(60, seed=23)
    # Damage right at paragraph starts and ends, where the pieces are cut.
    texts += ["the the vote was held ,today.With care  and\u200bthought caf\u00c3\u00a9 \ufffd end .\n"] * 5
    big = tmp_path / "big.txt"
    text = "\n\n".join(texts).replace("\n\n\n", "\n \n\n")
    # Every paragraph starts with a doubled word, so every cut has a finding beside it.
    big.write_text("the the " + text.replace("\n\n", "\n\nthe the "), encoding="utf-8")
    config = Config({"select": ["ALL"]})
    one = lint_targets(discover([str(big)], config), config, jobs=1)
    monkeypatch.setattr(runner, "SPLIT_MIN_CHARS", 1000)
    calls = []
    real = bigfile.lint_split
    monkeypatch.setattr(bigfile, "lint_split", lambda *a: calls.append(a[-1]) or real(*a))
    two = lint_targets(discover([str(big)], config), config, jobs=2)
    assert calls == [2], "the big file was split, its document-level families shared with a worker"
    assert len(bigfile.split_spans(big.read_text(encoding="utf-8"), 4)) == 4
    assert _summary(one) == _summary(two)
    assert one[0].source_lines == two[0].source_lines
    assert {f.code for f in one[0].findings} >= {"R001", "P001", "P002", "P003", "E001", "E004"}


def test_split_spans_cut_at_paragraph_breaks():
    from garblint.lint.bigfile import split_spans

    text = "".join(f"Paragraph {i} has words.\nAnd a second line.\n\n" for i in range(50))
    spans = split_spans(text, 5)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))
    assert all(text[a - 2 : a] == "\n\n" for a, _ in spans[1:])
    assert 3 <= len(spans) <= 5


def _name_tree(folder: Path) -> None:
    folder.mkdir()
    for i in range(4):
        (folder / f"a{i}.txt").write_text(
            f"Health Minister Ada Quell opened clinic number {i} on Monday.\n\nQuell said the clinic would stay open.\n",
            encoding="utf-8",
        )
    (folder / "b.txt").write_text("Health Minister Ada Quelle visited the harbour.\n\nQuelle said the ferry would run again.\n", encoding="utf-8")


def test_corpus_run_lints_most_files_once(tmp_path, monkeypatch):
    import garblint.lint.runner as runner

    _name_tree(tmp_path / "tree")
    (tmp_path / "tree" / "c.txt").write_text("The harbour reopened on Monday after the storm.\n", encoding="utf-8")
    config = Config()
    built = []
    real = runner.document_from_bytes
    monkeypatch.setattr(runner, "document_from_bytes", lambda data, path: built.append(Path(path).name) or real(data, path))
    fast = _lint(tmp_path / "tree", config, jobs=1)
    # only the file a corpus rule may flag (the minority spelling) is read a second time
    assert sorted(built) == sorted(["a0.txt", "a1.txt", "a2.txt", "a3.txt", "b.txt", "c.txt", "b.txt"])
    from garblint.rules.names import CorpusNameVariant

    built.clear()
    monkeypatch.setattr(CorpusNameVariant, "may_flag", lambda self, facts, merged: True)
    slow = _lint(tmp_path / "tree", config, jobs=1)
    assert len(built) == 12  # "may flag" everywhere: every file linted again with the corpus
    assert _summary(fast) == _summary(slow)
    assert [f.code for r in fast for f in r.findings if f.code == "N004"] and all(
        f.code != "N004" for r in fast if not r.path.endswith("b.txt") for f in r.findings
    )


def test_n004_may_flag_is_never_false_where_check_reports(tmp_path):
    # on generated corpora with misspelled names, every file with an N004 finding was "may flag"
    import random

    from garblint.lint.runner import collect_facts
    from garblint.lint.textio import make_document
    from garblint.rules.names import CorpusNameVariant

    rng = random.Random(5)
    rule = CorpusNameVariant()
    config = Config()
    surnames = ["Quell", "Brenneck", "Ostrova", "Haldane", "Marchetti"]
    for _ in range(20):
        texts = []
        for _ in range(rng.randint(3, 8)):
            name = rng.choice(surnames)
            if rng.random() < 0.3:
                k = rng.randrange(1, len(name))
                name = name[:k] + rng.choice("aeiolnrt") + name[k + 1 :]
            texts.append(f"Minister Ada {name} opened the clinic.\n\n{name} said it would stay open.\n")
        docs = [make_document(t, f"d{i}.txt") for i, t in enumerate(texts)]
        facts = [collect_facts(d, config, [rule])[rule.code] for d in docs]
        merged = rule.merge(facts)
        for d, f in zip(docs, facts):
            d.corpus[rule.code] = merged
            if list(rule.check(d, config)):
                assert rule.may_flag(f, merged), d.text


def test_whole_rule_groups_keep_families_together_and_cover_every_rule():
    from garblint.lint.bigfile import whole_rule_groups

    rules = [r for r in selected_rules(Config({"select": convert("select", ["ALL"])})) if not r.splittable]
    for n in (1, 2, 3, 8):
        groups = whole_rule_groups(rules, n)
        assert len(groups) == n
        flat = [r.code for g in groups for r in g]
        assert sorted(flat) == sorted(r.code for r in rules)  # each rule exactly once
        for g in groups:  # each group in the rules' own order
            assert [r.code for r in g] == [r.code for r in rules if r in g]
        home = {}
        for k, g in enumerate(groups):
            for r in g:
                assert home.setdefault(r.family, k) == k  # a family never split
    two = whole_rule_groups(rules, 2)
    assert two[1], "with a spare worker some families leave the main process"
    assert {r.family for r in two[0]} & {"N", "D", "O", "G"}, "and some heavy ones stay"


def _lost_worker(*args):
    raise RuntimeError("worker lost")


def _big_file_linted_alone(tmp_path, seed):
    """A big file with R001 and P001 damage, the config that selects every rule, and the
    file's results with one job."""
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(make_texts(40, seed=seed)) + "\n\nthe the vote was held ,today.\n", encoding="utf-8")
    config = Config({"select": ["ALL"]})
    return big, config, lint_targets(discover([str(big)], config), config, jobs=1)


def test_big_file_survives_lost_workers(tmp_path, monkeypatch):
    from garblint.lint import bigfile, forkshare, runner

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the failing worker functions reach the pool only with the fork start method")
    monkeypatch.setattr(forkshare, "available", lambda: False)
    big, config, one = _big_file_linted_alone(tmp_path, seed=31)
    monkeypatch.setattr(runner, "SPLIT_MIN_CHARS", 1000)
    monkeypatch.setattr(bigfile, "_worker_whole", _lost_worker)
    monkeypatch.setattr(bigfile, "_worker_piece", _lost_worker)
    two = lint_targets(discover([str(big)], config), config, jobs=2)
    assert _summary(one) == _summary(two)
    assert {"R001", "P001"} <= {f.code for f in two[0].findings}


def test_big_file_survives_a_lost_forked_child(tmp_path, monkeypatch):
    # the child takes a family and dies before it reports: the main process runs that family too
    import os

    from garblint.lint import forkshare, runner

    if not forkshare.can_fork():
        pytest.skip("the document is shared with forked children only on Linux")
    monkeypatch.setattr(forkshare, "available", lambda: True)
    big, config, one = _big_file_linted_alone(tmp_path, seed=37)
    main_pid = os.getpid()
    real = forkshare._claim_and_run
    claimed = []

    def lose_child(doc, config, groups, tokens):
        if os.getpid() != main_pid:
            os.read(tokens, 1)
            os._exit(9)
        claimed.append(len(groups))
        return real(doc, config, groups, tokens)

    monkeypatch.setattr(runner, "SPLIT_MIN_CHARS", 1000)
    monkeypatch.setattr(forkshare, "_claim_and_run", lose_child)
    two = lint_targets(discover([str(big)], config), config, jobs=2)
    assert claimed, "the main process shared the document with a forked child"
    assert _summary(one) == _summary(two)
    assert {"R001", "P001"} <= {f.code for f in two[0].findings}


def test_forkshare_runs_everything_here_when_it_cannot_fork(monkeypatch):
    import os

    from garblint.lint import forkshare
    from garblint.lint.textio import make_document

    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")

    text = "\n\n".join(make_texts(12, seed=41)) + "\n\nthe the vote was held ,today.\n"
    config = Config({"select": ["ALL"]})
    rules = selected_rules(config)
    alone, alone_crashes = _run_in_one_process(make_document(text, "a.txt"), config, rules)
    monkeypatch.setattr(os, "fork", no_fork)
    notices = []
    shared, crashes = forkshare.run_shared(make_document(text, "a.txt"), config, rules, 1, notices)
    assert [f.to_dict() for f in shared] == [f.to_dict() for f in alone]
    assert crashes == alone_crashes and {"R001", "P001"} <= {f.code for f in shared}


def _run_in_one_process(doc, config, rules):
    from garblint.lint.runner import run_rules

    for r in rules:
        if r.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    return run_rules(doc, config, rules, [], finish=False)


def test_forkshare_deals_out_every_family_heaviest_first():
    from garblint.lint.forkshare import families

    rules = selected_rules(Config({"select": convert("select", ["ALL"])}))
    groups = families(rules)
    assert sorted(r.code for g in groups for r in g) == sorted(r.code for r in rules)
    assert all(len({r.family for r in g}) == 1 for g in groups)
    assert len({g[0].family for g in groups}) == len(groups)
    costs = [max(r.family_cost for r in g) for g in groups]
    assert costs == sorted(costs, reverse=True)


def test_forkshare_is_off_while_another_thread_runs():
    import threading

    from garblint.lint import forkshare

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not forkshare.available()
    finally:
        stop.set()
        other.join()
    if forkshare.can_fork() and threading.active_count() == 1:
        assert forkshare.available()


class _Flaky(RareCapitalisedWord):
    """A rule that finds something, then fails, on some documents (test-only, never registered)."""

    code = "Z977"
    corpus = False

    def check(self, doc, config):
        yield from super().check(doc, config)
        if "ferry" in doc.text:
            raise ValueError("a bug")
        if "bridge" in doc.text:
            raise RuleUnavailable("no backend", required="weir" in doc.text)


_REGISTRY.pop(_Flaky.code, None)  # (a Rule subclass registers itself: no other test may meet it)


def test_batched_rules_give_each_document_its_own_run():
    # every rule over a batch of documents before the next rule: each document gets the
    # findings, notices and crash messages run_rules gives it alone, in the same order
    from garblint.lint.runner import run_rules, run_rules_batch
    from garblint.lint.textio import make_document

    config = Config({"select": convert("select", ["ALL"])})
    rules = selected_rules(config) + [_Flaky()]
    texts = make_texts(24, seed=11) + ["", "garblint: disable=R\nThe the vote.\n", "Bridge the the weir [sic] ,today.\n"]

    def docs():
        return [make_document(t, f"d{i}.md" if i % 5 == 0 else f"d{i}.txt") for i, t in enumerate(texts)]

    alone = []
    for doc in docs():
        notices: list = []
        found, crashes = run_rules(doc, config, rules, notices)
        alone.append(([f.to_dict() for f in found], crashes, notices))
    batch = docs()
    notices_lists: list[list] = [[] for _ in batch]
    together = [([f.to_dict() for f in found], crashes, notices) for (found, crashes), notices in zip(run_rules_batch(batch, config, rules, notices_lists), notices_lists)]
    assert together == alone
    assert any(crashes for _, crashes, _ in alone) and any(notices for _, _, notices in alone)
    assert sum(1 for found, _, _ in alone if found) > 20


def test_batches_cover_every_item_in_order_within_their_bounds():
    import random

    from garblint.lint.runner import BATCH_BYTES, BATCH_FILES, _batches

    rng = random.Random(4)
    for _ in range(200):
        sizes = [rng.choice([0, 10, 600, 5_000, 40_000, 70_000, 2_000_000]) for _ in range(rng.randint(0, 120))]
        most = rng.randint(1, 80)
        runs = _batches(sizes, most)
        assert [i for r in runs for i in r] == list(range(len(sizes)))
        for r in runs:
            assert len(r) >= 1 and len(r) <= min(most, BATCH_FILES)
            assert len(r) == 1 or sum(sizes[i] for i in r) <= BATCH_BYTES


def test_batched_run_keeps_errors_and_order_of_each_file(tmp_path):
    # unreadable, binary and empty files among the text files of one batch
    from garblint.lint.runner import _lint_one

    folder = tmp_path / "tree"
    write_tree(folder, 12)
    (folder / "doc003b.txt").write_bytes(b"\x00\x01binary")
    (folder / "doc005b.txt").write_text("", encoding="utf-8")
    (folder / "doc007b.txt").write_bytes("Caf\xe9 au lait, the the vote.\n".encode("latin-1"))
    targets = discover([str(folder)], Config())
    (folder / "doc009.txt").unlink()  # gone between discovery and reading
    # with a corpus rule (the first pass lints) and without (only the second pass does)
    for config in (Config(), Config({"select": convert("select", ["R", "P", "E"])})):
        batched = lint_targets(targets, config, jobs=1)
        alone = [_lint_one((t, config, {})) for t in targets]
        assert [r.path for r in batched] == [t.path for t in targets]
        assert [(r.error, r.skipped) for r in batched] == [(r.error, r.skipped) for r in alone]
        assert any(r.error for r in batched) and any(r.skipped for r in batched)
        assert _summary(lint_targets(targets, config, jobs=2)) == _summary(batched)
    assert _summary(batched) == _summary(alone)  # (no corpus rule: each file on its own)
