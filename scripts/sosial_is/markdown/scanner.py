"""The one Markdown scanner: front matter, code fences, headings and their ids, links, images,
raw HTML tags, attribute lists, citations and placeholders of one text, with line numbers.

Every check and the course-text parser read Markdown through :func:`scan`, so they agree on
what is code. Deliberately a line scanner, not a full Markdown parse: ~50x faster than
rendering, exact line numbers, and it skips code the way Python-Markdown with pymdownx's
superfences does:

- a fence opens with three or more backticks or tildes (any indentation, as inside list items)
  and closes only with a line of the same character, at least as long, with nothing after it:
  a four-backtick block may show a three-backtick line;
- inline code spans (any number of backticks) and HTML comments are blanked out.

Heading ids are computed as the build computes them (Python-Markdown's toc with
``pymdownx.slugs.slugify(case="lower")``, ``_1`` suffixes for repeats, ``{#id}`` attribute lists
winning); a unit test compares them with the ids in the built HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pymdownx.slugs import slugify

from ..core.findings import Finding, finding
from ..core.yaml_lines import load_yaml_text

# As MkDocs reads it (mkdocs.utils.meta.YAML_RE): closed by --- or ..., a newline after each.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
HEADING = re.compile(r"^(\s*)(#{1,6})\s+(.*?)\s*#*\s*$")
HEADING_ATTRS = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](url "title") and ![alt](url); one level of nested brackets/parentheses is enough for
# real text ("[see [1]](x)", Wikipedia's "Social_work_(discipline)").
INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REF_DEF = re.compile(r"^\s{0,3}\[([^\]^@][^\]]*)\]:\s*<?([^\s>]+)>?")
AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^\s<>]+)>")
HTML_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:\s+[^<>]*?)?)\s*/?>")
HTML_ATTR = re.compile(r"([^\s=\"'<>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*)\}")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}#.]+)")
CITATION = re.compile(r"\[(@[a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\]")
URL_ATTRS = {("a", "href"), ("img", "src"), ("source", "src"), ("video", "src"),
             ("audio", "src"), ("iframe", "src"), ("embed", "src"), ("object", "data"),
             ("link", "href"), ("script", "src"), ("track", "src"), ("video", "poster")}
IMAGE_TAGS = {"img", "source", "video", "audio", "track"}
PLACEHOLDER = "TODO"  # the scaffolder's marker; a source containing it cannot publish
SCRIPT_OPEN = re.compile(r"<\s*script\b", re.I)
_slug = slugify(case="lower")


@dataclass
class Link:
    """One link or image reference in a source file."""

    line: int
    url: str
    image: bool = False
    alt: str | None = None  # the alt text of an image (None when not an image)
    html: bool = False


@dataclass
class Heading:
    line: int
    level: int
    text: str  # as written, without an attribute list at the end
    id: str = ""  # the id the build gives it
    indent: int = 0


@dataclass
class FrontMatter:
    """The YAML block at the top of a page: its data, where the body starts, what was wrong."""

    data: dict[str, Any] = field(default_factory=dict)
    body_line: int = 1  # first line after the front matter
    end: int = 0  # character offset where the body starts
    lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)
    present: bool = False


@dataclass
class Scanned:
    """What a Markdown text offers (anchors) and what it contains (links, citations …)."""

    text: str
    front: FrontMatter
    fenced: set[int] = field(default_factory=set)  # line numbers inside fences (fence lines too)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    tags: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)  # raw HTML tags
    attr_lists: list[tuple[int, str]] = field(default_factory=list)
    citations: list[tuple[int, str]] = field(default_factory=list)  # (line, reference id)
    placeholders: list[int] = field(default_factory=list)  # lines with TODO outside code
    script_opens: list[int] = field(default_factory=list)  # lines with "<script" outside code

    @property
    def lines(self) -> list[str]:
        """The raw lines (split on LF); not kept, a scan of every page stays small."""
        return self.text.split("\n")


def parse_attrs(raw: str) -> dict[str, str]:
    attrs = {}
    for m in HTML_ATTR.finditer(raw or ""):
        value = m.group(2) or ""
        if value[:1] in "\"'":
            value = value[1:-1]
        attrs[m.group(1).lower()] = value
    return attrs


def heading_text(raw: str) -> str:
    """The plain text Python-Markdown's toc slugifies: link text kept, markup dropped."""
    text = INLINE_LINK.sub(lambda m: "" if m.group(1) else m.group(2), raw)
    text = CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    text = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.strip()


def blank_code_spans(line: str) -> str:
    """``line`` with inline code spans replaced by spaces (same length, same columns)."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


def front_matter(text: str, path: Path | str | None = None) -> FrontMatter:
    """The front matter of ``text`` (YAML with line numbers; problems as findings)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return FrontMatter()
    body_line = text.count("\n", 0, match.end()) + 1
    out = FrontMatter(body_line=body_line, end=match.end(), present=True)
    located, problems = load_yaml_text(Path(path or "<text>"), match.group(1) or "", line_offset=1)
    out.problems = problems
    if located is not None:
        out.lines = located.lines
        if isinstance(located.data, dict):
            out.data = located.data
            if "keywords" in out.data and not keywords(out.data["keywords"]):
                out.problems.append(finding(path or "<text>", out.lines.get(("keywords",), 2),
                                            "FRONT-KEYWORDS"))
            if "questions" in out.data and not questions(out.data["questions"]):
                out.problems.append(finding(path or "<text>", out.lines.get(("questions",), 2),
                                            "FRONT-QUESTIONS", most=MAX_QUESTIONS,
                                            words=MAX_QUESTION_WORDS))
        elif located.data is not None:
            out.problems.append(finding(path or "<text>", 2, "FRONT-MATTER-NOT-MAPPING"))
    return out


def keywords(value: object) -> tuple[str, ...]:
    """Front matter ``keywords``: a list of the words or phrases readers search the page by;
    () when it is not such a list."""
    if not isinstance(value, list) or not value:
        return ()
    if not all(isinstance(v, str) and v.strip() for v in value):
        return ()
    return tuple(v.strip() for v in value)


#: Front matter ``questions``: what readers type into a search box when this page is the answer
#: (mkdocs/SEARCH.md). Short and few: they are searched, not shown, so they must not become a
#: second, unseen text of the page.
MAX_QUESTIONS = 12
MAX_QUESTION_WORDS = 15


def questions(value: object) -> tuple[str, ...]:
    """Front matter ``questions``: a list of at most :data:`MAX_QUESTIONS` different questions
    (a question written twice, in other capitals or punctuation, would count its words twice) of
    at most :data:`MAX_QUESTION_WORDS` words each, without markup; () when it is not such a
    list."""
    found = keywords(value)
    if len(found) > MAX_QUESTIONS:
        return ()
    if any(len(q.split()) > MAX_QUESTION_WORDS or "<" in q or ">" in q for q in found):
        return ()
    if len({" ".join(re.findall(r"\w+", q.casefold())) for q in found}) < len(found):
        return ()
    return found


def _fence_lines(lines: list[str]) -> set[int]:
    """Line numbers (1-based) that belong to fenced code blocks, fence lines included."""
    inside: set[int] = set()
    fence: str | None = None
    for no, line in enumerate(lines, start=1):
        m = FENCE.match(line)
        if fence:
            inside.add(no)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                    and not m.group(2).strip():
                fence = None
            continue
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = m.group(1)
            inside.add(no)
    return inside


def _code_free(lines: list[str], fenced: set[int], start: int = 1):
    """(number, line) outside fences with inline code and HTML comments blanked out."""
    in_comment = False
    for no in range(start, len(lines) + 1):
        if no in fenced:
            continue
        line = lines[no - 1]
        if in_comment or "<!--" in line:
            out, i = [], 0
            while i < len(line):
                if in_comment:
                    j = line.find("-->", i)
                    if j < 0:
                        i = len(line)
                        break
                    in_comment, i = False, j + 3
                else:
                    j = line.find("<!--", i)
                    if j < 0:
                        out.append(line[i:])
                        break
                    out.append(line[i:j])
                    in_comment, i = True, j + 4
            line = "".join(out)
        yield no, blank_code_spans(line)


def scan(text: str, path: Path | str | None = None, *, front: bool = True) -> Scanned:
    """Scan one Markdown text. ``front``: read a front matter block first (pages, course files)."""
    fm = front_matter(text, path) if front else FrontMatter()
    lines = text.split("\n")
    fenced = _fence_lines(lines)
    out = Scanned(text=text, front=fm, fenced=fenced)
    code_free = []
    for no, line in _code_free(lines, fenced):
        # Placeholders and scripts count anywhere outside code, front matter included
        # ("description: TODO"; front matter values reach the page's <head> as they are).
        if PLACEHOLDER in line:
            out.placeholders.append(no)
        if "<" in line and SCRIPT_OPEN.search(line):
            out.script_opens.append(no)
        if no >= fm.body_line:  # front matter lines are not Markdown: no links or ids there
            code_free.append((no, line))
    explicit: set[str] = set()
    pending_ids: list[Heading] = []
    for no, line in code_free:
        h = HEADING.match(line)
        if h:  # the heading's own text keeps its `code` (the toc slugifies it too)
            raw_match = HEADING.match(lines[no - 1])
            raw = raw_match.group(3) if raw_match else h.group(3)
            attrs = HEADING_ATTRS.search(raw)
            hid = ATTR_ID.search(" " + attrs.group(1)) if attrs else None
            heading = Heading(no, len(h.group(2)), (raw[: attrs.start()] if attrs else raw).strip(),
                              indent=len(h.group(1).expandtabs(4)))
            if hid:
                heading.id = hid.group(1)
                explicit.add(hid.group(1))
            else:
                pending_ids.append(heading)
            out.headings.append(heading)
        if "[" in line:
            for m in INLINE_LINK.finditer(line):
                url = m.group(3).strip("<>")
                image = m.group(1) == "!"
                out.links.append(Link(no, url, image, m.group(2) if image else None))
            d = REF_DEF.match(line)
            if d:
                out.links.append(Link(no, d.group(2)))
            for m in CITATION.finditer(line):
                for part in m.group(1).split(";"):
                    out.citations.append((no, part.strip().lstrip("@")))
        if "<" in line:
            for m in AUTOLINK.finditer(line):
                out.links.append(Link(no, m.group(1)))
            for m in HTML_TAG.finditer(line):
                tag = m.group(1).lower()
                attrs = parse_attrs(m.group(2))
                out.tags.append((no, tag, attrs))
                if "id" in attrs:
                    explicit.add(attrs["id"])
                if tag == "a" and "name" in attrs:
                    explicit.add(attrs["name"])
                for (t, a) in URL_ATTRS:
                    if t == tag and a in attrs:
                        out.links.append(Link(no, attrs[a], tag in IMAGE_TAGS,
                                              attrs.get("alt") if tag == "img" else None, html=True))
        if "{" in line:
            for m in ATTR_LIST.finditer(line):
                out.attr_lists.append((no, m.group(1)))
                for i in ATTR_ID.finditer(" " + m.group(1)):
                    explicit.add(i.group(1))
    # toc: explicit ids are taken as they are; generated slugs get _1, _2 … when already used.
    used = set(explicit)
    for heading in pending_ids:
        sid = _slug(heading_text(heading.text), "-")
        while sid in used or not sid:
            m = re.match(r"^(.*)_([0-9]+)$", sid)
            sid = f"{m.group(1)}_{int(m.group(2)) + 1}" if m else f"{sid}_1"
        used.add(sid)
        heading.id = sid
    out.anchors = used
    return out


def replace_outside_code(text: str, pattern: re.Pattern[str], repl) -> str:
    """``pattern.sub(repl, …)`` applied to ``text`` except inside fences and inline code."""
    lines = text.split("\n")
    fenced = _fence_lines(lines)
    out = []
    for no, line in enumerate(lines, start=1):
        if no in fenced or not pattern.search(line):
            out.append(line)
            continue
        parts, last = [], 0
        for m in CODE_SPAN.finditer(line):
            parts.append(pattern.sub(repl, line[last:m.start()]))
            parts.append(m.group(0))
            last = m.end()
        parts.append(pattern.sub(repl, line[last:]))
        out.append("".join(parts))
    return "\n".join(out)
