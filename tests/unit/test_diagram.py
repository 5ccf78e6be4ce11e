"""The prerequisite diagram's SVGs (scripts/sosial_is/pages/diagram.py): a wide and a narrow
layout of every programme, with unique ids, labelled groups, a link per course, arrows that go
around the boxes, sizes that keep the text legible in their columns, and the text alternative
on the page; the offline copy mends the links of both layouts."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sosial_is.curriculum.loader import load_curriculum
from sosial_is.pages import diagram
from sosial_is.pages.prerequisites import prerequisites_page
from sosial_is.publish import offline

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("tk", "ru", "en")


@pytest.fixture(scope="module")
def real():
    cur, findings = load_curriculum(ROOT / "curriculum")
    assert not findings
    return cur


@pytest.fixture(scope="module")
def fixture():
    cur, findings = load_curriculum(ROOT / "tests" / "fixtures" / "project" / "curriculum")
    assert not findings
    return cur


def svgs(cur, prog_id: str, lang: str) -> dict[str, BeautifulSoup]:
    html = diagram.prerequisite_svg(cur, cur.programmes[prog_id], lang)
    wrap = BeautifulSoup(html, "html.parser").select_one("div.si-prereq-wrap")
    found = {svg["class"][1].removeprefix("si-prereq--"): svg for svg in wrap.find_all("svg")}
    assert list(found) == ["wide", "narrow"]
    return found


def edges(cur, prog_id: str) -> set[tuple[str, str]]:
    codes = {c for s in cur.programmes[prog_id].semesters for c in s.courses}
    return {(pre, code) for code in codes for pre in cur.courses[code].facts.prerequisites
            if pre in codes}


def boxes(svg) -> dict[str, tuple[float, float, float, float]]:
    """code → (x, y, width, height) of its box."""
    found = {}
    for a in svg.find_all("a"):
        rect = a.find("rect")
        found[a.find("text").get_text()] = tuple(float(rect[k]) for k in ("x", "y", "width", "height"))
    return found


def view_box(svg) -> tuple[float, float]:
    _, _, w, h = (float(v) for v in svg["viewbox"].split())
    assert (w, h) == (float(svg["width"]), float(svg["height"]))  # natural size = drawing units
    return w, h


@pytest.mark.parametrize("lang", LANGS)
def test_each_layout_is_a_labelled_group_with_its_own_description(real, lang: str) -> None:
    found = svgs(real, "bsw", lang)
    descs = set()
    for layout, svg in found.items():
        assert svg["role"] == "group"  # it holds links, so not "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert title_id == f"prereq-bsw-{layout}-title" and desc_id == f"prereq-bsw-{layout}-desc"
        assert svg.find("title", id=title_id).get_text(strip=True)
        descs.add(svg.find("desc", id=desc_id).get_text(strip=True))
        assert svg["font-size"] == str(diagram.FONT)
    assert len(descs) == 2  # "columns, left to right" and "rows, top to bottom"


@pytest.mark.parametrize("lang", LANGS)
def test_ids_are_unique_on_the_page_and_references_resolve(real, lang: str) -> None:
    page = BeautifulSoup(prerequisites_page(real, lang), "html.parser")
    ids = [el["id"] for el in page.find_all(id=True)]
    assert len(ids) == len(set(ids)) == 3 * 2 * len(real.programmes)  # title, desc, marker; 2 SVGs
    for svg in page.find_all("svg"):
        own = {el["id"] for el in svg.find_all(id=True)}
        for path in svg.select("path.si-prereq__edge"):
            assert re.fullmatch(r"url\(#(.+)\)", path["marker-end"]).group(1) in own
        assert set(svg["aria-labelledby"].split()) <= own


@pytest.mark.parametrize("prog", ["bsw", "ccp"])
def test_both_layouts_link_every_course_and_draw_every_edge(real, prog: str) -> None:
    codes = {c for s in real.programmes[prog].semesters for c in s.courses}
    for svg in svgs(real, prog, "en").values():
        links = svg.find_all("a")
        assert {a["href"] for a in links} == {f"../courses/{c.lower()}/" for c in codes}
        for a in links:
            code = a.find("text").get_text()
            assert a.find("title").get_text().startswith(f"{code} {real.courses[code].title('en')}")
        assert len(svg.select("path.si-prereq__edge")) == len(edges(real, prog))


def test_fixture_edges_in_both_layouts(fixture) -> None:
    for svg in svgs(fixture, "fx", "ru").values():
        assert len(svg.select("path.si-prereq__edge")) == 2  # FX-101 → FX-201, FX-102 → FX-201
        assert {a["href"] for a in svg.find_all("a")} == {
            "../courses/fx-101/", "../courses/fx-102/", "../courses/fx-201/"}


def test_wide_has_semesters_as_columns_and_narrow_as_rows(real) -> None:
    prog = real.programmes["bsw"]
    found = svgs(real, "bsw", "tk")
    wide, narrow = boxes(found["wide"]), boxes(found["narrow"])
    for semester in prog.semesters:
        first = semester.courses[0]
        for slot, code in enumerate(semester.courses):
            assert wide[code][0] == wide[first][0]      # a column
            assert narrow[code][1] == narrow[first][1]  # a row
            if slot:
                before = semester.courses[slot - 1]
                assert wide[code][1] > wide[before][1] and narrow[code][0] > narrow[before][0]
    order = sorted(prog.semesters, key=lambda s: s.number)
    for earlier, later in zip(order, order[1:], strict=False):
        a, b = earlier.courses[0], later.courses[0]
        assert wide[b][0] > wide[a][0] + wide[a][2]     # left to right
        assert narrow[b][1] > narrow[a][1] + narrow[a][3]  # top to bottom
    # the narrow one numbers its rows; the wide one names its columns
    assert [t.get_text() for t in found["narrow"].select("text.si-prereq__sem")][1:] == [
        str(s.number) for s in order]
    assert found["wide"].select("text.si-prereq__sem")[0].get_text(" ") == "1-nji semestr"


@pytest.mark.parametrize("lang", LANGS)
def test_sizes_fit_their_columns_with_legible_text(real, lang: str) -> None:
    """Wide: at most 680 px, the laptop column (688) and A4 inside print.css's margins, so it is
    shown at 12 px. Narrow: text at 11.5 px or more in a 390-px phone's 358-px column."""
    for prog in real.programmes:
        found = svgs(real, prog, lang)
        wide_w, _ = view_box(found["wide"])
        narrow_w, _ = view_box(found["narrow"])
        assert wide_w <= 680, (prog, wide_w)
        assert diagram.FONT * min(1, 358 / narrow_w) >= 11.5, (prog, narrow_w)


def test_codes_fit_their_boxes_and_boxes_fit_the_drawing(real) -> None:
    for prog in real.programmes:
        for svg in svgs(real, prog, "en").values():
            w, h = view_box(svg)
            placed = boxes(svg)
            for code, (x, y, bw, bh) in placed.items():
                assert bw >= diagram.CODE_EM * diagram.FONT * len(code) + 4, code
                assert 0 <= x <= w - bw and 0 <= y <= h - bh, code
            rects = list(placed.values())
            for i, (x, y, bw, bh) in enumerate(rects):
                for x2, y2, bw2, bh2 in rects[i + 1:]:
                    assert x + bw <= x2 or x2 + bw2 <= x or y + bh <= y2 or y2 + bh2 <= y


def sample(d: str, steps: int = 24) -> list[tuple[float, float]]:
    """Points along an SVG path made of M, C and L commands."""
    tokens = re.findall(r"[MCL]|-?\d+(?:\.\d+)?", d)
    points: list[tuple[float, float]] = []
    pos = (0.0, 0.0)
    i = 0
    while i < len(tokens):
        cmd = tokens[i]
        nums = []
        i += 1
        while i < len(tokens) and tokens[i] not in "MCL":
            nums.append(float(tokens[i]))
            i += 1
        pts = list(zip(nums[::2], nums[1::2], strict=True))
        if cmd == "M":
            pos = pts[0]
        elif cmd == "L":
            points += [(pos[0] + (pts[0][0] - pos[0]) * s / steps,
                        pos[1] + (pts[0][1] - pos[1]) * s / steps) for s in range(steps + 1)]
            pos = pts[0]
        else:
            (x1, y1), (x2, y2), (x3, y3) = pts
            for s in range(steps + 1):
                u = s / steps
                a, b, c, e = (1 - u) ** 3, 3 * u * (1 - u) ** 2, 3 * u * u * (1 - u), u ** 3
                points.append((a * pos[0] + b * x1 + c * x2 + e * x3, a * pos[1] + b * y1 + c * y2 + e * y3))
            pos = (x3, y3)
    return points


@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_arrows_go_around_the_boxes(real, layout: str) -> None:
    """No arrow passes under a box (long arrows run in the channels between the rows)."""
    svg = svgs(real, "bsw", "en")[layout]
    rects = list(boxes(svg).values())
    w, h = view_box(svg)
    for path in svg.select("path.si-prereq__edge"):
        for px, py in sample(path["d"]):
            assert -1 <= px <= w + 1 and -1 <= py <= h + 1, path["d"]
            inside = [r for r in rects if r[0] + 1 < px < r[0] + r[2] - 1 and r[1] + 1 < py < r[1] + r[3] - 1]
            assert not inside, (path["d"], px, py)


@pytest.mark.parametrize("lang", LANGS)
def test_page_keeps_the_text_alternative(real, lang: str) -> None:
    page = prerequisites_page(real, lang)
    for prog in real.programmes.values():
        section = page.split(f"{{#{prog.id}}}", 1)[1]
        wrap, rest = section.split("</div>", 1)
        assert wrap.count("<svg ") == 2
        assert rest.lstrip().startswith('??? note "')  # the text version follows the diagrams
    for code, course in real.courses.items():
        if course.facts.prerequisites and not code.startswith("CCP"):
            assert f"    - [{code} {course.title(lang)}](courses/{code.lower()}.md)" in page


def test_offline_copy_mends_the_links_of_both_layouts(real, tmp_path: Path) -> None:
    """The offline build has no directory URLs: publish/offline.py rewrites ../courses/x/ in the
    raw SVG of prerequisites.html to courses/x.html, in the wide and the narrow SVG alike."""
    site = tmp_path / "site"
    (site / "curriculum" / "courses").mkdir(parents=True)
    body = diagram.prerequisite_svg(real, real.programmes["bsw"], "tk")
    (site / "curriculum" / "prerequisites.html").write_text(
        f"<html><body>{body}</body></html>", encoding="utf-8")
    codes = [c for s in real.programmes["bsw"].semesters for c in s.courses]
    for code in codes:
        (site / "curriculum" / "courses" / f"{code.lower()}.html").write_text("<h1/>", encoding="utf-8")
    manifest = {"site_url": "https://example.org/", "default": "tk", "prefixes": {"tk": ""}}
    result = offline.bundle(site, "tk", manifest)
    page = BeautifulSoup(result.files["curriculum/prerequisites.html"].decode("utf-8"), "html.parser")
    for svg in page.find_all("svg"):
        assert {a["href"] for a in svg.find_all("a")} == {f"courses/{c.lower()}.html" for c in codes}
    assert not result.online and not result.missing


def test_a_prerequisite_the_rules_refuse_does_not_break_the_drawing() -> None:
    """Pages are generated before the checks report (their anchors are link targets), so a
    prerequisite in the same or a later semester must still draw (the rules report it)."""
    cur, _ = load_curriculum(ROOT / "tests" / "fixtures" / "project" / "curriculum")
    cur.courses["FX-102"].facts.prerequisites.append("FX-101")  # same semester
    cur.courses["FX-101"].facts.prerequisites.append("FX-201")  # a later semester
    for svg in svgs(cur, "fx", "en").values():
        assert len(svg.select("path.si-prereq__edge")) == 4
