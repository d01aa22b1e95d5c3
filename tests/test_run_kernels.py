"""Kernels forked from the batch's warm server (lib.run.zygote): each notebook gets a process of its own,
with the templates' modules already imported and nothing of another notebook's state."""

from __future__ import annotations

import os
import shutil
import time

import nbformat
import psutil
import pytest

from lib.run import nbrun, zygote

pytestmark = pytest.mark.skipif(not zygote.available(), reason="fork server: POSIX only")


def run_code(km, code: str) -> str:
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        out: list[str] = []
        kc.execute_interactive(code, timeout=60, output_hook=lambda m: out.append(m["content"].get("text", "")))
        return "".join(out).strip()
    finally:
        kc.stop_channels()


def test_forked_kernels_are_fresh_warm_and_stop(tmp_path):
    code = nbrun.warm_code(["pandas", "lib.analysis.corpus"])
    server = zygote.Server(code)
    try:
        assert server.wait_ready()
        seen = []
        for i in range(2):
            work = nbrun.new_workdir(None, f"k{i}")
            km = zygote.forked_kernel_manager(server.path, str(work / "kernel.log"), nbrun.KERNEL)
            km.start_kernel(cwd=str(work / "notebooks"), env={**os.environ, "PEEL_TEST_VAR": f"v{i}"})
            text = run_code(
                km,
                "import os, sys; print(os.getpid(), os.getcwd(), 'pandas' in sys.modules, "
                "'x' in globals() or 'serve' in globals(), os.environ.get('PEEL_TEST_VAR')); x = 1",
            )
            pid, cwd, warm, leftover, var = text.split()
            assert cwd == str(work / "notebooks") and warm == "True" and leftover == "False" and var == f"v{i}"
            seen.append(int(pid))
            km.shutdown_kernel(now=True)
            shutil.rmtree(work, ignore_errors=True)
            assert not km.is_alive()
            with pytest.raises(ProcessLookupError):  # gone, and reaped, when shutdown_kernel returns
                os.kill(int(pid), 0)
        assert seen[0] != seen[1] and server.proc.pid not in seen
    finally:
        server.close()
    assert server.proc.poll() is not None


def test_a_forked_kernel_answers_its_first_request_in_full(tmp_path):
    """The client is ready without waiting for IOPub to go quiet, and only once IOPub is connected: the first
    request's output arrives in full, every time."""
    server = zygote.Server(nbrun.warm_code([]))
    try:
        assert server.wait_ready()
        for i in range(3):
            work = nbrun.new_workdir(None, f"r{i}")
            km = zygote.forked_kernel_manager(server.path, str(work / "kernel.log"), nbrun.KERNEL)
            km.start_kernel(cwd=str(work / "notebooks"))
            kc = km.client()
            assert isinstance(kc, zygote.ReadyClient)
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=60)
                assert kc.shell_channel.is_alive() and kc.iopub_channel.is_alive()
                out: list[str] = []
                reply = kc.execute_interactive(
                    "print('first'); print('second')",
                    timeout=60,
                    output_hook=lambda m, out=out: out.append(m["content"].get("text", "")),
                )
                assert reply["content"]["status"] == "ok" and "".join(out) == "first\nsecond\n"
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
                shutil.rmtree(work, ignore_errors=True)
    finally:
        server.close()


def test_without_fork_the_batch_starts_kernels_itself(monkeypatch):
    monkeypatch.setenv(zygote.ENV_SWITCH, "0")
    assert not zygote.available()


def test_a_server_that_cannot_start_leaves_workers_to_start_kernels(tmp_path):
    server = zygote.Server("raise SystemExit('warm-up broken')")
    try:
        server.proc.wait(60)
        assert zygote.failed_marker(server.path).exists() and not os.path.exists(server.path)
        nbrun.lean_worker(server.path, wait=60)
        assert nbrun._STATE["socket"] is None  # no wait until the deadline, no fork: kernels started as usual
    finally:
        server.close()


def test_forked_kernels_show_figures_as_images(tmp_path):
    """pyplot imported by the server, before any shell: a forked kernel still shows a figure as a PNG."""
    server = zygote.Server(nbrun.warm_code(["matplotlib.pyplot"]))
    try:
        assert server.wait_ready()
        work = nbrun.new_workdir(None, "fig")
        km = zygote.forked_kernel_manager(server.path, str(work / "kernel.log"), nbrun.KERNEL)
        km.start_kernel(cwd=str(work / "notebooks"))
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            shown: list[dict] = []
            kc.execute_interactive(
                "import matplotlib.pyplot as plt\nfrom IPython.display import display\n"
                "fig, ax = plt.subplots()\nax.plot([1, 2])\ndisplay(fig)\nplt.close(fig)",
                timeout=60,
                output_hook=lambda m: shown.append(m["content"].get("data", {})),
            )
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            shutil.rmtree(work, ignore_errors=True)
        assert any("image/png" in data for data in shown), shown
    finally:
        server.close()


def test_a_forked_kernel_stops_when_its_server_does(tmp_path):
    """A kernel no notebook took (one started ahead) never outlives the batch's server."""
    server = zygote.Server(nbrun.warm_code([]))
    try:
        assert server.wait_ready()
        work = nbrun.new_workdir(None, "orphan")
        km = zygote.forked_kernel_manager(server.path, str(work / "kernel.log"), nbrun.KERNEL)
        km.start_kernel(cwd=str(work / "notebooks"))
        assert run_code(km, "print(6 * 7)") == "42"
        pid = km.provisioner.pid
    finally:
        server.close()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and psutil.pid_exists(pid):
        time.sleep(0.1)
    assert not psutil.pid_exists(pid)
    shutil.rmtree(work, ignore_errors=True)


def test_the_next_notebooks_kernel_starts_ahead_and_is_used_once(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "bare.ipynb")
    server = zygote.Server(nbrun.warm_code([]))
    try:
        assert server.wait_ready()
        nbrun.lean_worker(server.path)
        works = []
        for i in range(2):
            ahead = nbrun._STATE["next"]
            work, error, _ = nbrun.execute(nbrun.Job(f"n{i}", str(tmp_path / "bare.ipynb"), "n", {"x": i}), None)
            assert error is None and (work / "reports" / f"n{i}.html").exists()
            assert (ahead is None) == (i == 0) and (ahead is None or ahead[1] == work)  # the second took the first's
            works.append(work)
            shutil.rmtree(work, ignore_errors=True)
        _, spare_work, spare = nbrun._STATE["next"]
        assert spare.is_alive() and spare_work not in works
        nbrun._drop_next()
        assert not spare.is_alive() and not spare_work.exists() and nbrun._STATE["next"] is None
    finally:
        nbrun._STATE.update(socket=None, next=None)
        server.close()
