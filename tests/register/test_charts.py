"""Charts as matplotlib Figures: the right artists, phases, exclusions, the reading and the evidence; exports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from register import charts
from register.cli import main

RUN_UP = [12, 13, 11, 12, 14, 12, 13, 11, 12, 13, 12, 13, 16, 17, 16, 18, 17, 16, 18, 17, 16, 18, 17, 18]
FLAT = [12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13]


@pytest.fixture
def service(sqlite_service):
    """These tests do not depend on the database: SQLite only."""
    return sqlite_service


@pytest.fixture
def project(service):
    goal = service.add_node("goal", "Mål")
    primary = service.add_node("primary", "Primær", goal.id)
    return service.add_node("project", "Projekt med data", primary.id, stage="testing")


def add_series(service, node_id, values, chart="run", improvement="up", **fields):
    measure = service.add_measure(node_id, f"Måling {chart} {len(values)} {improvement}", chart=chart,
                                  improvement=improvement, **fields)  # fmt: skip
    start = date(2024, 1, 1)
    service.add_observations(measure.id, [{"date": start + timedelta(days=30 * i), "value": v} for i, v in
                                          enumerate(values)])  # fmt: skip
    return measure


def figure_for(service, measure):
    data = charts.chart_data(measure, service.observations(measure.id), service.annotations(measure.id))
    figure = charts.new_figure()
    axes = charts.draw_chart(figure, data)
    labels = [artist.get_label() for artist in [*axes.lines, *axes.collections]]
    return data, axes, labels


def test_run_chart_has_no_limits_control_chart_has_them(service, project) -> None:
    run = add_series(service, project.id, RUN_UP, "run")
    _, _, labels = figure_for(service, run)
    assert {"data", "centre"} <= set(labels) and "limits" not in labels
    i_chart = add_series(service, project.id, RUN_UP, "i")
    _, _, labels = figure_for(service, i_chart)
    assert "limits" in labels


def test_phases_split_the_lines_and_excluded_points_are_grey(service, project) -> None:
    measure = add_series(service, project.id, RUN_UP, "i")
    observations = service.observations(measure.id)
    service.add_annotation(measure.id, date=observations[12].date, text="PDSA 2: ny arbejdsgang", phase_break=True)
    service.update_observation(observations[3].id, excluded=True, exclude_reason="Registreringsfejl")
    data, axes, labels = figure_for(service, measure)
    assert data.breaks == [12]
    assert labels.count("data") + labels.count("_data") == 2  # one data line per phase
    assert labels.count("limits") + labels.count("_limits") == 2
    assert "excluded" in labels and "annotation" in labels
    excluded = next(c for c in axes.collections if c.get_label() == "excluded")
    assert excluded.get_offsets().shape[0] == 1
    # Each phase has its own centre line.
    assert data.result.cl[0] != data.result.cl[-1]


def test_readings_for_improvement_worsening_no_signal_and_too_little(service, project) -> None:
    improving = add_series(service, project.id, RUN_UP, "run", "up")
    worsening = add_series(service, project.id, RUN_UP, "run", "down")
    flat = add_series(service, project.id, FLAT, "run", "up")
    short = add_series(service, project.id, RUN_UP[:6], "run", "up")

    def read(measure):
        return charts.read_chart(charts.chart_data(measure, service.observations(measure.id)))

    reading = read(improving)
    assert reading.kind == "improvement"
    assert reading.sentence == "Signal of improvement: 12 points above the median since 2024-12."
    assert reading.figures.startswith("24 useful points · longest run 12 (limit 8)")
    assert read(worsening).kind == "worsening" and "above the median" in read(worsening).sentence
    assert read(flat).kind == "no_signal"
    assert read(short).kind == "too_little"
    evidence = charts.node_evidence(service, project.id)
    assert evidence.kind == "worsening"  # worsening shows first
    assert [name for name, _ in evidence.readings] == [m.name for m in service.list_measures(project.id)]


def test_progress_chart_and_project_pdf(service, project, tmp_path) -> None:
    service.add_status_update(project.id, date="2026-05-01", rag="amber", progress=1.5)
    service.add_status_update(project.id, date="2026-07-01", rag="green", progress=3.0)
    service.update_node(project.id, stage="implementing")
    figure = charts.new_figure()
    axes = charts.draw_progress(figure, service.status_history(project.id),
                                charts.stage_changes(service.audit_trail(project.id)), project.title)  # fmt: skip
    labels = [artist.get_label() for artist in [*axes.lines, *axes.collections]]
    assert "progress" in labels and "rag:amber" in labels and "rag:green" in labels and "stage" in labels
    add_series(service, project.id, RUN_UP, "i")
    add_series(service, project.id, FLAT, "run")
    out = tmp_path / "projekt.pdf"
    assert charts.export_project_pdf(service, project.id, out) == 3
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    assert "progress" in reader.pages[0].extract_text()


def test_command_line_chart_export(service, project, tmp_path, capsys) -> None:
    measure = add_series(service, project.id, RUN_UP, "i")
    database = str(service.db.engine.url.database)
    for suffix in (".png", ".svg", ".pdf"):
        out = tmp_path / f"chart{suffix}"
        assert main(["export-chart", "--db", database, "--measure", measure.name, "--out", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "chart.svg").read_bytes()[:500]
    out = tmp_path / "all.pdf"
    assert main(["export-chart", "--db", database, "--project", "Projekt med data", "--out", str(out)]) == 0
    assert len(PdfReader(out).pages) == 2
    assert main(["export-chart", "--db", database, "--project", project.id, "--out", str(tmp_path / "x.png")]) == 2
    assert "a project's charts go into a .pdf file" in capsys.readouterr().err
    assert main(["export-chart", "--db", database, "--measure", "Ukendt", "--out", str(tmp_path / "x.png")]) == 1


def test_evidence_can_be_limited_to_the_nodes_drawn(sample_service) -> None:
    everything = charts.evidence_by_node(sample_service)
    assert len(everything) >= 2
    chosen = sorted(everything)[0]
    only = charts.evidence_by_node(sample_service, node_ids={chosen})
    assert set(only) == {chosen}
    assert only[chosen].kind == everything[chosen].kind and only[chosen].readings == everything[chosen].readings
