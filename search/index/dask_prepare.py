"""Load and extract files on a Dask cluster ahead of the index writer: the multi-machine preparer."""
from __future__ import annotations

import functools
from collections import deque
from contextlib import contextmanager
from pathlib import Path

from ..errors import ClaimsearchError
from . import prepare

BATCH_FILES = 100  # one task costs the scheduler about 2 ms: a batch of ~100 files makes that negligible
BATCH_BYTES = 8 * 1024 * 1024  # and a batch of a few huge files stays a small message
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: keeps every worker busy, bounds finished work held
RETRIES = 3  # a batch that raised (a worker's memory error, say) is tried this many more times
CONNECT_SECONDS = 10


def batches(items: list[tuple[Path, str]]):
    """Yield lists of Loaded files (or Prepared skips) of at most BATCH_FILES files or BATCH_BYTES bytes."""
    batch, size = [], 0
    for path, rel in items:
        loaded = prepare.read(path, rel)
        batch.append(loaded)
        size += len(loaded.data) if isinstance(loaded, prepare.Loaded) else 0
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def prepare_batch(batch: list) -> list[prepare.Prepared]:
    """Prepare one batch on a worker: files read by the client arrive as bytes, skips pass through."""
    return [ready if isinstance(ready, prepare.Prepared) else prepare.prepare_bytes(ready) for ready in batch]


def prepared_on_dask(items: list[tuple[Path, str]], corpus: Path, client):
    """Yield Prepared files in corpus order while the cluster's workers prepare the next batches."""
    in_flight = max(1, IN_FLIGHT_PER_WORKER * len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    try:
        for batch in batches(items):
            # pure=False: two identical batches (copied files) are still two tasks with their own results.
            pending.append(client.submit(prepare_batch, batch, retries=RETRIES, pure=False))
            if len(pending) > in_flight:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        if pending:  # the writer stopped (an error, Ctrl-C): nothing more is needed
            client.cancel(list(pending))


def _result(future) -> list[prepare.Prepared]:
    try:
        return future.result()
    except ClaimsearchError:
        raise
    except Exception as exc:
        # KilledWorker (its workers died too often), a lost scheduler, a worker without claimsearch.
        raise ClaimsearchError(f"The Dask cluster could not prepare a batch of files: "
                               f"{type(exc).__name__}: {exc}") from exc


@contextmanager
def dask_preparer(scheduler: str | None = None, local_workers: int = 0):
    """Yield a preparer on the cluster at ``scheduler`` or on a new local cluster of that many processes."""
    distributed = _distributed()
    cluster = client = None
    try:
        try:
            if scheduler:
                client = distributed.Client(scheduler, timeout=CONNECT_SECONDS)
            else:
                cluster = distributed.LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=True,
                                                   host="127.0.0.1", dashboard_address="127.0.0.1:0")
                client = distributed.Client(cluster)
        except (OSError, TimeoutError, ValueError) as exc:  # ValueError: a malformed address
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
            raise ClaimsearchError(f"Cannot reach {where}: {exc}") from exc
        yield functools.partial(prepared_on_dask, client=client)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClaimsearchError("Building on Dask needs its extra: pip install 'claimsearch[dask]'") from None
    return distributed
