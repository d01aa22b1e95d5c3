"""The grade heatmap across forces and cycles: the four-point and the five-point scales in panels of their own,
each with its own colour steps (a four-point Good is not a five-point Good: the inspectorate says the two scales
cannot be compared), columns ordered by cycle, then force, and a dashed line between cycles.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import ListedColormap, to_hex
from matplotlib.patches import Patch

from .. import vocab
from ..vocab import UNGRADED
from .charts import SOURCE, _finish, _set_title, _wrap, caption

TITLES = {"four_point": "Four-point scale (to 2019)", "five_point": "Five-point scale (2021/22 on)"}
SCALES = {key: (TITLES[key], grades) for key, grades in vocab.SCALES.items()}
UNGRADED_COLOUR, MISSING_COLOUR = "#bdbdbd", "#f4f4f4"


def scale_colours(scale: str) -> dict[str, str]:
    """A scale's own colour steps: its grades spread evenly from green (best) to red (worst), so each scale's
    steps are its own; Ungraded grey."""
    grades = SCALES.get(scale, SCALES["five_point"])[1]
    ramp = colormaps["RdYlGn_r"]
    steps = {g: to_hex(ramp(0.08 + 0.84 * k / (len(grades) - 1))) for k, g in enumerate(grades)}
    return {**steps, UNGRADED: UNGRADED_COLOUR}


def _short(grade: str) -> str:
    return "".join(w[0] for w in grade.split()).upper()


def _panel(ax: plt.Axes, matrix: pd.DataFrame, scale: str) -> None:
    """One scale's grid: its areas (rows) by its (cycle, force) columns, coloured by its own steps."""
    colours = scale_colours(scale)
    order = list(colours)
    codes = matrix.apply(lambda col: col.map(lambda g: order.index(g) if g in order else float("nan")))
    cmap = ListedColormap([colours[g] for g in order])
    cmap.set_bad(MISSING_COLOUR)
    ax.pcolormesh(codes.to_numpy(dtype=float), cmap=cmap, vmin=-0.5, vmax=len(order) - 0.5, edgecolors="#ffffff")
    for (i, j), g in pd.DataFrame(matrix.to_numpy()).stack().items():
        if g in order:
            dark = order.index(g) in (0, len(order) - 2)
            ax.text(j + 0.5, i + 0.5, _short(g), ha="center", va="center", fontsize=8, color="white" if dark else "k")
    columns = list(matrix.columns)
    ax.set_yticks([i + 0.5 for i in range(len(matrix))], [_wrap(r, 40) for r in matrix.index])
    ax.set_xticks([j + 0.5 for j in range(len(columns))], [f"{c} · {f}" for c, f in columns], fontsize=7, rotation=90)
    ax.xaxis.tick_top()
    ax.invert_yaxis()
    for j in range(1, len(columns)):
        if columns[j][0] != columns[j - 1][0]:  # a new cycle
            ax.axvline(j, color="#333333", linestyle="--", linewidth=1.2)
    present = set(matrix.to_numpy().ravel())
    handles = [Patch(facecolor=colours[g], edgecolor="#444444", label=g) for g in order if g in present]
    ax.legend(handles=handles, title="Grade", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_ylabel(SCALES[scale][0] if scale in SCALES else scale)


def grade_panels(
    matrix: pd.DataFrame, scales: dict[tuple[str, str], str], title: str, source: str = SOURCE
) -> plt.Figure | None:
    """Areas (rows) by cycle × force (columns), as from ``grid.grade_matrix``: a panel per grading scale (the
    four-point above the five-point), each with only its own areas and columns and its own colour steps; a
    dashed line between cycles; blank cells were not graded or not read."""
    if matrix.empty:
        return None
    panels = []
    for scale in SCALES:
        cols = [c for c in matrix.columns if scales.get(c) == scale]
        part = matrix[cols] if cols else pd.DataFrame()
        part = part[(part != "").any(axis=1)] if cols else part
        if not part.empty:
            panels.append((scale, part))
    if not panels:
        return None
    heights = [len(p) + 4 for _, p in panels]
    width = min(20, max(8, 0.45 * max(p.shape[1] for _, p in panels) + 6))
    fig, axes = plt.subplots(len(panels), 1, figsize=(width, 0.42 * sum(heights) + 1.5), squeeze=False)
    fig.set_layout_engine(None)
    for ax, (scale, part) in zip(axes[:, 0], panels):
        _panel(ax, part, scale)
    _set_title(axes[0, 0], title, pad=10)
    cycles = ", ".join(dict.fromkeys(c for c, _ in matrix.columns))
    note = "Each scale has its own panel and colours: the inspectorate says the two cannot be compared directly."
    caption(fig, cycles, source, note)
    return _finish(fig, 3)
