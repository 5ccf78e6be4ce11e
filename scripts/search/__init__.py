"""Per-language site search on Material's own search UI and worker.

Modules: ``turkmen`` (diacritic folding and a light Turkmen suffix stripper — the reference
implementation; ``lunr_tk.js`` is its browser twin and reads the same rules), ``index``
(splits the mixed search index that static-i18n writes into one index per language, adds exact
keys for course codes, competency ids and glossary terms, drops repeated boilerplate) and
``hook`` (the MkDocs hook that wires both into the build). Approach and limits:
``scripts/search/README.md``.
"""
