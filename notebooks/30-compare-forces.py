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
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3 (peel-workbook)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Forces compared: grades, figures against England and Wales, outcomes, themes of areas for improvement
#
# Reads the workbook's tidy tables (the forces and years chosen below); the method is at the end.

# %% tags=["parameters"]
forces: str = ""  # comma-separated force names or aliases (empty: every force in documents.csv)
years: str = ""  # report years, e.g. "2015-2017" or "2015, 2017" (empty: every year)
data_dir: str = ""  # folder of the tidy tables (empty: outputs/data, or $PEEL_OUT/data)
out_dir: str = ""  # folder this notebook writes its tables to (empty: outputs/reports/tables)
worst_first: bool = False  # grade grids with the forces of the most Inadequate grades first (else by name)

# %% tags=["nbval-ignore-output"]
from lib.analysis import charts, corpus, figures, findings, grade_charts, grades, grid, selection
from lib.analysis import display as show
from lib.analysis.display import say, table

show.setup()

# %% [markdown]
# ## The forces and years compared

# %%
everything = corpus.load(corpus.data_folder(data_dir))
chosen = corpus.select_forces(forces, everything["documents"])
t = selection.filter_tables(everything, chosen, selection.parse_years(years))
docs = t["documents"]
assert set(docs["force"].dropna()) <= set(chosen)
peel = docs[docs["doc_type"].fillna("") == "peel_report"]
say(
    f"{len(chosen)} force{'s' if len(chosen) != 1 else ''} compared: {', '.join(chosen) or 'none'}."
    + (
        " With one force there is nothing to set side by side: each section shows that force alone."
        if len(chosen) == 1
        else ""
    ),
    f"{len(peel)} inspection reports ({charts.years_text(peel['year'])}) and {len(docs) - len(peel)} other documents.",
)
table(selection.name_documents(docs[["doc_id", "force", "doc_type", "year"]], docs), "No documents about these forces.")

# %% [markdown]
# ## Grades of each cycle, force by force
#
# A grid for each inspection cycle, latest first: forces are rows, areas are columns in the framework's order
# (each pillar's overall grade first). Sort by any column; `worst_first` puts the forces with the most
# Inadequate, then Requires improvement grades first. Blank: not graded in that cycle, or not read.

# %%
folder = corpus.tables_folder(out_dir)
cycles = grid.grid_cycles(t["judgments"])
if not cycles:
    say("No grades were extracted for these forces.")
for cycle in reversed(cycles):
    cycle_grid = grid.grade_grid(t["judgments"], cycle, worst_first=worst_first)
    cycle_grid.to_csv(folder / grid.grid_file(cycle), index=False)
    show.heading(f"Grades of {cycle}", 3)
    say(grid.grid_sentence(cycle_grid, cycle))
    table(cycle_grid, f"No grades in {cycle}.")

# %% [markdown]
# ## All grades at a glance
#
# Areas are rows; columns run by cycle, then force, with a dashed line between cycles. The four-point scale (to
# 2019) and the five-point scale (2021/22 on, with Adequate) stand in separate panels, each with its own colour
# steps: the inspectorate says the two cannot be compared directly. O = Outstanding, G = Good, A = Adequate,
# RI = Requires improvement, I = Inadequate, U = Ungraded.

# %%
matrix, scales = grid.grade_matrix(t["judgments"])
counts = grades.grade_counts(t["judgments"])
summary = ", ".join(f"{n} {g}" for g, n in counts.items())
judged = grades.graded(t["judgments"])
say(f"Of {int(counts.sum())} grades: {summary}." if summary else "No grades were extracted for these forces.")
charts.show(
    grade_charts.grade_panels(
        matrix,
        scales,
        f"Grades of {len(set(judged['force']))} forces by area and cycle: {summary}",
        figures.sources(judged, docs),
    )
)
table(selection.name_documents(grades.grade_table(t["judgments"]), docs), "No grades to show.")

# %% [markdown]
# ## Change over time
#
# Each force's grade in each area, from one cycle to the next. A change is said (better, worse, the same) only
# on the same scale; across the change from the four-point to the five-point scale it is not compared. Where the
# corpus lacks a force's earlier report, an earlier grade that a later report prints beside its own stands for
# it, marked "as printed in" that report (it is never a judgment of the report).

# %%
changes = grid.change_table(t["judgments"], t.get("prior_grades"))
changes.to_csv(folder / "grade-changes.csv", index=False)
say(grid.change_sentence(changes))
if not changes.empty:
    table(changes)

# %% [markdown]
# ## Figures side by side, each against England and Wales for the same period
#
# Every wording of one figure shares its measure (`lib/measures.py`), so the forces' figures pool by measure.
# Rates are compared through their ratio to England and Wales (1× = the same), percents and percent changes
# through their difference in points. Flagged figures (contradictory or implausible) are not drawn.

# %%
versus = figures.versus_england_wales(t["indicators"], docs)
for f in chosen:
    say(figures.figure_sentence(f, versus[versus["force"] == f]))
side = figures.pooled(versus)
if len(chosen) > 1 and not side.empty:
    what = f"{side['measure'].nunique()} measures printed for more than one force"
else:
    side, what = versus, "printed for each force (no measure shared)"
source = figures.sources(side, docs)
charts.show(charts.ratio_chart(side, f"Rates: {what}, against England and Wales", source, hue="force"))
charts.show(charts.points_chart(side, f"Percentages: {what}, against England and Wales", source, hue="force"))
table(
    selection.name_documents(figures.versus_display(versus), docs),
    "No figure was printed with an England and Wales comparator.",
)

# %% [markdown]
# ### Forces by measure, cycle by cycle
#
# Each cell: the force's figure against England and Wales, with its period where the report prints one.

# %%
for cycle in sorted(set(versus["cycle"]), key=selection.cycle_key, reverse=True):
    by_measure = figures.measure_table(versus, cycle)
    by_measure.to_csv(folder / f"compare-measures-{selection.slug(cycle)}.csv", index=False)
    show.heading(f"Figures of {cycle}", 4)
    table(by_measure, f"No figure of {cycle} to compare.")

# %% [markdown]
# ## Crime outcomes
#
# A share of all outcomes is given only from a complete set; a rate per 100 offences stays a rate.

# %%
mix = figures.outcomes(t["indicators"])
for f in chosen:
    say(*figures.outcome_sentences(f, mix[mix["force"] == f]))
table(
    selection.name_documents(mix.drop(columns=["indicator", "share"]), docs), "No crime outcome figures were extracted."
)

# %% [markdown]
# ## Themes of the areas for improvement
#
# Each area for improvement is matched to themes by keywords (`lib.analysis.findings.THEMES`); one can have several.

# %%
reported = findings.from_reports(t["findings"], t["documents"])  # a response restates them
afis = findings.improvements(reported, grades.area_labels(t["judgments"], t["findings"]))
theme_table = findings.themes(afis)
say(
    *(
        findings.improvement_sentence(f, afis[afis["force"] == f], findings.recurrence(afis[afis["force"] == f]))
        for f in chosen
    )
)
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
            figures.sources(afis, docs),
        )
    )
table(theme_table.reset_index(), "No areas for improvement were extracted.")

# %% [markdown]
# ## Consistency: the same England and Wales figure in two documents
#
# Where two documents print the England and Wales figure for the same measure and the same period, the two must
# agree. Figures for different periods, or without a period, are not compared. Only disagreements are listed.

# %%
consistency = figures.ew_consistency(t["indicators"], docs)
bad = consistency[consistency["verdict"] != "agrees"]
if consistency.empty:
    say("No England and Wales figure is printed by more than one document for the same period: nothing to compare.")
else:
    say(
        f"{len(consistency)} England and Wales figures are printed by two or more documents for the same period; "
        f"{(consistency['verdict'] == 'agrees').sum()} agree exactly, "
        f"{(consistency['verdict'] == 'rounding').sum()} differ only by rounding, "
        f"{(consistency['verdict'] == 'disagrees').sum()} disagree.",
    )
    table(bad.drop(columns=["measure"]), "Every one of them agrees exactly.")

# %% [markdown]
# ## Writes

# %%
versus.to_csv(folder / "compare-versus-england-wales.csv", index=False)
matrix.to_csv(folder / "compare-grades.csv")
consistency.to_csv(folder / "compare-england-wales-consistency.csv", index=False)
print("wrote", ", ".join(sorted(p.name for p in folder.glob("*.csv") if p.name.startswith(("compare-", "grade-")))))

# %% [markdown]
# ## Method
#
# **Answers:** how the forces' grades compare in each cycle (a grid a cycle, written as
# `reports/tables/grade-grid-<cycle>.csv`) and how each changed from one cycle to the next (`grade-changes.csv`);
# how their figures compare when each is put against the England and Wales figure of the same period, pooled by
# measure (a force by measure table a cycle, `compare-measures-<cycle>.csv`); their crime outcomes; which themes
# their areas for improvement share; whether the England and Wales figures the documents print agree.
#
# **Reads:** the tidy tables of the workbook (`outputs/data/`: `documents`, `judgments`, `indicators`,
# `findings`) built by `make run` from the PEEL reports and the Commissioners' documents.
#
# **Evidence:** each grade and figure names its document (title and date) and page, linked to the document's
# evidence page, with the words printed.
