"""Property-based tests (Hypothesis): random damage to the real files of the fixture project —
byte flips, truncation, deleted and duplicated lines, random Unicode (right-to-left and combining
marks included), very long lines, deep YAML nesting, values of the wrong type, other encodings.

Properties: the checks never raise; every finding names a file and a line and prints in every
language; ``scripts/run check`` exits non-zero exactly when an error is reported; the build
refuses exactly what the check refuses and leaves the previous site untouched.

The default run is deterministic (fixed seeds: CI stays reproducible) with a few thousand
examples in all; ``SOSIAL_IS_HYPOTHESIS=<n>`` runs n random examples per property instead.
Examples that once failed are kept below as ``@example`` cases.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sosial_is import pipeline
from sosial_is.cli import main
from sosial_is.core.findings import errors, print_findings
from sosial_is.markdown.cache import SourceCache
from support import make_project, project_of, run_build

RANDOM = int(os.environ.get("SOSIAL_IS_HYPOTHESIS", "0"))
C = "curriculum/courses"
TARGETS = [f"{C}/FX-101/course.yml", f"{C}/FX-101/tk.md", f"{C}/FX-201/en.md", f"{C}/FX-102/ru.md",
           "curriculum/glossary.yml", "curriculum/references.yml", "curriculum/programmes/fx.yml",
           "curriculum/competencies.yml", "docs/index.en.md", "docs/curriculum/index.tk.md",
           "docs/about/index.tk.md", "docs/.translations-pending.yml"]
YAML_VALUES = ["[]", "{}", "null", "~", "[1, [2, [3]]]", "{a: {b: c}}", "2020-01-01", "0x1F", "1e400",
               "-.inf", ".nan", "'x'", "!!binary aGVsbG8=", "&a [*a]", "*undefined",
               "!!python/object:os.system", "? [a, b]\n: c", "|\n  x", ">-\n  y", "yes", "on",
               "NO", "-1", "999999999999999999999999", "'''", '"\\u0000"', "{x: [", "@", "`"]
UNICODE = st.text(alphabet=st.characters(codec="utf-8", categories=(
    "L", "M", "N", "P", "S", "Zs", "Cf", "Cc")), max_size=40)


def settings_for(examples: int, **kwargs) -> settings:
    return settings(max_examples=RANDOM or examples, derandomize=not RANDOM, deadline=None,
                    database=None, suppress_health_check=list(HealthCheck), **kwargs)


@st.composite
def damage(draw) -> tuple[str, str, tuple]:
    """(target file, kind of damage, its parameters)."""
    target = draw(st.sampled_from(TARGETS))
    kind = draw(st.sampled_from(["flip", "truncate", "delete-line", "duplicate-line", "unicode",
                                 "long-line", "nesting", "yaml-value", "encoding", "bom-crlf",
                                 "empty", "swap-lines"]))
    params = (draw(st.floats(0, 1)), draw(st.integers(0, 255)), draw(UNICODE),
              draw(st.integers(1, 20_000)), draw(st.sampled_from(YAML_VALUES)),
              draw(st.sampled_from(["cp1251", "cp1250", "latin-1", "utf-16", "koi8-r", "mac-roman"])))
    return target, kind, params


def apply(data: bytes, kind: str, params: tuple) -> bytes:
    where, byte, text, size, value, encoding = params
    lines = data.split(b"\n")
    at = min(int(where * len(lines)), len(lines) - 1)
    if kind == "flip":
        pos = min(int(where * len(data)), max(len(data) - 1, 0))
        return data[:pos] + bytes([byte]) + data[pos + 1:] if data else bytes([byte])
    if kind == "truncate":
        return data[: int(where * len(data))]
    if kind == "delete-line":
        return b"\n".join(lines[:at] + lines[at + 1:])
    if kind == "duplicate-line":
        return b"\n".join(lines[: at + 1] + lines[at:])
    if kind == "swap-lines":
        lines[at], lines[0] = lines[0], lines[at]
        return b"\n".join(lines)
    if kind == "unicode":
        lines.insert(at, text.encode("utf-8", "surrogatepass"))
        return b"\n".join(lines)
    if kind == "long-line":
        lines.insert(at, ((text or "x") * size)[:size].encode("utf-8", "surrogatepass"))
        return b"\n".join(lines)
    if kind == "nesting":
        depth = size % 3000
        lines.insert(at, b"k: " + b"[" * depth + b"]" * depth if byte % 2 else
                     b"".join(b"  " * i + b"k:\n" for i in range(depth % 200)))
        return b"\n".join(lines)
    if kind == "yaml-value":
        text_ = data.decode("utf-8")
        matches = list(re.finditer(r"(?<=: )[^\n{}\[\],]+", text_))
        if not matches:
            return data
        m = matches[min(int(where * len(matches)), len(matches) - 1)]
        return (text_[: m.start()] + value + text_[m.end():]).encode("utf-8")
    if kind == "encoding":
        return data.decode("utf-8").encode(encoding, errors="replace")
    if kind == "bom-crlf":
        return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")
    if kind == "empty":
        return b""
    raise AssertionError(kind)


class Project:
    """A copy of the fixture project whose files are damaged and restored example by example."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.originals = {t: (root / t).read_bytes() for t in TARGETS}
        self.cache = SourceCache()
        self.project = project_of(root)
        self.clock = 10**18

    def write(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        path.write_bytes(data)
        self.clock += 1_000_000  # a new time for every write: the cache must see each change
        os.utime(path, ns=(self.clock, self.clock))

    def restore(self, rel: str) -> None:
        self.write(rel, self.originals[rel])

    def findings(self):
        return pipeline.run(self.project, self.cache).findings


@pytest.fixture(scope="module")
def damaged(tmp_path_factory) -> Project:
    root = make_project(tmp_path_factory.mktemp("property") / "project")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        yield Project(root)
    finally:
        os.chdir(cwd)


def check_properties(findings) -> None:
    for f in findings:
        assert f.path and isinstance(f.line, int) and f.line >= 0, f
        for lang in ("tk", "ru", "en"):
            line = f.format(lang)
            assert line.startswith(f"{f.path}:{max(f.line, 1)}: {f.code} "), line
            assert "{" + "suggestion}" not in line
        assert f.github().startswith("::")
    out = io.StringIO()
    print_findings(findings, "en", stream=out)  # printing them never fails either


@settings_for(1600)
@given(case=damage())
@example(case=(f"{C}/FX-101/course.yml", "yaml-value", (0.5, 0, "", 1, "&a [*a]", "cp1251")))
@example(case=("curriculum/references.yml", "empty", (0.0, 0, "", 1, "[]", "cp1251")))
@example(case=("docs/index.en.md", "unicode", (0.5, 0, "\u202e\u0301\x00", 1, "[]", "cp1251")))
@example(case=("curriculum/programmes/fx.yml", "nesting", (0.2, 1, "", 2999, "[]", "cp1251")))
def test_checks_never_raise_and_every_finding_has_file_and_line(damaged, case):
    target, kind, params = case
    damaged.write(target, apply(damaged.originals[target], kind, params))
    try:
        check_properties(damaged.findings())
    finally:
        damaged.restore(target)


@settings_for(60)
@given(case=damage())
def test_exit_code_is_non_zero_exactly_when_an_error_is_reported(damaged, case, capsys):
    target, kind, params = case
    damaged.write(target, apply(damaged.originals[target], kind, params))
    try:
        expected = 1 if errors(pipeline.run(damaged.project).findings) else 0
        assert main(["--lang", "en", "check", "--config", str(damaged.root / "mkdocs.yml")]) == expected
    finally:
        damaged.restore(target)
        capsys.readouterr()


def site_digest(site: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(site).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@settings_for(12)
@given(case=damage())
def test_the_build_refuses_what_the_check_refuses_and_keeps_the_old_site(damaged, case):
    target, kind, params = case
    site = damaged.root / "site"
    if not site.exists():
        assert run_build(damaged.root, site).returncode == 0
    before = site_digest(site)
    damaged.write(target, apply(damaged.originals[target], kind, params))
    try:
        refused = bool(errors(pipeline.run(damaged.project).findings))
        result = run_build(damaged.root, site)
        assert (result.returncode != 0) == refused, (case, result.stderr[-2000:])
        if refused:
            assert site_digest(site) == before, "a refused build changed the previous site"
            assert "Traceback" not in result.stderr, result.stderr[-3000:]
    finally:
        damaged.restore(target)
        if (damaged.root / "site").exists() and not refused:
            shutil.rmtree(site)  # rebuilt from the restored sources by the next example
