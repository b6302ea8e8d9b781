"""Run charts, control charts and progress charts as matplotlib Figures (never pyplot), their reading in
plain language, and the evidence a node's measures give.

No Qt here: the window puts these Figures in a ``FigureCanvasQTAgg``; the command line saves them.
matplotlib is imported only when a chart is drawn. Words shown to users are marked with ``_`` / ``N_``
from :mod:`register.i18n` (gettext), so the window and the command line speak the same language; numbers
take a decimal comma and dates the day-month-year order in Danish.

Charts are labelled as qicharts2 labels them: centre line and limit values at the right end, the unit on
the y axis, annotations in a lane above the data with leader lines, a phase break between the last point of
one phase and the first of the next, excluded points hollow and grey with the line joined through them.
Making Data Count charts are drawn as MDC draws them: points coloured by type, dashed process limits, the
target, and the NHS variation and assurance icons (:mod:`register.variation_icons`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from register import variation_icons
from register.collector import collector_paused
from register.i18n import N_, _, language, ngettext
from register.records import AnnotationRecord, MeasureRecord, ObservationRecord, StatusRecord
from register.vocabulary import MDC_RULE_SETS

if TYPE_CHECKING:  # numpy (register.spc) loads when a chart is first computed, not when the window starts
    from register.spc import SpcResult

#: The ``tr`` parameters some functions still take are not used: the texts come from the core's catalogue
#: in the language in use. They stay so callers written for the earlier Qt-translated charts keep working.
Translate = Callable[[str], str]
BLUE, AMBER, GREY, LIGHT = "#5DA5DA", "#FAA43A", "#8C8C8C", "#E8E8E8"
RAG_COLOURS = {"green": "#2e9d4f", "amber": "#f0a020", "red": "#d43c3c"}
RAG_MARKERS = {"green": "o", "amber": "D", "red": "s"}
#: Making Data Count point colours (NHSRplotthedots): common cause grey, improvement blue, concern orange,
#: a special cause without a direction of improvement purple.
MDC_COLOURS = {
    "common_cause": variation_icons.GREY,
    "special_cause_improvement": variation_icons.BLUE,
    "special_cause_concern": variation_icons.ORANGE,
    "special_cause_neutral_high": variation_icons.PURPLE,
    "special_cause_neutral_low": variation_icons.PURPLE,
}
#: Fewer useful points than this in the latest phase: too little data to read the chart.
MIN_USEFUL = 10
EVIDENCE_KINDS = ("improvement", "worsening", "signal", "no_signal", "too_little")
#: A p or u chart whose mean denominator is at least this, with most points outside the limits, is
#: over-dispersed: the reading suggests Laney's p′ or u′ chart.
LANEY_DENOMINATOR = 1000

CHART_NAMES = {
    "run": N_("run chart"),
    "i": N_("I chart"),
    "mr": N_("MR chart"),
    "xbar": N_("Xbar chart"),
    "s": N_("S chart"),
    "t": N_("T chart"),
    "p": N_("P chart"),
    "pp": N_("P′ chart (Laney)"),
    "c": N_("C chart"),
    "u": N_("U chart"),
    "up": N_("U′ chart (Laney)"),
    "g": N_("G chart"),
}
#: Project stages as the progress chart names them when the caller gives no names of its own (command line).
STAGE_NAMES = {
    "idea": N_("idea"),
    "planning": N_("planning"),
    "testing": N_("testing"),
    "implementing": N_("implementing"),
    "spreading": N_("spreading"),
    "sustaining": N_("sustaining"),
    "closed": N_("closed"),
}
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
          N_("Oct"), N_("Nov"), N_("Dec"))  # fmt: skip


def _same(text: str) -> str:
    return text


def stage_label(stage: str) -> str:
    """A project stage's name in the language in use (the code itself when unknown)."""
    return _(STAGE_NAMES[stage]) if stage in STAGE_NAMES else stage


# --------------------------------------------------------------------------- numbers and dates


def format_number(value: float, decimals: int = 2, strip: bool = True) -> str:
    """``value`` as the language writes it (Danish: ``1.234,5``); ``strip`` drops trailing zeros."""
    if not math.isfinite(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if language() == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_value(value: float, percent: bool = False) -> str:
    """A centre line, limit or target as a label: about three significant digits, a percent for proportions."""
    if percent:
        return format_percent(value)
    magnitude = math.floor(math.log10(abs(value))) if value and math.isfinite(value) else 0
    return format_number(value, max(0, min(6, 2 - magnitude)))


def format_percent(fraction: float, decimals: int | None = None) -> str:
    """A proportion as a percent (Danish ``12,5 %``)."""
    if decimals is None:
        magnitude = math.floor(math.log10(abs(fraction * 100))) if fraction and math.isfinite(fraction) else 0
        decimals = max(0, min(4, 2 - magnitude))
    number = format_number(fraction * 100, decimals)
    return f"{number} %" if language() == "da" else f"{number}%"


def format_date(when: date) -> str:
    """A date as the language writes it: Danish ``13-04-2026``, English ISO ``2026-04-13``."""
    return when.strftime("%d-%m-%Y") if language() == "da" else when.isoformat()


def format_month(when: date) -> str:
    """A month and year: ``apr. 2026`` / ``Apr 2026``."""
    return f"{_(MONTHS[when.month - 1])} {when.year}"


def _tick_decimals(values: Sequence[float]) -> int:
    """The fewest decimals that tell the ticks apart exactly as placed."""
    for decimals in range(7):
        if all(abs(round(v, decimals) - v) < 1e-9 * max(1.0, abs(v)) for v in values):
            return decimals
    return 6


@lru_cache(maxsize=1)
def _formatter_classes() -> tuple[type, type]:
    """matplotlib Formatter classes for dates and numbers in the language in use (made on first use)."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import Formatter

    class DateLabels(Formatter):
        """Years, month names with the year under the first and each January, or day and month."""

        def __call__(self, x: float, pos: int | None = None) -> str:
            return self.format_ticks([x])[0]

        def format_ticks(self, values: Sequence[float]) -> list[str]:
            days = [mdates.num2date(value).date() for value in values]
            monthly = all(d.day == 1 for d in days)
            yearly = monthly and all(d.month == 1 for d in days) and len({d.year for d in days}) == len(days)
            labels, previous = [], None
            for day in days:
                if yearly:
                    label = str(day.year)
                elif monthly:
                    label = _(MONTHS[day.month - 1])
                else:
                    label = f"{day.day}. {_(MONTHS[day.month - 1])}" if language() == "da" else (
                        f"{day.day} {_(MONTHS[day.month - 1])}")  # fmt: skip
                if not yearly and day.year != previous:
                    label += f"\n{day.year}"
                previous = day.year
                labels.append(label)
            return labels

    class NumberLabels(Formatter):
        """Tick values with a decimal comma in Danish; percents for proportions."""

        def __init__(self, percent: bool = False) -> None:
            self.percent = percent

        def __call__(self, x: float, pos: int | None = None) -> str:
            return self.format_ticks([x])[0]

        def format_ticks(self, values: Sequence[float]) -> list[str]:
            scaled = [v * 100 for v in values] if self.percent else list(values)
            decimals = _tick_decimals(scaled)
            if self.percent:
                return [format_percent(v, decimals) for v in values]
            return [format_number(v, decimals, strip=False) for v in scaled]

    return DateLabels, NumberLabels


def _style_date_axes(axes: Any, percent: bool = False) -> None:
    """Dates on the x axis in the language in use, numbers on the y axis likewise; no top or right frame."""
    import matplotlib.dates as mdates

    date_labels, number_labels = _formatter_classes()
    axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    axes.xaxis.set_major_formatter(date_labels())
    axes.yaxis.set_major_formatter(number_labels(percent))
    axes.tick_params(labelsize=7.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def chart_name(measure: MeasureRecord) -> str:
    """The chart's name in the language in use (``seriediagram``, ``P-kontroldiagram``, …)."""
    name = _(CHART_NAMES.get(measure.chart, measure.chart))
    if measure.rules in MDC_RULE_SETS:
        name = _("{chart}, Making Data Count").format(chart=name)
    return name


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
    #: notes written on the chart: gaps for zero denominators, limits left out, a Laney suggestion.
    notes: list[str] = field(default_factory=list)


_BY_DATE_AND_ID = attrgetter("date", "id")


def chart_data(measure: MeasureRecord, observations: Sequence[ObservationRecord],
               annotations: Sequence[AnnotationRecord] = ()) -> ChartData:  # fmt: skip
    """Analyse a measure's data as its chart type, rules, phases (phase-break annotations) and exclusions say."""
    observations = sorted(observations, key=_BY_DATE_AND_ID)
    annotations = sorted(annotations, key=_BY_DATE_AND_ID)
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
    from register.spc import SpcInputError, analyze

    try:
        data.result = analyze(
            [o.value for o in observations],
            chart=measure.chart,
            n=[o.denominator for o in observations] if measure.chart in ("p", "pp", "u", "up") else None,
            x=[o.date for o in observations] if subgrouped else None,
            breaks=breaks or None,
            baseline=measure.baseline or None,
            exclude=excluded or None,
            rules=measure.rules,
            improvement=measure.improvement,
            target=measure.target,
        )
    except SpcInputError as error:
        data.error = str(error)
        return data
    data.notes = _chart_notes(data)
    return data


def _chart_notes(data: ChartData) -> list[str]:
    """What the chart must say beside its lines: gaps, limits left out, a better chart for the data."""
    result = data.result
    assert result is not None
    notes = []
    if result.zero_denominators:
        days = ", ".join(format_date(data.dates[index]) for index in result.zero_denominators)
        notes.append(ngettext("Denominator 0 on {dates}: left as a gap.", "Denominator 0 on {dates}: left as gaps.",
                              len(result.zero_denominators)).format(dates=days))  # fmt: skip
    notes += result.notes
    if result.chart in ("p", "u") and result.n is not None:
        import numpy as np

        usable = ~np.isnan(result.n) & ~result.excluded
        outside = int((result.sigma_signal & usable).sum())
        if usable.any() and float(np.mean(result.n[usable])) >= LANEY_DENOMINATOR and outside * 2 > usable.sum():
            laney = "P′" if result.chart == "p" else "U′"
            notes.append(_("Most points lie outside the limits and the denominators are large: the data are "
                           "over-dispersed; consider Laney's {chart} chart.").format(chart=laney))  # fmt: skip
    return notes


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Reading:
    kind: str  # one of EVIDENCE_KINDS
    sentence: str
    figures: str
    rule: str  # which rule gave the signal ("" for none)
    #: earlier phases' verdicts and the chart's notes ("" when there are none).
    history: str = ""
    #: Making Data Count: the variation and assurance icon codes (None for Anhøj charts).
    icon: str | None = None
    assurance: str | None = None


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


def _phase_rules(result: SpcResult, phase: Any) -> tuple[list[str], list[int], bool]:
    """The Anhøj rules a phase breaks (as words), its points outside the limits, and whether it has a shift."""
    sigma = [i for i in range(phase.start, phase.stop) if result.sigma_signal[i] and not result.excluded[i]]
    shift = phase.runs_signal and phase.longest_run is not None and phase.longest_run > (phase.longest_run_max or 0)
    rules = []
    if shift:
        rules.append(_("shift: longest run {run} > {run_max}").format(run=phase.longest_run,
                                                                       run_max=phase.longest_run_max))  # fmt: skip
    elif phase.runs_signal:
        rules.append(_("too few crossings: {crossings} < {crossings_min}").format(
            crossings=phase.crossings, crossings_min=phase.crossings_min))  # fmt: skip
    if sigma:
        rules.append(ngettext("{count} point outside the limits", "{count} points outside the limits",
                              len(sigma)).format(count=len(sigma)))  # fmt: skip
    return rules, sigma, shift


def _history(data: ChartData) -> str:
    """One line per earlier phase (period) and the chart's notes."""
    result = data.result
    assert result is not None
    lines = []
    count = len(result.phases)
    for number, phase in enumerate(result.phases[:-1], start=1):
        if result.rules in MDC_RULE_SETS and result.point_type is not None:
            special = sum(t != "common_cause" for t in result.point_type[phase.start : phase.stop])
            verdict = ngettext("{count} point of special cause", "{count} points of special cause",
                               special).format(count=special) if special else _("common cause only")  # fmt: skip
        else:
            rules, _sigma, _shift = _phase_rules(result, phase)
            verdict = "; ".join(rules) if rules else _("no signal")
        lines.append(_("Period {number} of {count} ({start} to {end}): {verdict}.").format(
            number=number, count=count, start=format_date(data.dates[phase.start]),
            end=format_date(data.dates[phase.stop - 1]), verdict=verdict))  # fmt: skip
    return "\n".join([*lines, *data.notes])


def read_chart(data: ChartData, tr: Translate = _same) -> Reading:
    """What the chart says, in one sentence, with the figures behind it (the latest period), the earlier
    periods and the notes. ``tr`` is kept for callers that pass a translator: the texts come from the core's
    catalogue in the language in use."""
    result = data.result
    if result is None:
        if data.error == "no data":
            return Reading("too_little", _("No data yet."), "", "")
        return Reading("too_little", _("No chart: {error}").format(error=data.error), "", "")
    if result.rules in MDC_RULE_SETS and result.point_type is not None:
        return _read_mdc(data)
    phase = result.phases[-1]
    figures = ""
    if phase.n_useful is not None and phase.longest_run_max is not None:
        figures = _("{n} useful points · longest run {run} (limit {run_max}) · crossings {crossings} (minimum "
                    "{crossings_min})").format(n=phase.n_useful, run=phase.longest_run,
                                               run_max=phase.longest_run_max, crossings=phase.crossings,
                                               crossings_min=phase.crossings_min)  # fmt: skip
    runs = _longest_runs(result, phase.start, phase.stop)
    centre = _("median") if result.chart == "run" else _("centre line")
    rules, sigma, shift = _phase_rules(result, phase)
    history = _history(data)
    if not rules:
        if phase.n_useful is not None and phase.n_useful < MIN_USEFUL:
            sentence = _("Too little data to read: {n} useful points in the latest period; {minimum} are "
                         "needed.").format(n=phase.n_useful, minimum=MIN_USEFUL)  # fmt: skip
            return Reading("too_little", sentence, figures, "", history)
        sentence = _("No signal: only random variation around the {centre}.").format(centre=centre)
        return Reading("no_signal", sentence, figures, "", history)
    if result.improvement_signal:
        kind, lead = "improvement", _("Signal of improvement")
        side = 1 if result.improvement == "up" else -1
    elif result.concern_signal:
        kind, lead = "worsening", _("Signal of worsening")
        side = -1 if result.improvement == "up" else 1
    else:
        kind, lead = "signal", _("Non-random variation")
        side = 1 if runs[1][0] >= runs[-1][0] else -1
    detail = _detail(data, phase, runs[side], side, sigma, centre, shift)
    sentence = _("{lead}: {detail}.").format(lead=lead, detail=detail)
    return Reading(kind, sentence, figures, "; ".join(rules), history)


def _detail(data: ChartData, phase: Any, run: tuple[int, int], side: int, sigma: list[int], centre: str,
            shift: bool) -> str:  # fmt: skip
    """The evidence on the side that matches the verdict: its run, its points outside the limits, or crossings."""
    result = data.result
    assert result is not None
    length, start = run
    if shift and length > (phase.longest_run_max or 0):
        where = _("{count} points above the {centre} since {month}") if side > 0 else _(
            "{count} points below the {centre} since {month}")  # fmt: skip
        return where.format(count=length, centre=centre, month=format_month(data.dates[start]))
    outside = [i for i in sigma if (result.y[i] > result.cl[i]) == (side > 0)] or sigma
    if outside:
        return ngettext("{count} point outside the limits, latest {date}",
                        "{count} points outside the limits, latest {date}", len(outside)).format(
            count=len(outside), date=format_date(data.dates[outside[-1]]))  # fmt: skip
    return _("too few crossings: {crossings} < {crossings_min}").format(crossings=phase.crossings,
                                                                        crossings_min=phase.crossings_min)  # fmt: skip


_MDC_KINDS = {"improvement": "improvement", "concern": "worsening", "neutral": "signal", "common": "no_signal"}
_ASSURANCE_WORDS = {
    "consistent_pass": N_("The process will consistently meet the target of {target}."),
    "consistent_fail": N_("The process will consistently fail the target of {target} unless it changes."),
    "inconsistent": N_("The process will hit and miss the target of {target}: it lies within the process limits."),
}


def _read_mdc(data: ChartData) -> Reading:
    """The reading in Making Data Count's words: the variation icon's meaning, then assurance."""
    result = data.result
    assert result is not None and result.point_type is not None
    import numpy as np

    start, stop = result.phases[-1].start, result.phases[-1].stop
    valid = int(np.count_nonzero(~np.isnan(result.y[start:stop]) & ~result.excluded[start:stop]))
    percent = result.chart in ("p", "pp")
    figures = _("mean {mean} · process limits {lower} to {upper}").format(
        mean=format_value(float(result.cl[-1]), percent), lower=format_value(float(result.lcl[-1]), percent),
        upper=format_value(float(result.ucl[-1]), percent))  # fmt: skip
    history = _history(data)
    icon = result.variation_icon
    if icon is None or (valid < MIN_USEFUL and icon == "common_cause"):
        sentence = _("Too little data to read: {n} points in the latest period; {minimum} are needed.").format(
            n=valid, minimum=MIN_USEFUL)  # fmt: skip
        return Reading("too_little", sentence, figures, "", history, icon, result.assurance)
    sentences = [variation_icons.icon_description(icon)]
    if result.assurance is not None and data.measure.target is not None:
        sentences.append(_(_ASSURANCE_WORDS[result.assurance]).format(
            target=format_value(data.measure.target, percent)))  # fmt: skip
    kind = _MDC_KINDS[icon.split("_")[0]]
    rule = "" if icon == "common_cause" else variation_icons.icon_name(icon)
    return Reading(kind, " ".join(sentences), figures, rule, history, icon, result.assurance)


# --------------------------------------------------------------------------- drawing


def new_figure(width: float = 7.5, height: float = 3.4, bottom: float = 0.45) -> Any:
    """A Figure with fixed margins in inches (constrained layout doubled the drawing time of a chart).

    ``bottom`` leaves room under the axes: the dates, and in exports the reading below them.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(left=0.8 / width, right=1 - 0.75 / width, top=1 - 0.42 / height, bottom=bottom / height)
    return figure


#: A chart's title takes at most this many lines; more is cut with "…" (the whole name is in the Measures list).
TITLE_LINES = 4
#: Inches kept free between a title and the figure's right edge.
TITLE_MARGIN = 0.1
#: From one line of a title to the next, in font sizes (matplotlib's line spacing, rounded up).
TITLE_LINE_HEIGHT = 1.25


def _fit_title(title: Any, beside_icons: bool = False) -> None:
    """Keep ``title`` (an Axes title) inside its figure at every size it is drawn at: see ``TitleFit``."""
    figure = title.get_figure()
    figure.set_layout_engine(_title_fit_class()(title, beside_icons))


@lru_cache(maxsize=1)
def _title_fit_class() -> type:
    """The layout engine of the charts (made on first use: matplotlib loads when a chart is drawn)."""
    from matplotlib.layout_engine import LayoutEngine

    class TitleFit(LayoutEngine):
        """matplotlib runs a figure's layout engine at every draw. This one wraps the title at its words to the
        width the figure has then (the window's canvas gives the figure the window's width; an export keeps
        it), up to the figure's right margin or, beside the MDC icons, the plot's right end; and it lowers the
        plot's top by the lines added, so the title stays inside the figure. The other margins stay as made."""

        _adjust_compatible = True
        _colorbar_gridspec = False

        def __init__(self, title: Any, beside_icons: bool) -> None:
            super().__init__()
            self.title, self.beside_icons = title, beside_icons
            self.text = title.get_text()
            self.top = title.get_figure().subplotpars.top  # the plot's top under a one-line title
            self._wrapped: tuple[float, list[str]] = (math.nan, [self.text])

        def set(self, **kwargs: Any) -> None:
            self._params.update(kwargs)

        def execute(self, figure: Any) -> None:
            width, height = figure.get_size_inches()
            box = self.title.axes.get_position()
            right = box.x1 if self.beside_icons else 1 - TITLE_MARGIN / width
            room = round((right - box.x0) * width * 72, 1)  # points
            size = self.title.get_fontsize()
            if room != self._wrapped[0]:
                self._wrapped = (room, _wrapped(self.text, size, room, TITLE_LINES))
            lines = self._wrapped[1]
            self.title.set_text("\n".join(lines))
            extra = (len(lines) - 1) * size * TITLE_LINE_HEIGHT / 72  # inches taken above the one line
            figure.subplots_adjust(top=self.top - extra / height)

    return TitleFit


def _wrapped(text: str, size: float, room: float, most: int) -> list[str]:
    """``text`` in lines at most ``room`` points wide at ``size``, broken between words (inside a word only when
    it is wider than a line); at most ``most`` lines, the last cut with "…" when more would be needed."""
    if _text_width(text, size) <= room:
        return [text]
    lines, line = [], ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if _text_width(joined, size) <= room:
            line = joined
            continue
        if line:
            lines.append(line)
        while len(word) > 1 and _text_width(word, size) > room:
            cut = len(_elided(word, size, room)) - 1  # the longest beginning that fits (with room to spare)
            lines.append(word[: max(cut, 1)])
            word = word[max(cut, 1) :]
        line = word
    lines.append(line)
    if len(lines) > most:
        lines = [*lines[: most - 1], _elided(" ".join(lines[most - 1 :]), size, room)]
    return lines


def _phase_slices(result: SpcResult) -> list[slice]:
    return [slice(phase.start, phase.stop) for phase in result.phases]


def draw_chart(figure: Any, data: ChartData, tr: Translate = _same) -> Any:
    """Draw a measure's chart on a Figure the way qicharts2 users know it (Making Data Count charts the way
    MDC draws them); returns the Axes.

    Artists carry labels the tests look for: data, centre, limits, signal, excluded, target, baseline, phase,
    annotation, value, note, icon.
    """
    import numpy as np

    axes = figure.add_subplot()
    measure = data.measure
    title = measure.name + (f" ({measure.unit})" if measure.unit else "")
    # A fixed position: the MDC icons above the plot would otherwise push the title out of the figure.
    text = axes.set_title(f"{title} — {chart_name(measure)}", fontsize=10, loc="left", y=1.0, pad=6)
    result = data.result
    mdc = result is not None and result.rules in MDC_RULE_SETS and result.point_type is not None
    _fit_title(text, beside_icons=mdc)  # the MDC icons sit above the plot's right end
    if result is None:
        axes.text(0.5, 0.5, read_chart(data).sentence, ha="center", va="center", transform=axes.transAxes,
                  fontsize=9, color=GREY, wrap=True)  # fmt: skip
        axes.set_xticks([])
        axes.set_yticks([])
        return axes
    x = np.array(data.dates, dtype="datetime64[D]")
    y = result.y.astype(float)
    excluded = result.excluded
    control = measure.chart != "run"
    line_colour = variation_icons.GREY if mdc else BLUE
    for number, part in enumerate(_phase_slices(result)):
        first = number == 0
        # The line runs through excluded points; only the points used get a filled marker.
        used = np.flatnonzero(~excluded[part]).tolist()
        axes.plot(x[part], y[part], color=line_colour, marker="o", markevery=used, markersize=3.5, linewidth=1.4,
                  label="data" if first else "_data")  # fmt: skip
        signal = result.phases[number].runs_signal and not mdc
        axes.plot(x[part], result.cl[part], color=AMBER if signal else GREY, linestyle="--" if signal else "-",
                  linewidth=1.2, label="centre" if first else "_centre")  # fmt: skip
        if control and not np.all(np.isnan(result.ucl[part])):
            if mdc:  # dashed process limits
                for bound, name in ((result.ucl, "limits" if first else "_limits"), (result.lcl, "_limits")):
                    axes.plot(x[part], bound[part], color=variation_icons.GREY, linestyle="--", linewidth=0.9,
                              label=name)  # fmt: skip
            else:
                axes.fill_between(x[part], result.lcl[part], result.ucl[part], color=LIGHT, step="mid", linewidth=0,
                                  label="limits" if first else "_limits", zorder=0)  # fmt: skip
    for start in data.breaks:
        # Between the last point of one phase and the first of the next.
        middle = x[start - 1] + (x[start] - x[start - 1]) / 2
        axes.axvline(middle, color="#555555", linestyle="-", linewidth=0.8, label="phase")
    if mdc:
        special = [i for i, kind in enumerate(result.point_type) if kind != "common_cause" and not excluded[i]]
        if special:
            axes.scatter(x[special], y[special], color=[MDC_COLOURS[result.point_type[i]] for i in special], s=30,
                         zorder=4, label="signal")  # fmt: skip
    else:
        sigma = np.flatnonzero(result.sigma_signal & ~excluded)
        if len(sigma):
            axes.scatter(x[sigma], y[sigma], color=AMBER, s=28, zorder=4, label="signal")
    if excluded.any():
        axes.scatter(x[excluded], y[excluded], facecolors="white", edgecolors=GREY, s=24, zorder=4, label="excluded")
    percent = measure.chart in ("p", "pp")
    if measure.target is not None:
        axes.axhline(measure.target, color="#D43C3C" if mdc else "#444444", linestyle=":", linewidth=1.1,
                     label="target")  # fmt: skip
    if measure.baseline and not data.breaks and measure.baseline < len(x):
        axes.axvline(x[measure.baseline - 1] + np.timedelta64(1, "D"), color=GREY, linestyle="-.", linewidth=0.8,
                     label="baseline")  # fmt: skip
    if measure.unit:
        axes.set_ylabel(measure.unit, fontsize=8, color="#333333")
    _annotation_lane(axes, data, x, y)
    _value_labels(axes, result, measure.target, percent)
    if data.notes:
        axes.text(0.01, 0.02, "\n".join(data.notes), transform=axes.transAxes, fontsize=6.5, color="#555555",
                  va="bottom", ha="left", wrap=True, label="note", zorder=5,
                  bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5})  # fmt: skip
    if mdc:
        _mdc_icons(axes, result)
    _style_date_axes(axes, percent)
    if len(x) == 1:
        axes.set_xlim(x[0] - np.timedelta64(45, "D"), x[0] + np.timedelta64(45, "D"))
    return axes


def _value_labels(axes: Any, result: SpcResult, target: float | None, percent: bool) -> None:
    """The latest centre line, limits and target, printed at the right end as qicharts2 prints them, pushed
    apart when they would overlap; the target's name goes on a line of its own above its value."""
    entries = []
    for value in (result.cl[-1], result.lcl[-1], result.ucl[-1]):
        if math.isfinite(value):
            entries.append((float(value), format_value(float(value), percent), "#333333"))
    if target is not None:
        name = _("target")
        entries.append((target, f"{name}\n{format_value(target, percent)}", "#444444"))
    low, high = axes.get_ylim()
    height = axes.get_position().height * axes.figure.get_size_inches()[1] * 72  # points
    line = 8.5  # points per line of 7-point text
    top, previous_lines = -math.inf, 0
    for value, text, colour in sorted(entries):
        lines = text.count("\n") + 1
        wanted = (value - low) / ((high - low) or 1.0) * height
        position = max(wanted, top + (previous_lines + lines) / 2 * line)
        top, previous_lines = position, lines
        axes.annotate(text, xy=(1, value), xycoords=("axes fraction", "data"), xytext=(3, position - wanted),
                      textcoords="offset points", fontsize=7, va="center", color=colour, label="value",
                      annotation_clip=False, linespacing=1.0)  # fmt: skip


def _annotation_lane(axes: Any, data: ChartData, x: Any, y: Any) -> None:
    """Annotations in a lane above the data, each with a leader line to its point; two rows when crowded."""
    import numpy as np

    if not data.annotations or not len(x):
        return
    low, high = axes.get_ylim()
    span = (high - low) or 1.0
    axes.set_ylim(low, high + 0.32 * span)
    rows = (high + 0.24 * span, high + 0.1 * span)
    first, last = x[0] - np.timedelta64(1, "D"), x[-1] + np.timedelta64(1, "D")
    width = float((last - first) / np.timedelta64(1, "D")) or 1.0
    previous_end = [-math.inf, -math.inf]
    finite = ~np.isnan(y)
    for note in data.annotations:
        when = np.datetime64(note.date, "D")
        position = float((when - first) / np.timedelta64(1, "D")) / width
        label = note.text if len(note.text) <= 28 else note.text[:27] + "…"
        extent = len(label) * 0.0085 + 0.02
        row = 0 if position - extent / 2 > previous_end[0] else 1
        previous_end[row] = position + extent / 2
        nearest = np.flatnonzero(finite & (x >= when))
        point = float(y[nearest[0]]) if len(nearest) else float(np.nanmax(y)) if finite.any() else high
        axes.plot([when, when], [rows[row] - 0.02 * span, point], color="#9467bd", linewidth=0.6, linestyle=":",
                  label="annotation")  # fmt: skip
        axes.text(when, rows[row], label, fontsize=6.5, ha="center", va="bottom", color="#5e3c99",
                  bbox={"facecolor": "white", "edgecolor": "#c9b8e0", "linewidth": 0.5, "pad": 1.2})  # fmt: skip


def _mdc_icons(axes: Any, result: SpcResult) -> None:
    """The variation icon (and the assurance icon when a target is set) beside the top right corner of the
    plot, above the value labels, clear of the title."""
    codes = [code for code in (result.variation_icon, result.assurance) if code]
    figure = axes.figure
    width, height = figure.get_size_inches()
    box = axes.get_position()
    size = 0.3  # inches
    for number, code in enumerate(codes):
        left = box.x1 + (0.04 + number * (size + 0.02)) / width
        icon = variation_icons.add_icon(figure, code, (left, box.y1 + 0.02 / height, size / width, size / height))
        icon.set_label(f"icon:{code}")


def draw_progress(figure: Any, statuses: Sequence[StatusRecord], stage_changes: Sequence[tuple[date, str]],
                  title: str, tr: Translate = _same, stage_name: Translate = stage_label) -> Any:  # fmt: skip
    """The IHI progress score over time: a step line, each scored update in its RAG colour and shape, stage
    changes marked. An update without a score gets no point; one update gets a range of a few months."""
    import numpy as np

    axes = figure.add_subplot()
    heading = _("progress (IHI score)")
    _fit_title(axes.set_title(f"{title} — {heading}", fontsize=10, loc="left"))
    ordered = sorted(statuses, key=lambda s: (s.date, s.id))
    scored = [s for s in ordered if s.progress is not None]
    if not ordered:
        axes.text(0.5, 0.5, _("No status updates yet."), ha="center", va="center", transform=axes.transAxes,
                  color=GREY)  # fmt: skip
        axes.set_xticks([])
        axes.set_yticks([])
        return axes
    if scored:
        axes.step(np.array([s.date for s in scored], dtype="datetime64[D]"), [s.progress for s in scored],
                  where="post", color=BLUE, linewidth=1.4, label="progress")  # fmt: skip
    for status in scored:
        axes.scatter([np.datetime64(status.date, "D")], [status.progress], color=RAG_COLOURS[status.rag],
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
    days = [s.date for s in ordered] + [when for when, _stage in stage_changes]
    first, last = min(days), max(days)
    margin = timedelta(days=max(30, (last - first).days // 20))  # one update: two months around it
    axes.set_xlim(np.datetime64(first - margin, "D"), np.datetime64(last + margin, "D"))
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

    @property
    def icon(self) -> str | None:
        """The Making Data Count variation icon of the reading that decides the kind, when that measure
        follows MDC rules (the tree and the diagram then show the NHS icon); None for Anhøj readings."""
        for _name, reading in self.readings:
            if reading.kind == self.kind:
                return reading.icon
        return None

    @property
    def marker(self) -> str:
        """What the tree and the diagram draw: the MDC variation icon code when there is one, else the kind."""
        return self.icon or self.kind


#: The overall kind of a node: worsening shows first, then improvement, then a signal of unknown direction.
_PRECEDENCE = ("worsening", "improvement", "signal", "no_signal", "too_little")


def combine(readings: Sequence[tuple[str, Reading]]) -> Evidence | None:
    if not readings:
        return None
    kind = min((reading.kind for _name, reading in readings), key=_PRECEDENCE.index)
    return Evidence(kind, tuple(readings))


def node_evidence(service: Any, node_id: str, tr: Translate = _same) -> Evidence | None:
    """The evidence of a node's live measures (None when it has none)."""
    readings = []
    for measure in service.list_measures(node_id):
        data = chart_data(measure, service.observations(measure.id), service.annotations(measure.id))
        readings.append((measure.name, read_chart(data)))
    return combine(readings)


def evidence_by_node(
    service: Any, tr: Translate = _same, stop: Callable[[], bool] | None = None, node_ids: Any = None
) -> dict[str, Evidence]:
    """The evidence of every node with live measures (or of ``node_ids`` only: those drawn), from one read of the
    register (empty if ``stop()`` says so)."""
    readings: dict[str, list[tuple[str, Reading]]] = {}
    with collector_paused():  # every data point read as a record: many objects, no cycles
        data = service.all_measure_data() if node_ids is None else service.all_measure_data(node_ids)
        for number, (measure, observations, notes) in enumerate(data):
            if stop is not None and number % 100 == 0 and stop():
                return {}
            reading = read_chart(chart_data(measure, observations, notes))
            readings.setdefault(measure.node_id, []).append((measure.name, reading))
    return {node_id: combine(items) for node_id, items in readings.items()}


# --------------------------------------------------------------------------- files

#: A4 in inches, by orientation.
A4 = {"portrait": (8.27, 11.69), "landscape": (11.69, 8.27)}
ORIENTATIONS = tuple(A4)


def save_figure(figure: Any, path: Path, dpi: int = 200) -> None:
    """Save a Figure (.png, .svg or .pdf) under a temporary name, then rename: an old file stays until done."""
    from register.safe_output import write_output

    path = Path(path)
    write_output(path, lambda temporary: figure.savefig(temporary, format=path.suffix.lower().lstrip("."), dpi=dpi))


def register_name(service: Any) -> str:
    """The register's title, else its file name (for page headers)."""
    title = service.title()
    if title:
        return str(title)
    database = service.db.engine.url.database
    return Path(database).stem if database else str(service.db.engine.url.render_as_string(hide_password=True))


@dataclass(frozen=True)
class PageHeader:
    """What each printed page says at its top."""

    register: str
    node: str
    printed: date
    page: int = 1
    pages: int = 1


def _page(header: PageHeader, heading: str, orientation: str) -> Any:
    """An A4 Figure with the header and room for one chart and its reading."""
    if orientation not in A4:
        raise ValueError(_("Orientation must be portrait or landscape, not {value!r}.").format(value=orientation))
    width, height = A4[orientation]
    chart_height = 5.4 if orientation == "portrait" else 5.3
    top = 1.25
    figure = new_figure(width, height, bottom=height - top - chart_height)
    figure.subplots_adjust(left=0.9 / width, right=1 - 1.0 / width, top=1 - top / height)
    left, right = 0.6 / width, 1 - 0.6 / width
    printed = _("Printed {date} · page {page} of {pages}").format(
        date=format_date(header.printed), page=header.page, pages=header.pages)  # fmt: skip
    room = (right - left) * width * 72 - _text_width(printed, 9) - 18  # points left of the page number
    figure.text(left, 1 - 0.45 / height, _elided(f"{header.register} · {header.node}", 9, room), fontsize=9,
                color="#333333", va="baseline", label="header")  # fmt: skip
    figure.text(right, 1 - 0.45 / height, printed, fontsize=9, color="#333333", ha="right", va="baseline",
                label="header")  # fmt: skip
    figure.text(left, 1 - 0.75 / height, _elided(heading, 12, (right - left) * width * 72, "bold"), fontsize=12,
                weight="bold", va="baseline", label="heading")  # fmt: skip
    figure.add_artist(_header_rule(figure, left, right, 1 - 0.55 / height))
    return figure


@lru_cache(maxsize=4096)
def _text_width(text: str, size: float, weight: str = "normal") -> float:
    """How wide ``text`` is in points at ``size`` in the charts' font: the font's advance widths (no outline is
    built: a title is measured at every width the window gives it), plus the few per cent that drawn text
    (hinted, with its side bearings) takes more."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    if not text.strip():
        return 0.0
    width, _height, _descent = text_to_path.get_text_width_height_descent(
        text, FontProperties(size=size, weight=weight), ismath=False)  # fmt: skip
    return 1.1 * float(width)


def _elided(text: str, size: float, room: float, weight: str = "normal") -> str:
    """``text``, shortened with "…" so that it fits in ``room`` points (a long register or node name)."""
    if _text_width(text, size, weight) <= room:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest beginning that fits with the ellipsis
        middle = (low + high + 1) // 2
        if _text_width(text[:middle].rstrip() + "…", size, weight) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _header_rule(figure: Any, left: float, right: float, y: float) -> Any:
    from matplotlib.lines import Line2D

    return Line2D([left, right], [y, y], transform=figure.transFigure, color="#999999", linewidth=0.6)


def _reading_text(figure: Any, reading: Reading, orientation: str) -> None:
    """The reading under the chart, wrapped to the page."""
    import textwrap

    width, height = A4[orientation]
    axes_bottom = figure.subplotpars.bottom * height
    columns = int((width - 1.5) * 13)
    lines = [*textwrap.wrap(reading.sentence, columns), *textwrap.wrap(reading.figures, columns)]
    for part in reading.history.splitlines():
        lines += textwrap.wrap(part, columns)
    figure.text(0.9 / width, (axes_bottom - 0.65) / height, "\n".join(lines), fontsize=9, va="top",
                color="#222222", linespacing=1.5, label="reading")  # fmt: skip


def measure_page(service: Any, measure: MeasureRecord, header: PageHeader, orientation: str = "landscape") -> Any:
    """One measure's chart on an A4 page with the header and the reading under the chart."""
    data = chart_data(measure, service.observations(measure.id), service.annotations(measure.id))
    figure = _page(header, measure.name, orientation)
    draw_chart(figure, data)
    _reading_text(figure, read_chart(data), orientation)
    return figure


def measure_figure(service: Any, measure: MeasureRecord, tr: Translate = _same, orientation: str = "landscape",
                   printed: date | None = None) -> Any:  # fmt: skip
    """A measure's chart as a one-page A4 export (page 1 of 1)."""
    node = service.get_node(measure.node_id)
    header = PageHeader(register_name(service), node.title, printed or date.today())
    return measure_page(service, measure, header, orientation)


def export_project_pdf(service: Any, project_id: str, path: Path, tr: Translate = _same,
                       stage_name: Translate = stage_label, orientation: str = "landscape",
                       printed: date | None = None) -> int:  # fmt: skip
    """All charts of a project on A4 pages with a header, the progress chart first; returns the page count."""
    from matplotlib.backends.backend_pdf import PdfPages

    from register.safe_output import write_output

    project = service.get_node(project_id)
    measures = service.list_measures(project_id)
    pages = 1 + len(measures)
    name, today = register_name(service), printed or date.today()

    def write(temporary: Path) -> int:
        with PdfPages(temporary, metadata={"Title": project.title, "Creator": "Improvement Register"}) as pdf:
            figure = _page(PageHeader(name, project.title, today, 1, pages), _("Progress"), orientation)
            draw_progress(figure, service.status_history(project_id), stage_changes(service.audit_trail(project_id)),
                          project.title, stage_name=stage_name)  # fmt: skip
            pdf.savefig(figure)
            for number, measure in enumerate(measures, start=2):
                pdf.savefig(measure_page(service, measure, PageHeader(name, project.title, today, number, pages),
                                         orientation))  # fmt: skip
        return pages

    return write_output(Path(path), write)
