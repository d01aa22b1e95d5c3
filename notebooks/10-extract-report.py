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
# # What was read from one document, and where
#
# **Answers:** what the workbook extracts from one document (its type, force and year; the judgments, the figures,
# the areas for improvement and the PCC actions) and where each came from (page and the printed words: for a PDF
# the page image with the found values boxed, for text the quoted lines); which of the document's checks of itself
# failed.
#
# **Reads:** one document (default: the first seed in `seeds/`), through the workbook's readers (personal e-mail
# addresses and phone numbers are redacted there) and extractors. Writes its tables like `make run` does.

# %% tags=["parameters"]
document: str = ""  # path of one document (PDF, text, Markdown or e-mail) (empty: the first file in seeds/)
out_dir: str = ""  # folder this notebook writes the document's tables to (empty: outputs/reports/tables)
max_pages: int = 6  # at most this many PDF pages are drawn with their found values boxed

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


from lib.batch import build_tables
from lib.pipeline import process_document

# %% [markdown]
# ## The document

# %%
path = nbk.document_path(document)
result = process_document(path, path.stem)
tables = build_tables([result])
row = result["document"]
say(
    f"{row['source']}: {row.get('doc_type')}, {row.get('force') or 'no force found'}, "
    f"{row.get('year') or 'no year found'}, "
    f"{row.get('format')}, {row.get('pages')} page(s).",
    f"Read: {row['status']}" + (f" ({row['error']})." if row["status"] != "ok" else "."),
    *nbk.extracted_sentences(tables),
)
display(tables["documents"].drop(columns=["sha256", "source"]).T)

# %% [markdown]
# ## Where the values were found

# %%
doc = nbk.read_quietly(path)
if doc is None:
    say("The document could not be read: nothing to show.")
elif doc.format == "pdf":
    needles = nbk.pdf_needles(tables)
    say(
        f"Values found on {len(needles)} page(s); the first {min(len(needles), max_pages)} are shown "
        "(green: grades, blue: figures, orange: findings)."
    )
    for page_number in sorted(needles)[:max_pages]:
        display(Markdown(f"**Page {page_number}**"))
        display(charts.page_image(str(path), page_number, needles[page_number]))
else:
    display(Markdown(nbk.evidence_markdown(doc, tables)))

# %% [markdown]
# ## Judgments

# %%
judgments = tables["judgments"]
assert {charts.grade_name(g) for g in judgments["grade"]} <= set(charts.GRADES)
display(nbk.grade_table(judgments))

# %% [markdown]
# ## Figures

# %%
display(tables["indicators"][["indicator", "label", "period", "unit", "value", "england_wales", "page", "evidence"]])

# %% [markdown]
# ## Areas for improvement and other findings

# %%
display(tables["findings"][["area", "kind", "text", "page"]])
if not tables["pcc_actions"].empty:
    display(tables["pcc_actions"][["recommendation", "action", "page"]])

# %% [markdown]
# ## The document's checks

# %%
say(*nbk.check_sentences(tables["checks"]))
display(tables["checks"])

# %% [markdown]
# ## Writes

# %%
folder = nbk.tables_folder(out_dir) / row["doc_id"]
nbk.write_tables(tables, folder)
print("wrote", ", ".join(sorted(p.name for p in folder.glob("*.csv"))))
assert row["status"] == "ok", f"{row['source']} could not be read: {row['error']}"
