"""Ruff (configured in scripts/pyproject.toml) finds nothing in the package and the tests: the
same command as the pre-commit hook, so CI and a contributor's commit agree."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"


def test_ruff_finds_nothing():
    result = subprocess.run([RUFF, "check", "--config", "scripts/pyproject.toml", "--no-cache",
                             "scripts", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
