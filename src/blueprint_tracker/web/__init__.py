"""The web dashboard and JSON API: ``create_app(settings)`` builds the ASGI application."""
