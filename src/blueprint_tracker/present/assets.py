"""Static assets: the site's own CSS/JS and the Vega bundle taken from ``vl-convert-python``.

The Vega, Vega-Lite and Vega-Embed JavaScript comes from the installed ``vl_convert`` package
(never a CDN). Producing it takes a few seconds, so it is written once per package version to
a cache folder and reused.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from platformdirs import user_cache_path

STATIC_DIR = Path(__file__).parent / "static"
CONTENT_DIR = Path(__file__).parent / "content"
VEGA_BUNDLE = "vendor/vega-bundle.js"
_lock = threading.Lock()


def cache_dir() -> Path:
    override = os.environ.get("BLUEPRINT_CACHE_DIR")
    return Path(override) if override else user_cache_path("blueprint-tracker", appauthor=False)


def vega_bundle() -> Path:
    """The path of the Vega bundle file, written from ``vl_convert`` the first time."""
    import vl_convert

    version = getattr(vl_convert, "__version__", "unknown")
    path = cache_dir() / f"vega-bundle-{version}.js"
    with _lock:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(vl_convert.javascript_bundle(), encoding="utf-8")  # type: ignore[call-arg]
            tmp.replace(path)
    return path


def content(name: str) -> str:
    path = CONTENT_DIR / name
    return path.read_text(encoding="utf-8") if path.exists() else ""


def localised_content(name: str, lang: str) -> str:
    """A content page in ``lang`` (``name.<lang>.md``), the English ``name.md`` otherwise."""
    return content(f"{name}.{lang}.md") or content(f"{name}.md")
