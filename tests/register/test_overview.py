"""The measures overview: which measures, what each row says (against spc and the chart reading computed
directly), texts in English and Danish, sort keys, the PDF and XLSX files, and the command line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from register import charts, i18n, spc
from register import overview as ov
from register.cli import main
from register.errors import OutputError
from register.overview_export import export_overview, rows_per_page
from register.variation_icons import ASSURANCE_ICONS, VARIATION_ICONS, anhoej_icon, icon_colour

UP = [12, 13, 11, 12, 14, 12, 13, 11, 12, 13, 12, 13, 16, 17, 16, 18, 17, 16, 18, 17, 16, 18, 17, 18]
FLAT = [12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13, 12, 14, 11, 13]
GOAL_TITLE = "Færre ambulante besøg i Region Midtjylland"


def add_series(service, node_id, name, values, chart="run", improvement="up", denominators=None, **fields):
    measure = service.add_measure(node_id, name, chart=chart, improvement=improvement, **fields)
    rows = [{"date": date(2024, 1, 1) + timedelta(days=31 * i), "value": v} for i, v in enumerate(values)]
    for row, n in zip(rows, denominators or [], strict=False):
        row["denominator"] = n
    if rows:
        service.add_observations(measure.id, rows)
    return measure


@pytest.fixture
def tree(sqlite_service):
    service = sqlite_service
    goal = service.add_node("goal", "Mål")
    primary = service.add_node("primary", "Primær driver", goal.id)
    secondary = service.add_node("secondary", "Sekundær driver", primary.id)
    project = service.add_node("project", "Projekt", secondary.id)
    other_goal = service.add_node("goal", "Et andet mål")
    return service, goal, primary, secondary, project, other_goal


def rows_by_name(overview: ov.Overview) -> dict[str, ov.OverviewRow]:
    return {row.measure.name: row for row in overview.rows}


def test_every_live_measure_under_the_node_in_tree_order(tree) -> None:
    service, goal, primary, secondary, project, other_goal = tree
    add_series(service, project.id, "på projektet", UP)
    add_series(service, goal.id, "på målet", FLAT)
    add_series(service, secondary.id, "på den sekundære", FLAT)
    add_series(service, other_goal.id, "et andet sted", FLAT)
    archived = add_series(service, project.id, "arkiveret", FLAT)
    service.archive_measure(archived.id)
    second_project = service.add_node("project", "Arkiveret projekt", primary.id)
    add_series(service, second_project.id, "under et arkiveret projekt", FLAT)
    service.archive_node(second_project.id)
    names = [row.measure.name for row in ov.measures_overview(service, goal.id).rows]
    assert names == ["på målet", "på den sekundære", "på projektet"]
    assert [row.measure.name for row in ov.measures_overview(service, secondary.id).rows] == names[1:]
    assert [row.node.title for row in ov.measures_overview(service, goal.id).rows] == ["Mål", "Sekundær driver",
                                                                                       "Projekt"]  # fmt: skip
    assert ov.measures_overview(service, other_goal.id).rows[0].measure.name == "et andet sted"


def test_measure_data_reads_only_the_given_nodes_on_both_databases(service) -> None:
    goal = service.add_node("goal", "Mål")
    project = service.add_node("project", "Projekt", service.add_node("primary", "P", goal.id).id)
    first = add_series(service, project.id, "første", [1, 2, 3])
    add_series(service, goal.id, "på målet", [4, 5])
    service.add_annotation(first.id, date=date(2024, 1, 15), text="PDSA 1", phase_break=False)
    data = service.measure_data([project.id])
    assert [(m.name, [o.value for o in obs], [a.text for a in notes]) for m, obs, notes in data] == [
        ("første", [1.0, 2.0, 3.0], ["PDSA 1"])
    ]
    assert [m.name for m, _, _ in service.measure_data([project.id, goal.id])] == ["første", "på målet"]
    assert [m.name for m, _, _ in service.measure_data([goal.id, project.id])] == ["på målet", "første"]
    assert service.measure_data([]) == []


def test_rows_say_what_the_charts_say(tree) -> None:
    service, goal, _primary, _secondary, project, _other = tree
    add_series(service, project.id, "bedre", UP, improvement="up")
    add_series(service, project.id, "værre", UP, improvement="down")
    add_series(service, project.id, "uden retning", UP, improvement=None)
    add_series(service, project.id, "uændret", FLAT)
    add_series(service, project.id, "for kort", [3, 4, 5, 4])
    add_series(service, project.id, "ingen data", [])
    rows = rows_by_name(ov.measures_overview(service, goal.id))
    expected = {
        "bedre": ("improvement", "improvement_high"),
        "værre": ("worsening", "concern_high"),
        "uden retning": ("signal", "neutral_high"),
        "uændret": ("no_signal", "common_cause"),
        "for kort": ("too_little", None),
        "ingen data": ("too_little", None),
    }
    assert {name: (row.signal, row.variation) for name, row in rows.items()} == expected
    assert all(row.assurance is None for row in rows.values())
    for row in rows.values():
        measure = row.measure
        data = charts.chart_data(measure, service.observations(measure.id), service.annotations(measure.id))
        reading = charts.read_chart(data)
        assert row.reading == reading.sentence
        if data.result is not None:
            assert row.signal == reading.kind
            assert row.points == len(data.dates)
            assert row.last_date == data.dates[-1]
            assert row.last_value == data.result.y[-1]
            assert row.spark == tuple(float(v) for v in data.result.y)
            assert row.spark_centre == data.result.cl[-1]
    assert rows["ingen data"].last_value is None and rows["ingen data"].spark == ()


def test_a_low_signal_without_direction_shows_the_low_icon(tree) -> None:
    service, goal, *_ = tree
    add_series(service, goal.id, "nedad", [v * -1 for v in UP], improvement=None)
    row = ov.measures_overview(service, goal.id).rows[0]
    assert (row.signal, row.variation) == ("signal", "neutral_low")


def test_mdc_rows_carry_spcs_icons_and_assurance(tree) -> None:
    service, goal, *_ = tree
    steady = [50.0, 52, 49, 51, 50, 48, 53, 50, 51, 49, 52, 50, 49, 51, 50, 52]
    cases = {
        "høj forbedring": (steady + [70.0], "up", 40.0),
        "lav bekymring": (steady + [30.0], "up", 60.0),
        "almindelig": (steady, "down", 50.0),
    }
    for name, (values, direction, target) in cases.items():
        add_series(service, goal.id, name, values, chart="i", improvement=direction, rules="mdc", target=target)
    rows = rows_by_name(ov.measures_overview(service, goal.id))
    for name, (values, direction, target) in cases.items():
        result = spc.analyze(values, "i", rules="mdc", improvement=direction, target=target)
        assert (rows[name].variation, rows[name].assurance) == (result.variation_icon, result.assurance)
    assert rows["høj forbedring"].signal == "improvement" and rows["høj forbedring"].variation == "improvement_high"
    assert rows["lav bekymring"].signal == "worsening" and rows["lav bekymring"].variation == "concern_low"
    assert rows["almindelig"].signal == "no_signal" and rows["almindelig"].assurance == "inconsistent"
    assert {row.variation for row in rows.values()} <= set(VARIATION_ICONS)
    assert {row.assurance for row in rows.values()} <= set(ASSURANCE_ICONS)
    assert ov.cell_text(rows["almindelig"], "chart") == "I chart (MDC)"
    assert ov.cell_text(rows["almindelig"], "variation") == "Common cause variation"
    assert ov.cell_text(rows["almindelig"], "assurance") == "Hit and miss"


def test_the_sample_goal_matches_the_readings_of_its_charts(sample_service) -> None:
    goal = sample_service.find_node(GOAL_TITLE, kind="goal")
    overview = ov.measures_overview(sample_service, goal.id, today=date(2026, 11, 24))
    assert len(overview.rows) == 10
    for row in overview.rows:
        measure = row.measure
        data = charts.chart_data(measure, sample_service.observations(measure.id),
                                 sample_service.annotations(measure.id))  # fmt: skip
        if measure.rules == "mdc":
            assert row.variation == data.result.variation_icon and row.assurance == data.result.assurance
        else:
            kind = charts.read_chart(data).kind
            assert row.signal == kind and row.variation == anhoej_icon(kind, measure.improvement, 1)


def test_texts_in_english_and_danish(tree) -> None:
    service, goal, *_ = tree
    add_series(service, goal.id, "Andel", [30, 40, 35], chart="p", denominators=[100, 100, 100], target=0.355,
               unit="andel", type="process")  # fmt: skip
    overview = ov.measures_overview(service, goal.id, today=date(2026, 4, 13))
    row = overview.rows[0]
    english = {column: ov.cell_text(row, column) for column in ov.COLUMNS}
    assert english == {"measure": "Andel (andel)", "node": "Mål", "type": "process", "chart": "P chart",
                       "last_value": "35.0 %", "last_date": "2024-03-03", "target": "35.5 %",
                       "variation": "Too little data", "assurance": "", "trend": ""}  # fmt: skip
    assert ov.heading(overview) == "Measures overview: goal “Mål”"
    try:
        i18n.set_language("da")
        danish = {column: ov.cell_text(row, column) for column in ov.COLUMNS}
        headers = [ov.header(column) for column in ov.COLUMNS]
        heading = ov.heading(overview)
    finally:
        i18n.set_language("en")
    assert danish["last_value"] == "35,0 %" and danish["last_date"] == "03-03-2024" and danish["target"] == "35,5 %"
    assert (danish["type"], danish["chart"], danish["variation"]) == ("proces", "P-kontroldiagram", "For få data")
    assert headers == ["Måling", "Hører til", "Type", "Kurve", "Seneste værdi", "Dato", "Målværdi", "Variation",
                       "Målopfyldelse", "Udvikling"]  # fmt: skip
    assert heading == "Oversigt over målinger: mål “Mål”"


@pytest.mark.parametrize(
    ("value", "english", "danish"),
    [(3.5, "3.5", "3,5"), (158473.0, "158,473", "158.473"), (2029.4, "2,029", "2.029"), (0.126, "0.13", "0,13"),
     (12.0, "12", "12"), (-4.25, "-4.25", "-4,25"), (0.0123, "0.012", "0,012"), (float("nan"), "", "")],
)  # fmt: skip
def test_numbers_have_a_decimal_comma_in_danish(value: float, english: str, danish: str) -> None:
    assert ov.format_number(value) == english
    try:
        i18n.set_language("da")
        assert ov.format_number(value) == danish
    finally:
        i18n.set_language("en")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_danish_numbers_read_back_as_the_english_ones(value: float) -> None:
    english = ov.format_number(value)
    try:
        i18n.set_language("da")
        danish = ov.format_number(value)
    finally:
        i18n.set_language("en")
    assert float(danish.replace(".", "").replace(",", ".")) == float(english.replace(",", ""))
    size = abs(value)
    half_step = 0.5 if size >= 100 else 0.05 if size >= 10 else 0.005 if size >= 0.1 else 0.0005
    assert abs(float(english.replace(",", "")) - value) <= half_step * (1 + 1e-9)


def test_sort_keys_have_one_type_per_column_and_put_concerns_first(tree) -> None:
    service, goal, *_ = tree
    add_series(service, goal.id, "b uændret", FLAT, target=5)
    add_series(service, goal.id, "A værre", UP, improvement="down")
    add_series(service, goal.id, "c bedre", UP)
    add_series(service, goal.id, "d tom", [])
    rows = ov.measures_overview(service, goal.id).rows
    for column in ov.COLUMNS:
        assert len({type(ov.sort_key(row, column)) for row in rows}) == 1, column
    by = lambda column: [row.measure.name for row in sorted(rows, key=lambda r: ov.sort_key(r, column))]  # noqa: E731
    assert by("measure") == ["A værre", "b uændret", "c bedre", "d tom"]
    assert by("variation") == ["A værre", "c bedre", "b uændret", "d tom"]
    assert by("last_value")[-1] == "d tom" and by("target")[0] == "b uændret"
    assert by("trend") == ["d tom", "b uændret", "A værre", "c bedre"]


# --------------------------------------------------------------------------- files


def many_measures(service, count: int):
    goal = service.add_node("goal", "Mål med mange målinger")
    project = service.add_node("project", "Projekt", service.add_node("primary", "Primær", goal.id).id)
    for number in range(count):
        values = UP if number % 3 == 0 else FLAT
        rules = {"chart": "i", "rules": "mdc", "target": 15.0} if number % 4 == 1 else {}
        add_series(service, project.id if number % 2 else goal.id, f"Måling nummer {number:02d} med et langt navn "
                   "der skal ombrydes", values, **rules)  # fmt: skip
    service.set_title("Testregister")
    return goal


def test_pdf_is_a4_landscape_vector_with_embedded_fonts_and_numbered_pages(tree, tmp_path: Path, danish) -> None:
    service = tree[0]
    goal = many_measures(service, 2 * rows_per_page() + 3)
    overview = ov.measures_overview(service, goal.id, today=date(2026, 4, 13))
    path = tmp_path / "oversigt.pdf"
    assert export_overview(overview, path) == 3
    reader = PdfReader(path)
    assert len(reader.pages) == 3
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)
        text = page.extract_text()
        assert f"Side {number} af 3" in text
        assert "Register: Testregister" in text and "Udskrevet 13-04-2026" in text
        assert "Oversigt over målinger: mål “Mål med mange målinger”" in text
        resources = page["/Resources"]
        images = [x for x in (resources.get("/XObject") or {}).values() if x.get_object()["/Subtype"] == "/Image"]
        assert images == [], "icons and sparklines are vector drawings"
        for font in resources["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"], "TrueType fonts are embedded"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Måling nummer 00" in text and "Intet signal" in text and "Signal om forbedring" in text
    assert "Almindelig variation" in text and "Opfylder" in text


def test_an_empty_overview_still_makes_a_page(tree, tmp_path: Path) -> None:
    service, _goal, *_rest, other_goal = tree
    overview = ov.measures_overview(service, other_goal.id)
    assert export_overview(overview, tmp_path / "tom.pdf") == 1
    assert "No measures under this node." in PdfReader(tmp_path / "tom.pdf").pages[0].extract_text()


def test_xlsx_has_numbers_dates_icons_and_coloured_words(tree, tmp_path: Path, danish) -> None:
    service = tree[0]
    goal = many_measures(service, 8)
    overview = ov.measures_overview(service, goal.id, today=date(2026, 4, 13))
    path = tmp_path / "oversigt.xlsx"
    assert export_overview(overview, path) == 8
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "Oversigt over målinger: mål “Mål med mange målinger”"
    assert sheet["A2"].value == "Register: Testregister    Udskrevet 13-04-2026"
    headers = [cell.value for cell in sheet[4]]
    assert headers[:8] == ["Måling", "Hører til", "Type", "Kurve", "Seneste værdi", "Dato", "Målværdi", None]
    assert headers[8:] == ["Variation", None, "Målopfyldelse", "Punkter"]
    icons = 0
    for line, row in enumerate(overview.rows, start=5):
        cells = sheet[line]
        assert cells[0].value == row.measure.name
        assert cells[4].value == pytest.approx(row.last_value) and cells[4].data_type == "n"
        assert cells[5].value.date() == row.last_date and cells[5].number_format == "DD-MM-YYYY"
        assert cells[8].value == ov.cell_text(row, "variation")
        if row.variation:
            assert cells[8].fill.fgColor.rgb[-6:] == icon_colour(row.variation).lstrip("#")
            icons += 1
        if row.assurance:
            assert cells[10].fill.fgColor.rgb[-6:] == icon_colour(row.assurance).lstrip("#")
            icons += 1
        assert cells[11].value == row.points
    assert len(sheet._images) == icons > 0
    assert sheet.freeze_panes == "B5"


def test_a_failed_export_leaves_the_old_file_and_no_partial_file(tree, tmp_path: Path, monkeypatch) -> None:
    import register.overview_export as export

    service, goal, *_ = tree
    add_series(service, goal.id, "en måling", FLAT)
    overview = ov.measures_overview(service, goal.id)
    for name, function in (("oversigt.pdf", "_write_pdf"), ("oversigt.xlsx", "_write_xlsx")):
        path = tmp_path / name
        path.write_bytes(b"old contents")
        writer = getattr(export, function)

        def fail(overview, target, real=writer):
            real(overview, target)
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(export, function, fail)
        with pytest.raises(OutputError, match=f"The disk is full: {path} was not written"):
            export_overview(overview, path)
        assert path.read_bytes() == b"old contents"
        assert not [p.name for p in tmp_path.iterdir() if "partial" in p.name]
    with pytest.raises(ValueError, match=r"\.pdf or an \.xlsx"):
        export_overview(overview, tmp_path / "oversigt.docx")


# --------------------------------------------------------------------------- command line


def test_export_overview_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "register.sqlite"
    assert main(["sample", "--db", str(db)]) == 0
    capsys.readouterr()
    for name in ("overview.pdf", "overview.xlsx"):
        assert main(["export-overview", "--db", str(db), "--node", GOAL_TITLE, "--out", str(tmp_path / name)]) == 0
        assert f"Wrote the overview of 10 measures under “{GOAL_TITLE}”" in capsys.readouterr().out
    assert "2026-10-01" in PdfReader(tmp_path / "overview.pdf").pages[0].extract_text()
    assert load_workbook(tmp_path / "overview.xlsx").active.max_row == 14
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx")) == ["overview.pdf",
                                                                                          "overview.xlsx"]  # fmt: skip


def test_export_overview_never_creates_a_register_and_reports_bad_arguments(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "missing.sqlite"
    out = tmp_path / "out.pdf"
    assert main(["export-overview", "--db", str(missing), "--node", "x", "--out", str(out)]) == 1
    assert f"There is no register at {missing}." in capsys.readouterr().err
    assert not missing.exists() and not out.exists()
    assert main(["export-overview", "--db", f"sqlite:///{missing}", "--node", "x", "--out", str(out)]) == 1
    assert not missing.exists()
    db = tmp_path / "register.sqlite"
    main(["sample", "--db", str(db)])
    assert main(["export-overview", "--db", str(db), "--node", "x", "--out", str(tmp_path / "out.docx")]) == 2
    assert main(["export-overview", "--db", str(db), "--node", "Ingen sådan knude", "--out", str(out)]) == 1
    assert "No node has the id or title 'Ingen sådan knude'" in capsys.readouterr().err
    assert (
        main(["export-overview", "--db", str(db), "--node", GOAL_TITLE, "--out", str(tmp_path / "no" / "o.pdf")]) == 2
    )
    assert not out.exists()


def test_export_overview_in_danish_follows_the_environment(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    db = tmp_path / "register.sqlite"
    assert main(["sample", "--db", str(db)]) == 0
    out = tmp_path / "oversigt.pdf"
    env = {**os.environ, "LANGUAGE": "da", "LANG": "da_DK.UTF-8"}
    command = [sys.executable, "-m", "register.cli", "export-overview", "--db", str(db), "--node",
               "Regionsklinik i Lemvig", "--out", str(out)]  # fmt: skip
    process = subprocess.run(command, capture_output=True, text=True, env=env)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == f"Skrev oversigten over 1 måling under “Regionsklinik i Lemvig” til {out}."
    text = PdfReader(out).pages[0].extract_text()
    assert "Side 1 af 1" in text and "01-10-2026" in text and "Oversigt over målinger: projekt" in text
