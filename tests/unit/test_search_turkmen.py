"""Turkmen folding and stemming (scripts/sosial_is/text/turkmen.py) and its browser twin lunr_tk.js."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from sosial_is.mkdocs.search_index import lunr_tk_source
from sosial_is.text import turkmen

TEXT = ("Maşgala we maşgalalar. Çaga, çagalar; jemgyýet, işi, iş. Kitap, maksat, kömek, adam, "
        "baha, ýagdaý, Türkmenistan, durmuş, hukuk, SW-204, C1. Goldamak, islemek, bermek, köp, bar")
VOCAB = turkmen.vocabulary([TEXT])


@pytest.mark.parametrize("text, folded", [
    ("Maşgala", "masgala"), ("ÝAGDAÝ", "yagday"), ("Türkmençe", "turkmence"),
    ("köňül", "konul"), ("žurnal", "zurnal"), ("dürlülik", "durlulik"),
    ("işi", "isi"), ("ishi", "isi"), ("chaga", "caga"),
])
def test_fold(text, folded):
    assert turkmen.fold(text) == folded


@pytest.mark.parametrize("forms, stem", [
    (["maşgala", "maşgalalar", "masgalalara", "maşgalasyndan", "maşgalalaryň", "MAŞGALANY"],
     "masgala"),
    (["çaga", "çagalar", "çagalaryň", "cagalary"], "caga"),
    (["iş", "işi", "işler", "işleriň", "ishi"], "is"),
    (["jemgyýet", "jemgyýete", "jemgyyetler"], "jemgyyet"),
    (["kitap", "kitaby"], "kitap"),
    (["maksat", "maksady"], "maksat"),
    (["kömek", "kömegi"], "komek"),
    (["Türkmenistan", "Türkmenistandaky", "Türkmenistanda"], "turkmenistan"),
])
def test_inflected_forms_share_a_stem(forms, stem):
    assert {turkmen.stem(form, VOCAB) for form in forms} == {stem}


@pytest.mark.parametrize("forms, stem", [
    # present, participle, converb, necessity, verbal noun: the infinitive the pages have
    (["goldamak", "goldaýar", "goldaýan", "goldap", "goldamaly", "goldamagy", "goldaýarlar"],
     "goldamak"),
    # negated with -ma/-me, past, future, conditional
    (["islemek", "islemeýär", "isledi", "islejek", "islese"], "islemek"),
    (["bermek", "berýär", "berip", "beren", "bermeli"], "bermek"),
])
def test_verb_forms_share_the_infinitive(forms, stem):
    assert {turkmen.stem(form, VOCAB) for form in forms} == {stem}


def test_verb_forms_need_the_infinitive_on_the_pages_and_a_stem_of_three_letters():
    # no page has "okamak": its forms stay as they are
    assert turkmen.stem("okaýar", VOCAB) == "okayar"
    # "köp" (many) ends like the converb "-p" after "kö", and "kömek" is a word of the pages,
    # but a verb stem has at least three letters; "bar" (there is) is not "barmak"
    assert turkmen.stem("köp", VOCAB) == "kop"
    assert turkmen.stem("kömek", VOCAB) == "komek"
    assert turkmen.stem("bar", turkmen.vocabulary(["bar barmak"])) == "bar"


def test_base_form_is_not_cut_without_evidence():
    # a blind stripper would cut the dative "-ga" from "çaga"
    assert turkmen.stem("çaga", VOCAB) == "caga"
    assert turkmen.stem("maşgala", frozenset()) == "masgala"


# Short words that end like a suffix: "çäk" (limit) is "çaga" (child) with the dative "-a" cut
# and "g" devoiced; "et" (meat) is "etika" with "-ka" and "-i" cut; "es" is "esasy".
SHORT = ("Çaga, çagalar, çagalaryň; çäk, çäkleri. Etika, etikasy, et. Ata, atalary, at. "
         "Esasy, esasynda, es. Termin, terminler, term. Iş, işi, işlerimizden")
SHORT_VOCAB = turkmen.vocabulary([SHORT])


@pytest.mark.parametrize("word, stem", [
    ("çaga", "caga"), ("çagalaryň", "caga"), ("çäkleri", "cak"), ("etika", "etika"),
    ("etikasy", "etika"), ("ata", "ata"), ("atalary", "ata"), ("esasy", "esasy"),
    ("esasynda", "esasy"), ("termin", "termin"), ("terminler", "termin"),
    ("işi", "is"), ("işlerimizden", "is"),
])
def test_a_word_that_is_the_stem_of_others_is_its_own_stem(word, stem):
    # suffixes come off in the order they stand in, from the end ("etikasy": -sy, then no case
    # ending before a possessive), and a word the pages inflect ("çaga": "çagalar") is not cut
    assert turkmen.stem(word, SHORT_VOCAB) == stem


# Nouns the pages have only inflected: "şert" (condition), "ýagdaý" (situation) and "ukyp"
# (ability) are on no page as words; "durmuş" (life) is, next to forms that share "durmu".
SHARED = ("Şerti, şertler, şertleri, şertlere. Ýagdaýy, ýagdaýa, ýagdaýda, ýagdaýlar. "
          "Ukyplary, ukyplara, ukyplarynda. Durmuş, durmuşy, durmuşyny, durmuşynda. "
          "Salkyn, salkym, salgy, salgyny")
SHARED_VOCAB = turkmen.vocabulary([SHARED])
SHARED_FORMS = sorted(SHARED_VOCAB | {"şertlerde", "ýagdaý", "yagdaylary", "ukyplar", "sert"})


@pytest.mark.parametrize("forms, stem", [
    (["şerti", "şertler", "şertleri", "şertlere", "şertlerde"], "sert"),
    (["ýagdaýy", "ýagdaýa", "ýagdaýda", "ýagdaýlar", "ýagdaý", "yagdaylary"], "yagday"),
    # "ukyp" and "ukyplar" are shared alike: the longer
    (["ukyplary", "ukyplara", "ukyplarynda", "ukyplar"], "ukyplar"),
    (["durmuş", "durmuşy", "durmuşyny", "durmuşynda"], "durmus"),
])
def test_a_stem_three_words_share_is_a_stem_without_a_page_having_it(forms, stem):
    # before, each of these forms was its own stem ("şerti" and "şertler" did not meet); the
    # cut never leaves a vowel before a suffix that begins with one ("ýagdaýy" is not
    # "ýagda-ýy"), and a word of the pages is not cut to a shared stem it does not lead to
    # ("durmuşy" stays "durmuş", not "durmu" + "-sy")
    assert {turkmen.stem(form, SHARED_VOCAB) for form in forms} == {stem}


def test_words_share_a_stem_by_the_suffixes_cut_not_by_voicing():
    # "salkyn" (cool) and "salkym" (cluster) end like a genitive and a possessive after "salk";
    # "salgy" and "salgyny" (address) reach "salk" only with "g" devoiced: not a third word
    assert turkmen.stem("salkyn", SHARED_VOCAB) == "salkyn"
    assert turkmen.stem("salkym", SHARED_VOCAB) == "salkym"


def test_a_shared_stem_needs_three_words_and_four_letters():
    assert turkmen.stem("şerti", turkmen.vocabulary(["şerti şertler"])) == "serti"
    assert turkmen.stem("ata", turkmen.vocabulary(["atasy atasyny atasynda"])) == "ata"
    # "kan" is shared, but short; "kanu" (-ny, -na, -nda) and "kanun" (-y, -a, -da) alike: the
    # longer, which is what a reader types
    vocab = turkmen.vocabulary(["kanuny kanuna kanunda"])
    assert {turkmen.stem(w, vocab) for w in ("kanuny", "kanuna", "kanunda", "kanun")} == {"kanun"}


@pytest.mark.parametrize("token", ["sw-204", "c1", "2014"])
def test_tokens_with_digits_are_kept(token):
    assert turkmen.stem(token, VOCAB) == token


def test_stop_words():
    assert turkmen.is_stop_word("we") and turkmen.is_stop_word("üçin")
    assert not turkmen.is_stop_word("maşgala")
    # question words carry no topic ("durmuş işi näme?"), with or without Turkmen letters
    assert all(turkmen.is_stop_word(w) for w in ("näme", "name", "nädip", "haýsy", "näçe", "edýär"))
    # ... also with the question particle written together ("... bolýarmy?", "... dälmi?")
    assert all(turkmen.is_stop_word(w) for w in ("bolýarmy", "bolyarmy", "dälmi", "bilermi"))
    assert not any(turkmen.is_stop_word(w) for w in ("ylmy", "jemi", "resmi"))
    # ... and the case forms of the pronouns and question words, which the stemmer never cuts
    # down to the stop word ("kime habar bermeli?": to whom)
    assert all(turkmen.is_stop_word(w) for w in ("kime", "kimiň", "haýsysy", "nämäni", "onuň",
                                                 "olaryň", "muny"))
    # "hakynda" (about) names the laws: "Durmuş hyzmatlary hakynda Kanun"
    assert not turkmen.is_stop_word("hakynda")


def test_question_particle_comes_off_only_when_the_rest_is_attested():
    vocab = turkmen.vocabulary(["saklamaly ylmy jemi"])
    assert turkmen.stem("saklamalymy", vocab) == "saklamaly"
    # "ylmy" (scientific) and "jemi" (total) end in "my"/"mi" but are words of their own
    assert turkmen.stem("ylmy", vocab) == "ylmy" and turkmen.stem("jemi", vocab) == "jemi"


def test_browser_twin_gives_the_same_stems(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing (Debian package nodejs): it runs the browser twin")
    module = tmp_path / "lunr_tk.js"
    module.write_text(lunr_tk_source(), encoding="utf-8")
    words = sorted({w for w in TEXT.replace(",", " ").replace(".", " ").split()} |
                   {"masgalalara", "maşgalasyndan", "çagalaryň", "işleriň", "kitaby", "ishi",
                    "Türkmenistandaky", "kömegi", "jemgyýete", "bahasy", "we", "üçin",
                    "bolýarmy", "dälmi", "ylmy", "goldaýar", "goldap", "goldamagy", "islemeýär",
                    "berip", "okaýar", "köp", "kime", "haýsysy", "onuň"})
    script = f"""
      const {{core, RULES}} = require({json.dumps(str(module))});
      const tk = core(RULES);
      const vocab = tk.vocabulary({json.dumps([TEXT])}, "[\\\\s\\\\-]+");
      const words = {json.dumps(words, ensure_ascii=False)};
      const short = tk.vocabulary({json.dumps([SHORT], ensure_ascii=False)}, "[\\\\s\\\\-]+");
      const shared = tk.vocabulary({json.dumps([SHARED], ensure_ascii=False)}, "[\\\\s\\\\-]+");
      const sharedWords = {json.dumps(SHARED_FORMS, ensure_ascii=False)};
      console.log(JSON.stringify({{
        vocab: Array.from(vocab).sort(),
        stems: words.map(w => tk.stem(w, vocab)),
        folds: words.map(w => tk.fold(w)),
        stop: words.map(w => tk.isStopWord(w)),
        short: Array.from(short).sort().map(w => tk.stem(w, short)),
        shared: sharedWords.map(w => tk.stem(w, shared)),
      }}));
    """
    out = json.loads(subprocess.run([node, "-e", script], capture_output=True, text=True,
                                    check=True).stdout)
    assert out["vocab"] == sorted(VOCAB)
    assert out["short"] == [turkmen.stem(w, SHORT_VOCAB) for w in sorted(SHORT_VOCAB)]
    assert out["shared"] == [turkmen.stem(w, SHARED_VOCAB) for w in SHARED_FORMS]
    assert out["stems"] == [turkmen.stem(w, VOCAB) for w in words]
    assert out["folds"] == [turkmen.fold(w) for w in words]
    assert out["stop"] == [turkmen.is_stop_word(w) for w in words]
