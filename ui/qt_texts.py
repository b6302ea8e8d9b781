"""Danish for the few texts of Qt's own dialogs that Qt's Danish catalogue (``qtbase_da``) lacks.

Qt 6 renamed some labels of its file dialog (``Look in:`` became ``&Look in:``, ``Files of type:`` became
``Files of &type:``) and ``qtbase_da.qm`` still only has the old ones, so the file dialog said "Look in:" in
an otherwise Danish window. The texts are listed here under Qt's own contexts; lupdate puts them in this
app's catalogue, which Qt consults after its own. ``tests/ui/test_danish_everywhere.py`` finds any text of
the window or of Qt's dialogs that no catalogue translates.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_SUPPLEMENT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
)
