"""Band scoring of worded verdicts (定性指标计分原则): a share of the weight per outcome.

Published self-evaluation rules score a qualitative indicator by the band its verdict falls in
and leave the exact point to the evaluator ("合理确定分值"). Two rules were found
(tests/fixtures/selfeval/rules.md §2):

- Hubei-type 项目自评表, note 3: 达成预期指标 100%–80% of the weight, 部分达成预期指标 80%–50%,
  未达成预期指标 50%–0%. This is :data:`BANDS`, the default.
- 四川省中江县 衔接资金 绩效目标自评表, 注 1: 100–80%, 80–60%, 60–0%: :data:`ZHONGJIANG_BANDS`.

A :class:`Bands` scores at one point of each band, ``point="top"`` by default (a met verdict
earns the full weight, a partial one 80%, a missed one 50%), and an audit accepts any published
score inside the band.
"""

from __future__ import annotations

from decimal import Decimal

from attrs import field, frozen

from perfmetrics.errors import InputTypeError

__all__ = ["BANDS", "POINTS", "ZHONGJIANG_BANDS", "Bands"]

#: Where in its band a verdict is scored.
POINTS = ("top", "middle", "bottom")


def _band(value: tuple[object, object]) -> tuple[Decimal, Decimal]:
    low, high = (Decimal(str(bound)) for bound in value)
    if not Decimal(0) <= low <= high <= Decimal(1):
        raise InputTypeError(f"a band is two shares 0 ≤ low ≤ high ≤ 1, not {value!r}")
    return low, high


def _point(_instance: object, _attribute: object, value: str) -> None:
    if value not in POINTS:
        raise InputTypeError(f"unknown band point {value!r}; use one of {', '.join(POINTS)}")


@frozen
class Bands:
    """Shares of the weight (low, high) for each outcome, and the point scored inside a band.

    Attributes:
        met: the band of a met verdict (达成预期指标).
        partial: the band of a partly met verdict (部分达成, 基本达到).
        not_met: the band of a missed verdict (未达成).
        point: ``"top"`` (default), ``"middle"`` or ``"bottom"`` of the band.

    >>> Bands().share("partial"), Bands(point="middle").share("not_met")
    (Decimal('0.8'), Decimal('0.25'))
    """

    met: tuple[Decimal, Decimal] = field(default=(Decimal("0.8"), Decimal(1)), converter=_band)
    partial: tuple[Decimal, Decimal] = field(
        default=(Decimal("0.5"), Decimal("0.8")), converter=_band
    )
    not_met: tuple[Decimal, Decimal] = field(default=(Decimal(0), Decimal("0.5")), converter=_band)
    point: str = field(default="top", validator=_point)

    def band(self, outcome: str) -> tuple[Decimal, Decimal]:
        """Return the (low, high) shares of ``"met"``, ``"partial"`` or ``"not_met"``."""
        bands = {"met": self.met, "partial": self.partial, "not_met": self.not_met}
        if outcome not in bands:
            raise InputTypeError(f"no band for the outcome {outcome!r}")
        return bands[outcome]

    def share(self, outcome: str) -> Decimal:
        """Return the share of the weight an outcome earns, at this rule's point of its band."""
        low, high = self.band(outcome)
        if self.point == "top":
            return high
        if self.point == "bottom":
            return low
        return (low + high) / 2


#: The Hubei-type note 3 bands (100–80 / 80–50 / 50–0), scored at the top: the default.
BANDS = Bands()
#: The 四川中江 注 bands (100–80 / 80–60 / 60–0), scored at the top.
ZHONGJIANG_BANDS = Bands(partial=("0.6", "0.8"), not_met=("0", "0.6"))
