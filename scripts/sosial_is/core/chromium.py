"""Headless Chromium as every command and test here launches it: Debian's build at
/usr/bin/chromium (never a downloaded one), with flags that keep it from calling outside hosts."""
from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
