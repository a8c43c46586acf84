"""Words about people and bodies: honorifics, titles, parties, demonyms, organisation nouns."""
from __future__ import annotations

from .words import ORG_WORDS, TITLES

NOT_SPEAKERS = frozenset("UPDATE WATCH NOTE BREAKING READ CLAIM FACT VERDICT PHOTOS VIDEO".split())
# Letters after a name ('Andrew Tyrie MP', 'Guy Mansfield QC').
POSTNOMINALS = frozenset("qc kc mbe obe cbe jr jr. sr sr.".split())
# A member of a parliament: 'Ealing North MP' describes someone; 'Tory MP Ann Lee' names her.
MEMBERS = frozenset("mp mep msp am mla".split())
# 'the American said', 'the Scot added': a person described by where they are from.
DEMONYMS = frozenset("""
american australian british briton french frenchman german spaniard spanish italian scot scottish
welsh welshman irish irishman english englishman dutch dutchman swede swiss dane finn russian
brazilian argentine argentinian kenyan ethiopian moroccan belgian portuguese greek canadian
""".split())
# Parties: before a name they describe ('Labour's Ann Lee'); alone they name a speaker ('Labour said').
PARTIES = frozenset("""
labour tory tories conservative conservatives lib dem dems liberal democrat democrats snp ukip
green greens plaid cymru republican republicans democratic gop
""".split())
# Titles that are also surnames ('Mervyn King', 'John Bishop').
SURNAME_TITLES = frozenset("king judge bishop dean marshal pope prince sheriff major knight chamberlain".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame prof prof. rev rev.".split())
KEEP_TITLES = frozenset("lord lady baroness baron earl".split())  # 'Lord Ashcroft' names a peer
# Family names that Chinese and Korean names put first ('Li Qiang' is Mr Li, 'Ban Ki-moon' Mr Ban), as romanised
# in English-language news; 'He' is left out (the pronoun), Vietnamese names too (their press uses the given name).
FAMILY_FIRST = frozenset("""
li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo gao lin luo zheng liang xie tang han feng
deng cao peng zeng xiao tian dong yuan pan yu jiang cai lu wei ding ren shen yao cui zhong tan fan jin shi liao
jia xia fu fang bai zou meng xiong qin qiu hou yin xue yan duan lei mao hao gu gong shao wan qian dai kong xiang
xi bo ye wen lai tsai chiang ko kim lee park choi jung kang cho yoon jang lim shin moon ahn oh hwang jeon hong
ban roh chun yoo
""".split())
# Offices one person holds at a time: 'the prime minister' in one article is the 'Prime Minister Tony Blair' of
# others when that article names Blair too (the corpus's speakers decide; see identities.Registry.holder).
OFFICES = frozenset("""
prime minister|deputy prime minister|president|vice-president|vice president|chancellor|shadow chancellor
|foreign secretary|home secretary|defence secretary|health secretary|education secretary|culture secretary
|lord chancellor|attorney general|first minister|taoiseach|pope|foreign minister|finance minister
""".replace("\n", "").split("|"))
# Words before an office that make someone other than its holder: 'former chancellor', 'shadow home secretary'.
NOT_HOLDING = frozenset("former shadow deputy acting then junior interim outgoing opposition assistant vice ex".split())
# Nouns a business or sports story uses for a body it has named ('the firm', 'the data seller').
BODY_NOUNS = frozenset("""
company firm group operator seller retailer maker bank giant carrier airline chain business lender
insurer manufacturer producer supplier provider club side team organisation organization body
agency watchdog regulator broadcaster network publisher studio label developer
""".split())

# Words naming a public body in its name: 'the bank' or 'the firm' is never the US Senate or the Home Office.
PUBLIC_BODIES = frozenset("""
senate congress parliament assembly government ministry department office committee commission council court
police army navy party university college
""".split())

# Common nouns that name a person or a body able to speak ('the spokesman', 'officials').
SPEAKER_NOUNS = TITLES | ORG_WORDS | frozenset("""
official officials spokesman spokeswoman aide aides adviser advisers advisor source sources
people person critic critics supporter supporters expert experts analyst analysts voter voters
author authors statement report reporter reporters businessman businesswoman billionaire
lawmaker lawmakers leaders officer officers staff team man woman men women friend friends
member members activist activists candidates officials strategist strategists researcher
researchers economist economists historian lawyer lawyers attorneys democrats republicans
""".split())
# Words that describe a person's job or side and stand before the name ('Labour MP Stephen Pound').
DESCRIPTORS = (TITLES | POSTNOMINALS | MEMBERS | PARTIES | frozenset("""
independent shadow backbencher
peer farmer boss coach player striker midfielder defender keeper goalkeeper captain winger forward
manager owner analyst economist spokesman spokeswoman spokesperson actor actress singer star
writer director producer presenter host author chief secretary minister mayor teenager veteran
correspondent
youngster rookie champion winner holder finalist seed skipper rival compatriot goalscorer scorer
comic comedian musician rapper novelist poet artist designer dj chef lawyer campaigner activist
scot spaniard briton frenchman englishman welshman irishman dutchman swede dane finn
prosecutor organiser organizer commentator critic investor observer trader dealer insider
agent bookmaker comptroller controller treasurer auditor
reader viewer listener resident witness eyewitness passenger commuter shopper survivor nurse doctor teacher student
irishmen englishmen frenchmen dutchmen welshmen scotsman scotsmen
""".split())) - {"executive"}  # nouns only: 'Scottish Executive' keeps its adjective  # 'Scottish Executive' is a government
# A job or role word ('chairman', 'chief executive''s last word): the descriptors and every title.
JOB_WORDS = DESCRIPTORS | TITLES
