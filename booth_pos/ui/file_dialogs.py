"""File dialogs that speak the window's language.

A native dialog (Windows, a GNOME desktop) speaks the system's language, whatever the till
shows: an Indonesian till on an English Windows would ask "Save As" with "File name:". When
the system's language is not the window's, the dialog is Qt's own, whose words come from
Qt's ``qtbase_<lang>`` catalogue when Qt ships one, else from ours (``qt_extra_id.ts``:
Qt ships no Indonesian catalogue). See ``i18n.install``.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QWidget

from booth_pos.ui import i18n


def options(lang: str | None = None) -> QFileDialog.Option:
    """The dialog options for the window's language: Qt's own dialog unless the system
    speaks that language too."""
    lang = lang or i18n.current()
    system = QLocale.system().language()
    wanted = QLocale.Indonesian if lang == "id" else QLocale.English
    if system == wanted:
        return QFileDialog.Option(0)
    return QFileDialog.DontUseNativeDialog


def save_file_name(parent: QWidget, caption: str, suggested: str, pattern: str) -> str:
    """Ask where to save; "" when the person cancels."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, pattern, "", options())
    return name


def open_file_name(parent: QWidget, caption: str, folder: str, pattern: str) -> str:
    """Ask which file to open; "" when the person cancels."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, folder, pattern, "", options())
    return name
