"""One exception family for claimsearch; each carries the HTTP-style status it maps to."""


class ClaimsearchError(Exception):
    """Base of every error claimsearch raises on purpose."""

    status = 500

    def __init__(self, message, status=None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class BadParameter(ClaimsearchError):
    """A request or command parameter failed validation."""

    status = 400

    def __init__(self, name, value, reason=None):
        self.name, self.value = name, value
        detail = f": {reason}" if reason else ""
        super().__init__(f"Invalid value {value!r} for parameter {name!r}{detail}")


class NotFound(ClaimsearchError):
    """A requested article, quote or index does not exist."""

    status = 404


class IndexMissing(ClaimsearchError):
    """No index has been built at the configured location."""

    status = 503


class IndexBusy(ClaimsearchError):
    """Another process holds the index build lock."""

    status = 409


class LoadError(ClaimsearchError):
    """A file could not be read as an article; the message is the reason."""

    status = 422
