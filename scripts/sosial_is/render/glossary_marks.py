"""Glossary definitions on the first use of a term on a page, in the page's language.

Python-Markdown's ``abbr`` extension marks *every* occurrence and only exact word forms; Turkmen
and Russian inflect nouns ("maşgala" → "maşgalalaryna"), so we mark the first occurrence of each
glossary term (or one of its ``also`` forms) whose word may continue with inflection letters,
in the rendered HTML. The mark is ``<abbr title="definition" data-definition="…" tabindex="0">``:
the browser shows the title on hover and screen readers read it; a CSS-only tooltip
(``docs/assets/site.css``) shows ``data-definition`` on keyboard focus and on tap (phones have no
hover). No JavaScript: Material's ``content.tooltips`` mounted a script tooltip for every title
on the page and cost Total Blocking Time on slow phones.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from ..curriculum.model import GlossaryEntry

SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "svg",
        "dfn", "kbd", "button", "label", "select", "option", "summary", "th", "title"}
TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
TAG_NAME = re.compile(r"^<\s*(/)?\s*([a-zA-Z0-9]+)")
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source", "area"}
MIN_LENGTH = 4
# How many letters may follow a term as an inflection, per language.
SUFFIX = {"tk": r"\w{0,8}", "ru": r"\w{0,4}", "en": r"(?:s|es)?"}


Term = tuple[str, str, tuple[str, ...], str]  # id, term, also-forms, definition


def terms_of(entries: tuple[GlossaryEntry, ...], lang: str) -> tuple[Term, ...]:
    """What :func:`mark_first_uses` marks in ``lang`` (made once per build and language by the
    plugin, not once per page)."""
    return tuple((e.id, e.term(lang).term, tuple(e.term(lang).also), e.term(lang).definition)
                 for e in entries)


@lru_cache(maxsize=8)
def _matcher(terms: tuple[Term, ...], lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    forms: dict[str, tuple[str, str]] = {}  # casefolded form -> (id, definition)
    for term_id, term, also, definition in terms:
        for form in (term, *also):
            form = form.strip()
            if len(form) >= MIN_LENGTH and form.casefold() not in forms:
                forms[form.casefold()] = (term_id, definition)
    if not forms:
        return re.compile(r"(?!x)x"), forms
    pattern = re.compile(rf"(?<!\w)(?P<form>{_trie(list(forms))})(?P<suffix>{SUFFIX[lang]})(?!\w)",
                         re.IGNORECASE)
    return pattern, forms


def _trie(words: list[str]) -> str:
    """One regular expression for ``words`` shaped as a trie: the same matches as trying the
    words longest first ("durmuş işi" before "durmuş"), without trying 400 alternatives at every
    position of every page (Python's ``re`` does not merge them)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def longest(node: dict) -> int:
        return max((1 + longest(child) for ch, child in node.items() if ch), default=0)

    def build(node: dict) -> str:
        branches = sorted((ch for ch in node if ch), key=lambda ch: (-longest(node[ch]), ch))
        parts = [re.escape(ch) + build(node[ch]) for ch in branches]
        if "" in node:
            parts.append("")  # ending here is tried after every longer word
        if len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"

    return build(tree)


def mark_first_uses(content: str, terms: tuple[Term, ...], lang: str) -> str:
    """Wrap the first use of each glossary term in ``content`` (HTML) with its definition
    (``terms``: :func:`terms_of` the glossary's entries)."""
    pattern, forms = _matcher(terms, lang)
    done: set[str] = set()
    skip_depth = 0
    out: list[str] = []
    for part in TAG.split(content):
        if not part:
            continue
        if part.startswith("<"):
            match = TAG_NAME.match(part)
            if match and not part.startswith("<!--"):
                closing, name = match.group(1), match.group(2).lower()
                if closing:
                    if name in SKIP and skip_depth:
                        skip_depth -= 1
                elif name not in VOID and not part.endswith("/>") and name in SKIP:
                    skip_depth += 1
            out.append(part)
            continue
        if skip_depth or len(part) < MIN_LENGTH or part.isspace():
            out.append(part)
            continue
        out.append(_mark_text(part, pattern, forms, done, lang))
    return "".join(out)


def _mark_text(text: str, pattern: re.Pattern[str], forms: dict[str, tuple[str, str]],
               done: set[str], lang: str) -> str:
    def replace(match: re.Match[str]) -> str:
        term_id, definition = forms[match.group("form").casefold()]
        if term_id in done:
            return match.group(0)
        done.add(term_id)
        title = html.escape(definition, quote=True)
        return (f'<abbr class="si-term" title="{title}" data-definition="{title}" tabindex="0" '
                f'data-term="{term_id}">{match.group(0)}</abbr>')
    return pattern.sub(replace, text)
