"""A small cache of page data, keyed by page, arguments, edition date and data version."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from blueprint_tracker.services.pages import data_version
from blueprint_tracker.services.workspace import Workspace

if TYPE_CHECKING:
    from blueprint_tracker.present.registry import Page

VERSION_TTL_SECONDS = 1.0


class PageCache:
    def __init__(self, ws: Workspace, size: int = 256) -> None:
        self.ws = ws
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._builders: dict[tuple[Any, ...], threading.Lock] = {}
        self._version: tuple[float, Any] = (0.0, None)  # (checked at, data version)

    def version(self) -> Any:
        """The store's data version (figures, approved evidence and withdrawals), asked of the
        database at most once a second."""
        checked, version = self._version
        now = time.monotonic()
        if now - checked > VERSION_TTL_SECONDS:
            version = data_version(self.ws)
            self._version = (now, version)
        return version

    def invalidate(self) -> None:
        """Ask the store for its data version on the next request (after a write here)."""
        self._version = (0.0, None)

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
        spec: Page,
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
