"""The browser's print of a report page: every table whole on an A4 page, none clipped by its scrolling wrapper."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # builds the real site and prints it in a browser

A4_TEXT_WIDTH_PX = round((210 - 30) / 25.4 * 96)  # A4 less the print stylesheet's 15 mm side margins
REPORT_PAGES = [
    "/2021/t1/hagersten-alvsjo/utskrift/",
    "/2020/vb/bestallarenheten-aldre/",
    "/2020/vb/grupp-och-servicebostader/",
    "/2021/vb/glasade-gangen/",
]

# Every table cell that is cut off: past the printed width, or outside an ancestor that clips (overflow not visible).
CLIPPED_CELLS = """
(limit) => {
  const cut = [];
  document.querySelectorAll("article table").forEach((table, number) => {
    table.querySelectorAll("th, td").forEach((cell) => {
      const box = cell.getBoundingClientRect();
      let reason = box.right > limit + 1 ? "past the page" : "";
      for (let up = cell.parentElement; !reason && up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX !== "visible" && box.right > up.getBoundingClientRect().right + 1) {
          reason = "clipped by " + up.className;
        }
      }
      if (reason) cut.push([number + 1, cell.textContent.trim().slice(0, 30), reason]);
    });
  });
  return cut;
}
"""


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_printing_a_report_page_clips_no_table(page, path):
    page.set_viewport_size({"width": A4_TEXT_WIDTH_PX, "height": 1100})
    page.goto(path)
    page.wait_for_selector(
        "article .md-typeset__scrollwrap"
    )  # the theme has wrapped the tables (on screen they scroll)
    page.emulate_media(media="print")
    assert page.locator("article table").count() > 0
    assert page.evaluate(CLIPPED_CELLS, A4_TEXT_WIDTH_PX) == []
