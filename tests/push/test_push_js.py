"""The Settings page's script (static/js/push.js), run by Node against a stand-in page and browser: it asks
for permission before subscribing, subscribes with the server's key, posts with the CSRF header, and leaves
the "email only" sentence where the browser cannot show notifications."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "static" / "js" / "push.js"
NODE = shutil.which("node")
KEY = "BOr" + "A" * 84  # the shape of the server's key; its bytes are compared, not used

# Just enough of a page, a service worker registration and the Push API for push.js; prints what happened.
HARNESS = r"""
const vm = require("vm");
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const did = { posts: [], subscribed: [], unsubscribed: 0, asked: 0 };
function element(fields) {
  const listeners = {};
  return Object.assign({ hidden: false, disabled: false, textContent: "", dataset: {},
    addEventListener: function (type, fn) { listeners[type] = fn; },
    click: function () { listeners.click(); } }, fields);
}
const parts = {
  ".js-push-unsupported": element(), ".js-push-controls": element({ hidden: true }), ".js-push-state": element(),
  ".js-push-on": element(), ".js-push-off": element({ hidden: true }),
};
const section = element({ dataset: { keyUrl: "/push/key", subscribeUrl: "/push/subscriptions",
  unsubscribeUrl: "/push/subscriptions/delete" }, querySelector: function (s) { return parts[s]; } });
const messages = { push_on: "ON", push_off: "OFF", push_denied: "DENIED", push_failed: "FAILED", push_working: "…" };
const document = {
  getElementById: function (id) {
    if (id === "notifications") return section;
    if (id === "js-messages") return { textContent: JSON.stringify(messages) };
    return null;
  },
  querySelector: function (s) { return s === 'meta[name="csrf-token"]' ? { content: "the-token" } : null; },
};
function bytes(text) { return Array.from(Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64")); }
let held = input.held ? { endpoint: "https://push.example/old",
  options: { applicationServerKey: new Uint8Array(bytes(input.held)).buffer },
  toJSON: function () { return { endpoint: this.endpoint }; },
  unsubscribe: function () { did.unsubscribed++; held = null; return Promise.resolve(true); } } : null;
const pushManager = {
  getSubscription: function () { return Promise.resolve(held); },
  subscribe: function (options) {
    did.subscribed.push({ userVisibleOnly: options.userVisibleOnly, key: Array.from(options.applicationServerKey) });
    held = { endpoint: "https://push.example/new", options: options,
      toJSON: function () { return { endpoint: this.endpoint }; },
      unsubscribe: function () { did.unsubscribed++; held = null; return Promise.resolve(true); } };
    return Promise.resolve(held);
  },
};
const window = { atob: function (s) { return Buffer.from(s, "base64").toString("binary"); } };
if (input.pushManager) window.PushManager = function () {};
const Notification = { permission: input.permission, requestPermission: function () {
  did.asked++; Notification.permission = input.answer; return Promise.resolve(input.answer); } };
if (input.notification !== false) window.Notification = Notification;
const navigator = { serviceWorker: { ready: Promise.resolve({ pushManager: pushManager }) } };
function fetch(url, options) {
  if (options.method === "POST") did.posts.push({ url: url, headers: options.headers, body: JSON.parse(options.body) });
  const status = (input.status || {})[url] || 200;
  const body = url === "/push/key" ? { key: input.key } : {};
  return Promise.resolve({ ok: status < 300, status: status, json: function () { return Promise.resolve(body); } });
}
vm.runInNewContext(fs.readFileSync(input.script, "utf8"), { document: document, window: window, navigator: navigator,
  Notification: Notification, fetch: fetch, Promise: Promise, Uint8Array: Uint8Array, JSON: JSON, Error: Error });
function settle() { return new Promise(function (resolve) { setTimeout(resolve, 20); }); }
settle().then(function () {
  if (input.click) parts[input.click].click();
  return settle();
}).then(function () {
  did.page = {};
  Object.keys(parts).forEach(function (s) { did.page[s] = { hidden: parts[s].hidden, text: parts[s].textContent }; });
  process.stdout.write(JSON.stringify(did));
});
"""

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed: the page script is not run")


def run(**case) -> dict:
    case = {
        "script": str(SCRIPT),
        "key": KEY,
        "pushManager": True,
        "permission": "default",
        "answer": "granted",
        **case,
    }
    done = subprocess.run(
        [NODE, "-e", HARNESS], input=json.dumps(case), capture_output=True, text=True, timeout=30, check=True
    )
    return json.loads(done.stdout)


def key_bytes(text: str) -> list[int]:
    import base64

    return list(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def test_turning_on_asks_first_then_subscribes_with_the_servers_key_and_posts_with_the_token():
    did = run(click=".js-push-on")
    assert did["asked"] == 1
    assert did["subscribed"] == [{"userVisibleOnly": True, "key": key_bytes(KEY)}]
    (posted,) = did["posts"]
    assert posted["url"] == "/push/subscriptions" and posted["body"] == {"endpoint": "https://push.example/new"}
    assert posted["headers"]["X-CSRFToken"] == "the-token" and posted["headers"]["Content-Type"] == "application/json"
    assert did["page"][".js-push-state"]["text"] == "ON"
    assert did["page"][".js-push-on"]["hidden"] and not did["page"][".js-push-off"]["hidden"]
    assert did["page"][".js-push-unsupported"]["hidden"] and not did["page"][".js-push-controls"]["hidden"]


@pytest.mark.parametrize("answer", ["denied", "default"])
def test_nothing_is_subscribed_without_permission(answer):
    did = run(click=".js-push-on", answer=answer)
    assert did["subscribed"] == [] and did["posts"] == []
    assert did["page"][".js-push-state"]["text"] == "DENIED"


def test_a_refused_post_leaves_no_subscription_behind():
    did = run(click=".js-push-on", status={"/push/subscriptions": 400})
    assert did["unsubscribed"] == 1 and did["page"][".js-push-state"]["text"] == "FAILED"


def test_turning_off_lets_go_in_the_browser_then_tells_the_server():
    did = run(held=KEY, permission="granted", click=".js-push-off")
    assert did["unsubscribed"] == 1
    assert [post["url"] for post in did["posts"]] == ["/push/subscriptions", "/push/subscriptions/delete"]
    assert did["posts"][1]["body"] == {"endpoint": "https://push.example/old"}
    assert did["page"][".js-push-state"]["text"] == "OFF"


def test_an_open_page_shows_on_and_tells_the_server_again():
    did = run(held=KEY, permission="granted")
    assert did["page"][".js-push-state"]["text"] == "ON"
    assert [post["url"] for post in did["posts"]] == ["/push/subscriptions"]


def test_a_subscription_made_with_a_replaced_key_is_dropped():
    did = run(held="BOr" + "B" * 84, permission="granted")
    assert did["unsubscribed"] == 1 and did["posts"] == []
    assert did["page"][".js-push-state"]["text"] == "OFF"


@pytest.mark.parametrize("missing", [{"pushManager": False}, {"notification": False}])
def test_a_browser_without_push_keeps_the_email_only_sentence(missing):
    did = run(**missing)
    assert not did["page"][".js-push-unsupported"]["hidden"] and did["page"][".js-push-controls"]["hidden"]
    assert did["posts"] == []
