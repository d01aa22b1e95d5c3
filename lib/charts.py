"""Charts and displays the notebook templates share: one look for every report.

Every chart states its finding in the title, labels its axes with units, and carries the period and the
source under the plot. Grades always come in the same order and the same colours. The functions return a
matplotlib ``Figure`` (or ``None`` when there is nothing to draw); ``show`` displays and closes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .extract.areas import GRADES as SCALE_GRADES
from .extract.areas import UNGRADED, grade_name

# The order of the grades, best first, and their colours: the same in every chart and table.
GRADES = [*SCALE_GRADES, UNGRADED]
GRADE_COLOURS = {
    "Outstanding": "#1b7837",
    "Good": "#7fbf7b",
    "Adequate": "#f6d55c",
    "Requires improvement": "#f4a259",
    "Inadequate": "#c0392b",
    "Ungraded": "#bdbdbd",
}
SCALE_NOTE = (
    "Grades to 2019 are on a 4-point scale (no 'Adequate'); from 2021 on a 5-point scale. "
    "The inspectorate says the two cannot be compared directly."
)
SOURCE = "HMIC/HMICFRS PEEL reports"
FORCE_COLOUR, EW_COLOUR = "#1f4e79", "#9e9e9e"

plt.rcParams.update(
    {
        "figure.dpi": 90,
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
    text = f"Period: {period}.  Source: {source}."
    if note:
        text += f"\n{note}"
    fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=8, color="#555555", wrap=True)


def _finish(fig: plt.Figure, lines: int = 1) -> plt.Figure:
    fig.tight_layout(rect=(0, 0.04 + 0.03 * lines, 1, 1))
    return fig


def show(fig: plt.Figure | None) -> None:
    """Display a chart once (no duplicate from the inline backend) and free it."""
    if fig is None:
        return
    from IPython.display import display

    display(fig)
    plt.close(fig)


def _wrap(text: str, width: int = 38) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _grade_legend(ax: plt.Axes, grades: Iterable[str], extra: list | None = None, **kw) -> None:
    present = [g for g in GRADES if g in set(grades)]
    handles = [Patch(facecolor=GRADE_COLOURS[g], edgecolor="#444444", label=g) for g in present]
    ax.legend(handles=handles + (extra or []), title="Grade", frameon=False, **kw)


def grade_timeline(judgments: pd.DataFrame, title: str, source: str = SOURCE) -> plt.Figure | None:
    """Grades of each area over the years: one row per area, one coloured mark per report year.

    A grade carried over from an earlier inspection (``last_inspected`` before the report year) is drawn
    hollow; a dashed line marks the change from the 4-point to the 5-point scale.
    """
    if judgments.empty:
        return None
    df = judgments.assign(grade=[grade_name(g) for g in judgments["grade"]])
    df["label"] = df["area_label"].fillna(df["area"]).astype(str)
    order = df.assign(first=df["year"]).groupby("label")["first"].min().sort_values(kind="stable").index.tolist()
    overall = [lab for lab in order if lab.lower().startswith("overall")]
    labels = overall + [lab for lab in order if lab not in overall]
    years = sorted(int(y) for y in df["year"].dropna().unique())
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(labels) + 1.8))
    for _, row in df.iterrows():
        y = labels.index(row["label"])
        carried = pd.notna(row["last_inspected"]) and int(row["last_inspected"]) < int(row["year"])
        colour = GRADE_COLOURS.get(row["grade"], "#ffffff")
        ax.scatter(
            int(row["year"]),
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
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(min(years) - 0.7, max(years) + 0.7)
    ax.set_xlabel("Year of the inspection report")
    ax.set_ylabel("Area inspected")
    ax.grid(axis="x", color="#eeeeee")
    note = ""
    if years[0] <= 2019 and years[-1] >= 2021:
        ax.axvline(2020, color="#555555", linestyle="--", linewidth=1)
        ax.text(2020, -0.6, "scale change", ha="center", fontsize=8, color="#555555")
        note = SCALE_NOTE
    extra = []
    if (df["last_inspected"].notna() & (df["last_inspected"] < df["year"])).any():
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
    ax.set_title(_wrap(title, 80), loc="left")
    caption(fig, years_text(years), source, note)
    return _finish(fig, 2 if note else 1)


def _short_label(label: object, period: object) -> str:
    """A figure's label without the period it repeats (the period is printed next to it)."""
    text = str(label)
    if period is not None and pd.notna(period) and str(period) and str(period) in text:
        text = text.replace(str(period), "").strip(" ,;")
    return text[:1].upper() + text[1:]


def ratio_chart(table: pd.DataFrame, title: str, source: str = SOURCE, hue: str | None = None) -> plt.Figure | None:
    """Each figure as a ratio to the England and Wales figure for the same period (1 = the same).

    ``table`` has ``label``, ``unit``, ``period``, ``value``, ``england_wales`` and ``ratio`` (see
    ``lib.notebooks.versus_england_wales``); with ``hue`` (e.g. ``force``) one dot per group.
    """
    if table.empty:
        return None
    df = table.copy()
    df["row"] = [
        _wrap(f"{_short_label(lab, period)} ({unit}; {period})", 55)
        for lab, unit, period in zip(df["label"], df["unit"], df["period"])
    ]
    rows = list(dict.fromkeys(df["row"]))
    fig, ax = plt.subplots(figsize=(9.5, 0.55 * len(rows) + 1.8))
    groups = [(None, df)] if hue is None else list(df.groupby(hue, sort=True))
    palette = plt.get_cmap("tab10")
    for k, (name, part) in enumerate(groups):
        ys = [rows.index(r) + (0 if hue is None else (k - (len(groups) - 1) / 2) * 0.18) for r in part["row"]]
        colour = FORCE_COLOUR if hue is None else palette(k)
        ax.hlines(ys, 1, part["ratio"], color=colour, alpha=0.5, linewidth=2)
        ax.scatter(part["ratio"], ys, color=colour, s=60, zorder=3, label=name)
        if hue is None:
            for y, (_, r) in zip(ys, part.iterrows()):
                ax.annotate(
                    f"{r['value']:g} vs {r['england_wales']:g}",
                    (r["ratio"], y),
                    xytext=(6, 4),
                    textcoords="offset points",
                    fontsize=8,
                    color="#333333",
                )
    ax.axvline(1, color=EW_COLOUR, linewidth=1.5)
    ax.set_xscale("log")
    lo, hi = float(df["ratio"].min()), float(df["ratio"].max())
    ax.set_xlim(min(lo, 1) / 1.35, max(hi, 1) * 1.5)
    lo_x, hi_x = ax.get_xlim()
    ticks = [t for t in (0.1, 0.25, 0.5, 1, 2, 4, 10) if lo_x <= t <= hi_x]
    ax.xaxis.set_major_locator(matplotlib.ticker.FixedLocator(ticks))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}×"))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_yticks(range(len(rows)), rows)
    ax.invert_yaxis()
    ax.set_xlabel("Force figure ÷ England and Wales figure, same period (log scale; 1× = same as E&W)")
    if hue is not None:
        ax.legend(title=hue.capitalize(), frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title(_wrap(title, 80), loc="left")
    caption(fig, "; ".join(sorted(set(df["period"].astype(str))))[:160], source)
    return _finish(fig)


def outcome_chart(outcomes: pd.DataFrame, title: str, source: str = SOURCE, force: str = "Force") -> plt.Figure | None:
    """Crime outcomes: the force's share of each outcome against England and Wales (paired bars)."""
    if outcomes.empty:
        return None
    df = outcomes.copy()
    df["row"] = [_wrap(f"{_short_label(lab, period)} ({period})", 50) for lab, period in zip(df["label"], df["period"])]
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(df) + 1.8))
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
    units = sorted(set(df["unit"].astype(str)))
    ax.set_xlabel(f"Share of outcomes assigned ({', '.join(units)})")
    ax.legend(frameon=False, loc="lower right")
    ax.set_title(_wrap(title, 80), loc="left")
    caption(fig, "; ".join(sorted(set(df["period"].astype(str)))), source)
    return _finish(fig)


def findings_chart(table: pd.DataFrame, title: str, source: str = SOURCE) -> plt.Figure | None:
    """Areas for improvement per area and year (``table``: area label × year counts, as from
    ``lib.notebooks.findings_by_area``)."""
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
    ax.set_title(_wrap(title, 80), loc="left")
    caption(fig, years_text(years), source)
    return _finish(fig)


def grade_heatmap(matrix: pd.DataFrame, title: str, source: str = SOURCE) -> plt.Figure | None:
    """Forces (rows) by year and area (columns), each cell coloured by its grade (as from
    ``lib.notebooks.grade_matrix``); empty cells were not inspected or not extracted."""
    if matrix.empty:
        return None
    codes = matrix.apply(lambda col: col.map(lambda g: GRADES.index(g) if g in GRADES else float("nan")))
    fig, ax = plt.subplots(figsize=(max(7, 0.75 * matrix.shape[1] + 3), 0.6 * matrix.shape[0] + 3.2))
    cmap = ListedColormap([GRADE_COLOURS[g] for g in GRADES])
    cmap.set_bad("#ffffff")
    ax.pcolormesh(
        codes.to_numpy(dtype=float), cmap=cmap, vmin=-0.5, vmax=len(GRADES) - 0.5, edgecolors="#ffffff", linewidth=2
    )
    for (i, j), g in pd.DataFrame(matrix.to_numpy()).stack().items():
        if g in GRADES:
            short = "".join(w[0] for w in g.split()).upper()
            ax.text(
                j + 0.5,
                i + 0.5,
                short,
                ha="center",
                va="center",
                fontsize=8,
                color="white" if g in {"Outstanding", "Inadequate"} else "black",
            )
    ax.set_yticks([i + 0.5 for i in range(matrix.shape[0])], matrix.index)
    cols = [f"{y} · {_wrap(a, 22)}" for y, a in matrix.columns]
    ax.set_xticks([j + 0.5 for j in range(matrix.shape[1])], cols, rotation=60, ha="right", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Report year · area inspected")
    ax.set_ylabel("Force")
    years = sorted({y for y, _ in matrix.columns})
    note = SCALE_NOTE if years and years[0] <= 2019 and years[-1] >= 2021 else ""
    _grade_legend(ax, matrix.to_numpy().ravel().tolist(), loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title(_wrap(title, 80), loc="left")
    caption(fig, years_text(years), source, note)
    return _finish(fig, 2 if note else 1)


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
    ax.set_title(_wrap(title, 80), loc="left")
    caption(fig, period, source)
    return _finish(fig)


def page_image(pdf_path: str, page_number: int, boxes: dict[str, list[str]], resolution: int = 80):
    """A PDF page as an image with every occurrence of the given strings boxed, one colour per kind.

    ``boxes`` maps a kind ("judgment", "figure", "finding") to the printed strings to find on the page.
    Returns pdfplumber's ``PageImage`` (it displays itself in a notebook).
    """
    import pdfplumber

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
