"""Whole documents of other forces in the layouts of issue 16, through the pipeline: a pandoc Markdown export
of a 2021/22 web page (a cause of concern in a blockquote, footnote references, a heading attribute, two
comparisons in one sentence) and a 2015 efficiency report as a text export (a force-in-numbers table in
columns of spaces, money in a sentence)."""

from __future__ import annotations

from lib.pipeline import process_document

MARKDOWN = """# PEEL 2021/22: An inspection of Cleveland Police {#main-content}

Published on: 10 May 2022

## Overall summary

### HM Inspector's observations

Cleveland Police recorded 101.3 crimes per 1,000 population in the 12 months to 30 September 2021, compared
with 86.4 in England and Wales.[^1] The force answered 79.5 percent of 999 calls within ten seconds, compared
with 71.4 percent across England and Wales.

## Responding to the public

Cleveland Police requires improvement at responding to the public.

### Main findings

Call handlers assess risk well.

> **Cause of concern**
>
> The force doesn't answer non-emergency calls quickly enough, and it doesn't always attend incidents
> in time.
>
> **Recommendations**
>
> Within six months, the force should:
>
>  -   make sure that it has enough call handlers; and
>  -   make sure that it attends incidents within the times it has set.

### Areas for improvement

-   The force should make sure that repeat callers are identified.

## Investigating crime

Cleveland Police is adequate at investigating crime.

### Areas for improvement

-   The force should make sure that investigations are supervised.

[^1]: Home Office data.
"""

TEXT = """PEEL: Police efficiency 2015
An inspection of Suffolk Constabulary
October 2015
HMIC

How efficient is the force at keeping people safe and reducing crime?

Overall judgement

HMIC found that Suffolk Constabulary operates efficiently and sustainably.

Force in numbers

Suffolk Constabulary plans to spend £158 per head of population in 2015/16, compared with £181 across
England and Wales.

  Financial position                                        Suffolk      England and Wales
  Change in gross revenue expenditure 2010/11 to 2014/15    -12%         -17%
  Reserves as a proportion of net revenue expenditure      7.1%          8.8%

The constabulary has a good record of making savings.

Summary of findings

The constabulary plans well for the future.
"""


def test_a_markdown_export_with_a_blockquoted_cause_of_concern(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    result = process_document(path, "x")
    kinds = [(r["kind"], r["area"]) for r in result["findings"]]
    assert kinds == [
        ("cause_of_concern", "responding_to_public"),
        ("recommendation", "responding_to_public"),
        ("recommendation", "responding_to_public"),
        ("area_for_improvement", "responding_to_public"),
        ("area_for_improvement", "investigating_crime"),
    ]
    figures = {(r["value"], r["england_wales"], r["unit"]) for r in result["indicators"]}
    assert {(101.3, 86.4, "per 1,000 population"), (79.5, 71.4, "percent")} <= figures
    quoted = " ".join(r["evidence"] + r["label"] for r in result["indicators"]) + " ".join(
        r["evidence"] + r["text"] for r in result["findings"]
    )
    assert "[^" not in quoted and "{#" not in quoted


def test_an_efficiency_report_as_a_text_export(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    rows = process_document(path, "x")["indicators"]
    assert {(r["value"], r["england_wales"]) for r in rows} >= {(158.0, 181.0), (-12.0, -17.0), (7.1, 8.8)}
    money = next(r for r in rows if r["value"] == 158.0)
    assert money["unit"].startswith("£")
