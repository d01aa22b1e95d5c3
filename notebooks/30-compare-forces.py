# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (peel-workbook)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Forces compared: grades, figures relative to England and Wales, outcomes, themes of areas for improvement
#
# **Answers:** how the forces' grades compare area by area and year by year; how their figures compare when each
# is put against the England and Wales figure of the same period; their crime outcome shares; which themes their
# areas for improvement share; and whether the England and Wales figures the reports print agree with each other.
#
# **Reads:** the tidy tables of the workbook (`outputs/data/`: `documents`, `judgments`, `indicators`, `findings`)
# built by `make run` from the PEEL reports and PCC documents in `seeds/`.

# %% tags=["parameters"]
forces: str = ""  # comma-separated force names or aliases (empty: every force in documents.csv)
years: str = ""  # report years, e.g. "2015-2017" or "2015, 2017" (empty: every year)
data_dir: str = ""  # folder of the tidy tables (empty: outputs/data, or $PEEL_OUT/data)
out_dir: str = ""  # folder this notebook writes its tables to (empty: outputs/reports/tables)

# %%
import pandas as pd
from IPython.display import Markdown, display

from lib import charts
from lib import notebooks as nbk

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 200)


def say(*lines: str) -> None:
    """Sentences as Markdown in the report (and as text for nbval)."""
    display(Markdown("\n".join(f"- {s}" for s in lines)))


# %% [markdown]
# ## The forces and years compared

# %%
t = nbk.load(nbk.data_folder(data_dir))
chosen = nbk.select_forces(forces, t["documents"])
wanted = nbk.parse_years(years)
for name, df in t.items():
    if name != "checks":
        keep = df["force"].isin(chosen) & (df["year"].isin(wanted) if wanted else True)
        t[name] = df[keep.fillna(False)].reset_index(drop=True)
assert set(t["documents"]["force"].dropna()) <= set(chosen)
source = nbk.source_line(t["documents"])
peel = t["documents"][t["documents"]["doc_type"].fillna("").str.contains("peel")]
say(
    f"{len(chosen)} forces compared: {', '.join(chosen)}.",
    f"{len(peel)} inspection reports ({charts.years_text(peel['year'])}) and "
    f"{len(t['documents']) - len(peel)} other documents.",
)
display(pd.crosstab(t["documents"]["force"], t["documents"]["doc_type"]))

# %% [markdown]
# ## Grades by force, area and year
#
# Cells are coloured by grade in the fixed order (O = Outstanding, G = Good, A = Adequate, RI = Requires
# improvement, I = Inadequate, U = Ungraded); blank cells were not inspected that year or not extracted. Grades
# to 2019 are on the 4-point scale, from 2021 on the 5-point scale: compare within a scale only.

# %%
matrix = nbk.grade_matrix(t["judgments"])
grades = pd.Series([g for g in matrix.to_numpy().ravel() if g]) if not matrix.empty else pd.Series(dtype=str)
counts = grades.value_counts().reindex(charts.GRADES).dropna().astype(int)
summary = ", ".join(f"{n} {g}" for g, n in counts.items())
overall = t["judgments"][t["judgments"]["area"] == "overall"].sort_values(["year", "force"])
say(
    *(
        f"{f}, {p} {int(y)}: {charts.grade_name(g)} overall."
        for f, p, y, g in zip(overall["force"], overall["pillar"], overall["year"], overall["grade"])
    ),
    f"Of {len(grades)} grades: {summary or 'none'}.",
)
charts.show(charts.grade_heatmap(matrix, f"Grades of {len(matrix)} forces: {summary or 'no grades extracted'}", source))
display(matrix)

# %% [markdown]
# ## Figures side by side, each relative to England and Wales for the same period
#
# A figure printed by two forces' reports for the same period can be compared through its England and Wales
# ratio (1 = the England and Wales figure).

# %%
versus = nbk.versus_england_wales(t["indicators"])
ratios = versus[versus["ratio"].notna()]
for f in chosen:
    say(nbk.figure_sentence(f, versus[versus["force"] == f]))
shared = ratios.groupby(["indicator", "period"])["force"].transform("nunique") > 1
side = ratios[shared] if shared.any() else ratios
title = (
    f"{side['indicator'].nunique()} figures printed by more than one force, relative to England and Wales"
    if shared.any()
    else "No figure was printed by two forces for the same period: each force's own ratios"
)
charts.show(charts.ratio_chart(side, title, source, hue="force"))
if not ratios.empty:
    display(ratios.pivot_table(index=["label", "unit", "period"], columns="force", values="ratio"))

# %% [markdown]
# ## Crime outcome shares

# %%
mix = nbk.outcomes(t["indicators"])
if mix.empty:
    say("No crime outcome shares were extracted for these forces.")
else:
    table = mix.pivot_table(index=["year", "period", "label"], columns="force", values="value")
    ew = mix.groupby(["year", "period", "label"])["england_wales"].first()
    table["England and Wales"] = ew
    for (f, y), part in mix.groupby(["force", "year"]):
        top = part.sort_values("value", ascending=False).iloc[0]
        say(f"{f}, {int(y)}: largest outcome share {top['label']} ({top['value']:g}%).")
    display(table)

# %% [markdown]
# ## Themes of the areas for improvement
#
# Each area for improvement is matched to themes by keywords (`lib.notebooks.THEMES`); one can have several.

# %%
afis = nbk.improvements(t["findings"], nbk.area_labels(t["judgments"], t["findings"]))
theme_table = nbk.themes(afis)
say(*(nbk.improvement_sentence(f, afis[afis["force"] == f], nbk.recurrence(afis[afis["force"] == f])) for f in chosen))
if not theme_table.empty:
    totals = theme_table.sum(axis=1)
    shared_themes = [th for th in theme_table[(theme_table > 0).sum(axis=1) > 1].index if th != "Other"]
    say(f"Themes shared by more than one force: {', '.join(shared_themes) if shared_themes else 'none'}.")
    charts.show(
        charts.count_chart(
            totals,
            f"Areas for improvement: {totals.index[0].lower()} is the commonest theme ({int(totals.iloc[0])})",
            "Areas for improvement (count; one can have several themes)",
            "Theme",
            charts.years_text(afis["year"]),
            source,
        )
    )
    display(theme_table)

# %% [markdown]
# ## Consistency: the same England and Wales figure in two reports
#
# Where two documents print the England and Wales figure for the same indicator and period, the two must agree.

# %%
consistency = nbk.ew_consistency(t["indicators"])
if consistency.empty:
    say("No England and Wales figure is printed by more than one document for the same period: nothing to compare.")
else:
    bad = consistency[consistency["verdict"] == "disagrees"]
    say(
        f"{len(consistency)} England and Wales figures are printed by two or more documents for the same period; "
        f"{(consistency['verdict'] == 'agrees').sum()} agree exactly, "
        f"{(consistency['verdict'] == 'rounding').sum()} differ only by rounding, "
        f"{len(bad)} disagree.",
        *(
            f"DISAGREE: {r['indicator']} ({r['period']}, {r['unit']}): {r['england_wales_values']} in {r['doc_ids']}."
            for _, r in bad.iterrows()
        ),
    )
    display(consistency)

# %% [markdown]
# ## Writes

# %%
folder = nbk.tables_folder(out_dir)
versus.to_csv(folder / "compare-versus-england-wales.csv", index=False)
matrix.to_csv(folder / "compare-grades.csv")
consistency.to_csv(folder / "compare-england-wales-consistency.csv", index=False)
print("wrote", ", ".join(sorted(p.name for p in folder.glob("compare-*.csv"))))
