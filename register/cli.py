"""The ``improvement-register`` command line.

Without a subcommand it starts the desktop app. Subcommands work without a screen. Errors go to
stderr as one line with a non-zero exit status; ``--debug`` shows the traceback as well.

Every word it prints is in the user's language (``register.i18n``), argparse's own words included:
argparse looks them up in the program's gettext domain, which :func:`build_parser` makes ours.

Only ``new``, ``import`` and ``sample`` create a register; every other command refuses a register that
does not exist and creates nothing.
"""

from __future__ import annotations

import argparse
import gettext
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from register import __version__, i18n
from register.errors import RegisterError, StorageError, ValidationError
from register.i18n import N_, _, ngettext
from register.validation import format_time
from register.vocabulary import KIND_NAMES, ROLES

PROGRAM = "improvement-register"
EXIT_ERROR = 1
EXIT_USAGE = 2

#: argparse's own words, for the catalogue (argparse translates them through the program's gettext domain).
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)
#: The columns of an observation file, as the import reports them.
COLUMN_NAMES = {"date": N_("date"), "value": N_("value"), "denominator": N_("denominator"), "note": N_("note")}


class UsageError(Exception):
    """Bad command-line arguments."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad argument as one line, in the user's language."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(_("{message} (see '{program} --help')").format(message=message, program=self.prog))


def _translate_argparse() -> None:
    """Make argparse's words ("usage: ", "options", its error messages) come from our catalogue.

    argparse translates with ``gettext.gettext``, i.e. through the program's text domain; the standard
    way for a program to translate them is to make its own catalogue that domain.
    """
    gettext.bindtextdomain(i18n.DOMAIN, str(i18n.LOCALE_DIR))
    gettext.textdomain(i18n.DOMAIN)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar=_("PATH_OR_URL"), help=_(
        "register file or postgresql+psycopg:// URL (default: the register in your user data folder)"))  # fmt: skip
    parser.add_argument("--user", metavar=_("NAME"), help=_(
        "name recorded in the audit trail (default: your login name)"))  # fmt: skip
    parser.add_argument("--debug", action="store_true", help=_("show the full traceback of an error"))


Handler = Callable[[argparse.Namespace], int]
_COMMANDS: list[tuple[str, str, Callable[[argparse.ArgumentParser], None], Handler]] = []


def command(
    name: str, help_text: str, arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Handler], Handler]:
    """Register a subcommand (its arguments and its handler); ``help_text`` is marked with ``N_``."""

    def decorate(handler: Handler) -> Handler:
        _COMMANDS.append((name, help_text, arguments, handler))
        return handler

    return decorate


def version_text() -> str:
    """``improvement-register 0.1.0``: the program and its version."""
    return f"{PROGRAM} {__version__}"


def build_parser(subcommands: bool = True) -> argparse.ArgumentParser:
    """The command line; without ``subcommands``, only the desktop app's own options (a faster start)."""
    _translate_argparse()
    parser = _Parser(prog=PROGRAM, description=_("Improvement Register: driver diagrams, status and SPC charts."))
    _common(parser)
    parser.add_argument("--version", action="version", version=version_text(),
                        help=_("show the program's version and exit"))  # fmt: skip
    parser.add_argument(
        "--sample",
        action="store_true",
        help=_("open the desktop app on a throwaway copy of the sample register (removed when the window closes)"),
    )
    if not subcommands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    for name, help_text, arguments, handler in _COMMANDS:
        sub = subparsers.add_parser(name, help=_(help_text), description=_(help_text))
        _common(sub)
        arguments(sub)
        sub.set_defaults(handler=handler)
    return parser


def open_service(args: argparse.Namespace, *, create: bool = False):  # noqa: ANN201 - imported lazily (fast --help)
    """The register named by ``--db``. Only commands that make a register pass ``create=True``."""
    from register.credentials import open_shared
    from register.service import RegisterService

    return RegisterService(open_shared(args.db, create=create), user=args.user)


@contextmanager
def creating_service(args: argparse.Namespace) -> Iterator:
    """The register for a command that may make it (``import``, ``sample``); a register file the command
    made is removed again when the command fails, so a refused import leaves nothing behind."""
    from register.storage import default_register_path, discard_register_file, is_url

    new_file = None
    if not (args.db and is_url(args.db)):
        path = Path(args.db).expanduser().resolve() if args.db else default_register_path()
        new_file = None if path.exists() else path
    service = open_service(args, create=True)
    try:
        yield service
    except BaseException:
        service.db.close()
        if new_file is not None:
            discard_register_file(new_file)
        raise


# --------------------------------------------------------------------------- subcommands


@command("new", N_("create a new, empty register (a file that does not exist yet, or an empty database)"),
         lambda p: None)  # fmt: skip
def _new(args: argparse.Namespace) -> int:
    from register.storage import describe_location, is_url, open_database

    place = describe_location(args.db)
    if args.db is None or not is_url(args.db):
        path = Path(args.db).expanduser() if args.db else None
        if (path if path is not None else Path(place)).exists():
            raise StorageError(_("{place} exists already; open it, or choose a new file name.").format(place=place))
    else:
        try:
            open_database(args.db, create=False).close()
        except StorageError:
            pass
        else:
            raise StorageError(_("{place} holds a register already.").format(place=place))
    open_database(args.db, create=True).close()
    print(_("Created a new, empty register: {place}.").format(place=place))
    return 0


@command("import", N_("import an exchange file (JSON) into an empty register (created if missing)"),
         lambda p: p.add_argument("file", type=Path, metavar=_("FILE.json")))  # fmt: skip
def _import(args: argparse.Namespace) -> int:
    from register.exchange import import_file

    with creating_service(args) as service:
        summary = import_file(service, args.file)
    print(_("Imported {summary}.").format(summary=summary))
    return 0


@command("export", N_("export the register to an exchange file (JSON)"),
         lambda p: p.add_argument("--out", type=Path, required=True, metavar=_("FILE.json")))  # fmt: skip
def _export(args: argparse.Namespace) -> int:
    from register.exchange import export_file
    from register.safe_output import write_output

    service = open_service(args)
    write_output(args.out, lambda temporary: export_file(service, temporary), service.db.path)
    print(_("Exported the register to {path}.").format(path=args.out))
    return 0


@command("sample", N_("fill an empty register with the sample register (created if missing)"), lambda p: None)
def _sample(args: argparse.Namespace) -> int:
    from register.exchange import import_data, load_file
    from resources import sample_register_path

    with creating_service(args) as service:
        summary = import_data(service, load_file(sample_register_path()), source="sample register")
    print(_("Filled the register with the sample: {summary}.").format(summary=summary))
    return 0


def _observation_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--measure", required=True, metavar=_("ID_OR_NAME"), help=_("the measure to add the data to"))
    parser.add_argument("file", type=Path, metavar=_("FILE.csv|FILE.xlsx"))


@command("import-observations", N_("add a measure's data from a CSV or XLSX file (all or nothing)"),
         _observation_arguments)  # fmt: skip
def _import_observations(args: argparse.Namespace) -> int:
    from register.observation_import import import_file

    service = open_service(args)
    measure = service.find_measure(args.measure)
    report = import_file(service, measure.id, args.file)
    columns = ", ".join(f"{_(COLUMN_NAMES.get(name, name))}={index + 1}"
                        for name, index in sorted(report.columns.items(), key=lambda c: c[1]))  # fmt: skip
    how = _("by header") if report.header else _("by position")
    print(ngettext("Imported {count} observation into '{measure}' (columns {how}: {columns}).",
                   "Imported {count} observations into '{measure}' (columns {how}: {columns}).",
                   report.accepted_count).format(count=report.accepted_count, measure=measure.name, how=how,
                                                 columns=columns))  # fmt: skip
    return 0


def _chart_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--measure", metavar=_("ID_OR_NAME"), help=_("one measure's chart (.png, .svg or .pdf)"))
    which.add_argument("--project", metavar=_("ID_OR_TITLE"), help=_("all charts of a project, one per page (.pdf)"))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
    parser.add_argument("--orientation", choices=("landscape", "portrait"), default="landscape",
                        help=_("A4 page orientation (default: landscape)"))  # fmt: skip
    parser.add_argument("--dpi", type=int, default=200, help=_("resolution of a PNG, 50 to 600 (default: 200)"))


@command(
    "export-chart", N_("save a measure's chart, or all charts of a project as a PDF, on A4 pages"), _chart_arguments
)
def _export_chart(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if args.project and suffix != ".pdf":
        raise UsageError(_("--out {path}: a project's charts go into a .pdf file").format(path=args.out))
    if suffix not in (".png", ".svg", ".pdf"):
        raise UsageError(_("--out {path}: the file must end in .png, .svg or .pdf").format(path=args.out))
    if not args.out.parent.exists():
        message = _("--out {path}: the folder {folder} does not exist")
        raise UsageError(message.format(path=args.out, folder=args.out.parent))
    if not 50 <= args.dpi <= 600:
        raise UsageError(_("--dpi {dpi}: give a resolution from 50 to 600").format(dpi=args.dpi))
    from register import charts
    from register.safe_output import check_output_path

    service = open_service(args)
    check_output_path(args.out, service.db.path)
    if args.project:
        project = service.find_node(args.project, kind="project")
        pages = charts.export_project_pdf(service, project.id, args.out, orientation=args.orientation)
        print(ngettext("Wrote {pages} chart page of '{title}' to {path}.",
                       "Wrote {pages} chart pages of '{title}' to {path}.", pages).format(
            pages=pages, title=project.title, path=args.out))  # fmt: skip
        return 0
    measure = service.find_measure(args.measure)
    charts.save_figure(charts.measure_figure(service, measure, orientation=args.orientation), args.out, args.dpi)
    print(_("Wrote the chart of '{measure}' to {path}.").format(measure=measure.name, path=args.out))
    return 0


# --------------------------------------------------------------------------- the archive


def _archive_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", metavar=_("ACTION"), choices=("list", "restore", "purge"), help=_(
        "list: the archived nodes; restore: bring one back into the tree; purge: destroy one for good"))  # fmt: skip
    parser.add_argument("node", nargs="?", metavar=_("ID_OR_TITLE"), help=_("the archived node (restore, purge)"))
    parser.add_argument("--yes", action="store_true", help=_("purge without asking (for scripts)"))


def _describe_impact(impact: object) -> str:
    """What goes with a node: "3 projects, 2 measures with 40 observations, 5 status updates"."""
    parts = []
    for kind, count in impact.descendants.items():  # type: ignore[attr-defined]
        parts.append(f"{count} × {_(KIND_NAMES.get(kind, kind))}")
    measures, observations, updates = impact.measures, impact.observations, impact.status_updates  # type: ignore[attr-defined]
    if measures:
        parts.append(ngettext("{count} measure", "{count} measures", measures).format(count=measures))
    if observations:
        parts.append(ngettext("{count} observation", "{count} observations", observations).format(count=observations))
    if updates:
        parts.append(ngettext("{count} status update", "{count} status updates", updates).format(count=updates))
    return ", ".join(parts) if parts else _("nothing else")


def _archived_node(service: object, id_or_title: str | None) -> object:
    """The archived node with this id or exact title (case-insensitive)."""
    if not id_or_title:
        raise UsageError(_("name the archived node by its id or title (see 'archive list')"))
    archived = service.list_archived()  # type: ignore[attr-defined]
    matches = [node for node in archived if node.id == id_or_title]
    if not matches:
        matches = [node for node in archived if node.title.casefold() == id_or_title.strip().casefold()]
    if not matches:
        raise ValidationError(_("No archived node has the id or title '{name}' (see 'archive list').").format(
            name=id_or_title))  # fmt: skip
    if len(matches) > 1:
        raise ValidationError(_("{count} archived nodes are titled '{name}'; give the id instead (see "
                                "'archive list').").format(count=len(matches), name=id_or_title))  # fmt: skip
    return matches[0]


def _confirm_purge(question: str) -> bool:
    print(question, end=" ", flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in {"y", "yes", _("y").casefold(), _("yes").casefold()}


@command("archive", N_("list the archived (deleted) nodes, restore one, or purge one for good"), _archive_arguments)
def _archive(args: argparse.Namespace) -> int:
    service = open_service(args)
    if args.action == "list":
        archived = service.list_archived()
        if not archived:
            print(_("The archive is empty."))
            return 0
        titles = {node.id: node.title for node in service.load_tree().nodes}
        for node in archived:
            entry = next((e for e in service.audit_trail(node.id, limit=50) if e.action == "archive"), None)
            when = _("{when} by {user}").format(when=format_time(entry.at), user=entry.user) if entry else ""
            line = _("{id}  {kind} “{title}”  archived {when}").format(
                id=node.id, kind=_(KIND_NAMES.get(node.kind, node.kind)), title=node.title, when=when)  # fmt: skip
            if node.parent_id and node.parent_id in titles:
                line += "  " + _("(under “{parent}”)").format(parent=titles[node.parent_id])
            print(line.rstrip())
        return 0
    node = _archived_node(service, args.node)
    kind = _(KIND_NAMES.get(node.kind, node.kind))
    if args.action == "restore":
        service.restore_node(node.id)
        print(_("Restored the {kind} “{title}” with everything under it.").format(kind=kind, title=node.title))
        return 0
    impact = service.describe_deletion(node.id)
    what = _describe_impact(impact)
    if not args.yes:
        if not sys.stdin.isatty():
            message = _(
                "Purging destroys the {kind} “{title}” for good, with {what}. Run the command again with "
                "--yes to confirm."
            )
            raise ValidationError(message.format(kind=kind, title=node.title, what=what))
        question = _("Destroy the {kind} “{title}” for good, with {what}? This cannot be undone. [y/N]").format(
            kind=kind, title=node.title, what=what)  # fmt: skip
        if not _confirm_purge(question):
            print(_("Nothing was purged."))
            return EXIT_ERROR
    service.purge_node(node.id)
    print(_("Purged the {kind} “{title}” with {what}.").format(kind=kind, title=node.title, what=what))
    return 0


def _overview_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--node", required=True, metavar=_("ID_OR_TITLE"), help=_("the goal, driver or project"))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf|.xlsx"))


@command("export-overview", N_("write the measures overview of a goal, driver or project to a PDF or XLSX file"),
         _overview_arguments)  # fmt: skip
def _export_overview(args: argparse.Namespace) -> int:
    from register.overview import measures_overview
    from register.overview_export import FORMATS, export_overview

    if args.out.suffix.lower() not in FORMATS:
        raise UsageError(_("--out {path}: the file must end in .pdf or .xlsx").format(path=args.out))
    if not args.out.parent.exists():
        message = _("--out {path}: the folder {folder} does not exist")
        raise UsageError(message.format(path=args.out, folder=args.out.parent))
    service = open_service(args)
    node = service.find_node(args.node)
    overview = measures_overview(service, node.id)
    export_overview(overview, args.out, service.db.path)
    count = len(overview.rows)
    print(ngettext("Wrote the overview of {count} measure under “{title}” to {path}.",
                   "Wrote the overview of {count} measures under “{title}” to {path}.", count)
          .format(count=count, title=node.title, path=args.out))  # fmt: skip
    return 0


# Under ``python -m register.cli`` this module is ``__main__``: let the meeting commands register with it.
sys.modules.setdefault("register.cli", sys.modules[__name__])
from register import meeting_cli  # noqa: E402, F401 - registers the meeting subcommands


def _nested_common(parser: argparse.ArgumentParser) -> None:
    """``--db``, ``--user`` and ``--debug`` after a nested action too, without hiding them when given before it."""
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=_("the shared register's URL"))
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_("show an error's traceback"))


def _roles_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="roles_action", metavar=_("ACTION"), required=True, parser_class=_Parser)
    grant = actions.add_parser("grant", help=_("give a login a role (replacing its other role)"))
    _nested_common(grant)
    grant.add_argument("login", metavar=_("LOGIN"), help=_("the person's PostgreSQL login"))
    grant.add_argument("role", metavar=_("ROLE"), choices=ROLES, help=" | ".join(ROLES))
    grant.add_argument("--person", metavar=_("NAME"), default="",
                       help=_("a project lead's name as written in the projects' lead field"))  # fmt: skip
    revoke = actions.add_parser("revoke", help=_("take a login's role away"))
    _nested_common(revoke)
    revoke.add_argument("login", metavar=_("LOGIN"))
    listing = actions.add_parser("list", help=_("list the logins with a role (login, role, person)"))
    _nested_common(listing)


@command("roles", N_("who may do what in a shared (PostgreSQL) register: grant, revoke, list"), _roles_arguments)
def _roles(args: argparse.Namespace) -> int:
    from register import roles
    from register.credentials import open_shared
    from register.errors import ValidationError
    from register.storage import is_url

    if not args.db or not is_url(args.db):
        raise ValidationError(
            _("A register file has no roles: it has one user at a time. Roles exist only in a shared register.")
        )
    database = open_shared(args.db)
    try:
        if args.roles_action == "grant":
            member = roles.grant(database, args.login, args.role, args.person)
            if member.person:
                message = _("{login} is now {role} (lead name '{person}').")
            else:
                message = _("{login} is now {role}.")
            print(message.format(login=member.login, role=member.role, person=member.person))
        elif args.roles_action == "revoke":
            roles.revoke(database, args.login)
            print(_("{login} has no role in the register any more.").format(login=args.login.strip()))
        else:
            rows = [(_("LOGIN"), _("ROLE"), _("PERSON"))] + [
                (m.login, m.role, m.person) for m in roles.members(database)
            ]
            widths = [max(len(row[column]) for row in rows) for column in range(2)]
            for login, role, person in rows:
                print(f"{login:<{widths[0]}}  {role:<{widths[1]}}  {person}".rstrip())
    finally:
        database.close()
    return 0


# --------------------------------------------------------------------------- entry point


GuiLauncher = Callable[[argparse.Namespace], int]
#: The desktop app's options: a command line of only these starts the window without building the subcommands.
_GUI_FLAGS = ("--debug", "--sample")
_GUI_VALUES = ("--db", "--user")


def starts_the_window_only(arguments: Sequence[str]) -> bool:
    """True when ``arguments`` hold only the desktop app's options, written in full: no subcommand, no help or
    version, nothing argparse would have to complete or refuse (those take the whole command line's parser)."""
    tokens = iter(arguments)
    for token in tokens:
        if token in _GUI_VALUES:
            if next(tokens, None) is None:
                return False
        elif token not in _GUI_FLAGS and not token.startswith(tuple(f"{name}=" for name in _GUI_VALUES)):
            return False
    return True


def main(argv: Sequence[str] | None = None, start_gui: GuiLauncher | None = None) -> int:
    """Run a subcommand, or (with none) the desktop app through ``start_gui``.

    The desktop app lives in the Qt package, which passes its launcher in; this module never
    imports Qt itself.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments
    try:
        args = build_parser(subcommands=not starts_the_window_only(arguments)).parse_args(arguments)
        if args.command is None:
            if start_gui is None:
                raise UsageError(_("this entry point runs subcommands only; start the desktop app with the "
                                   "improvement-register command"))  # fmt: skip
            return start_gui(args)
        return int(args.handler(args))
    except UsageError as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except RegisterError as error:
        if debug:
            traceback.print_exc()
        print(_("{program}: error: {message}").format(program=PROGRAM, message=error), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_("{program}: interrupted").format(program=PROGRAM), file=sys.stderr)
        return 130
    except Exception as error:  # a bug: still one line unless --debug
        if debug:
            traceback.print_exc()
        print(_("{program}: internal error: {error} (run with --debug for details)").format(
            program=PROGRAM, error=f"{type(error).__name__}: {error}"), file=sys.stderr)  # fmt: skip
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
