"""`counter-app decode IMAGE...`: print the Code128 and QR texts found in image files (`--json`: with their kind)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..core.codes import ScanKind
from ..core.idcard import parse_id_card
from .context import CliContext


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "decode",
        help="read Code128 barcodes and QR codes from images (PNG, JPEG, WebP)",
        description=(
            "Print `<file>\\t<text>` for every code found; exit 1 when nothing was found at all. With --json, print "
            'one JSON array instead, an object per code: {"file", "text", "format", "kind"}, kind being '
            '"dossier-code", "id-card" or "other"; a chip ID card also has "fields" (id, old_id, name, birth_date, '
            "sex, address, issued; dates in ISO form)."
        ),
    )
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files")
    p.add_argument(
        "--json", action="store_true", help="print a JSON array of the codes found, with their kind"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from ..devices.decoding import UnreadableImageError, decode_file  # OpenCV loads only when needed

    as_json = bool(getattr(args, "json", False))
    found: list[dict[str, Any]] = []
    for name in args.images:
        try:
            results = decode_file(Path(name))
        except UnreadableImageError:
            print(ctx.say(f"Không đọc được tệp ảnh: {name}", f"Cannot read image file: {name}"), file=ctx.err)
            continue
        for decoded in results:
            if not as_json:
                print(f"{name}\t{decoded.text}", file=ctx.out)
            found.append(symbol_json(name, decoded.text, decoded.symbology, decoded.kind))
    if as_json:
        print(json.dumps(found, ensure_ascii=False, indent=2), file=ctx.out)
    return 0 if found else 1


def symbol_json(file: str, text: str, symbology: str, kind: ScanKind) -> dict[str, Any]:
    """One symbol as `decode --json` prints it; a chip ID card carries its checked fields. The kinds are the three
    the command promises (`dossier-code`, `id-card`, `other`): form 02's reference, which the app's own scans tell
    apart, is `other` here (its text is what `dossier complete REF` takes)."""
    shown = kind.value if kind in (ScanKind.DOSSIER_CODE, ScanKind.ID_CARD) else "other"
    item: dict[str, Any] = {"file": file, "text": text, "format": symbology, "kind": shown}
    if kind is ScanKind.ID_CARD:
        item["fields"] = parse_id_card(text).fields()
    return item
