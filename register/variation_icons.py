"""NHS "Making Data Count" variation and assurance icons, drawn with matplotlib (no Qt).

The icons follow the NHS England conventions (and NHSRplotthedots' colours): a circle in the colour of
what the chart says — grey for common cause, blue for improvement, orange for concern, purple for a
special cause with no direction of improvement — holding a small series whose last points lie high or
low, marked with the letter H or L; assurance icons hold P (consistently passes the target, blue),
F (consistently fails, orange) or ? (hit and miss, grey). The letters are the NHS's own and are kept
in every language, as the icons are read by their shape and colour.

The codes are those :mod:`register.spc` computes (``SpcResult.variation_icon`` and
``SpcResult.assurance``); :func:`anhoej_icon` maps an Anhøj chart's reading onto the same icons.
Every artist is a patch in data units, so an icon looks the same at any size: :func:`draw_icon` fills an
Axes (for charts and PDFs); :func:`add_icon`, :func:`inset_icon` and :func:`place_icon` put one in a Figure,
in an Axes or among other artists of an Axes (:func:`icons_collection`: many at once, as one artist);
:func:`icon_png` renders one to PNG bytes at a pixel size (for the window and spreadsheets).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from register.i18n import N_, _

GREY, BLUE, ORANGE, PURPLE = "#7B7D7D", "#289DE0", "#FAB428", "#361475"
#: The light grey of the earlier points in a special-cause icon.
LIGHT_GREY = "#A6A6A6"

VARIATION_ICONS: tuple[str, ...] = (
    "common_cause",
    "improvement_high",
    "improvement_low",
    "concern_high",
    "concern_low",
    "neutral_high",
    "neutral_low",
)
ASSURANCE_ICONS: tuple[str, ...] = ("consistent_pass", "consistent_fail", "inconsistent")
ICONS: tuple[str, ...] = VARIATION_ICONS + ASSURANCE_ICONS


@dataclass(frozen=True)
class IconStyle:
    """How one icon looks and what it is called (``name`` and ``description`` untranslated)."""

    colour: str
    letter: str
    name: str
    description: str


STYLES: dict[str, IconStyle] = {
    "common_cause": IconStyle(
        GREY, "", N_("Common cause variation"),
        N_("No significant change: the points vary as this process always does."),
    ),
    "improvement_high": IconStyle(
        BLUE, "H", N_("Special cause: improvement (high)"),
        N_("Special cause variation of an improving nature: the measure is significantly higher."),
    ),
    "improvement_low": IconStyle(
        BLUE, "L", N_("Special cause: improvement (low)"),
        N_("Special cause variation of an improving nature: the measure is significantly lower."),
    ),
    "concern_high": IconStyle(
        ORANGE, "H", N_("Special cause: concern (high)"),
        N_("Special cause variation of a concerning nature: the measure is significantly higher."),
    ),
    "concern_low": IconStyle(
        ORANGE, "L", N_("Special cause: concern (low)"),
        N_("Special cause variation of a concerning nature: the measure is significantly lower."),
    ),
    "neutral_high": IconStyle(
        PURPLE, "H", N_("Special cause: neither improvement nor concern (high)"),
        N_("Special cause variation, significantly higher, where no direction of improvement is set."),
    ),
    "neutral_low": IconStyle(
        PURPLE, "L", N_("Special cause: neither improvement nor concern (low)"),
        N_("Special cause variation, significantly lower, where no direction of improvement is set."),
    ),
    "consistent_pass": IconStyle(
        BLUE, "P", N_("Consistently passes the target"),
        N_("The process limits lie on the right side of the target: the process will meet it every time."),
    ),
    "consistent_fail": IconStyle(
        ORANGE, "F", N_("Consistently fails the target"),
        N_(
            "The process limits lie on the wrong side of the target: it will not be met without a change to the "
            "process."
        ),
    ),
    "inconsistent": IconStyle(
        GREY, "?", N_("Hit and miss"),
        N_("The target lies between the process limits: the process will sometimes meet it and sometimes not."),
    ),
}  # fmt: skip

#: The words the overview shows for an Anhøj chart with too few useful points (no icon).
TOO_LITTLE_DATA = N_("Too little data")


def _style(code: str) -> IconStyle:
    try:
        return STYLES[code]
    except KeyError:
        raise ValueError(
            _("Unknown icon {code!r}; choose one of {codes}.").format(code=code, codes=", ".join(ICONS))
        ) from None


def icon_name(code: str) -> str:
    """The icon's name in the language in use."""
    return _(_style(code).name)


def icon_description(code: str) -> str:
    """One sentence on what the icon means, in the language in use."""
    return _(_style(code).description)


def icon_colour(code: str) -> str:
    """The icon's colour as ``#RRGGBB``."""
    return _style(code).colour


def is_special_cause(code: str | None) -> bool:
    """True for the variation icons of a special cause (improvement, concern or neither)."""
    return code in VARIATION_ICONS and code != "common_cause"


def anhoej_icon(kind: str, improvement: str | None, side: int = 0) -> str | None:
    """The variation icon for an Anhøj (runs and sigma) reading, None when there is too little data.

    ``kind`` is a :class:`register.charts.Reading` kind (``improvement``, ``worsening``, ``signal``,
    ``no_signal``, ``too_little``), ``improvement`` the measure's direction (``up``, ``down`` or None) and
    ``side`` where an undirected signal lies (+1 above the centre line, -1 below, 0 unknown: high).
    """
    if kind == "too_little":
        return None
    if kind == "no_signal":
        return "common_cause"
    if kind == "improvement" and improvement in ("up", "down"):
        return "improvement_high" if improvement == "up" else "improvement_low"
    if kind == "worsening" and improvement in ("up", "down"):
        return "concern_low" if improvement == "up" else "concern_high"
    if kind in ("improvement", "worsening", "signal"):
        return "neutral_low" if side < 0 else "neutral_high"
    raise ValueError(_("Unknown chart reading {kind!r}.").format(kind=kind))


# --------------------------------------------------------------------------- drawing

#: The icon lives in the square [-1, 1] x [-1, 1] of its Axes.
_RING_RADIUS, _RING_WIDTH = 0.96, 0.16
_DOT_RADIUS, _LINE_WIDTH = 0.085, 0.05
_SERIES_X = (-0.54, -0.36, -0.18, 0.0, 0.18, 0.36, 0.54)
_COMMON_Y = (0.0, 0.1, -0.08, 0.06, -0.1, 0.08, -0.02)
#: A special cause high: four grey points, then three coloured ones climbing (mirrored for low).
_HIGH_Y = (-0.42, -0.34, -0.44, -0.36, -0.16, -0.02, 0.1)


def _segment(start: tuple[float, float], end: tuple[float, float], width: float, colour: str) -> Any:
    """A line from ``start`` to ``end`` as a filled quadrilateral ``width`` wide (scales with the icon)."""
    import numpy as np
    from matplotlib.patches import Polygon

    a, b = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    direction = b - a
    normal = np.array([-direction[1], direction[0]]) / max(float(np.hypot(*direction)), 1e-12) * width / 2
    return Polygon([a + normal, b + normal, b - normal, a - normal], closed=True, facecolor=colour, edgecolor="none")


@lru_cache(maxsize=64)
def _letter_path(letter: str, centre: tuple[float, float], height: float) -> Any:
    """The outline of ``letter``, ``height`` tall, centred on ``centre`` (made once per letter and place)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath
    from matplotlib.transforms import Affine2D

    path = TextPath((0, 0), letter, size=1, prop=FontProperties(family="DejaVu Sans", weight="bold"))
    box = path.get_extents()
    scale = height / max(box.height, 1e-9)
    transform = (Affine2D().translate(-(box.x0 + box.width / 2), -(box.y0 + box.height / 2))
                 .scale(scale).translate(*centre))  # fmt: skip
    return transform.transform_path(path)


def _letter(letter: str, centre: tuple[float, float], height: float, colour: str) -> Any:
    """``letter`` as a filled outline ``height`` tall centred on ``centre`` (a path, so it scales and prints)."""
    from matplotlib.patches import PathPatch

    return PathPatch(_letter_path(letter, centre, height), facecolor=colour, edgecolor="none")


def _series(ys: Sequence[float], colours: Sequence[str]) -> list[Any]:
    """A small run chart: points joined by lines, each segment in the colour of the point it leads to."""
    from matplotlib.patches import Circle

    points = list(zip(_SERIES_X, ys, strict=True))
    patches = [_segment(start, end, _LINE_WIDTH, colour)
               for (start, end), colour in zip(pairwise(points), colours[1:], strict=True)]  # fmt: skip
    patches += [Circle((x, y), _DOT_RADIUS, facecolor=colour, edgecolor="none")
                for (x, y), colour in zip(points, colours, strict=True)]  # fmt: skip
    return patches


def icon_patches(code: str) -> list[Any]:
    """The patches of icon ``code`` in the square [-1, 1] x [-1, 1], bottom first."""
    from matplotlib.patches import Circle, Rectangle, Wedge

    style = _style(code)
    patches: list[Any] = [
        Circle((0, 0), _RING_RADIUS, facecolor="white", edgecolor="none"),
        Wedge((0, 0), _RING_RADIUS, 0, 360, width=_RING_WIDTH, facecolor=style.colour, edgecolor="none"),
    ]
    if code == "common_cause":
        patches += _series(_COMMON_Y, [GREY] * len(_COMMON_Y))
    elif code in VARIATION_ICONS:
        high = code.endswith("_high")
        ys = _HIGH_Y if high else tuple(-y for y in _HIGH_Y)
        patches += _series(ys, [LIGHT_GREY] * 4 + [style.colour] * 3)
        patches.append(_letter(style.letter, (0.0, 0.42 if high else -0.42), 0.42, style.colour))
    else:
        # Assurance: the letter above a grey band of process limits and the (dashed) target line.
        patches.append(_letter(style.letter, (0.0, 0.24), 0.66, style.colour))
        band_y = {"consistent_pass": -0.38, "consistent_fail": -0.62, "inconsistent": -0.5}[code]
        patches.append(Rectangle((-0.56, band_y - 0.1), 1.12, 0.2, facecolor="#D9D9D9", edgecolor="none"))
        target_y = -0.62 if code == "consistent_pass" else -0.38 if code == "consistent_fail" else -0.5
        patches += [Rectangle((x, target_y - 0.035), 0.22, 0.07, facecolor="#D43C3C", edgecolor="none")
                    for x in (-0.56, -0.26, 0.04, 0.34)]  # fmt: skip
    return patches


def draw_icon(axes: Any, code: str) -> Any:
    """Draw icon ``code`` filling ``axes`` (equal aspect, no frame or ticks); returns ``axes``."""
    axes.set_xlim(-1, 1)
    axes.set_ylim(-1, 1)
    axes.set_aspect("equal", adjustable="box")
    axes.set_axis_off()
    for patch in icon_patches(code):
        axes.add_patch(patch)
    return axes


@lru_cache(maxsize=32)
def _icon_paths(code: str) -> tuple[tuple[Any, ...], tuple[str, ...]]:
    """Icon ``code`` as filled paths in the square [-1, 1] x [-1, 1] with their colours, bottom first."""
    from matplotlib.colors import to_hex

    patches = icon_patches(code)
    paths = tuple(patch.get_patch_transform().transform_path(patch.get_path()) for patch in patches)
    return paths, tuple(to_hex(patch.get_facecolor(), keep_alpha=False) for patch in patches)


def icons_collection(placements: Sequence[tuple[str, tuple[float, float], float]]) -> Any:
    """Many icons as one ``PathCollection`` in data coordinates: (code, centre, size) each.

    One artist instead of twenty per icon keeps a page with many icons quick to draw and to save.
    """
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import Affine2D

    paths: list[Any] = []
    colours: list[str] = []
    for code, centre, size in placements:
        icon_paths, icon_colours = _icon_paths(code)
        transform = Affine2D().scale(size / 2).translate(*centre)
        paths += [transform.transform_path(path) for path in icon_paths]
        colours += icon_colours
    return PathCollection(paths, facecolors=colours, edgecolors="none", linewidths=0)


def place_icon(axes: Any, code: str, centre: tuple[float, float], size: float) -> Any:
    """Draw icon ``code`` into ``axes`` at ``centre`` (data coordinates), ``size`` data units wide; returns the
    collection. The Axes' units must be equal in x and y; for many icons use :func:`icons_collection`."""
    _style(code)
    collection = icons_collection([(code, centre, size)])
    axes.add_collection(collection, autolim=False)
    return collection


def add_icon(figure: Any, code: str, rect: Sequence[float]) -> Any:
    """Draw icon ``code`` in a new Axes of ``figure`` at ``rect`` (left, bottom, width, height; figure fraction)."""
    axes = figure.add_axes(list(rect))
    axes.set_zorder(10)
    return draw_icon(axes, code)


def inset_icon(axes: Any, code: str, bounds: Sequence[float]) -> Any:
    """Draw icon ``code`` inside ``axes`` at ``bounds`` (left, bottom, width, height; axes fraction)."""
    inset = axes.inset_axes(list(bounds))
    inset.set_zorder(10)
    return draw_icon(inset, code)


@lru_cache(maxsize=256)
def icon_png(code: str, pixels: int = 32) -> bytes:
    """Icon ``code`` as a square PNG ``pixels`` wide with a transparent background."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    _style(code)
    if not 4 <= pixels <= 2048:
        raise ValueError(_("An icon must be 4 to 2048 pixels wide, not {pixels}.").format(pixels=pixels))
    figure = Figure(figsize=(pixels / 100, pixels / 100), dpi=100)
    figure.patch.set_alpha(0)
    draw_icon(figure.add_axes((0, 0, 1, 1)), code)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, transparent=True)
    return buffer.getvalue()
