"""Figures: number forms, unit, qualifier, claimer, measure and topic; and what is not a figure."""
from __future__ import annotations

import json
import sys

import pytest

from search.index.records import documents_for
from search.ingest.documents import load_plain
from search.models import to_dict
from search.extract import extract


def figures_of(body: str):
    return extract(load_plain(f"Headline\n\n{body}", "t.txt")).figures


@pytest.mark.parametrize("body, value, unit, qualifier", [
    ("The army sent 12,000 soldiers to the front.", 12000, "soldiers", None),
    ("The state will sell Rmb1.3tn of bonds.", 1_300_000_000_000, "yuan", None),
    ("The state will sell RMB 500bn of bonds.", 500_000_000_000, "yuan", None),
    ("The army sent approximately 12 000 soldiers to the front.", 12000, "soldiers", "approximately"),
    ("The army sent around 11,000 troops to the front.", 11000, "troops", "around"),
    ("The city has 1.5 million residents now.", 1_500_000, "residents", None),
    ("The army sent four thousand soldiers to the front.", 4000, "soldiers", None),
    ("They supplied 200 long-range artillery pieces last year.", 200, "long-range artillery pieces", None),
    ("More than 300 people attended the rally.", 300, "people", "more than"),
    ("The firm lost $1.5bn last year.", 1_500_000_000, "dollars", None),
    ("Sales rose 4% in the quarter.", 4, "percent", None),
    ("Inflation reached 5.2 per cent in March.", 5.2, "percent", None),
    ("Its stake grew to 12 percent.", 12, "percent", None),
    ("The group made a profit of £7.1bn.", 7_100_000_000, "pounds", None),
    ("The deal is worth $50m to the club.", 50_000_000, "dollars", None),
    ("The fund holds €1.2 billion in bonds.", 1_200_000_000, "euros", None),
    ("The bank lent 300bn yen to exporters.", 300_000_000_000, "yen", None),
    ("A ticket costs 50p more than before.", 50, "pence", None),
    ("Runners covered the first 3km in silence.", 3, "kilometres", None),
    ("The line offers speeds up to 8mbps today.", 8, "mbps", "up to"),
    ("The cinema opened two screens in the town.", 2, "screens", None),
    ("She has made six films with him.", 6, "films", None),
    ("The plan needs twenty-five new schools.", 25, "new schools", None),
    ("About 100,000 public bodies were asked.", 100_000, "public bodies", "about"),
    ("A quarter of a million students enrolled.", 250_000, "students", None),
    ("Half a million homes lost power.", 500_000, "homes", None),
    ("More than 60m people watched the final.", 60_000_000, "people", "more than"),
    ("The deal has a three-year term.", 3, "year", None),
    ("They took part in a two-day hearing.", 2, "day", None),
    ("He served 20 years in the army.", 20, "years", None),
    ("The case began 13 years ago in Leeds.", 13, "years", None),
    ("The network is 2,000 times faster than the old one.", 2000, "times", None),
    ("Only 13 of the bodies replied.", 13, "bodies", None),
    ("The firm wrote 1,000 similar claims last year.", 1000, "similar claims", None),
])
def test_figure_forms(body, value, unit, qualifier):
    [figure] = figures_of(body)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)
    assert f"Headline\n\n{body}"[figure.start:figure.end] == figure.text


@pytest.mark.parametrize("body", [
    "Hundreds of soldiers were treated and thousands of containers were sent.",  # vague
    "Dozens of people attended the rally.",  # vague
    "The pact was signed in 2024 after long talks.",  # a year
    "The talks ended on February 11 without a deal.",  # a date
    "The talks ended on 11 February without a deal.",  # a date
    "The meeting starts at 10:30 am in the hall.",  # a time
    "She finished 2nd in the race on Sunday.",  # an ordinal
    "John Smith, 45, said nothing at all.",  # an age
    "Call 555-123-4567 for tickets today.",  # a phone number
    "Ties between the two nations deepened.",  # a small spelled-out number
    "One of the ministers resigned and one day later another left.",  # 'one' as a pronoun or article
    "John Smith, 45, said nothing at all.",  # an age
    "The 45-year-old driver was unhurt.",  # an age
    "Aged 12, she moved to Paris.",  # an age
    "The puppy was adopted at four weeks by a family.",  # an age
    "Sales fell in the 1990s and in the 80s.",  # decades
    "He ran the 400m runners off their feet in the 100m final.",  # race names, not 400,000,000 runners
    "She won 200m gold and the 10,000m title.",  # race names
    "The 6km race starts at noon.",  # a race name
    "United won 3-1 and drew 2-2 at home.",  # scores
    "They secured a 2-0 victory on Sunday.",  # a score
    "Channel 4 and Radio 5 covered the event.",  # names with numbers
    "The Boeing 747 landed at Terminal 5.",  # model names
    "The thriller Ocean's Twelve led the chart.",  # a title
    "He was ranked number 3 and played on page 12.",  # a rank, a page number
    "The top 12 films grossed well.",  # a rank
    "Just over a third of voters and two-thirds of members agreed.",  # word fractions
    "Thousands of people and dozens of firms joined, twice.",  # vague amounts
    "The meeting moved to 31 December and then to March 5.",  # dates
    "Its serial is 12345678901234567890123 widgets long.",  # an id, not a count
    "The firm joined the FTSE 100 index of leading shares.",  # an index's name
    "The S&P 500 index closed lower.",  # an index's name
    "Buyers in the 18-35 age bracket shop online.",  # ages
])
def test_non_figures(body):
    assert figures_of(body) == []


@pytest.mark.parametrize("body, units", [
    ("Some 410,000 patients waited a year, nearly double the 230,000 recorded twelve months earlier.", ["patients"]),
    ("The band's 12 dropped one place in the chart.", []),
    ("Only 20 followed suit after the vote.", []),
    ("About 2,000 unemployed joined the march.", ["unemployed"]),
    ("The fund paid 40 backlogged claims in March.", ["backlogged claims"]),
])
def test_a_participle_after_a_number_opens_a_clause_unless_it_names_people(body, units):
    assert [f.unit for f in figures_of(body) if f.unit not in ("months", "years")] == units


def test_killed_or_injured_troops_are_casualties():
    [figure] = figures_of("Since November, around 4,000 North Korean troops have been killed or injured.")
    assert (figure.value, figure.unit, figure.qualifier) == (4000, "casualties", "around")


@pytest.mark.parametrize("body, unit, measure", [
    ("It plans to open 60 new Express stores this year.", "stores", "new Express stores"),
    ("Sales excluding fuel rose 4.1% in the year.", "percent", "Sales excluding fuel"),
    ("The news sent shares in Acme up 8.5p in early trading.", "pence", "shares in Acme"),
    ("Unemployment in the euro zone fell to a record low of 6.2% in April.", "percent", "Unemployment in the euro zone"),
    ("Oil reached a peak of $50 a barrel.", "dollars", "Oil"),
    # a people written with a capital is counted; a verb after it is no noun
    ("About 3,000 Harbourites live on the island.", "Harbourites", "Harbourites"),
    ("Some 40 Americans voted for the plan.", "Americans", "Americans"),
    ("The number of Britons dead or missing reached 440.", "dead", "Britons dead"),
    # places joined by 'and' share what is measured; a subordinator is no part of it
    ("The average house price in England and Wales was £182,920.", "pounds", "average house price in England and Wales"),
    ("Although interest rates were 17.25% the lira fell.", "percent", "interest rates"),
    # a reporting participle between the thing and its figure is no part of what is measured
    ("He joined for a fee reported to be £10.5m.", "pounds", "fee"),
    # modifiers coordinated before one head share it; a second count is its own
    ("Some 70 Harbour music and movie stars sang.", "music and movie stars", "Harbour music and movie stars"),
    ("It has 20 shops and employs staff.", "shops", "shops"),
    # a participle or a verb after a figure is not what it measures
    ("Investment was off the peak of 43% seen in March.", "percent", None),
    ("Ferries were sold. Eighty per cent of those remain in service.", "percent", None),
    ("Some 90% of those companies questioned had no idea.", "percent", "companies"),
])
def test_what_a_figure_counts_and_measures(body, unit, measure):
    [figure] = figures_of(body)
    assert (figure.unit, figure.measure) == (unit, measure)


def test_one_change_restated_and_a_rate_compared_share_their_measure_and_unit():
    restated = figures_of("The shares rose 38p, or 9%, in early trading.")
    assert [(f.unit, f.measure) for f in restated] == [("pence", "shares"), ("percent", "shares")]
    compared = figures_of("It delivered 1.1 million orders a week, against 1.3 million at the peak.")
    assert [(f.value, f.unit) for f in compared] == [(1100000, "orders"), (1300000, "orders")]


def test_people_killed_keep_the_noun_as_written():
    [figure] = figures_of("More than 3,000 people were killed under the regime.")
    assert (figure.value, figure.unit) == (3000, "people")


def test_figure_carries_the_claimer_of_its_sentence():
    [figure] = figures_of("North Korea sent 12,000 soldiers to Russia, as per Ukrainian officials.")
    assert figure.claimed_by == "Ukrainian officials"
    [figure] = figures_of("Since November, 4,000 soldiers have fought in Kursk.")
    assert figure.claimed_by is None


def test_topic_lines_up_synonyms_and_places_but_not_the_claimer():
    [a] = figures_of("North Korea sent 12,000 soldiers to Russia, according to South Korea.")
    [b] = figures_of("According to Ukraine, North Korea has deployed 11,000 troops to Russia.")
    [c] = figures_of("North Korea has lost 4,000 troops in Ukraine and Russia.")
    assert a.topic == b.topic == "troop:north-korea+russia"
    assert c.topic != a.topic


@pytest.mark.parametrize("body, expected", [
    ("Growth will be between 10% and 15% next year.", [(10, "percent"), (15, "percent")]),
    ("Growth of 0.7-0.8% was forecast.", [(0.7, "percent"), (0.8, "percent")]),
    ("Shares rose 0-5% on the day.", [(0, "percent"), (5, "percent")]),
    ("Between 10 and 15% of staff will go.", [(10, "percent"), (15, "percent")]),
    ("The refit costs £3-4m a year.", [(3_000_000, "pounds"), (4_000_000, "pounds")]),
    ("The coach wants four or five central defenders.", [(4, "central defenders"), (5, "central defenders")]),
    ("It may take 20 or 30 years of talks.", [(20, "years"), (30, "years")]),
    ("The firm cut 79,000 jobs, down from 82,000.", [(79_000, "jobs"), (82_000, "jobs")]),
    ("The number of jobless people fell to 79,000 from 82,000.", [(79_000, "people"), (82_000, "people")]),
    ("Between 2 and 3 million people voted.", [(2_000_000, "people"), (3_000_000, "people")]),
    ("Just 13 of the country's 659 MPs are women.", [(13, "MPs"), (659, "MPs")]),
    ("Mobile phone users grew by 1.4 million to 44.9 million.", [(1_400_000, "users"), (44_900_000, "users")]),
    ("There are 305 people on the list, down from 311 last month.", [(305, "people"), (311, "people")]),
    ("Their two children Emily, 16, and Tom, 14.", [(2, "children")]),  # ages are not counts
    ("Shares fell to 250 from 300.", []),  # a price in pence, not 250 shares
    ("Almost a quarter of a million US consumers complained.", [(250_000, "US consumers")]),
])
def test_ranges_and_coordinated_figures_give_both_ends(body, expected):
    assert [(f.value, f.unit) for f in figures_of(body)] == expected


@pytest.mark.parametrize("body, expected", [
    ("The bureau also said it had revised down the job gains in March, from 212,000 to 187,000.",
     [(212_000, "job", "job gains"), (187_000, "job", "job gains")]),
    ("Payrolls were revised from 88,000 to 64,000 last month.",
     [(88_000, "payrolls", "payrolls"), (64_000, "payrolls", "payrolls")]),
    ("The agency revised its count of new homes from 9,100 to 8,700.",
     [(9_100, "homes", "count of new homes"), (8_700, "homes", "count of new homes")]),
    ("Jobless claims fell from 350,000 to 320,000 last week.",
     [(350_000, "claims", "Jobless claims"), (320_000, "claims", "Jobless claims")]),
])
def test_bare_numbers_from_x_to_y_take_the_revised_or_changed_count(body, expected):
    assert [(f.value, f.unit, f.measure) for f in figures_of(body)] == expected


def test_both_ends_of_a_revision_keep_their_qualifier_and_claimer():
    first, second = figures_of("The bureau said it had revised the job gains from about 40,000 to 31,500.")
    assert (first.qualifier, second.qualifier) == ("about", None)
    assert first.claimed_by == second.claimed_by == "the bureau"


def test_a_revision_read_stops_at_its_direction_word():
    first, second = figures_of("The office revised the annual rate of growth down from the 4.1% it gave to 2.6%.")
    assert first.measure == second.measure == "annual rate of growth"


@pytest.mark.parametrize("body", [
    "The club went from 12 to 3 in the table.",  # ranks
    "Pupils aged from 5 to 11 took part.",  # ages
    "The score went from 2 to 5 in the second half.",  # a score
    "Unemployment fell from 5.4 to 5.2 in the spring.",  # a rate with no unit written
    "The rules were revised from 1998 to 2004.",  # years
])
def test_bare_from_x_to_y_without_a_counted_thing_is_no_figure(body):
    assert figures_of(body) == []


@pytest.mark.parametrize("body, value, text", [
    ("The town has 4.1 million residents.", 4_100_000, "4100000"),
    ("The rate is 5.2% now.", 5.2, "5.2"),
    ("The firm owes £7.1bn.", 7_100_000_000, "7100000000"),
    ("Its shares rose 0.07% today.", 0.07, "0.07"),
    ("The state spent $2.675 trillion.", 2_675_000_000_000, "2675000000000"),
])
def test_values_are_exact_as_written(body, value, text):
    [figure] = figures_of(body)
    assert figure.value == value and json.dumps(to_dict(figure)["value"]) == text
    assert isinstance(figure.value, int) == ("." not in text)


def test_a_bracketed_conversion_shares_the_qualifier_and_measure():
    first, second = figures_of("Its profit rose to about £10m ($19m) last year.")
    assert (second.value, second.unit, second.qualifier) == (19_000_000, "dollars", "about")
    assert first.measure == second.measure == "profit"


@pytest.mark.parametrize("body, claimer", [
    ("Analysts said the bank lost £5m in March.", "Analysts"),
    ("The bank lost £5m in March, analysts said.", "analysts"),
    ("According to the Office for National Statistics, prices rose 3%.", "Office for National Statistics"),
    ("Prices rose 3% in May, according to the statistics office.", "the statistics office"),
    ("Figures from the Land Registry show prices rose 3%.", "Land Registry"),
    ("The Treasury estimates the scheme will cost £4bn.", "Treasury"),
    ("Early business plans forecast profits of at least £110m.", "Early business plans"),
    ("Growth was 1.2%, below the 2.5% which the French government had predicted.", "French government"),
    ("Her lawyer told the court that Acme had claimed it moved $27m abroad.", "Acme"),
    ("The spokesman said firms will have three months to reply.", "the spokesman"),
    ("Prices rose 3% in May, the statistics office said on Tuesday.", "the statistics office"),
    ("Prices rose 3% in May, said the Office for National Statistics.", "Office for National Statistics"),
])
def test_figure_claimer_from_its_sentence(body, claimer):
    figure = figures_of(body)[-1]
    assert figure.claimed_by == claimer


def test_a_pronoun_claimer_is_named_as_the_article_names_them():
    body = ("Labour MP Edward Leigh attacked the plan on Monday. Mr Leigh spoke for an hour. "
            "He said the project had cost £5m so far.")
    [figure] = figures_of(body)
    assert figure.claimed_by == "Mr Leigh"
    assert figure.claimer.endswith("Edward Leigh")


def test_the_company_said_resolves_to_the_company():
    body = ("Revenues at media firm Acmecorp slipped in 2004. Acmecorp cut jobs. "
            "Sales fell 11% during the year, the company said.")
    [figure] = figures_of(body)
    assert figure.claimed_by == "Acmecorp"


def test_a_described_source_the_article_named_resolves_to_the_name():
    body = ("Chancellor Gordon Brown spoke on Monday. Mr Brown was upbeat. "
            "The chancellor said growth would reach 3%.")
    [figure] = figures_of(body)
    assert (figure.claimed_by, figure.claimer) == ("Mr Brown", "Gordon Brown")


@pytest.mark.parametrize("body", [
    "Mr Pound, who has two teenage children, said he was happy.",  # the writer's aside
    "A previous estimate of 0.1% growth was revised.",  # 'estimate' as a noun
    "Total revenues added 4% to the total.",  # 'added' as a rise
    "Like-for-like sales showed a growth rate of 0.1%.",  # sales show, they do not claim
    "The plan is estimated to have cost up to £8bn.",  # a passive with no agent
    "The firm hopes to reach more than 1,000 towns.",  # hoping is not claiming
])
def test_figures_outside_a_reported_clause_have_no_claimer(body):
    [figure] = figures_of(body)
    assert figure.claimed_by is None


def test_a_figure_in_a_quote_belongs_to_its_speaker():
    [figure] = figures_of('Mr Jones said: "We have hired 300 new staff this year."')
    assert figure.claimed_by == "Mr Jones"


@pytest.mark.parametrize("body, measure", [
    ("House prices rose 4% in May.", "House prices"),
    ("Oil prices hit $50 a barrel on Monday.", "Oil prices"),
    ("The price of oil rose to $50 a barrel.", "price of oil"),
    ("Unemployment fell to 5.2% in March.", "Unemployment"),
    ("The country's GDP up 2.3% was a surprise.", "country's GDP"),
    ("The firm paid a bonus of £44,914 to staff.", "bonus"),
    ("Profits showed a 52% rise in profits.", "profits"),
    ("Fines reach up to 10% of their annual turnover.", "annual turnover"),
    ("Pyongyang has sent 12,000 North Korean troops to Russia.", "North Korean troops to Russia"),
    ("The company earned $778m last year.", "earnings"),
    ("It traded at $50 a barrel.", "price per barrel"),
    ("The film took $40.8m in weekend ticket sales.", "weekend ticket sales"),
    ("Shares in Acme were up 1.76% at noon.", "Shares in Acme"),
    ("Sales in the UK rose 3% last year.", "Sales in the UK"),
    ("The economy grew, with unemployment at 5%.", "unemployment"),
    ("Figures from the statistics office show prices rose 3%.", "prices"),
    ("Analysts expect sales to reach £5bn.", "sales"),
    ("The agency believes the plan will cost £4bn.", "plan"),
    ("They back an increase in the minimum wage to £5.60 an hour.", "minimum wage"),
    ("Oil prices surged back above the $47 a barrel mark.", "Oil prices"),
    ("Canada's economy grew by just 0.1% in the spring.", "Canada's economy"),
    ("Output expanded by a breakneck 9.5% last year.", "Output"),
    ("Gross domestic product (GDP) rose by 1.7% last year.", "Gross domestic product"),
    # a verb's past form ends the phrase; a participle after a determiner or preposition is part of it
    ("Ms Lin estimated growth of 4.3 per cent.", "growth"),
    ("Fraud has caused losses of $4m this year.", "losses"),
    ("The EU put global trade in pirated wares at $258bn.", "global trade in pirated wares"),
    ("Its estimated debt of $2.3bn worried lenders.", "estimated debt"),
    # a flow and where it goes
    ("Exports to the United States fell 12% in the first two months.", "Exports to the United States"),
    ("Imports from China rose 5% last year.", "Imports from China"),
    # a linking verb after a share: what it looks like, not what it measures
    ("Five per cent looks like a stretch.", None),
    # a share of output is no measure of output: what it is a share of is read before it
    ("The deficit will fall to 4.8% of GDP next year.", "deficit"),
    ("The Fed lowered its forecast for economic growth this year to 1.4% from 1.7%.", "economic growth"),
    ("The Fed lifted borrowing costs twice last year to 2.25%.", "borrowing costs"),
    ("The S&P 500 gained 0.4% on Friday.", "S&P 500"),
    # a share of people described by what they did
    ("Serious bleeding affected 1.2% of those taking the drug.", "those taking the drug"),
    ("The poll found 68% of those questioned did not trust him.", "those questioned"),
    ("About 30% of those who voted backed him.", "those who voted"),
    ("Some 90% of those companies made a loss.", "companies"),
    # a level's marker and an idiom name nothing measured; an adverb before the verb is no measure
    ("Wages may soon reach the £6.00 mark in some towns.", "Wages"),
    ("Venture capitalists funded Yahoo to the tune of $2m.", None),
    # what a verb changes by an amount
    ("Renault boosted its profits by more than 40% in 2004.", "profits"),
    ("The firm cut costs by 10% last year.", "costs"),
    ("The bank raised interest rates by 0.25%.", "interest rates"),
])

def test_measure_names_what_the_figure_quantifies(body, measure):
    assert figures_of(body)[0].measure == measure


def test_a_second_figure_with_its_own_subject_does_not_share_the_first_ones_measure():
    found = figures_of("Tobacco shares closed higher, with Altria rising 5% and Reynolds showing gains of 4.5%.")
    assert [f.measure for f in found] == ["Altria", None]


def test_a_price_has_a_topic_by_its_measure_not_its_currency():
    [figure] = figures_of("Oil prices hit $50 a barrel on Monday.")
    assert figure.topic == "dollar/oil-price"
    [bare] = figures_of("It was $50 in the end.")
    assert bare.topic is None  # a sum with nothing measured groups with nothing


def _figure_steps(body: str) -> int:
    """Return how many lines of the figure modules run while extracting body (a count of work, not time)."""
    modules = ("figures.py", "measure.py", "claimers.py", "numbers.py")
    steps = 0

    def tracer(frame, event, arg):
        nonlocal steps
        if not frame.f_code.co_filename.endswith(modules):
            return None
        if event == "line":
            steps += 1
        return tracer

    article = load_plain(f"Headline\n\n{body}", "t.txt")
    sys.settrace(tracer)
    try:
        extract(article)
    finally:
        sys.settrace(None)
    return steps


def test_figure_work_grows_linearly_with_a_long_figure_heavy_sentence():
    # One unbroken sentence of figures, cues and asides: the worst case for per-sentence scans.
    chunk = ("analysts said sales rose 4% to £7.1bn, up from 3,000 jobs and 12 people, who had two cars, "
             "according to the office, between 10 and 15% of 2 or 3 million homes, ")
    small, large = _figure_steps(chunk * 120), _figure_steps(chunk * 1200)
    assert small > 0 and large / small < 12


def test_a_figure_document_is_found_by_its_measure():
    article = load_plain("Headline\n\nOil prices hit $50 a barrel on Monday, traders said.", "t.txt")
    [doc] = [d for d in documents_for(article, extract(article)) if d["kind"] == "figure"]
    assert "Oil prices" in doc["body"] and doc["detail"]["measure"] == "Oil prices"
    assert doc["speaker"] == "traders"


@pytest.mark.parametrize("body, measures", [
    ("US light crude rose $1.64 to $47.10.", ["light crude", "light crude"]),
    ("Brent crude closed down 51 cents at $44.38 a barrel.", ["Brent crude", "Brent crude"]),
    ("The firm earned $54.9m (£29.5m) last year.", ["earnings", "earnings"]),
])
def test_a_change_and_its_level_share_a_measure(body, measures):
    assert [f.measure for f in figures_of(body)] == measures


@pytest.mark.parametrize("body, measures", [
    ("Operating costs will reach £340m in 2026, up from £298m.", ["costs", "costs"]),  # 'costs' before a modal
    ("Prices have risen 5% this year.", ["Prices"]),
    ("Renault sold 2.4 million vehicles, an increase of 4% on the year.", ["vehicles", None]),  # no 'increase'
    ("The deficit is projected to reach $1.9 trillion next year.", ["deficit"]),
    ("Economists expect growth to slow to 1.4 percent.", ["growth"]),
    ("The firm expects revenue of between $3.2bn and $3.4bn.", ["revenue", "revenue"]),
])
def test_a_measure_past_participles_modals_and_years(body, measures):
    assert [f.measure for f in figures_of(body)] == measures


@pytest.mark.parametrize("body, measure", [
    ("The jobless rate stayed at 5.4% in May.", "jobless rate"),
    ("Official figures showed that unemployment was unchanged at 9.9% last month.", "unemployment"),
    ("Unemployment remains high at about 10%.", "Unemployment"),
    ("It was enough to push down the unemployment rate to 5.2% in May.", "unemployment rate"),
    ("The central bank raised interest rates to 4.75% on Thursday.", "interest rates"),
    ("The top speed of the lifts translates to about 38mph.", None),  # 'lifts' is a noun here
    ("Margins will be lower in 2025, at 4% of sales as opposed to 5%.", "sales"),
])
def test_a_measure_held_at_or_moved_to_a_level(body, measure):
    assert figures_of(body)[-1].measure == measure


def test_an_adverb_between_the_change_and_its_level_keeps_the_measure():
    first, second = figures_of("The average house price fell marginally to £180,226, from £180,444 in May.")
    assert first.measure == second.measure == "average house price"


@pytest.mark.parametrize("body, qualifier", [
    ("The jobless rate went up to 5.5% in May.", None),
    ("The attacks pushed claims up to $37bn that year.", None),
    ("The plan could cost up to £5bn, ministers said.", "up to"),
    ("Steel makers want price rises of up to 70% this year.", "up to"),
    ("Fares could rise by as much as 15% next year.", "as much as"),
])
def test_up_to_after_a_past_verb_of_movement_is_no_ceiling(body, qualifier):
    [figure] = figures_of(body)
    assert figure.qualifier == qualifier


@pytest.mark.parametrize("opening", [
    "News of the deal lifted its shares on Friday.",
    "Welsh investors bought its shares on Friday.",
])
def test_the_company_is_not_a_common_noun_or_demonym_opening_a_sentence(opening):
    body = (f"Revenues at media firm Acmecorp slipped in 2004. {opening} "
            "Sales fell 11% during the year, the company said.")
    [figure] = figures_of(body)
    assert figure.claimed_by == "Acmecorp"


@pytest.mark.parametrize("body, value, measure, qualifier", [
    ("He scored in front of a crowd of 18,412.", 18412, "crowd", None),
    ("The firm has a workforce of about 12,000.", 12000, "workforce", "about"),
    ("The show drew an audience of 6.3 million.", 6_300_000, "audience", None),
])
def test_a_bare_number_counts_the_body_of_people_before_it(body, value, measure, qualifier):
    [figure] = figures_of(body)
    assert (figure.value, figure.measure, figure.qualifier) == (value, measure, qualifier)


@pytest.mark.parametrize("body, expected", [
    # an estimate of a crowd: its size is no age ('at 120,000'), and who puts it there claims it
    ("The regional government put the crowd at 120,000.", [(120000, "crowd", None, "the regional government")]),
    ("Attendance stood at 40,000 last year.", [(40000, "attendance", None, None)]),
    ("Organizers claimed the turnout was 400,000.", [(400000, "turnout", None, "Organizers")]),
    ("The police put the number of protesters at about 80,000.", [(80000, "protesters", "about", "the police")]),
    # the noun left out is the crowd's of the same sentence or the one before
    ("Police estimated that 120,000 people marched on Saturday, while organisers put the number at half a million.",
     [(120000, "people", None, "Police"), (500000, "people", None, "organisers")]),
    ("About 150,000 protesters marched through the city. Organisers said as many as 500,000 took part.",
     [(150000, "protesters", "about", None), (500000, "protesters", "as many as", "Organisers")]),
    ("Unite said 30,000 joined the strike.", [(30000, "people", None, "Unite")]),
])
def test_a_crowd_counted_with_its_noun_left_out(body, expected):
    assert [(f.value, f.unit, f.qualifier, f.claimed_by) for f in figures_of(body)] == expected


@pytest.mark.parametrize("body", [
    "She retired at 35.",  # an age
    "Pupils aged from 5 to 11 took part.",  # the end of a range of ages
    "The firm put the figure at 5,000.",  # the number of what? no crowd before it
    "Shaun Wells put the ball eight yards wide.",  # 'put' is no estimate
])
def test_no_crowd_without_one(body):
    assert [(f.value, f.unit, f.claimed_by) for f in figures_of(body) if f.unit in ("people", "figure", "number")] == []


@pytest.mark.parametrize("body, claimer", [
    ("Leeds have made a £50m bid for the striker, Sky Sports News understands.", "Sky Sports News"),
    ("Bus fares will rise by about 4% next year, Radio Kent has learned.", "Radio Kent"),
])
def test_what_an_outlet_has_learned_is_its_claim(body, claimer):
    [figure] = figures_of(body)
    assert figure.claimed_by == claimer


@pytest.mark.parametrize("body, expected", [
    ("The quake struck on Tuesday, killing at least 120 people and injuring more than 1,000.",
     [(120, "people", "at least", "people killed"), (1000, "people", "more than", "people injured")]),
    ("About 40 civilians were wounded in the attack.", [(40, "civilians", "about", "civilians injured")]),
    ("Seven people are missing after the flood.", [(7, "people", None, "people missing")]),
    ("The wave, which killed 150,000, struck without warning.", [(150000, "people", None, "people killed")]),
    ("The death toll from Tuesday's earthquake rose to 310 on Thursday.", [(310, "death toll", None, "death toll")]),
    ("A magnitude 6.8 earthquake struck the east.", [(6.8, "magnitude", None, "magnitude")]),
    ("About 300 people attended the service.", [(300, "people", "about", "people")]),  # no harm
])
def test_the_harmed_are_counted_with_what_befell_them(body, expected):
    assert [(f.value, f.unit, f.qualifier, f.measure) for f in figures_of(body)] == expected


@pytest.mark.parametrize("body, measure", [
    ("Third-quarter profit fell 34% to 1.2 billion crowns.", "Third-quarter profit"),
    ("Sales rose 5% to $3bn in the quarter.", "Sales"),
])
def test_the_level_a_change_reached_measures_what_changed(body, measure):
    change, level = figures_of(body)
    assert change.measure == level.measure == measure


def test_the_dead_and_the_injured_are_two_topics():
    killed, injured = figures_of("The blast killed 12 people in Kabul and injured 40 people.")
    assert (killed.topic, injured.topic) == ("death:afghanistan", "injury:afghanistan")


def test_a_goal_putting_a_team_ahead_claims_nothing():
    [figure] = figures_of("Shaun Wells's strike put Leeds back in front, but the lead lasted just six minutes.")
    assert (figure.value, figure.claimed_by) == (6, None)


@pytest.mark.parametrize("body, value, unit", [
    ("Lula promised to send 3,000 more soldiers to the Amazon.", 3000, "more soldiers"),
    ("The army ordered 2,000 extra troops to the region.", 2000, "extra troops"),
])
def test_a_count_added(body, value, unit):
    assert [(f.value, f.unit) for f in figures_of(body)] == [(value, unit)]


@pytest.mark.parametrize("body", [
    "Sales rose by 3,000 more than expected in May.",
    "The army will deploy troops, more than the 3,000 Luiz Inacio Lula da Silva promised.",
])
def test_no_counted_noun(body):
    assert [(f.value, f.unit) for f in figures_of(body)] == []


@pytest.mark.parametrize("body, topic", [
    # a leader's country, named only in his job, places his own count; officials' country is only the source's
    ("Brazilian President Rui Costa promised to send 3,000 more soldiers to the region.", "troop:brazil"),
    ("South Korean officials said 12,000 soldiers were sent.", "troop"),
    ("Spain sent 400 police officers to the border.", "officer:spain"),
])
def test_the_places_of_a_count(body, topic):
    assert [f.topic for f in figures_of(body)] == [topic]


@pytest.mark.parametrize("body, measures", [
    # held or moved past a time or a relative clause
    ("The Federal Reserve kept its benchmark interest rate unchanged Wednesday at about 4.3%.",
     ["benchmark interest rate"]),
    ("Unemployment levels are currently stuck at about 10%.", ["Unemployment levels"]),
    ("Mortgage rates, which are influenced by the central bank, rose to 6.8% last week.", ["Mortgage rates"]),
    # a period is when, not what; a place is what
    ("Net profit for the July-September quarter rose 18 percent.", ["Net profit"]),
    ("Sales in the fourth quarter rose 9%.", ["Sales"]),
    ("Sales in Europe rose 4%.", ["Sales in Europe"]),
    # a phrasal move is no measure
    ("Every year we wait, costs go up by 10 percent.", ["costs"]),
    ("Non-EU exports shot up 7.5% in May.", ["Non-EU exports"]),
    ("The price of inkjet printers has come down to £34.", ["price of inkjet printers"]),
    # a share followed by a verb of stance and its object
    ("Of those asked, 58% of voters back the idea, while 27% oppose it.", ["voters", "voters"]),
    ("Labour has 40% support among women.", ["support"]),
])
def test_what_a_figure_measures(body, measures):
    assert [f.measure for f in figures_of(body)] == measures


@pytest.mark.parametrize("body", ["Rovers were reported to have offered £50m for the striker.",
                                  "Rovers are said to have bid £50m for the striker."])
def test_who_a_passive_report_is_about_claims_no_figure(body):
    [figure] = figures_of(body)
    assert figure.claimed_by is None


def test_a_fee_plus_add_ons_measures_the_fee():
    figures = figures_of("Rovers agreed a fee of £60m plus £5m in add-ons for the striker.")
    assert [(f.text, f.measure) for f in figures] == [("£60m", "fee"), ("£5m", "add-ons")]


@pytest.mark.parametrize("body, kept", [
    ("The deal could be signed next week, according to two people with knowledge of the matter.", []),
    ("The company plans to cut 500 jobs, two sources told the paper.", ["500 jobs"]),
    ("Three officials said the plan was dead.", []),
    ("Some 1,000 people said they would vote for the plan.", ["1,000 people"]),  # a poll's count is reported
])
def test_how_many_sources_speak_is_no_figure(body, kept):
    assert [f.text for f in figures_of(body)] == kept


def test_the_front_matter_of_a_markdown_file_is_no_source():
    from search.ingest.documents import load_bytes
    data = ("---\ntitle: Vantor to axe jobs\nsource: Wire Service\ndate: 2026-03-03\n---\n"
            "Vantor will cut 4,500 jobs across Europe over the next two years, the company said on Monday.\n").encode()
    [article], _, _ = load_bytes(data, ".md", "a.md")
    [jobs] = [f for f in extract(article).figures if f.unit == "jobs"]
    assert (jobs.claimed_by, jobs.claimer) == ("Vantor", "Vantor")


def test_a_figure_in_a_claim_is_claimed_by_the_claims_firm():
    found = figures_of("The Environment Agency said 10,000 fish died. Aqualine Water admitted 14 offences. "
                       "The firm said it had spent £40m on new treatment works.")
    [spent] = [f for f in found if f.unit == "pounds"]
    assert spent.claimer == "Aqualine Water"


@pytest.mark.parametrize("body", ["Storm Ivo left 40,000 homes without power.",
                                  "More than 52,000 properties lost power in the storm.",
                                  "Some 45,000 households lost power in the storm."])
def test_homes_properties_and_households_count_one_thing(body):
    assert figures_of(body)[0].topic.split(":")[0] == "home"
