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
    "event.state_mismatch": (
        "Thay đổi ghi hạn trả, trạng thái hoặc mã hồ sơ khác với những gì bước xử lý này được phép thay đổi.",
        "The change states an appointment, status or code that this step may not change.",
    ),
    "payload.invalid": ("Dữ liệu thay đổi không hợp lệ.", "The change's data is invalid."),
    "payload.too_large": ("Thay đổi quá lớn.", "The change is too large."),
    "request.too_large": ("Gói dữ liệu gửi lên quá lớn.", "The request is too large."),
    "request.invalid": ("Máy chủ không đọc được yêu cầu.", "The server could not read the request."),
    "officer.invalid": (
        "Thay đổi không ghi tên một tài khoản cán bộ của quầy.",
        "The change does not name an officer account of the counter.",
    ),
    "officer.mismatch": (
        "Các bước của hồ sơ ghi tên cán bộ khác với người gửi thay đổi.",
        "The dossier's steps name another officer than the change.",
    ),
    "kind.unknown": ("Loại thay đổi không được hỗ trợ.", "Unsupported kind of change."),
    "sync.unreachable": ("Không kết nối được máy chủ.", "The server cannot be reached."),
    "sync.certificate": (
        "Chứng chỉ bảo mật (TLS) của máy chủ không hợp lệ hoặc không được tin cậy; báo quản trị máy chủ kiểm tra "
        "chứng chỉ, quầy vẫn làm việc ngoại tuyến.",
        "The server's security (TLS) certificate is invalid or not trusted; ask the server administrator to check "
        "it, the counter keeps working offline.",
    ),
    "sync.server_error": ("Máy chủ gặp lỗi; sẽ thử lại.", "The server failed; will retry."),
    "sync.refused": ("Máy chủ từ chối yêu cầu.", "The server refused the request."),
    "sync.auth": (
        "Máy chủ không chấp nhận mã truy cập của quầy.",
        "The server does not accept this counter's token.",
    ),
    "auth.invalid": ("Mã truy cập của quầy không hợp lệ.", "The counter's token is not valid."),
    "auth.revoked": ("Mã truy cập của quầy đã bị thu hồi.", "The counter's token has been revoked."),
    "auth.missing": ("Thiếu mã truy cập của quầy.", "The counter's token is missing."),
    "auth.token_used": (
        "Mã đăng ký này đã được dùng; hãy xin quản trị máy chủ cấp mã mới (counter-server add-counter).",
        "This enrolment token was already used; ask the server administrator for a new one (add-counter).",
    ),
    "auth.throttled": (
        "Quá nhiều lần xác thực sai từ máy này; máy chủ tạm từ chối, hãy thử lại sau.",
        "Too many failed authentications from this machine; the server refuses for a while, try again later.",
    ),
    "sync.insecure_url": (
        "Địa chỉ máy chủ dùng http:// không mã hóa: mã truy cập và hồ sơ sẽ đi qua mạng không được bảo vệ. "
        "Hãy dùng https://, hoặc thêm --insecure nếu quản trị đã chấp nhận rủi ro này.",
        "The server address uses unencrypted http://: the token and every dossier would cross the network "
        "in clear. Use https://, or add --insecure if the administrator accepts that risk.",
    ),
    "sync.bad_url": (
        "Địa chỉ máy chủ phải có dạng https://tên-máy[:cổng].",
        "The server address must look like https://host[:port].",
    ),
    "download.code_taken": (
        "Hồ sơ tải về trùng mã với một hồ sơ của quầy này; cần người kiểm tra và cấp lại mã cho một trong hai.",
        "A downloaded dossier has the same code as one of this counter's; a person must check and re-code one.",
    ),
    "codes.on_hold": (
        "Quầy này vừa được cài lại hoặc khôi phục: chưa cấp mã hồ sơ cho đến khi đồng bộ xong với máy chủ lần đầu.",
        "This counter was reinstalled or restored: no dossier code is issued until its first sync with the "
        "server has finished.",
    ),
    "download.invalid": (
        "Máy chủ gửi về một mục không đọc được; các mục khác vẫn được cập nhật.",
        "The server sent an item that cannot be read; the other items were still applied.",
    ),
    "sync.not_configured": (
        "Quầy chưa kết nối máy chủ (counter-app setup --server URL --token TOKEN).",
        "This counter has not joined a server (counter-app setup --server URL --token TOKEN).",
    ),
    "sync.identity_mismatch": (
        "Mã đơn vị hoặc số quầy khác với đăng ký trên máy chủ.",
        "The agency ID or counter number differs from the server's enrolment.",
    ),
    "sync.code_scheme_mismatch": (
        "Máy quầy này đang giữ mã hồ sơ (ví dụ {example}) mà cách ghi số quầy của đơn vị trên máy chủ "
        "({slot_digits} chữ số) sẽ hiểu thành mã của quầy khác, nên chưa kết nối. Hãy nhờ quản trị máy chủ chọn "
        "cùng số chữ số với máy quầy (add-counter --slot-digits), rồi kết nối lại với mã đăng ký mới.",
        "This counter holds dossier codes (e.g. {example}) that the unit's counter slots on the server "
        "({slot_digits} digits) would read as another counter's, so it did not join. Ask the server administrator "
        "to choose the counter's slot width for the unit (add-counter --slot-digits), then join with a new token.",
    ),
}


def describe_sync(code: str, lang: str = "vi") -> str:
    """One sentence for a sync code; an unknown code is shown as itself."""
    pair = SYNC_MESSAGES.get(code)
    if pair is None:
        return code
    return pair[1] if lang == "en" else pair[0]
