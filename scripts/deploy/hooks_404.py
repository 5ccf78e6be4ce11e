"""MkDocs hook (listed in mkdocs.yml): one "page not found" page per language.

static-i18n rebuilds the site once per language into the same folder, so the theme's static
``404.html`` is overwritten by every language and the last one (English) ends up at ``/404.html``.
This hook keeps the default language's page at ``/404.html`` and writes each other language's
page to ``/<lang>/404.html`` (nginx serves it for missing pages under ``/<lang>/``).
"""
from __future__ import annotations

from pathlib import Path

_default_page: dict[str, str] = {}


def _languages(config) -> tuple[str, str]:
    plugin = config.plugins.get("i18n")
    current = getattr(plugin, "current_language", None) or config.theme.get("language", "tk")
    default = getattr(plugin, "default_language", None) or current
    return current, default


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output_content
    current, default = _languages(config)
    if current == default:
        _default_page[config.site_dir] = output_content
        return output_content
    target = Path(config.site_dir) / current / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    # Keep the default language's page at /404.html (this language's copy is written above).
    return _default_page.get(config.site_dir, output_content)
