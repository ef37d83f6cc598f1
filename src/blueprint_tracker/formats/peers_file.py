"""Read a plan's ``peers.yaml`` (optional): peer economies and their sourced figures."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from blueprint_tracker.domain.peers import Peers
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.yaml_file import read_yaml

PEERS_FILE = "peers.yaml"


def load_peers(folder: Path, indicators: set[str]) -> tuple[Peers, list[Problem]]:
    """The peers in ``folder`` (empty when the file is absent) and every problem in it."""
    path = folder / PEERS_FILE
    if not path.exists():
        return Peers(), []
    data, problems = read_yaml(path)
    if problems:
        return Peers(), problems
    if not isinstance(data, dict):
        return Peers(), [Problem(PEERS_FILE, "", "must be a mapping with economies and figures")]
    data = {k: v for k, v in data.items() if k != "sources"}  # anchors for the figures
    try:
        peers = Peers.model_validate(data)
    except ValidationError as exc:
        return Peers(), [
            Problem(PEERS_FILE, ".".join(str(p) for p in err["loc"]), err["msg"])
            for err in exc.errors()
        ]
    return peers, _reference_problems(peers, indicators)


def _reference_problems(peers: Peers, indicators: set[str]) -> list[Problem]:
    economies = {e.id for e in peers.economies}
    compared = {i.id for i in peers.indicators}
    named = [i.id for i in peers.indicators] + [i.id for i in peers.not_compared]
    problems = [
        Problem(PEERS_FILE, f"indicators[{n}]", f"unknown indicator {name!r}")
        for n, name in enumerate(named)
        if name not in indicators
    ]
    for n, f in enumerate(peers.figures):
        where = f"figures[{n}]"
        if f.economy not in economies:
            problems.append(Problem(PEERS_FILE, where, f"unknown economy {f.economy!r}"))
        if f.indicator not in compared:
            problems.append(
                Problem(PEERS_FILE, where, f"indicator {f.indicator!r} is not listed as compared")
            )
    return problems
