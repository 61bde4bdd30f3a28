"""The check of a large tree: its reports checked side by side find what one process finds, in the same order."""

from __future__ import annotations

from generator.check.validate import SIDE_BY_SIDE_FROM, validate
from generator.content.load import load_content
from generator.rollup.aggregate import Rollup
from generator.synth.district import synthesize, write_tree


def test_reports_checked_side_by_side_give_the_problems_one_process_gives(tmp_path):
    files = synthesize(14, [2021], ["T1", "T2", "VB"], 3)
    reports = sorted(name for name in files if name.startswith("rapporter/"))
    assert len(reports) >= SIDE_BY_SIDE_FROM  # (else the reports are checked here, one after the other)
    for number, name in enumerate(reports):
        if number % 3 == 0:  # a text left unwritten
            files[name] = files[name].replace("  ### Ekonomi\n", "  ### Ekonomi\n\n  TODO: skriv om ekonomin\n", 1)
        if number % 5 == 0:  # markup the site does not publish
            files[name] = files[name].replace("Verksamhetsbeskrivning\n", "Verksamhetsbeskrivning <b>fet</b>\n", 1)
    write_tree(files, tmp_path / "content")
    content = load_content(tmp_path / "content")
    alone = validate(content, rolled=Rollup.of(content), processes=1)
    together = validate(content, rolled=Rollup.of(content), processes=3)
    assert len({p.file for p in alone}) > 5  # problems in many reports, found by the rules run in each process
    assert together == alone
