"""HTTP responses for the files the server hands out."""

from __future__ import annotations

from fastapi.responses import Response


def csv_response(body: str, name: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
