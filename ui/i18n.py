"""Translations: the app's own (``resources/translations``) and Qt's for its standard dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from register import i18n as core_i18n
from resources import resource_path

LANGUAGE_KEY = "ui/language"
#: The languages the app ships, by code, in their own names. English is the source language.
LANGUAGES = {"en": "English", "da": "Dansk"}
TRANSLATIONS_DIR = resource_path("translations")
CATALOGUE = "improvement_register"


def chosen_language() -> str:
    """The language from Preferences, else the system's when we ship it, else English."""
    code = QSettings().value(LANGUAGE_KEY, "", str)
    if code in LANGUAGES:
        return code
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Load the app's and Qt's translations for ``language``; returns them (keep them alive)."""
    code = language or chosen_language()
    QLocale.setDefault(QLocale(code))
    core_i18n.set_language(code)  # the core's messages (errors, chart texts) in the same language
    installed: list[QTranslator] = []
    if code == "en":  # the source language
        return installed
    own = QTranslator(app)
    if own.load(f"{CATALOGUE}_{code}", str(TRANSLATIONS_DIR)):
        app.installTranslator(own)
        installed.append(own)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
