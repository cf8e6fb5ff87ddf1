"""The window speaks one language throughout: counts, and Qt's own file dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QLabel

from booth_pos.ui import file_dialogs, i18n
from booth_pos.ui.widgets import count_text

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 items"), (1, "1 item"), (2, "2 items"), (1500, "1,500 items")]
)
def test_counts_in_the_window_read_right_in_english(n, expected):
    """'1 item' but '2 items' (and grouped digits) in the English window."""
    assert count_text(n, "%1 item", "%1 items", "en") == expected


def test_counts_in_the_indonesian_window_have_no_plural(window):
    """Indonesian has no plural: '1 barang', '2 barang' (the labels dialog, the history)."""
    page = window.page("history")
    assert count_text(1, page.tr("%1 item"), page.tr("%1 items"), "id") == "1 barang"
    assert count_text(2, page.tr("%1 item"), page.tr("%1 items"), "id") == "2 barang"


@pytest.fixture
def indonesian(qapp):
    i18n.install("id")
    yield
    i18n.install("en")


def test_the_file_dialog_speaks_the_windows_language(indonesian, qtbot):
    """In the Indonesian window the save dialog is Qt's own (unless the system speaks
    Indonesian too), with its labels in Indonesian, not 'File name:' and 'Look in:'."""
    if QLocale.system().language() != QLocale.Indonesian:
        assert file_dialogs.options("id") & QFileDialog.DontUseNativeDialog
    dialog = QFileDialog(None, "Simpan laporan", "", "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.setOptions(file_dialogs.options("id") | QFileDialog.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Lihat di:", "&Nama berkas:", "&Jenis berkas:"} <= labels


def test_qts_own_catalogue_is_loaded_where_qt_ships_it(indonesian):
    """Qt's qtbase_<lang>.qm from PySide6's translations folder is used when it exists
    (Qt 6.11 has none for Indonesian: our qt_extra_id.ts covers its dialogs)."""
    assert i18n.has_qtbase() == (i18n.qtbase_catalogue("id") is not None)
    assert i18n.qtbase_catalogue("fr") is not None  # PySide6 ships French: the lookup works
