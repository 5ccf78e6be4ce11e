"""Everything that knows MkDocs, Material or mkdocs-static-i18n: the plugin (``plugin.py``),
reading mkdocs.yml (``site_config.py``), static-i18n's state (``i18n.py``), the per-language
search index (``search_index.py``, ``lunr_tk.js``, SEARCH.md), running a build (``build.py``).
Nothing outside this folder imports MkDocs: a future builder replaces this folder only."""
