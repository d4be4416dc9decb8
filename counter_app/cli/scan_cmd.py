"""`counter-app scan-page IMAGE... -o OUT.pdf [--json]`: photographed pages found, flattened and cleaned, into one
PDF, a page per image (`devices.page_scan`, `documents.scans`)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from ..core.errors import DomainError
from ..messages import describe
from .context import CliContext, CliError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "scan-page",
        help="make photographed pages into one PDF (page found, flattened, straightened, cleaned)",
        description=(
            "Each image is one page: its four corners are found, the perspective undone to the paper's "
            "proportions, the skew and the lighting corrected; the pages go into OUT.pdf in order. An image with "
            'no page in it keeps its full frame. --json prints {"pages": [{"file", "found", "corners"}], "bytes"}.'
        ),
    )
    p.add_argument("images", nargs="+", metavar="IMAGE", help="photographs or scans (PNG, JPEG, WebP, TIFF)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf")
    p.add_argument("--mode", choices=("grey", "bw"), default="grey", help="grey (default) or black and white")
    p.add_argument("--dpi", type=int, default=200, choices=(150, 200, 300), help="resolution of the pages")
    p.add_argument("--json", action="store_true", help="print what was found on each page as JSON")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from ..devices.page_scan import correct_page, detect_page, encode_jpeg, read_photo  # OpenCV when needed
    from ..documents.scans import pdf_from_jpegs

    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise CliError(ctx.say("Tệp kết quả phải là .pdf.", "The output file must be .pdf."))
    pages: list[bytes] = []
    found: list[dict[str, Any]] = []
    for name in args.images:
        try:
            photo = read_photo(Path(name))
        except DomainError as exc:
            raise CliError(f"{name}: {describe(exc, ctx.lang)}") from exc
        corners = detect_page(photo)
        pages.append(encode_jpeg(correct_page(photo, corners, mode=args.mode, dpi=args.dpi)))
        found.append({"file": name, "found": corners.found, "corners": corners.as_lists()})
    data = pdf_from_jpegs(pages, dpi=args.dpi)
    temporary = output.with_name(f".{output.name}.partial")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, output)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise CliError(
            ctx.say(f"Không ghi được tệp {output}: {exc.strerror}", f"Cannot write {output}: {exc.strerror}")
        ) from exc
    if args.json:
        print(json.dumps({"pages": found, "bytes": len(data)}, ensure_ascii=False, indent=2), file=ctx.out)
    else:
        missing = [p["file"] for p in found if not p["found"]]
        print(
            ctx.say(
                f"Đã ghi {len(pages)} trang vào {output} ({len(data) // 1024} KB).",
                f"Wrote {len(pages)} pages to {output} ({len(data) // 1024} KB).",
            ),
            file=ctx.out,
        )
        for name in missing:
            print(
                ctx.say(f"Không thấy trang giấy trong {name}: giữ nguyên khung ảnh.",
                        f"No page found in {name}: the whole frame was kept."),
                file=ctx.err,
            )  # fmt: skip
    return 0
