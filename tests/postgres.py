"""A real, throwaway PostgreSQL for tests: Debian's server binaries, a cluster in a temp
dir on 127.0.0.1 and a free port, trust auth, stopped and deleted afterwards. As root the
cluster belongs to the `postgres` user (the server refuses to run as root). `./run test`
installs the `postgresql` package on a fresh machine when it runs as root."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tests.servers import free_port


def server_bin() -> Path | None:
    """The newest installed PostgreSQL's bin dir (Debian keeps it off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=_major)
    if found:
        return found[-1].parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _major(path: Path) -> int:
    name = path.parent.parent.name
    return int(name) if name.isdigit() else 0


def why_not() -> str:
    """ "" when a server can be started here, else the reason (shown in the skip)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[dev]')"
    if server_bin() is None:
        return "PostgreSQL is not installed (as root: apt-get install -y postgresql)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: PostgreSQL cannot be started"
    return ""


class Cluster:
    """One throwaway cluster; stop() and start() again keep its data (a server that goes
    away and comes back)."""

    def __init__(self) -> None:
        bin_dir = server_bin()
        assert bin_dir is not None
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="polkuopas-pg-"))
        self.data, self.port = self.root / "data", free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._as_owner: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, user="postgres", group="postgres")
            self._as_owner = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")

    def _run(self, tool: str, *args: str) -> None:
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        cmd = [*self._as_owner, str(self.bin / tool), *args]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{tool} failed: {done.stdout[-1500:]} {done.stderr[-1500:]}")

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off"
        log = str(self.root / "log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def running_postgres() -> Iterator[Cluster]:
    """A started cluster, stopped and deleted on leaving."""
    cluster = Cluster()
    try:
        cluster.start()
        yield cluster
    finally:
        with suppress(RuntimeError):  # already stopped by the test
            cluster.stop()
        cluster.remove()
