"""Charts on small tables: the one-pass layout is matplotlib's own; the same figure printed by two documents
gets a line and a label of its own."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.collections import PathCollection

from lib.analysis import charts, figures
from lib.tables import frame

F = "Gwent Police"


def ind(doc_id: str, label: str, value: float, england_wales: float) -> dict:
    return {
        "doc_id": doc_id,
        "force": F,
        "year": 2015,
        "period": "12 months to 30 June 2015",
        "page": 3,
        "indicator": label.lower().replace(" ", "_"),
        "label": label,
        "unit": "per 1,000 population",
        "value": value,
        "england_wales": england_wales,
    }


@pytest.mark.parametrize("lines", [1, 3])
def test_one_pass_layout_is_matplotlibs_two_pass_layout(lines):
    """``_finish`` measures the labels once; the subplot parameters are those of tight_layout(rect=...)."""
    rows = [ind("r1", f"Crime type {i} with a long name to wrap", 10 + i, 12) for i in range(6)]
    versus = figures.versus_england_wales(frame("indicators", rows))
    ours = charts.ratio_chart(versus, "A title", "a source " * lines * 12)
    got = ours.subplotpars
    again = charts.ratio_chart(versus, "A title", "a source " * lines * 12)  # the same chart, laid out as before
    again.set_layout_engine(None)
    again.subplots_adjust(left=0.125, right=0.9, bottom=0.11, top=0.88)  # matplotlib's defaults
    height = min(0.5, 0.15 * again._peel_caption_lines / again.get_figheight() + 0.02)
    again.tight_layout(rect=(0, height, 1, 1))
    want = again.subplotpars
    for side in ("left", "right", "bottom", "top"):
        assert getattr(got, side) == pytest.approx(getattr(want, side), abs=1e-9), side
    plt.close("all")


def test_the_same_figure_from_two_documents_gets_a_line_and_label_each():
    rows = [ind("r1", "Burglary", 2.5, 8.4), ind("r2", "Burglary", 6.4, 8.4), ind("r1", "Robbery", 1.0, 1.2)]
    versus = figures.versus_england_wales(frame("indicators", rows))
    fig = charts.ratio_chart(versus, "Two reports print burglary")
    ax = fig.axes[0]
    scatter = next(c for c in ax.collections if isinstance(c, PathCollection))
    dots = sorted(y for _, y in scatter.get_offsets())
    assert len(dots) == 3
    burglary = [y for y in dots if y < 0.5]  # row 0
    assert len(burglary) == 2 and burglary[1] - burglary[0] == pytest.approx(0.4)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if " vs " in t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert len(boxes) == 3
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    plt.close(fig)
