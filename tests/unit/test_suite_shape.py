"""The suite's own shape: every test module can be collected in one run.

pytest imports test modules by basename (``rootdir`` import mode, no ``__init__.py`` in the test
folders), so two files called ``test_x.py`` in ``tests/unit/`` and ``tests/browser/`` stop the whole
run at collection; running one folder at a time does not show it, CI's full run does."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_test_module_basenames_are_unique() -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for path in TESTS.rglob("test_*.py"):
        if "fixtures" in path.relative_to(TESTS).parts:
            continue
        seen[path.name].append(str(path.relative_to(TESTS)))
    clashes = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert not clashes, f"rename one of each pair (pytest cannot collect both): {clashes}"
