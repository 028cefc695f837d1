// Integration Journal's service worker (journal/offline): keeps the app shell for when there is no connection.
// It caches static files and the shell pages only (never a page with personal data: those are no-store), answers
// a page that cannot load with the offline page, sends entries written offline (Background Sync), and shows
// notifications. Served from /sw.js with this deployment's version, so a deploy replaces the cache.
"use strict";

var VERSION = {{ version|tojson }};
var PREFIX = {{ cache_prefix|tojson }};
var CACHE = PREFIX + VERSION;
var PRECACHED = {{ precached|tojson }};
var PAGES = {{ pages|tojson }};
var SHELL_PATHS = Object.keys(PAGES).map(function (name) { return PAGES[name]; });

importScripts.apply(null, {{ scripts|tojson }}.map(function (url) { return url + "?v=" + VERSION; }));

function fresh(url) {
  return new Request(url, { cache: "reload", credentials: "same-origin" });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(PRECACHED.map(fresh));
  }).then(function () { return self.skipWaiting(); }));
});

// The new version takes over at once and drops every older cache.
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// Which kept page stands in for an address that cannot load now.
function standIn(path) {
  if (path === "/help" || path === PAGES.help) return PAGES.help;
  if (path === PAGES.write || path.indexOf("/entries/new") === 0) return PAGES.write;
  return PAGES.fallback;
}

function fromCache(path) {
  return caches.open(CACHE).then(function (cache) { return cache.match(path); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0) {  // cache first: each version's files are fetched when it installs
    event.respondWith(fromCache(request).then(function (kept) { return kept || fetch(request); }));
    return;
  }
  if (request.mode === "navigate" || SHELL_PATHS.indexOf(url.pathname) !== -1) {
    // The network always first: every other page is no-store and never kept here.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && SHELL_PATHS.indexOf(url.pathname) !== -1 && !url.search) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      if (request.mode !== "navigate") return fromCache(url.pathname).then(function (kept) { return kept || Response.error(); });
      return fromCache(standIn(url.pathname)).then(function (kept) { return kept || Response.error(); });
    }));
  }
});

// A page asks for fresh copies of the shell pages (after a login: the person's language and region).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "refresh-shell") {
    event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL_PATHS.map(fresh)); }));
  }
});

// Entries written offline are sent when the connection is back, even if no page of the journal is open.
self.addEventListener("sync", function (event) {
  if (event.tag !== JournalStore.SYNC_TAG) return;
  // Failing the event asks the browser to try again later (with its own back-off): still offline, or left over.
  event.waitUntil(JournalStore.sendAll().then(function (outcome) {
    if (outcome.offline || outcome.later) throw new Error("try again later");
  }));
});
