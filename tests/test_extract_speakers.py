"""Attribution forms (who said it, and the nearest mention) and canonical speaker names."""
from __future__ import annotations

import pytest

from search.ingest.documents import load_plain
from search.extract import extract

SPEECH = "We will not give up on this city, whatever it costs us"


def quote_in(text: str):
    """Return the one quote of kind 'quote' extracted from text."""
    [quote] = [q for q in extract(load_plain(text, "t.txt")).quotes if q.kind == "quote"]
    return quote


@pytest.mark.parametrize("body, mention, speaker", [
    (f'"{SPEECH}," Maria Lopez said.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," said Maria Lopez.', "Maria Lopez", "Maria Lopez"),
    (f'Maria Lopez said: "{SPEECH}."', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," Maria Lopez, the mayor of the city, said on Monday.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," according to Maria Lopez.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," Maria Lopez wrote in a letter.', "Maria Lopez", "Maria Lopez"),
    (f'Maria Lopez backed the plan, stating, "{SPEECH}."', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}!" declared Maria Lopez.', "Maria Lopez", "Maria Lopez"),
    (f'Detective Sergeant Maria Lopez said: "{SPEECH}."', "Detective Sergeant Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," said Chief Constable Maria Lopez.', "Chief Constable Maria Lopez", "Maria Lopez"),
    (f'Referee Maria Lopez said: "{SPEECH}."', "Referee Maria Lopez", "Maria Lopez"),
    # a job set off by a comma before the name: the name speaks, not the body the job belongs to
    (f'"{SPEECH}," said Ajax\'s director of football, Maria Lopez.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," said the club\'s chairman, Maria Lopez.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," said EEF chief economist, Maria Lopez.', "Maria Lopez", "Maria Lopez"),
    # where the named person works is not who speaks
    (f'"{SPEECH}," Maria Lopez from Harbour Analytics said.', "Maria Lopez from Harbour Analytics", "Maria Lopez"),
    (f'"{SPEECH}," Maria Lopez, from Harbour Analytics told Reuters.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," Maria Lopez, head of Harbour Analytics told the BBC.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," Maria Lopez, senior research fellow at the IPPR, said.', "Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," the festival\'s organiser in Uganda, Maria Lopez, told the BBC.', "Maria Lopez", "Maria Lopez"),
    # a body's name, then a job of several words, then the person who holds it
    (f'"{SPEECH}," said BIFA founder and director Maria Lopez.', "BIFA founder and director Maria Lopez",
     "Maria Lopez"),
    (f'"{SPEECH}," said England sevens coach Maria Lopez.', "England sevens coach Maria Lopez", "Maria Lopez"),
    (f'"{SPEECH}," said Western Grid\'s operations director, Maria Lopez.', "Maria Lopez", "Maria Lopez"),
])
def test_attribution_forms(body, mention, speaker):
    text = f"Headline\n\n{body}"
    quote = quote_in(text)
    assert quote.text.startswith("We will not give up")
    assert quote.speaker_mention == mention
    assert text[quote.speaker_start:quote.speaker_end] == mention
    assert quote.speaker == speaker


@pytest.mark.parametrize("tag, speaker", [
    ("said the Harbour player", "Harbour player"),
    ("said the European cross-country champion", "European cross-country champion"),
    ("said a Harbour spokesman", "Harbour spokesman"),
])
def test_a_described_person_is_the_description_not_the_name_inside_it(tag, speaker):
    quote = quote_in(f'Headline\n\n"{SPEECH}," {tag}.')
    assert (quote.speaker, quote.named) == (speaker, False)


@pytest.mark.parametrize("subject, claimer", [
    ("But Harbour's lawyer Maria Lopez", "Maria Lopez"),
    ("Mr Jones' lawyer, Maria Lopez,", "Maria Lopez"),
    ("Harbour's chief executive Maria Lopez", "Maria Lopez"),
    ("Mr Jones's lawyer", "Jones's lawyer"),
])
def test_a_possessive_opening_the_subject_of_and_said_is_whose_job_it_names(subject, claimer):
    text = (f'Headline\n\n{subject} called the sentence "outrageous" and said the court had erred. '
            "Mr Jones was not in court.")
    claims = extract(load_plain(text, "t.txt")).claims
    assert [c.claimer for c in claims if c.text.endswith("the court had erred")] == [claimer]


@pytest.mark.parametrize("opening, speaker", [
    ("Maria Lopez's official spokesman declined to say whether the mayor backed the plan.", "Maria Lopez's official spokesman"),
    ("Mr Ramos's lawyer, Maria Lopez, reacted angrily to the ruling.", "Maria Lopez"),
])
def test_he_after_a_possessive_job_opening_a_sentence_is_the_one_it_describes(opening, speaker):
    quote = quote_in(f'Headline\n\n{opening} He said: "{SPEECH}."')
    assert (quote.speaker_mention, quote.speaker) == ("He", speaker)


def test_general_motors_keeps_its_first_word_and_general_musharraf_loses_his_rank():
    text = ("Headline\n\nGeneral Motors said it would recall the cars. GM said the fault was minor. "
            "General Musharraf said the troops would stay.")
    assert [c.claimer for c in extract(load_plain(text, "t.txt")).claims] == [
        "General Motors", "General Motors", "Musharraf"]


def test_a_peer_is_who_he_means():
    text = ('Headline\n\nThe government refused to back the bill. Lord Marlow said the act was unfair. '
            '"It is not a simple matter," he added.')
    [quote] = extract(load_plain(text, "t.txt")).quotes
    assert quote.speaker_mention == "he" and "Marlow" in quote.speaker


def test_an_office_set_off_before_a_name_gives_way_to_it():
    text = "Headline\n\nArgentina's President, Nestor Kirchner, said on Friday that the debt swap had worked well."
    assert [c.claimer for c in extract(load_plain(text, "t.txt")).claims] == ["Nestor Kirchner"]


def test_the_minister_is_the_one_person_a_story_names():
    text = ("Headline\n\nPatricia Hewitt said the cost was being evaluated. The minister told the seminar that "
            "leave would be extended for every parent.")
    assert [c.claimer for c in extract(load_plain(text, "t.txt")).claims] == ["Patricia Hewitt", "Patricia Hewitt"]


def test_the_chancellor_stays_a_description_when_two_people_are_named():
    text = ("Headline\n\nGordon Brown spoke in London with Tony Blair. The chancellor said the economy was strong "
            "in every region.")
    assert [c.claimer for c in extract(load_plain(text, "t.txt")).claims] == ["chancellor"]


def test_names_listed_in_a_relative_clause_are_not_its_subject():
    text = ("Headline\n\nThe Making Decisions Alliance, which includes the Alzheimer's Society, Age Concern and "
            "Mencap, said misunderstandings over the bill had to be cleared up.")
    [claim] = extract(load_plain(text, "t.txt")).claims
    assert "Alliance" in claim.claimer and claim.claimer_mention.endswith("Decisions Alliance")


def test_a_verb_and_its_object_are_no_job_before_a_name():
    text = 'Headline\n\nMaria Lopez slated comedian Sacha Cohen for his "victim" humour.'
    [quote] = extract(load_plain(text, "t.txt")).quotes
    assert quote.speaker == "Maria Lopez"


def test_a_place_after_a_place_is_no_speaker():
    text = 'Headline\n\nThe police in Newark, New Jersey, said the losses were large.'
    assert [c.claimer for c in extract(load_plain(text, "t.txt")).claims] == ["police in Newark"]


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_dash_attribution_on_the_quote_line(dash):
    quote = quote_in(f'Headline\n\n"{SPEECH}." {dash} Ambassador Alexander Matsegora')
    assert quote.speaker_mention == "Ambassador Alexander Matsegora"
    assert quote.speaker == "Alexander Matsegora"  # the title is not part of the name


def test_dash_attribution_on_its_own_line():
    quote = quote_in(f'Headline\n\n"{SPEECH}."\n\n— Senator Jane Roe, tweeting')
    assert quote.speaker == "Jane Roe"


def test_transcript_lines_are_quotes_of_the_named_speaker():
    text = ("Headline\n\nChris Wallace interviewed the candidate.\n\n"
            "WALLACE: Will you raise taxes next year?\n\nSMITH: No, we will cut them for everyone.")
    quotes = extract(load_plain(text, "t.txt")).quotes
    assert [(q.text, q.speaker_mention, q.speaker) for q in quotes] == [
        ("Will you raise taxes next year?", "WALLACE", "Chris Wallace"),
        ("No, we will cut them for everyone.", "SMITH", "SMITH"),
    ]


def test_a_transcript_turns_unlabelled_paragraphs_are_its_speakers_until_the_next_label():
    text = ("Headline\n\nChris Wallace interviewed the candidate.\n\n"
            "WALLACE: Will you raise taxes next year?\n\nSMITH: No, we will cut them.\n\n"
            "And I think the Senate will agree, because the votes are there.\n\nWALLACE: And the critics?\n\n"
            "SMITH: They are wrong.\n\nThe interview was recorded on Sunday.")
    quotes = extract(load_plain(text, "t.txt")).quotes
    assert [(q.text, q.speaker, q.utterance) for q in quotes] == [
        ("Will you raise taxes next year?", "Chris Wallace", 1), ("No, we will cut them.", "SMITH", 2),
        ("And I think the Senate will agree, because the votes are there.", "SMITH", 2),
        ("And the critics?", "Chris Wallace", 3), ("They are wrong.", "SMITH", 4)]  # the closing line is the writer's


def test_a_qa_interviews_answers_are_quotes_of_the_person_it_names_first():
    text = ("Headline\n\nThe health secretary, Jane Cooper, spoke to the Daily Courier about waiting lists.\n\n"
            "Q: Is the health service in crisis?\n\nA: No. It is under pressure, but it is not in crisis.\n\n"
            "Q: Will you meet the nurses?\n\n**A:** My door is always open.")
    quotes = extract(load_plain(text, "t.txt")).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("No. It is under pressure, but it is not in crisis.", "Jane Cooper"), ("My door is always open.", "Jane Cooper")]


def test_a_single_answer_line_is_no_interview():
    text = "Headline\n\nJane Cooper spoke to us.\n\nQ: Is it over?\n\nA: Not yet, she said."
    assert [q.text for q in extract(load_plain(text, "t.txt")).quotes] == []


def test_pronoun_resolves_to_the_last_named_speaker():
    text = (f"Headline\n\nThe deputy mayor, Tom Hardy, spoke to reporters. Alexander Matsegora "
            f"commented on the plan in an interview.\n\n\"{SPEECH},\" he said.")
    quote = quote_in(text)
    assert quote.speaker_mention == "he"  # the nearest mention, as written
    assert quote.speaker == "Alexander Matsegora"


def test_surname_resolves_to_the_full_name_in_the_article():
    text = f'Headline\n\nAmbassador Alexander Matsegora visited the port.\n\n"{SPEECH}," Matsegora said.'
    assert quote_in(text).speaker == "Alexander Matsegora"


def test_acronym_resolves_when_the_article_defines_it():
    text = (f"Headline\n\nThe Institute for the Study of War (ISW) published a report.\n\n"
            f'"{SPEECH}," ISW wrote.')
    assert quote_in(text).speaker == "Institute for the Study of War"


def test_leading_the_and_titles_are_dropped_from_the_canonical_name():
    quote = quote_in(f'Headline\n\n"{SPEECH}." – The Institute for the Study of War')
    assert quote.speaker_mention == "The Institute for the Study of War"
    assert quote.speaker == "Institute for the Study of War"


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker():
    text = f'Headline\n\nHe met Alexander Matsegora, who said "{SPEECH}."'
    quote = quote_in(text)
    assert quote.speaker_mention == "who"
    assert quote.speaker == "Alexander Matsegora"


def test_next_sentence_tag_does_not_steal_the_previous_quote():
    text = (f'Headline\n\nJohn Brown said, "{SPEECH}." Mary Green added, "We agree with all of that '
            f'and more."')
    quotes = [q for q in extract(load_plain(text, "t.txt")).quotes]
    assert [q.speaker for q in quotes] == ["John Brown", "Mary Green"]


def test_unattributed_quote_continues_the_previous_speaker_in_the_paragraph():
    text = f'Headline\n\n"{SPEECH}," Maria Lopez said. "Nobody will be left behind in the end."'
    quotes = extract(load_plain(text, "t.txt")).quotes
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]


@pytest.mark.parametrize("mention, name", [
    ("Councilman Tom Lee", "Tom Lee"), ("Council member Tom Lee", "Tom Lee"),
    ("Press secretary Josh Earnest", "Josh Earnest"), ("Secretary of State John Kerry", "John Kerry"),
    ("Institute for the Study of War", "Institute for the Study of War"),
    ("Doctors without Borders", "Doctors without Borders"), ("the spokesman", "spokesman"),
])
def test_job_titles_are_stripped_but_organisation_names_kept(mention, name):
    from search.extract.speakers.resolver import strip_name

    assert strip_name(mention) == name


def test_a_later_description_resolves_to_its_fuller_form_earlier():
    text = ('Headline\n\nThe Lords transport select committee called the scheme "reckless". The minister '
            'disagreed.\n\nThe select committee said the ferries had been "badly maintained for a decade".')
    speakers = [q.speaker for q in extract(load_plain(text, "t.txt")).quotes]
    assert speakers == ["Lords transport select committee"] * 2


@pytest.mark.parametrize("body, claimer", [
    ("Tesco reported a rise in profit on Wednesday.\n\nThe company said it plans to open 60 new stores.", "Tesco"),
    ("Tesco reported a rise in profit on Wednesday.\n\nThe firm said it plans to open 60 new stores.", "Tesco"),
    ("Kelly Holmes won again on Sunday. Holmes was delighted.\n\nThe 34-year-old said she would race in March.",
     "Kelly Holmes"),
])
def test_a_claims_definite_description_resolves_like_a_quotes(body, claimer):
    [claim] = [c for c in extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims if "plans" in c.text
               or "race" in c.text]
    assert claim.claimer == claimer


@pytest.mark.parametrize("opener", ["Another", "Monitoring", "Overall", "Anglo-Dutch", "Previous"])
def test_a_word_opening_a_sentence_is_no_firm_for_the_firm(opener):
    body = f"{opener} results came out on Monday.\n\nThe company said it plans to open 60 new stores."
    [claim] = [c for c in extract(load_plain(f"results day\n\n{body}", "t.txt")).claims if "plans" in c.text]
    assert claim.claimer == "company"


def test_it_after_the_company_opens_a_sentence_is_that_firm():
    body = ("Tesco reported a rise in profit on Wednesday.\n\nAnalysts at Barclays said they expected more.\n\n"
            "Like-for-like sales grew 3.7%. The company employs 330,000 people. It plans to open 60 new stores.")
    [claim] = [c for c in extract(load_plain(f"results day\n\n{body}", "t.txt")).claims if "60 new" in c.text]
    assert claim.claimer == "Tesco"


@pytest.mark.parametrize("body, speaker", [
    # a name's particles are part of it, and a name of three words before one goes by its last
    (f'Brazilian President Luiz Inacio Lula da Silva spoke first.\n\n"{SPEECH}," Lula said.',
     "Luiz Inacio Lula da Silva"),
    (f'"{SPEECH}," said Ursula von der Leyen.', "Ursula von der Leyen"),
    (f'Joop den Uyl opened the debate.\n\n"{SPEECH}," den Uyl said.', "Joop den Uyl"),
])
def test_names_with_particles(body, speaker):
    assert quote_in(f"Headline\n\n{body}").speaker == speaker


def test_a_person_described_after_the_name_is_the_next_pronoun():
    text = (f'Headline\n\n"{SPEECH}," Rui Costa said.\n\n'
            f'Marina Prado, the environment minister, blamed land-grabbers. "This is crime," she told the paper.')
    quotes = [q for q in extract(load_plain(text, "t.txt")).quotes if q.kind == "quote"]
    assert [q.speaker for q in quotes] == ["Rui Costa", "Marina Prado"]


@pytest.mark.parametrize("medium", ["a translation of his remarks", "an official English translation",
                                    "a transcript released by his office"])
def test_according_to_a_medium_keeps_the_speaker(medium):
    quote = quote_in(f'Headline\n\n"{SPEECH}," Rui Costa said in the capital, according to {medium}.')
    assert quote.speaker == "Rui Costa"


def test_according_to_an_outlet_still_names_the_outer_source():
    assert quote_in(f'Headline\n\n"{SPEECH}," Rui Costa said, according to the Daily Courier.').speaker \
        == "Daily Courier"


def test_a_job_word_opening_a_sentence_makes_its_name_the_next_pronoun():
    text = ('Headline\n\nA spokeswoman said crews would work through the night.\n\n'
            'Reader Anna Berg sent us this picture of a fallen tree. "It just missed our car," she wrote.')
    quotes = [q for q in extract(load_plain(text, "t.txt")).quotes if q.kind == "quote"]
    assert [q.speaker for q in quotes] == ["Anna Berg"]


@pytest.mark.parametrize("body, speaker", [
    (f'"{SPEECH}," said team doctor Simon Kerr.', "Simon Kerr"),
    (f'"{SPEECH}," said eyewitness Maria Lopez.', "Maria Lopez"),
])
def test_ordinary_peoples_jobs_are_no_part_of_the_name(body, speaker):
    assert quote_in(f"Headline\n\n{body}").speaker == speaker


def test_a_participle_is_no_speaker():
    from search.extract.speakers.names import is_junk
    assert is_junk("having") and is_junk("rallying") and not is_junk("Browning") and not is_junk("King")


def _quote_speakers(text: str) -> list[str]:
    return [q.speaker for q in extract(load_plain(text, "t.txt")).quotes if q.kind == "quote"]


def test_chinese_names_go_by_the_family_name_first():
    text = ("Headline\n\nPremier Zhao Minghui said on Thursday the target was ambitious.\n\n"
            f'"{SPEECH}," Zhao said.\n\nTrade Minister Zhao Lin, who is no relation, spoke later. '
            '"We will not be intimidated," Zhao Lin said. Ms Wang Tao of the central bank agreed. '
            '"Growth will slow," Ms Wang said.')
    assert _quote_speakers(text) == ["Zhao Minghui", "Zhao Lin", "Wang Tao"]


@pytest.mark.parametrize("name", ["Lee Anderson", "Kim Howells"])
def test_a_western_name_keeps_its_surname_last(name):
    first, last = name.split()
    text = f'Headline\n\n{name} opened the debate.\n\n"{SPEECH}," {last} said.'
    assert _quote_speakers(text) == [name]


def test_two_people_of_one_surname_the_last_named_speaks():
    text = ("Headline\n\nThe second contest has begun with the help of the brother of Simon Farrow.\n\n"
            f'Writer Tony Farrow is among the judges. "{SPEECH}," said Farrow, 54.\n\n'
            '"It is very hard to find an agent," said Farrow.')
    assert _quote_speakers(text) == ["Tony Farrow", "Tony Farrow"]


@pytest.mark.parametrize("opening", ["Classy", "Dogged", "Whilst", "Comic"])
def test_a_headline_word_before_a_surname_is_no_second_person(opening):
    text = (f"{opening} Hallam wins in Dubai\n\nDan Hallam beat the top seed on Monday.\n\n"
            f'"{SPEECH}," said Hallam.')
    assert _quote_speakers(text) == ["Dan Hallam"]


def test_a_name_opening_with_an_accented_capital_is_a_full_name():
    text = (f"Headline\n\nFinance Minister Éric Lombard spoke on Tuesday.\n\n\"{SPEECH},\" Lombard said. "
            "The minister said savings would follow.")
    found = extract(load_plain(text, "t.txt"))
    assert [q.speaker for q in found.quotes if q.kind == "quote"] == ["Éric Lombard"]
    assert [c.claimer for c in found.claims] == ["Éric Lombard"]


def _claimers(text: str) -> list[str]:
    return [c.claimer for c in extract(load_plain(text, "t.txt")).claims]


def test_the_fed_is_the_federal_reserve():
    text = ("Headline\n\nThe Federal Reserve left rates unchanged on Wednesday.\n\n"
            "The Fed said inflation remained elevated.")
    assert _claimers(text) == ["Federal Reserve"]
    assert _claimers("Headline\n\nThe Fed said inflation remained elevated.") == ["Federal Reserve"]


def test_the_central_bank_is_the_one_named_last_not_another_bank():
    text = ("Headline\n\nThe World Bank cut its forecast. The Bank of Norway raised rates on Thursday.\n\n"
            "The central bank said inflation would ease next year.")
    assert _claimers(text) == ["Bank of Norway"]


def test_they_after_a_group_opening_a_sentence_is_that_group():
    text = ("Headline\n\nA large study published in a journal found aspirin cut the risk by 20%.\n\n"
            "Researchers at the University of Oxford followed 120,000 adults. They found that 1,020 developed cancer.")
    assert _claimers(text)[-1] == "Researchers at the University of Oxford"


@pytest.mark.parametrize("described, office", [("Deputy Prime Minister John Prescott", "prime minister"),
                                               ("Shadow Chancellor Oliver Letwin", "chancellor"),
                                               ("former chancellor Ken Clarke", "chancellor"),
                                               ("Aid minister Hilary Dunn", "prime minister")])
def test_a_deputy_shadow_or_former_holder_is_not_the_office(described, office):
    text = f"Headline\n\n{described} spoke first.\n\nThe {office} said the plan would go ahead."
    assert _claimers(text) == [office]


@pytest.mark.parametrize("name", ["Lee Jae-myung", "Ahn Gyu-back", "Ban Ki-moon"])
def test_korean_names_go_by_the_family_name_first(name):
    text = f"Headline\n\n{name} called an emergency meeting.\n\n\"{SPEECH},\" {name.split()[0]} said."
    assert _quote_speakers(text) == [name]


@pytest.mark.parametrize("body, speaker", [
    (f'"{SPEECH}," a person familiar with the plans said.', "person familiar with the plans"),
    (f'"{SPEECH}," said people familiar with the talks.', "people familiar with the talks"),
    (f'"{SPEECH}," sources close to the minister said.', "sources close to the minister"),
])
def test_who_an_unnamed_source_is_close_to_is_not_the_speaker(body, speaker):
    assert quote_in(f"Headline\n\n{body}").speaker == speaker


def test_a_capital_inside_a_word_or_after_an_abbreviations_dot_opens_no_name():
    text = ("Headline\n\nSales rose in the UK. Cadbury said the results were strong.\n\n"
            "Apple on Tuesday unveiled the iPhone 17 with the A19 chip. Prices start at $799, the company said.")
    found = extract(load_plain(text, "t.txt"))
    assert [c.claimer for c in found.claims] == ["Cadbury", "Apple"]
    assert [f.claimer for f in found.figures if f.text == "$799"] == ["Apple"]


def test_a_job_set_off_by_a_comma_before_a_clause_names_nobody_else():
    quote = quote_in(f'Headline\n\n"{SPEECH}," said the firm\'s chairman, adding that profits rose.')
    assert quote.speaker_mention == "the firm's chairman"


def test_a_speakers_job_between_quote_and_name_is_no_claim():
    text = f'Headline\n\n"{SPEECH}," the club\'s chairman, Maria Lopez, said.'
    extraction = extract(load_plain(text, "t.txt"))
    assert [q.speaker for q in extraction.quotes] == ["Maria Lopez"] and extraction.claims == []


def test_a_relative_named_as_one_is_not_who_the_bare_surname_means():
    text = ('Headline\n\nJimi Rowe changed rock music. His father, Al Rowe, said he was a quiet boy. '
            f'"{SPEECH}," Rowe once said.')
    assert quote_in(text).speaker == "Jimi Rowe"


def test_a_bracketed_line_in_a_transcript_is_nobodys_speech():
    text = ("Headline\n\nWALLACE: Will you raise taxes?\n\nSMITH: No.\n\n(LAUGHTER)\n\nWALLACE: Really?")
    assert "(LAUGHTER)" not in [q.text for q in extract(load_plain(text, "t.txt")).quotes]


@pytest.mark.parametrize("body, speaker", [
    # the subject of a passive verb of saying is who is spoken of: the words are someone unnamed's
    ('The government has been accused of underfunding research, leading to a "brain-drain" of talent.', None),
    # ... unless the passive raises him to speak ('is alleged to have') or he answers later
    ('Mr Cole is alleged to have told the minister: "There is nothing you could ever say to me now."', "Cole"),
    ('When Mr Cole was asked whether he was taking a risk he replied: "As much as anyone crossing a road."', "Cole"),
])
def test_who_a_passive_cue_speaks_of_does_not_say_the_quote(body, speaker):
    quotes = extract(load_plain(f"Headline\n\n{body}", "t.txt")).quotes
    assert [q.speaker for q in quotes] == [speaker]
