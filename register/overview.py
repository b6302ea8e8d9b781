"""The measures overview: every measure under a goal, a driver or a project in one table.

For each live measure of the node and of the nodes under it (by the tree, not by cross-links): where it
sits, its type and chart, the last plotted value and its date, the target, what the chart says — the NHS
Making Data Count variation and assurance icons for MDC measures, the Anhøj (runs and sigma) reading
mapped onto the same variation icons for the others — and the series for a sparkline. Computed from one
read of the register with :mod:`register.charts` and :mod:`register.spc`; no Qt. The window, the PDF
and the spreadsheet show the same texts (:func:`cell_text`) and sort by the same keys (:func:`sort_key`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from register import charts
from register.i18n import N_, _, language
from register.records import AnnotationRecord, MeasureRecord, NodeRecord, ObservationRecord
from register.variation_icons import TOO_LITTLE_DATA, anhoej_icon, icon_name
from register.vocabulary import KIND_NAMES

if TYPE_CHECKING:
    from register.spc import SpcResult

#: The most recent points a sparkline shows.
SPARK_POINTS = 60

COLUMNS: tuple[str, ...] = (
    "measure", "node", "type", "chart", "last_value", "last_date", "target", "variation", "assurance", "trend",
)  # fmt: skip
HEADERS: dict[str, str] = {
    "measure": N_("Measure"),
    "node": N_("Belongs to"),
    "type": N_("Type"),
    "chart": N_("Chart"),
    "last_value": N_("Last value"),
    "last_date": N_("Date"),
    "target": N_("Target"),
    "variation": N_("Variation"),
    "assurance": N_("Assurance"),
    "trend": N_("Trend"),
}
#: Columns whose cells are numbers (right-aligned).
NUMERIC_COLUMNS = frozenset({"last_value", "target"})

TYPE_NAMES = {"outcome": N_("outcome"), "process": N_("process"), "balancing": N_("balancing")}
CHART_NAMES = charts.CHART_NAMES  # one name per chart type, as the charts print them
#: What an Anhøj chart says (the kinds of :data:`register.charts.EVIDENCE_KINDS`).
SIGNAL_NAMES = {
    "improvement": N_("Signal of improvement"),
    "worsening": N_("Signal of worsening"),
    "signal": N_("Non-random variation (no direction set)"),
    "no_signal": N_("No signal"),
    "too_little": TOO_LITTLE_DATA,
}
#: Sorting the variation column puts what needs attention first.
SIGNAL_ORDER = ("worsening", "improvement", "signal", "no_signal", "too_little")
_PERCENT_CHARTS = frozenset({"p", "pp"})


@dataclass(frozen=True)
class OverviewRow:
    """One measure in the overview."""

    measure: MeasureRecord
    node: NodeRecord
    #: The number of plotted points (subgroups for xbar/s charts).
    points: int
    last_value: float | None
    last_date: date | None
    #: The last :data:`SPARK_POINTS` plotted values (NaN for a gap) and the latest centre line.
    spark: tuple[float, ...]
    spark_centre: float | None
    #: What the chart says: one of :data:`SIGNAL_ORDER`.
    signal: str
    #: A variation icon code of :mod:`register.variation_icons` (None: too little data to read).
    variation: str | None
    #: An assurance icon code (MDC measures with a target and a direction only).
    assurance: str | None
    #: The chart's reading in a sentence (from :func:`register.charts.read_chart`).
    reading: str

    @property
    def uses_mdc(self) -> bool:
        return self.measure.rules == "mdc"


@dataclass(frozen=True)
class Overview:
    """The overview of one node: the register's title, the node, when it was made, and the rows."""

    register_title: str
    node: NodeRecord
    made: date
    rows: tuple[OverviewRow, ...]


def _latest_signal_side(result: SpcResult) -> int:
    """Where the latest phase's signal lies: +1 above the centre line, -1 below, 0 both or unknown."""
    import numpy as np

    phase = result.latest_phase
    if phase.runs_signal and phase.runs_signal_side:
        return phase.runs_signal_side
    part = slice(phase.start, phase.stop)
    with np.errstate(invalid="ignore"):
        high = bool((result.sigma_signal[part] & (result.y[part] > result.ucl[part])).any())
        low = bool((result.sigma_signal[part] & (result.y[part] < result.lcl[part])).any())
    return 1 if high and not low else -1 if low and not high else 0


def _mdc_signal(variation: str | None) -> str:
    if variation is None:
        return "too_little"
    if variation == "common_cause":
        return "no_signal"
    return {"improvement": "improvement", "concern": "worsening"}.get(variation.split("_")[0], "signal")


def overview_row(
    measure: MeasureRecord,
    node: NodeRecord,
    observations: Sequence[ObservationRecord],
    annotations: Sequence[AnnotationRecord] = (),
) -> OverviewRow:
    """One measure's row, from its data as its chart draws them."""
    data = charts.chart_data(measure, observations, annotations)
    reading = charts.read_chart(data)
    result = data.result
    last_value = last_date = centre = None
    spark: tuple[float, ...] = ()
    points = len(data.dates)
    if result is not None:
        values = [float(v) for v in result.y]
        spark = tuple(values[-SPARK_POINTS:])
        present = [index for index, value in enumerate(values) if not math.isnan(value)]
        if present:
            last_value, last_date = values[present[-1]], data.dates[present[-1]]
        cl = float(result.cl[-1])
        centre = cl if math.isfinite(cl) else None
    elif observations:
        ordered = sorted(observations, key=lambda o: (o.date, o.id))
        last_value, last_date = ordered[-1].value, ordered[-1].date
    if result is not None and measure.rules in ("mdc", "mdc6"):
        variation, assurance = result.variation_icon, result.assurance
        signal = _mdc_signal(variation)
    else:
        signal, assurance = reading.kind, None
        side = _latest_signal_side(result) if result is not None and signal == "signal" else 0
        variation = anhoej_icon(signal, measure.improvement, side)
    return OverviewRow(measure, node, points, last_value, last_date, spark, centre, signal, variation, assurance,
                       reading.sentence)  # fmt: skip


def measures_overview(service: Any, node_id: str, today: date | None = None) -> Overview:
    """The overview of ``node_id``: its measures and those of every node under it, in tree order."""
    tree = service.load_subtree(node_id)
    children = tree.children_of()
    nodes = {node.id: node for node in tree.nodes}
    ordered: list[str] = []
    stack = [node_id]
    while stack:
        current = stack.pop()
        ordered.append(current)
        stack.extend(reversed([child.id for child in children.get(current, [])]))
    rows = tuple(
        overview_row(measure, nodes[measure.node_id], observations, annotations)
        for measure, observations, annotations in service.measure_data(ordered)
    )
    return Overview(service.title() or service.db.display_name, nodes[node_id], today or date.today(), rows)


# --------------------------------------------------------------------------- texts


def format_date(value: date | None) -> str:
    """``13-04-2026`` in Danish, ``2026-04-13`` in English; empty for None."""
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y") if language() == "da" else value.isoformat()


def format_number(value: float | None, decimals: int | None = None) -> str:
    """A number with a decimal comma in Danish (``3,5``) and a point in English; thousands grouped."""
    if value is None or math.isnan(value):
        return ""
    automatic = decimals is None
    if decimals is None:
        size = abs(value)
        decimals = 0 if size >= 100 or float(value).is_integer() else 1 if size >= 10 else 2 if size >= 0.1 else 3
    text = f"{value:,.{decimals}f}"
    if automatic and decimals:
        text = text.rstrip("0").rstrip(".")
    if language() == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_value(value: float | None, chart: str) -> str:
    """A plotted value as the chart shows it: proportions of p charts as percentages."""
    if value is None or math.isnan(value):
        return ""
    if chart in _PERCENT_CHARTS:
        return format_number(value * 100, 1) + " %"
    return format_number(value)


def kind_name(kind: str) -> str:
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def chart_name(measure: MeasureRecord) -> str:
    """``I chart (MDC)``, ``run chart`` (translated)."""
    name = _(CHART_NAMES[measure.chart]) if measure.chart in CHART_NAMES else measure.chart
    return name + " (MDC)" if measure.rules == "mdc" else name


def variation_text(row: OverviewRow) -> str:
    """What the chart says: the NHS name of an MDC icon, the Anhøj reading's words otherwise."""
    if row.uses_mdc and row.variation is not None:
        return icon_name(row.variation)
    return _(SIGNAL_NAMES.get(row.signal, row.signal))


def assurance_text(row: OverviewRow) -> str:
    return icon_name(row.assurance) if row.assurance else ""


def header(column: str) -> str:
    return _(HEADERS[column])


def cell_text(row: OverviewRow, column: str) -> str:
    """The text of one cell, in the language in use."""
    measure = row.measure
    if column == "measure":
        return measure.name + (f" ({measure.unit})" if measure.unit else "")
    if column == "node":
        return row.node.title
    if column == "type":
        return _(TYPE_NAMES[measure.type]) if measure.type in TYPE_NAMES else measure.type
    if column == "chart":
        return chart_name(measure)
    if column == "last_value":
        return format_value(row.last_value, measure.chart)
    if column == "last_date":
        return format_date(row.last_date)
    if column == "target":
        return format_value(measure.target, measure.chart)
    if column == "variation":
        return variation_text(row)
    if column == "assurance":
        return assurance_text(row)
    if column == "trend":
        return ""
    raise KeyError(column)


_MISSING = math.inf


def sort_key(row: OverviewRow, column: str) -> float | str:
    """A key that sorts the column meaningfully (numbers as numbers, dates in time, signals by urgency);
    every key of a column has the same type, missing values sort last."""
    if column in ("measure", "node", "type", "chart", "assurance"):
        return cell_text(row, column).casefold()
    if column == "last_value":
        return _MISSING if row.last_value is None else row.last_value
    if column == "target":
        return _MISSING if row.measure.target is None else row.measure.target
    if column == "last_date":
        return _MISSING if row.last_date is None else float(row.last_date.toordinal())
    if column == "variation":
        return float(SIGNAL_ORDER.index(row.signal)) if row.signal in SIGNAL_ORDER else float(len(SIGNAL_ORDER))
    if column == "trend":
        return float(row.points)
    raise KeyError(column)


def heading(overview: Overview) -> str:
    """``Measures overview: primary driver "Title"`` (translated)."""
    return _("Measures overview: {kind} “{title}”").format(kind=kind_name(overview.node.kind),
                                                           title=overview.node.title)  # fmt: skip
