"""The dask engine on a real scheduler and real worker processes on loopback, started by the tests.

The same inputs as the local engine give the same bytes; a worker killed with SIGKILL in
the middle of a chunk costs only that chunk, which the scheduler runs again; a client
killed with SIGKILL is completed by running the same command again.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from spacy.tokens import Doc

pytest.importorskip("distributed", reason="the dask engine needs the dask extra: pip install -e '.[dask]'")


import pipeline
from pipeline.batch import Item, Worker, run_batch
from pipeline.batch import worker as batch_worker
from pipeline.batch.worker import ChunkResult
from pipeline.extract import Extractor
from pipeline.ingest import Article, InputFile
from pipeline.record import EventRecord
from pipeline.tables import TABLES
from tests.conftest import ROOT
from tests.test_batch import (
    ARTICLE,
    _cli,
    _corpus,
    _errors,
    _lines,
    _options,
    _records,
    _stop_and_rerun,
    _wait_for_parts,
    _write_articles,
)


def _dask(inputs: Path | list[Path], out: Path, **options: object):
    return _options(inputs, out, engine="dask", jobs=2, **options)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """40 articles, an empty file and a JSON Lines file with a bad line, and the records.jsonl
    of the local engine over them."""
    folder = tmp_path_factory.mktemp("dask") / "in"
    _write_articles(folder, 40)
    (folder / "kosong.txt").write_bytes(b"")
    rows = [json.dumps({"id": "j1", "text": ARTICLE.replace("Hendra", "Yusuf")}), "{rusak"]
    (folder / "data.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    local = folder.parent / "local"
    run_batch(_options(folder, local))
    return folder, (local / "records.jsonl").read_bytes()


def test_the_dask_engine_gives_the_bytes_errors_and_counts_of_the_local_engine(corpus, tmp_path):
    folder, local = corpus
    out = tmp_path / "out"
    summary = run_batch(_dask(folder, out, tables_layout="dataset"))
    assert (out / "records.jsonl").read_bytes() == local
    assert (out / "errors.jsonl").read_bytes() == (folder.parent / "local" / "errors.jsonl").read_bytes()
    assert _errors(out) == {"data.jsonl": "invalid_json", "kosong.txt": "empty"}
    assert summary["articles"] == {"extracted": 41, "failed": 2, "found": 41, "reused": 0, "written": 41}
    assert (summary["engine"], summary["jobs"], len(summary["peak_rss_mb"]["workers"])) == ("dask", 2, 2)
    assert {"ingest", "nlp", "quotes", "serialize"} <= set(summary["stage_seconds"])
    # The row groups of the dataset were built by the workers: the same rows as the local files.
    from_dask, from_local = pipeline.load(out), pipeline.load(folder.parent / "local")
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(from_dask, name), getattr(from_local, name))
    again = run_batch(_dask(folder, out, tables_layout="dataset"))
    assert again["articles"] == {"extracted": 0, "failed": 2, "found": 41, "reused": 41, "written": 41}
    assert (out / "records.jsonl").read_bytes() == local


# --- slow: worker processes killed, clients killed, a scheduler and workers of the dask CLI -----


class _Slow(Extractor):
    def build_record(self, article: Article, doc: Doc) -> EventRecord:
        """Loops for 5 minutes on the article with `LAMBAT` (a stage gone wrong: Python code, which a
        time limit in a thread interrupts; a blocking call in C is interrupted when it returns)."""
        deadline = time.monotonic() + (300 if "LAMBAT" in article.text else 0)
        while time.monotonic() < deadline:
            pass
        return super().build_record(article, doc)


def _slow_extractor(worker: Worker, items: list[Item]) -> ChunkResult:
    """`Worker.process` with an extractor that takes 5 minutes on the article with `LAMBAT`."""
    batch_worker.Extractor = _Slow  # in the worker process: the extractor is built (and warmed up) on first use
    return worker.process(items)


@pytest.mark.slow
def test_dask_an_article_over_the_time_limit_fails_alone(tmp_path):
    """In a dask worker the task runs in a thread, where the time limit cannot be SIGALRM."""
    _write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "a-001.txt").write_text(ARTICLE + " LAMBAT", encoding="utf-8")
    started = time.perf_counter()
    run_batch(_dask(tmp_path / "in", tmp_path / "out", timeout=1.0), task=_slow_extractor)
    assert time.perf_counter() - started < 150
    assert [record["doc_id"] for record in _records(tmp_path / "out")] == ["a-000", "a-002"]
    (error,) = map(json.loads, _lines(tmp_path / "out" / "errors.jsonl"))
    assert (error["doc_id"], error["error"], error["message"]) == (
        "a-001",
        "timeout",
        "extracting the article took more than 1 s",
    )


#: Where the chunk of `a-020` writes its worker's pid, the first time it runs.
_VICTIM = "WARTA_TEST_VICTIM"


def _wait_to_be_killed(worker: Worker, items: list[Item]) -> ChunkResult:
    """The first time it gets `a-020`, extracts the chunk, reports its pid and waits to be killed;
    run again (on another worker, or this one restarted), it returns the chunk's result."""
    result = worker.process(items)
    victim = Path(os.environ[_VICTIM])
    if any(isinstance(item, InputFile) and item.doc_id == "a-020" for item in items) and not victim.exists():
        victim.write_text(str(os.getpid()), encoding="ascii")
        time.sleep(60)
    return result


@pytest.mark.slow
def test_a_dask_worker_killed_mid_chunk_costs_only_its_chunk(corpus, tmp_path, monkeypatch):
    folder, local = corpus
    victim = tmp_path / "victim"
    monkeypatch.setenv(_VICTIM, str(victim))  # LocalCluster workers inherit the environment
    killed: list[int] = []

    def kill_when_reported() -> None:
        deadline = time.monotonic() + 120
        while not victim.exists() or not victim.read_text():
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
        killed.append(int(victim.read_text()))
        os.kill(killed[0], signal.SIGKILL)

    killer = threading.Thread(target=kill_when_reported, daemon=True)
    killer.start()
    monkeypatch.setattr("pipeline.batch.runner.CHUNK_SIZE", 4)
    summary = run_batch(_dask(folder, tmp_path / "out"), task=_wait_to_be_killed)
    killer.join(timeout=5)
    assert len(killed) == 1
    assert not Path(f"/proc/{killed[0]}").exists() or "zombie" in Path(f"/proc/{killed[0]}/status").read_text()
    assert (tmp_path / "out" / "records.jsonl").read_bytes() == local  # every article once, in order
    assert summary["articles"] == {"extracted": 41, "failed": 2, "found": 41, "reused": 0, "written": 41}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dask_cluster(tmp_path: Path):
    """A `dask scheduler` and a `dask worker` (2 processes of 1 thread) on loopback, as the README starts them."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask_cli = str(Path(sys.executable).with_name("dask"))
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    logs = (tmp_path / "scheduler.log").open("w"), (tmp_path / "worker.log").open("w")
    scheduler = subprocess.Popen(
        [dask_cli, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=logs[0],
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        env=env,
    )
    workers = subprocess.Popen(
        [dask_cli, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
        stdout=logs[1],
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        env=env,
    )
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in (workers, scheduler):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in logs:
            log.close()


def _dask_cli(folder: Path, out: Path, *options: str) -> subprocess.Popen[str]:
    return _cli(folder, out, "--engine", "dask", *options)


@pytest.fixture(scope="module")
def corpus_120(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    return _corpus(tmp_path_factory, 120)


@pytest.mark.slow
def test_a_killed_client_is_completed_by_running_the_same_command_again(corpus_120, dask_cluster, tmp_path):
    folder, clean = corpus_120
    out = tmp_path / "out"
    process = _dask_cli(folder, out, "--scheduler", dask_cluster)
    _wait_for_parts(out, process, 3)
    process.kill()
    process.wait()
    parted = {json.loads(line)["doc_id"] for part in (out / ".parts").glob("part-*.jsonl") for line in _lines(part)}
    assert not (out / "records.jsonl").exists() and len(parted) >= 12
    rerun = _dask_cli(folder, out, "--scheduler", dask_cluster)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"]["reused"] >= len(parted) and summary["articles"]["written"] == 120
    assert summary["articles"]["reused"] + summary["articles"]["extracted"] == 120
    assert (out / "records.jsonl").read_bytes() == clean


@pytest.mark.slow
def test_ctrl_c_stops_a_dask_run_with_130_and_a_rerun_completes_it(corpus_120, tmp_path):
    folder, clean = corpus_120
    _stop_and_rerun(lambda: _dask_cli(folder, tmp_path / "out", "--jobs", "2"), tmp_path / "out", signal.SIGINT, clean)


@pytest.mark.slow
def test_dask_workers_read_inputs_given_as_fsspec_urls(corpus, tmp_path):
    folder, local = corpus
    run_batch(_dask(folder.as_uri(), tmp_path / "out"))
    records = _records(tmp_path / "out")
    assert [record["source"]["path"] for record in records[:2]] == [
        (folder / "a-000.txt").as_uri(),
        (folder / "a-001.txt").as_uri(),
    ]
    assert records[-1]["source"] == {
        "path": (folder / "data.jsonl").as_uri(),
        "line": 1,
        **{key: records[-1]["source"][key] for key in ("sha256", "url", "title", "published")},
    }
    expected = [json.loads(line) for line in local.decode().splitlines()]
    for record in (*records, *expected):
        record["source"].pop("path")
    assert records == expected
    assert _errors(tmp_path / "out") == {"data.jsonl": "invalid_json", "kosong.txt": "empty"}
