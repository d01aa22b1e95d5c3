"""Documents never seen and broken files: each gives one documents.csv row with a one-line reason; a run over
the seeds mixed with every bad file finishes, lists every file, exits 1 and prints no traceback."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from fixtures import BAD_EXPECTED, bad_inputs

from lib.paths import SEEDS
from lib.pipeline import process_document

# From pdfplumber's public test suite (MIT licence); see the README beside them.
REALWORLD = Path(__file__).resolve().parent / "data" / "realworld-pdfs"
REALWORLD_EXPECTED = {
    "empty.pdf": ("failed", "empty file"),
    "password-example.pdf": ("failed", "encrypted PDF: needs a password"),
    "image_structure.pdf": ("failed", "no text layer"),
    "san-jose-pd-firearm-sample.pdf": ("ok", ""),
    "scotus-transcript-p1.pdf": ("ok", ""),
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[Path, tuple[str, str]]:
    return bad_inputs(tmp_path_factory.mktemp("bad"))


SLOW = "oneline.txt"  # checked on its own below


def test_every_bad_input_gives_its_reason(bad):
    assert {p.name for p in bad} == set(BAD_EXPECTED)
    for path, (status, reason) in bad.items():
        if path.name == SLOW:
            continue
        row = process_document(path, path.stem)["document"]
        assert row["status"] == status, (path.name, row)
        assert reason in row["error"], (path.name, row["error"])
        assert "\n" not in row["error"] and len(row["error"]) < 300
        if status == "ok":
            assert row["doc_type"] == "unknown"


def test_five_megabytes_on_one_line_is_cut_into_lines(bad):
    from lib.readers import read_document

    path = next(p for p in bad if p.name == "oneline.txt")
    doc = read_document(path)
    assert max(len(line) for _, line in doc.lines()) <= 2000 and len(doc.text) >= 4_990_000


def test_five_megabytes_on_one_line_is_read_end_to_end(bad):
    """Through process_document (read, classify, extract) in a child process. Its speed is measured by
    `make bench`; the timeout here only stops a pathological (quadratic) case from hanging the suite."""
    import subprocess
    import sys

    path = next(p for p in bad if p.name == "oneline.txt")
    code = (
        "import sys; from lib.pipeline import process_document; "
        "r = process_document(sys.argv[1], 'oneline'); print(r['document']['status'])"
    )
    try:
        done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("no result after 120 s for one 5 MB line: something is quadratic")
    assert done.stdout.strip() == "ok", done.stderr[-500:]


@pytest.mark.parametrize("name", sorted(REALWORLD_EXPECTED))
def test_realworld_pdfs(name):
    status, reason = REALWORLD_EXPECTED[name]
    row = process_document(REALWORLD / name, Path(name).stem)["document"]
    assert row["status"] == status, row
    assert reason in row["error"]
    assert row["doc_type"] == "unknown"  # none is a PEEL report or a PCC document
    if status == "ok":
        assert row["format"] == "pdf" and row["pages"] == 1


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_run_over_seeds_and_bad_files(tmp_path, bad, capfd):
    from lib.run.batch import run

    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    for path in bad:
        if path.name != SLOW:
            shutil.copy(path, docs / path.name)
    if REALWORLD.is_dir():
        for name in REALWORLD_EXPECTED:
            shutil.copy(REALWORLD / name, docs / f"rw-{name}")
    before = _hashes(docs)
    seeds_before = _hashes(SEEDS)
    out = tmp_path / "out"
    status = run(docs, out, jobs=2, notebooks=False)
    captured = capfd.readouterr()
    assert status == 1  # some failed, everything else written
    assert "Traceback" not in captured.out + captured.err
    assert _hashes(docs) == before and _hashes(SEEDS) == seeds_before  # inputs never modified
    with open(out / "data" / "documents.csv", newline="", encoding="utf-8") as fh:
        rows = {r["source"]: r for r in csv.DictReader(fh)}
    listed = {p.name for p in docs.iterdir() if p.is_file() and not p.name.startswith(".")} - {"manifest.csv"}
    assert listed <= set(rows), listed - set(rows)
    for path, (status_want, reason) in bad.items():
        if path.name == SLOW:
            continue
        assert rows[path.name]["status"] == status_want and reason in rows[path.name]["error"], rows[path.name]
        assert f"{path.name}" in captured.out  # listed on the terminal with its status
    for seed in (p for p in SEEDS.iterdir() if p.suffix == ".txt"):
        assert rows[seed.name]["status"] == "ok", rows[seed.name]
    if REALWORLD.is_dir():
        for name, (status_want, reason) in REALWORLD_EXPECTED.items():
            assert rows[f"rw-{name}"]["status"] == status_want and reason in rows[f"rw-{name}"]["error"]
    log = (out / "run.log").read_text(encoding="utf-8")
    assert "encrypted PDF: needs a password" in log
