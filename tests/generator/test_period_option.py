"""Every command reads a period the same way (any letter case), and `vb --version` answers."""

from __future__ import annotations

import pytest

from generator.cli import main


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--year", "2021", "--out", "EXPORT"],
        ["status", "--year", "2021"],
        ["new", "--unit", "enhet-b", "--year", "2021"],
    ],
)
@pytest.mark.parametrize("written", ["vb", "Vb", "VB"])
def test_lowercase_period_is_accepted_by_every_command(valid_tree, tmp_path, capsys, command, written):
    args = [a.replace("EXPORT", str(tmp_path / "export")) for a in command]
    code = main([*args, "--period", written, "--content", str(valid_tree)])
    out = capsys.readouterr()
    assert "är ingen period" not in out.err
    assert code == 0, out.err


@pytest.mark.parametrize(
    "command",
    [["export", "--year", "2021"], ["status", "--year", "2021"], ["new", "--unit", "enhet-b", "--year", "2021"]],
)
def test_an_unknown_period_is_refused_in_swedish(command, capsys):
    with pytest.raises(SystemExit) as stop:
        main([*command, "--period", "t3"])
    assert stop.value.code == 2
    assert '"t3" är ingen period; använd VP, T1, T2 eller VB' in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("vb ") and out.strip() != "vb"
