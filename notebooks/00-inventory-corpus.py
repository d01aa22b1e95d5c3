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
# # Inventory of the corpus: every document, what was read from it, and what failed
#
# Reads the workbook's tidy tables; the method is at the end.

# %% tags=["parameters"]
data_dir: str = ""  # folder of the tidy tables (empty: outputs/data, or $PEEL_OUT/data)
out_dir: str = ""  # folder this notebook writes its tables to (empty: outputs/reports/tables)

# %% tags=["nbval-ignore-output"]
from lib.analysis import charts, corpus, inventory, selection
from lib.analysis import display as show
from lib.analysis.display import say, table

show.setup()

# %% [markdown]
# ## Documents by type, force and inspection

# %%
t = corpus.load(corpus.data_folder(data_dir))
docs = t["documents"]
assert docs["doc_id"].is_unique
assert set(docs["status"]) <= {"ok", "failed"}
failed = docs[docs["status"] != "ok"]
assert failed["error"].fillna("").str.len().gt(0).all(), "a failed document without a reason"
types = docs["doc_type"].map(selection.type_name).value_counts()
say(
    inventory.corpus_sentence(docs),
    f"{docs['force'].nunique()} forces, {charts.years_text(docs['year'])}, "
    f"{int(docs['pages'].fillna(0).sum())} pages in all.",
    f"{len(docs) - len(failed)} read, {len(failed)} failed.",
)
if len(types) > 1:
    charts.show(
        charts.count_chart(
            types,
            f"The corpus: {len(docs)} documents, {types.index[0]} the commonest type ({types.iloc[0]})",
            "Documents (count)",
            "Document type",
            charts.years_text(docs["year"]),
            "the documents of the corpus",
        )
    )
inv = inventory.inventory(t)
by = inv.groupby(["force", "doc_type", "cycle"], dropna=False).size().rename("documents").reset_index()
table(by, "No documents.")

# %% [markdown]
# ## What was extracted from each document

# %%
for name in ("judgments", "indicators", "findings", "pcc_actions"):
    assert inv[name].sum() == len(t[name]), f"{name}: rows of unknown documents"
say(
    *(
        f"{r['document']} ({r['doc_type']}, {r['force'] or 'no force found'}): {r['judgments']} judgments, "
        f"{r['indicators']} figures, {r['findings']} findings, {r['pcc_actions']} PCC actions; "
        f"{r['checks'] - r['checks_failed']} of {r['checks']} checks passed."
        for _, r in inv[inv["status"] == "ok"].iterrows()
    )
)
table(inv.drop(columns=["error"]), "No documents.")

# %% [markdown]
# ## Failures and their reasons

# %%
names = selection.document_names(docs)
if failed.empty:
    say("Every document was read.")
else:
    say(*(f"FAILED {r['source']}: {r['error']}" for _, r in failed.iterrows()))
say(*inventory.check_sentences(t["checks"], names))
bad = inventory.failed_checks(t["checks"])
table(selection.name_documents(bad, docs), "No check failed.")

# %% [markdown]
# ## Writes

# %%
folder = corpus.tables_folder(out_dir)
inv.to_csv(folder / "inventory.csv", index=False)
print("wrote inventory.csv")

# %% [markdown]
# ## Method
#
# **Answers:** which documents the workbook holds (title and date, type, force, inspection, pages), how many
# judgments, figures, findings and PCC actions were extracted from each, which documents could not be read and why,
# and which of the documents' checks of themselves failed.
#
# **Reads:** the tidy tables of the workbook (`outputs/data/`: all six), built by `make run`. Each document's name
# links to its evidence page.
