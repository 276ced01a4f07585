"""ECB+ (topics 1-35): cross-document linking of named people, organizations and places.

    python benchmarks/ecbplus.py [--limit N] [--cache /tmp/ecbplus.jsonl] [--show 20]

Runs the real pipeline over ../shared/data/ecbplus/articles.jsonl (720 news articles; each
article's title, which ECB+ counts as sentence 0, is put before its text), links the corpus, and
compares with entity_chains.json (gold chains of named mentions). A gold mention is found when one
of our mentions in its document has the same name (case, accents, dots, "the", a possessive and
title words before the name folded) or is a whole-word part of it ("Attorney Mark Jay Heller").
Reports, over the chains that span several documents:

- chains found in every document they span, and of those, how many end as one node;
- nodes that join two chains (over all chains: a node holding found mentions of both), and of
  those, the ones whose chains share no name: ECB+ annotates chains per topic, so the same
  agency or country ("Associated Press", "India") is one chain in each topic it is in.

Only some sentences of each article were annotated, so our other nodes are not errors.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from common import data_path, extract, pct

from newsgraph.models import Document
from newsgraph.names import org_key
from newsgraph.pipeline.corpus import link_corpus


def load(limit: int | None) -> tuple[list[Document], list[dict]]:
    docs = []
    for line in data_path("ecbplus", "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        text = f"{a['title']}\n\n{a['text']}" if a.get("title") else a["text"]
        docs.append(Document(id=a["id"], text=text, title=a.get("title")))
    docs = docs[:limit]
    ids = {d.id for d in docs}
    chains = json.loads(data_path("ecbplus", "entity_chains.json").read_text(encoding="utf-8"))
    kept = []
    for c in chains:
        mentions = [m for m in c["mentions"] if m["doc"] in ids]
        if mentions:
            documents = sorted({m["doc"] for m in mentions})
            kept.append({**c, "mentions": mentions, "documents": documents})
    return docs, kept


def _key(text: str) -> str:
    return org_key(re.sub(r"(['’]s|['’])$", "", text.strip()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default all 720)")
    ap.add_argument("--cache", type=Path, default=None, help="JSONL cache of the extractions")
    ap.add_argument("--show", type=int, default=0, help="print N split chains and joined nodes")
    ap.add_argument("--demonyms", action="store_true", help="link demonyms to their country")
    args = ap.parse_args()

    documents, chains = load(args.limit)
    extractions = extract(documents, args.cache)
    links = link_corpus(extractions, demonyms=args.demonyms)
    labels = {e.id: e.name for e in links.entities}

    # Our mentions per document: name key -> nodes.
    ours: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for ex in extractions:
        for m in ex.mentions:
            node = links.mapping.get((ex.document, m.entity))
            if node is not None:
                ours[ex.document][_key(m.name)].add(node)

    def nodes_of(doc: str, text: str) -> set[str]:
        key = _key(text)
        table = ours.get(doc, {})
        if key in table:
            return table[key]
        padded = f" {key} "
        best = [k for k in table if len(k) > 2 and f" {k} " in padded]
        if not best:
            return set()
        longest = max(len(k) for k in best)
        return set().union(*(table[k] for k in best if len(k) == longest))

    node_chains: dict[str, set[str]] = defaultdict(set)
    cross = found_all = one_node = 0
    split_examples, join_examples = [], []
    for c in chains:
        per_doc: dict[str, set[str]] = defaultdict(set)
        for m in c["mentions"]:
            got = nodes_of(m["doc"], m["text"])
            per_doc[m["doc"]] |= got
            for node in got:
                node_chains[node].add(c["chain"])
        if len(c["documents"]) < 2:
            continue
        cross += 1
        if all(per_doc[d] for d in c["documents"]):
            found_all += 1
            if set.intersection(*(per_doc[d] for d in c["documents"])):
                one_node += 1
            elif len(split_examples) < args.show:
                split_examples.append(
                    f"{c['type']} {c['names']}: "
                    + "; ".join(
                        f"{d}={sorted(labels[n] + ' <' + n + '>' for n in per_doc[d])}"
                        for d in c["documents"][:4]
                    )
                )
    chain_names = {c["chain"]: c["names"] for c in chains}
    chain_keys = {c["chain"]: {_key(x) for x in c["names"]} for c in chains}
    joined = {n: cs for n, cs in node_chains.items() if len(cs) > 1}

    def shares_no_name(cs: set[str]) -> bool:
        keys = [chain_keys[c] for c in cs]
        return any(not (a & b) for k, a in enumerate(keys) for b in keys[k + 1 :])

    distinct = {n: cs for n, cs in joined.items() if shares_no_name(cs)}
    for n, cs in list(distinct.items())[: args.show]:
        join_examples.append(f"{labels[n]} <{n}>: " + " + ".join(str(chain_names[c]) for c in cs))

    print(f"ECB+: {len(documents)} articles, {len(chains)} gold chains, {cross} spanning documents")
    print(f"cross-document chains found in every document: {found_all}/{cross}")
    print(
        f"cross-document chains ending as one node: {one_node}/{cross} "
        f"({pct(one_node / cross)}); "
        f"of those found in every document: {one_node}/{found_all} "
        f"({pct(one_node / found_all if found_all else 0)})"
    )
    print(
        f"nodes joining two or more chains: {len(joined)} (of {len(node_chains)} nodes holding a "
        f"gold mention); of them, joining chains that share no name: {len(distinct)}"
    )
    ambiguous = sum(e.ambiguous for e in links.entities)
    print(f"corpus: {len(links.entities)} nodes, {ambiguous} ambiguous")
    if args.show:
        print("\nsplit chains:\n" + "\n".join("  " + s for s in split_examples))
        print("nodes joining chains that share no name:")
        print("\n".join("  " + s for s in join_examples))


if __name__ == "__main__":
    main()
