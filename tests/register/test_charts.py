"""Charts as matplotlib Figures: the right artists, phases, exclusions, the reading and the evidence; exports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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
    service.update_observation(
        observations[3].id, observations[3].version, excluded=True, exclude_reason="Registreringsfejl"
    )
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
    assert reading.sentence == "Signal of improvement: 12 points above the median since Dec 2024."
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
    service.update_node(project.id, service.get_node(project.id).version, stage="implementing")
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


# ----------------------------------------------------------------------------- Making Data Count, labels, Danish


def texts_of(axes, label: str) -> list[str]:
    return [t.get_text() for t in axes.texts if t.get_label() == label]


def test_mdc_chart_is_drawn_as_mdc(service, project) -> None:
    trend = [10, 10.5, 9.5, 10, 10.2, 9.8, 10, 10.1, 9.9] + [9.0, 9.2, 9.4, 9.6, 9.8, 10.0, 10.2]
    measure = add_series(service, project.id, trend, "i", "down", rules="mdc", target=9.0)
    data, axes, labels = figure_for(service, measure)
    signal = next(c for c in axes.collections if c.get_label() == "signal")
    assert len(signal.get_offsets()) == 7  # the seven rising points, orange: a concern
    assert {tuple(c) for c in signal.get_facecolors().round(3)} == {(0.98, 0.706, 0.157, 1.0)}
    limits = [line for line in axes.lines if line.get_label() in ("limits", "_limits")]
    assert len(limits) == 2 and all(line.get_linestyle() == "--" for line in limits)
    assert "target" in labels
    icons = [a.get_label() for a in axes.figure.axes if a.get_label().startswith("icon:")]
    assert icons == ["icon:concern_high", "icon:inconsistent"]
    reading = charts.read_chart(data)
    assert reading.kind == "worsening" and reading.icon == "concern_high"
    assert "concerning nature" in reading.sentence and "hit and miss" in reading.sentence
    assert "useful points" not in reading.figures and reading.figures.startswith("mean ")


def test_mdc_icons_mark_the_node_evidence(service, project) -> None:
    add_series(service, project.id, [10, 11, 9, 10, 11, 10, 9, 10, 30, 10, 11, 9], "i", "up", rules="mdc")
    evidence = charts.node_evidence(service, project.id)
    assert evidence.icon is not None and evidence.marker == evidence.icon
    add_series(service, project.id, RUN_UP, "run", "down")
    evidence = charts.node_evidence(service, project.id)
    assert evidence.kind == "worsening" and evidence.icon is None and evidence.marker == "worsening"


def test_labels_like_qicharts2(service, project) -> None:
    measure = add_series(service, project.id, RUN_UP, "i", unit="dage", target=15)
    observations = service.observations(measure.id)
    service.add_annotation(measure.id, date=observations[12].date, text="PDSA 2", phase_break=True)
    service.add_annotation(measure.id, date=observations[5].date, text="Ferie")
    service.update_observation(
        observations[3].id, expected_version=observations[3].version, excluded=True, exclude_reason="Fejl"
    )
    data, axes, labels = figure_for(service, measure)
    result = data.result
    assert axes.get_ylabel() == "dage"
    values = texts_of(axes, "value")
    assert charts.format_value(float(result.cl[-1])) in values and "target\n15" in values
    assert charts.format_value(float(result.ucl[-1])) in values
    # Annotations sit above every data point, each with a leader line down to its point.
    notes = [t for t in axes.texts if t.get_text() in ("PDSA 2", "Ferie")]
    assert len(notes) == 2 and all(t.get_position()[1] > max(result.y) for t in notes)
    assert labels.count("annotation") == 2
    # The phase break lies strictly between the last point of phase 1 and the first of phase 2.
    [phase] = [line for line in axes.lines if line.get_label() == "phase"]
    import numpy as np

    where = np.datetime64(phase.get_xdata()[0], "h")
    assert np.datetime64(data.dates[11], "h") < where < np.datetime64(data.dates[12], "h")
    # The excluded point is on the line (joined through) but has no filled marker.
    line = next(line for line in axes.lines if line.get_label() == "data")
    assert line.get_ydata()[3] == RUN_UP[3] and 3 not in line.get_markevery()


def test_the_reading_covers_every_period(service, project) -> None:
    values = RUN_UP[12:] + RUN_UP[:12] + [12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13]
    measure = add_series(service, project.id, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 30] + values[12:], "i")
    service.add_annotation(measure.id, date=service.observations(measure.id)[12].date, text="P", phase_break=True)
    data = charts.chart_data(measure, service.observations(measure.id), service.annotations(measure.id))
    reading = charts.read_chart(data)
    assert reading.history.startswith("Period 1 of 2 (2024-01-01 to ")
    assert "shift: longest run 11 > 7" in reading.history  # a signal in the first period is mentioned


def test_zero_denominator_gap_note_and_laney_suggestion(service, project) -> None:
    measure = service.add_measure(project.id, "Andel", chart="p", improvement="up")
    rows = [{"date": date(2024, 1, 1) + timedelta(days=30 * i), "value": v, "denominator": n}
            for i, (v, n) in enumerate([(5, 50), (6, 55), (0, 0), (4, 48), (5, 52), (7, 60)])]  # fmt: skip
    service.add_observations(measure.id, rows)
    data, axes, _ = figure_for(service, measure)
    assert data.result.zero_denominators == (2,)
    [note] = texts_of(axes, "note")
    assert note == "Denominator 0 on 2024-03-01: left as a gap."
    assert "left as a gap" in charts.read_chart(data).history
    big = service.add_measure(project.id, "Stor andel", chart="p")
    shares = [0.10, 0.14, 0.09, 0.15, 0.11, 0.16, 0.08, 0.13, 0.10, 0.15, 0.09, 0.14]
    service.add_observations(big.id, [{"date": date(2024, 1, 1) + timedelta(days=30 * i), "value": round(s * 20000),
                                       "denominator": 20000} for i, s in enumerate(shares)])  # fmt: skip
    data = charts.chart_data(big, service.observations(big.id))
    assert any("Laney's P′ chart" in note for note in data.notes)
    assert not any("Laney" in note for note in charts.chart_data(measure, service.observations(measure.id)).notes)


def test_charts_speak_danish(service, project, danish) -> None:
    measure = add_series(service, project.id, [10.25, 10.5, 9.75] * 8, "i", "up", unit="dage")
    data, axes, _ = figure_for(service, measure)
    axes.figure.canvas.draw()
    ticks = [t.get_text() for t in axes.get_xticklabels()]
    assert any(t.startswith("jan.") for t in ticks) and any("maj" in t for t in ticks)
    assert any("," in t.get_text() for t in axes.get_yticklabels())
    assert "10,2" in texts_of(axes, "value")  # the centre line with a decimal comma
    assert "I-kontroldiagram" in axes.get_title(loc="left")
    assert charts.read_chart(data).figures.startswith("24 brugbare punkter")
    assert charts.format_date(date(2026, 4, 13)) == "13-04-2026" and charts.format_number(1234.5) == "1.234,5"
    assert charts.format_percent(0.125) == "12,5 %"


def test_progress_of_one_update_has_a_sensible_range(service, project) -> None:
    import matplotlib.dates as mdates

    service.add_status_update(project.id, date="2026-05-01", rag="amber", progress=2.0)
    service.add_status_update(project.id, date="2026-05-20", rag="red")  # no score: no point
    figure = charts.new_figure()
    axes = charts.draw_progress(figure, service.status_history(project.id), [], project.title)
    low, high = (mdates.num2date(v).date() for v in axes.get_xlim())
    assert date(2026, 3, 1) <= low < date(2026, 5, 1) and date(2026, 5, 20) < high <= date(2026, 7, 31)
    points = [c for c in axes.collections if c.get_label().startswith("rag:")]
    assert [c.get_label() for c in points] == ["rag:amber"]
    assert all(0 < y <= 5 for c in points for _, y in c.get_offsets())


def test_export_chart_writes_a4_pages_with_a_header(service, project, tmp_path, capsys) -> None:
    from PIL import Image

    service.set_title("Bedre forløb")
    measure = add_series(service, project.id, RUN_UP, "i")
    add_series(service, project.id, FLAT, "run")
    database = str(service.db.engine.url.database)
    out = tmp_path / "all.pdf"
    assert main(["export-chart", "--db", database, "--project", project.title, "--out", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)  # A4 landscape
        text = page.extract_text()
        assert f"page {number} of 3" in text and "Bedre forløb · Projekt med data" in text
        assert f"Printed {charts.format_date(date.today())}" in text
    out = tmp_path / "one.pdf"
    assert main(["export-chart", "--db", database, "--measure", measure.name, "--orientation", "portrait",
                 "--out", str(out)]) == 0  # fmt: skip
    page = PdfReader(out).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert "page 1 of 1" in page.extract_text() and "Signal of improvement" in page.extract_text()
    png = tmp_path / "one.png"
    assert main(["export-chart", "--db", database, "--measure", measure.name, "--dpi", "50", "--out", str(png)]) == 0
    with Image.open(png) as image:
        assert image.size == (int(11.69 * 50), int(8.27 * 50))  # A4 landscape at 50 dpi
    assert main(["export-chart", "--db", database, "--measure", measure.name, "--dpi", "5", "--out", str(png)]) == 2
    assert "--dpi 5" in capsys.readouterr().err


def test_export_chart_speaks_danish(service, project, tmp_path, capsys, danish) -> None:
    measure = add_series(service, project.id, RUN_UP, "i")
    database = str(service.db.engine.url.database)
    out = tmp_path / "kurve.pdf"
    assert main(["export-chart", "--db", database, "--measure", measure.name, "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Kurven for")
    text = PdfReader(out).pages[0].extract_text()
    assert "side 1 af 1" in text and "Udskrevet" in text and "I-kontroldiagram" in text
    assert "target" not in text and "chart" not in text


@settings(max_examples=200, deadline=None)
@given(value=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), decimals=st.integers(0, 4))
def test_danish_numbers_read_back_as_the_rounded_value(value: float, decimals: int) -> None:
    from register import i18n

    english = charts.format_number(value, decimals)
    i18n.set_language("da")
    try:
        danish = charts.format_number(value, decimals)
    finally:
        i18n.set_language("en")
    assert danish == english.translate(str.maketrans({",": ".", ".": ","}))
    assert float(danish.replace(".", "").replace(",", ".")) == float(f"{value:.{decimals}f}")


def test_evidence_can_be_limited_to_the_nodes_drawn(sample_service) -> None:
    everything = charts.evidence_by_node(sample_service)
    assert len(everything) >= 2
    chosen = sorted(everything)[0]
    only = charts.evidence_by_node(sample_service, node_ids={chosen})
    assert set(only) == {chosen}
    assert only[chosen].kind == everything[chosen].kind and only[chosen].readings == everything[chosen].readings


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_long_page_header_is_shortened_not_written_over_the_page_number(orientation) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    header = charts.PageHeader("Transformationsdagsorden: færre ambulante besøg og sammenhæng på tværs af sektorer",
                               "Færre ambulante besøg i Region Midtjylland", date(2026, 11, 27), 1, 12)  # fmt: skip
    figure = charts._page(header, "Andel virtuelle forløb", orientation)
    FigureCanvasAgg(figure)
    renderer = figure.canvas.get_renderer()
    name, number = (t for t in figure.texts if t.get_label() == "header")
    assert name.get_text().endswith("…") and name.get_text().startswith("Transformationsdagsorden")
    assert name.get_window_extent(renderer).x1 < number.get_window_extent(renderer).x0
    short = charts._page(charts.PageHeader("Register", "Mål", date(2026, 11, 27)), "Måling", orientation)
    assert next(t.get_text() for t in short.texts if t.get_label() == "header") == "Register · Mål"


#: A long measure name as a user might type it (the sample's longest is 57 characters).
LONG_NAME = "Andel af borgere med KOL og/eller diabetes, der genindlægges akut inden 30 dage efter udskrivelse"


def _extent(figure, artist):
    """Where ``artist`` is drawn (display units) when the figure is drawn as it is now."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()
    return artist.get_window_extent(canvas.get_renderer())


def _title(axes):
    """The Text of the Axes' title (on the left, as the charts put it)."""
    from matplotlib.text import Text

    return next(t for t in axes.get_children() if isinstance(t, Text) and t.get_text() == axes.get_title(loc="left"))


def _assert_title_fits(figure, axes, full: str | None) -> None:
    """The title lies inside the figure, above the plot and clear of the MDC icons; it says all of ``full``."""
    title = _title(axes)
    box = _extent(figure, title)
    page = figure.bbox
    assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, (box, page.bounds)
    renderer = figure.canvas.get_renderer()
    assert box.y0 >= axes.get_window_extent(renderer).y1  # above the plot, not over the data
    for icon in figure.axes[1:]:
        assert not box.overlaps(icon.get_window_extent(renderer)), icon.get_label()
    if full is not None:
        assert title.get_text().replace("\n", " ") == full


def _measure_with_data(service, project, name, **fields):
    measure = service.add_measure(project.id, name, **fields)
    service.add_observations(measure.id, [{"date": date(2024, 1, 1) + timedelta(days=30 * i), "value": v}
                                          for i, v in enumerate(RUN_UP)])  # fmt: skip
    return measure


@pytest.mark.parametrize("width", [7.0, 4.7, 3.6])  # as made; the window's canvas at 1280 pixels; its narrowest
@pytest.mark.parametrize("rules", ["anhoej", "mdc"])
def test_a_long_title_wraps_inside_the_figure_at_every_width(service, project, width, rules) -> None:
    measure = _measure_with_data(service, project, LONG_NAME, chart="i", unit="andel", rules=rules, target=12.0)
    figure = charts.new_figure(7.0, 3.0)
    axes = charts.draw_chart(figure, charts.chart_data(measure, service.observations(measure.id)))
    assert (len(figure.axes) > 1) == (rules == "mdc")  # the icons above the plot's right end
    figure.set_size_inches(width, 2.9)  # the window's canvas gives the figure the window's width
    full = f"{LONG_NAME} (andel) — I chart" + (", Making Data Count" if rules == "mdc" else "")
    _assert_title_fits(figure, axes, full if width > 4 else None)  # the narrowest canvas may cut the fourth line
    assert len(_title(axes).get_text().splitlines()) > 1

    endless = _measure_with_data(service, project, " ".join([LONG_NAME] * 3), chart="i")  # near the limit, 300
    figure = charts.new_figure(7.0, 3.0)
    axes = charts.draw_chart(figure, charts.chart_data(endless, service.observations(endless.id)))
    figure.set_size_inches(width, 2.9)
    _assert_title_fits(figure, axes, None)  # at most four lines, the rest cut
    lines = _title(axes).get_text().splitlines()
    assert len(lines) == charts.TITLE_LINES and lines[-1].endswith("…") and lines[0].startswith("Andel af borgere")

    short = _measure_with_data(service, project, "Kort", chart="i")
    axes = charts.draw_chart(charts.new_figure(7.0, 3.0), charts.chart_data(short, service.observations(short.id)))
    _assert_title_fits(axes.figure, axes, "Kort — I chart")


def test_a_long_title_fits_exported_charts_progress_charts_and_pages(service, project, tmp_path) -> None:
    measure = _measure_with_data(service, project, LONG_NAME, chart="run")
    figure = charts.new_figure(7.0, 3.0)
    axes = charts.draw_chart(figure, charts.chart_data(measure, service.observations(measure.id)))
    figure.set_size_inches(4.7, 2.9)
    for suffix in (".png", ".pdf", ".svg"):  # saving draws the figure again for the file
        charts.save_figure(figure, tmp_path / f"chart{suffix}")
        _assert_title_fits(figure, axes, f"{LONG_NAME} — run chart")
    figure = charts.new_figure(5.0, 3.0)
    axes = charts.draw_progress(figure, [], [], LONG_NAME)
    _assert_title_fits(figure, axes, f"{LONG_NAME} — progress (IHI score)")
    header = charts.PageHeader("Register", "Mål", date(2026, 11, 27))
    for orientation in charts.ORIENTATIONS:
        page = charts.measure_page(service, measure, header, orientation)
        _assert_title_fits(page, page.axes[0], f"{LONG_NAME} — run chart")
        heading = next(t for t in page.texts if t.get_label() == "heading")  # bold, in the page's head
        assert heading.get_text() == LONG_NAME if orientation == "landscape" else heading.get_text().endswith("…")
        endless = charts._page(header, " ".join([LONG_NAME] * 3), orientation)
        heading = next(t for t in endless.texts if t.get_label() == "heading")
        assert heading.get_text().endswith("…")
        assert _extent(endless, heading).x1 <= endless.bbox.x1 - 0.6 * endless.dpi  # inside the page's margin
