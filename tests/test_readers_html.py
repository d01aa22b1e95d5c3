"""Saved web pages: blocks from the page's elements, the furniture dropped, lines for the line extractors."""

from __future__ import annotations

import pytest

from lib.readers import read_document

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><title>PEEL 2021/22: Surrey Police - HMICFRS</title>
<style>body {{ color: red }}</style><script>var tracking = "Surrey Police is inadequate";</script></head>
<body>
<div id="global-cookie-message" class="gem-c-cookie-banner"><p>We use cookies to collect information.</p>
  <button>Accept additional cookies</button></div>
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-header" role="banner"><a href="/">HMICFRS home</a><p>Inspectorate banner text</p></header>
<nav aria-label="Menu"><ul><li><a href="/a">Our inspections</a></li><li><a href="/b">Publications</a></li></ul></nav>
<div class="govuk-breadcrumbs"><ol><li>Home</li><li>PEEL</li></ol></div>
{h1_outside}
<main id="main-content">
  {h1_inside}
  <p>Published on: 3 March 2022 &amp; revised</p>
  <h2>Our judgments</h2>
  <table>
    <thead><tr><th>Area</th><th>Grade</th><th>Last inspected</th></tr></thead>
    <tbody>
      <tr><td colspan="3">Effectiveness</td></tr>
      <tr><td>Preventing crime</td><td rowspan="2">Good</td><td>2021</td></tr>
      <tr><td>Investigating crime</td><td>2019</td></tr>
      <tr><td>Responding to the public</td><td>Requires improvement</td>
          <td><p>2021</p><ul><li>first action</li><li>second action</li></ul></td></tr>
    </tbody>
  </table>
  <h3>Areas for improvement</h3>
  <ol>
    <li>The force should improve <strong>how it records</strong> crime.</li>
    <li>The force should supervise investigations:
      <ul><li>by sergeants;</li><li>by inspectors.</li></ul></li>
  </ol>
  <ol type="a" start="3"><li>lettered item</li></ol>
  <aside class="related"><h4>Cause of concern</h4><p>The force does not answer calls promptly.</p></aside>
  <div class="callout callout--innovative"><p>Innovative practice: a mental health nurse in the control room.</p></div>
  <div><p>Plain text &lt;script&gt;alert(1)&lt;/script&gt; stays text.</p>Trailing text<br>after a break</div>
  <p style="display:none">Hidden text</p>
  <p>Footnoted sentence.<sup class="footnote-ref"><a href="#fn-1">1</a></sup></p>
</main>
<footer class="govuk-footer"><p>© Crown copyright</p><a href="/cookies">Cookies</a></footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "surrey.html"
    path.write_text(PAGE.format(h1_outside="", h1_inside="<h1>PEEL 2021/22: An inspection of Surrey Police</h1>"))
    return read_document(path)


def _kinds(doc, kind):
    return [b for b in doc.blocks if b.kind == kind]


def test_html_format_and_head(page):
    assert page.format == "html" and len(page.pages) == 1
    assert page.meta["title"] == "PEEL 2021/22: Surrey Police - HMICFRS" and page.meta["language"] == "en-GB"


def test_html_headings_with_levels(page):
    assert [(b.text, b.level) for b in _kinds(page, "heading")] == [
        ("PEEL 2021/22: An inspection of Surrey Police", 1),
        ("Our judgments", 2),
        ("Areas for improvement", 3),
        ("Cause of concern", 4),
    ]


def test_html_paragraphs_text_unescaped_once(page):
    paras = [b.text for b in _kinds(page, "paragraph")]
    assert "Published on: 3 March 2022 & revised" in paras
    assert "Plain text <script>alert(1)</script> stays text." in paras
    assert "Trailing text" in paras and "after a break" in paras
    assert "Footnoted sentence." in paras  # the footnote marker is not part of it


def test_html_list_items_depth_and_number(page):
    items = [(b.text, b.level, b.number) for b in _kinds(page, "list_item")]
    assert items == [
        ("The force should improve how it records crime.", 0, "1"),
        ("The force should supervise investigations:", 0, "2"),
        ("by sergeants;", 1, ""),
        ("by inspectors.", 1, ""),
        ("lettered item", 0, "c"),
    ]


def test_html_table_spans_repeated_header_first(page):
    (table,) = _kinds(page, "table")
    assert table.rows == [
        ["Area", "Grade", "Last inspected"],
        ["Effectiveness", "Effectiveness", "Effectiveness"],
        ["Preventing crime", "Good", "2021"],
        ["Investigating crime", "Good", "2019"],
        ["Responding to the public", "Requires improvement", "2021\n• first action\n• second action"],
    ]
    assert page.pages[0].tables == [table.rows]
    assert "Responding to the public\tRequires improvement\t2021 • first action • second action" in page.pages[0].lines


def test_html_boxes(page):
    boxed = [b.text for b in page.blocks if b.box == "box"]
    assert boxed == [
        "Cause of concern",
        "The force does not answer calls promptly.",
        "Innovative practice: a mental health nurse in the control room.",
    ]
    assert all(b.box == "" for b in page.blocks if b.text.startswith("The force should"))


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies",
        "Accept additional cookies",
        "Skip to main content",
        "Inspectorate banner",
        "HMICFRS home",
        "Our inspections",
        "Publications",
        "Home",
        "Crown copyright",
        "tracking",
        "color: red",
        "Hidden text",
    ],
)
def test_html_furniture_dropped(page, furniture):
    assert furniture not in page.text
    assert not any(furniture in b.text for b in page.blocks)


def test_html_lines_as_text_tools_give_them(page):
    lines = page.pages[0].lines
    i = lines.index("Our judgments")
    assert lines[i - 1] == "" and lines[i + 1] == ""
    assert "• The force should improve how it records crime." in lines
    assert "  • by sergeants;" in lines
    assert not any(line.startswith("#") for line in lines)


def test_html_title_outside_main_put_first(tmp_path):
    path = tmp_path / "outside.htm"
    path.write_text(PAGE.format(h1_outside="<div class='hero'><h1>PEEL 2021/22: Surrey</h1></div>", h1_inside=""))
    doc = read_document(path)
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "PEEL 2021/22: Surrey" and doc.blocks[0].level == 1


def test_html_without_main_reads_the_body(tmp_path):
    path = tmp_path / "plain.html"
    path.write_text(
        "<html><body><nav>Menu</nav><h2>Summary</h2><p>Kent Police is good at preventing crime.</p>"
        "<table><tr><td><p>Layout cell text.</p></td></tr></table></body></html>"
    )
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Summary"),
        ("paragraph", "Kent Police is good at preventing crime."),
        ("paragraph", "Layout cell text."),
    ]


def test_txt_that_is_html_and_html_email_use_the_parser(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text("<!DOCTYPE html><html><body><h1>Title</h1><p>One &amp; two</p></body></html>")
    doc = read_document(path)
    assert doc.format == "html" and [b.text for b in doc.blocks] == ["Title", "One & two"]
    mail = tmp_path / "bulletin.eml"
    mail.write_bytes(
        b"From: office@example.org\nSubject: News\nContent-Type: text/html; charset=utf-8\n\n"
        b"<html><body><div class='footer-cookie'>cookies</div><h2>News</h2><ul><li>Item one</li></ul></body></html>"
    )
    doc = read_document(mail)
    assert doc.format == "email" and [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "News"),
        ("list_item", "Item one"),
    ]


def test_html_with_no_text_is_refused_with_a_reason(tmp_path):
    from lib.model import ReadError

    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Menu</nav><script>x()</script></body></html>")
    with pytest.raises(ReadError, match="no readable text"):
        read_document(path)


def test_html_header_and_footer_classes_inside_the_content_are_kept(tmp_path):
    path = tmp_path / "callout.html"
    path.write_text(
        "<html><body><div class='site-header'>Inspectorate</div><main>"
        "<div class='callout'><div class='callout__header'>Cause of concern</div>"
        "<p>The force is not answering calls.</p><div class='callout-footer'>See recommendations</div></div>"
        "<div class='share-buttons'>Share on social media</div></main>"
        "<div class='page-footer'>Contact us</div></body></html>"
    )
    doc = read_document(path)
    assert [(b.text, b.box) for b in doc.blocks] == [
        ("Cause of concern", "box"),
        ("The force is not answering calls.", "box"),
        ("See recommendations", "box"),
        ("Share on social media", ""),
    ]
