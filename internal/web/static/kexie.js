// Small progressive enhancements; every page works without them.
document.addEventListener("change", function (e) {
  var el = e.target;
  if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.submit();
});
document.addEventListener("submit", function (e) {
  var f = e.target, msg = f.getAttribute && f.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) e.preventDefault();
});
// The "add search hits to a pool" form posts to the chosen pool.
document.addEventListener("submit", function (e) {
  var f = e.target;
  if (!f.hasAttribute || !f.hasAttribute("data-pool-form")) return;
  var sel = f.querySelector("[data-pool-select]");
  if (sel) f.action = "/people/pools/" + encodeURIComponent(sel.value) + "/add";
});
// Region type-ahead: inputs marked data-region suggest GB/T 2260 regions by
// name or code as the user types.
document.addEventListener("input", function (e) {
  var el = e.target;
  if (!el.matches || !el.matches("input[data-region]") || el.value.length < 1) return;
  var id = el.getAttribute("list");
  if (!id) {
    id = "dl-" + Math.random().toString(36).slice(2);
    var dl = document.createElement("datalist");
    dl.id = id;
    document.body.appendChild(dl);
    el.setAttribute("list", id);
  }
  fetch("/std/regions?q=" + encodeURIComponent(el.value), { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (hits) {
      var dl = document.getElementById(id);
      dl.innerHTML = "";
      hits.forEach(function (h) {
        var o = document.createElement("option");
        o.value = h.code;
        o.label = h.name;
        o.textContent = h.name;
        dl.appendChild(o);
      });
    });
});
// Import jobs: a page with data-import-job polls the job's status, moves
// the progress bar and reloads itself when the job has finished.
(function () {
  var box = document.querySelector("[data-import-job]");
  if (!box) return;
  var url = box.getAttribute("data-import-job");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return setTimeout(poll, 5000);
        if (s.done) return window.location.reload();
        var bar = box.querySelector("[data-job-bar]"), rows = box.querySelector("[data-job-rows]"),
          phase = box.querySelector("[data-job-phase]");
        if (bar) { bar.value = Math.round(s.fraction * 1000); bar.textContent = Math.round(s.fraction * 1000) + "‰"; }
        if (rows) rows.textContent = s.rows;
        if (phase) phase.textContent = s.phase_label;
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
