"""scripts/run runs the code of its own checkout, also when that checkout's .venv was made by
another one (our package is installed editable, and an editable install points at the checkout
that installed it: a baseline built in a second checkout sharing the .venv used the first's
code)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_run_imports_the_package_of_its_own_checkout(tmp_path):
    other = tmp_path / "other"
    scripts = other / "scripts"
    scripts.mkdir(parents=True)
    for name in ("run", "pyproject.toml"):
        shutil.copy(ROOT / "scripts" / name, scripts / name)
    shutil.copytree(ROOT / "scripts" / "requirements", scripts / "requirements")
    shutil.copytree(ROOT / "scripts" / "sosial_is", scripts / "sosial_is",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (other / ".venv").symlink_to(ROOT / ".venv")  # the stamp matches: no new environment
    (scripts / "sosial_is" / "__main__.py").write_text(
        'print("this checkout:", __file__)\n', encoding="utf-8")
    out = subprocess.run(["bash", str(scripts / "run"), "check"], capture_output=True, text=True,
                         timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert f"this checkout: {scripts / 'sosial_is' / '__main__.py'}" in out.stdout
