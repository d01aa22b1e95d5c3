"""Charts the notebook templates share: one look for every report (matplotlib lives here only, so the rest of
the analysis package stays light to import).

Every chart states its finding in the title, labels its axes with units, and carries the period and the
source (the documents' titles) under the plot. Grades always come in the same order and the same colours,
and those colours mean grades only: forces are told apart by ``FORCE_PALETTE``. The functions return a
matplotlib ``Figure`` (or ``None`` when there is nothing to draw); ``show`` displays and closes it.
"""

from __future__ import annotations

import base64
import io
import re
import textwrap
from collections.abc import Iterable

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd
from IPython.display import display
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..vocab import GRADE_COLOURS, SCALE_NOTE, grade_name
from .figures import short_label
from .grades import GRADES
from .selection import cycle_key

SOURCE = "the documents of the corpus"
DPI = 100  # charts are drawn once, at this resolution
FORCE_COLOUR, EW_COLOUR = "#1f4e79", "#9e9e9e"
# Forces are told apart by these (blues, purples, teal, browns: none is a grade colour).
FORCE_PALETTE = ["#1f4e79", "#6a3d9a", "#0e7c86", "#8c564b", "#c51b7d", "#4d4d4d", "#2166ac", "#762a83"]

plt.rcParams.update(
    {
        "figure.dpi": DPI,  # laid out at the resolution it is drawn at: text measured once, not per resolution
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "font.size": 10,
    }
)


def grade_order(grades: Iterable[object]) -> pd.Categorical:
    """Grades as an ordered categorical in the fixed order (for sorting and tables)."""
    return pd.Categorical([grade_name(g) for g in grades], categories=GRADES, ordered=True)


def years_text(years: Iterable[object]) -> str:
    ys = sorted({int(y) for y in years if pd.notna(y)})
    if not ys:
        return "no year"
    return str(ys[0]) if len(ys) == 1 else f"{ys[0]}–{ys[-1]}"


def caption(fig: plt.Figure, period: str, source: str = SOURCE, note: str = "") -> None:
    """Period and source (and an optional note) under the chart."""
    width = int(fig.get_figwidth() * 15)
    lines = textwrap.wrap(f"Period: {period}.", width) + textwrap.wrap(f"Source: {source}.", width)
    if note:
        lines += textwrap.wrap(note, width)
    fig.text(0.01, 0.005, "\n".join(lines), ha="left", va="bottom", fontsize=8, color="#555555")
    fig._peel_caption_lines = len(lines)  # read by _finish


def _finish(fig: plt.Figure, lines: int = 1) -> plt.Figure:
    """Lay the chart out tightly above its caption. ``tight_layout(rect=...)`` measures every label twice: once
    to fit the whole figure, once more to fit the rectangle, with the axes unmoved and so the same sizes. On a
    chart of one row of axes (every chart here) the second pass only raises the bottom edge by the caption's
    height: done here by arithmetic, the labels measured once, the layout the same."""
    lines = getattr(fig, "_peel_caption_lines", lines)
    caption_height = min(0.5, 0.15 * lines / fig.get_figheight() + 0.02)
    fig.tight_layout()
    params = fig.subplotpars
    if fig.axes[0].get_subplotspec().get_gridspec().nrows == 1 and params.bottom + caption_height < params.top:
        fig.subplots_adjust(bottom=params.bottom + caption_height)
    else:  # more than one row (the gaps between rows depend on the bottom edge) or no room: matplotlib's way
        fig.tight_layout(rect=(0, caption_height, 1, 1))
    return fig


def show(fig: plt.Figure | None, dpi: int = DPI) -> None:
    """Display a chart once, as a PNG drawn here at ``dpi`` (whatever backend or kernel runs the notebook),
    with its title as the text a reader of the raw notebook and nbval see; then free it."""
    if fig is None:
        return
    titles = [ax.get_title(loc="left") or ax.get_title() for ax in fig.axes]
    png = show_png(fig, dpi)
    title = " ".join(next((t for t in titles if t), "chart").split())
    display({"image/png": base64.b64encode(png).decode("ascii"), "text/plain": f"[chart] {title}"}, raw=True)


def show_png(fig: plt.Figure, dpi: int = DPI) -> bytes:
    """A chart as PNG bytes, drawn once; the figure is freed."""
    buffer = io.BytesIO()
    # Laid out by _finish (tight_layout) already: no layout engine left, so savefig draws once (with one, even
    # the placeholder tight_layout leaves, it draws the figure a first time to lay it out).
    fig.set_layout_engine(None)
    # zlib level 3: a third less time than Pillow's default (6), and smaller files for these charts.
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 3})
    plt.close(fig)
    return buffer.getvalue()


def warm_fork(data: str | None = None) -> None:
    """Draw one small chart with every text style the charts use, in the batch's fork server: the fonts are
    found and loaded once for every kernel forked from it."""
    fig, ax = plt.subplots(figsize=(2, 1.5))
    ax.barh(["a"], [1], color=FORCE_COLOUR)
    ax.set_xscale("log")
    ax.set_xlabel("0.5×")
    _set_title(ax, "Warm 1")
    ax.annotate("1 vs 2", (1, 0), fontsize=8)
    ax.text(1, 0, "7", fontsize=7, rotation=90)
    caption(fig, "2015", "warm")
    show_png(_finish(fig))


def _set_title(ax: plt.Axes, title: str, **kw) -> None:
    """The chart's finding as its title, wrapped so that it never runs past the figure's right edge (a title
    starts at the axes, which long area names push to the right: about 5.5 characters an inch is left)."""
    ax.set_title(_wrap(title, max(40, int(ax.figure.get_figwidth() * 5.5))), loc="left", **kw)


def _wrap(text: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _grade_legend(ax: plt.Axes, grades: Iterable[str], extra: list | None = None, **kw) -> None:
    present = [g for g in GRADES if g in set(grades)]
    handles = [Patch(facecolor=GRADE_COLOURS[g], edgecolor="#444444", label=g) for g in present]
    ax.legend(handles=handles + (extra or []), title="Grade", frameon=False, **kw)


def _scale_break(ax: plt.Axes, positions: list[float], scales: list[str], vertical: bool = True) -> bool:
    """A dashed line between neighbouring positions whose grading scales differ; True when one was drawn."""
    drawn = False
    for k in range(1, len(positions)):
        if scales[k] != scales[k - 1] and scales[k] and scales[k - 1]:
            x = (positions[k] + positions[k - 1]) / 2
            (ax.axvline if vertical else ax.axhline)(x, color="#333333", linestyle="--", linewidth=1.2)
            drawn = True
    return drawn


def grade_timeline(judgments: pd.DataFrame, title: str, source: str = SOURCE) -> plt.Figure | None:
    """Grades of each area over the inspections: one row per area, one coloured square per inspection
    (``judgments`` as from ``grades.graded``: ``area_name``, ``cycle``, ``grade``, ``scale``, ``overall``).

    A grade carried over from an earlier inspection (``last_inspected`` before the report year) is drawn
    hollow; a dashed line marks a change of grading scale.
    """
    if judgments.empty:
        return None
    df = judgments
    labels = list(dict.fromkeys(df.sort_values("overall", ascending=False, kind="stable")["area_name"]))
    cyc = sorted(set(df["cycle"]), key=cycle_key)
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(labels) + 2.2))
    for _, row in df.iterrows():
        y, x = labels.index(row["area_name"]), cyc.index(row["cycle"])
        carried = pd.notna(row["last_inspected"]) and int(row["last_inspected"]) < int(row["year"])
        colour = GRADE_COLOURS.get(row["grade"], "#ffffff")
        ax.scatter(
            x,
            y,
            s=340,
            marker="s",
            facecolor="white" if carried else colour,
            edgecolor=colour if carried else "#444444",
            linewidth=2.5 if carried else 0.8,
            zorder=3,
        )
    ax.set_yticks(range(len(labels)), [_wrap(lab, 45) for lab in labels])
    ax.invert_yaxis()
    ax.set_xticks(range(len(cyc)), cyc)
    ax.set_xlim(-0.7, len(cyc) - 0.3)
    ax.set_xlabel("Inspection")
    ax.set_ylabel("Area inspected")
    ax.grid(axis="x", color="#eeeeee")
    scale_of = df.drop_duplicates("cycle").set_index("cycle")["scale"].astype(str).to_dict()
    note = SCALE_NOTE if _scale_break(ax, list(range(len(cyc))), [scale_of.get(c, "") for c in cyc]) else ""
    extra = []
    if any(pd.notna(li) and li < y for li, y in zip(df["last_inspected"], df["year"])):
        extra = [
            Line2D(
                [],
                [],
                marker="s",
                linestyle="",
                markerfacecolor="white",
                markeredgecolor="#444444",
                markersize=10,
                label="grade carried over\nfrom an earlier year",
            )
        ]
    _grade_legend(ax, df["grade"], extra, loc="upper left", bbox_to_anchor=(1.01, 1))
    _set_title(ax, title)
    caption(fig, ", ".join(cyc), source, note)
    return _finish(fig)


def _rows(df: pd.DataFrame) -> list[str]:
    if "row" in df.columns:  # rows named by the caller (figures.pooled: a row a measure)
        return [_wrap(r, 55) for r in df["row"]]
    return [
        _wrap(f"{short_label(lab, period)} ({unit}; {period})", 55)
        for lab, unit, period in zip(df["label"], df["unit"], df["period"])
    ]


def _offset(k: int, n: int) -> float:
    """Where the k-th of n groups sits around its row (all within the row's band)."""
    return 0.0 if n <= 1 else (k - (n - 1) / 2) * min(0.18, 0.8 / n)


def _spread(j: int, n: int) -> float:
    """Where the j-th of n figures sharing a row sits, as a fraction of the row (0 alone; two 0.4 of a row
    apart, room for a line of 8-point text between; more, as far apart as the row holds them)."""
    return 0.0 if n <= 1 else (j - (n - 1) / 2) * min(0.4, 0.8 / n)


def _group_colour(k: int, n: int) -> str:
    """A force's colour; with more forces than colours, one colour for all (the table tells them apart)."""
    return FORCE_PALETTE[k] if n <= len(FORCE_PALETTE) else FORCE_COLOUR


def _force_legend(ax: plt.Axes, hue: str | None, n: int = 1) -> None:
    if hue is not None and n <= len(FORCE_PALETTE):
        ax.legend(title=hue.capitalize(), frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))


def _dot_rows(df: pd.DataFrame, x: str, origin: float, hue: str | None) -> tuple[plt.Figure, plt.Axes, list, int]:
    """The figure of ``ratio_chart`` and ``points_chart``: a row a figure, a line from England and Wales
    (``origin``) to a dot at the force's ``x``, one dot per ``hue`` group (its own colour) or, with one group,
    the two figures printed beside the dot. Returns the figure, its axes, the row labels and the groups."""
    df = df.assign(row=_rows(df))
    rows = list(dict.fromkeys(df["row"]))
    fig, ax = plt.subplots(figsize=(9.5, 0.5 * len(rows) + 2.2))
    groups = [(None, df)] if hue is None else list(df.groupby(hue, sort=True))
    for k, (name, part) in enumerate(groups):
        # The same figure printed by two documents (a report and a response, two reports of a year) shares
        # its row: each gets a line of its own within the row's band, its label beside it, not on the other.
        nth, count = part.groupby("row").cumcount(), part.groupby("row")["row"].transform("size")
        band = 1.0 if hue is None else 0.4 / len(groups)
        ys = [
            rows.index(r) + _offset(k, len(groups)) + band * _spread(j, n) for r, j, n in zip(part["row"], nth, count)
        ]
        colour = _group_colour(k, len(groups))
        ax.hlines(ys, origin, part[x], color=colour, alpha=0.5, linewidth=2)
        ax.scatter(part[x], ys, color=colour, s=60, zorder=3, label=name)
        if hue is None:
            for y, (_, r), n in zip(ys, part.iterrows(), count):
                label = f"{r['value']:g} vs {r['england_wales']:g}"
                at = (6, 4) if n == 1 else (6, 2)  # just above its own line: the next line is 0.4 of a row away
                ax.annotate(label, (r[x], y), xytext=at, textcoords="offset points", fontsize=8, color="#333333")
    ax.axvline(origin, color=EW_COLOUR, linewidth=1.5)
    return fig, ax, rows, len(groups)


def _dot_finish(fig, ax, df, rows, xlabel, hue, n_groups, title, source) -> plt.Figure:
    """What ``ratio_chart`` and ``points_chart`` share after their x axis: the rows' labels top down, the x
    label, the forces' legend, the title and the caption with every period drawn."""
    ax.set_yticks(range(len(rows)), rows)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    _force_legend(ax, hue, n_groups)
    _set_title(ax, title)
    periods = {str(p).strip() if pd.notna(p) else "" for p in df["period"]}
    shown = sorted(periods - {""}) + (["a period not printed"] if "" in periods else [])
    caption(fig, "; ".join(shown), source)
    return _finish(fig)


def ratio_chart(table: pd.DataFrame, title: str, source: str = SOURCE, hue: str | None = None) -> plt.Figure | None:
    """Rates and counts as a ratio to the England and Wales figure for the same period (1 = the same).

    ``table`` as from ``figures.versus_england_wales``; only its rows compared as a ratio and not flagged
    are drawn (percents and changes go to ``points_chart``). With ``hue`` (``force``) one dot per force.
    """
    df = table[(table["comparison"] == "ratio") & table["ratio"].notna() & (table["flag"] == "")].copy()
    if df.empty:
        return None
    fig, ax, rows, n_groups = _dot_rows(df, "ratio", 1, hue)
    ax.set_xscale("log")
    lo, hi = float(df["ratio"].min()), float(df["ratio"].max())
    ax.set_xlim(min(lo, 1) / 1.35, max(hi, 1) * 2)  # room for the "x vs y" beside the rightmost dot
    lo_x, hi_x = ax.get_xlim()
    ticks = [t for t in (0.1, 0.25, 0.5, 1, 2, 4, 10) if lo_x <= t <= hi_x]
    ax.xaxis.set_major_locator(matplotlib.ticker.FixedLocator(ticks))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}×"))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    # On two lines: long area names leave the plot narrow, and a one-line label ran past the figure's edge.
    xlabel = "Force figure ÷ England and Wales figure, same period\n(log scale; 1× = same as E&W)"
    return _dot_finish(fig, ax, df, rows, xlabel, hue, n_groups, title, source)


def points_chart(table: pd.DataFrame, title: str, source: str = SOURCE, hue: str | None = None) -> plt.Figure | None:
    """Percents, shares and percent changes as the difference from England and Wales in points (force −
    E&W; 0 = the same): never as a ratio. ``table`` as from ``figures.versus_england_wales``."""
    df = table[(table["comparison"] == "points") & (table["flag"] == "")].copy()
    if df.empty:
        return None
    fig, ax, rows, n_groups = _dot_rows(df, "difference", 0, hue)
    span = max(1.0, float(df["difference"].abs().max()))
    ax.set_xlim(-span * 1.4, span * 1.4)
    xlabel = "Force minus England and Wales, same period\n(percentage points; 0 = same as E&W)"
    return _dot_finish(fig, ax, df, rows, xlabel, hue, n_groups, title, source)


def outcome_chart(outcomes: pd.DataFrame, title: str, source: str = SOURCE, force: str = "Force") -> plt.Figure | None:
    """Crime outcome figures of one set (one document, period and unit): the force against England and Wales
    (paired bars), in the set's own unit (a rate per 100 offences stays a rate)."""
    if outcomes.empty:
        return None
    df = outcomes.copy()
    df["row"] = [_wrap(short_label(lab, period), 50) for lab, period in zip(df["label"], df["period"])]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(df) + 2.2))
    ys = range(len(df))
    ax.barh([y - 0.2 for y in ys], df["value"], height=0.4, color=FORCE_COLOUR, label=force)
    ax.barh(
        [y + 0.2 for y in ys], df["england_wales"].fillna(0), height=0.4, color=EW_COLOUR, label="England and Wales"
    )
    for y, v, e in zip(ys, df["value"], df["england_wales"]):
        ax.text(v, y - 0.2, f" {v:g}", va="center", fontsize=8)
        if pd.notna(e):
            ax.text(e, y + 0.2, f" {e:g}", va="center", fontsize=8, color="#555555")
    ax.set_yticks(list(ys), df["row"])
    ax.invert_yaxis()
    ax.set_xlabel(", ".join(sorted(set(df["unit"].astype(str)))).capitalize())
    ax.legend(frameon=False, loc="lower right")
    _set_title(ax, title)
    periods = {str(p).strip() if pd.notna(p) else "" for p in df["period"]}
    shown = sorted(periods - {""}) + (["a period not printed"] if "" in periods else [])
    caption(fig, "; ".join(shown), source)
    return _finish(fig)


def findings_chart(table: pd.DataFrame, title: str, source: str = SOURCE) -> plt.Figure | None:
    """Areas for improvement per area and year (``table``: area label × year counts, as from
    ``findings.findings_by_area``)."""
    if table.empty:
        return None
    years = list(table.columns)
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(table) + 1.8))
    palette = plt.get_cmap("Blues")
    left = pd.Series(0, index=table.index, dtype=float)
    for k, year in enumerate(years):
        colour = palette(0.35 + 0.6 * k / max(1, len(years) - 1))
        ax.barh([_wrap(i, 45) for i in table.index], table[year], left=left, color=colour, label=str(year))
        left += table[year]
    ax.invert_yaxis()
    ax.set_xlabel("Areas for improvement (count)")
    ax.set_ylabel("Area inspected")
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.legend(title="Report year", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    _set_title(ax, title)
    caption(fig, years_text(years), source)
    return _finish(fig)


def count_chart(counts: pd.Series, title: str, xlabel: str, ylabel: str, period: str, source: str) -> plt.Figure | None:
    """A plain horizontal bar chart of counts (documents by type, areas for improvement by theme)."""
    if counts.empty:
        return None
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(counts) + 1.6))
    ax.barh([_wrap(i, 45) for i in counts.index.astype(str)], counts.to_numpy(), color=FORCE_COLOUR)
    for y, v in enumerate(counts.to_numpy()):
        ax.text(v, y, f" {v:g}", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    _set_title(ax, title)
    caption(fig, period, source)
    return _finish(fig)


def page_image(pdf_path: str, page_number: int, boxes: dict[str, list[str]], resolution: int = 80):
    """A PDF page as an image with every occurrence of the given strings boxed, one colour per kind.

    ``boxes`` maps a kind ("judgment", "figure", "finding") to the printed strings to find on the page.
    Returns pdfplumber's ``PageImage`` (it displays itself in a notebook).
    """
    import pdfplumber  # heavy, and only the extract-one-report template draws PDF pages

    colours = {"judgment": (27, 120, 55), "figure": (31, 78, 121), "finding": (230, 120, 30)}
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_number - 1]
        image = page.to_image(resolution=resolution)
        for kind, needles in boxes.items():
            hits = []
            for needle in dict.fromkeys(n for n in needles if n and n.strip()):
                hits += page.search(re.escape(needle.strip()), regex=True, case=False)
            if hits:
                image.draw_rects(hits, stroke=colours.get(kind, (200, 0, 0)), fill=None, stroke_width=2)
    return image
