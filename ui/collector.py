"""When Python's garbage collector goes over everything: while a register opens, not while the user types.

A full (generation-2) pass of the collector looks at every object the process holds: with a 3,000-project register
open, about 150,000 (the window's modules and widgets, the register's tree, the tree's rows, the evidence), which
took 60-150 ms on a 2-core machine; the keystroke it fell in (or that waited for a thread it fell in) waited as long.
CPython starts one when the objects that survived since the last one reach a quarter of those kept then, and
opening a register makes some 70,000, so a pass came in the first seconds after each register opened, when the
user types into the tree filter. So, once the register is shown:

- the first register opened: everything alive is frozen (``gc.freeze``: full passes leave it out, at no cost now),
  and a full pass looks only at what was made since, a few thousand objects;
- a register replacing another: everything is unfrozen (the register replaced must be freed; a frozen object
  caught in a reference cycle never is) and collected at once, while the user waits for the register to open;
  the next full pass then waits for as many new objects as a quarter of all those kept, which typing never makes.
"""

from __future__ import annotations

import gc


def after_opening(*, replacing: bool) -> None:
    """A register was just shown, replacing another one or not (see the module's text)."""
    if replacing:
        gc.unfreeze()
        gc.collect()
    else:
        gc.freeze()
