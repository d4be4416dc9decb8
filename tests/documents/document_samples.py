"""Sample dossiers with long Vietnamese names (typed decomposed) and probes that read back what a PDF contains."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from counter_app.core.model import (
    ApplicantKind,
    Dossier,
    DossierEvent,
    DurationUnit,
    Fee,
    HandedComponent,
    IdType,
    Person,
    Procedure,
    Representative,
    Status,
    UnitConfig,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


RECEIVED = datetime(2026, 10, 27, 14, 30)
APPOINTMENT = datetime(2026, 11, 3, 14, 30)
CODE = "000.00.06.H56-261027-0361"
APPLICANT_NAME = "Tôn Nữ Thị Huyền Trân Nguyễn Phước Bảo Ngọc Khánh Linh"
ADDRESS = (
    "Căn hộ số 1208, tầng 12, tòa nhà Hoàng Thành Tower, số 114 đường Mai Hắc Đế, tổ dân phố số 7, "
    "khu phố Nguyễn Du, phường Hai Bà Trưng, thành phố Hà Nội, gần ngã tư Đại Cồ Việt và Lê Đại Hành"
)
REPRESENTATIVE_NAME = "Nguyễn Phước Vĩnh Thụy Đoan Trang Ưng Hoàng"
OFFICER_NAME = "Trương Thị Ngọc Ánh"
PROCEDURE_NAME = (
    "Cấp bản sao trích lục hộ tịch, xác nhận thông tin hộ tịch và ghi vào sổ việc thay đổi hộ tịch"
)
NAMES = {"anh.tt": OFFICER_NAME, "hung.lv": "Lê Văn Hùng", "dung.pq": "Phạm Quốc Dũng"}


def make_unit(**changes: object) -> UnitConfig:
    values: dict[str, object] = {
        "agency_id": "000.00.06.H56",
        "agency_name": nfd("Trung tâm Phục vụ hành chính công phường Hai Bà Trưng"),
        "parent_body": nfd("UBND phường Hai Bà Trưng"),
        "place": nfd("Hai Bà Trưng"),
        "counter": 3,
        "phone": "024 3978 1234",
    }
    values.update(changes)
    return UnitConfig(**values)  # type: ignore[arg-type]


def make_dossier(components: int = 4, **changes: object) -> Dossier:
    """A received, transferred, finished and returned dossier; every Vietnamese text is NFD."""
    procedure = Procedure(
        code="2.000635",
        name=nfd(PROCEDURE_NAME),
        field=nfd("Hộ tịch"),
        resolving_agency=nfd("UBND phường Hai Bà Trưng"),
        duration=5,
        duration_unit=DurationUnit.WORKING_DAYS,
        fees=(Fee(nfd("Lệ phí"), 8000),),
    )
    handed = tuple(
        HandedComponent(
            i,
            nfd(f"Giấy tờ số {i}: bản sao giấy khai sinh, sổ hộ khẩu và giấy xác nhận tình trạng hôn nhân"),
            originals=1,
            certified_copies=i % 3,
            photocopies=2,
        )
        for i in range(1, components + 1)
    )
    history = (
        DossierEvent("e1", RECEIVED, "anh.tt", "receive", Status.RECEIVED, None, unit=nfd("Bộ phận Một cửa")),
        DossierEvent(
            "e2",
            RECEIVED + timedelta(minutes=30),
            "anh.tt",
            "transfer",
            Status.PROCESSING,
            Status.RECEIVED,
            unit=nfd("Công chức Tư pháp - Hộ tịch"),
            receiver="hung.lv",
            data={"step_due": datetime(2026, 10, 30, 17, 0).isoformat()},
        ),
        DossierEvent(
            "e3",
            datetime(2026, 10, 30, 10, 0),
            "hung.lv",
            "transfer",
            Status.PROCESSING,
            Status.PROCESSING,
            unit=nfd("Lãnh đạo UBND phường"),
            receiver="dung.pq",
            data={"step_due": datetime(2026, 11, 2, 17, 0).isoformat()},
        ),
        DossierEvent(
            "e4",
            datetime(2026, 11, 3, 9, 0),
            "dung.pq",
            "advance",
            Status.RESULT_READY,
            Status.PROCESSING,
            unit=nfd("Bộ phận Một cửa"),
            receiver="anh.tt",
            note=nfd("Đã ký duyệt, chuyển trả kết quả"),
        ),
        DossierEvent(
            "e5",
            datetime(2026, 11, 3, 15, 10),
            "anh.tt",
            "return",
            Status.RETURNED,
            Status.RESULT_READY,
            unit=nfd("Bộ phận Một cửa"),
            data={"return_method": "counter"},
        ),
    )
    values: dict[str, object] = {
        "id": "0192f0d2-0000-7000-8000-000000000001",
        "agency_id": "000.00.06.H56",
        "procedure": procedure,
        "applicant": Person(
            name=nfd(APPLICANT_NAME),
            identifier="046301012345",
            id_type=IdType.PERSONAL_ID,
            kind=ApplicantKind.CITIZEN,
            address=nfd(ADDRESS),
            phone="0912345678",
            email="huyentran.nguyenphuoc@example.vn",
        ),
        "status": Status.RETURNED,
        "received_at": RECEIVED,
        "officer": "anh.tt",
        "counter": 3,
        "code": CODE,
        "representative": Representative(
            Person(name=nfd(REPRESENTATIVE_NAME), identifier="079095006789", address=nfd(ADDRESS)),
            nfd("Giấy ủy quyền số 15/2026/UQ ngày 20/10/2026, chứng thực tại UBND phường Hai Bà Trưng"),
        ),
        "components": handed,
        "sets": 1,
        "appointment": APPOINTMENT,
        "unit": nfd("Bộ phận Một cửa"),
        "missing": (nfd("Bản chính Giấy chứng sinh"), nfd("Giấy tờ chứng minh nơi cư trú của người yêu cầu")),
        "reason": nfd("Hồ sơ thiếu thành phần theo quy định tại Luật Hộ tịch"),
        "book_volume": "02/2026",
        "book_entry": 361,
        "history": history,
    }
    values.update(changes)
    return Dossier(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class FontUse:
    name: str
    embedded: bool


class Probe:
    """Reads back what a PDF really contains: text, fonts, where characters sit, what scanners decode."""

    @staticmethod
    def text(pdf: bytes) -> str:
        """All pages' text with runs of white space (line breaks included) collapsed to one space."""
        reader = PdfReader(io.BytesIO(pdf))
        raw = " ".join(page.extract_text() or "" for page in reader.pages)
        return re.sub(r"\s+", " ", raw).strip()

    @staticmethod
    def page_texts(pdf: bytes) -> list[str]:
        reader = PdfReader(io.BytesIO(pdf))
        return [re.sub(r"\s+", " ", page.extract_text() or "").strip() for page in reader.pages]

    @staticmethod
    def pages(pdf: bytes) -> int:
        return len(PdfReader(io.BytesIO(pdf)).pages)

    @staticmethod
    def metadata(pdf: bytes) -> dict[str, str]:
        meta = PdfReader(io.BytesIO(pdf)).metadata or {}
        return {str(k): str(v) for k, v in meta.items()}

    @staticmethod
    def fonts(pdf: bytes) -> list[FontUse]:
        """Every font resource of every page (and of its form XObjects), and whether its program is embedded."""
        reader = PdfReader(io.BytesIO(pdf))
        found: list[FontUse] = []

        def visit(resources: object) -> None:
            if not resources:
                return
            res = resources.get_object()  # type: ignore[attr-defined]
            for font in (res.get("/Font") or {}).values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
                found.append(FontUse(str(font.get("/BaseFont")), embedded))
            for xobject in (res.get("/XObject") or {}).values():
                visit(xobject.get_object().get("/Resources"))

        for page in reader.pages:
            visit(page.get("/Resources"))
        return found

    @staticmethod
    def chars(pdf: bytes) -> list[tuple[int, str, tuple[float, float, float, float], tuple[float, float]]]:
        """(page, character, loose box in points, page size) for every non-blank character pdfium finds."""
        out = []
        doc = pdfium.PdfDocument(pdf)
        for index in range(len(doc)):
            page = doc[index]
            size = page.get_size()
            textpage = page.get_textpage()
            for i in range(textpage.count_chars()):
                ch = textpage.get_text_range(i, 1)
                if not ch.strip():
                    continue
                out.append((index, ch, textpage.get_charbox(i, loose=True), size))
        doc.close()
        return out

    @staticmethod
    def raster(pdf: bytes, dpi: int, page: int = 0) -> Image.Image:
        doc = pdfium.PdfDocument(pdf)
        image = doc[page].render(scale=dpi / 72).to_pil().convert("L")
        doc.close()
        return image

    @staticmethod
    def decode(image: Image.Image) -> dict[str, zxingcpp.Barcode]:
        """Decoded symbols by format name (`Code128`, `QRCode`)."""
        return {r.format.name: r for r in zxingcpp.read_barcodes(image)}

    @staticmethod
    def bar_runs(image: Image.Image, barcode: zxingcpp.Barcode) -> tuple[list[int], int, int]:
        """Along the middle scan line of a decoded linear symbol: dark run lengths, white margins left and right."""
        pixels = np.asarray(image) < 128
        pos = barcode.position
        xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
        ys = [pos.top_left.y, pos.top_right.y, pos.bottom_left.y, pos.bottom_right.y]
        vertical = barcode.orientation in (90, -90, 270)
        line = pixels[:, (min(xs) + max(xs)) // 2] if vertical else pixels[(min(ys) + max(ys)) // 2, :]
        dark = np.flatnonzero(line)
        # the symbol: the dark pixels around the decoder's reported extent
        lo, hi = (min(ys), max(ys)) if vertical else (min(xs), max(xs))
        inside = dark[(dark >= lo - 2) & (dark <= hi + 2)]
        first, last = int(inside[0]), int(inside[-1])
        runs, run = [], 0
        for value in line[first : last + 1]:
            if value:
                run += 1
            elif run:
                runs.append(run)
                run = 0
        runs.append(run)
        before = dark[dark < first]
        after = dark[dark > last]
        left = first - (int(before[-1]) + 1 if before.size else 0)
        right = (int(after[0]) if after.size else line.size) - last - 1
        return runs, left, right
