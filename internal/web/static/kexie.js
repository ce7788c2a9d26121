// Small progressive enhancements; every page works without them.
document.addEventListener("change", function (e) {
  var el = e.target;
  if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.submit();
});
document.addEventListener("submit", function (e) {
  var f = e.target, msg = f.getAttribute && f.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) e.preventDefault();
});
