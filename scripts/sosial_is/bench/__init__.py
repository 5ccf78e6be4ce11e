"""Measurements (their outputs are artifacts, not commits): build speed against stock MkDocs
(``build.py``), link checks against lychee (``linkcheck.py``), search quality against Material's
default (``search_quality.py``), page weight (``page_weight.py``); shared: ``synthetic.py``
(projects N times the real one), ``static_server.py``."""
