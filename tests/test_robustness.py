"""Hostile inputs, faults and determinism: a batch finishes, problems are named, none lost."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.lexicon import default_lexicon
from newsgraph.models import Document, DocumentExtraction, Entity, Evidence, Relation
from newsgraph.pipeline import runner
from newsgraph.pipeline.build import build_graph
from newsgraph.pipeline.corpus import link_corpus
from newsgraph.pipeline.export import write_graphml
from newsgraph.pipeline.extract import extract_documents
from newsgraph.pipeline.nlp import parse_texts, split_dateline, split_paragraphs, split_text
from newsgraph.pipeline.runner import RunOptions

LAST = "Angela Merkel met with Emmanuel Macron in Berlin."
FILLER = [
    "Defense Secretary James Mattis arrived in Kabul on Monday.",
    "He met with President Ashraf Ghani at the palace.",
    "Officials in Brussels said the European Union would respond next week.",
    "Russian President Vladimir Putin criticized NATO.",
    "The United Nations said talks would continue in Geneva.",
]


def long_text(sentences: int) -> str:
    """One long paragraph (no blank line to cut at) whose last sentence names two leaders."""
    return " ".join(FILLER[i % len(FILLER)] for i in range(sentences)) + " " + LAST + "\n"


def met_pairs(graphml: Path) -> set[frozenset[str]]:
    graph = nx.read_graphml(graphml, force_multigraph=True)
    label = dict(graph.nodes(data="label"))
    return {
        frozenset((label[a], label[b]))
        for a, b, d in graph.edges(data=True)
        if d.get("relation") == "met"
    }


@pytest.fixture
def hostile(tmp_path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(
        "Fran\u00e7ois Hollande met with Angela Merkel in K\u00f6ln on Friday.\n".encode("latin-1")
    )
    (folder / "controls.txt").write_bytes(
        b"Olaf Scholz\x0b met with Donald Tusk in Brussels.\x1b\x07 " + b"The talks went on. " * 5
    )
    (folder / "markup.html").write_text(
        "<html><head><title>Trump &amp; Kim</title></head><body><p>Donald Trump met "
        "Kim Jong Un in Singapore.</p><script>alert('x')</script></body></html>"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "windows.txt").write_bytes(
        b"\xef\xbb\xbfBoris Johnson met Joe Biden in London.\r\nThey spoke about trade.\r\n"
    )
    (folder / "long.txt").write_text(long_text(120))
    feed = [
        json.dumps({"id": "feed-1", "text": "Shinzo Abe met Vladimir Putin in Moscow."}),
        '{"id": "feed-2", "text": "trunc',
        json.dumps({"id": "feed-3", "text": "Justin Trudeau met Narendra Modi in Delhi."}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(feed) + "\n")
    return folder


# ------------------------------------------------ one bad document never stops a batch


def test_hostile_folder_finishes_names_every_problem_and_keeps_every_good_document(
    hostile, tmp_path
):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(hostile), "-o", str(out), "--workers", "1", "--batch-size", "4"]
    )
    assert result.exit_code == 3, result.output
    assert f"skipped: {hostile / 'binary.txt'}: binary file" in result.output
    assert f"empty: {hostile / 'empty.txt'}" in result.output
    assert f"skipped: {hostile / 'feed.jsonl'}:2: bad JSON" in result.output
    assert f"repaired: {hostile / 'latin1.txt'}" in result.output
    assert f"repaired: {hostile / 'controls.txt'}" in result.output
    report = json.loads((out / "run.json").read_text())
    assert (report["processed"], report["repaired"], report["skipped"], report["empty"]) == (
        7,
        2,
        2,
        1,
    )
    assert report["failed"] == 0
    ET.parse(out / "graph.graphml")  # well-formed XML
    graph = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    names = {d["label"] for _, d in graph.nodes(data=True)}
    for name in [
        "Fran\u00e7ois Hollande",
        "Olaf Scholz",
        "Donald Tusk",
        "Donald Trump",
        "Boris Johnson",
        "Joe Biden",
        "Shinzo Abe",
        "Justin Trudeau",
        "Angela Merkel",
        "Emmanuel Macron",
    ]:
        assert name in names, (name, names)
    pairs = met_pairs(out / "graph.graphml")
    assert frozenset(("Angela Merkel", "Emmanuel Macron")) in pairs  # last sentence of long.txt
    assert frozenset(("Fran\u00e7ois Hollande", "Angela Merkel")) in pairs  # the Latin-1 file


def test_duplicate_document_ids_are_skipped_and_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    row = json.dumps({"id": "same", "text": LAST})
    (folder / "a.jsonl").write_text(row + "\n")
    (folder / "b.jsonl").write_text(json.dumps({"id": "other", "text": LAST}) + "\n" + row + "\n")
    report = runner.run([folder], tmp_path / "out", RunOptions(workers=1))
    assert (report.processed, report.skipped) == (2, 1)
    [problem] = report.problems
    assert problem.where() == f"{folder / 'b.jsonl'}:2" and "duplicate" in problem.reason


def test_repairs_alone_exit_zero_and_are_counted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Fran\u00e7ois Hollande met Angela Merkel.".encode("cp1252"))
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "repaired" in result.output
    assert json.loads((tmp_path / "out" / "run.json").read_text())["repaired"] == 1


def test_strict_stops_at_the_first_problem_before_writing_anything(hostile, tmp_path):
    out = tmp_path / "never"
    result = CliRunner().invoke(app, ["run", str(hostile), "-o", str(out), "--strict"])
    assert result.exit_code == 2
    assert "binary.txt" in result.output
    assert not out.exists()
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(LAST)
    prev = tmp_path / "prev"
    assert CliRunner().invoke(app, ["run", str(good), "-o", str(prev), "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in prev.iterdir() if p.is_file()}
    result = CliRunner().invoke(app, ["run", str(good), str(hostile), "-o", str(prev), "--strict"])
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in prev.iterdir() if p.is_file()} == before


# ---------------------------------------------------------------- long texts


def test_two_megabyte_text_is_cut_at_sentence_ends_keeping_its_last_sentence():
    text = long_text(36_000)
    assert len(text) > 2_000_000
    pieces = split_text(text, 100_000)
    assert len(pieces) > 20
    assert all(len(piece) <= 100_000 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(piece.rstrip().endswith(".") for _, piece in pieces)
    assert all(not piece[:1].isspace() for _, piece in pieces)
    assert pieces[-1][1].rstrip().endswith(LAST)
    covered = " ".join(piece for _, piece in pieces)
    assert covered.split() == text.split()  # only whitespace between pieces is left out


def test_long_file_keeps_the_relation_in_its_last_sentence(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(long_text(200))
    options = RunOptions(workers=1, max_chunk=2_000, use_cache=False)
    report = runner.run([folder], tmp_path / "out", options)
    assert report.processed == 1 and not report.problems
    assert frozenset(("Angela Merkel", "Emmanuel Macron")) in met_pairs(
        tmp_path / "out" / "graph.graphml"
    )


def test_no_entity_or_relation_is_lost_or_moved_at_a_cut(nlp):
    text = long_text(250)
    [whole] = extract_documents(nlp, [Document(id="d", text=text)], default_lexicon())
    [cut] = extract_documents(
        nlp, [Document(id="d", text=text)], default_lexicon(), max_chunk=1_000
    )
    assert [m.model_dump() for m in cut.mentions] == [m.model_dump() for m in whole.mentions]
    assert [r.model_dump() for r in cut.relations] == [r.model_dump() for r in whole.relations]
    assert cut.relations[-1].evidence[0].sentence == LAST


# ---------------------------------------------------------------- atomic outputs


def test_failed_write_leaves_the_previous_outputs_whole(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(LAST)
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (folder / "b.txt").write_text("Boris Johnson met Joe Biden in London.")

    def half_then_fail(self, file, *args, **kwargs):
        file.write(b"<?xml version='1.0' encoding='utf-8'?>\n<graphml><graph><node id=")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ET.ElementTree, "write", half_then_fail)
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before  # graph, extractions and run.json all as they were
    assert [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".cache"] == []


# ---------------------------------------------------------------- determinism


def test_same_inputs_give_byte_identical_outputs_across_runs_and_batch_sizes(hostile, tmp_path):
    runs = []
    for n, batch in enumerate((1, 7, 32)):
        out = tmp_path / f"out{n}"
        runner.run([hostile], out, RunOptions(workers=1, batch_size=batch, use_cache=n == 2))
        runs.append(
            ((out / "graph.graphml").read_bytes(), (out / "extractions.jsonl").read_bytes())
        )
    assert runs[0] == runs[1] == runs[2]


# ---------------------------------------------------------------- properties

PROPS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NAMEISH = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from(list("Merkel Macron.\n")),
    max_size=120,
)


@PROPS
@given(st.lists(NAMEISH, min_size=1, max_size=3))
def test_any_unicode_goes_through_linking_relations_and_graphml(nlp, tmp_path_factory, texts):
    documents = [Document(id=f"doc-{i}\u0001", text=t + " " + LAST) for i, t in enumerate(texts)]
    extractions = list(extract_documents(nlp, documents, default_lexicon()))
    assert [e.document for e in extractions] == [d.id for d in documents]
    for doc, ex in zip(documents, extractions, strict=True):
        for m in ex.mentions:
            assert doc.text[m.start : m.end] == m.text
        for r in ex.relations:
            assert {r.source, r.target} <= {e.id for e in ex.entities}
            for ev in r.evidence:
                assert ev.sentence in doc.text
        DocumentExtraction.model_validate_json(ex.model_dump_json())
    links = link_corpus(extractions)
    graph = build_graph(extractions, links)
    path = write_graphml(graph, tmp_path_factory.mktemp("g") / "graph.graphml")
    ET.parse(path)
    assert nx.read_graphml(path, force_multigraph=True).number_of_nodes() == graph.number_of_nodes()


@PROPS
@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=80))
def test_graphml_holds_any_name_alias_and_evidence(tmp_path_factory, name, alias, sentence):
    people = [
        Entity(
            id="e0",
            name="A " + name,
            type="PERSON",
            aliases=[alias, "A " + name],
            mentions=1,
            documents=["d"],
        ),
        Entity(
            id="e1",
            name="B " + alias,
            type="PERSON",
            aliases=[name, "B " + alias],
            mentions=1,
            documents=["d"],
        ),
    ]
    relation = Relation(
        type="met",
        source="e0",
        target="e1",
        evidence=[
            Evidence(
                document="d\x0c" + name,
                sentence=sentence,
                start=0,
                end=len(sentence),
                trigger=alias,
            )
        ],
    )
    ex = DocumentExtraction(document="d", entities=people, relations=[relation])
    graph = build_graph([ex], link_corpus([ex]))
    path = write_graphml(graph, tmp_path_factory.mktemp("g") / "graph.graphml")
    ET.parse(path)
    nx.read_graphml(path, force_multigraph=True)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("ANKARA, Turkey (AP) — Turkish President Erdogan spoke.", "ANKARA, Turkey (AP) — "),
        ("KABUL, Dec 3 (Reuters) - The Taliban said.", "KABUL, Dec 3 (Reuters) - "),
        ("Washington (AFP) – The White House said.", "Washington (AFP) – "),
        ("BEIJING — China on Monday said.", "BEIJING — "),
        ("U.S. - China talks resumed.", ""),
        ("NATO — the alliance — said.", ""),
        ("Angela Merkel – who led Germany – spoke.", ""),
        ("WASHINGTON-based groups said.", ""),
        # a military news service's bracketed date, after a city in capitals only
        (
            "TEGUCIGALPA, Honduras (Jun. 30, 2022) -- U.S. Army Gen. Laura Richardson met.",
            "TEGUCIGALPA, Honduras (Jun. 30, 2022) -- ",
        ),
        ("Obama met Putin (June 3, 2010) -- and spoke.", ""),
    ],
)
def test_a_wire_dateline_is_found_only_where_it_is_one(text, dateline):
    assert text[: split_dateline(text)] == dateline


def test_a_dateline_is_its_own_piece_with_true_offsets():
    text = "Title\n\nCAIRO (Reuters) - Egyptian President Sisi spoke. He left."
    pieces = split_paragraphs(text)
    assert [piece for _, piece in pieces] == [
        "Title",
        "CAIRO (Reuters) -",
        "Egyptian President Sisi spoke. He left.",
    ]
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_a_text_wrapped_by_hand_keeps_its_paragraphs_and_names_whole(extract):
    text = (
        "TITLE=KOREA SUMMIT (L)\n"
        "INTRO: South Korea's president has secured the\n"
        "support of the main opposition party for his\n"
        "unprecedented June summit with North Korean leader Kim\n"
        "Jong-il. The talks are set for Pyongyang in the middle of\n"
        "June, when President Kim Dae Jung will travel north.\n"
    )
    pieces = split_paragraphs(text)
    assert [piece.split("\n")[0] for _, piece in pieces][:2] == [
        "TITLE=KOREA SUMMIT (L)",
        "INTRO: South Korea's president has secured the",
    ]
    assert len(pieces) == 2
    people = {e.name for e in extract(text).entities if e.type == "PERSON"}
    assert "Kim Jong-il" in people


def test_a_line_break_in_running_text_still_ends_a_list(extract):
    # Only a text wrapped by hand reads its line breaks as spaces: in running text the roster
    # line ends at its break, before the prose below it.
    ex = extract(
        "The President met his national security team today. Attendees at today’s meeting "
        "included:\n\nWhite House Chief of Staff Denis McDonough, National Security Advisor "
        "Susan Rice, Secretary of State John Kerry,\nThe readout was released by the press "
        "office in Washington later that evening."
    )
    names = {e.id: e.name for e in ex.entities}
    met = {
        frozenset((names[r.source], names[r.target]))
        for r in ex.relations
        if r.type == "met" and not (r.negated or r.hedged)
    }
    assert frozenset(("Susan Rice", "John Kerry")) in met


def test_a_stray_blank_line_inside_a_sentence_keeps_the_name_whole(extract, nlp):
    text = (
        "The President and the Prime Minister of Portugal, Antonio Manuel\n\nde Oliveira "
        "Guterres, met for just over 90 minutes in the White House today, their first talks "
        "since the election of the new government in Lisbon.\n\nBolton, in a VOA "
        "Interview, Calls President Trump Erratic and Dangerous\nplease wait\n"
    )
    pieces = split_paragraphs(text)
    assert pieces[0][1].startswith("The President") and pieces[0][1].endswith("Lisbon.")
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    ex = extract(text)
    guterres = [e for e in ex.entities if e.name == "Antonio Manuel de Oliveira Guterres"]
    assert guterres and guterres[0].type == "PERSON"
    # a page's short line after a headline stays a line of its own
    parsed = next(parse_texts(nlp, [text]))
    assert not [doc for _, doc in parsed if "Dangerous please" in doc.text]
    assert "Manuel  de Oliveira" in parsed[0][1].text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Leader McConnell and Senators Collins Meet President Zelenskyy in Kyiv",
            "Leader McConnell and Senators Collins meet President Zelenskyy in Kyiv",
        ),
        (
            "Secretary Blinken Holds Talks With Foreign Minister Wang",
            "Secretary Blinken holds talks with Foreign Minister Wang",
        ),
        # a sentence, a line in capitals, a name after "The", the first word: as written
        ("Leader McConnell and Senators Collins Meet President Zelenskyy.", "same"),
        ("SENATORS MEET PRESIDENT ZELENSKYY IN KYIV", "same"),
        ("Funds for The Sign Language Society Announced Today", "same"),
        # the first word stays; "host" is a noun here, in lower case as a sentence writes it
        (
            "Meet The Press Host Interviews Senator Collins",
            "Meet The Press host Interviews Senator Collins",
        ),
        # names that look like verbs: after a title, or no form of a verb at all
        (
            "Israeli Prime Minister Begin Meets Egyptian President Sadat",
            "Israeli Prime Minister Begin meets Egyptian President Sadat",
        ),
        (
            "Afghan Envoy Sayed Tayeb Jawad Meets Secretary Rice",
            "Afghan Envoy Sayed Tayeb Jawad meets Secretary Rice",
        ),
        (
            "Reagan Spokesman Larry Speakes Meets Soviet Envoy Dobrynin",
            "Reagan Spokesman Larry Speakes meets Soviet Envoy Dobrynin",
        ),
        # "US" stands before names in the title list, but no verb after it is a name
        (
            "US Concludes Tough Talks With China in Alaska",
            "US concludes Tough talks with China in Alaska",
        ),
        # a known given name stays ("Said Jalili")
        (
            "Obama Meets Nawaz Sharif, Said Jalili Joins Talks",
            "Obama meets Nawaz Sharif, Said Jalili joins talks",
        ),
        # a list item behind a bullet is no headline
        ("  • Larry Speakes, Former Press Secretary Who Met Gorbachev", "same"),
    ],
)
def test_headline_case_lowers_a_title_case_headlines_verbs_only(line, expected):
    from newsgraph.pipeline.nlp import headline_case

    words = default_lexicon().headline_words
    got = headline_case(line + "\nMay 14, 2022", words, default_lexicon().name_titles)
    assert len(got) == len(line) + len("\nMay 14, 2022")
    assert got.split("\n") == [line if expected == "same" else expected, "May 14, 2022"]


def test_a_dash_opening_a_wrapped_line_is_no_bullet(extract):
    # every line is short: a text wrapped by hand, where a dash may open a line mid-sentence
    text = (
        "Senator Lindsey Graham and Senator Richard Blumenthal met President Volodymyr Zelensky\n"
        "- the two senators' third visit - and later criticized Russian\n"
        "President Vladimir Putin.\n"
    )
    ex = extract(text)
    names = {e.id: e.name for e in ex.entities}
    opposed = {(names[r.source], names[r.target]) for r in ex.relations if r.type == "opposed"}
    assert ("Lindsey Graham", "Vladimir Putin") in opposed, opposed


def test_list_items_behind_bullets_are_sentences_even_in_a_wrapped_text(nlp):
    # every line is short, so line breaks inside paragraphs read as spaces; not before a bullet
    text = (
        "Attendees at the meeting included:\n"
        "  • John Podesta, Counselor to the President\n"
        "  • Susan Rice, Assistant to the President\n"
    )
    sentences = [s.text for _, doc in next(parse_texts(nlp, [text])) for s in doc.sents]
    assert not [s for s in sentences if "Podesta" in s and "Rice" in s], sentences
    assert [s for s in sentences if "Rice" in s], sentences
