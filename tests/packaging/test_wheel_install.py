"""The wheel: built from the sources, installed into a fresh virtual environment outside the source tree, it holds
every shipped file and both programs work from it (the counter's self-test, set-up, a receipt and its PDF; the
server's migration and health).

Nothing is downloaded: the wheel is built with this environment's setuptools (`--no-build-isolation`), and the
new environment reaches this one's installed dependencies through a `.pth` file, so only our own package comes
from the wheel (`pip install --no-deps --no-index`). Every command runs from a folder outside the source tree,
without PYTHONPATH.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from packaging_support import ROOT, parse_checks
from pypdf import PdfReader

from counter_app import APP_NAME, __version__
from counter_app.server.process import free_port
from counter_app.server.schema import latest_version

sys.path.insert(0, str(ROOT / "tools"))
import build_translations  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

#: What the build reads: the project files and the folders that become the package and its data.
SOURCES = ("pyproject.toml", "setup.py", "README.md", "counter_app", "db", "resources")
SETUP = (
    "setup",
    "--agency-id",
    "000.00.06.H56",
    "--agency-name",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU",
    "--parent-body",
    "UBND PHƯỜNG MẪU",
    "--place",
    "Phường Mẫu",
    "--counter",
    "2",
)
RECEIVE = (
    "dossier",
    "receive",
    "--procedure",
    "1.004873",
    "--applicant-name",
    "Tôn Nữ Thị Huyền Trân",
    "--applicant-id",
    "001190012345",
    "--received",
    "2026-11-27T09:00",
    "--json",
)
SERVER_START_S = 60


def environment() -> dict[str, str]:
    """This process's environment without what could point a command back at the source tree."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COUNTER_APP_LANG="vi", PYTHONNOUSERSITE="1")
    for name in ("PYTHONPATH", "PYTHONHOME", "COUNTER_APP_DATA_DIR", "COUNTER_APP_OFFICER", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env


def run(command: Sequence[str | Path], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def succeeded(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.args, result.stdout[-3000:], result.stderr[-3000:])
    return result.stdout


@dataclass(frozen=True)
class Installed:
    """The fresh environment: its Python, its scripts folder and a folder outside the source tree to work in."""

    root: Path
    python: Path
    scripts: Path
    outside: Path

    def script(self, name: str) -> Path:
        return self.scripts / (f"{name}.exe" if sys.platform == "win32" else name)


def shipped_files() -> set[str]:
    """The files the wheel must hold besides the code, named as inside the wheel."""
    migrations = {f"counter_app/_db/migrations/{p.name}" for p in (ROOT / "db" / "migrations").glob("*.sql")}
    fonts = {f"counter_app/_resources/fonts/{p.name}" for p in (ROOT / "resources" / "fonts").iterdir()}
    return (
        migrations
        | fonts
        | {
            "counter_app/_db/__init__.py",
            "counter_app/_db/seed/catalogue.json",
            "counter_app/_db/seed/days_off.json",
            "counter_app/_resources/__init__.py",
            "counter_app/_resources/icons/app.svg",
            "counter_app/_resources/icons/app.png",
            "counter_app/_resources/icons/app.ico",
            "counter_app/_resources/translations/counter_app_en.qm",
            "counter_app/core/common_passwords.txt",
        }
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources with the English translation compiled into it (what
    `make translations` does before `pip wheel .`), so the build writes nothing into the working tree."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(
                path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
            )
        else:
            shutil.copy2(path, source / name)
    build_translations.compile_ts(source / "resources" / "translations" / "counter_app_en.ts")
    dist = work / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    succeeded(run([*build, "-w", dist, source], cwd=work))
    (built,) = dist.glob("quay_mot_cua-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """A new virtual environment holding the wheel; the dependencies are this environment's."""
    base = tmp_path_factory.mktemp("installed")
    root = base / "venv"
    succeeded(run([sys.executable, "-m", "venv", "--without-pip", root], cwd=base))
    bindir = root / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    where = json.loads(
        succeeded(
            run([python, "-c", "import json, sysconfig; print(json.dumps(sysconfig.get_paths()))"], base)
        )
    )
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(where["purelib"]) / "dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    pip = [python, "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed"]
    succeeded(run([*pip, wheel], cwd=base))
    outside = base / "work"
    outside.mkdir()
    yield Installed(root, python, Path(where["scripts"]), outside)
    shutil.rmtree(base, ignore_errors=True)


def test_the_wheel_holds_every_shipped_file_and_no_sources_of_them(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert shipped_files() <= names, sorted(shipped_files() - names)
    assert len([n for n in names if n.startswith("counter_app/_db/migrations/")]) >= 8
    assert not [n for n in names if n.endswith((".ts", ".md"))]  # translation sources, the seed's README
    assert {n.split("/")[0] for n in names} == {"counter_app", f"quay_mot_cua-{__version__}.dist-info"}


def test_the_package_and_its_files_come_from_the_new_environment(installed: Installed) -> None:
    show = (
        "import counter_app, counter_app.shipped as s; "
        "print(counter_app.__file__); print(s.migrations()); print(s.translations()); print(s.common_passwords())"
    )
    lines = succeeded(run([installed.python, "-c", show], installed.outside)).splitlines()
    assert len(lines) == 4
    for line in lines:
        path = Path(line).resolve()
        assert path.is_relative_to(installed.root.resolve()), line
        assert not path.is_relative_to(ROOT), line
        assert path.exists(), line


def test_the_counter_checks_itself_is_set_up_receives_and_prints_a_receipt(installed: Installed) -> None:
    counter = installed.script("counter-app")
    work = installed.outside / "counter"
    work.mkdir()
    data = ["--data-dir", str(work / "data")]

    checked = run([counter, *data, "--self-test"], work)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 0, output
    assert checked.stdout.splitlines()[0] == f"{APP_NAME} {__version__}"
    checks = parse_checks(checked.stdout)
    for name in ("Cơ sở dữ liệu", "Danh mục thủ tục mẫu", "Lịch ngày nghỉ", "Phông chữ tiếng Việt"):
        assert checks[name][0] == "OK", output
    for name in ("Mẫu 01 và mã vạch", "Bản dịch", "Giao diện"):
        assert checks[name][0] == "OK", output

    password = work / "admin-password"
    password.write_text("quan-tri-phuong-mau\n", encoding="utf-8")
    succeeded(run([counter, *data, *SETUP, "--admin-password-file", password], work))
    listed = json.loads(succeeded(run([counter, *data, "catalog", "list", "--json"], work)))
    assert len(listed) >= 25  # the seed catalogue, read from the installed package

    received = json.loads(succeeded(run([counter, *data, *RECEIVE], work)))
    code = received["code"]
    assert code.startswith("000.00.06.H56-261127-02")  # counter 2's slot on the day of receipt

    receipt = work / "receipt.pdf"
    succeeded(run([counter, *data, "print", "receipt", code, "-o", receipt], work))
    assert receipt.read_bytes().startswith(b"%PDF-")
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(receipt).pages)
    assert code in text and "Tôn Nữ Thị Huyền Trân" in text  # Vietnamese letters: the shipped font embedded


def test_the_server_migrates_its_database_and_answers_health(installed: Installed) -> None:
    server = installed.script("counter-server")
    work = installed.outside / "server"
    work.mkdir()
    database = f"sqlite:///{work / 'server.sqlite3'}"
    succeeded(run([server, "--database", database, "migrate"], work))
    assert (work / "server.sqlite3").stat().st_size > 0

    port = free_port()
    log = work / "server.log"
    command = [server, "--database", database, "--host", "127.0.0.1", "--port", str(port), "--no-portal"]
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=work,
            env=environment(),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        answer = None
        deadline = time.monotonic() + SERVER_START_S
        while answer is None and time.monotonic() < deadline and process.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
            except httpx.TransportError:
                _pause(process)
        assert answer is not None, log.read_text(encoding="utf-8")[-3000:]
        assert answer.status_code == 200
        health = answer.json()
        assert health["status"] == "ok" and health["schema_version"] == latest_version()
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(15)


def _pause(process: subprocess.Popen[bytes]) -> None:
    """Wait a little for the server to come up, returning at once if it ends."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(0.2)
