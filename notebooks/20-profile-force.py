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
# # Force profile: how one police force was graded, its figures against England and Wales, what it must improve
#
# Reads the workbook's tidy tables (the rows about this force); the method is at the end.

# %% tags=["parameters"]
force: str = "Gwent Police"  # the force to profile: its name or an alias ("Gwent", "Heddlu Gwent")
data_dir: str = ""  # folder of the tidy tables (empty: outputs/data, or $PEEL_OUT/data)
out_dir: str = ""  # folder this notebook writes its tables to (empty: outputs/reports/tables)

# %% tags=["nbval-ignore-output"]
from lib.analysis import charts, corpus, figures, findings, grades, inventory, profile, selection
from lib.analysis import display as show
from lib.analysis.display import say, table
from lib.forces import canonical

show.setup()

# %%
force = canonical(force) or force
t = corpus.force_tables(corpus.data_folder(data_dir), force)
assert not t["documents"].empty, f"no documents about {force} in the tables"
names = selection.document_names(t["documents"])
show.heading(force)
show.box("In short", profile.summary_sections(force, t))

# %% [markdown]
# ## Headlines

# %%
lines = profile.headlines(force, t)
assert lines and all(s.startswith(force) or s.startswith("Changed grades") for s in lines)
say(*lines)

# %% [markdown]
# ## Grades per area over the inspections
#
# One row per graded area, one square per inspection. A hollow square is a grade the report carried over from an
# earlier inspection (printed with the year last inspected). Grades to 2019 are on the four-point scale; from
# 2021/22 on the five-point scale with *Adequate*: a dashed line marks the change, and grades are compared within
# a scale only.

# %%
judged = grades.graded(t["judgments"])
odd = grades.outside_grades(t["judgments"])
if not odd.empty:
    say(
        *(
            f"Not drawn: {names.get(r['doc_id'], r['doc_id'])}, page {r['page']}: {r['area_name']} graded "
            f"{r['grade']!r}, which is not one of the six grade words."
            for _, r in odd.iterrows()
        )
    )
if judged.empty:
    say(f"{force}: no graded judgments were extracted from its documents.")
else:
    title = grades.timeline_title(force, t["judgments"])
    charts.show(charts.grade_timeline(judged, title, figures.sources(judged, t["documents"])))
table(selection.name_documents(grades.grade_table(t["judgments"]), t["documents"]), "No grades to show.")

# %% [markdown]
# ## Figures against England and Wales
#
# Every figure the reports print with an England and Wales figure for the same period. Rates and counts are
# compared as a ratio (force ÷ England and Wales; 1× = the same); percents, shares and percent changes as a
# difference in percentage points, never as a ratio. Which way is better is said only where the inspectorate
# says it. Figures that contradict each other in one report, or lie more than ten times from England and Wales,
# are flagged and not drawn.

# %%
versus = figures.versus_england_wales(t["indicators"])
assert ((versus["value"] - versus["england_wales"]).round(3) == versus["difference"]).all()
assert versus.loc[versus["comparison"] == "points", "ratio"].isna().all(), "a percent compared as a ratio"
say(figures.figure_sentence(force, versus))
source = figures.sources(versus, t["documents"])
rates = versus[(versus["comparison"] == "ratio") & (versus["flag"] == "")]
higher = int((rates["ratio"] > 1).sum())
charts.show(
    charts.ratio_chart(versus, f"{force}: {higher} of {len(rates)} rates higher than England and Wales", source)
)
points = versus[(versus["comparison"] == "points") & (versus["flag"] == "")]
charts.show(
    charts.points_chart(
        versus,
        f"{force}: {int((points['difference'] > 0).sum())} of {len(points)} percentages above England and Wales",
        source,
    )
)
shown = selection.name_documents(figures.versus_display(versus), t["documents"])
table(shown, "No figure was printed with an England and Wales comparator.")

# %% [markdown]
# ### Other figures the reports print (no England and Wales figure beside them)

# %%
others = figures.uncompared(t["indicators"])
assert len(others) + len(versus) == len(t["indicators"]), "a figure neither compared nor listed"
table(selection.name_documents(others, t["documents"]), "Every figure is in the comparison above.")

# %% [markdown]
# ## Crime outcomes
#
# A share of all outcomes is given only from a complete set of outcome types (shares summing to 100); a rate per
# 100 offences is a rate, shown in its own unit.

# %%
mix = figures.outcomes(t["indicators"])
say(*figures.outcome_sentences(force, mix))
for (doc_id, _period, unit), part in mix.groupby(["doc_id", "period", "unit"], sort=False):
    charts.show(
        charts.outcome_chart(
            part,
            f"{force}: {len(part)} crime outcome types, {unit}, against England and Wales",
            names.get(doc_id, doc_id),
            force,
        )
    )
table(
    selection.name_documents(mix.drop(columns=["force", "indicator", "share"]), t["documents"]),
    "No crime outcome figures were extracted.",
)

# %% [markdown]
# ## Areas for improvement by area, and recurrence across years
#
# An area recurs when reports of two different years each set areas for improvement in it; *similarity* compares
# the closest pair of texts (1 = the same words).

# %%
reported = findings.from_reports(t["findings"], t["documents"])  # a response restates them
afis = findings.improvements(reported, grades.area_labels(t["judgments"], t["findings"]))
recurring = findings.recurrence(afis, names=names)
say(findings.improvement_sentence(force, afis, recurring))
by_area = findings.findings_by_area(afis)
if not by_area.empty:
    assert int(by_area.to_numpy().sum()) == len(afis)
    charts.show(
        charts.findings_chart(
            by_area,
            f"{force}: most areas for improvement in {by_area.index[0].lower()} ({int(by_area.iloc[0].sum())})",
            figures.sources(afis, t["documents"]),
        )
    )
cols = ["doc_id", "year", "area_label", "kind", "text", "page", "evidence"]
table(selection.name_documents(afis[cols], t["documents"]), "No areas for improvement were extracted.")
table(recurring.drop(columns=["force"]), "No area has areas for improvement in two report years.")

# %% [markdown]
# ## The Police and Crime Commissioner's responses and bulletins

# %%
pcc = findings.pcc_documents(t["documents"], t["pcc_actions"])
say(findings.pcc_sentence(force, pcc, t["pcc_actions"]))
table(pcc.drop(columns=["title"]).pipe(selection.name_documents, t["documents"]), "No Commissioner's documents.")
cols = [
    c for c in ["doc_id", "recommendation", "action", "status", "page", "evidence"] if c in t["pcc_actions"].columns
]
table(selection.name_documents(t["pcc_actions"][cols], t["documents"]), "No actions were read.")

# %% [markdown]
# ## Checks of the force's documents

# %%
say(*inventory.check_sentences(t["checks"], names))

# %% [markdown]
# ## Writes

# %%
folder = corpus.tables_folder(out_dir)
name = f"profile-{selection.slug(force)}"
profile.headlines_frame(force, lines).to_csv(folder / f"{name}-headlines.csv", index=False)
versus.to_csv(folder / f"{name}-versus-england-wales.csv", index=False)
afis.to_csv(folder / f"{name}-areas-for-improvement.csv", index=False)
print("wrote", ", ".join(sorted(p.name for p in folder.glob(f"{name}-*.csv"))))

# %% [markdown]
# ## Method
#
# **Answers:** how the inspectorate graded the force over the years and in which areas; how its figures compare
# with England and Wales for the same period; its crime outcomes; which areas for improvement recur from one
# report to the next; what its Police and Crime Commissioner published in response.
#
# **Reads:** the tidy tables of the workbook (`documents`, `judgments`, `indicators`, `findings`, `pcc_actions`,
# `checks` in `outputs/data/`), built by `make run` from the PEEL inspection reports (HMIC/HMICFRS) and the
# Commissioners' documents. Only the rows about this force are read (`lib.analysis.corpus.force_tables`).
#
# **Evidence:** every grade, figure and finding names its document (title and date) and page; the page links to
# the document's evidence page, and *Printed as* quotes the sentence or table row it was read from. Text from the
# documents is shown as text, never as markup.
