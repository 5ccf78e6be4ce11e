"""The prerequisite diagram as inline SVG, drawn at build time, in two layouts.

Mermaid would need a script from a CDN (a third-party request) and JavaScript to render; a
semester grid is simple enough to draw directly, and inline SVG is accessible (title,
description, links) and prints well. Each SVG is a labelled ``group``, not an ``img``: it holds a
link per course, and an image must not contain interactive elements.

Why two SVGs and not one that scales: the bachelor's eight semesters side by side need about
680 px at a 12-px text size, and a phone's column is 358 px (390-px screen). One drawing scaled
to the phone would print its course codes at about 6 px. So every programme is drawn twice from
the same grid, and site.css shows one of them (``display: none`` also hides the other from
screen readers and the keyboard):

- ``wide`` (semesters are columns, left to right), fitted to 680 px: the content column of a
  laptop (688 px), shown from 42em (672 px, a column of 640 px or more) and in print, where
  680 px is the width of A4 inside print.css's margins;
- ``narrow`` (semesters are rows, top to bottom, numbered in a gutter; the courses of a semester
  side by side), fitted to 358 px, shown below 42em.

Both keep the text at 12 px in the drawing's units and are shown at their natural size, only
scaled down (``max-width: 100%``) where the column is narrower than the drawing. The bachelor's
narrow drawing is 364 px wide (six boxes and the minimum gaps): its codes are 11.8 px on a
390-px phone and 10.8 px on a 360-px one; the wide one stays at 11.3 px or more. The boxes are as
wide as the longest code at the width of DejaVu Sans, the widest of the usual system fonts
(tests/browser/test_layout.py measures the codes in their boxes with the fonts really used). The generated ids carry the
layout's name (``prereq-bsw-wide-title``, ``arrow-bsw-narrow``), so the two SVGs of a page never
repeat an id. The links are the same in both (``../courses/<code>/``, directory-style as raw HTML
always is here; the offline copy repairs them, publish/offline.py).

Arrows: an arrow between neighbouring semesters is a curve through the gap between them; a
longer one leaves its box into that gap, runs along a channel between two rows of boxes (the one
nearest both ends), and enters the target's semester through the gap before it, so no arrow
passes under a box. Where several arrows leave or enter one side of a box they are spread along
it, and arrows sharing a channel run in lanes side by side.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from ..curriculum.model import Curriculum, Programme
from ..locale import t

FONT = 12          # text size in the drawing's units (px at natural size)
CODE_EM = 0.66     # width of an upper-case letter or digit in DejaVu Sans, in em (measured: 0.64)
LABEL_EM = 0.62    # a character of a semester label, in em (DejaVu Sans: 0.5 tk, 0.57 en, 0.65 ru)
TEXT_PAD = 2       # space between a code and its box's sides
ARROW_GAP = 2      # the arrow's tip stops this far before the box
LAYOUTS = ("wide", "narrow")
#: The width each layout is fitted to: the laptop column and A4 (wide), a 390-px phone (narrow).
TARGET = {"wide": 680, "narrow": 358}


@dataclass(frozen=True)
class Grid:
    """Semesters along the major axis (x when ``across``, else y), a semester's courses along the
    minor axis. Coordinates are (major, minor) until :meth:`xy` turns them into (x, y)."""
    across: bool
    major0: float       # where the first semester's boxes start
    major_pitch: float  # from one semester's boxes to the next
    major_box: float    # a box's extent along the major axis
    minor0: float       # where the first course slot starts
    minor_pitch: float
    minor_box: float
    width: float
    height: float
    label_lines: int = 1  # wide: a semester label on one line, or two when the columns are close

    def box(self, sem: int, slot: int) -> tuple[float, float]:
        return self.major0 + sem * self.major_pitch, self.minor0 + slot * self.minor_pitch

    def channel(self, j: int) -> float:
        """The middle of the gap before slot ``j`` (``j`` = number of slots: after the last)."""
        return self.minor0 + j * self.minor_pitch - (self.minor_pitch - self.minor_box) / 2

    def xy(self, major: float, minor: float) -> tuple[float, float]:
        return (major, minor) if self.across else (minor, major)


def box_width(codes: list[str]) -> int:
    """Wide enough for the longest code in a wide font."""
    return math.ceil(CODE_EM * FONT * max(len(c) for c in codes) + 2 * TEXT_PAD)


def grid(layout: str, semesters: int, slots: int, box_w: int, labels: list[str]) -> Grid:
    """The geometry of ``layout`` for a programme, fitted to ``TARGET[layout]`` where it can be:
    the gaps shrink to their minimum before the drawing grows beyond its target."""
    target = TARGET[layout]
    if layout == "wide":
        box_h, row_gap = 28, 14

        def fit(chars: int) -> tuple[int, float]:
            side = max(6, math.ceil((LABEL_EM * FONT * chars - box_w) / 2) + 2)  # labels inside
            free = target - 2 * side - semesters * box_w
            return side, (min(72, max(28, free / (semesters - 1))) if semesters > 1 else 0)

        lines, chars = 1, max(len(label) for label in labels)
        side, gap = fit(chars)
        if semesters > 1 and LABEL_EM * FONT * chars > box_w + gap - 6:
            lines, chars = 2, max(len(word) for label in labels for word in _lines(label))
            side, gap = fit(chars)
        minor0 = lines * (FONT + 4) + 6 + row_gap
        width = 2 * side + semesters * box_w + (semesters - 1) * gap
        height = minor0 + slots * (box_h + row_gap) + 2
        return Grid(True, side, box_w + gap, box_w, minor0, box_h + row_gap, box_h, width, height,
                    lines)
    box_h, head, row_gap = 26, 20, 34
    gutter = math.ceil(CODE_EM * FONT * len(str(semesters)) + 4)  # the semester numbers
    # margins of gap / 2 + 2 hold the outer channels: target = gutter + slots * (box_w + gap) + 4
    gap = min(24, max(6, (target - gutter - 4) / slots - box_w))
    width = gutter + slots * (box_w + gap) + 4
    pitch = box_h + row_gap
    height = head + (semesters - 1) * pitch + box_h + 4
    return Grid(False, head, pitch, box_h, gutter + gap / 2 + 2, box_w + gap, box_w, width, height)


def _lines(label: str) -> list[str]:
    """A semester label on two lines: "1-nji" / "semestr", "Semester" / "1"."""
    return label.rsplit(" ", 1) if " " in label else [label]


def _spread(count: int, length: float) -> list[float]:
    """Offsets from the middle of a side of ``length`` for ``count`` arrows."""
    if count < 2:
        return [0.0] * count
    step = min(8.0, (length - 8) / (count - 1))  # arrowheads are 6 px wide
    return [(i - (count - 1) / 2) * step for i in range(count)]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _path(g: Grid, points: list[tuple[float, float]], curves: list[bool]) -> str:
    """A path through (major, minor) points: each step a curve (tangents along the major axis)
    or a straight line."""
    x, y = g.xy(*points[0])
    d = [f"M {_n(x)} {_n(y)}"]
    for (a0, n0), (a1, n1), curve in zip(points[:-1], points[1:], curves, strict=True):
        x1, y1 = g.xy(a1, n1)
        if curve:
            mid = (a0 + a1) / 2
            c0, c1 = g.xy(mid, n0), g.xy(mid, n1)
            d.append(f"C {_n(c0[0])} {_n(c0[1])}, {_n(c1[0])} {_n(c1[1])}, {_n(x1)} {_n(y1)}")
        else:
            d.append(f"L {_n(x1)} {_n(y1)}")
    return " ".join(d)


def edge_paths(g: Grid, pos: dict[str, tuple[int, int]], edges: list[tuple[str, str]]) -> list[str]:
    """One path per (prerequisite, course) edge; ``pos`` maps a code to (semester, slot)."""
    outs: dict[str, list[tuple[str, str]]] = {}
    ins: dict[str, list[tuple[str, str]]] = {}
    for edge in edges:
        outs.setdefault(edge[0], []).append(edge)
        ins.setdefault(edge[1], []).append(edge)
    port: dict[tuple[str, str, str], float] = {}
    for side, groups, other in (("out", outs, 1), ("in", ins, 0)):
        for code, group in groups.items():
            group.sort(key=lambda e: (pos[e[other]][1], pos[e[other]][0]))
            base = g.box(*pos[code])[1] + g.minor_box / 2
            for edge, off in zip(group, _spread(len(group), g.minor_box), strict=True):
                port[(side, *edge)] = base + off
    slots = max(slot for _, slot in pos.values()) + 1
    channel_of: dict[tuple[str, str], int] = {}  # long edges: the channel each one runs along
    for pre, code in edges:
        if pos[code][0] - pos[pre][0] > 1:
            n0, n1 = port[("out", pre, code)], port[("in", pre, code)]
            channel_of[(pre, code)] = min(range(slots + 1), key=lambda j: (
                abs(g.channel(j) - n0) + abs(g.channel(j) - n1), j))
    lanes: dict[tuple[str, str], float] = {}
    for j in set(channel_of.values()):
        group = sorted((e for e, c in channel_of.items() if c == j),
                       key=lambda e: (pos[e[0]][0], pos[e[1]][0], e))
        gap = g.minor_pitch - g.minor_box
        step = min(3.0, (gap - 2) / max(1, len(group) - 1))
        for i, edge in enumerate(group):
            lanes[edge] = (i - (len(group) - 1) / 2) * step
    paths = []
    for pre, code in edges:
        (s0, _), (s1, _) = pos[pre], pos[code]
        a0 = g.box(*pos[pre])[0] + g.major_box
        a1 = g.box(*pos[code])[0] - ARROW_GAP
        n0, n1 = port[("out", pre, code)], port[("in", pre, code)]
        if s1 - s0 <= 1:  # neighbours (or, in a curriculum the rules refuse, not later at all)
            paths.append(_path(g, [(a0, n0), (a1, n1)], [True]))
            continue
        c = g.channel(channel_of[(pre, code)]) + lanes[(pre, code)]
        g0 = g.box(s0 + 1, 0)[0]                # the end of the gap after the source
        g1 = g.box(s1 - 1, 0)[0] + g.major_box  # the start of the gap before the target
        paths.append(_path(g, [(a0, n0), (g0, c), (g1, c), (a1, n1)], [True, False, True]))
    return paths


def layout_svg(cur: Curriculum, prog: Programme, lang: str, layout: str) -> str:
    """The SVG of one programme in one layout (``wide`` or ``narrow``)."""
    semesters = sorted(prog.semesters, key=lambda s: s.number)
    pos = {code: (m, k) for m, sem in enumerate(semesters) for k, code in enumerate(sem.courses)}
    labels = [t("semester_n", lang, n=sem.number) for sem in semesters]
    slots = max(len(s.courses) for s in semesters)
    g = grid(layout, len(semesters), slots, box_width(list(pos)), labels)
    ident = f"{prog.id}-{layout}"
    title_id, desc_id, arrow_id = f"prereq-{ident}-title", f"prereq-{ident}-desc", f"arrow-{ident}"
    title = t("prereq_svg_title", lang, programme=prog.title.get(lang))
    desc = t("prereq_desc_columns" if layout == "wide" else "prereq_desc_rows", lang)
    edges = [(pre, c.code) for c in (cur.courses.get(code) for code in pos) if c
             for pre in c.facts.prerequisites if pre in pos]
    w, h = math.ceil(g.width), math.ceil(g.height)
    parts = [
        f'<svg class="si-prereq si-prereq--{layout}" viewBox="0 0 {w} {h}" width="{w}" '
        f'height="{h}" font-size="{FONT}" role="group" aria-labelledby="{title_id} {desc_id}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(desc)}</desc>',
        f'<defs><marker id="{arrow_id}" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="5" markerHeight="5" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" class="si-prereq__head"/></marker></defs>',
    ]
    for d in edge_paths(g, pos, edges):
        parts.append(f'<path class="si-prereq__edge" d="{d}" marker-end="url(#{arrow_id})"/>')
    if g.across:  # a label above each column
        for m, label in enumerate(labels):
            x = _n(g.box(m, 0)[0] + g.major_box / 2)
            lines = _lines(label) if g.label_lines == 2 else [label]
            spans = "".join(f'<tspan x="{x}" dy="{0 if i == 0 else FONT + 4}">{escape(line)}</tspan>'
                            for i, line in enumerate(lines))
            parts.append(f'<text class="si-prereq__sem" x="{x}" y="{FONT + 4}" '
                         f'text-anchor="middle">{spans}</text>')
    else:  # "Semester" above a gutter of numbers: a label above each row would hide the arrows
        parts.append(f'<text class="si-prereq__sem" x="0" y="{FONT + 2}">'
                     f'{escape(t("semester", lang))}</text>')
        for m, sem in enumerate(semesters):
            y = g.box(m, 0)[0] + g.major_box / 2 + FONT * 0.35
            parts.append(f'<text class="si-prereq__sem" x="{_n((g.channel(0) - 2) / 2)}" y="{_n(y)}" '
                         f'text-anchor="middle">{sem.number}</text>')
    for code, (m, k) in pos.items():
        course = cur.courses.get(code)
        name = escape(course.title(lang) if course else code)
        x, y = g.xy(*g.box(m, k))
        bw, bh = g.xy(g.major_box, g.minor_box)
        parts.append(f'<a href="../courses/{code.lower()}/"><title>{escape(code)} {name}</title>'
                     f'<rect class="si-prereq__box" x="{_n(x)}" y="{_n(y)}" width="{_n(bw)}" '
                     f'height="{_n(bh)}" rx="5"/><text class="si-prereq__code" '
                     f'x="{_n(x + bw / 2)}" y="{_n(y + bh / 2 + FONT * 0.35)}" '
                     f'text-anchor="middle">{escape(code)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def prerequisite_svg(cur: Curriculum, prog: Programme, lang: str) -> str:
    """Both layouts in one wrapper; site.css and print.css show the one that fits."""
    return ('<div class="si-prereq-wrap">'
            + "".join(layout_svg(cur, prog, lang, layout) for layout in LAYOUTS) + "</div>")
