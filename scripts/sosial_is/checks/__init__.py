"""The checks, one module per family: ``links`` (links, anchors, images), ``nav``,
``translations``, ``safety`` (unsafe HTML), ``placeholders``, ``citations``, ``site`` (the built
HTML) and ``external`` (outside links, opt-in). Each returns findings; ``pipeline.py`` runs the
source checks, the ``check`` command the rest on request."""
