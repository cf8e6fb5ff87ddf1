"""Installs the Indonesian or English translations into the running application.

Three catalogues, in this order of precedence: ours (``booth_pos_<lang>``), Qt's own
(``qtbase_<lang>`` from PySide6's translations folder, ``QLibraryInfo.TranslationsPath``,
when Qt ships one for the language) and our hand-kept words for Qt's dialogs
(``qt_extra_<lang>``: standard buttons and the file dialog; Qt 6.11 ships no Indonesian).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from booth_pos import resources

LANGS = ("id", "en")
_installed: list[QTranslator] = []
_state = {"lang": "id", "qtbase": False}


def qtbase_catalogue(lang: str) -> Path | None:
    """Qt's own translation of its dialogs for ``lang``, if this Qt ships one."""
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    found = Path(folder) / f"qtbase_{lang}.qm" if folder else None
    return found if found is not None and found.is_file() else None


def current() -> str:
    """The language last installed ("id" or "en")."""
    return _state["lang"]


def has_qtbase() -> bool:
    """Whether Qt's own catalogue for the current language is loaded."""
    return _state["qtbase"]


def install(lang: str) -> None:
    """Make ``lang`` the language of every new widget; English is the source language."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _state.update(lang=lang, qtbase=False)
    QLocale.setDefault(QLocale(QLocale.Indonesian if lang == "id" else QLocale.English))
    if lang == "en":
        return
    # Installed last is searched first: ours, then Qt's, then our words for Qt's dialogs.
    extra = QTranslator(app)
    if not extra.load(str(resources.path("i18n", f"qt_extra_{lang}.qm"))):
        raise RuntimeError(f"translation qt_extra_{lang}.qm is missing from the package")
    app.installTranslator(extra)
    _installed.append(extra)
    qtbase = qtbase_catalogue(lang)
    if qtbase is not None:
        translator = QTranslator(app)
        if translator.load(str(qtbase)):
            app.installTranslator(translator)
            _installed.append(translator)
            _state["qtbase"] = True
    ours = QTranslator(app)
    if not ours.load(str(resources.path("i18n", f"booth_pos_{lang}.qm"))):
        raise RuntimeError(f"translation booth_pos_{lang}.qm is missing from the package")
    app.installTranslator(ours)
    _installed.append(ours)
