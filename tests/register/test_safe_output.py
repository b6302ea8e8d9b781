"""Output files (export, export-chart) never destroy data: the register, links, pipes, folders, a full disk."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from register.cli import main
from register.errors import OutputError
from register.safe_output import check_output_path, write_output

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    process = subprocess.run([sys.executable, "-m", "register.cli", *args], capture_output=True, text=True, cwd=ROOT)
    return process.returncode, process.stdout, process.stderr


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite"
    assert main(["sample", "--db", str(path)]) == 0
    return path


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_onto_the_register_itself_is_refused_and_the_register_survives(register: Path) -> None:
    before = _listing(register.parent)
    for target in (register, Path(f"{register}-wal")):
        code, _, err = run("export", "--db", str(register), "--out", str(target))
        assert code == 1 and "is the open register itself" in err and "internal error" not in err
    hard_link = register.parent / "same-file.sqlite"
    os.link(register, hard_link)
    code, _, err = run("export", "--db", str(register), "--out", str(hard_link))
    assert code == 1 and "is the open register itself" in err
    assert main(["export", "--db", str(register), "--out", str(register.parent / "ok.json")]) == 0  # still a register
    assert _listing(register.parent) == sorted([*before, "ok.json", "same-file.sqlite"])


@pytest.mark.parametrize("command", ["export", "export-chart"])
def test_a_link_a_pipe_a_device_or_a_folder_is_refused_and_left_as_it_was(register: Path, tmp_path: Path,
                                                                         command: str) -> None:  # fmt: skip
    suffix = ".json" if command == "export" else ".png"
    backup = tmp_path / f"backup{suffix}"
    backup.write_bytes(b"my good backup")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(backup)
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    extra = ["--measure", "Andel virtuelle forløb"] if command == "export-chart" else []
    targets = [(link, "is a link"), (fifo, "not an ordinary file"), (folder, "is a folder")]
    if command == "export":  # a device (export-chart wants a .png, .svg or .pdf name first)
        targets.append((Path("/dev/null"), "not an ordinary file"))
    for target, message in targets:
        code, _, err = run(command, "--db", str(register), *extra, "--out", str(target))
        assert code == 1, err
        assert message in err and "internal error" not in err
    assert link.is_symlink() and os.readlink(link) == str(backup) and backup.read_bytes() == b"my good backup"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and folder.is_dir() and not any(folder.iterdir())
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_disk_gives_a_clear_message_and_keeps_the_old_backup(register: Path, tmp_path: Path,
                                                                    monkeypatch, capsys) -> None:  # fmt: skip
    backup = tmp_path / "backup.json"
    backup.write_bytes(b"my good backup")
    before = _listing(tmp_path)

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["export", "--db", str(register), "--out", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "The disk is full" in err and "internal error" not in err and "OSError" not in err
    assert backup.read_bytes() == b"my good backup" and _listing(tmp_path) == before


def test_an_unwritable_folder_gives_a_clear_message(register: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    import tempfile

    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    chart = ["export-chart", "--measure", "Andel virtuelle forløb", "--out", str(tmp_path / "x.png")]
    for arguments in (["export", "--out", str(tmp_path / "x.json")], chart):
        assert main([*arguments, "--db", str(register)]) == 1
        err = capsys.readouterr().err
        assert "You may not write" in err and "internal error" not in err
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x.png").exists()


def test_write_output_replaces_only_when_complete_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)

    def failing(temporary: Path) -> None:
        temporary.write_text("half")
        raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(OutputError, match="could not be written"):
        write_output(target, failing)
    assert target.read_text() == "old" and _listing(tmp_path) == ["out.txt"]
    write_output(target, lambda temporary: temporary.write_text("new"))
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _listing(tmp_path) == ["out.txt"]
    with pytest.raises(OutputError, match="does not exist"):
        check_output_path(tmp_path / "missing" / "out.txt")
