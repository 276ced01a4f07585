"""Incremental cache of per-document extractions.

An entry is keyed by the SHA-256 of the document text together with everything else that decides
the extraction: the spaCy pipeline (name and version), `PIPELINE_VERSION`, a digest of the
extraction code, the lexicon fingerprint and the chunk size for long texts. So rerunning after
adding one article parses only that article, and changing the model, the lexicon or the code never
reuses a stale entry. The document's id and metadata are not part of the key: an entry found for
the same text under another id is re-stamped with the new id (`restamp`).

Each entry is its own small file, written to a temporary name and renamed into place, so a run
killed at any moment leaves only complete entries: rerun, and the corpus completes with every
document counted once.

Layout: `<cache dir>/v1/<key[:2]>/<key>.json`, one JSON `DocumentExtraction` per file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsgraph import PIPELINE_VERSION
from newsgraph.models import Document, DocumentExtraction

LAYOUT = "v1"
# Modules whose code decides what an extraction holds; their digest is part of every key.
EXTRACTION_CODE = (
    "pipeline/extract.py",
    "pipeline/link.py",
    "pipeline/relate.py",
    "pipeline/nlp.py",
    "pipeline/components.py",
    "names.py",
    "lexicon.py",
    "models/records.py",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Digest of the extraction code, so a changed extractor never reuses old entries."""
    digest = hashlib.sha256()
    package = resources.files("newsgraph")
    for name in EXTRACTION_CODE:
        item = package.joinpath(name)
        digest.update(name.encode())
        with contextlib.suppress(OSError):
            digest.update(item.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Per-document extractions on disk, keyed by content and configuration."""

    def __init__(self, root: Path, model: str, lexicon_fingerprint: str, max_chunk: int) -> None:
        self.root = Path(root)
        self.dir = self.root / LAYOUT
        self.salt = "\0".join(
            [PIPELINE_VERSION, code_fingerprint(), model, lexicon_fingerprint, str(max_chunk), ""]
        ).encode()

    def key(self, text: str) -> str:
        digest = hashlib.sha256(self.salt)
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> str | None:
        """The stored extraction (one JSON line, no newline) or None."""
        try:
            data = self.path(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        data = data.strip()
        return data if data.startswith("{") and data.endswith("}") else None

    def put(self, key: str, line: str) -> None:
        """Store atomically: a concurrent reader or a killed run sees the whole entry or none."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(line)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise


def restamp(line: str, document: Document) -> str:
    """An extraction made for the same text under another id, as made for `document`."""
    ex = DocumentExtraction.model_validate_json(line)
    if (ex.document, ex.source, ex.title, ex.date, ex.url) == (
        document.id,
        document.source,
        document.title,
        document.date,
        document.url,
    ):
        return line
    return stamped(ex, document).model_dump_json()


def stamped(ex: DocumentExtraction, document: Document) -> DocumentExtraction:
    """`ex` with the id and metadata of `document` wherever they appear."""
    old = ex.document
    ex.document = document.id
    ex.source, ex.title, ex.date, ex.url = (
        document.source,
        document.title,
        document.date,
        document.url,
    )
    for entity in ex.entities:
        entity.documents = [document.id if d == old else d for d in entity.documents]
    for relation in ex.relations:
        for evidence in relation.evidence:
            if evidence.document == old:
                evidence.document = document.id
    return ex
