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
