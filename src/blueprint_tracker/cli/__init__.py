"""The ``blueprint`` command: thin commands that parse, call one service and render."""
