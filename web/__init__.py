"""The claimsearch web app: faceted search pages and a JSON API over the core library."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, request
from markupsafe import Markup
from werkzeug.exceptions import MethodNotAllowed

from search import settings
from search.errors import ClaimsearchError
from search.backends import searcher_for

from . import api, compare, errors, feeds, views
from .display import shown
from .marking import anchor, shown_kind
from .params import ENDPOINT_PARAMS, reject_unknown
from .urls import safe_href

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(test_config=None, overrides=None):
    """Build the app: search.settings defaults, CLAIMSEARCH_* env or ``test_config``, ``overrides``, blueprints."""
    app = Flask(__name__)
    # Every {{ }} in every template passes through `shown` (set before the environment is made).
    app.jinja_options = dict(app.jinja_options, finalize=shown)
    app.config.from_mapping(settings.defaults())
    # As flaskr: tests pass their own config instead of the environment. A server passes
    # settings.resolve(its options), which is the environment with its options applied after it.
    app.config.update(settings.from_env() if test_config is None else test_config)
    app.config.update(overrides or {})  # a command's own options win over the environment
    app.extensions["claimsearch"] = searcher_for(app.config)
    if app.config["WARM_UP"]:
        _warm_up(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp, url_prefix="/api")
    app.register_blueprint(compare.bp)
    app.register_blueprint(feeds.bp)
    errors.register(app)
    app.before_request(_refuse_options)
    app.before_request(_known_params)
    app.after_request(_secure)
    app.after_request(_relative_location)
    app.add_template_filter(_trusted_snippet, "trusted_snippet")
    app.add_template_filter(safe_href, "safe_href")
    app.add_template_filter(anchor, "anchor")
    app.add_template_filter(shown_kind, "shown_kind")
    return app


def _warm_up(app) -> None:
    """Load the index, comparisons and facet columns now, not during the first user's request."""
    try:
        app.extensions["claimsearch"].warm()
    except ClaimsearchError as exc:  # e.g. no index yet: the app still starts and answers 503
        app.logger.warning("not warmed up: %s", exc.message)
    except Exception:  # noqa: BLE001 - a damaged index must not stop the server: requests report it
        app.logger.exception("not warmed up")


def _trusted_snippet(html: str) -> Markup:
    """Mark a snippet safe: search.query.snippets built it by escaping the text, then highlighting."""
    return Markup(html)


def _secure(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _refuse_options():
    """Answer OPTIONS with 405 like any method but GET (Flask would answer 200 by itself)."""
    if request.method == "OPTIONS" and request.url_rule is not None:
        raise MethodNotAllowed(valid_methods=sorted(request.url_rule.methods - {"OPTIONS"}))


def _known_params():
    """Answer 400 to a page or JSON request with a parameter its endpoint does not read (params.ENDPOINT_PARAMS)."""
    names = ENDPOINT_PARAMS.get(request.endpoint)
    if names is not None:
        reject_unknown(request.args, names())


def _relative_location(response):
    """Make redirects (Werkzeug's slash merging) relative: an absolute one names the Host header's host."""
    location = response.headers.get("Location")
    if location:
        parts = urlsplit(location)
        if parts.netloc and parts.netloc == request.host:
            # One leading slash: "//host/x" would be read as another site.
            path = "/" + parts.path.lstrip("/")
            response.headers["Location"] = urlunsplit(("", "", path, parts.query, parts.fragment))
    return response
