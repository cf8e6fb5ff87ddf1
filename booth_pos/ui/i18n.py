"""Installs the Indonesian or English translations into the running application."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from booth_pos import resources

LANGS = ("id", "en")
_installed: list[QTranslator] = []


def install(lang: str) -> None:
    """Make ``lang`` the language of every new widget; English is the source language."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Indonesian if lang == "id" else QLocale.English))
    if lang == "en":
        return
    for name in (f"booth_pos_{lang}", f"qt_extra_{lang}"):
        translator = QTranslator(app)
        if translator.load(str(resources.path("i18n", f"{name}.qm"))):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            raise RuntimeError(f"translation {name}.qm is missing from resources/i18n")
