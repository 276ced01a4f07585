"""Link stage (across documents): join each document's entities into corpus entities.

Blocking keeps this near-linear: persons are compared only with persons of the same surname,
organizations and places only through shared name keys (every alias, acronyms included, so an
acronym defined in one article links the bare acronym in another). A surname-only entity joins a
full name only when exactly one compatible full name exists in the corpus; otherwise it stays its
own node, marked ambiguous. Different full names that share a surname never merge.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.models import DocumentExtraction, Entity
from newsgraph.names import fold, given_names_compatible, is_acronym, org_key, parse_person
from newsgraph.pipeline.link import GRAPH_TYPES

DocKey = tuple[str, str]  # (document id, document entity id)


@dataclass
class AliasTable:
    """User knowledge the text lacks: alias -> canonical name (and type), names to drop."""

    canonical: dict[str, tuple[str, str]] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, aliases: Path | None = None, exclude: Path | None = None) -> AliasTable:
        table = cls()
        if aliases is not None:
            with open(aliases, newline="", encoding="utf-8") as fh:
                for row in csv.reader(fh):
                    if not row or row[0].startswith("#") or row[0].strip().lower() == "alias":
                        continue
                    if len(row) < 2:
                        raise ValueError(f"{aliases}: each row is alias,canonical[,type]")
                    etype = row[2].strip().upper() if len(row) > 2 and row[2].strip() else ""
                    table.canonical[org_key(row[0])] = (row[1].strip(), etype)
        if exclude is not None:
            for line in Path(exclude).read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    table.excluded.add(org_key(line))
        return table


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class CorpusLinks:
    """Corpus entities and where each document entity went."""

    entities: list[Entity]
    mapping: dict[DocKey, str]


def link_corpus(
    extractions: Iterable[DocumentExtraction], aliases: AliasTable | None = None
) -> CorpusLinks:
    """Join document entities into corpus entities (one per real entity)."""
    aliases = aliases or AliasTable()
    keys: list[DocKey] = []
    items: list[Entity] = []
    for ex in extractions:
        for ent in ex.entities:
            if ent.type not in GRAPH_TYPES:
                continue
            if aliases.excluded & {org_key(a) for a in [ent.name, *ent.aliases]}:
                continue
            keys.append((ex.document, ent.id))
            items.append(_apply_aliases(ent, aliases))
    n = len(items)
    uf = _UnionFind(n)
    ambiguous = {i for i, e in enumerate(items) if e.ambiguous}

    persons = [i for i, e in enumerate(items) if e.type == "PERSON"]
    others = [i for i, e in enumerate(items) if e.type != "PERSON"]

    # Persons: full names by surname with compatible given names.
    full_by_surname: dict[str, list[int]] = defaultdict(list)
    lone: dict[str, list[int]] = defaultdict(list)
    for i in persons:
        name = parse_person(items[i].name)
        if name.is_full:
            full_by_surname[name.surname_key].append(i)
        else:
            lone[name.surname_key].append(i)
    for members in full_by_surname.values():
        groups: list[list[int]] = []
        for i in members:
            pi = parse_person(items[i].name)
            for group in groups:
                if all(given_names_compatible(pi, parse_person(items[j].name)) for j in group):
                    group.append(i)
                    uf.union(group[0], i)
                    break
            else:
                groups.append([i])
    for key, members in lone.items():
        owners = {uf.find(i) for i in full_by_surname.get(key, [])}
        for i in members:
            if i in ambiguous:
                continue
            if len(owners) == 1:
                uf.union(next(iter(owners)), i)
            else:
                uf.union(members[0], i)
                if len(owners) > 1:
                    ambiguous.add(i)

    # Organizations and places: any shared name key (aliases include defined acronyms).
    by_key: dict[str, int] = {}
    for i in others:
        for alias in {items[i].name, *items[i].aliases}:
            key = org_key(alias)
            if not key:
                continue
            if key in by_key:
                uf.union(by_key[key], i)
            else:
                by_key[key] = i

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        clusters[uf.find(i)].append(i)
    built: list[tuple[Entity, list[int]]] = []
    for members in clusters.values():
        built.append((_merge([items[i] for i in members], any(i in ambiguous for i in members)), members))
    built.sort(key=lambda em: (em[0].type, em[0].name.casefold(), em[0].name))
    entities: list[Entity] = []
    mapping: dict[DocKey, str] = {}
    used: Counter[str] = Counter()
    for entity, members in built:
        base = f"{entity.type.lower()}:{_slug(entity.name)}"
        used[base] += 1
        entity.id = base if used[base] == 1 else f"{base}-{used[base]}"
        entities.append(entity)
        for i in members:
            mapping[keys[i]] = entity.id
    return CorpusLinks(entities=entities, mapping=mapping)


def _apply_aliases(entity: Entity, aliases: AliasTable) -> Entity:
    for alias in [entity.name, *entity.aliases]:
        hit = aliases.canonical.get(org_key(alias))
        if hit:
            canonical, etype = hit
            return entity.model_copy(
                update={
                    "name": canonical,
                    "type": etype or entity.type,
                    "aliases": sorted({*entity.aliases, canonical}),
                }
            )
    return entity


def _merge(members: list[Entity], ambiguous: bool) -> Entity:
    votes: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for e in members:
        votes[e.type] += e.mentions
        names[e.name] += e.mentions
    etype = votes.most_common(1)[0][0]
    if any(e.type == "PERSON" and parse_person(e.name).is_full for e in members):
        etype = "PERSON"
    candidates = [nm for nm in names if not is_acronym(nm)] or list(names)
    name = max(sorted(candidates), key=lambda nm: (len(nm.split()), names[nm]))
    return Entity(
        id="",
        name=name,
        type=etype,
        aliases=sorted({a for e in members for a in e.aliases}),
        titles=sorted({t for e in members for t in e.titles}),
        mentions=sum(e.mentions for e in members),
        documents=sorted({d for e in members for d in e.documents}),
        ambiguous=ambiguous,
    )


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", fold(name)).strip("-") or "entity"
