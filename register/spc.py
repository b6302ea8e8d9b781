"""Run charts and control charts with the numbers qicharts2 (R) gives.

The public entry point is :func:`analyze`. The module uses numpy only; it knows nothing of
plotting or of the register's storage. Formulas follow qicharts2 0.8 (``helper.functions.R``):
Anhøj's runs rules per phase, 3-sigma limits per chart type, screened moving ranges, Laney's
prime charts, and NHS "Making Data Count" rules (as NHSRplotthedots applies them) for I charts.

Centre lines equal R's to the last bit: means use R's algorithm (a sequential sum in extended precision,
then the mean of the residuals added in a second pass, rounded to a double once), so a flat line of 0.1
has its centre exactly on its points and no point counts as above or below it.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from register.i18n import _
from register.vocabulary import CHART_TYPES as CHART_TYPES  # re-exported (the vocabulary loads without numpy)
from register.vocabulary import MDC_RULE_SETS as MDC_RULE_SETS

#: "mdc" flags shifts and trends of 7 points (NHS default), "mdc6" of 6 (the MDC Excel tool's variant).
RULE_SETS: tuple[str, ...] = ("anhoej", "mdc", "mdc6")
DIRECTIONS: tuple[str, ...] = ("up", "down")

_DENOMINATOR_CHARTS = frozenset({"p", "pp", "u", "up"})
_SUBGROUP_CHARTS = frozenset({"xbar", "s"})
_PROPORTION_CHARTS = frozenset({"p", "pp"})
_COUNT_CHARTS = frozenset({"c", "u", "up", "g", "p", "pp"})

#: d2 for moving ranges of two points, the screening factor (D4 for n = 2) and the MDC factors.
_D2 = 1.128
_MR_SCREEN = 3.267
_MDC_LIMIT = 2.66
_MDC_TWO_THIRDS = 2.66 * 2 / 3
_MDC_RUN = {"mdc": 7, "mdc6": 6}

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


class SpcInputError(ValueError):
    """The data cannot make a valid chart; the message says what to change."""


@dataclass(frozen=True)
class PhaseAnalysis:
    """Anhøj runs analysis of one phase. ``start`` is inclusive, ``stop`` exclusive (0-based)."""

    start: int
    stop: int
    n_useful: int | None
    longest_run: int | None
    longest_run_max: int | None
    crossings: int | None
    crossings_min: int | None
    runs_signal: bool
    #: +1 when the runs signal lies above the centre line, -1 below, 0 none or undecided.
    runs_signal_side: int = 0


@dataclass(frozen=True)
class SpcResult:
    """Centre line, limits and signals of one chart, one value per plotted point."""

    chart: str
    rules: str
    y: FloatArray
    cl: FloatArray
    lcl: FloatArray
    ucl: FloatArray
    sigma_signal: BoolArray
    phases: list[PhaseAnalysis]
    #: denominators (p/u charts) or subgroup sizes (xbar/s); None for other charts.
    n: FloatArray | None
    #: subgroup keys of xbar/s charts in order of first appearance, else None.
    subgroups: list[Any] | None
    #: True for points left out of centre line, limits and runs analysis.
    excluded: BoolArray
    #: reasons why limits could not be computed (empty when all is well).
    notes: list[str] = field(default_factory=list)
    improvement: str | None = None
    target: float | None = None
    #: Anhøj: a signal in the latest phase points in the desired direction (None: no direction).
    improvement_signal: bool | None = None
    #: Anhøj: a signal in the latest phase points against the desired direction.
    concern_signal: bool | None = None
    #: Making Data Count: per-point classification, the icon of the last point, assurance.
    point_type: list[str] | None = None
    variation_icon: str | None = None
    assurance: str | None = None
    #: p/pp/u/up: points whose denominator is 0, left as gaps (0-based).
    zero_denominators: tuple[int, ...] = ()

    @property
    def runs_signal(self) -> bool:
        """True when any phase has a runs signal."""
        return any(p.runs_signal for p in self.phases)

    @property
    def latest_phase(self) -> PhaseAnalysis:
        return self.phases[-1]


def analyze(
    y: Sequence[Any] | NDArray[Any],
    chart: str = "run",
    n: Sequence[Any] | NDArray[Any] | None = None,
    x: Sequence[Any] | None = None,
    breaks: Sequence[int] | None = None,
    baseline: int | None = None,
    exclude: Sequence[int] | None = None,
    screen_mr: bool = True,
    rules: str = "anhoej",
    improvement: str | None = None,
    target: float | None = None,
) -> SpcResult:
    """Compute a run or control chart as qicharts2 does.

    ``y`` holds the values (None or NaN for missing); for p/pp/u/up charts the numerators, with
    ``n`` the denominators; for xbar/s charts the single measurements, with ``x`` the subgroup
    key of each. ``breaks`` start new phases, ``baseline`` fixes centre line and limits on the
    leading points (ignored with breaks; longer than the series: every point), ``exclude`` leaves points
    out of the calculations. A denominator of 0 makes its point a gap (``zero_denominators``).
    ``rules`` is "anhoej", "mdc" (Making Data Count, 7-point shifts and trends) or "mdc6" (6 points).
    """
    if chart not in CHART_TYPES:
        raise SpcInputError(
            _("Unknown chart type {chart!r}; choose one of {choices}.").format(
                chart=chart, choices=", ".join(CHART_TYPES)
            )
        )
    if rules not in RULE_SETS:
        raise SpcInputError(
            _("Unknown rule set {rules!r}; choose one of {choices}.").format(rules=rules, choices=", ".join(RULE_SETS))
        )
    if rules in MDC_RULE_SETS and chart != "i":
        raise SpcInputError(_("Making Data Count rules apply to I charts only; choose chart 'i'."))
    if improvement is not None and improvement not in DIRECTIONS:
        raise SpcInputError(
            _("Direction of improvement must be 'up', 'down' or None, not {value!r}.").format(value=improvement)
        )
    target_value = None if target is None else _scalar(target, "target")

    values = _as_float_array(y, "y")
    denominators: FloatArray | None = None
    subgroups: list[Any] | None = None
    sizes: FloatArray | None = None
    sds: FloatArray | None = None

    if chart in _SUBGROUP_CHARTS:
        values, sds, sizes, subgroups = _subgroup(values, x)
    elif x is not None:
        raise SpcInputError(_("Subgroup keys (x) apply to xbar and s charts only."))

    zeros: tuple[int, ...] = ()
    if chart in _DENOMINATOR_CHARTS:
        denominators, zeros = _check_denominators(values, n, chart)
        with np.errstate(all="ignore"):
            plotted = values / denominators
        if np.isinf(plotted).any():
            index = int(np.flatnonzero(np.isinf(plotted))[0])
            raise SpcInputError(
                _("y[{index}] / n[{index}] is too large to chart; check the denominator.").format(index=index)
            )
    else:
        if n is not None:
            raise SpcInputError(
                _("Denominators (n) apply to p, pp, u and up charts, not to {chart!r}.").format(chart=chart)
            )
        plotted = values.copy()
    _check_domain(values, chart)

    count = len(plotted)
    if count == 0:
        raise SpcInputError(_("The series is empty; a chart needs at least one value."))
    starts = _phase_starts(breaks, count)
    excluded = np.zeros(count, dtype=bool)
    for index in _indices(exclude, count, "exclude"):
        excluded[index] = True
    if baseline is not None:
        # A baseline longer than the series is accepted (qicharts2 does): every point is in it.
        baseline = int(_scalar(baseline, "baseline"))
        if baseline < 1:
            raise SpcInputError(_("baseline must be 1 or more points, not {baseline}.").format(baseline=baseline))
    in_baseline = np.ones(count, dtype=bool)
    if baseline is not None and breaks is None:
        in_baseline[baseline:] = False

    with np.errstate(all="ignore"):
        result = _compute(chart, rules, plotted, values, denominators, sizes, sds, subgroups, starts, excluded,
                          in_baseline, screen_mr, improvement, target_value)  # fmt: skip
    return replace(result, zero_denominators=zeros) if zeros else result


def _compute(
    chart: str, rules: str, plotted: FloatArray, values: FloatArray, denominators: FloatArray | None,
    sizes: FloatArray | None, sds: FloatArray | None, subgroups: list[Any] | None, starts: list[int],
    excluded: BoolArray, in_baseline: BoolArray, screen_mr: bool, improvement: str | None, target_value: float | None,
) -> SpcResult:  # fmt: skip
    count = len(plotted)
    cl = np.full(count, np.nan)
    lcl = np.full(count, np.nan)
    ucl = np.full(count, np.nan)
    shown = plotted.copy()
    notes: list[str] = []
    phases: list[PhaseAnalysis] = []
    bounds = list(zip(starts, [*starts[1:], count], strict=True))
    for start, stop in bounds:
        part = slice(start, stop)
        segment = _Segment(
            y=plotted[part],
            raw=values[part],
            n=None if denominators is None else denominators[part],
            sizes=None if sizes is None else sizes[part],
            sds=None if sds is None else sds[part],
            base=in_baseline[part] & ~excluded[part],
        )
        limits = _LIMITS[chart if rules == "anhoej" else "mdc"](segment, screen_mr)
        shown[part] = limits.y
        cl[part], lcl[part], ucl[part] = limits.cl, limits.lcl, limits.ucl
        if limits.note and limits.note not in notes:
            notes.append(limits.note)
        if chart == "mr":
            phases.append(PhaseAnalysis(start, stop, None, None, None, None, None, False))
        else:
            phases.append(_runs_analysis(shown[part], cl[part], ~excluded[part], start, stop))

    for array in (cl, lcl, ucl):
        array[~np.isfinite(array)] = np.nan
    with np.errstate(invalid="ignore"):
        sigma = (shown > ucl) | (shown < lcl)
    sigma &= np.isfinite(shown)

    result = SpcResult(
        chart=chart,
        rules=rules,
        y=shown,
        cl=cl,
        lcl=lcl,
        ucl=ucl,
        sigma_signal=sigma,
        phases=phases,
        n=denominators if denominators is not None else sizes,
        subgroups=subgroups,
        excluded=excluded,
        notes=notes,
        improvement=improvement,
        target=target_value,
    )
    if rules in MDC_RULE_SETS:
        return _with_mdc(result, bounds, _MDC_RUN[rules])
    return _with_direction(result, bounds)


# --------------------------------------------------------------------------- input checks


def _scalar(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise SpcInputError(_("{name} must be a number, not {value!r}.").format(name=name, value=value))
    number = float(value)
    if not math.isfinite(number):
        raise SpcInputError(_("{name} must be a finite number, not {value!r}.").format(name=name, value=value))
    return number


def _as_float_array(values: Any, name: str) -> FloatArray:
    if values is None:
        raise SpcInputError(_("{name} is missing.").format(name=name))
    if isinstance(values, np.ndarray) and values.dtype.kind in "fiu":
        array = values.astype(np.float64, copy=True).ravel()
    elif set(map(type, values)) <= {float, int}:  # the common case, converted in C (bool, None, text: below)
        array = np.array(values, dtype=np.float64).ravel()
    else:
        array = np.empty(len(values), dtype=np.float64)
        for index, value in enumerate(values):
            if value is None:
                array[index] = np.nan
            elif isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise SpcInputError(
                    _("{name}[{index}] is {value!r}, which is not a number.").format(
                        name=name, index=index, value=value
                    )
                )
            else:
                array[index] = float(value)
    if np.isinf(array).any():
        index = int(np.flatnonzero(np.isinf(array))[0])
        raise SpcInputError(
            _("{name}[{index}] is infinite; values must be finite numbers.").format(name=name, index=index)
        )
    return array


def _check_denominators(values: FloatArray, n: Any, chart: str) -> tuple[FloatArray, tuple[int, ...]]:
    """The denominators with missing and zero ones (gaps, as in qicharts2) set to NaN, and where the zeros are."""
    if n is None:
        raise SpcInputError(_("A {chart} chart needs denominators (n), one per value.").format(chart=chart))
    denominators = _as_float_array(n, "n")
    if len(denominators) != len(values):
        raise SpcInputError(
            _("n has {n} denominators but y has {y} values; give one per value.").format(
                n=len(denominators), y=len(values)
            )
        )
    bad = np.flatnonzero(denominators < 0)
    if len(bad):
        index = int(bad[0])
        raise SpcInputError(
            _("n[{index}] is {value:g}; a denominator cannot be negative.").format(
                index=index, value=denominators[index]
            )
        )
    zeros = np.flatnonzero(denominators == 0)
    if chart in _PROPORTION_CHARTS:
        with np.errstate(invalid="ignore"):
            over = np.flatnonzero((values > denominators) & (denominators > 0))
        if len(over):
            index = int(over[0])
            raise SpcInputError(
                _(
                    "y[{index}] = {y:g} is larger than its denominator n[{index}] = {n:g}; a proportion cannot "
                    "exceed its denominator."
                ).format(index=index, y=values[index], n=denominators[index])
            )
    # A missing numerator or denominator, or a zero denominator, makes the whole point missing.
    missing = np.isnan(values) | np.isnan(denominators) | (denominators == 0)
    values[missing] = np.nan
    denominators[missing] = np.nan
    return denominators, tuple(int(index) for index in zeros)


def _check_domain(values: FloatArray, chart: str) -> None:
    with np.errstate(invalid="ignore"):
        if chart == "t":
            bad = np.flatnonzero(values <= 0)
            if len(bad):
                index = int(bad[0])
                raise SpcInputError(
                    _("y[{index}] is {value:g}; times between events for a t chart must be greater than zero.").format(
                        index=index, value=values[index]
                    )
                )
        elif chart in _COUNT_CHARTS:
            bad = np.flatnonzero(values < 0)
            if len(bad):
                index = int(bad[0])
                raise SpcInputError(
                    _("y[{index}] is {value:g}; counts for a {chart} chart cannot be negative.").format(
                        index=index, value=values[index], chart=chart
                    )
                )


def _indices(values: Sequence[int] | None, count: int, name: str) -> list[int]:
    if values is None:
        return []
    result = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise SpcInputError(_("{name} holds {value!r}; give 0-based point indices.").format(name=name, value=value))
        index = int(value)
        if not 0 <= index < count:
            raise SpcInputError(
                _("{name} index {index} is outside the series (0 to {last}).").format(
                    name=name, index=index, last=count - 1
                )
            )
        result.append(index)
    return result


def _phase_starts(breaks: Sequence[int] | None, count: int) -> list[int]:
    return sorted({0, *_indices(breaks, count, "breaks")})


def _subgroup(values: FloatArray, keys: Sequence[Any] | None) -> tuple[FloatArray, FloatArray, FloatArray, list[Any]]:
    """Group single measurements by key, in order of first appearance: means, sds, sizes."""
    if keys is None:
        raise SpcInputError(_("xbar and s charts need subgroup keys (x), one per measurement."))
    if len(keys) != len(values):
        raise SpcInputError(
            _("x has {x} subgroup keys but y has {y} values; give one per value.").format(x=len(keys), y=len(values))
        )
    order: dict[Any, int] = {}
    codes = np.empty(len(values), dtype=np.int64)
    for index, key in enumerate(keys):
        if key is None or (isinstance(key, float) and math.isnan(key)):
            raise SpcInputError(_("x[{index}] is missing; every measurement needs a subgroup key.").format(index=index))
        codes[index] = order.setdefault(key, len(order))
    groups = len(order)
    valid = ~np.isnan(values)
    sizes = np.bincount(codes[valid], minlength=groups).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = _group_means(codes[valid], values[valid], sizes)
        deviations = values[valid] - means[codes[valid]]
        squares = np.bincount(codes[valid], weights=deviations * deviations, minlength=groups)
        sds = np.sqrt(squares / (sizes - 1))
    sds[sizes < 2] = np.nan
    return means, sds, sizes, list(order)


def _group_means(codes: NDArray[np.int64], values: FloatArray, sizes: FloatArray) -> FloatArray:
    """Each group's mean as R's ``mean()`` gives it: extended-precision sums and a residual pass, rounded once."""
    groups = len(sizes)
    means = np.full(groups, np.nan)
    if not len(values):
        return means
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    extended = values[order].astype(np.longdouble)
    present = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
    owners = sorted_codes[present]
    counts = sizes[owners].astype(np.longdouble)
    first = np.add.reduceat(extended, present) / counts
    residual = np.add.reduceat(extended - np.repeat(first, np.diff(np.r_[present, len(extended)])), present)
    means[owners] = (first + residual / counts).astype(np.float64)
    return means


# --------------------------------------------------------------------------- limits per chart


@dataclass
class _Segment:
    y: FloatArray
    raw: FloatArray
    n: FloatArray | None
    sizes: FloatArray | None
    sds: FloatArray | None
    base: BoolArray


@dataclass
class _Limits:
    y: FloatArray
    cl: FloatArray
    lcl: FloatArray
    ucl: FloatArray
    note: str = ""


def r_sum(values: FloatArray) -> float:
    """R's ``sum()`` of doubles: added one by one in extended precision (long double), rounded once."""
    if not len(values):
        return 0.0
    return float(np.cumsum(values, dtype=np.longdouble)[-1])


def r_mean(values: FloatArray) -> float:
    """R's ``mean()`` of doubles (summary.c): the extended-precision sum divided by the count, then the
    mean of the residuals added (a second pass), rounded to a double once. NaN for no values."""
    count = len(values)
    if not count:
        return math.nan
    extended = values.astype(np.longdouble)
    mean = np.cumsum(extended)[-1] / count
    if np.isfinite(mean):
        mean += np.cumsum(extended - mean)[-1] / count
    return float(mean)


def _mean(values: FloatArray) -> float:
    return r_mean(values[~np.isnan(values)])


def _median(values: FloatArray) -> float:
    """R's ``median()``: the middle value, or R's mean of the two middle values."""
    finite = values[~np.isnan(values)]
    count = len(finite)
    if not count:
        return math.nan
    half = count // 2
    if count % 2:
        return float(np.partition(finite, half)[half])
    middle = np.partition(finite, (half - 1, half))[half - 1 : half + 1]
    return r_mean(middle)


def _average_moving_range(values: FloatArray, screen: bool) -> float:
    """Mean moving range of consecutive values; a missing value breaks both neighbours."""
    ranges = np.abs(np.diff(values))
    amr = _spread_mean(ranges)
    if screen and not math.isnan(amr):
        amr = _spread_mean(ranges[ranges < _MR_SCREEN * amr])
    return amr


def _spread_mean(values: FloatArray) -> float:
    """numpy's mean for a spread (the limits' width): no point is compared with it for equality, and
    R's exact algorithm would cost a third of the time of a long series."""
    finite = values[~np.isnan(values)]
    return float(finite.mean()) if len(finite) else math.nan


def _full(segment: _Segment, value: float) -> FloatArray:
    return np.full(len(segment.y), value)


def _too_few_note(amr: float) -> str:
    if math.isnan(amr):
        return _("Too few consecutive values to compute a moving range; the limits are left out.")
    return ""


def _run_limits(segment: _Segment, screen: bool) -> _Limits:
    cl = _median(segment.y[segment.base])
    nan = _full(segment, math.nan)
    return _Limits(segment.y, _full(segment, cl), nan, nan.copy())


def _i_limits(segment: _Segment, screen: bool) -> _Limits:
    base_values = segment.y[segment.base]
    cl = _mean(base_values)
    amr = _average_moving_range(base_values, screen)
    sigma = amr / _D2
    return _Limits(
        segment.y,
        _full(segment, cl),
        _full(segment, cl - 3 * sigma),
        _full(segment, cl + 3 * sigma),
        _too_few_note(amr),
    )


def _mr_limits(segment: _Segment, screen: bool) -> _Limits:
    ranges = np.concatenate(([np.nan], np.abs(np.diff(segment.y))))
    cl = _mean(ranges[segment.base])
    note = "" if math.isfinite(cl) else _too_few_note(cl)
    return _Limits(ranges, _full(segment, cl), _full(segment, 0.0), _full(segment, _MR_SCREEN * cl), note)


def _t_limits(segment: _Segment, screen: bool) -> _Limits:
    transformed = _Segment(segment.y ** (1 / 3.6), segment.raw, None, None, None, segment.base)
    limits = _i_limits(transformed, screen)
    lcl = np.where(limits.lcl < 0, 0.0, np.abs(limits.lcl) ** 3.6)
    return _Limits(segment.y, limits.cl**3.6, lcl, limits.ucl**3.6, limits.note)


def _clamp(lcl: FloatArray, ucl: FloatArray, upper: float | None) -> None:
    lcl[np.isfinite(lcl) & (lcl < 0)] = 0.0
    if upper is not None:
        ucl[np.isfinite(ucl) & (ucl > upper)] = upper


def _ratio_centre(segment: _Segment) -> float:
    assert segment.n is not None
    use = segment.base & ~np.isnan(segment.raw)
    total = r_sum(segment.n[use])
    return r_sum(segment.raw[use]) / total if total > 0 else math.nan


def _laney_factor(segment: _Segment, cl: float, stdev: FloatArray, screen: bool) -> tuple[float, str]:
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (segment.y[segment.base] - cl) / stdev[segment.base]
    amr = _average_moving_range(z, screen)
    return amr / _D2, _too_few_note(amr)


def _proportion_limits(segment: _Segment, screen: bool, laney: bool) -> _Limits:
    assert segment.n is not None
    cl = _ratio_centre(segment)
    with np.errstate(invalid="ignore"):
        stdev = np.sqrt(cl * (1 - cl) / segment.n)
    note = ""
    if laney:
        factor, note = _laney_factor(segment, cl, stdev, screen)
        stdev = stdev * factor
    lcl, ucl = cl - 3 * stdev, cl + 3 * stdev
    _clamp(lcl, ucl, 1.0)
    return _Limits(segment.y, _full(segment, cl), lcl, ucl, note)


def _rate_limits(segment: _Segment, screen: bool, laney: bool) -> _Limits:
    assert segment.n is not None
    cl = _ratio_centre(segment)
    with np.errstate(invalid="ignore"):
        stdev = np.sqrt(cl / segment.n)
    note = ""
    if laney:
        factor, note = _laney_factor(segment, cl, stdev, screen)
        stdev = stdev * factor
    lcl, ucl = cl - 3 * stdev, cl + 3 * stdev
    _clamp(lcl, ucl, None)
    return _Limits(segment.y, _full(segment, cl), lcl, ucl, note)


def _c_limits(segment: _Segment, screen: bool) -> _Limits:
    cl = _mean(segment.y[segment.base])
    stdev = math.sqrt(cl) if cl >= 0 else math.nan
    lcl, ucl = _full(segment, cl - 3 * stdev), _full(segment, cl + 3 * stdev)
    _clamp(lcl, ucl, None)
    return _Limits(segment.y, _full(segment, cl), lcl, ucl)


def _g_limits(segment: _Segment, screen: bool) -> _Limits:
    base_values = segment.y[segment.base]
    mean = _mean(base_values)
    stdev = math.sqrt(mean * (mean + 1)) if mean >= 0 else math.nan
    lcl, ucl = _full(segment, mean - 3 * stdev), _full(segment, mean + 3 * stdev)
    _clamp(lcl, ucl, None)
    return _Limits(segment.y, _full(segment, _median(base_values)), lcl, ucl)


def _c4(sizes: FloatArray) -> FloatArray:
    """Exact c4(n) = sqrt(2/(n-1)) * Γ(n/2) / Γ((n-1)/2); NaN for n <= 1."""
    result = np.full(len(sizes), np.nan)
    for size in np.unique(sizes[sizes > 1]):
        gamma_ratio = math.exp(math.lgamma(size / 2) - math.lgamma((size - 1) / 2))
        result[sizes == size] = math.sqrt(2 / (size - 1)) * gamma_ratio
    return result


def _pooled_sd(segment: _Segment) -> float:
    """s̄ for equal subgroup sizes, else the pooled standard deviation (Montgomery 6.29/6.31)."""
    assert segment.sizes is not None and segment.sds is not None
    base_sizes, base_sds = segment.sizes[segment.base], segment.sds[segment.base]
    if len(np.unique(segment.sizes)) > 1:
        use = ~np.isnan(base_sds)
        dof = float((base_sizes[use] - 1).sum())
        return math.sqrt(float(((base_sizes[use] - 1) * base_sds[use] ** 2).sum()) / dof) if dof > 0 else math.nan
    return _mean(base_sds)


def _xbar_limits(segment: _Segment, screen: bool) -> _Limits:
    assert segment.sizes is not None
    use = segment.base & ~np.isnan(segment.y)
    total = r_sum(segment.sizes[use])
    cl = r_sum(segment.sizes[use] * segment.y[use]) / total if total > 0 else math.nan
    sd = _pooled_sd(segment)
    with np.errstate(invalid="ignore", divide="ignore"):
        a3 = 3 / (_c4(segment.sizes) * np.sqrt(segment.sizes))
    note = "" if math.isfinite(sd) else _("No subgroup has two or more values; the limits are left out.")
    return _Limits(segment.y, _full(segment, cl), cl - a3 * sd, cl + a3 * sd, note)


def _s_limits(segment: _Segment, screen: bool) -> _Limits:
    assert segment.sizes is not None and segment.sds is not None
    cl = _pooled_sd(segment)
    c4 = _c4(segment.sizes)
    c5 = np.sqrt(1 - c4**2)
    b3 = np.maximum(0.0, 1 - 3 * c5 / c4)
    b4 = 1 + 3 * c5 / c4
    note = "" if math.isfinite(cl) else _("No subgroup has two or more values; the limits are left out.")
    return _Limits(segment.sds.copy(), _full(segment, cl), b3 * cl, b4 * cl, note)


def _mdc_limits(segment: _Segment, screen: bool) -> _Limits:
    base_values = segment.y[segment.base]
    cl = _mean(base_values)
    amr = _average_moving_range(base_values, screen)
    return _Limits(
        segment.y,
        _full(segment, cl),
        _full(segment, cl - _MDC_LIMIT * amr),
        _full(segment, cl + _MDC_LIMIT * amr),
        _too_few_note(amr),
    )


_LIMITS = {
    "run": _run_limits,
    "i": _i_limits,
    "mr": _mr_limits,
    "t": _t_limits,
    "p": lambda s, screen: _proportion_limits(s, screen, laney=False),
    "pp": lambda s, screen: _proportion_limits(s, screen, laney=True),
    "u": lambda s, screen: _rate_limits(s, screen, laney=False),
    "up": lambda s, screen: _rate_limits(s, screen, laney=True),
    "c": _c_limits,
    "g": _g_limits,
    "xbar": _xbar_limits,
    "s": _s_limits,
    "mdc": _mdc_limits,
}


# --------------------------------------------------------------------------- Anhøj runs rules


@lru_cache(maxsize=4096)
def crossings_minimum(useful: int) -> int:
    """R's ``qbinom(0.05, useful - 1, 0.5)``, computed exactly with integers."""
    trials = max(useful - 1, 0)
    threshold = 1 << trials  # P(X <= k) >= 0.05  <=>  20 * sum(C(trials, i)) >= 2**trials
    cumulative, coefficient = 0, 1
    for k in range(trials + 1):
        cumulative += coefficient
        if 20 * cumulative >= threshold:
            return k
        coefficient = coefficient * (trials - k) // (k + 1)
    return trials


def longest_run_maximum(useful: int) -> int:
    """Schilling's limit for the longest run: round(log2(n)) + 3."""
    return round(math.log2(useful)) + 3


def _runs_analysis(y: FloatArray, cl: FloatArray, include: BoolArray, start: int, stop: int) -> PhaseAnalysis:
    with np.errstate(invalid="ignore"):
        sides = np.sign(y[include] - cl[include])
    sides = sides[(sides != 0) & ~np.isnan(sides)]
    useful = len(sides)
    if useful == 0:
        return PhaseAnalysis(start, stop, 0, None, None, None, None, False)
    edges = np.flatnonzero(np.diff(sides)) + 1
    run_starts = np.concatenate(([0], edges))
    lengths = np.diff(np.concatenate((run_starts, [useful])))
    longest = int(lengths.max())
    crossings = len(lengths) - 1
    longest_max = longest_run_maximum(useful)
    crossings_min = crossings_minimum(useful)
    signal = longest > longest_max or crossings < crossings_min
    side = 0
    if longest > longest_max:
        long_runs = np.flatnonzero(lengths > longest_max)
        side = int(sides[run_starts[long_runs[-1]]])
    elif signal:
        side = int(sides[run_starts[int(np.flatnonzero(lengths == longest)[-1])]])
    return PhaseAnalysis(start, stop, useful, longest, longest_max, crossings, crossings_min, signal, side)


def _direction_sign(improvement: str | None) -> int:
    return {"up": 1, "down": -1}.get(improvement or "", 0)


def _with_direction(result: SpcResult, bounds: list[tuple[int, int]]) -> SpcResult:
    """Say whether the latest phase's signals point in the desired direction."""
    desired = _direction_sign(result.improvement)
    if desired == 0 or result.chart == "mr":
        return result
    start, stop = bounds[-1]
    part = slice(start, stop)
    sides: set[int] = set()
    with np.errstate(invalid="ignore"):
        high = result.sigma_signal[part] & (result.y[part] > result.ucl[part])
        low = result.sigma_signal[part] & (result.y[part] < result.lcl[part])
    if high.any():
        sides.add(1)
    if low.any():
        sides.add(-1)
    phase = result.latest_phase
    if phase.runs_signal and phase.runs_signal_side:
        sides.add(phase.runs_signal_side)
    return replace(result, improvement_signal=desired in sides, concern_signal=-desired in sides)


# --------------------------------------------------------------------------- Making Data Count


def _runs_of(values: NDArray[np.int64], minimum: int) -> NDArray[np.int64]:
    """For each position, the sign of the run of equal non-zero values it is in when the run is at
    least ``minimum`` long, else 0."""
    flagged = np.zeros(len(values), dtype=np.int64)
    start = 0
    for index in range(1, len(values) + 1):
        if index == len(values) or values[index] != values[start]:
            if values[start] != 0 and index - start >= minimum:
                flagged[start:index] = values[start]
            start = index
    return flagged


def _mdc_point_directions(
    y: FloatArray, cl: FloatArray, lcl: FloatArray, ucl: FloatArray, run: int
) -> NDArray[np.int64]:
    """Special-cause direction of each point of one phase (+1 high, -1 low, 0 common cause); ``run`` is the
    length of a shift or trend (7, or 6 in the MDC Excel tool's variant)."""
    count = len(y)
    valid = ~np.isnan(y)
    with np.errstate(invalid="ignore"):
        side = np.where(valid, np.sign(y - cl), 0).astype(np.int64)
        outside = valid & ((y > ucl) | (y < lcl))
        band = (ucl - cl) * (_MDC_TWO_THIRDS / _MDC_LIMIT)
        close = valid & ~outside & ((y > cl + band) | (y < cl - band))
    # Trend: `run` points in a row rising or falling; a tie or a missing value breaks it.
    steps = np.zeros(max(count - 1, 0), dtype=np.int64)
    if count > 1:
        with np.errstate(invalid="ignore"):
            steps = np.where(valid[1:] & valid[:-1], np.sign(np.diff(y)), 0).astype(np.int64)
    step_runs = _runs_of(steps, run - 1)
    trend = np.zeros(count, dtype=np.int64)
    for index in np.flatnonzero(step_runs):
        trend[index] = trend[index + 1] = step_runs[index]
    # Two of three points beyond the 2/3 line (inside the limits), all three on the same side of the mean
    # (NHSRplotthedots #143, the MDC Excel tool #194).
    close_side = np.where(close, side, 0)
    two_of_three = np.zeros(count, dtype=np.int64)
    for start in range(max(count - 2, 0)):
        window = close_side[start : start + 3]
        for direction in (1, -1):
            if int((window == direction).sum()) >= 2 and bool((side[start : start + 3] == direction).all()):
                hits = start + np.flatnonzero(window == direction)
                two_of_three[hits] = direction
    shift = _runs_of(side, run)
    directions = np.zeros(count, dtype=np.int64)
    for index in range(count):
        if outside[index]:
            directions[index] = side[index]
        elif trend[index]:
            directions[index] = trend[index]
        elif two_of_three[index]:
            directions[index] = two_of_three[index]
        elif shift[index]:
            directions[index] = shift[index]
    return directions


def _with_mdc(result: SpcResult, bounds: list[tuple[int, int]], run: int) -> SpcResult:
    desired = _direction_sign(result.improvement)
    directions = np.zeros(len(result.y), dtype=np.int64)
    for start, stop in bounds:
        part = slice(start, stop)
        directions[part] = _mdc_point_directions(
            result.y[part], result.cl[part], result.lcl[part], result.ucl[part], run
        )
    types: list[str] = []
    for direction in directions:
        if direction == 0:
            types.append("common_cause")
        elif desired == 0:
            types.append("special_cause_neutral_high" if direction > 0 else "special_cause_neutral_low")
        elif direction == desired:
            types.append("special_cause_improvement")
        else:
            types.append("special_cause_concern")
    icon = None
    valid = np.flatnonzero(~np.isnan(result.y))
    if len(valid):
        last = types[int(valid[-1])]
        if last == "common_cause":
            icon = "common_cause"
        elif last.startswith("special_cause_neutral"):
            icon = last.removeprefix("special_cause_")
        else:
            kind = "improvement" if last == "special_cause_improvement" else "concern"
            high = (desired > 0) == (kind == "improvement")
            icon = f"{kind}_{'high' if high else 'low'}"
    assurance = None
    if result.target is not None and desired != 0:
        lower, upper = float(result.lcl[-1]), float(result.ucl[-1])
        if math.isfinite(lower) and math.isfinite(upper):
            if lower <= result.target <= upper:
                assurance = "inconsistent"
            else:
                passes = result.target < lower if desired > 0 else result.target > upper
                assurance = "consistent_pass" if passes else "consistent_fail"
    return replace(
        result,
        point_type=types,
        variation_icon=icon,
        assurance=assurance,
        improvement_signal=None if desired == 0 else _latest_phase_has(types, bounds, "special_cause_improvement"),
        concern_signal=None if desired == 0 else _latest_phase_has(types, bounds, "special_cause_concern"),
    )


def _latest_phase_has(types: list[str], bounds: list[tuple[int, int]], wanted: str) -> bool:
    start, stop = bounds[-1]
    return wanted in types[start:stop]
