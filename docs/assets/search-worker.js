/*
 * Sosial iş search worker: a thin wrapper around Material's own search worker (which it loads
 * on the first message, i.e. when the reader opens search). Material's messages, index format,
 * result grouping and UI are unchanged; the wrapper changes:
 *  - language files: Material asks for "../lunr/min/lunr.<lang>.min.js"; Turkmen is served by
 *    our lunr.tk (scripts/sosial_is/mkdocs/lunr_tk.js, written to search/lunr.tk.js by the build), and
 *    the Turkmen vocabulary it stems against is taken from the index being set up;
 *    Russian "ё" is folded to "е" before lunr-languages' Snowball stemmer;
 *  - queries: every query word goes through the index's own pipeline (folding, stop words,
 *    stemming), because Material adds a trailing wildcard to every term and lunr skips the
 *    stemmer for wildcard terms ("maşgalalara" could never meet the indexed stem); a course code
 *    or competency id also gives its compact form ("SW-204", "sw 204" → "sw204", the index's
 *    "keys" field);
 *  - the lunr query itself (lunr.Index#search, which Material calls with its transformed query
 *    string, runs our plan for that query instead), per query word:
 *      the stem exactly (weight EXACT) and, unless it is a short stem cut from a longer word,
 *      as a prefix (weight PREFIX: "superv" still finds "supervision" while typing);
 *      for a word of TYPO_MIN_LENGTH letters or more, the words of the index one edit away
 *      (a letter added, dropped, changed, or two neighbours swapped: "glosary" → "glossary",
 *      "intervnetion" → "intervention"; titles, text, descriptions and keywords), stemmed, with
 *      weight TYPO;
 *    the corrections of a word the index does not have at all count nearly as much as the
 *    word (weight TYPO_ONLY: it is most likely misspelt); those of a word it has (weight TYPO)
 *    are a fallback: a result matched only through them is placed after every result that
 *    matches a word as typed (exact or prefix), so a typo never outranks an exact match;
 *    equal scores go to the page higher in the site (a section's own page before its sub-pages);
 *  - words the index does not have (no word of it begins with the stem): a synonym's site words
 *    (config.synonyms, from curriculum/search-synonyms.yml: "соцработник" → "социальный
 *    работник") stand for the word; without one, its prefix matches count more, and when it has
 *    none, the longest start of it some indexed word begins with ("штормовой" → "шторм…");
 *  - words of one family: for a word the index has, its longest start of RELATED_MIN letters or
 *    more that is itself an indexed word counts RELATED and stands for it ("супервизор" →
 *    "супервиз": супервизия; "supervisor" → "supervis": supervision), since the stemmers keep
 *    such derived words apart and a prefix only reaches longer words; in Russian and Turkmen,
 *    the index's words that a derivational suffix leads to or from (rootsOf: "этические" /
 *    "этика", "тревожный" / "тревога", "etiki" / "etika", "maýyplyk" / "maýyp") the same way;
 *    in English, a noun in "-is" and its plural in "-es" ("crisis" / "crises", otherNumber);
 *    a word that only readers' questions use (the index's "questions" field, front matter
 *    "questions") counts as one the index does not have: it is the reader's word, not the
 *    site's (it matches the questions with weight ASKED);
 *  - two neighbouring query words that the pages write as one ("burned out" → "burnout",
 *    "case load" → "caseload"): the joined word counts EXACT and stands for both;
 *  - pages as a whole: each page-top entry also holds its sections' words (field "body", see
 *    addPageBodies), so a page matches a query whose words its sections share between them;
 *  - titles that name the query: an entry whose title (or, when no title does, readers'
 *    questions: the "questions" field) has every word of a query of two words or more scores
 *    TITLE_ALL times as much ("социальная работа с группами": SW-301, not the ethics page,
 *    whose title has two of the words and whose sections have the third); a correction or
 *    synonym standing for a word counts as that word ("социальная работа с грппами" too); an
 *    entry whose title has some of the words scores up to TITLE_PART more, by their share; a
 *    page's keywords count as part of its title for both;
 *  - words next to each other: an entry that has neighbouring query words next to each other, in
 *    the query's order ("sosial syýasatyň esaslary", "social policy"), scores up to twice as
 *    much (PHRASE), in proportion to how many of the query's neighbouring pairs it has so;
 *  - editions of the curriculum: a page of an edition other than the current one (its index
 *    entry has "edition", mkdocs/search_index.py) is a result only when the query names one of
 *    the edition's years ("2027", "2027-2028"), or names a course code only other editions have
 *    (a course added by the edition in preparation, or one since removed); otherwise search
 *    shows the current edition.
 * Weights, with the index's field boosts (mkdocs/search_index.py), were set on the query sets of
 * bench/queries/ the search may be tuned on (scripts/run bench-search), never on the held-out
 * sets that measure it (INDEPENDENT in bench/search_quality.py).
 * Parameters (set by docs/assets/search.js): material=<Material's worker URL>, tk=<lunr.tk URL>.
 */
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2;  /* Material's SearchMessageType */
  var SHORT_STEM = 4;
  var EXACT = 1, PREFIX = 0.3, TYPO = 0.1, TYPO_ONLY = 0.7;
  var TYPO_MIN_LENGTH = 5, TYPO_MAX = 6;
  /* A query word the index does not have (not even as the start of a word): its prefix matches
     count UNKNOWN_PREFIX instead of PREFIX; if it has none, the longest start of it of at least
     BACKOFF_MIN letters that some word of the index begins with counts BACKOFF ("выгореть" →
     "выгор…": выгорание; "stormy" → "storm…"); a synonym's site words count SYNONYM. Set on
     the seen query sets (MEASUREMENTS → Search): the sum of their 12 MRRs went from 10.634 to
     10.654 with UNKNOWN_PREFIX 0.7, to 10.694 with BACKOFF 0.5, to 10.714 with both (BACKOFF 1
     scored 10.675: it took typos' place). SYNONYM was 0.7, like a misspelt word's correction
     (TYPO_ONLY), until the seen sets, tuning2 and tuning3 (sum of the 21 MRRs) gave 19.900 at
     0.7, 19.924 at 0.85 (2 queries up, none down), 19.913 at 1 (3 up, "зачем нужен супервизор
     соцработнику" down), 19.907 at 1.5, 19.881 at 2. */
  var UNKNOWN_PREFIX = 0.7, BACKOFF = 0.5, BACKOFF_MIN = 5, SYNONYM = 0.85;
  /* A word of the index: its longest start of RELATED_MIN letters or more that is an indexed word
     itself counts RELATED. On the seen query sets, tuning2 and tuning3 (sum of the 21 MRRs)
     19.788 became 19.841 (2 queries up to first place, none down); RELATED 0.5 and 1 scored the
     same, 0.1 lower; RELATED_MIN 7 the same, 5 lower (one seen query down). */
  var RELATED = 0.3, RELATED_MIN = 6;
  /* The page-top "body" field (addPageBodies): weighted like the text (0.5 and 1.5 scored
     lower on the seen query sets). */
  var BODY = 1;
  /* An entry whose title (or, when no title does, readers' questions) has every word of the
     query: 2 scored best on the seen query sets (1, i.e. no such rule, and 3 lower). */
  var TITLE_ALL = 2;
  /* An entry whose title has some of the query's words (not all: TITLE_ALL) scores 1 +
     TITLE_PART × their share. On the seen query sets, tuning2 and tuning3 (sum of the 21 MRRs)
     19.841 became 19.900 (5 Turkmen queries up, 3 of them to first place; 1 down, 8th to 10th);
     0.05: 19.841, 0.1: 19.899, 0.2: 19.884, 0.25: 19.884, 0.5: 19.853, 1: 19.753. */
  var TITLE_PART = 0.15;
  /* Query words next to each other in an entry, as in the query ("sosial syýasat", "social
     policy"), at most PHRASE_GAP words apart in one field (one stop word may stand between:
     "social work with groups"): the entry scores 1 + PHRASE × the share of the query's
     neighbouring word pairs it has so. Material's index records each word's position as its
     number among the field's words. On the seen query sets and tuning2 (sum of the 18 MRRs)
     16.864 became 17.061 (14 queries up to first place, 4 others up; 3 down from it, 2 others
     down); PHRASE 0.5: 17.014, 0.75: 17.046, 1.25: 17.016, 1.5: 16.968, 2: 16.950; PHRASE_GAP
     1: 16.989, 3: 17.062; the pair in either order: 17.015. */
  var PHRASE = 1, PHRASE_GAP = 2;
  /* Positions in different fields must not meet: each field's word numbers are offset by the
     field's place in the index's fields times FIELD_SPAN (more words than any field has). */
  var FIELD_SPAN = 1e7;
  /* Material multiplies each score by at most 5 (a page entry matching every query term) and at
     least 1 (a section matching few): typo-only results are scaled below every exact one with
     this margin, so they stay below after Material's own boosts. */
  var TYPO_MARGIN = 6;
  /* The field of readers' questions (front matter "questions": mkdocs/search_index.py,
     QUESTIONS_FIELD): searched like the other fields, but its words are not the site's. */
  var QUESTIONS = "questions";
  /* A word only readers' questions use (none of the pages): below a synonym's site words
     (SYNONYM), which name a page's subject, where a question may mention the word in passing
     ("kids": the course titled "Children, Families and Child Protection" through the synonym,
     not the life-course course whose question mentions caring for kids). On the seen query sets
     1, 0.7, 0.5, 0.3 and 0.1 score alike. */
  var ASKED = 0.5;
  /* Words of lunr-languages' Russian stop list (421 words) that carry a topic: nouns ("люди",
     "жизнь", "день", "год", "человек"), numerals and ordinals ("девять шагов", "второй курс"),
     "важный", "процентов". The list stops these forms only ("люди", not "людей"; "год", not
     "годы"), so a query lost a word the pages have in another form ("пожилые люди",
     "всемирный день социальной работы", "сколько лет учиться"). They are indexed and searched
     like any word; the list's function words (pronouns, prepositions, particles, "можно",
     "очень" ...) stay stop words. */
  var RU_TOPIC_WORDS = new Set(("важная важное важные важный время времени год года году дел " +
    "день жизнь имя лет люди мира начала человек процентов тысяч миллионов " +
    "два две двух три четыре пять шесть семь восемь девять десять одиннадцать двенадцать " +
    "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать " +
    "двадцать первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый " +
    "одиннадцатый двенадцатый тринадцатый четырнадцатый пятнадцатый шестнадцатый " +
    "семнадцатый восемнадцатый девятнадцатый двадцатый").split(" "));
  var params = new URL(self.location.href).searchParams;
  var material = params.get("material");
  var tk = params.get("tk");
  var realImport = self.importScripts.bind(self);
  var loaded = false, setup = null, pipeline = null, separator = /[\s\-]+/;
  var readerWords = null;  /* the index's synonyms (config.synonyms), prepared on the first query */
  var words = null;  /* the index's words by length, for typo corrections (built when first needed) */
  var pending = null;  /* the plan of the query Material is about to run */
  var editionOf = new Map();  /* location -> edition, for the pages of other editions */
  var keysOf = new Map();  /* location -> its codes, for the pages of other editions */
  var currentKeys = new Set();  /* the codes of the current edition's course pages */
  var allKeys = new Set();  /* every code and id of the index */
  var forwarded = new WeakSet();

  self.importScripts = function () {
    var urls = Array.prototype.map.call(arguments, function (url) {
      return /\/lunr\.tk(\.min)?\.js$/.test(url) ? tk : new URL(url, material).href;
    });
    realImport.apply(self, urls);
    var lunr = self.lunr;
    if (lunr && lunr.ru && !lunr.ru.siYo) {
      /* Russian: "ё" is mostly written as "е"; fold it before the Snowball stemmer. The stop
         list keeps its function words only (RU_TOPIC_WORDS). */
      var ru = lunr.ru.stemmer;
      lunr.ru.stemmer = function (token) {
        return ru(token.update(function (s) { return s.replace(/ё/g, "е"); }));
      };
      lunr.Pipeline.registerFunction(lunr.ru.stemmer, "stemmer-ru-yo");
      var stop = lunr.ru.stopWordFilter;
      lunr.ru.stopWordFilter = function (token) {
        return token && RU_TOPIC_WORDS.has(token.toString().replace(/ё/g, "е")) ? token : stop(token);
      };
      lunr.Pipeline.registerFunction(lunr.ru.stopWordFilter, "stopWordFilter-ru-topic");
      lunr.ru.siYo = true;
    }
    if (lunr && lunr.tk && setup && !setup.vocabulary) {
      self.lunr.tk.setVocabulary(setup.docs, setup.config.separator);
      setup.vocabulary = true;
    }
  };

  /* The index-time pipeline (trimmer, stop words, stemmers) as lunr() and Material set it up:
     running query terms through it makes them equal to the indexed terms. */
  function indexPipeline(config) {
    var lunr = self.lunr;
    var builder = new lunr.Builder();
    var warn = lunr.utils.warn;
    lunr.utils.warn = function () {};  /* multiLanguage() re-registers its trimmer: harmless */
    try {
      builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
      if (config.lang.length === 1 && config.lang[0] !== "en") builder.use(lunr[config.lang[0]]);
      else if (config.lang.length > 1) builder.use(lunr.multiLanguage.apply(null, config.lang));
    } finally {
      lunr.utils.warn = warn;
    }
    return builder.pipeline;
  }

  function terms(word) {
    return pipeline.run([new self.lunr.Token(word)]).map(String).filter(Boolean);
  }

  /* A word as the index's words are compared with it: lower case, trimmed, Turkmen folded,
     Russian ё as е. */
  function plain(word) {
    word = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/ё/g, "е");
    var lunr = self.lunr;
    /* Turkmen folding only for the Turkmen index: its sh → s would spoil English words. */
    return setup.config.lang.join() === "tk" && lunr.tk ? lunr.tk.core.fold(word) : word;
  }

  /* The words a misspelt query word may be corrected to, by length: the site's words of every
     entry (titles, text, descriptions and keywords; not the readers' questions, whose words are
     the readers'). Keywords are words their page does not use: without them "diagnotsics" found
     the course pages that mention diagnosis, not the checks page whose keyword is "diagnostics". */
  function indexWords() {
    if (words) return words;
    var seen = new Set();
    words = new Map();
    setup.docs.forEach(function (doc) {
      [doc.title, doc.text, doc.description, doc.keywords].forEach(function (text) {
        String(text || "").replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
          var w = plain(token);
          if (w.length < TYPO_MIN_LENGTH - 1 || seen.has(w) || /\d/.test(w)) return;
          seen.add(w);
          if (!words.has(w.length)) words.set(w.length, []);
          words.get(w.length).push(w);
        });
      });
    });
    return words;
  }

  /* One edit apart: a letter inserted, deleted or substituted, or two neighbours swapped. */
  function oneEdit(a, b) {
    if (a.length > b.length) { var swap = a; a = b; b = swap; }
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (i === a.length) return false;
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.slice(i) === b.slice(i + 1);
  }

  /* Stems of the index's words one edit away from ``word`` (other than ``own``, its own stems). */
  function typos(word, own) {
    var w = plain(word);
    if (w.length < TYPO_MIN_LENGTH || /\d/.test(w)) return [];
    var found = [];
    var all = indexWords();
    [w.length - 1, w.length, w.length + 1].forEach(function (n) {
      (all.get(n) || []).forEach(function (candidate) {
        if (found.length < 4 * TYPO_MAX && oneEdit(w, candidate)) found.push(candidate);
      });
    });
    var stems = [];
    found.forEach(function (candidate) {
      terms(candidate).forEach(function (t) {
        var mine = own.some(function (o) { return t === o || t.indexOf(o) === 0; });
        if (!mine && stems.indexOf(t) < 0 && stems.length < TYPO_MAX) stems.push(t);
      });
    });
    return stems;
  }

  /* The site's words for a reader's word the pages do not use (config.synonyms, written by the
     build from curriculum/search-synonyms.yml): the stems of the "site" words of every entry
     with a "reader" word that ``word`` is, begins with, or shares a stem with. */
  function prepareSynonyms() {
    return (setup.config.synonyms || []).map(function (entry) {
      return {
        reader: entry.reader.map(function (r) { return { plain: plain(r), stems: terms(r) }; }),
        site: String(entry.site).split(separator).reduce(function (all, w) { return all.concat(terms(w)); }, [])
      };
    });
  }

  function synonymsOf(word, stems) {
    readerWords = readerWords || prepareSynonyms();
    var w = plain(word), found = [];
    readerWords.forEach(function (entry) {
      var match = entry.reader.some(function (r) {
        return w === r.plain || (r.plain.length >= SHORT_STEM && w.indexOf(r.plain) === 0) ||
          r.stems.some(function (s) { return stems.indexOf(s) >= 0 || (s.length > SHORT_STEM && w.indexOf(s) === 0); });
      });
      if (match) entry.site.forEach(function (t) { if (found.indexOf(t) < 0) found.push(t); });
    });
    return found;
  }

  /* The query as Material gets it (the stems) and the plan our lunr search runs. */
  function plan(query) {
    pipeline = pipeline || indexPipeline(setup.config);
    var out = [], stopped = [], clauses = [];
    var years = query.match(/\b(19|20)\d\d\b/g) || [];  /* editions the reader asks for */
    query.trim().split(/\s+/).forEach(function (word) {
      var presence = /^[+-]/.test(word) ? word[0] : "";
      var body = word.slice(presence.length).replace(/["*~^:]/g, " ").trim();
      var code = /^([a-z]{1,4})[\-\u2010-\u2013 ]?(\d{1,4})$/i.exec(body);
      body.split(separator).forEach(function (part) {
        part = part.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (!part) return;
        var stems = terms(part);
        if (!stems.length) stopped.push(presence + part);  /* a stop word */
        stems.forEach(function (t) {
          /* A short stem cut from a longer word would, as a prefix, match unrelated words
             ("семьями" → "сем*" → "семестр"): asked for exactly ("^1" is a neutral boost,
             which Material leaves without wildcard). */
          var prefix = !(t !== part && t.length <= SHORT_STEM);
          out.push(presence + t + (prefix ? "" : "^1"));
          var meant = presence ? [] : synonymsOf(part, stems);
          clauses.push({ term: t, word: part, presence: presence, prefix: prefix, synonyms: meant,
                         typos: presence || meant.length ? [] : typos(part, stems) });
        });
      });
      if (code) {
        out.push(code[1].toLowerCase() + code[2]);
        clauses.push({ term: code[1].toLowerCase() + code[2], presence: "", prefix: false, typos: [],
                       synonyms: [], code: true });
      }
    });
    /* A code typed with a space ("sw 313") is a code too, when the index has it. */
    var spaced = /(?:^|\s)([a-z]{1,4})\s+(\d{1,4})(?=\s|$)/gi, m;
    while ((m = spaced.exec(query)) !== null) {
      var compact = m[1].toLowerCase() + m[2];
      if (!allKeys.has(compact) || clauses.some(function (c) { return c.term === compact; })) continue;
      out.push(compact);
      clauses.push({ term: compact, presence: "", prefix: false, typos: [], synonyms: [], code: true });
    }
    /* Stop words match nearly every page (with a prefix "o*" matches all words starting with
       "o"): left out unless the query has nothing else. */
    if (!out.length) {
      stopped.forEach(function (s) {
        var presence = /^[+-]/.test(s) ? s[0] : "";
        clauses.push({ term: s.slice(presence.length), presence: presence, prefix: true, typos: [],
                       synonyms: [] });
      });
      return { text: stopped.join(" ") || query, clauses: clauses, years: years, codes: [] };
    }
    var codes = clauses.filter(function (c) { return c.code && !currentKeys.has(c.term); })
      .map(function (c) { return c.term; });
    return { text: out.join(" "), clauses: clauses, years: years, codes: codes };
  }

  /* A result of another edition only when the query names one of its years, or a code that
     the current edition does not have and this page does. */
  function shown(result, plan) {
    var edition = editionOf.get(result.ref);
    return !edition || plan.years.some(function (y) { return edition.indexOf(y) >= 0; }) ||
      plan.codes.some(function (c) { return (keysOf.get(result.ref) || []).indexOf(c) >= 0; });
  }

  /* Do the pages hold ``term`` (or, with ``prefix``, a word starting with it)? A field of the
     index other than readers' questions (QUESTIONS) must have it: a word only a question uses
     is the reader's, not the site's, so its synonyms, its longest start and its weight as a
     misspelling stay as they were. */
  function onPages(index, term) {
    var posting = index.invertedIndex[term];
    if (!posting) return false;
    for (var field in posting)
      if (field !== "_index" && field !== QUESTIONS && Object.keys(posting[field]).length) return true;
    return false;
  }
  function indexed(index, term, prefix) {
    if (!prefix) return onPages(index, term);
    var lunr = self.lunr;
    return index.tokenSet.intersect(lunr.TokenSet.fromString(term + "*")).toArray()
      .some(function (t) { return onPages(index, t); });
  }

  /* The longest start of ``term``, shorter than it and of ``min`` letters or more, that the
     index has (as a word, or with ``prefix`` as the start of one); null if none. */
  function longestStart(index, term, min, prefix) {
    for (var cut = term.length - 1; cut >= min; cut--) {
      if (indexed(index, term.slice(0, cut), prefix)) return term.slice(0, cut);
    }
    return null;
  }

  /* Russian words of one family that Snowball keeps apart: an adjective, a verbal noun or an
     agent noun and the word it is made from ("этические" / "этика", "правовой" / "право",
     "тревожный" / "тревога", "медицинский" / "медицина", "помощник" / "помощь"). ``rootsOf``
     gives the stems a stem may be made from: a derivational suffix cut, then a final "ь"
     dropped or the alternation undone (ж → г, ч → к), and "-ческ-" / "-ичн-" back to "-к"; a
     root has four letters or more (three gave false families: "пол" for "полевой", "лет" for
     "летний"). The index's words that lead to one of its words form a family (built once per
     index, on the first query); a query word's family counts RELATED and stands for the word,
     like its longest start. On the seen sets and tuning2 to tuning4 (sum of the 24 MRRs)
     22.723 became 22.726: 2 queries up ("депресия и тревожность", 3rd to 1st; one 8th to 7th),
     2 one place down; with three-letter roots 22.731; weight 0.15 or 0.6 the same.
     Turkmen the same way (TK_DERIVED, on the folded stems of lunr.tk): "-lyk" (an abstract
     noun), "-ly" (having), "-syz" (without), "-çy" (a doer), "-çylyk", and "-iki" / "-yky" back
     to "-ika" / "-yka" ("etiki" / "etika", "maýyplyk" / "maýyp", "garrylyk" / "garry",
     "ýadawlyk" / "ýadaw", "hukukçy" / "hukuk"): 22.726 became 22.728 (1 up, none down). */
  var RU_DERIVED = ["ическ", "ональн", "альн", "ельн", "енн", "онн", "ейн", "ск", "ов", "ев", "ен",
                    "ник", "н"];
  var families = null;
  var TK_DERIVED = [["cylyk", ""], ["cilik", ""], ["lyk", ""], ["lik", ""], ["luk", ""],
                    ["cy", ""], ["ci", ""], ["cu", ""], ["ly", ""], ["li", ""], ["lu", ""],
                    ["syz", ""], ["siz", ""], ["suz", ""], ["iki", "ika"], ["yky", "yka"]];
  function rootsOf(t, turkmen) {
    var out = [];
    function add(r) { if (r.length >= 4 && r !== t && out.indexOf(r) < 0) out.push(r); }
    if (turkmen && /^[a-z]+$/.test(t)) {
      TK_DERIVED.forEach(function (rule) {
        if (t.slice(-rule[0].length) === rule[0]) add(t.slice(0, t.length - rule[0].length) + rule[1]);
      });
      return out;
    }
    if (!/^[а-я]+$/.test(t)) return out;
    var k = /(.)(ческ|ичн)$/.exec(t);
    if (k) add(t.slice(0, t.length - k[2].length) + "к");
    RU_DERIVED.forEach(function (suffix) {
      if (t.slice(-suffix.length) !== suffix) return;  /* add() keeps roots of 4+ letters */
      var base = t.slice(0, t.length - suffix.length);
      add(base);
      if (/ь$/.test(base)) add(base.slice(0, -1));
      if (/ж$/.test(base)) add(base.slice(0, -1) + "г");
      if (/ч$/.test(base)) add(base.slice(0, -1) + "к");
    });
    return out;
  }
  function familyOf(index, term) {
    var turkmen = setup.config.lang.indexOf("tk") >= 0;
    if (!families) {
      families = new Map();
      Object.keys(index.invertedIndex).forEach(function (t) {
        if (!onPages(index, t)) return;
        rootsOf(t, turkmen).forEach(function (r) {
          if (!onPages(index, r)) return;
          if (!families.has(r)) families.set(r, [r]);
          families.get(r).push(t);
        });
      });
    }
    var out = [];
    [term].concat(rootsOf(term, turkmen)).forEach(function (r) {
      (families.get(r) || []).forEach(function (t) { if (t !== term && out.indexOf(t) < 0) out.push(t); });
    });
    return out;
  }

  /* English nouns in "-is" from Greek and Latin, whose plural is "-es": the Porter stemmer
     keeps the two numbers apart ("crisis" → "crisi", "crises" → "crise"; "analysis" → "analysi",
     "analyses" → "analys"). The stems of the other number, for the index to check; stems of
     five letters or more ("basis" and "based" are not one word). They count EXACT: one word.
     On the seen sets and tuning2 to tuning5 (sum of the 27 MRRs) 25.599 became 25.620: one
     query up ("intervening in crises", 3rd to 1st), none down. */
  function otherNumber(t) {
    if (t.length < 5) return [];
    if (/si$/.test(t)) return [t.slice(0, -1), t.slice(0, -1) + "e"];
    if (/se$/.test(t)) return [t.slice(0, -1) + "i"];
    if (/[^s]s$/.test(t)) return [t + "i"];
    return [];
  }

  /* Best first; on a tie, the page higher in the site's hierarchy (a section's own page before
     its sub-pages), then the page before its sections. Material's own sort after its boosts
     is stable, so the order of equal scores stays. */
  function depth(ref) {
    return ref.split("#")[0].split("/").length + (ref.indexOf("#") >= 0 ? 0.5 : 0);
  }
  function byScore(a, b) {
    return b.score - a.score || depth(a.ref) - depth(b.ref);
  }

  function runPlan(index, plan) {
    var lunr = self.lunr;
    var P = lunr.Query.presence;
    var typed = [], corrected = new Set(), stands = new Map(), joined = new Map();
    var backoffs = [];
    var derived = setup.config.lang.some(function (l) { return l === "ru" || l === "tk"; });
    var english = setup.config.lang.indexOf("en") >= 0;
    var results = index.query(function (q) {
      plan.clauses.forEach(function (c) {
        var presence = c.presence === "+" ? P.REQUIRED : c.presence === "-" ? P.PROHIBITED : P.OPTIONAL;
        typed.push(c.term);
        if (presence === P.PROHIBITED) {
          q.term(c.term, { usePipeline: false, presence: presence,
                           wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });
          return;
        }
        var exact = indexed(index, c.term, false);
        /* "+word": the prefix clause (which includes the exact stem) is the required one. A
           word the pages do not have can still be in readers' questions: it counts ASKED there. */
        q.term(c.term, { usePipeline: false, boost: exact ? EXACT : ASKED,
                         presence: c.prefix ? P.OPTIONAL : presence });
        var known = exact || (c.prefix && indexed(index, c.term, true));
        if (c.prefix)
          q.term(c.term, { usePipeline: false, boost: exact ? PREFIX : UNKNOWN_PREFIX, presence: presence,
                           wildcard: lunr.Query.wildcard.TRAILING });
        /* Another form of the word: searched with ``boost``, it stands for the word (the
           first word it is found for keeps it). */
        function alsoAs(t, boost) {
          typed.push(t);
          if (!stands.has(t)) stands.set(t, c.term);
          q.term(t, { usePipeline: false, boost: boost });
        }
        /* a word of its family: its longest start that the index has as a word */
        var related = known && c.prefix && !c.code ? longestStart(index, c.term, RELATED_MIN, false) : null;
        if (related) alsoAs(related, RELATED);
        if (derived && !c.code) familyOf(index, c.term).forEach(function (t) {
          if (t !== related) alsoAs(t, RELATED);
        });
        if (english && !c.code) otherNumber(c.term).forEach(function (t) {
          if (t !== related && onPages(index, t)) alsoAs(t, EXACT);
        });
        if (c.synonyms.length && !known) {
          /* A reader's word no page uses: the site's words for it stand for it. */
          c.synonyms.forEach(function (t) {
            typed.push(t);
            stands.set(t, c.term);
            q.term(t, { usePipeline: false, boost: SYNONYM });
          });
          return;
        }
        /* no word of the index begins with it: its longest start that one does */
        var start = !known && c.prefix ? longestStart(index, c.term, BACKOFF_MIN, true) : null;
        if (start) {
          backoffs.push([start, c.term]);
          typed.push(start);
          q.term(start, { usePipeline: false, boost: BACKOFF, wildcard: lunr.Query.wildcard.TRAILING });
        }
        if (!c.typos.length) return;
        /* A word the index does not have at all is most likely misspelt: its corrections
           count nearly as much as the word would; otherwise they are a distant fallback. */
        c.typos.forEach(function (t) {
          if (known) corrected.add(t);
          else { typed.push(t); stands.set(t, c.term); }
          q.term(t, { usePipeline: false, boost: known ? TYPO : TYPO_ONLY });
        });
      });
      /* Two neighbouring query words that the pages write as one ("burned-out", "burn out" →
         "burnout"; "case load" → "caseload"; "well being" → "wellbeing"): the joined word, as
         typed or of the two stems, counts EXACT and stands for both. On the seen sets and
         tuning2 to tuning5 (sum of the 27 MRRs) 25.554 became 25.599: 2 queries up ("how do
         social workers avoid burning out", 7th to 1st; "burned-out social workers self-care",
         10th to 2nd), none down. Neighbours are the words left after the stop list ("burn the
         out" is "burn out"). */
      var neighbours = plan.clauses.filter(function (c) { return !c.code && !c.presence && c.word; });
      for (var i = 1; i < neighbours.length; i++) {
        var a = neighbours[i - 1], b = neighbours[i];
        terms(a.word + b.word).concat([a.term + b.term]).forEach(function (t) {
          if (t === a.term || t === b.term || joined.has(t) || !onPages(index, t)) return;
          joined.set(t, [a.term, b.term]);
          typed.push(t);
          q.term(t, { usePipeline: false, boost: EXACT });
        });
      }
    });
    /* A correction or a synonym of a word the index does not have, or a word starting with its
       longest indexed start, stands for the word: Material, which counts the query's words an
       entry matches (and lists the others as missing), counts it. */
    function standsFor(t) {
      var meant = backoffs.filter(function (b) { return t.indexOf(b[0]) === 0; })
        .map(function (b) { return b[1]; });
      if (stands.has(t)) meant.push(stands.get(t));
      return meant.concat(joined.get(t) || []);
    }
    if (stands.size || backoffs.length || joined.size) results.forEach(function (r) {
      var metadata = r.matchData.metadata;
      Object.keys(metadata).forEach(function (t) {
        standsFor(t).forEach(function (w) { if (!metadata[w]) metadata[w] = {}; });
      });
    });
    if (editionOf.size) results = results.filter(function (r) { return shown(r, plan); });
    /* Material favours an entry matching every word of the query, wherever: a page's body makes
       that easy for long pages, so a title that has them all counts more; when no title has them
       all, readers' questions that have them all between them count so too (the words readers
       use for the page: on the seen query sets the sum of the 15 MRRs went from 13.954 to
       14.022; 1.5 times scored lower). A title that names the query comes first: with the rule
       for questions on every result (14.052) the references page, whose questions ask about
       international social work organisations, came before SW-403 "Deňeşdirme we halkara
       durmuş işi" for "halkra durmuş işi". A word of the title or the questions that stands for
       a query word (a misspelt word's correction, a synonym, a longest start) counts for it:
       without it a typo in a query took the rule away from the page it names. Only a page's
       title takes the questions' rule away, not a section heading elsewhere: a glossary entry
       titled "аналитическая записка" kept SW-404, whose questions ask for it, second (on the
       seen sets, tuning2 and tuning3, sum of the 21 MRRs, 19.962 became 19.981, one query up
       and none down). */
    var asked = plan.clauses.filter(function (c) { return !c.code && c.presence !== "-"; });
    /* Does the index term ``t`` match the query word of clause ``c``? */
    function meets(t, c) {
      return t === c.term || (c.prefix && t.indexOf(c.term) === 0) || standsFor(t).indexOf(c.term) >= 0;
    }
    /* How many of the query's words the field ``field`` (or the field ``also``) of entry ``r``
       has. The title rules read the title and the keywords: keywords are the page's other names,
       in readers' words ("garrylar" for SW-209, "Gartaşan adamlar bilen durmuş işi"). On the
       seen sets and tuning2 to tuning4 (sum of the 24 MRRs) 22.730 became 22.746: one query up
       ("garrylar bilen durmuş işi", 2nd to 1st), none down. */
    function wordsIn(r, field, also) {
      var metadata = r.matchData.metadata;
      return asked.filter(function (c) {
        return Object.keys(metadata).some(function (t) {
          return (metadata[t][field] || (also && metadata[t][also])) && meets(t, c);
        });
      }).length;
    }
    /* Every place where entry ``r`` has the query word of clause ``c``, as one number: the
       field's place in the index's fields times FIELD_SPAN plus the word's number in the field. */
    function places(r, c) {
      var metadata = r.matchData.metadata, out = [];
      Object.keys(metadata).forEach(function (t) {
        if (!meets(t, c)) return;
        Object.keys(metadata[t]).forEach(function (field) {
          var base = index.fields.indexOf(field) * FIELD_SPAN;
          ((metadata[t][field] || {}).position || []).forEach(function (n) { out.push(base + n); });
        });
      });
      return out;
    }
    /* How many neighbouring pairs of query words ``r`` has next to each other, in order. */
    function phrases(r) {
      var near = 0, before = places(r, asked[0]);
      for (var i = 1; i < asked.length; i++) {
        var here = places(r, asked[i]), at = new Set(here);
        if (before.some(function (p) {
          for (var gap = 1; gap <= PHRASE_GAP; gap++) if (at.has(p + gap)) return true;
          return false;
        })) near++;
        before = here;
      }
      return near;
    }
    if (asked.length > 1) {
      var inTitle = results.map(function (r) { return wordsIn(r, "title", "keywords"); });
      var titled = results.some(function (r, i) { return inTitle[i] === asked.length && r.ref.indexOf("#") < 0; });
      results.forEach(function (r, i) { if (inTitle[i] === asked.length) r.score *= TITLE_ALL; });
      if (!titled) results.forEach(function (r) {
        if (wordsIn(r, QUESTIONS) === asked.length) r.score *= TITLE_ALL;
      });
      results.forEach(function (r, i) {
        if (inTitle[i] < asked.length) r.score *= 1 + TITLE_PART * inTitle[i] / asked.length;
      });
      results.forEach(function (r) {
        var near = phrases(r);
        if (near) r.score *= 1 + PHRASE * near / (asked.length - 1);
      });
    }
    results.sort(byScore);
    if (!corrected.size) return results;
    function asTyped(term) {
      return !corrected.has(term) || typed.some(function (t) { return term === t || term.indexOf(t) === 0; });
    }
    var best = Infinity, worst = 0, typoOnly = [];
    results.forEach(function (r) {
      if (Object.keys(r.matchData.metadata).some(asTyped)) best = Math.min(best, r.score);
      else { typoOnly.push(r); worst = Math.max(worst, r.score); }
    });
    if (typoOnly.length && best < Infinity && worst * TYPO_MARGIN > best) {
      var scale = best / (worst * TYPO_MARGIN);
      typoOnly.forEach(function (r) { r.score *= scale; });
      results.sort(byScore);
    }
    return results;
  }

  /* A page-top entry gets a "body" field: the titles and text of its page's sections. Material
     indexes each section as its own entry, so a page that answers a question in several sections
     ("social work" in its title, "hospital" in its description) matched no entry with every word
     of the query, and lost to pages that mention them all in one place. The field is added here,
     when the index is set up, rather than by the build: the index a reader downloads stays as
     small as before (setting it up takes about a quarter longer, MEASUREMENTS → Search). Pages of
     entries (the glossary, the bibliography, the translation status, the list of checks:
     "entries" in the index, set by mkdocs/search_index.py) are not one topic: they get no body. */
  function addPageBodies(data) {
    var tops = new Map(), sections = new Map();
    data.docs.forEach(function (doc) {
      var page = doc.location.split("#")[0];
      if (page === doc.location) tops.set(page, doc);
      else if (sections.has(page)) sections.get(page).push(doc);
      else sections.set(page, [doc]);
    });
    tops.forEach(function (top, page) {
      if (top.entries) return;
      var mine = sections.get(page) || [];
      top.body = mine.map(function (doc) { return (doc.title || "") + " " + (doc.text || ""); }).join(" ");
    });
    data.config.fields.body = { boost: BODY };
  }

  function patchLunr() {
    var lunr = self.lunr;
    if (!lunr || lunr.Index.prototype.siSearch) return;
    var search = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function (queryString) {
      return pending ? runPlan(this, pending) : search.call(this, queryString);
    };
    lunr.Index.prototype.siSearch = true;
  }

  self.addEventListener("message", function (ev) {
    if (forwarded.has(ev)) return;
    ev.stopImmediatePropagation();
    if (!loaded) { loaded = true; realImport(material); patchLunr(); }
    var message = ev.data;
    var current = null;
    if (message.type === SETUP) {
      setup = { config: message.data.config, docs: message.data.docs };
      editionOf = new Map();
      keysOf = new Map();
      currentKeys = new Set();
      allKeys = new Set();
      message.data.docs.forEach(function (doc) {
        var keys = String(doc.keys || "").split(" ").filter(Boolean);
        keys.forEach(function (k) { allKeys.add(k); });
        if (doc.edition) {
          editionOf.set(doc.location, doc.edition);
          keysOf.set(doc.location, keys);
        } else if (doc.location.indexOf("#") < 0) {  /* a course page's own code */
          keys.forEach(function (k) { currentKeys.add(k); });
        }
      });
      separator = new RegExp(message.data.config.separator);
      readerWords = null;
      addPageBodies(message.data);
      pipeline = null;
      words = null;
      families = null;
    } else if (message.type === QUERY && setup) {
      current = plan(message.data);
      message = { type: QUERY, data: current.text };
    }
    var copy = new MessageEvent("message", { data: message });
    forwarded.add(copy);
    /* Material's handler runs the search synchronously within this dispatch. */
    pending = current;
    try {
      self.dispatchEvent(copy);
    } finally {
      pending = null;
    }
  });
})();
