"""The contributing guide's "checks" page, generated from the message catalogue.

``docs/contributing/checks.<lang>.md`` lists every finding code of ``scripts/locale/messages.yml``
with its message and fix-it hint in that language, so the guide can never fall behind the checks.
Called from ``generate.all_pages``; the files are git-ignored like every generated page.
"""
from __future__ import annotations

import re
from pathlib import Path

from .model import LANGS
from .report import catalogue

SOURCE = "scripts/locale/messages.yml"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")

TEXT = {
    "tk": {
        "title": "Barlaglar näme diýýär we nädip düzetmeli",
        "description": "scripts/run check barlagynyň ähli habarlary: her biriniň manysy we ony nädip düzetmeli.",
        "intro": (
            "`scripts/run check` buýrugy okuw maksatnamasyny we sahypalary barlaýar we tapan her "
            "meselesini bir setirde görkezýär:\n\n"
            "```text\nfaýl:setir: KOD habar — maslahat\n```\n\n"
            "Faýly açyň, görkezilen setire geçiň we maslahata eýeriň. **Ýalňyşlyk** bar wagty saýt "
            "gurulmaýar; **duýduryş** saýty saklamaýar, ýöne ony hem düzetmek gowy. Habarlaryň "
            "dilini `scripts/run --lang tk check` (ýa-da `ru`, `en`) bilen ýa-da `SOSIAL_IS_LANG` "
            "üýtgeýjisi bilen saýlaň. Pull request açanyňyzda GitHub şol habarlary üýtgedilen "
            "setiriň ýanynda görkezýär.\n\n"
            "Bu sanaw `scripts/locale/messages.yml` faýlyndan awtomatik döredilýär. ‹…› "
            "belgileriniň içindäki sözleriň ýerine hakyky habarda anyk bahalar (faýlyň ady, kod, "
            "san) durýar."
        ),
        "back": "Gollanmanyň başy: [Goşant goşmak](index.md).",
        "message": "Habar", "hint": "Nädip düzetmeli", "severity": "Derejesi",
        "error": "ýalňyşlyk — düzedilýänçä saýt gurulmaýar",
        "warning": "duýduryş — saýt gurulýar, ýöne düzetmek maslahat berilýär",
    },
    "ru": {
        "title": "Что сообщают проверки и как это исправить",
        "description": "Все сообщения проверки scripts/run check: что каждое из них значит и как исправить проблему.",
        "intro": (
            "Команда `scripts/run check` проверяет учебную программу и страницы и выводит каждую "
            "найденную проблему одной строкой:\n\n"
            "```text\nфайл:строка: КОД сообщение — подсказка\n```\n\n"
            "Откройте файл, перейдите к указанной строке и следуйте подсказке. Пока есть хотя бы "
            "одна **ошибка**, сайт не собирается; **предупреждение** сборку не останавливает, но "
            "его тоже лучше устранить. Язык сообщений выбирается так: `scripts/run --lang ru check` "
            "(или `tk`, `en`) либо переменной `SOSIAL_IS_LANG`. В пул-реквесте GitHub показывает "
            "те же сообщения рядом с изменённой строкой.\n\n"
            "Этот список создаётся автоматически из файла `scripts/locale/messages.yml`. Вместо "
            "слов в ‹…› в настоящем сообщении стоят конкретные значения (имя файла, код, число)."
        ),
        "back": "Начало руководства: [Как внести вклад](index.md).",
        "message": "Сообщение", "hint": "Как исправить", "severity": "Уровень",
        "error": "ошибка — сайт не собирается, пока она не исправлена",
        "warning": "предупреждение — сайт собирается, но исправить стоит",
    },
    "en": {
        "title": "What the checks say and how to fix it",
        "description": "Every message of scripts/run check: what each one means and how to fix the problem it reports.",
        "intro": (
            "`scripts/run check` checks the curriculum and the pages and prints every problem it "
            "finds on one line:\n\n"
            "```text\nfile:line: CODE message — hint\n```\n\n"
            "Open the file, go to that line and follow the hint. While there is any **error** the "
            "site is not built; a **warning** does not stop the build, but is worth fixing too. "
            "Choose the language of the messages with `scripts/run --lang en check` (or `tk`, "
            "`ru`) or the variable `SOSIAL_IS_LANG`. In a pull request GitHub shows the same "
            "messages next to the changed line.\n\n"
            "This list is generated from `scripts/locale/messages.yml`. Words in ‹…› stand for "
            "the actual values (a file name, a code, a number) in a real message."
        ),
        "back": "Start of the guide: [Contributing](index.md).",
        "message": "Message", "hint": "How to fix", "severity": "Severity",
        "error": "error — the site is not built until it is fixed",
        "warning": "warning — the site is built, but please fix it",
    },
}


def _inline(text: str) -> str:
    """Catalogue text as safe inline Markdown, with ``{name}`` shown as ‹name›."""
    return _PLACEHOLDER.sub(r"‹\1›", _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;"))


def checks_page(lang: str, link_guide: bool = True) -> str:
    from .generate import _front  # the shared front matter and "generated" header
    words = TEXT[lang]
    back = f" {words['back']}" if link_guide else ""
    out = [_front(words["title"], words["description"], SOURCE, lang),
           f"# {words['title']}\n\n{words['intro']}{back}\n\n"]
    for code, entry in catalogue().items():
        if code.startswith("_") or not isinstance(entry, dict):
            continue
        loc = entry.get(lang) or entry["en"]
        severity = entry.get("severity", "error")
        out.append(f"## {code} {{#{code.lower()}}}\n\n"
                   f"- **{words['message']}:** {_inline(loc['message'])}\n"
                   f"- **{words['hint']}:** {_inline(loc.get('hint', '—'))}\n"
                   f"- **{words['severity']}:** {words[severity]}\n\n")
    return "".join(out)


def pages(root: Path | None = None) -> dict[str, str]:
    """Generated contributing pages: path relative to docs/ -> content. The link back to the
    guide is left out where the project has no hand-written guide (the tests' fixtures)."""
    guide = root is not None and (root / "docs" / "contributing" / "index.tk.md").exists()
    return {f"contributing/checks.{lang}.md": checks_page(lang, guide) for lang in LANGS}
