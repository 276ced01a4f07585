"""Export formats beyond GraphML: GEXF 1.3, Gephi spreadsheet CSV, node-link JSON, the HTML viewer.

Every writer is deterministic (same graph, same bytes) and atomic (export.atomic_writer). The XML
formats strip control characters; CSV cells that a spreadsheet would run as a formula (leading
= + - @, tab or carriage return) get a leading apostrophe; the HTML viewer embeds the data as
escaped JSON and renders it as text (newsgraph.viewer).

- GEXF 1.3 (Gephi's own format): viz colour by entity type, viz size by mentions, viz position
  when the nodes have x/y, edge `kind` and `label` = relation, `weight`, and `start` (the earliest
  document date) on nodes and edges when documents carry dates.
- nodes.csv / edges.csv for Gephi's spreadsheet importer (Data Laboratory > Import Spreadsheet):
  nodes Id, Label, Type, ...; edges Source, Target, Type (Directed / Undirected), Kind, Id,
  Label, Weight, Relation, ... (Kind keeps parallel edges of different relations apart).
- graph.json: networkx node-link data (`nodes`, `edges`), readable by
  `networkx.node_link_graph(data, edges="edges")`.
"""

from __future__ import annotations

import csv
import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.pipeline.export import (
    _declare,
    atomic_writer,
    is_scalar,
    sorted_edges,
    write_graphml,
    write_xml,
    xml_safe,
)

GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"

# Colours by entity type (Tableau 10), shared by GEXF and the HTML viewer.
TYPE_COLORS = {
    "PERSON": "#4e79a7",
    "ORG": "#f28e2b",
    "GPE": "#59a14f",
    "LOC": "#76b7b2",
    "FAC": "#edc948",
    "NORP": "#b07aa1",
}
DEFAULT_COLOR = "#9c9c9c"

FORMAT_FILES: dict[str, tuple[str, ...]] = {
    "graphml": ("graph.graphml",),
    "gexf": ("graph.gexf",),
    "csv": ("nodes.csv", "edges.csv"),
    "json": ("graph.json",),
    "html": ("graph.html",),
}
_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_SURROGATES = re.compile("[\ud800-\udfff]")


def parse_formats(value: str | Iterable[str]) -> list[str]:
    """'graphml,gexf' -> ['graphml', 'gexf']; raises ValueError naming any unknown format."""
    items = value.split(",") if isinstance(value, str) else [v for x in value for v in x.split(",")]
    formats: list[str] = []
    for item in (i.strip().lower() for i in items):
        if not item:
            continue
        if item not in FORMAT_FILES:
            known = ", ".join(FORMAT_FILES)
            raise ValueError(f"unknown format {item!r} (choose from {known})")
        if item not in formats:
            formats.append(item)
    if not formats:
        raise ValueError("no output format given")
    return formats


def output_files(formats: Iterable[str]) -> list[str]:
    """The file names the given formats write, in order."""
    return [name for fmt in formats for name in FORMAT_FILES[fmt]]


def type_color(entity_type: str) -> str:
    return TYPE_COLORS.get(str(entity_type).upper(), DEFAULT_COLOR)


def node_size(mentions: Any) -> float:
    """Display size from the number of mentions: 10 for one, growing with the square root."""
    try:
        count = max(float(mentions), 0.0)
    except (TypeError, ValueError):
        count = 0.0
    return round(min(6.0 + 4.0 * math.sqrt(count), 80.0), 2)


# GEXF ---------------------------------------------------------------------------------------

_GEXF_TYPES = {"boolean": "boolean", "int": "integer", "double": "double", "string": "string"}


def _gexf_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, 6))
    return xml_safe(str(value))


def gexf_tree(graph: nx.MultiDiGraph) -> ET.ElementTree:
    """GEXF 1.3 document for a newsgraph graph; deterministic for the same graph."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", GEXF_VIZ_NS)
    g_ = f"{{{GEXF_NS}}}"
    v_ = f"{{{GEXF_VIZ_NS}}}"
    root = ET.Element(f"{g_}gexf", version="1.3")
    meta = ET.SubElement(root, f"{g_}meta")
    ET.SubElement(meta, f"{g_}creator").text = "newsgraph"
    ET.SubElement(
        meta, f"{g_}description"
    ).text = (
        "Entities (nodes) and the relations between them (edges, kind = relation), with evidence."
    )
    nodes = sorted(graph.nodes(data=True))
    edges = sorted_edges(graph)
    dynamic = any(d.get("first_date") for _, d in nodes) or any(
        d.get("first_date") for *_, d in edges
    )
    graph_attrs = {"defaultedgetype": "directed", "mode": "dynamic" if dynamic else "static"}
    if dynamic:
        graph_attrs["timeformat"] = "date"
    g = ET.SubElement(root, f"{g_}graph", graph_attrs)
    node_skip = {"label", "x", "y"}
    edge_skip = {"label", "weight", "id"}
    node_types = {
        k: t for k, t in _declare(iter(d for _, d in nodes)).items() if k not in node_skip
    }
    edge_types = {
        k: t for k, t in _declare(iter(d for *_, d in edges)).items() if k not in edge_skip
    }
    for cls, types in (("node", node_types), ("edge", edge_types)):
        if not types:
            continue
        attrs_el = ET.SubElement(g, f"{g_}attributes", {"class": cls})
        for name, kind in types.items():
            ET.SubElement(
                attrs_el,
                f"{g_}attribute",
                {"id": xml_safe(name), "title": xml_safe(name), "type": _GEXF_TYPES[kind]},
            )
    nodes_el = ET.SubElement(g, f"{g_}nodes", count=str(len(nodes)))
    for node, data in nodes:
        attrs = {"id": xml_safe(str(node)), "label": _gexf_value(data.get("label", node))}
        if data.get("first_date"):
            attrs["start"] = xml_safe(str(data["first_date"]))
        el = ET.SubElement(nodes_el, f"{g_}node", attrs)
        _attvalues(el, g_, node_types, data)
        red, green, blue = _rgb(type_color(data.get("type", "")))
        ET.SubElement(el, f"{v_}color", r=str(red), g=str(green), b=str(blue), a="1.0")
        ET.SubElement(el, f"{v_}size", value=repr(node_size(data.get("mentions", 1))))
        if is_scalar(data.get("x")) and is_scalar(data.get("y")):
            ET.SubElement(
                el,
                f"{v_}position",
                x=repr(float(data["x"])),
                y=repr(float(data["y"])),
                z="0.0",
            )
    edges_el = ET.SubElement(g, f"{g_}edges", count=str(len(edges)))
    for number, (source, target, key, data) in enumerate(edges):
        relation = str(data.get("relation", key))
        attrs = {
            "id": f"e{number}",
            "source": xml_safe(str(source)),
            "target": xml_safe(str(target)),
            "kind": xml_safe(relation),
            "label": _gexf_value(data.get("label", relation)),
            "weight": repr(float(data.get("weight", 1.0))),
        }
        if data.get("first_date"):
            attrs["start"] = xml_safe(str(data["first_date"]))
        el = ET.SubElement(edges_el, f"{g_}edge", attrs)
        _attvalues(el, g_, edge_types, data)
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def _attvalues(el: ET.Element, g_: str, types: dict[str, str], data: dict[str, Any]) -> None:
    present = [name for name in types if is_scalar(data.get(name))]
    if not present:
        return
    values = ET.SubElement(el, f"{g_}attvalues")
    for name in present:
        ET.SubElement(
            values, f"{g_}attvalue", {"for": xml_safe(name), "value": _gexf_value(data[name])}
        )


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as GEXF 1.3, atomically."""
    return write_xml(gexf_tree(graph), path)


# CSV ----------------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """A value as a spreadsheet cell that can never run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(round(value, 6)) if isinstance(value, float) else str(value)
    text = xml_safe(str(value))
    if text.startswith(_CSV_FORMULA):
        text = "'" + text
    return text


def csv_tables(graph: nx.MultiDiGraph) -> tuple[list[list[str]], list[list[str]]]:
    """(nodes rows, edges rows), each with Gephi's header row first."""
    nodes = sorted(graph.nodes(data=True))
    node_extra = [k for k in _declare(iter(d for _, d in nodes)) if k not in {"label", "type"}]
    node_rows = [["Id", "Label", "Type", *node_extra]]
    for node, data in nodes:
        node_rows.append(
            [
                csv_cell(str(node)),
                csv_cell(data.get("label", node)),
                csv_cell(data.get("type", "")),
                *(csv_cell(data[k]) if is_scalar(data.get(k)) else "" for k in node_extra),
            ]
        )
    edges = sorted_edges(graph)
    fixed = {"label", "weight", "relation", "id"}
    edge_extra = [k for k in _declare(iter(d for *_, d in edges)) if k not in fixed]
    edge_rows = [
        ["Source", "Target", "Type", "Kind", "Id", "Label", "Weight", "Relation", *edge_extra]
    ]
    for number, (source, target, key, data) in enumerate(edges):
        relation = data.get("relation", key)
        edge_rows.append(
            [
                csv_cell(str(source)),
                csv_cell(str(target)),
                "Undirected" if data.get("symmetric") is True else "Directed",
                csv_cell(relation),
                f"e{number}",
                csv_cell(data.get("label", relation)),
                csv_cell(float(data.get("weight", 1.0))),
                csv_cell(relation),
                *(csv_cell(data[k]) if is_scalar(data.get(k)) else "" for k in edge_extra),
            ]
        )
    return node_rows, edge_rows


def write_csv(graph: nx.MultiDiGraph, outdir: Path) -> list[Path]:
    """Write OUTDIR/nodes.csv and OUTDIR/edges.csv (UTF-8, comma-separated), atomically."""
    node_rows, edge_rows = csv_tables(graph)
    paths = []
    for name, rows in (("nodes.csv", node_rows), ("edges.csv", edge_rows)):
        path = Path(outdir) / name
        with atomic_writer(path) as fh:
            csv.writer(fh, lineterminator="\r\n").writerows(rows)
        paths.append(path)
    return paths


# JSON ---------------------------------------------------------------------------------------


def json_safe(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATES.sub("", value)
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data (edges under "edges"), in the writers' deterministic order."""
    nodes = [{"id": node, **data} for node, data in sorted(graph.nodes(data=True))]
    edges = [
        {"source": s, "target": t, "key": k, **{n: v for n, v in d.items() if n != "id"}}
        | {"id": f"e{i}"}
        for i, (s, t, k, d) in enumerate(sorted_edges(graph))
    ]
    return json_safe(
        {
            "directed": True,
            "multigraph": True,
            "graph": dict(graph.graph),
            "nodes": nodes,
            "edges": edges,
        }
    )


def write_json(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as networkx node-link JSON, atomically."""
    text = json.dumps(node_link(graph), ensure_ascii=False, indent=1, sort_keys=True)
    with atomic_writer(Path(path)) as fh:
        fh.write(text + "\n")
    return Path(path)


# Reading ------------------------------------------------------------------------------------


def read_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph newsgraph wrote (.graphml, .gexf or .json) as a MultiDiGraph."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        graph = nx.read_graphml(path, force_multigraph=True)
    elif suffix == ".gexf":
        graph = nx.read_gexf(path, version="1.3")
        for _, data in graph.nodes(data=True):
            viz = data.pop("viz", None) or {}
            if "position" in viz:
                data.setdefault("x", viz["position"]["x"])
                data.setdefault("y", viz["position"]["y"])
            data.pop("start", None)
        for *_, data in graph.edges(data=True):
            data.pop("start", None)
    elif suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        except TypeError:  # networkx < 3.4
            graph = nx.node_link_graph(data, directed=True, multigraph=True, link="edges")
    else:
        raise ValueError("not a .graphml, .gexf or .json file")
    result = nx.MultiDiGraph()
    result.graph.update(graph.graph)
    result.add_nodes_from(graph.nodes(data=True))
    if graph.is_multigraph():
        for source, target, key, data in graph.edges(keys=True, data=True):
            result.add_edge(source, target, key=data.get("relation", key), **data)
    else:
        for source, target, data in graph.edges(data=True):
            result.add_edge(source, target, key=data.get("relation"), **data)
    return result


# All formats --------------------------------------------------------------------------------


def _write_html(graph: nx.MultiDiGraph, path: Path) -> Path:
    from newsgraph.viewer import write_html

    return write_html(graph, path)


WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], Path | list[Path]]] = {
    "graphml": lambda graph, outdir: write_graphml(graph, outdir / "graph.graphml"),
    "gexf": lambda graph, outdir: write_gexf(graph, outdir / "graph.gexf"),
    "csv": write_csv,
    "json": lambda graph, outdir: write_json(graph, outdir / "graph.json"),
    "html": lambda graph, outdir: _write_html(graph, outdir / "graph.html"),
}


def write_formats(graph: nx.MultiDiGraph, outdir: Path, formats: Iterable[str]) -> list[Path]:
    """Write the graph in each format into outdir; returns the paths written."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for fmt in parse_formats(list(formats)):
        written = WRITERS[fmt](graph, outdir)
        paths.extend(written if isinstance(written, list) else [written])
    return paths
