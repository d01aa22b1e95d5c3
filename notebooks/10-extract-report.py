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

# %% tags=["nbval-ignore-output"]
from IPython.display import display

from lib.analysis import charts, corpus, grades
from lib.analysis import display as show
from lib.analysis import document as one
from lib.analysis.display import say, table
from lib.analysis.inventory import check_sentences
from lib.pipeline import process_document

show.setup()

# %% [markdown]
# ## The document

# %%
path = one.document_path(document)
result = process_document(path, path.stem)
tables = one.tables_of(result)
row = result["document"]
say(
    f"{row['source']}: {row.get('doc_type')}, {row.get('force') or 'no force found'}, "
    f"{row.get('year') or 'no year found'}, "
    f"{row.get('format')}, {row.get('pages')} page(s).",
    f"Title: {row.get('title') or 'none printed'}.",
    f"Read: {row['status']}" + (f" ({row['error']})." if row["status"] != "ok" else "."),
    *one.extracted_sentences(tables),
)

# %% [markdown]
# ## Where the values were found

# %%
doc = one.read_quietly(path)
if doc is None:
    say("The document could not be read: nothing to show.")
elif doc.format == "pdf":
    needles = one.pdf_needles(tables)
    say(
        f"Values found on {len(needles)} page(s); the first {min(len(needles), max_pages)} are shown "
        "(green: grades, blue: figures, orange: findings)."
    )
    for page_number in sorted(needles)[:max_pages]:
        show.heading(f"Page {page_number}", 4)
        display(charts.page_image(str(path), page_number, needles[page_number]))
else:
    fragment, plain = one.evidence_html(doc, tables)
    display({"text/html": fragment, "text/plain": plain}, raw=True)

# %% [markdown]
# ## Judgments

# %%
judgments = tables["judgments"]
odd = grades.outside_grades(judgments)
say(
    *(
        f"Not one of the six grade words: {r['area_name']} graded {r['grade']!r} (page {r['page']})."
        for _, r in odd.iterrows()
    )
)
table(grades.grade_table(judgments).drop(columns=["doc_id"]), "No judgments were extracted.")

# %% [markdown]
# ## Figures

# %%
cols = ["label", "period", "unit", "value", "england_wales", "page", "evidence"]
table(tables["indicators"][cols], "No figures were extracted.")

# %% [markdown]
# ## Areas for improvement and other findings

# %%
table(tables["findings"][["area", "kind", "text", "page"]], "No findings were extracted.")
pcc_cols = [c for c in ["recommendation", "action", "status", "page"] if c in tables["pcc_actions"].columns]
table(tables["pcc_actions"][pcc_cols], "No PCC actions were extracted.")

# %% [markdown]
# ## The document's checks

# %%
say(*check_sentences(tables["checks"]))
table(tables["checks"].drop(columns=["doc_id"]), "No checks were run.")

# %% [markdown]
# ## Writes

# %%
folder = corpus.tables_folder(out_dir) / row["doc_id"]
corpus.write_tables(tables, folder)
print("wrote", ", ".join(sorted(p.name for p in folder.glob("*.csv"))))
assert row["status"] == "ok", f"{row['source']} could not be read: {row['error']}"
