"""Name keys shared by the document and corpus linkers: normalised surnames, given-name
compatibility (nicknames, initials, transliterations) and acronyms."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from nicknames import NickNamer
from rapidfuzz import fuzz

_QUOTED = re.compile(r"[\"“”‘’']([^\"“”‘’']{2,30})[\"“”‘’']")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md"}
_ORG_STOP = {"the", "of", "and", "for", "on", "in", "to", "&", "a", "an", "de", "du", "la", "le"}
_COUNTRY_PREFIXES = {"us", "u.s.", "u.s", "uk", "u.k.", "eu"}
_NICKNAMER: NickNamer | None = None


def fold(text: str) -> str:
    """Lower-case, accents removed, apostrophes and dots dropped, spaces squeezed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "").replace("'", "").replace(".", "")
    text = re.sub(r"[^\w\s&-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def org_key(name: str) -> str:
    """Key for organizations and places: 'The Pentagon' and 'Pentagon' share one."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    return key


@dataclass(frozen=True)
class PersonName:
    """A person's name split into parts by nameparser, titles already removed."""

    first: str
    middle: str
    last: str
    suffix: str
    nickname: str

    @property
    def is_full(self) -> bool:
        return bool(self.first and self.last)

    @property
    def surname_key(self) -> str:
        return fold(self.last)

    @property
    def display(self) -> str:
        parts = [self.first, self.middle, self.last]
        name = " ".join(p for p in parts if p)
        return f"{name} {self.suffix}".strip() if self.suffix else name


@lru_cache(maxsize=65536)
def parse_person(name: str) -> PersonName:
    """Split a person's name. A single word is taken as a surname ('Mattis')."""
    nickname = ""
    match = _QUOTED.search(name)
    if match:
        nickname = match.group(1).strip()
        name = (name[: match.start()] + " " + name[match.end() :]).strip()
    words = name.split()
    if len(words) == 1:
        return PersonName("", "", words[0], "", nickname)
    parsed = HumanName(name)
    first, middle, last = parsed.first, parsed.middle, parsed.last
    suffix = parsed.suffix
    if not last and first:  # nameparser put a lone word in `first`
        first, last = "", first
    nickname = nickname or parsed.nickname
    return PersonName(first, middle, last, suffix, nickname)


def _nicknamer() -> NickNamer:
    global _NICKNAMER
    if _NICKNAMER is None:
        _NICKNAMER = NickNamer()
    return _NICKNAMER


@lru_cache(maxsize=65536)
def given_name_forms(given: str) -> frozenset[str]:
    """A given name with its canonical forms and nicknames: 'Mike' -> {mike, michael, ...}."""
    g = fold(given)
    if not g:
        return frozenset()
    nn = _nicknamer()
    forms = {g} | set(nn.canonicals_of(g))
    if len(forms) == 1:
        forms |= set(nn.nicknames_of(g))
    return frozenset(forms)


def given_names_compatible(a: PersonName, b: PersonName) -> bool:
    """Could these be the same person's given names (surnames already equal)?"""
    if not a.first or not b.first:
        return True
    ga, gb = fold(a.first), fold(b.first)
    if ga == gb:
        return True
    # An initial: "J. Mattis" / "James Mattis".
    if (len(ga) == 1 and gb.startswith(ga)) or (len(gb) == 1 and ga.startswith(gb)):
        return True
    # A quoted nickname: "Kenneth 'Frank' McKenzie" / "Frank McKenzie".
    if a.nickname and fold(a.nickname) == gb or b.nickname and fold(b.nickname) == ga:
        return True
    if given_name_forms(ga) & given_name_forms(gb):
        return True
    # Transliterations ("Sergei" / "Sergey"), only for names long enough to compare.
    return (
        ga[0] == gb[0] and min(len(ga), len(gb)) >= 4 and fuzz.ratio(ga, gb) >= 80
    )


def is_acronym(name: str) -> bool:
    """'CENTCOM', 'U.S.', 'NSC', 'DoD': short, mostly capitals, one word."""
    bare = name.replace(".", "").replace("&", "")
    if not (2 <= len(bare) <= 10) or " " in bare or not bare.isalpha():
        return False
    capitals = sum(1 for ch in bare if ch.isupper())
    return capitals >= 2 and capitals >= len(bare) - 2 and bare[0].isupper()


def abbreviates(acronym: str, long_name: str) -> bool:
    """Is `acronym` formed from the starts of the words of `long_name`, in order?

    Each content word contributes a non-empty prefix ("CENTCOM" = CENTral COMmand, "NSC" =
    National Security Council); small words ("of", "the") and a leading country ("U.S.") may be
    skipped. At least two words must contribute.
    """
    target = fold(acronym).replace(" ", "").replace("-", "")
    words = [w for w in re.split(r"[\s-]+", fold(long_name)) if w]
    if len(words) < 2 or not target or len(target) > 12:
        return False
    optional = [w in _ORG_STOP or (i == 0 and w in _COUNTRY_PREFIXES) for i, w in enumerate(words)]

    @lru_cache(maxsize=None)
    def match(ti: int, wi: int, used: int) -> bool:
        if wi == len(words):
            return ti == len(target) and used >= 2
        word = words[wi]
        if optional[wi] and match(ti, wi + 1, used):
            return True
        for k in range(1, len(word) + 1):
            if ti + k > len(target) or target[ti + k - 1] != word[k - 1]:
                break
            if match(ti + k, wi + 1, used + 1):
                return True
        return False

    return match(0, 0, 0)
