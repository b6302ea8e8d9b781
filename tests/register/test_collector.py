"""Pausing the cyclic garbage collector around bulk reads: off inside, restored after, whatever happens."""

from __future__ import annotations

import gc

import pytest

from register.collector import collector_paused


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_collector_is_off_inside_and_as_before_after(enabled_before: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled_before else gc.disable()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled_before
        with pytest.raises(RuntimeError), collector_paused():
            raise RuntimeError("failed in the middle")
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable() if was else gc.disable()


def test_evidence_and_import_run_with_the_collector_paused(sample_service, monkeypatch, tmp_path) -> None:
    """The two bulk paths use it (and the collector is back on after each)."""
    from register import charts, exchange

    seen: list[bool] = []
    measure_data = sample_service.all_measure_data

    def watched(*args):
        seen.append(gc.isenabled())
        return measure_data(*args)

    monkeypatch.setattr(sample_service, "all_measure_data", watched)
    assert charts.evidence_by_node(sample_service)
    assert seen == [False] and gc.isenabled()
    original = exchange._import_checked

    def checked(*args):
        seen.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(exchange, "_import_checked", checked)
    data = exchange.export_data(sample_service)
    from register.service import RegisterService
    from register.storage import open_database

    target = RegisterService(open_database(tmp_path / "copy.sqlite"), user="t")
    try:
        exchange.import_data(target, data)
    finally:
        target.db.close()
    assert seen == [False, False] and gc.isenabled()
