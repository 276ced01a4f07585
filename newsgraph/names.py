"""Name keys shared by the document and corpus linkers: normalised surnames, given-name
compatibility (nicknames, initials, transliterations, gender) and acronyms.

Data: nicknames from the `nicknames` package; the gender of given names (only ever used to keep
"Paul" and "Paula" apart) from `data/given_names.tsv`, and country names and demonyms from
`data/countries.tsv`, both generated from PyPI packages by benchmarks/make_name_data.py; generic
words of place and organization names ("Mount", "Dam", "Records", "Commission") from
`data/name_kinds.tsv` and abbreviated words of unit names ("TF", "Div.") from
`data/name_abbreviations.tsv` (both hand-written).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from nameparser import HumanName
from nameparser.config import CONSTANTS as _NP
from nicknames import NickNamer
from rapidfuzz import fuzz

_QUOTED = re.compile(r"[\"“”‘’']([^\"“”‘’']{2,30})[\"“”‘’']")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md"}
_ORG_STOP = {"the", "of", "and", "for", "on", "in", "to", "&", "a", "an", "de", "du", "la", "le"}
_COUNTRY_PREFIXES = {"us", "u.s.", "u.s", "uk", "u.k.", "eu"}
_NICKNAMER: NickNamer | None = None
# Honorifics that say a person's gender (and are no role worth keeping as a title).
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": "", "messrs": "", "mme": "f"}
# Arabic articles written before a surname: "Bashar al-Assad" is also "Assad".
# "al-Assad" and "al Assad": the article, hyphenated or (al, el) written apart
# Words for "son of" / "daughter of" before a father's name: "Mohammed [bin] Salman" is not
# Salman, who is his father
PATRONYMIC_PARTICLES = frozenset({"ibn", "bin", "bint", "binti", "ben", "ould", "ap"})


def surname_last_word(key: str) -> str | None:
    """The last word a folded surname of several words is also found by ("leyen" of "von der
    leyen"); None for a one-word surname, or a father's name after a patronymic particle
    ("salman" of "bin salman": King Salman is not his son)."""
    first, _, rest = key.partition(" ")
    if not rest or first in PATRONYMIC_PARTICLES:
        return None
    return key.rsplit(" ", 1)[1]


_SURNAME_ARTICLES = re.compile(r"^(?:(?:al|el|ad|adh|an|ar|as|ash|at|ath|az)-|(?:al|el) )(?=\w{3})")


_SPACED_POSSESSIVE = re.compile(r"\s+(?=['’]s\b)")
# Spellings of one Slavic surname ending: "Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi".
_SKY_ENDING = re.compile(r"(?<=[sc]k)(?:iy|yy|yi|ij|ii|i|y)$")


def surname_fold(key: str) -> str:
    """A folded surname with its transliterated ending made one: 'zelenskyy' -> 'zelensky'."""
    return _SKY_ENDING.sub("y", key) if len(key) > 5 else key


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower-case, accents removed, apostrophes and dots dropped, spaces squeezed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if " '" in text or " ’" in text:  # "People 's Republic" (tokenized text) is "People's"
        text = _SPACED_POSSESSIVE.sub("", text)
    text = text.casefold().replace("’", "").replace("'", "").replace(".", "")
    text = re.sub(r"[^\w\s&-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# "Department of the Treasury" is the "Treasury Department"; not ministries: "Ukraine's
# Ministry of Defense" and "Russia's Defense Ministry" are two
_DEPARTMENT_OF = re.compile(r"^(?:(.+) )?department of (?:the )?(\w+(?: \w+)?)$")


def org_key(name: str) -> str:
    """Key for organizations and places: 'The Pentagon' and 'Pentagon' share one; so do 'TF
    Duke' and 'Task Force Duke' (abbreviated words of a longer name written out,
    data/name_abbreviations.tsv), and 'U.S. Department of the Treasury' and 'U.S. Treasury
    Department'."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    if (m := _DEPARTMENT_OF.match(key)) and " and " not in key:
        key = " ".join(w for w in (m[1], m[2], "department") if w)
    if " " in key:
        full = name_abbreviations()
        key = " ".join(full.get(word, word) for word in key.split(" "))
    return key


@cache
def name_abbreviations() -> dict[str, str]:
    """Abbreviated words of organization names, folded: 'tf' -> 'task force'."""
    text = resources.files("newsgraph").joinpath("data", "name_abbreviations.tsv").read_text()
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {fold(short): fold(full) for short, full in pairs}


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
        """Folded surname without a leading Arabic article: 'al-Assad' -> 'assad'."""
        return surname_fold(_SURNAME_ARTICLES.sub("", fold(self.last)))

    @property
    def suffix_key(self) -> str:
        """Folded generational or regnal suffix: 'Jr.' -> 'jr', 'III' -> 'iii'."""
        return fold(self.suffix).replace(" ", "")

    @property
    def display(self) -> str:
        parts = [self.first, self.middle, self.last]
        name = " ".join(p for p in parts if p)
        return f"{name} {self.suffix}".strip() if self.suffix else name


_PLAIN_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_ROMAN = re.compile(r"^[IVXLC]+$")
# A capitalised word of three letters or more, not in capitals: a surname, not a suffix
# ("Cem"), where nameparser's suffixes are credentials ("CEM") or "Jr."
_LOOKS_SURNAME = re.compile(r"^[A-Z][a-z][^\W\d_]+$")
_PERSON_SUFFIXES = {"esq", "jnr", "snr", "phd", "ret", "obe", "mbe", "kbe", "dbe", "cbe"}
_HAS_LETTER = re.compile(r"[^\W\d_]")


@cache
def _nameparser_words() -> frozenset[str]:
    """Words that make nameparser do more than split: titles, suffixes, prefixes, conjunctions."""
    words: set[str] = set()
    for attr in (
        "titles",
        "suffix_acronyms",
        "suffix_not_acronyms",
        "prefixes",
        "conjunctions",
        "first_name_titles",
        "bound_first_names",
        "non_first_name_prefixes",
    ):
        words |= {w.lower().strip(".") for w in getattr(_NP, attr, ())}
    return frozenset(words)


def _plain_split(words: list[str]) -> PersonName | None:
    """'First Last' or 'First M. Last' without any word nameparser treats specially."""
    if not 2 <= len(words) <= 3 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    special = _nameparser_words()
    for i, w in enumerate(words):
        bare = w.lower().rstrip(".")
        if bare in special or _ROMAN.match(w):
            return None
        if _PLAIN_WORD.match(w):
            continue
        if i == 1 and _INITIAL.match(w):
            continue
        return None
    if len(words) == 2:
        return PersonName(words[0], "", words[1], "", "")
    return PersonName(words[0], words[1], words[2], "", "")


@lru_cache(maxsize=1 << 18)
def parse_person(name: str) -> PersonName:
    """Split a person's name. A single word is taken as a surname ('Mattis')."""
    nickname = ""
    match = _QUOTED.search(name)
    if match:
        nickname = match.group(1).strip()
        name = (name[: match.start()] + " " + name[match.end() :]).strip()
    # Tokens without a letter ("Van Wilder '", a stray quote) are no part of the name.
    words = [w for w in name.split() if _HAS_LETTER.search(w)]
    name = " ".join(words)
    if not words:
        return PersonName("", "", "", "", nickname)
    if len(words) == 1:
        return PersonName("", "", words[0], "", nickname)
    if len(words) == 2 and _ROMAN.match(words[1]) and words[0][:1].isupper():
        # A regnal name: "Louis XIV", "Carol I" are Louis and Carol, numbered.
        return PersonName("", "", words[0], words[1], nickname)
    if not nickname:
        plain = _plain_split(words)  # nameparser takes ~0.25 ms a name; most names are plain
        if plain is not None:
            return plain
    parsed = HumanName(name)
    first, middle, last = parsed.first, parsed.middle, parsed.last
    suffix = parsed.suffix
    if (
        suffix
        and words[-1] == suffix
        and _LOOKS_SURNAME.match(suffix)
        and suffix.lower().rstrip(".") not in _PERSON_SUFFIXES
    ):
        # "Ismail Cem": nameparser reads 'CEM' (a credential) in a surname written Cem
        first, last, suffix = first or last, suffix, ""
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
    """A given name with the full names it is a nickname of: 'Mike' -> {mike, michael, ...}."""
    g = fold(given)
    if not g:
        return frozenset()
    return frozenset({g} | set(_nicknamer().canonicals_of(g)))


@lru_cache(maxsize=65536)
def _nicknames_of(given: str) -> frozenset[str]:
    return frozenset(_nicknamer().nicknames_of(given))


@cache
def _given_name_table() -> dict[str, str]:
    """Every given name of data/given_names.tsv -> 'm', 'f' or '' (either)."""
    text = resources.files("newsgraph").joinpath("data", "given_names.tsv").read_text("utf-8")
    genders = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            genders[name] = gender if gender in ("m", "f") else ""
    return genders


@cache
def name_kinds() -> dict[str, tuple[str, frozenset[str]]]:
    """Generic words of place and organization names (data/name_kinds.tsv), folded: word ->
    (type, uses), uses among 'first', 'last', 'short' and 'head'."""
    text = resources.files("newsgraph").joinpath("data", "name_kinds.tsv").read_text("utf-8")
    kinds = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, etype, uses = (line.split("\t") + ["", ""])[:3]
            kinds[fold(word)] = (etype, frozenset(u.strip() for u in uses.split(",") if u.strip()))
    return kinds


def name_kind(name: str) -> str:
    """The type a generic word gives a name that no person bears: 'Mount Shinn' -> 'LOC',
    "O'Shaughnessy Dam" -> 'FAC', 'U.S. Embassy Moscow' -> 'ORG'; '' for any other name."""
    words = fold(name).split()
    if len(words) < 2:
        return ""
    kinds = name_kinds()
    first = kinds.get(words[0])
    if first and "first" in first[1]:
        return first[0]
    for n in (2, 1):
        last = kinds.get(" ".join(words[-n:])) if len(words) > n else None
        if last and "last" in last[1]:
            return last[0]
    inner = next((kinds[w] for w in words if w in kinds and "any" in kinds[w][1]), None)
    return inner[0] if inner else ""


def short_forms(key: str) -> list[tuple[str, str]]:
    """An organization or place key without each generic word it may be written without, one
    more at a time, with the type they say: 'us airways group inc' -> [('us airways group',
    'ORG'), ('us airways', 'ORG')]; [] when there are none."""
    words = key.split()
    kinds = name_kinds()
    etype = ""
    found = []
    for _ in range(2):
        for n in (2, 1):
            kind = kinds.get(" ".join(words[-n:])) if len(words) > n else None
            if kind and "short" in kind[1]:
                words = words[:-n]
                etype = etype or kind[0]
                found.append((" ".join(words), etype))
                break
        else:
            break
    return found


def short_form(key: str) -> tuple[str, str]:
    """The shortest of `short_forms`: 'epic records' -> ('epic', 'ORG'), 'us airways group
    inc' -> ('us airways', 'ORG'); ('', '') when there is none ('izmir province': a province
    is not its capital)."""
    forms = short_forms(key)
    return forms[-1] if forms else ("", "")


def head_word(key: str) -> str:
    """The generic last word that may stand for a whole name: 'philippine commission' ->
    'commission'; '' when the name ends otherwise."""
    words = key.split()
    kind = name_kinds().get(words[-1]) if len(words) > 1 else None
    return words[-1] if kind and "head" in kind[1] else ""


def is_given_name(name: str) -> bool:
    """Is this a known given name ('Peyton', 'Mike'), by the data file or the nicknames?"""
    g = fold(name)
    return g in _given_name_table() or len(given_name_forms(g)) > 1 or bool(_nicknames_of(g))


def given_name_gender(given: str) -> str:
    """'m' or 'f' when a given name is (almost) always one gender, else ''."""
    return _given_name_table().get(fold(given), "")


def person_gender(name: PersonName, titles: list[str] | tuple[str, ...] = ()) -> str:
    """'m' or 'f' from an honorific ('Mrs.') or the given name; '' when unknown or mixed."""
    found = {HONORIFICS.get(fold(t).split(" ")[0], "") for t in titles} - {""}
    if name.first and len(fold(name.first)) > 1:
        found |= {given_name_gender(name.first)} - {""}
    return next(iter(found)) if len(found) == 1 else ""


_TRANSLIT = [
    ("ph", "f"),
    ("th", "t"),
    ("kh", "h"),
    ("ck", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("q", "k"),
]


@lru_cache(maxsize=65536)
def _translit_key(g: str) -> str:
    for a, b in _TRANSLIT:
        g = g.replace(a, b)
    g = re.sub(r"([^aeiou])\1+", r"\1", g)  # double consonants: "Muammar" / "Moamar"
    return g[:-2] + "i" if g.endswith("ie") else g  # "Bettie" / "Betty"


def surname_spelling(key: str) -> str:
    """A folded surname with its doubled letters single: 'karroubi' and 'karoubbi' ->
    'karoubi' (not 'meyer' and 'meier')."""
    return re.sub(r"(.)\1+", r"\1", key)


def _skeleton(t: str) -> str:
    return t[0] + re.sub(r"[aeiou]", "", t[1:])


@lru_cache(maxsize=1 << 18)
def _first_names_compatible(ga: str, gb: str) -> bool:
    """Two folded given names, neither an initial: the same name, a nickname of it, or a
    spelling of it in another transliteration; never two names of different gender."""
    if ga == gb:
        return True
    sex_a, sex_b = given_name_gender(ga), given_name_gender(gb)
    if sex_a and sex_b and sex_a != sex_b:  # "Paul" / "Paula", "Frances" / "Francis"
        return False
    # A nickname of the other ("Mike" / "Michael", "Bill" / "William"). Two names that are only
    # both nicknames of a third ("Al" / "Bert": Albert) or share one ("Frances" / "Francis":
    # "Fran") are not enough.
    forms_a, forms_b = given_name_forms(ga), given_name_forms(gb)
    if ga in forms_b or gb in forms_a or gb in _nicknames_of(ga) or ga in _nicknames_of(gb):
        return True
    # Transliterations: "Sergei" / "Sergey", "Antony" / "Anthony", "Aleksey" / "Alexei".
    ta, tb = _translit_key(ga), _translit_key(gb)
    if ta[:1] != tb[:1] or ta[-1:] != tb[-1:]:  # not "Mario" / "Maria", "Daniel" / "Daniela"
        return False
    if ta == tb:
        return min(len(ga), len(gb)) >= 4
    shortest = min(len(ta), len(tb))
    similarity = fuzz.ratio(ta, tb)
    # "Mikhail" / "Michail": one letter in six or more; "Mohammed" / "Muhammad", "Ahmed" /
    # "Ahmad": other vowels between the same consonants.
    return (shortest >= 6 and similarity >= 88) or (
        shortest >= 5 and similarity >= 70 and _skeleton(ta) == _skeleton(tb)
    )


def _initial_of(word: str) -> str:
    """'J.' -> 'j'; '' when the word is not an initial."""
    bare = fold(word).replace(" ", "")
    return bare if len(bare) == 1 else ""


def _middle_initials(middle: str) -> str:
    return "".join(fold(w)[:1] for w in re.split(r"[\s.]+", middle) if fold(w))


def _full_given_keys(g: str) -> set[tuple[str, str]]:
    tk = _translit_key(g)
    keys = {("i", g[:1]), ("t", tk[:1] + tk[-1:]), ("n", g)}
    keys |= {("n", f) for f in given_name_forms(g) | _nicknames_of(g)}
    return keys


@lru_cache(maxsize=1 << 16)
def given_name_keys(p: PersonName) -> frozenset[tuple[str, str]]:
    """Blocking keys of p's given name: `given_names_compatible(a, b)` (both with a given name)
    implies that the keys of one share a key with the query keys of the other
    (`given_name_query_keys`). Keys: ("i", first letter), ("t", first and last letter of the
    transliteration key), ("n", a nickname or full form)."""
    g = fold(p.first)
    keys: set[tuple[str, str]] = set()
    if len(g) > 1:
        keys |= _full_given_keys(g)
    elif g:
        keys.add(("i", g))
        goes_by = fold(p.middle).split(" ")[0] if p.middle else ""
        if len(goes_by) > 1:  # "W. Mark Felt" may go by "Mark"
            keys |= _full_given_keys(goes_by)
    if p.nickname and len(fold(p.nickname)) > 1:
        keys |= _full_given_keys(fold(p.nickname))
    return frozenset(keys)


def given_name_query_keys(p: PersonName) -> frozenset[tuple[str, str]]:
    """The keys to look up for p: a full given name need not look at initials of others."""
    keys = given_name_keys(p)
    if len(fold(p.first)) > 1:
        keys = frozenset(k for k in keys if k[0] != "i") | {("i", fold(p.first)[:1])}
    return keys


@lru_cache(maxsize=1 << 18)
def given_names_compatible(a: PersonName, b: PersonName) -> bool:
    """Could these be the same person's given names (surnames already equal)?

    "Mike" / "Michael", "J." / "James", "Sergei" / "Sergey", "W. Mark" / "Mark", a quoted
    nickname ("Kenneth 'Frank'" / "Frank") are; "Hillary" / "Bill", "Yitzhak" / "Shimon",
    "Paul" / "Paula", and different middle initials ("George H. W." / "George W.") are not.
    """
    # "Paul Desmarais Jr." is not "Paul Desmarais Sr."
    sa, sb = fold(a.suffix).replace(" ", ""), fold(b.suffix).replace(" ", "")
    if sa and sb and sa != sb:
        return False
    if not a.first or not b.first:
        return True
    ga, gb = fold(a.first), fold(b.first)
    if not ga or not gb:
        return True
    # Middle names, when both are written, must agree: "George H. W. Bush" / "George W. Bush".
    ma, mb = _middle_initials(a.middle), _middle_initials(b.middle)
    if ma and mb and not (ma.startswith(mb) or mb.startswith(ma)):
        # ... unless one goes by the middle name: "W. Mark Felt" / "Mark Felt" is handled below.
        if not (_initial_of(a.first) or _initial_of(b.first)):
            return False
    ia, ib = _initial_of(a.first), _initial_of(b.first)
    if ia or ib:
        # An initial: "J. Mattis" / "James Mattis"; "W. Mark Felt" / "Mark Felt".
        if ia and ib:
            return ia == ib
        if ia and gb.startswith(ia) and (not mb or not ma or mb[:1] == ma[:1]):
            return True
        if ib and ga.startswith(ib) and (not ma or not mb or ma[:1] == mb[:1]):
            return True
        initial, middle, other = (ia, a.middle, gb) if ia else (ib, b.middle, ga)
        goes_by = fold(middle).split(" ")[0] if middle else ""
        return bool(goes_by) and len(goes_by) > 1 and _first_names_compatible(goes_by, other)
    # A quoted nickname: "Kenneth 'Frank' McKenzie" / "Frank McKenzie".
    if a.nickname and fold(a.nickname) == gb or b.nickname and fold(b.nickname) == ga:
        return True
    return _first_names_compatible(ga, gb)


_SPELLED = re.compile(r"[A-Z](?:-[A-Z])+")
# Two capitals-only parts joined by a hyphen, the second of one or two letters: "ZANU-PF",
# "PML-N", or of three after a longer first: "CJTF-HOA" (not a headline's "MID-EAST"); perhaps
# with the full stop of a sentence's end ("JSOTF-P.")
_HYPHENATED = re.compile(r"(?:[A-Z]{2,6}-[A-Z]{1,2}|[A-Z]{4,6}-[A-Z]{3})\.?")


@lru_cache(maxsize=1 << 16)  # asked of every capitalised token of every document
def is_acronym(name: str) -> bool:
    """'CENTCOM', 'U.S.', 'NSC', 'DoD': short, mostly capitals, one word; or spelled out letter
    by letter as radio scripts write it: 'M-L-C'; or two parts in capitals: 'ZANU-PF'."""
    if _SPELLED.fullmatch(name):
        return len(name) <= 19
    if _HYPHENATED.fullmatch(name):
        return True  # "ZANU-PF", "PML-N": a party and its wing
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
    if len(words) < 2 or not target or len(target) > 12 or target in words:
        return False  # "U.S." is no acronym of the "U.S. Senate" it starts
    optional = [w in _ORG_STOP or (i == 0 and w in _COUNTRY_PREFIXES) for i, w in enumerate(words)]
    # Every required word contributes its first letter, in order: a cheap test first.
    it = iter(target)
    if not all(w[0] in it for w, opt in zip(words, optional, strict=True) if not opt):
        return False
    memo: dict[tuple[int, int, int], bool] = {}

    def match(ti: int, wi: int, used: int) -> bool:
        if wi == len(words):
            return ti == len(target) and used >= 2
        state = (ti, wi, min(used, 2))
        if state in memo:
            return memo[state]
        word = words[wi]
        result = optional[wi] and match(ti, wi + 1, used)
        if not result:
            for k in range(1, len(word) + 1):
                if ti + k > len(target) or target[ti + k - 1] != word[k - 1]:
                    break
                if match(ti + k, wi + 1, used + 1):
                    result = True
                    break
        memo[state] = result
        return result

    return match(0, 0, 0)


def abbreviated_name(short: str, long_name: str) -> bool:
    """Is `short` the long name with a run of its words written as their acronym and the
    others kept: '3rd BCT' = '3rd Brigade Combat Team', 'UN Security Council' = 'United
    Nations Security Council'? At least one word is kept; the acronym stands for two or more."""
    s_words, l_words = short.split(), long_name.split()
    if len(s_words) < 2 or len(l_words) <= len(s_words):
        return False
    head = 0
    while head < len(s_words) and fold(s_words[head]) == fold(l_words[head]):
        head += 1
    tail = 0
    while tail < len(s_words) - head and fold(s_words[-1 - tail]) == fold(l_words[-1 - tail]):
        tail += 1
    middle = s_words[head : len(s_words) - tail]
    if len(middle) != 1 or not is_acronym(middle[0]):
        return False
    return abbreviates(middle[0], " ".join(l_words[head : len(l_words) - tail]))
