"""The command line every model trainer shares: the PolNeAR split, --write, --out and --check."""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train"


def trainer_parser(description: str, out: Path) -> argparse.ArgumentParser:
    """Return a parser holding the options every trainer has; each trainer adds its own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("split", nargs="?", type=Path, default=POLNEAR_TRAIN)
    parser.add_argument("--write", action="store_true", help="fit on the whole split and save")
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--check", action="store_true", help="retrain; fail unless the shipped model results")
    return parser


def add_adagrad_options(parser: argparse.ArgumentParser, epochs: int) -> None:
    """Add the options of an AdaGrad fit (tools/adagrad.py): passes, L2 penalty and learning rate."""
    parser.add_argument("--epochs", type=int, default=epochs)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--rate", type=float, default=0.1)
