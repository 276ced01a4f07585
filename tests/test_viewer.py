"""graph.html: self-contained, escaped, and usable in a real (headless) Chromium.

The browser tests need Debian's `chromium` and `chromium-driver` (/usr/bin/chromium,
/usr/bin/chromedriver) and the `selenium` package; without them they skip. Set
NEWSGRAPH_SCREENSHOTS=DIR to keep the screenshots they take.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.pipeline.formats import read_graph
from newsgraph.viewer import MAX_SENTENCES, render_html, viewer_data, write_html

try:
    from test_export_formats import FLYNN_MET, FLYNN_MET_AGAIN, sample_graph
except ImportError:  # tests/ imported as a package
    from tests.test_export_formats import FLYNN_MET, FLYNN_MET_AGAIN, sample_graph

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
HOSTILE_NAME = (
    "<img src=x onerror=\"document.title='pwned'\"></script><script>document.title='pwned'</script>"
)
HOSTILE_SENTENCE = "</script><b>bold</b> &amp; <!-- \u2028 line \u2029 --> ]]> {{DATA}} {{SCRIPT}}"


# Without a browser ------------------------------------------------------------------------


def _inline(page: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S)
    assert match, tag
    return match.group(1)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_page_is_self_contained_and_locked_down() -> None:
    page = render_html(sample_graph())
    assert "<link" not in page and " src=" not in page and "@import" not in page
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    assert f"script-src {_sha(_inline(page, 'script'))}" in csp
    assert f"style-src {_sha(_inline(page, 'style'))}" in csp
    assert "innerHTML" not in page and "insertAdjacentHTML" not in page and "eval(" not in page


def test_payload_carries_names_titles_and_every_sentence() -> None:
    graph = sample_graph()
    data = viewer_data(graph)
    flynn = next(n for n in data["nodes"] if n["label"] == "Michael Flynn")
    assert set(flynn["aliases"]) >= {"Flynn", "Mike Flynn"}
    assert flynn["titles"] == ["national security adviser"]
    assert flynn["type"] == "PERSON" and flynn["first_date"] == "2016-12-29"
    index = data["nodes"].index(flynn)
    met = next(e for e in data["edges"] if e["relation"] == "met")
    assert index in (met["source"], met["target"]) and met["symmetric"] is True
    assert [ev["sentence"] for ev in met["evidence"]] == [FLYNN_MET, FLYNN_MET_AGAIN]
    assert {r["name"] for r in data["relations"]} == {"met", "opposed", "fired"}
    assert {t["name"] for t in data["types"]} == {"PERSON", "ORG"}

    # Long evidence lists are cut, and the rest counted.
    for *_, d in graph.edges(data=True):
        d["sentences"] = [
            {"document": "a.txt", "start": i, "sentence": f"s{i}"} for i in range(MAX_SENTENCES + 3)
        ]
    edge = viewer_data(graph)["edges"][0]
    assert len(edge["evidence"]) == MAX_SENTENCES and edge["more"] == 3


def test_hostile_strings_stay_inside_the_json() -> None:
    graph = sample_graph()
    flynn = next(n for n, d in graph.nodes(data=True) if d["label"] == "Michael Flynn")
    graph.nodes[flynn]["label"] = HOSTILE_NAME
    for *_, d in graph.edges(data=True):
        d["sentences"] = [{"document": "a.txt", "start": 0, "sentence": HOSTILE_SENTENCE}]
    page = render_html(graph)
    assert "<img" not in page and "<b>" not in page and "pwned'</script>" not in page
    assert page.count("</script>") == 2
    # The placeholders in the sentence (one per edge) were not substituted.
    assert page.count("{{DATA}}") == page.count("{{SCRIPT}}") == graph.number_of_edges()
    payload = re.search(
        r'<script type="application/json" id="newsgraph-data">(.*?)</script>', page, re.S
    ).group(1)
    data = json.loads(payload)
    assert HOSTILE_NAME in [n["label"] for n in data["nodes"]]
    assert data["edges"][0]["evidence"][0]["sentence"] == HOSTILE_SENTENCE


# In Chromium --------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip(
            "needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs the selenium package")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("viewer-run")
    result = CliRunner().invoke(
        app,
        ["run", str(SAMPLES), "-o", str(out), "--format", "html,json", "--layout", "--quiet"],
    )
    assert result.exit_code == 0, result.output
    written = {p.name for p in out.iterdir()}
    assert {"graph.html", "graph.json"} <= written
    assert not written & {"graph.graphml", "graph.gexf", "nodes.csv", "edges.csv"}
    return out


def _wait(driver, condition, what: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 20).until(lambda d: condition(d), message=what)


def _text(element) -> str:
    return element.get_property("textContent")


def _screenshot(driver, path: Path) -> Path:
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = os.environ.get("NEWSGRAPH_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


def _open(driver, page: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.get(page.as_uri())
    _wait(driver, lambda d: _text(d.find_element(By.ID, "stats")), "the viewer script ran")


def _problems(driver) -> list[str]:
    """Console errors (script errors, blocked loads, CSP violations) since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _find_and_pick(driver, query: str, label: str) -> None:
    from selenium.webdriver.common.by import By

    search = driver.find_element(By.ID, "search")
    search.clear()
    search.send_keys(query)

    def result(d):
        buttons = d.find_elements(By.CSS_SELECTOR, "#results button")
        hits = [b for b in buttons if _text(b.find_element(By.CLASS_NAME, "name")) == label]
        return hits[0] if hits else False

    _wait(driver, result, f"search result {label!r}").click()
    _wait(
        driver,
        lambda d: _text(d.find_element(By.ID, "panel-title")) == label,
        f"panel of {label!r}",
    )


def test_find_flynn_and_read_the_evidence(browser, sample_output, tmp_path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _open(browser, sample_output / "graph.html")
    _find_and_pick(browser, "flynn", "Michael Flynn")

    graph = read_graph(sample_output / "graph.json")
    flynn = next(n for n, d in graph.nodes(data=True) if d["label"] == "Michael Flynn")
    stated = {
        s["sentence"]
        for u, v, d in graph.edges(data=True)
        if flynn in (u, v)
        for s in d["sentences"]
    }
    shown = [_text(e) for e in browser.find_elements(By.CSS_SELECTOR, "#panel .evidence .sentence")]
    assert shown, "no evidence sentence in the panel"
    assert set(shown) <= stated and stated <= set(shown)
    chips = [_text(e) for e in browser.find_elements(By.CSS_SELECTOR, "#panel .chips li")]
    assert "Flynn" in chips
    _screenshot(browser, tmp_path / "viewer-michael-flynn.png")

    # Following a relation opens the other entity.
    other = browser.find_element(By.CSS_SELECTOR, "#panel .relation .other")
    name = _text(other)
    other.click()
    _wait(browser, lambda d: _text(d.find_element(By.ID, "panel-title")) == name, name)

    # Clicking Flynn's node in the drawing opens him again.
    node = next(
        g
        for g in browser.find_elements(By.CSS_SELECTOR, "#graph g.node")
        if _text(g.find_element(By.TAG_NAME, "text")) == "Michael Flynn"
    )
    ActionChains(browser).move_to_element(
        node.find_element(By.TAG_NAME, "circle")
    ).click().perform()
    _wait(
        browser,
        lambda d: _text(d.find_element(By.ID, "panel-title")) == "Michael Flynn",
        "Flynn's panel after clicking his node",
    )

    # Unticking a relation type takes its relations out of the panel.
    relations = {
        r.get_attribute("data-relation")
        for r in browser.find_elements(By.CSS_SELECTOR, "#panel .relation")
    }
    hidden = sorted(relations)[0]
    box = browser.find_element(By.CSS_SELECTOR, f"#relations input[value='{hidden}']")
    box.click()
    _wait(
        browser,
        lambda d: (
            hidden
            not in {
                r.get_attribute("data-relation")
                for r in d.find_elements(By.CSS_SELECTOR, "#panel .relation")
            }
        ),
        f"{hidden} relations hidden",
    )
    box.click()

    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert _problems(browser) == []


def test_untrusted_text_is_shown_as_text(browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    graph = sample_graph()
    flynn = next(n for n, d in graph.nodes(data=True) if d["label"] == "Michael Flynn")
    graph.nodes[flynn]["label"] = HOSTILE_NAME
    graph.nodes[flynn]["aliases"] = HOSTILE_NAME + " | <i>alias</i>"
    for *_, d in graph.edges(data=True):
        d["sentences"] = [{"document": "<u>doc</u>", "start": 0, "sentence": HOSTILE_SENTENCE}]
    page = write_html(graph, tmp_path / "graph.html")

    _open(browser, page)
    _find_and_pick(browser, "onerror", HOSTILE_NAME)
    shown = [_text(e) for e in browser.find_elements(By.CSS_SELECTOR, "#panel .evidence .sentence")]
    assert shown and set(shown) == {HOSTILE_SENTENCE}
    chips = [_text(e) for e in browser.find_elements(By.CSS_SELECTOR, "#panel .chips li")]
    assert "<i>alias</i>" in chips
    assert browser.title == "newsgraph"
    assert browser.execute_script("return document.querySelectorAll('img, b, i, u').length") == 0
    assert browser.execute_script("return document.scripts.length") == 2
    _screenshot(browser, tmp_path / "viewer-hostile.png")
    assert _problems(browser) == []
