// Check-in at the door on a phone that may be offline (package checkin).
// Each scan (camera or typed code) is kept in localStorage with this
// device's id, a fresh nonce and the time, and sent in batches to the
// page's endpoint whenever the network is there. The server stores each
// (device, nonce) once, so sending a batch twice is harmless: the queue is
// emptied only after the server answered.
//
// The page says what differs on the element #checkin: data-sync (the
// endpoint), data-csrf, data-key (the storage key's suffix), data-sw and
// data-sw-scope (the service worker and its pages), data-msg-* (the
// messages in the page's language); an element with data-count="f" shows
// the answer's field f. The walk-in button (#walkin) is optional.
(function () {
  "use strict";
  var root = document.getElementById("checkin");
  if (!root) return;
  var attr = function (k) { return root.getAttribute("data-" + k) || ""; };
  var key = attr("key"), syncURL = attr("sync"), csrf = attr("csrf");
  var msg = function (k) { return attr("msg-" + k) || k; };
  var qkey = "kexie.checkin.queue." + key, seenKey = "kexie.checkin.seen." + key;
  var $ = function (id) { return document.getElementById(id); };

  function rand(n) {
    var a = new Uint8Array(n);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function load(k, def) { try { return JSON.parse(localStorage.getItem(k)) || def; } catch (e) { return def; } }
  function save(k, v) { localStorage.setItem(k, JSON.stringify(v)); }
  var device = localStorage.getItem("kexie.device");
  if (!device) { device = "web-" + rand(6); localStorage.setItem("kexie.device", device); }
  $("device").textContent = device;

  function show() {
    $("count-queue").textContent = load(qkey, []).length;
    $("net-state").textContent = navigator.onLine ? msg("online") : msg("offline");
    $("net-state").className = "badge " + (navigator.onLine ? "ok" : "warn");
  }
  function log(text, kind) {
    var li = document.createElement("li");
    li.textContent = new Date().toLocaleTimeString(document.documentElement.lang || undefined, { hour12: false }) + " " + text;
    if (kind) li.className = kind;
    var ul = $("log");
    ul.insertBefore(li, ul.firstChild);
    $("last").textContent = text;
    $("last").className = "flash flash-" + (kind || "info");
  }

  function record(code, walkIn) {
    code = (code || "").toUpperCase().replace(/[\s-]/g, "");
    if (!walkIn && !code) return;
    var seen = load(seenKey, {});
    if (!walkIn && seen[code]) log(code + " " + msg("seen"), "warn");
    else log(walkIn ? msg("walkin") : code + " " + msg("queued"), "ok");
    if (!walkIn) { seen[code] = 1; save(seenKey, seen); }
    var q = load(qkey, []);
    q.push({ ticket: walkIn ? "" : code, device: device, nonce: rand(12), at: new Date().toISOString(), walk_in: !!walkIn });
    save(qkey, q);
    show();
    sync();
  }

  // "kept" is said once until the next answer, not at every try.
  var busy = false, kept = false;
  function keep() {
    if (!kept) log(msg("kept"), "warn");
    kept = true;
  }
  function sync() {
    var q = load(qkey, []);
    if (busy || !q.length) { show(); return; }
    if (!navigator.onLine) { show(); keep(); return; }
    busy = true;
    var batch = q.slice(0, 500);
    fetch(syncURL, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ scans: batch })
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (a) {
      kept = false;
      var sent = {};
      batch.forEach(function (s) { sent[s.nonce] = 1; });
      save(qkey, load(qkey, []).filter(function (s) { return !sent[s.nonce]; }));
      Array.prototype.forEach.call(root.querySelectorAll("[data-count]"), function (el) {
        var v = a[el.getAttribute("data-count")];
        if (typeof v === "number") el.textContent = v;
      });
      log(msg("synced").replace("%a", a.accepted).replace("%d", a.duplicates).replace("%r", a.rejected.length), "ok");
      (a.seen || []).forEach(function (x) {
        var s = batch[x.line - 1];
        log((s && s.ticket ? s.ticket + " " : "") + x.name + " " + msg(x.outcome), x.outcome === "accepted" ? "ok" : "warn");
      });
      a.rejected.forEach(function (x, i) {
        var s = batch[x.line - 1];
        log((s && s.ticket ? s.ticket + " " : "") + a.messages[i], "error");
      });
      busy = false;
      show();
      if (load(qkey, []).length) sync();
    }).catch(function () {
      busy = false;
      show();
      keep();
    });
  }

  $("scan-form").addEventListener("submit", function (e) {
    e.preventDefault();
    record($("scan-code").value, false);
    $("scan-code").value = "";
    $("scan-code").focus();
  });
  if ($("walkin")) $("walkin").addEventListener("click", function () { record("", true); });
  $("sync-now").addEventListener("click", sync);
  window.addEventListener("online", function () { show(); sync(); });
  window.addEventListener("offline", show);
  setInterval(sync, 15000);
  show();
  sync();

  // The camera, where the browser can read QR codes itself.
  if ("BarcodeDetector" in window && navigator.mediaDevices) {
    var btn = $("scan-camera");
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var det = new window.BarcodeDetector({ formats: ["qr_code"] });
      var video = $("cam"), last = "", lastAt = 0;
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        btn.hidden = true;
        setInterval(function () {
          det.detect(video).then(function (codes) {
            if (!codes.length) return;
            var c = codes[0].rawValue, now = Date.now();
            if (c === last && now - lastAt < 3000) return;
            last = c; lastAt = now;
            record(c, false);
          }).catch(function () {});
        }, 300);
      }).catch(function () { log(msg("nocamera"), "warn"); });
    });
  }

  if ("serviceWorker" in navigator && attr("sw")) {
    navigator.serviceWorker.register(attr("sw"), { scope: attr("sw-scope") || undefined }).catch(function () {});
  }
})();
