"""Executors decide only where shards run: in this process, a local process pool, or Dask.

Every executor has ``map(fn, shards) -> iterator of results in shard order`` and keeps at most a few
shards in flight per worker, so memory does not grow with the input. The shard function and the stage
code are the same for all of them; only the driver (the caller) writes to the store.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import ConfigError

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2


class SerialExecutor:
    workers = 1

    def map(self, fn: Callable, shards: Iterable[Any]) -> Iterator[Any]:
        for shard in shards:
            yield fn(shard)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A local process pool (spawned fresh processes: no state inherited from the driver)."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def map(self, fn: Callable, shards: Iterable[Any]) -> Iterator[Any]:
        return _ordered(lambda shard: self.pool.submit(fn, shard), shards, self.workers,
                        lambda fut: fut.result())

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


#: a local cluster runs without its dashboard, so nothing reads the statistical profile each worker
#: takes of its task thread (100 samples a second: 4% of a worker's CPU in the 2-worker benchmark), and
#: the monitors that feed the dashboard and the event-loop health checks (every 20-500 ms) can look less
#: often. Its workers start without Dask's ``MALLOC_TRIM_THRESHOLD_=65536``: that makes glibc hand
#: freed memory back to the system after every 64 KiB, and the analysis (many short-lived objects and
#: numpy arrays) then ran 9-10% slower in a worker than in a plain process; a worker's memory is
#: bounded by its shards anyway (docs/benchmarks.md). The one-thread settings for numpy's libraries stay.
#: A cluster at ``--scheduler`` keeps its own configuration.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1,
                                            "OPENBLAS_NUM_THREADS": 1},
}


class DaskExecutor:
    """dask.distributed: a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``."""

    def __init__(self, workers: int, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("--executor dask needs the extra: pip install 'eventwire[dask]'") from exc
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        else:
            import dask

            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
            self.workers = workers

    def map(self, fn: Callable, shards: Iterable[Any]) -> Iterator[Any]:
        return _ordered(lambda shard: self.client.submit(fn, shard, pure=False), shards, self.workers,
                        lambda fut: fut.result())

    def close(self) -> None:
        if self.cluster is None:
            self.client.close()
            return
        # a worker's heartbeat in flight while the local cluster shuts down logs a CommClosedError
        # traceback after a run that went well (dask/distributed#7105, #7192): the workers, and this
        # process while it closes them, log nothing below CRITICAL from here on
        try:
            self.client.run(_quiet_shutdown)
        except Exception as exc:  # noqa: BLE001 (closing goes on whatever the workers said)
            log.debug("could not quiet the Dask workers: %s", exc)
        self.client.close()
        logger = logging.getLogger("distributed")
        level = logger.level
        logger.setLevel(logging.CRITICAL)
        try:
            self.cluster.close()
        finally:
            logger.setLevel(level)


def _quiet_shutdown() -> None:
    """(In a worker) the run is over and the cluster is being closed: log only what is CRITICAL, and
    freeze the heap. A worker that has loaded the models and run shards holds millions of objects; the
    garbage collections of the interpreter's shutdown walk all of them, and the nanny waits for that
    (about 1 s a worker here, most of a local cluster's closing time). Frozen objects are left out of
    every collection; the process ends right after, so nothing is kept that would be collected."""
    import gc

    for name in ("distributed", "tornado"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    gc.freeze()


def _ordered(submit: Callable, shards: Iterable[Any], workers: int, result: Callable) -> Iterator[Any]:
    """Submit shards with bounded look-ahead; yield results in shard order."""
    pending: deque = deque()
    limit = max(2, workers * IN_FLIGHT_PER_WORKER)
    for shard in shards:
        pending.append(submit(shard))
        if len(pending) >= limit:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def make_executor(kind: str, workers: int, scheduler: str | None = None):
    if kind == "dask":
        return DaskExecutor(workers, scheduler)
    if kind != "local":
        raise ConfigError(f"unknown executor {kind!r}: use local or dask")
    return SerialExecutor() if workers == 1 else ProcessExecutor(workers)
