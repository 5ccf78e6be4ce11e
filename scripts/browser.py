"""Headless Chromium as every script and test here launches it (Debian's build, never a
downloaded one; flags that keep it from calling outside hosts), and each language's URL prefix
in the built site."""
from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LANG_PREFIX = {"tk": "", "ru": "ru/", "en": "en/"}
