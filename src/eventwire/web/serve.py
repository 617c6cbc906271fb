"""``eventwire serve``: run the web app with uvicorn, answer one ``--get`` request, or poll ``--watch``.

Reads the store at ``db`` (read-only unless ``--watch``, which makes this process the store's one
writer) and, with ``--watch FILE``, the feeds/URLs listed in FILE (one per line, ``#`` comments), which
a background thread ingests every ``interval`` seconds into the same open store, holding the lock the
web app reads under, then brings the search index up to date. A poll that fails is logged and the
next one tried; it does not stop the server.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

log = logging.getLogger(__name__)


def read_watch_list(path: str | Path) -> list[str]:
    """The non-empty, non-comment lines of the watch file (read anew at every poll)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


class Watcher:
    """Polls the watch file's feeds/URLs and ingests them into the server's store."""

    def __init__(self, watch: str | Path, store, lock: threading.Lock, settings, interval: float):
        self.watch, self.store, self.lock = Path(watch), store, lock
        self.settings, self.interval = settings, max(float(interval), 1.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="eventwire-watch", daemon=True)

    def poll_once(self) -> dict:
        """Ingest every listed input once; returns the run's stats."""
        from ..ingest import ingest
        from ..store.search import sync_index

        inputs = read_watch_list(self.watch)
        if not inputs:
            return {}
        with self.lock:
            report = ingest(inputs, self.settings, store=self.store)
            sync_index(self.store)
        log.info("watch: ingested %d inputs: %s", len(inputs), dict(report.stats))
        return dict(report.stats)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll_once()
            except Exception:  # a failed poll must not end the server: the next one may work
                log.exception("watch: polling %s failed", self.watch)
            self._stop.wait(self.interval)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._thread.join(timeout)


def answer_get(app, path: str) -> tuple[int, str]:
    """(status, body) of one GET request answered in process, without a server."""
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get(path if path.startswith("/") else "/" + path)
    return response.status_code, response.text


def serve_command(db: str, host: str = "127.0.0.1", port: int = 8000, get: str | None = None,
                  watch: str | Path | None = None, interval: float = 300.0) -> int:
    """The ``serve`` command; returns the exit code (``--get``: 0 for a 2xx answer, else 1)."""
    from ..settings import Settings
    from ..store import Store
    from .app import create_app

    if watch is not None and not Path(watch).is_file():
        from ..errors import ConfigError

        raise ConfigError(f"--watch {watch}: no such file (list one feed or URL per line)")
    store = Store(db, read_only=watch is None)
    lock = threading.Lock()
    try:
        app = create_app(store, lock=lock)
        if get is not None:
            status, body = answer_get(app, get)
            sys.stdout.write(body if body.endswith("\n") else body + "\n")
            return 0 if 200 <= status < 300 else 1
        watcher = None
        if watch is not None:
            watcher = Watcher(watch, store, lock, Settings.load(db=db), interval)
            watcher.start()
        try:
            _run_uvicorn(app, host, port)
        finally:
            if watcher:
                watcher.stop()
        return 0
    finally:
        store.close()


def _run_uvicorn(app, host: str, port: int) -> None:
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: the store is readable by anyone who can reach this address", host)
    uvicorn.run(app, host=host, port=port, log_level="info")
