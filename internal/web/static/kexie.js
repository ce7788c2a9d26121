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
// Charts: elements with data-chart hold an ECharts option as JSON (pages
// that draw charts load echarts.min.js). The table beside each chart
// carries the same numbers for readers without scripts.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.echarts) return;
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var opt;
    try { opt = JSON.parse(el.getAttribute("data-chart")); } catch (e) { return; }
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(opt);
    el.setAttribute("data-chart-ready", "1");
    window.addEventListener("resize", function () { chart.resize(); });
  });
});
