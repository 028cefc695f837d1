// Notifications on this device (Settings): Web Push where the browser has it. docs/notifications.md.
// Without this file, or without a service worker and PushManager, the page's sentence stays: email only.
(function () {
  "use strict";

  var section = document.getElementById("notifications");
  if (!section || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return;
  }

  // The page's words, translated by the server (journal/js_messages.py), as journal.js reads them.
  var messages = null;
  function t(key) {
    if (messages === null) {
      var source = document.getElementById("js-messages");
      messages = source ? JSON.parse(source.textContent) : {};
    }
    return messages[key] || key;
  }

  var unsupported = section.querySelector(".js-push-unsupported");
  var controls = section.querySelector(".js-push-controls");
  var state = section.querySelector(".js-push-state");
  var turnOn = section.querySelector(".js-push-on");
  var turnOff = section.querySelector(".js-push-off");

  function csrfToken() {
    return document.querySelector('meta[name="csrf-token"]').content;
  }

  function request(url, options) {
    options.credentials = "same-origin";
    options.headers = { Accept: "application/json" };
    if (options.method === "POST") {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRFToken"] = csrfToken();
    }
    return fetch(url, options).then(function (response) {
      if (!response.ok) {
        var error = new Error("HTTP " + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function post(url, body) {
    return request(url, { method: "POST", body: JSON.stringify(body) });
  }

  // The server's public key (URL-safe base64) as the bytes pushManager.subscribe wants.
  function keyBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var raw = window.atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function sameKey(subscription, key) {
    var held = subscription.options && subscription.options.applicationServerKey;
    if (!held) return true; // the browser does not say: assume it is ours
    held = new Uint8Array(held);
    if (held.length !== key.length) return false;
    for (var i = 0; i < key.length; i++) if (held[i] !== key[i]) return false;
    return true;
  }

  // Older Safari takes a callback; the others return a promise.
  function askPermission() {
    return new Promise(function (resolve) {
      var asked = Notification.requestPermission(resolve);
      if (asked && typeof asked.then === "function") asked.then(resolve);
    });
  }

  function show(on, message) {
    turnOn.hidden = on;
    turnOff.hidden = !on;
    turnOn.disabled = turnOff.disabled = false;
    state.textContent = message || (on ? t("push_on") : t("push_off"));
  }

  function working() {
    turnOn.disabled = turnOff.disabled = true;
    state.textContent = t("push_working");
  }

  function subscribeHere(registration) {
    return request(section.dataset.keyUrl, { method: "GET" }).then(function (data) {
      var key = keyBytes(data.key);
      return registration.pushManager.getSubscription()
        .then(function (old) {
          // A subscription made with an earlier key (the key was replaced) cannot be reused.
          if (old && !sameKey(old, key)) return old.unsubscribe().then(function () { return null; });
          return old;
        })
        .then(function (old) {
          return old || registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
        })
        .then(function (subscription) {
          return post(section.dataset.subscribeUrl, subscription.toJSON()).catch(function (error) {
            return subscription.unsubscribe().then(function () { throw error; }); // not kept: not left half on
          });
        });
    });
  }

  function enable(registration) {
    working();
    askPermission()
      .then(function (permission) {
        if (permission !== "granted") return show(false, t("push_denied"));
        return subscribeHere(registration).then(function () { show(true); });
      })
      .catch(function () { show(false, t("push_failed")); });
  }

  function disable(registration) {
    working();
    registration.pushManager.getSubscription()
      .then(function (subscription) {
        if (!subscription) return null;
        var endpoint = subscription.endpoint;
        // The browser first: once it has let go, its push service refuses any later message (410) and the
        // server forgets it then, even if the request below never arrives.
        return subscription.unsubscribe().then(function () {
          return post(section.dataset.unsubscribeUrl, { endpoint: endpoint }).catch(function () { return null; });
        });
      })
      .then(function () { show(false); })
      .catch(function () { show(true, t("push_failed")); });
  }

  // What this browser holds now: a subscription made with the server's current key, or none.
  function current(registration) {
    return Promise.all([
      registration.pushManager.getSubscription(),
      request(section.dataset.keyUrl, { method: "GET" }),
    ]).then(function (found) {
      var subscription = found[0];
      if (!subscription || sameKey(subscription, keyBytes(found[1].key))) return subscription;
      return subscription.unsubscribe().then(function () { return null; }); // made with a replaced key: dead
    });
  }

  navigator.serviceWorker.ready.then(function (registration) {
    unsupported.hidden = true;
    controls.hidden = false;
    turnOn.addEventListener("click", function () { enable(registration); });
    turnOff.addEventListener("click", function () { disable(registration); });
    return current(registration).then(function (subscription) {
      if (!subscription || Notification.permission !== "granted") {
        show(false, Notification.permission === "denied" ? t("push_denied") : null);
        return;
      }
      show(true);
      // Tell the server again: it keeps this browser for whoever is logged in here now (a browser is
      // never shared between two accounts), and learns it back if it had forgotten it.
      post(section.dataset.subscribeUrl, subscription.toJSON()).catch(function () { return null; });
    }, function () { show(false); });
  });
})();
