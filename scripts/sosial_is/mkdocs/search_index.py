"""One search index per language, post-processed from the mixed index MkDocs writes.

static-i18n builds the site once per language and, at the end, makes Material's search plugin
write one index with every language (``search/search_index.json``), so a reader on /ru/ gets
Turkmen and English hits. We split that index by location prefix into
``search/search_index.<lang>.json`` (Material's own format, read by Material's own worker), and
keep the mixed one, processed the same way, for the explicit "search all languages" choice.

Processing per index:
- ``config``: the language's lunr pipeline (Turkmen: our ``lunr.tk``; Russian: lunr-languages'
  Snowball stemmer; English: Porter) and a ``keys`` field with a high boost;
- ``keys``: exact identifiers: the compact course code (``SW-204`` → ``sw204``) on course pages,
  competency ids (``C1``) on their sections, the term on glossary entries;
- boilerplate: a paragraph or list item repeated in three or more entries (the "model
  curriculum" notice on every course page, the same reading in many course reading lists, the
  "Level: error" line under every check) is kept only where it first occurs: it would otherwise
  match every course and weigh on the index; then the HTML markup is dropped;
- page tops: the empty page entry and its h1 section become one entry;
- JSON written as UTF-8 (Material escapes every Cyrillic and Turkmen letter as \\uXXXX).
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..core.languages import language_of_location
from ..text import turkmen

SEPARATOR = r"[\s\-,:;!?()\[\]\"«»“”„/·|]+|\.(?!\d)"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
FIELDS = {"title": {"boost": 1e3}, "text": {"boost": 1.0}, "tags": {"boost": 1e6},
          "keys": {"boost": 1e4}}
# lunr languages per index language. lunr-languages' Russian trimmer keeps only Cyrillic letters,
# so alone it would drop every Latin token (course codes, English terms) from Russian pages.
LUNR_LANGS = {"ru": ["ru", "en"]}
BOILERPLATE_MIN_CHARS = 60
BOILERPLATE_MIN_COPIES = 3

_BLOCK = re.compile(r"<(p|li)>.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ID_TITLE = re.compile(r"^\s*([A-Za-z]{1,4})-?(\d{1,4})\b")


@dataclass(frozen=True)
class Sizes:
    """Bytes of one index file: as stored and gzip-compressed (what a server sends)."""
    raw: int
    gzip: int


def compact_code(code: str) -> str:
    """``SW-204`` → ``sw204``: one token, however the reader types the code."""
    return re.sub(r"[^0-9a-z]", "", code.lower())


def add_keys(entry: dict, courses: dict[str, str], glossary_paths: tuple[str, ...]) -> dict:
    """Exact-match keys for course codes, competency ids and glossary terms."""
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


def _blocks(text: str) -> set[str]:
    return {m.group(0) for m in _BLOCK.finditer(text)}


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
        text = re.sub(r"\s+", " ", _TAG.sub(" ", text)).strip()
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


def build_index(entries: list[dict], langs: list[str], courses: dict[str, str],
                glossary_paths: tuple[str, ...]) -> dict:
    """An index in Material's format for ``entries`` searched with the ``langs`` pipeline."""
    docs = [add_keys(e, courses, glossary_paths)
            for e in drop_boilerplate(merge_page_heads(entries))]
    return {"config": {"lang": langs, "separator": SEPARATOR, "pipeline": PIPELINE,
                       "fields": FIELDS},
            "docs": docs}


def dumps(index: dict) -> bytes:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sizes(data: bytes) -> Sizes:
    return Sizes(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))


def split_site_index(site_dir: Path, prefixes: dict[str, str], default: str,
                     courses: dict[str, str], glossary_paths: tuple[str, ...] = ("glossary/",),
                     entries: list[dict] | None = None) -> dict[str, int]:
    """Write ``search_index.<lang>.json`` per language and rewrite the mixed one.

    ``entries``: the mixed index's documents as Material holds them in memory (the plugin passes
    them: parsing back the file Material just wrote costs a second and 100 MB at 10 times
    today's size); read from the file when not given.
    Returns the bytes per language and, under ``"mixed-before"``/``"all"``, of the mixed index
    as Material wrote it and as we rewrite it (:func:`sizes` adds the gzip sizes, for the
    benchmarks: compressing them here would cost every build a second)."""
    path = site_dir / "search" / "search_index.json"
    result = {"mixed-before": path.stat().st_size}
    if entries is None:
        entries = json.loads(path.read_bytes())["docs"]
    per_lang: dict[str, list[dict]] = {lang: [] for lang in prefixes}
    for entry in entries:
        per_lang.setdefault(language_of_location(entry["location"], prefixes, default), []).append(entry)
    for lang, mine in per_lang.items():
        data = dumps(build_index(mine, LUNR_LANGS.get(lang, [lang]), courses, glossary_paths))
        (site_dir / "search" / f"search_index.{lang}.json").write_bytes(data)
        result[lang] = len(data)
        del data
    data = dumps(build_index(entries, list(prefixes), courses, glossary_paths))
    path.write_bytes(data)
    result["all"] = len(data)
    return result


def lunr_tk_source() -> str:
    """lunr's Turkmen language (``lunr_tk.js``) with the rules of ``text/turkmen.py`` built in."""
    source = (Path(__file__).with_name("lunr_tk.js")).read_text(encoding="utf-8")
    return source.replace("/*RULES*/null", turkmen.rules_json(), 1)
