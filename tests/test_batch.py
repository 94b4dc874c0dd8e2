"""The batch runner: bad inputs, re-runs, interruptions (in process and kill -9), workers, time limits."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from spacy.tokens import Doc

from pipeline.batch import BatchOptions, Interrupted, Item, KeyIndex, Worker, limits, parts, run_batch, runner
from pipeline.batch import worker as batch_worker
from pipeline.batch.parts import record_key
from pipeline.extract import Extractor
from pipeline.ingest import Article, InputFile, read_file
from pipeline.record import EventRecord
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8"))
ARTICLE = (
    "SUKAMAJU – Wakil Bupati Sukamaju, Hendra Wijaya, meninjau tanggul yang jebol di Desa Mekarsari, "
    "Kamis (9/10/2025). “Perbaikan harus selesai sebelum musim hujan,” kata Hendra."
)
ENGLISH = (
    "The mayor opened the new market on Monday and said that the city would build two more markets "
    "before the end of the year, because the old ones were too small for the traders and their customers. "
    "Traders welcomed the plan but asked for lower rents and better roads to the market."
)
HTML = """<!DOCTYPE html><html><head><title>Bupati Tinjau Tanggul</title>
<script>var tracker = {"a": 1}; function f() { return "“kutipan palsu”"; }</script>
<script src="/analytics.js"></script><style>p { color: red; }</style></head>
<body><nav><a href="/">Beranda</a></nav><script>document.write("iklan");</script>
<article><h1>Bupati Tinjau Tanggul</h1><p>{article}</p><script>/* </p> */ var x = "<p>";</script>
<p>Tanggul sepanjang 200 meter itu jebol pekan lalu setelah hujan deras mengguyur wilayah tersebut.</p></article>
<script>for (var i = 0; i < 10; i++) {{ console.log(i); }}</script></body></html>"""


def _options(inputs: Path | str | list[Path] | list[str], out: Path, **options: object) -> BatchOptions:
    paths = inputs if isinstance(inputs, list) else [inputs]
    values: dict = {"model": "blank", "progress": False} | options
    return BatchOptions(inputs=tuple(str(path) for path in paths), out=out, **values)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in _lines(out / "records.jsonl")]


def _errors(out: Path) -> dict[str, str]:
    return {Path(error["path"]).name: error["error"] for error in map(json.loads, _lines(out / "errors.jsonl"))}


def _write_articles(folder: Path, count: int) -> list[str]:
    """`count` different articles `a-000.txt` ...; returns their doc_ids."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number in range(count):
        day = number % 28 + 1
        text = ARTICLE.replace("Hendra", f"Hendra{number}").replace("Kamis (9/10/2025)", f"Kamis ({day}/10/2025)")
        (folder / f"a-{number:03d}.txt").write_text(text, encoding="utf-8")
        names.append(f"a-{number:03d}")
    return names


def test_key_index_finds_exactly_its_keys():
    keys = [record_key(f"doc{number}", "0" * 64, "0.1.0", "blank") for number in range(500)]
    keys += [b"\x00" * 16, b"\x01" + b"\x00" * 15, b"\xff" * 16]  # trailing NULs must not be lost
    index = KeyIndex(b"".join(keys + keys[:10]))
    assert len(index) == len(keys)
    assert all(key in index for key in keys)
    assert record_key("doc1", "1" * 64, "0.1.0", "blank") not in index
    assert b"\x00" * 15 not in index
    assert "doc1" not in index
    assert record_key("a", "b", "c", "d") not in KeyIndex()


def test_bad_inputs_never_stop_a_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    files = {
        "kosong.txt": b"",
        "spasi.txt": b"  \n\t \r\n \xc2\xa0\n",
        "gambar.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "nul.txt": b"abc\x00\x01\x02\x03" * 100,
        "rusak.txt": ARTICLE.encode("utf-8") + b" \xff\xfe",
        "utf16.txt": ARTICLE.encode("utf-16"),
        "utf16-tanpa-bom.txt": ARTICLE.encode("utf-16-le"),
        "cp1252.txt": ARTICLE.replace("–", "-").encode("cp1252") + " Café".encode("cp1252"),
        "skrip.html": HTML.replace("{article}", ARTICLE).encode("utf-8"),
        "hanya-skrip.html": b"<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>",
        "inggris.txt": ENGLISH.encode("utf-8"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    rows = [
        json.dumps({"id": "baik", "text": ARTICLE}),
        json.dumps({"id": "tanpa-teks", "title": "Judul"}),
        json.dumps({"id": "teks-angka", "text": 42}),
        json.dumps({"id": ["daftar"], "text": ARTICLE, "title": 7, "published": "kemarin"}),
        json.dumps([1, 2]),
        "{rusak",
        "",
        json.dumps({"id": "kosong", "text": "   "}),
    ]
    (folder / "data.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "daftar.json").write_text(json.dumps([{"text": ARTICLE}, "bukan objek"]), encoding="utf-8")
    (folder / "lingkaran.txt").symlink_to(folder / "lingkaran.txt")
    (folder / "putus.txt").symlink_to(folder / "tidak-ada.txt")
    (folder / "folder-loop").symlink_to(folder)
    os.mkfifo(folder / "pipa.txt")
    out = tmp_path / "out"
    summary = run_batch(_options(folder, out))
    records = {record["doc_id"]: record for record in _records(out)}
    for record in records.values():
        jsonschema.validate(record, SCHEMA)
    warnings = {doc_id: [warning["code"] for warning in record["warnings"]] for doc_id, record in records.items()}
    assert warnings == {
        "baik": [],
        "daftar#1": [],
        "data#4": ["invalid_field", "invalid_field", "invalid_published"],
        "cp1252": ["decoding"],
        "inggris": ["not_indonesian"],
        "rusak": ["decoding"],
        "skrip": [],
        "utf16": [],
        "utf16-tanpa-bom": [],
    }
    assert "function" not in records["skrip"]["text"] and "Tanggul sepanjang 200 meter" in records["skrip"]["text"]
    assert records["cp1252"]["text"].endswith("Café")
    errors = [json.loads(line) for line in _lines(out / "errors.jsonl")]
    assert {(Path(e["path"]).name, e["doc_id"], e["error"]) for e in errors} == {
        ("daftar.json", "daftar#2", "invalid_object"),
        ("data.jsonl", "data#2", "missing_text"),
        ("data.jsonl", "data#3", "invalid_field"),
        ("data.jsonl", "data#5", "invalid_object"),
        ("data.jsonl", "data#6", "invalid_json"),
        ("data.jsonl", "data#8", "empty"),
        ("gambar.txt", "gambar", "binary_file"),
        ("hanya-skrip.html", "hanya-skrip", "empty"),
        ("kosong.txt", "kosong", "empty"),
        ("lingkaran.txt", "lingkaran", "unreadable"),
        ("nul.txt", "nul", "binary_file"),
        ("pipa.txt", "pipa", "unreadable"),
        ("putus.txt", "putus", "unreadable"),
        ("spasi.txt", "spasi", "empty"),
    }
    assert all(error["message"] for error in errors)
    assert summary["articles"] == {"extracted": 9, "failed": 14, "found": 9, "reused": 0, "written": 9}


def test_a_file_name_that_is_not_utf8_gives_a_record(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    run_batch(_options(folder, tmp_path / "out"))
    (record,) = _records(tmp_path / "out")
    assert record["doc_id"] == "caf\ufffd"
    assert record["source"]["path"].endswith("caf\ufffd.txt")
    assert [warning["code"] for warning in record["warnings"]] == ["path_not_utf8"]


def test_read_file_refuses_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipa.txt")
    try:
        with limits.time_limit(2.0):
            (failure,) = read_file(InputFile(tmp_path / "pipa.txt", "pipa"))
    except limits.ArticleTimeout:
        pytest.fail("read_file blocked on the FIFO")
    assert failure.error == "unreadable"


def test_the_time_limit_works_in_a_thread_and_never_fires_after_its_block():
    """A Dask worker runs its tasks in a thread, where SIGALRM cannot reach them."""
    outcome: list[object] = []

    def run() -> None:
        started = time.monotonic()
        try:
            with limits.time_limit(0.2):
                while True:
                    pass
        except limits.ArticleTimeout:
            outcome.append(time.monotonic() - started)
        with limits.time_limit(0.2):
            pass
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:  # an exception that escaped its block would be raised here
            pass
        outcome.append("done")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert len(outcome) == 2 and 0.2 <= outcome[0] < 10 and outcome[1] == "done"


def test_the_time_limits_of_several_threads_fire_each_on_its_own_deadline():
    """One watchdog serves every thread: a short limit set while a long one waits still fires on time,
    and the long one is neither cut short nor lost."""
    fired: dict[str, float] = {}
    started = time.monotonic()

    def spin(name: str, seconds: float) -> None:
        try:
            with limits.time_limit(seconds):
                while time.monotonic() - started < 20:
                    pass
        except limits.ArticleTimeout:
            fired[name] = time.monotonic() - started

    long = threading.Thread(target=spin, args=("long", 3.0))
    long.start()
    time.sleep(0.3)
    short = threading.Thread(target=spin, args=("short", 0.3))
    short.start()
    short.join(timeout=30)
    long.join(timeout=30)
    assert 0.6 <= fired["short"] < 2.5
    assert 3.0 <= fired["long"] < 10


def test_inputs_given_as_fsspec_urls_give_the_records_of_their_paths(tmp_path):
    _write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "data.jsonl").write_text(json.dumps({"id": "j1", "text": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / "in" / ".tersembunyi.txt").write_text(ARTICLE, encoding="utf-8")
    run_batch(_options(tmp_path / "in", tmp_path / "paths"))
    urls = [(tmp_path / "in").as_uri(), (tmp_path / "tidak-ada").as_uri()]
    summary = run_batch(_options(urls, tmp_path / "urls"))
    records = _records(tmp_path / "urls")
    assert [record["source"]["path"] for record in records] == [
        (tmp_path / "in" / name).as_uri() for name in ("a-000.txt", "a-001.txt", "a-002.txt", "data.jsonl")
    ]
    expected = _records(tmp_path / "paths")
    for record in (*records, *expected):
        record["source"].pop("path")
    assert records == expected
    assert _errors(tmp_path / "urls") == {"tidak-ada": "not_found"}
    assert summary["articles"] == {"extracted": 4, "failed": 1, "found": 4, "reused": 0, "written": 4}


def test_errors_of_names_that_are_not_unicode_are_valid_json(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"")
    run_batch(_options(folder, tmp_path / "out"))
    (error,) = map(json.loads, _lines(tmp_path / "out" / "errors.jsonl"))
    assert os.fsencode(error["path"]).endswith(b"caf\xe9.txt")
    assert error["error"] == "empty"


def test_a_rerun_that_reuses_everything_never_loads_the_model(tmp_path, monkeypatch):
    _write_articles(tmp_path / "in", 5)
    run_batch(_options(tmp_path / "in", tmp_path / "out"))
    before = (tmp_path / "out" / "records.jsonl").read_bytes()

    def no_model(*args: object) -> Extractor:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(batch_worker, "Extractor", no_model)
    summary = run_batch(_options(tmp_path / "in", tmp_path / "out"))
    assert summary["articles"] == {"extracted": 0, "failed": 0, "found": 5, "reused": 5, "written": 5}
    assert (tmp_path / "out" / "records.jsonl").read_bytes() == before


def test_json_lines_articles_are_reused_too(tmp_path):
    lines = [
        json.dumps({"id": f"j{number}", "text": ARTICLE.replace("Hendra", f"Hendra{number}")}) for number in range(3)
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_batch(_options(tmp_path / "a.jsonl", tmp_path / "out"))
    lines[1] = json.dumps({"id": "j1", "text": ARTICLE.replace("Hendra", "Budi")})
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run_batch(_options(tmp_path / "a.jsonl", tmp_path / "out"))
    assert summary["articles"] == {"extracted": 1, "failed": 0, "found": 3, "reused": 2, "written": 3}
    assert "Budi" in _records(tmp_path / "out")[1]["text"]


def test_a_changed_model_or_force_extracts_again(tmp_path, monkeypatch):
    _write_articles(tmp_path / "in", 3)
    run_batch(_options(tmp_path / "in", tmp_path / "out"))
    summary = run_batch(_options(tmp_path / "in", tmp_path / "out", force=True))
    assert summary["articles"]["extracted"] == 3
    monkeypatch.setattr(runner, "__version__", "9.9.9")
    summary = run_batch(_options(tmp_path / "in", tmp_path / "out"))
    assert summary["articles"]["extracted"] == 3


class _StopAt(Extractor):
    """Raises (or signals) when it reaches the article `STOP`; counts what it extracts."""

    stop = "a-007"
    how = "keyboard"
    extracted = 0

    def build_record(self, article: Article, doc: Doc) -> EventRecord:
        if article.doc_id == self.stop:
            if self.how == "keyboard":
                raise KeyboardInterrupt
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler raises `Interrupted` long before this ends
        if article.doc_id != "warm-up":
            type(self).extracted += 1
        return super().build_record(article, doc)


@pytest.mark.parametrize("how", ["keyboard", "sigterm"])
def test_an_interrupted_run_keeps_its_parts_and_a_rerun_completes_it(tmp_path, monkeypatch, how):
    names = _write_articles(tmp_path / "in", 12)
    clean = tmp_path / "clean"
    run_batch(_options(tmp_path / "in", clean))
    monkeypatch.setattr(runner, "CHUNK_SIZE", 2)
    monkeypatch.setattr(parts, "PART_SIZE", 3)
    monkeypatch.setattr(_StopAt, "how", how)
    monkeypatch.setattr(batch_worker, "Extractor", _StopAt)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt if how == "keyboard" else Interrupted):
        run_batch(_options(tmp_path / "in", out))
    assert not (out / "records.jsonl").exists()
    parted = [json.loads(line)["doc_id"] for part in sorted((out / ".parts").iterdir()) for line in _lines(part)]
    assert sorted(parted) == names[:6]  # the chunks finished before the interruption, once each
    monkeypatch.setattr(_StopAt, "stop", None)
    monkeypatch.setattr(_StopAt, "extracted", 0)
    summary = run_batch(_options(tmp_path / "in", out))
    assert summary["articles"] == {"extracted": 6, "failed": 0, "found": 12, "reused": 6, "written": 12}
    assert _StopAt.extracted == 6
    assert (out / "records.jsonl").read_bytes() == (clean / "records.jsonl").read_bytes()
    assert list((out / ".parts").iterdir()) == []


def test_leftovers_of_a_killed_run_are_ignored_or_removed(tmp_path):
    names = _write_articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    run_batch(_options(tmp_path / "in", out))
    good = (out / "records.jsonl").read_bytes()
    lines = good.decode("utf-8").splitlines(keepends=True)
    # What kill -9 can leave: temporary files of atomic writes, a merge in progress; and, from
    # tools that do not write atomically, a part cut short in the middle of a line.
    (out / ".records.jsonl.123.tmp").write_text(lines[0][:50], encoding="utf-8")
    (out / ".parts" / ".part-000007.jsonl.123.tmp").write_text(lines[1], encoding="utf-8")
    (out / ".parts" / ".merge-000000.jsonl").write_text(lines[2], encoding="utf-8")
    (out / ".parts" / "part-000003.jsonl").write_text(lines[1] + lines[3][:40], encoding="utf-8")
    (out / "records.jsonl").write_text("".join(lines[:3]) + lines[3][:100], encoding="utf-8")
    summary = run_batch(_options(tmp_path / "in", out))
    assert summary["articles"] == {"extracted": 1, "failed": 0, "found": 4, "reused": 3, "written": 4}
    assert (out / "records.jsonl").read_bytes() == good
    assert sorted(path.name for path in out.rglob("*") if path.name.startswith(".")) == [".parts"]
    assert [record["doc_id"] for record in _records(out)] == names


def test_many_parts_are_merged_in_rounds_to_the_same_bytes(tmp_path, monkeypatch):
    _write_articles(tmp_path / "in", 9)
    run_batch(_options(tmp_path / "in", tmp_path / "one"))
    monkeypatch.setattr(runner, "CHUNK_SIZE", 1)
    monkeypatch.setattr(parts, "PART_SIZE", 1)
    monkeypatch.setattr(parts, "MERGE_FAN_IN", 2)
    run_batch(_options(tmp_path / "in", tmp_path / "many"))
    assert (tmp_path / "many" / "records.jsonl").read_bytes() == (tmp_path / "one" / "records.jsonl").read_bytes()
    assert list((tmp_path / "many" / ".parts").iterdir()) == []


def test_a_buffer_older_than_flush_seconds_is_written(tmp_path, monkeypatch):
    _write_articles(tmp_path / "in", 4)
    monkeypatch.setattr(runner, "CHUNK_SIZE", 1)
    monkeypatch.setattr(parts, "FLUSH_SECONDS", 0.0)
    monkeypatch.setattr(_StopAt, "stop", "a-003")
    monkeypatch.setattr(batch_worker, "Extractor", _StopAt)
    with pytest.raises(KeyboardInterrupt):
        run_batch(_options(tmp_path / "in", tmp_path / "out"))
    assert len(list((tmp_path / "out" / ".parts").iterdir())) == 3  # one part per chunk


class _Slow(Extractor):
    def build_record(self, article: Article, doc: Doc) -> EventRecord:
        if "LAMBAT" in article.text:
            time.sleep(30)
        return super().build_record(article, doc)


def test_an_article_over_the_time_limit_fails_alone(tmp_path, monkeypatch):
    _write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "a-001.txt").write_text(ARTICLE + " LAMBAT", encoding="utf-8")
    monkeypatch.setattr(batch_worker, "Extractor", _Slow)
    started = time.perf_counter()
    run_batch(_options(tmp_path / "in", tmp_path / "out", timeout=0.5))
    assert time.perf_counter() - started < 20
    assert [record["doc_id"] for record in _records(tmp_path / "out")] == ["a-000", "a-002"]
    (error,) = map(json.loads, _lines(tmp_path / "out" / "errors.jsonl"))
    assert (error["doc_id"], error["error"]) == ("a-001", "timeout")
    assert error["message"] == "extracting the article took more than 0.5 s"


def test_summary_reports_stages_and_memory(tmp_path):
    _write_articles(tmp_path / "in", 3)
    summary = run_batch(_options(tmp_path / "in", tmp_path / "out"))
    stages = summary["stage_seconds"]
    assert {"ingest", "nlp", "dates", "officials", "quotes", "serialize"} <= set(stages)
    assert set(summary["finish_seconds"]) == {"merge", "tables"}
    rss = summary["peak_rss_mb"]
    assert len(rss["workers"]) == 1 and 50 < rss["workers"][0] < 4000


# --- slow: worker processes, signals and kill -9 on a real process, large inputs -----------------

#: Runs the CLI with small chunks and parts, so that a run of a few dozen articles writes several parts.
_CLI_SMALL_PARTS = (
    "import sys, pipeline.batch.runner as r, pipeline.batch.parts as p; r.CHUNK_SIZE = 2; p.PART_SIZE = 4; "
    "from pipeline.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _cli(folder: Path, out: Path, *options: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", _CLI_SMALL_PARTS, "extract", str(folder), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--model", "blank", "--no-progress", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        # a shell that runs the tests in the background ignores SIGINT in its children, and
        # Python then installs no KeyboardInterrupt handler: give the run the default back
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_parts(out: Path, process: subprocess.Popen[str], count: int) -> None:
    deadline = time.monotonic() + 60
    while len(list((out / ".parts").glob("part-*.jsonl"))) < count:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no parts written"
        time.sleep(0.05)


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _corpus(factory: pytest.TempPathFactory, count: int) -> tuple[Path, bytes]:
    """`count` articles and the records.jsonl of an uninterrupted run over them."""
    folder = factory.mktemp("corpus") / "in"
    _write_articles(folder, count)
    clean = folder.parent / "clean"
    run_batch(_options(folder, clean))
    return folder, (clean / "records.jsonl").read_bytes()


@pytest.fixture(scope="module")
def corpus_60(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    return _corpus(tmp_path_factory, 60)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_kill_9_then_rerun_gives_complete_output(corpus_60, tmp_path):
    folder, clean = corpus_60
    out = tmp_path / "out"
    process = _cli(folder, out, "--jobs", "2")
    _wait_for_parts(out, process, 2)
    workers = _children(process.pid)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10  # workers notice that the main process is gone and exit
    while any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in workers):
        assert time.monotonic() < deadline, f"orphaned workers still running: {workers}"
        time.sleep(0.2)
    rerun = _cli(folder, out)
    _, stderr = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"]["reused"] >= 8 and summary["articles"]["written"] == 60
    assert (out / "records.jsonl").read_bytes() == clean


def _state(pid: int) -> str:
    try:
        return next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State"))
    except (OSError, StopIteration):
        return "Z"


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "jobs"), [(signal.SIGINT, "2"), (signal.SIGTERM, "1")])
def test_a_signal_stops_the_run_with_130_and_a_rerun_completes_it(corpus_60, tmp_path, signum, jobs):
    folder, clean = corpus_60
    _stop_and_rerun(lambda: _cli(folder, tmp_path / "out", "--jobs", jobs), tmp_path / "out", signum, clean)


def _stop_and_rerun(start: Callable[[], subprocess.Popen[str]], out: Path, signum: int, clean: bytes) -> None:
    """Start a run, send it `signum` once it wrote a part, check it stops with 130, run the same
    command again and check that it completes the output."""
    process = start()
    _wait_for_parts(out, process, 1)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "run the same command again" in stderr
    rerun = start()
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    assert (out / "records.jsonl").read_bytes() == clean


@pytest.mark.slow
def test_two_jobs_give_the_same_bytes_as_one(corpus_60, tmp_path):
    folder, clean = corpus_60
    summary = run_batch(_options(folder, tmp_path / "two", jobs=2))
    assert (tmp_path / "two" / "records.jsonl").read_bytes() == clean
    assert len(summary["peak_rss_mb"]["workers"]) == 2


@pytest.mark.slow
def test_a_model_that_cannot_be_loaded_stops_the_batch_with_exit_2(tmp_path):
    _write_articles(tmp_path / "in", 3)
    process = _cli(tmp_path / "in", tmp_path / "out", "--jobs", "2", "--model", str(tmp_path / "tidak-ada"))
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert stderr.startswith(f"error: no spaCy pipeline at {tmp_path / 'tidak-ada'}")


def _crash_on_poison(worker: Worker, items: list[Item]) -> batch_worker.ChunkResult:
    """A worker task that dies (like a segfault would) on the file `racun.txt`."""
    if any(isinstance(item, InputFile) and item.path.name == "racun.txt" for item in items):
        os._exit(1)
    return worker.process(items)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_worker_that_dies_costs_only_its_article(tmp_path, monkeypatch, engine):
    """The dask scheduler first runs a chunk again on other workers: with `allowed-failures` 1 (the
    scheduler of the engine's LocalCluster runs in this process), it gives up after 2 dead workers."""
    names = _write_articles(tmp_path / "in", 7)
    (tmp_path / "in" / "racun.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(runner, "CHUNK_SIZE", 2)
    config = contextlib.nullcontext()
    if engine == "dask":
        config = pytest.importorskip("dask").config.set({"distributed.scheduler.allowed-failures": 1})
    with config:
        summary = run_batch(_options(tmp_path / "in", tmp_path / "out", jobs=2, engine=engine), task=_crash_on_poison)
    assert _errors(tmp_path / "out") == {"racun.txt": "worker_crashed"}
    assert [record["doc_id"] for record in _records(tmp_path / "out")] == names
    assert summary["articles"] == {"extracted": 7, "failed": 1, "found": 7, "reused": 0, "written": 7}


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20 MB article (the same paragraph 113,637 times) and a small one."""
    folder = tmp_path_factory.mktemp("besar") / "in"
    folder.mkdir()
    paragraph = ARTICLE + "\n\n"
    (folder / "besar.txt").write_text(paragraph * (20_000_000 // len(paragraph) + 1), encoding="utf-8")
    (folder / "kecil.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_20_mb_article_is_extracted(big_folder, tmp_path):
    """No limit: about 2 minutes and 3.6 GB with the rules only (docs/PERFORMANCE.md)."""
    summary = run_batch(_options(big_folder, tmp_path / "out", timeout=None))
    big, small = _records(tmp_path / "out")
    assert len(big["text"]) > 20_000_000
    assert big["event"]["date"] == "2025-10-09"
    assert len(big["quotes"]) == 113_637
    assert small["doc_id"] == "kecil"
    assert summary["articles"]["failed"] == 0


@pytest.mark.slow
def test_a_20_mb_article_over_the_time_limit_fails_alone(big_folder, tmp_path):
    run_batch(_options(big_folder, tmp_path / "out", timeout=5.0))
    assert [record["doc_id"] for record in _records(tmp_path / "out")] == ["kecil"]
    assert _errors(tmp_path / "out") == {"besar.txt": "timeout"}


def test_records_of_another_build_are_extracted_again(tmp_path, monkeypatch):
    """A changed rule or lexicon (another fingerprint) redoes the records, even at the same version."""
    _write_articles(tmp_path / "in", 2)
    run_batch(_options(tmp_path / "in", tmp_path / "out"))
    assert run_batch(_options(tmp_path / "in", tmp_path / "out"))["articles"]["reused"] == 2
    monkeypatch.setattr(runner, "build_fingerprint", lambda: "000000000000")
    assert run_batch(_options(tmp_path / "in", tmp_path / "out"))["articles"]["reused"] == 0
