"""One error shape for the API (``{"error": {"code", "message"}}``) and HTML error pages."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from blueprint_tracker.errors import (
    BlueprintError,
    ConflictError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    ProblemsError,
)

CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "bad_parameter"}
STATUS_OF: list[tuple[type[BlueprintError], int]] = [
    (NotFoundError, 404),
    (InputError, 422),
    (ProblemsError, 422),
    (ConflictError, 409),
]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorBody, "description": "Unknown id"},
    422: {"model": ErrorBody, "description": "Bad parameter"},
}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid parameters"


def _is_api(request: Request) -> bool:
    """Machine-read URLs (the API, downloads, feeds, a page's JSON twin) get the JSON error
    shape."""
    path = request.url.path
    if request.query_params.get("format") == "json":
        return True
    return path.startswith(("/api/", "/downloads/")) or path.endswith((".xml", ".csv", ".json"))


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    from blueprint_tracker.web.routes_pages import error_page

    return HTMLResponse(error_page(request, status, message), status_code=status)


async def on_unexpected(request: Request, exc: Exception) -> Response:
    """A bug, not the user's mistake: the error shape (or page), no details."""
    try:
        return error_response(request, 500, "internal", "internal error")
    except Exception:  # the error page itself failed: plain text (the headers still come)
        return Response("internal error", status_code=500, media_type="text/plain")


def install_error_handlers(app: FastAPI) -> None:
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        code = CODES.get(exc.status_code, "error")
        response = error_response(request, exc.status_code, code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "bad_parameter", _validation_message(exc))

    async def on_blueprint(request: Request, exc: BlueprintError) -> Response:
        if isinstance(exc, PermissionDeniedError):
            status = 403 if exc.authenticated else 401
            return error_response(request, status, exc.code, str(exc))
        if isinstance(exc, InputError):
            return error_response(request, 422, "bad_parameter", str(exc))
        for kind, status in STATUS_OF:
            if isinstance(exc, kind):
                return error_response(request, status, exc.code, str(exc))
        return error_response(request, 500, exc.code, str(exc))

    app.add_exception_handler(Exception, on_unexpected)
    app.add_exception_handler(StarletteHTTPException, on_http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(BlueprintError, on_blueprint)  # type: ignore[arg-type]
