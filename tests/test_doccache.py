"""The Document cache (issue 15, "One reading path"): the parsed Document is a stage of its own, keyed by the
file's bytes and READER_VERSION, so a changed extractor re-extracts every document without reading a file."""

from __future__ import annotations

import gc
import pickle
import shutil
from pathlib import Path

import pytest

from lib import doccache, pipeline, text
from lib.model import Document
from lib.paths import ROOT, SEEDS
from lib.run import batch, workers
from lib.run import cache as results_cache

SHARED = ROOT.parent / "shared"
SAMPLES = [SEEDS / "000_6e9fc0bba6e39dbc.txt", SEEDS / "002_c0b882532ab08302.txt", SEEDS / "004_47f290a9554baa97.txt"]
SAMPLES += [  # a PDF and a Word file of the later families, where the shared folder is beside the clone
    p
    for p in (
        SHARED / "families" / "cheshire_peel_legitimacy_2016.pdf",
        SHARED / "families" / "devon_cornwall_pcc_response_peel_2021-22.docx",
    )
    if p.is_file()
]


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    monkeypatch.delenv("REBUILD", raising=False)
    monkeypatch.delenv("DASK_SCHEDULER", raising=False)
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLES:
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture
def reads(monkeypatch):
    """Every call of the pipeline's reader, by file name."""
    calls: list[str] = []
    real = pipeline.read_document

    def counted(path):
        calls.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(pipeline, "read_document", counted)
    return calls


def never_read(path):
    raise AssertionError(f"the reader was called for {path}: its Document is cached")


def bump_extractor(monkeypatch) -> None:
    """EXTRACTOR_VERSION changed: the key of the tables' cache, the workers' stamp, the batch's comparison."""
    for module in (batch, results_cache, workers):
        monkeypatch.setattr(module, "EXTRACTOR_VERSION", module.EXTRACTOR_VERSION + "-next")


def without_timing(results: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("seconds", "cached")} for r in results]


def test_a_changed_extractor_re_extracts_from_the_cached_documents_without_reading(tmp_path, seeds, monkeypatch):
    cache = tmp_path / "cache"
    cold = batch.extract_corpus(seeds, cache)
    assert all(r["document"]["status"] == "ok" for r in cold)
    entries = sorted(doccache.folder(cache).glob("*.pickle"))
    assert len(entries) == len(SAMPLES) and all(p.name.endswith(f"-r{doccache.READER_VERSION}.pickle") for p in entries)

    bump_extractor(monkeypatch)
    monkeypatch.setattr(pipeline, "read_document", never_read)
    again = batch.extract_corpus(seeds, cache)
    assert not any(r["cached"] for r in again)  # the tables' cache missed: every document extracted again
    assert without_timing(again) == without_timing(cold)  # and the same as a cold read
    assert [p.name.endswith("-next.json") for p in cache.glob("*.json")] == [True] * len(SAMPLES)


def test_results_from_a_cached_document_are_those_of_a_cold_read(tmp_path, monkeypatch):
    documents = tmp_path / "documents"
    documents.mkdir()
    for path in SAMPLES:
        cold = pipeline.process_document(path, "d")  # no cache at all
        first = pipeline.process_document(path, "d", documents)  # read and stored
        monkeypatch.setattr(pipeline, "read_document", never_read)
        warm = pipeline.process_document(path, "d", documents)  # from the stored Document
        monkeypatch.undo()
        assert cold == first == warm, path.name
        assert warm["judgments"] or warm["findings"] or warm["pcc_actions"] or warm["indicators"], path.name


def test_a_cached_document_keeps_its_prose_and_prose_of_other_rules_is_made_again(tmp_path, reads, monkeypatch):
    """The read stage stores a Document with its paragraphs and sentences (``text.prose``): an extraction from
    the cache does not make them again. Prose made by other rules (another ``PROSE_KEY``) is made again from the
    cached blocks, without reading the file, and stored again."""
    documents = tmp_path / "documents"
    documents.mkdir()
    path = SAMPLES[0]
    first = pipeline.read_stage(path, documents)
    assert first.prose is not None and first.prose.key == text.PROSE_KEY and first.prose.sentences
    made = []
    monkeypatch.setattr(text, "_paragraphs", lambda doc: made.append(doc) or ([], []))
    again = pipeline.read_stage(path, documents)
    assert again.prose == first.prose and not made and reads == [path.name]

    monkeypatch.setattr(text, "PROSE_KEY", "other rules")
    monkeypatch.setattr(pipeline, "PROSE_KEY", "other rules")
    remade = pipeline.read_stage(path, documents)
    assert made and remade.prose.key == "other rules" and reads == [path.name]  # made again, not read again
    assert doccache.load(documents, doccache.file_key(path)).prose.key == "other rules"  # and stored


def test_each_file_is_hashed_once_a_run(tmp_path, seeds, monkeypatch):
    """The batch hashes each file (the key of both caches) and hands the key to the read stage."""
    hashed: list[str] = []
    real = doccache.file_key
    monkeypatch.setattr(doccache, "file_key", lambda path: hashed.append(Path(path).name) or real(path))
    monkeypatch.setattr(results_cache, "file_key", doccache.file_key)
    batch.extract_corpus(seeds, tmp_path / "cache")
    assert sorted(hashed) == sorted(p.name for p in SAMPLES)


def test_nothing_stays_frozen_from_the_collector_after_a_run(tmp_path, seeds):
    """The extraction freezes what the process held before it (``gc.freeze``) and hands it back after."""
    before = gc.get_freeze_count()
    batch.extract_corpus(seeds, tmp_path / "cache")
    assert gc.get_freeze_count() == before


def test_a_changed_reader_version_reads_again_and_prunes_the_old_entries(tmp_path, seeds, reads, monkeypatch):
    cache = tmp_path / "cache"
    batch.extract_corpus(seeds, cache)
    assert sorted(reads) == sorted(p.name for p in SAMPLES)
    reads.clear()
    bump_extractor(monkeypatch)  # so that the tables' cache misses too
    monkeypatch.setattr(doccache, "READER_VERSION", doccache.READER_VERSION + "-next")
    batch.extract_corpus(seeds, cache)
    assert sorted(reads) == sorted(p.name for p in SAMPLES)
    names = [p.name for p in doccache.folder(cache).glob("*.pickle")]
    assert len(names) == len(SAMPLES) and all(n.endswith("-next.pickle") for n in names)


def test_rebuild_reads_every_file_again(tmp_path, seeds, reads):
    cache = tmp_path / "cache"
    batch.extract_corpus(seeds, cache)
    reads.clear()
    batch.extract_corpus(seeds, cache, rebuild=True)
    assert sorted(reads) == sorted(p.name for p in SAMPLES)


@pytest.mark.parametrize("damage", ["cut", "garbage", "empty", "other_object"])
def test_a_damaged_entry_is_a_miss_and_is_written_again(tmp_path, reads, damage):
    documents = tmp_path / "documents"
    documents.mkdir()
    path = SAMPLES[0]
    first = pipeline.process_document(path, "d", documents)
    [entry] = documents.glob("*.pickle")
    body = entry.read_bytes()
    entry.write_bytes(
        {
            "cut": body[: len(body) // 2],
            "garbage": b"\x80\x05not a pickle at all",
            "empty": b"",
            "other_object": pickle.dumps({"a": 1}),
        }[damage]
    )
    reads.clear()
    again = pipeline.process_document(path, "d", documents)
    assert reads == [path.name] and again == first
    assert isinstance(doccache.load(documents, first["document"]["sha256"]), Document)  # written again, whole


def test_an_entry_of_other_model_fields_is_a_miss(tmp_path, monkeypatch):
    documents = tmp_path / "documents"
    doc = pipeline.read_document(SAMPLES[0])
    doccache.store(documents, doc.sha256, doc)
    assert doccache.load(documents, doc.sha256) is not None
    monkeypatch.setattr(doccache, "model_shape", lambda: (("Block", ("kind", "text", "a_new_field")),))
    assert doccache.load(documents, doc.sha256) is None


def test_memoised_values_are_not_stored_and_the_file_name_is_this_runs(tmp_path):
    documents = tmp_path / "documents"
    doc = pipeline.read_document(SAMPLES[0])
    pipeline.extract_stage(doc, "d", {}, {})  # the extractors memoise what they derive on the Document
    doc.__dict__["_unpicklable"] = lambda: None  # whatever they memoise, it is never pickled
    assert any(k.startswith("_") for k in doc.__dict__)
    doccache.store(documents, doc.sha256, doc)
    assert any(k.startswith("_") for k in doc.__dict__)  # the Document in use keeps them
    renamed = tmp_path / "renamed.txt"
    loaded = doccache.load(documents, doc.sha256, renamed)
    assert not [k for k in loaded.__dict__ if k.startswith("_")]
    assert loaded.source == "renamed.txt" and loaded.path == str(renamed)
    assert loaded.pages == doc.pages and loaded.blocks == doc.blocks and loaded.meta == doc.meta


def test_a_worker_without_the_cache_folder_reads(tmp_path, reads):
    """A Dask worker on another machine does not see this machine's cache folder: it reads, writes nothing."""
    missing = tmp_path / "not-here"
    result = pipeline.process_document(SAMPLES[0], "d", missing)
    assert result["document"]["status"] == "ok" and reads == [SAMPLES[0].name] and not missing.exists()


def test_refused_files_are_failed_rows_cached_with_the_tables_not_as_documents(tmp_path, monkeypatch):
    monkeypatch.delenv("REBUILD", raising=False)
    monkeypatch.delenv("DASK_SCHEDULER", raising=False)
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "empty.pdf").write_bytes(b"")
    cache = tmp_path / "cache"
    [result] = batch.extract_corpus(seeds, cache)
    assert result["document"]["status"] == "failed" and "empty file" in result["document"]["error"]
    assert len(list(cache.glob("*.json"))) == 1 and not list(doccache.folder(cache).iterdir())
