"""Builds the counter PC bundle (what `make bundle` runs): PyInstaller on build.spec, from an environment of its own.

On Linux the bundle's environment (`build/bundle-env`) holds the project's run-time dependencies and PyInstaller,
as the development environment does, except OpenCV: there it is the counter's own build of the same release
(`tools/build_opencv.py`: no FFmpeg, no second OpenBLAS, only the modules the counter calls), which keeps the
bundle under 300 MB. The development environment, and the tests, keep the published OpenCV. The environment is made
again when pyproject.toml or the OpenCV wheel changes. Elsewhere (Windows) PyInstaller runs in the current
environment with the published OpenCV.

    .venv/bin/python tools/bundle.py [--dist dist] [--work build/pyinstaller]
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_opencv import build_wheel  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ENV = ROOT / "build" / "bundle-env"


def pyinstaller_requirement() -> str:
    """PyInstaller as the development extras pin it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dev = project["optional-dependencies"]["dev"]
    return next(r for r in dev if r.lower().startswith("pyinstaller"))


def bundle_environment(opencv_wheel: Path) -> Path:
    """The bundle's environment's Python, made (or made again) for this pyproject.toml and OpenCV wheel."""
    key = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + opencv_wheel.name.encode()).hexdigest()
    python = ENV / "bin" / "python"
    stamp = ENV / ".made-for"
    if python.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return python
    venv.EnvBuilder(clear=True, with_pip=True).create(ENV)
    pip = [str(python), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    # the project's dependencies come with it; its own code is analysed from the checkout (build.spec's pathex
    # comes before site-packages), so a change to the source needs no new environment
    subprocess.run([*pip, str(ROOT), pyinstaller_requirement()], check=True)
    subprocess.run([*pip, "--no-deps", "--force-reinstall", str(opencv_wheel)], check=True)
    stamp.write_text(key, encoding="utf-8")
    return python


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    if sys.platform.startswith("linux"):
        python = bundle_environment(build_wheel(ROOT / "build" / "opencv"))
    else:
        python = Path(sys.executable)
    command = [
        str(python), "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", str(args.dist), "--workpath", str(args.work), str(ROOT / "build.spec"),
    ]  # fmt: skip
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    raise SystemExit(main())
