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
# # Inventory of the corpus: every document, what was read from it, and what failed
#
# **Answers:** which documents the workbook holds (type, force, year, pages), how many judgments, figures, findings
# and PCC actions were extracted from each, which documents could not be read and why, and which of the documents'
# checks of themselves failed.
#
# **Reads:** the tidy tables of the workbook (`outputs/data/`: all six), built by `make run` from `seeds/`.

# %% tags=["parameters"]
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
# ## Documents by type, force and year

# %%
t = nbk.load(nbk.data_folder(data_dir))
docs = t["documents"]
assert docs["doc_id"].is_unique
assert set(docs["status"]) <= {"ok", "failed"}
failed = docs[docs["status"] != "ok"]
assert failed["error"].fillna("").str.len().gt(0).all(), "a failed document without a reason"
types = docs["doc_type"].fillna("unknown").value_counts()
say(
    f"{len(docs)} documents: " + ", ".join(f"{n} {k}" for k, n in types.items()) + ".",
    f"{docs['force'].nunique()} forces, {charts.years_text(docs['year'])}, "
    f"{int(docs['pages'].fillna(0).sum())} pages in all.",
    f"{len(docs) - len(failed)} read, {len(failed)} failed.",
)
charts.show(
    charts.count_chart(
        types,
        f"The corpus: {len(docs)} documents, {types.index[0]} the commonest type ({types.iloc[0]})",
        "Documents (count)",
        "Document type",
        charts.years_text(docs["year"]),
        "the documents in seeds/",
    )
)
display(
    pd.crosstab(
        [docs["force"].fillna("(no force)"), docs["doc_type"].fillna("unknown")], docs["year"].fillna(0).astype(int)
    )
)

# %% [markdown]
# ## What was extracted from each document

# %%
inv = nbk.inventory(t)
for name in ("judgments", "indicators", "findings", "pcc_actions"):
    assert inv[name].sum() == len(t[name]), f"{name}: rows of unknown documents"
say(
    *(
        f"{r['doc_id']} ({r['doc_type']}, {r['force']}, {r['year']}): {r['judgments']} judgments, "
        f"{r['indicators']} figures, {r['findings']} findings, {r['pcc_actions']} PCC actions; "
        f"{r['checks'] - r['checks_failed']} of {r['checks']} checks passed."
        for _, r in inv[inv["status"] == "ok"].iterrows()
    )
)
display(inv.drop(columns=["error"]))

# %% [markdown]
# ## Failures and their reasons

# %%
if failed.empty:
    say("Every document was read.")
else:
    say(*(f"FAILED {r['source']}: {r['error']}" for _, r in failed.iterrows()))
checks_failed = nbk.failed_checks(t["checks"])
say(*nbk.check_sentences(t["checks"]))
display(checks_failed)

# %% [markdown]
# ## Writes

# %%
folder = nbk.tables_folder(out_dir)
inv.to_csv(folder / "inventory.csv", index=False)
print("wrote inventory.csv")
