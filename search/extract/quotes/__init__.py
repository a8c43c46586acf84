"""Finding quote spans and their pieces in an article."""
