"""claimsearch core: load news articles, extract who said what, index and search them."""

__version__ = "0.1.0"
