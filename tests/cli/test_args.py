"""cli/args.py: the help formatter's width, found without shutil."""

from __future__ import annotations

import shutil

import pytest

from policy_parse.cli.args import Formatter


@pytest.mark.parametrize("columns", ["50", "132", "0", "wide"])
def test_the_help_width_is_the_one_shutil_gives(monkeypatch, columns):
    # argparse itself takes shutil.get_terminal_size().columns - 2.
    monkeypatch.setenv("COLUMNS", columns)
    assert Formatter("prog")._width == shutil.get_terminal_size().columns - 2


def test_a_given_width_is_kept():
    assert Formatter("prog", width=70)._width == 70
