// Offline writing (docs/offline.md): the service worker, the "waiting to sync" indicator, keeping what is written
// without a connection (static/js/offline-store.js, encrypted), sending it back once, and leaving nothing behind.
// Every page works without this file; writing offline needs it.
(function () {
  "use strict";

  var Store = window.JournalStore;
  var J = window.Journal;
  if (!Store || !J || !window.indexedDB || !window.crypto || !window.crypto.subtle) return;
  var t = J.t;
  var SHELL_REFRESHED = "journal-shell-refreshed";

  // The registration, if there is one (never waits for one that failed to install).
  function worker() {
    if (!("serviceWorker" in navigator)) return Promise.reject(new Error("no worker"));
    return navigator.serviceWorker.getRegistration("/").then(function (registration) {
      if (!registration) throw new Error("no worker");
      return registration;
    });
  }

  // Ask the worker to send the queue when the connection is back, even with no page open; pages also send on load.
  function sendLater() {
    return worker().then(function (registration) {
      if (registration.sync) return registration.sync.register(Store.SYNC_TAG);
    }).catch(function () {});
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function fieldsOf(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && typeof value === "string") fields.push([name, value]);
    });
    return fields;
  }

  function field(fields, name) {
    for (var i = 0; i < fields.length; i += 1) if (fields[i][0] === name) return fields[i][1];
    return "";
  }

  function firstWords(fields) {
    var words = "";
    fields.forEach(function (pair) { if (!words && pair[0].indexOf("answer_") === 0) words = pair[1]; });
    return words.trim().slice(0, 80);
  }

  // The indicator in the header: how many entries wait on this device, or that there is no connection.
  var indicator = document.querySelector("[data-sync-indicator]");
  function showWaiting() {
    if (!indicator) return Promise.resolve();
    return Store.currentAccount().then(Store.waiting).then(function (count) {
      if (count > 0) indicator.textContent = t("offline_waiting", { num: count });
      else if (!navigator.onLine) indicator.textContent = t("offline_now");
      indicator.hidden = count === 0 && navigator.onLine;
    }).catch(function () { indicator.hidden = true; });
  }

  var writer = null;  // the offline writer page, when this is it

  // Send what waits, then say what happened. A session that ended meanwhile asks to log in again; the queue waits.
  function sendNow() {
    if (!navigator.onLine) return showWaiting();
    return Store.sendAll().then(function (outcome) {
      if (writer) writer.report(outcome);
      return showWaiting();
    });
  }

  // Leaving (logout, forget this device) wipes the store, its key and the worker's caches; the server's
  // Clear-Site-Data does the same where the browser honours it. Entries not yet sent are named first.
  function wipe() {
    var caches = window.caches ? window.caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) { return window.caches.delete(name); }));
    }) : Promise.resolve();
    var unregistered = worker().then(function (registration) { return registration.unregister(); });
    return Promise.all([Store.wipe(), caches, unregistered.catch(function () {})]).catch(function () {});
  }

  function guardLeaving(form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.wiped) return;
      event.preventDefault();
      Store.currentAccount().then(Store.unsent).catch(function () { return 0; }).then(function (count) {
        if (count > 0 && !window.confirm(t("offline_leave_unsent", { num: count }))) return;
        wipe().then(function () {
          form.dataset.wiped = "1";
          form.submit();
        });
      });
    });
  }

  // The editor without a connection: keep the page's words under its own save key and open the offline writer.
  function initQueue(form, account) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine || event.defaultPrevented) return;
      event.preventDefault();
      var fields = fieldsOf(form);
      var key = field(fields, "save_key") || newId();
      var draftId = field(fields, "draft_id");
      // Dated the day it was written, even if it is sent days later (an edit keeps the day it had).
      fields = fields.map(function (pair) {
        return pair[0] === "written_on" && !pair[1] ? ["written_on", Store.localDay()] : pair;
      });
      var value = { action: form.action, fields: fields, title: field(fields, "title"), words: firstWords(fields) };
      Store.keep(account, "entry:" + key, "entry", value, true).then(function () {
        return draftId ? Store.drop("draft:" + draftId) : null;
      }).then(sendLater).then(function () {
        window.location.href = "/offline/write";
      }, function () {
        window.alert(t("offline_not_kept"));
      });
    });
    // An autosave that could not reach the server keeps the draft here; one that did lets it go.
    form.addEventListener("journal:autosave", function (event) {
      var draftId = field(fieldsOf(form), "draft_id");
      if (!draftId || !event.detail.url) return;
      if (event.detail.saved) {
        Store.drop("draft:" + draftId).then(showWaiting);
        return;
      }
      var fields = fieldsOf(form);
      var value = { action: event.detail.url, fields: fields, title: field(fields, "title"), words: firstWords(fields) };
      Store.keep(account, "draft:" + draftId, "draft", value, true).then(sendLater).then(showWaiting);
    });
  }

  // The offline writer (/offline/write): a title and free writing, kept as it is typed, sent when possible.
  function initWriter(root, account, locked) {
    var form = root.querySelector("[data-offline-form]");
    var status = root.querySelector("[data-offline-status]");
    var queue = root.querySelector("[data-offline-queue]");
    var list = root.querySelector("[data-offline-list]");
    var dialog = document.querySelector("[data-relogin]");
    var current = null;
    var typing = null;

    function say(text) { status.textContent = text; }

    var unavailable = root.querySelector("[data-offline-unavailable]");
    // Logged in again: the page starts over as that person (their queue, their key), and sends what waits.
    if (dialog) J.bindRelogin(dialog, function () { window.location.reload(); });
    if (!account || locked) {
      unavailable.textContent = locked ? t("offline_login") : t("offline_sign_in_first");
      unavailable.hidden = false;
      if (locked && dialog) J.openRelogin(dialog);
      return null;
    }
    form.hidden = false;

    var today = Store.localDay;

    function value() {
      var title = form.elements.title.value;
      var words = form.elements.answer_0.value;
      return {
        action: "/entries/new",
        // The day it was written: an entry sent days later keeps its day (the server checks it).
        fields: [["title", title], ["answer_0", words], ["save_key", current], ["written_on", current && written]],
        title: title,
        words: words.trim().slice(0, 80)
      };
    }
    var written = today();

    function keepTyping() {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () {
        Store.keep(account, "entry:" + current, "entry", value(), false).then(function () { say(t("offline_kept_draft")); });
      }, 600);
    }

    function startNew() {
      current = newId();
      written = today();
      form.reset();
    }

    function render() {
      return Store.list(account).then(function (rows) {
        var ready = rows.filter(function (row) { return row.ready; });
        list.textContent = "";
        ready.forEach(function (row) {
          var item = document.createElement("li");
          var name = document.createElement("span");
          name.textContent = row.value.title || row.value.words || t("offline_untitled");
          var when = document.createElement("span");
          when.className = "meta";
          when.textContent = " · " + new Date(row.updated).toLocaleString(document.documentElement.lang || undefined);
          item.appendChild(name);
          item.appendChild(when);
          if (row.kind === "entry" && new URL(row.value.action, location.href).pathname === "/entries/new" &&
              row.value.fields.every(function (pair) { return pair[0] !== "answer_1"; })) {
            var open = document.createElement("button");
            open.type = "button";
            open.className = "link-button";
            open.textContent = t("offline_change");
            open.addEventListener("click", function () { reopen(row); });
            item.appendChild(document.createTextNode(" "));
            item.appendChild(open);
          }
          list.appendChild(item);
        });
        queue.hidden = ready.length === 0;
        return rows;
      }).then(function (rows) { showWaiting(); return rows; });
    }

    function reopen(row) {
      window.clearTimeout(typing);
      // Words being written stay safe: they join the queue before another entry opens.
      var keeping = form.elements.title.value.trim() || form.elements.answer_0.value.trim()
        ? Store.keep(account, "entry:" + current, "entry", value(), true) : Promise.resolve();
      keeping.then(function () { open(row); });
    }

    function open(row) {
      current = row.id.replace(/^entry:/, "");
      written = field(row.value.fields, "written_on") || today();
      form.elements.title.value = field(row.value.fields, "title");
      form.elements.answer_0.value = field(row.value.fields, "answer_0");
      Store.keep(account, row.id, "entry", value(), false).then(render);
      form.elements.answer_0.focus();
    }

    form.addEventListener("input", keepTyping);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(typing);
      if (!form.elements.title.value.trim() && !form.elements.answer_0.value.trim()) {
        say(t("offline_nothing_yet"));
        return;
      }
      Store.keep(account, "entry:" + current, "entry", value(), true).then(function () {
        startNew();
        say(navigator.onLine ? t("offline_sending") : t("offline_kept"));
        return render();
      }).then(sendLater).then(sendNow);
    });
    root.querySelector("[data-offline-send]").addEventListener("click", sendNow);
    // Pick up where the writing stopped: an entry still being written comes back into the form.
    Store.list(account).then(function (rows) {
      var unfinished = rows.filter(function (row) { return !row.ready && row.kind === "entry"; }).pop();
      if (unfinished) {
        current = unfinished.id.replace(/^entry:/, "");
        written = field(unfinished.value.fields, "written_on") || today();
        form.elements.title.value = unfinished.value.title || "";
        form.elements.answer_0.value = field(unfinished.value.fields, "answer_0");
        say(t("offline_restored"));
      } else {
        current = newId();
      }
      return render();
    });

    return {
      report: function (outcome) {
        var parts = [];
        if (outcome.sent.length) parts.push(t("offline_sent", { num: outcome.sent.length }));
        if (outcome.conflicts.length) parts.push(t("offline_conflict", { num: outcome.conflicts.length }));
        if (outcome.refused.length) parts.push(t("offline_refused", { reason: outcome.refused[0].message }));
        if (outcome.login) {
          parts.push(t("offline_login"));
          if (dialog) J.openRelogin(dialog);
        }
        if (parts.length) say(parts.join(" "));
        render();
      }
    };
  }

  // The safety plan, kept on this device if the person chooses (the plan page), shown on the offline help page.
  function planId(account) { return "plan:" + account; }

  function planSections(form) {
    var sections = [];
    form.querySelectorAll("textarea").forEach(function (area) {
      var label = form.querySelector('label[for="' + area.id + '"]');
      if (area.value.trim()) sections.push({ title: label ? label.textContent.trim() : "", text: area.value });
    });
    return sections;
  }

  function initPlanChoice(account) {
    var choice = document.querySelector("[data-offline-plan-choice]");
    var form = document.querySelector("form[data-offline-plan]");
    if (!choice || !form) return;
    var box = choice.querySelector("input");
    choice.hidden = false;
    function keepCopy() {
      return Store.keep(account, planId(account), "plan", { sections: planSections(form) }, false);
    }
    Store.list(account).then(function (rows) {
      box.checked = rows.some(function (row) { return row.id === planId(account); });
      if (box.checked) keepCopy();  // the plan as saved now
    });
    box.addEventListener("change", function () {
      (box.checked ? keepCopy() : Store.drop(planId(account))).catch(function () { box.checked = !box.checked; });
    });
  }

  function showPlanCopy(account) {
    var copy = document.querySelector("[data-offline-plan-copy]");
    if (!copy || !account) return;
    Store.list(account).then(function (rows) {
      var plan = rows.filter(function (row) { return row.id === planId(account); })[0];
      if (!plan || !plan.value.sections.length) return;
      var holder = copy.querySelector("[data-offline-plan-sections]");
      plan.value.sections.forEach(function (section) {
        var heading = document.createElement("h3");
        heading.textContent = section.title;
        var text = document.createElement("p");
        text.className = "prose";
        text.textContent = section.text;
        holder.appendChild(heading);
        holder.appendChild(text);
      });
      copy.hidden = false;
    });
  }

  // Whose writing a shell page (which names nobody) may show. Online, the server says; a session that ended
  // shows nothing until someone logs in (it may be someone else now). Offline, the person last signed in here.
  function whoIsHere(known) {
    if (!navigator.onLine) return Promise.resolve({ account: known, locked: false });
    return fetch("/auth/csrf-token", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (who) {
        if (who.logged_in) {
          if (!who.offline_account) return { account: null, locked: false };
          return Store.setAccount(who.offline_account).then(function () {
            return { account: who.offline_account, locked: false };
          });
        }
        return { account: known, locked: Boolean(known) };
      }, function () { return { account: known, locked: false }; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var body = document.body;
    var account = body.dataset.offlineAccount || null;
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    document.querySelectorAll('form[action$="/logout"], form[action$="/logout-everywhere"], form[data-forget-device]')
      .forEach(guardLeaving);
    var ready = account ? Store.setAccount(account).then(function () { return Store.keyFor(account, true); })
      : Store.currentAccount();
    ready.then(function (known) {
      if (account) {
        document.querySelectorAll("form[data-offline-queue]").forEach(function (form) { initQueue(form, account); });
        // After a login, or a change of language or region: fresh copies of the help page and the writer.
        var shellKey = account + "|" + body.dataset.offlineShell;
        Store.getMeta(SHELL_REFRESHED).then(function (kept) {
          if (kept === shellKey) return;
          return worker().then(function (registration) {
            if (registration.active) registration.active.postMessage({ type: "refresh-shell" });
            return Store.setMeta(SHELL_REFRESHED, shellKey);
          });
        }).catch(function () {});
      }
      if (account) initPlanChoice(account);
      var here = account ? Promise.resolve({ account: account, locked: false })
        : body.hasAttribute("data-shell-page") ? whoIsHere(known) : Promise.resolve({ account: null, locked: false });
      return here.then(function (who) {
        if (!who.locked) showPlanCopy(who.account);
        var root = document.querySelector("[data-offline-writer]");
        if (root) writer = initWriter(root, who.account, who.locked);
        var needsScript = document.querySelector("[data-offline-needs-script]");
        if (needsScript && who.account) needsScript.hidden = true;
        showWaiting();
        if (navigator.onLine && (account || writer)) sendNow();
      });
    }).catch(function () {});
    window.addEventListener("online", sendNow);
    window.addEventListener("offline", showWaiting);
  });
})();
