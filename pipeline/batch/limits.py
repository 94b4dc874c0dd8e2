"""Per-article time limits: `time_limit(seconds)` raises `ArticleTimeout` in the block that overruns.

In the main thread (the local engine's workers, `--jobs 1`) the limit is SIGALRM, which
also interrupts a blocking system call. Elsewhere (a Dask worker runs its tasks in a
thread) a watcher thread raises the exception in the running thread with
`PyThreadState_SetAsyncExc`. Both take effect between two bytecodes of the limited
thread, so code in C (a regex, spaCy's tokenizer) is interrupted when it returns.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
        with _watcher(seconds):
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


@contextmanager
def _watcher(seconds: float) -> Iterator[None]:
    thread = ctypes.c_ulong(threading.get_ident())
    done = threading.Event()
    lock = threading.Lock()

    def watch() -> None:
        delay = seconds
        while not done.wait(delay):
            with lock:
                if not done.is_set():
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, ctypes.py_object(ArticleTimeout))
            delay = REPEAT_SECONDS

    def stop() -> None:
        with lock:
            done.set()
            # An exception set but not yet raised must not escape into the code after the block.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, None)

    watcher = threading.Thread(target=watch, name="warta-time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        _stop(stop)
        watcher.join()


def _stop(stop: Callable[[], None]) -> None:
    """Run `stop` to its end, even when the limit expires (again) while it runs."""
    while True:
        try:
            stop()
        except ArticleTimeout:
            continue
        return
