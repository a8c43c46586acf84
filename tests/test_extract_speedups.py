"""Extraction speed-ups that must not change what is extracted: their results pinned on texts written here."""
from __future__ import annotations

import gc
import random
import re
import weakref
from types import SimpleNamespace

from search.extract.claims import tagger
from search.extract.claims.tagger import sentence_features
from search.extract.claims import finder
from search.extract.claims.finder import IN_FORMS
from search.extract import extract
from search.extract.attribution.context import LOWER_RUN, Context
from search.extract.attribution.cues import cue_at
from search.extract.attribution.ranker.features import _ranks, _side
from search.extract.attribution.ranker.model import Ranker
from search.extract.figures.finder import maybe_number
from search.extract.speakers.resolver import (APPOSITIVE_SUBJECT, BODY_SUBJECT, DESCRIBED_FIRM, GROUP_SUBJECT,
                                              HONORIFIC, JOIN, LOWER_WORD, NAME, NAME_OR_WORD, PEERAGE, SUBJECT,
                                              Resolver,
                                              _written_inside, lower_words, opening, sentence_opens)
from search.extract.text.accents import CAPITAL
from search.models import Span
from search.extract.quotes.spans import MARK
from search.extract.text import sentences
from search.extract.text.sentences import END, TOKEN, tokens
from search.ingest.documents import load_plain
from tools.train_speaker_ranker import Recorder

# The speaker ranker's features of 'Cole' in test_ranker_features_of_a_candidate_in_order, as the code before the
# features were cached by what they are made of spelled them
COLE = (
    "bias", "k:name-single", "w:quote:after", "w:quote:after|k:name-single", "d:after0", "r:after1",
    "r:after1|k:name-single", "l:cue-right", "l:cue-subject", "l:cue-right|w:quote:after",
    "l:cue-subject|w:quote:after", "l:cue-right|k:name-single", "l:cue-subject|k:name-single", "s:few",
    "q:long|w:quote:after", "q:inline|w:quote:after", "q:comma|w:quote:after", "q:by-after|w:quote:after",
    "q:long|r:after1", "q:inline|r:after1", "q:comma|r:after1", "q:by-after|r:after1", "rule", "rule|q:long",
    "rule|q:inline", "rule|q:comma", "rule|q:by-after", "rule|k:name-single", "rule|w:quote:after",
)


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
    text = "Der Bürgermeister said: \"Ça va\", and Zoë Ng-Ó'Neill believes it — “truly”, at the café."
    toks = tokens(text, 0, len(text))
    encoded = sentence_features(toks, encoded=True)
    assert encoded == [[name.encode() for name in row] for row in sentence_features(toks)]
    assert b"w-1w=b\xc3\xbcrgermeister|said" in encoded[2]
    assert b"x=af\xc3\xa9" in encoded[-2]  # the last three letters encoded, not the last three bytes


def test_ranker_features_of_a_candidate_in_order():
    text = ('Headline\n\nThe mayor of Portwick, Ann Cole, spoke on Monday. '
            '"We will rebuild the old library before winter comes," Cole told reporters.')
    recorder = Recorder()
    extract(load_plain(text, "t.txt"), recorder)
    quote, cands, feats, _ = recorder.seen[0]
    first = text[cands[0].start:cands[0].end], feats[0]
    assert first == ("Cole", COLE)
    assert len({f for f in feats}) == len(cands) == 5


def test_ranker_remembers_scores_without_changing_them():
    ranker = Ranker({"bias": 0.1, "a": 0.2, "b": 0.3})
    feats = ("bias", "a", "b", "unknown")
    expected = 0.1 + 0.2 + 0.3  # summed in feature order, as the trainer sums
    assert ranker.score(feats) == expected and ranker.score(feats) == expected
    assert ranker.score(tuple(list(feats))) == expected and ranker.score(("b", "a")) == 0.3 + 0.2


def _cues(text: str) -> list[tuple[str, int]]:
    toks = tokens(text, 0, len(text))
    return [(t.text, size) for k, t in enumerate(toks) if (size := cue_at(toks, k))]


def test_cue_words_and_pairs_found_as_before_the_first_word_test():
    text = ('As per the memo, Ann Lee said, according to aides, that the firm pointed out the report. '
            '"Fine," said Bo. Said Ng: "Yes." The claims warned as well as noted that sales say little, added Kim.')
    assert _cues(text) == [("As", 2), ("said", 1), ("according", 2), ("pointed", 2), ("said", 1), ("warned", 1),
                           ("noted", 1), ("say", 1), ("added", 1)]
    assert _cues('Said Comey, "It was."') == [("Said", 1)] and _cues("Ann said") == [("said", 1)]


def test_context_counts_words_with_possessives_folded_and_sentence_words():
    text = "Lee's plan. Lee’s aides met Lee and O'Neill's rock'n'roll band, Ülker said."
    ctx = Context(text, text, [Span(0, len(text))], [[(0, 11), (12, len(text))]])
    assert ctx.words["Lee"] == 3 and ctx.words["O'Neill"] == 1 and ctx.words["rock'n'roll"] == 1
    assert ctx.sentence_words(12, len(text)) == frozenset({"lee", "s", "aides", "met", "and", "o", "neill", "rock",
                                                           "n", "roll", "band", "lker", "said"})
    assert ctx.sentence_words(0, 11) is ctx.sentence_words(0, 11)


def test_slice_words_are_the_lowered_slices_letter_runs_even_after_a_letter_lowered_to_two():
    for text in ("Ann SAID so. Tax rose, İstanbul SAID. ΟΔΟΣ was built.", "Ann SAID so. Tax rose, ΟΔΟΣ. Mr Ng SAID."):
        ctx = Context(text, text, [Span(0, len(text))], [])
        for lo, hi in ((0, 12), (13, 36), (20, len(text)), (37, len(text))):
            assert ctx.slice_words(lo, hi) == frozenset(re.findall("[a-z]+", text[lo:hi].lower()))


def test_resolver_reads_the_lower_case_words_it_is_given_or_finds_them():
    text = "Headline\n\nAnn Lee said critics were wrong."
    assert lower_words(text) == frozenset({"said", "critics", "were", "wrong"})
    chunks = [(Span(0, 8), text[:8]), (Span(10, len(text)), text[10:])]
    assert Resolver(text, chunks).lower == Resolver(text, chunks, lower_words(text)).lower == lower_words(text)



def test_resolver_is_freed_without_a_collection_and_reads_common_words_as_before():
    text = "Headline\n\nCritics said Ann Lee was wrong. Lee said critics were wrong. Plans said so."
    chunks = [(Span(0, 8), text[:8]), (Span(10, len(text)), text[10:])]
    resolver = Resolver(text, chunks)
    assert [resolver.common_word(w) for w in ("Critics", "Lee", "Plans", "Ann Lee")] == [True, False, False, False]
    assert resolver.seen.common("Critics") and not resolver.seen.common("Lee")
    gc.disable()  # a Resolver in a reference cycle would stay until the collector ran: workers collect rarely
    try:
        freed = weakref.ref(resolver)
        del resolver
        assert freed() is None
    finally:
        gc.enable()

def _unguarded(pattern: re.Pattern, guard: str) -> re.Pattern:
    assert pattern.pattern.startswith(guard)
    return re.compile(pattern.pattern[len(guard):])


def test_first_letter_guards_keep_what_the_patterns_find():
    numbers = ("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty "
               "seventy eighty ninety hundred million billion").split()
    assert all(maybe_number(f"about {word} homes", 0, 17) for word in numbers) and maybe_number("x٣", 0, 2)
    assert not any(maybe_number(text, 0, len(text)) for text in ("often tenfold", "the thirtieth", "milliseconds"))
    plain = re.compile(r"\d|\b(?:" + "|".join(numbers) + r")\b")
    rng = random.Random(7)
    pieces = ["two", "ten", "tenth", "5", " ", "-", "x", "_", "seventy", "\n", "é", "million", "s", "٣", "(", "often"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        lo, hi = sorted(rng.randrange(0, len(text) + 1) for _ in range(2))
        assert maybe_number(text, lo, hi) == bool(plain.search(text, lo, hi)), (text, lo, hi)


# The resolver's patterns as written before they started with their first letter: each asked what came before a
# position first (so re tried every position)
_NAME_WORD = rf"(?:{CAPITAL}[\w’'.-]*[\w]|[A-Z]\.)"
_NAME_OR_WORD = r"(?<![\w’'])" + _NAME_WORD + r"(?:\s+(?:(?:" + JOIN + r")\s+){0,2}" + _NAME_WORD + ")*"
_NAME = _NAME_OR_WORD[:-1] + "+"
_OPENS = r"(?:^|(?<=[.!?]\s))"
AS_BEFORE = {
    NAME: _NAME, NAME_OR_WORD: _NAME_OR_WORD,
    HONORIFIC: rf"\b(Mr|Mrs|Ms|Miss)\.?\s+((?:{CAPITAL}[\w’'-]*\.?\s+){{0,2}}{CAPITAL}[\w’'-]+)",
    PEERAGE: rf"\b(Lord|Lady|Baroness|Baron|Earl|Sir|Dame)\s+((?:{CAPITAL}[\w’'-]*\.?\s+){{0,2}}{CAPITAL}[\w’'-]+)",
    DESCRIBED_FIRM: _OPENS + r"[A-Z][\w-]*((?: [a-z-]+){1,3}) ([A-Z][\w&’'-]+(?: [A-Z][\w&’'-]+){0,2})",
    BODY_SUBJECT: _OPENS + r"The ([a-z-]+)(?: ([a-z-]+))?(?: ([a-z-]+))?\b",
    SUBJECT: r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’)]\s)|(?<=[\"“])|(?<=[\"“]\s))" + _NAME_OR_WORD,
    GROUP_SUBJECT: _OPENS + r"([A-Z][a-z]+s)((?: (?:at|from|for|with) (?:the )?" + _NAME + ")?)(?= [a-z])",
    APPOSITIVE_SUBJECT: _OPENS + r"(?:The|A|An) [^.,\n]{0,80}?([\w-]+), (" + _NAME + "),",
}
RESOLVER_TEXT = (
    "Ann Lee said so. Researchers at the University of Oxford followed 40 people. \"Tom Hill, who left, agreed.\" "
    "Danish wind turbine maker Nordwind posted a loss. The ferry operator said. The firm added: The board agreed. "
    "Mr Lee met Ms. Ann Cole and Mrs  O'Hara Jones.\nMiss Bo said.” Éric Lombard and J. K. Rowling met "
    "iPhone maker Apple, eBay Inc and Luiz Inacio Lula da Silva. The party's leader, Ann Lee, said. UMr Big. "
    "Lee's aide O’Neill and Mr. X spoke. “ Jo Fox wrote. Hackers broke in. A former aide, Bo Ng, agreed. "
    "Sales of Mercedes rose? Trade Secretary Liz Smith-Jones van der Berg said. Anna Berg. Lord Falconer, Lady  Ann "
    "Hale and Baroness Kennedy met Baron Ash, Earl Spencer, Sir Elton John, Dame Judi Dench; Overlord Zed, LadyBird "
    "Joe, Sirius Black, Lord lee and Dames Kay met.")


def test_resolver_patterns_find_what_they_found_asking_the_position_first():
    for pattern, before in AS_BEFORE.items():
        before = re.compile(before)
        found = [(m.span(), m.groups()) for m in pattern.finditer(RESOLVER_TEXT)]
        assert found == [(m.span(), m.groups()) for m in before.finditer(RESOLVER_TEXT)] and found, pattern
        for lo, hi in ((0, 40), (17, 120), (118, 400), (30, len(RESOLVER_TEXT)), (250, 251), (5, 17)):
            assert [m.span() for m in pattern.finditer(RESOLVER_TEXT, lo, hi)] == \
                   [m.span() for m in before.finditer(RESOLVER_TEXT, lo, hi)]
            assert [(m and m.span()) for m in (pattern.match(RESOLVER_TEXT, lo, hi), pattern.search(
                RESOLVER_TEXT, lo, hi))] == [(m and m.span()) for m in (before.match(RESOLVER_TEXT, lo, hi),
                                                                      before.search(RESOLVER_TEXT, lo, hi))]


def test_ranker_ranks_count_the_nearer_candidates_on_each_side():
    rng = random.Random(7)
    quote = SimpleNamespace(outer_start=100, outer_end=160)
    for _ in range(200):
        starts = [rng.choice([rng.randrange(0, 95), rng.randrange(100, 150), rng.randrange(160, 260)])
                  for _ in range(rng.randrange(1, 12))]
        cands = [SimpleNamespace(start=s, end=s + rng.randrange(1, 6)) for s in starts]
        keyed = [(_side(quote, c)[0], abs(c.start - (quote.outer_start if c.end <= quote.outer_start
                                                     else quote.outer_end))) for c in cands]
        counted = [f"{side}{min(sum(s == side and g < gap for s, g in keyed) + 1, 3)}" for side, gap in keyed]
        assert _ranks(quote, cands) == counted


def test_tokens_are_placed_where_the_pattern_matches():
    texts = ["Ann Lee said: \"We won.\" __init__ a_b _x y_ 'tis — “ok”, O’Neill's 3.5% £1,200 İstanbul\tend\n",
             "  \u00a0 spaced   out\u2003words ", "x", "", "___", "no-one's e-mail: a@b.c ½ ² ٣ 中文 ok?!"]
    for text in texts:
        for start, end in ((0, len(text)), (3, len(text) - 2), (1, 4), (5, 5)):
            start, end = min(start, len(text)), max(min(end, len(text)), min(start, len(text)))
            expected = [(m.group(), m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text, start, end)]
            assert [tuple(t) for t in tokens(text + "", start, end)] == expected  # 'İ' lowers to two characters


def test_appositive_subject_lookahead_keeps_its_matches():
    guard = "(?=(?:The|A|An) [^.,\\n]*, [A-Z])"
    before = re.compile("(?=[TA])" + APPOSITIVE_SUBJECT.pattern[len(guard):])
    text = ("The party's leader, Ann Lee, said so. A former aide, Bo Ng, agreed. The firm, Acme, grew. Then An "
            "old friend of the family, Mr Tom Hill, spoke. The long story about nothing, really. A, B, C.\nAn ally, "
            "Jo Fox, left")
    found = [(m.span(), m.groups()) for m in APPOSITIVE_SUBJECT.finditer(text)]
    assert APPOSITIVE_SUBJECT.pattern.startswith(guard) and len(found) == 3
    assert found == [(m.span(), m.groups()) for m in before.finditer(text)]


def test_job_words_read_as_before_the_union_was_built_once():
    from search.extract.lexicon.people import DESCRIPTORS
    from search.extract.lexicon.words import TITLES
    from search.extract.speakers.names import is_descriptor

    words = ["chairman", "Co-Chairman", "vice-president", "ex-minister", "minister", "MP", "apple", "well-known",
             "-", "", "spokes-woman", "Deputy"]
    assert [is_descriptor(w) for w in words] == [
        w.lower() in DESCRIPTORS or w.lower() in TITLES or w.lower().split("-")[-1] in DESCRIPTORS | TITLES
        for w in words]
    assert is_descriptor("Co-Chairman") and not is_descriptor("apple")


def test_names_as_written_found_with_patterns_compiled_once():
    from search.extract.figures.claimers import _naming_mention

    text = "Edward Leigh spoke. Later Mr Leigh and Tory Leigh-Smith met. Committee chairman Leigh left."
    assert _naming_mention(text, "Edward Leigh", text.index("Later")) == "Edward Leigh"
    assert _naming_mention(text, "Edward Leigh", text.index("and")) == "Mr Leigh"
    assert _naming_mention(text, "Edward Leigh", len(text)) == "Leigh"  # 'chairman' is no capitalised word
    assert _naming_mention(text, "Ann Cole", len(text)) is None
    text = "The Commons education select committee met. Later the select committee said no."
    resolver = Resolver(text, [(Span(0, len(text)), text)])
    assert resolver._described_earlier("select committee", text.index("Later the") + 10) == \
        "Commons education select committee"
    assert resolver._described_earlier("select committee", 10) is None


def test_masking_blanks_quotes_as_the_regex_did():
    from search.extract.text.sentences import mask_quotes

    text = 'He said: "We won.\r\nWe — “truly” — won" and then "Ja\n\nnein!" so "" ended "x."'
    spans = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]
    expected, pos = [], 0
    for start, end in spans:
        inner = text[start:end]
        tail = inner[-1] if inner and inner[-1] in ".!?" else ""
        expected += [text[pos:start], re.sub(r"[^\n]", " ", inner[:len(inner) - len(tail)]) + tail]
        pos = end
    assert mask_quotes(text, spans) == "".join(expected + [text[pos:]])
    assert mask_quotes(text, spans).count("\n") == text.count("\n") and len(mask_quotes(text, spans)) == len(text)


def test_tagger_reads_nothing_in_a_window_it_labels_all_outside():
    model = tagger.default_tagger()
    plain = "The match ended in a draw on a wet Tuesday evening at the old ground ."
    toks = tokens(plain, 0, len(plain))
    model._tagger.set(tagger.sentence_features(toks, encoded=True))
    assert set(model._tagger.tag()) == {"O"} and model.spans(toks) == []
    claim = "The mayor of Portwick believes the new bridge will cost far more than the council says ."
    found = model.spans(tokens(claim, 0, len(claim)))
    assert found and all(len(reading) == 4 for reading in found)


def test_tagger_remembers_a_window_met_before_with_the_same_readings():
    model = tagger.ClaimTagger(tagger.default_tagger().model, tagger.default_tagger().cues)
    text = "The mayor of Portwick believes the new bridge will cost far more than the council says ."
    toks = tokens(text, 0, len(text))
    first = model.read(text, toks)
    assert first == model.spans(toks) and first
    again = text.replace("Portwick", "Portwick")  # an equal text, another object: a copy of the article
    assert model.read(again + "", tokens(again + " ", 0, len(again))) is first
    other = "Critics of the plan say the new bridge will cost far more than the mayor of Portwick says ."
    assert model.read(other, tokens(other, 0, len(other))) == model.spans(tokens(other, 0, len(other)))
    tagger_module_limit = tagger.WINDOWS_KEPT
    try:
        tagger.WINDOWS_KEPT = 2
        model.read("x y", tokens("x y", 0, 3))  # the memo is full: it starts over
        assert len(model._read) == 1
    finally:
        tagger.WINDOWS_KEPT = tagger_module_limit


def test_tagger_word_cache_builds_on_a_miss_and_stays_bounded():
    cache = tagger._WordFeatures(True)
    assert cache["Lee"] == tagger._encoded(tagger._word_features("Lee")) and "Lee" in cache
    assert cache["Lee"] is cache["Lee"] and tagger._WordFeatures(False)["said"][6] == "c=say"
    kept = tagger.WORD_FEATURES_KEPT
    try:
        tagger.WORD_FEATURES_KEPT = 2
        cache["a"], cache["b"]
        assert set(cache) == {"b"}  # full at 'b': it started over
        assert cache["c"] == tagger._encoded(tagger._word_features("c")) and set(cache) == {"b", "c"}
    finally:
        tagger.WORD_FEATURES_KEPT = kept


def test_description_before_a_name_read_backwards_as_searched_forwards():
    from search.extract.speakers.resolver import _words_before

    plain = re.compile(r"((?:[\w-]+ ){1,3})$")
    rng = random.Random(3)
    pieces = ["coach ", "England ", "shadow-home ", "secretary ", "the ", ", ", "\n", "(", "x", "Lib-", "said ", "  ",
              "é", "_", " \n"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14))) + "Ann Lee"
        name = text.index("Ann Lee")
        lo = max(0, name - 40)
        expected = plain.search(text, lo, name)
        assert _words_before(text, name) == (expected.group(1).split()[::-1] if expected else []), text
    assert _words_before("said England coach Ann Lee", 19) == ["coach", "England", "said"]


def test_subject_before_a_cue_remembered_per_token_list_as_computed():
    from search.extract.text import phrases

    text = "The mayor of Portwick, Ann Cole, on Thursday evening said the dam would hold, and critics both warned."
    toks = tokens(text, 0, len(text))
    cues = [k for k, t in enumerate(toks) if t.text in ("said", "warned")]
    expected = [phrases._subject_of_cue(toks, k, 0) for k in cues]
    assert expected[0] and [phrases.subject_before(toks, k, 0) for k in cues] == expected
    assert [phrases.subject_before(toks, k, 0) for k in cues] == expected  # from the memo
    other = list(toks[:cues[0]]) + [toks[cues[0]]]  # another list: its own answer, not the first list's
    assert phrases.subject_before(other, cues[0], 0) == expected[0]
    assert phrases.subject_before(toks, cues[0], 3) == phrases._subject_of_cue(toks, cues[0], 3)
    kept = phrases.SUBJECTS_KEPT
    try:
        phrases.SUBJECTS_KEPT = 1
        assert phrases.subject_before(toks, cues[1], 1) == phrases._subject_of_cue(toks, cues[1], 1)
        assert len(phrases._SUBJECTS) == 1  # full: it started over
    finally:
        phrases.SUBJECTS_KEPT = kept


def test_tagger_forgets_its_windows_when_asked():
    model = tagger.ClaimTagger(tagger.default_tagger().model, tagger.default_tagger().cues)
    text = "Critics say the plan will fail ."
    first = model.read(text, tokens(text, 0, len(text)))
    model.forget()
    assert not model._read and model.read(text, tokens(text, 0, len(text))) == first


def test_first_class_patterns_find_what_their_plain_forms_found():
    text = ("He said!!! Then \"Yes.\" Then she left.\nNext, U.S. officials (3.5%) agreed?” He went. Wait...\n\n"
            "It's 'done'.) [A] café naïve _foo bar_ baz9 x_y abc-def Ünder über. 2nd!\tÉtat. ok?(Fine) end.\n"
            "\x27\x27Quoted,\x27\x27 he said. „Ja“, «oui» \x27\x27\x27 “x” \x27")
    plain = {END: r"[.!?]+[\"”’)\]]*\s+(?=[\"“„«‘(\[A-Z0-9])|\n", LOWER_WORD: r"\b[a-z]+\b", LOWER_RUN: r"[a-z]+",
             MARK: r"\x27\x27|[\"“”„«»]"}
    for pattern, before in plain.items():
        before = re.compile(before)
        for lo, hi in ((0, len(text)), (3, 60), (17, 18), (40, 140), (61, len(text) - 1)):
            for t in (text, text.lower()):
                found = [(m.span(), m.groups()) for m in pattern.finditer(t, lo, hi)]
                assert found == [(m.span(), m.groups()) for m in before.finditer(t, lo, hi)]
        assert len(pattern.findall(text)) >= 5


def test_tokens_cut_from_their_line_are_the_span_read_alone():
    text = ("Ann Lee-Smith said: \"we're done\" -- don't_go 'now', ok?\n\nfoo_bar _x_ ’quoted’ a-b- -c 3.5% "
            "end.\nLast line, no break at its end")
    spans = [(lo, hi) for lo in range(len(text) + 1) for hi in range(lo, min(len(text), lo + 40) + 1)]
    for lo, hi in random.Random(5).sample(spans, 1500) + [(0, len(text)), (0, 0), (56, 57), (3, 7)]:
        fresh = text + ""  # a text met for the first time, then one whose lines were read for other spans
        assert tokens(fresh, lo, hi) == [(m.group(), m.start(), m.end(), m.group().lower())
                                         for m in TOKEN.finditer(text, lo, hi)]
        assert tokens(text, lo, hi) == tokens(fresh, lo, hi) and tokens(text, lo, hi) is tokens(text, lo, hi)


def test_tokens_of_one_long_line_read_it_once(monkeypatch):
    text = "Word after word, " * 20_000 + "the end."
    read = []
    scan = sentences._scan
    monkeypatch.setattr(sentences, "_scan", lambda t, lo, hi: read.append(hi - lo) or scan(t, lo, hi))
    spans = [(lo, lo + 200) for lo in range(3, len(text) - 200, 170)]
    assert all(tokens(text, lo, hi) == scan(text, lo, hi) for lo, hi in spans)
    assert sum(read) < len(text) + 20 * len(spans)  # the line once, then at most a cut word at each end


def _distances_token_by_token(cues: list[bool], names: tuple, order) -> list:
    """The tagger's cue distances as first written: a step per token, in order."""
    found, last = [""] * len(cues), None
    for i in order:
        found[i] = names[0 if last is None else 1 + min(abs(i - last), 13)]
        if cues[i]:
            last = i
    return found


def test_tagger_cue_distances_sliced_per_stretch_as_stepped_per_token():
    rng = random.Random(11)
    for _ in range(400):
        n = rng.choice([0, 1, 2, 5, 14, 15, 16, 40, 420])
        cues = [rng.random() < rng.choice([0.0, 0.02, 0.2, 0.9]) for _ in range(n)]
        for names in tagger.DISTANCES:
            before, after = tagger._cue_distances([i for i in range(n) if cues[i]], n, names)
            assert before == _distances_token_by_token(cues, names[0], range(n))
            assert after == _distances_token_by_token(cues, names[1], range(n - 1, -1, -1))


def test_poll_frames_ask_for_every_text_that_lowers_to_in():
    letters = {ch for ch in map(chr, range(0x110000)) if ch.lower() in ("i", "n", "in")}
    assert {a + b for a in letters for b in letters if (a + b).lower() == "in"} == IN_FORMS
    assert not [ch for ch in letters if ch.lower() == "in"]
    text = "Support rose to 40% IN a Gallup poll and fell In the survey"
    found = finder._poll_frames(tokens(text, 0, len(text)), [], [])
    assert [(c.start, c.end, c.claimer_start, c.claimer_end) for c in found] == [(0, 19, 23, 36), (0, 45, 49, 59)]


def test_context_word_counts_fold_possessives_as_one_pass_did():
    text = ("Ann's aide met Ann, then O'Neill's aides met O’Neill’s: Ann’s Ann' rock'n'roll rock'n'roll's "
            "James' Jameses James d'Arcy d'Arcy's 'Ann Ann''s")
    folded: dict[str, int] = {}
    for word in re.findall(r"[^\W_][\w’'-]*", text):
        key = re.sub(r"[’']s?$", "", word) if "'" in word or "’" in word else word
        folded[key] = folded.get(key, 0) + 1
    words = Context(text, text, [Span(0, len(text))], [[(0, len(text))]]).words
    assert dict(words) == folded and words["Ann"] == 5 and words["Ann'"] == 1 and words["missing"] == 0


def test_written_inside_finds_what_its_pattern_found():
    text = ("Hackers broke in. Police said hackers, Hackers_x and the Hackers' files; a Hackers\n, Hackers2 and "
            "said Hackers. Xs ,Xs met Xs")
    rng = random.Random(3)
    for word in ("Hackers", "Hackers'", "Xs", "Police", "said", "in.", "files;", "H"):
        for _ in range(40):
            lo, hi = sorted(rng.randrange(len(text) + 1) for _ in range(2))
            piece = text[lo:hi]
            expected = re.search(r"(?<=[a-z,] )" + re.escape(word) + r"\b", piece) is not None
            assert _written_inside(piece, word) == expected, (piece, word)
    assert _written_inside("as Hackers said", "Hackers") and not _written_inside("Hackers said", "Hackers")


def test_written_counts_what_the_word_counter_counts():
    pieces = ["Lee", "Lee's", "Lee’s", "Lees'", "Lees", "_Lee", "-Lee", "'Lee", "O'Lee", "Lee-Ann", "Lee_x", "xLee",
              "Lee2", "rock'n'roll", "Lee's's", "Lees''", "U.S", "é", "Léé", " ", " ", ", ", ". ", "\n", "-", "'"]
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        ctx = Context(text, text, [Span(0, len(text))], [[(0, len(text))]])
        for word in ("Lee", "Lees", "O'Lee", "rock'n'roll", "Lee's", "U.S", "Léé", "", "_Lee", "'"):
            assert ctx.written(word, 4) == min(ctx.words[word], 4), (text, word)
    ctx = Context("Lee's aide met Lee, Lee and Lee.", "", [Span(0, 32)], [[(0, 32)]])
    assert ctx.written("Lee", 3) == 3 and ctx.written("aide", 4) == 1 and ctx.written("met Lee", 4) == 0


def test_sentence_opening_patterns_tried_only_where_sentences_open_find_what_they_found():
    rng = random.Random(11)
    texts = [RESOLVER_TEXT, "The firm said. The firm agreed!\tThe ferry operator? Researchers at the Met said.",
             "A rival, Ann Lee, said so. An aide, Bo Ng, agreed.\nThe board said.  The  firm said. x. The bank said"]
    for text in texts + ["".join(rng.choice(texts)[rng.randrange(60):][:rng.randrange(90)] for _ in range(4))
                         for _ in range(60)]:
        opens = sentence_opens(text)
        for pattern in (APPOSITIVE_SUBJECT, GROUP_SUBJECT, DESCRIBED_FIRM, BODY_SUBJECT):
            assert [(m.span(), m.groups()) for m in opening(pattern, text, opens)] == \
                   [(m.span(), m.groups()) for m in pattern.finditer(text)], (pattern, text)


def test_last_naming_mention_searched_writing_by_writing_is_the_last_one_scanned_from_the_reach():
    from search.extract.figures.claimers import TITLE, _last_written, _written_from
    rnd = random.Random(5)
    words = ["Leigh", "Mr", "Mr.", "Tory", "the", "McLeigh", "Leigh-Smith", "(Leigh", "\n", " ", "\u2003", "Dr", "x",
             "Leighs", "said.", "Ex-Tory", "Lord", "Leigh,", "LeighLeigh", "O’Leigh", "Mrs", "_Leigh", "Prof.", "É"]
    for surname in ("Leigh", "Smith-Jones", "O'Neill", "Jr."):
        # the pattern each surname had compiled for it, which the scans must agree with
        pattern = re.compile(rf"(?:\b{TITLE}\s+|\b[A-Z][\w'’-]+\s+)?\b{re.escape(surname)}\b")
        pool = words + [surname, surname + ",", "Mr " + surname, surname + "s"]
        for _ in range(1500):
            text = " ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 10)))
            for lo in range(len(text)):
                for pos in (len(text), len(text) - 1, (lo + len(text)) // 2):
                    first = pattern.search(text, lo, pos)
                    assert _written_from(surname, text, lo, pos) == (first and first.span()), (text, lo, pos)
                    last = None
                    for last in pattern.finditer(text, lo, pos):
                        pass
                    assert _last_written(surname, text, lo, pos) == (last and last.span()), (text, lo, pos)


def test_places_found_by_first_letter_as_by_the_whole_alternation():
    from search.extract.figures.finder import _PLACE_KEYS, places_in

    plain = re.compile(r"\b(" + "|".join(sorted(_PLACE_KEYS, key=len, reverse=True)).replace(".", r"\.") + r")(?![\w])")
    rng = random.Random(5)
    pieces = ["UK", "U.S.", "US", "North Korea", "Korea", "South Africa", "n", "eurozone", "euro area", "euro", "zone",
              " ", "-", "'s", ".", "x", "Paris", "Parisian", "China", "Indochina", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        lo, hi = sorted(rng.randrange(0, len(text) + 1) for _ in range(2))
        found = places_in(text, lo, hi)
        expected = [(m.start(), _PLACE_KEYS[m.group(1)]) for m in plain.finditer(text, lo, hi)]
        assert list(zip(found.starts, found.keys)) == expected, (text, lo, hi)
    assert places_in("the eurozone and North Korea", 0, 28).keys == [_PLACE_KEYS["eurozone"], _PLACE_KEYS["North Korea"]]
    text = ("The UK and the eurozone, North Korea's army, Russia. uk UKraine Britain-based EU, Washington D.C. "
            "and South Africa;\nFrance's Paris, Mexico City, U.S. eurozones Japan")
    found = places_in(text, 0, len(text))
    assert [m.start() for m in plain.finditer(text)] == found.starts and len(found.starts) >= 8
