"""Linking within a document, on real sentences."""

from __future__ import annotations

import pytest

from newsgraph.names import (
    abbreviated_name,
    abbreviates,
    fold,
    given_names_compatible,
    is_acronym,
    parse_person,
)


def entity_of(ex, name):
    hits = [e for e in ex.entities if name in e.aliases or e.name == name]
    assert len(hits) == 1, f"{name!r} in {[(e.name, e.aliases) for e in ex.entities]}"
    return hits[0]


def test_full_name_nickname_and_surname_are_one_person(extract):
    ex = extract(
        "Defense Secretary James Mattis arrived in Kabul. Jim Mattis met troops there. "
        "Mattis’ visit was brief, and Mattis said little."
    )
    mattis = entity_of(ex, "Mattis")
    assert mattis.type == "PERSON"
    assert {"James Mattis", "Jim Mattis", "Mattis"} <= set(mattis.aliases)
    assert any("Secretary" in t for t in mattis.titles)
    assert not any(e.name == "Defense" for e in ex.entities)


def test_possessive_with_either_apostrophe(extract):
    ex = extract("Donald Trump spoke on Monday. Trump’s remarks and Trump's tweets followed.")
    trump = entity_of(ex, "Trump")
    assert trump.name == "Donald Trump"
    assert trump.mentions >= 3
    assert all("’" not in a and "'" not in a for a in trump.aliases)


def test_quoted_nickname_and_suffix(extract):
    ex = extract(
        "The plan was drafted by Lt. General Kenneth “Frank” McKenzie Jr., the planning chief. "
        "McKenzie later briefed reporters."
    )
    mck = entity_of(ex, "McKenzie")
    assert mck.type == "PERSON"
    assert mck.name.startswith("Kenneth McKenzie")


def test_acronym_formed_from_word_starts(extract):
    ex = extract(
        "Officials at U.S. Central Command were wary. CENTCOM did not respond to questions, "
        "and CENTCOM later issued a statement."
    )
    centcom = entity_of(ex, "CENTCOM")
    assert "U.S. Central Command" in centcom.aliases
    assert centcom.type == "ORG"


def test_acronym_defined_in_parentheses(extract):
    ex = extract(
        "The Committee to Protect Journalists (CPJ) issued a report. "
        "CPJ said ten reporters were jailed."
    )
    cpj = entity_of(ex, "CPJ")
    assert any("Committee" in a for a in cpj.aliases)


def test_a_hyphenated_acronym_and_a_name_cut_before_its_last_words(extract):
    ex = extract(
        "He opposed the ruling Zimbabwe African National Union-Patriotic Front (ZANU-PF) "
        "party. In 2020, he joined ZANU-PF."
    )
    assert "Zimbabwe African National Union-Patriotic Front" in entity_of(ex, "ZANU-PF").aliases
    # the model cuts the name at "and the" and tags "Levant" a place
    ex = extract(
        "Carter thanked Estonia for its role in the coalition against the Islamic State of Iraq "
        "and the Levant.\n\nThey discussed the defeat of ISIL and more."
    )
    assert "Islamic State of Iraq and the Levant" in entity_of(ex, "ISIL").aliases
    # but a name is no longer than the text's acronyms say
    ex = extract("The Ministry of Defence and the Army met. The Ministry of Defence said so.")
    assert "Ministry of Defence" in {e.name for e in ex.entities}


def test_acronym_defined_after_a_comma_and_or(extract):
    # FARC is Spanish: it spells no English word of the name, so only the text defines it.
    ex = extract(
        "Representatives of the Revolutionary Armed Forces of Colombia, or FARC met on "
        "Wednesday. FARC spokesman Raul Reyes called the encounter cordial."
    )
    farc = entity_of(ex, "FARC")
    assert "Revolutionary Armed Forces of Colombia" in farc.aliases
    listed = extract(
        "The North Atlantic Treaty Organization met in Brussels. Officials of the European "
        "Union, or NATO, said nothing."
    )
    assert "European Union" not in entity_of(listed, "NATO").aliases


def test_people_sharing_a_surname_stay_apart(extract):
    ex = extract(
        "Hillary Clinton spoke in Iowa. Bill Clinton spoke in Ohio. Clinton later left for Texas."
    )
    people = [e for e in ex.entities if e.type == "PERSON"]
    names = {e.name for e in people}
    assert {"Hillary Clinton", "Bill Clinton"} <= names
    lone = [e for e in people if e.name == "Clinton"]
    assert lone and all(e.ambiguous for e in lone)


def test_surname_read_before_a_second_bearer_is_named_is_the_first(extract):
    ex = extract(
        "Betty Bowes was an American painter. Bowes was born in Philadelphia. "
        "She married the engineer Thomas David Bowes in 1935. Bowes later moved to Texas."
    )
    betty = entity_of(ex, "Betty Bowes")
    assert "Bowes" in betty.aliases and not betty.ambiguous
    # After the second Bowes is named, the surname could be either of them.
    later = [e for e in ex.entities if e.name == "Bowes"]
    assert later and all(e.ambiguous for e in later)
    assert "Bowes" not in entity_of(ex, "Thomas David Bowes").aliases


def test_surname_a_role_noun_introduces_is_someone_new(extract):
    ex = extract(
        "Vineeth Sreenivasan is an Indian singer. Vineeth is the son of the actor Sreenivasan. "
        "His brother Dhyan Sreenivasan is an actor."
    )
    assert "Sreenivasan" not in entity_of(ex, "Vineeth Sreenivasan").aliases


def test_surname_is_not_a_relative_the_text_introduced_as_such(extract):
    ex = extract(
        "Rufus Seaman Carter was a farmer in Nova Scotia. He was born in Cumberland County, "
        "the son of William Dobson Carter and Elizabeth Ann Reed. Carter attended the military "
        "college in Fredericton."
    )
    rufus = entity_of(ex, "Rufus Seaman Carter")
    assert "Carter" in rufus.aliases and not rufus.ambiguous
    assert "Carter" not in entity_of(ex, "William Dobson Carter").aliases


@pytest.mark.parametrize(
    "text",
    [
        # The son is introduced by his father's name, not as the relative of the story's person.
        "John Reid owns a farm in Ohio. John Reid's son Mark Reid was arrested on Monday. "
        "Reid was released on bail.",
        # A relative introduced as "his son" may be the one the story goes on to quote.
        "Tony DiLeo was appointed coach. His son, T.J. DiLeo, is a guard for Temple. "
        '"My dad is ready to step in," DiLeo said.',
    ],
)
def test_surname_stays_ambiguous_between_a_person_and_a_relative_of_his(extract, text):
    lone = [
        e
        for e in extract(text).entities
        if e.name.endswith(("Reid", "DiLeo")) and " " not in e.name
    ]
    assert lone and all(e.ambiguous for e in lone)


def test_type_is_voted_over_mentions(extract):
    # The small model tags some lone surnames ORG or NORP; the entity is the person.
    ex = extract(
        "Sergey Kislyak met officials. According to intercepted communications from Kislyak, "
        "the talks went well. Kislyak declined to comment."
    )
    assert entity_of(ex, "Kislyak").type == "PERSON"


def test_boilerplate_is_not_an_entity(extract):
    ex = extract(
        "Photo Illustration by Lyne Lucien/The Daily Beast\n\n"
        "Angela Merkel met Emmanuel Macron in Berlin on Tuesday.\n\n"
        "By clicking “Subscribe,” you agree to have read the Terms of Use and Privacy Policy"
    )
    names = {a for e in ex.entities for a in e.aliases}
    assert "Lyne Lucien" not in names
    assert "Angela Merkel" in names


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("CENTCOM", "U.S. Central Command", True),
        ("NSC", "National Security Council", True),
        ("FBI", "Federal Bureau of Investigation", True),
        ("U.S.", "United States", True),
        ("ISIS", "Islamic State", False),
        ("NATO", "United Nations", False),
    ],
)
def test_abbreviates(short, long, expected):
    assert abbreviates(short, long) is expected


def test_name_helpers():
    assert is_acronym("CENTCOM") and is_acronym("U.S.") and not is_acronym("Trump")
    mike, michael = parse_person("Mike Flynn"), parse_person("Michael Flynn")
    assert given_names_compatible(mike, michael)
    assert not given_names_compatible(parse_person("John Kerry"), parse_person("Frances Kerry"))
    assert parse_person("Kenneth “Frank” McKenzie Jr.").nickname == "Frank"


def test_bare_office_is_not_a_foreign_holder(extract):
    # In a White House readout "the President" is not the French President.
    ex = extract(
        "Today the President spoke by phone with French President Nicolas Sarkozy. "
        "The President congratulated him."
    )
    sarkozy = next(e for e in ex.entities if e.name == "Nicolas Sarkozy")
    assert not any(a.lower() == "the president" for a in sarkozy.aliases)


@pytest.mark.parametrize(
    "text, other",
    [
        (
            "The President met with Soviet Foreign Minister Eduard Shevardnadze this morning. "
            "The President said the talks were useful.",
            "Eduard Shevardnadze",
        ),
        (
            "Today the President spoke by phone with French President Nicolas Sarkozy. "
            "The President thanked him.",
            "Nicolas Sarkozy",
        ),
    ],
)
def test_an_office_the_text_never_names_is_a_person_of_its_own(extract, text, other):
    # A White House readout may never name "The President": he is still a party to the call,
    # one node for the document, ambiguous because the text does not say who he is.
    ex = extract(text)
    holder = entity_of(ex, "the President")
    assert holder.type == "PERSON" and holder.ambiguous and holder.mentions == 2
    partner = entity_of(ex, other)
    assert holder.id != partner.id
    assert any(
        r.type == "met" and {r.source, r.target} == {holder.id, partner.id} for r in ex.relations
    )


def test_an_untitled_lead_subject_may_hold_the_office(extract):
    # "The Foreign Secretary" is Boris Johnson, named without his title: no second node
    ex = extract(
        "Boris Johnson met the Iraqi Foreign Minister, Ibrahim al- Jaafari in London today.\n"
        "A Foreign Office spokesman said:\n“The Foreign Secretary met the Iraqi Foreign "
        "Minister, Ibrahim al-Jaafari, to discuss a range of issues including the ongoing fight. "
        "They also discussed military, humanitarian and stabilisation planning.\n“The Foreign "
        "Secretary underlined the UK’s commitment to supporting the government of Iraq.”"
    )
    assert not any(e.name == "the Foreign Secretary" for e in ex.entities)


def test_an_office_held_with_a_nationality_makes_no_unnamed_holder(extract):
    ex = extract(
        "Ukrainian president Viktor Yushchenko dismissed his government. Analysts expect a "
        "standoff between the President and his dismissed ministers."
    )
    assert not any(e.name == "the President" for e in ex.entities)


@pytest.mark.parametrize(
    "text, word",
    [
        ("John Negroponte reviewed the issues with Internally Displaced Persons.", "Persons"),
        (
            "President Hollande met the Prime Minister. The Foreign, Home and Defence "
            "Secretaries also attended, meeting their French counterparts.",
            "Secretaries",
        ),
    ],
)
def test_a_group_of_people_is_no_organization(extract, text, word):
    assert not any(word in e.name for e in extract(text).entities)


def test_an_office_a_named_person_holds_makes_no_unnamed_holder(extract):
    ex = extract(
        "President Hosni Mubarak met the Foreign Minister of Jordan. "
        "The President said the talks were useful."
    )
    mubarak = entity_of(ex, "Hosni Mubarak")
    assert "the President" in mubarak.aliases
    assert not any(e.name == "the President" for e in ex.entities)


@pytest.mark.parametrize(
    "text",
    [
        "Attendees included Assistant to the President for Homeland Security Lisa Monaco and "
        "Secretary of State John Kerry.",
        "President Samia Suluhu Hassan took office in March. Minister James Duddridge held "
        "talks with the President and Foreign Minister Liberata Mulamula.",
    ],
)
def test_an_office_inside_a_title_is_no_unnamed_holder(extract, text):
    # "to the President" serves Monaco's title; "Foreign Minister" is Mulamula's title.
    ex = extract(text)
    assert not any(e.name in ("the President", "the Foreign Minister") for e in ex.entities)


def test_a_couple_is_two_people(extract):
    # "The President and Mrs. Reagan", "General Secretary and Mrs. Gorbachev": husband and
    # wife share a surname; "Mrs. Gorbachev" is not the General Secretary.
    ex = extract(
        "The President and Mrs. Reagan telephoned General Secretary and Mrs. Gorbachev this "
        "morning. The President spoke to the General Secretary, and Mrs. Reagan spoke to Mrs. "
        "Gorbachev. The President told General Secretary Gorbachev he was sorry."
    )
    assert {e.name for e in ex.entities if "Gorbachev" in e.name} == {
        "Gorbachev",
        "Mrs. Gorbachev",
    }
    reagan = entity_of(ex, "Mrs. Reagan")
    assert "the President" not in reagan.aliases
    assert any(e.name == "the President" for e in ex.entities)


def test_a_lesser_office_is_not_the_office(extract):
    ex = extract(
        "President Ronald Reagan met Mikhail Gorbachev. Both the Vice President and I enjoyed "
        "meeting with you, the President said."
    )
    reagan = entity_of(ex, "Ronald Reagan")
    assert not any("Vice" in a for a in reagan.aliases)


def test_a_press_secretary_is_not_the_defense_secretary(extract):
    ex = extract(
        "Defense Secretary Chuck Hagel met Prime Minister Narendra Modi, Pentagon Press Secretary "
        "Navy Rear Adm. John Kirby said. The topics included Iraq, the press secretary said. "
        "Modi's agenda was part of Hagel’s discussion with Modi, Kirby said."
    )
    hagel = entity_of(ex, "Chuck Hagel")
    assert "the press secretary" not in hagel.aliases
    assert entity_of(ex, "John Kirby").type == "PERSON"
    assert not any(e.name == "Rear" for e in ex.entities)
    assert all(e.type == "PERSON" for e in ex.entities if e.name == "Hagel" or "Hagel" in e.aliases)


def test_description_joins_the_office_holder(extract):
    ex = extract(
        "Prime Minister Rishi Sunak welcomed Joe Biden to Downing Street. "
        "The Prime Minister said the talks were warm."
    )
    sunak = next(e for e in ex.entities if e.name == "Rishi Sunak")
    assert "the Prime Minister" in sunak.aliases


def test_an_initial_never_bridges_two_given_names(extract):
    ex = extract(
        "John Smith met Tony Blair. J. Smith later met Xi Jinping. "
        "Jane Smith criticized Tony Blair."
    )
    smiths = [e for e in ex.entities if "Smith" in e.name]
    assert not any({"John Smith", "Jane Smith"} <= set(e.aliases) for e in smiths)


def same_entity(ex, a, b):
    return entity_of(ex, a).id == entity_of(ex, b).id


def test_acronym_run_into_its_name_and_untagged_acronyms(extract):
    ex = extract(
        "The games are run by the Olympic Council of Asia (OCA) in Kuwait. "
        "Officials of OCA met on Monday, and OCA later issued rules. "
        "The National Turkey Federation represents growers. NTF lobbies Congress."
    )
    assert same_entity(ex, "OCA", "Olympic Council of Asia")
    assert same_entity(ex, "NTF", "National Turkey Federation")
    assert entity_of(ex, "OCA").mentions >= 3


def test_a_quoted_body_name_and_its_acronym_spelled_out_letter_by_letter(extract):
    # VOA scripts quote a body's name (tagged a work of art) and spell acronyms read as letters
    ex = extract(
        'The leader of one of the rebel groups, "The Movement for the Liberation of Congo", '
        "has signed the agreement. Friday, the M-L-C announced it had captured the town of Zongo."
    )
    body = entity_of(ex, "Movement for the Liberation of Congo")
    assert body.type == "ORG"
    assert "M-L-C" in body.aliases, body
    assert is_acronym("M-L-C") and not is_acronym("M-L-c") and not is_acronym("A-level")


@pytest.mark.parametrize(
    ("text", "unit", "whole"),
    [
        (
            "WASHINGTON – Today, the U.S. Department of the Treasury’s Office of Foreign Assets "
            "Control (OFAC) designated six officials. OFAC acted with the State Department.",
            "Office of Foreign Assets Control",
            "Department of the Treasury’s Office of Foreign Assets Control",
        ),
        (
            "The Pentagon's Office of Net Assessment studied China. The Pentagon declined comment.",
            "Office of Net Assessment",
            "Pentagon's Office of Net Assessment",
        ),
    ],
)
def test_a_body_run_into_the_name_of_its_unit_is_two_bodies(extract, text, unit, whole):
    ex = extract(text)
    names = {a for e in ex.entities for a in e.aliases}
    assert unit in names and not any(whole in a for a in names), names
    if "OFAC" in text:
        assert same_entity(ex, "OFAC", unit)


def test_a_countrys_government_written_three_ways_is_one_body(extract):
    ex = extract(
        "The Government of Somalia must act. The Somalia government said it would, and the "
        "Somali government met Kenya's government."
    )
    assert same_entity(ex, "Government of Somalia", "Somalia government")
    assert same_entity(ex, "Government of Somalia", "Somali government")
    assert not same_entity(ex, "Government of Somalia", "Kenya's government")


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        (  # a rival government claims the country
            "The Syrian interim government criticized the Syrian government over the airstrikes.",
            "Syrian interim government",
            "Syrian government",
        ),
        (  # the data gives both demonyms to Serbia and Montenegro
            "The Serbian government criticized the Montenegrin government over the church law.",
            "Serbian government",
            "Montenegrin government",
        ),
        (  # a U.S. state's government
            "The Georgia government, led by Governor Brian Kemp, sued. The Georgian government in "
            "Tbilisi met EU officials.",
            "Georgia government",
            "Georgian government",
        ),
    ],
)
def test_governments_that_may_differ_stay_apart(extract, text, one, other):
    assert not same_entity(extract(text), one, other)


def test_a_possessive_inside_a_bodys_own_name_is_kept(extract):
    ex = extract(
        "The People's Liberation Army held drills. The Women's Refugee Commission objected."
    )
    names = {e.name for e in ex.entities}
    assert {"People's Liberation Army", "Women's Refugee Commission"} <= names, names


@pytest.mark.parametrize(
    ("text", "full", "alone"),
    [
        (  # the surname cut off and left untagged, then tagged a body
            "Defense Secretary Chuck Hagel today welcomed Portuguese Minister of Defense Jose "
            "Pedro Aguiar-Branco to the Pentagon. Hagel also thanked Aguiar-Branco for "
            "Portugal’s hospitality.",
            "Jose Pedro Aguiar-Branco",
            "Aguiar-Branco",
        ),
        (  # the surname cut off and tagged a place, here and later
            "It was all smiles as Pakistan Foreign Minister Shah Mahmood Qureshi and his Indian "
            "counterpart emerged from an hour-long talk. Indian and Pakistani officials say "
            "Qureshi and Indian Foreign Minister Pranab Mukherjee discussed all relevant issues.",
            "Shah Mahmood Qureshi",
            "Qureshi",
        ),
        (  # a given name the model left out after a title
            "It was the first chance Navy Adm. Mike Mullen and Pakistani Gen. Asfaq Parvez Kayani "
            "have had to meet. He and Kayani brought those up, Mullen said.",
            "Asfaq Parvez Kayani",
            "Kayani",
        ),
        (  # the Arabic article hyphenated or written apart
            "Iraqi Prime Minister Nouri al-Maliki is in Syria. Prime Minister Nouri al Maliki "
            "met officials. Maliki gave an assessment.",
            "Nouri al-Maliki",
            "Maliki",
        ),
        (  # a full name tagged a body whose first word is the person's name on its own
            "Prime Minister Hun Sen met with his Thai counterpart, Abhisit Vejjajiva, on Friday. "
            "Speaking to VOA ahead of the meeting, Abhisit said he hoped for a good conversation.",
            "Abhisit Vejjajiva",
            "Abhisit",
        ),
        (  # an office's name run into its holder's, with a country in it
            "The Department of State has designated former Prime Minister of the Republic of "
            "North Macedonia Nikola Gruevski. Gruevski was involved in corrupt acts.",
            "Nikola Gruevski",
            "Gruevski",
        ),
        (  # a surname nameparser takes for a credential ("CEM")
            "Turkish Foreign Minister Ismail Cem says he has proposed a joint committee. Mr. Cem "
            "said Greece should answer.",
            "Ismail Cem",
            "Cem",
        ),
        (  # a full name tagged a body, with a given name no list knows
            "Croatia's new President-elect, Stipe Mesic, is in The Hague. Mr. Mesic says he will "
            "be democratic.",
            "Stipe Mesic",
            "Mesic",
        ),
        (  # family name first, tagged a place after a verb of speaking to someone
            "Chinese Defense Minister Liang Guanglie met Secretary Gates in Hanoi. Gates said he "
            "emphasized to Liang in today's meeting his long-held belief in dialogue.",
            "Liang Guanglie",
            "Liang",
        ),
        (  # a double surname
            "Liberian President Ellen Johnson Sirleaf will lead a delegation. Johnson Sirleaf "
            "said the reversal was unacceptable.",
            "Ellen Johnson Sirleaf",
            "Johnson Sirleaf",
        ),
        (  # an Arabic compound surname, whatever the given name
            "Presidential Secretary Tayeb Abdel Rahim read out the decrees. Abdel Rahim said "
            "Mr. Abbas will form a new government.",
            "Tayeb Abdel Rahim",
            "Abdel Rahim",
        ),
        (  # a nickname given after "alias"
            "He praised the operation against the FARC’s military leader, Jorge Briceño Suarez, "
            "alias “Mono Jojoy.” Briceño Suarez died in the raid.",
            "Jorge Briceño Suarez",
            "Mono Jojoy",
        ),
    ],
)
def test_a_persons_name_the_model_cut_or_mistagged_is_one_person(extract, text, full, alone):
    ex = extract(text)
    person = entity_of(ex, full)
    assert person.type == "PERSON"
    assert alone in person.aliases, [(e.name, e.type, e.aliases) for e in ex.entities]


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Vice President Han Zheng visited Urumqi. Uyghur groups accused Han settlers of "
        "taking their land.",
        "South Korean Prime Minister Han Duck-soo met Kishida in Tokyo. Later, floods along the "
        "Han submerged roads in Seoul.",
        "Chinese Defense Minister Wei Fenghe met Austin. Floods along the Wei river displaced "
        "thousands.",
    ],
)
def test_a_people_or_a_river_is_not_a_titled_persons_family_name(extract, text):
    person = next(e for e in extract(text).entities if e.type == "PERSON")
    assert person.aliases == [person.name], person.aliases


def test_a_given_name_beside_a_place_is_no_persons_name(extract):
    ex = extract(
        "Fans from Jordan Syria and Lebanon came. The show moved from Paris Texas. An Arizona "
        "Republican and a Christian Democrat spoke. They gathered in Austin Texas on Monday."
    )
    assert not any(e.type == "PERSON" for e in ex.entities), [(e.name, e.type) for e in ex.entities]


def test_a_place_named_like_a_person_of_the_story_stays_a_place(extract):
    ex = extract(
        "The actor Samuel Jackson starred in the film. The premiere was held in Jackson on Friday."
    )
    assert not same_entity(ex, "Samuel Jackson", "Jackson")


def test_a_place_in_parentheses_is_no_acronym(extract):
    ex = extract("He started at the Courier-Journal in Louisville (KY) and moved to Boston.")
    assert not any("KY" in e.aliases and "Louisville" in e.aliases for e in ex.entities)


def test_regnal_numbers_keep_kings_apart(extract):
    ex = extract(
        "James III was killed in 1488. His son James IV became king and ruled Scotland. "
        "James IV died at Flodden."
    )
    iii, iv = entity_of(ex, "James III"), entity_of(ex, "James IV")
    assert iii.id != iv.id


def test_name_that_is_a_surname_and_a_given_name_is_ambiguous(extract):
    ex = extract(
        "Ronald Leonard is an American cellist. He studied with Leonard Rose at Curtis. "
        "Leonard taught in Los Angeles."
    )
    ronald = entity_of(ex, "Ronald Leonard")
    assert "Leonard" not in ronald.aliases


def test_a_mountain_named_after_someone_is_no_person(extract):
    ex = extract(
        "Mount Shinn is a mountain in Antarctica. It was named by the committee for "
        "Conrad Shinn, a Navy pilot. Shinn flew many missions."
    )
    mount = entity_of(ex, "Mount Shinn")
    assert mount.type != "PERSON"
    assert "Shinn" not in mount.aliases


def test_a_newspaper_or_broadcaster_is_no_person(extract):
    ex = extract(
        "Dave Gaskin told the Timaru Herald that the pilot lacked experience. Pilot Jim "
        "Campbell told the Herald on Sunday that the victim was alive. Gerard Benezat told "
        "France Info that they are not afraid."
    )
    people = {e.name for e in ex.entities if e.type == "PERSON"}
    assert people == {"Dave Gaskin", "Jim Campbell", "Gerard Benezat"}, people


def test_full_name_tagged_otherwise_reads_as_a_person():
    from newsgraph.pipeline.link import _person_like

    assert _person_like("Leone Marucci") and _person_like("Fradique de Menezes") is False
    assert _person_like("Paul Chambers")
    for name in (
        "Loyola University Chicago",
        "Santa Elena",
        "Morgan Stanley Bank",
        "Betty Rymer Gallery",
        "Orlando Magic Club",
    ):
        assert not _person_like(name), name


def test_short_form_of_an_organization(extract):
    ex = extract(
        "The band signed with Epic Records in 1991. A year later Epic released their first "
        "album. Taito Corporation made the game. Taito later sold it. "
        "The singer studied at Oxford University and lived in Oxford."
    )
    assert same_entity(ex, "Epic", "Epic Records")
    assert same_entity(ex, "Taito", "Taito Corporation")  # the model took "Taito" for a person
    assert not same_entity(ex, "Oxford University", "Oxford")


def test_a_company_name_without_its_legal_form_is_the_company(extract):
    ex = extract(
        "US Airways Group Inc. was an airline holding company based in Tempe, Arizona. "
        "US Airways Group was formed in 1997 and ran US Airways until the merger."
    )
    assert same_entity(ex, "US Airways Group", "US Airways Group Inc.")
    assert same_entity(ex, "US Airways", "US Airways Group Inc.")


def test_a_possessive_split_off_by_tokenized_text_keeps_the_name():
    assert fold("People 's Republic of China") == fold("People's Republic of China")


def test_generic_head_stands_for_the_one_name_it_ends(extract):
    ex = extract(
        "The Philippine Commission was appointed in 1900. The Commission passed laws for "
        "the islands."
    )
    assert same_entity(ex, "Commission", "Philippine Commission")


def test_speaker_label_in_capitals(extract):
    ex = extract(
        "Press Briefing by National Security Advisor Tom Donilon\n\n"
        "MR. DONILON: Thank you. Good afternoon, everybody."
    )
    assert same_entity(ex, "Donilon", "Tom Donilon")


def test_conjoined_office_shares_the_article(extract):
    ex = extract(
        "President Obama spoke today by phone with Chancellor Angela Merkel of Germany. "
        "The President and Chancellor strongly condemned the airstrikes."
    )
    assert "the Chancellor" in entity_of(ex, "Angela Merkel").aliases


def test_family_name_written_first(extract):
    ex = extract("Zhou Enlai met the delegation in Beijing. Zhou praised the talks.")
    assert same_entity(ex, "Zhou", "Zhou Enlai")


def test_a_bare_office_after_a_second_holder_is_left_unresolved(extract):
    ex = extract(
        "President Bush urged talks. Kenyan President Mwai Kibaki met Raila Odinga. "
        "The president says he will not step down."
    )
    bush = next(e for e in ex.entities if e.name == "Bush")
    assert not any(a.lower() == "the president" for a in bush.aliases)
    # Named together, the bare title stays with its own holder.
    ex = extract(
        "President Barack Obama spoke with French President Francois Hollande. "
        "The President thanked him."
    )
    obama = next(e for e in ex.entities if e.name == "Barack Obama")
    assert any(a.lower() == "the president" for a in obama.aliases)


def test_a_name_after_a_title_is_a_person_whatever_the_model_tagged(extract):
    ex = extract(
        "South African President Thabo Mbeki met in Zimbabwe with President Robert Mugabe. "
        "President Mbeki said the talks would resume."
    )
    mbeki = [e for e in ex.entities if "Mbeki" in e.name]
    assert len(mbeki) == 1 and mbeki[0].type == "PERSON"


def test_a_title_run_into_a_name_is_cut_to_the_name(extract):
    ex = extract(
        "Raila Odinga met the U.S. Assistant Secretary of State for African Affairs Jendayi "
        "Frazer in Nairobi. Assistant Secretary Frazer criticized the commission."
    )
    frazer = [e for e in ex.entities if "Frazer" in e.name]
    assert len(frazer) == 1 and frazer[0].name == "Jendayi Frazer"
    assert frazer[0].type == "PERSON"


def test_the_leader_of_a_party_named_beside_the_party_holds_the_office(extract):
    ex = extract(
        "The leader of the opposition Orange Democratic Movement party, Raila Odinga, called "
        "off the protests. The opposition leader accuses Mwai Kibaki of rigging the vote."
    )
    odinga = next(e for e in ex.entities if e.name == "Raila Odinga")
    assert "the opposition leader" in odinga.aliases
    names = {e.id: e.name for e in ex.entities}
    assert ("opposed", "Raila Odinga", "Mwai Kibaki") in {
        (r.type, names[r.source], names[r.target]) for r in ex.relations
    }


def test_a_head_word_office_does_not_stand_for_a_longer_office(extract):
    ex = extract(
        "Foreign Minister Sergey Lavrov arrived in Paris. The prime minister said talks failed."
    )
    lavrov = next(e for e in ex.entities if e.name == "Sergey Lavrov")
    assert "the prime minister" not in lavrov.aliases


def test_titles_vice_president_and_an_advisor_to_the_president(extract):
    ex = extract(
        "During his visit Jeremy Hunt met Vice-President Mike Pence and Senior Advisor to the "
        "President Jared Kushner."
    )
    titles = {e.name: e.titles for e in ex.entities}
    assert titles["Mike Pence"] == ["Vice President"]
    assert "President" not in titles["Jared Kushner"]


def test_a_title_cut_at_a_function_word_is_no_organization(extract):
    ex = extract(
        "Boris Johnson will chair a meeting with the Special Representative of the United "
        "Nations Secretary General for Libya, Ghassan Salamé."
    )
    assert not any(e.name.endswith(" of the") or e.name.endswith(" of") for e in ex.entities)


def test_a_hyphenated_given_name_stays_whole(extract):
    ex = extract("Condoleezza Rice telephoned her South Korean counterpart Song Min-soon Saturday.")
    assert any(e.name == "Song Min-soon" for e in ex.entities)


def test_a_description_with_a_nationality_joins_that_nations_holder(extract):
    ex = extract(
        "Russian President Dmitry Medvedev met French President Nicolas Sarkozy in Moscow. "
        "In a joint news conference with Mr. Sarkozy, the Russian president lashed out at the "
        "west."
    )
    medvedev = next(e for e in ex.entities if e.name == "Dmitry Medvedev")
    sarkozy = next(e for e in ex.entities if e.name == "Nicolas Sarkozy")
    assert "the president" in medvedev.aliases
    assert "the president" not in sarkozy.aliases


def test_a_given_name_the_model_left_out_and_a_name_set_off_by_commas(extract):
    ex = extract(
        "Secretary of Defense Lloyd J. Austin III held talks with Adm. Dong Jun on Tuesday. "
        "Austin said they went well."
    )
    assert any(e.name == "Lloyd J. Austin III" and "Austin" in e.aliases for e in ex.entities)
    ex = extract(
        "Senator Dick Durbin and Senator John McCain met with Russia’s Ambassador to the "
        "United States, Sergey Kislyak, to discuss the crisis in Ukraine. The Ambassador "
        "repeated the same rationalizations."
    )
    kislyak = next(e for e in ex.entities if e.name == "Sergey Kislyak")
    assert any(a.lower() == "the ambassador" for a in kislyak.aliases)


def test_a_name_the_model_cut_in_two_is_one_person(extract):
    # The model tags "Rufus" an organization and "Seaman Carter" a person.
    ex = extract(
        "Rufus Seaman Carter was a farmer and political figure in Nova Scotia. Carter later "
        "attended the military college."
    )
    person = entity_of(ex, "Carter")
    assert person.name == "Rufus Seaman Carter" and not person.ambiguous
    assert not any(e.name == "Rufus" for e in ex.entities)


def test_a_qualified_place_and_an_ordinal_body_are_not_their_namesakes(extract):
    ex = extract(
        "Bohumín consists of Old Bohumín and industrial New Bohumín. The first Philippine "
        "Commission was appointed in 1899. The second Philippine Commission followed in 1900."
    )
    names = {e.name for e in ex.entities}
    assert "Old Bohumín" in names
    assert {"first Philippine Commission", "second Philippine Commission"} <= names


def test_a_full_name_with_a_quoted_nickname_is_one_person(extract):
    ex = extract(
        'Michael John "Mike" Padden is a lawyer from Spokane Valley. Padden is a member of the '
        "Washington State Senate."
    )
    padden = entity_of(ex, "Padden")
    assert padden.name == "Michael John Padden" and not padden.ambiguous
    # after a title: the name starts at its first given name
    ex = extract(
        "The United States is designating Yacyretá Bi-National Entity Legal Counsel Juan Carlos "
        "“Charly” Duarte for involvement in significant corruption. Duarte offered a bribe."
    )
    duarte = entity_of(ex, "Duarte")
    assert duarte.name == "Juan Carlos Duarte" and duarte.type == "PERSON"


def test_a_name_the_model_cut_before_its_last_words_runs_on(extract):
    ex = extract(
        "Opposition leader Maria Corina Machado spoke in Caracas. Qatari Prime Minister Mohammed "
        "bin Abdulrahman Al Thani arrived in Doha."
    )
    names = {e.name for e in ex.entities if e.type == "PERSON"}
    assert {"Maria Corina Machado", "Mohammed bin Abdulrahman Al Thani"} <= names


def test_a_cut_name_does_not_run_into_a_headline_word_or_a_title(extract):
    ex = extract(
        "Cheney Aide Indicted in Leak Probe\n\nPentagon Press Secretary Air Force Maj. Gen. Pat "
        "Ryder said during a briefing."
    )
    names = {e.name for e in ex.entities}
    assert "Cheney Aide" not in names and "Force Maj" not in names, names


def test_a_title_phrase_or_a_headline_is_no_untagged_name(extract):
    ex = extract(
        "Kenyan President Invites Rival to Talks\n\nSenate Majority Whip Dick Durbin met the "
        "ambassador."
    )
    names = {e.name for e in ex.entities}
    assert "Invites Rival" not in names and "Majority" not in names, names


def test_a_name_broken_at_its_particles_is_one_person(extract):
    ex = extract(
        "European Commission President Ursula von der Leyen held talks in Paris. Flights left "
        "Charles de Gaulle Airport."
    )
    names = {e.name for e in ex.entities}
    assert "Ursula von der Leyen" in names, names
    assert "Charles de Gaulle Airport" in names and "Leyen" not in names, names


def test_a_nations_leader_and_a_possessive_description_find_their_holder(extract):
    ex = extract(
        "Indian Prime Minister Narendra Modi landed in Moscow on Monday. The Indian leader held "
        "talks there. Canadian Prime Minister Justin Trudeau accused India of interference. "
        "India rejected the Canadian prime minister's allegations."
    )
    assert "the leader" in entity_of(ex, "Narendra Modi").aliases
    assert "the prime minister" in entity_of(ex, "Justin Trudeau").aliases


def test_the_leader_of_a_nation_with_two_leaders_named_stays_open(extract):
    ex = extract(
        "Indian Prime Minister Narendra Modi and Indian President Droupadi Murmu spoke. "
        "The Indian leader left."
    )
    assert not any("the leader" in e.aliases for e in ex.entities if e.type == "PERSON")


def test_a_headline_name_is_cut_back_to_what_the_body_writes_and_repeats_are_found(extract):
    ex = extract(
        "Dalai Lama Arrives in Washington  བོད་སྐད།\n\n"
        "The Dalai Lama has arrived in Washington for a five-day visit.\n\n"
        "Barack Obama is not scheduled to meet with the Dalai Lama."
    )
    people = {e.name: e for e in ex.entities if e.type == "PERSON"}
    assert "Dalai Lama" in people, people
    assert people["Dalai Lama"].mentions >= 3
    assert not any("Arrives" in name for name in people)


def test_headline_words_the_body_never_writes_are_no_person(extract):
    ex = extract(
        "Somali Prime Minister Disputes Firing\n\nSomalia's prime minister says the president "
        "does not have the right to fire him."
    )
    assert not any("Disputes" in e.name or "Firing" in e.name for e in ex.entities)


def test_surnames_of_a_headline_the_model_ran_into_one_name_are_the_bodys_people(extract):
    ex = extract(
        "Durbin, Shaheen, Welch Meet With Head Of Belarusian Opposition Leader Sviatlana "
        "Tsikhanouskaya\n\nWASHINGTON – Senator Dick Durbin, Senator Jeanne Shaheen and "
        "Senator Peter Welch today met with Sviatlana Tsikhanouskaya in Washington."
    )
    people = {e.name: e for e in ex.entities if e.type == "PERSON"}
    assert people["Jeanne Shaheen"].mentions == 2, people
    assert people["Peter Welch"].mentions == 2, people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Human Rights Watch criticized the ruling. The Human Rights Watch Foundation gave "
            "money.",
            "Human Rights Watch",
        ),
        ("Sunol Valley is in California. The Sunol Valley Rock Quarry is old.", "Sunol Valley"),
    ],
)
def test_a_repeat_that_runs_into_a_longer_name_is_not_the_name(extract, text, name):
    ex = extract(text)
    same = [e for e in ex.entities if e.name == name]
    assert all(e.mentions == 1 for e in same), [(e.name, e.mentions) for e in ex.entities]


def test_two_surnames_joined_by_a_hyphen_are_two_people(extract):
    ex = extract(
        "Ariel Sharon and Yasser Arafat were in Cairo. The Sharon-Arafat meeting went well."
    )
    names = {e.name for e in ex.entities if e.type == "PERSON"}
    assert names == {"Ariel Sharon", "Yasser Arafat"}
    # two surnames joined by "and" that the model tagged one body
    ex = extract(
        "President Salva Kiir and rebel leader Riek Machar are in Juba. A source said that Kiir "
        "and Machar discussed security."
    )
    assert {e.name for e in ex.entities} >= {"Salva Kiir", "Riek Machar"}
    assert not any("and" in e.name for e in ex.entities), [e.name for e in ex.entities]
    assert same_entity(ex, "Kiir", "Salva Kiir") and same_entity(ex, "Machar", "Riek Machar")
    # founders named without a title leave the firm that bears their names alone
    ex = extract(
        "The company was founded in 1837 by William Procter and James Gamble. In 2005, Procter "
        "and Gamble criticized Unilever over the advertising campaign."
    )
    assert "Procter and Gamble" in {e.name for e in ex.entities if e.type == "ORG"}
    one = extract("Jean-Pierre Raffarin spoke. Song Min-soon listened.")
    assert {"Jean-Pierre Raffarin", "Song Min-soon"} <= {e.name for e in one.entities}


def test_a_lone_title_word_is_no_person_unless_a_surname(extract):
    ex = extract(
        "Jeff Sessions met the Chinese State Councilor and Minister of Public Security Guo "
        "Shengkun."
    )
    assert "Councilor" not in {e.name for e in ex.entities}


def test_a_persons_administration_is_a_body_apart_from_the_person(extract):
    ex = extract(
        "Joseph Wilson accused the Bush administration of twisting intelligence. President "
        "Bush denied it."
    )
    types = {e.name: e.type for e in ex.entities}
    assert types.get("Bush administration") == "ORG", types
    assert types.get("Bush") == "PERSON"
    names = {e.id: e.name for e in ex.entities}
    assert {(r.type, names[r.source], names[r.target]) for r in ex.relations} == {
        ("opposed", "Joseph Wilson", "Bush administration")
    }


def test_an_office_tagged_as_an_organization_and_a_citation_mark_are_no_names(extract):
    ex = extract(
        "Foreign Minister Julie Bishop met with the Minister of Foreign Affairs of Iraq, HE Dr "
        "Ibrahim Al-Ja’afari, in Canberra. General Motors met the Bank of England."
    )
    names = {e.name for e in ex.entities}
    assert not any(n.startswith("Minister of") for n in names), names
    holder = next(e for e in ex.entities if e.name == "Ibrahim Al-Ja’afari")
    assert "the Minister" in holder.aliases  # the office phrase names him, styles and all
    assert {"General Motors", "Bank of England", "Ibrahim Al-Ja’afari"} <= names
    ex = extract("The U.S. military rejected Maliki's first choice, Mohan al-Freiji.[2] He left.")
    assert "Mohan al-Freiji" in {e.name for e in ex.entities}


def test_a_named_title_in_quotes_is_no_description_of_someone_else(extract):
    ex = extract(
        "The house was founded in 1661 by Prince Philippe, Duke of Anjou, younger brother of "
        'king Louis XIV, the " Sun King ".'
    )
    philippe = next(e for e in ex.entities if e.name == "Philippe")
    assert not any("Sun King" in a for a in philippe.aliases), philippe.aliases


def test_a_name_written_again_in_its_own_script_is_the_same_entity(extract):
    ex = extract(
        "Nikos Aliagas (Greek: Νικόλαος Αλιάγας; born 16 May 1969 in Paris) is a journalist. "
        "Chinese President Xi Jinping (习近平) met Aliagas in Moscow (Russia) on Monday."
    )
    aliagas = entity_of(ex, "Nikos Aliagas")
    assert "Νικόλαος Αλιάγας" in aliagas.aliases and aliagas.name == "Nikos Aliagas"
    assert "习近平" in entity_of(ex, "Xi Jinping").aliases
    assert not any(e.name == "Αλιάγας" for e in ex.entities)  # no second entity inside it
    assert "Russia" not in entity_of(ex, "Moscow").aliases  # Latin script: a place, no alias


def test_a_name_after_the_city_of_is_no_short_form_of_an_organization(extract):
    ex = extract(
        "He has been employed by the city of Jeonju to promote tourism. "
        "He is also a professor of history at Jeonju University."
    )
    assert "Jeonju" not in entity_of(ex, "Jeonju University").aliases


def test_a_description_named_in_apposition_names_that_person_everywhere(extract):
    ex = extract(
        "The mediator met the head of the alliance that threatens to remove the incumbent "
        "president. Raila Odinga held talks with President Goodluck Jonathan.\n"
        "The alliance threatens to remove Ivory Coast's incumbent president, Laurent Gbagbo. "
        "Mr. Ouattara is the country's duly-elected president, officials say."
    )
    assert "the incumbent president" in entity_of(ex, "Laurent Gbagbo").aliases
    assert "the incumbent president" not in entity_of(ex, "Goodluck Jonathan").aliases
    assert "the elected president" not in entity_of(ex, "Goodluck Jonathan").aliases


def test_an_office_in_apposition_without_an_article_names_its_holder(extract):
    ex = extract(
        "Army Gen. Martin E. Dempsey, chairman of the Joint Chiefs of Staff, met with Chinese "
        "President Xi Jinping. The chairman also met with Gen. Fan Changlong, vice chairman of "
        "the Central Military Commission."
    )
    assert "the chairman" in entity_of(ex, "Martin E. Dempsey").aliases
    assert "the chairman" not in entity_of(ex, "Fan Changlong").aliases


def test_a_short_sentence_full_of_names_is_no_headline(extract):
    ex = extract("Macron received Zelensky at the Elysee Palace on Sunday.")
    assert {"Macron", "Zelensky"} <= {e.name for e in ex.entities}


def test_a_function_word_run_into_a_name_is_cut_off(extract):
    ex = extract("Boris Johnson welcomed Narendra Modi to Downing Street on Monday.")
    assert "Narendra Modi" in {e.name for e in ex.entities}
    assert not any(e.name.endswith(" to") for e in ex.entities)


def test_an_untagged_name_set_off_after_a_titled_description_is_a_person(extract):
    ex = extract(
        "Cyprus leaders agreed to resume talks. The U.N. Chief of Mission in Cyprus, "
        "Taye-Brook Zerihoun, made the announcement on Friday."
    )
    assert entity_of(ex, "Taye-Brook Zerihoun").type == "PERSON"


def test_surname_spellings_of_one_ending_are_one_person(extract):
    ex = extract(
        "Blinken, Austin Meet with Zelensky and Cabinet in Ukraine\n\n"
        "While in Kyiv, Secretary Blinken met with President Volodymyr Zelenskyy on Sunday."
    )
    assert "Zelensky" in entity_of(ex, "Volodymyr Zelenskyy").aliases


def test_a_family_name_tagged_as_a_body_once_is_still_the_person(extract):
    ex = extract(
        "The delegation headed by Moon's top national security advisor, Chung Eui-Yong, "
        "arrived in Pyongyang.\n\nSpeaking to reporters in Seoul, Chung said that he would "
        "\u201cdeliver President Moon's strong determination (on the Peninsula).\"\n\n"
        'Chung also said he will push for "in-depth" talks.\n\n'
        '"We plan to have in-depth discussions, including with the United States," Chung said.'
    )
    assert [e.name for e in ex.entities if e.name == "Chung"] == []
    assert "Chung" in entity_of(ex, "Chung Eui-Yong").aliases


def test_a_possessive_left_before_a_name_is_cut_off(extract):
    ex = extract(
        "Prime Minister Ghassan Hitto met the delegation. They discussed plans as part of "
        "Prime Minister’s Hitto’s plan to have a government inside the country."
    )
    assert not any(e.name.startswith("’s") for e in ex.entities)


def test_an_owner_run_into_the_name_it_owns_is_split(extract):
    ex = extract(
        "Susan Rice will meet Yang Jiechi in Beijing. Rice’s Beijing visit will help smooth the "
        "way for meetings. The People’s Liberation Army sent a general."
    )
    names = {e.name: e.type for e in ex.entities}
    assert "Rice’s Beijing" not in names and names.get("Beijing") == "GPE", names
    assert "Rice’s" not in str(entity_of(ex, "Beijing").aliases)
    # a body's name may hold a possessive
    assert any("People’s Liberation Army" in e.aliases for e in ex.entities), names


def test_a_speaker_after_a_quote_the_model_tagged_an_organization_is_the_person(extract):
    ex = extract(
        "Wang Dong, a professor at Peking University, said the visit was an opportunity. "
        "“This is a very important opportunity for the two presidents,” said Wang."
    )
    assert "Wang" in entity_of(ex, "Wang Dong").aliases
    assert not [e for e in ex.entities if e.name == "Wang"]


def test_a_name_the_text_says_is_anothers_is_the_same_person(extract):
    ex = extract(
        "Prachanda will meet Girija Prasad Koirala. Prachanda, whose real name is Pushpa Kamal "
        "Dahal, disappeared from public view a decade ago."
    )
    assert "Pushpa Kamal Dahal" in entity_of(ex, "Prachanda").aliases


def test_a_short_name_in_brackets_after_a_full_name_is_the_same_person(extract):
    ex = extract(
        "OFAC sanctioned Algoney Hamdan Daglo Musa (Algoney), a procurement director and one of "
        "the younger brothers of Mohammed Hamdan Daglo (Hemedti), the head of the RSF. Algoney "
        "is a key officer within the RSF, especially given Hemedti’s preference for staffing "
        "key roles with his family members."
    )
    algoney = entity_of(ex, "Algoney Hamdan Daglo Musa")
    assert "Algoney" in algoney.aliases
    assert not any("(" in a for e in ex.entities for a in e.aliases), [
        e.aliases for e in ex.entities
    ]
    assert "Hemedti" in entity_of(ex, "Mohammed Hamdan Daglo").aliases
    assert len([e for e in ex.entities if "Hemedti" in e.aliases]) == 1


def test_a_place_or_party_in_brackets_after_a_name_is_no_alias(extract):
    ex = extract(
        "Rep. Chris Smith (R-N.J.) met John Kerry (Massachusetts) in Washington. Massachusetts "
        "voters were not consulted, and Kerry said so."
    )
    assert "Massachusetts" not in entity_of(ex, "John Kerry").aliases


def test_a_bodys_other_name_in_brackets_after_or_is_the_same_body(extract):
    ex = extract(
        "Lien Chan, chairman of the Kuomintang (KMT), met Hu Jintao. The visit marked the end of "
        "hostilities between the KMT (or Nationalist Party) and the Communist Party."
    )
    kmt = entity_of(ex, "Kuomintang")
    assert {"KMT", "Nationalist Party"} <= set(kmt.aliases)


def test_a_country_the_model_tagged_a_person_is_a_place(extract):
    ex = extract(
        "Nepal's Prime Minister to Meet Maoist Rebel Leader\n\nA fresh round of talks between "
        "Nepal's government and the Maoist rebels has set the stage for a meeting."
    )
    nepal = [e for e in ex.entities if e.name == "Nepal"]
    assert nepal and nepal[0].type == "GPE", [(e.name, e.type) for e in ex.entities]


def test_an_editors_insertion_in_brackets_is_part_of_the_name(extract):
    ex = extract(
        'Robert Blake said: "Ambassador [Richard] Holbrooke was in Kyrgyzstan not too long ago."'
    )
    assert "Richard Holbrooke" in {e.name for e in ex.entities}, [e.name for e in ex.entities]


def test_an_organization_is_written_without_its_place(extract):
    ex = extract(
        "Jared Allen played for the Minnesota Vikings in Minnesota. The Vikings released him in "
        "2014. He later sat in the House of Commons of Canada. The House of Commons met."
    )
    assert "Vikings" in entity_of(ex, "Minnesota Vikings").aliases
    assert "House of Commons" in entity_of(ex, "House of Commons of Canada").aliases


def test_every_country_is_known_by_its_own_name():
    from newsgraph.pipeline.corpus import country_keys

    names, _ = country_keys()
    assert names.get("canada") == "canada" and names.get("australia") == "australia"


def test_first_of_two_surnames_written_alone(extract):
    ex = extract(
        "Bolivian President Gregorio Pacheco Leyes took office in 1884. Pacheco built roads."
    )
    assert same_entity(ex, "Pacheco", "Gregorio Pacheco Leyes")
    ex = extract(
        "Guillermo David Endara Galimany was sworn in as president of Panama. Endara said the "
        "invasion had ended."
    )
    assert same_entity(ex, "Endara", "Guillermo David Endara Galimany")


def test_a_fathers_name_in_a_patronymic_is_no_surname(extract):
    ex = extract("Yusuf ibn Yaqub ibn Ishaq is a prophet in the Quran. Yaqub had twelve sons.")
    assert not same_entity(ex, "Yaqub", "Yusuf ibn Yaqub ibn Ishaq")


def test_a_body_run_into_its_title_holders_name_is_cut(extract):
    ex = extract(
        "U.S. Ambassador to the United Nations Samantha Power met Vitaly Churkin. "
        "Power said the talks were useful."
    )
    power = entity_of(ex, "Samantha Power")
    assert power.type == "PERSON" and "Power" in power.aliases
    assert entity_of(ex, "United Nations").type == "ORG"
    ex = extract("Powell will meet with officials of the International Red Cross on Saturday.")
    assert entity_of(ex, "International Red Cross").type == "ORG"


def test_a_countrys_government_named_by_the_country_is_a_body(extract):
    ex = extract(
        "Robert Blake met Kyrgyzstan's interim government on Wednesday. "
        "The Sri Lankan government and the Tamil Tigers held talks. "
        "Obama condemned the Syrian regime. Sri Lankan officials and Syrian exiles spoke."
    )
    for name in ("Kyrgyzstan's interim government", "Sri Lankan government", "Syrian regime"):
        assert entity_of(ex, name).type == "ORG"
    assert not any(e.name in ("Sri Lankan officials", "Syrian exiles") for e in ex.entities)


def test_a_bodys_name_with_a_possessive_stays_whole(extract):
    ex = extract(
        "Ethiopia's government rejected the Tigray People's Liberation Front's demands for a "
        "referendum, a spokesman said."
    )
    assert entity_of(ex, "Tigray People's Liberation Front").type == "ORG"


def test_a_bloc_named_our_country_is_a_body_apart_from_the_country(extract):
    # the model tags "Our Azerbaijan" a person, and a lone "Azerbaijan" would be its surname
    ex = extract(
        "Azerbaijan's political opposition is struggling to regroup. Isa Gambar is the chairman "
        "of the opposition bloc known as Our Azerbaijan. Mr. Gambar said that Our Azerbaijan "
        "has been prevented from organizing pickets."
    )
    bloc = entity_of(ex, "Our Azerbaijan")
    assert bloc.type == "ORG"
    assert "Azerbaijan" not in bloc.aliases, bloc
    # "My" is a Vietnamese given name
    ex = extract("My Linh Nguyen, a Vietnamese blogger, met Secretary of State John Kerry.")
    assert entity_of(ex, "My Linh Nguyen").type == "PERSON"


def test_a_given_name_apposed_to_a_kin_noun_is_the_family_member_named_in_full(extract):
    # the model tags the lone "Ilham" a place
    ex = extract(
        "President Ilham Aliyev spoke. The government of Heidar Aliyev was no different from "
        "the one led by his son, Ilham."
    )
    assert "Ilham" in entity_of(ex, "Ilham Aliyev").aliases
    # another family: the lone name stays apart
    ex = extract("Activist Ilham Tohti spoke. Heidar Aliyev ruled before his son, Ilham.")
    assert "Ilham" not in entity_of(ex, "Ilham Tohti").aliases


def test_a_place_kind_and_its_of_phrase_are_one_name(extract):
    # the model tags "the London Borough" alone: every borough would be one node
    ex = extract(
        "To the east, the London Borough of Hounslow called for compensation. Heathrow "
        "submitted plans to the London Borough of Hillingdon."
    )
    names = {e.name for e in ex.entities}
    assert {"London Borough of Hounslow", "London Borough of Hillingdon"} <= names, names
    assert "London Borough" not in names


def test_office_holders_are_no_body_but_their_body_is(extract):
    ex = extract(
        "Tim Lenderking met twice with the P5 Ambassadors to discuss Yemen. "
        "He met EU Ambassadors in Riyadh. The Council of Ministers met on Monday."
    )
    names = {e.name for e in ex.entities}
    assert {"P5", "EU", "Council of Ministers"} <= names
    assert not {"P5 Ambassadors", "EU Ambassadors"} & names


def test_a_titled_lone_name_is_the_one_bearer_of_that_title(extract):
    ex = extract(
        "South Korean President Kim Dae Jung was welcomed by North Korean leader Kim Jong-il. "
        "South Korean President Kim later called Bill Clinton."
    )
    assert not any(e.name == "Kim" for e in ex.entities)
    assert entity_of(ex, "Kim Dae Jung").type == "PERSON"


def test_a_transcripts_titled_speaker_label_names_the_speaker(extract):
    ex = extract(
        "Joint Press Conference with Secretary Mattis in Kabul\n\n"
        "SECRETARY OF DEFENSE JIM MATTIS:  Thank you, ladies and gentlemen."
    )
    assert same_entity(ex, "Mattis", "Jim Mattis")


def test_a_party_word_the_model_tagged_a_person_names_no_one(extract):
    ex = extract(
        "U.S. President Barack Obama and the top House Republican have met again to discuss "
        "a looming fiscal crisis."
    )
    assert not any(e.name == "Republican" and e.type == "PERSON" for e in ex.entities)


def test_an_untagged_first_surname_is_a_mention_of_its_bearer(extract):
    ex = extract(
        "Donald Rumsfeld received assurances from President Enrique Bolanos Geyer. "
        "The National Assembly moved to strip Bolanos of authority."
    )
    assert same_entity(ex, "Bolanos", "Enrique Bolanos Geyer")


def test_two_halves_of_a_possessed_name_are_one_person(extract):
    ex = extract(
        "Somali President Abdullahi Yusuf disapproved of Prime Minister Nur Adde Hassan "
        "Hussein's attempts to reconcile. Prime Minister Hussein fired the mayor."
    )
    assert same_entity(ex, "Hussein", "Nur Adde Hassan Hussein")


def test_a_titled_lone_name_is_a_surname_not_a_given_name(extract):
    ex = extract(
        "Assistant Secretary of State Jeffrey Feltman visited Iraq. Assistant Secretary Feltman "
        "also received an update from Ambassador Jeffrey and other Embassy officials. King "
        "Abdullah II of Jordan met Feltman. King Abdullah spoke."
    )
    assert "Jeffrey" not in entity_of(ex, "Jeffrey Feltman").aliases
    assert "Abdullah" in entity_of(ex, "Abdullah II").aliases  # a king's given name
    ex = extract("North Korean leader Kim Jong Il met Junichiro Koizumi. Mr. Kim said he agreed.")
    assert "Kim" in entity_of(ex, "Kim Jong Il").aliases  # the family name, written first


def test_the_organs_of_the_united_nations_and_a_tribunal_by_its_head_word(extract):
    ex = extract(
        "A delegation from the United Nations Security Council is in Ethiopia. A Security "
        "Council statement urged calm. Mesic must cooperate with the Yugoslav War Crimes "
        "Tribunal. The Tribunal wants suspects. The Florida Supreme Court ruled; the Supreme "
        "Court in Washington disagreed."
    )
    assert same_entity(ex, "Security Council", "United Nations Security Council")
    assert same_entity(ex, "Tribunal", "Yugoslav War Crimes Tribunal")
    assert not same_entity(ex, "Supreme Court", "Florida Supreme Court")


def test_a_place_named_after_a_name_the_model_cut_is_its_own_place(extract):
    ex = extract(
        "Major ports on Osaka Bay include Osaka and Kobe. Młociny is a Warsaw Metro station in "
        "Warsaw."
    )
    assert not same_entity(ex, "Osaka Bay", "Osaka")
    assert entity_of(ex, "Warsaw Metro").type == "FAC"
    assert not same_entity(ex, "Warsaw Metro", "Warsaw")


def test_a_title_of_a_work_or_a_headline_word_is_no_persons_name(extract):
    ex = extract(
        "Bettie Page died on Thursday. Ms Page had starred in many films. The film The "
        "Notorious Bettie Page was released in 2005."
    )
    assert not any(
        "Notorious Bettie Page" in e.aliases for e in ex.entities if "Bettie Page" in e.aliases
    ), [(e.name, e.aliases) for e in ex.entities]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # an office written after the name
            "Patey met General Ahmed Gamal el-Din Adviser on Security and Counter-Terrorism "
            "Affairs. The Adviser spoke later. He also met Ahmed Hassan Aboul Nagga National "
            "Security Adviser to the President.",
            {"Ahmed Gamal el-Din", "Ahmed Hassan Aboul Nagga"},
        ),
        (  # the last word of an office's domain run into the name after it
            "U.S. participants included Assistant Secretary for Europe and Eurasia Dan Fried and "
            "the President of Georgia Mikheil Saakashvili.",
            {"Dan Fried", "Mikheil Saakashvili"},
        ),
    ],
)
def test_an_offices_words_are_no_part_of_its_holders_name(extract, text, names):
    ex = extract(text)
    people = {e.name for e in ex.entities if e.type == "PERSON"}
    assert names <= people, people


def test_a_first_name_no_list_knows_stands_alone_for_its_full_name(extract):
    ex = extract(
        "Ethiopian Prime Minister Abiy Ahmed traveled to Eritrea on Wednesday. Eritrea's "
        "information minister said on Twitter that Abiy flew into the port city of Assab."
    )
    abiy = entity_of(ex, "Abiy Ahmed")
    assert abiy.mentions >= 2, abiy


def test_a_capital_the_model_tags_as_a_person_is_a_place(extract):
    ex = extract(
        "Senegalese President Abdoulaye Wade is trying to mediate, as the two rival leaders "
        "attend talks in Dakar. Madagascar's two rival leaders met face to face in Dakar late "
        "Wednesday."
    )
    assert not [e for e in ex.entities if e.name == "Dakar" and e.type == "PERSON"]


def test_a_one_word_body_defines_the_acronym_after_it_but_a_place_does_not(extract):
    ex = extract(
        "Lien Chan, chairman of Chinese Kuomintang (KMT), met Hu Jintao in Beijing. KMT leader "
        "Chiang Kai-shek met Mao Zedong. He was born in Louisville (KY) and moved to Lexington."
    )
    assert same_entity(ex, "Kuomintang", "KMT")
    assert "KY" not in entity_of(ex, "Louisville").aliases


def test_a_regional_branch_is_one_body_named_with_its_region(extract):
    ex = extract(
        "The UK will work with the Yemeni Government to counter the threat from Al-Qaeda in "
        "the Arabian Peninsula, which threatens Yemen. Al-Qaeda in Iraq claimed the attack."
    )
    names = {e.name: e.type for e in ex.entities}
    assert names.get("Al-Qaeda in the Arabian Peninsula") == "ORG"
    assert names.get("Al-Qaeda in Iraq") == "ORG"
    assert "Arabian Peninsula" not in names


def test_a_headline_ending_on_a_time_is_still_a_headline(extract):
    ex = extract(
        "Sec. Perry Welcomes Argentine Defense Minister, Friday, September 6, 1996 - 10 a.m.\n\n"
        "Presenter: Secretary of Defense William J. Perry welcomed Jorge Dominguez. Perry said "
        "it was an honor."
    )
    names = {e.name for e in ex.entities}
    assert not any("Welcomes" in n for n in names), names
    assert "Perry" in entity_of(ex, "William J. Perry").aliases


def test_a_word_in_brackets_after_a_name_in_a_text_in_capitals_is_no_acronym(extract):
    ex = extract(
        "KOSOVO / CLASH (L ONLY) BY PHILIP SMUCKER (KOSOVO)\n"
        "INTRO: SERB POLICE UNITS CLASHED FRIDAY WITH ETHNIC ALBANIAN FIGHTERS IN CENTRAL "
        "KOSOVO. PHILIP SMUCKER REPORTS FROM PRISTINA."
    )
    assert not [e for e in ex.entities if {"KOSOVO", "PHILIP SMUCKER"} <= set(e.aliases)], [
        e.aliases for e in ex.entities
    ]


def test_an_acronym_the_text_says_a_body_is_known_by_is_that_body(extract):
    ex = extract(
        "Agathon Rwasa, the head of the rebel National Liberation Forces, known by their French "
        "acronym FNL, met in the capital Bujumbura. FNL spokesman Pasteur Habimana spoke to VOA."
    )
    assert "FNL" in entity_of(ex, "National Liberation Forces").aliases


def test_an_office_for_a_domain_is_no_body_and_the_domain_no_given_name(extract):
    ex = extract(
        "In his first visit to Tanzania, the Minister for Africa James Duddridge MP held talks. "
        "In a joint meeting with the Minister for Industry and Trade, Kitila Mkumbo, and "
        "Minister for Investment, Geoffrey Mwambe, Mr Duddridge explored investment."
    )
    names = {e.name for e in ex.entities}
    assert "Minister for Industry and Trade" not in names, names
    assert not any("Africa James" in a for e in ex.entities for a in e.aliases), names
    assert "James Duddridge" in entity_of(ex, "Duddridge").aliases


def test_the_press_secretary_is_not_the_secretary(extract):
    ex = extract(
        "STATEMENT BY THE PRESS SECRETARY\n\nThe meeting was also attended by Secretary Albright."
    )
    albright = entity_of(ex, "Albright")
    assert not [a for a in albright.aliases if "SECRETARY" in a.upper() and a != "Albright"]


def test_a_list_of_titled_names_after_an_office_names_none_of_them_its_holder(extract):
    ex = extract(
        "The meeting was also attended by the Vice President, Secretary Albright, National "
        "Security Advisor Berger, and Portuguese Foreign Minister Gama."
    )
    assert entity_of(ex, "Albright").aliases == ["Albright"]
    assert entity_of(ex, "Berger").aliases == ["Berger"]


def test_a_name_after_the_second_of_two_offices_is_that_offices_holder(extract):
    ex = extract(
        "The President and the Prime Minister of Portugal, Antonio Manuel de Oliveira Guterres, "
        "met for just over 90 minutes in the White House today. President Clinton praised "
        "Portugal."
    )
    guterres = entity_of(ex, "Antonio Manuel de Oliveira Guterres")
    assert "the President" not in guterres.aliases
    assert "the Prime Minister" in guterres.aliases


def test_a_department_run_into_a_surname_after_secretary_of_is_a_person(extract):
    ex = extract("The lunch was attended by Secretary of Defense Cohen and other U.S. officials.")
    assert entity_of(ex, "Cohen").type == "PERSON"
    assert not [e for e in ex.entities if "Defense" in e.name]


def test_an_office_beside_its_other_holder_is_the_one_the_story_named_before(extract):
    ex = extract(
        "Prime Minister David Cameron has made the first visit to Algeria. The Prime Minister "
        "has travelled to Algiers to meet with President Bouteflika and Prime Minister Sellal."
    )
    assert "the Prime Minister" in entity_of(ex, "David Cameron").aliases


@pytest.mark.parametrize(
    "others",
    # the one holder left is titled with a nationality: "the President" of the readout is
    # another, unnamed, whoever else is named beside it
    ["President Berzins", "President Berzins and President Ilves"],
)
def test_an_office_beside_a_holder_is_no_holder_titled_with_a_nationality(extract, others):
    ex = extract(
        "French President Francois Hollande spoke on Monday. President Hollande said the talks "
        f"went well. The President also spoke with {others} on a conference call today."
    )
    assert "the President" not in entity_of(ex, "Francois Hollande").aliases


def test_an_office_with_its_of_phrase_is_the_title_a_description_names(extract):
    ex = extract(
        "The below is attributable to Spokesperson Ned Price:\n\nDeputy Secretary of State Wendy "
        "Sherman met Foreign Minister Battsetseg during her visit to Ulaanbaatar from July 23 "
        "to July 25. The Deputy Secretary met with members of the Mongolian Armed Forces."
    )
    sherman = entity_of(ex, "Wendy Sherman")
    assert "Deputy Secretary of State" in sherman.titles
    assert "the Deputy Secretary" in sherman.aliases
    # a capital the model tagged an organization is a place: no meeting with it
    assert entity_of(ex, "Ulaanbaatar").type == "GPE"
    place = entity_of(ex, "Ulaanbaatar").id
    assert not [r for r in ex.relations if place in {r.source, r.target}]


def test_the_one_titled_holder_who_was_the_last_subject_takes_the_bare_office(extract):
    ex = extract(
        "U.S. Secretary of State Colin Powell will not meet Saturday with Palestinian leader "
        'Yasser Arafat. Mr. Powell was to have met the Palestinian leader in Ramallah. "The '
        "secretary condemns in the strongest possible terms today's attack,\" said Mr. Boucher."
    )
    assert "the secretary" in entity_of(ex, "Colin Powell").aliases


def test_two_spellings_of_one_surname_with_one_given_name_are_one_person(extract):
    ex = extract(
        "Opposition leaders Mir Hossein Mousavi and Mehdi Karroubi were placed under house "
        "arrest. Iran's chief prosecutor warned Mehdi Karoubbi and Mousavi on Monday."
    )
    assert {"Mehdi Karroubi", "Mehdi Karoubbi"} <= set(entity_of(ex, "Mehdi Karroubi").aliases)
    ex = extract("Bill Clinton met Bill Clifton in Little Rock on Monday.")
    assert entity_of(ex, "Bill Clinton") is not entity_of(ex, "Bill Clifton")
    # one letter mistyped in a long surname, in another sentence
    ex = extract(
        "Kofi Annan mediates between President Mwai Kibaki and opposition leader Raila Odinga. "
        "Opposition leader Raila Odinda says the election was stolen. Odinga wants a recount."
    )
    assert "Raila Odinda" in entity_of(ex, "Raila Odinga").aliases
    ex = extract("Thomas Meyers met Thomas Meiers in Berlin on Monday.")
    assert entity_of(ex, "Thomas Meyers") is not entity_of(ex, "Thomas Meiers")
    # a first letter apart is another name, however often either is written
    ex = extract(
        "Maria Hernandez, 54, lost her home in the fire. Her neighbor Maria Fernandez said the "
        "flames reached the street within minutes. Hernandez is now staying with relatives."
    )
    assert entity_of(ex, "Maria Hernandez") is not entity_of(ex, "Maria Fernandez")


def test_an_office_seen_naming_others_is_not_guessed_a_second_time(extract):
    ex = extract(
        "Readout of the President's Calls with President Berzins of Latvia and President "
        "Hollande of France.\n\nThe President spoke separately with President Hollande today "
        "about Ukraine. The President also spoke with President Berzins on a call today."
    )
    assert "the President" not in entity_of(ex, "Hollande").aliases


def test_a_title_inside_the_name_span_is_written_once(extract):
    ex = extract(
        "The President will meet King Abdullah of Jordan. Former Prime Minister Sheikh Hasina "
        "was arrested."
    )
    assert entity_of(ex, "Abdullah").titles == ["King of Jordan"]
    assert not [t for t in entity_of(ex, "Hasina").titles if "Sheikh Sheikh" in t]


def test_an_office_beside_others_is_no_holder_only_spoken_to(extract):
    ex = extract(
        "French officials thanked President Hollande on Monday. The President also spoke "
        "with President Berzins and President Ilves on a conference call today."
    )
    assert "the President" not in entity_of(ex, "Hollande").aliases


def test_a_lesser_office_holder_takes_no_bare_office_by_position(extract):
    ex = extract(
        "Vice President Joe Biden arrived in Kyiv on Monday. Biden met Zelensky. The President "
        "will travel to Warsaw."
    )
    assert "the President" not in entity_of(ex, "Joe Biden").aliases


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "White House Chief of Staff John Kelly spoke on Monday. The police chief said the "
            "road was closed.",
            "John Kelly",
            "the police chief",
        ),
        (
            "Thomas Meyer, a banker, met Thomas Meier, a lawyer, in Zurich.",
            "Thomas Meyer",
            "Thomas Meier",
        ),
    ],
)
def test_the_reviewed_forms_give_no_false_merge(extract, text, name, alias):
    assert alias not in entity_of(extract(text), name).aliases


def test_a_company_after_a_chairmans_of_is_no_person(extract):
    ex = extract("Kelcy Warren, Chairman of Energy Transfer, spoke on Monday.")
    assert entity_of(ex, "Energy Transfer").type == "ORG"


def test_president_elect_is_a_title(extract):
    ex = extract(
        "During his trip to Malé, he will meet with President-Elect Ibrahim Mohamed Solih. "
        "He looks forward to talking with President-Elect Solih."
    )
    solih = entity_of(ex, "Ibrahim Mohamed Solih")
    assert "Solih" in solih.aliases
    assert not [e for e in ex.entities if "Elect" in e.name]


def test_an_office_for_a_place_is_a_title_and_an_office_run_into_a_name_is_cut(extract):
    ex = extract(
        "In Tirana, the Minister will hold discussions with Minister of Foreign Affairs Ditmir "
        "Bushati. The Minister for Europe Sir Alan Duncan said: I am pleased."
    )
    duncan = entity_of(ex, "Alan Duncan")
    assert "Minister for Europe" in duncan.titles
    assert not [t for t in duncan.titles if "Sir" in t and t != "Sir"]
    assert "the Minister" in duncan.aliases
    assert entity_of(ex, "Ditmir Bushati").titles == ["Minister of Foreign Affairs"]
    # another's office after "for" is no title of the name after it
    ex = extract(
        "A spokesman for U.N. Secretary-General Antonio Guterres said the talks went well."
    )
    assert not [t for t in entity_of(ex, "Antonio Guterres").titles if "spokesman" in t]


def test_a_name_in_apposition_to_a_role_is_a_persons_and_its_bracketed_short_form_too(extract):
    ex = extract(
        "Today, the Office of Foreign Assets Control (OFAC) sanctioned two Cambodian government "
        "officials, Chau Phirun (Chau) and Tea Vinh (Tea), for their roles in corruption. The "
        "State Department restricted visas for Chau and Tea."
    )
    chau, tea = entity_of(ex, "Chau Phirun"), entity_of(ex, "Tea Vinh")
    assert chau.type == tea.type == "PERSON", [(e.name, e.type) for e in ex.entities]
    assert "Chau" in chau.aliases and "Tea" in tea.aliases


def test_a_surname_with_a_particle_written_alone_joins_the_full_name(extract):
    ex = extract(
        "The secretary met with French Defense Minister Jean-Yves Le Drian. Carter said that he "
        "and Le Drian were on the phone hours after the attacks."
    )
    assert "Le Drian" in entity_of(ex, "Jean-Yves Le Drian").aliases


def test_a_surname_after_in_addition_to_is_the_persons(extract):
    ex = extract(
        "A delegation led by House Speaker Nancy Pelosi visited Syria. In addition to Pelosi, "
        "the delegation included Representatives David Hobson and Tom Lantos."
    )
    pelosi = entity_of(ex, "Nancy Pelosi")
    assert "Pelosi" in pelosi.aliases and pelosi.type == "PERSON"


def test_long_names_of_acronyms_the_model_cut_or_left_untagged(extract):
    ex = extract(
        "Rebel forces from Liberians United for Reconciliation and Democracy (LURD), were "
        "closing on the capital. LURD fighters took the port."
    )
    lurd = entity_of(ex, "LURD")
    assert lurd.type == "ORG" and "Liberians United for Reconciliation and Democracy" in (
        lurd.aliases
    )
    ex = extract(
        "The government rejected the African Union's (AU) extended sanctions. The Africa Union "
        "has no effect, he said. The AU summit met."
    )
    au = entity_of(ex, "African Union")
    assert {"AU", "Africa Union"} <= set(au.aliases), [(e.name, e.aliases) for e in ex.entities]
    ex = extract(
        "OFAC sanctioned two Democratic Republic of the Congo (DRC) government officials. The "
        "DRC government objected."
    )
    assert entity_of(ex, "DRC").type == "GPE"


def test_a_possessive_before_brackets_defines_only_an_acronym_that_spells_the_name(extract):
    ex = extract(
        "OFAC took action to counter the Government of the Russian Federation’s (GoR) malign "
        "influence. While the GoR pushes its narrative, Russia denies it."
    )
    assert not same_entity(ex, "GoR", "Russian Federation")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (  # the place's own kind after the office's place is no part of the name
            "Governor of Helmand Province Gulabuddin Mangal visited the UK this week.",
            "Gulabuddin Mangal",
            "Governor of Helmand Province",
        ),
        (  # the office's country tagged as the start of the name
            "British Ambassador to Burma Andrew Heyn discussed the issues in his blog.",
            "Andrew Heyn",
            "British Ambassador to Burma",
        ),
        (  # the parser hangs the country on the name, the office's words before it
            "US Ambassador to Kenya Kyle McCarter met him on Monday.",
            "Kyle McCarter",
            "US Ambassador to Kenya",
        ),
        (
            "He hosted a media discussion with Minister for Afghanistan Alistair Burt.",
            "Alistair Burt",
            "Minister for Afghanistan",
        ),
    ],
)
def test_an_office_with_its_place_before_a_name(extract, text, name, title):
    person = entity_of(extract(text), name)
    assert person.type == "PERSON" and title in person.titles, (person.name, person.titles)


def test_initials_spelled_with_hyphens_and_more_titles(extract):
    ex = extract(
        "INTRO: Indonesian President B-J Habibie has defended his handling of the crisis. Mr. "
        "Habibie blamed Australia."
    )
    habibie = entity_of(ex, "B-J Habibie")
    assert "Habibie" in habibie.aliases and "Indonesian President" in habibie.titles
    ex = extract("U.S. Senate Democratic Whip Dick Durbin (D-IL) today blasted the decision.")
    assert "U.S. Senate Democratic Whip" in entity_of(ex, "Dick Durbin").titles
    ex = extract("Minister Field held talks with State Counsellor Aung San Suu Kyi in Naypyidaw.")
    assert "State Counsellor" in entity_of(ex, "Aung San Suu Kyi").titles


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        (  # a place in brackets after a body is no short form of it
            "Excerpt from report by the Houston Chronicle (Houston). Flooding closed roads "
            "across Houston on Sunday.",
            ("Houston Chronicle", "Houston"),
        ),
        (  # "close to" is a phrase of place
            "Defense Secretary Lloyd Austin toured Camp Mabry, an Army base close to Austin, on "
            "Friday.",
            ("Lloyd Austin", "Camp Mabry"),
        ),
        (  # a family is no one of its members
            "Qatar's emir, Sheikh Tamim bin Hamad Al Thani, met Biden. The Al Thani family has "
            "ruled Qatar since the 19th century.",
            None,
        ),
    ],
)
def test_places_and_families_beside_names_stay_apart(extract, text, apart):
    ex = extract(text)
    if apart is None:
        tamim = next(e for e in ex.entities if "Tamim" in e.name)
        assert "Al Thani" not in tamim.aliases, tamim
        return
    whole, short = apart
    assert not any(whole in e.aliases and short in e.aliases for e in ex.entities), [
        (e.name, e.aliases) for e in ex.entities
    ]
    if whole == "Lloyd Austin":
        lloyd = entity_of(ex, "Lloyd Austin")
        assert lloyd.aliases == ["Lloyd Austin"], lloyd.aliases


def test_firms_in_a_role_stay_bodies_and_an_advisers_to_names_a_principal(extract):
    ex = extract("The company's financial adviser, Goldman Sachs, declined to comment.")
    assert entity_of(ex, "Goldman Sachs").type != "PERSON"
    for text, name in (
        (
            "Dell overtook the market leader, Hewlett Packard, in the third quarter.",
            "Hewlett Packard",
        ),
    ):
        assert entity_of(extract(text), name).type != "PERSON", text
    ex = extract(
        "Tony Blair, the paid Adviser to Kazakhstan Nursultan Nazarbayev, defended the deal."
    )
    assert not any("Adviser" in t for t in entity_of(ex, "Nursultan Nazarbayev").titles)


def test_a_surname_read_while_a_relative_is_named_again_later_stays_ambiguous(extract):
    ex = extract(
        "Hunter Biden, the son of President Joe Biden, was convicted on Tuesday in Delaware. "
        "Biden met Volodymyr Zelensky in Paris on Thursday. Joe Biden has said he will not pardon "
        "his son."
    )
    assert "Biden" not in entity_of(ex, "Hunter Biden").aliases


def test_a_lower_case_word_spelled_like_a_country_is_no_title(nlp):
    from newsgraph.lexicon import default_lexicon
    from newsgraph.pipeline.link import _title_before

    # "island" folds to "Ísland" (Iceland); only a capitalised country's name is one
    doc = nlp("The village lies on the island Vigra Hansen.")
    start = next(t.i for t in doc if t.text == "Vigra")
    doc[start - 1].dep_ = "compound"
    doc[start - 1].head = doc[start + 1]
    assert _title_before(doc, start, {start, start + 1}, default_lexicon()) == []
    doc = nlp("He met Ambassador to Burma Andrew Heyn.")
    start = next(t.i for t in doc if t.text == "Andrew")
    doc[start - 1].dep_ = "compound"
    doc[start - 1].head = doc[start + 1]
    assert [t.text for t in _title_before(doc, start, {start, start + 1}, default_lexicon())] == [
        "Ambassador",
        "to",
        "Burma",
    ]


def test_a_fathers_name_after_bin_is_no_surname_and_bint_joins_a_name(extract):
    ex = extract(
        "King Salman met President Obama in Riyadh. Crown Prince Mohammed bin Salman met "
        "Secretary Kerry. Salman praised the talks. Senator Murphy met with Princess Reema bint "
        "Bandar, the Saudi Ambassador."
    )
    aliases = {e.name: set(e.aliases) for e in ex.entities if e.type == "PERSON"}
    assert aliases.get("Mohammed bin Salman") == {"Mohammed bin Salman"}, aliases
    assert "Salman" in aliases, aliases
    assert "Reema bint Bandar" in aliases, aliases


def test_a_surname_the_model_ran_into_an_offices_domain_is_the_holder(extract):
    ex = extract(
        "The President was joined by Vice President Biden, National Security Advisor Rice, "
        "Director of National Intelligence Clapper, Director of the Federal Bureau of "
        "Investigation Comey and Chairman of the Joint Chiefs of Staff Dempsey."
    )
    people = {e.name: e.titles for e in ex.entities if e.type == "PERSON"}
    assert {"Clapper", "Comey", "Dempsey"} <= set(people), people
    assert "Director of National Intelligence" in people["Clapper"], people
    # after a list's titled item, the office is still the next one's
    ex = extract(
        "The President was joined by National Counterterrorism Center Director Olsen, Director "
        "of the Federal Bureau of Investigation Comey and Secretary of State Kerry."
    )
    assert "Comey" in {e.name for e in ex.entities if e.type == "PERSON"}, ex.entities
    # outside a roster of titled officials, the last word is the body's own
    for text in (
        "Trump fired the Commissioner of the Bureau of Labor Statistics on Friday.",
        "Kelcy Warren, the billionaire Chairman of Energy Transfer, met Trump.",
    ):
        people = {e.name for e in extract(text).entities if e.type == "PERSON"}
        assert people <= {"Trump", "Kelcy Warren"}, people
    # a body's own last word stays the body's
    ex = extract(
        "She met the Secretary of Homeland Security and the Director of Central Intelligence."
    )
    assert not [e for e in ex.entities if e.type == "PERSON" and e.name != "the Secretary"], [
        e.name for e in ex.entities
    ]


def test_a_name_after_an_offices_of_phrase_is_a_person(extract):
    ex = extract(
        "The delegation also met with President Alan García, Prime Minister Javier Velásquez, "
        "and Minister of Foreign Trade and Tourism Martín Pérez to discuss trade."
    )
    assert "Martín Pérez" in {e.name for e in ex.entities if e.type == "PERSON"}


def test_a_title_the_parser_made_the_head_of_the_name_is_kept(extract):
    ex = extract("Homeland Security Advisor Dr. Liz Sherwood-Randall traveled to Mexico City.")
    person = next(e for e in ex.entities if e.name == "Liz Sherwood-Randall")
    assert any("Homeland Security Advisor" in t for t in person.titles), person.titles


def test_a_place_name_closing_an_office_in_a_roster_is_the_holders_surname(extract):
    roster = (
        "The President was joined by Vice President Biden, National Security Advisor Rice, "
        "Assistant to the President for Homeland Security and Counterterrorism Monaco, "
        "Director of National Intelligence Clapper, and Secretary of State Kerry."
    )
    ex = extract(roster)
    people = {e.name: e.titles for e in ex.entities if e.type == "PERSON"}
    assert "Monaco" in people, people
    assert people["Monaco"] == [
        "Assistant to the President for Homeland Security and Counterterrorism"
    ], people
    # the next item's office is no description of the one before it
    assert not [e for e in ex.entities if "the Director" in e.aliases], ex.entities
    # outside a roster, or where the name runs on, the place stays a place
    for text in (
        "The Minister for Homeland Security and Counterterrorism Monaco spoke on Friday.",
        "Assistant to the President for Homeland Security and Counterterrorism Monaco "
        "Investigations met Biden, Rice and Kerry.",
    ):
        ex = extract(text)
        assert "Monaco" not in {e.name for e in ex.entities if e.type == "PERSON"}, ex.entities


def test_a_domain_word_before_a_name_is_no_title_the_whole_office_is(extract):
    ex = extract(
        "Assistant to the President for Homeland Security and Counterterrorism Lisa Monaco "
        "met Charles Michel in Brussels."
    )
    titles = {e.name: e.titles for e in ex.entities}
    assert titles["Lisa Monaco"] == [
        "Assistant to the President for Homeland Security and Counterterrorism"
    ], titles


def test_military_unit_names_and_their_members(extract):
    ex = extract(
        "U.S. Soldiers, Sailors brief Iraqi Army leaders\n\n"
        "Task Force Thunderbolt Soldiers and Sailors briefed Iraqi Army leaders on Monday. "
        "TF Thunderbolt is based in Basra. Col. Chris Toner of TF Duke spoke to the 14th IA "
        "Div. general."
    )
    names = {e.name: (e.type, set(e.aliases)) for e in ex.entities}
    assert names.get("Task Force Thunderbolt") == (
        "ORG",
        {"Task Force Thunderbolt", "TF Thunderbolt"},
    ), names
    assert names.get("TF Duke", ("",))[0] == "ORG", names
    assert not {"Sailors", "Soldiers", "Div", "Div."} & set(names), names
    # a two-word name ending in a plural is kept whole, and so is a name running on after one
    ex = extract("The Buffalo Soldiers Museum honored the Buffalo Soldiers on Friday.")
    assert {"Buffalo Soldiers", "Buffalo Soldiers Museum"} <= {e.name for e in ex.entities}


def test_a_plural_title_before_a_list_is_that_many_people(extract):
    ex = extract("Lt. Col. John Walsh met with Sheiks Anwar, Lewis and Hatham on Monday.")
    people = {e.name: e.titles for e in ex.entities if e.type == "PERSON"}
    assert people.get("Anwar") == ["Sheik"] and people.get("Lewis") == ["Sheik"], people
    assert "Hatham" in people, people
    # a name that opens on a plural title, with no list, stays whole
    ex = extract("The golfers met at the Presidents Cup in Virginia on Sunday.")
    assert not [e for e in ex.entities if e.type == "PERSON"], ex.entities


def test_a_paragraph_of_names_that_lost_its_full_stop_is_no_headline(extract):
    ex = extract(
        "Lawmakers returned on Friday.\n\n"
        "The delegation met this week with King Abdullah, in Amman, Jordan, Iraqi Prime "
        "Minister Haider al-Abadi in Baghdad, Iraq, Saudi Interior Minister Mohammad bin Naif "
        "and Saudi Defense Minister Mohammed bin Salman in Riyadh, Saudi Arabia and Israeli "
        "Prime Minister Netanyahu in Tel Aviv, Israel,"
    )
    names = {e.name for e in ex.entities}
    assert {"Abdullah", "Haider al-Abadi", "Amman", "Baghdad", "Netanyahu"} <= names, names


def test_a_long_title_case_line_is_no_headline(extract):
    ex = extract(
        "Readout of the President’s Calls with President Berzins of Latvia, Prime Minister "
        "Cameron of the United Kingdom, President Grybauskaite of Lithuania, President Hollande "
        "of France, President Ilves of Estonia, and Prime Minister Renzi of Italy\n\n"
        "The President spoke today with the leaders about Ukraine."
    )
    names = {e.name for e in ex.entities}
    assert {"Berzins", "Cameron", "Hollande", "Latvia", "Lithuania", "Estonia"} <= names, names


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        (
            "Colombian President Álvaro Uribe Vélez met Hugo Chávez on Monday. Álvaro Uribe "
            "said the talks went well.",
            "Álvaro Uribe",
            "Álvaro Uribe Vélez",
        ),
        (
            "Jefferson Madeira da Silva is a Brazilian footballer. Jefferson Madeira joined the "
            "club in 2010.",
            "Jefferson Madeira",
            "Jefferson Madeira da Silva",
        ),
    ],
)
def test_a_name_without_its_second_surname_is_the_longer_name(extract, text, short, long):
    ex = extract(text)
    assert entity_of(ex, short) is entity_of(ex, long)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # another given name, or a second bearer of the first surname, keeps them apart
        (
            "Gabriel García Márquez wrote the novel. His brother Eligio García spoke.",
            "Eligio García",
            "Gabriel García Márquez",
        ),
        (
            "Álvaro Uribe Vélez met Hugo Chávez. Álvaro Uribe Moreno and Álvaro Uribe spoke.",
            "Álvaro Uribe",
            "Álvaro Uribe Vélez",
        ),
    ],
)
def test_a_two_word_name_stays_apart_from_other_longer_names(extract, text, a, b):
    ex = extract(text)
    assert entity_of(ex, a) is not entity_of(ex, b)


def test_malaysian_honorifics_are_titles(extract):
    ex = extract(
        "Carter also met with Malaysian Minister of Defense Datuk Seri Hishammuddin. Sri "
        "Mulyani Indrawati spoke."
    )
    assert entity_of(ex, "Hishammuddin").titles
    entity_of(ex, "Sri Mulyani Indrawati")


def test_department_of_the_x_is_the_x_department(extract):
    ex = extract(
        "WASHINGTON -- The U.S. Department of the Treasury today designated three men. The "
        "Department of State agreed. The State Department said more would follow."
    )
    assert entity_of(ex, "U.S. Department of the Treasury")
    assert entity_of(ex, "Department of State") is entity_of(ex, "State Department")


def test_a_department_written_by_its_head_word_alone_is_the_department(extract):
    ex = extract(
        "WASHINGTON -- The Treasury Department today designated two men. "
        "Treasury said the men had financed attacks, and Treasury will block their assets."
    )
    assert same_entity(ex, "Treasury", "Treasury Department")


@pytest.mark.parametrize(
    "text",
    [
        # another country's
        "The U.S. Treasury Department and Britain's Treasury issued a joint statement on Friday.",
        "The Treasury Department froze the accounts. Puerto Rico's Treasury said tax revenue "
        "rose in May.",
        # the country's own department stays apart from a bare head word (it may be another's)
        "The U.S. Department of the Treasury warned of risks. Chancellor George Osborne said "
        "the Treasury would publish its forecasts on Wednesday.",
        "The U.S. Department of Labor said jobless claims fell. In Canberra, Labor attacked "
        "Prime Minister Scott Morrison over wages.",
    ],
)
def test_a_bare_head_word_of_another_country_is_no_department(extract, text):
    ex = extract(text)
    bare = [e for e in ex.entities if e.name in ("Treasury", "Labor")]
    assert bare and all(e.aliases == [e.name] for e in bare), [
        (e.name, e.aliases) for e in ex.entities
    ]


def test_a_unit_with_part_of_its_name_as_an_acronym_is_the_unit(extract):
    ex = extract(
        "Col. James Rainey, commander of the 3rd Brigade Combat Team, met the police chiefs. "
        "The 3rd BCT soldiers met Iraqi police on Friday, and 3rd BCT leaders praised them."
    )
    assert same_entity(ex, "3rd BCT", "3rd Brigade Combat Team")


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("3rd BCT", "3rd Brigade Combat Team", True),
        ("UN Security Council", "United Nations Security Council", True),
        ("3rd BCT", "4th Brigade Combat Team", False),  # another unit's number
        ("New York", "New York Times", False),  # no acronym in the short name
        ("3rd BCT", "3rd Brigade", False),  # the acronym spells more than is left
    ],
)
def test_abbreviated_name(short, long, expected):
    assert abbreviated_name(short, long) is expected


ADEN = (
    "The speaker of Somalia's Transitional Federal Parliament, Sharif Hassan Sheikh Aden, tells "
    "VOA that he will lead the delegation. Aden says his delegation is committed."
)


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (ADEN, "Sharif Hassan Sheikh Aden", "Aden"),
        # the model's "Sheikh" inside the name of a second man stays his
        (ADEN + " President Hassan Sheikh Mohamud met him.", "Hassan Sheikh Mohamud", None),
    ],
)
def test_a_name_cut_at_an_inner_sheikh_is_one_name(extract, text, full, short):
    ex = extract(text)
    person = entity_of(ex, full)
    assert person.type == "PERSON"
    assert short is None or short in person.aliases


def test_an_acronym_run_into_a_bylines_name_is_the_body(extract):
    ex = extract(
        "By SSgt Penny Snoozy CJTF-HOA Djibouti Nov 08, 2016\n\n"
        "MOGADISHU – Members of Combined Joint Task Force-Horn of Africa (CJTF-HOA) leadership "
        "traveled to Mogadishu. CJTF-HOA leaders met the force commander."
    )
    body = entity_of(ex, "Combined Joint Task Force-Horn of Africa")
    assert "CJTF-HOA" in body.aliases
    assert entity_of(ex, "Penny Snoozy").type == "PERSON"


def test_a_sentence_final_hyphenated_acronym_is_an_acronym():
    assert is_acronym("JSOTF-P.")
    assert is_acronym("CJTF-HOA")
    assert not is_acronym("MID-EAST")


def test_a_surname_after_its_lower_case_particle_keeps_it(extract):
    ex = extract(
        "Secretary Austin welcomed Angolan Defense Minister Joao Ernesto dos Santos to the "
        'Pentagon today. "We share the same goals," dos Santos told the secretary.'
    )
    person = entity_of(ex, "Joao Ernesto dos Santos")
    assert "dos Santos" in person.aliases


def test_an_office_run_into_its_holders_name_keeps_the_name(extract):
    # "[State for African Affairs Jendayi Frazer]" is cut to the name, not dropped as a domain
    ex = extract(
        "Kenya's opposition leader spent three days with the U.S. Assistant Secretary of State "
        "for African Affairs Jendayi Frazer in Nairobi. Speaking to reporters, Assistant "
        "Secretary Frazer criticized Kenya's electoral commission."
    )
    assert "Frazer" in entity_of(ex, "Jendayi Frazer").aliases
