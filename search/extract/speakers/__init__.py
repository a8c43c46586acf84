"""Speakers: cleaning names, resolving mentions and pronouns to canonical speakers, corpus-wide ids."""
