"""Every word of the web console, in Vietnamese (the default) and English. Errors are sentences of
counter_app/messages.py; this module holds the pages' own labels, headings and hints."""

from __future__ import annotations

from ...messages import STATUS_NAMES

LANGS = ("vi", "en")

#: key → (Vietnamese, English); `{name}` placeholders are filled by the page.
WORDS: dict[str, tuple[str, str]] = {
    "app": ("Quầy Một cửa — máy chủ", "Quầy Một cửa — server"),
    "lang_vi": ("Tiếng Việt", "Tiếng Việt"),
    "lang_en": ("English", "English"),
    "role_admin": ("quản trị máy chủ", "server administrator"),
    "role_unit-leader": ("lãnh đạo đơn vị", "unit leader"),
    "role_province-leader": ("lãnh đạo tỉnh", "province leader"),
    "nav_units": ("Đơn vị và máy quầy", "Units and counters"),
    "nav_portal": ("Cổng Dịch vụ công", "National portal"),
    "nav_audit": ("Nhật ký quản trị", "Administration log"),
    "nav_figures": ("Số liệu", "Figures"),
    "signin": ("Đăng nhập", "Sign in"),
    "signout": ("Đăng xuất", "Sign out"),
    "signin_title": ("Đăng nhập trang quản trị máy chủ", "Sign in to the server console"),
    "signin_hint": (
        "Dành cho quản trị máy chủ và lãnh đạo; tài khoản do quản trị tạo bằng lệnh counter-server add-user.",
        "For the server administrator and leaders; accounts are made with counter-server add-user.",
    ),
    "username": ("Tên đăng nhập", "Username"),
    "password": ("Mật khẩu", "Password"),
    "form_token": ("Mã biểu mẫu", "Form token"),
    "error_title": ("Không thực hiện được", "Not done"),
    "back_home": ("Về trang chính", "Back to the start page"),
    "done_revoked": ("Đã thu hồi quyền kết nối của máy quầy.", "The counter's access was revoked."),
    "done_day_set": (
        "Đã công bố ngày cho các máy quầy của đơn vị.",
        "The day was published to the unit's counters.",
    ),
    "done_resent": ("Hồ sơ sẽ được gửi lại lên Cổng.", "The dossiers will be sent to the portal again."),
    "done_signed_out": ("Đã đăng xuất.", "Signed out."),
    "done_expired": (
        "Phiên làm việc đã hết hạn; hãy đăng nhập lại.",
        "Your session has expired; please sign in again.",
    ),
    # ---- units and counters
    "units_title": ("Đơn vị và máy quầy", "Units and counters"),
    "unit": ("Đơn vị", "Unit"),
    "unit_name": ("Tên đơn vị", "Unit name"),
    "agency_id": ("Mã định danh đơn vị", "Agency ID"),
    "counters_active": ("Quầy đang hoạt động", "Active counters"),
    "counters_all": ("Tổng số quầy", "All counters"),
    "dossiers": ("Hồ sơ", "Dossiers"),
    "slot_digits": ("Số chữ số của quầy trong mã hồ sơ", "Counter digits in dossier codes"),
    "portal": ("Kết nối Cổng", "Portal"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "no_units": (
        "Chưa có đơn vị nào. Đăng ký máy quầy đầu tiên của một đơn vị ở dưới.",
        "No unit yet. Enrol the first counter of a unit below.",
    ),
    "enrol_title": ("Đăng ký máy quầy", "Enrol a counter"),
    "enrol_hint": (
        "Máy chủ cấp một mã đăng ký dùng một lần; máy quầy dùng mã đó để kết nối.",
        "The server issues a one-time token; the counter uses it to join.",
    ),
    "counter_number": ("Số quầy", "Counter number"),
    "slot_keep": ("giữ như đơn vị đang dùng (mặc định 2)", "as the unit has it (default 2)"),
    "slot_two": ("2 chữ số (quầy 1–99)", "2 digits (counters 1–99)"),
    "slot_one": ("1 chữ số (quầy 1–9)", "1 digit (counters 1–9)"),
    "enrol": ("Cấp mã đăng ký", "Issue a token"),
    "counters_title": ("Máy quầy", "Counters"),
    "state": ("Trạng thái", "State"),
    "pending": ("Thay đổi chờ gửi", "Changes waiting"),
    "parked_on_server": ("Thay đổi máy chủ tạm giữ", "Changes parked by the server"),
    "last_contact": ("Liên lạc gần nhất", "Last contact"),
    "clock_skew": ("Lệch đồng hồ", "Clock skew"),
    "app_version": ("Phiên bản", "Version"),
    "enrolled_at": ("Kết nối lúc", "Joined"),
    "revoke": ("Thu hồi", "Revoke"),
    "skew_minutes": ("phút", "min"),
    "skew_hours": ("giờ", "h"),
    "skew_days": ("ngày", "days"),
    "counters_hint": (
        "Lệch đồng hồ = giờ máy chủ trừ giờ máy quầy (dương: đồng hồ máy quầy chậm); tô màu khi quá 5 phút. "
        "Thay đổi tạm giữ là những thay đổi máy chủ từ chối hoặc thấy xung đột, chờ người xử lý.",
        "Clock skew = server time minus the counter's (positive: the counter's clock is slow); highlighted beyond "
        "5 minutes. Parked changes are those the server refused or found in conflict, waiting for a person.",
    ),
    "no_counters": ("Đơn vị chưa có máy quầy nào.", "The unit has no counter yet."),
    "state_synced": ("đã đồng bộ", "synced"),
    "state_pending": ("còn thay đổi chờ gửi", "changes waiting"),
    "state_silent": ("lâu không liên lạc", "not heard from lately"),
    "state_never": ("chưa liên lạc", "not heard from yet"),
    "state_unreported": ("không báo thay đổi chờ gửi (phiên bản cũ)", "outbox not reported (older version)"),
    "state_waiting": ("chờ dùng mã đăng ký", "token not used yet"),
    "state_revoked": ("đã thu hồi", "revoked"),
    "enrolled_title": ("Mã đăng ký máy quầy", "Counter enrolment token"),
    "enrolled_for": ("Quầy {counter} của đơn vị {unit}.", "Counter {counter} of unit {unit}."),
    "token": ("Mã đăng ký", "Token"),
    "token_once": (
        "Mã chỉ hiện một lần và chỉ dùng được cho một lần kết nối. Không gửi mã qua thư điện tử hay tin nhắn.",
        "The token is shown once and joins one installation, once. Do not send it by e-mail or chat.",
    ),
    "enrol_on_counter": ("Trên máy quầy", "On the counter"),
    "enrol_command_hint": (
        "Quét mã QR bằng webcam trong trình thiết lập lần đầu, hoặc chạy lệnh:",
        "Scan the QR code with the webcam in the first-run wizard, or run:",
    ),
    "qr_label": ("Mã QR đăng ký máy quầy", "Counter enrolment QR code"),
    "qr_payload": ("Nội dung mã QR", "What the QR code holds"),
    "back_unit": ("Về trang đơn vị", "Back to the unit"),
    "revoke_title": ("Thu hồi máy quầy", "Revoke a counter"),
    "revoke_question": (
        "Thu hồi quyền kết nối của quầy {counter} thuộc đơn vị {unit}?",
        "Revoke the access of counter {counter} of unit {unit}?",
    ),
    "revoke_hint": (
        "Máy quầy sẽ bị từ chối ngay ở lần kết nối tiếp theo; dữ liệu đã gửi vẫn được giữ. Muốn cài lại, hãy cấp mã "
        "đăng ký mới.",
        "The counter is refused from its next request on; what it sent stays. To reinstall it, issue a new token.",
    ),
    "revoke_confirm": ("Thu hồi", "Revoke"),
    "cancel": ("Hủy", "Cancel"),
    # ---- catalogue and calendar
    "catalogue_title": ("Danh mục thủ tục", "Procedure catalogue"),
    "catalogue_published": ("Công bố lúc {at}: {n} thủ tục.", "Published {at}: {n} procedures."),
    "catalogue_hint": (
        "Chỉ xem. Danh mục được công bố bằng lệnh counter-server import-catalogue.",
        "Read only. The catalogue is published with counter-server import-catalogue.",
    ),
    "no_catalogue": ("Đơn vị chưa có danh mục trên máy chủ.", "The unit has no catalogue on the server."),
    "procedure_code": ("Mã thủ tục", "Procedure code"),
    "procedure": ("Thủ tục", "Procedure"),
    "field": ("Lĩnh vực", "Field"),
    "duration": ("Thời hạn", "Time limit"),
    "components": ("Thành phần", "Components"),
    "unit_working-days": ("ngày làm việc", "working days"),
    "unit_days": ("ngày", "days"),
    "unit_hours": ("giờ làm việc", "working hours"),
    "calendar_title": ("Lịch làm việc", "Working calendar"),
    "overrides_title": ("Ngày đơn vị tự quy định", "The unit's own days"),
    "notices_title": ("Ngày theo văn bản của Chính phủ", "Days set by government notices"),
    "day": ("Ngày", "Day"),
    "kind": ("Loại", "Kind"),
    "kind_off": ("nghỉ", "day off"),
    "kind_work": ("làm việc", "working day"),
    "kind_none": ("bỏ ngày đã công bố", "remove the published day"),
    "day_name": ("Tên ngày", "Name"),
    "document": ("Văn bản", "Notice"),
    "document_date": ("Ngày văn bản", "Notice date"),
    "updated_at": ("Cập nhật", "Updated"),
    "none_yet": ("Chưa có.", "None yet."),
    "set_day_title": ("Công bố một ngày", "Publish a day"),
    "set_day_hint": (
        "Không ghi văn bản: ngày do đơn vị quy định, áp dụng trên mọi quy định khác. Có văn bản (số hiệu và ngày): "
        "ngày theo thông báo của Chính phủ.",
        "Without a notice: the unit's own day, above everything else. With a notice (its number and date): a day "
        "a government notice decides.",
    ),
    "set_day": ("Công bố", "Publish"),
    # ---- national portal
    "portal_title": ("Hàng đợi gửi Cổng Dịch vụ công quốc gia", "National portal queue"),
    "portal_unit_code": ("Mã đơn vị trên Cổng", "Portal unit code"),
    "queued": ("Mục chờ gửi", "Items queued"),
    "sending": ("Mục đang gửi", "Items sending"),
    "sent": ("Mục đã gửi", "Items sent"),
    "parked": ("Hồ sơ tạm giữ", "Dossiers parked"),
    "held": ("Cổng đã có", "Held by the portal"),
    "last_success": ("Thành công gần nhất", "Last success"),
    "last_error": ("Lỗi gần nhất", "Last error"),
    "parked_dossiers": ("Hồ sơ tạm giữ của {unit}", "Parked dossiers of {unit}"),
    "dossier_code": ("Mã hồ sơ", "Dossier code"),
    "portal_message": ("Thông báo của Cổng", "The portal's message"),
    "resend": ("Gửi lại", "Send again"),
    "resend_all": ("Gửi lại mọi hồ sơ tạm giữ", "Send every parked dossier again"),
    "portal_hint": (
        "Hồ sơ bị Cổng từ chối được tạm giữ; sửa nguyên nhân rồi bấm Gửi lại.",
        "Dossiers the portal refused are parked; fix the cause, then send them again.",
    ),
    "no_portal": (
        "Chưa đơn vị nào kết nối Cổng (counter-server portal-config).",
        "No unit is connected to the portal (counter-server portal-config).",
    ),
    # ---- audit
    "audit_title": ("Nhật ký thao tác quản trị", "Log of administrative actions"),
    "at": ("Thời điểm", "When"),
    "actor": ("Người thực hiện", "Who"),
    "action": ("Thao tác", "Action"),
    "detail": ("Chi tiết", "Detail"),
    "older": ("Cũ hơn", "Older"),
    # ---- leaders' figures
    "figures_title": ("Số liệu giải quyết hồ sơ", "Dossier figures"),
    "figures_all_units": ("Tất cả đơn vị", "All units"),
    "from": ("Từ ngày", "From"),
    "to": ("Đến ngày", "To"),
    "show": ("Xem", "Show"),
    "export_xlsx": ("Xuất Excel", "Export to Excel"),
    "period": ("Kỳ báo cáo", "Period"),
    "as_of": ("Hồ sơ chưa xong tính đến", "Open dossiers judged at"),
    "as_of_hint": ("Hồ sơ chưa xong được tính đến {at}.", "Open dossiers are judged at {at}."),
    "on_time_rate": ("Tỷ lệ trước hạn, đúng hạn (766)", "On time, Decision 766"),
    "counted": ("Tiếp nhận và xử lý trong kỳ", "Received and processed"),
    "received": ("Tiếp nhận", "Received"),
    "on_time": ("Trước hạn, đúng hạn", "On time"),
    "late": ("Quá hạn", "Late"),
    "resolved": ("Đã giải quyết", "Resolved"),
    "resolved_on_time": ("Giải quyết đúng hạn", "Resolved on time"),
    "resolved_late": ("Giải quyết quá hạn", "Resolved late"),
    "returned": ("Đã trả kết quả", "Returned"),
    "portal_rate": ("Đồng bộ lên Cổng", "Synchronised to the portal"),
    "portal_synced": ("Đã đồng bộ lên Cổng", "Synchronised to the portal"),
    "portal_received": ("Tiếp nhận (đơn vị kết nối Cổng)", "Received (units on the portal)"),
    "by_unit": ("Theo đơn vị", "By unit"),
    "by_status": (
        "Theo trạng thái (hồ sơ tiếp nhận trong kỳ)",
        "By status (dossiers received in the period)",
    ),
    "by_field": ("Theo lĩnh vực", "By field"),
    "by_procedure": ("Theo thủ tục", "By procedure"),
    "status": ("Trạng thái", "Status"),
    "status_number": ("Mã trạng thái", "Status code"),
    "total": ("Tổng cộng", "Total"),
    "nothing_received": ("Không có hồ sơ trong kỳ.", "No dossier in the period."),
    "figures_hint": (
        "Chỉ số 766: hồ sơ đã và đang xử lý trước hạn, đúng hạn trên mọi hồ sơ tiếp nhận và xử lý trong kỳ (kể "
        "cả kỳ trước chuyển sang), tính trên dữ liệu các máy quầy đã gửi lên máy chủ. Đồng bộ lên Cổng: hồ sơ tiếp "
        "nhận trong kỳ mà Cổng đã có, trên hồ sơ tiếp nhận trong kỳ, chỉ với đơn vị đã kết nối Cổng.",
        "Decision 766 indicator: dossiers processed or being processed on time over every dossier received and "
        "processed in the period (carried over ones included), from what the counters have sent to the server. "
        "Synchronised to the portal: dossiers received in the period that the portal holds, over those received, "
        "for units connected to the portal only.",
    ),
    "xlsx_summary": ("Tổng hợp", "Summary"),
    "xlsx_status": ("Theo trạng thái", "By status"),
    "xlsx_procedures": ("Theo thủ tục", "By procedure"),
    "xlsx_fields": ("Theo lĩnh vực", "By field"),
}


def word(key: str, lang: str = "vi") -> str:
    """The label `key` in `lang` (an unknown key is a programming error: KeyError)."""
    pair = WORDS[key]
    return pair[1] if lang == "en" else pair[0]


def status_label(status: int, lang: str = "vi") -> str:
    pair = STATUS_NAMES.get(int(status))
    if pair is None:
        return str(status)
    return pair[1] if lang == "en" else pair[0]


def counter_state_label(state: str, lang: str = "vi") -> str:
    return word(f"state_{state}", lang)
