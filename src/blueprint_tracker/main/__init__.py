"""The composition root: the one place that knows every front end.

It builds the ``blueprint`` program from the CLI's commands (``cli``), the server (``web``) and
the file builders (``export``), which never import each other.
"""
