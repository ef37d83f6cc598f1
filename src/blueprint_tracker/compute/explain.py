"""One plain sentence per assessment, in Traditional Chinese (Hong Kong) and English.

Built after the vectorised computation, from the status and the numbers that decided it.
"""

from __future__ import annotations

from collections.abc import Mapping

from blueprint_tracker.domain.assessment import Method, MilestoneSpec, NumberValue, Status
from blueprint_tracker.domain.text import with_unit

Numbers = Mapping[str, NumberValue]
Pair = tuple[str, str]  # (zh-Hant, en)

LABELS: dict[Status, Pair] = {
    Status.SIGNIFICANT_PROGRESS: ("顯著進展", "Significant progress"),
    Status.MODERATE_PROGRESS: ("溫和進展", "Moderate progress"),
    Status.INSUFFICIENT_PROGRESS: ("進展不足", "Insufficient progress"),
    Status.MOVING_AWAY: ("偏離目標", "Moving away from the target"),
    Status.TARGET_MET: ("已達標", "Target met"),
    Status.TARGET_MISSED: ("未達標", "Target missed"),
    Status.MODERATE_MOVEMENT_AWAY: ("輕微倒退", "Moderate movement away"),
    Status.SIGNIFICANT_MOVEMENT_AWAY: ("明顯倒退", "Significant movement away"),
    Status.ON_TRACK: ("進度良好", "On track"),
    Status.ACCELERATE: ("需要加快", "Needs to accelerate"),
    Status.REVERSE: ("需要扭轉趨勢", "Trend needs reversing"),
    Status.INSUFFICIENT_DATA: ("數據不足", "Insufficient data"),
    Status.OSDG_TARGET_ACHIEVED: ("已達到目標", "Target achieved"),
    Status.OSDG_SUBSTANTIAL_PROGRESS: ("重大進展", "Substantial progress"),
    Status.OSDG_MODERATE_PROGRESS: ("中度進展", "Moderate progress"),
    Status.OSDG_LIMITED_PROGRESS: ("有限進展", "Limited progress"),
    Status.OSDG_DETERIORATION: ("情況轉差", "Deterioration"),
    Status.OSDG_NOT_AVAILABLE: ("未能評估", "Not available"),
}

LIKELIHOOD: tuple[tuple[float, Pair], ...] = (
    (0.9, ("極有可能", "very likely")),
    (0.66, ("很可能", "likely")),
    (0.33, ("可能性約一半", "about as likely as not")),
    (0.1, ("不太可能", "unlikely")),
)
VERY_UNLIKELY: Pair = ("極不可能", "very unlikely")


def likelihood(probability: float) -> Pair:
    """IPCC likelihood words: >= 0.9, >= 0.66, > 0.33, > 0.1, else very unlikely."""
    for bound, words in LIKELIHOOD:
        if probability >= bound if bound >= 0.66 else probability > bound:
            return words
    return VERY_UNLIKELY


def fmt(value: float) -> str:
    """A value as a reader wants it: 7,200 / 44.3 / 0.99 / 2."""
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3g}"


def pct(rate: float) -> str:
    return f"{abs(rate) * 100:.1f}%"


def _num(numbers: Numbers, key: str) -> float | None:
    value = numbers.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


class _Words:
    """Subject, target and unit wording for one result."""

    def __init__(
        self, spec: MilestoneSpec, name: Mapping[str, str] | None, unit: Mapping[str, str] | None
    ):
        self.subject: Pair = (name["zh-Hant"], name["en"]) if name else ("該指標", "the indicator")
        self.unit: Pair = (unit["zh-Hant"], unit["en"]) if unit else ("", "")
        self.spec = spec

    def amount(self, value: float) -> Pair:
        """'HK$5,000' / '1.3%' / '5,000 start-ups' in English; '5,000港元' in Chinese."""
        zh, en = self.unit
        return with_unit(fmt(value), zh, "zh-Hant"), with_unit(fmt(value), en, "en")

    def target(self) -> Pair:
        zh, en = self.amount(self.spec.target or 0.0)
        if self.spec.comparator == "~":
            return f"約{zh}", f"about {en}"
        return zh, en


def _so_far(words: _Words, numbers: Numbers, since_key: str) -> Pair | None:
    """'rose 2.7% a year since 2020' from the achieved growth (compound, else linear)."""
    since = _num(numbers, since_key)
    rate, per_year = _num(numbers, "cagr_actual"), _num(numbers, "slope_actual")
    if since is None or (rate is None and per_year is None):
        return None
    zs, es = words.subject
    year = int(since)
    if rate is not None:
        up = rate >= 0
        zh_verb, en_verb = ("上升", "rose") if up else ("下降", "fell")
        return (
            f"{zs}自{year}年起每年{zh_verb}{pct(rate)}",
            f"{es} {en_verb} {pct(rate)} a year since {year}",
        )
    assert per_year is not None
    zh_amount, en_amount = words.amount(abs(per_year))
    zh_verb, en_verb = ("增加", "rose by") if per_year >= 0 else ("減少", "fell by")
    return (
        f"{zs}自{year}年起每年{zh_verb}{zh_amount}",
        f"{es} {en_verb} {en_amount} a year since {year}",
    )


def _needs(words: _Words, numbers: Numbers) -> Pair | None:
    """'2% by 2030 needs 7.3% a year from now' (compound, else linear)."""
    year = words.spec.target_year
    rate = _num(numbers, "required_cagr_from_latest")
    per_year = _num(numbers, "required_slope_from_latest")
    if words.spec.target is None or year is None or (rate is None and per_year is None):
        return None
    zt, et = words.target()
    if rate is not None:
        zh_verb, en_verb = ("增長", "growth of") if rate >= 0 else ("下降", "a fall of")
        return (f"要在{year}年達到{zt}，由現在起每年需{zh_verb}{pct(rate)}",
                f"{et} by {year} needs {en_verb} {pct(rate)} a year from now")  # fmt: skip
    assert per_year is not None
    za, ea = words.amount(abs(per_year))
    zh_verb, en_verb = ("增加", "a rise of") if per_year >= 0 else ("減少", "a fall of")
    return (f"要在{year}年達到{zt}，由現在起每年需{zh_verb}{za}",
            f"{et} by {year} needs {en_verb} {ea} a year from now")  # fmt: skip


def _met(words: _Words, numbers: Numbers) -> Pair:
    zs, es = words.subject
    x1, t1 = _num(numbers, "x1") or 0.0, int(_num(numbers, "t1") or 0)
    zx, ex = words.amount(x1)
    zt, et = words.target()
    year = words.spec.target_year
    return (f"{zs}在{t1}年為{zx}，已達到{year}年的目標{zt}",
            f"{es} was {ex} in {t1}, which already meets the {year} target of {et}")  # fmt: skip


def _missed_or_final(words: _Words, numbers: Numbers, met: bool) -> Pair:
    zs, es = words.subject
    zx, ex = words.amount(_num(numbers, "final_value") or 0.0)
    zt, et = words.target()
    year = words.spec.target_year
    if met:
        return (
            f"{zs}在{year}年為{zx}，達到目標{zt}",
            f"{es} was {ex} in {year}, meeting the target of {et}",
        )
    return (
        f"{zs}在{year}年為{zx}，未達到目標{zt}",
        f"{es} was {ex} in {year}, missing the target of {et}",
    )


def _projection(words: _Words, numbers: Numbers, method: Method) -> Pair | None:
    projection = _num(numbers, "projection")
    year = words.spec.target_year
    if projection is None or year is None or words.spec.target is None:
        return None
    zp, ep = words.amount(projection)
    zt, et = words.target()
    probability = _num(numbers, "probability")
    if method is Method.TREND and probability is not None:
        zl, el = likelihood(probability)
        share = f"{probability * 100:.0f}%"
        zh, en = (f"按目前趨勢，{year}年達到{zt}的機會約為{share}（{zl}），中位預測為{zp}",
                  f"on the trend so far, reaching {et} by {year} is {el} ({share}); "
                  f"central projection {ep}")  # fmt: skip
        second = _bootstrap(numbers)
        return (zh + second[0], en + second[1]) if second else (zh, en)
    return (
        f"按目前速度，預計{year}年達到{zp}（目標{zt}）",
        f"at this pace it reaches {ep} by {year} (target {et})",
    )


def _bootstrap(numbers: Numbers) -> Pair | None:
    """'; resampling the 8 annual growth rates (2,000 draws) gives 4%' (trend's second reading)."""
    keys = ("probability_bootstrap", "bootstrap_rates", "bootstrap_draws")
    share, rates, draws = (_num(numbers, key) for key in keys)
    if share is None or rates is None or draws is None:
        return None
    pct_text, k, b = f"{share * 100:.0f}%", f"{rates:.0f}", fmt(draws)
    return (f"；以{k}個按年增長率重抽樣（{b}次）計，機會約為{pct_text}",
            f"; resampling the {k} annual growth rates ({b} draws) gives {pct_text}")  # fmt: skip


def _reason(method: Method, words: _Words) -> Pair:
    zs, es = words.subject
    reasons: dict[Method, Pair] = {
        Method.EUROSTAT: (
            "評估期內首尾數值相距年數不足",
            "too few years between the first and latest value in the window",
        ),
        Method.STATCAN: ("沒有可用的基準年及最新數值", "no usable base-year and latest values"),
        Method.ESCAP: (
            "需要基準年及其後的數值",
            "it needs a value in the base year and a later one",
        ),
        Method.TREND: ("需要至少三個數值", "it needs at least three values"),
    }
    zr, er = reasons[method]
    return f"未能評估{zs}：{zr}", f"{es} cannot be assessed: {er}"


def _clauses(method: Method, status: Status, words: _Words, numbers: Numbers) -> list[Pair | None]:
    if status in (Status.TARGET_MISSED, Status.TARGET_MET) and numbers.get("milestone_passed"):
        return [_missed_or_final(words, numbers, status is Status.TARGET_MET)]
    if status in (Status.INSUFFICIENT_DATA, Status.OSDG_NOT_AVAILABLE):
        return [_reason(method, words)]
    so_far = _so_far(words, numbers, "t0")
    if status in (Status.TARGET_MET, Status.OSDG_TARGET_ACHIEVED):
        return [_met(words, numbers), so_far if numbers.get("trend_flag") else None]
    if method is Method.TREND:
        return [so_far if words.spec.target is None else None,
                _projection(words, numbers, method), _needs(words, numbers)]  # fmt: skip
    if method is Method.ESCAP:
        return [so_far, _projection(words, numbers, method), _needs(words, numbers)]
    return [so_far, _needs(words, numbers)]


def explain(
    method: Method,
    status: Status,
    milestone: MilestoneSpec,
    numbers: Numbers,
    *,
    name: Mapping[str, str] | None = None,
    unit: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """{"zh-Hant": ..., "en": ...}: the verdict and the numbers that decided it."""
    words = _Words(milestone, name, unit)
    parts = [p for p in _clauses(method, status, words, numbers) if p is not None]
    zh_label, en_label = LABELS[status]
    zh_body = "；".join(p[0] for p in parts)
    en_body = "; ".join(p[1] for p in parts)
    return {
        "zh-Hant": f"{zh_label}：{zh_body}。",
        "en": f"{en_label}: {en_body[:1].upper()}{en_body[1:]}.",
    }
