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

# %%

# %% [markdown]
# # Recommendation tracker: every finding of the inspections, the Commissioner's response, its status, and what recurs
#
# After a PEEL inspection the Police and Crime Commissioner must publish a response within 56 days (Police Act
# 1996, section 55). This report joins every cause of concern, recommendation and area for improvement of the
# inspectorate's reports to the Commissioner's response in the corpus, gives its status, its age when open, and
# the finding of the force's earlier inspection it repeats. Reads `tracker.csv` (built by `make run` from
# `findings.csv`, `pcc_actions.csv` and `documents.csv`) and `judgments.csv`; the method is at the end.

# %% tags=["parameters"]
force: str = ""  # the force to track: its name or an alias ("Gwent"); empty: every force, compared
data_dir: str = ""  # folder of the tidy tables (empty: outputs/data, or $PEEL_OUT/data)
out_dir: str = ""  # folder this notebook writes its tables to (empty: outputs/reports/tables)
as_of: str = ""  # the day open items' ages are counted to, as 2025-01-31 (empty: today)

# %% tags=["nbval-ignore-output"]
from lib.analysis import corpus, selection
from lib.analysis import display as show
from lib.analysis import tracker as track
from lib.analysis.display import say, table
from lib.forces import canonical

show.setup()

# %%
force = (canonical(force) or force) if force else ""
data = corpus.data_folder(data_dir)
t = corpus.load(data)
everything = track.load(data, t)
rows = track.for_force(everything, force)
day = track.as_of_date(as_of)
if force:
    assert force in set(t["documents"]["force"].dropna()), f"no documents about {force} in the tables"
show.heading(force or "Every force")
assert rows["finding_id"].is_unique, "a finding id twice"
say(*track.sentences(rows, force, day))

# %% [markdown]
# ## The Commissioners' responses compared
#
# A row per inspection report. *Coverage* is the share of its recommendations and causes of concern (and, beside
# it, of its areas for improvement) that the Commissioner's response in the corpus answers; *days to response*
# counts from the report's publication to the response's (blank when either date gives only a month or a year),
# and *within 56 days* is said wherever the dates settle it. *Open items* are findings not complete or superseded.

# %%
compared = track.league(rows)
table(
    selection.name_documents(compared, t["documents"]) if not compared.empty else compared, "No report with findings."
)

# %% [markdown]
# ## Every finding and its response
#
# The report's page links to the finding's evidence, the response's page to the action's. *Status* is the
# printed status on one list (complete, in progress, not started, superseded, not responded; `lib/vocab/responses.py`);
# a blank status is a wording the list does not know (see the checks). *Overridden* shows a user's correction
# from `tracker_overrides.csv`.

# %%
every = track.findings_table(rows, t["documents"]).drop(columns=["force"] if force else [])
table(every, "No cause of concern, recommendation or area for improvement.")

# %% [markdown]
# ## Open items and their age
#
# Findings not responded, not started or in progress, oldest first; the age counts from the report's publication.

# %% tags=["nbval-ignore-output"]
still = track.open_items(rows, t["documents"], day)
say(
    f"{len(still)} open items on {day.isoformat()}"
    + (f", the oldest {still['age_days'].max()} days." if len(still) and still["age_days"].notna().any() else ".")
)
table(still.drop(columns=["force"] if force else []), "Nothing open.")

# %% [markdown]
# ## What recurs, and did anything change?
#
# A finding repeats one of the force's earlier inspection when the report says so (*stated*) or its words match
# (*similar*, with the score, 0–100). Beside each, the area's grade in the inspection before and after.

# %%
again = track.recurrences(rows, t["judgments"])
changed = again[again["did_the_grade_change"].str.contains("→")] if not again.empty else again
say(
    f"{len(again)} findings repeat an earlier one; the area's grade changed for {len(changed)} of them."
    if len(again)
    else "No finding repeats one of an earlier inspection: the corpus holds one inspection of each force, or "
    "nothing recurs."
)
table(again, "Nothing recurs.")

# %% [markdown]
# ### Recurring areas for improvement, by area and inspection

# %%
grid = track.recurring_by_area(rows)
table(grid, "No area for improvement recurs.")

# %% [markdown]
# ## Writes

# %%
folder = corpus.tables_folder(out_dir)
name = f"tracker-{selection.slug(force)}" if force else "tracker"
rows.to_csv(folder / f"{name}.csv", index=False)
compared.to_csv(folder / f"{name}-responses.csv", index=False)
again.to_csv(folder / f"{name}-recurring.csv", index=False)
print("wrote", ", ".join(sorted(p.name for p in folder.glob(f"{name}*.csv") if p.stem.startswith(name))))

# %% [markdown]
# ## Method
#
# **Answers:** for each finding of the inspectorate's reports, what the Commissioner said will be done and how far
# it has got; whether the response came within the 56 days; which findings are open and how old; what the next
# inspection raised again, and whether the area's grade changed.
#
# **Reads:** `tracker.csv`, `documents.csv` and `judgments.csv` of the workbook. The tracker is built by
# `lib/tracker.py`: a response answers the report of its force and cycle (the year where no cycle is printed);
# its rows are matched to the report's findings by kind and number first ("Recommendation 2"), then by the words
# of the finding (rapidfuzz, one row a finding, the best pairs first); a cause of concern no row answers is
# answered through its recommendations (the least advanced status of theirs). A finding repeats an earlier one of
# the same force when the report says so, or when most of the words of the shorter are in the longer.
#
# **Corrections:** a `tracker_overrides.csv` in the folder of documents (finding_id, field, value, note) sets a
# status or a link by hand; the finding shows *Overridden* with the note.
#
# **Evidence:** every finding names its report (title and date) and page, linked to the report's evidence page;
# the action names its response and page, linked the same way. Text from the documents is shown as text.
