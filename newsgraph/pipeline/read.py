"""Read stage: files, folders, JSONL and standard input into `Document` records.

Reading streams: a folder is walked in sorted order, a JSONL file (or JSONL on standard input) is
read a line at a time, so a dump of millions of articles never sits in memory.

Reading never raises for a bad input: it yields a `Problem` naming the file (and line) instead,
so one bad document never stops a batch. Binary files are skipped; text that is not UTF-8 is
decoded by detection and reported as repaired; BOMs, CRLF line ends, control characters and lone
surrogates are normalised away; empty files are reported as empty.
"""

from __future__ import annotations

import codecs
import fnmatch
import html as htmllib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import IO

from newsgraph.models import Document, Problem

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
STDIN = "-"
# Control characters other than tab, newline and CR (C0, DEL, C1) and lone surrogates are never
# in real article text; XML cannot hold most of them.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)}
# Single-byte codepage preferred when detection finds it as likely as its first guess: Western
# news text in a legacy encoding is Windows-1252 far more often than Windows-1250 or Latin-2.
PREFERRED_LEGACY = "cp1252"
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x7fELF": "executable",
    b"BZh": "bzip2",
    b"\xfd7zXZ": "xz",
    b"7z\xbc\xaf": "7z",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# ----------------------------------------------------------------------------------------------
# Finding inputs


def find_inputs(
    inputs: Iterable[str | Path], glob: str | None = None, exclude: Iterable[Path] = ()
) -> Iterator[tuple[Path, Path]]:
    """Yield (file, root) for every readable file under the inputs, in a stable order.

    Folders are searched recursively (hidden files and folders, and the folders in `exclude`,
    e.g. the output folder, skipped), each level in sorted order, without listing the whole tree
    first. A file named directly is always read, whatever its suffix; `glob` filters files found
    in folders by relative path or by name."""
    skip = {Path(p).resolve() for p in exclude}
    for item in inputs:
        path = Path(item)
        if str(item) == STDIN:
            yield path, path
        elif path.is_dir():
            yield from _walk(path, glob, skip)
        else:
            yield path, path.parent


def _walk(root: Path, glob: str | None, skip: set[Path]) -> Iterator[tuple[Path, Path]]:
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (base / d).resolve() not in skip
        )
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = base / name
            if file.suffix.lower() not in READABLE_SUFFIXES:
                continue
            if glob:
                rel = file.relative_to(root).as_posix()
                if not fnmatch.fnmatch(rel, glob) and not fnmatch.fnmatch(name, glob):
                    continue
            yield file, root


def document_id(file: Path, root: Path) -> str:
    """Path relative to the input root (the file name for a file named directly)."""
    return file.relative_to(root).as_posix() if root != file else file.name


def count_documents(inputs: Iterable[str | Path], glob: str | None = None) -> int | None:
    """How many documents the inputs hold, counted cheaply (lines of JSONL files, other files
    one each); None when standard input is among them. For progress bars and ETAs."""
    total = 0
    for file, _root in find_inputs(inputs, glob):
        if str(file) == STDIN:
            return None
        if file.suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(file, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


# ----------------------------------------------------------------------------------------------
# Reading


def read_documents(
    inputs: Iterable[str | Path],
    glob: str | None = None,
    stdin: IO[bytes] | None = None,
    exclude: Iterable[Path] = (),
) -> Iterator[Document | Problem]:
    """Yield a Document for each article in the inputs, or a Problem where one cannot be read.

    `stdin` is the binary stream read for `-` (default: the process's standard input); folders
    in `exclude` are not searched."""
    for file, root in find_inputs(inputs, glob, exclude):
        if str(file) == STDIN:
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN)
            continue
        source = str(file)
        suffix = file.suffix.lower()
        doc_id = document_id(file, root)
        try:
            if suffix in JSONL_SUFFIXES:
                with open(file, "rb") as fh:
                    yield from read_jsonl(fh, source, doc_id)
                continue
            raw = file.read_bytes()
        except FileNotFoundError:
            yield Problem(kind="failed", source=source, reason="no such file or folder")
            continue
        except IsADirectoryError:
            yield Problem(kind="failed", source=source, reason="is a folder")
            continue
        except OSError as exc:
            yield Problem(
                kind="failed", source=source, reason=f"cannot read: {exc.strerror or exc}"
            )
            continue
        if suffix in HTML_SUFFIXES:
            yield from _read_html(raw, source, doc_id)
        else:
            yield from _read_text_file(raw, source, doc_id, markdown=suffix == ".md")


def read_stream(stream: IO[bytes], source: str = STDIN) -> Iterator[Document | Problem]:
    """A binary stream holding JSONL (one article a line, read line by line) or one article."""
    head = b""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        try:
            head = peek(4096)
        except (OSError, ValueError):
            head = b""
    if head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"{":
        yield from read_jsonl(stream, source, "stdin")
        return
    raw = stream.read()
    if raw.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"{":
        yield from read_jsonl_bytes(raw, source, "stdin")
    else:
        yield from _read_text_file(raw, source, "stdin")


def _read_text_file(
    raw: bytes, source: str, doc_id: str, markdown: bool = False
) -> Iterator[Document | Problem]:
    text, problem = decode_text(raw, source)
    if problem is not None:
        yield problem
        if problem.kind != "repaired":
            return
    meta: dict[str, str] = {}
    if markdown:
        text, meta = front_matter(text)
    if not text.strip():
        yield Problem(kind="empty", source=source, reason="no text")
        return
    yield Document(id=doc_id, text=text, source=source, **meta)


def _read_html(raw: bytes, source: str, doc_id: str) -> Iterator[Document | Problem]:
    text, problem = decode_text(raw, source)
    if problem is not None:
        yield problem
        if problem.kind != "repaired":
            return
    body, title, date = html_document(text)
    body = clean_text(body)
    if not body.strip():
        yield Problem(kind="empty", source=source, reason="no text in the page")
        return
    yield Document(
        id=doc_id,
        text=body,
        source=source,
        title=clean_text(title) if title else None,
        date=date,
    )


# ----------------------------------------------------------------------------------------------
# Decoding and cleaning


def decode_text(raw: bytes, source: str) -> tuple[str, Problem | None]:
    """Decode bytes as UTF-8, else by their BOM, else by detection; refuse binaries. Normalise
    newlines, drop the BOM and control characters. Returns the text and a Problem: `repaired`
    (the text is usable), or `empty`/`skipped` (it is not)."""
    if not raw.strip():
        return "", Problem(kind="empty", source=source, reason="empty file")
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            return "", Problem(kind="skipped", source=source, reason=f"binary file ({kind})")
    problem = None
    text = None
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return "", Problem(kind="skipped", source=source, reason=f"undecodable {encoding}")
            problem = Problem(kind="repaired", source=source, reason=f"decoded as {encoding} (BOM)")
            break
    if text is None:
        if b"\x00" in raw[:8192]:
            return "", Problem(kind="skipped", source=source, reason="binary file (NUL bytes)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            decoded = detect_decode(raw)
            if decoded is None:
                return "", Problem(
                    kind="skipped", source=source, reason="binary or undecodable file"
                )
            text, encoding = decoded
            problem = Problem(
                kind="repaired", source=source, reason=f"not UTF-8; decoded as {encoding}"
            )
    text = normalize_newlines(text.lstrip("\ufeff"))
    if _looks_binary(text):
        return "", Problem(kind="skipped", source=source, reason="binary file (control characters)")
    cleaned = strip_control(text)
    if cleaned != text and problem is None:
        problem = Problem(kind="repaired", source=source, reason="removed control characters")
    if not cleaned.strip():
        return "", Problem(kind="empty", source=source, reason="no text")
    return cleaned, problem


def detect_decode(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) by charset-normalizer, preferring Windows-1252 when it reads the bytes
    as cleanly as the best guess; None for bytes that are not text."""
    from charset_normalizer import from_bytes

    results = from_bytes(raw)
    best = results.best()
    if best is None:
        return None
    # Coherence (letter frequencies) is noise on a short sample: a cp1252 reading as clean
    # (no more mess) as the best guess wins.
    for match in results:
        if PREFERRED_LEGACY in match.could_be_from_charset and match.chaos <= best.chaos + 0.01:
            try:
                return raw.decode(PREFERRED_LEGACY), PREFERRED_LEGACY
            except UnicodeDecodeError:
                break
    return str(best), best.encoding


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR to LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) in _CONTROL or ch == "\ufffd")
    return bad / len(sample) > 0.05


def strip_control(text: str) -> str:
    """Drop control characters (keeping tab and newline), lone surrogates and noncharacters."""
    return _CONTROL_RE.sub("", text)


def clean_text(text: str) -> str:
    """What every text field goes through: no BOM, LF line ends, no control characters."""
    return strip_control(normalize_newlines(text.replace("\ufeff", "")))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Title, date and url from a Markdown file's YAML front matter (`key: value` lines)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in ("title", "date", "url"):
            value = value.strip().strip("\"'")
            if value:
                meta[key] = value
    return text[match.end() :], meta


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page (trafilatura when installed, else tags stripped)."""
    text, title, _date = html_document(html)
    return text, title


def html_document(html: str) -> tuple[str, str | None, str | None]:
    """(main text, title, date) of an HTML page: trafilatura when installed and it finds a main
    text, else tags stripped. Paragraphs are separated by blank lines."""
    try:
        import trafilatura  # optional at run time: better main-text extraction
    except ImportError:
        trafilatura = None
    if trafilatura is not None:
        try:
            found = trafilatura.bare_extraction(html, with_metadata=True)
        except Exception:  # noqa: BLE001 - a page trafilatura cannot handle falls back below
            found = None
        if isinstance(found, dict):  # trafilatura before 2.0
            found = SimpleNamespace(**found)
        body = getattr(found, "text", None) or ""
        if body.strip():
            text = re.sub(r"\n\s*", "\n\n", body.strip())
            title = getattr(found, "title", None) or _html_title(html)
            return text, title, getattr(found, "date", None) or _html_date(html)
    return _strip_tags(html), _html_title(html), _html_date(html)


def _html_title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    if not match:
        return None
    title = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", match.group(1)))).strip()
    return title or None


_DATE_META = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|date|pubdate|"
    r"datePublished|dc\.date|og:published_time)[\"'][^>]*content=[\"']([^\"']+)[\"']",
    re.I,
)
_DATE_TIME = re.compile(r"<time[^>]+datetime=[\"']([^\"']+)[\"']", re.I)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _html_date(html: str) -> str | None:
    for pattern in (_DATE_META, _DATE_TIME):
        match = pattern.search(html)
        if match:
            day = _ISO_DAY.search(match.group(1))
            return day.group(0) if day else match.group(1).strip()
    return None


def _strip_tags(html: str) -> str:
    body = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    body = re.sub(
        r"<(script|style|head|nav|footer|noscript)[^>]*>.*?</\1>", " ", body, flags=re.S | re.I
    )
    body = re.sub(
        r"<br\s*/?>|</p>|</div>|</h\d>|</li>|</tr>|</blockquote>", "\n\n", body, flags=re.I
    )
    body = htmllib.unescape(re.sub(r"<[^>]+>", " ", body))
    body = re.sub(r"[ \t\xa0]+", " ", body)
    body = re.sub(r" *\n *", "\n", body)
    return re.sub(r"\n{2,}", "\n\n", body).strip()


# ----------------------------------------------------------------------------------------------
# JSONL


def read_jsonl(stream: IO[bytes], source: str, prefix: str) -> Iterator[Document | Problem]:
    """One article a line: `id`, `text`, optional `title`, `date`, `url`. Read line by line;
    a bad line is reported as file:line and skipped. A record without an id gets
    `<prefix>:<line>` (prefix: the file's path relative to its input root)."""
    peek = getattr(stream, "peek", None)
    head = peek(8192)[:8192] if peek is not None else stream.read(8192)
    if any(head.startswith(bom) for bom, _ in _BOMS):
        # UTF-16/32 JSONL cannot be split on newline bytes: decode it whole.
        yield from read_jsonl_bytes(
            (b"" if peek is not None else head) + stream.read(), source, prefix
        )
        return
    if b"\x00" in head:
        yield Problem(kind="skipped", source=source, reason="binary file (NUL bytes)")
        return
    lines: Iterable[bytes] = stream if peek is not None else _chain(head, stream)
    fallback: list[str] = []  # the legacy encoding detected for this file, once
    for number, raw_line in enumerate(lines, start=1):
        yield from _jsonl_line(raw_line, number, source, prefix, fallback)


def _chain(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    rest = b""
    pending = head
    while True:
        if pending:
            rest += pending
            *complete, rest = rest.split(b"\n")
            for line in complete:
                yield line + b"\n"
        pending = stream.read(1 << 16)
        if not pending:
            break
    if rest:
        yield rest


def read_jsonl_bytes(raw: bytes, source: str, prefix: str) -> Iterator[Document | Problem]:
    """`read_jsonl` over bytes already in memory."""
    for bom, _encoding in _BOMS:
        if raw.startswith(bom):
            text, problem = decode_text(raw, source)
            if problem is not None and problem.kind != "repaired":
                yield problem
                return
            raw = text.encode("utf-8")
            break
    if b"\x00" in raw[:8192]:
        yield Problem(kind="skipped", source=source, reason="binary file (NUL bytes)")
        return
    fallback: list[str] = []
    for number, raw_line in enumerate(raw.split(b"\n"), start=1):
        yield from _jsonl_line(raw_line, number, source, prefix, fallback)


def _jsonl_line(
    raw_line: bytes, number: int, source: str, prefix: str, fallback: list[str]
) -> Iterator[Document | Problem]:
    if number == 1 and raw_line.startswith(codecs.BOM_UTF8):
        raw_line = raw_line[len(codecs.BOM_UTF8) :]
    if not raw_line.strip():
        return
    repaired = None
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError:
        if not fallback:
            decoded = detect_decode(raw_line)
            fallback.append(decoded[1] if decoded else PREFERRED_LEGACY)
        line = raw_line.decode(fallback[0], errors="replace")
        repaired = f"not UTF-8; decoded as {fallback[0]}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Problem(kind="skipped", source=source, line=number, reason=f"bad JSON: {exc.msg}")
        return
    except RecursionError:
        yield Problem(
            kind="skipped", source=source, line=number, reason="bad JSON: nested too deep"
        )
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        yield Problem(
            kind="skipped", source=source, line=number, reason="no 'text' string in record"
        )
        return
    text = clean_text(record["text"])
    if text != normalize_newlines(record["text"].replace("\ufeff", "")) and repaired is None:
        repaired = "removed control characters"
    if not text.strip():
        yield Problem(kind="empty", source=source, line=number, reason="empty text")
        return
    if repaired:
        yield Problem(kind="repaired", source=source, line=number, reason=repaired)
    raw_id = record.get("id")
    doc_id = clean_text(str(raw_id)).strip() if raw_id is not None else ""
    yield Document(
        id=doc_id or f"{prefix}:{number}",
        text=text,
        source=source,
        line=number,
        title=_optional_str(record.get("title")),
        date=_optional_str(record.get("date")),
        url=_optional_str(record.get("url")),
    )


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = clean_text(value if isinstance(value, str) else json.dumps(value, sort_keys=True))
    return text.strip() or None
