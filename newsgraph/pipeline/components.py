"""spaCy components newsgraph adds to the pipelines it loads (registered factories, so a
pipeline loaded in a worker process gets them the same way)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Abbreviations written with full stops that end a title's place ("Ambassador to the U.S.").
TITLE_ABBREVIATIONS = {"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E."}
TITLE_PREPOSITIONS = {"to", "of", "at", "for"}
SENTENCE_ENDS = {".", "!", "?", "\n", "\n\n", "”", '"'}


@Language.component("newsgraph_titled_abbreviations")
def keep_titled_abbreviations(doc: Doc) -> Doc:
    """'Venezuelan Ambassador to the U.S. Carlos Vecchio, UN Ambassador ...': an abbreviation
    that ends a capitalised title before a name ends no sentence (the parser had split there and
    lost the rest of the list)."""
    for tok in doc[4:-1]:
        i = tok.i
        if (
            tok.text in TITLE_ABBREVIATIONS
            and doc[i - 1].lower_ == "the"
            and doc[i - 2].lower_ in TITLE_PREPOSITIONS
            and doc[i - 3].is_title
            and doc[i - 4].text not in SENTENCE_ENDS
            and doc[i + 1].is_title
        ):
            doc[i + 1].is_sent_start = False
    return doc
