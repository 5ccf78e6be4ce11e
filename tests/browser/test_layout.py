"""Layout on a phone (390 px) and a laptop (1280 px), in headless Chromium on the real portal:
nothing on the home page, a course page, the curriculum map or the prerequisite diagram scrolls
sideways, in tk, ru and en; the diagram shows the layout that fits its column (rows on a phone,
columns on a laptop) with legible codes and working links; the map is a table on a laptop and a
card per course on a phone; the printed diagram fits A4.

Every visited page is saved as a full-page screenshot in test-results/layout/ (git-ignored;
pytest-playwright empties test-results/ when a session starts), named <page>-<lang>-<width>.png.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from sosial_is.curriculum.loader import load_curriculum
from support import LANG_PREFIX, LANGS

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "scripts" / "npm" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "course": "curriculum/courses/sw-101/",
    "map": "curriculum/map/",
    "prerequisites": "curriculum/prerequisites/",
}
#: Width → height of the window: a 390 × 844 phone, a 1280 × 800 laptop.
SCREENS = {390: 844, 1280: 800}

# What scrolls sideways. The page itself; any shown element that scrolls its content sideways
# (overflow-x auto or scroll with more content than room: Material wraps every table in such a
# box); any shown element of the content column that reaches out of it (content cut off by an
# ancestor's overflow: hidden would not make anything scroll, but it would not be seen either).
# No exceptions are allowed on these pages.
SIDEWAYS = """() => {
  const shown = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && el.getBoundingClientRect().width > 0;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + [...el.classList].map(c => '.' + c).join('');
  const scrollers = [...document.querySelectorAll('body *')].filter(el => {
    const x = getComputedStyle(el).overflowX;
    return (x === 'auto' || x === 'scroll') && shown(el) && el.scrollWidth > el.clientWidth;
  }).map(el => `${name(el)}: ${el.scrollWidth} > ${el.clientWidth}`);
  const column = document.querySelector('.md-content').getBoundingClientRect();
  const outside = [...document.querySelectorAll('.md-content *')].filter(el => {
    if (!shown(el)) return false;
    const r = el.getBoundingClientRect();
    return r.left < column.left - 1 || r.right > column.right + 1;
  }).map(el => `${name(el)}: ${Math.round(el.getBoundingClientRect().left)}..`
                + `${Math.round(el.getBoundingClientRect().right)} outside `
                + `${Math.round(column.left)}..${Math.round(column.right)}`);
  const doc = document.scrollingElement;
  return {page: [doc.scrollWidth, doc.clientWidth], scrollers, outside: outside.slice(0, 10)};
}"""

# The diagram as shown: per SVG, its layout, whether it is shown, the size of its text on the
# screen, and the codes that do not fit their boxes (measured with the fonts really used).
DIAGRAM = """() => [...document.querySelectorAll('svg.si-prereq')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const codes = [...svg.querySelectorAll('a')].map(a => {
    const t = a.querySelector('text').getBBox(), r = a.querySelector('rect').getBBox();
    return {code: a.textContent, fits: t.x >= r.x && t.x + t.width <= r.x + r.width
            && t.y >= r.y - 1 && t.y + t.height <= r.y + r.height + 1};
  });
  const text = svg.querySelector('text.si-prereq__code');
  return {
    layout: [...svg.classList].find(c => c.startsWith('si-prereq--')).slice(11),
    shown: svg.checkVisibility(),
    right: svg.getBoundingClientRect().right,
    column: svg.closest('article').getBoundingClientRect().right,
    px: parseFloat(getComputedStyle(text).fontSize) * scale,
    tooWide: codes.filter(c => !c.fits).map(c => c.code),
  };
})"""


@pytest.fixture(scope="module")
def shots(pytestconfig) -> Path:
    folder = Path(pytestconfig.getoption("--output"))
    folder = (folder if folder.is_absolute() else Path(pytestconfig.rootpath) / folder) / "layout"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def open_page(browser, real_url: str, shots: Path):
    """Open a page of the real portal in a window of a given width, wait until it has settled,
    and save a full-page screenshot; fail on any request that leaves the local server."""
    contexts, foreign = [], []
    host = urlparse(real_url).netloc

    def opener(name: str, lang: str, width: int, path: str | None = None):
        context = browser.new_context(viewport={"width": width, "height": SCREENS[width]})
        contexts.append(context)
        page = context.new_page()
        page.on("request", lambda req: foreign.append(req.url)
                if urlparse(req.url).scheme in ("http", "https") and urlparse(req.url).netloc != host
                else None)
        page.goto(real_url + LANG_PREFIX[lang] + (PAGES[name] if path is None else path),
                  wait_until="networkidle")
        page.screenshot(path=shots / f"{name}-{lang}-{width}.png", full_page=True)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert foreign == []


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways(open_page, name: str, lang: str, width: int) -> None:
    page = open_page(name, lang, width)
    found = page.evaluate(SIDEWAYS)
    scroll_width, client_width = found["page"]
    assert scroll_width <= client_width, f"the page scrolls sideways: {scroll_width} > {client_width}"
    assert found["scrollers"] == []
    assert found["outside"] == []


@pytest.mark.parametrize("width, layout", [(390, "narrow"), (1280, "wide")])
@pytest.mark.parametrize("lang", LANGS)
def test_diagram_shows_the_layout_that_fits(open_page, lang: str, width: int, layout: str) -> None:
    page = open_page("prerequisites", lang, width)
    svgs = page.evaluate(DIAGRAM)
    programmes = len(svgs) // 2
    assert programmes >= 2 and len(svgs) == 2 * programmes
    shown = [svg for svg in svgs if svg["shown"]]
    assert [svg["layout"] for svg in shown] == [layout] * programmes  # one per programme
    for svg in shown:
        assert svg["px"] >= 11, f"course codes at {svg['px']:.1f} px"
        assert svg["tooWide"] == []
        assert svg["right"] <= svg["column"] + 0.5
    # the hidden layout's links are out of the tab order
    hidden = page.locator(f"svg.si-prereq:not(.si-prereq--{layout}) a")
    assert hidden.count() > 0 and not any(link.is_visible() for link in hidden.all())


@pytest.mark.parametrize("width", SCREENS)
def test_diagram_boxes_open_their_course(open_page, width: int) -> None:
    page = open_page("prerequisites", "en", width)
    box = [a for a in page.locator("svg.si-prereq a").all() if a.is_visible()][0]
    box.focus()  # keyboard users reach the boxes too
    assert page.evaluate("() => document.activeElement.closest('svg') !== null")
    box.click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/curriculum/courses/sw-101/")
    assert "SW-101" in page.locator("h1").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_map_is_a_table_on_a_laptop(open_page, lang: str) -> None:
    page = open_page("map", lang, 1280)
    table = page.locator(".si-map table").first
    assert table.evaluate("el => getComputedStyle(el).display") == "table"
    heads = table.locator("thead th")
    assert heads.count() == 10  # Course, C1–C9
    column = page.locator("article").bounding_box()
    last = heads.last.bounding_box()
    assert heads.last.inner_text() == "C9"
    assert last["x"] + last["width"] <= column["x"] + column["width"] + 0.5  # C9 in view
    # the header row stays in view down the long table
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    top = heads.first.bounding_box()["y"]
    assert 0 <= top <= 60 and page.evaluate("() => window.scrollY") > 1000


@pytest.mark.parametrize("lang", LANGS)
def test_map_is_a_card_per_course_on_a_phone(open_page, lang: str) -> None:
    page = open_page("map", lang, 390)
    table = page.locator(".si-map table").first
    assert table.locator("thead").evaluate("el => getComputedStyle(el).display") == "none"
    cards = table.locator("tbody tr")
    first = cards.first
    assert first.evaluate("el => getComputedStyle(el).display") == "flex"
    column = page.locator("article").bounding_box()
    for card in cards.all()[:5]:
        box = card.bounding_box()
        assert box["x"] >= column["x"] and box["x"] + box["width"] <= column["x"] + column["width"] + 0.5
    # the card shows the course's title after its code, and "C1: I" for each level it has
    link = first.locator("a[data-title]")
    assert link.evaluate("el => getComputedStyle(el, '::after').content").strip('"').strip() == \
        link.get_attribute("data-title")
    level = first.locator("[data-c]").first
    label = level.evaluate("el => getComputedStyle(el, '::before').content")
    assert label.startswith(f'"{level.get_attribute("data-c")}:')
    empty = first.locator("td:empty")
    assert empty.count() > 0 and not any(td.is_visible() for td in empty.all())


def axe_violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run 'scripts/run setup' (npm ci in scripts/audit)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {runOnly: {type: 'tag', "
                           "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    return [f"{v['id']}: {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"]]


@pytest.mark.parametrize("name", ["map", "prerequisites"])
def test_phone_layouts_are_accessible(open_page, name: str) -> None:
    """tests/browser/test_a11y.py runs axe at the default window; the cards and the narrow
    diagram exist only on a phone."""
    for lang in LANGS:
        assert axe_violations(open_page(name, lang, 390)) == [], lang


def test_printed_diagram_fits_a4(browser, real_site: Path, shots: Path) -> None:
    """Printed as publish/pdf.py prints (A4, print.css, 14 mm side margins), the diagrams are the
    wide layout and every course code of every programme (the bachelor's eight semesters too) is
    on the paper, inside its margins. The text versions are taken out first, so every code in
    the PDF is one drawn in a diagram."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext missing: run 'scripts/run setup' (installs Debian's poppler-utils)")
    page = browser.new_page()
    page.goto((real_site / "curriculum" / "prerequisites" / "index.html").as_uri())
    page.evaluate("() => document.querySelectorAll('article details').forEach(d => d.remove())")
    page.emulate_media(media="print")
    pdf = shots / "prerequisites-tk-A4.pdf"
    page.pdf(path=str(pdf), format="A4", margin={"top": "14mm", "bottom": "16mm", "left": "14mm",
                                                  "right": "14mm"})
    page.close()
    xml = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', xml).group(1))
    margin = 14 / 25.4 * 72
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                       r"([A-Z]+-\d+)</word>", xml)
    cur, _ = load_curriculum(ROOT / "curriculum")
    expected = {code for prog in cur.programmes.values() for sem in prog.semesters
                for code in sem.courses}
    codes = [code for _, _, code in words]
    assert sorted(codes) == sorted(expected)  # each once: the narrow layout is not printed
    for x_min, x_max, code in words:
        assert margin - 1 <= float(x_min) and float(x_max) <= width - margin + 1, code
