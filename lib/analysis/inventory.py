"""The corpus's documents and their checks: what each document is (by title and date), what was extracted from
it, and which of its checks of itself failed."""

from __future__ import annotations

import pandas as pd

from .selection import cycles, document_names, type_name


def inventory(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per document: what it is (by title and date), how much was extracted from it, its checks."""
    docs = t["documents"].copy()
    names = document_names(docs)
    docs.insert(0, "document", [names[str(d)] for d in docs["doc_id"]])
    docs["cycle"] = cycles(docs)
    docs["doc_type"] = [type_name(k) for k in docs["doc_type"]]
    for col in ("force", "format", "error"):  # text a sentence uses: blank, never a missing value
        docs[col] = docs[col].astype("string").fillna("")
    for name in ("judgments", "indicators", "findings", "pcc_actions"):
        n = t[name].groupby("doc_id").size()
        docs[name] = [int(n.get(d, 0)) for d in docs["doc_id"]]
    checks = t["checks"]
    failed = failed_checks(checks)
    docs["checks"] = [int((checks["doc_id"] == d).sum()) for d in docs["doc_id"]]
    docs["checks_failed"] = [int((failed["doc_id"] == d).sum()) for d in docs["doc_id"]]
    cols = ["document", "doc_id", "doc_type", "force", "cycle", "year", "format", "pages", "status"]
    cols += ["judgments", "indicators", "findings", "pcc_actions", "checks", "checks_failed", "error"]
    return docs[cols].sort_values(["doc_type", "force", "year", "doc_id"], kind="stable").reset_index(drop=True)


def corpus_sentence(documents: pd.DataFrame) -> str:
    """How many documents of each type, commonest first: "215 documents: 129 PEEL inspection reports, 1 PCC
    response." """
    if documents.empty:
        return "No documents."
    types = documents["doc_type"].map(type_name).value_counts()
    parts = [f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in types.items()]
    return f"{len(documents)} document{'' if len(documents) == 1 else 's'}: {', '.join(parts)}."


def failed_checks(checks: pd.DataFrame) -> pd.DataFrame:
    """The checks that failed (a check without a result counts as failed)."""
    return checks[~checks["passed"].fillna(False).astype(bool)].reset_index(drop=True)


def check_sentences(checks: pd.DataFrame, names: dict[str, str] | None = None) -> list[str]:
    """Plain sentences for the documents' checks: how many passed, and each failure with its detail."""
    if checks.empty:
        return ["No checks were run on these documents."]
    bad = failed_checks(checks)
    names = names or {}
    out = [f"{len(checks) - len(bad)} of {len(checks)} checks passed."]
    out += [f"FAILED {r['check']} ({names.get(r['doc_id'], r['doc_id'])}): {r['detail']}" for _, r in bad.iterrows()]
    return out
