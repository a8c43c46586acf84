"""Function words: prepositions, determiners, auxiliaries, conjunctions, pronouns and openers."""
from __future__ import annotations

import re

POSSESSIVE = re.compile(r"[’']s?$")  # 'Blair's', 'Jaynes'', 'Blair’s'

ARTICLES = frozenset("the a an this that these those one another".split())
NOUN_MARKERS = frozenset("the a an his her their its our my your this these those whose".split())
VERB_MARKERS = frozenset("to will would can could may might must should did does do also".split())
# Words that open a clause the main sentence does not assert ('When X said ..., Y said').
SUBORDINATORS = frozenset("""
when after before while as if although though because since despite once until unless
asked whether who which whom where
""".split())
PASSIVE_BE = frozenset("is are was were been be being".split())
SUBJECT_PRONOUNS = frozenset("he she they we i it".split())
PREPOSITIONS = frozenset("of to for with at in on about against from into over than like".split())
# One 'NAME:' line is a heading; several make a transcript.
TITLE_JOINS = frozenset("a an the of and for in on with to at".split())
CLAIM_OPENERS = frozenset("in on at when after before while as during speaking asked following despite since "
                          "if although though because once until for".split())
CLAUSE_BOUNDARIES = frozenset(", and but while whereas ; --".split())
FIRST_PERSON = frozenset("i we you".split())
PARTICIPLE_OPENERS = frozenset(", and -- — while before after".split())
CONTRASTS = frozenset("but although though whereas".split())
# Where or how something was said: 'said aboard his campaign bus', 'said through a spokesman that'.
PLACE_PREPOSITIONS = frozenset("aboard outside inside alongside amid through throughout beside near upon".split())
NOT_CLAIM_OPENING = frozenset("by with for of about into over under when while as after before since until because"
                              .split()) | PLACE_PREPOSITIONS
NOT_CLAIM_CONTENT = frozenset("yes no so nothing something anything this that it little much more less".split())
NEGATIONS = frozenset("not never n't".split())
CLAUSE_SUBJECTS = frozenset("he she they we i it you there this".split())
FIGURE_PREPOSITIONS = frozenset("in of for on at with from to as about into over under than".split())
FIGURE_LINKS = frozenset("by to at of from around above below past beyond over under".split())
FIGURE_SKIP_BACK = frozenset("""
also only have has had been already just now still reportedly sharply slightly further nearly almost
to will would could may might should must set expected likely forecast predicted due being back
projected estimated poised tipped soon eventually finally ever
reported thought believed said understood rumoured alleged
""".split())  # 'a fee reported to be £10.5m': the fee, not 'fee reported'
# Words that open a mention without being part of the name ('But Tony Blair', 'On Wednesday ...').
NAME_LEADING = frozenset("""
but and or so yet however meanwhile earlier later also then now still both either if when while
as on in at by last this next after before since speaking asked instead moreover indeed
for with from to of according like unlike despite although though because even only just
elsewhere separately similarly nevertheless nonetheless many several most all few so-called
within usually others its their that which whilst without unless until
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
january february march april may june july august september october november december
""".split())
# Words after a name that are not part of it ('Tony Blair himself', 'the chancellor meanwhile').
NAME_TRAILING = frozenset("himself herself themselves itself meanwhile also too though however".split())
NAME_PRONOUNS = frozenset("i i'm i’m we you".split())  # 'I'm playing': a scrap of speech, not a speaker
# Lower-case particles inside a person's name: 'Lula da Silva', 'Ursula von der Leyen', 'Joop den Uyl'.
NAME_PARTICLES = frozenset("de van von der den ter da das dos di del della du al bin ibn".split())
NAME_JOINS = NAME_PARTICLES | frozenset("of for the and".split())
INDEFINITE = frozenset("a an one another some".split())
NOT_DESCRIPTION = frozenset("the a an his her their its this that of in on at for and or".split())
PHRASE_NAME_JOINS = NAME_PARTICLES | frozenset("of the for le la y".split())
# Capitalised words that start sentences or clauses but never start a speaker's name.
CAP_STOP = frozenset("""
In On At But And When While After Before As If So Then Yet Still Also Asked Speaking
According Earlier Later Meanwhile However Instead Last This That These Those There Here
Now Today Yesterday During Despite Although Though Since Because Even Only Like Unlike
Both Each Every Many Some Most Several Other Such What Which Who Why How Where Not No
It Its A An Mr Mrs Ms For With From To Of By Over Under About Around Through Under
Early Late Earlier Likewise Written Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
June July August September October November December
""".split())
# Sentence openers that join to what came before without opening a phrase of their own.
CONNECTIVES = frozenset("And But So Then Yet Still Also Now Meanwhile However Instead Later Earlier Moreover".split())
