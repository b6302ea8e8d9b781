"""The statistics engine against qicharts2's reference vectors, textbook constants and bad input."""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from register.spc import CHART_TYPES, SpcInputError, analyze, crossings_minimum, longest_run_maximum, r_mean

#: qicharts2 reference vectors, copied from the shared reference folder so a fresh clone runs them.
VECTORS_FILE = Path(__file__).with_name("data") / "spc-vectors.json"


def _vectors() -> list[dict]:
    return json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["vectors"]


def _array(values: list) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


@pytest.mark.parametrize("vector", _vectors(), ids=lambda v: v["name"])
def test_reference_vector(vector: dict) -> None:
    expected = vector["expected"]
    result = analyze(**vector["input"])
    for name in ("y", "cl", "lcl", "ucl"):
        np.testing.assert_allclose(getattr(result, name), _array(expected[name]), rtol=1e-6, atol=0, err_msg=name)
    assert result.sigma_signal.tolist() == expected["sigma_signal"]
    assert len(result.phases) == len(expected["phases"])
    for got, want in zip(result.phases, expected["phases"], strict=True):
        for key, value in want.items():
            assert getattr(got, key) == value, key


def test_all_reference_vectors_are_present() -> None:
    assert len(_vectors()) >= 15


# ----------------------------------------------------------------------------- Anhøj rules


@pytest.mark.parametrize(
    ("useful", "limit", "minimum"),
    # Anhøj & Olesen (2014), table 1: longest-run limit and crossings minimum by useful observations.
    [(10, 6, 2), (11, 6, 2), (12, 7, 3), (14, 7, 4), (20, 7, 6), (22, 7, 7), (24, 8, 8), (30, 8, 10), (40, 8, 14),
     (50, 9, 19), (100, 10, 41)],
)  # fmt: skip
def test_runs_limits_match_the_published_table(useful: int, limit: int, minimum: int) -> None:
    assert longest_run_maximum(useful) == limit
    assert crossings_minimum(useful) == minimum


def test_run_of_seven_at_22_points_is_not_a_signal() -> None:
    # 22 useful points: the longest-run limit is 7, so a run of 7 alone must not signal (strict >).
    sides = "HHHHHHH" + "LLHLLHLLHLLHLLL"  # 11 high, 11 low: the median lies between them
    y = [3.0 if side == "H" else 1.0 for side in sides]
    result = analyze(y, "run")
    phase = result.phases[0]
    assert phase.n_useful == 22 and phase.longest_run == 7 and phase.longest_run_max == 7
    assert phase.crossings >= phase.crossings_min
    assert not phase.runs_signal


def test_crossings_minimum_agrees_with_scipy_binomial_quantile() -> None:
    binom = pytest.importorskip("scipy.stats").binom
    for useful in range(1, 401):
        assert crossings_minimum(useful) == int(binom.ppf(0.05, max(useful - 1, 0), 0.5)), useful


def test_crossings_minimum_is_exact_for_long_series() -> None:
    # qbinom(0.05, 9999, 0.5) in R is 4917.
    assert crossings_minimum(10_000) == 4917


def test_improvement_signal_follows_the_direction() -> None:
    y = [10, 11, 9, 10, 12, 8, 11, 9, 10, 11, 9, 10] + [5, 6, 5, 4, 6, 5, 5, 4, 6, 5, 4, 5]
    down = analyze(y, "i", baseline=12, improvement="down")
    up = analyze(y, "i", baseline=12, improvement="up")
    assert down.runs_signal
    assert down.improvement_signal is True and down.concern_signal is False
    assert up.improvement_signal is False and up.concern_signal is True
    assert analyze(y, "i").improvement_signal is None


# ----------------------------------------------------------------------------- exact centre lines
# R's mean() rounds once (extended-precision sum plus a residual pass), so the oracle is the exact rational mean
# of the doubles rounded to the nearest double: float(Fraction) rounds correctly.


def _exact_mean(values: list[float]) -> float:
    return float(sum(map(Fraction, values)) / len(values))


def _exact_median(values: list[float]) -> float:
    ordered = sorted(map(Fraction, values))
    half = len(ordered) // 2
    return float(ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2)


def _useful(values: list[float], centre: float) -> int:
    return sum(Fraction(v) != Fraction(centre) for v in values)


def test_a_flat_line_of_tenths_has_no_useful_points_and_no_signal() -> None:
    for chart in ("i", "run", "c"):
        result = analyze([0.1] * 24, chart)
        assert result.cl[0] == 0.1
        assert result.phases[0].n_useful == 0 and not result.runs_signal


def test_the_issue_i_chart_has_centre_10_3_like_qicharts2() -> None:
    y = [7.0, 9.1, 9.2, 11.7, 11.9, 5.9, 12.1, 11.5, 10.1, 10.4, 11.1, 9.3, 12.2, 8.3, 10.0, 11.1, 9.4, 12.8, 12.6,
         10.0, 9.2, 10.3, 12.4, 9.6]  # fmt: skip
    assert float(np.mean(y)) != 10.3  # numpy's pairwise sum is one unit in the last place off
    phase = analyze(y, "i").phases[0]
    assert analyze(y, "i").cl[0] == 10.3
    assert (phase.n_useful, phase.crossings_min, phase.longest_run_max) == (23, 7, 8)


_tenths = st.integers(min_value=0, max_value=9999).map(lambda k: k / 10)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(_tenths, min_size=1, max_size=60))
def test_centre_lines_of_one_decimal_series_equal_exact_arithmetic(values: list[float]) -> None:
    i_chart = analyze(values, "i")
    assert i_chart.cl[0] == r_mean(np.array(values)) == _exact_mean(values)
    assert i_chart.phases[0].n_useful == _useful(values, i_chart.cl[0])
    run = analyze(values, "run")
    assert run.cl[0] == _exact_median(values)
    assert run.phases[0].n_useful == _useful(values, run.cl[0])


@settings(max_examples=300, deadline=None)
@given(
    middle=st.integers(min_value=0, max_value=999),
    offsets=st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=20),
    data=st.data(),
)
def test_a_mean_that_equals_a_data_point_is_exact(middle: int, offsets: list[int], data: st.DataObject) -> None:
    # The decimal mean is the data point middle / 10: pairs middle ± offset around it.
    offsets = [min(offset, middle, 999 - middle) for offset in offsets]
    tenths = [middle] + [middle + o for o in offsets] + [middle - o for o in offsets]
    values = data.draw(st.permutations([k / 10 for k in tenths]))
    result = analyze(values, "i")
    assert result.cl[0] == _exact_mean(values)
    assert result.phases[0].n_useful == _useful(values, result.cl[0])
    if result.cl[0] == middle / 10:  # the doubles' exact mean rounds to the point itself (most cases)
        assert result.phases[0].n_useful == sum(k != middle for k in tenths)


@settings(max_examples=150, deadline=None)
@given(
    counts=st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)), min_size=1, max_size=40),
    chart=st.sampled_from(["p", "u"]),
)
def test_weighted_centre_lines_equal_exact_arithmetic(counts: list[tuple[int, int]], chart: str) -> None:
    y = [min(a, b) if chart == "p" else a for a, b in counts]
    n = [b for _, b in counts]
    result = analyze(y, chart, n=n)
    assert result.cl[0] == float(Fraction(sum(y), sum(n)))


def test_xbar_centre_is_the_size_weighted_mean_rounded_once() -> None:
    y = [0.1, 0.2, 0.3, 0.7, 0.1, 0.4]
    x = [1, 1, 2, 2, 2, 3]
    result = analyze(y, "xbar", x=x)
    means = [float(sum(map(Fraction, g)) / len(g)) for g in ([0.1, 0.2], [0.3, 0.7, 0.1], [0.4])]
    sizes = [2, 3, 1]
    products = [Fraction(size * mean) for size, mean in zip(sizes, means, strict=True)]  # R multiplies in doubles
    assert result.cl[0] == float(Fraction(float(sum(products))) / 6)


# ----------------------------------------------------------------------------- chart formulas


def test_xbar_and_s_with_equal_subgroups_use_mean_sd() -> None:
    rng = np.random.default_rng(1)
    values = rng.normal(10, 2, size=(20, 5))
    keys = np.repeat(np.arange(20), 5).tolist()
    xbar = analyze(values.ravel(), "xbar", x=keys)
    s = analyze(values.ravel(), "s", x=keys)
    sds = values.std(axis=1, ddof=1)
    sbar = sds.mean()
    # Textbook constants for n = 5: A3 = 1.427, B3 = 0, B4 = 2.089.
    np.testing.assert_allclose(xbar.y, values.mean(axis=1))
    np.testing.assert_allclose(xbar.cl, values.mean())
    np.testing.assert_allclose(xbar.ucl - xbar.cl, 1.427 * sbar, rtol=1e-3)
    np.testing.assert_allclose(s.y, sds)
    np.testing.assert_allclose(s.cl, sbar)
    np.testing.assert_allclose(s.ucl, 2.089 * sbar, rtol=1e-3)
    np.testing.assert_allclose(s.lcl, 0.0)
    assert xbar.subgroups == list(range(20))


def test_xbar_with_varying_subgroups_pools_the_sd() -> None:
    groups = [[9.0, 10.0, 11.0], [10.0, 12.0], [8.0, 9.0, 10.0, 13.0]]
    y = [v for g in groups for v in g]
    x = [i for i, g in enumerate(groups) for _ in g]
    result = analyze(y, "xbar", x=x)
    pooled = math.sqrt(sum((len(g) - 1) * np.var(g, ddof=1) for g in groups) / sum(len(g) - 1 for g in groups))
    assert result.cl[0] == pytest.approx(sum(sum(g) for g in groups) / len(y))
    c4_2 = math.sqrt(2 / 1) * math.gamma(1) / math.gamma(0.5)
    assert result.ucl[1] == pytest.approx(result.cl[1] + 3 / (c4_2 * math.sqrt(2)) * pooled)


def test_g_chart_centre_is_median_and_limits_come_from_mean() -> None:
    y = [3, 10, 1, 25, 7, 4, 15, 2, 9, 30]
    result = analyze(y, "g")
    mean = float(np.mean(y))
    assert result.cl[0] == pytest.approx(float(np.median(y)))
    assert result.ucl[0] == pytest.approx(mean + 3 * math.sqrt(mean * (mean + 1)))
    assert result.lcl[0] == 0.0


def test_up_chart_uses_laney_sigma_without_floor() -> None:
    y = [50, 52, 49, 51, 50, 48, 52, 50]
    n = [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]
    u = analyze(y, "u", n=n)
    up = analyze(y, "up", n=n)
    # Little between-subgroup variation: Laney's sigma factor is below 1 and must not be floored.
    assert (up.ucl - up.cl)[0] < (u.ucl - u.cl)[0]


def test_phases_have_their_own_lines_and_baseline_is_ignored_with_breaks() -> None:
    y = [5, 6, 5, 7, 6, 5, 6, 20, 21, 19, 22, 20, 21, 20]
    result = analyze(y, "i", breaks=[7], baseline=4)
    assert result.cl[0] == pytest.approx(np.mean(y[:7]))
    assert result.cl[-1] == pytest.approx(np.mean(y[7:]))
    assert [(p.start, p.stop) for p in result.phases] == [(0, 7), (7, 14)]


def test_excluded_point_is_flagged_but_not_used() -> None:
    y = [5, 6, 5, 6, 5, 40, 6, 5, 6, 5]
    result = analyze(y, "i", exclude=[5])
    assert result.cl[0] == pytest.approx(np.mean([v for i, v in enumerate(y) if i != 5]))
    assert result.sigma_signal[5]
    assert result.excluded[5] and result.excluded.sum() == 1


def test_too_few_points_give_nan_limits_with_a_reason() -> None:
    result = analyze([5.0], "i")
    assert math.isnan(result.ucl[0]) and result.notes
    result = analyze([5.0, None, 6.0], "i")
    assert np.isnan(result.ucl).all() and "moving range" in result.notes[0]


# ----------------------------------------------------------------------------- Making Data Count


def test_mdc_limits_and_outside_point() -> None:
    y = [10, 11, 9, 10, 11, 10, 9, 10, 30, 10, 11, 9]
    result = analyze(y, "i", rules="mdc", improvement="up")
    ranges = np.abs(np.diff(y))
    amr = ranges.mean()
    amr = ranges[ranges < 3.267 * amr].mean()
    assert result.ucl[0] == pytest.approx(np.mean(y) + 2.66 * amr)
    assert result.point_type[8] == "special_cause_improvement"
    assert result.sigma_signal[8] and result.sigma_signal.sum() == 1
    # The outlier lifts the mean, so the eight points before it form a shift below it: a concern.
    assert result.point_type[:8] == ["special_cause_concern"] * 8


def test_mdc_trend_shift_and_two_of_three() -> None:
    trend = [10, 10.5, 9.5, 10, 10.2, 9.8, 10, 10.1, 9.9] + [9.0, 9.2, 9.4, 9.6, 9.8, 10.0, 10.2]
    result = analyze(trend, "i", rules="mdc", improvement="down")
    assert result.point_type[-7:] == ["special_cause_concern"] * 7  # seven rising points
    shift = [10, 11, 9, 10, 11, 9, 10, 12, 11.5, 12, 11.2, 11.8, 11.4, 11.6]
    result = analyze(shift, "i", rules="mdc")
    assert result.point_type[-7:] == ["special_cause_neutral_high"] * 7
    assert result.variation_icon == "neutral_high"


def test_mdc_assurance() -> None:
    y = [10, 11, 9, 10, 11, 10, 9, 10, 11, 10, 9, 10]
    assert analyze(y, "i", rules="mdc", improvement="up", target=5).assurance == "consistent_pass"
    assert analyze(y, "i", rules="mdc", improvement="up", target=20).assurance == "consistent_fail"
    assert analyze(y, "i", rules="mdc", improvement="down", target=20).assurance == "consistent_pass"
    assert analyze(y, "i", rules="mdc", improvement="up", target=10.5).assurance == "inconsistent"
    assert analyze(y, "i", rules="mdc", improvement="up").assurance is None


def test_mdc_two_of_three_needs_all_three_on_one_side_of_the_mean() -> None:
    # NHSRplotthedots #143 / MDC Excel tool #194: 49.4 lies below the mean, so 56.8 and 56.2 are common cause.
    result = analyze([47.4, 47.8, 44.2, 49.5, 49.4, 56.8, 56.2], "i", rules="mdc", improvement="up")
    assert result.point_type == ["common_cause"] * 7
    assert result.variation_icon == "common_cause" and result.improvement_signal is False
    # The same two high points after a point above the mean do signal.
    result = analyze([47.4, 47.8, 44.2, 49.5, 50.5, 56.8, 56.2], "i", rules="mdc", improvement="up")
    assert result.point_type[-2:] == ["special_cause_improvement"] * 2


def test_mdc6_flags_shifts_and_trends_of_six() -> None:
    shift = [10, 11, 9, 10, 11, 9, 10, 9, 11.5, 12, 11.2, 11.8, 11.4, 11.6]
    assert "special_cause_neutral_high" not in analyze(shift[1:], "i", rules="mdc").point_type
    assert analyze(shift[1:], "i", rules="mdc6").point_type[-6:] == ["special_cause_neutral_high"] * 6
    trend = [10, 10.5, 9.5, 10, 10.2, 9.8, 10, 10.1, 9.9, 9.3, 9.5, 9.7, 9.9, 10.1, 10.3]
    assert analyze(trend, "i", rules="mdc", improvement="up").point_type[-6:] == ["common_cause"] * 6
    assert analyze(trend, "i", rules="mdc6", improvement="up").point_type[-6:] == ["special_cause_improvement"] * 6


@pytest.mark.parametrize("chart", ["p", "pp", "u", "up"])
def test_a_zero_denominator_is_a_gap(chart: str) -> None:
    y = [5, 6, 4, 0, 5, 7, 6, 5, 4, 6]
    n = [50, 55, 48, 0, 52, 60, 57, 50, 45, 58]
    result = analyze(y, chart, n=n)
    assert math.isnan(result.y[3]) and result.zero_denominators == (3,)
    # As qicharts2: the same as a missing point (a Laney chart's moving ranges skip it).
    reference = analyze([None if i == 3 else v for i, v in enumerate(y)], chart,
                        n=[None if i == 3 else v for i, v in enumerate(n)])  # fmt: skip
    np.testing.assert_array_equal(result.cl, reference.cl)
    np.testing.assert_array_equal(result.ucl, reference.ucl)
    assert reference.zero_denominators == ()


def test_a_baseline_longer_than_the_series_uses_every_point() -> None:
    y = [5, 6, 5, 7, 6, 5, 6, 8]
    longer, whole = analyze(y, "i", baseline=20), analyze(y, "i")
    np.testing.assert_array_equal(longer.cl, whole.cl)
    np.testing.assert_array_equal(longer.ucl, whole.ucl)


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"y": [1, 2], "chart": "x"}, "Unknown chart type"),
        ({"y": [1, 2], "chart": "p"}, "needs denominators"),
        ({"y": [1, 2], "chart": "p", "n": [5]}, "give one per value"),
        ({"y": [6, 2], "chart": "p", "n": [5, 5]}, "cannot exceed"),
        ({"y": [1, 2], "chart": "u", "n": [5, -1]}, "cannot be negative"),
        ({"y": [1, 0], "chart": "t"}, "greater than zero"),
        ({"y": [1, -2], "chart": "c"}, "cannot be negative"),
        ({"y": [1, -2], "chart": "g"}, "cannot be negative"),
        ({"y": [1, -2], "chart": "u", "n": [3, 3]}, "cannot be negative"),
        ({"y": [1, 2, 3], "chart": "i", "breaks": [3]}, "outside the series"),
        ({"y": [1, 2, 3], "chart": "i", "exclude": [-1]}, "outside the series"),
        ({"y": [1, "a"], "chart": "i"}, "not a number"),
        ({"y": [1.5, True, 2], "chart": "i"}, r"y\[1\] is True, which is not a number"),
        ({"y": [1, 2.5, float("inf")], "chart": "i"}, r"y\[2\] is infinite"),
        ({"y": [1, 2], "chart": "run", "rules": "mdc"}, "I charts only"),
        ({"y": [1, 2], "chart": "xbar"}, "subgroup keys"),
        ({"y": [], "chart": "i"}, "empty"),
        ({"y": [1, 2], "chart": "i", "baseline": 0}, "baseline"),
        ({"y": [1, 2], "chart": "i", "rules": "mdc7"}, "Unknown rule set"),
    ],
)
def test_bad_input_gives_a_clear_error(kwargs: dict, message: str) -> None:
    with pytest.raises(SpcInputError, match=message):
        analyze(**kwargs)


_finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(st.one_of(_finite, st.none()), min_size=1, max_size=40),
    chart=st.sampled_from(CHART_TYPES),
    data=st.data(),
)
def test_any_finite_series_gives_a_result_or_a_clear_error(values: list, chart: str, data: st.DataObject) -> None:
    kwargs: dict = {}
    if chart in ("p", "pp", "u", "up"):
        kwargs["n"] = data.draw(st.lists(st.floats(-5, 1e4), min_size=len(values), max_size=len(values)))
    if chart in ("xbar", "s"):
        kwargs["x"] = data.draw(st.lists(st.integers(0, 5), min_size=len(values), max_size=len(values)))
    if data.draw(st.booleans()):
        kwargs["breaks"] = data.draw(st.lists(st.integers(0, len(values) + 2), max_size=2))
    if data.draw(st.booleans()):
        kwargs["exclude"] = data.draw(st.lists(st.integers(0, len(values) + 2), max_size=2))
    try:
        result = analyze(values, chart, **kwargs)
    except SpcInputError as error:
        assert str(error)
        return
    count = len(result.y)
    for array in (result.cl, result.lcl, result.ucl, result.sigma_signal, result.excluded):
        assert array.shape == (count,)
    assert result.phases[0].start == 0 and result.phases[-1].stop == count
    if chart == "run":
        assert np.isnan(result.ucl).all()


@given(st.lists(st.one_of(st.integers(-(10**6), 10**6), _finite), min_size=2, max_size=30))
def test_plain_lists_read_the_same_as_arrays(values: list) -> None:
    """A list of Python ints and floats (converted in one step) analyses exactly like the same numbers as an array
    and like Fractions (read one value at a time)."""
    from fractions import Fraction

    listed = analyze(values, chart="i")
    arrayed = analyze(np.array(values, dtype=np.float64), chart="i")
    exact = analyze([Fraction(value) for value in values], chart="i")
    for other in (arrayed, exact):
        assert np.array_equal(listed.y, other.y, equal_nan=True)
        assert np.array_equal(listed.cl, other.cl, equal_nan=True)
