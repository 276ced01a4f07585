"""Corpus linking, built directly from records: no spaCy, no files outside tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.models import DocumentExtraction, Entity
from newsgraph.pipeline.build import build_graph
from newsgraph.pipeline.corpus import AliasTable, link_corpus


def ent(
    eid: str,
    name: str,
    etype: str = "PERSON",
    aliases: list[str] | None = None,
    titles: list[str] | None = None,
    ambiguous: bool = False,
    doc: str = "",
) -> Entity:
    return Entity(
        id=eid,
        name=name,
        type=etype,
        aliases=sorted(set(aliases or []) | {name}),
        titles=titles or [],
        mentions=len(aliases or []) + 1,
        documents=[doc] if doc else [],
        ambiguous=ambiguous,
    )


def doc(name: str, *entities: Entity) -> DocumentExtraction:
    fixed = [e.model_copy(update={"documents": [name]}) for e in entities]
    return DocumentExtraction(document=name, entities=fixed)


def node_of(links, document: str, eid: str):
    corpus_id = links.mapping[(document, eid)]
    return next(e for e in links.entities if e.id == corpus_id)


def same(links, a: tuple[str, str], b: tuple[str, str]) -> bool:
    return links.mapping[a] == links.mapping[b]


# --- People --------------------------------------------------------------------------------------


def test_full_name_variants_merge_across_documents():
    links = link_corpus(
        [
            doc("a", ent("e0", "Michael Flynn", aliases=["Flynn"])),
            doc("b", ent("e0", "Mike Flynn")),
            doc("c", ent("e0", "Michael T. Flynn")),
            doc("d", ent("e0", "Flynn")),
        ]
    )
    assert len({links.mapping[(d, "e0")] for d in "abcd"}) == 1
    node = node_of(links, "a", "e0")
    assert node.name == "Michael T. Flynn" and not node.ambiguous
    assert node.documents == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("John Kerry", "Frances Kerry"),
        ("Paul Smith", "Paula Smith"),
        ("Frances Kerry", "Francis Kerry"),
        ("Michael Smith", "Michelle Smith"),
        ("George H. W. Bush", "George W. Bush"),
        ("Wladimir Klitschko", "Vitali Klitschko"),
    ],
)
def test_different_full_names_sharing_a_surname_never_merge(first, second):
    links = link_corpus([doc("a", ent("e0", first)), doc("b", ent("e0", second))])
    assert not same(links, ("a", "e0"), ("b", "e0"))


def test_different_surnames_sharing_a_given_name_never_merge():
    links = link_corpus(
        [doc("a", ent("e0", "Yitzhak Modai")), doc("b", ent("e0", "Yitzhak Shamir"))]
    )
    assert not same(links, ("a", "e0"), ("b", "e0"))


@pytest.mark.parametrize(
    "first, second",
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Antony Blinken", "Anthony Blinken"),
        ("Jim Mattis", "James Mattis"),
        ("Bill Clinton", "William J. Clinton"),
        ("W. Mark Felt", "Mark Felt"),
        ("Bashar al-Assad", "Bashar Assad"),
        ("Aleksey Navalny", "Alexei Navalny"),
    ],
)
def test_nicknames_initials_and_transliterations_merge(first, second):
    links = link_corpus([doc("a", ent("e0", first)), doc("b", ent("e0", second))])
    assert same(links, ("a", "e0"), ("b", "e0"))


def test_surname_joins_the_one_full_name_in_the_corpus():
    links = link_corpus([doc("a", ent("e0", "John Kerry")), doc("b", ent("e0", "Kerry"))])
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert not node_of(links, "b", "e0").ambiguous


def test_surname_with_two_candidates_is_ambiguous_and_kept_apart():
    links = link_corpus(
        [
            doc("a", ent("e0", "John Kerry")),
            doc("b", ent("e0", "Frances Kerry")),
            doc("c", ent("e0", "Kerry")),
            doc("d", ent("e0", "Kerry")),
        ]
    )
    kerry_c, kerry_d = node_of(links, "c", "e0"), node_of(links, "d", "e0")
    assert kerry_c.ambiguous and kerry_d.ambiguous
    assert len({links.mapping[(d, "e0")] for d in "abcd"}) == 4  # not even the two "Kerry"
    assert not node_of(links, "a", "e0").ambiguous


def test_honorific_picks_the_one_compatible_candidate():
    links = link_corpus(
        [
            doc("a", ent("e0", "Hillary Clinton"), ent("e1", "Bill Clinton")),
            doc("b", ent("e0", "Clinton", titles=["Mrs."])),
            doc("c", ent("e0", "Clinton")),
        ]
    )
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert node_of(links, "c", "e0").ambiguous
    assert node_of(links, "b", "e0").titles == []  # "Mrs." is no role


def test_family_name_first():
    links = link_corpus(
        [
            doc("a", ent("e0", "Xi Jinping"), ent("e1", "Xi", titles=["President"])),
            doc("b", ent("e0", "Xi", titles=["President"])),
            doc("d", ent("e0", "Kahului Airport"), ent("e1", "Kahului")),  # no title: a place
            doc("c", ent("e0", "Jeff Healey"), ent("e1", "Jeff")),  # a given name: not this rule
        ]
    )
    assert same(links, ("a", "e0"), ("a", "e1"))
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert not same(links, ("d", "e0"), ("d", "e1"))
    # "Jeff" is not Jeff Healey's family name; it joins him as his given name (below).
    assert not any(a == "Xi" for a in node_of(links, "c", "e0").aliases)


def test_given_name_joins_the_person_its_document_names_by_surname():
    # "Joe" in a document that names "Biden", whom another document calls "Joe Biden".
    links = link_corpus(
        [
            doc("a", ent("e0", "Joe Biden"), ent("e1", "Shelly Peiken")),
            doc("b", ent("e0", "Biden", titles=["President"]), ent("e1", "Joe")),
            doc("c", ent("e0", "Joe")),  # no Biden named here
            doc(
                "d", ent("e0", "Peiken"), ent("e1", "Rachel")
            ),  # "Shelly" is a nickname, not "Rachel"
        ]
    )
    assert same(links, ("a", "e0"), ("b", "e1"))
    assert not same(links, ("a", "e0"), ("c", "e0"))
    assert not same(links, ("a", "e1"), ("d", "e1"))


def test_regnal_numbers_are_different_people():
    links = link_corpus(
        [
            doc("a", ent("e0", "Louis XIII")),
            doc("b", ent("e0", "Louis XIV")),
            doc("c", ent("e0", "Louis XIV")),
            doc("d", ent("e0", "Paul Desmarais Sr."), ent("e1", "Paul Desmarais Jr.")),
            doc("e", ent("e0", "Desmarais Sr.")),
        ]
    )
    assert not same(links, ("a", "e0"), ("b", "e0"))
    assert same(links, ("b", "e0"), ("c", "e0"))
    assert same(links, ("d", "e0"), ("e", "e0"))
    assert not same(links, ("d", "e1"), ("e", "e0"))


def test_jr_and_sr_are_different_people():
    links = link_corpus(
        [
            doc("a", ent("e0", "Paul Desmarais Jr."), ent("e1", "Paul Desmarais Sr")),
            doc("b", ent("e0", "Paul Desmarais Sr.")),
        ]
    )
    assert not same(links, ("a", "e0"), ("a", "e1"))
    assert same(links, ("a", "e1"), ("b", "e0"))


def test_surname_without_full_name_joins_the_same_surname_elsewhere():
    links = link_corpus([doc("a", ent("e0", "Trump")), doc("b", ent("e0", "Trump"))])
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert not node_of(links, "a", "e0").ambiguous


def test_document_level_ambiguous_surname_stays_apart():
    links = link_corpus(
        [
            doc(
                "a",
                ent("e0", "Hillary Clinton"),
                ent("e1", "Bill Clinton"),
                ent("e2", "Clinton", ambiguous=True),
            ),
            doc("b", ent("e0", "Clinton", ambiguous=True)),
        ]
    )
    ids = {links.mapping[k] for k in [("a", "e0"), ("a", "e1"), ("a", "e2"), ("b", "e0")]}
    assert len(ids) == 4  # the two documents' "Clinton" may be different people
    assert node_of(links, "a", "e2").ambiguous and node_of(links, "b", "e0").ambiguous


def test_unnamed_office_holders_stay_apart_across_documents():
    # "The President" of a 1990 readout and of a 1998 briefing: each its document's own node,
    # and neither joins a President named elsewhere.
    links = link_corpus(
        [
            doc("a", ent("e0", "the President", titles=["President"], ambiguous=True)),
            doc("b", ent("e0", "the President", titles=["President"], ambiguous=True)),
            doc("c", ent("e0", "Bill Clinton", aliases=["President Clinton"])),
        ]
    )
    nodes = {links.mapping[(d, "e0")] for d in "abc"}
    assert len(nodes) == 3
    assert node_of(links, "a", "e0").ambiguous


def test_a_couple_a_document_kept_apart_stays_apart_in_the_corpus():
    # "General Secretary and Mrs. Gorbachev": the document has two Gorbachevs; another
    # document's "Mrs. Gorbachev" is the wife, its "Gorbachev" not.
    links = link_corpus(
        [
            doc(
                "a",
                ent("e0", "Gorbachev", titles=["General Secretary"]),
                ent("e1", "Gorbachev", titles=["Mrs."]),
            ),
            doc("b", ent("e0", "Gorbachev", titles=["Mrs."])),
        ]
    )
    assert not same(links, ("a", "e0"), ("a", "e1"))
    assert same(links, ("a", "e1"), ("b", "e0"))


def test_nickname_that_fits_two_people_is_ambiguous():
    links = link_corpus(
        [
            doc("a", ent("e0", "Michael T. Flynn")),
            doc("b", ent("e0", "Michael G. Flynn")),
            doc("c", ent("e0", "Mike Flynn")),
        ]
    )
    assert len({links.mapping[(d, "e0")] for d in "abc"}) == 3
    assert node_of(links, "c", "e0").ambiguous


def test_person_never_merges_with_organization_of_similar_letters():
    links = link_corpus(
        [
            doc(
                "a",
                ent("e0", "Sheldon Whitehouse", aliases=["Whitehouse"], titles=["Sen."]),
                ent("e1", "White House", "ORG"),
            ),
            doc(
                "b",
                ent("e0", "Whitehouse", "PERSON", titles=["Sen."]),
                ent("e1", "White House", "ORG"),
            ),
            doc("c", ent("e0", "Whitehouse", "ORG")),
        ]
    )
    person = links.mapping[("a", "e0")]
    org = links.mapping[("a", "e1")]
    assert person != org
    assert links.mapping[("b", "e0")] == person
    assert links.mapping[("b", "e1")] == org
    assert links.mapping[("c", "e0")] not in (person, org)


def test_full_name_mistyped_as_organization_joins_the_person():
    links = link_corpus(
        [
            doc("a", ent("e0", "Peyton Manning", aliases=["Manning"])),
            doc("b", ent("e0", "Peyton Manning")),
            doc("c", ent("e0", "Peyton Manning", "ORG")),
            doc("d", ent("e0", "Morgan Stanley", "ORG")),
            doc("e", ent("e0", "Morgan Stanley", "ORG")),
            doc("f", ent("e0", "Morgan Stanley")),  # the bank, tagged PERSON once
        ]
    )
    assert same(links, ("a", "e0"), ("c", "e0"))
    assert node_of(links, "c", "e0").type == "PERSON"
    assert same(links, ("d", "e0"), ("e", "e0"))
    assert not same(links, ("d", "e0"), ("f", "e0"))
    assert node_of(links, "d", "e0").type == "ORG"


def test_titles_are_collected_on_the_node():
    links = link_corpus(
        [
            doc("a", ent("e0", "James Mattis", titles=["Defense Secretary"])),
            doc("b", ent("e0", "Mattis", titles=["Mr.", "retired Marine general"])),
        ]
    )
    node = node_of(links, "a", "e0")
    assert node.titles == ["Defense Secretary", "retired Marine general"]


# --- Organizations, places, acronyms -------------------------------------------------------------


def test_acronym_defined_in_one_document_links_it_in_another():
    links = link_corpus(
        [
            doc("a", ent("e0", "U.S. Central Command", "ORG", aliases=["CENTCOM"])),
            doc("b", ent("e0", "CENTCOM", "ORG")),
        ]
    )
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert node_of(links, "b", "e0").name == "U.S. Central Command"


def test_acronym_abbreviating_exactly_one_long_name_joins_it():
    links = link_corpus(
        [
            doc("a", ent("e0", "National Security Council", "ORG")),
            doc("b", ent("e0", "NSC", "ORG")),
        ]
    )
    assert same(links, ("a", "e0"), ("b", "e0"))


def test_acronym_abbreviating_two_long_names_is_ambiguous():
    links = link_corpus(
        [
            doc("a", ent("e0", "National Security Council", "ORG")),
            doc("b", ent("e0", "National Safety Council", "ORG")),
            doc("c", ent("e0", "NSC", "ORG")),
        ]
    )
    assert len({links.mapping[(d, "e0")] for d in "abc"}) == 3
    assert node_of(links, "c", "e0").ambiguous


def test_ambiguous_acronym_is_one_node_across_documents():
    links = link_corpus(
        [
            doc("a", ent("e0", "National Security Council", "ORG")),
            doc("b", ent("e0", "National Safety Council", "ORG")),
            doc("c", ent("e0", "NSC", "ORG")),
            doc("d", ent("e0", "NSC", "ORG")),
        ]
    )
    assert same(links, ("c", "e0"), ("d", "e0"))
    assert node_of(links, "d", "e0").ambiguous


def test_ambiguous_surname_mentions_of_one_document_are_one_node():
    links = link_corpus(
        [
            doc(
                "a",
                ent("e0", "Hillary Clinton"),
                ent("e1", "Bill Clinton"),
                ent("e2", "Clinton", ambiguous=True),
                ent("e3", "Clinton", ambiguous=True),
            ),
        ]
    )
    assert same(links, ("a", "e2"), ("a", "e3"))
    assert not same(links, ("a", "e0"), ("a", "e2"))
    assert node_of(links, "a", "e2").ambiguous


def test_company_forms_are_one_organization():
    links = link_corpus(
        [
            doc("a", ent("e0", "Microsoft Corp.", "ORG")),
            doc("b", ent("e0", "Microsoft", "ORG")),
            doc("c", ent("e0", "Microsoft Corporation", "ORG")),
            doc(
                "d", ent("e0", "Holden New Zealand Limited", "ORG"), ent("e1", "New Zealand", "GPE")
            ),
        ]
    )
    assert len({links.mapping[(d, "e0")] for d in "abc"}) == 1
    assert not same(links, ("d", "e0"), ("d", "e1"))


def test_a_countrys_government_in_any_form_is_one_body():
    links = link_corpus(
        [
            doc("a", ent("e0", "Government of Sudan", "ORG")),
            doc("b", ent("e0", "Sudanese government", "ORG")),
            doc("c", ent("e0", "the federal government of Sudan", "ORG")),
            doc("d", ent("e0", "South Sudanese government", "ORG"), ent("e1", "Sudan", "GPE")),
            doc("e", ent("e0", "Sudanese interim government", "ORG")),
        ]
    )
    assert len({links.mapping[(d, "e0")] for d in "abc"}) == 1
    # another country's government, the country itself and an interim government stay apart
    assert not same(links, ("a", "e0"), ("d", "e0"))
    assert not same(links, ("a", "e0"), ("d", "e1"))
    assert not same(links, ("a", "e0"), ("e", "e0"))


def test_acronym_defined_for_two_long_names_does_not_merge_them():
    links = link_corpus(
        [
            doc("a", ent("e0", "American Cancer Society", "ORG", aliases=["ACS"])),
            doc("b", ent("e0", "American Chemical Society", "ORG", aliases=["ACS"])),
            doc("c", ent("e0", "ACS", "ORG")),
        ]
    )
    assert len({links.mapping[(d, "e0")] for d in "abc"}) == 3
    assert node_of(links, "c", "e0").ambiguous


def test_the_pentagon_and_state_department_forms():
    links = link_corpus(
        [
            doc("a", ent("e0", "the Pentagon", "ORG"), ent("e1", "State Department", "ORG")),
            doc("b", ent("e0", "Pentagon", "FAC"), ent("e1", "the State Department", "ORG")),
            doc("c", ent("e1", "U.S. State Department", "ORG")),
        ]
    )
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert same(links, ("a", "e1"), ("b", "e1"))
    assert same(links, ("a", "e1"), ("c", "e1"))


def test_name_without_country_fitting_several_countries_is_ambiguous():
    links = link_corpus(
        [
            doc("a", ent("e0", "Russian Foreign Ministry", "ORG")),
            doc("b", ent("e0", "Israeli Foreign Ministry", "ORG")),
            doc("c", ent("e0", "Foreign Ministry", "ORG")),
            doc("d", ent("e0", "Foreign Ministry", "ORG")),
        ]
    )
    assert len({links.mapping[(d, "e0")] for d in "abcd"}) == 4
    assert node_of(links, "c", "e0").ambiguous


COUNTRY_DOCS = [
    doc("a", ent("e0", "Russia", "GPE"), ent("e1", "American", "NORP")),
    doc(
        "b",
        ent("e0", "Russian Federation", "GPE"),
        ent("e1", "United States", "GPE"),
        ent("e2", "Russian", "NORP"),
    ),
    doc("c", ent("e0", "Tibetan", "NORP")),
]


def test_country_names_and_demonyms():
    links = link_corpus(COUNTRY_DOCS, demonyms=True)
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert same(links, ("a", "e1"), ("b", "e1"))  # "American" joins the United States
    assert same(links, ("b", "e2"), ("a", "e0"))
    assert ("c", "e0") not in links.mapping  # NORP without a country stays out
    assert node_of(links, "a", "e1").type == "GPE"


def test_demonyms_are_off_by_default():
    links = link_corpus(COUNTRY_DOCS)
    assert same(links, ("a", "e0"), ("b", "e0"))  # country names still join
    assert ("a", "e1") not in links.mapping and ("b", "e2") not in links.mapping


def test_demonym_without_its_country_in_the_corpus_stays_out():
    links = link_corpus(
        [doc("a", ent("e0", "French", "NORP"), ent("e1", "Paris", "GPE"))], demonyms=True
    )
    assert ("a", "e0") not in links.mapping
    assert [e.name for e in links.entities] == ["Paris"]


def test_norp_only_entities_are_not_nodes():
    links = link_corpus([doc("a", ent("e0", "Republican", "NORP"))])
    assert links.entities == []


# --- Aliases and exclusions ----------------------------------------------------------------------


def test_alias_table_links_what_the_text_cannot(tmp_path: Path):
    csv_file = tmp_path / "aliases.csv"
    csv_file.write_text(
        "alias,canonical,type\n# knowledge\nISIS,Islamic State,ORG\nPOTUS,Donald Trump,PERSON\n",
        encoding="utf-8",
    )
    table = AliasTable.load(csv_file)
    links = link_corpus(
        [
            doc("a", ent("e0", "Islamic State", "ORG"), ent("e1", "Donald Trump")),
            doc("b", ent("e0", "ISIS", "ORG"), ent("e1", "POTUS", "ORG")),
        ],
        table,
    )
    assert same(links, ("a", "e0"), ("b", "e0"))
    assert same(links, ("a", "e1"), ("b", "e1"))
    node = node_of(links, "b", "e1")
    assert node.type == "PERSON" and "POTUS" in node.aliases


def test_alias_table_resolves_an_ambiguous_surname(tmp_path: Path):
    csv_file = tmp_path / "aliases.csv"
    csv_file.write_text("Kerry,John Kerry,PERSON\n", encoding="utf-8")
    links = link_corpus(
        [
            doc("a", ent("e0", "John Kerry")),
            doc("b", ent("e0", "Frances Kerry")),
            doc("c", ent("e0", "Kerry")),
        ],
        AliasTable.load(csv_file),
    )
    assert same(links, ("a", "e0"), ("c", "e0"))
    assert not same(links, ("b", "e0"), ("c", "e0"))


def test_exclude_list_drops_names(tmp_path: Path):
    exclude = tmp_path / "exclude.txt"
    exclude.write_text("# boilerplate names\nReuters\nthe Associated Press\n", encoding="utf-8")
    links = link_corpus(
        [
            doc(
                "a",
                ent("e0", "Reuters", "ORG"),
                ent("e1", "Associated Press", "ORG"),
                ent("e2", "John Kerry"),
            )
        ],
        AliasTable.load(exclude=exclude),
    )
    assert [e.name for e in links.entities] == ["John Kerry"]
    assert ("a", "e0") not in links.mapping


@pytest.mark.parametrize(
    "text, message",
    [("ISIS\n", "alias,canonical"), ("ISIS,Islamic State,BANANA\n", "unknown type")],
)
def test_malformed_alias_file_is_an_error(tmp_path: Path, text: str, message: str):
    csv_file = tmp_path / "aliases.csv"
    csv_file.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        AliasTable.load(csv_file)


# --- Output --------------------------------------------------------------------------------------


def test_graph_nodes_carry_titles_and_ambiguous():
    extractions = [
        doc("a", ent("e0", "John Kerry", titles=["Secretary of State"])),
        doc("b", ent("e0", "Frances Kerry", titles=["editor"])),
        doc("c", ent("e0", "Kerry")),
    ]
    links = link_corpus(extractions)
    graph = build_graph(extractions, links)
    john = graph.nodes[links.mapping[("a", "e0")]]
    kerry = graph.nodes[links.mapping[("c", "e0")]]
    assert "Secretary of State" in john["titles"] and john["ambiguous"] is False
    assert kerry["ambiguous"] is True


def test_ids_are_unique_and_deterministic():
    extractions = [
        doc("a", ent("e0", "John Kerry")),
        doc("b", ent("e0", "Frances Kerry")),
        doc("c", ent("e0", "Kerry")),
        doc("d", ent("e0", "Kerry")),
    ]
    first = link_corpus(extractions)
    again = link_corpus(extractions)
    assert first.mapping == again.mapping
    assert len({e.id for e in first.entities}) == len(first.entities)


# --- End to end: the CLI's --aliases and --exclude (real spaCy model, tiny texts) ----------------


TEXT_A = (
    "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on "
    "Friday. Officials said ISIS had lost ground near Mosul. Reuters reported the meeting.\n"
)
TEXT_B = (
    "Kerry spoke again on Monday. Officials said Daesh had lost ground near Raqqa. "
    "Reuters reported the call.\n"
)


def _run_cli(tmp_path: Path, *options: str):
    from newsgraph.cli import app

    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    (inputs / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (inputs / "b.txt").write_text(TEXT_B, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(inputs), "-o", str(out), "-q", *options])
    return result, out


def test_cli_aliases_and_exclude_end_to_end(tmp_path: Path):
    import networkx as nx

    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,type\nDaesh,ISIS,ORG\n", encoding="utf-8")
    exclude = tmp_path / "exclude.txt"
    exclude.write_text("# agencies\nReuters\n", encoding="utf-8")
    result, out = _run_cli(tmp_path, "--aliases", str(aliases), "--exclude", str(exclude))
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out / "graph.graphml")
    nodes = {d["label"]: d for _, d in graph.nodes(data=True)}
    assert "Reuters" not in nodes
    isis = nodes["ISIS"]
    assert "Daesh" in isis["aliases"] and isis["documents"] == 2
    kerry = nodes["John Kerry"]
    assert kerry["documents"] == 2 and kerry["ambiguous"] is False
    assert "Foreign Minister" in nodes["Sergei Lavrov"]["titles"]


def test_cli_without_alias_file_keeps_isis_apart(tmp_path: Path):
    import networkx as nx

    result, out = _run_cli(tmp_path)
    assert result.exit_code == 0, result.output
    labels = {d["label"] for _, d in nx.read_graphml(out / "graph.graphml").nodes(data=True)}
    assert {"Reuters", "ISIS", "Daesh"} <= labels


def test_cli_rejects_a_malformed_alias_file(tmp_path: Path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("ISIS\n", encoding="utf-8")
    result, out = _run_cli(tmp_path, "--aliases", str(aliases))
    assert result.exit_code == 2
    assert not (out / "graph.graphml").exists()


def test_a_titled_given_name_alone_is_a_surname_but_a_kings_is_his_given_name():
    links = link_corpus(
        [
            doc(
                "a",
                ent("e1", "Jeffrey Feltman", titles=["Assistant Secretary"]),
                ent("e2", "Jeffrey", titles=["Ambassador"]),
                ent("e3", "Joe Biden"),
                ent("e4", "Joe"),
            ),
            doc("b", ent("e1", "Abdullah Ibn Hussein"), ent("e2", "Abdullah", titles=["King"])),
        ]
    )
    assert not same(links, ("a", "e1"), ("a", "e2"))
    assert same(links, ("a", "e3"), ("a", "e4"))
    assert same(links, ("b", "e1"), ("b", "e2"))


def test_a_countrys_initials_join_its_name():
    # "USA" is an ISO code the country data keeps, since it spells "United States of America"
    links = link_corpus(
        [doc("a", ent("e0", "United States", "GPE"), ent("e1", "USA", "GPE"))], demonyms=False
    )
    assert same(links, ("a", "e0"), ("a", "e1"))


def test_a_fathers_name_after_bin_is_no_surname_of_the_son():
    links = link_corpus(
        [
            doc("a", ent("e0", "Salman", titles=["King"])),
            doc("b", ent("e0", "Mohammed bin Salman", titles=["Crown Prince"])),
            doc("c", ent("e0", "Bandar", titles=["Ambassador"])),
            doc("d", ent("e0", "Khalid bin Bandar", titles=["Prince"])),
            doc("e", ent("e0", "Ursula von der Leyen")),
            doc("f", ent("e0", "Leyen")),
        ]
    )
    assert not same(links, ("a", "e0"), ("b", "e0"))
    assert not same(links, ("c", "e0"), ("d", "e0"))
    # a long surname is still found by its last word
    assert same(links, ("e", "e0"), ("f", "e0"))
