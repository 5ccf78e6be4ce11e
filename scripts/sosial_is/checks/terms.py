"""The termbase check: variants the glossary says to avoid, in pages, course files and the
glossary's own definitions; and the terminology report of the translation status page.

``curriculum/glossary.yml`` gives, per language, the preferred ``term``, accepted ``also`` forms
and ``avoid: [{term, reason}]``. A variant to avoid found in a hand-written page
(``docs/**/*.{tk,ru,en}.md``) or a course file (``curriculum/courses/*/{tk,ru,en}.md``, front
matter ``title`` and ``description`` included), a glossary definition or a competency or
programme text (``competencies.yml``, ``programmes/*.yml``) is a finding with the preferred term and a link
to the glossary entry: ``TERM-AVOID`` (error) for an ``agreed`` entry, ``TERM-AVOID-PROPOSED``
(warning) for a ``proposed`` one. Only the variants of the file's own language are looked for.

Matching is word by word, each word reduced to a key, so inflected forms match:

- Turkmen: the search's folding and suffix stripping (``text/turkmen.py``), with the words of
  the Turkmen pages, course files and glossary terms as the vocabulary that attests a stem, as
  the search index does ("sosial adalaty", "sosial adalata" → "sosial adalat"; a verb's finite
  forms → its infinitive when attested: "söhbetdeşlik geçirýär" → "söhbetdeşlik geçirmek");
- Russian: the Snowball stemmer ("пожилых людей" → "пожил люд");
- English: lower case without plural and possessive endings ("older persons'" → "older person").

Two words are consecutive when only spaces, a line break inside the same paragraph, hyphens,
emphasis marks or link brackets stand between them.

Not read as text: fenced and inline code, HTML comments and tags, link URLs and link titles,
attribute lists, citations, bare URLs, reference definitions, blockquote lines (``>``) and
anything inside quotation marks «…», “…”, „…“ and "…" (a variant mentioned as a word, or a
quotation, is written in quotation marks). Link *text* is read: readers see it.

Silencing: ``<!-- term-ok: reason -->`` at the end of a line silences the variants on that line
(in front matter: a YAML comment ``# term-ok: reason``); the marker alone on a line silences the
next line (headings, where a comment would end up in the title). A marker without a reason
(``TERM-OK-REASON``) or that silences nothing (``TERM-OK-UNUSED``) is a warning. A variant to
avoid that is another entry's term or ``also`` form in the same language is ``TERM-CONFLICT``.

The same scan counts, for every glossary term and language, the pages and courses that use the
preferred term and where variants are still present (silenced ones included); that report is
appended to the translation status pages (``pages/translation_status.py``).
"""
from __future__ import annotations

import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

import snowballstemmer

from ..core.findings import Finding, finding, relpath
from ..core.languages import LANG_PREFIX, LANGS, SOURCE_LANG, split_lang
from ..curriculum.model import Curriculum, GlossaryEntry
from ..markdown.scanner import (
    ATTR_LIST,
    AUTOLINK,
    CITATION,
    CODE_SPAN,
    FENCE,
    HTML_TAG,
    INLINE_LINK,
    REF_DEF,
    Scanned,
)
from ..pages import translation_status
from ..project import Project
from ..text import turkmen
from ..text.words import normal
from .links import DocSet

#: The marker in Markdown (an HTML comment) and in front matter (a YAML comment).
MARKER = re.compile(r"<!--\s*term-ok\b[ \t]*:?(.*?)-->")
FRONT_MARKER = re.compile(r"#\s*term-ok\b[ \t]*:?(.*)$")
BREAK = "\x1f"  # stands where something that is not text was: words on either side are not consecutive
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
CONSECUTIVE = re.compile(r"[\s*_\[\]-]*")  # what may stand between two words of one term
BARE_URL = re.compile(r"\b(?:https?|ftp|mailto):[^\s<>()]+")
HTML_COMMENT_OPEN, HTML_COMMENT_CLOSE = "<!--", "-->"
ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+\"(.*)\")?\s*$")
HEADING = re.compile(r"^\s*#{1,6}\s")
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|\|)")
QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
FRONT_KEYS = ("title", "description")
GLOSSARY_FILE = "curriculum/glossary.yml"


# --- Words and their keys ----------------------------------------------------------------------

_RU = snowballstemmer.stemmer("russian")


@lru_cache(maxsize=65536)
def english_key(word: str) -> str:
    """``word`` in lower case without a possessive or plural ending (persons' → person)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if len(w) > 3:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "xes", "zes", "ches", "shes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    return w


@lru_cache(maxsize=65536)
def russian_key(word: str) -> str:
    """The Snowball stem (it reads the letter yo as ye itself)."""
    return _RU.stemWord(word.lower())


def words(text: str) -> list[str]:
    return WORD.findall(text.replace("-", " "))


class Keys:
    """The key of a word per language; Turkmen keys depend on the vocabulary that attests stems."""

    def __init__(self, vocabulary: frozenset[str]) -> None:
        self.vocabulary = vocabulary  # folded Turkmen words
        self._cache: dict[tuple[str, str], str] = {}

    @classmethod
    def of_words(cls, turkmen_words: Iterable[str], memo: dict | None = None) -> Keys:
        """Keys for a vocabulary; the last keys in ``memo`` (a serve's) are reused while the
        vocabulary is unchanged (most edits change no Turkmen word)."""
        vocabulary = frozenset(turkmen.fold(w) for w in set(turkmen_words))
        last = memo.get("keys") if memo is not None else None
        if last is not None and last.vocabulary == vocabulary:
            return last
        keys = cls(vocabulary)
        if memo is not None:
            memo["keys"] = keys
        return keys

    def __call__(self, word: str, lang: str) -> str:
        hit = self._cache.get((word, lang))
        if hit is None:
            if lang == "tk":
                hit = turkmen.stem(word, self.vocabulary)
            elif lang == "ru":
                hit = russian_key(word)
            else:
                hit = english_key(word)
            self._cache[(word, lang)] = hit
        return hit

    def of(self, phrase: str, lang: str) -> tuple[str, ...]:
        return tuple(self(w, lang) for w in words(phrase))


# --- Text as the check reads it ----------------------------------------------------------------

class Tokens:
    """A text's words in reading order, in three parallel arrays (a page has thousands of words,
    and the portal at ten times its size millions: objects per word made the check the largest
    part of a build's memory). Words are interned: the same word is stored once."""

    __slots__ = ("words", "lines", "joined")

    def __init__(self) -> None:
        self.words: list[str] = []
        self.lines = array("I")
        self.joined = bytearray()  # 1: consecutive with the word before (a term may span both)

    def append(self, word: str, line: int, joined: bool) -> None:
        self.words.append(sys.intern(word))
        self.lines.append(line)
        self.joined.append(joined)

    def __len__(self) -> int:
        return len(self.words)


@dataclass
class Marker:
    line: int  # the line it silences
    at: int  # the line it is written on
    reason: str
    used: bool = False


@dataclass
class Text:
    """One source as the check reads it: its words in reading order, and its markers."""

    path: str  # as findings show it
    lang: str
    label: str  # page or course (for the report), relative to docs/ or the course code
    tokens: Tokens = field(default_factory=Tokens)
    markers: dict[int, Marker] = field(default_factory=dict)
    fixed_line: int = 0  # report every finding at this line (glossary definitions)
    # The matches found in this text with a given matcher (see _Matcher): a serve rebuild
    # reuses the Text of an unchanged file and so its matches.
    matched: tuple[Any, list] | None = field(default=None, repr=False, compare=False)


def _strip_quotes(text: str, stack: list[str]) -> str:
    """``text`` with quoted passages replaced by BREAK; ``stack``: quotes still open (carried
    from line to line inside a paragraph)."""
    if not any(ch in text for ch in "«»“”„\""):
        return BREAK if stack else text
    out = []
    for ch in text:
        if stack and ch == stack[-1]:
            stack.pop()
            out.append(BREAK)
        elif ch in QUOTES:
            stack.append(QUOTES[ch])
            out.append(BREAK)
        else:
            out.append(BREAK if stack else ch)
    return "".join(out)


def _plain(line: str) -> str:
    """A Markdown line without what is not prose (link URLs, tags, code …), each replaced by
    BREAK; link text kept."""
    line = CODE_SPAN.sub(BREAK, line) if "`" in line else line
    if "[" in line:
        line = CITATION.sub(BREAK, line)
        line = INLINE_LINK.sub(lambda m: f"[{m.group(2)}]", line)
    if "<" in line:
        line = AUTOLINK.sub(BREAK, line)
        line = HTML_TAG.sub(BREAK, line)
        line = re.sub(r"</[a-zA-Z][\w-]*\s*>", BREAK, line)
    if "{" in line:
        line = ATTR_LIST.sub(BREAK, line)
    if ":" in line:
        line = BARE_URL.sub(BREAK, line)
    m = ADMONITION.match(line)
    if m:  # "!!! note "Title"": the title is text, not a quotation
        line = m.group(1) + BREAK + (m.group(2) or "")
    return line


def _tokens_of(text: Text, lines: Iterable[tuple[int, str | None]]) -> None:
    """Append the tokens of ``lines`` ((number, prepared line), None for a paragraph break)."""
    joined = False
    for no, line in lines:
        if line is None:
            joined = False
            continue
        pos = 0
        for m in WORD.finditer(line):
            start = m.start()
            consecutive = joined and bool(text.tokens) and (
                (start == pos + 1 and line[pos] == " ") or CONSECUTIVE.fullmatch(line, pos, start) is not None)
            text.tokens.append(m.group(0), no, consecutive)
            joined = True
            pos = m.end()
        if not CONSECUTIVE.fullmatch(line[pos:]):
            joined = False


def markdown_text(path: str, lang: str, label: str, scanned: Scanned) -> Text:
    """The words of a Markdown page or course file and its term-ok markers."""
    text = Text(path, lang, label)
    lines = scanned.lines
    front = scanned.front
    prepared: list[tuple[int, str | None]] = []
    # Front matter: the title and description readers see.
    for key in FRONT_KEYS:
        value = front.data.get(key)
        line = front.lines.get((key,))
        if isinstance(value, str) and line:
            raw = lines[line - 1] if line <= len(lines) else ""
            m = FRONT_MARKER.search(raw)
            if m:
                text.markers[line] = Marker(line, line, m.group(1).strip())
            prepared += [(line, None), (line, _strip_quotes(_plain(value), [])), (line, None)]
    in_comment = False
    quotes: list[str] = []
    pending_marker: Marker | None = None
    for no in range(front.body_line, len(lines) + 1):
        raw = lines[no - 1]
        if no in scanned.fenced:
            prepared.append((no, None))
            quotes.clear()
            continue
        marker = MARKER.search(CODE_SPAN.sub(BREAK, raw) if "`" in raw else raw)  # not in `code`
        if pending_marker is not None and raw.strip():
            pending_marker.line = no
            text.markers[no] = pending_marker
            pending_marker = None
        line, in_comment = _without_comments(raw, in_comment)
        if marker:
            found = Marker(no, no, marker.group(1).strip())
            if not line.strip():  # the marker alone on its line: for the next line
                pending_marker = found
            else:
                text.markers[no] = found
        if not line.strip() or line.lstrip().startswith(">") or REF_DEF.match(line) \
                or FENCE.match(line):
            prepared.append((no, None))
            quotes.clear()
            continue
        if BLOCK_START.match(line):
            prepared.append((no, None))
            quotes.clear()
        prepared.append((no, _strip_quotes(_plain(line), quotes)))
        if HEADING.match(line):  # a heading is a paragraph of its own
            prepared.append((no, None))
            quotes.clear()
    if pending_marker is not None:  # a marker on the last line silences nothing
        text.markers[pending_marker.at] = pending_marker
    _tokens_of(text, prepared)
    return text


def _without_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """``line`` with HTML comments replaced by BREAK (they may span lines)."""
    if not in_comment and HTML_COMMENT_OPEN not in line:
        return line, False
    out, i = [], 0
    while i < len(line):
        if in_comment:
            j = line.find(HTML_COMMENT_CLOSE, i)
            if j < 0:
                return "".join(out), True
            in_comment, i = False, j + len(HTML_COMMENT_CLOSE)
            out.append(BREAK)
        else:
            j = line.find(HTML_COMMENT_OPEN, i)
            if j < 0:
                out.append(line[i:])
                break
            out.append(line[i:j])
            in_comment, i = True, j + len(HTML_COMMENT_OPEN)
    return "".join(out), in_comment


def plain_text(path: str, lang: str, label: str, body: str, line: int) -> Text:
    """A text from YAML (a glossary definition): one paragraph, every finding at ``line``."""
    text = Text(path, lang, label, fixed_line=line)
    _tokens_of(text, [(line, _strip_quotes(_plain(" ".join(body.split())), []))])
    return text


# --- Forms and matching --------------------------------------------------------------------------

@dataclass(frozen=True)
class Form:
    entry: str
    kind: str  # "term", "also" or "avoid"
    text: str
    keys: tuple[str, ...]
    reason: str = ""
    use: str = ""  # what to write instead (a variant to avoid)


@dataclass
class Match:
    form: Form
    start: int  # token index
    end: int  # token index after the last word
    first_line: int
    last_line: int


def glossary_forms(glossary: dict[str, GlossaryEntry], keys: Keys) -> dict[str, list[Form]]:
    """Per language, every form of every entry with its keys."""
    out: dict[str, list[Form]] = {lang: [] for lang in LANGS}
    for entry in glossary.values():
        for lang in LANGS:
            term = entry.term(lang)
            candidates = [("term", term.term, "", "")] + [("also", a, "", "") for a in term.also] + \
                [("avoid", v.term, v.reason, v.use or term.term) for v in term.avoid]
            for kind, form, reason, use in candidates:
                k = keys.of(form, lang)
                if k:
                    out[lang].append(Form(entry.id, kind, form, k, reason, use))
    return out


def find(tokens: Tokens, keys: list[str], index: dict[str, list[Form]]) -> list[Match]:
    """Every occurrence of a form in the token stream (``keys``: the tokens' keys)."""
    found = []
    for i in compress(range(len(keys)), keys):  # the words that have a key ("" for most)
        for form in index.get(keys[i], ()):
            n = len(form.keys)
            if i + n > len(keys) or keys[i:i + n] != list(form.keys):
                continue
            if not all(tokens.joined[i + 1:i + n]):
                continue
            found.append(Match(form, i, i + n, tokens.lines[i], tokens.lines[i + n - 1]))
    return found


def _accepted_cover(variant: Match, accepted: list[Match]) -> bool:
    """A variant inside a longer accepted form, or overlapping its own entry's accepted form,
    is part of that form, not a use of the variant."""
    for m in accepted:
        if m.start <= variant.start and variant.end <= m.end and (m.end - m.start) > (variant.end - variant.start):
            return True
        if m.form.entry == variant.form.entry and m.start < variant.end and variant.start < m.end:
            return True
    return False


# --- The check ---------------------------------------------------------------------------------

@dataclass
class Usage:
    """What the check counted, for the report: per entry and language."""

    preferred: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    # (entry, lang) -> [(variant, path, line, silenced)]
    variants: dict[tuple[str, str], list[tuple[str, str, int, bool]]] = \
        field(default_factory=lambda: defaultdict(list))


class _Matcher:
    """The glossary's forms indexed for matching, with the words worth stemming; the same object
    while the glossary and the Turkmen vocabulary are unchanged (a serve rebuild)."""

    def __init__(self, glossary: dict[str, GlossaryEntry], keys: Keys) -> None:
        self.keys = keys
        self.forms = glossary_forms(glossary, keys)
        self.index: dict[str, dict[str, list[Form]]] = {}
        for lang, lang_forms in self.forms.items():
            self.index[lang] = defaultdict(list)
            for form in lang_forms:
                self.index[lang][form.keys[0]].append(form)
        self.maybe = {lang: _prefilter(lang_forms, lang) for lang, lang_forms in self.forms.items()}
        # Per language: word -> its key, or "" when no form can start with it. Filled once per
        # distinct word, then a page's keys are looked up in C (map), not by a Python call per
        # word: that call, a hundred thousand times per build, was most of the check's time.
        self.token_keys: dict[str, dict[str, str]] = {lang: {} for lang in self.forms}

    @classmethod
    def of(cls, cur: Curriculum, keys: Keys, memo: dict | None = None) -> _Matcher:
        """The matcher for ``cur``'s glossary and ``keys``; the last one in ``memo`` is reused."""
        if memo is None:
            return cls(cur.glossary, keys)
        glossary = repr(list(cur.glossary.values()))
        last = memo.get("matcher")
        if last is not None and last[0] == glossary and last[1].keys is keys:
            return last[1]
        matcher = cls(cur.glossary, keys)
        memo["matcher"] = (glossary, matcher)
        return matcher

    def find(self, text: Text) -> list[Match]:
        lang, words = text.lang, text.tokens.words
        known = self.token_keys[lang]
        new = set(words).difference(known)
        if new:
            could, keys = self.maybe[lang], self.keys
            known.update((w, keys(w, lang) if could(w) else "") for w in new)
        return find(text.tokens, list(map(known.__getitem__, words)), self.index[lang])


def glossary_link(site_url: str, lang: str, entry_id: str) -> str:
    base = site_url.rstrip("/") if site_url else ""
    return f"{base}/{LANG_PREFIX[lang]}glossary/#{entry_id}"


def check_texts(cur: Curriculum, texts: list[Text], site_url: str = "",
                glossary_path: str = GLOSSARY_FILE, memo: dict | None = None) -> tuple[list[Finding], Usage]:
    """Findings and usage over ``texts`` (their vocabulary attests the Turkmen stems). ``memo``:
    where the keys and the matcher are kept for the next check (a serve's source cache)."""
    vocabulary = [w for text in texts if text.lang == "tk" for w in text.tokens.words]
    vocabulary += [w for e in cur.glossary.values() for w in words(" ".join(
        [e.tk.term, *e.tk.also, *(v.term for v in e.tk.avoid)]))]
    keys = Keys.of_words(vocabulary, memo)
    matcher = _Matcher.of(cur, keys, memo)
    findings = _conflicts(cur, matcher.forms, glossary_path)
    usage = Usage()
    for text in texts:
        for marker in text.markers.values():
            marker.used = False
        if text.matched is not None and text.matched[0] is matcher:
            matches = text.matched[1]
        else:
            matches = matcher.find(text)
            text.matched = (matcher, matches)
        accepted = [m for m in matches if m.form.kind != "avoid"]
        for m in accepted:
            if m.form.kind == "term" and not text.fixed_line:
                usage.preferred[(m.form.entry, text.lang)].add(text.label)
        for m in matches:
            if m.form.kind != "avoid" or _accepted_cover(m, accepted):
                continue
            entry = cur.glossary[m.form.entry]
            line = text.fixed_line or m.first_line
            marker = next((text.markers[n] for n in range(m.first_line, m.last_line + 1)
                           if n in text.markers), None)
            if not text.fixed_line:
                usage.variants[(entry.id, text.lang)].append(
                    (m.form.text, text.path, line, marker is not None))
            if marker is not None:
                marker.used = True
                continue
            code = "TERM-AVOID" if entry.status == "agreed" else "TERM-AVOID-PROPOSED"
            findings.append(finding(text.path, line, code, variant=m.form.text,
                                    term=m.form.use, reason=m.form.reason,
                                    link=glossary_link(site_url, text.lang, entry.id)))
        for marker in text.markers.values():
            if not marker.reason:
                findings.append(finding(text.path, marker.at, "TERM-OK-REASON"))
            if not marker.used:
                findings.append(finding(text.path, marker.at, "TERM-OK-UNUSED"))
    return findings, usage


#: How many first letters a word shares with its key: a key is the word without endings, so its
#: start is the word's start (Turkmen: folded, and a final consonant may be devoiced, so two).
PREFIX = {"tk": 2, "ru": 3, "en": 3}


def _prefilter(forms: list[Form], lang: str):
    """A cheap test of whether a word could have the key of some form's word: only those words
    are stemmed (stemming every word of every page took most of the check's time)."""
    size = PREFIX[lang]
    heads = {k[:size] for form in forms for k in form.keys if len(k) >= size}
    short = tuple({k for form in forms for k in form.keys if len(k) < size})

    def could(word: str) -> bool:  # asked once per distinct word (_Matcher.token_keys)
        norm = normal(word, lang)
        return norm[:size] in heads or (bool(short) and norm.startswith(short))
    return could


def _conflicts(cur: Curriculum, forms: dict[str, list[Form]], glossary_path: str) -> list[Finding]:
    out = []
    for lang, lang_forms in forms.items():
        accepted: dict[tuple[str, ...], Form] = {}
        for form in lang_forms:
            if form.kind != "avoid":
                accepted.setdefault(form.keys, form)
        for form in lang_forms:
            other = accepted.get(form.keys)
            if form.kind == "avoid" and other is not None and other.entry != form.entry:
                line = cur.where.get(("glossary", form.entry), (glossary_path, 0))[1]
                out.append(finding(glossary_path, line, "TERM-CONFLICT", variant=form.text,
                                   lang=lang, id=form.entry, other=other.entry,
                                   form=other.text))
    return out


def source_texts(docs: Path, scans: dict[str, Scanned], courses: dict[str, tuple[Path, Scanned]],
                 cur: Curriculum, glossary_path: str = GLOSSARY_FILE,
                 kept: dict | None = None) -> list[Text]:
    """The texts the check reads: hand-written pages (``scans``: relative to docs/), course
    files (by the page they end up in), the glossary's definitions and the competency and
    programme texts of the YAML files (``Curriculum.prose``)."""
    texts = []
    for rel, scanned in sorted(scans.items()):
        lang = split_lang(rel)[1] or SOURCE_LANG
        texts.append(_markdown_text(relpath(docs / rel), lang, rel, scanned, kept))
    for rel, (path, scanned) in sorted(courses.items()):
        texts.append(_markdown_text(relpath(path), path.stem, rel, scanned, kept))
    for entry in cur.glossary.values():
        line = cur.where.get(("glossary", entry.id), (glossary_path, 0))[1]
        for lang in LANGS:
            texts.append(plain_text(glossary_path, lang, "", entry.term(lang).definition, line))
    for path, line, lang, body in cur.prose:  # competency and programme texts
        texts.append(plain_text(path, lang, "", body, line))
    return texts


def _markdown_text(path: str, lang: str, label: str, scanned: Scanned, kept: dict | None) -> Text:
    """:func:`markdown_text`, reused from ``kept`` while the file's scan is the same object (the
    source cache of a serve keeps the scan of an unchanged file, and ``kept`` with it; a one-off
    build lets both go after the check: their words are a large part of its memory)."""
    hit = kept.get((path, lang, label)) if kept is not None else None
    if hit is not None and hit[0] is scanned:
        return hit[1]
    text = markdown_text(path, lang, label, scanned)
    if kept is not None:
        kept[(path, lang, label)] = (scanned, text)
    return text


def check_terms(project: Project, cur: Curriculum, docset: DocSet, courses: dict[str, tuple[Path, Scanned]],
                pages: dict[str, str], kept: dict | None = None) -> list[Finding]:
    """The termbase check over the pipeline's scans (nothing is read again). Also appends the
    terminology report to the translation status pages in ``pages``. ``kept``: where the texts
    read, the keys and the matcher are kept for the next check (a serve's source cache; texts
    under their (path, language, label), the others under "keys" and "matcher")."""
    if "glossary" in cur.broken or not cur.glossary:
        return []
    glossary_path = relpath(project.curriculum / "glossary.yml")
    hand_written = {rel: docset.scans[rel] for rel in docset.hand_written}
    texts = source_texts(project.docs, hand_written, courses, cur, glossary_path, kept)
    findings, usage = check_texts(cur, texts, project.config.site_url, glossary_path, kept)
    report = translation_status.TermReport(
        preferred={k: sorted(v) for k, v in usage.preferred.items()},
        variants={k: sorted(v) for k, v in usage.variants.items()})
    for lang in LANGS:
        rel = f"{translation_status.STATUS_PAGE}.{lang}.md"
        if rel in pages:
            pages[rel] += translation_status.terminology_section(cur, report, lang)
    return findings

