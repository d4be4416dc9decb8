"""The PyInstaller bundle: built from build.spec, it passes its own self-test offscreen and upgrades old data.

Slow (the build takes a few minutes on two cores) but part of the default suite: a bundle that no longer
builds or starts is a release blocker. Size and start-up times are recorded as test properties and printed
in the run's summary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from packaging_support import DB_NAME, ROOT, parse_checks, run_command

from counter_app import APP_NAME, __version__
from counter_app.devices.page_samples import empty_desk, photograph

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]

#: On a fresh machine the build includes OpenCV for the counter (10-20 minutes on two cores, then reused) and the
#: bundle's environment (tools/bundle.py).
BUILD_TIMEOUT_S = 3000
#: Ceiling of the Linux bundle, in MB of 10^6 bytes (files only, symlinks not counted, as `folder_size` counts):
#: issue 18's limit. 295.9 MB measured with the counter's own OpenCV and without Qt Multimedia, 494.5 MB before,
#: 587.6 MB before that (docs/BENCHMARKS.md "## Bundle"); a bundle that grows past it has picked up something new.
MAX_LINUX_BUNDLE_MB = 300


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/counter-app/ built into a temporary folder, exactly as `make bundle` builds it (removed afterwards)."""
    out = tmp_path_factory.mktemp("bundle")
    command = [
        sys.executable, str(ROOT / "tools" / "bundle.py"),
        "--dist", str(out / "dist"), "--work", str(out / "work"),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    assert result.returncode == 0, result.stderr[-4000:]
    shutil.rmtree(out / "work", ignore_errors=True)
    yield out / "dist" / "counter-app"
    shutil.rmtree(out, ignore_errors=True)  # about 300 MB


def executable(bundle: Path) -> Path:
    return bundle / ("counter-app.exe" if sys.platform == "win32" else "counter-app")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_the_bundle_passes_its_self_test_offscreen(
    bundle: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    started = time.perf_counter()
    result = run_command(
        [str(executable(bundle)), "--data-dir", str(tmp_path / "data"), "--self-test"], cwd=tmp_path
    )
    elapsed = time.perf_counter() - started
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert result.stdout.splitlines()[0] == f"{APP_NAME} {__version__} (bundle)"
    checks = parse_checks(result.stdout)
    for name in (
        "Cơ sở dữ liệu",
        "Lịch ngày nghỉ",
        "Phông chữ tiếng Việt",
        "Mẫu 01 và mã vạch",
        "Bản dịch",
        "Giao diện",
    ):
        assert checks[name][0] == "OK", output
    assert "qxcb" in checks["Hiển thị (Qt)"][1] and "qoffscreen" in checks["Hiển thị (Qt)"][1]
    request.node.user_properties += [
        ("bundle_size_mb", round(folder_size(bundle) / 1e6, 1)),
        ("bundle_self_test_s", round(elapsed, 2)),
    ]


def test_a_quick_command_starts_fast_enough(
    bundle: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    command = [str(executable(bundle)), "--data-dir", str(tmp_path / "data"), "calendar", "holidays", "2026"]
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        result = run_command(command, cwd=tmp_path)
        timings.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stdout + result.stderr
    assert "Tết Dương lịch" in result.stdout
    median = sorted(timings)[1]
    request.node.user_properties.append(("bundle_quick_command_s", round(median, 2)))
    assert median < 15, timings  # generous: a cold disk on an old office PC, not a benchmark


def test_the_bundle_upgrades_a_release_0_1_0_database_and_exports_unsent_changes(
    bundle: Path, release_data_dir: Path, tmp_path: Path
) -> None:
    export = tmp_path / "outbox.json"
    command = [str(executable(bundle)), "--data-dir", str(release_data_dir), "sync", "--export", str(export)]
    result = run_command(command, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(json.loads(export.read_text(encoding="utf-8"))["entries"]) == 7
    assert len(list((release_data_dir / "backups").glob("*.sqlite"))) == 1
    assert (release_data_dir / DB_NAME).stat().st_size > 0


def test_the_bundle_holds_one_qt_binding_and_everything_loaded_at_run_time(bundle: Path) -> None:
    internal = bundle / "_internal"
    for foreign in ("PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "fastapi", "uvicorn"):
        assert not (internal / foreign).exists(), foreign
    shipped = internal / "counter_app"  # the wheel's package data, where counter_app.shipped finds it
    assert sorted(p.name for p in (shipped / "_db" / "migrations").glob("*.sql")) == sorted(
        p.name for p in (ROOT / "db" / "migrations").glob("*.sql")
    )
    assert (shipped / "_db" / "seed" / "catalogue.json").is_file()
    assert (shipped / "_resources" / "fonts" / "LiberationSerif-Regular.ttf").is_file()
    assert (shipped / "_resources" / "icons" / "app.png").is_file()
    assert (shipped / "_resources" / "translations" / "counter_app_en.qm").is_file()
    assert (shipped / "core" / "common_passwords.txt").is_file()
    assert not (internal / "db").exists() and not (internal / "resources").exists()
    if sys.platform.startswith("linux"):
        plugins = internal / "PySide6" / "Qt" / "plugins"
        for plugin in (
            "platforms/libqxcb.so",
            "platforms/libqoffscreen.so",
            "printsupport/libcupsprintersupport.so",
            "imageformats/libqjpeg.so",
            "imageformats/libqsvg.so",
        ):
            assert (plugins / plugin).is_file(), plugin
        assert (internal / "libzbar.so.0").is_file()


def test_the_bundle_leaves_out_what_the_counter_never_loads(bundle: Path) -> None:
    internal = bundle / "_internal"
    for unused in ("uvloop", "yaml", "trio", "_pytest", "rich", "pygments", "setuptools"):
        assert not (internal / unused).exists(), unused
    assert not list((internal / "PySide6").glob("QtOpenGL.*")), "PySide6.QtOpenGL"
    if sys.platform.startswith("linux"):
        plugins = internal / "PySide6" / "Qt" / "plugins"
        assert not (plugins / "egldeviceintegrations").exists() and not (plugins / "generic").exists()
        assert not (plugins / "platforms" / "libqeglfs.so").exists()
        assert not (internal / "libgtk-3.so.0").exists()  # only the GTK3 theme plugin, left out, linked it
        # cameras are listed through V4L2: Qt Multimedia, its FFmpeg plugin and what only that plugin links stay out
        assert not (plugins / "multimedia").exists()
        qt_libs = {p.name.split(".so")[0] for p in (internal / "PySide6" / "Qt" / "lib").glob("*.so*")}
        assert not qt_libs & {"libQt6Multimedia", "libavcodec", "libavformat", "libQt6Quick", "libQt6Qml"}
        size_mb = folder_size(bundle) / 1e6
        assert size_mb < MAX_LINUX_BUNDLE_MB, f"{size_mb:.1f} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the counter's own OpenCV build is Linux's")
def test_the_bundles_own_opencv_finds_a_photographed_page_and_holds_one_openblas(
    bundle: Path, tmp_path: Path
) -> None:
    """tools/build_opencv.py: no FFmpeg, no OpenBLAS of its own, only the modules the counter calls, which still
    find, flatten and encode a photographed page (JPEG and PNG in, through imgcodecs) as the published build does."""
    internal = bundle / "_internal"
    assert not (internal / "opencv_python_headless.libs").exists()
    openblas = [p.name for p in internal.rglob("*openblas*") if p.is_file() and not p.is_symlink()]
    assert len(openblas) == 1, openblas  # NumPy's
    assert not [p.name for p in internal.rglob("libavcodec*")]
    photos = []
    for seed, suffix in ((3, ".jpg"), (5, ".png")):
        photo = photograph(seed, turn_degrees=12.0, tilt_degrees=20.0)
        path = tmp_path / f"page{seed}{suffix}"
        assert cv2.imwrite(str(path), photo.frame)
        photos.append((path, photo.corners))
    empty = tmp_path / "desk.png"
    assert cv2.imwrite(str(empty), empty_desk(7))
    out = tmp_path / "pages.pdf"
    command = [str(executable(bundle)), "--data-dir", str(tmp_path / "data"), "scan-page"]
    result = run_command(
        [*command, *(str(p) for p, _ in photos), str(empty), "-o", str(out), "--json"], cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    pages = json.loads(result.stdout)["pages"]
    assert [page["found"] for page in pages] == [True, True, False]
    for page, (_, truth) in zip(pages, photos, strict=False):
        found = np.array(page["corners"], dtype=np.float32)
        diagonal = float(np.linalg.norm(truth[2] - truth[0]))
        assert float(np.abs(found - truth).max()) < 0.02 * diagonal, (page["corners"], truth.tolist())
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 50_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's loader trace")
def test_zbar_is_loaded_from_the_bundle_not_from_the_system(bundle: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LD_DEBUG="files")
    result = subprocess.run(
        [str(executable(bundle)), "--data-dir", str(tmp_path / "data"), "decode", str(tmp_path / "none.png")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    loaded = [line.split("file=", 1)[1].split()[0] for line in result.stderr.splitlines() if "file=" in line]
    zbar = {path for path in loaded if "libzbar.so" in path}
    assert zbar, result.stderr[-2000:]
    assert zbar == {str(bundle.resolve() / "_internal" / "libzbar.so.0")}, zbar
