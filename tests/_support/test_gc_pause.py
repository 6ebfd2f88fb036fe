"""_support/gc_pause.py: the collector is paused inside the block only, and a
caller's own pause is kept; a short-lived process collects the young rarely."""

from __future__ import annotations

import gc

import pytest

from policy_parse._support.gc_pause import YOUNG_OBJECTS, collect_young_rarely, gc_paused


def test_the_collector_is_paused_inside_and_runs_again_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_restores_the_collector() -> None:
    with pytest.raises(ValueError, match="boom"), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_caller_that_paused_the_collector_keeps_it_paused() -> None:
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.fixture
def thresholds():  # type: ignore[no-untyped-def]
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_a_short_lived_process_collects_the_young_rarely_and_the_old_as_before(thresholds):
    gc.set_threshold(700, 10, 10)
    collect_young_rarely()
    assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)
    assert YOUNG_OBJECTS > 700


@pytest.mark.parametrize("young", [0, YOUNG_OBJECTS * 2])
def test_a_collector_turned_off_or_already_rarer_is_left_as_it_is(thresholds, young):
    gc.set_threshold(young, 5, 7)
    collect_young_rarely()
    assert gc.get_threshold() == (young, 5, 7)
