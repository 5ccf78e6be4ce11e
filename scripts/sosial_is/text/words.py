"""A word as the search index and the termbase check compare it, before any stemming."""
from __future__ import annotations

from . import turkmen

# Russian yo as ye (as Snowball and the search worker read it), the typographic apostrophe as '
_SAME = {0x0451: 0x0435, 0x2019: 0x27}


def normal(word: str, lang: str) -> str:
    """``word`` compared as readers type it: Turkmen folded (lower case, its letters as their
    base letters: ş→s, ý→y …); in other languages lower case, with yo as ye and ’ as '."""
    if lang == "tk":
        return turkmen.fold(word)
    return word.lower().translate(_SAME)
