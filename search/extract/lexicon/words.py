"""Word lists the extraction rules share: cue verbs, titles, pronouns, units, places."""
from __future__ import annotations

import re

from .places import LOWER_CASE_PLACES, PLACES  # noqa: F401  (the places that place a figure; imported from here)

# Verbs of saying and reporting, as bases; inflections are generated below.
_CUE_BASES = """
say tell add write explain note state declare argue continue insist claim tweet post warn
reply respond answer recall joke quip remark acknowledge admit concede announce suggest
complain conclude shout yell exclaim predict promise vow boast lament observe urge charge
counter retort emphasize emphasise stress reiterate muse wonder whisper cry testify report
ask reveal disclose confirm deny allege assert contend maintain believe think mention
describe call dub label highlight caution point_out go_on chime_in fire_back shoot_back
scoff sneer rail thunder pledge recount tout praise blast slam criticize criticise accuse
demand plead comment read bark chant snap cheer mock decry bemoan denounce refer coin echo
brand lambast dismiss reject defend hail applaud cite quote invoke repeat characterize
portray tease taunt gush rant grumble mutter murmur sigh laugh interrupt chide scold rebuke
fume lash_out hit_back push_back weigh_in speak talk express voice hint imply reason concur
opine proclaim assure inform advise recommend propose swear threaten beg implore request
challenge question inquire brag cut_in begin start email text message interject offer agree disagree
articulate blurt confess confide convey whine grouse moan bellow growl holler howl mumble roar
scream screech shriek snarl stammer wail dictate preach relay admonish instruct clarify elaborate
specify speculate underscore reaffirm affirm attest profess rebut refute condemn rejoin narrate
summarize summarise surmise theorize
""".split()  # the last lines: Levin's verbs of communication (classes 37.x) not listed above
_IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"], "think": ["thought", "thinks"],
    "read": ["reads", "reading"], "begin": ["began", "begins"], "go_on": ["went_on", "goes_on"],
    "fire_back": ["fired_back", "fires_back"], "shoot_back": ["shot_back", "shoots_back"],
    "cry": ["cried", "cries"], "testify": ["testified", "testifies"], "deny": ["denied", "denies"],
    "reply": ["replied", "replies"], "criticize": ["criticized", "criticizes"],
    "admit": ["admitted", "admits", "admitting"], "quip": ["quipped", "quips"],
    "slam": ["slammed", "slams"], "dub": ["dubbed", "dubs"], "agree": ["agreed", "agrees"],
    "disagree": ["disagreed", "disagrees"], "plead": ["pleaded", "pleads"],
    "snap": ["snapped", "snaps"], "speak": ["spoke", "speaks", "speaking"],
    "swear": ["swore", "swears"], "lash_out": ["lashed_out", "lashes_out"],
    "hit_back": ["hits_back"], "cut_in": ["cuts_in"], "push_back": ["pushed_back", "pushes_back"],
    "weigh_in": ["weighed_in", "weighs_in"], "refer": ["referred", "refers", "referring"],
    "imply": ["implied", "implies"], "concur": ["concurred", "concurs"],
    "rebut": ["rebutted", "rebuts"],
}


def inflections(base: str, joiner: str = "_") -> list[str]:
    """Return a regular verb and its inflections; a '_'-joined particle follows each, after ``joiner``."""
    head, _, rest = base.partition("_")
    tail = joiner + rest if rest else ""
    stem = head[:-1] if head.endswith("e") else head
    if head.endswith("y") and head[-2] not in "aeiou":
        forms = [head[:-1] + "ied", head[:-1] + "ies", head + "ing"]
    else:
        third = head + "es" if head.endswith(("s", "sh", "ch", "x")) else head + "s"
        forms = [stem + "ed", third, stem + "ing"]
    return [f + tail for f in [head] + forms]


def _cue_forms() -> frozenset[str]:
    forms = set()
    for base in _CUE_BASES:
        forms.update(_IRREGULAR.get(base, []) or inflections(base))
        forms.add(base)
    return frozenset(f.replace("_", " ") for f in forms)


CUE_WORDS = _cue_forms()
# First words of every cue, for a cheap test that a sentence may hold one.
CUE_FIRST_WORDS = frozenset(w.split()[0] for w in CUE_WORDS) | {"according", "per"}  # "as per"
# Cues that take a following clause as an assertion: these make claims, not only quotes.
_CLAIM_BASES = """
say tell add write explain note state declare argue insist claim warn acknowledge admit
concede announce suggest predict report reveal disclose confirm allege assert contend
maintain mention highlight emphasize emphasise stress conclude testify tweet post
""".split()
CLAIM_CUES = frozenset(
    f for base in _CLAIM_BASES for f in (_IRREGULAR.get(base, []) or inflections(base)) + [base]
    if not f.endswith("ing")
)
PARTICIPLE_CUES = frozenset(w for w in CUE_WORDS if w.split()[0].endswith("ing"))
# Verbs that give something a name: 'called him an "Aunt Tom"' quotes a name-calling, not a title.
NAMING_CUES = frozenset(
    [f for base in ("call", "label", "brand", "term", "nickname") for f in inflections(base)]
    + "labelled labelling dub dubs dubbed dubbing".split()
)

PRONOUNS = frozenset("he she they we i it his her their its him them".split())
PERSON_PRONOUNS = frozenset("he she his her him".split())

TITLES = frozenset("""
ambassador president vice-president senator sen sen. rep rep. representative gov gov.
governor mr mr. mrs mrs. ms ms. dr dr. prof prof. professor gen gen. general secretary
minister chancellor judge justice mayor sheriff chairman chairwoman chief director
spokesman spokeswoman spokesperson leader speaker pope king queen prince princess lord lady
sir rev rev. reverend col col. colonel capt capt. captain lt lt. sgt sgt. adm adm. admiral
commissioner attorney candidate nominee former then-candidate coach manager sergeant constable corporal
referee umpire
councilman councilwoman councillor councilor alderman assemblyman assemblywoman congressman
congresswoman lawmaker legislator premier envoy diplomat officer inspector detective deputy
superintendent president-elect ceo chief-executive chair chairperson executive founder
""".split())

# Words that mark a capitalised name as an organisation, not a person.
ORG_WORDS = frozenset("""
institute department ministry agency service times news post party committee council
campaign office association foundation university college company corporation inc
group network bank fund commission court house senate congress administration government
army navy force forces police union network center centre organization organisation
forum federation confederation alliance society authority
press journal gazeta gazette reuters bbc cnn fox nbc abc cbs msnbc
plc ltd holdings airways airlines motors energy water gas power grid rail railways mail telecom telecoms systems
technologies industries
insurance securities pharmaceuticals communications electronics
""".split())  # the last two lines end firms' names: 'Thames Water', 'British Airways', 'Wipro Technologies'
# Clipped names news uses for a body it names in full: the word the full name holds, and the name when the
# article never gives it ('the Fed' is the Federal Reserve in any US story; 'the Met' is police or weather).
CLIPPED_NAMES = {"Fed": ("Federal", "Federal Reserve"), "Met": ("Metropolitan", None)}
# 'the central bank' stands for the one of these the story named last ('the Bank of France', 'the Fed').
CENTRAL_BANK = re.compile(r"\b(?:Federal Reserve|Fed|Central Bank|Reserve Bank|Bank of [A-Z]\w+|Bundesbank|Riksbank"
                          r"|National Bank|Nationalbank|Norges Bank|People's Bank)\b")

# Lower-case words that may sit between a subject and its cue verb ("Trump also said").
ADVERBS = frozenset("""
also then later again recently previously once had has have would will was is were
further simply just repeatedly publicly famously reportedly even quickly first often never
already still later has later on immediately subsequently initially earlier privately
flatly bluntly angrily quietly proudly openly frequently long last week yesterday today
now since
""".split())

DETERMINERS = frozenset("the a an his her its their this that one another some several our".split())

# Words that end a noun phrase when reading forward (subject after a cue, or a unit).
STOP_WORDS = frozenset("""
to in on at of for from with by as and or but that which who whom whose when where while
after before since during about into over under than because if is are was were has have
had be been being will would can could should may might did does do not this these those
it its there here says said told per via against among between toward towards amid
""".split())

QUALIFIERS = (
    "approximately", "around", "about", "nearly", "almost", "roughly", "some", "over",
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "an estimated", "estimated", "close to", "just over", "just under", "upwards of",
    "as few as", "under", "as much as", "as little as", "as high as", "as low as",
)  # hedges only: 'only', 'just', 'another' and 'a further' say nothing about how exact a figure is

NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split())
}
NUMBER_WORDS.update({w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())})
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
          "mn": 1_000_000, "tn": 1_000_000_000_000}
CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "rmb": "yuan"}  # 'Rmb1.3tn' (FT style)

# Unit lemmas, so the same count lines up across outlets that word it differently.
UNIT_LEMMAS = {
    "soldier": "troop", "troop": "troop", "personnel": "troop", "force": "troop",
    "serviceman": "troop", "servicemen": "troop", "fighter": "troop",
    "casualty": "casualty", "casualties": "casualty", "death": "death", "dead": "death",
    "people": "person", "persons": "person", "person": "person", "civilian": "civilian",
    "worker": "worker", "employee": "worker", "job": "job", "child": "child",
    "children": "child", "dollar": "dollar", "pound": "pound", "euro": "euro",
    "home": "home", "household": "home", "property": "home", "properties": "home",  # 'homes without
}  # power' and 'properties lose power' count one thing

# Cue words that are nouns as often as verbs ('the claims that', 'official reports').
NOUN_CUES = frozenset("""
claims reports notes comments states calls answers replies posts tweets charges demands
promises pledges praises texts emails messages offers reads counters warns remarks thinks
claim report note comment state call answer reply post tweet charge demand promise pledge
praise text email message offer counter remark quote quotes question questions challenge
challenges request requests attack attacks defense reason reasons voice voices
""".split())

# Nouns naming something said or written: 'his call for "...", 'Trump's claim that "..."'.
SPEECH_NOUNS = frozenset("""
remark remarks comment comments statement statements claim claims assertion contention call
calls warning warnings promise promises pledge vow description criticism complaint accusation
admission announcement denial response reply answer question argument suggestion insistence
declaration observation prediction words message tweet tweets post letter speech memo
""".split())

# Headline labels that are not speakers: 'Analysis: ...', 'Q&A: ...'.
HEADLINE_LABELS = frozenset("""
analysis review interview comment opinion exclusive update live watch video profile timeline factbox
explainer obituary editorial breaking report poll photos listen quiz podcast column letters q a preview
""".split())
# What opens a headline's topic, not a speaker's name: 'Storm Ivo: 52,000 homes lose power', 'Hurricane Matthew: ...'.
HEADLINE_EVENTS = frozenset("storm hurricane typhoon cyclone tropical tornado wildfire earthquake flood floods".split())
LY_NOUNS = frozenset("ally allies family assembly rally supply monopoly anomaly bully belly".split())  # not adverbs
# Short words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr sen rep gov gen lt col sgt capt jr sr st prof rev adm maj mt no vol inc co corp
ltd vs etc u.s u.k d r i jan feb aug sept sep oct nov dec
""".split())

# Words that end the noun phrase after a number: 'residents now', 'pieces last year', 'two films won'.
PHRASE_STOPS = STOP_WORDS | CUE_WORDS | frozenset("""
now last next each every ago yesterday today tonight a an the so too also already still just more less
than only even again up down off out back across away apiece respectively per cent percent
won lost went came made took got gave left fell rose grew saw met ran held paid sold spent built hit
cut set put beat became began shut stood kept brought bought thought found died fought
later earlier worldwide around faster slower worth apart nationwide overall time i you we they he she it
them us him through without within beyond despite compared higher lower bigger smaller cheaper better worse
looks looked seems seemed appears appeared sounds remains remained plus
""".split())
QUALIFIER_WORDS = frozenset(w for q in QUALIFIERS for w in q.split()) | frozenset("just only all".split())
# 'said about 1,500 homes', 'At least 41 people ..., X said': hedges as word tuples, longest first
NUMBER_HEDGES = tuple(sorted((tuple(q.split()) for q in QUALIFIERS), key=len, reverse=True))
