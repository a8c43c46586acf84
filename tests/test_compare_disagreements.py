"""Disagreements on a small multi-outlet corpus written for these tests (tests/data/disagreements)."""
from __future__ import annotations

from pathlib import Path

import pytest

from search.compare.views import disagreements
from search.index import indexer
from search.query.searcher import WhooshSearcher
from tests.helpers import write

CORPUS = Path(__file__).parent / "data" / "disagreements"


@pytest.fixture(scope="module")
def comps(tmp_path_factory):
    build = tmp_path_factory.mktemp("disagreements")
    indexer.build(CORPUS, build)
    return WhooshSearcher(build).comparisons()


def _found(comps, close=False):
    return disagreements(comps, close_only=close)["disagreements"]


def _values(quantity):
    return sorted((v["value"], v["source"]) for v in quantity["values"])


def test_one_growth_figure_written_three_ways_is_one_disagreement_ranked_first(comps):
    # "Canada's economy grew", "The economy grew" under a Canada headline, "Economic growth in Canada"
    first = _found(comps)[0]
    assert _values(first) == [(2.1, "Northern Post"), (2.2, "Radio One"), (2.4, "Wire Agency")]
    assert first["outlets"] == 3 and first["stories"] == 3


def test_a_copy_is_folded_into_its_story_not_counted(comps):
    first = _found(comps)[0]
    wire = next(v for v in first["values"] if v["source"] == "Wire Agency")
    assert [c["source"] for c in wire["copies"]] == ["Coast Gazette"]


def test_other_country_quarter_and_forecast_stay_apart(comps):
    grouped = {fid for q in comps.quantities.values() for fid in q}
    assert "post_mexico#f1" not in grouped  # another subject
    assert not {"radio_canada#f2", "radio_canada#f3"} & grouped  # a quarter; a forecast for another year


def test_a_rise_and_a_fall_of_the_same_size_conflict(comps):
    houses = [q for q in _found(comps) if {v["article_id"] for v in q["values"]} == {"wire_houses", "post_houses"}]
    assert len(houses) == 1 and len(houses[0]["positions"]) == 2


def test_values_within_their_qualifier_are_close_not_a_conflict(comps):
    [close] = _found(comps, close=True)
    assert _values(close) == [(2.9, "Radio One"), (3, "Wire Agency")]
    assert len(_found(comps)) == 2


FLOOD = """---
title: {title}
outlet: {outlet}
date: {date}
---

{lead}

{name} said {homes} homes had been damaged. "We have never seen anything like this," {short} told a news conference.
"""


def test_one_persons_count_told_to_three_outlets_disagrees_however_the_name_is_spelled(tmp_path):
    stories = [
        ("wire", "Flood toll rises", "Wire Agency", "2025-10-03", "Rescuers searched villages cut off by the water.",
         "Regional president Carlos Ibanez", "1,200", "Ibanez"),
        ("daily", "Spain floods leave thousands homeless", "Daily Courier", "2025-10-02",
         "Thousands of people were forced from their homes in the Valencia region.",
         "Carlos Ibanez, the regional president,", "about 1,500", "he"),
        ("pais", "Valencia mourns", "El Diario English", "2025-10-04", "The region held a day of mourning on Saturday.",
         "Regional president Carlos Ibáñez", "1,300", "Ibáñez"),
    ]
    for slug, title, outlet, date, lead, name, homes, short in stories:
        (tmp_path / "corpus").mkdir(exist_ok=True)
        (tmp_path / "corpus" / f"{slug}.md").write_text(FLOOD.format(
            title=title, outlet=outlet, date=date, lead=lead, name=name, homes=homes, short=short), encoding="utf-8")
    indexer.build(tmp_path / "corpus", tmp_path / "ix")
    comps = WhooshSearcher(tmp_path / "ix").comparisons()
    [homes] = _found(comps)
    assert _values(homes) == [(1200, "Wire Agency"), (1300, "El Diario English"), (1500, "Daily Courier")]
    ids = {q["speaker_id"] for q in comps.quotes.values()}
    assert ids == {"carlos-ibanez"}
    # a short quote of one speaker in three outlets is one utterance, however the name is spelled
    assert [len(members) for members in comps.clusters.values()] == [3]


JOBS = """---
title: {title}
outlet: {outlet}
date: 2025-06-02
---

{lead}

Eurostat said {people} million people were out of work.
"""


def test_one_rate_written_three_ways_in_three_outlets_is_one_disagreement(tmp_path):
    leads = {
        "Wire Agency": "Unemployment in the euro zone fell to a record low of 6.2% in April, the European Union's "
                       "statistics office Eurostat said on Monday.",
        "Daily Ledger": "The jobless rate in the eurozone dropped to 6.1% in April, according to Eurostat.",
        "Radio Nord": "Eurozone unemployment dropped to 6.2 percent in April, Eurostat reported on Monday.",
    }
    for n, (outlet, lead) in enumerate(leads.items()):
        write(tmp_path / "c" / f"{n}.md", JOBS.format(title=f"Jobless data {n}", outlet=outlet, lead=lead, people=10 + n))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    found = _found(WhooshSearcher(tmp_path / "ix").comparisons())
    rates = [q for q in found if {v["value"] for v in q["values"]} == {6.1, 6.2}]
    assert len(rates) == 1 and {v["source"] for v in rates[0]["values"]} == set(leads)


PLEDGE = """---
title: {title}
outlet: {outlet}
date: 2025-09-0{day}
---

{lead}

{more}
"""


def test_a_leaders_pledge_told_three_ways_is_one_disagreement(tmp_path):
    """A wire dateline, the leader as claimer in one outlet and as subject in two, his country only in his job."""
    stories = {
        "Wire Agency": ("BRASILIA, Sept 3 (Wire) - Brazilian President Rui Costa da Lima promised on Wednesday to "
                        "send 3,000 more soldiers to fight fires in the Amazon.",
                        "Green Watch Brazil said about 2.4 million hectares had burned since June."),
        "Daily Ledger": ("Brazil's president, Rui Costa da Lima, has pledged to deploy 3,000 extra troops to the "
                         "Amazon as the rainforest burns.", "Green Watch said 2.5m hectares had burned since June."),
        "Radio Nord": ("Brazilian President Rui Costa da Lima on Wednesday ordered 2,000 more soldiers to the "
                       "Amazon, as fires reached their highest level since 2010.", "Costa said the fires were crimes."),
    }
    for n, (outlet, (lead, more)) in enumerate(stories.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=f"Amazon fires {n}", outlet=outlet, day=3 + n % 2,
                                                        lead=lead, more=more))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    comps = WhooshSearcher(tmp_path / "ix").comparisons()
    [troops] = _found(comps)
    assert sorted(_values(troops)) == [(2000, "Radio Nord"), (3000, "Daily Ledger"), (3000, "Wire Agency")]
    [burned] = _found(comps, close=True)  # 'about 2.4 million' covers 2.5m: one body, its place left out
    assert sorted(_values(burned)) == [(2_400_000, "Wire Agency"), (2_500_000, "Daily Ledger")]


def test_a_firms_own_result_with_other_places_in_one_outlet_is_one_quantity(tmp_path):
    """One firm's figure: a dateline's month, a country in one outlet's sentence, a quarter named two ways."""
    leads = {
        "Wire Agency": ("COPENHAGEN, Oct 28 (Wire) - Danish turbine maker Nordwind said on Tuesday its third-quarter "
                        "net profit rose 18% to 412 million euros, as orders from the United States surged."),
        "Daily Ledger": ("Nordwind, the Danish wind turbine manufacturer, said its third-quarter net profit rose 17% "
                         "to 412 million euros on Tuesday."),
        "Radio Nord": ("Net profit for the July-September quarter rose 18 percent to 412 million euros, Nordwind "
                       "said."),
    }
    for n, (outlet, lead) in enumerate(leads.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=f"Turbines {n}", outlet=outlet, day=8, lead=lead,
                                                        more="The shares were little changed."))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    [rise] = _found(WhooshSearcher(tmp_path / "ix").comparisons())
    assert sorted(_values(rise)) == [(17, "Daily Ledger"), (18, "Radio Nord"), (18, "Wire Agency")]


def test_a_ministers_trade_figure_over_two_months_told_three_ways_is_one_disagreement(tmp_path):
    """'the first two months' is January and February; a round '10 percent' is not '12%' rounded."""
    stories = {
        "Wire Agency": ("BEIJING, March 5 (Wire) - Commerce Minister Zhao Lin told reporters that exports to the "
                        "United States fell 12% in the first two months of the year.", "Trade talks resume in May."),
        "State News": ("Minister of Commerce Zhao Lin said foreign trade remained resilient, with exports to the "
                       "United States down 10 percent in January and February.", "Trade talks resume in May."),
        "Daily Ledger": ("Commerce minister Zhao Lin said exports to the US dropped 12 per cent in the first two "
                         "months.", "Trade talks resume in May."),
    }
    for n, (outlet, (lead, more)) in enumerate(stories.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=f"Trade war {n}", outlet=outlet, day=5,
                                                        lead=lead, more=more))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    [exports] = _found(WhooshSearcher(tmp_path / "ix").comparisons())
    assert sorted(_values(exports)) == [(10, "State News"), (12, "Daily Ledger"), (12, "Wire Agency")]


MARCH = {
    "Wire Agency": ("Thousands march in Lisbon over rents", 1,
                    "LISBON, Nov 1 (Wire) - Police estimated that 120,000 people marched through central Lisbon on "
                    "Saturday to protest against soaring rents, while organisers put the number at half a million."
                    "\n\nThe interior ministry put the crowd at 120,000."),
    "Daily Ledger": ("Lisbon tenants fill the streets", 1,
                     "About 150,000 people marched through Lisbon on Saturday, according to the city council, in "
                     "the biggest housing protest in years.\n\nOrganisers said as many as 500,000 took part."),
    "Radio Nord": ("Tens of thousands protest rents in Portugal's capital", 2,
                   "Tens of thousands of people protested on Saturday demanding lower rents.\n\nPolice said around "
                   "120,000 people took part. Organizers claimed the turnout was 400,000."),
    # the same city's march a week later is another event; so is another country's on the same day
    "Weekly Post": ("Lisbon marches again", 8, "Police said 20,000 people marched through Lisbon on Saturday."),
    "Madrid Daily": ("Madrid tenants march", 1, "Police said 50,000 people marched through Madrid on Saturday."),
}


def test_a_crowd_counted_by_police_organisers_and_outlets_is_one_disagreement(tmp_path):
    """Police against organisers, 'took part' and 'the turnout' pointing back at the march, the place in a headline."""
    for n, (outlet, (title, day, body)) in enumerate(MARCH.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=title, outlet=outlet, day=day, lead=body, more=""))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    [crowd] = _found(WhooshSearcher(tmp_path / "ix").comparisons())
    assert sorted({(v["value"], v["source"], v["speaker"]) for v in crowd["values"]}) == [
        (120000, "Radio Nord", "Police"), (120000, "Wire Agency", "Police"), (150000, "Daily Ledger", "city council"),
        (400000, "Radio Nord", "Organizers"), (500000, "Daily Ledger", "Organisers"),
        (500000, "Wire Agency", "organisers")]
    assert crowd["outlets"] == 3 and crowd["measure"] == "crowd size"  # whatever nouns the outlets used
    assert all(v["copies"] == [] for v in crowd["values"])  # one article giving 120,000 twice has no copy


def test_two_matches_on_one_day_are_two_crowds(tmp_path):
    matches = {"Sport Wire": "A crowd of 40,000 watched Arsenal beat Chelsea on Saturday.",
               "Match Daily": "A crowd of 52,000 saw Liverpool draw with Everton at Anfield on Saturday."}
    for n, (outlet, body) in enumerate(matches.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title="Football in England", outlet=outlet, day=4,
                                                        lead=body, more=""))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    assert _found(WhooshSearcher(tmp_path / "ix").comparisons()) == []


def test_one_bid_reported_by_the_bidders_side_and_the_sellers_side_is_one_quantity(tmp_path):
    """'Manchester United have made a bid' opens with the bidder's name, which the other sentence names inside."""
    stories = {"Sky Sports": "Harbour City have made a £50m bid for Ajax striker Lars Eriksen, Sky Sports News "
                             "understands.",
               "The Guardian": "League leaders Ajax have rejected a bid of £45m from Harbour City for their striker "
                               "Lars Eriksen, the club's chairman Jan Smit said on Tuesday."}
    for n, (outlet, body) in enumerate(stories.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=f"Eriksen {n}", outlet=outlet, day=4 + n, lead=body,
                                                        more=""))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    [bid] = _found(WhooshSearcher(tmp_path / "ix").comparisons(), close=True)  # a round £50m covers £45m
    assert sorted(_values(bid)) == [(45_000_000, "The Guardian"), (50_000_000, "Sky Sports")]


def test_values_an_order_of_magnitude_apart_are_two_quantities(tmp_path):
    stories = {"Film Wire": "Ray Holt's The Long Road, which took $370m in the US, won no award.",
               "Screen Daily": "A recut version of Ray Holt's The Long Road took $239,850 in the US."}
    for n, (outlet, body) in enumerate(stories.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=f"Films {n}", outlet=outlet, day=4, lead=body, more=""))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    comps = WhooshSearcher(tmp_path / "ix").comparisons()
    assert _found(comps) == [] and _found(comps, close=True) == []


QUAKE = {
    "Wire Agency": ("Earthquake in eastern Turkey kills at least 120", 1,
                    "ANKARA, Feb 1 (Wire) - A magnitude 6.8 earthquake struck eastern Turkey on Tuesday, killing at "
                    "least 120 people and injuring more than 1,000, the disaster agency AFAD said."),
    "Daily Ledger": ("Turkey earthquake leaves dozens dead", 1,
                     "At least 95 people have been killed after a powerful earthquake hit eastern Turkey, officials "
                     "say.\n\nMore than 1,500 people were injured, the health ministry said."),
    "Radio Nord": ("Turkey quake toll passes 100", 1,
                   "The toll from a strong earthquake in eastern Turkey rose to 128 dead on Tuesday, the AFAD "
                   "disaster agency said, with 1,150 people injured."),
    # two days later the toll is another count, not a dispute
    "Weekly Post": ("Death toll in Turkey quake rises to 310", 3,
                    "The death toll from Tuesday's earthquake in eastern Turkey rose to 310 on Thursday, Turkey's "
                    "disaster agency said."),
}


def test_one_disasters_dead_and_injured_on_one_day_are_two_quantities_and_a_later_toll_is_neither(tmp_path):
    for n, (outlet, (title, day, body)) in enumerate(QUAKE.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=title, outlet=outlet, day=day, lead=body, more=""))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    comps = WhooshSearcher(tmp_path / "ix").comparisons()
    assert _found(comps) == []  # 'at least 120', 'at least 95' and 128 agree; so do 'more than 1,000' and 1,150
    dead, injured = sorted(_found(comps, close=True), key=lambda q: min(v["value"] for v in q["values"]))
    assert sorted(_values(dead)) == [(95, "Daily Ledger"), (120, "Wire Agency"), (128, "Radio Nord")]
    assert (dead["measure"], injured["measure"]) == ("people killed", "people injured")
    assert sorted(_values(injured)) == [(1000, "Wire Agency"), (1150, "Radio Nord"), (1500, "Daily Ledger")]


@pytest.mark.parametrize("bodies", [
    ("Around 140,000 people were killed by the tsunami in Asia.", "Asia mourns the tsunami which killed 150,000 people."),
    # no place named: the day rule holds all the same
    ("Around 140,000 people were killed by the Sumatra wave, officials said.",
     "The Sumatra wave killed 150,000 people, officials said."),
])
def test_undated_tolls_are_no_one_count(tmp_path, bodies):
    for n, body in enumerate(bodies):
        write(tmp_path / "c" / f"{n}.txt", f"Toll {n}\n\n{body}\n")
    indexer.build(tmp_path / "c", tmp_path / "ix")
    comps = WhooshSearcher(tmp_path / "ix").comparisons()
    assert _found(comps) == [] and _found(comps, close=True) == []


TWO_OUTLETS = {
    # 'plans to cut about 4,000' and 'will cut 4,500' are one future count; 'the carmaker' is the firm named
    "jobs": ({"Daily Courier": ("Carmaker Vantor will cut 4,500 jobs across Europe over the next two years, the "
                                "company said on Monday.", "Chief executive Marta Keller said the cuts were painful."),
              "The Ledger": ("Vantor plans to cut about 4,000 jobs in Europe, the carmaker announced on Monday, "
                             "blaming a slump in diesel sales.", "Marta Keller said the decision was unavoidable.")},
             [(4000, "The Ledger"), (4500, "Daily Courier")]),
    # the measure named two ways; one outlet names the firm, the other only 'a water company'
    "fine": ({"Evening Post": ("Aqualine Water has been fined £2.5m after pumping raw sewage into the River Dane for "
                               "three years.", "The judge said it was a choice."),
              "North News": ("A water company must pay a £2.4m penalty for polluting the River Dane, a court ruled "
                             "on Friday.", "Aqualine Water admitted 14 offences.")},
             [(2_400_000, "North News"), (2_500_000, "Evening Post")]),
    # a grid operator named like a person ('Western Grid') is one body that gives both counts
    "outage": ({"Coastal Times": ("Storm Ivo has left about 40,000 homes without power across the south-west, the "
                                  "network operator Harbour Grid said on Tuesday.", "Gusts of 95mph were recorded."),
                "Western Daily": ("More than 52,000 properties in the south-west lost power as Storm Ivo brought "
                                  "high winds, according to Harbour Grid.", "Engineers are at work.")},
               [(40_000, "Coastal Times"), (52_000, "Western Daily")]),
}


@pytest.mark.parametrize("story", sorted(TWO_OUTLETS))
def test_one_quantity_worded_two_ways_by_two_outlets_is_one_disagreement(tmp_path, story):
    stories, expected = TWO_OUTLETS[story]
    for n, (outlet, (lead, more)) in enumerate(stories.items()):
        write(tmp_path / "c" / f"{n}.md", PLEDGE.format(title=f"{story} {n}", outlet=outlet, day=5, lead=lead,
                                                        more=more))
    indexer.build(tmp_path / "c", tmp_path / "ix")
    [quantity] = _found(WhooshSearcher(tmp_path / "ix").comparisons())
    assert sorted(_values(quantity)) == expected
