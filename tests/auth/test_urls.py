import pytest

from journal.auth.urls import is_safe_next


@pytest.mark.parametrize("target", ["/", "/entries", "/entries/3?page=2", "/account/password#top"])
def test_accepts_local_paths(target):
    assert is_safe_next(target)


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",  # what ?next=/%09/host becomes once decoded
        "/%09/evil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "/\n/evil.example",
        "https://evil.example/",
        "http:evil.example",
        "javascript:alert(1)",
        "evil.example",
        " //evil.example",
    ],
)
def test_refuses_anything_that_could_leave_the_site(target):
    assert not is_safe_next(target)
