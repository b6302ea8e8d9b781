"""Writing output files safely: exports, diagrams and charts.

:func:`check_output_path` refuses a target that must not be replaced (the open register itself, a folder,
a link, a pipe or a device, a folder that does not exist); :func:`write_output` writes into a temporary
file beside the target and renames it over the target only when it is complete, so a crash, a full disk
or a refused write leaves the old file as it was. :func:`output_error` turns an ``OSError`` into a message
a user can act on ("the disk is full", "you may not write in that folder").
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from register.errors import OutputError
from register.i18n import _

#: The files SQLite keeps beside a register while it is open.
REGISTER_COMPANIONS = ("", "-wal", "-shm", "-journal")

#: The permissions of a new output file (an existing file keeps its own).
NEW_FILE_MODE = 0o644

Result = TypeVar("Result")


def _same_file(first: os.stat_result, second: os.stat_result) -> bool:
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def check_output_path(path: Path, register: Path | None = None) -> Path:
    """``path`` as an absolute path when a new file may be written there; raises OutputError otherwise."""
    path = Path(path).expanduser()
    absolute = Path(os.path.abspath(path))
    try:
        found = os.lstat(absolute)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise output_error(error, absolute) from error
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise OutputError(_("{path} is a folder; give the name of a file to write.").format(path=absolute))
        if stat.S_ISLNK(found.st_mode):
            raise OutputError(
                _("{path} is a link to another file; give the file's own name (nothing was written).").format(
                    path=absolute
                )
            )
        if not stat.S_ISREG(found.st_mode):
            raise OutputError(
                _("{path} is not an ordinary file (a pipe, a device or a socket); nothing was written.").format(
                    path=absolute
                )
            )
    if register is not None:
        register = Path(os.path.abspath(register))
        for suffix in REGISTER_COMPANIONS:
            companion = register.with_name(register.name + suffix)
            same_name = absolute == companion
            try:
                same_node = found is not None and _same_file(found, os.stat(companion))
            except OSError:
                same_node = False
            if same_name or same_node:
                raise OutputError(
                    _("{path} is the open register itself; choose another file name (nothing was written).").format(
                        path=absolute
                    )
                )
    folder = absolute.parent
    if not folder.is_dir():
        raise OutputError(_("The folder {folder} does not exist; nothing was written.").format(folder=folder))
    return absolute


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, in the user's language (the system's own text is English)."""
    reasons = {
        errno.ENOENT: _("the file does not exist"),
        errno.EISDIR: _("it is a folder, not a file"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.EACCES: _("you may not read or write it"),
        errno.EPERM: _("you may not read or write it"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENOSPC: _("the disk is full"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.EIO: _("the disk reported a read or write error"),
    }
    return reasons.get(error.errno, error.strerror or str(error))


def output_error(error: OSError, path: Path) -> OutputError:
    """A message a user can act on for a failed write of ``path``."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(
            _(
                "The disk is full: {path} was not written (an existing file is unchanged). "
                "Free some space and try again."
            ).format(path=path)
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(
            _("You may not write {path}: the folder or the file is read-only. Choose another place.").format(path=path)
        )
    if error.errno == errno.ENAMETOOLONG:
        return OutputError(_("The file name {path} is too long; choose a shorter one.").format(path=path))
    return OutputError(
        _("{path} could not be written: {reason}. An existing file is unchanged.").format(
            path=path, reason=os_reason(error)
        )
    )


def write_output(path: Path, write: Callable[[Path], Result], register: Path | None = None) -> Result:
    """Call ``write`` with a temporary file beside ``path``; rename it over ``path`` once ``write`` has finished.

    The temporary file keeps the target's suffix (writers choose the format by it). On any failure it is
    removed and the target is left as it was. Returns what ``write`` returns.
    """
    target = check_output_path(path, register)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".partial{target.suffix}", dir=target.parent)
    except OSError as error:
        raise output_error(error, target) from error
    os.close(handle)
    temporary = Path(name)
    try:
        os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode) if target.exists() else NEW_FILE_MODE)
        result = write(temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        check_output_path(target, register)  # still safe to replace (nobody put a link or a folder there meanwhile)
        os.replace(temporary, target)
    except OSError as error:
        raise output_error(error, target) from error
    finally:
        temporary.unlink(missing_ok=True)
    return result
