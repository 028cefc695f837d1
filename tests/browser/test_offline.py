"""Offline writing in a real browser (#27), at desktop and phone size, on SQLite and on PostgreSQL servers.

The app installs; the help page and its crisis lines open without a connection; an entry written offline
survives a reload, is unreadable in IndexedDB, and reaches the journal exactly once when the connection is
back, even after the session ended meanwhile; leaving (logout, forget this device) leaves nothing; a deploy
replaces the worker's cache.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PATIENT_PASSWORD,
    VIEWPORTS,
    _free_port,
    assert_clean,
    check_page,
    register_through_form,
    serve_app,
    watch,
)
from tests.postgres import temporary_database

WORDS = "The lake at dawn, and the heron that did not move"
TITLE = "Written on the train"

# Everything the origin keeps in IndexedDB, as text: strings as they are, bytes as hex.
DUMP_INDEXED_DB = """
async () => {
  const out = [];
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, no) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result);
                                               r.onerror = () => no(r.error); });
    for (const name of db.objectStoreNames) {
      const rows = await new Promise((ok) => { const r = db.transaction(name).objectStore(name).getAll();
                                               r.onsuccess = () => ok(r.result); });
      const show = (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v)
        ? Array.from(new Uint8Array(v.buffer || v)).map((b) => b.toString(16)).join("")
        : v instanceof CryptoKey ? {type: v.type, extractable: v.extractable, algorithm: v.algorithm.name}
        : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, show(x)])) : v;
      out.push({db: info.name, store: name, rows: rows.map(show)});
    }
    db.close();
  }
  return out;
}
"""
# The worker controls the page (a page loaded before it activated is reloaded once it has).
CONTROLLED = "() => navigator.serviceWorker.controller !== null || (location.reload(), false)"
# The worker's caches are one, of this version (a tag, then the digest).
ONLY_CACHE = "async (prefix) => { const k = await caches.keys(); return k.length === 1 && k[0].startsWith(prefix); }"
OPEN_DB = """const open = () => new Promise((ok) => { const r = indexedDB.open("integration-journal");
  r.onsuccess = () => ok(r.result); });
const all = (db, name) => new Promise((ok) => { const r = db.transaction(name).objectStore(name).getAll();
  r.onsuccess = () => ok(r.result); });"""
# A sealed record as it lies in the store, and whether any key the store holds now can open it.
SEALED_RECORD = (
    "async () => { "
    + OPEN_DB
    + """
  const db = await open(); const [row] = await all(db, "queue"); db.close();
  return {id: row.id, account: row.account, iv: Array.from(row.iv), sealed: Array.from(new Uint8Array(row.sealed))};
}"""
)
CAN_OPEN = (
    "async (old) => { "
    + OPEN_DB
    + """
  if (!(await indexedDB.databases()).length) return false;
  const db = await open(); const keys = db.objectStoreNames.contains("keys") ? await all(db, "keys") : []; db.close();
  for (const row of keys) {
    try {
      await crypto.subtle.decrypt({name: "AES-GCM", iv: new Uint8Array(old.iv),
        additionalData: new TextEncoder().encode(old.account + "\\n" + old.id)}, row.key, new Uint8Array(old.sealed));
      return true;
    } catch (error) {}
  }
  return false;
}"""
)
CACHED_TEXT = """
async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      out[name + " " + new URL(request.url).pathname] = await (await cache.match(request)).text();
    }
  }
  return out;
}
"""


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def site(request, tmp_path_factory, smtp_server):
    """The app served on SQLite and on PostgreSQL (a database of its own, dropped after)."""
    instance = tmp_path_factory.mktemp(f"offline-{request.param}")
    if request.param == "sqlite":
        with serve_app(instance, f"sqlite:///{instance / 'live.sqlite3'}", smtp_server) as server:
            yield server
        return
    with temporary_database("offline") as url, serve_app(instance, url, smtp_server) as server:
        yield server


@pytest.fixture
def context(browser, site, viewport):
    # The device's zone is London: registration takes it, so the person's crisis lines are the UK's.
    context = browser.new_context(base_url=site.url, timezone_id="Europe/London", **VIEWPORTS[viewport])
    context.set_default_timeout(10_000)
    context.viewport_name = viewport
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A watched page (tests/browser/conftest.py), for which a request refused for want of a connection is expected."""
    page = context.new_page()
    watch(page, context)
    yield page
    page.problems[:] = [problem for problem in page.problems if "ERR_INTERNET_DISCONNECTED" not in problem[0]]
    assert_clean(page)


def register(page) -> str:
    email = f"offline{_free_port()}{id(page)}@example.org"
    register_through_form(page, email)
    wait_for_worker(page)
    return email


def wait_for_worker(page) -> None:
    """The worker controls the page and has kept the shell, fresh for this person (their region)."""
    page.wait_for_function(CONTROLLED, polling=500)
    page.wait_for_function(
        """async () => { const keys = await caches.keys();
           if (!keys.length) return false;
           const help = await (await caches.open(keys[0])).match('/offline/help');
           return Boolean(help) && (await help.text()).includes('Samaritans'); }""",
        polling=250,
    )


def journal_count(page, title: str) -> int:
    """How many entries of the journal have this title."""
    page.goto("/entries")
    return len(re.findall(re.escape(title), page.locator("main").inner_text()))


def write_offline(page, title: str, words: str) -> None:
    page.goto("/offline/write")
    page.get_by_label("Title").fill(title)
    page.get_by_label("What would you like to write?").fill(words)
    page.get_by_role("button", name="Keep this entry").click()
    expect(page.locator("[data-offline-list]")).to_contain_text(title)


def test_the_app_installs_and_help_opens_offline(context, page):
    register(page)
    manifest = page.request.get("/manifest.webmanifest").json()
    assert manifest["display"] == "standalone" and {icon["sizes"] for icon in manifest["icons"]} == {
        "192x192",
        "512x512",
    }
    errors = context.new_cdp_session(page).send("Page.getInstallabilityErrors")["installabilityErrors"]
    # A test context is a private window, which never offers to install; that is the only thing missing.
    assert [error["errorId"] for error in errors] == ["in-incognito"]
    context.set_offline(True)
    for address in ("/help", "/offline/help"):
        page.goto(address)
        expect(page.get_by_role("heading", name="Need help now?", level=1)).to_be_visible()
        # The person's own region first: the UK's lines, from their time zone.
        expect(page.locator("h2:visible").first).to_contain_text("United Kingdom")
        expect(page.get_by_text("Samaritans").first).to_be_visible()
    check_page(page, "offline-help")
    page.goto("/entries")  # a page that needs the server: the offline page, with the ways still open
    expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
    page.get_by_role("link", name="Write offline").first.click()
    expect(page.get_by_role("heading", name="Write offline")).to_be_visible()
    check_page(page, "offline-write")
    context.set_offline(False)


def test_a_copy_of_the_safety_plan_kept_on_the_device_opens_offline_sealed(context, page):
    register(page)
    page.goto("/safety-plan")
    page.get_by_label("My warning signs").fill("Not sleeping, and calling nobody back")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your safety plan is saved.")).to_be_visible()
    choice = page.get_by_label(re.compile("Keep a copy of my plan on this device"))
    expect(choice).not_to_be_checked()  # opt-in: nothing is kept until asked
    choice.check()
    page.wait_for_function(
        "async () => (await JournalStore.list(await JournalStore.currentAccount())).some((r) => r.kind === 'plan')"
    )
    assert "calling nobody back" not in repr(page.evaluate(DUMP_INDEXED_DB))
    context.set_offline(True)
    page.goto("/help")
    expect(page.get_by_text("Not sleeping, and calling nobody back")).to_be_visible()
    context.set_offline(False)
    page.goto("/safety-plan")
    page.get_by_label(re.compile("Keep a copy of my plan on this device")).uncheck()
    context.set_offline(True)
    page.goto("/help")
    expect(page.get_by_role("heading", name="Need help now?", level=1)).to_be_visible()
    expect(page.get_by_text("Not sleeping, and calling nobody back")).to_have_count(0)
    context.set_offline(False)


def test_an_entry_written_offline_survives_a_reload_and_is_unreadable_in_storage(context, page):
    register(page)
    page.goto("/entries/new")  # the editor, open when the connection drops
    context.set_offline(True)
    page.get_by_label("What would you like to write?").fill(WORDS + " (editor)")
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url("**/offline/write")
    expect(page.locator("[data-offline-list]")).to_contain_text(WORDS[:40])
    write_offline(page, TITLE, WORDS)
    page.get_by_label("What would you like to write?").fill("still being written")
    page.wait_for_timeout(900)  # kept as it is typed
    page.reload()
    expect(page.locator("[data-offline-list] li")).to_have_count(2)
    expect(page.locator("[data-offline-list]")).to_contain_text(TITLE)
    expect(page.get_by_label("What would you like to write?")).to_have_value("still being written")
    expect(page.locator("[data-sync-indicator]")).to_have_text("2 entries waiting to sync")
    stored = page.evaluate(DUMP_INDEXED_DB)
    text = repr(stored)
    queue = next(part["rows"] for part in stored if part["store"] == "queue")
    assert len(queue) == 3 and all(row["sealed"] for row in queue)
    for secret in (WORDS, TITLE, "still being written", "heron", "editor"):
        assert secret not in text and secret.encode().hex() not in text
    keys = next(part["rows"] for part in stored if part["store"] == "keys")
    assert [row["key"] for row in keys] == [{"type": "secret", "extractable": False, "algorithm": "AES-GCM"}]
    context.set_offline(False)


def test_a_draft_edited_offline_is_kept_sealed_and_reaches_the_server_when_back(context, page):
    register(page)
    page.goto("/entries/new")
    text = page.get_by_label("What would you like to write?")
    text.fill("Before the tunnel")
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")
    context.set_offline(True)
    text.fill("Before the tunnel, and in it: " + WORDS)
    expect(page.locator("[data-sync-indicator]")).to_have_text("1 entry waiting to sync")  # the draft, sealed
    stored = page.evaluate(DUMP_INDEXED_DB)
    assert [row["kind"] for part in stored if part["store"] == "queue" for row in part["rows"]] == ["draft"]
    assert "heron" not in repr(stored)
    context.set_offline(False)  # autosave reaches the server again, and the device lets the copy go
    expect(page.locator("[data-sync-indicator]")).to_be_hidden(timeout=70_000)
    page.goto("/drafts")
    page.locator("main .item-list li a").first.click()
    expect(page.get_by_label("What would you like to write?")).to_have_value(re.compile("heron"))


def test_back_online_each_entry_reaches_the_journal_once_even_after_the_session_ended(context, page, site):
    email = register(page)
    context.set_offline(True)
    write_offline(page, TITLE, WORDS)
    write_offline(page, "A second one", "Second entry, the river")
    context.clear_cookies()  # the session ends while offline
    context.set_offline(False)
    page.reload()
    dialog = page.locator("[data-relogin]")
    expect(dialog).to_be_visible()  # asks to log in again; the queue waits
    # Until someone logs in, the page shows nobody's words: it may be someone else at this computer now.
    expect(page.get_by_text(TITLE)).to_have_count(0)
    expect(page.locator("[data-sync-indicator]")).to_have_text("2 entries waiting to sync")
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Password").fill(PATIENT_PASSWORD)
    dialog.get_by_role("button", name="Log in and keep writing").click()
    expect(page.locator("[data-offline-status]")).to_contain_text("2 entries are now in your journal.")
    expect(page.locator("[data-sync-indicator]")).to_be_hidden()
    page.reload()  # and nothing is sent again
    page.wait_for_load_state("networkidle")
    assert journal_count(page, TITLE) == 1
    assert journal_count(page, "A second one") == 1


def test_a_send_repeated_after_a_lost_answer_saves_one_entry(context, page):
    register(page)
    page.goto("/offline/write")
    # The same queued entry sent twice, as after an answer lost on the way back.
    answers = page.evaluate(
        """async (words) => {
          const who = await (await fetch('/auth/csrf-token', {headers: {Accept: 'application/json'}})).json();
          const body = new URLSearchParams({title: 'Twice', answer_0: words, save_key: crypto.randomUUID()});
          const send = () => fetch('/entries/new', {method: 'POST', body,
              headers: {'X-CSRFToken': who.csrf_token, Accept: 'application/json'}}).then((r) => r.json());
          return [await send(), await send()];
        }""",
        WORDS,
    )
    assert answers[0]["saved"] and answers[0] == answers[1]
    assert journal_count(page, "Twice") == 1


@pytest.mark.parametrize("leave", ["Log out", "Forget this device"])
def test_leaving_leaves_the_stores_empty(context, page, leave):
    register(page)
    page.goto("/offline/write")
    # Words still being written, not yet kept as an entry (and with an address that answers 404): leaving
    # must ask first all the same.
    page.evaluate(
        """([title, words]) => JournalStore.currentAccount().then((account) => JournalStore.keep(account,
             "entry:waits", "entry", {action: "/offline/nowhere", fields: [["title", title], ["answer_0", words]],
                                      title: title, words: words}, false))""",
        [TITLE, WORDS],
    )
    sealed = page.evaluate(SEALED_RECORD)
    assert page.evaluate(CAN_OPEN, sealed)  # the check below can tell
    page.goto("/settings")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    if leave == "Log out":
        toggle = page.get_by_role("button", name="Menu")
        if toggle.is_visible():
            toggle.click()
    page.get_by_role("button", name=leave).click()
    if leave == "Log out":
        page.wait_for_url("**/login")
    else:
        expect(page.get_by_text("This device keeps nothing of your journal now.")).to_be_visible()
    assert asked and "1 entry written offline has not been sent yet" in asked[0]
    # The entry that could not be sent was answered 404 on purpose, each time the page tried.
    page.problems[:] = [problem for problem in page.problems if "404 (NOT FOUND)" not in problem[0]]
    page.wait_for_load_state("networkidle")
    stored = page.evaluate(DUMP_INDEXED_DB)
    assert all(part["rows"] == [] for part in stored if part["store"] == "queue"), stored
    # The key is gone: what was sealed on this device can never be opened again. (Still signed in after
    # "Forget this device", the next page makes a new, empty one; logged out, there is none.)
    assert not page.evaluate(CAN_OPEN, sealed)
    if leave == "Log out":
        assert all(part["rows"] == [] for part in stored), stored
    cached = page.evaluate(CACHED_TEXT)
    assert not any(TITLE in text or WORDS in text for text in cached.values())
    # What the worker keeps again at once is the shell as anyone sees it: the region's order was theirs.
    anyone = page.request.get("/offline/help").text() if leave == "Log out" else None
    for name, text in cached.items():
        if name.endswith(" /offline/help") and anyone is not None:
            assert text == anyone


def test_chromium_reports_the_app_installable_in_a_profile(browser, site, tmp_path):
    profile = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    try:
        page = profile.new_page()
        page.goto(site.url + "/login")
        page.wait_for_function(CONTROLLED)
        errors = profile.new_cdp_session(page).send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
    finally:
        profile.close()


def test_a_deploy_replaces_the_cache(browser, tmp_path_factory, smtp_server):
    instance = tmp_path_factory.mktemp("offline-deploy")
    port = _free_port()
    database = f"sqlite:///{instance / 'live.sqlite3'}"
    context = browser.new_context(**VIEWPORTS["desktop"])
    context.set_default_timeout(10_000)
    context.viewport_name = "desktop"
    page = context.new_page()
    watch(page, context)
    try:
        with serve_app(instance, database, smtp_server, port=port, env={"JOURNAL_OFFLINE_VERSION": "one"}) as site:
            page.goto(site.url + "/login")
            page.wait_for_function(CONTROLLED)
            page.wait_for_function(ONLY_CACHE, arg="journal-shell-one-", polling=250)
        with serve_app(instance, database, smtp_server, port=port, env={"JOURNAL_OFFLINE_VERSION": "two"}) as site:
            page.goto(site.url + "/login")
            page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
            page.wait_for_function(ONLY_CACHE, arg="journal-shell-two-", polling=250)
            assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
        # The first server is stopped under a live page on purpose: a socket Chromium kept open to it is reset
        # (a CI run logged four). Anything else is still a problem.
        gone = ("net::ERR_CONNECTION_RESET", "net::ERR_CONNECTION_REFUSED")
        page.problems[:] = [(text, url) for text, url in page.problems if not text.endswith(gone)]
        assert_clean(page)
    finally:
        context.close()
