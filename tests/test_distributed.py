"""Dask: a LocalCluster on 127.0.0.1 with 2 workers gives the findings of a local run."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from garblint.lint.config import Config  # noqa: E402
from garblint.lint.distributed import (  # noqa: E402
    COLUMNS,
    finding_row,
    lint_bag,
    lint_series,
    lint_targets_dask,
    lint_texts,
)
from garblint.lint.rule import _REGISTRY  # noqa: E402
from garblint.lint.runner import discover, lint_targets  # noqa: E402

from conftest import run_cli  # noqa: E402
from speed_helpers import RareCapitalisedWord, make_texts, unregister_test_rule, write_tree  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture
def corpus_rule():
    _REGISTRY[RareCapitalisedWord.code] = RareCapitalisedWord
    yield RareCapitalisedWord
    unregister_test_rule()


def _local_rows(texts, config, ids=None):
    ids = list(range(len(texts))) if ids is None else ids
    return [finding_row(i, f) for i, fs in zip(ids, lint_texts(texts, config)) for f in fs]


def _rows(frame):
    return frame.to_dict("records")


def test_bag_matches_local_run_with_corpus_rule(client, corpus_rule):
    import dask.bag as db

    texts = make_texts(30, seed=11)
    config = Config({"select": ["R", "P", "E", "Z901"]})
    frame = lint_bag(db.from_sequence(texts, npartitions=6), config)
    assert list(frame.columns) == list(COLUMNS)
    got = _rows(frame.compute())
    want = _local_rows(texts, config)
    assert got == want
    assert any(r["code"] == "Z901" for r in want) and any(r["code"] == "R001" for r in want)
    # Linting each partition on its own would flag words that occur in other partitions.
    per_part = [row for k in range(0, 30, 5) for row in _local_rows(texts[k : k + 5], config, list(range(k, k + 5)))]
    assert sorted(map(json.dumps, per_part)) != sorted(map(json.dumps, want))


def test_bag_of_id_text_pairs(client):
    import dask.bag as db

    texts = make_texts(8, seed=5)
    ids = [f"article-{i}" for i in range(8)]
    frame = lint_bag(db.from_sequence(list(zip(ids, texts)), npartitions=3), Config()).compute()
    assert _rows(frame) == _local_rows(texts, Config(), ids)


def test_dataframe_column_matches_local_run(client, corpus_rule):
    import dask.dataframe as dd
    import pandas as pd

    texts = make_texts(20, seed=13)
    pdf = pd.DataFrame({"body": texts}, index=[100 + i for i in range(20)])
    config = Config({"select": ["ALL"]})
    frame = lint_series(dd.from_pandas(pdf, npartitions=4)["body"], config).compute()
    assert _rows(frame) == _local_rows(texts, config, [100 + i for i in range(20)])
    assert set(frame["doc"]) <= set(pdf.index)


def test_files_on_cluster_match_local_run(client, corpus_rule, tmp_path):
    write_tree(tmp_path / "tree", 24, seed=17)
    config = Config({"select": ["ALL"]})
    targets = discover([str(tmp_path / "tree")], config)
    local = lint_targets(targets, config, jobs=1)
    remote = lint_targets_dask(targets, config, client)
    assert [(r.path, r.findings, r.words) for r in remote] == [(r.path, r.findings, r.words) for r in local]
    assert any(f.code == "Z901" for r in local for f in r.findings)


def test_cli_dask_matches_local_cli(client, tmp_path):
    write_tree(tmp_path / "tree", 12, seed=19)
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    local = run_cli("check", "--no-cache", "--output-format", "json", "tree", cwd=tmp_path)
    remote = run_cli("check", "--dask", address, "--output-format", "json", "tree", cwd=tmp_path)
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_cli_dask_unreachable_scheduler_is_one_line_error(tmp_path):
    write_tree(tmp_path / "tree", 1)
    p = run_cli("check", "--dask", "tcp://127.0.0.1:9", "tree", cwd=tmp_path, env={"GARBLINT_DASK_TIMEOUT": "2"})
    assert p.returncode == 2
    err = p.stderr.decode()
    assert "cannot connect to the Dask scheduler" in err and "Traceback" not in err
