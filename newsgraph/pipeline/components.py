"""spaCy components newsgraph adds to any pipeline it loads (registered factories)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPHS = "newsgraph_paragraphs"
# A line shorter than this that ends at a single line break is a heading, dateline or caption;
# longer ones may be hard-wrapped prose, whose line breaks are not sentence ends.
SHORT_LINE = 60


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a single line break that ends a short
    line or a sentence, so a headline, caption or credit line never runs into the next
    paragraph (the parser keeps boundaries set before it)."""
    text = doc.text
    for tok in doc[:-1]:
        breaks = (tok.text if tok.is_space else tok.whitespace_).count("\n")
        if not breaks:
            continue
        if breaks == 1:
            line_end = tok.idx if tok.is_space else tok.idx + len(tok.text)
            line_start = text.rfind("\n", 0, max(line_end - 1, 0)) + 1
            line = text[line_start:line_end].strip()
            if len(line) >= SHORT_LINE and line[-1:] not in '.!?:"”’':
                continue
        doc[tok.i + 1].is_sent_start = True
    return doc


def add_components(nlp: Language) -> Language:
    """Insert newsgraph's components before the parser (or sentence splitter)."""
    if PARAGRAPHS not in nlp.pipe_names:
        anchor = next((c for c in ("parser", "senter") if c in nlp.pipe_names), None)
        if anchor:
            nlp.add_pipe(PARAGRAPHS, before=anchor)
        else:
            nlp.add_pipe(PARAGRAPHS, first=True)
    return nlp
