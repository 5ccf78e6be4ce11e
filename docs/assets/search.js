/*
 * Sosial iş search, page side. Material's search UI and worker stay; this script (loaded before
 * Material's bundle, only when the sosial-is plugin's search is on) changes what they load:
 *  - the index of the page's language (search/search_index.<lang>.json) instead of the mixed
 *    one; the mixed one (search/search_index.json) only after the reader ticks "search all
 *    languages" (remembered for this tab in sessionStorage);
 *  - nothing before the reader opens search: Material requests the index on page load, we hold
 *    that request until the search box gets focus or the search toggle opens (or the URL asks
 *    for a search with ?q= or highlighting with ?h=);
 *  - Material's worker is started through our wrapper (search-worker.js), which adds Turkmen
 *    folding/stemming and query normalisation.
 * Data attributes on the script tag: lang, worker, tk, all-label.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var configEl = document.getElementById("__config");
  if (!script || !configEl || !window.XMLHttpRequest) return;
  var data = script.dataset;
  var KEY = "si-search-all";
  var all = false;
  try { all = sessionStorage.getItem(KEY) === "1"; } catch (e) { /* storage blocked: one language */ }

  /* Start Material's worker through our wrapper. */
  var config = JSON.parse(configEl.textContent);
  var here = location.href;
  config.search = new URL(data.worker, here).href +
    "?material=" + encodeURIComponent(new URL(config.search, here).href) +
    "&tk=" + encodeURIComponent(new URL(data.tk, here).href);
  configEl.textContent = JSON.stringify(config);

  /* Per-language index, requested only once search is wanted. */
  var wanted = false, held = [];
  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
    /* The offline copy's worker shim (scripts/sosial_is/publish/offline_worker.js) starts on this, too. */
    document.dispatchEvent(new Event("si-search-wanted"));
  }
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/(^|\/)search\/search_index\.json$/.test(String(url).split(/[?#]/)[0])) {
      this.siSearchIndex = true;
      if (!all) args[1] = String(url).replace(/search_index\.json/, "search_index." + data.lang + ".json");
    }
    return open.apply(this, args);
  };
  /* A query typed while the index was still loading (slow phone, busy CPU) is sent again once
     the index has arrived: Material reads the box on keyup and drops identical values, so an
     extra keyup is harmless when the query already ran. */
  function requery() {
    [100, 600, 2000, 5000].forEach(function (ms) {
      setTimeout(function () {
        var input = document.querySelector("[data-md-component=search-query]");
        if (input && input.value) input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      }, ms);
    });
  }
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.siSearchIndex) xhr.addEventListener("load", requery);
    if (!xhr.siSearchIndex || wanted) return send.apply(xhr, args);
    held.push(function () { send.apply(xhr, args); });
  };
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) want();
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches("[data-md-component=search-query]")) want();
  }, true);
  document.addEventListener("change", function (ev) {
    if (ev.target.id === "__search" && ev.target.checked) want();
  }, true);

  /* The explicit choice "search all languages": reload with the query (?q=), as Material
     sets up its worker once per page. */
  function addScope() {
    var wrap = document.querySelector(".md-search__scrollwrap");
    var input = document.querySelector("[data-md-component=search-query]");
    if (!wrap || !input || !data.allLabel) return;
    var label = document.createElement("label");
    label.className = "si-search-scope";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = all;
    box.addEventListener("change", function () {
      try { sessionStorage.setItem(KEY, box.checked ? "1" : "0"); } catch (e) { return; }
      var url = new URL(location.href);
      url.searchParams.set("q", input.value);
      url.searchParams.delete("h");
      location.replace(url.href);
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + data.allLabel));
    wrap.insertBefore(label, wrap.firstChild);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addScope);
  else addScope();
})();
