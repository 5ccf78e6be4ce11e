"""Sosial iş: the curriculum pipeline and the MkDocs plugin of the portal.

The folders follow the data flow (ARCHITECTURE.md in the repository has the picture):

- ``locale``: every translated string (UI words, finding messages), complete in tk, ru, en;
- ``core``: findings, languages, reading a source file, YAML with lines, git, atomic writes,
  the manifest of generated files, how Chromium is launched;
- ``markdown``: the one scanner of Markdown sources; ``text``: Turkmen folding and stemming;
- ``curriculum``: the model, its loader, the rules over it, the exports;
- ``project``: the project's folders and configuration, translations and their state;
- ``render``: what happens to every page while it is built (citations, glossary terms …);
- ``pages``: the pages generated from the model, one module per kind, and their writer;
- ``checks``: one module per family of checks;
- ``pipeline``: sources -> model -> checks -> generated pages, once per change;
- ``mkdocs``: the one MkDocs plugin and everything else that knows MkDocs;
- ``publish``: the safe build, compression, offline ZIPs, PDFs, nginx;
- ``scaffold``: new courses and pages from templates; ``bench``, ``audit``: measurements;
- ``cli``: the command line (``scripts/run``).
"""
