"""Scale benchmark of corpus linking: 1,000,000 synthetic mentions over 100,000 real entities.

    python benchmarks/linking.py                   # the full size
    python benchmarks/linking.py --limit 100000    # fewer mentions
    python benchmarks/linking.py --tracemalloc     # exact peak of link_corpus's own allocations

Builds `DocumentExtraction` records (with `Mention` records and document entities, the shape
link.py produces) over people, organizations and places with realistic name shapes: full names,
surnames alone, nicknames and initials, acronyms (defined in some documents), "the" forms,
country-prefixed names, and surnames shared by many people (Zipf). Entity popularity is Zipf too,
so a few entities are in a large share of the documents. Reports the time and peak memory of
`link_corpus`, and, since the truth is known, pair precision and recall of the result.

By default the documents are generated one by one and streamed into `link_corpus` (as the
runner streams extractions from its scratch file), so the process peak is linking's own
footprint; the time spent generating them is not counted. `--in-memory` builds them all first.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgraph.models import DocumentExtraction, Entity, Mention  # noqa: E402
from newsgraph.names import _nicknamer  # noqa: E402
from newsgraph.pipeline.corpus import link_corpus  # noqa: E402

SYLLABLES = (
    "ka ri mo len dar vos ter bel an ma ko vich son ber ger han sen ton ley ford ward "
    "ril nak sto pel dun mar gar wen lo tis ram zel cor bin fal hol jen kel nor pra "
    "quin rus sal tor ul vey wil yor zan"
).split()
ORG_WORDS = (
    "National Central Federal Northern Southern Eastern Western United Royal General "
    "Independent Democratic Popular International Allied Atlantic Pacific Joint Strategic "
    "Energy Security Health Trade Maritime Aviation Agricultural Financial Industrial "
    "Cyber Space Nuclear Water Mining Transport Defense Intelligence Science"
).split()
ORG_HEADS = (
    "Council Agency Command Committee Bureau Authority Commission Institute Union Front "
    "Party Association Service Ministry Department Office Fund Bank Corporation Group "
    "Alliance Forum"
).split()
RSS_UNIT = 1024  # ru_maxrss is in KiB on Linux


@dataclass
class Truth:
    kind: str  # PERSON, ORG, GPE
    first: str = ""
    middle: str = ""
    last: str = ""
    long: str = ""
    acronym: str = ""
    prefixed: bool = False


def zipf_choice(rng: random.Random, n: int, s: float = 1.1) -> int:
    """An index in [0, n) with Zipf-like popularity."""
    while True:
        k = int(rng.paretovariate(s - 1 + 1e-9)) - 1
        if k < n:
            return k


def given_names() -> list[str]:
    text = resources.files("newsgraph").joinpath("data", "given_names.tsv").read_text("utf-8")
    names = [ln.split("\t")[0] for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [n.capitalize() for n in names if n.isalpha() and len(n) > 2]


def make_entities(rng: random.Random, count: int) -> list[Truth]:
    firsts = given_names()
    rng.shuffle(firsts)  # popularity (Zipf over this order) is not alphabetical
    surnames = sorted(
        {
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(count // 4)
        }
    )
    entities: list[Truth] = []
    seen: set[tuple[str, str]] = set()
    seen_long: set[str] = set()
    while len(entities) < count:
        r = rng.random()
        if r < 0.7:
            first = firsts[zipf_choice(rng, len(firsts), 1.3) % len(firsts)]
            last = surnames[zipf_choice(rng, len(surnames), 1.2) % len(surnames)]
            middle = rng.choice("ABCDEFGHJKLMNPRSTW") + "." if rng.random() < 0.3 else ""
            if (first, last) in seen:  # one person per given name and surname
                continue
            seen.add((first, last))
            entities.append(Truth("PERSON", first, middle, last))
        elif r < 0.9:
            words = [rng.choice(ORG_WORDS) for _ in range(rng.randint(1, 3))]
            long = " ".join([*words, rng.choice(ORG_HEADS)])
            if rng.random() < 0.3:
                long += " of " + "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
            prefixed = rng.random() < 0.1
            if prefixed:
                long = "U.S. " + long
            if long in seen_long:
                continue
            seen_long.add(long)
            initials = "".join(w[0] for w in long.replace("U.S. ", "").split() if w != "of")
            entities.append(Truth("ORG", long=long, acronym=initials.upper(), prefixed=prefixed))
        else:
            long = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            if rng.random() < 0.3:
                long = rng.choice(["New", "Port", "San", "Lake", "Fort"]) + " " + long
            if long in seen_long:
                continue
            seen_long.add(long)
            entities.append(Truth("GPE", long=long))
    return entities


def person_forms(rng: random.Random, t: Truth) -> tuple[str, list[str]]:
    """(canonical name in this document, the names its mentions use)."""
    nicks = sorted(_nicknamer().nicknames_of(t.first.lower()))
    r = rng.random()
    if r < 0.15:  # the document only ever says the surname
        return t.last, [t.last]
    if r < 0.25 and nicks:  # "Mike Flynn"
        full = f"{rng.choice(nicks).capitalize()} {t.last}"
    elif r < 0.30:  # "M. Flynn"
        full = f"{t.first[0]}. {t.last}"
    else:
        full = " ".join(p for p in (t.first, t.middle, t.last) if p)
    return full, [full, t.last]


def org_forms(rng: random.Random, t: Truth) -> tuple[str, list[str]]:
    if t.kind == "GPE":
        return t.long, [t.long]
    r = rng.random()
    if r < 0.15 and len(t.acronym) >= 2:  # bare acronym
        return t.acronym, [t.acronym]
    if r < 0.35 and len(t.acronym) >= 2:  # defined: "Long Name (ACR)"
        return t.long, [t.long, t.acronym]
    if r < 0.45 and t.prefixed:  # "the State Department" for "U.S. State Department"
        return t.long[5:], ["the " + t.long[5:]]
    return t.long, [t.long, "the " + t.long]


def make_corpus(mentions: int, entities: int, seed: int = 7):
    """(documents, owner of each document entity, mentions made, real entities), in memory."""
    owner: dict[tuple[str, str], int] = {}
    stats: dict[str, int] = {}
    docs = list(iter_corpus(mentions, entities, owner, stats, seed))
    return docs, owner, stats["mentions"], stats["entities"]


def iter_corpus(
    mentions: int,
    entities: int,
    owner: dict[tuple[str, str], int],
    stats: dict[str, int],
    seed: int = 7,
):
    """Yield the synthetic documents one by one (as the runner streams extractions)."""
    rng = random.Random(seed)
    truth = make_entities(rng, entities)
    stats.update(entities=len(truth), mentions=0, documents=0, document_entities=0)
    made = 0
    d = 0
    while made < mentions:
        doc_id = f"doc{d:07d}.txt"
        d += 1
        size = rng.randint(4, 12)
        picked = {zipf_choice(rng, len(truth), 1.05) % len(truth) for _ in range(size)}
        picked |= {rng.randrange(len(truth)) for _ in range(3)}  # the long tail
        ents: list[Entity] = []
        ments: list[Mention] = []
        for t_index in sorted(picked):
            t = truth[t_index]
            name, forms = (person_forms if t.kind == "PERSON" else org_forms)(rng, t)
            eid = f"e{len(ents)}"
            count = rng.randint(1, 4)
            used = [forms[min(k, len(forms) - 1)] for k in range(count)]
            for k, form in enumerate(used):
                start = 100 * len(ments)
                ments.append(
                    Mention.model_construct(
                        text=form,
                        name=form.removeprefix("the "),
                        label=t.kind,
                        start=start,
                        end=start + len(form),
                        sentence=k,
                        titles=[],
                        entity=eid,
                    )
                )
            ents.append(
                Entity.model_construct(
                    id=eid,
                    name=name,
                    type=t.kind,
                    aliases=sorted({u.removeprefix("the ") for u in used}),
                    titles=[],
                    mentions=count,
                    documents=[doc_id],
                    ambiguous=False,
                    corpus_id=None,
                )
            )
            owner[(doc_id, eid)] = t_index
            made += count
        stats.update(mentions=made, documents=d, document_entities=len(owner))
        yield DocumentExtraction.model_construct(
            document=doc_id,
            source=None,
            title=None,
            date=None,
            url=None,
            sentences=10,
            mentions=ments,
            entities=ents,
            relations=[],
        )


def _timed(documents, stats: dict):
    """Pass documents through, adding the time spent making them to stats['generating']."""
    stats["generating"] = 0.0
    it = iter(documents)
    while True:
        t = time.perf_counter()
        try:
            document = next(it)
        except StopIteration:
            stats["generating"] += time.perf_counter() - t
            return
        stats["generating"] += time.perf_counter() - t
        yield document


def pair_scores(owner: dict[tuple[str, str], int], mapping: dict[tuple[str, str], str]):
    """Pairwise precision/recall of document entities over the truth (counted per cluster)."""
    by_node: dict[str, Counter[int]] = defaultdict(Counter)
    by_truth: Counter[int] = Counter()
    for key, t in owner.items():
        by_truth[t] += 1
        node = mapping.get(key)
        if node is not None:
            by_node[node][t] += 1
    same = sum(c * (c - 1) // 2 for counts in by_node.values() for c in counts.values())
    sizes = [sum(counts.values()) for counts in by_node.values()]
    linked = sum(n * (n - 1) // 2 for n in sizes)
    true_pairs = sum(c * (c - 1) // 2 for c in by_truth.values())
    impure = sum(1 for counts in by_node.values() if len(counts) > 1)
    return same / linked if linked else 1.0, same / true_pairs if true_pairs else 1.0, impure


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=1_000_000, help="mentions (default 1,000,000)")
    ap.add_argument(
        "--entities", type=int, default=None, help="real entities (default mentions/10)"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tracemalloc", action="store_true", help="trace link_corpus allocations")
    ap.add_argument(
        "--in-memory",
        action="store_true",
        help="build every document first (default: stream them into link_corpus, as "
        "the runner streams extractions from its scratch file)",
    )
    args = ap.parse_args()
    entities = args.entities or max(args.limit // 10, 100)

    gc.collect()
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNIT
    owner: dict[tuple[str, str], int] = {}
    stats: dict[str, int] = {}
    started = time.perf_counter()
    if args.in_memory:
        docs = list(iter_corpus(args.limit, entities, owner, stats, args.seed))
        built = time.perf_counter() - started
        gc.collect()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNIT
        print(f"corpus in memory: built in {built:.1f}s; peak RSS so far {rss_before:,.0f} MiB")
        source = docs
    else:
        rss_before = rss_start
        source = _timed(iter_corpus(args.limit, entities, owner, stats, args.seed), stats)

    if args.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    links = link_corpus(source)
    seconds = time.perf_counter() - started - stats.get("generating", 0.0)
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
    if args.tracemalloc:
        tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNIT
    print(
        f"corpus: {stats['documents']:,} documents, {stats['mentions']:,} mentions, "
        f"{stats['document_entities']:,} document entities over {stats['entities']:,} real "
        f"entities ({'in memory' if args.in_memory else 'streamed, generated on the fly'})"
    )
    ambiguous = sum(1 for e in links.entities if e.ambiguous)
    timing = (
        ""
        if args.in_memory
        else (f" (not counting {stats['generating']:.1f}s spent generating the documents)")
    )
    print(
        f"link_corpus: {seconds:.1f}s{timing}, {len(links.entities):,} nodes "
        f"({ambiguous:,} ambiguous)"
    )
    print(
        f"peak RSS of the process: {rss_after:,.0f} MiB (before linking {rss_before:,.0f} MiB; "
        f"at start {rss_start:,.0f} MiB)"
    )
    if traced is not None:
        print(f"peak traced allocations during link_corpus: {traced:,.0f} MiB")
    precision, recall, impure = pair_scores(owner, links.mapping)
    print(
        f"pairs of document entities: precision {precision:.4f}, recall {recall:.4f}; "
        f"nodes mixing two real entities: {impure:,}"
    )
    verdict = "OK" if seconds < 60 and rss_after < 2048 else "MISSED"
    print(f"target: < 60 s and < 2 GB (process peak) -> {verdict}")


if __name__ == "__main__":
    main()
