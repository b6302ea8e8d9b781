"""Run charts, control charts and progress charts as matplotlib Figures (never pyplot), their reading in
plain language, and the evidence a node's measures give.

No Qt here: the window puts these Figures in a ``FigureCanvasQTAgg``; the command line saves them.
matplotlib is imported only when a chart is drawn. Words shown to users are marked with
:func:`QT_TRANSLATE_NOOP` (a no-op here, found by Qt's lupdate) and passed through ``tr``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from register.records import AnnotationRecord, MeasureRecord, ObservationRecord, StatusRecord
from register.spc import SpcInputError, SpcResult, analyze

Translate = Callable[[str], str]
BLUE, AMBER, GREY, LIGHT = "#5DA5DA", "#FAA43A", "#8C8C8C", "#E8E8E8"
RAG_COLOURS = {"green": "#2e9d4f", "amber": "#f0a020", "red": "#d43c3c"}
RAG_MARKERS = {"green": "o", "amber": "D", "red": "s"}
#: Fewer useful points than this in the latest phase: too little data to read the chart.
MIN_USEFUL = 10
EVIDENCE_KINDS = ("improvement", "worsening", "signal", "no_signal", "too_little")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks a text for translation; returns it unchanged."""
    return text


def _same(text: str) -> str:
    return text


@dataclass
class ChartData:
    """One measure's chart: the plotted points' dates, the statistics, annotations and exclusions."""

    measure: MeasureRecord
    dates: list[date]
    result: SpcResult | None
    error: str = ""
    annotations: list[AnnotationRecord] = field(default_factory=list)
    excluded: list[int] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)


def chart_data(measure: MeasureRecord, observations: Sequence[ObservationRecord],
               annotations: Sequence[AnnotationRecord] = ()) -> ChartData:  # fmt: skip
    """Analyse a measure's data as its chart type, rules, phases (phase-break annotations) and exclusions say."""
    observations = sorted(observations, key=lambda o: (o.date, o.id))
    annotations = sorted(annotations, key=lambda a: (a.date, a.id))
    subgrouped = measure.chart in ("xbar", "s")
    if subgrouped:
        dates = sorted({o.date for o in observations})
        position = {when: index for index, when in enumerate(dates)}
        excluded = [position[when] for when in dates if all(o.excluded for o in observations if o.date == when)]
    else:
        dates = [o.date for o in observations]
        excluded = [index for index, o in enumerate(observations) if o.excluded]
    breaks = sorted({next((i for i, when in enumerate(dates) if when >= a.date), len(dates))
                     for a in annotations if a.phase_break} - {0, len(dates)})  # fmt: skip
    data = ChartData(measure, dates, None, annotations=list(annotations), excluded=excluded, breaks=breaks)
    if not observations:
        data.error = "no data"
        return data
    try:
        data.result = analyze(
            [o.value for o in observations],
            chart=measure.chart,
            n=[o.denominator for o in observations] if measure.chart in ("p", "pp", "u", "up") else None,
            x=[o.date for o in observations] if subgrouped else None,
            breaks=breaks or None,
            baseline=measure.baseline if measure.baseline and measure.baseline <= len(dates) else None,
            exclude=excluded or None,
            rules=measure.rules,
            improvement=measure.improvement,
            target=measure.target,
        )
    except SpcInputError as error:
        data.error = str(error)
    return data


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Reading:
    kind: str  # one of EVIDENCE_KINDS
    sentence: str
    figures: str
    rule: str  # which rule gave the signal ("" for none)


def _longest_runs(result: SpcResult, start: int, stop: int) -> dict[int, tuple[int, int]]:
    """Per side (+1 above, -1 below the centre line): (length, first index) of its longest run of useful points."""
    best = {1: (0, start), -1: (0, start)}
    run_length, run_start, run_side = 0, start, 0
    for index in range(start, stop):
        y, cl = result.y[index], result.cl[index]
        if result.excluded[index] or math.isnan(y) or math.isnan(cl) or y == cl:
            continue
        side = 1 if y > cl else -1
        if side == run_side:
            run_length += 1
        else:
            run_length, run_start, run_side = 1, index, side
        if run_length > best[side][0]:
            best[side] = (run_length, run_start)
    return best


def read_chart(data: ChartData, tr: Translate = _same) -> Reading:
    """What the chart says, in one sentence, with the figures behind it."""
    result = data.result
    if result is None:
        if data.error == "no data":
            return Reading("too_little", tr(QT_TRANSLATE_NOOP("Charts", "No data yet.")), "", "")
        return Reading("too_little", tr(QT_TRANSLATE_NOOP("Charts", "No chart: {error}")).format(error=data.error),
                       "", "")  # fmt: skip
    phase = result.phases[-1]
    figures = ""
    if phase.n_useful is not None and phase.longest_run_max is not None:
        figures = tr(QT_TRANSLATE_NOOP(
            "Charts", "{n} useful points · longest run {run} (limit {run_max}) · crossings {crossings} (minimum "
            "{crossings_min})")).format(n=phase.n_useful, run=phase.longest_run, run_max=phase.longest_run_max,
                                         crossings=phase.crossings, crossings_min=phase.crossings_min)  # fmt: skip
    sigma = [i for i in range(phase.start, phase.stop) if result.sigma_signal[i] and not result.excluded[i]]
    runs = _longest_runs(result, phase.start, phase.stop)
    centre = tr(QT_TRANSLATE_NOOP("Charts", "median")) if result.chart == "run" else tr(
        QT_TRANSLATE_NOOP("Charts", "centre line"))  # fmt: skip
    shift = phase.runs_signal and phase.longest_run is not None and phase.longest_run > (phase.longest_run_max or 0)
    rules = []
    if shift:
        rules.append(tr(QT_TRANSLATE_NOOP("Charts", "shift: longest run {run} > {run_max}")).format(
            run=phase.longest_run, run_max=phase.longest_run_max))  # fmt: skip
    elif phase.runs_signal:
        rules.append(tr(QT_TRANSLATE_NOOP("Charts", "too few crossings: {crossings} < {crossings_min}")).format(
            crossings=phase.crossings, crossings_min=phase.crossings_min))  # fmt: skip
    if sigma:
        rules.append(tr(QT_TRANSLATE_NOOP("Charts", "{count} point(s) outside the limits")).format(count=len(sigma)))
    if not rules:
        if phase.n_useful is not None and phase.n_useful < MIN_USEFUL:
            sentence = tr(QT_TRANSLATE_NOOP("Charts", "Too little data to read: {n} useful points in the latest "
                                                      "phase; {minimum} are needed.")).format(
                n=phase.n_useful, minimum=MIN_USEFUL)  # fmt: skip
            return Reading("too_little", sentence, figures, "")
        sentence = tr(QT_TRANSLATE_NOOP("Charts", "No signal: only random variation around the {centre}."))
        return Reading("no_signal", sentence.format(centre=centre), figures, "")
    if result.improvement_signal:
        kind, lead = "improvement", tr(QT_TRANSLATE_NOOP("Charts", "Signal of improvement"))
        side = 1 if result.improvement == "up" else -1
    elif result.concern_signal:
        kind, lead = "worsening", tr(QT_TRANSLATE_NOOP("Charts", "Signal of worsening"))
        side = -1 if result.improvement == "up" else 1
    else:
        kind, lead = "signal", tr(QT_TRANSLATE_NOOP("Charts", "Non-random variation"))
        side = 1 if runs[1][0] >= runs[-1][0] else -1
    detail = _detail(data, phase, runs[side], side, sigma, centre, shift, tr)
    return Reading(kind, f"{lead}: {detail}.", figures, "; ".join(rules))


def _detail(data: ChartData, phase: Any, run: tuple[int, int], side: int, sigma: list[int], centre: str,
            shift: bool, tr: Translate) -> str:  # fmt: skip
    """The evidence on the side that matches the verdict: its run, its points outside the limits, or crossings."""
    result = data.result
    length, start = run
    if shift and length > (phase.longest_run_max or 0):
        above, below = QT_TRANSLATE_NOOP("Charts", "above"), QT_TRANSLATE_NOOP("Charts", "below")
        return tr(QT_TRANSLATE_NOOP("Charts", "{count} points {side} the {centre} since {month}")).format(
            count=length, side=tr(above if side > 0 else below), centre=centre,
            month=data.dates[start].strftime("%Y-%m"))  # fmt: skip
    outside = [i for i in sigma if (result.y[i] > result.cl[i]) == (side > 0)] or sigma
    if outside:
        return tr(QT_TRANSLATE_NOOP("Charts", "{count} point(s) outside the limits, latest {date}")).format(
            count=len(outside), date=data.dates[outside[-1]].isoformat())  # fmt: skip
    return tr(QT_TRANSLATE_NOOP("Charts", "too few crossings: {crossings} < {crossings_min}")).format(
        crossings=phase.crossings, crossings_min=phase.crossings_min)  # fmt: skip


# --------------------------------------------------------------------------- drawing


def new_figure(width: float = 7.5, height: float = 3.4, bottom: float = 0.45) -> Any:
    """A Figure with fixed margins in inches (constrained layout doubled the drawing time of a chart).

    ``bottom`` leaves room under the axes: the dates, and in exports the reading below them.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(left=0.8 / width, right=1 - 0.45 / width, top=1 - 0.38 / height, bottom=bottom / height)
    return figure


def _phase_slices(result: SpcResult) -> list[slice]:
    return [slice(phase.start, phase.stop) for phase in result.phases]


def draw_chart(figure: Any, data: ChartData, tr: Translate = _same) -> Any:
    """Draw a measure's chart on a Figure the way qicharts2 users know it; returns the Axes.

    Artists carry labels the tests look for: data, centre, limits, signal, excluded, target, baseline,
    annotation.
    """
    import numpy as np

    axes = figure.add_subplot()
    measure = data.measure
    title = measure.name + (f" ({measure.unit})" if measure.unit else "")
    chart_name = tr(QT_TRANSLATE_NOOP("Charts", "run chart")) if measure.chart == "run" else tr(
        QT_TRANSLATE_NOOP("Charts", "{chart} chart")).format(chart=measure.chart.upper())  # fmt: skip
    axes.set_title(f"{title} — {chart_name}", fontsize=10, loc="left")
    result = data.result
    if result is None:
        axes.text(0.5, 0.5, read_chart(data, tr).sentence, ha="center", va="center", transform=axes.transAxes,
                  fontsize=9, color=GREY, wrap=True)  # fmt: skip
        axes.set_xticks([])
        axes.set_yticks([])
        return axes
    x = np.array(data.dates, dtype="datetime64[D]")
    y = result.y.astype(float)
    excluded = result.excluded
    control = measure.chart != "run"
    for number, part in enumerate(_phase_slices(result)):
        first = number == 0
        line_y = np.where(excluded[part], np.nan, y[part])
        axes.plot(x[part], line_y, color=BLUE, marker="o", markersize=3.5, linewidth=1.4,
                  label="data" if first else "_data")  # fmt: skip
        phase = result.phases[number]
        signal = phase.runs_signal
        axes.plot(x[part], result.cl[part], color=AMBER if signal else GREY, linestyle="--" if signal else "-",
                  linewidth=1.2, label="centre" if first else "_centre")  # fmt: skip
        if control and not np.all(np.isnan(result.ucl[part])):
            axes.fill_between(x[part], result.lcl[part], result.ucl[part], color=LIGHT, step="mid", linewidth=0,
                              label="limits" if first else "_limits", zorder=0)  # fmt: skip
    sigma = np.flatnonzero(result.sigma_signal & ~excluded)
    if len(sigma):
        axes.scatter(x[sigma], y[sigma], color=AMBER, s=28, zorder=4, label="signal")
    if excluded.any():
        axes.scatter(x[excluded], y[excluded], facecolors="white", edgecolors=GREY, s=24, zorder=4, label="excluded")
    if measure.target is not None:
        axes.axhline(measure.target, color="#444444", linestyle=":", linewidth=1.1, label="target")
        axes.annotate(tr(QT_TRANSLATE_NOOP("Charts", "target")), xy=(1, measure.target),
                      xycoords=("axes fraction", "data"), xytext=(2, 0), textcoords="offset points", fontsize=7,
                      va="center", color="#444444")  # fmt: skip
    if measure.baseline and not data.breaks and measure.baseline < len(x):
        axes.axvline(x[measure.baseline - 1] + np.timedelta64(1, "D"), color=GREY, linestyle="-.", linewidth=0.8,
                     label="baseline")  # fmt: skip
    for note in data.annotations:
        when = np.datetime64(note.date, "D")
        axes.axvline(when, color="#9467bd", linestyle=":", linewidth=0.9, label="annotation")
        label = note.text if len(note.text) <= 32 else note.text[:31] + "…"
        axes.annotate(label, xy=(when, 1), xycoords=("data", "axes fraction"), xytext=(3, -3),
                      textcoords="offset points", rotation=90, fontsize=6.5, va="top", color="#5e3c99")  # fmt: skip
    _style_date_axes(axes)
    if measure.chart in ("p", "pp"):
        axes.yaxis.set_major_formatter(_percent())
    return axes


def _style_date_axes(axes: Any) -> None:
    """Dates on the x axis (concise labels), small ticks, no top or right frame."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.tick_params(labelsize=7.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def _percent() -> Any:
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(xmax=1.0, decimals=0)


def draw_progress(figure: Any, statuses: Sequence[StatusRecord], stage_changes: Sequence[tuple[date, str]],
                  title: str, tr: Translate = _same, stage_name: Translate = _same) -> Any:  # fmt: skip
    """The IHI progress score over time: a step line, each update in its RAG colour and shape, stage changes marked."""
    import numpy as np

    axes = figure.add_subplot()
    heading = tr(QT_TRANSLATE_NOOP("Charts", "progress (IHI score)"))
    axes.set_title(f"{title} — {heading}", fontsize=10, loc="left")
    ordered = sorted(statuses, key=lambda s: (s.date, s.id))
    scored = [s for s in ordered if s.progress is not None]
    if not ordered:
        axes.text(0.5, 0.5, tr(QT_TRANSLATE_NOOP("Charts", "No status updates yet.")), ha="center", va="center",
                  transform=axes.transAxes, color=GREY)  # fmt: skip
        axes.set_xticks([])
        axes.set_yticks([])
        return axes
    if scored:
        axes.step(np.array([s.date for s in scored], dtype="datetime64[D]"), [s.progress for s in scored],
                  where="post", color=BLUE, linewidth=1.4, label="progress")  # fmt: skip
    for status in ordered:
        y = status.progress if status.progress is not None else 0.25
        axes.scatter([np.datetime64(status.date, "D")], [y], color=RAG_COLOURS[status.rag],
                     marker=RAG_MARKERS[status.rag], s=34, zorder=4, edgecolors="white", linewidths=0.6,
                     label=f"rag:{status.rag}")  # fmt: skip
    for when, stage in stage_changes:
        point = np.datetime64(when, "D")
        axes.axvline(point, color=GREY, linestyle="--", linewidth=0.8, label="stage")
        axes.annotate(stage_name(stage), xy=(point, 1), xycoords=("data", "axes fraction"), xytext=(3, -3),
                      textcoords="offset points", rotation=90, fontsize=6.5, va="top", color="#555555")  # fmt: skip
    axes.set_ylim(0, 5.3)
    axes.set_yticks([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])
    _style_date_axes(axes)
    return axes


def stage_changes(audit: Sequence[Any]) -> list[tuple[date, str]]:
    """(date, new stage) from a node's audit trail, oldest first (creation counts when it set a stage)."""
    changes = []
    for entry in audit:
        stage = entry.changes.get("stage")
        if stage and stage[1]:
            changes.append((entry.at.date(), stage[1]))
    return sorted(changes)


# --------------------------------------------------------------------------- evidence


@dataclass(frozen=True)
class Evidence:
    """What a node's measures say: the overall kind and, per measure, its reading."""

    kind: str
    readings: tuple[tuple[str, Reading], ...]  # (measure name, reading)


#: The overall kind of a node: worsening shows first, then improvement, then a signal of unknown direction.
_PRECEDENCE = ("worsening", "improvement", "signal", "no_signal", "too_little")


def combine(readings: Sequence[tuple[str, Reading]]) -> Evidence | None:
    if not readings:
        return None
    kind = min((reading.kind for _, reading in readings), key=_PRECEDENCE.index)
    return Evidence(kind, tuple(readings))


def node_evidence(service: Any, node_id: str, tr: Translate = _same) -> Evidence | None:
    """The evidence of a node's live measures (None when it has none)."""
    readings = []
    for measure in service.list_measures(node_id):
        data = chart_data(measure, service.observations(measure.id), service.annotations(measure.id))
        readings.append((measure.name, read_chart(data, tr)))
    return combine(readings)


def evidence_by_node(
    service: Any, tr: Translate = _same, stop: Callable[[], bool] | None = None, node_ids: Any = None
) -> dict[str, Evidence]:
    """The evidence of every node with live measures (or of ``node_ids`` only: those drawn), from one read of the
    register (empty if ``stop()`` says so)."""
    readings: dict[str, list[tuple[str, Reading]]] = {}
    data = service.all_measure_data() if node_ids is None else service.all_measure_data(node_ids)
    for number, (measure, observations, notes) in enumerate(data):
        if stop is not None and number % 100 == 0 and stop():
            return {}
        reading = read_chart(chart_data(measure, observations, notes), tr)
        readings.setdefault(measure.node_id, []).append((measure.name, reading))
    return {node_id: combine(items) for node_id, items in readings.items()}


# --------------------------------------------------------------------------- files


def save_figure(figure: Any, path: Path) -> None:
    """Save a Figure (.png, .svg or .pdf) under a temporary name, then rename: an old file stays until done."""
    path = Path(path)
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.partial{path.suffix}")
    try:
        figure.savefig(temporary, format=path.suffix.lower().lstrip("."), dpi=200)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def measure_figure(service: Any, measure: MeasureRecord, tr: Translate = _same) -> Any:
    data = chart_data(measure, service.observations(measure.id), service.annotations(measure.id))
    figure = new_figure(8.0, 4.0, bottom=0.85)
    axes = draw_chart(figure, data, tr)
    reading = read_chart(data, tr)
    axes.set_xlabel(f"{reading.sentence}\n{reading.figures}", fontsize=8, loc="left", color="#333333")
    return figure


def export_project_pdf(service: Any, project_id: str, path: Path, tr: Translate = _same,
                       stage_name: Translate = _same) -> int:  # fmt: skip
    """All charts of a project, one per page (8 x 4 in), the progress chart first; returns the page count."""
    from matplotlib.backends.backend_pdf import PdfPages

    project = service.get_node(project_id)
    path = Path(path)
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.partial.pdf")
    pages = 0
    try:
        with PdfPages(temporary, metadata={"Title": project.title, "Creator": "Improvement Register"}) as pdf:
            figure = new_figure(8.0, 4.0)
            draw_progress(figure, service.status_history(project_id), stage_changes(service.audit_trail(project_id)),
                          project.title, tr, stage_name)  # fmt: skip
            pdf.savefig(figure)
            pages += 1
            for measure in service.list_measures(project_id):
                figure = measure_figure(service, measure, tr)
                pdf.savefig(figure)
                pages += 1
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return pages
