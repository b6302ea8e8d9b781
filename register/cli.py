"""The ``improvement-register`` command line.

Without a subcommand it starts the desktop app. Subcommands work without a screen. Errors go to
stderr as one line with a non-zero exit status; ``--debug`` shows the traceback as well.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from register.errors import RegisterError

PROGRAM = "improvement-register"
EXIT_ERROR = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad command-line arguments."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad argument as one line."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH_OR_URL", help="register file or postgresql+psycopg:// URL "
                        "(default: the register in your user data folder)")  # fmt: skip
    parser.add_argument("--user", metavar="NAME", help="name recorded in the audit trail (default: your login name)")
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an error")


Handler = Callable[[argparse.Namespace], int]
_COMMANDS: list[tuple[str, str, Callable[[argparse.ArgumentParser], None], Handler]] = []


def command(
    name: str, help_text: str, arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Handler], Handler]:
    """Register a subcommand (its arguments and its handler)."""

    def decorate(handler: Handler) -> Handler:
        _COMMANDS.append((name, help_text, arguments, handler))
        return handler

    return decorate


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROGRAM, description="Improvement Register: driver diagrams, status and SPC charts.")
    _common(parser)
    parser.add_argument(
        "--sample",
        action="store_true",
        help="open the desktop app on a fresh copy of the sample register (in a temporary folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_text, arguments, handler in _COMMANDS:
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        _common(sub)
        arguments(sub)
        sub.set_defaults(handler=handler)
    return parser


def open_service(args: argparse.Namespace):  # noqa: ANN201 - imported lazily to keep --help fast
    from register.credentials import open_shared
    from register.service import RegisterService

    return RegisterService(open_shared(args.db), user=args.user)


# --------------------------------------------------------------------------- subcommands


@command("import", "import an exchange file (JSON) into an empty register",
         lambda p: p.add_argument("file", type=Path, metavar="FILE.json"))  # fmt: skip
def _import(args: argparse.Namespace) -> int:
    from register.exchange import import_file

    summary = import_file(open_service(args), args.file)
    print(f"Imported {summary}.")
    return 0


@command("export", "export the register to an exchange file (JSON)",
         lambda p: p.add_argument("--out", type=Path, required=True, metavar="FILE.json"))  # fmt: skip
def _export(args: argparse.Namespace) -> int:
    from register.exchange import export_file

    export_file(open_service(args), args.out)
    print(f"Exported the register to {args.out}.")
    return 0


@command("sample", "fill an empty register with the sample register", lambda p: None)
def _sample(args: argparse.Namespace) -> int:
    from register.exchange import import_data, load_file
    from resources import sample_register_path

    summary = import_data(open_service(args), load_file(sample_register_path()), source="sample register")
    print(f"Filled the register with the sample: {summary}.")
    return 0


def _observation_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--measure", required=True, metavar="ID_OR_NAME", help="the measure to add the data to")
    parser.add_argument("file", type=Path, metavar="FILE.csv|FILE.xlsx")


@command("import-observations", "add a measure's data from a CSV or XLSX file (all or nothing)", _observation_arguments)
def _import_observations(args: argparse.Namespace) -> int:
    from register.observation_import import import_observations, read_rows

    service = open_service(args)
    measure = service.find_measure(args.measure)
    report = import_observations(service, measure.id, read_rows(args.file))
    columns = ", ".join(f"{name}={index + 1}" for name, index in sorted(report.columns.items(), key=lambda c: c[1]))
    how = "by header" if report.header else "by position"
    print(f"Imported {len(report.accepted)} observations into '{measure.name}' (columns {how}: {columns}).")
    return 0


def _chart_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--measure", metavar="ID_OR_NAME", help="one measure's chart (.png, .svg or .pdf)")
    which.add_argument("--project", metavar="ID_OR_TITLE", help="all charts of a project, one per page (.pdf)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE")


@command("export-chart", "save a measure's chart, or all charts of a project as a PDF", _chart_arguments)
def _export_chart(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if args.project and suffix != ".pdf":
        raise UsageError(f"--out {args.out}: a project's charts go into a .pdf file")
    if suffix not in (".png", ".svg", ".pdf"):
        raise UsageError(f"--out {args.out}: the file must end in .png, .svg or .pdf")
    if not args.out.parent.exists():
        raise UsageError(f"--out {args.out}: the folder {args.out.parent} does not exist")
    from register import charts

    service = open_service(args)
    if args.project:
        project = service.find_node(args.project, kind="project")
        pages = charts.export_project_pdf(service, project.id, args.out)
        print(f"Wrote {pages} chart pages of '{project.title}' to {args.out}.")
        return 0
    measure = service.find_measure(args.measure)
    charts.save_figure(charts.measure_figure(service, measure), args.out)
    print(f"Wrote the chart of '{measure.name}' to {args.out}.")
    return 0


def _nested_common(parser: argparse.ArgumentParser) -> None:
    """``--db``, ``--user`` and ``--debug`` after a nested action too, without hiding them when given before it."""
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help="the shared register's URL")
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show an error's traceback")


def _roles_arguments(parser: argparse.ArgumentParser) -> None:
    from register.roles import ROLES

    actions = parser.add_subparsers(dest="roles_action", metavar="ACTION", required=True, parser_class=_Parser)
    grant = actions.add_parser("grant", help="give a login a role (replacing its other role)")
    _nested_common(grant)
    grant.add_argument("login", metavar="LOGIN", help="the person's PostgreSQL login")
    grant.add_argument("role", metavar="ROLE", choices=ROLES, help=" | ".join(ROLES))
    grant.add_argument("--person", metavar="NAME", default="",
                       help="a project lead's name as written in the projects' lead field")  # fmt: skip
    revoke = actions.add_parser("revoke", help="take a login's role away")
    _nested_common(revoke)
    revoke.add_argument("login", metavar="LOGIN")
    listing = actions.add_parser("list", help="list the logins with a role (login, role, person)")
    _nested_common(listing)


@command("roles", "who may do what in a shared (PostgreSQL) register: grant, revoke, list", _roles_arguments)
def _roles(args: argparse.Namespace) -> int:
    from register import roles
    from register.credentials import open_shared
    from register.errors import ValidationError
    from register.i18n import _
    from register.storage import is_url

    if not args.db or not is_url(args.db):
        raise ValidationError(
            _("A register file has no roles: it has one user at a time. Roles exist only in a shared register.")
        )
    database = open_shared(args.db)
    try:
        if args.roles_action == "grant":
            member = roles.grant(database, args.login, args.role, args.person)
            mapped = f" (lead name '{member.person}')" if member.person else ""
            print(f"{member.login} is now {member.role}{mapped}.")
        elif args.roles_action == "revoke":
            roles.revoke(database, args.login)
            print(f"{args.login.strip()} has no role in the register any more.")
        else:
            rows = [("LOGIN", "ROLE", "PERSON")] + [(m.login, m.role, m.person) for m in roles.members(database)]
            widths = [max(len(row[column]) for row in rows) for column in range(2)]
            for login, role, person in rows:
                print(f"{login:<{widths[0]}}  {role:<{widths[1]}}  {person}".rstrip())
    finally:
        database.close()
    return 0


# --------------------------------------------------------------------------- entry point


GuiLauncher = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, start_gui: GuiLauncher | None = None) -> int:
    """Run a subcommand, or (with none) the desktop app through ``start_gui``.

    The desktop app lives in the Qt package, which passes its launcher in; this module never
    imports Qt itself.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments
    try:
        args = build_parser().parse_args(arguments)
        if args.command is None:
            if start_gui is None:
                raise UsageError(
                    "this entry point runs subcommands only; "
                    "start the desktop app with the improvement-register command"
                )
            return start_gui(args)
        return int(args.handler(args))
    except UsageError as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except RegisterError as error:
        if debug:
            traceback.print_exc()
        print(f"{PROGRAM}: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"{PROGRAM}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: still one line unless --debug
        if debug:
            traceback.print_exc()
        print(f"{PROGRAM}: internal error: {type(error).__name__}: {error} (run with --debug for details)",
              file=sys.stderr)  # fmt: skip
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
