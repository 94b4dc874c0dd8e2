"""Per-article time limits: `time_limit(seconds)` raises `ArticleTimeout` in the block that overruns.

In the main thread (the local engine's workers, `--jobs 1`) the limit is SIGALRM, which
also interrupts a blocking system call. Elsewhere (a Dask worker runs its tasks in a
thread) one watchdog thread per process keeps the deadlines of the limited threads and
raises the exception in a thread whose deadline passed, with `PyThreadState_SetAsyncExc`.
Both take effect between two bytecodes of the limited thread, so code in C (a regex,
spaCy's tokenizer) is interrupted when it returns.

A forked child (a Dask worker forked by its nanny) starts a watchdog of its own.

The watchdog sleeps until the earliest deadline: entering and leaving a block only
updates its table under a lock. It never wakes per article, because a thread that wakes
takes the GIL from the extracting thread (a thread started and joined per article made
the Dask workers a quarter slower).
"""

from __future__ import annotations

import ctypes
import math
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

#: Seconds between repeats of an expired limit, in case something swallowed the first.
REPEAT_SECONDS = 1.0


class ArticleTimeout(BaseException):
    """An article took longer than its time limit. A `BaseException`, so that no `except Exception`
    on the way (in a stage or a library) swallows it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `ArticleTimeout` in the block after `seconds`, and every second after that until it
    ends. A no-op with `seconds=None`."""
    if seconds is None:
        yield
    elif hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _WATCHDOG.limit(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise ArticleTimeout

    def stop() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        _stop(stop)


@dataclass(slots=True)
class _Limit:
    deadline: float
    #: The exception was set in the thread at least once (it may still be pending there).
    fired: bool = False


class _Watchdog:
    """The deadlines of the limited threads of this process, watched by one daemon thread."""

    def __init__(self) -> None:
        self.changed = threading.Condition(threading.Lock())
        self.limits: dict[int, _Limit] = {}
        #: When the watchdog thread wakes next (infinity: when notified).
        self.wakes = math.inf
        self.thread: threading.Thread | None = None

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        ident = threading.get_ident()
        limit = _Limit(time.monotonic() + seconds)
        with self.changed:
            self.limits[ident] = limit
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._watch, name="warta-time-limit", daemon=True)
                self.thread.start()
            elif limit.deadline < self.wakes:
                self.changed.notify()

        def stop() -> None:
            with self.changed:
                if self.limits.get(ident) is limit:
                    del self.limits[ident]
                if limit.fired:
                    # An exception set but not yet raised must not escape into the code after the block.
                    _set_exception(ident, None)

        try:
            yield
        finally:
            _stop(stop)

    def _watch(self) -> None:
        with self.changed:
            while True:
                now = time.monotonic()
                for ident, limit in self.limits.items():
                    if limit.deadline <= now:
                        _set_exception(ident, ArticleTimeout)
                        limit.fired = True
                        limit.deadline = now + REPEAT_SECONDS
                self.wakes = min((limit.deadline for limit in self.limits.values()), default=math.inf)
                self.changed.wait(None if self.wakes == math.inf else self.wakes - now)


def _set_exception(ident: int, exception: type[BaseException] | None) -> None:
    """Set `exception` to be raised in the thread `ident`; None clears a pending one (NULL in C)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), None if exception is None else ctypes.py_object(exception)
    )


_WATCHDOG = _Watchdog()


def _new_watchdog() -> None:
    """In a forked child: a watchdog of its own (the parent's thread, lock and table are not its)."""
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_watchdog)


def _stop(stop: Callable[[], None]) -> None:
    """Run `stop` to its end, even when the limit expires (again) while it runs."""
    while True:
        try:
            stop()
        except ArticleTimeout:
            continue
        return
