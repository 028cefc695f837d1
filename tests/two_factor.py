"""Reading the two-factor setup page as a person would: the key shown in groups of four."""

from __future__ import annotations

import re

KEY = re.compile(r'<code class="link-text key-groups" id="mfa-key">(.*?)</code>', re.DOTALL)
GROUP = re.compile(r"<span>([A-Z2-7]{1,4})</span>")


def key_on(page: str) -> str | None:
    """The authenticator key on a setup page, its groups joined (as a copy gives it); None when none is shown."""
    found = KEY.search(page)
    return "".join(GROUP.findall(found.group(1))) if found else None
