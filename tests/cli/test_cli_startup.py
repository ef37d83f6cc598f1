"""`blueprint` starts without the web stack or the maths: a command imports what it needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("fastapi", "starlette", "uvicorn", "scipy", "vl_convert", "pandas", "numpy", "sqlalchemy")
#: --help, --version and usage errors stay within 0.3 s of bare Python: no model library either
STARTUP = (*HEAVY, "pydantic", "babel", "jinja2")
RUNNER = """
import json, sys
from blueprint_tracker.main.app import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _modules_after(*args: str) -> tuple[int, set[str]]:
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, *args], capture_output=True, text=True, env=env, check=False
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], {name.partition(".")[0] for name in report["modules"]}


def test_help_imports_no_web_stack_and_no_maths() -> None:
    code, modules = _modules_after("--help")
    assert code == 0
    assert modules.isdisjoint(STARTUP), sorted(modules & set(STARTUP))


def test_version_and_usage_errors_are_as_light() -> None:
    _, modules = _modules_after("--version")
    assert modules.isdisjoint(STARTUP), sorted(modules & set(STARTUP))
    for args in (("indicators", "--no-such-option"), ("assess", "--help")):
        _, modules = _modules_after(*args)  # (typer itself loads pydantic to report a usage error)
        assert modules.isdisjoint(HEAVY), (args, sorted(modules & set(HEAVY)))
