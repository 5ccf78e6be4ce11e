"""Citations (``[@id]``) that name no entry of the bibliography (curriculum/references.yml)."""
from __future__ import annotations

from pathlib import Path

from ..core.findings import Finding, finding
from ..curriculum.model import Reference
from ..curriculum.rules import guess
from ..markdown.scanner import Scanned


def check_citations(path: Path, scanned: Scanned, references: dict[str, Reference],
                    broken: bool = False) -> list[Finding]:
    """``broken``: references.yml could not be loaded (its own finding says why): no citation
    is reported as unknown then, or every citation of the site would be."""
    if broken:
        return []
    return [finding(path, line, "CITE-UNKNOWN", id=ref_id, suggestion=guess(ref_id, references))
            for line, ref_id in scanned.citations if ref_id not in references]
