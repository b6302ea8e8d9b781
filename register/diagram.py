"""Layout of the driver diagram: boxes in four columns, connector lines and cross-links.

Pure Python (no Qt): the positions and sizes of boxes, their wrapped text and the routes of lines,
in points (1/72 inch). The window and the exporters paint a :class:`DiagramLayout`; tests check it
without a window. Text is measured by a function the caller passes (Qt's font metrics in the app,
an approximation in tests), so the layout is deterministic for a given register and measurer.

Reading left to right: goal | primary drivers | secondary drivers | projects. A project directly
under a primary driver sits in the projects column. Children are stacked next to their parent; a
parent is centred on its children. Tree lines are orthogonal with their vertical runs in the gap
between columns; cross-links run in lanes of their own and cross a column only through a free gap
between boxes, so no line passes through a box.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from register.records import NodeRecord
from register.tree_index import TreeIndex

#: width(text, font size in points, bold) -> width in points.
Measurer = Callable[[str, float, bool], float]
Point = tuple[float, float]

COLUMNS = ("goal", "primary", "secondary", "project")
COLUMN_OF = {"goal": 0, "primary": 1, "secondary": 2, "project": 3}


def approximate_measurer(text: str, size: float, bold: bool) -> float:
    """A font-free estimate (average glyph width of a sans-serif face): for tests and headless checks."""
    return len(text) * size * (0.58 if bold else 0.54)


@dataclass(frozen=True)
class Style:
    """Sizes in points."""

    box_widths: tuple[float, float, float, float] = (150.0, 165.0, 175.0, 190.0)
    column_gap: float = 54.0
    padding: float = 5.0
    sibling_gap: float = 7.0
    group_gap: float = 14.0
    goal_gap: float = 36.0
    header_height: float = 22.0
    font_sizes: tuple[float, ...] = (9.0, 8.0, 7.0, 6.5, 6.0)
    goal_font_sizes: tuple[float, ...] = (11.0, 10.0, 9.0, 8.0, 7.0, 6.0)
    detail_font_size: float = 6.5
    max_lines: int = 5
    line_spacing: float = 1.22
    rag_band: float = 11.0
    header_font_size: float = 10.0
    #: The evidence badge (✓, !, ~, –, …) is a circle of this diameter centred just inside a box's top-right
    #: corner, so half of it stands out to the right: the layout keeps room for it (see ``badge_overhang``).
    badge_size: float = 10.0

    @property
    def badge_overhang(self) -> float:
        """How far a badge reaches beyond its box to the right and above (plus a hairline for its outline)."""
        return self.badge_size / 2 + 1.0


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    font_size: float
    bold: bool = False

    def height(self, spacing: float) -> float:
        return len(self.lines) * self.font_size * spacing


@dataclass(frozen=True)
class Box:
    node_id: str
    kind: str
    column: int
    x: float
    y: float
    width: float
    height: float
    title: TextBlock
    detail: TextBlock | None = None
    rag: str | None = None
    stage: str | None = None

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def centre_y(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Connector:
    """A tree line from a parent's right edge to a child's left edge."""

    parent_id: str
    child_id: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class CrossLinkRoute:
    """A cross-link from its source's left edge to its target driver's right edge."""

    link_id: str
    source_id: str
    target_id: str
    strength: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Header:
    column: int
    text: str
    x: float
    y: float
    width: float


@dataclass
class DiagramLayout:
    boxes: dict[str, Box] = field(default_factory=dict)
    connectors: list[Connector] = field(default_factory=list)
    cross_links: list[CrossLinkRoute] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)
    goal_ids: list[str] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    style: Style = field(default_factory=Style)

    @property
    def smallest_font(self) -> float:
        sizes = [box.title.font_size for box in self.boxes.values()]
        sizes += [box.detail.font_size for box in self.boxes.values() if box.detail is not None]
        return min(sizes, default=self.style.font_sizes[0])


# --------------------------------------------------------------------------- text


def wrap(text: str, width: float, size: float, bold: bool, measure: Measurer) -> list[str]:
    """Greedy word wrap; a word longer than the width is broken by characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if measure(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while measure(word, size, bold) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and measure(word[:cut], size, bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def fit_text(text: str, width: float, sizes: Iterable[float], max_lines: int, bold: bool,
             measure: Measurer) -> TextBlock:  # fmt: skip
    """Wrap at the largest size that fits in ``max_lines``; only at the smallest size truncate (with …)."""
    sizes = tuple(sizes)
    for size in sizes:
        lines = wrap(text, width, size, bold, measure)
        if len(lines) <= max_lines:
            return TextBlock(tuple(lines), size, bold)
    size = sizes[-1]
    lines = wrap(text, width, size, bold, measure)[:max_lines]
    last = lines[-1]
    while last and measure(last + "…", size, bold) > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return TextBlock(tuple(lines), size, bold)


# --------------------------------------------------------------------------- layout


class _Builder:
    def __init__(self, tree: TreeIndex, measure: Measurer, style: Style, detail: Callable[[NodeRecord], str]) -> None:
        self.tree = tree
        self.measure = measure
        self.style = style
        self.detail = detail
        s = style
        self.column_x = []
        x = 0.0
        for width in s.box_widths:
            self.column_x.append(x)
            x += width + s.column_gap
        self.total_width = x - s.column_gap
        self.sizes: dict[str, tuple[TextBlock, TextBlock | None, float]] = {}

    def measure_box(self, node: NodeRecord) -> tuple[TextBlock, TextBlock | None, float]:
        s = self.style
        column = COLUMN_OF[node.kind]
        inner = s.box_widths[column] - 2 * s.padding - (s.rag_band if node.kind == "project" else 0)
        sizes = s.goal_font_sizes if node.kind == "goal" else s.font_sizes
        title = fit_text(node.title, inner, sizes, s.max_lines, node.kind in ("goal", "primary"), self.measure)
        detail = None
        height = title.height(s.line_spacing) + 2 * s.padding
        if node.kind == "project":
            text = self.detail(node)
            if text:
                detail = fit_text(text, inner, (s.detail_font_size,), 2, False, self.measure)
                height += detail.height(s.line_spacing) + 2
        return title, detail, max(height, 24.0)

    def box_height(self, node_id: str) -> float:
        if node_id not in self.sizes:
            self.sizes[node_id] = self.measure_box(self.tree.nodes[node_id])
        return self.sizes[node_id][2]

    def subtree_height(self, node_id: str, memo: dict[str, float]) -> float:
        if node_id in memo:
            return memo[node_id]
        children = self.tree.child_ids(node_id)
        gap = self.style.sibling_gap if all(not self.tree.child_ids(c) for c in children) else self.style.group_gap
        stacked = sum(self.subtree_height(child, memo) for child in children) + gap * max(0, len(children) - 1)
        memo[node_id] = max(self.box_height(node_id), stacked)
        return memo[node_id]

    def place(self, node_id: str, top: float, memo: dict[str, float], layout: DiagramLayout) -> None:
        """Place a subtree in the band that starts at ``top``; the parent is centred on its children."""
        node = self.tree.nodes[node_id]
        children = self.tree.child_ids(node_id)
        band = memo[node_id]
        height = self.box_height(node_id)
        gap = self.style.sibling_gap if all(not self.tree.child_ids(c) for c in children) else self.style.group_gap
        stacked = sum(memo[c] for c in children) + gap * max(0, len(children) - 1) if children else 0.0
        child_top = top + (band - stacked) / 2
        child_boxes = []
        for child in children:
            self.place(child, child_top, memo, layout)
            child_boxes.append(layout.boxes[child])
            child_top += memo[child] + gap
        if child_boxes:
            centre = (child_boxes[0].centre_y + child_boxes[-1].centre_y) / 2
            y = min(max(centre - height / 2, top), top + band - height)
        else:
            y = top + (band - height) / 2
        column = COLUMN_OF[node.kind]
        title, detail, _ = self.sizes[node_id]
        status = self.tree.latest_status.get(node_id)
        layout.boxes[node_id] = Box(
            node_id, node.kind, column, self.column_x[column], y, self.style.box_widths[column], height, title, detail,
            status.rag if status else None, node.stage,
        )  # fmt: skip

    def connect(self, layout: DiagramLayout) -> None:
        gap = self.style.column_gap
        for box in layout.boxes.values():
            parent_id = self.tree.nodes[box.node_id].parent_id
            if parent_id is None or parent_id not in layout.boxes:
                continue
            parent = layout.boxes[parent_id]
            bus = parent.right + gap / 2
            y1, y2 = parent.centre_y, box.centre_y
            points = [(parent.right, y1), (bus, y1), (bus, y2), (box.x, y2)]
            layout.connectors.append(Connector(parent_id, box.node_id, tuple(_dedupe(points))))

    def route_links(self, layout: DiagramLayout) -> None:
        gap = self.style.column_gap
        shown = [link for link in self.tree.links.values() if {link.source_id, link.target_id} <= layout.boxes.keys()]
        links = sorted(shown, key=lambda link: (layout.boxes[link.source_id].y, link.id))
        per_column: dict[int, list[str]] = {}
        for link in links:
            per_column.setdefault(layout.boxes[link.source_id].column, []).append(link.id)
        for link in links:
            source, target = layout.boxes[link.source_id], layout.boxes[link.target_id]
            # Each link of a column gets its own lane in the part of the gap nearest the source (8-42% of the gap
            # from it), clear of the tree's buses in the middle; the lane mirrored near the target for long links.
            siblings = per_column[source.column]
            share = (siblings.index(link.id) + 0.5) / len(siblings)
            offset = gap * (0.08 + 0.34 * share)
            source_lane = source.x - offset
            target_lane = target.right + gap - offset
            sy = source.centre_y + min(6.0, source.height / 4)  # below the tree line entering the box
            ty = target.centre_y + min(6.0, target.height / 4)
            points: list[Point] = [(source.x, sy), (source_lane, sy)]
            if source.column - target.column > 1:
                crossing = self.free_y(layout, range(target.column + 1, source.column), (sy + ty) / 2)
                points += [(source_lane, crossing), (target_lane, crossing)]
            points += [(target_lane, points[-1][1]), (target_lane, ty), (target.right, ty)]
            layout.cross_links.append(
                CrossLinkRoute(link.id, link.source_id, link.target_id, link.strength, tuple(_dedupe(points)))
            )

    def free_y(self, layout: DiagramLayout, columns: range, wanted: float) -> float:
        """A y, nearest to ``wanted``, at which a horizontal line crosses the columns without touching a box."""
        spans = sorted((box.y, box.bottom) for box in layout.boxes.values() if box.column in columns)
        candidates = [spans[0][0] - self.style.sibling_gap / 2] if spans else [wanted]
        for (_, bottom), (top, _) in itertools.pairwise(spans):
            if top - bottom >= 2:
                candidates.append((bottom + top) / 2)
        if spans:
            candidates.append(spans[-1][1] + self.style.sibling_gap / 2)
        return min(candidates, key=lambda y: (abs(y - wanted), y))


def _dedupe(points: list[Point]) -> list[Point]:
    result: list[Point] = []
    for point in points:
        if not result or point != result[-1]:
            result.append(point)
    return result


def default_detail(node: NodeRecord) -> str:
    """The small line under a project's title: stage and lead."""
    return " · ".join(part for part in (node.stage, node.lead) if part)


def layout_diagram(
    tree: TreeIndex,
    goal_ids: list[str] | None = None,
    *,
    measure: Measurer = approximate_measurer,
    headers: tuple[str, str, str, str] = ("Goal", "Primary drivers", "Secondary drivers", "Projects"),
    detail: Callable[[NodeRecord], str] | None = None,
    style: Style | None = None,
) -> DiagramLayout:
    """Lay out the diagram of the given goals (all goals, stacked, when None)."""
    style = style or Style()
    builder = _Builder(
        tree, measure, style, detail or (lambda node: " · ".join(p for p in (node.stage, node.lead) if p))
    )
    goals = [goal for goal in (goal_ids if goal_ids is not None else tree.child_ids(None)) if goal in tree.nodes]
    layout = DiagramLayout(goal_ids=goals, style=style)
    layout.headers = [
        Header(column, text, builder.column_x[column], 0.0, style.box_widths[column])
        for column, text in enumerate(headers)
    ]
    memo: dict[str, float] = {}
    top = style.header_height + 8
    for goal_id in goals:
        builder.subtree_height(goal_id, memo)
        builder.place(goal_id, top, memo, layout)
        top += memo[goal_id] + style.goal_gap
    builder.connect(layout)
    builder.route_links(layout)
    layout.width = builder.total_width + style.badge_overhang  # the projects' badges stand out to the right
    bottoms = [box.bottom for box in layout.boxes.values()]
    bottoms += [point[1] for route in layout.cross_links for point in route.points]
    layout.height = max(bottoms, default=top) + 4
    return layout


def segments_crossing_boxes(layout: DiagramLayout, margin: float = 0.5) -> list[tuple[str, str]]:
    """(line, box) pairs where a line passes through a box's inside; empty for a good layout (tests use it)."""
    problems = []
    routes = [(f"tree:{c.parent_id}->{c.child_id}", c.points) for c in layout.connectors]
    routes += [(f"link:{r.link_id}", r.points) for r in layout.cross_links]
    for name, points in routes:
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            for box in layout.boxes.values():
                left, right = box.x + margin, box.right - margin
                top, bottom = box.y + margin, box.bottom - margin
                if x1 == x2:  # vertical
                    hit = left < x1 < right and max(min(y1, y2), top) < min(max(y1, y2), bottom)
                else:  # horizontal
                    hit = top < y1 < bottom and max(min(x1, x2), left) < min(max(x1, x2), right)
                if hit:
                    problems.append((name, box.node_id))
    return problems
