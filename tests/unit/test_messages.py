"""Every finding code the package can emit speaks all three languages, with the same placeholders.

Codes are collected from the source, not from a list: every string literal passed as the code
argument of ``finding(…)`` in scripts/sosial_is/**/*.py, plus every literal that looks like a code
(``WORD-WORD`` in capitals) and is bound to a name later passed to ``finding`` (e.g. the
``label`` in ``rules.language_parity``). A new check without a catalogue entry fails here.
"""
from __future__ import annotations

import ast
import io
import re
import string
from pathlib import Path

import pytest

from sosial_is.core.findings import finding, print_findings
from sosial_is.core.languages import LANGS
from sosial_is.locale import messages as catalogue

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "sosial_is"
CODE_LIKE = re.compile(r"^[A-Z]+(?:-[A-Z]+)+$")


def _finding_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "finding" and len(node.args) >= 3:
                yield node


def used_codes() -> dict[str, str]:
    """code -> "file:line" of its first use in the package."""
    codes: dict[str, str] = {}
    for path in sorted(SCRIPTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        indirect: set[str] = set()
        for call in _finding_calls(tree):
            arg = call.args[2]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.setdefault(arg.value, f"{path.name}:{call.lineno}")
            elif isinstance(arg, ast.Name):
                indirect.add(arg.id)
        if indirect:  # a variable holds the code: take the code-like literals in this module
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                        and CODE_LIKE.match(node.value):
                    codes.setdefault(node.value, f"{path.name}:{node.lineno}")
    return codes


USED = used_codes()


def placeholders(text: str) -> set[str]:
    """The parameters ``text`` uses; ``{x_ord}`` is parameter x written as an ordinal."""
    return {name.removesuffix("_ord") for _, name, _, _ in string.Formatter().parse(text) if name}


def test_codes_were_found():
    # The scan itself must work, or every test below would pass vacuously.
    assert {"PLACEHOLDER", "YAML-SYNTAX", "COURSE-OUTCOMES-DIFFER", "SCAFFOLD-CODE-FORMAT"} <= set(USED)


@pytest.mark.parametrize("code", sorted(USED))
def test_code_has_complete_entry(code):
    entry = catalogue().get(code)
    assert entry is not None, f"{code} (used at {USED[code]}) has no entry in locale/messages.yml"
    assert entry.get("severity") in ("error", "warning"), code
    for lang in LANGS:
        loc = entry.get(lang) or {}
        assert loc.get("message", "").strip(), f"{code}: no {lang} message"
        assert loc.get("hint", "").strip(), f"{code}: no {lang} hint"
        if "{suggestion}" in loc["hint"]:  # "did you mean" only when there is a suggestion
            assert loc.get("hint_no_suggestion", "").strip(), f"{code}: no {lang} hint_no_suggestion"


@pytest.mark.parametrize("code", sorted(c for c in catalogue() if not c.startswith("_")))
def test_same_placeholders_in_every_language(code):
    entry = catalogue()[code]
    seen = {lang: placeholders(entry[lang]["message"]) | placeholders(entry[lang].get("hint", ""))
            | placeholders(entry[lang].get("hint_no_suggestion", "")) for lang in LANGS}
    assert seen["tk"] == seen["ru"] == seen["en"], f"{code}: {seen}"


@pytest.mark.parametrize("lang", LANGS)
def test_printing_in_each_language(lang, monkeypatch):
    """Every catalogued code prints, fully filled in, in each language (and as an annotation)."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    findings = []
    for code, entry in catalogue().items():
        if code.startswith("_"):
            continue
        names = placeholders(entry["en"]["message"]) | placeholders(entry["en"].get("hint", ""))
        findings.append(finding("curriculum/x.yml", 3, code, **{n: f"<{n}>" for n in names}))
    out = io.StringIO()
    print_findings(findings, lang, stream=out)
    text = out.getvalue()
    lines = text.splitlines()
    assert len(lines) == len(findings) + 1  # one line each, then the summary
    for f in findings:
        line = f.format(lang)
        assert line in lines
        assert not re.search(r"\{[A-Za-z_]\w*\}", line), f"unfilled placeholder: {line}"
        message, hint = f.text(lang)
        assert message == catalogue()[f.code][lang]["message"].format_map(
            {k + suffix: v for k, v in f.params for suffix in ("", "_ord")}), f.code
    assert re.search(r"\d", lines[-1])  # "N error(s) …" in that language


def test_numbers_in_turkmen_messages_are_ordinals_with_vowel_harmony():
    found = finding("curriculum/programmes/bsw.yml", 9, "SCAFFOLD-SEMESTER-UNKNOWN",
                    programme="bsw", semester="9", known="1-8")
    assert "bsw maksatnamasynda 9-njy semestr ýok" in found.format("tk")
    assert "has no semester 9" in found.format("en")


def test_annotation_format(monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    print_findings([finding("curriculum/courses/SW-101/ru.md", 7, "PLACEHOLDER", marker="TODO")],
                   "ru", stream=io.StringIO())
    out = capsys.readouterr().out
    assert out.startswith("::error file=curriculum/courses/SW-101/ru.md,line=7::PLACEHOLDER ")
    assert "TODO" in out and "незаполненный" in out


def test_languages_differ():
    """A catalogue entry copied into all three languages unchanged is an untranslated entry."""
    same = [c for c, e in catalogue().items() if not c.startswith("_")
            and e["tk"]["message"] == e["ru"]["message"] == e["en"]["message"]]
    assert not same


def test_two_findings_differing_only_in_parameters_are_both_printed():
    """Two broken links on one line are two findings (they were merged into one)."""
    a = finding("docs/index.en.md", 8, "LINK-BROKEN", target="a.md", resolved="a.en.md")
    b = finding("docs/index.en.md", 8, "LINK-BROKEN", target="b.md", resolved="b.en.md")
    assert a != b and len({a, b}) == 2
    out = io.StringIO()
    print_findings([a, b, a], "en", stream=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and "'a.md'" in lines[0] and "'b.md'" in lines[1]


def test_no_did_you_mean_without_a_suggestion():
    with_guess = finding("x.yml", 1, "PREREQ-UNKNOWN", code="A-101", prereq="A-100", suggestion="A-102")
    without = finding("x.yml", 1, "PREREQ-UNKNOWN", code="A-101", prereq="Q-999", suggestion="")
    for lang in LANGS:
        assert "A-102" in with_guess.format(lang)
        assert "'—'" not in without.format(lang) and "''" not in without.format(lang)
    assert "did you mean" in with_guess.format("en") and "did you mean" not in without.format("en")
