"""Material's bundle <script> is swapped for our after-first-paint loader (scripts/material_start.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.material_start import BundleTagNotFound, after_first_paint



def test_bundle_tag_becomes_the_loader() -> None:
    block = ('\n<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
             '<script src="../extra.js"></script>\n')
    out = after_first_paint(block, "../assets/material-start.js")
    assert out == ('\n<script src="../assets/material-start.js" '
                   'data-bundle="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
                   '<script src="../extra.js"></script>\n')


@pytest.mark.parametrize("block", ["", '<script src="assets/javascripts/other.js"></script>',
                                   '<script src="a/assets/javascripts/bundle.1a.min.js"></script>' * 2])
def test_a_changed_material_template_stops_the_build(block: str) -> None:
    with pytest.raises(BundleTagNotFound, match="scripts/material_start.py"):
        after_first_paint(block, "assets/material-start.js")


def test_installed_material_template_has_the_tag() -> None:
    """The installed Material's base.html still loads its bundle the way BUNDLE_TAG expects."""
    import material
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    block = re.search(r"{% block scripts %}(.*?){% endblock %}", base, re.S).group(1)
    rendered = re.sub(r"{{ '([^']+)' \| url }}", r"\1", block)
    assert "data-bundle=" in after_first_paint(rendered, "assets/material-start.js")


def test_stock_restores_materials_tag() -> None:
    block = '<p>x</p><script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    from scripts.material_start import stock
    assert stock(after_first_paint(block, "../assets/material-start.js")) == block
