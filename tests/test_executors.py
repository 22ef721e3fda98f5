"""The per-article stage on a Dask cluster gives the briefing a local build gives."""
from __future__ import annotations

from pathlib import Path

import distributed
import pytest

from generator import executors, pipeline
from generator.model import InputError
from generator.settings import Settings
from tests.conftest import write_seeds

SEEDS = {
    "quay.md": "---\ntitle: Quay closed\npublished: 2024-03-05\n---\n"
               "The harbour master closed the quay on Monday after a crane collapsed.\n\n"
               '"Nobody was hurt," said Ines Moreau, the port\'s spokeswoman.\n',
    "crane.md": "---\ntitle: Crane inquiry\npublished: 2024-03-07\n---\n"
                "Inspectors said on Wednesday the crane had not been serviced since 2019.\n\n"
                "The union said 40 dockers were sent home.\n",
}


def test_a_local_dask_cluster_gives_the_local_briefing(tmp_path: Path):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    local = pipeline.build_briefing(seeds, Settings(cache=False))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        address = cluster.scheduler_address.removeprefix("tcp://")
        on_cluster = pipeline.build_briefing(seeds, Settings(cache=False, executor=f"dask://{address}"))
        with distributed.Client(cluster) as client:
            ran = client.run(lambda: True)  # the workers were really there
    assert ran and on_cluster == local


def test_an_unknown_executor_is_a_clear_error():
    with pytest.raises(InputError, match="unknown executor 'ray://x:1'"):
        with executors.opened("ray://x:1"):
            pass


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch):
    import socket

    monkeypatch.setattr(executors, "CONNECT_TIMEOUT_S", 1)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        with executors.opened(f"dask://127.0.0.1:{port}"):
            pass


def test_site_hands_the_executor_to_the_plugin(tmp_path: Path, capsys):
    from generator.cli import main

    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    assert main(["site", "--seeds", str(seeds), "--site-dir", str(tmp_path / "site"), "--no-cache",
                 "--executor", "ray://x:1"]) == 1
    assert "unknown executor 'ray://x:1'" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
