"""One plain sentence per assessment, as a :class:`~blueprint_tracker.domain.text.Phrase`.

Built after the vectorised computation, from the status and the numbers that decided it. The
words are English message ids of the Babel catalogues; they are put into each language where
text is made (``i18n.words``), so this module stays pure and holds no translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from blueprint_tracker.compute.vocabulary import STATUS_LABELS
from blueprint_tracker.domain.assessment import Method, MilestoneSpec, NumberValue, Status
from blueprint_tracker.domain.text import N_, Amount, Phrase, PhraseArg

Numbers = Mapping[str, NumberValue]

LIKELIHOOD: tuple[tuple[float, str], ...] = (
    (0.9, N_("very likely")),
    (0.66, N_("likely")),
    (0.33, N_("about as likely as not")),
    (0.1, N_("unlikely")),
)
VERY_UNLIKELY = N_("very unlikely")

#: Why a method could not assess a series.
REASONS: dict[Method, str] = {
    Method.EUROSTAT: N_("too few years between the first and latest value in the window"),
    Method.STATCAN: N_("no usable base-year and latest values"),
    Method.ESCAP: N_("it needs a value in the base year and a later one"),
    Method.TREND: N_("it needs at least three values"),
}


def likelihood(probability: float) -> str:
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


def _p(msgid: str, **args: PhraseArg) -> Phrase:
    return Phrase(msgid, args)


class _Words:
    """Subject, target and unit wording for one result."""

    def __init__(
        self, spec: MilestoneSpec, name: Mapping[str, str] | None, unit: Mapping[str, str] | None
    ):
        self.subject: PhraseArg = dict(name) if name else _p(N_("the indicator"))
        self.unit: Mapping[str, str] = dict(unit) if unit else {}
        self.spec = spec

    def amount(self, value: float) -> Amount:
        """'HK$5,000' / '1.3%' / '5,000 start-ups': the unit as each language writes it."""
        return Amount(fmt(value), self.unit)

    def target(self) -> PhraseArg:
        amount = self.amount(self.spec.target or 0.0)
        return _p(N_("about %(target)s"), target=amount) if self.spec.comparator == "~" else amount


def _so_far(words: _Words, numbers: Numbers, since_key: str) -> Phrase | None:
    """'rose 2.7% a year since 2020' from the achieved growth (compound, else linear)."""
    since = _num(numbers, since_key)
    rate, per_year = _num(numbers, "cagr_actual"), _num(numbers, "slope_actual")
    if since is None or (rate is None and per_year is None):
        return None
    year = int(since)
    if rate is not None:
        rose = N_("%(subject)s rose %(rate)s a year since %(year)s")
        fell = N_("%(subject)s fell %(rate)s a year since %(year)s")
        return _p(rose if rate >= 0 else fell, subject=words.subject, rate=pct(rate), year=year)
    assert per_year is not None
    up = N_("%(subject)s rose by %(amount)s a year since %(year)s")
    down = N_("%(subject)s fell by %(amount)s a year since %(year)s")
    amount = words.amount(abs(per_year))
    return _p(up if per_year >= 0 else down, subject=words.subject, amount=amount, year=year)


def _needs(words: _Words, numbers: Numbers) -> Phrase | None:
    """'2% by 2030 needs 7.3% a year from now' (compound, else linear)."""
    year = words.spec.target_year
    rate = _num(numbers, "required_cagr_from_latest")
    per_year = _num(numbers, "required_slope_from_latest")
    if words.spec.target is None or year is None or (rate is None and per_year is None):
        return None
    if rate is not None:
        growth = N_("%(target)s by %(year)s needs growth of %(rate)s a year from now")
        fall = N_("%(target)s by %(year)s needs a fall of %(rate)s a year from now")
        return _p(growth if rate >= 0 else fall, target=words.target(), year=year, rate=pct(rate))
    assert per_year is not None
    rise = N_("%(target)s by %(year)s needs a rise of %(amount)s a year from now")
    drop = N_("%(target)s by %(year)s needs a fall of %(amount)s a year from now")
    amount = words.amount(abs(per_year))
    return _p(rise if per_year >= 0 else drop, target=words.target(), year=year, amount=amount)


def _met(words: _Words, numbers: Numbers) -> Phrase:
    x1, t1 = _num(numbers, "x1") or 0.0, int(_num(numbers, "t1") or 0)
    return _p(
        N_("%(subject)s was %(value)s in %(year)s, which already meets the %(target_year)s "
           "target of %(target)s"),
        subject=words.subject, value=words.amount(x1), year=t1,
        target_year=str(words.spec.target_year), target=words.target(),
    )  # fmt: skip


def _missed_or_final(words: _Words, numbers: Numbers, met: bool) -> Phrase:
    meeting = N_("%(subject)s was %(value)s in %(year)s, meeting the target of %(target)s")
    missing = N_("%(subject)s was %(value)s in %(year)s, missing the target of %(target)s")
    return _p(
        meeting if met else missing, subject=words.subject,
        value=words.amount(_num(numbers, "final_value") or 0.0),
        year=str(words.spec.target_year), target=words.target(),
    )  # fmt: skip


def _projection(words: _Words, numbers: Numbers, method: Method) -> Phrase | None:
    projection = _num(numbers, "projection")
    year = words.spec.target_year
    if projection is None or year is None or words.spec.target is None:
        return None
    probability = _num(numbers, "probability")
    if method is Method.TREND and probability is not None:
        chance = _p(
            N_("on the trend so far, reaching %(target)s by %(year)s is %(likelihood)s "
               "(%(share)s); central projection %(projection)s"),
            target=words.target(), year=year, likelihood=_p(likelihood(probability)),
            share=f"{probability * 100:.0f}%", projection=words.amount(projection),
        )  # fmt: skip
        return _bootstrap(chance, numbers) or chance
    return _p(
        N_("at this pace it reaches %(projection)s by %(year)s, against a target of %(target)s"),
        projection=words.amount(projection), year=year, target=words.target(),
    )


def _bootstrap(chance: Phrase, numbers: Numbers) -> Phrase | None:
    """'…; resampling the 8 annual growth rates (2,000 draws) gives 4%' (trend's second
    reading)."""
    keys = ("probability_bootstrap", "bootstrap_rates", "bootstrap_draws")
    share, rates, draws = (_num(numbers, key) for key in keys)
    if share is None or rates is None or draws is None:
        return None
    return _p(
        N_("%(chance)s; resampling the %(rates)s annual growth rates (%(draws)s draws) gives "
           "%(share)s"),
        chance=chance, rates=f"{rates:.0f}", draws=fmt(draws), share=f"{share * 100:.0f}%",
    )  # fmt: skip


def _reason(method: Method, words: _Words) -> Phrase:
    return _p(
        N_("%(subject)s cannot be assessed: %(reason)s"),
        subject=words.subject, reason=_p(REASONS[method]),
    )


def _clauses(
    method: Method, status: Status, words: _Words, numbers: Numbers
) -> list[Phrase | None]:
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


def _joined(parts: list[Phrase]) -> Phrase:
    """Clauses one after another: 'a; b; c'."""
    body = parts[0]
    for part in parts[1:]:
        body = _p(N_("%(first)s; %(next)s"), first=body, next=part)
    return body


def explain(
    method: Method,
    status: Status,
    milestone: MilestoneSpec,
    numbers: Numbers,
    *,
    name: Mapping[str, str] | None = None,
    unit: Mapping[str, str] | None = None,
) -> Phrase:
    """'Status: the numbers that decided it.' (``i18n.words`` puts it in each language)."""
    words = _Words(milestone, name, unit)
    parts = [p for p in _clauses(method, status, words, numbers) if p is not None]
    body: PhraseArg = replace(_joined(parts), sentence=True) if parts else ""
    label = _p(STATUS_LABELS[status].word)
    return _p(N_("%(status)s: %(explanation)s."), status=label, explanation=body)
