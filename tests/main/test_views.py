import pytest


def test_index_sends_visitors_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"


def test_login_page_is_served(client):
    page = client.get("/login").get_data(as_text=True)
    assert "<h1>Log in</h1>" in page


@pytest.mark.parametrize("url", ["/login", "/register", "/help", "/no-such-page"])
def test_every_page_links_to_crisis_help(client, url):
    assert 'href="/help">Need help now?</a>' in client.get(url).get_data(as_text=True)


def test_crisis_page_lists_us_and_local_resources(client):
    page = client.get("/help").get_data(as_text=True)
    for text in ("988", "HOME to 741741", "911", "local emergency number"):
        assert text in page


def test_crisis_text_comes_from_config(app, client):
    app.config["CRISIS_RESOURCES"] = [{"title": "In Ireland", "lines": ["Call Samaritans on 116 123."]}]
    page = client.get("/help").get_data(as_text=True)
    assert "Samaritans on 116 123" in page
    assert "741741" not in page


def test_crisis_text_is_escaped(app, client):
    app.config["CRISIS_RESOURCES"] = [{"title": "<script>x</script>", "lines": ["<b>bold</b>"]}]
    page = client.get("/help").get_data(as_text=True)
    assert "<script>x</script>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_home_greets_a_logged_in_user_in_their_time_zone(client, auth, make_user):
    make_user(email="ana@example.org", display_name="Ana", time_zone="Pacific/Auckland")
    auth.login("ana@example.org")
    page = client.get("/").get_data(as_text=True)
    assert "Hello, Ana" in page
    assert "Pacific/Auckland".replace("_", " ") in page


@pytest.mark.parametrize(("role", "home"), [("therapist", "/therapist/"), ("admin", "/admin/users")])
def test_therapists_and_admins_are_sent_to_their_own_home(client, auth, make_user, role, home):
    from journal.models import Role

    make_user(Role(role), email=f"{role}@example.org")
    auth.login(f"{role}@example.org")
    assert client.get("/").headers["Location"] == home


def test_robots_txt_lets_crawlers_read_only_the_public_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *" and lines[-1] == "Disallow: /"
    assert {"Allow: /login", "Allow: /register", "Allow: /help"} <= set(lines)


def test_public_pages_are_described_and_every_other_page_is_noindex(client, patient):
    for url in ("/help",):
        page = client.get(url).get_data(as_text=True)
        assert '<meta name="description"' in page and "noindex" not in page
    for url in ("/", "/entries", "/settings", "/sessions"):
        page = client.get(url).get_data(as_text=True)
        assert '<meta name="robots" content="noindex, nofollow">' in page and 'name="description"' not in page
    client.post_form("/logout")
    for url in ("/login", "/register"):
        page = client.get(url).get_data(as_text=True)
        assert '<meta name="description"' in page and "noindex" not in page
