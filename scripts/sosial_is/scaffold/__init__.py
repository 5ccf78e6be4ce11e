"""New sources from templates for contributors: ``scripts/run new-course`` and ``new-page``
(``commands.py``, templates in ``templates/``), built so that the checks fail until every
``TODO`` is filled in."""
