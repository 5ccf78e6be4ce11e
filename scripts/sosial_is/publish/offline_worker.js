/*
 * Offline copy (scripts/sosial_is/publish/offline.py): Material's search worker, run where workers are refused.
 *
 * Opened from the file system (file://), Chromium refuses `new Worker(<file URL>)`. Material's
 * own answer (its "offline" plugin) loads the iframe-worker shim from unpkg.com: a request to a
 * third-party host, which also fails without a network, and its asynchronous importScripts()
 * does not suit our worker wrapper (docs/assets/search-worker.js), which expects the synchronous
 * importScripts() of a real worker. So, on file:// only, this script (loaded in <head>, before
 * Material's bundle creates its worker) replaces window.Worker with a hidden same-origin iframe
 * (about:blank, written with document.write) that:
 *  - gives the worker scripts the globals a worker has: postMessage() answers the page,
 *    importScripts() returns at once for scripts the frame has already loaded;
 *  - loads, as ordinary <script> tags, in order: the worker (our wrapper), Material's worker,
 *    and the lunr language files Material would import for the index's languages (read from
 *    Material's setup message), so every importScripts() call finds its script loaded;
 *  - carries the worker URL's query (?material=…&tk=…, which the wrapper reads from its own
 *    location) through history.replaceState.
 * The index's documents come in a second script, loaded when the search starts (see
 * FrameWorker.documents). Nothing runs before the reader opens search (the "si-search-wanted"
 * event from docs/assets/search.js): the messages Material sends on page load wait, so a page
 * view does not build the search index.
 * Served over HTTP (an unzipped copy put on a server), this script does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || !window.EventTarget) return;

  /* docs/assets/search.js decides when the reader wants search (focus in the search box, the
     search toggle, ?q= or ?h= in the URL) and tells us with the "si-search-wanted" event; this
     script runs first (in <head>), so it cannot miss it. */
  var wanted = false, pending = [];
  document.addEventListener("si-search-wanted", function () {
    wanted = true;
    pending.splice(0).forEach(function (start) { start(); });
  }, { once: true });

  /* The language files Material's worker imports for an index (its setupSearchLanguages). */
  function lunrFiles(langs, base, tk) {
    var files = [];
    langs.forEach(function (lang) {
      if (lang === "ja") files.push(base + "tinyseg.js");
      if (lang === "hi" || lang === "th") files.push(base + "wordcut.js");
      if (lang === "tk" && tk) files.push(tk);
      else if (lang !== "en") files.push(base + "min/lunr." + lang + ".min.js");
    });
    if (langs.length > 1) files.push(base + "min/lunr.multi.min.js");
    if (files.length) files.unshift(base + "min/lunr.stemmer.support.min.js");
    return files;
  }

  /* The frame's first script: worker globals. */
  function runtime(base, scripts, query) {
    return "(function(){" +
      "var base=" + JSON.stringify(base) + ",loaded=" + JSON.stringify(scripts) + ";" +
      "function key(u){return new URL(u,base).href.split(/[?#]/)[0];}" +
      "loaded=loaded.map(key);" +
      "window.postMessage=function(data){parent.postMessage(data,'*');};" +
      "window.importScripts=function(){" +
        "Array.prototype.forEach.call(arguments,function(u){" +
          "if(loaded.indexOf(key(u))<0)throw new Error('not in the offline copy: '+u);});" +
        "return Promise.resolve();};" +
      "history.replaceState(null,''," + JSON.stringify(query || "?") + ");" +
      "})();";
  }

  function escapeAttr(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(String(url), location.href);
      this.queue = [];
      this.frame = null;
      this.ready = false;
      this.onmessage = null;
      this.onerror = null;
      var worker = this;
      window.addEventListener("message", function (ev) {
        if (!worker.frame || ev.source !== worker.frame.contentWindow) return;
        var copy = new MessageEvent("message", { data: ev.data });
        worker.dispatchEvent(copy);
        if (typeof worker.onmessage === "function") worker.onmessage(copy);
      });
    }

    postMessage(data) {
      this.queue.push(data);
      if (wanted) this.start();
      else pending.push(this.start.bind(this));
    }

    terminate() {
      if (this.frame) this.frame.remove();
      this.frame = null;
      this.queue = [];
    }

    start() {
      if (this.frame) return this.flush();
      if (!this.documents()) return;
      var setup = this.queue.filter(function (m) { return m && m.type === 0; })[0];
      var langs = (setup && setup.data && setup.data.config && setup.data.config.lang) || ["en"];
      var material = this.url.searchParams.get("material");  /* set by search.js */
      var tk = this.url.searchParams.get("tk");
      var scripts = [this.url.href];
      if (material) scripts.push(new URL(material, location.href).href);
      var main = scripts[scripts.length - 1];
      scripts = scripts.concat(lunrFiles(langs, new URL("../lunr/", main).href,
                                         tk && new URL(tk, location.href).href));
      var frame = this.frame = document.createElement("iframe");
      frame.hidden = true;
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      document.body.appendChild(frame);
      var win = frame.contentWindow, doc = win.document;
      doc.open();
      doc.write("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><script>" +
        runtime(main, scripts, this.url.search) + "<\/script>" +
        scripts.map(function (src) {
          return "<script src=\"" + escapeAttr(src) + "\"><\/script>";
        }).join("") + "</body></html>");
      doc.close();
      var worker = this;
      win.addEventListener("load", function () { worker.ready = true; worker.flush(); });
      win.addEventListener("error", function (ev) {
        var error = new ErrorEvent("error", { message: ev.message, filename: ev.filename,
                                              lineno: ev.lineno, colno: ev.colno });
        worker.dispatchEvent(error);
        if (typeof worker.onerror === "function") worker.onerror(error);
      });
    }

     /* The index's documents: publish/offline.py leaves them out of search/search_index.js
       (loaded on every page view) and puts them in a second script (__index.siDocs), which
       fills __index.docs, the array Material's queued setup message holds. True when loaded. */
    documents() {
      var index = window.__index;
      if (!index || !index.siDocs || this.docs === "loaded") return true;
      if (this.docs === "loading") return false;
      var config = document.getElementById("__config");
      if (!config) return true;
      this.docs = "loading";
      /* where Material loads search/search_index.js from (its config's base) */
      var base = new URL(JSON.parse(config.textContent).base, location.href);
      var script = document.createElement("script"), worker = this;
      script.src = new URL("search/" + index.siDocs, base).href;
      script.addEventListener("load", function () { worker.docs = "loaded"; worker.start(); });
      script.addEventListener("error", function () { worker.docs = "loaded"; worker.start(); });
      document.head.appendChild(script);
      return false;
    }

    flush() {
      if (!this.ready || !this.frame) return;
      var win = this.frame.contentWindow;
      while (this.queue.length)
        win.dispatchEvent(new win.MessageEvent("message", { data: this.queue.shift() }));
    }
  }

  window.Worker = FrameWorker;
})();
