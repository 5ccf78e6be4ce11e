"""Language processing that is not Markdown: Turkmen folding and stemming (``turkmen.py``), used
by the search index and its browser twin, and by the termbase check; a word as both compare it
before stemming (``words.py``)."""
