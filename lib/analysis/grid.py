"""Grades across forces and over time: a grade grid for each cycle (forces by areas in the framework's order)
and the change of each force's grade in each area from one cycle to the next, on the same scale only.

Every area has one name (``areas.row_name``) and a pillar's grade sits on its pillar's overall row, whatever
the report called it, so two corpora give the same rows and columns.
"""

from __future__ import annotations

import pandas as pd

from ..vocab import GRADES as SCALE_GRADES
from ..vocab import UNGRADED, grade_score, scale_for
from . import areas
from .grades import graded
from .selection import cycle_key, slug

WORST_FIRST = list(reversed(SCALE_GRADES))  # Inadequate first: the order of "worst grades first"
CHANGE_COLUMNS = [
    "force",
    "area",
    "pillar",
    "before_cycle",
    "before",
    "after_cycle",
    "after",
    "change",
    "source",
    "before_source",
]


def placed(judgments: pd.DataFrame) -> pd.DataFrame:
    """Graded judgments with the grid's ``row`` (one name per area), ``pillar`` (a pillar's question printed
    in a summary is that pillar's overall grade) and ``rank`` (the framework's order)."""
    df = graded(judgments)
    if df.empty:
        return df.assign(row=pd.Series(dtype=object), rank=pd.Series(dtype=object))
    fixed = [areas.pillar_overall(a, lab, p) for a, lab, p in zip(df["area"], df["area_label"], df["pillar"])]
    df["area"] = [a for a, _ in fixed]
    df["pillar"] = [p for _, p in fixed]
    df["row"] = [areas.row_name(a, p) for a, p in fixed]
    df["rank"] = [areas.sort_key(a, p, s) for (a, p), s in zip(fixed, df["scale"])]
    return df


def grid_cycles(judgments: pd.DataFrame) -> list[str]:
    """The cycles with grades, oldest first."""
    df = placed(judgments)
    return sorted(set(df["cycle"]), key=cycle_key)


def latest_cycle(judgments: pd.DataFrame) -> str:
    """The latest cycle with grades ("" when none)."""
    found = grid_cycles(judgments)
    return found[-1] if found else ""


def grade_grid(judgments: pd.DataFrame, cycle: str, worst_first: bool = False) -> pd.DataFrame:
    """One cycle's grades: a row per force (``force``), a column per area in the framework's order, each cell
    the grade word ("" where not graded or not read). ``worst_first``: forces with the most Inadequate
    grades first, then Requires improvement, and so on; else by name."""
    df = placed(judgments)
    df = df[df["cycle"] == cycle]
    if df.empty:
        return pd.DataFrame(columns=["force"])
    columns = list(dict.fromkeys(df.sort_values("rank", kind="stable")["row"]))
    cells = df.drop_duplicates(["force", "row"], keep="last").pivot(index="force", columns="row", values="grade")
    grid = cells.reindex(columns=columns).fillna("").rename_axis(columns=None)
    if worst_first:
        counts = [tuple(-int((grid.loc[f] == g).sum()) for g in [*WORST_FIRST, UNGRADED]) for f in grid.index]
        grid = grid.assign(_k=counts).sort_values(["_k"], kind="stable").drop(columns="_k")
    else:
        grid = grid.sort_index()
    return grid.reset_index()


def grid_file(cycle: str) -> str:
    """The file name of a cycle's grid: ``grade-grid-2021-22.csv``."""
    return f"grade-grid-{slug(cycle)}.csv"


def grid_sentence(grid: pd.DataFrame, cycle: str) -> str:
    """ "2021/22: 2 forces graded in 9 areas; Inadequate 1, Requires improvement 3, Adequate 5, Good 9."."""
    if grid.empty or len(grid.columns) <= 1:
        return f"{cycle}: no grades."
    cells = pd.Series(grid.drop(columns="force").to_numpy().ravel())
    counts = ", ".join(f"{g} {int((cells == g).sum())}" for g in [*WORST_FIRST, UNGRADED] if (cells == g).any())
    n = len(grid)
    return f"{cycle}: {n} force{'s' if n != 1 else ''} graded in {len(grid.columns) - 1} areas; {counts}."


def grade_matrix(judgments: pd.DataFrame) -> tuple[pd.DataFrame, dict[tuple[str, str], str]]:
    """The heatmap's data: areas (rows, in the framework's order, each pillar's overall row first) by
    (cycle, force) columns ordered by cycle, then force; cells the grade word ("" where not graded or not
    read); and the scale of each column."""
    df = placed(judgments)
    if df.empty:
        return pd.DataFrame(), {}
    rows = list(dict.fromkeys(df.sort_values("rank", kind="stable")["row"]))
    columns = sorted(set(zip(df["cycle"], df["force"])), key=lambda cf: (cycle_key(cf[0]), cf[1]))
    matrix = df.drop_duplicates(["cycle", "force", "row"], keep="last").pivot(
        index="row", columns=["cycle", "force"], values="grade"
    )
    index = pd.MultiIndex.from_tuples(columns, names=["cycle", "force"])
    matrix = matrix.reindex(index=rows, columns=index).fillna("")
    return matrix, dict(zip(zip(df["cycle"], df["force"]), df["scale"]))


def printed_earlier(prior: pd.DataFrame | None, judgments: pd.DataFrame) -> pd.DataFrame:
    """The earlier grades reports print beside their own (``prior_grades.csv``) as judgments of their cycle,
    for the force, area and cycle whose own report the corpus lacks; ``_from`` says "as printed in <report>"."""
    if prior is None or prior.empty:
        return judgments.iloc[0:0]
    rows = []
    own = {(f, a, c) for f, a, c in zip(judgments["force"], judgments["area"], judgments["cycle"])}
    for r in prior.to_dict("records"):
        cycle = str(r["grade_cycle"])
        if (r["force"], r["area"], cycle) in own or not cycle[:4].isdigit():
            continue
        scale = scale_for(int(cycle[:4]))
        rows.append(
            {
                **{k: r.get(k) for k in ("doc_id", "force", "area", "area_label", "grade", "page")},
                "cycle": cycle,
                "year": int(cycle[:4]),
                "pillar": "",
                "scale": scale,
                "grade_score": grade_score(r["grade"], scale),
                "last_inspected": None,
                "_from": f"as printed in {r['doc_id']}, page {r['page']}",
            }
        )
    return pd.DataFrame(rows, columns=[*judgments.columns, "_from"])


def change_table(judgments: pd.DataFrame, prior: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per force and area graded in more than one cycle, each pair of consecutive cycles: the grade before and
    after and ``change``: better, worse, the same; "scale changed: not compared" across the change from the
    four-point to the five-point scale (the inspectorate says the two cannot be compared). ``source``: where
    the later grade was read (document and page); ``before_source``: where the earlier one was, "as printed in
    <report>" for an earlier grade a later report prints (``prior``: ``prior_grades.csv``) where the corpus
    lacks the earlier report; such a grade is never a judgment."""
    earlier = printed_earlier(prior, judgments)
    sources = [f"{d}, page {p}" for d, p in zip(judgments["doc_id"], judgments["page"])]
    both = pd.concat([judgments.assign(_from=sources), earlier], ignore_index=True) if len(earlier) else None
    df = placed(both if both is not None else judgments.assign(_from=sources))
    df = df[df["grade"] != UNGRADED]
    rows = []
    for (force, row), part in df.groupby(["force", "row"], sort=True):
        part = part.assign(_k=[cycle_key(c) for c in part["cycle"]]).sort_values("_k", kind="stable")
        part = part.drop_duplicates("cycle", keep="last")
        for (_, first), (_, last) in zip(part.iloc[:-1].iterrows(), part.iloc[1:].iterrows()):
            rows.append(
                [force, row, last["pillar"], first["cycle"], first["grade"], last["cycle"], last["grade"]]
                + [_change(first, last), f"{last['doc_id']}, page {last['page']}", first["_from"]]
            )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def _change(first: pd.Series, last: pd.Series) -> str:
    if first["scale"] != last["scale"]:
        return "scale changed: not compared"
    if first["grade"] == last["grade"]:
        return "the same"
    if pd.isna(first["grade_score"]) or pd.isna(last["grade_score"]):
        return "not compared"
    return "better" if last["grade_score"] > first["grade_score"] else "worse"


def change_sentence(changes: pd.DataFrame) -> str:
    """ "Of 12 grades given in two cycles on the same scale: 2 better, 1 worse, 9 the same; 4 across the
    change of scale, not compared." """
    if changes.empty:
        return "No force has grades of the same area in two cycles in this corpus: no change over time to show."
    counts = changes["change"].value_counts()
    same_scale = [f"{counts.get(k, 0)} {k}" for k in ("better", "worse", "the same") if counts.get(k, 0)]
    n = int(sum(counts.get(k, 0) for k in ("better", "worse", "the same")))
    text = f"Of {n} grades given in two cycles on the same scale: {', '.join(same_scale) or 'none'}"
    across = int(counts.get("scale changed: not compared", 0))
    return text + (f"; {across} across the change of scale, not compared." if across else ".")
