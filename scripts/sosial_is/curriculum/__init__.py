"""The curriculum: its typed model (``model``), the loader that reads ``curriculum/`` into it
with file and line for everything (``loader``), the rules over the whole model (``rules``) and
the machine-readable exports (``exports``)."""
