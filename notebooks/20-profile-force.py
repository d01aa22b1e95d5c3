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
# # Profile of one police force: grades, figures against England and Wales, areas for improvement, PCC documents
#
# **Answers:** how the inspectorate graded the force over the years and in which areas; how its figures compare
# with England and Wales for the same period; the mix of its crime outcomes; which areas for improvement recur
# from one report to the next; what its Police and Crime Commissioner published in response.
#
# **Reads:** the tidy tables of the workbook (`documents`, `judgments`, `indicators`, `findings`, `pcc_actions`,
# `checks` in `outputs/data/`), built by `make run` from the PEEL inspection reports (HMIC/HMICFRS) and the PCC
# documents in `seeds/`. Only the rows about this force are read (`lib.notebooks.force_tables`).

# %% tags=["parameters"]
force: str = "Gwent Police"  # the force to profile: its name or an alias ("Gwent", "Heddlu Gwent")
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


from lib.forces import canonical

# %% [markdown]
# ## The force's documents

# %%
force = canonical(force) or force
data = nbk.data_folder(data_dir)
t = nbk.force_tables(data, force)
assert not t["documents"].empty, f"no documents about {force} in the tables"
source = nbk.source_line(t["documents"])
display(t["documents"][["doc_id", "doc_type", "year", "pillar", "title", "pages", "status"]])

# %% [markdown]
# ## Headlines

# %%
lines = nbk.headlines(force, t)
assert lines and all(s.startswith(force) or s.startswith("Changed grades") for s in lines)
display(Markdown(f"### {force}"))
say(*lines)

# %% [markdown]
# ## Grades per area over the years
#
# One row per graded area, one square per report. A hollow square is a grade the report carried over from an
# earlier inspection (printed with the year last inspected). Grades to 2019 are on the 4-point scale; from 2021 on
# the 5-point scale with *Adequate*: a dashed line marks the change and the two should not be read as one series.

# %%
judgments = t["judgments"]
assert {charts.grade_name(g) for g in judgments["grade"]} <= set(charts.GRADES), "a grade outside the fixed list"
headline = nbk.grade_sentences(force, judgments)[0].rstrip(".")
charts.show(charts.grade_timeline(nbk.with_area_names(judgments), headline, source))
display(nbk.grade_table(judgments).drop(columns=["evidence"]))

# %% [markdown]
# ## Figures against England and Wales
#
# Every figure the reports print with an England and Wales figure for the same period, as a ratio (force ÷ England
# and Wales; 1 = the same). Changes (which can be negative) have a difference only.

# %%
versus = nbk.versus_england_wales(t["indicators"])
assert ((versus["value"] - versus["england_wales"]).round(3) == versus["difference"]).all()
mix_ids = set(nbk.outcomes(t["indicators"])["indicator"])
ratios = versus[versus["ratio"].notna() & ~versus["indicator"].isin(mix_ids)]  # outcomes have their own chart
higher = int((ratios["ratio"] > 1).sum())
say(nbk.figure_sentence(force, versus))
charts.show(
    charts.ratio_chart(
        ratios, f"{force}: {higher} of {len(ratios)} rates higher than England and Wales (outcomes below)", source
    )
)
display(versus.drop(columns=["doc_id", "force"]))

# %% [markdown]
# ## The mix of crime outcomes

# %%
mix = nbk.outcomes(t["indicators"])
if mix.empty:
    say(f"{force}: no crime outcome shares were extracted.")
else:
    latest = mix[mix["year"] == mix["year"].max()]
    assert latest["value"].between(0, 100).all(), "an outcome share outside 0-100%"
    top = latest.iloc[0]
    ew = f"; England and Wales {top['england_wales']:g}%" if pd.notna(top["england_wales"]) else ""
    say(
        f"{force}, {int(top['year'])}: the commonest outcome was {top['label'].lower()} ({top['value']:g}%{ew}).",
        f"{len(latest)} outcome types extracted for {latest['period'].iloc[0]} ({latest['unit'].iloc[0]}).",
    )
    charts.show(
        charts.outcome_chart(
            latest,
            f"{force} {int(top['year'])}: the commonest outcome was {top['label'].lower()} ({top['value']:g}%{ew})",
            source,
            force,
        )
    )
    display(mix.drop(columns=["doc_id", "force"]))

# %% [markdown]
# ## Areas for improvement by area, and recurrence across years
#
# An area recurs when reports of two different years each set areas for improvement in it; `similarity` compares
# the closest pair of texts (1 = same words).

# %%
afis = nbk.improvements(t["findings"], nbk.area_labels(t["judgments"], t["findings"]))
recurring = nbk.recurrence(afis)
say(nbk.improvement_sentence(force, afis, recurring))
by_area = nbk.findings_by_area(afis)
if not by_area.empty:
    assert int(by_area.to_numpy().sum()) == len(afis)
    charts.show(
        charts.findings_chart(
            by_area,
            f"{force}: most areas for improvement in {by_area.index[0].lower()} ({int(by_area.iloc[0].sum())})",
            source,
        )
    )
    display(by_area)
display(recurring.drop(columns=["force"]))
display(afis[["year", "area_label", "kind", "text", "page"]])

# %% [markdown]
# ## The Police and Crime Commissioner's responses and bulletins

# %%
pcc = nbk.pcc_documents(t["documents"], t["pcc_actions"])
say(nbk.pcc_sentence(force, pcc))
display(pcc)
if not t["pcc_actions"].empty:
    display(t["pcc_actions"][["doc_id", "recommendation", "action", "page"]])

# %% [markdown]
# ## Checks of the force's documents

# %%
say(*nbk.check_sentences(t["checks"]))

# %% [markdown]
# ## Writes

# %%
folder = nbk.tables_folder(out_dir)
name = f"profile-{nbk.slug(force)}"
pd.DataFrame({"force": force, "headline": lines}).to_csv(folder / f"{name}-headlines.csv", index=False)
versus.to_csv(folder / f"{name}-versus-england-wales.csv", index=False)
afis.to_csv(folder / f"{name}-areas-for-improvement.csv", index=False)
print("wrote", ", ".join(sorted(p.name for p in folder.glob(f"{name}-*.csv"))))
