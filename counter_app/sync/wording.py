"""Sentences for sync codes (reasons a change was parked, why a cycle failed), Vietnamese first, then English."""

from __future__ import annotations

SYNC_MESSAGES: dict[str, tuple[str, str]] = {
    "change.content_mismatch": (
        "Máy chủ đã nhận một thay đổi cùng mã nhưng khác nội dung.",
        "The server holds a change with the same ID but different content.",
    ),
    "auth.counter_mismatch": (
        "Thay đổi ghi số quầy khác với quầy đã đăng ký với máy chủ.",
        "The change names another counter than the one enrolled on the server.",
    ),
    "auth.agency_mismatch": (
        "Hồ sơ thuộc đơn vị khác; quầy không được ghi hồ sơ này.",
        "The dossier belongs to another agency; this counter may not write it.",
    ),
    "code.format": ("Mã hồ sơ không đúng định dạng.", "The dossier code is malformed."),
    "code.slot": (
        "Mã hồ sơ không thuộc dải số của quầy này.",
        "The dossier code is not in this counter's number range.",
    ),
    "code.taken": (
        "Mã hồ sơ đã được dùng cho hồ sơ khác.",
        "The dossier code is already used by another dossier.",
    ),
    "dossier.exists": ("Hồ sơ đã có trên máy chủ.", "The dossier already exists on the server."),
    "dossier.unknown": ("Máy chủ chưa có hồ sơ này.", "The server does not know this dossier."),
    "dossier.blocked": (
        "Đang chờ một thay đổi trước đó của cùng hồ sơ.",
        "Waiting for an earlier change of the same dossier.",
    ),
    "version.conflict": (
        "Hồ sơ đã được cập nhật ở quầy khác; cần người kiểm tra.",
        "The dossier was updated at another counter; a person must check it.",
    ),
    "version.ahead": (
        "Máy chủ chưa nhận thay đổi trước đó của hồ sơ.",
        "The server has not received an earlier change of the dossier.",
    ),
    "event.exists": ("Bước xử lý này đã có trên máy chủ.", "This step is already on the server."),
    "transition.forbidden": (
        "Chuyển trạng thái không được phép theo quy định.",
        "The rules do not allow this status change.",
    ),
    "payload.invalid": ("Dữ liệu thay đổi không hợp lệ.", "The change's data is invalid."),
    "payload.too_large": ("Thay đổi quá lớn.", "The change is too large."),
    "request.too_large": ("Gói dữ liệu gửi lên quá lớn.", "The request is too large."),
    "request.invalid": ("Máy chủ không đọc được yêu cầu.", "The server could not read the request."),
    "kind.unknown": ("Loại thay đổi không được hỗ trợ.", "Unsupported kind of change."),
    "sync.unreachable": ("Không kết nối được máy chủ.", "The server cannot be reached."),
    "sync.server_error": ("Máy chủ gặp lỗi; sẽ thử lại.", "The server failed; will retry."),
    "sync.refused": ("Máy chủ từ chối yêu cầu.", "The server refused the request."),
    "sync.auth": (
        "Máy chủ không chấp nhận mã truy cập của quầy.",
        "The server does not accept this counter's token.",
    ),
    "auth.invalid": ("Mã truy cập của quầy không hợp lệ.", "The counter's token is not valid."),
    "auth.revoked": ("Mã truy cập của quầy đã bị thu hồi.", "The counter's token has been revoked."),
    "auth.missing": ("Thiếu mã truy cập của quầy.", "The counter's token is missing."),
    "sync.not_configured": (
        "Quầy chưa kết nối máy chủ (counter-app setup --server URL --token TOKEN).",
        "This counter has not joined a server (counter-app setup --server URL --token TOKEN).",
    ),
    "sync.identity_mismatch": (
        "Mã đơn vị hoặc số quầy khác với đăng ký trên máy chủ.",
        "The agency ID or counter number differs from the server's enrolment.",
    ),
}


def describe_sync(code: str, lang: str = "vi") -> str:
    """One sentence for a sync code; an unknown code is shown as itself."""
    pair = SYNC_MESSAGES.get(code)
    if pair is None:
        return code
    return pair[1] if lang == "en" else pair[0]
