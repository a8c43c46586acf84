"""The extractor's word lists: general words, verbs of saying, function words (grammar), people, units, sources."""
from .words import (  # noqa: F401  (the shared lists, as search.compare reads them)
    CUE_WORDS, CUE_FIRST_WORDS, CLAIM_CUES, PARTICIPLE_CUES, PRONOUNS, PERSON_PRONOUNS, TITLES, ORG_WORDS,
    ADVERBS, DETERMINERS, STOP_WORDS, QUALIFIERS, NUMBER_WORDS, SCALES, CURRENCIES, UNIT_LEMMAS, PLACES,
    NOUN_CUES, SPEECH_NOUNS
)
