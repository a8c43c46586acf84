"""`claimsearch typesense ...`: run a local Typesense cluster to try the Typesense backend on."""
from __future__ import annotations

import signal
import threading
from pathlib import Path

import click

from ..typesense.cluster import MAX_NODES, LocalCluster
from .exit_codes import run as _run


@click.group("typesense")
def typesense_group():
    """Run a local Typesense cluster (needs `make typesense`)."""


@typesense_group.command("start")
@click.option("--nodes", "count", type=click.IntRange(1, MAX_NODES), default=3, show_default=True,
              help="How many nodes (3 survives the loss of one).")
@click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for each node's data and logs, the key file and nodes.json.")
def start_cmd(count, root):
    """Run COUNT Typesense nodes on loopback in the foreground until Ctrl-C or SIGTERM, then stop them all."""
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    cluster = _run(LocalCluster, root, count)
    click.echo(f"Starting {count} Typesense node(s) under {root} ...", err=True)
    try:
        _run(cluster.start)
        click.echo(f"Typesense cluster ready: {', '.join(cluster.urls)} (details in {root / 'nodes.json'})",
                   err=True)
        click.echo(cluster.exports())
        click.echo("Press Ctrl-C to stop every node.", err=True)
        while not stopping.wait(1):  # a timeout keeps the wait interruptible on every platform
            pass
        click.echo("Stopping the Typesense nodes ...", err=True)
    finally:
        cluster.stop()
    click.echo("Stopped.", err=True)
