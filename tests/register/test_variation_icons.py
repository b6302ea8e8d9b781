"""NHS Making Data Count icons: every code spc computes has an icon, drawn in the NHS colours and letters,
as vector patches in a Figure and as PNG bytes; names in English and Danish; Anhøj readings mapped."""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.patches import Circle
from pypdf import PdfReader

from register import i18n, spc
from register import variation_icons as icons

STEADY = [10.2, 9.8, 10.1, 9.9, 10.3, 9.7, 10.0, 10.2, 9.8, 10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 9.9, 10.0, 10.1]


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255


def test_the_codes_spc_computes_all_have_icons() -> None:
    seen_variation, seen_assurance = set(), set()
    for improvement in ("up", "down", None):
        for tail in ([], [14.0], [6.0], [10.6, 10.8, 11.0, 11.2, 11.4, 11.6, 11.8]):
            for target in (5.0, 10.0, 15.0):
                result = spc.analyze(STEADY + tail, "i", rules="mdc", improvement=improvement, target=target)
                seen_variation.add(result.variation_icon)
                if result.assurance is not None:
                    seen_assurance.add(result.assurance)
    assert seen_variation == set(icons.VARIATION_ICONS)
    assert seen_assurance == set(icons.ASSURANCE_ICONS)


@pytest.mark.parametrize(
    ("kind", "improvement", "side", "expected"),
    [
        ("improvement", "up", 1, "improvement_high"),
        ("improvement", "down", -1, "improvement_low"),
        ("worsening", "up", -1, "concern_low"),
        ("worsening", "down", 1, "concern_high"),
        ("signal", None, 1, "neutral_high"),
        ("signal", None, -1, "neutral_low"),
        ("signal", None, 0, "neutral_high"),
        ("no_signal", "up", 0, "common_cause"),
        ("no_signal", None, 0, "common_cause"),
        ("too_little", "up", 0, None),
    ],
)
def test_anhoej_readings_map_to_the_same_icons(kind: str, improvement: str | None, side: int, expected: str | None):
    assert icons.anhoej_icon(kind, improvement, side) == expected


def test_unknown_codes_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="Unknown icon 'sideways'"):
        icons.icon_png("sideways")
    with pytest.raises(ValueError, match="Unknown chart reading"):
        icons.anhoej_icon("maybe", "up")
    with pytest.raises(ValueError, match="4 to 2048 pixels"):
        icons.icon_png("common_cause", 2)


def test_names_and_descriptions_exist_in_english_and_danish() -> None:
    english = {code: (icons.icon_name(code), icons.icon_description(code)) for code in icons.ICONS}
    try:
        i18n.set_language("da")
        danish = {code: (icons.icon_name(code), icons.icon_description(code)) for code in icons.ICONS}
        too_little = i18n._(icons.TOO_LITTLE_DATA)
    finally:
        i18n.set_language("en")
    assert english["consistent_pass"] == (
        "Consistently passes the target",
        "The process limits lie on the right side of the target: the process will meet it every time.",
    )
    assert danish["common_cause"][0] == "Almindelig variation"
    assert danish["inconsistent"][1].startswith("Målværdien ligger mellem procesgrænserne")
    assert too_little == "For få data"
    for code in icons.ICONS:
        assert danish[code][0] != english[code][0] and danish[code][1] != english[code][1], code
    assert len({name for name, _ in danish.values()}) == len(icons.ICONS)


@pytest.mark.parametrize("code", icons.ICONS)
def test_png_has_the_size_the_colour_and_a_transparent_background(code: str) -> None:
    data = icons.icon_png(code, 48)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (48, 48)
    pixels = imread(io.BytesIO(data))
    assert pixels.shape == (48, 48, 4)
    assert pixels[0, 0, 3] == 0 and pixels[-1, -1, 3] == 0, "corners outside the circle are transparent"
    ring = pixels[24, 1:4]  # the left edge of the ring, on the horizontal middle line
    opaque = ring[ring[:, 3] > 0.9]
    assert len(opaque) and np.abs(opaque[:, :3] - _rgb(icons.icon_colour(code))).max(axis=1).min() < 0.03
    assert pixels[24, 24, 3] > 0.9, "the inside of the circle is filled (white behind the series)"


def _points(code: str) -> tuple[list[float], list[float]]:
    """Heights of the icon's series points: (in the icon's colour, in grey), left to right."""
    figure = Figure()
    axes = icons.draw_icon(figure.add_axes((0, 0, 1, 1)), code)
    colour = _rgb(icons.icon_colour(code))
    dots = sorted((patch for patch in axes.patches if isinstance(patch, Circle) and patch.radius < 0.5),
                  key=lambda patch: patch.center[0])  # fmt: skip
    coloured = [dot.center[1] for dot in dots if np.allclose(dot.get_facecolor()[:3], colour)]
    grey = [dot.center[1] for dot in dots if np.allclose(dot.get_facecolor()[:3], _rgb(icons.LIGHT_GREY))]
    return coloured, grey


def test_high_icons_end_with_points_rising_above_the_rest_low_icons_falling_below() -> None:
    for family in ("improvement", "concern", "neutral"):
        high, before_high = _points(f"{family}_high")
        low, before_low = _points(f"{family}_low")
        assert len(high) == len(low) == 3 and len(before_high) == len(before_low) == 4
        assert high == sorted(high) and min(high) > max(before_high)
        assert low == sorted(low, reverse=True) and max(low) < min(before_low)
    common, _ = _points("common_cause")
    assert len(common) == 7 and max(common) - min(common) < 0.3


def test_icons_in_a_pdf_are_vectors_not_images(tmp_path) -> None:
    figure = Figure(figsize=(4, 1))
    for index, code in enumerate(icons.ICONS[:4]):
        icons.add_icon(figure, code, (index / 4, 0, 0.25, 1))
    axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
    icons.inset_icon(axes, "consistent_pass", (0.8, 0.7, 0.2, 0.3))
    FigureCanvasAgg(figure)
    path = tmp_path / "icons.pdf"
    figure.savefig(path)
    page = PdfReader(path).pages[0]
    resources = page["/Resources"]
    images = [
        name for name, obj in (resources.get("/XObject") or {}).items() if obj.get_object()["/Subtype"] == "/Image"
    ]
    assert images == []
    assert len(page.get_contents().get_data()) > 2000


def test_icons_placed_among_other_artists_keep_their_place_and_size() -> None:
    figure = Figure(figsize=(4, 2))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 4)
    axes.set_ylim(0, 2)
    single = icons.place_icon(axes, "concern_high", (1.0, 1.0), 0.5)
    many = icons.icons_collection([("common_cause", (3.0, 0.5), 1.0), ("consistent_fail", (3.0, 1.5), 0.4)])
    assert axes.get_xlim() == (0, 4) and axes.get_ylim() == (0, 2), "placing icons does not rescale the Axes"
    for collection, (x0, y0, x1, y1) in ((single, (0.75, 0.75, 1.25, 1.25)),
                                         (many, (2.5, 0.0, 3.5, 1.7))):  # fmt: skip
        points = np.concatenate([path.vertices for path in collection.get_paths()])
        assert points[:, 0].min() >= x0 - 1e-9 and points[:, 0].max() <= x1 + 1e-9
        assert points[:, 1].min() >= y0 - 1e-9 and points[:, 1].max() <= y1 + 1e-9
    colours = {tuple(np.round(colour[:3], 3)) for colour in single.get_facecolor()}
    assert tuple(np.round(_rgb(icons.ORANGE), 3)) in colours
    with pytest.raises(ValueError, match="Unknown icon"):
        icons.place_icon(axes, "nothing", (0, 0), 1)
