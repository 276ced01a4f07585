"""Probes of a review of the twentieth session's rules: each was a regression of a first
version (a wrong edge or merge, or a lost edge or name) and stays fixed."""

from __future__ import annotations

import pytest

try:
    from test_link import entity_of
    from test_relate import edges, normalized
except ImportError:  # tests/ imported as a package
    from tests.test_link import entity_of
    from tests.test_relate import edges, normalized


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # another meeting than the one the sentence before reported
        (
            "Secretary Clinton met Foreign Minister Lavrov on Monday. Russian Ambassador Sergey "
            "Kislyak also attended the meeting of the Security Council.",
            ("met", "Clinton", "Sergey Kislyak"),
        ),
        (
            "Defense Secretary Leon Panetta met with President Mohammed Mursi on Monday. On "
            "Tuesday, Field Marshal Hussein Tantawi also attended the meetings.",
            ("met", "Hussein Tantawi", "Leon Panetta"),
        ),
        (
            "President Obama met Chancellor Merkel at the White House. Later, Secretary Kerry "
            "joined her for the meeting with European ministers.",
            ("met", "Kerry", "Obama"),
        ),
        # a team is no party to a joint appearance
        (
            "At a joint appearance with the Detroit Lions, Barry Sanders said he would retire.",
            ("met", "Barry Sanders", "Detroit Lions"),
        ),
        # a chance missed or given to someone else
        (
            "Secretary Austin missed the chance to meet President Zelensky.",
            ("met", "Austin", "Zelensky"),
        ),
        (
            "President Biden gave Sergeant Maria Lopez the chance to meet Secretary Austin.",
            ("met", "Austin", "Biden"),
        ),
    ],
)
def test_no_edge(extract, text, unexpected):
    assert normalized(unexpected) not in edges(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's possessive makes no reporter
        (
            "NATO's Jens Stoltenberg traveled to Kyiv with Secretary Antony Blinken on Monday.",
            ("met", "Antony Blinken", "Jens Stoltenberg"),
        ),
        (
            "The White House's Jake Sullivan traveled to Riyadh with Brett McGurk.",
            ("met", "Brett McGurk", "Jake Sullivan"),
        ),
    ],
)
def test_edge_kept(extract, text, expected):
    assert normalized(expected) in edges(extract(text))


def test_burmese_tun_is_a_name_not_a_title(extract):
    ex = extract("Minister Tun Tun Naing met Ambassador Derek Mitchell. Tun Tun Naing spoke.")
    entity_of(ex, "Tun Tun Naing")
    ex = extract("Tun Razak founded the party. His son Najib Razak later met President Obama.")
    assert entity_of(ex, "Tun Razak") is not entity_of(ex, "Najib Razak")


def test_two_countries_ministries_stay_apart(extract):
    ex = extract(
        "Ukraine's Ministry of Defense said Russian forces shelled Kharkiv. Russia's Defense "
        "Ministry denied the claim."
    )
    assert entity_of(ex, "Ministry of Defense") is not entity_of(ex, "Defense Ministry")


def test_a_named_department_runs_into_no_of_phrase(extract):
    ex = extract("The Justice Department of the Trump administration indicted Michael Cohen.")
    entity_of(ex, "Justice Department")


def test_a_surname_parkway_is_a_person(extract):
    ex = extract("Staff Sgt. Michael Parkway met Gen. Mark Milley at Fort Bragg.")
    assert entity_of(ex, "Michael Parkway").type == "PERSON"
