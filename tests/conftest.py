"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import pytest

from newsgraph.lexicon import default_lexicon
from newsgraph.models import Document, DocumentExtraction
from newsgraph.pipeline.extract import extract_documents
from newsgraph.pipeline.nlp import load_model


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text) -> DocumentExtraction of one document, with the default lexicon."""

    def run(text: str, doc_id: str = "doc.txt") -> DocumentExtraction:
        return next(extract_documents(nlp, [Document(id=doc_id, text=text)], default_lexicon()))

    return run
