"""The command line: help with examples, exit codes, environment variables and where results go; the
``peel-workbook`` console script; refused runs exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lib.__main__ import main, parser
from lib.paths import ROOT


def show_help(*args: str) -> None:
    with pytest.raises(SystemExit) as stop:
        parser().parse_args([*args, "--help"])
    assert stop.value.code == 0


def test_help_has_examples_exit_codes_environment_and_outputs(capsys):
    for args in ((), ("run",)):
        show_help(*args)
        text = capsys.readouterr().out
        assert "examples:" in text and "peel-workbook run --seeds" in text and "peel-workbook report" in text
        for code in ("0 ", "1 ", "2 ", "130 "):
            assert f"\n  {code}" in text, code
        for var in ("DASK_SCHEDULER", "REBUILD", "PEEL_PDF_TABLES", "PEEL_OUT", "PEEL_FORK_KERNELS"):
            assert var in text, var
        assert "OUT/reports/index.html" in text and "OUT/data/" in text and "peel-workbook.xlsx" in text
    show_help("run")
    text = capsys.readouterr().out
    for option in ("--seeds", "--out", "--jobs", "--rebuild", "--forces", "--no-notebooks"):
        assert option in text


def test_console_script_is_installed_and_runs():
    script = Path(sys.executable).parent / "peel-workbook"
    assert script.is_file(), "pip install -e . installs the peel-workbook console script"
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=120, cwd="/")
    assert done.returncode == 0 and "usage: peel-workbook" in done.stdout and "exit status:" in done.stdout


def test_refused_run_exits_2_with_one_line(tmp_path, capsys):
    assert main(["run", "--seeds", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: no such folder of documents: {tmp_path / 'nowhere'}"]


def test_python_dash_m_lib_is_the_same_command():
    done = subprocess.run(
        [sys.executable, "-m", "lib", "run", "--help"], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0 and "--no-notebooks" in done.stdout
