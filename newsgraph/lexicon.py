"""Lexicons: the data files that say which words are titles, boilerplate or relation triggers.

The defaults ship in `newsgraph/data/`; users add their own files with `--lexicon` (a `.toml`
file extends the relation lexicon, a `.txt` file named like a default file extends that list).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from nameparser.config import CONSTANTS as NAMEPARSER_CONSTANTS

# Words in nameparser's title list that are common English words in news text ("met", "her",
# "most", "host", "us"): read as titles they turn verbs and pronouns into parts of a name.
NOT_TITLES = frozenset(
    {"her", "his", "me", "met", "most", "us", "uk", "risk", "rock", "tax", "film", "flag", "high",
     "law", "host", "air", "rear", "wing", "heir", "maid", "pro", "exec", "mag"}
)  # fmt: skip
LIST_FILES = ("titles.txt", "title_modifiers.txt", "boilerplate.txt", "offices.txt")


def _data_text(name: str) -> str:
    return resources.files("newsgraph").joinpath("data", name).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def data_lines(name: str) -> list[str]:
    """The entries of a shipped one-per-line data file, without blank lines and comments."""
    return _lines(_data_text(name))


def _merge_toml(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict):
            _merge_toml(base.setdefault(key, {}), value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value


@dataclass
class Lexicon:
    """Every word list and pattern the pipeline uses, loaded once per run."""

    titles: set[str]
    title_modifiers: set[str]
    offices: dict[str, bool]  # head word of a role description -> one holder at a time
    boilerplate: list[re.Pattern[str]]
    relations: dict[str, dict[str, Any]]
    words: dict[str, list[str]]
    frames: list[dict[str, Any]]
    sources: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, extra_files: list[Path] | None = None) -> Lexicon:
        """The shipped lexicon, extended by the user's files."""
        lists = {name: data_lines(name) for name in LIST_FILES}
        relations: dict[str, Any] = tomllib.loads(_data_text("relations.toml"))
        frames = json.loads(_data_text("patterns.json"))["frames"]
        sources = ["newsgraph/data"]
        for path in extra_files or []:
            path = Path(path)
            if path.suffix == ".toml":
                _merge_toml(relations, tomllib.loads(path.read_text(encoding="utf-8")))
            elif path.suffix == ".json":
                frames = frames + json.loads(path.read_text(encoding="utf-8"))["frames"]
            elif path.name in lists:
                lists[path.name] += _lines(path.read_text(encoding="utf-8"))
            else:
                raise ValueError(
                    f"{path}: a lexicon file is a .toml relation lexicon, a .json pattern file, "
                    f"or one of {', '.join(LIST_FILES)}"
                )
            sources.append(str(path))
        words = relations.pop("words", {})
        titles = {t.lower() for t in lists["titles.txt"]} | (
            set(NAMEPARSER_CONSTANTS.titles) - NOT_TITLES
        )
        return cls(
            titles=titles,
            title_modifiers={t.lower() for t in lists["title_modifiers.txt"]},
            offices={
                line.split()[0].lower(): "unique" in line.split()[1:]
                for line in lists["offices.txt"]
            },
            boilerplate=[re.compile(p, re.I | re.M) for p in lists["boilerplate.txt"]],
            relations=relations,
            words={k: [w.lower() for w in v] for k, v in words.items()},
            frames=frames,
            sources=sources,
        )

    @cached_property
    def fingerprint(self) -> str:
        """A digest of every list, so caches notice a changed lexicon."""
        import hashlib

        blob = json.dumps(
            [
                sorted(self.titles),
                sorted(self.title_modifiers),
                sorted(self.offices.items()),
                [p.pattern for p in self.boilerplate],
                self.relations,
                self.words,
                self.frames,
            ],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    @cached_property
    def deputy_words(self) -> frozenset[str]:
        """Words that make a lesser office of the one they modify ("vice", "deputy", "press")."""
        return frozenset(self.words.get("deputy_words", []))

    @cached_property
    def headline_words(self) -> frozenset[str]:
        """Lower-case forms of the words a title-case headline capitalises that the parser
        should read in lower case (`headline_case`): the verbs of `headline_verbs` with their
        third-person and past forms ("meets", "met"), and `headline_prepositions` as they are."""
        forms = set(self.words.get("headline_prepositions", []))
        for verb in self.words.get("headline_verbs", []):
            forms |= {verb, _third_person(verb), _IRREGULAR_PAST.get(verb) or _past(verb)}
        return frozenset(forms)

    @cached_property
    def name_titles(self) -> frozenset[str]:
        """Words after which a capitalised word is a name ("Prime Minister Begin", "Gen.
        Hold"): the offices and the abbreviated titles, not the place and body words the title
        list also holds ("US", "House")."""
        return frozenset(self.offices) | {t for t in self.titles if t.endswith(".")}

    def is_title(self, word: str) -> bool:
        w = word.lower().strip()
        return w in self.titles or w.rstrip(".") in self.titles


# Past forms of headline verbs that no suffix gives
_IRREGULAR_PAST = {
    "meet": "met",
    "hold": "held",
    "speak": "spoke",
    "say": "said",
    "tell": "told",
    "slam": "slammed",
    "confer": "conferred",
}


def _third_person(verb: str) -> str:
    """'meets', 'slashes', 'criticizes'; 'says' (never 'sayes', 'speakes')."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> str:
    """'welcomed', 'criticized', 'blamed', 'rebuked' (regular forms only)."""
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


_DEFAULT: Lexicon | None = None


def default_lexicon() -> Lexicon:
    """The shipped lexicon (cached)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Lexicon.load()
    return _DEFAULT
