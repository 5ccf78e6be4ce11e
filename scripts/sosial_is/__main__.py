"""``python -m sosial_is <command>``: the command line (``cli.py``)."""
from .cli import run

run()
