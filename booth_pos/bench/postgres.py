"""A throwaway PostgreSQL cluster in a temporary folder, for the tests and the benchmark.

Debian's server binaries (``/usr/lib/postgresql/NN/bin``: ``initdb``, ``pg_ctl``) are not on
PATH, and the server refuses to run as root: as root the cluster is made and run as the
``postgres`` user (or ``nobody``), in a folder that user owns. It listens on 127.0.0.1 on a
free port, its unix socket in the same folder, and accepts the superuser ``postgres`` with
the password ``PASSWORD`` over TCP (so a wrong password can be tried).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PASSWORD = "booth-central"


def server_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (the newest Debian version), else None."""
    for name in ("initdb",):
        found = shutil.which(name)
        if found:
            return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(candidates[-1]).parent if candidates else None


def _version(path: str) -> int:
    try:
        return int(Path(path).parent.parent.name)
    except ValueError:
        return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A running throwaway cluster; ``dsn(db)`` names one of its databases.

    Attributes:
        folder: where the data, socket and log live (removed by ``stop``).
        port: the TCP port on 127.0.0.1.
    """

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="booth-pg-"))
        self.port = free_port()
        self._user: str | None = None
        if os.geteuid() == 0:
            self._user = _unprivileged_user()
            shutil.chown(self.folder, self._user)
        self.data = self.folder / "data"

    def _run(self, *args: str) -> None:
        kwargs = {"user": self._user} if self._user else {}
        subprocess.run(
            args, check=True, capture_output=True, text=True, cwd=self.folder, timeout=120,
            **kwargs,
        )  # fmt: skip

    def start(self) -> Cluster:
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self._user:
            shutil.chown(pwfile, self._user)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--pwfile",
            str(pwfile), "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
            "--no-sync", "--locale=C",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
            str(self.folder / "log"), "-w", "-t", "60", "start",
        )  # fmt: skip
        return self

    def dsn(self, db: str = "postgres", user: str = "postgres", password: str = PASSWORD) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def _unprivileged_user() -> str:
    import pwd

    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("no unprivileged user (postgres, nobody) to run PostgreSQL as")


def start_cluster() -> Cluster | None:
    """A started cluster, or None when no PostgreSQL server is installed."""
    bin_dir = server_bin()
    if bin_dir is None:
        return None
    return Cluster(bin_dir).start()
