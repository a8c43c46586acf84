"""Map every error to one JSON shape under /api/ and a friendly page elsewhere."""
from __future__ import annotations

from flask import jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from search.errors import ClaimsearchError

TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 409: "Busy",
          500: "Something went wrong", 503: "Search is not ready"}


def error_body(status: int, message: str) -> dict:
    """Return the one JSON error shape."""
    return {"error": {"status": status, "message": message}}


def _respond(status: int, message: str):
    if request.path.startswith("/api/") or request.path == "/api":
        return jsonify(error_body(status, message)), status
    title = TITLES.get(status, "Error")
    return render_template("error.html", status=status, title=title, message=message), status


def register(app) -> None:
    """Install the error handlers on the app."""

    @app.errorhandler(ClaimsearchError)
    def claimsearch_error(exc):
        status = exc.status if 400 <= exc.status < 600 else 500
        if status >= 500 and status != 503:
            app.logger.exception("claimsearch error")
        return _respond(status, exc.message)

    @app.errorhandler(HTTPException)
    def http_error(exc):
        response = make_response(_respond(exc.code or 500, exc.description or TITLES.get(exc.code, "Error")))
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            # OPTIONS is refused too (web._refuse_options), whatever the routing lists.
            response.headers["Allow"] = ", ".join(sorted(set(exc.valid_methods) - {"OPTIONS"}))
        return response

    @app.errorhandler(Exception)
    def unexpected(exc):
        app.logger.exception("unhandled error on %s", request.path)
        return _respond(500, "Internal error; it has been logged.")
