"""The core's words in the user's language: errors, chart texts, printed labels, command-line output.

GNU gettext (the standard library's ``gettext``) with one catalogue per language in
``register/locale/<code>/LC_MESSAGES/improvement_register.po``, compiled to ``.mo`` by
``scripts/update_translations.py`` (Babel). English is the source language. The window sets the language
from Preferences with :func:`set_language`; the command line follows ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` as every gettext program does. No Qt here.

Mark a text with ``_("…")`` where it is shown, ``N_("…")`` where it is only defined (a module constant,
translated later with ``_``) and ``ngettext`` for plurals. Put values in with ``.format`` after
translating, never with an f-string, so the catalogue holds the text the translator sees.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "improvement_register"
LOCALE_DIR = Path(__file__).with_name("locale")
#: The languages the core ships, by code. English is the source language.
LANGUAGES = ("en", "da")
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def system_language() -> str:
    """The first language of the environment that the core ships (gettext's order), else English."""
    for variable in _ENVIRONMENT:
        value = os.environ.get(variable, "")
        for entry in value.split(":"):
            code = entry.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return "en"
        if value:
            return "en"
    return "en"


def set_language(code: str | None = None) -> str:
    """Use ``code`` (default: the environment's language) for every later text; returns the code used."""
    global _translations, _language
    chosen = code if code in LANGUAGES else system_language()
    if chosen == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True)
    _language = chosen
    return chosen


def language() -> str:
    """The code of the language in use (``en`` or ``da``)."""
    return _language


def _(message: str) -> str:
    """``message`` in the language in use."""
    return _translations.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for a deferred marker
    """Marks ``message`` for the catalogue without translating it (translate it where it is shown)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count`` in the language in use."""
    return _translations.ngettext(singular, plural, count)


set_language()
