"""Pydantic records passed between pipeline stages: the contract of every stage."""

from newsgraph.models.records import (
    Document,
    DocumentExtraction,
    Entity,
    Evidence,
    Mention,
    Problem,
    Relation,
    RunReport,
)

__all__ = [
    "Document",
    "DocumentExtraction",
    "Entity",
    "Evidence",
    "Mention",
    "Problem",
    "Relation",
    "RunReport",
]
