/*
 * Start Material's JavaScript after the first paint (scripts/material_start.py puts this script
 * where Material's template had its bundle).
 *
 * Why: Material's bundle, loaded as a plain <script> at the end of <body>, measures the page
 * while it starts (header, sidebars, viewport) and so forces the page's first layout inside its
 * own task, then mounts all its components in one DOMContentLoaded task. On a slow phone that is
 * the page's whole Total Blocking Time (Lighthouse, 4x CPU slow-down; README "Accessibility and
 * audits"). Nothing Material adds is needed to read the page (navigation, language menu and the
 * search toggle are links and CSS checkboxes), so the bundle is requested once the browser has
 * painted, when the layout it measures is already done, and its start-up runs in two tasks.
 *
 * Material starts its components on DOMContentLoaded. When that event has already passed by the
 * time the bundle has run, it is dispatched once more, in its own task, for the bundle alone
 * (listeners registered before it, such as docs/assets/search.js, use {once: true}).
 * Data attribute: bundle (the URL of Material's bundle).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.bundle) return;
  var src = script.dataset.bundle, loaded = false, started = false;
  document.addEventListener("DOMContentLoaded", function () { loaded = true; }, { once: true });

  function start() {
    if (started) return;
    started = true;
    var bundle = document.createElement("script");
    bundle.src = src;
    bundle.onload = function () {
      if (loaded) setTimeout(function () { document.dispatchEvent(new Event("DOMContentLoaded")); }, 0);
    };
    document.body.appendChild(bundle);
  }
  /* After the first frame: a timer set inside requestAnimationFrame runs after that frame's paint.
     A tab opened in the background paints nothing, so there the page's load event starts it. */
  if (document.visibilityState === "hidden") window.addEventListener("load", start, { once: true });
  else requestAnimationFrame(function () { setTimeout(start, 0); });
})();
