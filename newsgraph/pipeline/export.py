"""Export stage: GraphML that Gephi, networkx and igraph read as intended.

Written by hand with ElementTree rather than networkx's writer because Gephi's GraphML importer
(ImporterGraphML.java) treats edge ids as global and drops an edge whose id it has seen (networkx
numbers multigraph edges per node pair), and keys parallel edges by the `label` XML attribute of
`<edge>`, which networkx cannot write. Every edge here has a unique id and `label="<relation>"`.
All files are written to a temporary file and renamed, so a failed run never leaves half a file.
Only scalar attributes (bool, int, float, str) are written; lists such as an edge's `sentences`
stay in the JSON and HTML formats (newsgraph.pipeline.formats).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
# Characters XML 1.0 forbids, plus the C1 controls and DEL it only discourages.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """Remove control characters (but tab, newline, return) and lone surrogates."""
    return _XML_INVALID.sub("", text)


def is_scalar(value: Any) -> bool:
    """Can a file format with typed scalar attributes (GraphML, GEXF, CSV) hold this value?"""
    return isinstance(value, bool | int | float | str)


def sorted_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, Any, dict[str, Any]]]:
    """Edges in the order every writer numbers them: edge `e{i}` is item i of this list."""
    return sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path` and rename it into place on success only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else "\n"
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _graphml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    return "string"


def _graphml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, 6))
    return xml_safe(str(value))


def _declare(graph_items: Iterator[dict[str, Any]]) -> dict[str, str]:
    types: dict[str, str] = {}
    for data in graph_items:
        for name, value in data.items():
            if not is_scalar(value):
                continue
            kind = _graphml_type(value)
            if types.get(name, kind) != kind:
                # Mixed types in one attribute: the widest wins.
                kind = "double" if {types[name], kind} <= {"int", "double"} else "string"
            types[name] = kind
    return dict(sorted(types.items()))


def graphml_tree(graph: nx.MultiDiGraph) -> ET.ElementTree:
    """GraphML document for a newsgraph graph; deterministic for the same graph."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element("graphml", xmlns=GRAPHML_NS)
    node_types = _declare(iter(d for _, d in graph.nodes(data=True)))
    edge_types = _declare(iter(d for _, _, d in graph.edges(data=True)))
    node_ids = {name: f"n_{name}" for name in node_types}
    edge_ids = {name: f"e_{name}" for name in edge_types}
    for scope, types, ids in (("node", node_types, node_ids), ("edge", edge_types, edge_ids)):
        for name, kind in types.items():
            ET.SubElement(
                root, "key", {"id": ids[name], "for": scope, "attr.name": name, "attr.type": kind}
            )
    g = ET.SubElement(root, "graph", id="newsgraph", edgedefault="directed")
    for node, data in sorted(graph.nodes(data=True)):
        el = ET.SubElement(g, "node", id=xml_safe(node))
        for name in node_types:
            if is_scalar(data.get(name)):
                ET.SubElement(el, "data", key=node_ids[name]).text = _graphml_value(data[name])
    for number, (source, target, _key, data) in enumerate(sorted_edges(graph)):
        attrs = {"id": f"e{number}", "source": xml_safe(source), "target": xml_safe(target)}
        if "label" in data:
            attrs["label"] = _graphml_value(data["label"])
        el = ET.SubElement(g, "edge", attrs)
        for name in edge_types:
            if is_scalar(data.get(name)):
                ET.SubElement(el, "data", key=edge_ids[name]).text = _graphml_value(data[name])
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def write_xml(tree: ET.ElementTree, path: Path) -> Path:
    """Write an XML document as UTF-8 with a declaration, atomically."""
    with atomic_writer(Path(path), "wb") as fh:
        tree.write(fh, encoding="utf-8", xml_declaration=True)
        fh.write(b"\n")
    return Path(path)


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as GraphML, atomically."""
    return write_xml(graphml_tree(graph), path)
