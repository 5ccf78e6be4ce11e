"""UI words of the generated pages, per language, from ``scripts/locale/ui.yml``."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

UI_FILE = Path(__file__).parent / "locale" / "ui.yml"


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    with UI_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def t(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` with ``{placeholders}`` filled."""
    text = strings()[key][lang]
    return text.format(**values) if values else text
