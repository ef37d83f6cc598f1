"""The web server only: ``create_app(settings)``, routes, auth, security, cache, errors, forms and
the server-mode pages. What the pages look like lives in ``present``."""
