"""Reading inputs: folders, globs, JSONL, HTML, standard input, and hostile bytes."""

from __future__ import annotations

import builtins
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.models import Document, Problem
from newsgraph.pipeline.read import (
    clean_text,
    count_documents,
    decode_text,
    read_documents,
    read_jsonl_bytes,
    read_stream,
)

MERKEL = "Angela Merkel met with Emmanuel Macron in Berlin."


def docs_and_problems(items):
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    return docs, problems


# ---------------------------------------------------------------- folders, ids, globs


def test_folders_are_read_recursively_in_stable_order_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "two.txt").write_text("Two.")
    (tmp_path / "a" / "deep" / "one.md").write_text("One.")
    (tmp_path / "z.txt").write_text("Zed.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs, problems = docs_and_problems(list(read_documents([tmp_path])))
    assert [d.id for d in docs] == ["z.txt", "a/deep/one.md", "b/two.txt"]
    assert not problems
    again = [d.id for d in read_documents([tmp_path]) if isinstance(d, Document)]
    assert again == [d.id for d in docs]


def test_glob_filters_folder_files_by_name_or_relative_path(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("Keep.")
    (tmp_path / "x" / "drop.md").write_text("Drop.")
    ids = [d.id for d in read_documents([tmp_path], glob="*.txt")]
    assert ids == ["x/keep.txt"]
    ids = [d.id for d in read_documents([tmp_path], glob="x/*.md")]
    assert ids == ["x/drop.md"]


def test_missing_input_is_a_failed_problem_not_an_exception(tmp_path):
    items = list(read_documents([tmp_path / "nope.txt"]))
    assert len(items) == 1 and items[0].kind == "failed"
    assert "nope.txt" in items[0].source


def test_count_documents_counts_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n{"text": "z"}\n')
    assert count_documents([tmp_path]) == 4
    assert count_documents(["-"]) is None


# ---------------------------------------------------------------- JSONL


def test_jsonl_ids_metadata_and_fallback_ids(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "art-1", "text": MERKEL, "title": "T", "date": "2019-05-02", "url": "http://x/1"},
        {"text": "No id here."},
        {"id": 7, "text": "Numeric id."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    docs, problems = docs_and_problems(list(read_documents([path])))
    assert not problems
    assert [d.id for d in docs] == ["art-1", "feed.jsonl:2", "7"]
    assert (docs[0].title, docs[0].date, docs[0].url) == ("T", "2019-05-02", "http://x/1")
    assert [d.line for d in docs] == [1, 2, 3]


def test_malformed_jsonl_lines_are_named_by_line_and_skipped(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "a", "text": "Fine."}\n'
        '{"id": "b", "text": "truncated\n'
        '["not", "an", "object"]\n'
        '{"id": "c"}\n'
        '{"id": "d", "text": "   "}\n'
        '{"id": "e", "text": "Also fine."}\n'
    )
    docs, problems = docs_and_problems(list(read_documents([path])))
    assert [d.id for d in docs] == ["a", "e"]
    assert [(p.line, p.kind) for p in problems] == [
        (2, "skipped"),
        (3, "skipped"),
        (4, "skipped"),
        (5, "empty"),
    ]
    assert problems[0].where() == f"{path}:2"
    assert "bad JSON" in problems[0].reason


def test_jsonl_is_streamed_not_read_whole():
    class OneShot(io.BytesIO):
        """Fails if anyone reads the whole stream at once."""

        def read(self, size=-1):
            assert size is not None and size >= 0, "read() of the whole stream"
            return super().read(size)

    lines = b"".join(b'{"id": "%d", "text": "Text %d."}\n' % (i, i) for i in range(1000))
    items = read_stream(io.BufferedReader(OneShot(lines)), "-")
    first = next(items)
    assert isinstance(first, Document) and first.id == "0"
    assert sum(1 for _ in items) == 999


def test_jsonl_line_in_a_legacy_encoding_is_repaired_with_its_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "ok", "text": "Plain."}\n'
        + '{"id": "cafe", "text": "José Núñez met François Hollande."}\n'.encode("cp1252")
    )
    docs, problems = docs_and_problems(list(read_documents([path])))
    assert [d.id for d in docs] == ["ok", "cafe"]
    assert docs[1].text == "Jos\u00e9 N\u00fa\u00f1ez met Fran\u00e7ois Hollande."
    assert [(p.kind, p.line) for p in problems] == [("repaired", 2)]


def test_jsonl_text_with_crlf_controls_and_lone_surrogates_is_cleaned():
    raw = json.dumps({"id": "x\u0007", "text": "A\r\nB\u0000C \ud800D"}).encode() + b"\r\n"
    items = list(read_jsonl_bytes(raw, "f.jsonl", "f.jsonl"))
    docs, problems = docs_and_problems(items)
    assert docs[0].text == "A\nBC D"
    assert docs[0].id == "x"
    assert problems[0].kind == "repaired"


def test_stdin_holds_jsonl_or_one_plain_article():
    jsonl = b'{"id": "s1", "text": "One."}\n{"text": "Two."}\n'
    ids = [d.id for d in read_documents(["-"], stdin=io.BufferedReader(io.BytesIO(jsonl)))]
    assert ids == ["s1", "stdin:2"]
    plain = io.BufferedReader(io.BytesIO(MERKEL.encode()))
    docs = list(read_documents(["-"], stdin=plain))
    assert [(d.id, d.text) for d in docs] == [("stdin", MERKEL)]


# ---------------------------------------------------------------- HTML and Markdown

PAGE = """<html><head><title>Merkel meets Macron</title>
<meta property="article:published_time" content="2019-05-02T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Merkel meets Macron</h1>
<p>Angela Merkel met with Emmanuel Macron in Berlin on Thursday. The two leaders discussed trade
and the future of the European Union at length.</p>
<p>Macron said the talks were &quot;productive&quot; and promised to return in the autumn.</p>
</article><script>var x = "<p>not text</p>";</script><footer>Copyright</footer></body></html>"""


def test_html_main_text_title_and_date(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    [doc] = read_documents([tmp_path / "page.html"])
    assert doc.title == "Merkel meets Macron"
    assert doc.date == "2019-05-02"
    assert "Angela Merkel met with Emmanuel Macron" in doc.text
    assert '"productive"' in doc.text
    assert "<" not in doc.text and "var x" not in doc.text
    assert "\n\n" in doc.text  # paragraphs stay apart


def test_html_without_trafilatura_falls_back_to_stripped_tags(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    (tmp_path / "page.htm").write_text(PAGE)
    [doc] = read_documents([tmp_path / "page.htm"])
    assert doc.title == "Merkel meets Macron"
    assert doc.date == "2019-05-02"
    assert "Angela Merkel met with Emmanuel Macron" in doc.text
    assert "var x" not in doc.text and "Copyright" not in doc.text


def test_markdown_front_matter_gives_title_and_date(tmp_path):
    (tmp_path / "post.md").write_text(
        '---\ntitle: "Talks in Berlin"\ndate: 2020-01-31\n---\n' + MERKEL + "\n"
    )
    [doc] = read_documents([tmp_path / "post.md"])
    assert (doc.title, doc.date) == ("Talks in Berlin", "2020-01-31")
    assert doc.text.strip() == MERKEL


# ---------------------------------------------------------------- hostile bytes


def test_binary_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    (tmp_path / "doc.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 50)
    problems = list(read_documents([tmp_path]))
    assert [(p.kind, p.source.rsplit("/", 1)[-1]) for p in problems] == [
        ("skipped", "doc.txt"),
        ("skipped", "noise.txt"),
        ("skipped", "nul.txt"),
    ]
    assert "PDF" in problems[0].reason and "binary" in problems[2].reason


def test_latin1_and_cp1252_are_decoded_and_reported_repaired():
    text = "José Núñez told “Le Monde” that François Hollande left Köln."
    decoded, problem = decode_text(text.encode("cp1252"), "a.txt")
    assert decoded == text
    assert problem.kind == "repaired" and "cp1252" in problem.reason
    latin = "Angela Merkel traf Fran\u00e7ois Hollande in K\u00f6ln."
    decoded, problem = decode_text(latin.encode("latin-1"), "b.txt")
    assert decoded == latin and problem.kind == "repaired"


def test_bom_crlf_utf16_and_empty_files(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + b"Line one.\r\nLine two.\rEnd.")
    (tmp_path / "utf16.txt").write_bytes(MERKEL.encode("utf-16"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \r\n\t\n")
    items = {
        i.source.rsplit("/", 1)[-1] + ":" + type(i).__name__: i for i in read_documents([tmp_path])
    }
    assert items["bom.txt:Document"].text == "Line one.\nLine two.\nEnd."
    assert "bom.txt:Problem" not in items  # a BOM is not a repair
    assert items["utf16.txt:Document"].text == MERKEL
    assert items["empty.txt:Problem"].kind == "empty"
    assert items["blank.txt:Problem"].kind == "empty"


def test_control_characters_are_removed_and_reported(tmp_path):
    body = b"Angela\x0b Merkel\x1b met with Emmanuel Macron in Berlin on Thursday.\x7f\n"
    (tmp_path / "ctl.txt").write_bytes(body * 3)
    problem, doc = list(read_documents([tmp_path / "ctl.txt"]))
    assert doc.text == "Angela Merkel met with Emmanuel Macron in Berlin on Thursday.\n" * 3
    assert problem.kind == "repaired" and "control" in problem.reason


# ---------------------------------------------------------------- properties and fuzzing

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean(text: str) -> bool:
    return not any(
        (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
        for c in text
    )


@FAST
@given(st.binary(max_size=3000))
def test_decode_never_raises_and_yields_clean_text_or_a_reason(raw):
    text, problem = decode_text(raw, "fuzz.txt")
    assert _clean(text)
    if not text:
        assert problem is not None and problem.kind in ("empty", "skipped")
    else:
        assert "\r" not in text and not text.startswith("\ufeff")


@FAST
@given(st.binary(max_size=2000))
def test_jsonl_reader_survives_any_bytes(raw):
    for item in read_jsonl_bytes(raw, "fuzz.jsonl", "fuzz.jsonl"):
        assert isinstance(item, Document | Problem)
        if isinstance(item, Document):
            assert item.text.strip() and _clean(item.text) and _clean(item.id)
        elif item.line is not None:
            assert 1 <= item.line <= raw.count(b"\n") + 1


@FAST
@given(st.lists(st.text(max_size=200), min_size=1, max_size=5))
def test_any_unicode_text_round_trips_through_jsonl(texts):
    raw = "\n".join(json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(texts))
    docs = {
        d.id: d for d in read_jsonl_bytes(raw.encode(), "u.jsonl", "u") if isinstance(d, Document)
    }
    for i, text in enumerate(texts):
        expected = clean_text(text)
        if expected.strip():
            assert docs[f"d{i}"].text == expected
        else:
            assert f"d{i}" not in docs


@FAST
@given(st.text(max_size=500))
def test_any_unicode_file_reads_as_its_clean_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("u") / "u.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    items = list(read_documents([path]))
    docs = [i for i in items if isinstance(i, Document)]
    if docs:
        assert _clean(docs[0].text) and docs[0].text.strip()
    else:
        assert all(isinstance(i, Problem) for i in items) and items
