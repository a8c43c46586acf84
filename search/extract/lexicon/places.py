"""Countries and blocs, as written in news copy: name, adjective and capital, each keyed to one place id."""
from __future__ import annotations

# (place id, the ways it is written). Names that are as often a person's or a word ('Jordan', 'Chad',
# 'Georgia', 'Niger', 'Guinea', 'Victoria') are left out: a figure named after one would get a place.
_WRITTEN = """
north-korea: north korea, north korean, dprk, pyongyang
south-korea: south korea, south korean, seoul
russia: russia, russian, moscow, kremlin
ukraine: ukraine, ukrainian, kyiv, kiev
china: china, chinese, beijing
usa: united states, u.s., us, america, american, washington
uk: uk, britain, british, united kingdom, london
france: france, french, paris
germany: germany, german, berlin
japan: japan, japanese, tokyo
iran: iran, iranian, tehran
iraq: iraq, iraqi, baghdad
syria: syria, syrian, damascus
israel: israel, israeli
india: india, indian, new delhi
pakistan: pakistan, pakistani, islamabad
afghanistan: afghanistan, afghan, kabul
mexico: mexico, mexican
canada: canada, canadian, ottawa
europe: europe, european, eu
nato: nato
turkey: turkey, turkish, ankara
eurozone: eurozone, euro zone, euro area
poland: poland, polish, warsaw
belarus: belarus, belarusian, minsk
brazil: brazil, brazilian, brasilia, brasília
argentina: argentina, argentine, argentinian, buenos aires
chile: chile, chilean
colombia: colombia, colombian, bogota, bogotá
venezuela: venezuela, venezuelan, caracas
peru: peru, peruvian
cuba: cuba, cuban, havana
spain: spain, spanish, madrid
portugal: portugal, portuguese, lisbon
italy: italy, italian, rome
greece: greece, greek, athens
netherlands: netherlands, dutch, holland, amsterdam, the hague
belgium: belgium, belgian, brussels
switzerland: switzerland, swiss, bern, berne
austria: austria, austrian, vienna
sweden: sweden, swedish, stockholm
norway: norway, norwegian, oslo
denmark: denmark, danish, copenhagen
finland: finland, finnish, helsinki
ireland: ireland, irish, dublin
hungary: hungary, hungarian, budapest
czech-republic: czech republic, czechia, czech, prague
romania: romania, romanian, bucharest
bulgaria: bulgaria, bulgarian, sofia
serbia: serbia, serbian, belgrade
croatia: croatia, croatian, zagreb
lithuania: lithuania, lithuanian, vilnius
latvia: latvia, latvian, riga
estonia: estonia, estonian, tallinn
moldova: moldova, moldovan
egypt: egypt, egyptian, cairo
saudi-arabia: saudi arabia, saudi, riyadh
united-arab-emirates: united arab emirates, uae, emirati, abu dhabi, dubai
qatar: qatar, qatari, doha
lebanon: lebanon, lebanese, beirut
yemen: yemen, yemeni, sanaa
libya: libya, libyan, tripoli
tunisia: tunisia, tunisian, tunis
algeria: algeria, algerian, algiers
morocco: morocco, moroccan, rabat
nigeria: nigeria, nigerian, abuja, lagos
kenya: kenya, kenyan, nairobi
ethiopia: ethiopia, ethiopian, addis ababa
sudan: sudan, sudanese, khartoum
somalia: somalia, somali, mogadishu
south-africa: south africa, south african, pretoria, johannesburg
ghana: ghana, ghanaian, accra
zimbabwe: zimbabwe, zimbabwean, harare
uganda: uganda, ugandan, kampala
tanzania: tanzania, tanzanian
congo: congo, congolese, kinshasa
indonesia: indonesia, indonesian, jakarta
malaysia: malaysia, malaysian, kuala lumpur
thailand: thailand, thai, bangkok
vietnam: vietnam, vietnamese, hanoi
philippines: philippines, philippine, filipino, manila
singapore: singapore, singaporean
taiwan: taiwan, taiwanese, taipei
hong-kong: hong kong
bangladesh: bangladesh, bangladeshi, dhaka
sri-lanka: sri lanka, sri lankan, colombo
nepal: nepal, nepalese, kathmandu
myanmar: myanmar, burma, burmese
australia: australia, australian, canberra, sydney
new-zealand: new zealand
kazakhstan: kazakhstan, kazakh
armenia: armenia, armenian, yerevan
azerbaijan: azerbaijan, azerbaijani, baku
africa: africa, african
asia: asia, asian
latin-america: latin america, latin american
middle-east: middle east
"""
PLACES = {written: place for line in _WRITTEN.strip().splitlines()
          for place, _, names in [line.partition(": ")] for written in names.split(", ")}
LOWER_CASE_PLACES = frozenset({"eurozone", "euro zone", "euro area"})  # no other word: 'turkey', 'china' are
