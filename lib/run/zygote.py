"""Warm kernels by fork: one process per batch imports what the templates import (pandas, matplotlib, the
analysis package, ipykernel) once, then forks a fresh kernel process for each notebook. Each notebook still
gets a kernel of its own (a new process, its own namespace and sockets), without paying the interpreter's
start and the imports each time (about 1 s of a core per notebook).

``python -m lib.run.zygote SOCKET CODE_FILE`` is the server: it runs the warm-up code, listens on a UNIX socket
and, per request ``{"connection_file", "cwd", "log", "env"}``, forks a child that starts an ipykernel on that
connection file; it answers ``{"pid": n}``. ``ForkProvisioner`` is the jupyter_client side: a kernel manager
with it asks the server for its kernel instead of launching ``python -m ipykernel_launcher``. POSIX only;
without fork the batch starts kernels the usual way (``lib.run.nbrun``).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.provisioning import LocalProvisioner
from jupyter_core.utils import ensure_async, run_sync

from .memory import ARROW_ALLOCATOR

READY = b"ready\n"
START_TIMEOUT = 120  # seconds a forked kernel may take to answer when no timeout is given
# Before anything is imported: no thread pools in the server (a fork copies one thread only), and the
# backend ipykernel would choose, so that matplotlib is imported once with it.
SERVER_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    **ARROW_ALLOCATOR,  # each kernel reads the tables: Arrow on the system's malloc (lib.run.memory)
}


ENV_SWITCH = "PEEL_FORK_KERNELS"  # 0: every notebook's kernel started the usual way (python -m ipykernel_launcher)


def available() -> bool:
    """Whether the batch forks its kernels: POSIX, and not switched off with PEEL_FORK_KERNELS=0."""
    switched_off = os.environ.get(ENV_SWITCH, "").strip().lower() in ("0", "false", "no")
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX") and sys.platform != "win32" and not switched_off


# ---------------------------------------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------------------------------------


def _kernel_child(request: dict) -> None:
    """In the forked child: become the kernel of ``request["connection_file"]``; never returns."""
    code = 1
    try:
        # A session of its own, as jupyter_client starts kernels (start_new_session): its own process group,
        # so signals to the kernel's group never reach the server, and its own scheduling group where the
        # system shares the processor between sessions (autogroup), as a kernel started the usual way has.
        os.setsid()
        gc.enable()  # off in the server (see serve); what the server holds stays frozen
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        fd = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.environ.update(request.get("env") or {})
        os.chdir(request["cwd"])
        if sys.path and sys.path[0] in ("", os.getcwd()):
            del sys.path[0]  # as ipykernel_launcher does; the shell puts the working folder back
        sys.argv = ["ipykernel_launcher", "-f", request["connection_file"]]  # what a launched kernel sees
        from ipykernel.kernelapp import IPKernelApp  # imported by the server already: free here

        app = IPKernelApp.instance()
        # No history database: a batch kernel is never asked for its history, and kernels running side by
        # side would queue on the one SQLite file.
        # It stops when the server does (ipykernel's parent poller, as jupyter_client's kernels watch theirs):
        # a kernel started ahead that no notebook took never outlives the batch.
        app.initialize(
            [
                "-f",
                request["connection_file"],
                "--HistoryManager.enabled=False",
                f"--IPKernelApp.parent_handle={os.getppid()}",
            ]
        )
        if "matplotlib_inline.backend_inline" in sys.modules:
            # The server imported pyplot before any shell existed, so the inline backend could not hook into
            # one: hook it into this kernel's shell, as a pyplot imported in the kernel would (figures shown
            # as PNG, closed after each cell).
            app.shell.enable_matplotlib("inline")
        app.start()
        code = 0
    except BaseException:  # noqa: BLE001  a kernel that cannot start: said in its log, the manager sees it die
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


def serve(path: str, code_file: str) -> None:
    """Warm up, then fork a kernel per request until the socket's owner goes away."""
    code = Path(code_file).read_text(encoding="utf-8") if code_file else ""
    # Kernels share the server's memory until they write to it. Python's collector writes to every object it
    # visits, so it is off while the server imports (no freed holes for kernels to fill) and what the server
    # holds is frozen before the first fork (a kernel's collections never visit it); kernels turn it back on.
    gc.disable()
    # The kernel's own imports, done once here; the debugger (debugpy) is imported by every kernel's start
    # otherwise, 0.05 s of a core each.
    import ipykernel.debugger
    import ipykernel.kernelapp  # noqa: F401

    if code:
        exec(compile(code, "<warm-up>", "exec"), {"__name__": "__peel_warm__"})
    gc.freeze()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reaped by the system: no zombies
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    sys.stdout.buffer.write(READY)
    sys.stdout.flush()
    parent = os.getppid()
    server.settimeout(1.0)
    while True:
        try:
            conn, _ = server.accept()
        except TimeoutError:
            if os.getppid() != parent:  # the batch is gone: so is its server
                return
            continue
        with conn:
            conn.settimeout(30)
            request = json.loads(conn.makefile("rb").readline())
            pid = os.fork()
            if pid == 0:
                server.close()
                conn.close()
                _kernel_child(request)
            conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")


class Server:
    """The fork server of one batch (a child process of the batch's driver)."""

    def __init__(self, code: str):
        self.folder = Path(tempfile.mkdtemp(prefix="peel-zygote-"))
        self.path = str(self.folder / "socket")
        code_file = self.folder / "warm.py"
        code_file.write_text(code, encoding="utf-8")
        env = {**os.environ, **SERVER_ENV}
        self.log = open(self.folder / "server.log", "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lib.run.zygote", self.path, str(code_file)],
            stdout=subprocess.PIPE,
            stderr=self.log,
            stdin=subprocess.DEVNULL,
            env=env,
        )

    def wait_ready(self, timeout: float = 120) -> bool:
        """Whether the server is up (its warm-up done); False when it died."""
        import select

        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        return bool(ready) and self.proc.stdout.readline() == READY

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)


def fork_kernel(path: str, request: dict, timeout: float = 30) -> int:
    """Ask the server at ``path`` for a kernel; its pid."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        conn.connect(path)
        conn.sendall(json.dumps(request).encode() + b"\n")
        return int(json.loads(conn.makefile("rb").readline())["pid"])


# ---------------------------------------------------------------------------------------------------------
# The kernel manager's side
# ---------------------------------------------------------------------------------------------------------


class ForkedProcess:
    """What jupyter_client expects of a kernel's Popen, for a process that is not our child."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            except PermissionError:
                pass
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):
    """A LocalProvisioner whose kernel is forked by the batch's server (``socket_path``, set before start)."""

    socket_path: str = ""
    log_path: str = os.devnull

    async def launch_kernel(self, cmd: list[str], **kwargs) -> dict:
        env = {k: v for k, v in (kwargs.get("env") or {}).items() if k not in SERVER_ENV}
        request = {
            "connection_file": self.parent.connection_file,
            "cwd": str(kwargs.get("cwd") or os.getcwd()),
            "log": self.log_path,
            "env": env,
        }
        pid = fork_kernel(self.socket_path, request)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        self.cwd = request["cwd"]
        return self.connection_info

    async def kill(self, restart: bool = False) -> None:
        """SIGKILL to the kernel's process group, then wait the few milliseconds it takes to go (the server
        reaps it at once). jupyter_client then finds it gone on its first look, instead of polling every
        0.1 s: a worker waiting on a dead kernel leaves a core idle."""
        await super().kill(restart)
        deadline = time.monotonic() + 1.0
        while self.process is not None and self.process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.002)


class ReadyClient(BlockingKernelClient):
    """The kernel client of a forked kernel: ready as jupyter_client's is (the kernel answered
    ``kernel_info``, and a message came through IOPub, so IOPub is connected), without its last step, which
    waits until IOPub has been quiet for 0.2 s. Nothing needs that quiet: nbclient reads only the messages
    answering its own requests. Here what has arrived is dropped without waiting: 0.2 s of an idle core a
    notebook."""

    async def _ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (START_TIMEOUT if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await ensure_async(self.iopub_channel.get_msg(timeout=0.2))
                except Empty:  # IOPub not connected yet: ask again
                    pass
                else:
                    self._handle_kernel_info_reply(reply)
                    break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                await ensure_async(self.iopub_channel.get_msg(timeout=0))
            except Empty:
                break

    wait_for_ready = run_sync(_ready)


def forked_kernel_manager(socket_path: str, log_path: str, kernel_name: str):
    """A KernelManager whose kernel comes from the fork server."""
    import uuid

    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name=kernel_name)
    km.client_factory = ReadyClient
    km.kernel_id = str(uuid.uuid4())
    provisioner = ForkProvisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
    provisioner.socket_path, provisioner.log_path = socket_path, log_path
    km.provisioner = provisioner
    return km


def failed_marker(socket_path: str) -> Path:
    """The file the server leaves when it cannot serve (the workers stop waiting for its socket)."""
    return Path(socket_path).with_name("failed")


if __name__ == "__main__":
    try:
        serve(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
    except BaseException:
        failed_marker(sys.argv[1]).touch()
        raise
