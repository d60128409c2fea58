"""Targets and actuals written as a change (``增长10%``, ``降低12%``), not as a level.

The word stands in the value's leading note (``下降12%`` is 12% with the note 下降). A target
that asks for a change asks for at least that much of it, whatever its category says of a bare
number (``降低10%`` under 成本 is not a ceiling of 10% on the saving). Two sides changing in
opposite ways, or a change against a signed or unworded number, are not compared: the sign is
exactly what the words say and the number does not.
"""

from __future__ import annotations

from perfmetrics.values.model import QuantityValue, RangeValue, Value
from perfmetrics.vocabulary import mapping

__all__ = ["change_doubt", "change_of"]

#: change word → "rise" or "fall", longest words first (a note ends in the longest it can).
_CHANGES = dict(sorted(mapping("change_word").items(), key=lambda item: -len(item[0])))


def change_of(value: Value) -> str | None:
    """Return ``"rise"`` or ``"fall"`` when the value is written as a change, else None.

    >>> from perfmetrics.values.api import parse
    >>> change_of(parse("同比增长10%")), change_of(parse("下降不低于5%"))
    ('rise', 'fall')
    >>> change_of(parse("提高到95%")) is None  # a level to reach, not a change
    True
    """
    if not isinstance(value, QuantityValue | RangeValue):
        return None
    lead = "".join(value.note[: value.note_split].split())
    return next((way for word, way in _CHANGES.items() if lead.endswith(word)), None)


def change_doubt(target: Value, actual: QuantityValue) -> str | None:
    """Say why a target or an actual written as a change cannot be compared, or None."""
    wanted, given = change_of(target), change_of(actual)
    if wanted is None and given is None:
        return None
    written = repr(actual.text or str(actual))
    if wanted is not None and given is not None:
        if wanted == given:
            return None
        return f"the actual {written} is a {given} where the target asks for a {wanted}"
    if wanted is not None:
        if actual.magnitude < 0:
            return f"the actual {written} is signed where the target asks for a {wanted}"
        return None  # `下降5%` against `6%`: the size of the change, as the target writes it
    if given == "fall":
        return f"the actual {written} is a fall; the target names no change to compare it with"
    return None
