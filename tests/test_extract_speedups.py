"""Extraction speed-ups that must not change what is extracted: their results pinned on texts written here."""
from __future__ import annotations

from search.extract.claims import tagger
from search.extract.claims.tagger import sentence_features
from search.extract.text.sentences import tokens


def _features(text: str) -> list[list[str]]:
    return sentence_features(tokens(text, 0, len(text)))


def test_tagger_features_of_a_window_with_its_padding():
    feats = _features('Lee said: "No."')
    assert feats[0] == ["w=lee", "s=CAP", "x=lee", "c=-", "w-1=^", "w+1=said", "w-2=^", "w+2=:", "s-1=^", "s+1=low",
                        "s-1s=^|CAP", "c-1=^", "c+1=say", "cb=none", "ca=1", "w-1w=^|lee"]
    assert feats[1] == ["w=said", "s=low", "x=aid", "c=say", "w-1=lee", "w+1=:", "w-2=^", "w+2=\"", "s-1=CAP",
                        "s+1=:", "s-1s=CAP|low", "c-1=-", "c+1=-", "cb=none", "ca=none", "w-1w=lee|said"]
    assert feats[-1] == ["w=\"", "s=QUOTE", "x=\"", "c=-", "w-1=.", "w+1=$", "w-2=no", "w+2=$", "s-1=.", "s+1=$",
                         "s-1s=.|QUOTE", "c-1=-", "c+1=$", "cb=4-6", "ca=none", "w-1w=.|\""]


def test_tagger_cue_distances_in_both_directions():
    words = " ".join(f"w{k}" for k in range(14))
    feats = _features(f"Ann said {words} she believes")  # 'said' and 'believes' are cues, 15 tokens apart
    assert [f[13] for f in feats] == ["cb=none", "cb=none", "cb=1", "cb=2", "cb=3", *["cb=4-6"] * 3,
                                      *["cb=7-12"] * 6, *["cb=13+"] * 4]
    assert [f[14] for f in feats] == ["ca=1", *["ca=13+"] * 4, *["ca=7-12"] * 6, *["ca=4-6"] * 3,
                                      "ca=3", "ca=2", "ca=1", "ca=none"]
    assert [f[3] for f in feats].count("c=-") == len(feats) - 2 and feats[-1][3] == "c=belief"


def test_tagger_features_do_not_depend_on_the_word_cache():
    text = "The Mayor of Portwick said the Dam would hold, she added."
    first = _features(text)
    for cache in tagger._WORD_FEATURES:
        cache.clear()
    assert _features(text) == first
    assert _features(text.upper())[1][0] == "w=mayor" and _features(text.upper())[1][1] == "s=CAP"


def test_tagger_reads_the_same_features_as_utf8_bytes():
    text = "Der Bürgermeister said: \"Ça va\", and Zoë Ng-Ó'Neill believes it — “truly”."
    toks = tokens(text, 0, len(text))
    encoded = sentence_features(toks, encoded=True)
    assert encoded == [[name.encode() for name in row] for row in sentence_features(toks)]
    assert b"w-1w=b\xc3\xbcrgermeister|said" in encoded[2]
