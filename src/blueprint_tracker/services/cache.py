"""The one cache of built data (status reports, page data, rendered pages), per workspace.

One invalidation rule: an entry is reused while the day and the store's data version are the
same. The data version changes whenever figures are imported or withdrawn or an edit is
approved (``data_version``); it is asked of the database at most once a second, and at once
after a write by this process (the stores count their own writes).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from blueprint_tracker.services.workspace import Workspace

VERSION_TTL_SECONDS = 1.0
SIZE = 256


def data_version(ws: Workspace) -> tuple[int, int, int]:
    """Changes whenever figures are imported or an edit is approved (figures, evidence,
    withdrawals); used to key cached data."""
    return (ws.store.count(ws.base_plan.id), *ws.review.state_stamp(ws.base_plan.id))


class PageSpec(Protocol):
    """A page of the registry (``present.registry.Page``), as far as the cache needs it."""

    @property
    def name(self) -> str: ...

    def build(
        self, ws: Workspace, arg: str | None, query: Mapping[str, str], as_of: dt.date | None
    ) -> Any: ...


class DataCache:
    def __init__(self, ws: Workspace, size: int = SIZE) -> None:
        self.ws = ws
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._builders: dict[tuple[Any, ...], threading.Lock] = {}
        self._version: tuple[float, tuple[int, int], Any] = (0.0, (-1, -1), None)

    def _writes(self) -> tuple[int, int]:
        return (self.ws.store.generation, self.ws.review.generation)

    def version(self) -> Any:
        """The store's data version, asked of the database at most once a second unless this
        process wrote since."""
        checked, writes, version = self._version
        now = time.monotonic()
        if now - checked > VERSION_TTL_SECONDS or writes != self._writes():
            writes = self._writes()
            version = data_version(self.ws)
            self._version = (now, writes, version)
        return version

    def invalidate(self) -> None:
        """Ask the store for its data version on the next request (after a write here)."""
        self._version = (0.0, (-1, -1), None)

    def get(
        self,
        name: str,
        build: Callable[..., Any],
        *args: Any,
        as_of: dt.date | None = None,
    ) -> Any:
        """``build(ws, *args, as_of)``, reused while the day and the stored figures are the same."""
        return self.remember((name, args, as_of), lambda: build(self.ws, *args, as_of))

    def page(
        self,
        spec: PageSpec,
        arg: str | None = None,
        query: tuple[tuple[str, str], ...] = (),
        as_of: dt.date | None = None,
    ) -> Any:
        """The data of a page of ``present.registry`` (for its HTML, its JSON twin and the
        API alike), reused for the same id, query, day and stored figures."""
        return self.remember(
            ("page", spec.name, arg, query, as_of),
            lambda: spec.build(self.ws, arg, dict(query), as_of),
        )

    def remember(self, name: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        """``build()`` (data or a rendered page), reused for the same day and stored figures."""
        key = (*name, dt.date.today(), self.version())
        found, value = self._lookup(key)
        if found:
            return value
        with self._building(key):  # one thread builds a key; the others wait and reuse it
            found, value = self._lookup(key)
            if found:
                return value
            value = build()
            with self._lock:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def _lookup(self, key: tuple[Any, ...]) -> tuple[bool, Any]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return True, self._items[key]
        return False, None

    def _building(self, key: tuple[Any, ...]) -> threading.Lock:
        with self._lock:
            lock = self._builders.get(key)
            if lock is None:
                lock = self._builders[key] = threading.Lock()
                while len(self._builders) > 4 * self.size:
                    self._builders.pop(next(iter(self._builders)))
            return lock
