// Survey answering: show a question whose condition (data-show-if="q=1,2")
// is met by an answer on the same page, hide it otherwise. Without scripts
// every question shows and the server ignores answers to hidden ones.
(function () {
  var form = document.querySelector("form.answer");
  if (!form) return;
  function chosen(id) {
    var out = [];
    form.querySelectorAll('[name="' + id + '"]').forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") ? el.checked : el.value) out.push(el.value);
    });
    return out;
  }
  function update() {
    form.querySelectorAll("[data-show-if]").forEach(function (el) {
      var c = el.getAttribute("data-show-if").split("="), any = c[1].split(",");
      var on = chosen(c[0]).some(function (v) { return any.indexOf(v) >= 0; });
      el.hidden = !on;
    });
  }
  form.addEventListener("change", update);
  update();
})();
