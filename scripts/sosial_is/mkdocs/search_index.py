"""One search index per language, post-processed from the mixed index MkDocs writes.

static-i18n builds the site once per language and, at the end, makes Material's search plugin
write one index with every language (``search/search_index.json``), so a reader on /ru/ gets
Turkmen and English hits. We split that index by location prefix into
``search/search_index.<lang>.json`` (Material's own format, read by Material's own worker), and
keep the mixed one, processed the same way, for the explicit "search all languages" choice.

Processing per index:
- ``config``: the language's lunr pipeline (Turkmen: our ``lunr.tk``; Russian: lunr-languages'
  Snowball stemmer; English: Porter), a ``keys`` field with a high boost, and a title weight
  that lets a page's topic, not one shared word, decide (see ``FIELDS``);
- ``keys``: exact identifiers: the compact course code (``SW-204`` → ``sw204``) on course pages,
  competency ids (``C1``) on their sections;
- boilerplate: a paragraph or list item repeated in three or more entries (the "model
  curriculum" notice on every course page, the same reading in many course reading lists, the
  "Level: error" line under every check) is kept only where it first occurs: it would otherwise
  match every course and weigh on the index; then the HTML markup is dropped;
- page tops: the empty page entry and its h1 section become one entry; it carries its page's
  headings; a section's own page weighs a little more than its sub-pages; front matter
  ``tags`` stay on the page-top entry only; the top entry of a page of entries (glossary …)
  is marked ``entries`` (the search worker gives every other page-top entry its sections' words);
- front matter: a page's ``description``, ``keywords`` and ``questions`` on its page-top entry,
  each a field;
- ``config.synonyms``: the language's entries of ``curriculum/search-synonyms.yml`` (words
  readers search by that no page uses, and the site's words for them), for the search worker;
  :func:`synonym_findings` checks them against the language's index;
- JSON written as UTF-8 (Material escapes every Cyrillic and Turkmen letter as \\uXXXX).
"""
from __future__ import annotations

import bisect
import functools
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..core.findings import Finding, finding
from ..core.languages import language_of_location
from ..pages import ENTRY_PAGES as ENTRY_PAGE_SOURCES
from ..text import turkmen, words

# Where index and query text split into words (Material splits with the whole expression):
# spaces, hyphens and punctuation; a full stop, except in a number ("3.5"); and the English
# possessive "'s", so "child's" is "child" (it was a word "child'" of its own, which a query for
# "child" met only as a prefix; seen sets and tuning2 to tuning5, sum of the 27 MRRs, 25.620 ->
# 25.621: "next year's curriculum" up, one near tie one place down).
SEPARATOR = r"[\s\-,:;!?()\[\]\"«»“”„/·|]+|\.(?!\d)|['’]s\b"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
# A page's front matter ``keywords``: the words readers search it by that it may not use itself
# (everyday names, synonyms): weighted like the title, on the page-top entry.
KEYWORD_BOOST = 5.0
# Field weights. Material's default title boost (1000) lets one title word outweigh any number
# of other query words in the text, so a heading that shares one word with a question beat the
# page that answers it. With lunr's BM25 (k1 1.2, b 0 in Material) a word's weight in a text
# saturates at 2.2 times one mention: a title weight of 5 still puts a page whose title has the
# word above pages that only mention it many times, and lets the other words of the query count.
# Set on the developer and tuning query sets (bench/queries/; 4 to 6 score alike, 10 and more
# worse); keys (codes) and tags (keywords) stay far above everything.
# A page's front matter ``description``: one sentence on what the page is about, written by its
# author for readers ("what social workers do and do not do, who they work with…"). Searched on
# the page-top entry, it lets a page match a question on its topic that its title does not word
# the same way, against long pages that mention the question's words more often. Weighted like
# the text: on the seen query sets (MEASUREMENTS → Search) the sum of the 12 MRRs went from
# 10.682 to 10.858 at 1, to 10.868 at 1.5, 10.805 at 2, 10.726 at 5 and 10.790 at 0.5.
DESCRIPTION_BOOST = 1.0
# A page's front matter ``questions``: what readers type into the search box when the page is
# the answer, in their own words ("can I copy your texts into my lecture handouts": the about
# page). Lexical matching with field weights ranks pages by the words they share with a
# question; a question worded as readers word it names the page that answers it, where long
# pages that mention the same common words more often came first. Written by helpers from the
# built pages, without the query sets (SEARCH.md). On the five seen query sets the sum of the
# 15 MRRs went from 13.619 to 13.869 at 1, 13.954 at 1.5, 13.929 at 2 and 13.881 at 3.
QUESTIONS_FIELD = "questions"  # docs/assets/search-worker.js: QUESTIONS
QUESTION_BOOST = 1.5
FIELDS = {"title": {"boost": 5.0}, "headings": {"boost": 1.0}, "text": {"boost": 1.0},
          "description": {"boost": DESCRIPTION_BOOST}, "keywords": {"boost": KEYWORD_BOOST},
          QUESTIONS_FIELD: {"boost": QUESTION_BOOST}, "tags": {"boost": 1e6}, "keys": {"boost": 1e4}}
# The weight of a section's own page (see page_tops): 1.25 to 2 score alike on the tuning set.
SECTION_PAGE_BOOST = 1.5
# lunr languages per index language. lunr-languages' Russian trimmer keeps only Cyrillic letters,
# so alone it would drop every Latin token (course codes, English terms) from Russian pages.
LUNR_LANGS = {"ru": ["ru", "en"]}
# Pages of entries (pages.ENTRY_PAGES: glossary, bibliography, translation status, checks), as
# site paths: their sections are independent entries, not one topic. Their page-top entry is
# marked ``entries``, and the search worker does not give it its sections' words
# (search-worker.js, addPageBodies), else the page would match nearly every query through one
# entry or another.
ENTRY_PAGES = frozenset(re.sub(r"(^|/)index$", r"\1", p).rstrip("/") + "/" for p in ENTRY_PAGE_SOURCES)
BOILERPLATE_MIN_CHARS = 60
BOILERPLATE_MIN_COPIES = 3

_BLOCK = re.compile(r"<(p|li)>.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")
_ID_TITLE = re.compile(r"^\s*([A-Za-z]{1,4})-?(\d{1,4})\b")


@dataclass(frozen=True)
class Synonym:
    """One entry of search-synonyms.yml in one language, with where it is written."""
    reader: tuple[str, ...]
    site: str
    path: str
    line: int


@dataclass(frozen=True)
class Sizes:
    """Bytes of one index file: as stored and gzip-compressed (what a server sends)."""
    raw: int
    gzip: int


def compact_code(code: str) -> str:
    """``SW-204`` → ``sw204``: one token, however the reader types the code."""
    return re.sub(r"[^0-9a-z]", "", code.lower())


def add_keys(entry: dict, courses: dict[str, str]) -> dict:
    """Exact-match keys for course codes and competency ids."""
    keys: list[str] = []
    page, _, anchor = entry["location"].partition("#")
    if page in courses and not anchor:
        keys.append(compact_code(courses[page]))
    match = _ID_TITLE.match(entry.get("title", ""))
    if match and anchor:
        keys.append(compact_code(match.group(1) + match.group(2)))
    if keys:
        entry = {**entry, "keys": " ".join(dict.fromkeys(keys))}
    return entry


# Both kept per text across the builds of a serve (and across languages' identical passages).
@functools.lru_cache(maxsize=65536)
def _blocks(text: str) -> frozenset[str]:
    return frozenset(m.group(0) for m in _BLOCK.finditer(text))


@functools.lru_cache(maxsize=65536)
def _plain_text(text: str) -> str:
    return re.sub(r"\s+", " ", _TAG.sub(" ", text)).strip()


def drop_boilerplate(entries: list[dict]) -> list[dict]:
    """Keep a paragraph or list item repeated in many entries only in the first entry that has
    it, then drop the markup (Material shows the text as a plain teaser either way)."""
    counts = Counter(block for e in entries for block in _blocks(e.get("text", ""))
                     if len(block) >= BOILERPLATE_MIN_CHARS)
    repeated = {block for block, n in counts.items() if n >= BOILERPLATE_MIN_COPIES}
    seen: set[str] = set()
    out = []
    for entry in entries:
        text = entry.get("text", "")
        for block in _blocks(text) & repeated:
            if block in seen:
                text = text.replace(block, "")
            seen.add(block)
        text = _plain_text(text)
        out.append({**entry, "text": text} if text != entry.get("text", "") else entry)
    return out


def merge_page_heads(entries: list[dict]) -> list[dict]:
    """Fold the first heading's section into the page entry before it when that one is empty.

    Material indexes the (usually empty) text before the first heading as the page entry and
    the h1 section as a second entry with the same title and a long anchor; one entry per page
    top is enough: the page entry takes the section's text."""
    out: list[dict] = []
    for entry in entries:
        prev = out[-1] if out else None
        page, _, anchor = entry["location"].partition("#")
        if (prev is not None and anchor and prev["location"] == page
                and not prev.get("text") and not prev.get("merged")):
            out[-1] = {**prev, "text": entry.get("text", ""), "merged": True}
            continue
        out.append(entry)
    return [{k: v for k, v in e.items() if k != "merged"} for e in out]


def page_tops(entries: list[dict], roots: frozenset[str]) -> list[dict]:
    """Page-level weights on the page-top entries.

    - a section's own page (a page whose folder holds other pages: ``ethics/`` above
      ``ethics/dilemmas/``; not a language's home page, which links to everything) gets
      ``boost`` SECTION_PAGE_BOOST (Material passes it to lunr as the entry's weight): it ranks
      above its sub-pages and the pages that link to it when they match the query as well;
    - ``headings``: the headings of the page's sections, its outline. Weighted like text, it lets
      the page top count as matching a query word its page is organised around ("principles"
      for the ethics page, whose sections are the nine principles): Material ranks an entry
      higher the more of the query's words it matches;
    - ``tags`` (front matter ``tags:``, which Material copies to every section of the page) are
      kept on the page-top entry only: they are the page's keywords, not each section's;
    - ``entries``: on the pages of ENTRY_PAGES (in any language)."""
    pages = sorted({e["location"] for e in entries if "#" not in e["location"]})
    # A page holds others when the next location in sorted order starts with it (every location
    # with that prefix sorts right after it): linear, where comparing all pairs was quadratic.
    sections = {p for p, q in zip(pages, pages[1:], strict=False) if p not in roots and q.startswith(p)}
    heads: dict[str, list[str]] = {}
    for entry in entries:
        page, _, anchor = entry["location"].partition("#")
        if anchor and entry.get("title"):
            heads.setdefault(page, []).append(entry["title"])
    out = []
    for entry in entries:
        location = entry["location"]
        if "#" in location:
            out.append({k: v for k, v in entry.items() if k != "tags"} if "tags" in entry else entry)
            continue
        extra: dict = {}
        if heads.get(location):
            extra["headings"] = " · ".join(dict.fromkeys(heads[location]))
        if location in sections:
            extra["boost"] = SECTION_PAGE_BOOST
        if any(location.startswith(root) and location[len(root):] in ENTRY_PAGES for root in roots):
            extra["entries"] = True
        out.append({**entry, **extra} if extra else entry)
    return out


def build_index(entries: list[dict], langs: list[str], courses: dict[str, str],
                roots: frozenset[str] = frozenset({""}),
                editions: dict[str, str] | None = None,
                search_fields: dict[str, dict[str, str]] | None = None,
                synonyms: tuple[Synonym, ...] = ()) -> dict:
    """An index in Material's format for ``entries`` searched with the ``langs`` pipeline;
    ``roots``: the locations of the languages' home pages; ``editions``: page -> the edition
    of the curriculum it belongs to, when not the current one (its entries carry ``edition``,
    and the search worker shows them only when the query names the edition's years);
    ``search_fields``: page -> its front matter ``description``, ``keywords`` and ``questions``
    (on its page-top entry); ``synonyms``: the language's search synonyms (in ``config``)."""
    entries = drop_boilerplate(merge_page_heads(entries))
    docs = [add_keys(e, courses) for e in page_tops(entries, roots)]
    if search_fields:
        docs = [{**d, **search_fields[d["location"]]} if d["location"] in search_fields else d
                for d in docs]
    if editions:
        docs = [{**d, "edition": editions[d["location"].partition("#")[0]]}
                if d["location"].partition("#")[0] in editions else d for d in docs]
    return {"config": index_config(langs, synonyms), "docs": docs}


def index_config(langs: list[str], synonyms: tuple[Synonym, ...] = ()) -> dict:
    """An index's ``config`` as Material's worker reads it: the lunr languages, our separator,
    pipeline and field weights; and the language's search synonyms, if it has any."""
    config = {"lang": langs, "separator": SEPARATOR, "pipeline": PIPELINE, "fields": FIELDS}
    if synonyms:
        config["synonyms"] = [{"reader": list(s.reader), "site": s.site} for s in synonyms]
    return config


def _index_words(docs: list[dict], lang: str,
                 search_fields: dict[str, dict[str, str]] | None = None) -> frozenset[str]:
    """The words of a language's index entries as a reader types them (``words.normal``),
    markup left out, with the front matter ``search_fields`` of their pages (which
    :func:`build_index` adds) except readers' ``questions``: a reader's word that only a
    question uses is not a word of the site (the search worker treats it so too). Entry by
    entry: joining the texts first took 128 MiB more at ten times today's size, for the same
    time; the text without markup is the one ``drop_boilerplate`` asks for next (cached)."""
    found: set[str] = set()
    fields = search_fields or {}
    for doc in docs:
        values = [doc.get("title"), doc.get("text"),
                  *(v for k, v in fields.get(doc["location"], {}).items() if k != QUESTIONS_FIELD)]
        for value in values:
            if value:
                found.update(_WORD.findall(_plain_text(str(value))))
    return frozenset(words.normal(w, lang) for w in found)


def synonym_findings(synonyms: dict[str, tuple[Synonym, ...]], docs: dict[str, list[dict]],
                     search_fields: dict[str, dict[str, str]] | None = None) -> list[Finding]:
    """Entries of search-synonyms.yml that cannot work, checked against the built index of their
    language (``docs``: language -> its index documents; ``search_fields``: page -> the front
    matter fields build_index adds to it):

    - ``SEARCH-SYNONYM-SITE-MISSING``: a word of ``site`` is on no page of the language (as
      written: the search would look for a word the index does not have);
    - ``SEARCH-SYNONYM-READER-USED``: a ``reader`` word is on a page (itself, or as the start of
      a longer word): the search finds it as it is, and the worker ignores synonyms of words the
      index has, so the entry would never be used."""
    found: list[Finding] = []
    for lang, entries in synonyms.items():
        if not entries or lang not in docs:
            continue
        known = _index_words(docs[lang], lang, search_fields)
        ordered = sorted(known)
        for entry in entries:
            for word in _WORD.findall(entry.site):
                if words.normal(word, lang) not in known:
                    found.append(finding(entry.path, entry.line, "SEARCH-SYNONYM-SITE-MISSING",
                                         word=word, lang=lang))
            for word in entry.reader:
                key = words.normal(word, lang)
                start = bisect.bisect_left(ordered, key)
                if start < len(ordered) and ordered[start].startswith(key):
                    found.append(finding(entry.path, entry.line, "SEARCH-SYNONYM-READER-USED",
                                         word=word, lang=lang, used=ordered[start]))
    return found


def dumps(index: dict) -> bytes:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sizes(data: bytes) -> Sizes:
    return Sizes(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))


def split_site_index(site_dir: Path, prefixes: dict[str, str], default: str,
                     courses: dict[str, str],
                     entries: list[dict] | None = None,
                     editions: dict[str, str] | None = None, keep_caches: bool = False,
                     memo: dict | None = None,
                     search_fields: dict[str, dict[str, str]] | None = None,
                     synonyms: dict[str, tuple[Synonym, ...]] | None = None,
                     problems: list[Finding] | None = None) -> dict[str, int]:
    """Write ``search_index.<lang>.json`` per language and rewrite the mixed one.

    ``entries``: the mixed index's documents as Material holds them in memory (the plugin passes
    them: parsing back the file Material just wrote costs a second and 100 MB at 10 times
    today's size); read from the file when not given.
    The mixed index ("search all languages") holds each language's documents as that language's
    index has them, one language after the other: made once, not processed a second time.
    ``memo`` (a serve's): a language whose entries are the very same objects as in the last
    build, with the same courses, editions and search fields, keeps its index bytes (and its file) from then:
    an edit processes its own language again, not all three.
    ``synonyms``: per language, the entries of search-synonyms.yml; those that cannot work
    (:func:`synonym_findings`) are added to ``problems``, on every build (a serve too).
    Returns the bytes per language and, under ``"all"``, of the mixed index as we rewrite it
    (and under ``"mixed-before"`` of the one Material wrote, when read from the file; the plugin
    has Material write none: ``plugin._no_mixed_index_dump``). :func:`sizes` adds the gzip sizes,
    for the benchmarks: compressing them here would cost every build a second."""
    path = site_dir / "search" / "search_index.json"
    result = {}
    if entries is None:
        data = path.read_bytes()
        result["mixed-before"] = len(data)
        entries = json.loads(data)["docs"]
        del data
    roots = frozenset(prefixes.values())
    per_lang = by_language(entries, prefixes, default)
    synonyms = synonyms or {}
    if problems is not None and synonyms:
        problems += synonym_findings(synonyms, per_lang, search_fields)
    inputs = (courses, roots, editions, search_fields, synonyms)
    docs_json: list[bytes] = []
    for lang, mine in per_lang.items():
        target = site_dir / "search" / f"search_index.{lang}.json"
        last = memo.get(lang) if memo is not None else None
        if last is not None and last[1] == inputs and _same_objects(last[0], mine) and target.is_file():
            data = last[2]
        else:
            data = dumps(build_index(mine, LUNR_LANGS.get(lang, [lang]), courses, roots,
                                     editions, search_fields, synonyms.get(lang, ())))
            target.write_bytes(data)
            if memo is not None:
                memo[lang] = (list(mine), inputs, data)
        result[lang] = len(data)
        docs = data[data.index(b'"docs":[') + 8:-2]  # dumps() ends the object with its "docs"
        if docs:
            docs_json.append(docs)
    data = dumps({"config": index_config(list(prefixes)), "docs": []})[:-2] + b",".join(docs_json) + b"]}"
    path.write_bytes(data)
    result["all"] = len(data)
    if not keep_caches:  # a serve keeps them for its next build; a one-off build lets them go
        _blocks.cache_clear()
        _plain_text.cache_clear()
    return result


def by_language(entries: list[dict], prefixes: dict[str, str], default: str) -> dict[str, list[dict]]:
    """The mixed index's entries split by language (by their location's prefix)."""
    per_lang: dict[str, list[dict]] = {lang: [] for lang in prefixes}
    for entry in entries:
        per_lang.setdefault(language_of_location(entry["location"], prefixes, default), []).append(entry)
    return per_lang


def _same_objects(old: list, new: list) -> bool:
    return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))


def lunr_tk_source() -> str:
    """lunr's Turkmen language (``lunr_tk.js``) with the rules of ``text/turkmen.py`` built in."""
    source = (Path(__file__).with_name("lunr_tk.js")).read_text(encoding="utf-8")
    return source.replace("/*RULES*/null", turkmen.rules_json(), 1)
