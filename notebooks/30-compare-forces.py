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
# # Forces compared: grades, figures against England and Wales, outcomes, themes of areas for improvement
#
# Reads the workbook's tidy tables (the forces and years chosen below); the method is at the end.

# %% tags=["parameters"]
forces: str = ""  # comma-separated force names or aliases (empty: every force in documents.csv)
years: str = ""  # report years, e.g. "2015-2017" or "2015, 2017" (empty: every year)
data_dir: str = ""  # folder of the tidy tables (empty: outputs/data, or $PEEL_OUT/data)
out_dir: str = ""  # folder this notebook writes its tables to (empty: outputs/reports/tables)

# %% tags=["nbval-ignore-output"]
from lib.analysis import charts, corpus, figures, findings, grades, selection
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
# ## Grades by area, force and inspection
#
# Areas are rows; each force's inspections are columns. Cells are coloured by grade in the fixed order (O =
# Outstanding, G = Good, A = Adequate, RI = Requires improvement, I = Inadequate, U = Ungraded); blank cells were
# not inspected or not extracted. A dashed line marks a change from the four-point to the five-point scale:
# compare within a scale only.

# %%
matrix, scales = grades.grade_matrix(t["judgments"])
counts = grades.grade_counts(t["judgments"])
summary = ", ".join(f"{n} {g}" for g, n in counts.items())
latest = grades.latest_grades(t["judgments"])
overall = latest[latest["overall"]]
say(
    *(
        f"{r['force']}, {r['pillar'] or 'pillar not stated'} ({r['cycle']}): {r['grade']} overall."
        for _, r in overall.iterrows()
    ),
    f"Of {int(counts.sum())} grades: {summary}." if summary else "No grades were extracted for these forces.",
)
judged = grades.graded(t["judgments"])
charts.show(
    charts.grade_heatmap(
        matrix,
        scales,
        f"Grades of {len(set(judged['force']))} forces by area: {summary}",
        figures.sources(judged, docs),
    )
)
table(selection.name_documents(grades.grade_table(t["judgments"]), docs), "No grades to show.")

# %% [markdown]
# ## Figures side by side, each against England and Wales for the same period
#
# Rates are compared through their ratio to England and Wales (1× = the same), percents and percent changes
# through their difference in points. Flagged figures (contradictory or implausible) are not drawn.

# %%
versus = figures.versus_england_wales(t["indicators"])
for f in chosen:
    say(figures.figure_sentence(f, versus[versus["force"] == f]))
shared = (
    versus.groupby(["indicator", "period"])["force"].transform("nunique") > 1 if not versus.empty else versus["force"]
)
side = versus[shared.astype(bool)] if len(chosen) > 1 and shared.any() else versus
what = "printed by more than one force" if side is not versus else "printed for each force (none shared)"
source = figures.sources(side, docs)
charts.show(charts.ratio_chart(side, f"Rates {what}, against England and Wales", source, hue="force"))
charts.show(charts.points_chart(side, f"Percentages {what}, against England and Wales", source, hue="force"))
table(
    selection.name_documents(figures.versus_display(versus), docs),
    "No figure was printed with an England and Wales comparator.",
)

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
# Where two documents print the England and Wales figure for the same indicator and period, the two must agree.
# Only disagreements are listed.

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
    table(bad.drop(columns=["indicator"]), "Every one of them agrees exactly.")

# %% [markdown]
# ## Writes

# %%
folder = corpus.tables_folder(out_dir)
versus.to_csv(folder / "compare-versus-england-wales.csv", index=False)
matrix.to_csv(folder / "compare-grades.csv")
consistency.to_csv(folder / "compare-england-wales-consistency.csv", index=False)
print("wrote", ", ".join(sorted(p.name for p in folder.glob("compare-*.csv"))))

# %% [markdown]
# ## Method
#
# **Answers:** how the forces' grades compare area by area and inspection by inspection; how their figures compare
# when each is put against the England and Wales figure of the same period; their crime outcomes; which themes
# their areas for improvement share; whether the England and Wales figures the documents print agree.
#
# **Reads:** the tidy tables of the workbook (`outputs/data/`: `documents`, `judgments`, `indicators`,
# `findings`) built by `make run` from the PEEL reports and the Commissioners' documents.
#
# **Evidence:** each grade and figure names its document (title and date) and page, linked to the document's
# evidence page, with the words printed.
