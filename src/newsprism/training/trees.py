"""A fitted scikit-learn gradient-boosted tree ensemble as JSON arrays, read at run time by
:func:`newsprism.quotes.confidence.tree_value` (the quotes attribution scorer and the techniques span calibrator)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsprism.quotes.confidence import tree_value


def trees_json(gb: Any, rate: float, x0: Sequence[float]) -> tuple[list[dict[str, list[Any]]], float]:
    """The trees of the binary ``GradientBoostingClassifier`` ``gb`` (feature index ``f``, split ``t``, children
    ``l``/``r``, leaf value ``v`` with the learning ``rate`` folded in) and the intercept that makes their sum equal
    ``gb``'s decision function (found on one training row ``x0``; rounded to 6 decimals)."""
    trees: list[dict[str, list[Any]]] = []
    for est in gb.estimators_[:, 0]:
        t = est.tree_
        trees.append(
            {
                "f": [int(f) for f in t.feature],
                "t": [float(x) for x in t.threshold],  # unrounded: a split between two seen values
                "l": [int(c) for c in t.children_left],
                "r": [int(c) for c in t.children_right],
                "v": [round(float(v[0][0]) * rate, 6) for v in t.value],
            }
        )
    row = list(x0)
    intercept = round(float(gb.decision_function([row])[0]) - sum((tree_value(t, row) for t in trees), 0.0), 6)
    return trees, intercept
