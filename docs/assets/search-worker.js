/*
 * Sosial iş search worker: a thin wrapper around Material's own search worker (which it loads
 * on the first message, i.e. when the reader opens search). It changes two things only:
 *  - language files: Material asks for "../lunr/min/lunr.<lang>.min.js"; Turkmen is served by
 *    our lunr.tk (scripts/sosial_is/mkdocs/lunr_tk.js, written to search/lunr.tk.js by the build), and
 *    the Turkmen vocabulary it stems against is taken from the index being set up;
 *    Russian "ё" is folded to "е" before lunr-languages' Snowball stemmer;
 *  - queries: Material adds a trailing wildcard to every query term, and lunr skips the
 *    stemmer for wildcard terms, so "maşgalalara" could never meet the indexed stem. We run
 *    each query term through the index's own pipeline first (folding, stop words, stemming), and
 *    add the compact form of a course code or competency id ("SW-204" → "sw204"), which the
 *    index carries in its "keys" field.
 * Parameters (set by docs/assets/search.js): material=<Material's worker URL>, tk=<lunr.tk URL>.
 */
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2;  /* Material's SearchMessageType */
  var SHORT_STEM = 4;
  var params = new URL(self.location.href).searchParams;
  var material = params.get("material");
  var tk = params.get("tk");
  var realImport = self.importScripts.bind(self);
  var loaded = false, setup = null, pipeline = null, separator = /[\s\-]+/;
  var forwarded = new WeakSet();

  self.importScripts = function () {
    var urls = Array.prototype.map.call(arguments, function (url) {
      return /\/lunr\.tk(\.min)?\.js$/.test(url) ? tk : new URL(url, material).href;
    });
    realImport.apply(self, urls);
    var lunr = self.lunr;
    if (lunr && lunr.ru && !lunr.ru.siYo) {
      /* Russian: "ё" is mostly written as "е"; fold it before the Snowball stemmer. */
      var ru = lunr.ru.stemmer;
      lunr.ru.stemmer = function (token) {
        return ru(token.update(function (s) { return s.replace(/ё/g, "е"); }));
      };
      lunr.Pipeline.registerFunction(lunr.ru.stemmer, "stemmer-ru-yo");
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

  function normalize(query) {
    if (!setup) return query;
    pipeline = pipeline || indexPipeline(setup.config);
    var out = [], stopped = [];
    query.trim().split(/\s+/).forEach(function (word) {
      var presence = /^[+-]/.test(word) ? word[0] : "";
      var body = word.slice(presence.length).replace(/["*~^:]/g, " ").trim();
      var code = /^([a-z]{1,4})[\-\u2010-\u2013 ]?(\d{1,4})$/i.exec(body);
      body.split(separator).forEach(function (part) {
        part = part.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (!part) return;
        var terms = pipeline.run([new self.lunr.Token(part)]).map(String).filter(Boolean);
        if (!terms.length) stopped.push(presence + part);  /* a stop word */
        terms.forEach(function (t) {
          /* Material appends "*" to every term; a short stem cut from a longer word would then
             match unrelated words ("семьями" → "сем*" → "семестр"): ask for it exactly
             ("^1" is a neutral boost, which Material leaves without wildcard). */
          out.push(presence + t + (t !== part && t.length <= SHORT_STEM ? "^1" : ""));
        });
      });
      if (code) out.push(code[1].toLowerCase() + code[2]);
    });
    /* Stop words match nearly every page (with Material's wildcard "o*" matches all words
       starting with "o"): leave them out unless the query has nothing else. */
    return out.length ? out.join(" ") : stopped.join(" ") || query;
  }

  self.addEventListener("message", function (ev) {
    if (forwarded.has(ev)) return;
    ev.stopImmediatePropagation();
    if (!loaded) { loaded = true; realImport(material); }
    var message = ev.data;
    if (message.type === SETUP) {
      setup = { config: message.data.config, docs: message.data.docs };
      separator = new RegExp(message.data.config.separator);
      pipeline = null;
    } else if (message.type === QUERY) {
      message = { type: QUERY, data: normalize(message.data) };
    }
    var copy = new MessageEvent("message", { data: message });
    forwarded.add(copy);
    self.dispatchEvent(copy);
  });
})();
