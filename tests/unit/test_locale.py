"""The Turkmen UI translation covers every key of Material's English one, and our own UI words
(scripts/sosial_is/locale/ui.yml) exist in all three languages."""
from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from sosial_is.locale import ordinal, strings, t

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r'^\s*"([a-z][a-z0-9.\-]*)":\s*"(.*)",?\s*$', re.M)
TURKMEN_ONLY = set("çäžňöşüý")


def keys(path: Path) -> dict[str, str]:
    return dict(KEY.findall(path.read_text(encoding="utf-8")))


def test_tk_has_every_key_of_materials_english() -> None:
    english = keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    turkmen = keys(ROOT / "overrides/partials/languages/tk.html")
    assert len(english) > 40
    missing = sorted(set(english) - set(turkmen))
    assert not missing, f"add these keys to overrides/partials/languages/tk.html: {missing}"


def test_tk_values_are_translated() -> None:
    turkmen = keys(ROOT / "overrides/partials/languages/tk.html")
    english = keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    technical = {"direction", "search.config.lang", "search.config.pipeline",
                 "search.config.separator", "language"}
    same = [k for k in turkmen if k not in technical and turkmen[k] == english.get(k)
            and len(turkmen[k]) > 3]
    assert not same, f"left in English: {same}"
    assert turkmen["language"] == "tk"
    assert any(TURKMEN_ONLY & set(v) for v in turkmen.values()), "no Turkmen letters at all?"


def test_checker_catches_a_missing_key(tmp_path) -> None:
    """The key comparison itself works: drop one key and it is noticed."""
    text = (ROOT / "overrides/partials/languages/tk.html").read_text(encoding="utf-8")
    broken = tmp_path / "tk.html"
    broken.write_text(re.sub(r'^\s*"toc":.*\n', "", text, flags=re.M), encoding="utf-8")
    assert "toc" in keys(ROOT / "overrides/partials/languages/tk.html")
    assert "toc" not in keys(broken)


@pytest.mark.parametrize("key", sorted(strings()))
def test_ui_string_in_every_language(key: str) -> None:
    entry = strings()[key]
    assert set(entry) == {"tk", "ru", "en"}, key
    # {n_ord} is {n} written as an ordinal (locale.ordinal): the same value
    placeholders = {lang: {p.removesuffix("_ord") for p in re.findall(r"\{(\w+)\}", text)}
                    for lang, text in entry.items()}
    assert placeholders["tk"] == placeholders["ru"] == placeholders["en"], placeholders


TRANSLATED = re.compile(r"[çäžňöşüýÇÄŽŇÖŞÜÝ]|[\u0400-\u04ff]")
#: Letters as data, not prose: the Turkmen folding table and alphabetical orders.
LETTERS_AS_DATA = {"text/turkmen.py", "pages/common.py"}
PROPER_NAME = "Sosial iş"  # the portal's name is the same in every language


def test_no_translated_prose_outside_the_catalogues() -> None:
    """Words a reader or contributor sees, in Turkmen or Russian, live in locale/*.yml only (where
    their completeness is tested), not in Python string literals."""
    import ast
    package = ROOT / "scripts" / "sosial_is"
    found = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        if rel in LETTERS_AS_DATA:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings \
                    and TRANSLATED.search(node.value.replace(PROPER_NAME, "")):
                found.append(f"{rel}:{node.lineno}: {node.value[:40]!r}")
    assert not found, "move these strings to locale/ui.yml:\n" + "\n".join(found)


@pytest.mark.parametrize("n, tk", [(1, "1-nji"), (2, "2-nji"), (5, "5-nji"), (6, "6-njy"),
                                   (8, "8-nji"), (9, "9-njy"), (10, "10-njy"), (20, "20-nji"),
                                   (16, "16-njy"), (30, "30-njy"), (100, "100-nji")])
def test_turkmen_ordinals_follow_vowel_harmony(n: int, tk: str) -> None:
    assert ordinal(n, "tk") == tk
    assert t("semester_n", "tk", n=n) == f"{tk} semestr"


def test_english_ordinals() -> None:
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
