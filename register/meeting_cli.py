"""The ``meeting`` subcommands: ``meeting new``, ``meeting list``, ``meeting close`` (and ``meeting pack``, which
draws with Qt and is registered by :mod:`ui.cli_commands` through :func:`meeting_action`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from register.cli import _common, _Parser, command, open_service
from register.i18n import N_, _, ngettext
from register.validation import format_date

Arguments = Callable[[argparse.ArgumentParser], None]
Handler = Callable[[argparse.Namespace], int]
_ACTIONS: dict[str, tuple[str, Arguments, Handler]] = {}


def meeting_action(name: str, help_text: str, arguments: Arguments) -> Callable[[Handler], Handler]:
    """Register a ``meeting NAME`` subcommand (its arguments and its handler)."""

    def decorate(handler: Handler) -> Handler:
        _ACTIONS[name] = (help_text, arguments, handler)
        return handler

    return decorate


def _meeting_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="meeting_command", metavar=_("ACTION"), parser_class=_Parser, required=True)
    for name, (help_text, arguments, handler) in _ACTIONS.items():
        sub = actions.add_parser(name, help=_(help_text), description=_(help_text))
        _common(sub)
        arguments(sub)
        sub.set_defaults(meeting_handler=handler)


@command("meeting", N_("steering-group meetings: new, list, pack, close"), _meeting_arguments)
def _meeting(args: argparse.Namespace) -> int:
    return int(args.meeting_handler(args))


def meeting_service(args: argparse.Namespace):  # noqa: ANN201 - imported lazily to keep --help fast
    from register.meetings import MeetingService

    return MeetingService(open_service(args))


def _new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", required=True, metavar=_("DD-MM-YYYY"),
                        help=_("the meeting's date (13-04-2026 or 2026-04-13)"))  # fmt: skip
    parser.add_argument("--title", required=True, metavar=_("TEXT"), help=_("the meeting's title"))
    parser.add_argument("--case-number", default="", metavar=_("TEXT"), help=_("the case number (sagsnummer)"))
    parser.add_argument("--location", default="", metavar=_("TEXT"), help=_("where the meeting is held"))


@meeting_action("new", N_("plan a meeting; prints its id"), _new_arguments)
def _new(args: argparse.Namespace) -> int:
    meeting = meeting_service(args).create_meeting(
        date=args.date, title=args.title, case_number=args.case_number, location=args.location
    )
    print(meeting.id)
    return 0


@meeting_action("list", N_("list the meetings, oldest first"), lambda p: None)
def _list(args: argparse.Namespace) -> int:
    from register.meetings import STATE_NAMES

    for meeting in meeting_service(args).list_meetings():
        case = f"  {meeting.case_number}" if meeting.case_number else ""
        print(f"{format_date(meeting.date)}  {_(STATE_NAMES[meeting.state]):<10} {meeting.id}  {meeting.title}{case}")
    return 0


def _which(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", required=True, metavar=_("ID_OR_DATE"), help=_("the meeting's id or date"))


@meeting_action("close", N_("close a meeting and freeze what the steering group saw"), _which)
def _close(args: argparse.Namespace) -> int:
    meetings = meeting_service(args)
    meeting = meetings.find_meeting(args.meeting)
    closed = meetings.close_meeting(meeting.id, meeting.version)
    print(
        _("Closed the meeting '{title}' of {date}; snapshot SHA-256 {digest}.").format(
            title=closed.title, date=format_date(closed.date), digest=meetings.snapshot_hash(closed.id)
        )
    )
    return 0


def pack_written(title: str, path: object, pages: int) -> str:
    """What ``meeting pack`` says when the PDF is written (in the core's catalogue, so it exists in Danish)."""
    text = ngettext("Wrote the pack of '{title}' to {path} ({pages} page).",
                    "Wrote the pack of '{title}' to {path} ({pages} pages).", pages)  # fmt: skip
    return text.format(title=title, path=path, pages=pages)
