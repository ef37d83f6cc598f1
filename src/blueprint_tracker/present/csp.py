"""The Content Security Policy of every page: sent as a header by the server, and written as a
``<meta>`` into the static site's pages (which any web server may serve without headers)."""

from __future__ import annotations

DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'",  # no inline script anywhere; Vega runs in its interpreter (no eval)
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
CSP = "; ".join(DIRECTIVES)
# browsers ignore frame-ancestors in a <meta> (and warn about it): leave it out there
META_CSP = "; ".join(d for d in DIRECTIVES if not d.startswith("frame-ancestors"))

#: the embeddable views (``/{lang}/embed/…``) may be framed by any site
EMBED_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors *")
