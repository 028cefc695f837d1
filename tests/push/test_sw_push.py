"""The service worker's push handler (static/js/sw-push.js), run by Node against a stand-in service worker:
it shows what the payload says, and a click opens only a page of this site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "static" / "js" / "sw-push.js"
NODE = shutil.which("node")
ORIGIN = "https://journal.example"

# A service worker's globals, as much of them as sw-push.js touches; prints what it did, as JSON.
HARNESS = r"""
const vm = require("vm");
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const listeners = {}, did = { shown: [], focused: [], navigated: [], opened: [] };
const windows = input.windows.map(function (url) {
  const client = { url: url, focus: function () { did.focused.push(url); return Promise.resolve(client); },
                   navigate: function (to) { did.navigated.push(to); return Promise.resolve(client); } };
  return client;
});
const self = {
  location: { origin: input.origin },
  addEventListener: function (type, listener) { listeners[type] = listener; },
  registration: { showNotification: function (title, options) {
    did.shown.push({ title: title, options: options }); return Promise.resolve(); } },
  clients: { matchAll: function () { return Promise.resolve(windows); },
             openWindow: function (url) { did.opened.push(url); return Promise.resolve(null); } },
};
vm.runInNewContext(fs.readFileSync(input.script, "utf8"), { self: self, URL: URL, Promise: Promise });
const waits = [];
function event(fields) { return Object.assign({ waitUntil: function (p) { waits.push(p); } }, fields); }
if (input.push !== undefined) {
  const data = input.push === null ? null : { json: function () { return JSON.parse(input.push); } };
  listeners.push(event({ data: data }));
}
if (input.click !== undefined) {
  listeners.notificationclick(event({ notification: { data: input.click, close: function () {} } }));
}
Promise.all(waits).then(function () { process.stdout.write(JSON.stringify(did)); });
"""

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed: the service worker's script is not run")


def run(**case) -> dict:
    case = {"script": str(SCRIPT), "origin": ORIGIN, "windows": [], **case}
    done = subprocess.run(
        [NODE, "-e", HARNESS], input=json.dumps(case), capture_output=True, text=True, timeout=30, check=True
    )
    return json.loads(done.stdout)


def test_a_push_shows_its_title_body_tag_and_page():
    payload = {
        "title": "A safety alert is waiting for you",
        "body": "Open it.",
        "url": "/therapist/alerts/1",
        "tag": "a",
    }
    (shown,) = run(push=json.dumps(payload))["shown"]
    assert shown["title"] == payload["title"]
    assert shown["options"] == {
        "body": "Open it.",
        "icon": "/static/icons/icon-192.png",
        "data": {"url": "/therapist/alerts/1"},
        "tag": "a",
        "renotify": True,
    }


@pytest.mark.parametrize("payload", [None, "not json", json.dumps(["a list"])])
def test_a_push_it_cannot_read_still_shows_something_plain(payload):
    (shown,) = run(push=payload)["shown"]
    assert shown["title"] == "Integration Journal" and shown["options"]["data"] == {"url": "/"}


@pytest.mark.parametrize(
    "url, opens",
    [
        ("/therapist/alerts/5?x=1", f"{ORIGIN}/therapist/alerts/5?x=1"),
        ("https://evil.example/phish", f"{ORIGIN}/"),
        ("//evil.example/phish", f"{ORIGIN}/"),
        ("/\\evil.example/phish", f"{ORIGIN}/"),
        ("javascript:alert(1)", f"{ORIGIN}/"),
        ("therapist/alerts/5", f"{ORIGIN}/"),
        (None, f"{ORIGIN}/"),
    ],
)
def test_a_click_opens_only_a_page_of_this_site(url, opens):
    assert run(click={"url": url})["opened"] == [opens]


def test_a_push_never_carries_another_site_to_the_click():
    payload = {"title": "t", "body": "b", "url": "https://evil.example/", "tag": "t"}
    (shown,) = run(push=json.dumps(payload))["shown"]
    assert shown["options"]["data"] == {"url": "/"}


def test_a_click_brings_an_open_window_of_the_app_forward_on_that_page():
    did = run(click={"url": "/therapist/alerts/5"}, windows=["https://elsewhere.example/", f"{ORIGIN}/settings"])
    assert did["focused"] == [f"{ORIGIN}/settings"]
    assert did["navigated"] == [f"{ORIGIN}/therapist/alerts/5"]
    assert did["opened"] == []
