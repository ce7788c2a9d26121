// Small progressive enhancements; every page works without them.
document.addEventListener("change", function (e) {
  var el = e.target;
  if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.submit();
});
// A form sent is not sent again by a second click within a few seconds
// (the server refuses a form's token used twice anyway: web/once.go).
document.addEventListener("submit", function (e) {
  var f = e.target, msg = f.getAttribute && f.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) { e.preventDefault(); return; }
  if (e.defaultPrevented || !f.getAttribute || (f.getAttribute("method") || "").toLowerCase() !== "post") return;
  var now = Date.now(), sent = parseInt(f.getAttribute("data-sent"), 10) || 0;
  if (now - sent < 5000) { e.preventDefault(); return; }
  f.setAttribute("data-sent", String(now));
});
// Charts: elements with data-chart hold an ECharts option as JSON (pages
// that draw charts load echarts.min.js). The table beside each chart
// carries the same numbers for readers without scripts. data-height sets a
// chart's height in pixels (a bar per row: the page knows how many).
// An option naming kexieMap (the venue maps, when the operator loaded region
// outlines) has its outlines fetched from this server and registered, and
// its points drawn over them; if that fails, the plain grid is drawn.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.echarts) return;
  function draw(el, opt) {
    // A chart of many rows (one bar each) says how tall it must be.
    var h = parseInt(el.getAttribute("data-height"), 10);
    if (h > 0 && h <= 4000) el.style.height = h + "px";
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(opt);
    el.setAttribute("data-chart-ready", "1");
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var opt;
    try { opt = JSON.parse(el.getAttribute("data-chart")); } catch (e) { return; }
    var m = opt.kexieMap;
    delete opt.kexieMap;
    if (!m || !window.fetch) { draw(el, opt); return; }
    window.fetch(m.url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (geo) {
      if (!window.echarts.getMap(m.name)) window.echarts.registerMap(m.name, geo);
      opt.geo = m.geo;
      delete opt.xAxis; delete opt.yAxis; delete opt.grid;
      (opt.series || []).forEach(function (s) { s.coordinateSystem = "geo"; });
      el.setAttribute("data-outlines", "1");
      draw(el, opt);
    }).catch(function () { draw(el, opt); });
  });
});
// Region and discipline pickers: inputs marked data-region suggest GB/T
// 2260 regions, data-discipline GB/T 13745 entries, by code, name or pinyin
// initials ("cq" → 重庆市) as the user types; a click, or ↓/↑ and Enter,
// puts the code in the field. Escape or a click elsewhere closes the list.
// (Not a <datalist>: browsers filter its options by the typed text, which
// would hide every pinyin match.)
// A field marked data-discipline="several" holds several codes: the text
// after the last separator is looked up, and a pick replaces it and adds
// "；" for the next one.
(function () {
  var timer = 0, asked = 0;
  // parts splits a field's value into what stays and the code being typed.
  function parts(el) {
    var v = el.value;
    if (el.getAttribute("data-discipline") !== "several") return { head: "", tail: v };
    var m = /^([\s\S]*[；;、,，\s])?([^；;、,，\s]*)$/.exec(v);
    return { head: m[1] || "", tail: m[2] };
  }
  function close(el) {
    var ul = el && el.parentNode.querySelector("ul.suggest");
    if (ul) ul.remove();
  }
  function show(el, hits) {
    close(el);
    if (!hits.length) return;
    var ul = document.createElement("ul");
    ul.className = "suggest";
    ul.setAttribute("role", "listbox");
    hits.forEach(function (h) {
      var li = document.createElement("li"), b = document.createElement("button"), c = document.createElement("span");
      b.type = "button";
      b.setAttribute("data-code", h.code);
      b.title = h.path || h.name;
      c.className = "code";
      c.textContent = h.code;
      b.appendChild(c);
      b.appendChild(document.createTextNode(h.path || h.name));
      li.appendChild(b);
      ul.appendChild(li);
    });
    el.parentNode.insertBefore(ul, el.nextSibling);
  }
  document.addEventListener("input", function (e) {
    var el = e.target;
    if (!el.matches || !el.matches("input[data-discipline], input[data-region]")) return;
    clearTimeout(timer);
    var q = parts(el).tail.trim();
    // data-pending marks a lookup on its way: the list shown is not yet
    // the one for what the field holds.
    if (!q) { el.removeAttribute("data-pending"); close(el); return; }
    el.setAttribute("data-pending", "");
    timer = setTimeout(function () {
      var n = ++asked;
      var url = el.hasAttribute("data-region") ? "/std/regions?q=" : "/std/disciplines?q=";
      fetch(url + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; })
        .then(function (hits) { if (n === asked) { el.removeAttribute("data-pending"); show(el, hits); } });
    }, 150);
  });
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("ul.suggest button[data-code]");
    document.querySelectorAll("ul.suggest").forEach(function (ul) {
      if (!b || !ul.contains(b)) ul.remove();
    });
    if (!b) return;
    e.preventDefault();
    var el = b.closest("ul.suggest").previousElementSibling;
    el.value = el.getAttribute("data-discipline") === "several" ? parts(el).head + b.getAttribute("data-code") + "；" : b.getAttribute("data-code");
    close(el);
    el.focus();
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target, ul = t.closest && t.closest(".field") && t.closest(".field").querySelector("ul.suggest");
    if (!ul) return;
    var items = Array.prototype.slice.call(ul.querySelectorAll("button")), i = items.indexOf(t);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      i = e.key === "ArrowDown" ? Math.min(i + 1, items.length - 1) : i - 1;
      (i < 0 ? ul.previousElementSibling : items[i]).focus();
    } else if (e.key === "Escape") {
      var el = ul.previousElementSibling;
      ul.remove();
      el.focus();
    }
  });
})();
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
// Org picker (partial "orgpick"): typing in its field lists the orgs the
// user may act on for the form's action (data-orgpick), by name, code or
// pinyin initials, each with its path; "more…" fetches the next page, so
// every org can be reached. A pick shows the org's name in the field and
// its path under it, and sends its code (what the server reads) in a hidden
// field of the field's name, so no code is shown; typing again hands the
// name back to the text field (which, without scripts, takes a code or an
// exact name). ↓/↑ move through the list, Enter picks, Escape closes.
// The same picker serves other things (an event, a venue): data-lookup
// names their look-up, which answers as /orgs/lookup does (web.PickPage);
// a hit's tag is the grey mark after its name, and their pick sends an ID
// the same way (the name alone shows; no path under it).
(function () {
  var timer = 0, asked = 0;
  function list(box) { return box.querySelector("ul.orglist"); }
  function close(box) { var ul = list(box); if (ul) ul.remove(); }
  function hitButton(h) {
    var li = document.createElement("li"), b = document.createElement("button"),
      n = document.createElement("span"), c = document.createElement("span"), t = document.createElement("span");
    b.type = "button";
    b.setAttribute("data-pick", h.code);
    b.setAttribute("data-path", h.path);
    b.setAttribute("data-text", h.name);
    n.className = "name"; n.textContent = h.name;
    c.className = "code"; c.textContent = h.tag;
    t.className = "trail"; t.textContent = h.path;
    if (h.tag) n.appendChild(c);
    b.appendChild(n); b.appendChild(t);
    li.appendChild(b);
    return li;
  }
  function fill(box, ul, page, q) {
    var old = ul.querySelector("li.morerow");
    if (old) old.remove();
    if (!page.hits.length && !page.offset) {
      var li = document.createElement("li");
      li.className = "none"; li.textContent = box.getAttribute("data-none");
      ul.appendChild(li);
      return;
    }
    page.hits.forEach(function (h) { ul.appendChild(hitButton(h)); });
    if (page.next) {
      var m = document.createElement("li"), b = document.createElement("button");
      m.className = "morerow";
      b.type = "button"; b.className = "more";
      b.setAttribute("data-next", page.next);
      b.setAttribute("data-q", q);
      b.textContent = box.getAttribute("data-more") + " (" + page.next + " / " + page.total + ")";
      m.appendChild(b);
      ul.appendChild(m);
    }
  }
  function ask(box, q, offset, then) {
    var n = ++asked;
    var url = box.getAttribute("data-lookup") || "/orgs/lookup?action=" + encodeURIComponent(box.getAttribute("data-orgpick"));
    url += (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q) + "&offset=" + offset;
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { hits: [], total: 0, offset: 0, next: 0 }; })
      .then(function (page) { if (n === asked) then(page); });
  }
  function open(box, q) {
    ask(box, q, 0, function (page) {
      close(box);
      var ul = document.createElement("ul");
      ul.className = "orglist";
      ul.setAttribute("role", "listbox");
      ul.setAttribute("data-q", q);
      fill(box, ul, page, q);
      box.appendChild(ul);
      // A field in a row's last column: the list (at least 420 px wide)
      // would run past the window's right edge, so it hangs from the
      // field's right edge instead.
      if (ul.getBoundingClientRect().right > document.documentElement.clientWidth) ul.classList.add("flip");
    });
  }
  function choose(box, code, text) {
    var input = box.querySelector("input[type=text]"), hid = box.querySelector("input[type=hidden]");
    if (!text) { input.value = code; return; }
    if (!hid) {
      hid = document.createElement("input");
      hid.type = "hidden";
      box.insertBefore(hid, input.nextSibling);
    }
    hid.name = input.getAttribute("data-name") || input.name;
    input.setAttribute("data-name", hid.name);
    input.removeAttribute("name");
    hid.value = code;
    input.value = text;
  }
  function unchoose(box) {
    var input = box.querySelector("input[type=text]"), hid = box.querySelector("input[type=hidden]");
    if (!hid) return;
    input.name = hid.name;
    hid.remove();
  }
  function init() {
    document.querySelectorAll("[data-orgpick] input[data-text]").forEach(function (input) {
      var box = input.closest("[data-orgpick]");
      choose(box, input.value, input.getAttribute("data-text"));
      // Another look-up's label is the name now in the field.
      if (box.hasAttribute("data-lookup")) box.querySelector("[data-orgpick-path]").textContent = "";
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
  function pick(box, b) {
    var input = box.querySelector("input");
    // A look-up still waiting or on its way would open the list again
    // over the pick: cancel the one and ignore the other's answer.
    clearTimeout(timer);
    asked++;
    choose(box, b.getAttribute("data-pick"), b.getAttribute("data-text"));
    box.querySelector("[data-orgpick-path]").textContent = b.getAttribute("data-path");
    close(box);
    input.focus();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
  document.addEventListener("input", function (e) {
    var box = e.target.closest && e.target.closest("[data-orgpick]");
    if (!box || e.target.tagName !== "INPUT") return;
    unchoose(box);
    box.querySelector("[data-orgpick-path]").textContent = "";
    clearTimeout(timer);
    var q = e.target.value.trim();
    timer = setTimeout(function () { open(box, q); }, 150);
  });
  document.addEventListener("focusin", function (e) {
    var box = e.target.closest && e.target.closest("[data-orgpick]");
    if (box && e.target.tagName === "INPUT" && !e.target.value.trim() && !list(box)) open(box, "");
  });
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("ul.orglist button");
    document.querySelectorAll("ul.orglist").forEach(function (ul) { if (!b || !ul.contains(b)) ul.remove(); });
    if (!b) return;
    e.preventDefault();
    var box = b.closest("[data-orgpick]");
    if (b.hasAttribute("data-pick")) return pick(box, b);
    var ul = b.closest("ul"), first = ul.querySelectorAll("button[data-pick]").length;
    ask(box, b.getAttribute("data-q"), +b.getAttribute("data-next"), function (page) {
      fill(box, ul, page, b.getAttribute("data-q"));
      var bs = ul.querySelectorAll("button");
      if (bs[first]) bs[first].focus();
    });
  });
  document.addEventListener("keydown", function (e) {
    var box = e.target.closest && e.target.closest("[data-orgpick]");
    if (!box) return;
    var ul = list(box), input = box.querySelector("input");
    if (!ul) {
      if (e.key === "ArrowDown" && e.target === input) { e.preventDefault(); open(box, input.value.trim()); }
      return;
    }
    var items = Array.prototype.slice.call(ul.querySelectorAll("button")), i = items.indexOf(e.target);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      i = e.key === "ArrowDown" ? Math.min(i + 1, items.length - 1) : i - 1;
      (i < 0 ? input : items[i]).focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      ul.remove();
      input.focus();
    } else if (e.key === "Enter" && e.target === input && items.length && items[0].hasAttribute("data-pick")) {
      e.preventDefault();
      pick(box, items[0]);
    }
  });
})();
// Org side tree: a closed node (<details data-tree>) fetches its children
// the first time it is opened; without scripts its link shows them.
document.addEventListener("toggle", function (e) {
  var d = e.target;
  if (!d.matches || !d.matches("details[data-tree]") || !d.open || d.hasAttribute("data-loaded")) return;
  d.setAttribute("data-loaded", "");
  fetch(d.getAttribute("data-tree"), { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.text() : ""; })
    .then(function (html) { d.insertAdjacentHTML("beforeend", html); });
}, true);
// Search results: a header box marked data-select-all="NAME" ticks every
// box of that name on the page; an input marked data-filter-select="ID"
// hides the options of select#ID not holding its text (and picks the first
// shown), so a long list of pools is searchable.
document.addEventListener("change", function (e) {
  var el = e.target, name = el.getAttribute && el.getAttribute("data-select-all");
  if (!name) return;
  document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (b) { b.checked = el.checked; });
});
document.addEventListener("input", function (e) {
  var el = e.target, id = el.getAttribute && el.getAttribute("data-filter-select");
  var sel = id && document.getElementById(id);
  if (!sel) return;
  var q = el.value.trim().toLowerCase(), first = null;
  Array.prototype.forEach.call(sel.options, function (o) {
    var show = !q || o.text.toLowerCase().indexOf(q) >= 0;
    o.hidden = !show;
    o.disabled = !show;
    if (show && !first) first = o;
  });
  if (first && (sel.selectedOptions.length === 0 || sel.selectedOptions[0].hidden)) first.selected = true;
});
// <details data-collapse-narrow> (the search facets) start closed on a
// narrow screen, so the results come first; wide screens keep them open.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia || !window.matchMedia("(max-width: 760px)").matches) return;
  document.querySelectorAll("details[data-collapse-narrow]").forEach(function (d) { d.removeAttribute("open"); });
});
// Review form builder: a field's settings marked data-types="…" show only
// for those types, as soon as its type is changed (without scripts they
// follow the type after "check and preview").
document.addEventListener("change", function (e) {
  var el = e.target;
  if (!el.matches || !el.matches("select[data-fieldtype]")) return;
  var row = el.closest("[data-fieldrow]");
  if (!row) return;
  row.querySelectorAll("[data-types]").forEach(function (box) {
    box.hidden = box.getAttribute("data-types").split(" ").indexOf(el.value) < 0;
  });
});
