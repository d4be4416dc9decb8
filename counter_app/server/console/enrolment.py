"""The enrolment QR code: what a counter's first-run wizard reads with its webcam to join the server.

The code holds one line of JSON (UTF-8, keys in this order):

    {"format": "quay-mot-cua/enrol/1", "server": "<the server's public URL>", "agency_id": "<unit>",
     "counter": <number>, "token": "<the one-time token>"}

`format` names the payload and its version; `server` is the address the counters use (the console's own, as the
browser reached it: behind a proxy, the proxy's public name and scheme); `agency_id` and `counter` let the wizard
check the identity before spending the token; `token` is what `counter-app setup --token` takes. The token is
spent by the first installation that presents it, so a photographed code is worth nothing once used.
"""

from __future__ import annotations

import json

import qrcode
import qrcode.constants
from qrcode.image.svg import SvgPathImage

FORMAT = "quay-mot-cua/enrol/1"


def payload(server: str, agency_id: str, counter: int, token: str) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "server": server.rstrip("/"),
            "agency_id": agency_id,
            "counter": counter,
            "token": token,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def read_payload(text: str) -> dict[str, object]:
    """The fields of an enrolment payload (what a reader of the code does); ValueError when it is not one."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not an enrolment code")
    if not all(isinstance(data.get(k), str) and data[k] for k in ("server", "agency_id", "token")):
        raise ValueError("incomplete enrolment code")
    if not isinstance(data.get("counter"), int) or isinstance(data.get("counter"), bool):
        raise ValueError("incomplete enrolment code")
    return data


def qr_svg(text: str) -> str:
    """The QR code of `text` as an inline SVG element (no size of its own: the page's style sizes it)."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4, image_factory=SvgPathImage
    )
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    svg = code.make_image().to_string(encoding="unicode")
    start = svg.index("<svg")
    return svg[start:]
