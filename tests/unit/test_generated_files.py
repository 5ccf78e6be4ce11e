"""The generated files: .gitignore ignores every one of them and no hand-written page, and the
writer keeps the manifest that says which they are (and removes what it no longer makes)."""
from __future__ import annotations

from pathlib import Path

import pathspec

from sosial_is import pipeline
from sosial_is.core import manifest
from sosial_is.pages.writer import write_pages
from support import ROOT, project_of


def ignored() -> pathspec.PathSpec:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return pathspec.GitIgnoreSpec.from_lines(lines)


def test_gitignore_covers_every_generated_file_and_no_hand_written_page():
    project = project_of(ROOT)
    state = pipeline.run(project)
    spec = ignored()
    generated = [f"docs/{rel}" for rel in state.pages] + ["docs/" + manifest.NAME]
    assert len(generated) > 100
    assert [p for p in generated if not spec.match_file(p)] == []
    hand = [p.relative_to(ROOT).as_posix() for p in state.hand_written]
    assert len(hand) > 30
    assert [p for p in hand if spec.match_file(p)] == []


def test_writer_keeps_the_manifest_and_removes_what_it_no_longer_makes(tmp_path: Path):
    docs = tmp_path / "docs"
    assert write_pages(docs, {"a/x.tk.md": "x", "b.json": "{}"}) == ["a/x.tk.md", "b.json"]
    assert set(manifest.read(docs)) == {"a/x.tk.md", "b.json"}
    mtime = (docs / "a/x.tk.md").stat().st_mtime_ns
    assert write_pages(docs, {"a/x.tk.md": "x"}) == []  # unchanged: not rewritten
    assert (docs / "a/x.tk.md").stat().st_mtime_ns == mtime
    assert not (docs / "b.json").exists()  # no longer generated: removed
    (docs / "hand.tk.md").write_text("mine", encoding="utf-8")
    write_pages(docs, {})
    assert (docs / "hand.tk.md").exists() and not (docs / "a/x.tk.md").exists()
