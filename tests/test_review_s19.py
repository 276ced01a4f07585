"""Probes of a review of the nineteenth session's rules: each was a regression of a first
version (a wrong edge, type or merge, or a lost edge) and stays fixed."""

from __future__ import annotations

import pytest

try:
    from test_relate import edges, normalized
except ImportError:  # tests/ imported as a package
    from tests.test_relate import edges, normalized


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # sides of a place, and mediators of warring factions, oppose no one
        (
            "Capt. John Smith and Lt. Mark Jones commanded opposite sides of the perimeter "
            "during the attack.",
            ("opposed", "John Smith", "Mark Jones"),
        ),
        (
            "Sgt. Ryan Miller and Cpl. David Lee fought on opposite sides of the compound to "
            "repel the insurgents.",
            ("opposed", "Ryan Miller", "David Lee"),
        ),
        (
            "U.S. envoy Donald Booth and Ethiopian Prime Minister Hailemariam Desalegn led the "
            "warring factions to a peace deal in Addis Ababa.",
            ("opposed", "Donald Booth", "Hailemariam Desalegn"),
        ),
        # "Adviser to the President" may be another president's man
        (
            "KIEV -- Adviser to the President Oleksiy Arestovych said talks would continue. "
            "Ukrainian President Volodymyr Zelensky thanked President Biden for the aid.",
            ("advised", "Oleksiy Arestovych", "Biden"),
        ),
        (
            "Afghan President Ashraf Ghani and President Obama met. Attending were Adviser to "
            "the President Stanekzai, Minister of Defense Rahimi, and Minister of Interior Ulumi.",
            ("advised", "Stanekzai", "Obama"),
        ),
        # a former president is no head of government now
        (
            "Assistant to the President for Economic Policy Gene Sperling met union leaders. "
            "Former President Bill Clinton spoke later.",
            ("advised", "Gene Sperling", "Bill Clinton"),
        ),
        # the name after a second office's "of" is the one served, not the subject
        (
            "Aide to the Secretary of Defense Robert Gates met Afghan President Hamid Karzai on "
            "Friday.",
            ("met", "Robert Gates", "Hamid Karzai"),
        ),
        # a capitalised plural title must be the titles of the pair
        (
            "Gen. David Petraeus and Ambassador Ryan Crocker testified on Tuesday. The Senators "
            "met behind closed doors afterwards.",
            ("met", "David Petraeus", "Ryan Crocker"),
        ),
        (
            "President Obama and President Putin spoke on Monday. The Foreign Ministers met in "
            "Geneva.",
            ("met", "Obama", "Putin"),
        ),
    ],
)
def test_review_probes_give_no_wrong_edge(extract, text, unexpected):
    got = edges(extract(text))
    assert normalized(unexpected) not in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation that ends a sentence still ends it before "The", "He"
        (
            "Secretary of State John Kerry flew to Dover, Del. The secretary then met Delaware "
            "Gov. Jack Markell.",
            ("met", "John Kerry", "Jack Markell"),
        ),
        (
            "Obama flew to meet Biden in Wilmington, Del. The two men discussed the campaign.",
            ("met", "Biden", "Obama"),
        ),
        # a plural that is a body's own word stays in its name
        (
            "The Shinwari Council of Elders met Governor Gul Agha Sherzai in Jalalabad.",
            ("met", "Gul Agha Sherzai", "Shinwari Council of Elders"),
        ),
        (
            "President Bush met the Documented Original Tuskegee Airmen at the White House.",
            ("met", "Bush", "Documented Original Tuskegee Airmen"),
        ),
    ],
)
def test_review_probes_keep_the_right_edge(extract, text, expected):
    got = edges(extract(text))
    assert normalized(expected) in got, got


def test_review_probes_keep_names_and_types(extract):
    ex = extract(
        "The Kandahar Council of Elders met Governor Tooryalai Wesa. The Kandahar Council of "
        "Leaders, a separate body, criticized Wesa."
    )
    orgs = {e.name for e in ex.entities if e.type == "ORG"}
    assert {"Kandahar Council of Elders", "Kandahar Council of Leaders"} <= orgs, orgs
    ex = extract(
        "The Association of State and Territorial Health Officials criticized Health "
        "Secretary Alex Azar."
    )
    assert "Association of State and Territorial Health Officials" in {
        e.name for e in ex.entities
    }, ex.entities
    ex = extract("Sqn Ldr John Smith met Afghan Defence Minister Abdul Rahim Wardak in Kabul.")
    assert not [e for e in ex.entities if e.type == "ORG" and "Smith" in e.name], ex.entities
    ex = extract(
        "Kofi Annan, chair of The Elders, met Kenyan President Uhuru Kenyatta. The Elders said "
        "they would return."
    )
    assert "Elders" in {e.name for e in ex.entities}, ex.entities
    # a country after an office that is no White House one stays a country
    for text, place in (
        (
            "The summit was attended by Vice President Biden, Secretary of Homeland Security "
            "Johnson, and the Secretary of Public Security Mexico, Osorio Chong.",
            "Mexico",
        ),
        (
            "The President was joined by Vice President Biden, Secretary of State Kerry, "
            "Secretary of Defense Hagel, and Minister of Foreign Affairs Jordan, Minister of "
            "Defense Israel, and others.",
            "Israel",
        ),
    ):
        ex = extract(text)
        assert place not in {e.name for e in ex.entities if e.type == "PERSON"}, ex.entities
    # no junk name from a sentence run on past an abbreviation
    ex = extract("Smith met Karzai after he was promoted to Pvt. Later, Jones criticized Karzai.")
    assert not [e for e in ex.entities if "Later" in e.name], ex.entities
