"""`counter-app decode IMAGE...`: print the Code128 and QR texts found in image files."""

from __future__ import annotations

import argparse
from pathlib import Path

from .context import CliContext


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "decode",
        help="read Code128 barcodes and QR codes from images (PNG, JPEG, WebP)",
        description="Print `<file>\\t<text>` for every code found; exit 1 when nothing was found at all.",
    )
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from ..devices.decoding import UnreadableImageError, decode_file  # OpenCV loads only when needed

    found_any = False
    for name in args.images:
        try:
            results = decode_file(Path(name))
        except UnreadableImageError:
            print(ctx.say(f"Không đọc được tệp ảnh: {name}", f"Cannot read image file: {name}"), file=ctx.err)
            continue
        for decoded in results:
            print(f"{name}\t{decoded.text}", file=ctx.out)
            found_any = True
    return 0 if found_any else 1
