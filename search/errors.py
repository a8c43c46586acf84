"""One exception family for claimsearch; each class carries the HTTP status it answers with.

Exit codes are not kept here: the CLI maps exception classes to them (search/cli/).
"""


class ClaimsearchError(Exception):
    """Base of every error claimsearch raises on purpose; a failed run unless a subclass says otherwise."""

    status = 500

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class BadUsage(ClaimsearchError):
    """A command or request asked for something malformed or absent, such as a missing corpus folder."""

    status = 400


class BadParameter(BadUsage):
    """A request or command parameter failed validation."""

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
