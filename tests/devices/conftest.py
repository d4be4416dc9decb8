"""Fixtures for the device tests: seeded synthetic receipts and a short video of one."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from counter_app.devices.samples import Scene, empty_frame, make_scene

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261127)


@pytest.fixture
def clean_scene(rng: np.random.Generator) -> Scene:
    return make_scene(rng, "clean")


def _write_video(path: Path, frames: list[np.ndarray], fps: float = 25.0) -> Path:
    """An MJPG AVI of `frames` (BGR, all of one size)."""
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


@pytest.fixture
def write_video() -> Callable[..., Path]:
    """`write_video(path, frames, fps=25.0)` writes an MJPG AVI and returns its path."""
    return _write_video


@pytest.fixture
def receipt_video(tmp_path: Path, rng: np.random.Generator) -> tuple[Path, str]:
    """0.4 s of empty desk, then 0.6 s of a receipt with a Code128 dossier code: (video, code)."""
    scene = make_scene(rng, "clean", kind="code128")
    code = scene.expected["code128"]
    frames = [empty_frame(rng) for _ in range(10)] + [scene.image] * 15
    return _write_video(tmp_path / "receipt.avi", frames), code
