// The offline store: entries and drafts written without a connection, kept in IndexedDB, encrypted.
// Loaded by pages and by the service worker (importScripts), so both send the same way. docs/offline.md.
//
// - One AES-GCM key per person on this device, made by Web Crypto as non-extractable: script can use it but never
//   read it, and it never leaves the browser. Each record is sealed with a fresh 12-byte IV; the record's id and
//   account are bound to it as additional data, so a sealed text cannot be moved to another record.
// - Only ids, kinds and times are in the clear. Titles and words are inside the sealed part.
// - A record is sent with the save key drawn for it in the browser, so sending it again never makes a second entry,
//   and only while the session belongs to the account that wrote it (the server names it: /auth/csrf-token).
(function (scope) {
  "use strict";

  var DB_NAME = "integration-journal";
  var DB_VERSION = 1;
  var SYNC_TAG = "journal-sync";
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  var opened = null;

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function database() {
    if (opened) return opened;
    opened = new Promise(function (resolve, reject) {
      var req = scope.indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = function () {
        var db = req.result;
        db.createObjectStore("keys", { keyPath: "account" });
        db.createObjectStore("queue", { keyPath: "id" }).createIndex("account", "account");
        db.createObjectStore("meta", { keyPath: "name" });
      };
      req.onsuccess = function () {
        var db = req.result;
        // Logout wipes the database: every open connection lets go so the deletion is not blocked.
        db.onversionchange = function () { db.close(); opened = null; };
        resolve(db);
      };
      req.onerror = function () { opened = null; reject(req.error); };
    });
    return opened;
  }

  function store(name, mode) {
    return database().then(function (db) { return db.transaction(name, mode || "readonly").objectStore(name); });
  }

  function get(name, key) { return store(name).then(function (s) { return request(s.get(key)); }); }
  function put(name, value) { return store(name, "readwrite").then(function (s) { return request(s.put(value)); }); }
  function remove(name, key) { return store(name, "readwrite").then(function (s) { return request(s.delete(key)); }); }

  // The person this device last wrote for (an opaque tag from the server, never a name or an address).
  function currentAccount() {
    return get("meta", "account").then(function (row) { return row ? row.value : null; });
  }

  function setAccount(account) { return put("meta", { name: "account", value: account }); }

  // Small facts about this device's copies (no personal data): e.g. which language and region the shell is in.
  function getMeta(name) { return get("meta", name).then(function (row) { return row ? row.value : null; }); }
  function setMeta(name, value) { return put("meta", { name: name, value: value }); }

  function keyFor(account, create) {
    return get("keys", account).then(function (row) {
      if (row) return row.key;
      if (!create) return null;
      return scope.crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"])
        .then(function (key) { return put("keys", { account: account, key: key }).then(function () { return key; }); });
    });
  }

  function bound(account, id) { return encoder.encode(account + "\n" + id); }

  function seal(account, id, value) {
    var iv = scope.crypto.getRandomValues(new Uint8Array(12));
    return keyFor(account, true).then(function (key) {
      return scope.crypto.subtle.encrypt(
        { name: "AES-GCM", iv: iv, additionalData: bound(account, id) }, key, encoder.encode(JSON.stringify(value))
      );
    }).then(function (sealed) { return { iv: iv, sealed: sealed }; });
  }

  function unseal(record) {
    return keyFor(record.account, false).then(function (key) {
      if (!key) throw new Error("no key");
      return scope.crypto.subtle.decrypt(
        { name: "AES-GCM", iv: record.iv, additionalData: bound(record.account, record.id) }, key, record.sealed
      );
    }).then(function (plain) { return JSON.parse(decoder.decode(plain)); });
  }

  // Keep (or replace) a record. value: {action, fields: [[name, value], ...], title, words}.
  // ready: false while it is still being written (not sent yet).
  function keep(account, id, kind, value, ready) {
    return seal(account, id, value).then(function (box) {
      return put("queue", {
        id: id, account: account, kind: kind, ready: Boolean(ready), updated: Date.now(), iv: box.iv, sealed: box.sealed
      });
    });
  }

  function records(account) {
    return store("queue").then(function (s) { return request(s.index("account").getAll(account)); });
  }

  // The records of an account, opened: [{id, kind, ready, updated, value}], oldest first.
  function list(account) {
    return records(account).then(function (rows) {
      rows.sort(function (a, b) { return a.updated - b.updated; });
      return Promise.all(rows.map(function (row) {
        return unseal(row).then(function (value) {
          return { id: row.id, kind: row.kind, ready: row.ready, updated: row.updated, value: value };
        }, function () { return null; });
      }));
    }).then(function (rows) { return rows.filter(Boolean); });
  }

  function waiting(account) {
    if (!account) return Promise.resolve(0);
    return records(account).then(function (rows) { return rows.filter(function (row) { return row.ready; }).length; });
  }

  // Everything written here that leaving would lose: waiting entries and drafts, and words still being written.
  function unsent(account) {
    if (!account) return Promise.resolve(0);
    return records(account).then(function (rows) {
      return rows.filter(function (row) { return row.kind !== "plan"; }).length;
    });
  }

  function drop(id) { return remove("queue", id); }

  // Forget everything: the records, the keys, the account. (The server also sends Clear-Site-Data.)
  // Never waits more than two seconds (a deletion blocked by another tab): the server's Clear-Site-Data follows.
  function wipe() {
    var closing = opened ? opened.then(function (db) { db.close(); }, function () {}) : Promise.resolve();
    opened = null;
    var deleted = closing.then(function () { return request(scope.indexedDB.deleteDatabase(DB_NAME)); });
    return Promise.race([deleted, new Promise(function (resolve) { setTimeout(resolve, 2000); })]);
  }

  function session() {
    return fetch("/auth/csrf-token", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); });
  }

  function localDay() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // An entry written today is dated by the server (in the person's zone); one written on an earlier day keeps it.
  function post(url, fields, token) {
    var body = new URLSearchParams();
    fields.forEach(function (pair) {
      if (pair[0] === "csrf_token" || (pair[0] === "written_on" && (!pair[1] || pair[1] >= localDay()))) return;
      body.append(pair[0], pair[1]);
    });
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual",
      headers: { "X-CSRFToken": token, Accept: "application/json" }
    });
  }

  // Send one record; resolves to "sent", "login", "conflict" (its words wait in Drafts), "refused" or "later".
  function sendOne(row, token, outcome) {
    return post(row.value.action, row.value.fields, token).then(function (response) {
      if (response.status === 401) return "login";
      if (response.status === 400) return "token";
      return response.json().catch(function () { return {}; }).then(function (data) {
        // Gone only once the server said so in JSON: an entry's "saved", a draft's time (an autosave).
        if (response.ok && (data.saved === true || data.saved_at_text)) {
          outcome.sent.push({ id: row.id, url: data.url || null });
          return drop(row.id).then(function () { return "sent"; });
        }
        if (response.status === 409) {  // changed elsewhere (or already saved, for a draft): the server keeps it
          if (data.url) outcome.conflicts.push({ id: row.id, url: data.url });
          return drop(row.id).then(function () { return "conflict"; });
        }
        if (response.status === 422) {
          outcome.refused.push({ id: row.id, message: data.message || "" });
          return "refused";
        }
        outcome.later = true;  // a redirect, a server error: kept, sent again later
        return "later";
      });
    });
  }

  // Send every waiting record of the signed-in person, one at a time, under one lock (pages and the worker).
  // Resolves to {sent, conflicts, refused, login: bool, offline: bool}.
  function sendAll() {
    var outcome = { sent: [], conflicts: [], refused: [], login: false, offline: false, later: false };
    function run() {
      return session().then(function (who) {
        if (!who.logged_in) {
          outcome.login = true;
          return null;
        }
        if (!who.offline_account) return null;
        var token = who.csrf_token;
        return records(who.offline_account).then(function (rows) {
          var ready = rows.filter(function (row) { return row.ready; });
          ready.sort(function (a, b) { return a.updated - b.updated; });
          return ready.reduce(function (chain, raw) {
            return chain.then(function (stop) {
              if (stop) return true;
              return unseal(raw).then(function (value) {
                var row = { id: raw.id, value: value };
                return sendOne(row, token, outcome).then(function (result) {
                  if (result === "token") {  // the token went stale meanwhile: one fresh try
                    return session().then(function (again) {
                      token = again.csrf_token;
                      return sendOne(row, token, outcome);
                    });
                  }
                  return result;
                });
              }).then(function (result) {
                if (result === "login" || result === "token") outcome.login = true;
                return result === "login" || result === "token" || result === "later";
              });
            });
          }, Promise.resolve(false));
        });
      }).catch(function () { outcome.offline = true; }).then(function () { return outcome; });
    }
    if (scope.navigator && scope.navigator.locks) return scope.navigator.locks.request(SYNC_TAG, run);
    return run();
  }

  scope.JournalStore = {
    SYNC_TAG: SYNC_TAG,
    currentAccount: currentAccount,
    setAccount: setAccount,
    getMeta: getMeta,
    setMeta: setMeta,
    keyFor: keyFor,
    keep: keep,
    list: list,
    waiting: waiting,
    unsent: unsent,
    localDay: localDay,
    drop: drop,
    wipe: wipe,
    sendAll: sendAll
  };
})(self);
