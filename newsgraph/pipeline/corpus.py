"""Link stage (across documents): join each document's entities into corpus entities.

One node per real entity, and never one node for two people: a false merge in a published graph
is worse than a split. The rules, each blocked by a key so linking stays near-linear:

- People with a full name are compared only with people of the same surname (and, within it, of
  a compatible first letter): "Michael Flynn", "Mike Flynn" and "Michael T. Flynn" are one;
  "Hillary Clinton" and "Bill Clinton", "Paul Smith" and "Paula Smith", "George H. W. Bush" and
  "George W. Bush" never are. A full name that fits two such people stays apart, `ambiguous`.
- A surname alone ("Kerry") that its own document could not resolve joins the one compatible full
  name of the corpus; with none it joins the same surname in other documents; with several ("John
  Kerry", "Frances Kerry") it stays its own node in each document, `ambiguous`. A numbered name
  ("Louis XIV", "Desmarais Sr.") joins only the same number. A given name alone ("Joe") joins the
  one person of its document whose corpus full name starts with it ("Biden" / "Joe Biden").
- Organizations and places join through any shared name key ("the Pentagon" = "Pentagon") and
  country names ("Russian Federation" = "Russia"; a demonym such as "American" joins the United
  States when that is in the corpus). An acronym defined anywhere ("U.S. Central Command
  (CENTCOM)") links the bare acronym everywhere; an acronym nobody defined joins the one long name
  whose words it abbreviates. A name that drops a country ("State Department") joins the one
  prefixed form ("U.S. State Department"); when several exist ("Russian Foreign Ministry",
  "Israeli Foreign Ministry") "Foreign Ministry" stays apart in each document, `ambiguous`.
- People never merge with organizations or places.

`AliasTable` adds what the text lacks (`--aliases` CSV: alias,canonical[,type]) and drops names
(`--exclude`: one name a line).
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from newsgraph.models import DocumentExtraction, Entity
from newsgraph.names import (
    HONORIFICS,
    PersonName,
    abbreviates,
    fold,
    given_name_forms,
    given_name_keys,
    given_name_query_keys,
    given_names_compatible,
    is_acronym,
    is_given_name,
    org_key,
    parse_person,
    person_gender,
    surname_last_word,
)
from newsgraph.pipeline.link import GRAPH_TYPES, given_name_titled

DocKey = tuple[str, str]  # (document id, document entity id)

_TYPE_NAMES = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FAC",
    "NORP": "NORP",
}
_LEGAL = "\u00a7"  # marks keys without a company form, which only organizations share
# An acronym nobody defined only abbreviates a name of its own kind: "PDA" is no "Port Darvos".
_FAMILY = {"ORG": "org", "FAC": "org", "NORP": "org", "GPE": "place", "LOC": "place"}
_OPTIONAL_WORDS = {
    "the",
    "of",
    "and",
    "for",
    "on",
    "in",
    "to",
    "&",
    "a",
    "an",
    "de",
    "du",
    "la",
    "le",
    "us",
    "uk",
    "eu",
}


@dataclass
class AliasTable:
    """User knowledge the text lacks: alias -> canonical name (and type), names to drop."""

    canonical: dict[str, tuple[str, str]] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, aliases: Path | None = None, exclude: Path | None = None) -> AliasTable:
        """Read an alias CSV (alias,canonical[,type]; '#' comments and a header row allowed)
        and an exclude list (one name a line). Raises ValueError on a malformed row."""
        table = cls()
        if aliases is not None:
            with open(aliases, newline="", encoding="utf-8-sig") as fh:
                for number, row in enumerate(csv.reader(fh), start=1):
                    row = [cell.strip() for cell in row]
                    if not any(row) or row[0].startswith("#"):
                        continue
                    if number == 1 and row[0].lower() == "alias":
                        continue
                    if len(row) < 2 or not row[0] or not row[1]:
                        raise ValueError(f"{aliases}:{number}: each row is alias,canonical[,type]")
                    etype = row[2].upper() if len(row) > 2 and row[2] else ""
                    if etype and etype not in _TYPE_NAMES:
                        raise ValueError(
                            f"{aliases}:{number}: unknown type {row[2]!r} "
                            f"(one of {', '.join(sorted(set(_TYPE_NAMES.values())))})"
                        )
                    table.canonical[org_key(row[0])] = (row[1], _TYPE_NAMES.get(etype, ""))
        if exclude is not None:
            for line in Path(exclude).read_text(encoding="utf-8-sig").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    table.excluded.add(org_key(line))
        return table

    def lookup(self, names: Iterable[str]) -> tuple[str, str] | None:
        if not self.canonical:
            return None
        for name in names:
            hit = self.canonical.get(org_key(name))
            if hit:
                return hit
        return None

    def is_excluded(self, names: Iterable[str]) -> bool:
        return bool(self.excluded) and any(org_key(n) in self.excluded for n in names)


@dataclass
class CorpusLinks:
    """Corpus entities and where each document entity went."""

    entities: list[Entity]
    mapping: dict[DocKey, str]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# --- Country names and demonyms (data/countries.tsv, generated from countryinfo) -----------------


@cache
def _country_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of countries.tsv: name, demonyms (;), other names (;), capital."""
    text = resources.files("newsgraph").joinpath("data", "countries.tsv").read_text("utf-8")
    return tuple(
        tuple((line.split("\t") + ["", "", ""])[:4])
        for line in text.splitlines()
        if line and not line.startswith("#")
    )


@cache
def country_keys() -> tuple[dict[str, str], dict[str, str]]:
    """(name or other name key -> country key, demonym key -> country key), all folded. A
    country's own name is among the names ('canada' -> 'canada'), whether or not it has
    others."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for name, demonym_list, other_list, _ in _country_rows():
        country = org_key(name)
        names.setdefault(country, country)
        for other in filter(None, other_list.split(";")):
            names.setdefault(org_key(other), country)
        for demonym in filter(None, demonym_list.split(";")):
            key = org_key(demonym)
            variants = [key]
            if key.endswith("ean"):
                variants.append(key[:-3] + "ian")  # "Ecuadorean", also "Ecuadorian"
            for variant in variants:
                demonyms.setdefault(variant, country)
                if not variant.endswith("s"):
                    demonyms.setdefault(variant + "s", country)  # "Israelis", "Americans"
    return names, demonyms


# Words that keep a government that same government ("the federal government of Somalia");
# never "interim", "transitional" or "provisional": a rival government may claim the country
# ("the Syrian Interim Government" against Damascus, Venezuela's interim government of 2019)
_GOVERNMENT_KIND = r"(?:(?:federal|national|central) )*"
_GOVERNMENT_OF = re.compile(rf"^{_GOVERNMENT_KIND}government of (?:the )?(.+)$")
_GOVERNMENT_BY = re.compile(rf"^(.+?) {_GOVERNMENT_KIND}government$")
_COUNTRY_ABBREVIATIONS = {"us": "united states", "usa": "united states", "uk": "united kingdom"}
# Owners that name another country, or a state, as often as the one the data says: news "Congo"
# is often the DR Congo, "Congolese" either; "the Georgia government" is Atlanta's as well.
_AMBIGUOUS_OWNERS = {"congo", "congolese", "georgia"}


@cache
def government_key(key: str) -> str:
    """'government of sudan' for the folded name of a country's government in any form:
    "Government of Sudan", "the Sudanese government", "Sudan's government", "the Somalia
    government"; '' for any other name, an ambiguous owner, and a demonym the data gives a
    union of countries ("Serbian" and "Montenegrin" are both "Serbia and Montenegro")."""
    m = _GOVERNMENT_OF.match(key) or _GOVERNMENT_BY.match(key)
    if not m:
        return ""
    names, demonyms = country_keys()
    owner = m.group(1)
    for form in (owner, owner[:-1] if owner.endswith("s") else ""):  # "sudans" of "Sudan's"
        if not form or form in _AMBIGUOUS_OWNERS:
            continue
        country = names.get(form) or _COUNTRY_ABBREVIATIONS.get(form)
        if not country and " and " not in demonyms.get(form, " and "):
            country = demonyms[form]
        if country:
            return "government of " + country
    return ""


@cache
def capital_keys() -> dict[str, str]:
    """Capital key -> country key, folded: 'moscow' -> 'russia', 'washington' -> 'united states'
    (a capital that two countries claim is left out of the data)."""
    return {org_key(capital): org_key(name) for name, _, _, capital in _country_rows() if capital}


@cache
def country_words() -> frozenset[str]:
    """Every folded country name, other name and demonym: 'russia', 'russian federation',
    'russian'."""
    names, demonyms = country_keys()
    return frozenset(set(names) | set(names.values()) | set(demonyms))


@cache
def _country_prefixes() -> frozenset[str]:
    """Words a name may start with to say whose it is: 'U.S.', 'Russian', 'British', 'Israel'."""
    names, demonyms = country_keys()
    return frozenset({"us", "usa", "uk", "eu", "un"} | set(demonyms) | set(names.values()))


def _strip_country(key: str) -> str:
    """'us state department' -> 'state department'; '' when no country prefix."""
    words = key.split(" ")
    prefixes = _country_prefixes()
    for k in (3, 2, 1):
        if len(words) > k and " ".join(words[:k]) in prefixes:
            return " ".join(words[k:])
    return ""


@cache
def legal_suffixes() -> frozenset[str]:
    """Company-form words after a name: 'corp', 'inc', 'gmbh' (data/legal_suffixes.txt)."""
    text = resources.files("newsgraph").joinpath("data", "legal_suffixes.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


def without_legal_suffix(key: str) -> str:
    """'microsoft corp' -> 'microsoft'; the key itself when it has no such suffix."""
    words = key.split(" ")
    suffixes = legal_suffixes()
    while len(words) > 1 and words[-1].replace(",", "") in suffixes:
        words.pop()
    return " ".join(words).rstrip(",")


def _acronym_key(name: str) -> str:
    return fold(name).replace(" ", "").replace("-", "")


# --- The linker ----------------------------------------------------------------------------------


@dataclass
class _Items:
    """Document entities to link, as parallel lists (cheaper than copies of the models)."""

    keys: list[DocKey] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    aliases: list[tuple[str, ...]] = field(default_factory=list)
    ambiguous: list[bool] = field(default_factory=list)
    country: dict[int, str] = field(default_factory=dict)  # NORP item -> country key

    def add(
        self,
        key: DocKey,
        ent: Entity,
        name: str,
        etype: str,
        aliases: tuple[str, ...],
        ambiguous: bool,
    ) -> int:
        self.keys.append(key)
        self.entities.append(ent)
        self.names.append(name)
        self.types.append(etype)
        self.aliases.append(aliases)
        self.ambiguous.append(ambiguous)
        return len(self.keys) - 1


def _collect(
    extractions: Iterable[DocumentExtraction], table: AliasTable, demonyms_on: bool
) -> _Items:
    items = _Items()
    _, demonyms = country_keys()
    for ex in extractions:
        for ent in ex.entities:
            names = (ent.name, *ent.aliases)
            if table.is_excluded(names):
                continue
            name, etype, aliases, ambiguous = ent.name, ent.type, tuple(ent.aliases), ent.ambiguous
            hit = table.lookup(names)
            if hit:
                name, forced = hit
                if table.is_excluded([name]):
                    continue
                etype = forced or etype
                aliases = (*aliases, name)
                ambiguous = False
            if etype == "NORP":
                if not demonyms_on:
                    continue
                country = next((demonyms[k] for k in map(org_key, names) if k in demonyms), None)
                if country is None:
                    continue
                i = items.add((ex.document, ent.id), ent, name, etype, aliases, ambiguous)
                items.country[i] = country
            elif etype in GRAPH_TYPES:
                items.add((ex.document, ent.id), ent, name, etype, aliases, ambiguous)
    return items


def link_corpus(
    extractions: Iterable[DocumentExtraction],
    aliases: AliasTable | None = None,
    demonyms: bool = False,
) -> CorpusLinks:
    """Join document entities into corpus entities (one per real entity).

    With `demonyms`, a NORP entity that is a country's demonym ("Russian") joins that country's
    node when the country is in the corpus; otherwise NORP entities stay out of the graph. It is
    off by default: on Re-DocRED it joins as many demonyms that the gold keeps apart from their
    country ("Canadian" / "Canada") as ones it counts as the country's names.
    """
    items = _collect(extractions, aliases or AliasTable(), demonyms)
    n = len(items.keys)
    uf = _UnionFind(n)
    ambiguous = {i for i in range(n) if items.ambiguous[i]}
    persons = [i for i in range(n) if items.types[i] == "PERSON"]
    others = [i for i in range(n) if items.types[i] != "PERSON"]
    _link_persons(items, persons, uf, ambiguous)
    _one_ambiguous_node_per_document(items, persons, uf, ambiguous)
    others = _mistyped_full_names(items, persons, others, uf, ambiguous)
    dropped = _link_others(items, others, uf, ambiguous)

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        if i not in dropped:
            clusters[uf.find(i)].append(i)
    built: list[tuple[Entity, list[int]]] = []
    for members in clusters.values():
        flagged = all(i in ambiguous for i in members)
        built.append((_merge(items, members, flagged), members))
    built.sort(key=lambda em: (em[0].type, em[0].name.casefold(), em[0].name, em[0].documents))
    entities: list[Entity] = []
    mapping: dict[DocKey, str] = {}
    used: Counter[str] = Counter()
    for entity, members in built:
        base = f"{entity.type.lower()}:{_slug(entity.name)}"
        used[base] += 1
        entity.id = base if used[base] == 1 else f"{base}-{used[base]}"
        entities.append(entity)
        for i in members:
            mapping[items.keys[i]] = entity.id
    return CorpusLinks(entities=entities, mapping=mapping)


# --- People --------------------------------------------------------------------------------------


@dataclass
class _Group:
    """People of one surname judged to be one person: their full-name forms and gender."""

    root: int
    forms: list[PersonName]
    gender: str

    def accepts(self, forms: list[PersonName], gender: str) -> bool:
        if gender and self.gender and gender != self.gender:
            return False
        return all(given_names_compatible(f, g) for f in forms for g in self.forms)


def _person_forms(items: _Items, i: int, surname: str) -> list[PersonName]:
    """The full-name forms of a document entity that carry this surname."""
    forms = {}
    for name in (items.names[i], *items.aliases[i]):
        p = parse_person(name)
        if p.is_full and p.surname_key == surname:
            forms[(fold(p.first), fold(p.middle))] = p
    return list(forms.values())


def _specificity(p: PersonName) -> tuple[int, int, int]:
    """Most informative names first: a middle name, a full first name, a long first name."""
    return (1 if p.middle else 0, 1 if len(fold(p.first)) > 1 else 0, len(p.first))


def _link_persons(items: _Items, persons: list[int], uf: _UnionFind, ambiguous: set[int]) -> None:
    parsed = {i: parse_person(items.names[i]) for i in persons}
    full_by_surname: dict[str, list[int]] = defaultdict(list)
    lone_by_surname: dict[str, list[int]] = defaultdict(list)
    for i in persons:
        p = parsed[i]
        key = p.surname_key or fold(items.names[i])
        if p.is_full:
            full_by_surname[key].append(i)
        elif key and p.suffix_key:  # "Louis XIV" is not "Louis XIII"
            lone_by_surname[f"{key} {p.suffix_key}"].append(i)
        elif key:
            lone_by_surname[key].append(i)

    # 1. Full names: one exact name is one unit; units join a group of compatible names. Names
    # with only initials ("J. Mattis") are as weak as a surname: they come after, in step 2.
    groups_by_surname: dict[str, list[_Group]] = {}
    weak_by_surname: dict[str, list[int]] = defaultdict(list)
    for surname, members in full_by_surname.items():
        units: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in members:
            if i in ambiguous:  # the document could not decide either
                continue
            p = parsed[i]
            if _initials_only(p):
                weak_by_surname[surname].append(i)
                continue
            units[(fold(p.first), fold(p.middle), fold(p.suffix))].append(i)
        for unit in units.values():
            for i in unit[1:]:
                uf.union(unit[0], i)
        order = sorted(
            units.values(), key=lambda u: (_specificity(parsed[u[0]]), len(u)), reverse=True
        )
        groups: list[_Group] = []
        by_letter: dict[tuple[str, str], list[_Group]] = defaultdict(list)
        for unit in order:
            forms = _person_forms(items, unit[0], surname) or [parsed[unit[0]]]
            for i in unit[1:]:
                forms += [f for f in _person_forms(items, i, surname) if f not in forms]
            gender = _forms_gender(forms, [t for i in unit for t in items.entities[i].titles])
            letters = set().union(*(given_name_keys(f) for f in forms))
            query = set().union(*(given_name_query_keys(f) for f in forms))
            fits = _fitting(by_letter, query, forms, gender)
            if len(fits) == 1:
                group = fits[0]
                uf.union(group.root, unit[0])
                group.forms += [f for f in forms if f not in group.forms]
                group.gender = group.gender or gender
            elif not fits:
                group = _Group(unit[0], list(forms), gender)
                groups.append(group)
            else:  # "Mike Flynn" when both "Michael T. Flynn" and "Michael G. Flynn" exist
                ambiguous.update(unit)
                continue
            for letter in letters:
                by_letter[letter].append(group)
        groups_by_surname[surname] = groups
        # Initials: the one group they fit, else one node per written form, else ambiguous.
        first_of_form: dict[tuple[str, str], int] = {}
        for i in weak_by_surname.get(surname, ()):
            p = parsed[i]
            forms = [p]
            gender = _forms_gender(forms, items.entities[i].titles)
            fits = _fitting(by_letter, given_name_query_keys(p), forms, gender)
            if len(fits) == 1:
                uf.union(fits[0].root, i)
            elif fits:
                ambiguous.add(i)
            else:
                form = (fold(p.first), fold(p.middle))
                if form in first_of_form:
                    uf.union(first_of_form[form], i)
                else:
                    first_of_form[form] = i

    # Surnames of several words are also found by their last word ("Leyen"), but not a
    # father's name ("Salman" is not "Mohammed bin Salman": King Salman is his father).
    by_last_word: dict[str, list[_Group]] = defaultdict(list)
    for surname, groups in groups_by_surname.items():
        if (last_word := surname_last_word(surname)) is not None:
            by_last_word[last_word].extend(groups)

    # Family name first ("President Xi" / "Xi Jinping"): a lone name with a title, that is no
    # known given name and no surname of the corpus, may be the first word of a full name.
    # (Without the title, places tagged PERSON fit too: "Kahului" / "Kahului Airport".)
    by_first_word: dict[str, list[_Group]] = defaultdict(list)
    for groups in groups_by_surname.values():
        for group in groups:
            for form in group.forms:
                first = fold(form.first)
                if " " not in first and first in lone_by_surname and not is_given_name(first):
                    by_first_word[first].append(group)
                    break

    # Surnames each document names, for a given name alone: "Joe" in a document that names
    # "Biden" is the corpus's one "Joe Biden" among the people of that document.
    surnames_in: dict[str, set[str]] = defaultdict(set)
    for i in persons:
        key = parsed[i].surname_key
        if key:
            surnames_in[items.keys[i][0]].add(key)

    # 2. Surnames alone: the one compatible full name of the corpus, else one node per surname.
    docs_of: dict[int, set[str]] | None = None
    for surname, members in lone_by_surname.items():
        candidates = groups_by_surname.get(surname, []) + by_last_word.get(surname, [])
        suffix = parsed[members[0]].suffix_key
        if suffix:  # "Desmarais Sr." joins only a full name with that suffix
            base = surname[: -len(suffix) - 1]
            candidates = [
                g
                for g in groups_by_surname.get(base, [])
                if any(f.suffix_key == suffix for f in g.forms)
            ]
        if (
            not candidates
            and surname in by_first_word
            and any(items.entities[i].titles for i in members)
        ):
            if docs_of is None:
                docs_of = defaultdict(set)
                for i in persons:
                    docs_of[uf.find(i)].add(items.keys[i][0])
            _link_family_name_first(items, members, by_first_word[surname], docs_of, uf, ambiguous)
            continue
        # A document that kept two bearers of the surname apart ("General Secretary and Mrs.
        # Gorbachev") says they are a man and a woman: their namesakes elsewhere join by gender.
        docs = [items.keys[i][0] for i in members if i not in ambiguous]
        by_gender = len(docs) != len(set(docs))
        first_lone: dict[str, int] = {}
        fits_by_gender: dict[str, set[int]] = {}
        for i in members:
            if i in ambiguous:
                continue
            gender = person_gender(parsed[i], items.entities[i].titles)
            if gender not in fits_by_gender:
                fits_by_gender[gender] = {
                    uf.find(g.root)
                    for g in candidates
                    if not (gender and g.gender and g.gender != gender)
                }
            fits = fits_by_gender[gender]
            titles = items.entities[i].titles
            # "Ambassador Jeffrey" is a surname; "King Abdullah" a given name
            if not fits and is_given_name(surname) and (not titles or given_name_titled(titles)):
                fits = _bearers_of_given_name(
                    surname, surnames_in[items.keys[i][0]], groups_by_surname, uf
                )
                if len(fits) > 1:
                    fits = set()
            if len(fits) == 1:
                uf.union(next(iter(fits)), i)
            elif fits:
                ambiguous.add(i)
            else:
                lone_key = gender if by_gender else ""
                if lone_key in first_lone:
                    uf.union(first_lone[lone_key], i)
                else:
                    first_lone[lone_key] = i


def _bearers_of_given_name(
    given: str, surnames: set[str], groups_by_surname: dict[str, list[_Group]], uf: _UnionFind
) -> set[int]:
    """Roots of the full names, among the surnames a document names, whose given name this is
    (or of which it is a nickname: "Joe" for "Joseph Biden"; "Shelly" is no "Rachel")."""
    forms = given_name_forms(given)
    return {
        uf.find(group.root)
        for surname in surnames - {given}
        for group in groups_by_surname.get(surname, ())
        if any(fold(f.first) in forms for f in group.forms)
    }


def _one_ambiguous_node_per_document(
    items: _Items, persons: list[int], uf: _UnionFind, ambiguous: set[int]
) -> None:
    """The ambiguous 'Kerry' mentions of one document are one node (not one per mention)."""
    first: dict[tuple[str, str], int] = {}
    for i in persons:
        if i in ambiguous:
            key = (items.keys[i][0], fold(items.names[i]))
            if key in first:
                uf.union(first[key], i)
            else:
                first[key] = i


def _full_name_key(name: str) -> str:
    """The exact full name, when it starts with a known given name ("Peyton Manning"), else ''."""
    words = name.split()
    if len(words) < 2 or not is_given_name(fold(words[0])):
        return ""  # most names of bodies and places: no need to parse them as a person's
    p = parse_person(name)
    first = fold(p.first)
    if not p.is_full or len(first) < 2 or not is_given_name(first):
        return ""
    return fold(p.display)


def _mistyped_full_names(
    items: _Items, persons: list[int], others: list[int], uf: _UnionFind, ambiguous: set[int]
) -> list[int]:
    """A full name the model tagged ORG or GPE in some documents ("Peyton Manning") joins the
    one person of that exact name, when the name starts with a known given name and the corpus
    tags it PERSON more often than anything else (so that "Morgan Stanley", mostly ORG, stays a
    bank, and "Newcastle United" tagged PERSON once does not pull the club in). Returns the
    others left."""
    roots_by_key: dict[str, set[int]] = defaultdict(set)
    votes: Counter[tuple[str, bool]] = Counter()
    for i in persons:
        key = _full_name_key(items.names[i])
        if key and i not in ambiguous:
            roots_by_key[key].add(uf.find(i))
            votes[(key, True)] += max(items.entities[i].mentions, 1)
    if not roots_by_key:
        return others
    candidates = []
    for i in others:
        if i in items.country or len(items.names[i].split()) < 2:
            continue
        key = _full_name_key(items.names[i])
        if key in roots_by_key:
            candidates.append((i, key))
            votes[(key, False)] += max(items.entities[i].mentions, 1)
    moved = set()
    for i, key in candidates:
        roots = roots_by_key[key]
        if len(roots) == 1 and votes[(key, True)] > votes[(key, False)]:
            uf.union(next(iter(roots)), i)
            moved.add(i)
    return [i for i in others if i not in moved] if moved else others


def _link_family_name_first(
    items: _Items,
    members: list[int],
    groups: list[_Group],
    docs_of: dict[int, set[str]],
    uf: _UnionFind,
    ambiguous: set[int],
) -> None:
    """'Xi' joins 'Xi Jinping': the one such full name of its document, else of the corpus."""
    roots = {uf.find(g.root) for g in groups}
    lone_root = -1
    for i in members:
        if i in ambiguous:
            continue
        doc = items.keys[i][0]
        here = {r for r in roots if doc in docs_of.get(r, ())}
        fits = here or roots
        if len(fits) == 1:
            uf.union(next(iter(fits)), i)
        elif lone_root < 0:
            lone_root = i
        else:
            uf.union(lone_root, i)


def _initials_only(p: PersonName) -> bool:
    """'J. Mattis', 'J. R. Smith': no given name written out."""
    return len(fold(p.first).replace(" ", "")) <= 1 and all(
        len(w) <= 1 for w in re.split(r"[\s.]+", fold(p.middle)) if w
    )


def _fitting(
    by_letter: dict[tuple[str, str], list[_Group]],
    letters: Iterable[tuple[str, str]],
    forms: list[PersonName],
    gender: str,
) -> list[_Group]:
    seen: set[int] = set()
    fits = []
    for letter in letters:
        for group in by_letter.get(letter, ()):
            if id(group) not in seen:
                seen.add(id(group))
                if group.accepts(forms, gender):
                    fits.append(group)
    return fits


def _forms_gender(forms: list[PersonName], titles: list[str]) -> str:
    found = {person_gender(f, titles) for f in forms} - {""}
    return next(iter(found)) if len(found) == 1 else ""


# --- Organizations and places --------------------------------------------------------------------


def _link_others(items: _Items, others: list[int], uf: _UnionFind, ambiguous: set[int]) -> set[int]:
    """Link non-person entities; returns the items to drop (demonyms of absent countries)."""
    country_names, _ = country_keys()
    long_keys: dict[int, set[str]] = {}
    acronyms: dict[int, set[str]] = {}
    for i in others:
        if i in items.country:
            long_keys[i], acronyms[i] = {items.country[i]}, set()
            continue
        longs, acrs = set(), set()
        for name in {items.names[i], *items.aliases[i]}:
            key = org_key(name)
            if not key:
                continue
            if is_acronym(name):
                acrs.add(_acronym_key(name))
            else:
                longs.add(key)
            if key in country_names:
                longs.add(country_names[key])
            if government := government_key(key):
                longs.add(government)
        if items.types[i] == "ORG":  # "Microsoft Corp." = "Microsoft", between organizations
            longs |= {_LEGAL + without_legal_suffix(k) for k in longs if not k.startswith(_LEGAL)}
        long_keys[i], acronyms[i] = longs, acrs

    # A name without its country joins the one prefixed form ("State Department"); with
    # several ("Foreign Ministry") it is ambiguous and not merged across documents.
    orgs = [i for i in others if items.types[i] == "ORG"]
    prefixed: dict[str, set[str]] = defaultdict(set)
    for i in orgs:
        for key in long_keys[i]:
            bare = _strip_country(key)
            if bare:
                prefixed[bare].add(key)
    generic: set[str] = set()
    for i in orgs:
        for key in list(long_keys[i]):
            owners = prefixed.get(key)
            if owners and len(owners) == 1:
                long_keys[i].add(next(iter(owners)))
            elif owners:
                generic.add(key)
    generic |= {_LEGAL + key for key in generic}
    for i in orgs:
        if long_keys[i] and long_keys[i] <= generic:
            ambiguous.add(i)

    # 1. Shared long-name keys.
    first_with: dict[str, int] = {}
    for i in others:
        if i in ambiguous or i in items.country:
            continue
        for key in long_keys[i]:
            if key in generic:
                continue
            if key in first_with:
                uf.union(first_with[key], i)
            else:
                first_with[key] = i
    # Demonyms join their country only when it is in the corpus.
    dropped = set()
    for i in items.country:
        if i in ambiguous:
            continue
        owner = first_with.get(items.country[i])
        if owner is None:
            dropped.add(i)
        else:
            uf.union(owner, i)

    # 2. Acronyms: defined (an alias of a long name) anywhere, else abbreviating one long name.
    owners: dict[str, set[int]] = defaultdict(set)
    bare: dict[str, list[int]] = defaultdict(list)
    for i in others:
        if i in items.country:
            continue
        for acr in acronyms[i]:
            if long_keys[i]:
                if i not in ambiguous:
                    owners[acr].add(i)
            elif len(acronyms[i]) == 1 and i not in ambiguous:
                bare[acr].append(i)
    index = _AbbreviationIndex(
        {
            key: i
            for key, i in first_with.items()
            if " " in key and i not in items.country and not key.startswith(_LEGAL)
        }
    )
    for acr, members in bare.items():
        roots = {uf.find(i) for i in owners.get(acr, ())}
        if not roots:
            family = _FAMILY.get(items.types[members[0]], "")
            roots = {
                uf.find(i)
                for i in index.candidates(acr, items.names[members[0]])
                if _FAMILY.get(items.types[i], "") == family
            }
        if len(roots) == 1:
            root = next(iter(roots))
            for i in members:
                uf.union(root, i)
            continue
        if roots:  # fits several long names: one node for the acronym, marked ambiguous
            ambiguous.update(members)
        for i in members[1:]:
            uf.union(members[0], i)
    return dropped


class _AbbreviationIndex:
    """Long names by their initials, and by (first letter, a later letter) of the acronyms they
    could form otherwise ("CENTCOM")."""

    def __init__(self, long_keys: dict[str, int]) -> None:
        self.blocks: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        self.initials: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for key, i in long_keys.items():
            words = [w for w in re.split(r"[\s-]+", key) if w]
            required = [w for w in words if w not in _OPTIONAL_WORDS]
            if len(words) < 2 or not required:
                continue
            for form in {"".join(w[0] for w in words), "".join(w[0] for w in required)}:
                self.initials[form].append((key, i))
            starts = []
            for w in words:  # the first contributing word: any leading optional word, or the next
                starts.append(w[0])
                if w not in _OPTIONAL_WORDS:
                    break
            last = required[-1][0]
            for s in set(starts):
                self.blocks[(s, last)].append((key, i))

    def candidates(self, acronym_key: str, acronym: str) -> list[int]:
        """Long names the acronym abbreviates: those of which it is the initials when there are
        any ("NSC": National Security Council), else any ("CENTCOM": CENTral COMmand)."""
        initials = [i for key, i in self.initials.get(acronym_key, ()) if abbreviates(acronym, key)]
        if initials:
            return initials
        other = []
        seen = set()
        first = acronym_key[:1]
        for letter in set(acronym_key[1:]) | {first}:
            for key, i in self.blocks.get((first, letter), ()):
                if key not in seen:
                    seen.add(key)
                    if abbreviates(acronym, key):
                        other.append(i)
        return other


# --- Output --------------------------------------------------------------------------------------


def _merge(items: _Items, members: list[int], ambiguous: bool) -> Entity:
    votes: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for i in members:
        weight = max(items.entities[i].mentions, 1)
        if i not in items.country:
            votes[items.types[i]] += weight
            names[items.names[i]] += weight
    if not names:  # only demonyms: cannot happen (they join a country), but be safe
        for i in members:
            names[items.names[i]] += 1
            votes["GPE"] += 1
    etype = votes.most_common(1)[0][0]
    if any(items.types[i] == "PERSON" and parse_person(items.names[i]).is_full for i in members):
        etype = "PERSON"
    candidates = [nm for nm in names if not is_acronym(nm)] or list(names)
    if etype == "PERSON":
        full = [nm for nm in candidates if parse_person(nm).is_full]
        candidates = full or candidates
    if etype in ("GPE", "LOC"):
        # Places go by their usual name: "Russia" (19 mentions), not "Russian Federation" (1).
        name = max(sorted(candidates), key=lambda nm: (names[nm], len(nm.split())))
    else:
        name = max(sorted(candidates), key=lambda nm: (len(nm.split()), names[nm]))
    aliases = {a for i in members for a in (*items.aliases[i], items.names[i])}
    titles = {t for i in members for t in items.entities[i].titles if fold(t) not in HONORIFICS}
    return Entity(
        id="",
        name=name,
        type=etype,
        aliases=sorted(aliases),
        titles=sorted(titles),
        mentions=sum(items.entities[i].mentions for i in members),
        documents=sorted({d for i in members for d in items.entities[i].documents}),
        ambiguous=ambiguous,
    )


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", fold(name)).strip("-") or "entity"
