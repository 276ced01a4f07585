"""Score a graph against gold readings (the format of data/gold/*.gold.json).

A node stands for a gold entity when one of its names (label, aliases, and for people the
given name + surname of each alias) equals one of the entity's names after folding case,
accents, dots and a leading "the". A node that stands for two gold entities is a false merge.
Relations count as correct when required or acceptable in the gold file (`met` either way
round); forbidden ones are counted apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from pydantic import BaseModel, Field
from rich.console import Console
from rich.table import Table

from newsgraph.lexicon import default_lexicon
from newsgraph.names import org_key, parse_person
from newsgraph.pipeline.corpus import country_keys

SCORED_RELATIONS = ("met", "opposed", "advised")
SYMMETRIC = {"met"}


class FileScore(BaseModel):
    gold: str
    document: str
    entities: int = 0
    entities_found: int = 0
    nodes: int = 0
    nodes_correct: int = 0
    false_merges: list[str] = Field(default_factory=list)
    missed_merges: list[str] = Field(default_factory=list)
    merges: int = 0
    merges_found: int = 0
    required: int = 0
    required_found: int = 0
    edges: int = 0
    edges_correct: int = 0
    forbidden_hits: list[str] = Field(default_factory=list)
    missed: list[str] = Field(default_factory=list)
    wrong: list[str] = Field(default_factory=list)
    other_edges: list[str] = Field(default_factory=list)


class Scores(BaseModel):
    files: list[FileScore]
    entity_recall: float = 0.0
    entity_precision: float = 0.0
    merge_recall: float = 0.0
    false_merges: int = 0
    relation_recall: float = 0.0
    relation_precision: float = 0.0
    required: int = 0
    required_found: int = 0
    edges: int = 0
    edges_correct: int = 0
    forbidden_hits: int = 0


def _keys(name: str, person: bool = True) -> set[str]:
    """Keys a name is known by: itself, without titles ("Mr. Abbas" -> "abbas"), and for people
    given name + surname ("Kenneth 'Frank' McKenzie Jr." -> "kenneth mckenzie"; not for the
    "Central Military Commission", which is no "Central ... Commission")."""
    keys = {org_key(name)}
    words = name.split()
    lexicon = default_lexicon()
    countries, demonyms = country_keys()

    def title(word: str) -> bool:
        w = word.lower()
        if "-" in w and not word[:1].islower():  # "Secretary-General", "Vice-President"
            return all(lexicon.is_title(part) for part in w.split("-"))
        return (
            lexicon.is_title(word) and not word[:1].islower() and w not in lexicon.title_modifiers
        )

    def title_part(word: str) -> bool:
        # "Russian Foreign Minister Sergey Lavrov", "Secretary of Defense Lloyd J. Austin III"
        w = word.lower()
        return w in lexicon.title_modifiers or w in ("of", "the") or org_key(word) in demonyms

    # Strip a leading title phrase; only a phrase with a title word in it ("the State
    # Department" keeps its "State").
    seen_title = False
    while len(words) > 1 and (title(words[0]) or title_part(words[0])):
        seen_title |= title(words[0])
        after_of = words[0].lower() == "of"
        words = words[1:]
        # "Emir of Kuwait" is no name "Kuwait": what follows "of" is the office's domain
        # "Vice President" leaves "President": an office of its own, not a name
        if seen_title and not after_of and not all(title(w) for w in words):
            keys.add(org_key(" ".join(words)))
    if person:
        # "Pentagon Press Secretary Geoff Morrell", "Democratic Party leader Zoran Djindjic": a
        # body's name before the title is part of the title
        last = max((n for n, w in enumerate(words[:-1]) if title(w) or w.islower()), default=-1)
        rest = words[last + 1 :]
        if (
            last >= 0
            and all(w[:1].isupper() for w in rest)
            and org_key(" ".join(rest)) not in countries
            and words[last] not in ("the", "of", "to", "for", "at", "in")  # "to the European Union"
            and parse_person(" ".join(rest)).is_full
        ):
            words = rest
            keys.add(org_key(" ".join(words)))
    of = next((n for n in range(1, len(words) - 1) if words[n] == "of"), None)
    if person and of is not None and org_key(" ".join(words[of + 1 :])) in countries:
        words = words[:of]  # "President Ilves of Estonia", "... Cameron of the United Kingdom"
        keys.add(org_key(" ".join(words)))
    parsed = parse_person(" ".join(words)) if person else None
    if parsed and parsed.first and parsed.last:
        keys.add(org_key(f"{parsed.first} {parsed.last}"))
    return keys - {""}


def _role_description(alias: str) -> bool:
    """'the president', 'a senator', 'the Foreign Secretary': an office, not a name."""
    words = alias.split()
    lexicon = default_lexicon()
    return (
        len(words) > 1
        and words[0].lower() in ("the", "a", "an")
        and all(lexicon.is_title(w) or w.lower() in lexicon.title_modifiers for w in words[1:])
    )


def _node_names(data: dict) -> list[str]:
    """A graph node's label and aliases."""
    aliases = [a for a in str(data.get("aliases", "")).split(" | ") if a]
    return [data.get("label", ""), *aliases]


def _node_keys(data: dict, descriptions: bool = True) -> set[str]:
    """Keys of a node's names; without `descriptions`, role descriptions are left out (a corpus
    node gathers those from every document: "the president" of one story is not the president
    of the next)."""
    label, *aliases = _node_names(data)
    names = [label] + [a for a in aliases if descriptions or not _role_description(a)]
    person = str(data.get("type", "PERSON")).upper() == "PERSON"
    out: set[str] = set()
    for n in names:
        out |= _keys(n, person)
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def score_file(graph: nx.MultiDiGraph, gold_path: Path) -> FileScore:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    doc_name = Path(gold["text"]).name
    score = FileScore(gold=str(gold_path), document=doc_name)

    def in_doc(ids: str) -> bool:
        return any(d == doc_name or d.endswith("/" + doc_name) for d in str(ids).split(" | "))

    nodes = {n: d for n, d in graph.nodes(data=True) if in_doc(d.get("document_ids", ""))}
    gold_keys = {
        e["id"]: set().union(*(_keys(n, e.get("type", "PERSON") == "PERSON") for n in e["names"]))
        for e in gold["entities"]
    }
    # A description ("the Foreign Minister of Saudi Arabia", "the North Korean official second
    # in command to leader Kim Jong Il") yields a name of its domain among its keys; where the
    # gold lists that name for another entity, it is that entity's (unless it is one of the
    # entity's own names too).
    own = {e["id"]: {org_key(n) for n in e["names"]} for e in gold["entities"]}
    named = {gid: set(keys) for gid, keys in gold_keys.items()}
    for gid, keys in gold_keys.items():
        for other, other_keys in named.items():
            if other != gid:
                keys -= other_keys - own[gid]
    acceptable = (
        set().union(*(_keys(n) for n in gold.get("acceptable_entities", [])))
        if gold.get("acceptable_entities")
        else set()
    )
    node_gold: dict[str, str | None] = {}
    for node, data in nodes.items():
        # A node is known by its names; its role descriptions only when no name says more.
        keys = _node_keys(data, descriptions=False)
        hits = sorted(gid for gid, gk in gold_keys.items() if keys & gk)
        if not hits:
            keys = _node_keys(data)
            hits = sorted(gid for gid, gk in gold_keys.items() if keys & gk)
        if len(hits) > 1:
            # "U.S. Embassy Moscow" is known as "Moscow" too; a gold entity named exactly as
            # one of the node's names is the one it stands for
            exact = {org_key(n) for n in _node_names(data)}
            hits = [gid for gid in hits if own[gid] & exact] or hits
        if len(hits) > 1:
            score.false_merges.append(f"{data.get('label')} = {' + '.join(hits)}")
        node_gold[node] = hits[0] if len(hits) == 1 else None
        if len(hits) == 1 or (not hits and keys & acceptable):
            score.nodes_correct += 1  # a false merge is not a correct node
    score.nodes = len(nodes)
    found = {g for g in node_gold.values() if g}
    score.entities = len(gold_keys)
    score.entities_found = len(found & gold_keys.keys())
    for group in gold.get("required_merges", []):
        score.merges += 1
        wanted = [_keys(n) for n in group]
        if any(all(w & _node_keys(d) for w in wanted) for d in nodes.values()):
            score.merges_found += 1
        else:
            score.missed_merges.append(" = ".join(group))

    def rel_key(r: dict) -> tuple[str, str, str]:
        s, t = r["source"], r["target"]
        if r["type"] in SYMMETRIC:
            s, t = sorted((s, t))
        return (r["type"], s, t)

    rels = gold.get("relations", {})
    required = {rel_key(r) for r in rels.get("required", [])}
    ok = required | {rel_key(r) for r in rels.get("acceptable", [])}
    forbidden = {rel_key(r) for r in rels.get("forbidden", [])}
    found_rel: set[tuple[str, str, str]] = set()
    for s, t, data in graph.edges(data=True):
        if not in_doc(data.get("documents", "")):
            continue
        rtype = data.get("relation", data.get("label"))
        gs, gt = node_gold.get(s), node_gold.get(t)
        key = rel_key({"type": rtype, "source": gs or f"?{s}", "target": gt or f"?{t}"})
        text = f"{rtype}: {graph.nodes[s].get('label')} -> {graph.nodes[t].get('label')}"
        if key in forbidden:
            score.forbidden_hits.append(text)
        if rtype not in SCORED_RELATIONS:
            if key not in ok:
                score.other_edges.append(text)
            found_rel.add(key)
            continue
        score.edges += 1
        if key in ok:
            score.edges_correct += 1
        else:
            score.wrong.append(text + f"  [{data.get('evidence', '')[:120]}]")
        found_rel.add(key)
    score.required = len(required)
    score.required_found = len(required & found_rel)
    score.missed = [f"{t}: {s} -> {g}" for t, s, g in sorted(required - found_rel)]
    return score


def evaluate_graph(graph_path: Path, gold_paths: list[Path]) -> Scores:
    """Scores of one graph against one or more gold readings, per file and pooled."""
    graph = nx.read_graphml(graph_path, force_multigraph=True)
    files = [score_file(graph, Path(p)) for p in gold_paths]
    tot = lambda attr: sum(getattr(f, attr) for f in files)  # noqa: E731
    return Scores(
        files=files,
        entity_recall=_ratio(tot("entities_found"), tot("entities")),
        entity_precision=_ratio(tot("nodes_correct"), tot("nodes")),
        merge_recall=_ratio(tot("merges_found"), tot("merges")),
        false_merges=sum(len(f.false_merges) for f in files),
        relation_recall=_ratio(tot("required_found"), tot("required")),
        relation_precision=_ratio(tot("edges_correct"), tot("edges")),
        required=tot("required"),
        required_found=tot("required_found"),
        edges=tot("edges"),
        edges_correct=tot("edges_correct"),
        forbidden_hits=sum(len(f.forbidden_hits) for f in files),
    )


def print_scores(scores: Scores, console: Console, show: bool = False) -> None:
    table = Table(title="newsgraph eval")
    for col in (
        "gold",
        "entities",
        "nodes ok",
        "merges",
        "false merges",
        "required",
        "edges ok",
        "forbidden",
    ):
        table.add_column(col)
    for f in scores.files:
        table.add_row(
            Path(f.gold).name,
            f"{f.entities_found}/{f.entities}",
            f"{f.nodes_correct}/{f.nodes}",
            f"{f.merges_found}/{f.merges}",
            str(len(f.false_merges)),
            f"{f.required_found}/{f.required}",
            f"{f.edges_correct}/{f.edges}",
            str(len(f.forbidden_hits)),
        )
    console.print(table)
    s = scores
    console.print(
        f"entity recall {s.entity_recall:.3f}  entity precision {s.entity_precision:.3f}  "
        f"merge recall {s.merge_recall:.3f}  false merges {s.false_merges}\n"
        f"relation recall {s.relation_recall:.3f} ({s.required_found}/{s.required})  "
        f"relation precision {s.relation_precision:.3f} ({s.edges_correct}/{s.edges})  "
        f"forbidden {s.forbidden_hits}",
        markup=False,
        highlight=False,
    )
    if show:
        for f in scores.files:
            for label, items in (
                ("missed", f.missed),
                ("wrong", f.wrong),
                ("forbidden", f.forbidden_hits),
                ("false merge", f.false_merges),
                ("missed merge", f.missed_merges),
                ("other", f.other_edges),
            ):
                for item in items:
                    console.print(
                        f"{Path(f.gold).name}: {label}: {item}", markup=False, highlight=False
                    )
