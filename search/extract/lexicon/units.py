"""What a number can count: units written on it, currencies, durations, and words that are no unit."""
from __future__ import annotations

from decimal import Decimal

# Letters written on a number: a unit ('3km', '512kbps') or a sign it is no count ('2nd', '1990s', '10am').
GLUED_UNITS = {"km": "kilometres", "kg": "kilograms", "cm": "centimetres", "mm": "millimetres",
               "ft": "feet", "mph": "mph", "p": "pence", "gbps": "gbps", "mbps": "mbps", "kbps": "kbps",
               "gb": "gb", "mb": "mb", "kb": "kb", "tb": "tb", "ghz": "ghz", "mhz": "mhz", "mw": "mw",
               "kw": "kw", "gw": "gw", "bhp": "bhp", "cc": "cc", "kph": "kph", "kmh": "kmh"}
RACE_DISTANCES = frozenset(map(Decimal, "60 100 110 200 400 800 1500 3000 5000 10000".split()))
DISTANCE_UNITS = frozenset({"metres", "kilometres", "miles", "m"})
# A distance named with these is an event ('the 6km race', '400m runners', '200m gold'), not a figure.
RACE_WORDS = frozenset("""
race races final finals heat heats hurdles hurdler hurdlers runner runners run sprint sprinter sprinters
champion champions championship title titles record records gold silver bronze medal medals medallist
event events relay freestyle backstroke breaststroke butterfly medley indoor outdoor winner course
""".split())
SCORE_WORDS = frozenset("""
win wins victory victories defeat defeats draw draws lead loss losses scoreline success triumph
thrashing home away result aggregate
""".split())
# Words read after a number that are not a counted noun ('two other', 'five more').
NOT_NOUNS = frozenset("""
other others more less new old main major key top best ahead behind apart clear biggest largest different
separate extra additional further remaining previous last first next such same own whole few many much several
various respective consecutive straight successive former current way
""".split())
# Money written out ('1.6bn euros', '5bn rupees'): like '£', it says what kind of number, not what it measures.
CURRENCY_WORDS = frozenset("""
pounds pound dollars dollar euros euro yen yuan rupees rupee roubles rouble rubles ruble cents cent pence
francs franc kronor krona kroner krone rand pesos peso won rupiah baht ringgit lira dinars riyals real reais
""".split())
FRACTION_WORDS = frozenset("half halves third thirds quarter quarters fifth fifths sixth sixths tenth tenths".split())
DURATIONS = frozenset("year years month months week weeks day days hour hours minute minutes second "
                      "seconds decade decades century centuries".split())
NOT_UNITS = frozenset("am pm gmt bst time per cent pc a.m p.m".split())
# Participles that name the people they describe: '2,000 unemployed', '30 injured'. Any other '-ed' word right
# after a number starts a clause, not a noun ('the 230,000 recorded a year earlier', '12 dropped one place').
COUNTED_PARTICIPLES = frozenset("""
unemployed injured wounded displaced affected disabled bereaved accused deceased insured employed
self-employed dead detained arrested missing
""".split())

# Verbs a count of people is the subject of: '3,000 Caribs live on the island' counts Caribs, not 'live'.
COUNT_VERBS = frozenset("live work die remain stay vote voted face attend fled left came went took own use".split())

# Nouns counting people at an event: 'as many as 500,000 took part' takes one over from the sentence before.
CROWD_NOUNS = frozenset("""
people protesters demonstrators marchers participants supporters fans spectators activists mourners pilgrims
residents workers strikers tenants students farmers voters
""".split())
# People a disaster or an attack harms: 'killing 120 people', '40 civilians were wounded'.
HARMED_NOUNS = CROWD_NOUNS | frozenset("""
civilians soldiers troops children adults passengers migrants miners villagers pupils patients women men
""".split())
# What befell them, as the count's lemma: 'people killed' and 'people injured' are two quantities of one event.
HARMS = {"killed": "death", "killing": "death", "dead": "death", "died": "death", "injured": "injury",
         "injuring": "injury", "wounded": "injury", "wounding": "injury", "hurt": "injury", "missing": "missing"}
HARMED = {"death": "killed", "injury": "injured", "missing": "missing"}  # a harm's measure: 'people killed'
# Heads of an estimate that name no noun of their own: 'put the number at half a million' counts the crowd before.
ELIDED_HEADS = frozenset("number numbers figure total".split())

# Plurals that measure amounts, not counts: 'shares fell to 250' is a price, not 250 shares.
NOT_COUNTS = frozenset("""
shares prices rates sales profits earnings revenues costs savings losses takings funds figures numbers levels
ratings points scores results odds stocks bonds yields exports imports returns values volumes balances
""".split())
# Nouns of change: in 'a 52% rise in profits' the measure is profits.
CHANGE_NOUNS = frozenset("""
rise rises fall falls increase increases drop drops jump jumps cut cuts decline declines growth gain gains
reduction reductions slump fall rebound hike hikes boost surge
""".split())
UNIT_NOUNS = frozenset("cents pence pounds dollars euros percent points cent".split())
TIME_UNITS = frozenset("year month week day hour minute second head".split())
IRREGULAR_PLURALS = frozenset("people men women children staff police personnel cattle mice geese feet teeth".split())
# Words opening a figure's measure at a sentence's start ('Net profit rose', 'Pre-tax profits fell'): no firm's name.
MEASURE_OPENERS = frozenset("""
net gross total annual quarterly operating underlying pre-tax full-year half-year interim core average overall
""".split())
