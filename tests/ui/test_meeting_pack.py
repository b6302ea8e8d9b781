"""The meeting pack: its sections and text (read back with pypdf), bookmarks, A4, fonts, page n of m, Danish,
identical regeneration of a closed meeting's pack from its snapshot, and the meeting commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from register.errors import OutputError
from register.meetings import MeetingService
from register.service import RegisterService
from register.storage import open_database
from ui.cli_commands import meeting_pack_command  # noqa: F401 - registers the subcommand
from ui.meeting_pack import PackError, meeting_pack, write_pack


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from ui.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


@pytest.fixture
def meetings(sample_path: Path):
    database = open_database(sample_path)
    yield MeetingService(RegisterService(database, user="tester"))
    database.close()


def _prepare(meetings: MeetingService) -> str:
    meeting = meetings.create_meeting(date="2026-11-30", title="Styregruppemøde november", case_number="1-30-72-18-26",
                                      location="Regionshuset Viborg")  # fmt: skip
    meetings.add_member(meeting.id, name="Erik Vinther", role="chair")
    meetings.add_member(meeting.id, name="Conny Jensen", role="member")
    lemvig = meetings.service.find_node("Regionsklinik i Lemvig", kind="project")
    meetings.add_item(kind="action", text="Notat om lægedækning i Lemvig", owner="Hanne Møller", deadline="2026-10-01",
                      node_ids=[lemvig.id], raised_meeting_id=meeting.id)  # fmt: skip
    return meeting.id


def test_the_pack_has_its_sections_in_order_with_cover_bookmarks_and_page_numbers(qapp, meetings, tmp_path) -> None:
    meeting_id = _prepare(meetings)
    out = tmp_path / "pack.pdf"
    pages = write_pack(meeting_pack(meetings, meeting_id), out)
    texts = page_texts(out)
    assert len(texts) == pages > 10
    cover = texts[0]
    for fact in ("Appendix", "Styregruppemøde november", "2026-11-30", "1-30-72-18-26", "Regionshuset Viborg",
                 "Erik Vinther (chair)", "Conny Jensen (member)", meetings.service.title()):  # fmt: skip
        assert fact in cover
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {pages}" in text
    whole = " ".join(texts)
    order = ["Requests and decisions for this meeting", "Open requests for help", "Overdue actions",
             "Notat om lægedækning i Lemvig", "Exceptions", "Red projects", "Changes since the last meeting",
             "Driver diagram:", "AmbuFlex", "Decision log", "Measures of each goal"]  # fmt: skip
    body = " ".join(texts[1:])  # after the cover and its contents
    position = 0
    for part in order:  # each found after the one before
        position = body.index(part, position)
    # the sample asks for help: it is an open request on the agenda
    assert "Afklaring af samtykke." in whole
    assert "There is no earlier closed meeting to compare with." in whole
    # one page per live project, each starting with its title
    projects = [p for p in meetings.service.load_tree().nodes if p.kind == "project"]
    for project in projects:
        assert any(text.startswith(" ".join(project.title.split())) for text in texts), project.title
    reader = PdfReader(out)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Cover", "Requests and decisions for this meeting", "Exceptions",
                      "Changes since the last meeting", "Driver diagram", "Projects", "Decision log",
                      "Measures of each goal"]  # fmt: skip
    first = reader.pages[0].mediabox
    assert (round(float(first.width)), round(float(first.height))) == (595, 842)
    landscape = [p for p in reader.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert len(landscape) == 2  # one driver diagram per goal
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(descendant["/BaseFont"])
    assert fonts


def test_a_closed_meetings_pack_regenerates_identically_from_its_snapshot(qapp, meetings, tmp_path) -> None:
    meeting_id = _prepare(meetings)
    meetings.close_meeting(meeting_id, meetings.get_meeting(meeting_id).version)
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    write_pack(meeting_pack(meetings, meeting_id), first)
    service = meetings.service
    lemvig = service.find_node("Regionsklinik i Lemvig", kind="project")
    service.update_node(
        lemvig.id, title="Regionsklinik Lemvig (omdøbt)", expected_version=service.get_node(lemvig.id).version
    )
    service.add_status_update(lemvig.id, date="2026-12-01", rag="red", summary="Efter mødet")
    write_pack(meeting_pack(meetings, meeting_id), second)
    assert page_texts(first) == page_texts(second)
    assert "Regionsklinik i Lemvig" in " ".join(page_texts(second))
    # the next meeting's pack lists what changed since, naming the renamed project
    later = meetings.create_meeting(date="2026-12-15", title="Styregruppemøde december")
    third = tmp_path / "third.pdf"
    write_pack(meeting_pack(meetings, later.id), third)
    whole = " ".join(page_texts(third))
    assert "Renamed: Regionsklinik i Lemvig is now Regionsklinik Lemvig (omdøbt)" in whole
    assert "RAG: Regionsklinik Lemvig (omdøbt), amber to red" in whole
    assert "New status update: Regionsklinik Lemvig (omdøbt) (2026-12-01)" in whole
    assert "Changes are counted since the meeting of 2026-11-30 (Styregruppemøde november)." in whole


def test_a_closed_meetings_pack_is_the_same_after_an_exchange_round_trip(qapp, meetings, tmp_path) -> None:
    from register.exchange import export_file, import_file

    meeting_id = _prepare(meetings)
    meetings.close_meeting(meeting_id, meetings.get_meeting(meeting_id).version)
    later = meetings.create_meeting(date="2026-12-15", title="Styregruppemøde december")
    service = meetings.service
    lemvig = service.find_node("Regionsklinik i Lemvig", kind="project")
    service.add_status_update(lemvig.id, date="2026-12-01", rag="red", summary="Efter mødet")
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    later_before, later_after = tmp_path / "later-before.pdf", tmp_path / "later-after.pdf"
    write_pack(meeting_pack(meetings, meeting_id), before)
    write_pack(meeting_pack(meetings, later.id), later_before)
    exchange = tmp_path / "register.json"
    export_file(service, exchange)
    database = open_database(tmp_path / "restored.sqlite")
    try:
        restored = MeetingService(RegisterService(database, user="tester"))
        import_file(restored.service, exchange)
        write_pack(meeting_pack(restored, meeting_id), after)
        write_pack(meeting_pack(restored, later.id), later_after)
        assert restored.snapshot_hash(meeting_id) == meetings.snapshot_hash(meeting_id)
    finally:
        database.close()
    assert page_texts(before) == page_texts(after)
    assert "Notat om lægedækning i Lemvig" in " ".join(page_texts(after))
    # the next meeting's changes since the closed one are the same too
    assert page_texts(later_before) == page_texts(later_after)
    assert "New status update: Regionsklinik i Lemvig (2026-12-01)" in " ".join(page_texts(later_after))


def test_the_pack_in_danish(qapp, meetings, tmp_path, danish) -> None:
    meeting_id = _prepare(meetings)
    out = tmp_path / "pakke.pdf"
    pages = write_pack(meeting_pack(meetings, meeting_id), out)
    texts = page_texts(out)
    assert "Bilag" in texts[0] and "30-11-2026" in texts[0] and "Erik Vinther (formand)" in texts[0]
    assert f"Side 1 af {pages}" in texts[0]
    whole = " ".join(texts)
    for words in ("Anmodninger og beslutninger til dette møde", "Opfølgningspunkter over frist", "Beslutningslog",
                  "Ændringer siden sidste møde", "Driverdiagram"):  # fmt: skip
        assert words in whole
    titles = [item.title for item in PdfReader(out).outline if not isinstance(item, list)]
    assert "Forside" in titles
    assert "fremdrift 3,5" in whole and "fremdrift 3.5" not in whole  # decimal commas


def test_bad_file_names_are_refused_and_leave_nothing(qapp, meetings, tmp_path) -> None:
    meeting_id = _prepare(meetings)
    pack = meeting_pack(meetings, meeting_id)
    with pytest.raises(PackError, match="ending in .pdf"):
        write_pack(pack, tmp_path / "pack.docx")
    with pytest.raises(OutputError, match="does not exist"):
        write_pack(pack, tmp_path / "missing" / "pack.pdf")
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_pack_never_replaces_the_register_a_link_or_a_pipe(qapp, meetings, tmp_path) -> None:
    """Seen in a smoke test: a register named r.pdf was overwritten by its own pack; a link and a pipe were replaced."""
    import os

    meeting_id = _prepare(meetings)
    pack = meeting_pack(meetings, meeting_id)
    register = tmp_path / "r.pdf"  # a register file whose name ends in .pdf, as the command line was given it
    register.write_bytes(meetings.service.db.path.read_bytes())
    before = register.read_bytes()
    with pytest.raises(OutputError, match="open register itself"):
        write_pack(pack, register, register)
    target = tmp_path / "target.pdf"
    target.write_bytes(b"last month's pack")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="is a link"):
        write_pack(pack, link, register)
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    with pytest.raises(OutputError, match="not an ordinary file"):
        write_pack(pack, pipe, register)
    assert link.is_symlink() and target.read_bytes() == b"last month's pack" and pipe.is_fifo()
    assert register.read_bytes() == before


def test_meeting_commands(sample_path, tmp_path) -> None:
    db = str(sample_path)
    created = run_cli("meeting", "new", "--db", db, "--date", "2026-11-30", "--title", "Styregruppemøde",
                      "--case-number", "1-30-72-18-26")  # fmt: skip
    assert created.returncode == 0, created.stderr
    meeting_id = created.stdout.strip()
    assert len(meeting_id) == 36
    listed = run_cli("meeting", "list", "--db", db)
    assert listed.stdout.split() == ["2026-11-30", "planned", meeting_id, "Styregruppemøde", "1-30-72-18-26"]
    out = tmp_path / "pack.pdf"
    packed = run_cli("meeting", "pack", "--db", db, "--meeting", "30-11-2026", "--out", str(out))
    assert packed.returncode == 0, packed.stderr
    assert "Styregruppemøde" in page_texts(out)[0]
    closed = run_cli("meeting", "close", "--db", db, "--meeting", meeting_id)
    assert closed.returncode == 0 and "snapshot SHA-256" in closed.stdout
    again = run_cli("meeting", "close", "--db", db, "--meeting", meeting_id)
    assert again.returncode == 1 and "is closed" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    missing = run_cli("meeting", "pack", "--db", db, "--meeting", "2026-01-01", "--out", str(out))
    assert missing.returncode == 1 and "No meeting is held on 2026-01-01" in missing.stderr
    bad = run_cli("meeting", "pack", "--db", db, "--meeting", meeting_id, "--out", str(tmp_path / "x.txt"))
    assert bad.returncode == 2 and "must end in .pdf" in bad.stderr


def test_the_pack_prints_on_a_printer_page_by_page(qapp, meetings, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from ui.meeting_pack import print_pack

    pack = meeting_pack(meetings, _prepare(meetings))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_pack(printer, pack)
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == len(pack.pages)
    wide = [number for number, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height]
    assert wide == [number for number, page in enumerate(pack.pages) if page.landscape]
    assert f"Page 1 of {len(pack.pages)}" in " ".join(reader.pages[0].extract_text().split())
