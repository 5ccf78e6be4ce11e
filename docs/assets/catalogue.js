/* Course catalogue filter (our own, ~40 lines, no library). Without JavaScript the form stays
   hidden and the full table is shown. Each <select> names the table column it filters
   (data-col) and how to compare (exact value, a token such as "C3" in "C1:I C3:P", or a minimum). */
(function () {
  "use strict";
  var form = document.querySelector("form.si-filter");
  var table = document.querySelector(".si-catalogue table");
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var output = form.querySelector("output");
  var template = form.getAttribute("data-shown") || "{n} / {total}";

  function matches(row, select) {
    var want = select.value;
    if (!want) return true;
    var cell = row.cells[Number(select.getAttribute("data-col"))];
    var text = cell ? cell.textContent.trim() : "";
    switch (select.getAttribute("data-match")) {
      case "token":
        return text.split(/\s+/).some(function (t) { return t.split(":")[0] === want; });
      case "min":
        return Number(text) >= Number(want);
      default:
        return text.split(/\s*,\s*/).indexOf(want) !== -1;
    }
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = selects.every(function (s) { return matches(row, s); });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    output.textContent = template.replace("{n}", shown).replace("{total}", rows.length);
  }

  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
