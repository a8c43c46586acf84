"""Words about sources: who asserts a claim (evidence nouns, unnamed sources) and who claims a figure."""
from __future__ import annotations

from .words import NUMBER_WORDS

# ---- who asserts a claim ----

WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())
TIME_WORDS = WEEKDAYS | frozenset("today yesterday tonight week month year morning night afternoon evening".split())
# Calendar words (lower case): a capitalised phrase holding one is not a person's name (speakers.names).
CALENDAR_WORDS = frozenset("""
year years day week month christmas easter eve monday tuesday wednesday thursday friday saturday
sunday january february march april june july august september october november december
""".split())  # 'New Year', 'Boxing Day': capitalised, but nobody
# A nominal source that reports evidence: 'a poll found', 'figures show', 'the study suggests'.
EVIDENCE_NOUNS = frozenset("""
study studies poll polls survey surveys report reports research analysis data figures numbers review
investigation inquiry audit census statistics researchers scientists evidence estimates results findings
models tests test experts economists analysts forecast forecasts projections documents records
average averages video videos footage
""".split())
# What carries someone's words without being their source: '..." Lula said, according to a translation'.
MEDIUM_NOUNS = frozenset("""
translation translations transcript transcripts recording recordings video footage audio tape tapes readout
text excerpt excerpts copy minutes
""".split())
POSSESSIVES = frozenset("his her their its our my your".split())
# Verbs of an impersonal 'it' ('it seems', 'It might appear to be surprising that'): 'it' asserts nothing.
IMPERSONAL_VERBS = frozenset("seem seems seemed appear appears appeared".split())
# Verbs before 'to' whose subject is the next verb's subject: 'he seems to feel', 'went on to say'.
RAISING_VERBS = frozenset("""
seem seems seemed appear appears appeared continue continues continued go goes went tried tries try
began begins start starts started used need needs needed failed fails managed struggled able unable likely
unlikely willing ready eager quick set moved rushed
""".split())
# Plural and generic sources that open a sentence capitalised but name nobody: 'Officials said'.
UNNAMED_SOURCES = EVIDENCE_NOUNS | frozenset("""
officials experts critics residents voters sources campaigners protesters supporters opponents
observers insiders diplomats aides advisers advisors lawmakers analysts economists investors
officers police doctors teachers workers parents people many some others most few he she they it
who which that i we you
""".split())
PP_HEADS = frozenset("of for at in from with".split())
NUMBER_PARTS = frozenset("% percent per cent in out of nearly almost about over more than just half a third quarter "
                         "majority".split()) | frozenset(NUMBER_WORDS)
MORE_ADVERBS = frozenset("twice again once first often always later publicly privately already".split())
TIME_PREPOSITIONS = frozenset("in on at during last this since".split())

# ---- who claims a figure ----

# Verbs that put a figure forward as someone's estimate, beyond the verbs of saying; 'Sky Sports News
# understands', 'the BBC has learned': what an outlet found out from its sources, no feeling.
ESTIMATE_CUES = frozenset("""
estimate estimates estimated forecast forecasts forecasted predict predicts predicted project projects
projected expect expects expected calculate calculates calculated reckon reckons reckoned show shows
showed found find finds put puts believe believes believed claim claims claimed suggest suggests
suggested reveal reveals revealed report reports reported understands understood learned learnt
""".split())
# Cues whose subject must be evidence or someone: 'figures show', 'the study found', not 'sales showed growth'.
EVIDENCE_CUES = frozenset("show shows showed find finds found reveal reveals revealed suggest suggests suggested".split())
FIGURE_EVIDENCE_NOUNS = frozenset("""
figures data statistics survey surveys study studies poll polls report reports research analysis results
numbers records documents accounts evidence estimates forecasts calculations tests findings review audit
census index investigation inquiry experts analysts economists researchers scientists officials
""".split())
ORG_ANAPHORS = frozenset("""
company firm group bank business carrier airline retailer government ministry department agency organisation
organization club union body regulator watchdog operator maker giant chain insurer lender supermarket
brewer publisher studio network broadcaster board association manufacturer
""".split())
# An unnamed source's adjective and preposition: 'sources close to the chancellor', 'a person familiar with the plans'.
SOURCE_ADJECTIVES = frozenset({"close to", "familiar with", "loyal to", "near to",
                               # 'analysts polled by Reuters': who asked them is no source
                               "polled by", "surveyed by", "questioned by", "consulted by", "interviewed by"})
