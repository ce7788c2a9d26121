// The check-in pages' service worker (package checkin): it keeps the last
// copy of each check-in page (…/{id}/checkin) and of the scanner's script
// (…/checkin.js) under its scope, and of the site's /static/ files, so the
// page opens again with no network. Everything else goes to the network
// untouched; scans wait in the page's localStorage, never here.
var CACHE = "kexie-checkin-v1";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (!/\/(\d+\/checkin|checkin\.js)$/.test(url.pathname) && !/^\/static\//.test(url.pathname)) return;
  e.respondWith(fetch(req).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(req, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(req).then(function (hit) { return hit || Response.error(); });
  }));
});
