// Small, optional enhancements. Every page works without this file.
(function () {
  "use strict";

  // The page's words, translated by the server (journal/js_messages.py): t(key, {name: value}).
  // A message about a number has one wording per plural category of the page's language: t(key, {num: 8}).
  var messages = null;
  function pluralCategory(number) {
    try {
      return new Intl.PluralRules(document.documentElement.lang || undefined).select(number);
    } catch (error) {
      return number === 1 ? "one" : "other";
    }
  }
  function t(key, values) {
    if (messages === null) {
      var source = document.getElementById("js-messages");
      messages = source ? JSON.parse(source.textContent) : {};
    }
    var text = messages[key] || key;
    if (typeof text === "object") text = text[pluralCategory(Number(values && values.num))] || text.other || key;
    return text.replace(/%\((\w+)\)[sd]/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  // Offer the device's time zone on a time zone field: filled in on registration while the field
  // still holds its default (UTC), one tap away otherwise. Without the script, a city can be typed.
  function guessTimeZone() {
    var input = document.querySelector(".js-guess-time-zone input");
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    var list = document.getElementById("time-zones");
    if (!input || !zone || !list || !list.querySelector('option[value="' + CSS.escape(zone) + '"]')) return;
    if (input.value === zone) return;
    if (input.value === "UTC" && input.closest(".js-fill-time-zone") && !document.querySelector(".form-summary")) {
      input.value = zone;
      return;
    }
    var offer = document.createElement("button");
    offer.type = "button";
    offer.className = "link-button time-zone-offer";
    offer.textContent = t("time_zone_offer", { zone: zone.replace(/_/g, " ") });
    offer.addEventListener("click", function () { input.value = zone; offer.remove(); input.focus(); });
    input.insertAdjacentElement("afterend", offer);
  }

  function csrfToken() {
    var input = document.querySelector('input[name="csrf_token"]');
    return input ? input.value : document.querySelector('meta[name="csrf-token"]').content;
  }

  function setCsrfToken(token) {
    document.querySelectorAll('input[name="csrf_token"]').forEach(function (input) { input.value = token; });
    document.querySelector('meta[name="csrf-token"]').content = token;
  }

  function refreshCsrfToken() {
    return fetch("/auth/csrf-token", { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) { setCsrfToken(data.csrf_token); return data; });
  }

  // The re-login dialog (templates/macros/relogin.html): log in again without leaving the page, then onDone().
  function openRelogin(dialog) {
    if (typeof dialog.showModal === "function" && !dialog.open) dialog.showModal();
    var email = dialog.querySelector('input[name="email"]');
    if (email) email.focus();
  }

  function bindRelogin(dialog, onDone) {
    var error = dialog.querySelector("[data-relogin-error]");
    dialog.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = new URLSearchParams(new FormData(event.target));
      refreshCsrfToken().then(function (data) {
        fields.set("csrf_token", data.csrf_token);
        return fetch("/login", {
          method: "POST", body: fields, credentials: "same-origin", headers: { Accept: "application/json" }
        });
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok && data.ok, data: data }; });
      }).then(function (result) {
        if (!result.ok) {
          error.textContent = result.data.message || t("relogin_failed");
          error.hidden = false;
          if (result.data.mfa) {  // two-factor: the password was right, now the code
            var codeField = dialog.querySelector("[data-relogin-code]");
            codeField.hidden = false;
            codeField.querySelector("input").focus();
          }
          return;
        }
        setCsrfToken(result.data.csrf_token);
        error.hidden = true;
        event.target.reset();
        dialog.close();
        onDone();
      }).catch(function () {
        error.textContent = t("relogin_offline");
        error.hidden = false;
      });
    });
  }

  // Autosave: the editor's text goes to a server-side draft every few seconds
  // and when the page is hidden. Never to localStorage, never into a URL.
  var SAVE_EVERY_MS = 3000;
  var KEEPALIVE_LIMIT = 60000; // browsers cap keepalive request bodies at 64 kB

  // On a narrow screen the menu folds behind one button; without the script it simply wraps.
  function initMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var menu = document.getElementById("main-menu");
    if (!toggle || !menu) return;
    toggle.hidden = false;
    document.documentElement.classList.add("js-menu");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("is-open", open);
    });
  }

  // Parts of a form that apply to one choice only (data-show-when="name=value") hide for the others.
  function initShowWhen(form) {
    var parts = form.querySelectorAll("[data-show-when]");
    if (!parts.length) return;
    function update() {
      parts.forEach(function (part) {
        var rule = part.dataset.showWhen.split("=");
        var chosen = form.querySelector('input[name="' + rule[0] + '"]:checked');
        part.hidden = !chosen || chosen.value !== rule[1];
      });
    }
    form.addEventListener("change", update);
    update();
  }

  function initAutosave(form) {
    var url = form.dataset.autosaveUrl;
    if (!url) return;
    var status = form.querySelector("[data-autosave-status]");
    var dialog = document.querySelector("[data-relogin]");
    var state = {
      dirty: false, saving: false, loggedOut: false, alreadySaved: false, submitting: false, failures: 0, retryAt: 0
    };

    function say(text) { if (status) status.textContent = text; }

    // Tell the offline store (static/js/offline.js) whether this draft reached the server.
    function told(saved) {
      form.dispatchEvent(new CustomEvent("journal:autosave", { detail: { saved: saved, url: url } }));
    }

    function body() {
      var data = new URLSearchParams(new FormData(form));
      data.delete("csrf_token");
      return data;
    }

    // After a failure, wait longer each time (2, 4, 8 … up to 60 s, or what Retry-After asks).
    function backOff(response) {
      state.failures += 1;
      var asked = response ? Number(response.headers.get("Retry-After")) * 1000 : 0;
      var wait = Math.max(asked || 0, Math.min(60000, 2000 * Math.pow(2, state.failures - 1)));
      state.retryAt = Date.now() + wait;
      return Math.round(wait / 1000);
    }

    function save(leaving) {
      if (state.saving || state.loggedOut || state.alreadySaved) return Promise.resolve();
      if (!leaving && Date.now() < state.retryAt) return Promise.resolve();
      state.saving = true;
      state.dirty = false;
      var payload = body();
      var options = {
        method: "POST", body: payload, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
        keepalive: Boolean(leaving) && payload.toString().length < KEEPALIVE_LIMIT
      };
      return fetch(url, options).then(function (response) {
        if (response.ok) {
          state.failures = 0;
          state.retryAt = 0;
          rememberDraftInAddress();
          told(true);
          // The time comes from the server, in the person's own zone and clock (Settings), not the device's.
          return response.json().then(function (data) { say(t("autosave_saved", { time: data.saved_at_text })); });
        }
        state.dirty = true;
        if (response.status === 401) {
          state.loggedOut = true;
          say(t("autosave_logged_out"));
          if (dialog && !leaving) openDialog();
        } else if (response.status === 400) {
          say(t("autosave_refreshing"));
          return refreshCsrfToken();
        } else if (response.status === 409) {  // this page was saved meanwhile: nothing more to keep here
          state.alreadySaved = true;
          say(t("autosave_already_saved"));
        } else if (response.status === 422) {
          say(t("autosave_too_long"));
        } else {
          say(t("autosave_failed", { num: backOff(response) }));
        }
      }).catch(function () {
        state.dirty = true;
        told(false);
        say(t("autosave_offline", { num: backOff(null) }));
      }).finally(function () { state.saving = false; });
    }

    // After the first save, put the draft's id (never its text) in the address,
    // so reloading the page reopens the draft instead of an empty editor.
    function rememberDraftInAddress() {
      var draftId = form.querySelector('input[name="draft_id"]').value;
      var address = new URL(window.location.href);
      if (address.searchParams.get("draft") === draftId) return;
      address.searchParams.set("draft", draftId);
      window.history.replaceState(null, "", address.pathname + address.search);
    }

    function openDialog() { openRelogin(dialog); }

    form.addEventListener("input", function () { state.dirty = true; });
    form.addEventListener("change", function () { state.dirty = true; });
    form.addEventListener("submit", function (event) {
      if (state.loggedOut && dialog) {
        event.preventDefault();
        openDialog();
        return;
      }
      state.submitting = true;
      // Back after the save then brings this same page (its draft id), which knows it was saved.
      rememberDraftInAddress();
    });
    if (dialog) {
      bindRelogin(dialog, function () {
        state.loggedOut = false;
        state.dirty = true;
        save(false);
      });
    }
    window.setInterval(function () { if (state.dirty) save(false); }, SAVE_EVERY_MS);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && state.dirty && !state.submitting) save(true);
    });
    window.addEventListener("beforeunload", function (event) {
      if (state.submitting || !state.dirty) return;
      save(true);
      event.preventDefault();
      event.returnValue = "";
    });
  }

  // Sharing and consent choices are saved as soon as a box changes, through the form's own address (the
  // one rule on the server, as the Save button that pages without this script keep), and say so beside it.
  function initSaveOnChange(form) {
    var status = form.querySelector("[data-save-status]");
    var button = form.querySelector("[data-save-button]");
    var boxes = form.querySelectorAll('input[type="checkbox"]');
    if (!status || !boxes.length) return;
    if (button) button.hidden = true;
    var saved = Array.prototype.map.call(boxes, function (box) { return box.checked; });

    function say(text, failed) {
      status.textContent = text;
      status.classList.toggle("save-status-error", Boolean(failed));
    }

    function state() {
      return Array.prototype.map.call(boxes, function (box) { return box.checked; });
    }

    function send(retried) {
      var payload = new URLSearchParams(new FormData(form));
      payload.delete("csrf_token");
      var sent = state();
      return fetch(form.action, {
        method: "POST", body: payload, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" }
      }).then(function (response) {
        if (response.status === 400 && !retried) return refreshCsrfToken().then(function () { return send(true); });
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (response.ok && data.saved) {
            saved = sent;
            return;
          }
          throw new Error(data.message || t("save_try_again"));
        });
      });
    }

    // One request at a time, each carrying the whole choice: a change made while one is on its way is sent
    // when it returns, so the last choice made is the one in force (two racing requests could land in either order).
    var busy = false;
    var again = false;

    function run() {
      busy = true;
      say(t("save_saving"));
      send(false).then(function () {
        if (!again) say(t("save_saved"));
      }, function (error) {
        again = false;
        // Show the choice that is really in force, and why the change did not go through.
        boxes.forEach(function (box, index) { box.checked = saved[index]; });
        var reason = error instanceof TypeError ? t("save_offline") : error.message;
        say(t("save_failed", { reason: reason }), true);
      }).then(function () {
        busy = false;
        if (again) {
          again = false;
          run();
        }
      });
    }

    form.addEventListener("change", function () {
      if (busy) {
        again = true;
        say(t("save_saving"));
        return;
      }
      run();
    });
  }

  window.Journal = {
    t: t, refreshCsrfToken: refreshCsrfToken, setCsrfToken: setCsrfToken, openRelogin: openRelogin, bindRelogin: bindRelogin
  };

  document.addEventListener("DOMContentLoaded", function () {
    guessTimeZone();
    initMenu();
    document.querySelectorAll("form").forEach(initShowWhen);
    document.querySelectorAll("form.js-autosave").forEach(initAutosave);
    document.querySelectorAll("form.js-save-on-change").forEach(initSaveOnChange);
  });
})();
