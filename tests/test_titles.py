"""Document titles as printed: a report's cover lines joined (PDF, text export, web page with the site's name),
a Commissioner's response by what it is, printed or composed, never its letterhead."""

from __future__ import annotations

import pytest

from lib.pipeline import process_document

BODY = "\n\nOur judgments\n\nInvestigating crime\n\nGood\n\nAreas for improvement\n\n• The force should improve.\n"


def doc_of(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return process_document(path, "d")["document"]


@pytest.mark.parametrize(
    "cover, title",
    [
        (
            "PEEL 2021/22\nPolice effectiveness, efficiency and legitimacy\nAn inspection of Lancashire Constabulary",
            "PEEL 2021/22 Police effectiveness, efficiency and legitimacy – An inspection of Lancashire Constabulary",
        ),
        (
            "PEEL: Police effectiveness,\nefficiency and legitimacy 2018/19\nAn inspection of Surrey Police",
            "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – An inspection of Surrey Police",
        ),
        (
            "PEEL: POLICE LEGITIMACY 2016\nAN INSPECTION OF GWENT POLICE",
            "PEEL: POLICE LEGITIMACY 2016 – AN INSPECTION OF GWENT POLICE",
        ),
    ],
)
def test_a_cover_printed_over_several_lines_gives_the_printed_title(tmp_path, cover, title):
    doc = doc_of(tmp_path, "cover.txt", f"HMICFRS\n\n{cover}\n\nMarch 2022\n\n© HMICFRS 2022{BODY}")
    assert doc["doc_type"] == "peel_report"
    assert doc["title"] == title


@pytest.mark.parametrize("heading, sep", [("", " "), ("# ", "\n"), ("", "\n")])
def test_cover_lines_run_together_keep_the_title_only(tmp_path, heading, sep):
    """A cover whose lines a reader ran together, or printed with Markdown's "#": the date, copyright, ISBN
    and web address after "An inspection of ..." are not the title."""
    cover = (
        f"{heading}PEEL: Police effectiveness 2017\nAn inspection of Avon and Somerset Constabulary{sep}March 2018"
        f"{sep}© HMICFRS 2018{sep}ISBN: 978-1-78655-540-3{sep}www.justiceinspectors.gov.uk/hmicfrs"
    )
    doc = doc_of(tmp_path, "cover.txt", cover + BODY)
    assert doc["title"] == "PEEL: Police effectiveness 2017 – An inspection of Avon and Somerset Constabulary"


def test_a_pdf_cover_set_large_gives_the_printed_title(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "cover.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 760
    for text, size in [
        ("HMICFRS", 12),
        ("PEEL 2021/22", 28),
        ("Police effectiveness, efficiency and legitimacy", 20),
        ("An inspection of Cleveland Police", 20),
        ("April 2022", 12),
    ]:
        c.setFont("Helvetica-Bold" if size > 12 else "Helvetica", size)
        c.drawString(60, y, text)
        y -= size * 2
    c.showPage()
    y = 760
    for text in BODY.strip().splitlines():
        c.setFont("Helvetica", 11)
        c.drawString(60, y, text)
        y -= 22
    c.showPage()
    c.save()
    doc = process_document(path, "d")["document"]
    assert doc["title"] == (
        "PEEL 2021/22 Police effectiveness, efficiency and legitimacy – An inspection of Cleveland Police"
    )


def test_a_saved_pages_title_loses_the_site_name_and_keeps_its_dash_in_cp1252(tmp_path):
    text = (
        "PEEL 2023–25 Police effectiveness, efficiency and legitimacy: An inspection of Essex Police - His "
        "Majesty's Inspectorate of Constabulary and Fire & Rescue Services\n\nSkip to main content\n\n"
        "PEEL assessments\n\nHMICFRS graded Essex Police’s performance." + BODY
    )
    doc = doc_of(tmp_path, "page.txt", text.encode("cp1252"))
    assert doc["title"] == "PEEL 2023–25 Police effectiveness, efficiency and legitimacy: An inspection of Essex Police"
    assert doc["cycle"] == "2023–25"


LETTER = (
    "Office of the Police and Crime Commissioner for Sussex\n\n12 September 2022\n\n{heading}"
    "Dear Mr Cooke,\n\nI welcome your PEEL 2021/22 report on Sussex Police. Section 55 of the Police Act 1996 "
    "requires me to publish my response.\n\nYours sincerely,\n\nPolice and Crime Commissioner for Sussex\n"
)


def test_a_response_is_titled_by_the_line_that_says_what_it_answers(tmp_path):
    heading = "The Commissioner's response to the HMICFRS PEEL 2021/22 inspection of Sussex Police\n\n"
    doc = doc_of(tmp_path, "letter.txt", LETTER.format(heading=heading))
    assert doc["doc_type"] == "pcc_response"
    assert doc["title"] == "The Commissioner's response to the HMICFRS PEEL 2021/22 inspection of Sussex Police"


def test_a_response_without_such_a_line_is_titled_by_what_it_is_not_its_letterhead(tmp_path):
    from docx import Document as Docx

    word = Docx()
    for para in LETTER.format(heading="").split("\n\n"):
        word.add_paragraph(para.strip())
    path = tmp_path / "letter.docx"
    word.save(str(path))
    doc = process_document(path, "d")["document"]
    assert doc["doc_type"] == "pcc_response"
    assert doc["title"] == "Police and Crime Commissioner's response – PEEL 2021/22 – Sussex Police"
