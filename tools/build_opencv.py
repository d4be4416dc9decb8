"""OpenCV built for the counter bundle (Linux): the same release as the environment's opencv-python-headless,
compiled from that release's source distribution with only what the counter calls, and packed as a wheel.

The published wheel is built for every use of OpenCV: it links FFmpeg with its video codecs (47 MB) and its own
OpenBLAS (50 MB), and carries every module (82 MB). The counter calls the core, image processing and image codecs
(JPEG, PNG, TIFF, WebP), opens cameras through V4L2, and reads QR codes and barcodes (objdetect); the modules these
need (features, flann, geometry) come with them. Left out: FFmpeg and GStreamer (the counter never reads a video
file), LAPACK/OpenBLAS (OpenCV's own routines do the counter's small solves and SVDs; NumPy keeps its OpenBLAS, the
bundle's only one), IPP and OpenCL, and code dispatched for CPUs beyond AVX2. Tests and development keep the
published wheel; `tools/bundle.py` installs this one in the bundle's own environment.

    .venv/bin/python tools/build_opencv.py [--out build/opencv]     (prints the wheel's path)

The source comes from the package index through pip (`pip download --no-binary`), so it is the release the
environment runs; the build takes 10-20 minutes on two cores and is kept: a wheel already built for that release
and these options is reused.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "opencv-python-headless"
MODULES = "core,imgproc,imgcodecs,videoio,objdetect,python3,python_bindings_generator"
#: CMake options; their hash names the build, so changing one builds again.
OPTIONS = (
    "-DCMAKE_BUILD_TYPE=Release",
    f"-DBUILD_LIST={MODULES}",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DBUILD_TESTS=OFF",
    "-DBUILD_PERF_TESTS=OFF",
    "-DBUILD_EXAMPLES=OFF",
    "-DBUILD_DOCS=OFF",
    "-DBUILD_opencv_apps=OFF",
    "-DBUILD_JAVA=OFF",
    "-DBUILD_opencv_python2=OFF",
    "-DBUILD_opencv_python3=ON",
    "-DPYTHON3_LIMITED_API=ON",
    "-DOPENCV_PYTHON3_INSTALL_PATH=python",
    "-DCPU_DISPATCH=SSE4_1;SSE4_2;AVX;FP16;AVX2",
    "-DWITH_FFMPEG=OFF",
    "-DWITH_GSTREAMER=OFF",
    "-DWITH_LAPACK=OFF",
    "-DWITH_IPP=OFF",
    "-DWITH_ITT=OFF",
    "-DWITH_OPENCL=OFF",
    "-DWITH_OPENEXR=OFF",
    "-DWITH_OPENJPEG=OFF",
    "-DWITH_JASPER=OFF",
    "-DWITH_AVIF=OFF",
    "-DWITH_PROTOBUF=OFF",
    "-DWITH_EIGEN=OFF",
    "-DWITH_TBB=OFF",
    "-DWITH_1394=OFF",
    "-DWITH_V4L=ON",
    "-DWITH_GTK=OFF",
    "-DWITH_QT=OFF",
    "-DWITH_VTK=OFF",
    "-DWITH_GDAL=OFF",
    "-DWITH_GPHOTO2=OFF",
    "-DWITH_OBSENSOR=OFF",
    "-DWITH_FASTCV=OFF",
    "-DWITH_KLEIDICV=OFF",
    "-DBUILD_ZLIB=ON",
    "-DBUILD_PNG=ON",
    "-DBUILD_JPEG=ON",
    "-DBUILD_TIFF=ON",
    "-DBUILD_WEBP=ON",
)


def options_key() -> str:
    return hashlib.sha256("\n".join(OPTIONS).encode()).hexdigest()[:10]


def wheel_tag() -> str:
    return "cp37-abi3-linux_" + os.uname().machine


def wheel_name(version: str) -> str:
    return f"opencv_python_headless-{version}+counter{options_key()}-{wheel_tag()}.whl"


def run(command: list[str], log: Path, cwd: Path | None = None) -> None:
    """Run a build step, its output in `log`; a failure names the log and shows its end."""
    with log.open("a", encoding="utf-8") as out:
        out.write("$ " + " ".join(command) + "\n")
        out.flush()
        result = subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{' '.join(command[:3])} failed ({result.returncode}); see {log}\n{tail}")


def fetch_source(version: str, work: Path, log: Path) -> Path:
    """The release's source distribution, unpacked; its OpenCV tree."""
    downloads = work / "download"
    archives = list(downloads.glob(f"opencv_python_headless-{version}.tar.gz"))
    if not archives:
        downloads.mkdir(parents=True, exist_ok=True)
        run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", PACKAGE,
             f"{PACKAGE}=={version}", "-d", str(downloads)],
            log,
        )  # fmt: skip
        archives = list(downloads.glob(f"opencv_python_headless-{version}.tar.gz"))
    if not archives:
        raise SystemExit(f"no source distribution of {PACKAGE} {version} was downloaded; see {log}")
    source = work / "source"
    tree = source / f"opencv_python_headless-{version}" / "opencv"
    if not tree.is_dir():
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir(parents=True)
        with tarfile.open(archives[0]) as archive:
            archive.extractall(source, filter="data")
    return tree


def python_options() -> list[str]:
    include = sysconfig.get_paths()["include"]
    library = Path(sysconfig.get_config_var("LIBDIR") or "") / (sysconfig.get_config_var("LDLIBRARY") or "")
    return [
        f"-DPYTHON3_EXECUTABLE={sys.executable}",
        f"-DPYTHON3_INCLUDE_DIR={include}",
        f"-DPYTHON3_LIBRARY={library}",
    ]


def build(tree: Path, work: Path, log: Path) -> Path:
    """Configure, compile and install into `work/install`; the installed `cv2` package."""
    build_dir, install = work / "build", work / "install"
    shutil.rmtree(install, ignore_errors=True)
    build_dir.mkdir(parents=True, exist_ok=True)
    run(
        ["cmake", str(tree), *OPTIONS, *python_options(), f"-DCMAKE_INSTALL_PREFIX={install}"], log, build_dir
    )
    run(["cmake", "--build", ".", "--parallel", str(os.cpu_count() or 2)], log, build_dir)
    run(["cmake", "--install", ".", "--strip"], log, build_dir)
    package = install / "python" / "cv2"
    if not list(package.rglob("cv2*.so")):
        raise SystemExit(f"the build installed no cv2 module; see {log}")
    return package


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def pack(package: Path, version: str, wheel: Path) -> None:
    """The installed `cv2` package as a wheel of opencv-python-headless (a local version marks it ours)."""
    local = f"{version}+counter{options_key()}"
    info = f"opencv_python_headless-{local}.dist-info"
    files: list[tuple[str, bytes]] = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files.append(("cv2/" + path.relative_to(package).as_posix(), path.read_bytes()))
    files.append((f"{info}/METADATA", (
        f"Metadata-Version: 2.1\nName: {PACKAGE}\nVersion: {local}\n"
        "Summary: OpenCV built for the counter bundle (tools/build_opencv.py)\nLicense: Apache 2.0\n"
        "Requires-Dist: numpy>=1.26\n"
    ).encode()))  # fmt: skip
    files.append(
        (
            f"{info}/WHEEL",
            f"Wheel-Version: 1.0\nGenerator: build_opencv\nRoot-Is-Purelib: false\nTag: {wheel_tag()}\n".encode(),
        )
    )
    files.append((f"{info}/top_level.txt", b"cv2\n"))
    record = "\n".join(_record_line(name, data) for name, data in files) + f"\n{info}/RECORD,,\n"
    partial = wheel.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files:
            out.writestr(name, data)
        out.writestr(f"{info}/RECORD", record)
    partial.replace(wheel)


def build_wheel(out: Path) -> Path:
    """The wheel for the environment's OpenCV release, built unless already there."""
    if not sys.platform.startswith("linux"):
        raise SystemExit(
            "the counter's own OpenCV build is made on Linux; elsewhere the bundle uses the published one"
        )
    version = importlib.metadata.version(PACKAGE).split("+")[0]
    wheel = out / wheel_name(version)
    if wheel.is_file():
        return wheel
    work = out / f"work-{version}"
    work.mkdir(parents=True, exist_ok=True)
    log = work / "build.log"
    log.write_text("", encoding="utf-8")
    tree = fetch_source(version, work, log)
    pack(build(tree, work, log), version, wheel)
    shutil.rmtree(work / "build", ignore_errors=True)  # the wheel and the source stay
    return wheel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "opencv")
    args = parser.parse_args(argv)
    print(build_wheel(args.out.resolve()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
