"""Read stage: files, folders, JSONL and standard input into `Document` records.

Reading never raises for a bad input: it yields a `Problem` naming the file (and line) instead,
so one bad document never stops a batch.
"""

from __future__ import annotations

import fnmatch
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.models import Document, Problem

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
# Characters other than tab/newline/CR below 0x20 are never in real article text.
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)}


def find_inputs(inputs: Iterable[str | Path], glob: str | None = None) -> Iterator[tuple[Path, Path]]:
    """Yield (file, root) for every readable file under the inputs, in a stable order."""
    for item in inputs:
        path = Path(item)
        if str(item) == "-":
            yield path, path
        elif path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = file.relative_to(path).as_posix()
                if any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                if glob and not fnmatch.fnmatch(rel, glob) and not fnmatch.fnmatch(file.name, glob):
                    continue
                if file.suffix.lower() in READABLE_SUFFIXES:
                    yield file, path
        else:
            yield path, path.parent


def read_documents(
    inputs: Iterable[str | Path], glob: str | None = None
) -> Iterator[Document | Problem]:
    """Yield a Document for each article in the inputs, or a Problem where one cannot be read."""
    for file, root in find_inputs(inputs, glob):
        if str(file) == "-":
            yield from _read_stream(sys.stdin.buffer.read(), "-")
            continue
        if not file.exists():
            yield Problem(kind="failed", source=str(file), reason="no such file or folder")
            continue
        try:
            raw = file.read_bytes()
        except OSError as exc:
            yield Problem(kind="failed", source=str(file), reason=f"cannot read: {exc.strerror}")
            continue
        doc_id = file.relative_to(root).as_posix() if root != file else file.name
        suffix = file.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_bytes(raw, str(file), doc_id)
        else:
            yield from _read_text_file(raw, str(file), doc_id, html=suffix in HTML_SUFFIXES)


def _read_stream(raw: bytes, source: str) -> Iterator[Document | Problem]:
    # Standard input may hold JSONL (one article a line) or one plain text article.
    if raw.lstrip()[:1] == b"{":
        yield from read_jsonl_bytes(raw, source, "stdin")
    else:
        yield from _read_text_file(raw, source, "stdin", html=False)


def _read_text_file(raw: bytes, source: str, doc_id: str, html: bool) -> Iterator[Document | Problem]:
    text, problem = decode_text(raw, source)
    if problem is not None and problem.kind != "repaired":
        yield problem
        return
    if problem is not None:
        yield problem
    title = None
    if html:
        text, title = html_to_text(text)
    if not text.strip():
        yield Problem(kind="empty", source=source, reason="no text")
        return
    yield Document(id=doc_id, text=text, source=source, title=title)


def decode_text(raw: bytes, source: str) -> tuple[str, Problem | None]:
    """Decode bytes as UTF-8, else by detection; refuse binaries. Normalise newlines and BOM."""
    if not raw:
        return "", Problem(kind="empty", source=source, reason="empty file")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(kind="skipped", source=source, reason="binary file (NUL bytes)")
    problem = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            return "", Problem(kind="skipped", source=source, reason="binary or undecodable file")
        text = str(best)
        problem = Problem(
            kind="repaired", source=source, reason=f"not UTF-8; decoded as {best.encoding}"
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        return "", Problem(kind="skipped", source=source, reason="binary file (control characters)")
    cleaned = strip_control(text)
    if cleaned != text and problem is None:
        problem = Problem(kind="repaired", source=source, reason="removed control characters")
    return cleaned, problem


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) in _CONTROL or ch == "\ufffd")
    return bad / len(sample) > 0.05


def strip_control(text: str) -> str:
    """Drop control characters that XML and spaCy should never see (keeps tab and newline)."""
    if not any(ord(ch) in _CONTROL for ch in text):
        return text
    return "".join(ch for ch in text if ord(ch) not in _CONTROL)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page (trafilatura when installed, else tags stripped)."""
    try:
        import trafilatura  # optional: better main-text extraction

        text = trafilatura.extract(html) or ""
        meta = trafilatura.extract_metadata(html)
        return text, meta.title if meta else None
    except ImportError:
        import html as htmllib
        import re

        title_match = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
        body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S | re.I)
        body = re.sub(r"<br\s*/?>|</p>|</div>|</h\d>", "\n\n", body, flags=re.I)
        body = htmllib.unescape(re.sub(r"<[^>]+>", " ", body))
        body = re.sub(r"[ \t]+", " ", body)
        body = re.sub(r"\n\s*\n+", "\n\n", body).strip()
        title = htmllib.unescape(title_match.group(1)).strip() if title_match else None
        return body, title


def read_jsonl_bytes(raw: bytes, source: str, prefix: str) -> Iterator[Document | Problem]:
    """One article a line: `id`, `text`, optional `title`, `date`, `url`."""
    text, problem = decode_text(raw, source)
    if problem is not None:
        yield problem
        if problem.kind != "repaired":
            return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(kind="skipped", source=source, line=number, reason=f"bad JSON: {exc.msg}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Problem(
                kind="skipped", source=source, line=number, reason="no 'text' string in record"
            )
            continue
        if not record["text"].strip():
            yield Problem(kind="empty", source=source, line=number, reason="empty text")
            continue
        doc_id = str(record.get("id") or f"{prefix}:{number}")
        yield Document(
            id=doc_id,
            text=strip_control(record["text"]),
            source=source,
            line=number,
            title=_optional_str(record.get("title")),
            date=_optional_str(record.get("date")),
            url=_optional_str(record.get("url")),
        )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
