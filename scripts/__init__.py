"""Sosial iş tooling: the curriculum model, its checks, page generation and MkDocs glue.

Modules: ``model`` (typed data, no I/O), ``yamlsrc`` and ``load`` (sources to model, with lines),
``validate`` (rules), ``report`` (findings and the message catalogue), ``generate`` (model to
pages), ``hooks`` (thin MkDocs glue), ``build`` (safe build), ``__main__`` (the CLI).
"""
