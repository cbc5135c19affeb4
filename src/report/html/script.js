// Sorting, filtering and expanding the postings table. Each posting is a pair of rows (the
// posting, then its hidden detail), so every operation moves or hides the pair together.
(function () {
  var table = document.getElementById("t");
  if (!table) return;
  var body = table.tBodies[0];
  var pairs = [];
  var rows = body.rows;
  for (var i = 0; i + 1 < rows.length; i += 2) pairs.push([rows[i], rows[i + 1]]);
  var q = document.getElementById("q"), lv = document.getElementById("lv"),
      fc = document.getElementById("fc"), shown = document.getElementById("shown");

  function toggle(row) {
    var open = row.getAttribute("aria-expanded") !== "true";
    row.setAttribute("aria-expanded", open);
    row.nextElementSibling.hidden = !open;
  }
  body.addEventListener("click", function (e) {
    var row = e.target.closest("tr.posting");
    if (row) toggle(row);
  });
  body.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && e.target.matches("tr.posting")) {
      e.preventDefault();
      toggle(e.target);
    }
  });

  function filter() {
    var text = q.value.trim().toLowerCase(), level = lv.value, code = fc.value, n = 0;
    pairs.forEach(function (p) {
      var codes = p[0].dataset.codes;
      var ok = (!level || p[0].dataset.level === level) &&
        (!code || (code === "*" ? codes !== "" : (" " + codes + " ").indexOf(" " + code + " ") >= 0)) &&
        (!text || (p[0].textContent + " " + p[1].textContent).toLowerCase().indexOf(text) >= 0);
      p[0].hidden = !ok;
      if (!ok) p[1].hidden = true;
      else p[1].hidden = p[0].getAttribute("aria-expanded") !== "true";
      if (ok) n++;
    });
    shown.textContent = n + " of " + pairs.length + " postings";
  }
  [q, lv, fc].forEach(function (el) { el.addEventListener("input", filter); });

  function sortBy(th) {
    var col = +th.dataset.col;
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    function key(p) { return p[0].cells[col].dataset.v; }
    pairs.sort(function (a, b) {
      var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return c * dir;
    });
    pairs.forEach(function (p) { body.appendChild(p[0]); body.appendChild(p[1]); });
  }
  table.tHead.addEventListener("click", function (e) {
    var th = e.target.closest("th");
    if (th) sortBy(th);
  });
  table.tHead.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.matches("th")) sortBy(e.target);
  });
  filter();
})();
