"""A build runs with Python's cycle collector run rarely, and leaves its thresholds as they were."""

from __future__ import annotations

import gc

import generator.build.site as stages
from generator.build.collector import BUILD_THRESHOLDS, rare_collections
from tests.render.tree import write_tree
from tests.test_build import _config, _vb_build


def test_the_thresholds_are_raised_inside_and_restored_after_an_error():
    before = gc.get_threshold()
    try:
        with rare_collections():
            assert gc.get_threshold() == tuple(max(a, b) for a, b in zip(before, BUILD_THRESHOLDS))
            raise ValueError
    except ValueError:
        pass
    assert gc.get_threshold() == before


def test_vb_build_makes_its_pages_with_rare_collections(tmp_path, monkeypatch):
    seen = []
    prepare = stages.prepare

    def noting(*args, **kwargs):
        seen.append(gc.get_threshold())
        return prepare(*args, **kwargs)

    monkeypatch.setattr(stages, "prepare", noting)
    before = gc.get_threshold()
    write_tree(tmp_path / "content")
    assert _vb_build(tmp_path, _config(tmp_path)) == 0
    assert seen and seen[0][0] >= BUILD_THRESHOLDS[0] > before[0]
    assert gc.get_threshold() == before
