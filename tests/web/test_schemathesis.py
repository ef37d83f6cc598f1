"""Property-based API checks from the OpenAPI document (bounded examples, ASGI in-process).

Every response's body must match the named schema the document gives it (the typed page data
in ``services.models``), besides the default checks (no server error, documented status codes).
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import response_schema_conformance  # noqa: E402

from blueprint_tracker.config import Settings  # noqa: E402
from blueprint_tracker.web.app import create_app  # noqa: E402


def _app():  # type: ignore[no-untyped-def]
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="blueprint-schemathesis-"))
    return create_app(Settings(data_dir=folder, plan="hk-itb-2022"))


schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_openapi(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(additional_checks=[response_schema_conformance])
