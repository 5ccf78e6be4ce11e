"""Audits of a built site: Lighthouse (mobile) and axe-core (``run.py``); results are written to
.cache/audit/ (git-ignored) and uploaded by CI as artifacts, never committed."""
