"""Verbs that attribute content to a source, by the shape of what follows them (claims only)."""
from __future__ import annotations

from .words import inflections

# Each class names how the verb takes its content; the rules in claims.py read it.
#   say:       a clause, with or without 'that' ('said the deal failed')
#   tell:      a hearer first, then the clause ('told reporters that ...', 'warned voters ...')
#   belief:    a clause or an infinitive ('believes the plan works', 'expects to win')
#   evidence:  what a study, poll or figure shows ('a poll found that ...', 'figures show ...')
#   intent:    an infinitive only ('vowed to repeal', 'refused to comment')
#   stance:    an object: a judgement or speech act about something ('denied the charges')
#   ask:       a question ('asked whether ...')
_CLASSES = {
    "say": """
say add write explain note state declare argue insist claim tweet post reply answer
recall acknowledge admit concede announce suggest complain conclude predict observe allege
assert contend mention emphasize emphasise stress reiterate testify report reveal
disclose confirm deny estimate forecast counter retort joke quip remark boast lament
speculate suspect concur affirm reaffirm clarify underscore point_out hint imply
acknowledge caution signal indicate
""",
    "tell": "tell warn assure inform remind advise promise convince encourage order persuade",
    "belief": """
believe think expect hope fear feel know worry doubt reckon assume guess wonder trust
understand realize realise recognize recognise see agree disagree learn remember consider
express_hope express_hopes express_fear express_fears express_doubt express_doubts voice_hope voice_fear
voice_fears voice_doubt voice_doubts
""",
    "evidence": "show find suggest indicate reveal estimate project",
    "intent": """
want plan vow pledge promise threaten refuse decline agree decide seek intend hope expect
wish prefer propose seem appear
""",
    "stance": """
deny admit announce confirm reject dismiss criticize criticise praise defend blame accuse
endorse support oppose call_for urge condemn welcome question challenge dispute slam
blast applaud hail describe cite denounce tout decry mock echo express discuss
refer_to talk_about point_to call_on warn_against accuse blame favor favour
request recommend advocate portray compare identify list deem view propose boast_of warn_of
complain_about speak_of
cast_doubt express_concern express_concerns voice_concern voice_concerns raise_concern raise_concerns
raise_doubt raise_doubts
""",
    "ask": "ask wonder question",
}
_IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"], "think": ["thought", "thinks", "thinking"],
    "know": ["knew", "knows", "known", "knowing"], "feel": ["felt", "feels", "feeling"],
    "find": ["found", "finds", "finding"], "show": ["showed", "shows", "shown", "showing"],
    "seek": ["sought", "seeks", "seeking"], "see": ["sees", "saw", "seen", "seeing"],
    "understand": ["understood", "understands", "understanding"], "plan": ["planned", "plans", "planning"],
    "admit": ["admitted", "admits", "admitting"], "quip": ["quipped", "quips", "quipping"],
    "slam": ["slammed", "slams", "slamming"], "forecast": ["forecasts", "forecasting"],
    "regret": ["regretted", "regrets"], "go_on": ["went_on", "goes_on"], "concur": ["concurred", "concurs"],
    "imply": ["implied", "implies", "implying"], "deny": ["denied", "denies", "denying"],
    "reply": ["replied", "replies", "replying"], "testify": ["testified", "testifies", "testifying"],
    "worry": ["worried", "worries", "worrying"], "agree": ["agreed", "agrees", "agreeing"],
    "disagree": ["disagreed", "disagrees"], "back": ["backed", "backs", "backing"],
    "signal": ["signalled", "signaled", "signals"],
"call_for": ["called_for", "calls_for", "calling_for"],
    "point_out": ["pointed_out", "points_out", "pointing_out"],
    "refer_to": ["referred_to", "refers_to", "referring_to"],
    "point_to": ["pointed_to", "points_to", "pointing_to"],
    "talk_about": ["talked_about", "talks_about", "talking_about"],
    "call_on": ["called_on", "calls_on", "calling_on"], "speak_of": ["spoke_of", "speaks_of", "speaking_of"],
    "warn_against": ["warned_against", "warns_against", "warning_against"], "guess": ["guessed", "guesses"],
    "cast_doubt": ["casts_doubt", "casting_doubt"],
}


def _forms(base: str) -> list[str]:
    """Return base and its inflections; '_' joins a particle ('point_out' -> 'pointed out')."""
    if base in _IRREGULAR:
        return [base] + _IRREGULAR[base]
    return inflections(base, joiner=" ")


# Forms read as nouns far more often than as cues ('swing state', 'a Facebook post').
_NOUNS_FIRST = frozenset("""
state states post posts note call calls project projects counter counters signal signals remark
remarks answer answers reply report tweet tweets comment back
""".split())


def _table() -> dict[str, frozenset[str]]:
    """Return form -> the classes it belongs to."""
    table: dict[str, set[str]] = {}
    for name, bases in _CLASSES.items():
        for base in bases.split():
            for form in _forms(base):
                if form not in _NOUNS_FIRST:
                    table.setdefault(form.replace("_", " "), set()).add(name)
    return {form: frozenset(classes) for form, classes in table.items()}


VERB_CLASSES = _table()
# Intent verbs whose infinitive reports a decision or an act, not a stated aim: 'declined to comment', 'agreed to meet'
ACT_INTENTS = frozenset(form for base in "decline refuse agree decide seek".split() for form in _forms(base))
# Nouns that carry what someone asserts when 'that' follows: "Trump's claim that ...", 'his warning that ...'.
THAT_NOUNS = frozenset("""
claim claims assertion assertions contention allegation allegations accusation accusations charge
warning warnings belief beliefs view argument arguments suggestion insistence promise pledge
prediction admission announcement denial fear fears hope hopes concern concerns conclusion
statement statements remark remarks comment comments message suspicion insinuation
""".split())
PAIRS = frozenset(f for f in VERB_CLASSES if " " in f)  # 'pointed out', 'called for'
FIRST_WORDS = frozenset(f.split()[0] for f in VERB_CLASSES) | THAT_NOUNS | {"according", "as"}  # "as per"
# Forms that are nouns at least as often ('his hopes', 'growing fears', 'swing state'): a verb
# only after a subject-like word.
NOUN_FORMS = frozenset("""
hopes fears plans worries doubts shows finds claims reports notes states answers replies posts
tweets estimates forecasts promises pledges offers backs calls attacks questions challenges
supports reasons counters signals projects wishes thoughts guesses remarks
hope fear plan worry doubt show find claim report note state answer reply post tweet estimate
forecast promise pledge offer back call attack question challenge support reason counter signal
project wish guess remark want need view trust welcome project aim
""".split())
# Auxiliaries and negations between a subject and its verb ('I don't think', 'she has long argued').
AUXILIARIES = frozenset("""
do does did don't doesn't didn't has have had hasn't haven't hadn't will would won't wouldn't can
could can't couldn't should shouldn't may might must not never is are was were isn't aren't wasn't
weren't be been being
""".replace("'", "’").split()) | frozenset("""
don't doesn't didn't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't isn't aren't
wasn't weren't
""".split())
# Past participles that, without 'has'/'have', describe ('the option, seen by many as'), not report.
PARTICIPLES_ONLY = frozenset("seen known shown written understood".split())
BE_FORMS = frozenset("is are was were be been being isn't aren't wasn't weren't".split())
# Cue forms a headline writes capitalised: 'Trump Says ...', 'Poll Finds ...'.
HEADLINE_FORMS = frozenset("""
says say said warns warn tells claims claim insists urges admits denies vows believes thinks
wants fears hopes predicts expects argues suggests finds shows reveals concedes announces
""".split())
# Adjectives that sit between a determiner and a noun: 'a new report', 'the latest claims'.
ADJECTIVES = frozenset("""
new recent latest early final first last previous former official separate similar annual internal
public private full initial long short big major other brief joint special written widespread
growing unprompted
""".split())
# Particles that open a question for 'ask'.
QUESTION_WORDS = frozenset("whether if why how what when where who which about".split())
# Adjuncts that may sit between the cue and its content: 'said on Monday that', 'told CNN that'.
ADJUNCT_HEADS = frozenset("on in at during last this earlier late early after before from to via".split())


NO_CLASSES: frozenset[str] = frozenset()


def classes_of(form: str) -> frozenset[str]:
    """Return the classes of a lower-case cue form ('said' -> {'say'}), empty if none."""
    return VERB_CLASSES.get(form, NO_CLASSES)


def is_participle(form: str) -> bool:
    """Return True for 'saying', 'arguing', 'pointing out': a cue whose subject is the main clause's."""
    return form in VERB_CLASSES and form.split()[0].endswith("ing")  # most forms are no cue: asked first

OPENING_CUES = frozenset("said says added asked wrote writes".split())
# Irregular past forms that show a reported clause has its verb ('said the economy grew').
PAST_VERBS = frozenset("""
grew rose fell won lost made went came took gave got saw knew thought left ran began became kept held
brought paid met sent spent built led cut put hit set let hurt cost beat fought sought bought caught
taught sold stood understood meant felt dealt found told said wrote drove broke chose spoke wore
""".split())
NO_OBJECT_CUES = frozenset("add added adds adding write wrote writes written post posted posts tweet tweeted tweets"
                           .split())
# Verbs that say a measure moved or stood somewhere: 'prices rose 4%', 'GDP up 2.3%', 'sales hit $5m'.
CHANGE_VERBS = frozenset("""
rose rise rises rising risen fell fall falls falling fallen grew grow grows growing grown jumped jump jumps slipped slip slips
climbed climb climbs dropped drop drops declined decline declines increased increase increases decreased
slumped slump soared soar soars surged surge surges plunged plunge tumbled tumble edged eased ease
hit hits reached reach reaches stood stands stand was is were are be been remained remains totalled
totals totaled amounted amounts up down gained gain gains lost lose loses expanded expand shrank
shrink contracted contract cost costs worth valued topped tops doubled halved widened narrowed
accelerated slowed slow slows slowing dipped dips sank sink recovered rebounded averaged averages peaked bounced
ranged ranges range varied added closed closing opened ended finished traded trading settled
""".split())
# Past forms whose 'up' is a particle of movement: 'went up to 5.5%' reached it; 'could cost up to' is a ceiling.
UP_PARTICLE_VERBS = frozenset("""
went gone moved shot crept ticked inched edged pushed revised marked jumped climbed rose bumped nudged ratcheted
""".split())
# Verbs that can sit right before a measure's noun phrase ('Nestle forecasts organic growth of 5%').
FIGURE_VERBS_BEFORE = frozenset("""
forecasts forecast expects expected expect predicts predicted predict sees see targets target wants want plans
show shows showed suggest suggests suggested find finds found believe believes estimate estimates
""".split())
# Verbs of aiming skipped before 'to' ('the firm hopes to reach 1,000': the subject is the firm).
AIM_VERBS = frozenset("""
hopes hoped aims aimed plans planned wants wanted needs needed intends intended seeks sought tries tried
expects hope aim plan want need intend seek try expect
""".split())
EVIDENCE_VERBS = frozenset("found said told wrote thought".split())  # 'the report found': past tenses without -ed
# Verbs that restate a figure ('were revised from 88,000 to 64,000', 'revised down the job gains, from ...').
REVISION_VERBS = frozenset("""
revised revise revises revising restated restate restates adjusted adjust adjusts corrected correct corrects
""".split())
