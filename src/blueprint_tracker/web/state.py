"""What a route reaches through the app: the workspace's one cache of built data."""

from __future__ import annotations

from fastapi import Request

from blueprint_tracker.services.cache import DataCache


def page_cache(request: Request) -> DataCache:
    cache: DataCache = request.app.state.ws.cache
    return cache
