"""The command line: subcommands, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.cli import main


def run(*args: str) -> tuple[int, str, str]:
    process = subprocess.run([sys.executable, "-m", "register.cli", *args], capture_output=True, text=True)
    return process.returncode, process.stdout, process.stderr


def test_sample_export_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, copy = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert main(["sample", "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "a.json")]) == 0
    assert main(["import", "--db", str(copy), str(tmp_path / "a.json")]) == 0
    assert main(["export", "--db", str(copy), "--out", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert "Imported 29 nodes" in capsys.readouterr().out


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "improvement-register", "version": 1,
                               "nodes": [{"id": "x", "kind": "primary", "title": "P", "parent": "p9"}]}))  # fmt: skip
    code, _, err = run("import", "--db", str(tmp_path / "r.sqlite"), str(bad))
    assert code == 1
    assert err.strip() == 'improvement-register: error: nodes[0].parent: no node with id "p9"'
    assert "Traceback" not in err


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    code, _, err = run("import", "--debug", "--db", str(tmp_path / "r.sqlite"), str(tmp_path / "missing.json"))
    assert code == 1 and "Traceback" in err and err.strip().endswith("the file does not exist.")


def test_bad_arguments_exit_2_with_one_line(tmp_path: Path) -> None:
    code, _, err = run("export", "--db", str(tmp_path / "r.sqlite"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "--out" in err


def test_sample_into_a_register_with_content_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    assert run("sample", "--db", db)[0] == 0
    code, _, err = run("sample", "--db", db)
    assert code == 1 and "already holds" in err


def test_help_lists_the_subcommands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in ("import", "export", "sample"):
        assert name in out


# --------------------------------------------------------------------------- no register is created by reading


def run_app(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    """The full command line (with the Qt subcommands), in a subprocess."""
    process = subprocess.run([sys.executable, "-m", "ui.app", *args], capture_output=True, text=True, env=env,
                             input=stdin)  # fmt: skip
    return process.returncode, process.stdout, process.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["export", "--out", "{tmp}/backup.json"],
        ["export-chart", "--measure", "x", "--out", "{tmp}/chart.png"],
        ["export-diagram", "--out", "{tmp}/diagram.pdf"],
        ["import-observations", "--measure", "x", "{tmp}/data.csv"],
        ["archive", "list"],
    ],
    ids=lambda a: a[0],
)
def test_reading_commands_never_create_a_register(tmp_path: Path, arguments: list[str]) -> None:
    typo = tmp_path / "typo.sqlite"
    (tmp_path / "data.csv").write_text("date,value\n2026-01-01,1\n")
    (tmp_path / "backup.json").write_text("a good backup")
    code, _out, err = run_app(*[a.format(tmp=tmp_path) for a in arguments], "--db", str(typo))
    assert code == 1, err
    assert err.strip() == f"improvement-register: error: There is no register at {typo}."
    assert not typo.exists() and not (tmp_path / "typo.sqlite-wal").exists()
    assert (tmp_path / "backup.json").read_text() == "a good backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "data.csv"]


def test_an_empty_file_is_not_a_register_and_stays_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code, _, err = run("export", "--db", str(empty), "--out", str(tmp_path / "out.json"))
    assert code == 1 and "There is no register at" in err and "the file is empty" in err
    assert empty.read_bytes() == b"" and not (tmp_path / "out.json").exists()


def test_new_creates_an_empty_register_and_refuses_an_existing_one(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite"
    code, out, _ = run("new", "--db", str(db))
    assert code == 0 and "Created a new, empty register" in out and db.exists()
    assert run("export", "--db", str(db), "--out", str(tmp_path / "e.json"))[0] == 0
    before = db.read_bytes()
    code, _, err = run("new", "--db", str(db))
    assert code == 1 and "exists already" in err and db.read_bytes() == before


def test_import_and_sample_create_a_missing_register(tmp_path: Path) -> None:
    assert run("sample", "--db", str(tmp_path / "s.sqlite"))[0] == 0
    assert run("export", "--db", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "s.json"))[0] == 0
    assert run("import", "--db", str(tmp_path / "i.sqlite"), str(tmp_path / "s.json"))[0] == 0
    assert (tmp_path / "s.sqlite").exists() and (tmp_path / "i.sqlite").exists()


def test_version() -> None:
    from register import __version__

    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"improvement-register {__version__}"


# --------------------------------------------------------------------------- the archive


def _archived_sample(tmp_path: Path) -> tuple[str, str, str]:
    """A sample register with one project archived: (db, project id, project title)."""
    from register.service import RegisterService
    from register.storage import open_database

    db = str(tmp_path / "r.sqlite")
    assert run("sample", "--db", db)[0] == 0
    database = open_database(db, create=False)
    service = RegisterService(database, user="ida")
    project = service.find_node("Regionsklinik i Lemvig", kind="project")
    service.archive_node(project.id)
    database.close()
    return db, project.id, project.title


def test_archive_list_restore(tmp_path: Path) -> None:
    db, project_id, title = _archived_sample(tmp_path)
    code, out, _ = run("archive", "list", "--db", db)
    assert code == 0
    [line] = out.strip().splitlines()
    assert line.startswith(f"{project_id}  project “{title}”  archived ") and " by ida" in line and "(under “" in line
    code, out, _ = run("archive", "restore", title.upper(), "--db", db)
    assert code == 0 and out.strip() == f"Restored the project “{title}” with everything under it."
    assert run("archive", "list", "--db", db)[1].strip() == "The archive is empty."
    code, _, err = run("archive", "restore", title, "--db", db)
    assert code == 1 and "No archived node has the id or title" in err


def test_archive_purge_needs_confirmation(tmp_path: Path) -> None:
    from register.service import RegisterService
    from register.storage import open_database

    db, project_id, title = _archived_sample(tmp_path)
    code, _, err = run("archive", "purge", project_id, "--db", db)
    assert code == 1 and "--yes" in err and "status update" in err
    assert project_id in run("archive", "list", "--db", db)[1], "nothing purged without confirmation"
    code, out, _ = run("archive", "purge", project_id, "--yes", "--db", db)
    assert code == 0 and out.startswith(f"Purged the project “{title}” with ")
    database = open_database(db, create=False)
    try:
        service = RegisterService(database)
        assert service.list_archived() == []
        assert project_id not in {node.id for node in service.load_tree().nodes}
    finally:
        database.close()
    code, _, err = run("archive", "restore", "--db", db)
    assert code == 2 and "name the archived node" in err


# --------------------------------------------------------------------------- the command line in Danish

#: English words that must not appear in the Danish command line (none of them is a Danish word).
ENGLISH = {"the", "of", "to", "and", "or", "is", "not", "file", "show", "help", "usage", "options", "arguments",
           "positional", "error", "this", "with", "from", "into", "default", "your", "name", "write", "wrote", "all",
           "each", "one", "that", "which", "exported", "imported", "message", "exit", "program", "empty",
           "there", "no", "archived", "restored", "purged", "chart", "charts", "measure", "page", "pages", "folder",
           "required", "following", "must", "end", "see", "create", "new", "list", "draw", "save", "add", "fill",
           "command", "path", "title"}  # fmt: skip


def _english_words(text: str) -> set[str]:
    """English words left in ``text`` once the syntax (options, command names, choices, file names) is removed."""
    import re

    syntax = re.compile(r"--?[\w-]+|\{[^}]*\}|\[[^\]]*\]|improvement-register|postgresql\+psycopg://|\S+\.(?:sqlite|"
                        r"json|csv|xlsx|pdf|png|svg)\b|'[^']*'|“[^”]*”|\b(?:new|import|export|sample|import-observations|"
                        r"export-chart|export-diagram|archive|list|restore|purge|landscape|portrait)\b")  # fmt: skip
    words = re.findall(r"[A-Za-z']+", syntax.sub(" ", text))
    return {word.lower() for word in words} & ENGLISH


def test_the_command_line_speaks_danish(tmp_path: Path) -> None:
    import os

    env = {key: value for key, value in os.environ.items() if not key.startswith(("LANGUAGE", "LC_"))}
    env["LANG"] = "da_DK.UTF-8"
    db, project_id, _title = _archived_sample(tmp_path)
    data = tmp_path / "data.csv"
    data.write_text("date,value,note\n2027-01-01,5000,x\n2027-02-01,5100,y\n")
    outputs = [run_app("--help", env=env)]
    for name in ("new", "import", "export", "sample", "import-observations", "export-chart", "export-diagram",
                 "archive"):  # fmt: skip
        outputs.append(run_app(name, "--help", env=env))
    outputs += [
        run_app("export", "--db", db, env=env),  # a required option missing (argparse's own words)
        run_app("export-diagram", "--db", db, "--out", "x.txt", env=env),  # a bad value
        run_app("export", "--db", str(tmp_path / "typo.sqlite"), "--out", str(tmp_path / "b.json"), env=env),
        run_app("archive", "list", "--db", db, env=env),
        run_app("archive", "purge", project_id, "--db", db, env=env),
        run_app("archive", "restore", project_id, "--db", db, env=env),
        run_app("new", "--db", str(tmp_path / "n.sqlite"), env=env),
        run_app("export", "--db", db, "--out", str(tmp_path / "b.json"), env=env),
        run_app("import-observations", "--db", db, "--measure", "Ambulante besøg pr. måned", str(data), env=env),
        run_app("export-diagram", "--db", db, "--out", str(tmp_path / "d.pdf"), env=env),
        run_app(
            "--db",
            db,
            env={
                key: value for key, value in env.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
            },
        ),  # no display
    ]
    text = "\n".join(out + err for _code, out, err in outputs)
    for expected in ("brug: ", "tilvalg", "vis denne hjælpetekst og afslut", "følgende argumenter skal angives",
                     "Der er intet register i", "arkiveret", "Gendannede", "--yes", "Oprettede et nyt, tomt register",
                     "Registeret er eksporteret", "dato=1, værdi=2, notat=3", "Driverdiagrammet er gemt i",
                     "der er ingen skærm"):  # fmt: skip
        assert expected in text
    english = [line for _code, out, err in outputs for line in (out + err).splitlines() if _english_words(line)]
    assert not english, f"English in the Danish command line: {english}"


def test_a_refused_import_leaves_no_new_register_behind(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "improvement-register", "version": 1,
                               "nodes": [{"id": "x", "kind": "primary", "title": "P", "parent": "p9"}]}))  # fmt: skip
    code, _, err = run("import", "--db", str(tmp_path / "new.sqlite"), str(bad))
    assert code == 1 and "p9" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


_WINDOW_OPTIONS = st.lists(
    st.one_of(
        st.sampled_from([["--debug"], ["--sample"]]),
        st.tuples(
            st.sampled_from(["--db", "--user"]),
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(
                lambda value: not value.startswith("-")
            ),
        ).map(list),
        st.text(min_size=1).map(lambda value: [f"--db={value}"]),
    ),
    max_size=4,
).map(lambda groups: [token for group in groups for token in group])


@given(_WINDOW_OPTIONS)
def test_the_desktop_apps_own_options_parse_the_same_without_the_subcommands(arguments: list[str]) -> None:
    """Only the window's options: the quick parser (no subcommands built) reads them as the whole one does."""
    from register.cli import build_parser, starts_the_window_only

    assert starts_the_window_only(arguments)
    assert vars(build_parser(subcommands=False).parse_args(arguments)) == vars(build_parser().parse_args(arguments))


@pytest.mark.parametrize("arguments", [["export"], ["--db", "x.sqlite", "export"], ["--help"], ["-h"], ["--version"],
                                       ["--samp"], ["--db"], ["unknown"], ["--sample", "roles", "list"]])  # fmt: skip
def test_anything_else_takes_the_whole_command_line(arguments: list[str]) -> None:
    from register.cli import starts_the_window_only

    assert not starts_the_window_only(arguments)
