"""`counter-app --self-test`: checks an installed or frozen application end to end, one printed line per check.

Every check runs on copies in a temporary folder: the counter's real database is only read (through the
SQLite backup API), never migrated or written. A check ends OK, INFO, WARNING (absent hardware, a server
that cannot be reached) or FAILED (the installation is broken); the exit code is 1 when any check failed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

from . import APP_NAME, __version__

#: Characters every face of the form font must cover (all tone marks on the modified vowels, and đ).
VIETNAMESE_SAMPLE = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴđơư"
RASTER_DPI = 200
HEALTH_TIMEOUT_S = 5.0


class Level(Enum):
    OK = "ok"
    INFO = "info"
    WARNING = "warning"
    FAILED = "failed"


LABELS: dict[str, dict[Level, str]] = {
    "vi": {Level.OK: "OK", Level.INFO: "THÔNG TIN", Level.WARNING: "CẢNH BÁO", Level.FAILED: "LỖI"},
    "en": {Level.OK: "OK", Level.INFO: "INFO", Level.WARNING: "WARNING", Level.FAILED: "FAIL"},
}


@dataclass(frozen=True)
class Outcome:
    """What one check found: its level and a short detail in both languages."""

    level: Level
    vi: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Check:
    vi: str
    en: str
    run: Callable[[], Outcome]


def ok(vi: str, en: str) -> Outcome:
    return Outcome(Level.OK, vi, en)


def failed(vi: str, en: str) -> Outcome:
    return Outcome(Level.FAILED, vi, en)


def warning(vi: str, en: str) -> Outcome:
    return Outcome(Level.WARNING, vi, en)


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def ensure_headless_platform() -> None:
    """Use Qt's offscreen platform when there is no display to talk to and none was chosen."""
    if not sys.platform.startswith("linux"):
        return
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


class SelfTest:
    """The checks of one run; `workdir` is a scratch folder that the caller deletes afterwards."""

    def __init__(self, data_dir: Path, workdir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.workdir = Path(workdir)
        self.server_url = ""  # read from the copy of the database by `check_database`
        self._app: object | None = None  # the Qt application, created by the first check that needs it

    def checks(self) -> list[Check]:
        return [
            Check("Thư mục dữ liệu", "Data folder", self.check_data_folder),
            Check("Cơ sở dữ liệu", "Database", self.check_database),
            Check("Mã hóa dữ liệu", "Encryption at rest", self.check_encryption),
            Check("Nhật ký kiểm toán", "Audit trail", self.check_audit),
            Check("Danh mục thủ tục mẫu", "Sample catalogue", self.check_catalogue),
            Check("Lịch ngày nghỉ", "Holiday calendar", self.check_calendar),
            Check("Phông chữ tiếng Việt", "Vietnamese font", self.check_font),
            Check("Mẫu 01 và mã vạch", "Form 01 and barcodes", self.check_form),
            Check("Bản dịch", "Translations", self.check_translations),
            Check("Hiển thị (Qt)", "Display (Qt)", self.check_display),
            Check("Giao diện", "User interface", self.check_gui_modules),
            Check("In ấn", "Printing", self.check_printing),
            Check("Camera", "Camera", self.check_camera),
            Check("Máy chủ trung tâm", "Central server", self.check_server),
        ]

    # ---- storage -----------------------------------------------------------------------------------------------
    def check_data_folder(self) -> Outcome:
        folder = self.data_dir
        if not folder.exists():
            return Outcome(
                Level.INFO,
                f"{folder} (chưa có: được tạo ở lần chạy đầu)",
                f"{folder} (not created yet: made on first run)",
            )
        if not os.access(folder, os.W_OK):
            return failed(f"{folder}: không có quyền ghi", f"{folder}: not writable")
        return ok(str(folder), str(folder))

    def check_database(self) -> Outcome:
        from .messages import describe
        from .storage.database import available_migrations, create_database, schema_version
        from .storage.integrity import DatabaseDamagedError, check_profile_database
        from .storage.keystore import KeyMissingError
        from .storage.store import DB_NAME, CounterStore

        real = self.data_dir / DB_NAME
        copy_dir = self.workdir / "data"
        copy_dir.mkdir(parents=True, exist_ok=True)
        try:
            check_profile_database(real)  # read-only, on the real file: a copy could hide an empty one
            if real.exists():
                _copy_database(real, copy_dir / DB_NAME)
            else:  # a plain scratch file: the self-test never puts a key of its own into the key store
                create_database(copy_dir / DB_NAME)
        except (DatabaseDamagedError, KeyMissingError) as exc:
            return failed(describe(exc, "vi"), describe(exc, "en"))
        before = schema_version(copy_dir / DB_NAME)
        latest = max(m.number for m in available_migrations())
        if before > latest:
            return failed(
                f"dữ liệu của một phiên bản mới hơn (lược đồ {before} > {latest}): cài lại phiên bản mới",
                f"data from a newer release (schema {before} > {latest}): reinstall the newer release",
            )
        store = CounterStore(copy_dir)
        try:
            mode = str(store.db.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower()
            integrity = str(store.db.execute_sql("PRAGMA quick_check").fetchone()[0])
            dossiers = int(store.db.execute_sql("SELECT count(*) FROM dossier").fetchone()[0])
            pending = int(
                store.db.execute_sql("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0]
            )
            row = store.db.execute_sql("SELECT value FROM sync_state WHERE key = 'server_url'").fetchone()
            self.server_url = str(row[0]).strip() if row else ""
        finally:
            store.close()
        version = schema_version(copy_dir / DB_NAME)
        if mode != "wal":
            return failed(f"chế độ nhật ký {mode}, cần WAL", f"journal mode {mode}, WAL expected")
        if integrity != "ok":
            return failed(f"kiểm tra toàn vẹn: {integrity}", f"integrity check: {integrity}")
        if version != latest:
            return failed(
                f"lược đồ phiên bản {version}, cần {latest}", f"schema version {version}, {latest} expected"
            )
        if not real.exists():
            return ok(
                f"WAL; tệp thử mới nâng cấp lên lược đồ {latest}",
                f"WAL; a new scratch file migrated to schema {latest}",
            )
        migrated_vi = f"nâng cấp lược đồ {before}→{latest}" if before < latest else f"lược đồ {latest}"
        migrated_en = f"schema upgraded {before}→{latest}" if before < latest else f"schema {latest}"
        return ok(
            f"WAL, {migrated_vi} trên bản sao; {dossiers} hồ sơ, {pending} thay đổi chưa đồng bộ",
            f"WAL, {migrated_en} on a copy; {dossiers} dossiers, {pending} changes not yet synced",
        )

    def check_encryption(self) -> Outcome:
        """Whether the profile is encrypted (one sentence when it is not), and that SQLCipher with FTS5 works here."""
        from .app.encryption import state
        from .core.errors import DomainError
        from .messages import describe
        from .storage.cipher import self_check

        problem = self_check(self.workdir / "cipher-check.sqlite")
        if problem is not None:
            return failed(f"SQLCipher không dùng được: {problem}", f"SQLCipher does not work: {problem}")
        found = state(self.data_dir)
        sentence = DomainError(found.code, cipher=found.cipher, key_store=found.key_store or "")
        vi, en = describe(sentence, "vi"), describe(sentence, "en")
        if found.encrypted or found.code == "encryption.new_profiles":
            return ok(vi, en)
        return warning(vi, en)

    def check_audit(self) -> Outcome:
        """`counter-app audit verify` on the copy made by the database check."""
        from .storage.store import DB_NAME, CounterStore

        copy_dir = self.workdir / "data"
        if not (copy_dir / DB_NAME).exists():
            return Outcome(Level.INFO, "chưa có dữ liệu", "no data yet")
        store = CounterStore(copy_dir)
        try:
            check = store.audit.verify()
        finally:
            store.close()
        if check.broken is not None:
            return failed(
                f"bị sửa hoặc thiếu từ mục số {check.broken.seq} ({check.broken.reason})",
                f"changed or missing from entry {check.broken.seq} ({check.broken.reason})",
            )
        return ok(f"nguyên vẹn, {check.entries} mục", f"intact, {check.entries} entries")

    def check_catalogue(self) -> Outcome:
        from .storage.catalogue_files import load_seed_catalogue

        procedures = load_seed_catalogue()
        if not procedures:
            return failed("danh mục mẫu rỗng", "the sample catalogue is empty")
        return ok(f"{len(procedures)} thủ tục", f"{len(procedures)} procedures")

    def check_calendar(self) -> Outcome:
        from .core.calendar import WorkingCalendar, national_year
        from .storage.day_notices import load_day_notices

        year = date.today().year
        # the shipped notices file: a broken one fails here, not at the first receipt
        notices = load_day_notices()
        new_year = national_year(year, notices.not_holidays).holidays.get(date(year, 1, 1), "")
        if not new_year:
            return failed(f"không có ngày lễ năm {year}", f"no public holidays for {year}")
        calendar = WorkingCalendar(notices=notices)  # weekdays off and weekend days worked, notices included
        count, make_up = len(calendar.days_off(year)), len(calendar.make_up_days(year))
        last = notices.decided_through
        return ok(
            f"{year}: {count} ngày nghỉ lễ (1/1: {new_year}), {make_up} ngày làm bù; "
            f"thông báo nghỉ lễ đến năm {last}",
            f"{year}: {count} public holidays (1 Jan: {new_year}), {make_up} make-up working days; "
            f"day-off notices up to {last}",
        )

    # ---- documents ---------------------------------------------------------------------------------------------
    def check_font(self) -> Outcome:
        from reportlab.pdfbase import pdfmetrics

        from .documents.assets import fonts

        faces = fonts()
        missing: set[str] = set()
        for name in (faces.regular, faces.bold, faces.italic, faces.bold_italic):
            covered = pdfmetrics.getFont(name).face.charToGlyph  # type: ignore[attr-defined]
            missing |= {c for c in VIETNAMESE_SAMPLE if ord(c) not in covered}
        if missing:
            chars = "".join(sorted(missing))
            return failed(f"thiếu ký tự: {chars}", f"missing characters: {chars}")
        return ok(
            f"{faces.regular}: đủ 4 kiểu, đủ dấu tiếng Việt", f"{faces.regular}: 4 faces, full Vietnamese"
        )

    def check_form(self) -> Outcome:
        import pypdfium2 as pdfium

        from .devices.decoding import CODE128, QR, decode_image, decode_zbar, decode_zxing
        from .documents import FormKind, Paper, render_form
        from .documents.specimen import NAMES, UNIT, specimen_dossier

        dossier = specimen_dossier()
        pdf = render_form(FormKind.RECEIPT, dossier, UNIT, paper=Paper.A5, names=NAMES)
        (self.workdir / "form-01.pdf").write_bytes(pdf)
        document = pdfium.PdfDocument(pdf)
        try:
            gray = document[0].render(scale=RASTER_DPI / 72, grayscale=True).to_numpy()
        finally:
            document.close()
        code = dossier.code or ""
        unread = [
            f"{symbology}/{decoder.__name__.removeprefix('decode_')}"
            for symbology in (CODE128, QR)
            for decoder in (decode_zxing, decode_zbar)
            if code not in {d.text for d in decoder(gray, (symbology,))}
        ]
        if code not in {d.text for d in decode_image(gray)}:
            unread.append("pipeline")
        if unread:
            return failed(
                f"không đọc lại được mã hồ sơ: {', '.join(unread)}",
                f"dossier code not read back: {', '.join(unread)}",
            )
        size = f"{len(pdf) // 1024} KB"
        return ok(
            f"PDF {size}; Code 128 và QR đọc lại được (zxing, zbar)",
            f"PDF {size}; Code 128 and QR read back (zxing, zbar)",
        )

    # ---- Qt ----------------------------------------------------------------------------------------------------
    def check_translations(self) -> Outcome:
        from PySide6.QtCore import QTranslator

        from . import shipped

        folder = shipped.translations()
        files = sorted(folder.glob("*.qm"))
        if not any(f.stem.endswith("_en") for f in files):
            vi, en = "không có bản dịch tiếng Anh (.qm)", "no English translation (.qm)"
            if is_frozen() or not any(folder.glob("*.ts")):  # installed without them, not a source checkout
                return failed(vi, en)
            return warning(f"{vi}: chạy `make translations`", f"{en}: run `make translations`")
        broken = [f.name for f in files if not QTranslator().load(str(f))]
        if broken:
            return failed(f"không nạp được {', '.join(broken)}", f"cannot load {', '.join(broken)}")
        names = ", ".join(f.name for f in files)
        return ok(names, names)

    def check_display(self) -> Outcome:
        from PySide6.QtCore import QPluginLoader

        self._application()
        wanted = "qwindows" if sys.platform == "win32" else "qxcb"
        found = _plugins("platforms")
        plugin = next((p for p in found if wanted in p.stem), None)
        names = ", ".join(sorted({_plugin_name(p) for p in found}))
        if plugin is None:
            return failed(f"thiếu plugin {wanted} (có: {names})", f"plugin {wanted} missing (found: {names})")
        loader = QPluginLoader(str(plugin))
        if not loader.load():
            return warning(
                f"{wanted} không nạp được (thiếu thư viện hệ thống?): {loader.errorString()}",
                f"{wanted} cannot load (system library missing?): {loader.errorString()}",
            )
        loader.unload()
        return ok(names, names)

    def check_gui_modules(self) -> Outcome:
        import importlib
        import pkgutil

        from . import gui

        self._application()
        names = sorted(m.name for m in pkgutil.walk_packages(gui.__path__, prefix=f"{gui.__name__}."))
        broken = []
        for name in names:
            try:
                importlib.import_module(name)
            except ImportError as exc:
                broken.append(f"{name} ({exc})")
        if broken or not names:
            return failed(f"không nạp được: {'; '.join(broken)}", f"cannot import: {'; '.join(broken)}")
        return ok(f"{len(names)} mô-đun nạp được", f"{len(names)} modules import")

    def check_printing(self) -> Outcome:
        from PySide6.QtPrintSupport import QPrinterInfo

        self._application()
        if sys.platform.startswith("linux") and not _plugins("printsupport"):
            return failed("thiếu plugin in (printsupport)", "print support plugin missing")
        printers = QPrinterInfo.availablePrinterNames()
        if not printers:
            return warning(
                "QtPrintSupport sẵn sàng; chưa có máy in nào", "QtPrintSupport ready; no printer installed"
            )
        default = QPrinterInfo.defaultPrinterName() or printers[0]
        return ok(
            f"{len(printers)} máy in, mặc định: {default}", f"{len(printers)} printer(s), default: {default}"
        )

    def check_camera(self) -> Outcome:
        if sys.platform.startswith("linux"):  # the kernel's V4L2 devices, as the counter opens them
            from .devices.camera import v4l2_cameras

            cameras = [f"{name} (/dev/video{index})" for index, name in v4l2_cameras()]
            if not cameras:
                return warning("V4L2 sẵn sàng; không thấy camera", "V4L2 ready; no camera found")
            return ok(", ".join(cameras), ", ".join(cameras))
        from PySide6.QtMultimedia import QMediaDevices

        self._application()
        if not _plugins("multimedia"):
            return failed("thiếu plugin đa phương tiện (multimedia)", "multimedia plugin missing")
        cameras = [c.description() for c in QMediaDevices.videoInputs()]
        if not cameras:
            return warning("QtMultimedia sẵn sàng; không thấy camera", "QtMultimedia ready; no camera found")
        return ok(", ".join(cameras), ", ".join(cameras))

    def _application(self) -> None:
        """Make sure a Qt application exists (offscreen when there is no display); kept for the whole run."""
        from PySide6.QtCore import QCoreApplication, QLoggingCategory
        from PySide6.QtWidgets import QApplication

        if self._app is None and QCoreApplication.instance() is None:
            ensure_headless_platform()
            # Qt Multimedia lists every optional codec library it cannot find; that is noise here.
            QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false")
            self._app = QApplication([sys.argv[0] if sys.argv else "counter-app"])

    # ---- network -----------------------------------------------------------------------------------------------
    def check_server(self) -> Outcome:
        import httpx

        url = self.server_url
        if not url:
            return Outcome(Level.INFO, "chưa cấu hình", "not configured")
        from .sync.client import is_certificate_failure
        from .sync.wording import describe_sync

        try:
            response = httpx.get(url.rstrip("/") + "/health", timeout=HEALTH_TIMEOUT_S)
        except httpx.HTTPError as exc:
            if is_certificate_failure(exc):
                return failed(
                    f"{url}: {describe_sync('sync.certificate', 'vi')}",
                    f"{url}: {describe_sync('sync.certificate', 'en')}",
                )
            return warning(
                f"{url} không trả lời ({type(exc).__name__}); quầy vẫn làm việc ngoại tuyến",
                f"{url} does not answer ({type(exc).__name__}); the counter keeps working offline",
            )
        body: Any = None
        with contextlib.suppress(ValueError):
            body = response.json()
        if response.status_code != 200 or not isinstance(body, dict) or body.get("status") != "ok":
            return failed(
                f"{url} trả lời HTTP {response.status_code}, không phải máy chủ Một cửa",
                f"{url} answered HTTP {response.status_code}, not a counter server",
            )
        return ok(f"{url} trả lời", f"{url} answers")


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database file (the source is only read), encrypted like it with the same key.

    The profile ID goes along, so that the copy finds its key in the key store as the original does.
    """
    import shutil

    from .storage.cipher import copy_database
    from .storage.database import database_key
    from .storage.keystore import PROFILE_ID_FILE

    key = database_key(source)
    if (source.parent / PROFILE_ID_FILE).is_file():
        shutil.copyfile(source.parent / PROFILE_ID_FILE, target.parent / PROFILE_ID_FILE)
    copy_database(source, target, key, key)


def _plugins(kind: str) -> list[Path]:
    """Plugin files of `kind` (platforms, printsupport, …) in Qt's plugin search paths."""
    from PySide6.QtCore import QCoreApplication

    found: list[Path] = []
    for folder in QCoreApplication.libraryPaths():
        sub = Path(folder) / kind
        if sub.is_dir():
            found += [p for p in sub.iterdir() if p.suffix in (".so", ".dll", ".dylib")]
    return found


def _plugin_name(path: Path) -> str:
    return path.stem.removeprefix("lib")


def run_checks(data_dir: Path, lang: str, out: TextIO) -> int:
    """Run every check, print one line each and a summary; 1 if any failed, else 0."""
    labels = LABELS["en" if lang == "en" else "vi"]
    width = max(len(label) for label in labels.values())
    counts = dict.fromkeys(Level, 0)
    title = f"{APP_NAME} {__version__}" + (" (bundle)" if is_frozen() else "")
    print(title, file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="counter-selftest-") as scratch:
        suite = SelfTest(data_dir, Path(scratch))
        for check in suite.checks():
            try:
                outcome = check.run()
            except Exception as exc:  # a check that crashes is a failed check, with the reason on one line
                frames = traceback.extract_tb(exc.__traceback__)
                where = next((f for f in reversed(frames) if not f.filename.startswith("<")), frames[-1])
                outcome = failed(
                    f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})",
                    f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})",
                )
            counts[outcome.level] += 1
            name = check.en if lang == "en" else check.vi
            print(f"{labels[outcome.level]:<{width}}  {name}: {outcome.text(lang)}", file=out, flush=True)
    if lang == "en":
        summary = f"{counts[Level.FAILED]} failed, {counts[Level.WARNING]} warning(s)"
    else:
        summary = f"{counts[Level.FAILED]} lỗi, {counts[Level.WARNING]} cảnh báo"
    print(summary, file=out, flush=True)
    return 1 if counts[Level.FAILED] else 0


def run_self_test(ctx: Any) -> int:
    """Entry point of `counter-app --self-test` (ctx: the CLI context with `data_dir`, `lang` and `out`)."""
    ensure_headless_platform()
    return run_checks(Path(ctx.data_dir), ctx.lang, ctx.out)
