/*
 * lunr.tk — Turkmen for lunr.js, the engine inside Material's search worker.
 * Browser twin of scripts/sosial_is/text/turkmen.py (read its docstring for the approach and limits);
 * the build embeds the rules from that module where RULES is assigned below, so both use the
 * same data. tests/unit/test_search_turkmen.py runs this file under Node and compares stems.
 * Usable as a lunr language (the worker loads it like lunr-languages' lunr.<lang>.min.js)
 * and as a CommonJS module (Node, tests).
 */
(function (root) {
  "use strict";
  var RULES = /*RULES*/null;

  function core(rules) {
    var suffixes = rules.suffixes;
    var stop = new Set(rules.stopWords);
    var trim = /^[^0-9a-z\u00c0-\u024f\u0400-\u04ff]+|[^0-9a-z\u00c0-\u024f\u0400-\u04ff]+$/g;
    var digit = /\d/;

    function fold(text) {
      var out = "";
      var lower = String(text).toLowerCase();
      for (var i = 0; i < lower.length; i++) {
        var ch = lower[i];
        out += Object.prototype.hasOwnProperty.call(rules.fold, ch) ? rules.fold[ch] : ch;
      }
      for (var digraph in rules.digraphs)
        out = out.split(digraph).join(rules.digraphs[digraph]);
      return out;
    }

    /* The word with suffixes cut (turkmen.py: _cuts), each also with its final voicing undone. */
    function candidates(word) {
      return devoiced(cuts(word));
    }

    function devoiced(found) {
      var out = new Set(found);
      found.forEach(function (w) {
        var last = w[w.length - 1];
        if (Object.prototype.hasOwnProperty.call(rules.devoice, last))
          out.add(w.slice(0, -1) + rules.devoice[last]);
      });
      return out;
    }

    /* Each cut with the latest slot a suffix before it may stand in (turkmen.py: SLOTS). */
    function cuts(word) {
      var found = new Map([[word, Infinity]]);
      var frontier = new Map(found);
      for (var pass = 0; pass < rules.maxPasses && frontier.size; pass++) {
        var next = new Map();
        frontier.forEach(function (below, w) {
          suffixes.forEach(function (s) {
            if (w.length - s.length >= rules.minStem && w.slice(-s.length) === s) {
              var slot = 0;
              rules.slots[s].forEach(function (k) { if (k < below && k > slot) slot = k; });
              var c = w.slice(0, -s.length);
              if (rules.vowels.indexOf(s[0]) >= 0 && rules.hiatus.indexOf(c[c.length - 1]) >= 0) return;
              if (slot && slot > Math.max(found.get(c) || 0, next.get(c) || 0)) next.set(c, slot);
            }
          });
        });
        next.forEach(function (slot, c) { found.set(c, slot); });
        frontier = next;
      }
      return new Set(found.keys());
    }

    function shortest(a, b) {
      return a === null || b.length < a.length || (b.length === a.length && b < a) ? b : a;
    }

    /* The attested infinitive of a finite verb form ("goldaýar" -> "goldamak"), else null. */
    function infinitive(word, vocabulary) {
      var best = null;
      if (!vocabulary) return best;
      rules.verbSuffixes.forEach(function (s) {
        if (word.length <= s.length || word.slice(-s.length) !== s) return;
        var base = word.slice(0, -s.length);
        var bases = [base];
        if (rules.negation.indexOf(base.slice(-2)) >= 0) bases.push(base.slice(0, -2));
        bases.forEach(function (b) {
          if (b.length < rules.verbMin || (s.length === 1 && rules.vowels.indexOf(b[b.length - 1]) < 0)) return;
          rules.infinitives.forEach(function (end) {
            if (b + end !== word && vocabulary.has(b + end)) best = shortest(best, b + end);
          });
        });
      });
      return best;
    }

    /* The one of ``words`` the most words share (``supported``: word -> how many), then the
       longest, then the first in alphabetical order (turkmen.py: _most_shared); null if none. */
    function mostShared(words, supported) {
      var best = null;
      words.forEach(function (c) {
        if (!supported || !supported.has(c)) return;
        var n = supported.get(c), m = best === null ? -1 : supported.get(best);
        if (best === null || n > m || (n === m && (c.length > best.length ||
            (c.length === best.length && c < best)))) best = c;
      });
      return best;
    }

    /* The shortest candidate of the folded ``word`` (of ``found``, its candidates, when given)
       that is a word of ``vocabulary``, cut further to a shorter ``supported`` stem when it is
       one of that word's candidates; with no candidate in ``vocabulary``, the ``supported``
       one most words share; else the word. ``known``: the vocabulary's words' candidates,
       already worked out (analysis). */
    function nominal(word, vocabulary, supported, found, known) {
      var best = null, usable = [];
      (found || candidates(word)).forEach(function (c) {
        if (c.length < rules.minStem || stop.has(c)) return;
        usable.push(c);
        if (vocabulary && vocabulary.has(c)) best = shortest(best, c);
      });
      if (best === null) return mostShared(usable, supported) || word;
      var shorter = Array.from((known && known.get(best)) || candidates(best)).filter(function (c) {
        return c.length < best.length && !stop.has(c);
      });
      return mostShared(shorter, supported) || best;
    }

    /* Computed once per vocabulary (turkmen.py: _analysis): each of its words' nominal stem
       (``nominals``); the words that are the nominal stem of another of its words
       (``stems``); the stems SUPPORT of its words share (``supported``). */
    function analysis(vocabulary) {
      if (!vocabulary.nominals) {
        var nominals = new Map(), stems = new Set(), all = new Map(), shared = new Map();
        vocabulary.forEach(function (w) {
          if (digit.test(w) || w.length <= rules.minStem) return;
          var cut = cuts(w);
          all.set(w, devoiced(cut));
          cut.forEach(function (c) {
            if (c !== w && c.length >= rules.supportedMin && !vocabulary.has(c))
              shared.set(c, (shared.get(c) || 0) + 1);
          });
        });
        var supported = new Map();
        shared.forEach(function (n, c) { if (n >= rules.support) supported.set(c, n); });
        all.forEach(function (found, w) {
          var n = nominal(w, vocabulary, supported, found, all);
          nominals.set(w, n);
          if (n !== w) stems.add(n);
        });
        vocabulary.nominals = nominals;
        vocabulary.stems = stems;
        vocabulary.supported = supported;
      }
      return vocabulary;
    }

    function stem(word, vocabulary) {
      word = fold(word);
      if (digit.test(word) || word.length <= rules.minStem) return word;
      var base = word;
      if (vocabulary) {
        var known = analysis(vocabulary);
        if (!known.stems.has(word))
          base = known.nominals.has(word) ? known.nominals.get(word) : nominal(word, vocabulary, known.supported);
      }
      return infinitive(base, vocabulary) || base;
    }

    function vocabulary(texts, separator) {
      var words = new Set();
      var sep = new RegExp(separator || "[\\s\\-]+");
      texts.forEach(function (text) {
        String(text || "").replace(/<[^>]*>/g, " ").split(sep).forEach(function (token) {
          token = fold(token || "").replace(trim, "");
          if (token) words.add(token);
        });
      });
      return words;
    }

    /* A stop word, also with the question particle ("bolýarmy", "dälmi"). */
    function isStopWord(w) {
      w = fold(w);
      return stop.has(w) || (rules.particles || []).some(function (p) {
        return w.length > p.length && w.slice(-p.length) === p && stop.has(w.slice(0, -p.length));
      });
    }

    return { fold: fold, stem: stem, vocabulary: vocabulary, isStopWord: isStopWord };
  }

  function register(lunr, tk) {
    var vocab = new Set();
    var cache = new Map();
    lunr.tk = function () {
      this.pipeline.reset();
      this.pipeline.add(lunr.tk.trimmer, lunr.tk.stopWordFilter, lunr.tk.stemmer);
      if (this.searchPipeline) {
        this.searchPipeline.reset();
        this.searchPipeline.add(lunr.tk.stemmer);
      }
    };
    lunr.tk.core = tk;
    lunr.tk.wordCharacters = "0-9A-Za-z\u00C0-\u024F\u0400-\u04FF";
    lunr.tk.trimmer = lunr.trimmerSupport.generateTrimmer(lunr.tk.wordCharacters);
    lunr.Pipeline.registerFunction(lunr.tk.trimmer, "trimmer-tk");
    /* Stems are chosen among words of the pages being indexed: set them before indexing. */
    lunr.tk.setVocabulary = function (docs, separator) {
      var texts = [];
      docs.forEach(function (doc) { texts.push(doc.title, doc.text, doc.keys); });
      vocab = tk.vocabulary(texts, separator);
      cache = new Map();
    };
    lunr.tk.stem = function (word) {
      var hit = cache.get(word);
      if (hit === undefined) { hit = tk.stem(word, vocab); cache.set(word, hit); }
      return hit;
    };
    lunr.tk.stemmer = function (token) {
      return token.update(function (s) { return lunr.tk.stem(s); });
    };
    lunr.Pipeline.registerFunction(lunr.tk.stemmer, "stemmer-tk");
    lunr.tk.stopWordFilter = function (token) {
      return tk.isStopWord(token.toString()) ? undefined : token;
    };
    lunr.Pipeline.registerFunction(lunr.tk.stopWordFilter, "stopWordFilter-tk");
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { core: core, RULES: RULES };
  } else if (root.lunr) {
    register(root.lunr, core(RULES));
  }
})(typeof self !== "undefined" ? self : this);
