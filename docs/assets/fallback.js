/*
 * Sosial iş: a page missing in the reader's language (scripts/sosial_is/render/fallback.py).
 * Loaded in <head> of such pages only (overrides/main.html), so it can act before the page is
 * drawn. The notice lists every language the page exists in; this script adds the reader's
 * fallback order and follows it:
 *  - the choice: "When a page is missing in this language, open it in: [Türkmençe] [Русский]"
 *    (buttons in the notice). It is kept per page language in localStorage ("si-fallback-en" =
 *    "ru,tk": for a reader of English pages, Russian first, then Turkmen), on this device only:
 *    no cookie, nothing sent anywhere;
 *  - following it: when the first language of the reader's order that this page exists in is
 *    not the one shown, the page opens in that language at once (location.replace: Back goes to
 *    the page before, not to this one). Choosing a language in the notice opens it too;
 *  - the way back: a page this tab has left that way is not left again in this tab, so the
 *    language menu leads back here, where the notice and the choice are;
 *  - without a choice (and without JavaScript) the reader stays here, with the notice's links.
 * Data attributes on the script tag: lang (the page's language), shown (the language of the text
 * shown), versions (JSON: language -> URL of this page in it, relative to this page). On the
 * notice (.si-fallback): data-si-languages (JSON: language -> name, every language but the
 * page's), data-si-choose, data-si-saved (texts in the page's language).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var data = script.dataset;
  var lang = data.lang, shown = data.shown, versions = {};
  try { versions = JSON.parse(data.versions || "{}"); } catch (e) { return; }
  var KEY = "si-fallback-" + lang, LEFT = "si-fallback-left";

  function order() {
    try { return (localStorage.getItem(KEY) || "").split(",").filter(Boolean); } catch (e) { return []; }
  }
  function left() {
    try { return JSON.parse(sessionStorage.getItem(LEFT) || "[]"); } catch (e) { return []; }
  }
  function leave(target, replace) {
    try {
      var pages = left();
      if (pages.indexOf(location.pathname) < 0) pages.push(location.pathname);
      sessionStorage.setItem(LEFT, JSON.stringify(pages));
    } catch (e) {
      if (replace) return false;  /* could not note the way back: stay (no loop with the menu) */
    }
    var url = new URL(versions[target], location.href).href;
    if (replace) location.replace(url);
    else location.assign(url);
    return true;
  }
  /* The first language of the reader's order this page exists in. */
  function preferred() {
    var mine = order();
    for (var i = 0; i < mine.length; i++) if (versions[mine[i]]) return mine[i];
    return null;
  }

  var target = preferred();
  if (target && target !== shown && left().indexOf(location.pathname) < 0 && leave(target, true))
    return;

  function addChoice() {
    var notice = document.querySelector(".si-fallback");
    if (!notice || !notice.dataset.siChoose) return;
    var names = {};
    try { names = JSON.parse(notice.dataset.siLanguages || "{}"); } catch (e) { return; }
    var codes = Object.keys(names);
    if (codes.length < 2) return;  /* one other language: nothing to order */
    var group = document.createElement("p");
    group.className = "si-fallback-choice";
    group.setAttribute("role", "group");
    var label = document.createElement("span");
    label.id = "si-fallback-choose";
    label.textContent = notice.dataset.siChoose;
    group.setAttribute("aria-labelledby", label.id);
    group.appendChild(label);
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "si-fallback-saved";
    var buttons = [];
    function mark() {
      var first = order()[0];
      buttons.forEach(function (b) {
        var on = b.dataset.siLang === first;
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.className = "md-button" + (on ? " md-button--primary" : "");
      });
    }
    codes.forEach(function (code) {
      var button = document.createElement("button");
      button.type = "button";
      button.lang = code;
      button.dataset.siLang = code;
      button.textContent = names[code];
      button.addEventListener("click", function () {
        /* The chosen language first, then the others in the site's order. */
        var chosen = [code].concat(codes.filter(function (c) { return c !== code; }));
        try {
          localStorage.setItem(KEY, chosen.join(","));
        } catch (e) { return; }
        mark();
        status.textContent = notice.dataset.siSaved;
        if (versions[code] && code !== shown) leave(code, false);
      });
      buttons.push(button);
      group.appendChild(document.createTextNode(" "));
      group.appendChild(button);
    });
    group.appendChild(document.createTextNode(" "));
    group.appendChild(status);
    mark();
    notice.appendChild(group);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addChoice);
  else addChoice();
})();
