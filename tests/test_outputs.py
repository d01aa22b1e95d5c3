"""Nothing lost: outputs switch over whole; a killed run leaves the previous outputs; one run at a time."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from lib.paths import ROOT, SEEDS
from lib.run.batch import run


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def small(tmp_path) -> Path:
    docs = tmp_path / "small"
    docs.mkdir()
    for seed in sorted(SEEDS.glob("00[34]_*")):
        shutil.copy(seed, docs / seed.name)
    return docs


def test_outputs_switch_over_whole(tmp_path, small, capsys):
    out = tmp_path / "out"
    seeds_before = _hashes(SEEDS)
    assert run(small, out, jobs=1, notebooks=False) == 0
    first = (out / "current").resolve()
    assert (out / "data" / "documents.csv").is_file() and (out / "run.log").is_file()
    assert os.readlink(out / "data") == "current/data"
    # a second run replaces the whole set and removes the first run's folder
    (small / "extra.txt").write_text("PEEL: a note that is not a report.\n", encoding="utf-8")
    assert run(small, out, jobs=1, notebooks=False) == 0
    second = (out / "current").resolve()
    assert second != first and not first.exists()
    assert [p.name for p in (out / ".runs").iterdir()] == [second.name]
    assert "extra.txt" in (out / "data" / "documents.csv").read_text(encoding="utf-8")
    assert (out / ".cache").is_dir()  # outside the switch
    assert _hashes(SEEDS) == seeds_before


def test_stale_run_folders_are_cleaned(tmp_path, small, capsys):
    out = tmp_path / "out"
    assert run(small, out, jobs=1, notebooks=False) == 0
    dead = out / ".runs" / "20200101-000000-99999"
    (dead / "data").mkdir(parents=True)
    (dead / "data" / "documents.csv").write_text("half written", encoding="utf-8")
    assert run(small, out, jobs=1, notebooks=False) == 0
    assert not dead.exists()


def test_earlier_layout_is_moved_aside(tmp_path, small, capsys):
    out = tmp_path / "out"
    (out / "data").mkdir(parents=True)
    (out / "data" / "old.csv").write_text("x", encoding="utf-8")
    (out / "run.log").write_text("old log", encoding="utf-8")
    assert run(small, out, jobs=1, notebooks=False) == 0
    assert (out / "data").is_symlink() and (out / "data" / "documents.csv").is_file()
    assert "old log" not in (out / "run.log").read_text(encoding="utf-8")


def test_second_run_refused_while_one_holds_the_folder(tmp_path, small, capsys):
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / ".lock")):
        status = run(small, out, jobs=1, notebooks=False)
    err = capsys.readouterr().err
    assert status == 2
    assert "another run is writing to" in err and err.count("\n") == 1
    assert not (out / "data").exists()


def test_refused_runs_exit_2(tmp_path, capsys):
    assert run(tmp_path / "missing", tmp_path / "out", notebooks=False) == 2
    docs = tmp_path / "docs"
    docs.mkdir()
    assert run(docs, docs / "out", notebooks=False) == 2  # outputs inside the documents folder
    err = capsys.readouterr().err
    assert "no such folder" in err and "inside the documents folder" in err


def _corpus(folder: Path, copies: int) -> Path:
    """Many distinct documents (each a seed with its own last line, so the cache cannot answer)."""
    folder.mkdir(parents=True)
    seeds = sorted(SEEDS.glob("00[012]_*"))
    for i in range(copies):
        seed = seeds[i % len(seeds)]
        (folder / f"{i:03d}_{seed.name}").write_text(
            seed.read_text(encoding="utf-8") + f"\nCopy {i}\n", encoding="utf-8"
        )
    return folder


def _cli(docs: Path, out: Path, signal_after: float | None = None, sig=signal.SIGKILL):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lib", "run", "--seeds", str(docs), "--out", str(out), "--no-notebooks", "--jobs", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if signal_after is None:
        stdout, stderr = proc.communicate(timeout=300)
        return proc.returncode, stdout, stderr
    # wait until the run has its own folder (it is writing), then kill it part way
    runs = out / ".runs"
    before = set(runs.iterdir()) if runs.is_dir() else set()
    deadline = time.time() + 60
    while time.time() < deadline and not (set(runs.iterdir()) - before if runs.is_dir() else set()):
        time.sleep(0.05)
    time.sleep(signal_after)
    assert proc.poll() is None, "the run finished before it could be killed: make the corpus larger"
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    return proc.returncode, stdout, stderr


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_leaves_previous_outputs_whole(tmp_path, small, sig):
    out = tmp_path / "out"
    status, stdout, stderr = _cli(small, out)
    assert status == 0, stderr
    previous = _hashes((out / "current").resolve())
    previous_target = os.readlink(out / "current")
    big = _corpus(tmp_path / "big", 60)
    status, stdout, stderr = _cli(big, out, signal_after=1.5, sig=sig)
    if sig == signal.SIGKILL:
        assert status == -signal.SIGKILL
    else:
        assert status == 130 and "previous outputs" in stderr and "Traceback" not in stderr
    assert os.readlink(out / "current") == previous_target
    assert _hashes((out / "current").resolve()) == previous
    assert (out / "data" / "documents.csv").read_text(encoding="utf-8").count("\n") == 3  # header + 2 documents
    # the next run cleans the dead run's folder and finishes
    status, stdout, stderr = _cli(small, out)
    assert status == 0, stderr
    assert len(list((out / ".runs").iterdir())) == 1
