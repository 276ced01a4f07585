"""The records every stage takes and returns.

A `Document` is read from disk; extraction turns it into a `DocumentExtraction` (mentions, the
document's own entities, relations between them, each relation with its `Evidence`); the corpus
linker then gives every document entity a `corpus_id`, and the graph is built from those.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(Record):
    """One article as read from the input."""

    id: str = Field(description="Stable id: path relative to the input root, or the JSONL id.")
    text: str
    source: str | None = Field(None, description="File the document came from.")
    line: int | None = Field(None, description="Line number within a JSONL file.")
    title: str | None = None
    date: str | None = None
    url: str | None = None


class Mention(Record):
    """A name in the text, as it was written."""

    text: str = Field(description="Surface text, e.g. 'Defense Secretary James Mattis'.")
    name: str = Field(description="The name without titles, articles or possessive.")
    label: str = Field(description="spaCy's entity label for this span.")
    start: int = Field(description="Character offset of the span in the document text.")
    end: int
    sentence: int = Field(description="Index of the sentence within the document.")
    titles: list[str] = Field(default_factory=list, description="Roles written with the name.")
    entity: str | None = Field(None, description="Id of the document entity it belongs to.")


class Entity(Record):
    """One real-world person, organization or place."""

    id: str
    name: str = Field(description="Canonical name: the longest full form seen.")
    type: str = Field(description="PERSON, ORG, GPE, LOC, NORP, FAC ... by vote over mentions.")
    aliases: list[str] = Field(default_factory=list, description="Every surface name seen.")
    titles: list[str] = Field(default_factory=list)
    mentions: int = 0
    documents: list[str] = Field(default_factory=list)
    ambiguous: bool = Field(False, description="A short name that could be several entities.")
    corpus_id: str | None = Field(None, description="Id of the corpus entity, once linked.")


class Evidence(Record):
    """The sentence that shows a relation."""

    document: str
    sentence: str
    start: int = Field(description="Character offset of the sentence in the document.")
    end: int
    trigger: str = Field("", description="The word(s) that carry the relation, e.g. 'met'.")


RelationType = str


class Relation(Record):
    """A typed, directed statement: source met / opposed / advised ... target."""

    type: RelationType
    source: str = Field(description="Entity id of the actor.")
    target: str
    confidence: float = 1.0
    negated: bool = False
    hedged: bool = False
    tense: Literal["past", "present", "planned"] = "past"
    symmetric: bool = False
    cameo: str = ""
    pattern: str = Field("", description="Name of the grammar pattern that found it.")
    evidence: list[Evidence] = Field(default_factory=list)


class DocumentExtraction(Record):
    """Everything extracted from one document: one line of extractions.jsonl."""

    document: str
    source: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sentences: int = 0
    mentions: list[Mention] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


class Problem(Record):
    """An input that was skipped, repaired or failed, with the reason."""

    kind: Literal["skipped", "repaired", "failed", "empty"]
    source: str
    line: int | None = None
    reason: str

    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


class RunReport(Record):
    """Summary of a run, written to OUTDIR/run.json."""

    processed: int = Field(0, description="Documents extracted (parsed now or from the cache).")
    cached: int = Field(0, description="Of those, documents whose extraction came from the cache.")
    repaired: int = Field(0, description="Documents read after a repair (decoding, control chars).")
    skipped: int = Field(0, description="Inputs left out: binary, duplicate id, malformed line.")
    failed: int = Field(0, description="Inputs that could not be read or whose extraction failed.")
    empty: int = Field(0, description="Inputs without text.")
    problems: list[Problem] = Field(default_factory=list)
    entities: int = 0
    relations: int = 0
    model: str = ""
    seconds: float = 0.0
