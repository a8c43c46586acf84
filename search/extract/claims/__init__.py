"""Attributed claims: what a source asserts, and who the source is."""
