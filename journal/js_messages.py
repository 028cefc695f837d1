"""The words the page script says, from the catalog: the script holds keys, never English.

Each page carries these, translated, in a ``<script type="application/json" id="js-messages">`` (no request
of its own and nothing the CSP must allow); ``t(key, {name: value})`` in ``static/js/journal.js`` reads them and
fills ``%(name)s`` placeholders. A key the script uses must be here: ``tests/test_js_messages.py`` checks.

A message about a number ("trying again in 8 seconds") is a ``Plural``: the page carries one form per plural
category of its language (CLDR's "one", "few", "other"…), and the script picks its number's category with
``Intl.PluralRules`` for the page's ``lang``; ``%(num)d`` is the number.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from flask_babel import get_translations, lazy_ngettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from journal.i18n import current_locale

# Numbers to find an example of each plural category in (a million: Spanish's "many", 1 000 000 de segundos).
_SAMPLES = (*range(200), 1_000_000)


class Plural:
    """A message whose wording depends on a number the script knows: ``Plural(lazy_ngettext(one, many, 0))``.

    Written with ``lazy_ngettext`` so that ``make translations`` extracts both msgids; only they are kept.
    """

    def __init__(self, message: LazyString) -> None:
        self.singular, self.plural = message._args[:2]  # Flask-Babel's LazyString(ngettext, singular, plural, num)

    def forms(self) -> dict[str, str]:
        """One wording per plural category of the active language, placeholders left for the script."""
        translations = get_translations()
        return {
            category: translations.ngettext(self.singular, self.plural, number)
            for category, number in _category_samples(current_locale()).items()
        }


@cache
def _category_samples(locale: str) -> dict[str, int]:
    """The smallest number of each CLDR plural category the language has."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for number in _SAMPLES:
        samples.setdefault(rule(number), number)
    return samples


MESSAGES: dict[str, object] = {
    "time_zone_offer": _l("Use this device's time zone: %(zone)s"),
    # Autosave (the editor, the safety plan): what the status line beside the form says.
    "autosave_saved": _l("Saved as a draft at %(time)s."),
    "autosave_logged_out": _l("You were logged out. Your writing is safe on this page: log in again to keep saving."),
    "autosave_refreshing": _l("Refreshing this page's security check…"),
    "autosave_already_saved": _l("This page is already saved: nothing more to keep as a draft."),
    "autosave_too_long": _l("Some of your text is longer than we can save. Please shorten it; nothing has been lost."),
    "autosave_failed": Plural(
        lazy_ngettext(
            "Could not save just now. Your writing is still here; trying again in %(num)d second. "
            "Please keep this page open.",
            "Could not save just now. Your writing is still here; trying again in %(num)d seconds. "
            "Please keep this page open.",
            0,
        )
    ),
    "autosave_offline": Plural(
        lazy_ngettext(
            "No connection. Your writing is still here; trying again in %(num)d second.",
            "No connection. Your writing is still here; trying again in %(num)d seconds.",
            0,
        )
    ),
    # The re-login dialog.
    "relogin_failed": _l("That did not work. Please try again."),
    "relogin_offline": _l("No connection. Please try again in a moment."),
    # Choices saved as soon as a box changes (sharing, consent).
    "save_saving": _l("Saving…"),
    "save_saved": _l("Saved"),
    "save_try_again": _l("Please try again in a moment."),
    "save_offline": _l("No connection: please try again in a moment."),
    "save_failed": _l("Not saved. %(reason)s"),
    # Offline writing (static/js/offline.js): the header's indicator and the offline writer.
    "offline_waiting": Plural(lazy_ngettext("%(num)d entry waiting to sync", "%(num)d entries waiting to sync", 0)),
    "offline_now": _l("Offline: you can still write"),
    "offline_leave_unsent": Plural(
        lazy_ngettext(
            "%(num)d entry written offline has not been sent yet. Leaving now deletes it from this device. "
            "Leave anyway?",
            "%(num)d entries written offline have not been sent yet. Leaving now deletes them from this device. "
            "Leave anyway?",
            0,
        )
    ),
    "offline_sign_in_first": _l(
        "To write offline on this device, log in once while you have a connection. Until then, "
        "the help page still works."
    ),
    "offline_kept_draft": _l("Kept on this device."),
    "offline_kept": _l("Kept on this device, locked. It will be sent to your journal when you are back online."),
    "offline_sending": _l("Kept on this device. Sending it to your journal…"),
    "offline_nothing_yet": _l("There is nothing to keep yet."),
    "offline_restored": _l("Here is what you were writing. It was kept on this device."),
    "offline_untitled": _l("Untitled entry"),
    "offline_change": _l("Change"),
    "offline_sent": Plural(
        lazy_ngettext("%(num)d entry is now in your journal.", "%(num)d entries are now in your journal.", 0)
    ),
    "offline_conflict": Plural(
        lazy_ngettext(
            "%(num)d entry was changed elsewhere meanwhile: your version is kept in Drafts.",
            "%(num)d entries were changed elsewhere meanwhile: your versions are kept in Drafts.",
            0,
        )
    ),
    "offline_refused": _l("One entry could not be sent: %(reason)s Change it here and keep it again."),
    "offline_login": _l("Please log in again to send what is waiting. Nothing is lost."),
    "offline_not_kept": _l(
        "This browser could not keep your entry on this device. Your words are still on this page: "
        "please copy them somewhere safe, or try again when you are back online."
    ),
    # Notifications on this device (Settings; static/js/push.js reads the same block).
    "push_working": _l("One moment…"),
    "push_on": _l("Notifications are on for this device."),
    "push_off": _l("Notifications are off for this device."),
    "push_denied": _l(
        "This browser is set to block notifications from this site. You can allow them in the browser's "
        "settings for this site; email stays on."
    ),
    "push_failed": _l("That didn't work. Please try again in a moment; email stays on."),
}


def js_messages() -> dict[str, str | dict[str, str]]:
    """Every message, in the request's language."""
    return {key: text.forms() if isinstance(text, Plural) else str(text) for key, text in MESSAGES.items()}
