"""The settings of the dask engine's own `LocalCluster`, and what a forked worker process
inherits (no cluster is started here: see test_dask.py for the runs)."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import pytest

pytest.importorskip("distributed")

import dask.config

from pipeline.batch import limits
from pipeline.batch.distributed import QUIET, START_METHOD, local_cluster_config

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the workers are forked on Linux only")


@linux_only
def test_without_a_user_choice_the_workers_are_forked_and_the_diagnostics_quiet(monkeypatch):
    monkeypatch.delenv("DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD", raising=False)
    config = local_cluster_config()
    assert config[START_METHOD] == "fork"
    assert config["distributed.admin.tick.interval"] == "1s"
    assert config["distributed.worker.profile.enabled"] is False
    assert set(config) == {*QUIET, START_METHOD}


def test_a_method_chosen_by_a_variable_or_in_the_process_is_kept(monkeypatch):
    monkeypatch.setenv("DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD", "spawn")
    monkeypatch.setenv("DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED", "True")
    config = local_cluster_config()
    assert START_METHOD not in config
    assert "distributed.worker.profile.enabled" not in config
    assert config["distributed.admin.tick.interval"] == "1s"
    monkeypatch.delenv("DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD")
    with dask.config.set({START_METHOD: "forkserver", "distributed.admin.tick.interval": "50ms"}):
        config = local_cluster_config()
    assert START_METHOD not in config
    assert "distributed.admin.tick.interval" not in config


def _child(check: object) -> int:
    """Run `check` in a forked child; its exit status: 0 when it returned True."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            code = 0 if check() else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _limited_thread_times_out() -> bool:
    outcome: list[str] = []

    def limited() -> None:
        try:
            with limits.time_limit(0.2):
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline:
                    time.sleep(0.01)
            outcome.append("ran to the end")
        except limits.ArticleTimeout:
            outcome.append("timeout")

    thread = threading.Thread(target=limited)
    thread.start()
    thread.join(10)
    return outcome == ["timeout"]


@linux_only
def test_a_forked_child_has_a_watchdog_of_its_own():
    assert _limited_thread_times_out()  # the parent's watchdog thread is running now
    assert _child(_limited_thread_times_out) == 0


@linux_only
def test_a_forked_child_has_the_default_sigterm_not_the_runs():
    def raise_interrupted(signum: int, frame: object) -> None:
        raise RuntimeError("the run's handler")

    previous = signal.signal(signal.SIGTERM, raise_interrupted)
    try:
        assert _child(lambda: signal.getsignal(signal.SIGTERM) == signal.SIG_DFL) == 0
    finally:
        signal.signal(signal.SIGTERM, previous)
