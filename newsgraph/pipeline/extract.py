"""Per-document extraction: nlp -> link (within the document) -> relate.

`extract_documents` is the unit of work that runs locally, in worker processes, or on Dask: it
takes `Document` records and returns one `DocumentExtraction` each, in input order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.lexicon import Lexicon, default_lexicon
from newsgraph.models import Document, DocumentExtraction
from newsgraph.pipeline.link import (
    boilerplate_ranges,
    find_candidates,
    find_descriptions,
    link_document,
)
from newsgraph.pipeline.nlp import DEFAULT_MAX_CHUNK, parse_texts
from newsgraph.pipeline.relate import extract_relations


def extract_parsed(
    document: Document, pieces: list[tuple[int, Doc]], lexicon: Lexicon
) -> DocumentExtraction:
    """Mentions, entities and relations of one parsed document."""
    sentence_base = []
    total = 0
    for _, doc in pieces:
        sentence_base.append(total)
        total += sum(1 for _ in doc.sents)
    skip = boilerplate_ranges(document.text, lexicon)
    candidates = find_candidates(pieces, sentence_base, lexicon, skip)
    descriptions = find_descriptions(pieces, sentence_base, lexicon, candidates, skip)
    mentions, entities = link_document(
        document.id, candidates, document.text, descriptions, lexicon
    )
    token_entity = {(c.chunk, i): c.entity for c in candidates for i in range(c.start, c.end)}
    relations = extract_relations(
        pieces, sentence_base, token_entity, entities, document.id, lexicon, skip
    )
    for relation in relations:
        for evidence in relation.evidence:
            # the sentence as the document writes it: the parse may have read a line break
            # inside it as a space (offsets are the same)
            evidence.sentence = document.text[evidence.start : evidence.end].strip()
    return DocumentExtraction(
        document=document.id,
        source=document.source,
        title=document.title,
        date=document.date,
        url=document.url,
        sentences=total,
        mentions=mentions,
        entities=entities,
        relations=relations,
    )


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    lexicon: Lexicon | None = None,
    batch_size: int = 32,
    max_chunk: int = DEFAULT_MAX_CHUNK,
) -> Iterator[DocumentExtraction]:
    """Parse documents in batches with `nlp.pipe` and extract each; order is kept."""
    lexicon = lexicon or default_lexicon()
    pending: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            pending.append(document)
            yield document.text

    for pieces in parse_texts(
        nlp,
        texts(),
        batch_size=batch_size,
        max_chunk=max_chunk,
        headline_words=lexicon.headline_words,
        titles=lexicon.name_titles,
    ):
        document = pending.popleft()
        yield extract_parsed(document, pieces, lexicon)
