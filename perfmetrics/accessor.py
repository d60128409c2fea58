"""``import perfmetrics.accessor`` registers the ``Series.pm`` accessor (imports pandas).

>>> import pandas as pd
>>> import perfmetrics.accessor
>>> pd.Series(["≥1.7万人", "≥1.7万人"]).pm.normalize()["magnitude"].tolist()
[Decimal('17000'), Decimal('17000')]

Without pandas the import raises an ImportError that says ``pip install "perfmetrics[pandas]"``.
"""

from __future__ import annotations

from perfmetrics.frames import register_accessor

register_accessor()
