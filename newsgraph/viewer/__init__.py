"""graph.html: one self-contained, offline page to explore the graph in a browser.

The page is newsgraph/viewer/template.html with viewer.css and viewer.js inlined and the graph
embedded as JSON in a <script type="application/json"> element. Article text is untrusted: in the
JSON, `<`, `>`, `&` and U+2028/U+2029 are written as \\u escapes, so no string can close the
element or start markup, and the script puts every string on the page with textContent, never
innerHTML. A Content-Security-Policy allows only the page's own script and style (by hash) and
no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.pipeline.build import layout_positions, split_joined
from newsgraph.pipeline.export import atomic_writer, is_scalar, sorted_edges
from newsgraph.pipeline.formats import json_safe, node_size, type_color

MAX_SENTENCES = 12  # evidence sentences shown per relation; the rest are counted
_PALETTE = [
    "#e15759",
    "#4e79a7",
    "#59a14f",
    "#f28e2b",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
]
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _scalar(value: Any) -> Any:
    return value if is_scalar(value) else None


def viewer_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page shows: nodes (with positions), edges (with evidence), types, relations."""
    node_list = sorted(graph.nodes(data=True))
    index = {node: i for i, (node, _) in enumerate(node_list)}
    if all(is_scalar(d.get("x")) and is_scalar(d.get("y")) for _, d in node_list):
        positions = {n: (float(d["x"]), float(d["y"])) for n, d in node_list}
    else:
        positions = layout_positions(graph)
    nodes = []
    for node, data in node_list:
        x, y = positions.get(node, (0.0, 0.0))
        nodes.append(
            {
                "id": str(node),
                "label": str(data.get("label", node)),
                "type": str(data.get("type", "")),
                "mentions": _scalar(data.get("mentions")),
                "documents": split_joined(data.get("document_ids")),
                "aliases": split_joined(data.get("aliases")),
                "titles": split_joined(data.get("titles")),
                "first_date": _scalar(data.get("first_date")),
                "size": node_size(data.get("mentions", 1)),
                "x": x,
                "y": y,
            }
        )
    edges = []
    counts: dict[str, int] = {}
    for number, (source, target, key, data) in enumerate(sorted_edges(graph)):
        relation = str(data.get("relation", key))
        counts[relation] = counts.get(relation, 0) + 1
        sentences = data.get("sentences")
        if isinstance(sentences, list) and sentences:
            evidence = [
                {"document": str(s.get("document", "")), "sentence": str(s.get("sentence", ""))}
                for s in sentences
                if isinstance(s, dict)
            ]
        elif data.get("evidence"):
            evidence = [
                {
                    "document": str(data.get("evidence_document", "")),
                    "sentence": str(data["evidence"]),
                }
            ]
        else:
            evidence = []
        edges.append(
            {
                "id": f"e{number}",
                "source": index[source],
                "target": index[target],
                "relation": relation,
                "weight": _scalar(data.get("weight")),
                "confidence": _scalar(data.get("confidence")),
                "symmetric": bool(data.get("symmetric", False)),
                "tense": _scalar(data.get("tense")),
                "first_date": _scalar(data.get("first_date")),
                "documents": split_joined(data.get("documents")),
                "evidence": evidence[:MAX_SENTENCES],
                "more": max(len(evidence) - MAX_SENTENCES, 0),
            }
        )
    types = sorted({n["type"] for n in nodes})
    relations = sorted(counts)
    return json_safe(
        {
            "nodes": nodes,
            "edges": edges,
            "types": [{"name": t, "color": type_color(t)} for t in types],
            "relations": [
                {"name": r, "color": _PALETTE[i % len(_PALETTE)], "count": counts[r]}
                for i, r in enumerate(relations)
            ],
        }
    )


def embed_json(data: Any) -> str:
    """JSON that is safe inside <script type="application/json">: no <, >, & or line separators."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


def _resource(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(graph: nx.MultiDiGraph) -> str:
    """The whole page as a string; deterministic for the same graph."""
    script = _resource("viewer.js")
    style = _resource("viewer.css")
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(script)}; "
        f"style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = _resource("template.html")
    # One pass each, in an order where no inserted text is searched again for a placeholder.
    head, rest = page.split("{{DATA}}", 1)
    head = head.replace("{{CSP}}", csp).replace("{{STYLE}}", style)
    rest = rest.replace("{{SCRIPT}}", script)
    return head + embed_json(viewer_data(graph)) + rest


def write_html(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the offline HTML viewer, atomically."""
    text = render_html(graph)
    with atomic_writer(Path(path)) as fh:
        fh.write(text)
    return Path(path)
