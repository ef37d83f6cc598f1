"""``python -m blueprint_tracker``: the ``blueprint`` program."""

from blueprint_tracker.main.app import run

if __name__ == "__main__":
    run()
