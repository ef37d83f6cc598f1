"""Read a plan's ``peers.yaml`` (optional): peer economies and their sourced figures."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from blueprint_tracker.domain.peers import PeerFigure, Peers
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
    compared = {i.id for i in peers.indicators}
    named = [i.id for i in peers.indicators] + [i.id for i in peers.not_compared]
    problems = [
        Problem(PEERS_FILE, f"indicators[{n}]", f"unknown indicator {name!r}")
        for n, name in enumerate(named)
        if name not in indicators
    ]
    problems += _context_problems(peers, indicators)
    context = {c.id for c in peers.context}
    for n, f in enumerate(peers.figures):
        problems += _figure_problems(peers, f, f"figures[{n}]", compared, context)
    return problems


def _context_problems(peers: Peers, indicators: set[str]) -> list[Problem]:
    problems = []
    for n, c in enumerate(peers.context):
        where = f"context[{n}]"
        if c.shown_on not in indicators:
            problems.append(Problem(PEERS_FILE, where, f"unknown indicator {c.shown_on!r}"))
        if c.id in indicators:
            problems.append(Problem(PEERS_FILE, where, f"{c.id!r} is an indicator of the plan"))
    return problems


def _figure_problems(
    peers: Peers, f: PeerFigure, where: str, compared: set[str], context: set[str]
) -> list[Problem]:
    """An unknown economy or measure; the plan's own economy only in a context measure (for an
    indicator its figures are the indicator's own values)."""
    economies = {e.id for e in peers.economies}
    home = {peers.home.id} if peers.home is not None and f.indicator in context else set()
    problems = []
    if f.economy not in economies | home:
        problems.append(Problem(PEERS_FILE, where, f"unknown economy {f.economy!r}"))
    if f.indicator not in compared | context:
        problems.append(
            Problem(PEERS_FILE, where, f"indicator {f.indicator!r} is not listed as compared")
        )
    return problems
