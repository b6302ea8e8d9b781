"""A register replaced by another in the window is freed (nothing of the window keeps it alive)."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest

from resources import sample_copy_path
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def open_copy(qtbot, window: MainWindow, path: Path) -> None:
    shutil.copyfile(sample_copy_path(), path)
    with qtbot.waitSignal(window.documentOpened, timeout=20000):
        window.open_location(str(path))
    window.wait_for_tasks()  # the evidence: computed and applied
    qtbot.wait(50)


def test_a_replaced_register_is_freed(qtbot, window, tmp_path) -> None:
    open_copy(qtbot, window, tmp_path / "first.sqlite")
    first_document, first_index = weakref.ref(window.document), weakref.ref(window.document.index)
    open_copy(qtbot, window, tmp_path / "second.sqlite")
    gc.collect()
    assert first_document() is None and first_index() is None, "the register replaced must not be kept alive"
    assert window.document.index is not None


def test_the_first_register_is_left_out_of_full_collector_passes_and_a_replaced_one_is_collected(
    qtbot, window, tmp_path
) -> None:
    gc.unfreeze()
    try:
        open_copy(qtbot, window, tmp_path / "first.sqlite")
        assert gc.get_freeze_count() > 0  # the window and its register: frozen, not looked at by full passes
        first_document = weakref.ref(window.document)
        open_copy(qtbot, window, tmp_path / "second.sqlite")
        assert gc.get_freeze_count() == 0  # thawed, so that the register replaced can go
        gc.collect()
        assert first_document() is None
    finally:
        gc.unfreeze()
