"""``import perfmetrics.accessor`` registers the ``Series.pm`` accessor (imports pandas).

>>> import pandas as pd
>>> import perfmetrics.accessor
>>> pd.Series(["≥1.7万人", "≥1.7万人"]).pm.normalize()["magnitude"].tolist()
[Decimal('17000'), Decimal('17000')]
"""

from __future__ import annotations

from perfmetrics.records import register_accessor

register_accessor()
