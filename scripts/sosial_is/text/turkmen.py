"""Turkmen-aware matching: diacritic folding and light suffix stripping.

This is the reference implementation; the browser runs the same algorithm in ``lunr_tk.js``
with the rules exported by :func:`rules` (the hook embeds them), and
tests/unit/test_search_turkmen.py checks that both give the same stems.

Why our own: lunr (Material's search engine) and Snowball have no Turkmen stemmer; the
Turkish one gets Turkmen letters (ň, ý, ä, ž) and suffixes (-yň, -daky, -ýar) wrong.

Folding: lower case, then ş→s ä→a ň→n ý→y ž→z ç→c ö→o ü→u (plus the look-alikes a reader
may type on a Turkish or Russian keyboard layout: ı→y, ñ→n, ğ→g, and the digraphs sh→s, ch→c).

Stripping (after folding) picks a stem the text itself attests. Candidates are the word
with up to ``MAX_PASSES`` suffixes from ``SUFFIXES`` removed, in the order they stand in
(``SLOTS``: read from the end, a question particle, a copula, one case ending, a possessive, a
plural: "işlerimizden" = iş-ler-imiz-den, but never two case endings, so "etika" is not
"et-i-ka"), each leaving at least ``MIN_STEM`` letters, each also with its final voicing undone
(b→p, d→t, g→k, j→c: kitaby→kitap, kömegi→kömek). The shortest candidate that occurs as a word
in the indexed pages (the vocabulary, computed in the browser from the index being built) is
the stem; with none, the folded word itself. So with "maşgala" somewhere on the site,
"maşgalalar", "maşgalasyndan" and "masgalalara" all become "masgala". A word that is itself the
stem of another word of the pages is its own stem: "çaga" stays "caga" because the pages have
"çagalar", where the shortest candidate would be "cak" (the dative "-a" cut and "g" devoiced:
"çäk", a limit); likewise "etika" (not "et"), "ata" (not "at"), "esasy" (not "es"). Tokens with
digits (SW-204, C1, 2014) are left alone. The same function runs at index and at query time;
and because Material adds a trailing wildcard to every query term, a base form typed as the
query ("maşgala") still finds inflected forms the site has without the base form.

A noun the pages have only inflected ("şerti", "şertler", "şertleri", never "şert") has no
attested stem: a candidate of ``SUPPORTED_MIN`` letters or more that ``SUPPORT`` or more words
of the pages share counts as attested, after the words of the pages ("durmuşy" stays
"durmuş"; see SUPPORT). A suffix that begins with a vowel never follows a vowel (``HIATUS``),
so "ýagdaýy" is not "ýagda" + "ýy".

Verbs: a finite form (present -ýar, participles -ýan/-an, converb -yp/-p, necessity -maly,
past -dy, future -jak, conditional -sa, aorist -ar/-maz; also negated with -ma) stems to the
verb's infinitive (-mak/-mek) when the pages have the infinitive: "goldaýar", "goldap",
"goldaýan" and "goldamagy" all become "goldamak", "islemeýär" becomes "islemek". Only the
infinitive is taken, never the bare verb stem, which is short and collides with common words
(bar "there is" / barmak "to go"); the stem before the infinitive has at least ``VERB_MIN``
letters ("köp" is not "kömek").

Limits: derivational suffixes (-lyk, -çy, -ly, -syz) are kept on purpose (they change the
meaning: maýyp / maýyplyk); a verb whose infinitive no page has is not stemmed; a different
word that happens to be attested can be taken as the stem (kanun → kan if "kan" occurs); vowel
harmony is not checked; the vocabulary is per index, so a stem can differ between the
one-language and the all-languages index (each is consistent in itself).
"""
from __future__ import annotations

import functools
import json
import re

FOLD = {"ä": "a", "ç": "c", "ň": "n", "ö": "o", "ş": "s", "ü": "u", "ý": "y", "ž": "z",
        "ı": "y", "ñ": "n", "ğ": "g"}
DIGRAPHS = {"sh": "s", "ch": "c"}
MIN_STEM = 2
MAX_PASSES = 4
DEVOICE = {"b": "p", "d": "t", "g": "k", "j": "c"}

# Folded forms (ä→a, ň→n, ý→y …), grouped for reading; the algorithm only uses the union.
SUFFIX_GROUPS: dict[str, list[str]] = {
    "plural": ["lar", "ler"],
    "possessive": ["ym", "im", "um", "ymyz", "imiz", "umyz", "myz", "miz",
                   "ynyz", "iniz", "unyz", "nyz", "niz", "sy", "si", "su",
                   "lary", "leri"],
    "genitive": ["yn", "in", "un", "nyn", "nin", "nun"],
    "dative": ["a", "e", "na", "ne", "ga", "ge", "ka", "ke"],
    "accusative": ["y", "i", "u", "ny", "ni", "nu"],
    "locative": ["da", "de", "ta", "te", "nda", "nde"],
    "ablative": ["dan", "den", "tan", "ten", "ndan", "nden"],
    "locative adjective": ["daky", "daki", "deki", "taky", "taki", "teki", "ndaky", "ndaki", "ndeki"],
    "equative": ["ca", "ce"],
    "copula": ["dyr", "dir", "dur", "tyr", "tir"],
    # the question particle mi/my/mu/mü, written together with the word it asks about
    # ("bolýarmy", "bilermi", "saklamalymy"); a stem is still only taken when attested
    "question": ["my", "mi", "mu"],
}
SUFFIXES: list[str] = sorted({s for group in SUFFIX_GROUPS.values() for s in group},
                             key=lambda s: (-len(s), s))
# Where each group stands after the stem: plural, then possessive, then a case, then the
# copula, then the question particle ("işlerimizden" = iş-ler-imiz-den). Read from the end of a
# word, each suffix taken off must stand before the one taken off last, so two case endings
# are never both cut ("etika" is not "et-i-ka"; in "atalary", "ata" is not "at-a"). The
# 3rd-person possessive after a consonant has the accusative's form (kitab-y-ndan).
SLOT_OF_GROUP = {"plural": 1, "possessive": 2, "genitive": 3, "dative": 3, "accusative": 3,
                 "locative": 3, "ablative": 3, "locative adjective": 3, "equative": 3,
                 "copula": 4, "question": 5}
SLOTS: dict[str, list[int]] = {
    s: sorted({SLOT_OF_GROUP[g] for g, group in SUFFIX_GROUPS.items() if s in group}
              | ({SLOT_OF_GROUP["possessive"]} if s in ("y", "i", "u") else set()))
    for s in SUFFIXES}

# Finite verb forms (folded), longest first: present -ýar and its persons, participles -ýan
# and -an/-en (-n after a vowel), converb -yp/-ip/-up (-p after a vowel), necessity -maly/-meli,
# past -dy/-di, future -jak/-jek, conditional -sa/-se, aorist -ar/-er and its negation -maz/-mez.
# A form's stem plus an infinitive ending, when the pages have that infinitive, is its stem.
VERB_SUFFIXES: list[str] = sorted({
    "yar", "yarlar", "yarys", "yarsynyz", "yan", "yanlar", "an", "en", "n",
    "yp", "ip", "up", "p", "maly", "meli", "malydyr", "melidir",
    "dy", "di", "dylar", "diler", "jak", "jek", "sa", "se", "salar", "seler",
    "ar", "er", "arlar", "erler", "maz", "mez"}, key=lambda s: (-len(s), s))
INFINITIVES = ("mak", "mek")
NEGATION = ("ma", "me")
VOWELS = "aeiouy"
# A suffix that begins with a vowel follows a consonant (after a vowel Turkmen writes -ny, -sy,
# -nyň, -na …): no candidate ends in a vowel before one ("ýagdaýy" is not "ýagda-ýy"; a folded
# "y" may be the consonant ý, so it is not in the list).
HIATUS = "aeiou"
# A candidate of SUPPORTED_MIN letters or more that SUPPORT or more words of the pages share
# is a stem even when no page has it as a word ("şert" of "şerti", "şertler", "şertleri"):
# a noun the pages only have inflected meets its other forms. It is taken when no candidate
# is a word of the pages, or when it is a candidate of the one that is ("şertler" → "şert");
# not in place of a word of the pages that does not lead to it ("durmuşy" is "durmuş",
# though "durmu" is shared too). Of several, the one most words share, then the longest.
# Words share a stem by the suffixes cut, not by a voicing undone: "salgy" (address) is
# "salg" + "-y", and does not make "salkyn" (cool) and "salkym" (cluster) share "salk".
SUPPORT = 3
SUPPORTED_MIN = 4
VERB_MIN = 3

# Function words that carry no topic (folded): conjunctions, pronouns, postpositions, the
# question words and particles a reader's question starts or ends with (näme, nädip, haýsy …,
# like lunr's English "what", "how", "which"), and the commonest forms of the light verbs
# etmek/bolmak ("to do", "to be"). Left out of the index and of queries. The case forms of the
# pronouns and question words are listed too ("kime" to whom, "haýsysy" which of them, "onuň"
# his): the stemmer never cuts a word down to a stop word, so "kime" was a query word of its
# own, and it matched a question of the about page ("ýalňyşlyk tapsam kime habar bermeli?").
# The postposition "hakynda" (about) is not: it names the laws ("Durmuş hyzmatlary hakynda
# Kanun").
STOP_WORDS: list[str] = sorted({
    "we", "bilen", "ucin", "bu", "su", "ol", "olar", "hem", "ya", "da", "de", "ki",
    "boyunca", "yaly", "barada", "bolsa", "ya-da", "hic", "her", "has", "dal",
    "name", "nahili", "nadip", "haysy", "nace", "nire", "nirede", "nireden", "nira", "hacan",
    "kim", "nicik", "mi", "my", "mu",
    "haysysy", "haysyny", "haysyna", "haysynda", "haysyndan", "haysysyndan",
    "kime", "kimi", "kimin", "kimde", "kimden", "kimler",
    "namani", "namede", "nameden", "nacesi",
    "onun", "ona", "ony", "onda", "ondan", "olaryn", "olara", "olary", "olarda", "olardan",
    "munun", "muna", "muny", "munda", "mundan", "bular", "bulary", "bularyn", "bulara",
    "etmek", "edyar", "edip", "etmeli", "bolmak", "bolyar", "bolup", "bolmaly", "bolar",
    "biler"})
# The question particle (folded); a stop word with it ("bolýarmy", "dälmi") is a stop word.
PARTICLES: list[str] = SUFFIX_GROUPS["question"]

_DIGIT = re.compile(r"\d")
# Non-word characters at either end of a token (the lunr "trimmer" for Latin and Cyrillic).
_TRIM = re.compile(r"^[^0-9a-z\u00c0-\u024f\u0400-\u04ff]+|[^0-9a-z\u00c0-\u024f\u0400-\u04ff]+$")


def fold(text: str) -> str:
    """Lower-case ``text`` and replace Turkmen letters by their plain Latin base letters."""
    text = "".join(FOLD.get(ch, ch) for ch in text.lower())
    for digraph, letter in DIGRAPHS.items():
        text = text.replace(digraph, letter)
    return text


def _candidates(word: str) -> set[str]:
    """``word`` with up to MAX_PASSES suffixes removed, in the order they stand in (SLOTS),
    each also with its final voicing undone."""
    return _devoiced(_cuts(word))


def _devoiced(found: set[str]) -> set[str]:
    """``found`` and each of its words with the final voicing undone (kitab -> kitap)."""
    return found | {w[:-1] + DEVOICE[w[-1]] for w in found if w[-1] in DEVOICE}


def _cuts(word: str) -> set[str]:
    """``word`` with up to MAX_PASSES suffixes removed, in the order they stand in (SLOTS)."""
    # each candidate with the latest slot a suffix before it may stand in
    found = {word: max(SLOT_OF_GROUP.values()) + 1}
    frontier = dict(found)
    for _ in range(MAX_PASSES):
        nxt: dict[str, int] = {}
        for w, below in frontier.items():
            for suffix in SUFFIXES:
                if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM:
                    slot = max((s for s in SLOTS[suffix] if s < below), default=0)
                    c = w[: -len(suffix)]
                    if suffix[0] in VOWELS and c[-1] in HIATUS:
                        continue
                    if slot and slot > max(found.get(c, 0), nxt.get(c, 0)):
                        nxt[c] = slot
        if not nxt:
            break
        found.update(nxt)
        frontier = nxt
    return set(found)


def _shortest(words: list[str]) -> str | None:
    """The shortest of ``words`` (on a tie, the first in alphabetical order), None if none."""
    return min(words, key=lambda c: (len(c), c)) if words else None


def _infinitive(word: str, vocabulary: frozenset[str]) -> str | None:
    """The attested infinitive of ``word`` if it is a finite verb form ("goldaýar" ->
    "goldamak"), else None."""
    found = []
    for suffix in VERB_SUFFIXES:
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        for b in [base] + ([base[:-2]] if base[-2:] in NEGATION else []):
            if len(b) < VERB_MIN or (len(suffix) == 1 and b[-1] not in VOWELS):
                continue
            found += [b + end for end in INFINITIVES if b + end in vocabulary and b + end != word]
    return _shortest(found)


def _most_shared(words: list[str], supported: dict[str, int]) -> str | None:
    """The one of ``words`` the most words share (``supported``); on a tie, the longest, then
    the first in alphabetical order ("kanuny", "kanuna", "kanunda" share "kanun" and "kanu"
    alike: "kanun", the stem a reader types). None if none is supported."""
    found = [w for w in words if w in supported]
    return min(found, key=lambda c: (-supported[c], -len(c), c)) if found else None


def _nominal(word: str, vocabulary: frozenset[str], supported: dict[str, int] | None = None,
             candidates: set[str] | None = None, known: dict[str, set[str]] | None = None) -> str:
    """The shortest candidate of the folded ``word`` that is a word of ``vocabulary``, cut
    further to a shorter ``supported`` stem when it is one of that word's candidates; with no
    candidate in ``vocabulary``, the ``supported`` one most words share; else the word.
    ``known``: the vocabulary's words' candidates, already worked out (``_analysis``)."""
    supported = supported or {}
    found = [c for c in (candidates or _candidates(word))
             if len(c) >= MIN_STEM and c not in STOP_WORDS]
    best = _shortest([c for c in found if c in vocabulary])
    if best is None:
        return _most_shared(found, supported) or word
    further = (known or {}).get(best) or _candidates(best)
    return _most_shared([c for c in further if len(c) < len(best)
                         and c not in STOP_WORDS], supported) or best


@functools.lru_cache(maxsize=8)
def _analysis(vocabulary: frozenset[str]) -> tuple[dict[str, str], frozenset[str], dict[str, int]]:
    """Each word of ``vocabulary``'s nominal stem; the words that are the nominal stem of
    another of its words; and the supported stems (SUPPORT), with how many words share each."""
    cuts = {w: _cuts(w) for w in vocabulary if not _DIGIT.search(w) and len(w) > MIN_STEM}
    shared: dict[str, int] = {}
    for w, found in cuts.items():
        for c in found:
            if c != w and len(c) >= SUPPORTED_MIN and c not in vocabulary:
                shared[c] = shared.get(c, 0) + 1
    supported = {c: n for c, n in shared.items() if n >= SUPPORT}
    candidates = {w: _devoiced(found) for w, found in cuts.items()}
    nominals = {w: _nominal(w, vocabulary, supported, found, candidates)
                for w, found in candidates.items()}
    return nominals, frozenset(n for w, n in nominals.items() if n != w), supported


def stem(word: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """The stem of ``word``: itself if it is the stem of another word of the vocabulary, else
    its nominal stem (``_nominal``: an attested or shared candidate), else the folded word; for
    a finite verb form, its attested infinitive."""
    word = fold(word)
    if _DIGIT.search(word) or len(word) <= MIN_STEM:
        return word
    nominals, stems, supported = _analysis(vocabulary)
    base = word if word in stems else nominals.get(word) or _nominal(word, vocabulary, supported)
    return _infinitive(base, vocabulary) or base


def vocabulary(texts: list[str], separator: str = r"[\s\-]+") -> frozenset[str]:
    """Folded words of ``texts`` (HTML tags removed), as the browser twin collects them."""
    words: set[str] = set()
    for text in texts:
        for token in re.split(separator, re.sub(r"<[^>]*>", " ", text)):
            token = _TRIM.sub("", fold(token))
            if token:
                words.add(token)
    return frozenset(words)


def is_stop_word(word: str) -> bool:
    word = fold(word)
    return word in STOP_WORDS or any(
        word.endswith(p) and word[: -len(p)] in STOP_WORDS for p in PARTICLES)


def rules() -> dict:
    """The rules as data, for the browser twin (``lunr_tk.js``)."""
    return {"fold": FOLD, "digraphs": DIGRAPHS, "minStem": MIN_STEM, "maxPasses": MAX_PASSES,
            "devoice": DEVOICE, "suffixes": SUFFIXES, "slots": SLOTS, "stopWords": STOP_WORDS,
            "particles": PARTICLES, "verbSuffixes": VERB_SUFFIXES, "infinitives": INFINITIVES,
            "negation": NEGATION, "vowels": VOWELS, "verbMin": VERB_MIN, "hiatus": HIATUS,
            "support": SUPPORT, "supportedMin": SUPPORTED_MIN}


def rules_json() -> str:
    return json.dumps(rules(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
