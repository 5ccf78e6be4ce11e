"""Synthetic projects N times the size of the real one, for the benchmarks.

``make_project(dest, factor)`` copies the real project's sources and adds ``factor - 1`` more
copies: each copy of the curriculum gets new course codes (``SW-101`` -> ``SWAB-101``) in new
programmes, and each copy of the hand-written pages lives under ``docs/k<N>/`` with its links
rewritten so that they still resolve. Every check that passes on the real project passes on the
copy. The copies are in no navigation (``not_in_nav: /k*/``), as course pages are not either.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..core.languages import LANGS, split_lang, with_lang
from ..core.manifest import read as read_manifest
from ..markdown.scanner import INLINE_LINK
from ..project.translations import recorded, set_recorded, source_hash

CODE = re.compile(r"\b(SW|CCP)-(\d{3})\b")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _letters(k: int) -> str:
    return chr(ord("A") + k // 26) + chr(ord("A") + k % 26)


def hand_written(root: Path) -> list[str]:
    """The real project's hand-written pages (relative to docs/)."""
    docs = root / "docs"
    generated = set(read_manifest(docs))
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                  if p.relative_to(docs).as_posix() not in generated
                  and not any(part.startswith(".") for part in p.relative_to(docs).parts))


def make_project(dest: Path, factor: int, source: Path) -> Path:
    """The project at ``source`` ``factor`` times over, all checks passing."""
    shutil.copytree(source / "curriculum", dest / "curriculum")
    docs = dest / "docs"
    pages = hand_written(source)
    for rel in pages:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "docs" / rel, docs / rel)
    shutil.copytree(source / "docs" / "assets", docs / "assets")
    if (source / "docs" / ".translations-pending.yml").exists():
        shutil.copy2(source / "docs" / ".translations-pending.yml", docs / ".translations-pending.yml")
    (dest / "overrides").symlink_to((source / "overrides").resolve())
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    if "\nnot_in_nav: |\n" in config:
        config = config.replace("\nnot_in_nav: |\n", "\nnot_in_nav: |\n  /k*/\n", 1)
    else:
        config = config.replace("\nnav:\n", "\nnot_in_nav: |\n  /k*/\nnav:\n", 1)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    hand = set(pages)
    courses = sorted(p for p in (source / "curriculum" / "courses").iterdir() if p.is_dir())
    for k in range(1, factor):
        sfx = _letters(k)

        def swap(text: str, sfx: str = sfx) -> str:
            return CODE.sub(lambda m: f"{m.group(1)[:2]}{sfx}-{m.group(2)}", text)

        for src in courses:
            out = dest / "curriculum" / "courses" / swap(src.name)
            out.mkdir()
            texts = {f.name: swap(f.read_text(encoding="utf-8")) for f in src.iterdir()}
            for name, text in texts.items():
                if name in ("ru.md", "en.md") and "tk.md" in texts and recorded(text)[0]:
                    text = set_recorded(text, source_hash(texts["tk.md"]))
                (out / name).write_text(text, encoding="utf-8")
        for prog in (source / "curriculum" / "programmes").glob("*.yml"):
            text = swap(prog.read_text(encoding="utf-8"))
            text = re.sub(r"^id: (\S+)", rf"id: \1-k{k}", text, count=1, flags=re.M)
            (dest / "curriculum" / "programmes" / f"{prog.stem}-k{k}.yml").write_text(text, encoding="utf-8")
        copies = {}
        for rel in pages:
            out = docs / f"k{k}" / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            copies[rel] = rewrite_links(rel, f"k{k}/{rel}",
                                        (source / "docs" / rel).read_text(encoding="utf-8"), hand)
        for rel, text in copies.items():  # translations record the hash of their copied source
            source_rel = rel.replace(".ru.md", ".tk.md").replace(".en.md", ".tk.md")
            if source_rel != rel and source_rel in copies and recorded(text)[0]:
                text = set_recorded(text, source_hash(copies[source_rel]))
            (docs / f"k{k}" / rel).write_text(text, encoding="utf-8")
    return dest


def rewrite_links(rel: str, copy_rel: str, text: str, hand: set[str]) -> str:
    """Links of page ``rel`` copied to ``copy_rel``: a target that is copied too (a hand-written
    page) stays relative; any other (generated pages, assets) points at the original."""
    def fix(m: re.Match) -> str:
        url = m.group(3)
        if not url or SCHEME.match(url) or url.startswith(("#", "/")):
            return m.group(0)
        path, _, anchor = url.partition("#")
        target = os.path.normpath(os.path.join(os.path.dirname(rel), path))
        base = split_lang(target)[0]
        if any(with_lang(base, lg) in hand for lg in LANGS) or target in hand:
            return m.group(0)
        new = os.path.relpath(target, os.path.dirname(copy_rel) or ".")
        if path.endswith("/"):
            new += "/"
        return m.group(0).replace(f"({url}", f"({new}{'#' + anchor if anchor else ''}", 1)
    return INLINE_LINK.sub(fix, text)
