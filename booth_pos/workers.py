"""One background thread per kind of slow work (printing, backups, the window's imports).

Each ``SerialWorker`` runs its jobs one at a time, in order, on a thread of its own, made on
first use: receipts come out in the order they were rung up, backups never overlap, and the
till's thread never waits for any of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor


class SerialWorker:
    """A lazily started single thread named ``name`` for jobs of one kind."""

    def __init__(self, name: str):
        self.name = name
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, job: Callable[[], object]) -> Future:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.name)
            return self._executor.submit(job)

    def wait(self, timeout: float) -> bool:
        """Wait until the jobs queued so far are done; whether they were within ``timeout``."""
        if self._executor is None:
            return True
        done = threading.Event()
        self.submit(done.set)
        return done.wait(timeout)
