"""The prerequisite diagram as inline SVG, drawn at build time.

Mermaid would need a script from a CDN (a third-party request) and JavaScript to render; a
semester-column layout is simple enough to draw directly, and inline SVG is accessible (title,
description, links) and prints well. The SVG is a labelled ``group``, not an ``img``: it holds a
link per course, and an image must not contain interactive elements.
"""
from __future__ import annotations

from html import escape

from ..curriculum.model import Curriculum, Programme
from ..locale import t

COL_W, BOX_W, BOX_H, ROW_H, PAD, HEAD = 150, 112, 30, 44, 16, 28


def prerequisite_svg(cur: Curriculum, prog: Programme, lang: str) -> str:
    semesters = sorted(prog.semesters, key=lambda s: s.number)
    pos: dict[str, tuple[float, float]] = {}
    for col, sem in enumerate(semesters):
        for row, code in enumerate(sem.courses):
            pos[code] = (PAD + col * COL_W, HEAD + PAD + row * ROW_H)
    rows = max(len(s.courses) for s in semesters)
    width = PAD * 2 + (len(semesters) - 1) * COL_W + BOX_W
    height = HEAD + PAD * 2 + rows * ROW_H
    title_id, desc_id = f"prereq-{prog.id}-title", f"prereq-{prog.id}-desc"
    title = t("prereq_svg_title", lang, programme=prog.title.get(lang))
    edges = [(pre, c.code) for c in (cur.courses.get(code) for code in pos) if c
             for pre in c.facts.prerequisites if pre in pos]
    parts = [
        f'<svg class="si-prereq" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="group" aria-labelledby="{title_id} {desc_id}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(t("prereq_intro", lang))}</desc>',
        f'<defs><marker id="arrow-{prog.id}" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" class="si-prereq__head"/></marker></defs>',
    ]
    for col, sem in enumerate(semesters):
        x = PAD + col * COL_W + BOX_W / 2
        parts.append(f'<text class="si-prereq__sem" x="{x:.0f}" y="{PAD + 8}" '
                     f'text-anchor="middle">{escape(t("semester_n", lang, n=sem.number))}</text>')
    for pre, code in edges:
        x1, y1 = pos[pre][0] + BOX_W, pos[pre][1] + BOX_H / 2
        x2, y2 = pos[code][0], pos[code][1] + BOX_H / 2
        mid = (x1 + x2) / 2
        parts.append(f'<path class="si-prereq__edge" d="M {x1:.0f} {y1:.0f} C {mid:.0f} {y1:.0f}, '
                     f'{mid:.0f} {y2:.0f}, {x2 - 2:.0f} {y2:.0f}" marker-end="url(#arrow-{prog.id})"/>')
    for code, (x, y) in pos.items():
        course = cur.courses.get(code)
        name = escape(course.title(lang) if course else code)
        href = f"../courses/{code.lower()}/"
        parts.append(f'<a href="{href}"><title>{escape(code)} {name}</title>'
                     f'<rect class="si-prereq__box" x="{x}" y="{y}" width="{BOX_W}" '
                     f'height="{BOX_H}" rx="5"/><text class="si-prereq__code" x="{x + BOX_W / 2:.0f}" '
                     f'y="{y + BOX_H / 2 + 5:.0f}" text-anchor="middle">{escape(code)}</text></a>')
    parts.append("</svg>")
    return '<div class="si-prereq-wrap">' + "".join(parts) + "</div>"
