"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

The server runs from the project's own environment (``sys.executable``) on
127.0.0.1 with a random token, an isolated settings, workspaces, runtime and
config directory, and a temporary *copy* of ``notebooks/`` as its root, so
running a notebook in the browser never writes to the repository. It is stopped
by its own process id at the end, and any kernel it left behind by theirs.

Chromium is Debian's (``/usr/bin/chromium``), driven by Python Playwright; a
Playwright browser download would fail offline. Without Chromium or Playwright
the tests are skipped with a reason that ``pytest -ra`` prints, unless
``NNFS_REQUIRE_BROWSER=1`` (set by ``.ci/run``), which turns that into a failure
so CI cannot pass without running them.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import lab_driver

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path(os.environ.get("NNFS_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps trying to reach
# Google's servers, which this closed network refuses; no GPU in a container,
# and no sandbox because the tests may run as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
SERVER_START_TIMEOUT = 60  # seconds; a cold start here takes about 3

# Settings files for the isolated JUPYTERLAB_SETTINGS_DIR, by plugin id.
LAB_SETTINGS = {
    # No "Would you like to receive official Jupyter news?" toast over the page,
    # and no request to the internet for news or updates.
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Render every cell, not only those scrolled into view, so the tests can
    # read every output and the screenshot shows the whole notebook.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def browser_problem():
    """Return why the browser tests cannot run here, or None when they can."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return (f"Chromium not installed ({CHROMIUM} missing): "
                "apt-get install chromium to run the browser tests")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("Playwright not installed: `make install` (pip install -r requirements.txt) "
                "to run the browser tests")
    return None


def skip_or_fail(problem, what="browser tests"):
    """Skip because of ``problem``; with NNFS_REQUIRE_BROWSER=1 (CI), fail instead."""
    if os.environ.get("NNFS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{problem} (NNFS_REQUIRE_BROWSER=1: the {what} must run here)")
    pytest.skip(problem)


@pytest.fixture(scope="session")
def browser_ready():
    """Skip (or, with NNFS_REQUIRE_BROWSER=1, fail) when the browser tests cannot run."""
    problem = browser_problem()
    if problem:
        skip_or_fail(problem)


@pytest.fixture(scope="session")
def browser(browser_ready):
    """One headless Debian Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@dataclass
class Lab:
    """A running JupyterLab server and how to reach it."""

    port: int
    token: str
    root: Path
    log: Path

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def workspace_url(self, workspace):
        """The URL of JupyterLab in workspace ``workspace``, with the token to log in.

        A workspace name not used before means JupyterLab restores no tabs
        left open by an earlier page.
        """
        return f"{self.base_url}/lab/workspaces/{workspace}?token={self.token}"

    def api(self, method, path, timeout=10):
        """Call the server's REST API; return the decoded JSON (None when empty)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}", method=method,
            headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self, path=None):
        """End the kernel sessions of notebook ``path`` (all when None)."""
        for session in self.api("GET", "/api/sessions"):
            if path is None or session["path"] == path:
                self.api("DELETE", f"/api/sessions/{session['id']}")

    def log_tail(self, lines=40):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def _free_port():
    """Ask the OS for a free port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stat(pid):
    """(parent pid, start time) of a process, from /proc (Linux); None if it is gone."""
    try:
        # The command name (field 2) may contain spaces; the rest follows the last ')'.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), int(fields[19])


def _descendants(pid):
    """(pid, start time) of every descendant of ``pid``."""
    children = {}
    for entry in Path("/proc").glob("[0-9]*"):
        stat = _stat(entry.name)
        if stat:
            children.setdefault(stat[0], []).append((int(entry.name), stat[1]))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


def _kill(pid, started):
    """SIGKILL ``pid`` if it is still the process that started at ``started``."""
    stat = _stat(pid)
    if stat is None or stat[1] != started:
        return  # gone, or the id now belongs to another process
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def lab(browser_ready, tmp_path_factory):
    """Start JupyterLab for the session; stop it, and its kernels, by process id."""
    home = tmp_path_factory.mktemp("jupyterlab")
    root = home / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = home / "settings"
    for plugin, values in LAB_SETTINGS.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        # The learner's own ~/.jupyter config must not change what is tested.
        JUPYTER_CONFIG_DIR=str(home / "config"),
        # Kernels start from the same environment as the server.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    token = secrets.token_hex(24)
    port = _free_port()
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the port we picked, or fail loudly
        f"--ServerApp.root_dir={root}",
        f"--IdentityProvider.token={token}",
        "--ServerApp.terminals_enabled=False",
        # No extension manager: it would query PyPI, and nothing is installed here.
        "--LabApp.extension_manager=readonly",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")  # CI containers run as root
    log = home / "server.log"
    with log.open("w") as log_file:
        # A session of its own, so the whole group can be signalled at the end.
        server = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    running = Lab(port=port, token=token, root=root, log=log)
    try:
        _wait_until_up(running, server)
        yield running
    finally:
        _stop(running, server)


def _wait_until_up(lab, server):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with code {server.returncode}:\n{lab.log_tail()}")
        try:
            lab.api("GET", "/api/status", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s:\n"
                            f"{lab.log_tail()}")
            time.sleep(0.2)


def _stop(lab, server):
    """Stop the server by its process id, then any process it left behind."""
    # Kernels run in process groups of their own (jupyter_client starts them
    # in a new session), so note them now: the group signal below misses them.
    leftovers = _descendants(server.pid)
    if server.poll() is None:
        try:
            # The clean way: the server shuts its kernels down, then exits.
            lab.api("POST", "/api/shutdown", timeout=5)
            server.wait(timeout=15)
        except (urllib.error.URLError, ConnectionError, subprocess.TimeoutExpired):
            try:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=5)
            except ProcessLookupError:
                pass
    for pid, started in leftovers:
        _kill(pid, started)


class NotebookPages:
    """Opens notebooks in JupyterLab pages, and can start the next one early.

    A JupyterLab page costs about 6 s of browser CPU to start, against 2 s to
    open a notebook in a page that is already up, so pages are reused: each
    loads a fresh workspace URL once (no tabs restored from an earlier run),
    then opens one notebook at a time through File > Open from Path... and
    closes it with File > Close and Shut Down Notebook..., which also ends its
    kernel. After a failed test its page is thrown away rather than reused.

    There are two such pages ("lanes"): ``start_early`` opens the next
    notebook in the other one and clicks Run All while the current notebook is
    being checked, so two notebooks run side by side on the machine's cores.
    A page is brought to the front before it is used: Chromium throttles a
    page in the background, and every click on it then waits seconds for an
    animation frame. (Its kernel runs on regardless.)
    """

    LANES = 2

    def __init__(self, context, lab):
        self.context = context
        self.lab = lab
        self._idle = []  # lane pages with no notebook open
        self._busy = 0  # lane pages with a notebook open
        self._started = {}  # path -> lane page where Run All has been clicked

    def start(self, path, kernel_name):
        """Return a page with ``path`` open and Run All clicked (perhaps earlier)."""
        if path in self._started:
            return self._started.pop(path)
        page = self._idle.pop() if self._idle else self._new_lane()
        self._busy += 1
        page.bring_to_front()
        try:
            lab_driver.open_from_path(page, path)
            lab_driver.wait_for_kernel(page, kernel_name)
            lab_driver.clear_and_start_run(page)
        except Exception:
            self.finish(page, path, reuse=False)
            raise
        return page

    def start_early(self, path, kernel_name):
        """Start ``path`` now for a later test, if a lane is free.

        A problem here is left for that notebook's own test to hit and report.
        """
        if path in self._started or self._busy >= self.LANES:
            return
        try:
            self._started[path] = self.start(path, kernel_name)
        except Exception:  # the notebook's own test starts it again, and reports
            pass

    def finish(self, page, path, reuse=True):
        """Close the notebook (and its kernel); keep the page for the next one if ``reuse``."""
        self._busy -= 1
        if reuse:
            try:
                page.bring_to_front()
                lab_driver.close_and_shut_down(page)
                self._idle.append(page)
            except Exception:
                page.close()
        else:
            page.close()
        # Whatever happened in the page, the kernel must not outlive the test.
        self.lab.shutdown_kernels(path)

    def close_all(self):
        for path, page in self._started.items():
            self.finish(page, path, reuse=False)
        self._started.clear()
        for page in self._idle:
            page.close()
        self._idle.clear()

    def _new_lane(self):
        page = self.context.new_page()
        page.goto(self.lab.workspace_url(f"test-{time.monotonic_ns()}"))
        page.wait_for_selector("#jp-MainMenu .lm-MenuBar-item", timeout=60_000)
        return page


@pytest.fixture(scope="session")
def notebook_pages(browser, lab):
    """One browser context for the session (JupyterLab's scripts come from its cache)."""
    context = browser.new_context(viewport=lab_driver.VIEWPORT)
    context.set_default_timeout(30_000)
    pages = NotebookPages(context, lab)
    try:
        yield pages
    finally:
        pages.close_all()
        context.close()
