"""The clean stage's recovery: blocks trafilatura drops are put back between paragraphs, where the
text announces them or they carry quotations, and nothing that is not the article's comes back.
"""
from __future__ import annotations

from quotelens.clean.recover import recover_blocks

LEAD = "<p>The kettle heats water to a set temperature and holds it there for half an hour.</p>"
TAIL = "<p>This design keeps the pour steady and slow for the whole length of the brew.</p>"


def test_recovery_never_splits_a_paragraph():
    # A dropped heading whose next "kept block" is a fragment found inside a paragraph
    # (a tooltip repeating a name) must not be inserted into the middle of that paragraph.
    page = (f"<html><body><article>{LEAD}<h3>Sources</h3><div>Jane Roe, the owner of a small cafe in "
            "Leeds</div></article></body></html>")
    lines = ["The kettle heats water to a set temperature and holds it there for half an hour.",
             "\"Blooming matters,\" says Jane Roe, the owner of a small cafe in Leeds, \"and it shows.\""]
    out = recover_blocks(page, lines)
    assert lines[1] in out


def test_a_dropped_list_comes_back_when_the_text_announces_it_or_it_carries_quotations():
    items = "<li>Temperature hold</li><li>Gooseneck spout</li>"
    quoted = "<li>Jo Park: “it holds the heat for the whole brew”</li><li>Temperature hold</li>"
    middle = "<p>The kettle ships in two colours, black and a matt white finish.</p>"
    lines = ["The kettle heats water to a set temperature and holds it there for half an hour.",
             "The kettle ships in two colours, black and a matt white finish.",
             "This design keeps the pour steady and slow for the whole length of the brew."]
    page = f"<html><body><article>{LEAD}{middle}<ul>{items}</ul>{TAIL}</article></body></html>"
    assert recover_blocks(page, lines) == lines  # labels between paragraphs: as often a product box
    page = f"<html><body><article>{LEAD}{middle}<ul>{quoted}</ul>{TAIL}</article></body></html>"
    assert recover_blocks(page, lines) == [*lines[:2], "- Jo Park: “it holds the heat for the whole brew”",
                                           lines[2]]
    announced = ["The kettle heats water to a set temperature and holds it there for half an hour.", "Includes:",
                 "This design keeps the pour steady and slow for the whole length of the brew."]
    page = f"<html><body><article>{LEAD}<p>Includes:</p><ul>{items}</ul>{TAIL}</article></body></html>"
    assert recover_blocks(page, announced)[2:4] == ["- Temperature hold", "- Gooseneck spout"]


def test_list_item_lead_in_above_a_sub_list_comes_back():
    page = (f"<html><body><article>{LEAD}<ul><li><b>Care:</b> the maker says \"descale it every month\". "
            "This includes:<ul><li>Monthly vinegar rinse</li></ul></li></ul>"
            f"{TAIL}</article></body></html>")
    lines = ["The kettle heats water to a set temperature and holds it there for half an hour.",
             "- Monthly vinegar rinse",
             "This design keeps the pour steady and slow for the whole length of the brew."]
    out = recover_blocks(page, lines)
    assert out[1] == "- Care: the maker says \"descale it every month\". This includes:"


def test_a_lone_heading_comes_back_between_kept_blocks_and_a_text_div_only_with_a_quotation():
    heading = "<h2>11. <a href='/kettles/fellow'>Fellow Stagg EKG</a></h2>"
    lines = ["The kettle heats water to a set temperature and holds it there for half an hour.",
             "This design keeps the pour steady and slow for the whole length of the brew."]
    out = recover_blocks(f"<html><body><article>{LEAD}{heading}{TAIL}</article></body></html>", lines)
    assert out == [lines[0], "11. Fellow Stagg EKG", lines[1]]
    div = "<div>A gooseneck kettle is simply a kettle with a long, thin, curved spout.</div>"
    assert recover_blocks(f"<html><body><article>{LEAD}{div}{TAIL}</article></body></html>", lines) == lines
    quoted = "<div>Its maker calls it \"the kettle with a long, thin, curved spout\".</div>"
    out = recover_blocks(f"<html><body><article>{LEAD}{quoted}{TAIL}</article></body></html>", lines)
    assert out[1] == "Its maker calls it \"the kettle with a long, thin, curved spout\"."


def test_no_script_style_template_or_comment_text_in_a_recovered_block():
    # A table cell holding an inline script whose string literal looks like a quotation (the page
    # shape seen on a held-out page): the cell's own quotation comes back, the script's text never.
    cell = ("<td>Ruiz said “we will rebuild the bridge by May” at the hearing."
            "<script>var msg = \"Loading the latest video player now\";</script>"
            "<style>.x:after{content:\"four words in a style\"}</style>"
            "<template><p>“A template paragraph never shown to readers”</p></template>"
            "<noscript>“Please enable scripts to see this page”</noscript>"
            "<!-- “a comment written as a quotation here” --></td>")
    page = f"<html><body><article>{LEAD}<table><tr>{cell}</tr></table>{TAIL}</article></body></html>"
    lines = ["The kettle heats water to a set temperature and holds it there for half an hour.",
             "This design keeps the pour steady and slow for the whole length of the brew."]
    out = recover_blocks(page, lines)
    assert out == [lines[0], "Ruiz said “we will rebuild the bridge by May” at the hearing.", lines[1]]
    script_only = f"<html><body><article>{LEAD}<table><tr><td><script>var msg = \"Loading the latest video player now\";</script></td></tr></table>{TAIL}</article></body></html>"
    assert recover_blocks(script_only, lines) == lines


def test_code_shown_as_text_and_titles_in_marks_are_not_put_back_as_quotations():
    lines = ["The kettle heats water to a set temperature and holds it there for half an hour.",
             "This design keeps the pour steady and slow for the whole length of the brew."]
    for block in ["<p>Embed &lt;iframe src=\"https://example.org/player/embed/12\" width=\"100%\"&gt;</p>",
                  "<p>{{hire-developers=\"/case-banners/hire-developers-now\"}}</p>",
                  "<p>In the first part of our series, “The Essential Skills of a Modern Law Department”, we look at teams.</p>"]:
        page = f"<html><body><article>{LEAD}<p>x</p>{block}<p>y</p>{TAIL}</article></body></html>"
        assert recover_blocks(page, lines) == lines, block


def test_dropped_contents_list_is_not_taken_for_the_headings_it_repeats():
    # The list's items come back later in the text as headings; matched there, they once
    # counted as kept where the list stands, and the list never came back.
    items = ["Step one: “Which beans should I buy for a kettle like this?”",
             "Step two: “How hot should the water be for green tea?”"]
    toc = "".join(f"<li>{item}</li>" for item in items)
    body = "".join(f"<h2>{item}</h2><p>Part {n} of the guide covers this question in full, with the "
                   "numbers we measured.</p>" for n, item in enumerate(items))
    page = f"<html><body><article>{LEAD}<ul>{toc}</ul>{TAIL}{body}</article></body></html>"
    lines = ["The kettle heats water to a set temperature and holds it there for half an hour.",
             "This design keeps the pour steady and slow for the whole length of the brew."]
    for n, item in enumerate(items):
        lines += [item, f"Part {n} of the guide covers this question in full, with the numbers we measured."]
    out = recover_blocks(page, lines)
    assert out[1:3] == ["- " + item for item in items]
    assert out[3:] == lines[1:]
