"""Where the per-article stage (parse + extract) runs when it is given to others than this process.

`None` keeps the default: worker processes on this machine (pipeline._extract_all). An address
`dask://HOST:PORT` sends the articles to a Dask cluster through the `concurrent.futures`
interface of Dask's distributed client (`pip install .[dask]`). Every worker must have this
package and the spaCy pipeline installed; results come back in order, so the briefing is the same
as a local build's.
"""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from generator.model import InputError, Problem

DASK = "dask://"
# Long enough for a scheduler on another machine to answer, short enough to fail a typo fast.
CONNECT_TIMEOUT_S = 10


@contextmanager
def opened(address: str | None) -> Iterator[Executor | None]:
    """The executor `address` names, closed on leaving; None for the local default."""
    if not address:
        yield None
        return
    if not address.startswith(DASK) or not address[len(DASK):]:
        raise InputError([Problem("--executor", f"unknown executor {address!r}: give dask://HOST:PORT")])
    try:
        from distributed import Client
    except ImportError:
        raise InputError([Problem("--executor", "Dask's distributed client is not installed: pip install '.[dask]'")]) from None
    try:
        client = Client(f"tcp://{address[len(DASK):]}", timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError([Problem("--executor", f"cannot reach the Dask scheduler at {address}: {exc}")]) from None
    try:
        yield client.get_executor()
    finally:
        client.close()
