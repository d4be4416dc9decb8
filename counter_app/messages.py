"""The one place where error codes from the domain become sentences, in Vietnamese (default) or English."""

from __future__ import annotations

from .core.errors import DomainError, ValidationError, ValidationErrors
from .sync.wording import SYNC_MESSAGES

#: Field names as the officer knows them.
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("Họ và tên", "Full name"),
    "identifier": ("Số giấy tờ tùy thân", "Identifier"),
    "phone": ("Số điện thoại", "Phone"),
    "email": ("Email", "Email"),
    "address": ("Địa chỉ", "Address"),
    "birth_date": ("Ngày sinh", "Date of birth"),
    "authorisation_paper": ("Giấy ủy quyền", "Authorisation paper"),
    "agency_id": ("Mã định danh cơ quan", "Agency ID"),
    "agency_name": ("Tên đơn vị", "Unit name"),
    "parent_body": ("Cơ quan chủ quản", "Governing body"),
    "place": ("Địa danh", "Place"),
    "counter": ("Số quầy", "Counter number"),
    "reason": ("Lý do", "Reason"),
    "missing": ("Giấy tờ cần bổ sung", "Missing papers"),
    "username": ("Tên đăng nhập", "Username"),
    "full_name": ("Họ và tên", "Full name"),
    "password": ("Mật khẩu", "Password"),
    "components": ("Thành phần hồ sơ", "Dossier components"),
    "code": ("Mã hồ sơ", "Dossier code"),
    "office_hours": ("Giờ làm việc", "Office hours"),
    "id_type": ("Loại giấy tờ", "Document type"),
    "new_appointment": ("Ngày hẹn trả mới", "New appointment"),
    "requested_at": ("Ngày công dân đề nghị", "Date of the citizen's request"),
    "old_id": ("Số CMND cũ", "Old ID card number"),
    "sex": ("Giới tính", "Sex"),
    "issued": ("Ngày cấp", "Date of issue"),
    "id_card": ("Thẻ căn cước", "ID card"),
}

#: code → (Vietnamese, English); `{field}` is the field's name, other braces are the error's params.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field} không được để trống.", "{field} is required."),
    "new_appointment.not_working_time": (
        "Ngày hẹn trả mới phải trong giờ làm việc của một ngày làm việc.",
        "The new appointment must be within office hours on a working day.",
    ),
    "new_appointment.not_later": (
        "Ngày hẹn trả mới phải sau ngày hẹn đang áp dụng.",
        "The new appointment must come after the appointment in force.",
    ),
    "requested_at.after_stop": (
        "Ngày công dân đề nghị dừng không thể sau thời điểm dừng xử lý.",
        "The citizen's request cannot come after the stop.",
    ),
    "role.forbidden": (
        "Tài khoản «{user}» ({role_name}) không được phép {operation_name}.",
        "The account «{user}» ({role_name}) may not {operation_name}.",
    ),
    "account.inactive": (
        "Tài khoản «{user}» đã bị khóa.",
        "The account «{user}» is inactive.",
    ),
    "too_long": ("{field} dài quá {max} ký tự.", "{field} is longer than {max} characters."),
    "invalid_chars": ("{field} chứa ký tự không hợp lệ.", "{field} contains invalid characters."),
    "id.personal_format": (
        "Số định danh cá nhân phải gồm đúng 12 chữ số.",
        "A personal identification number has exactly 12 digits.",
    ),
    "id.province": (
        "Mã tỉnh trong số định danh không hợp lệ.",
        "The province code in the identifier is invalid.",
    ),
    "id.birth_year_mismatch": (
        "Năm sinh trong số định danh không khớp với ngày sinh.",
        "The birth year inside the identifier does not match the date of birth.",
    ),
    "id.future_birth_year": (
        "Năm sinh trong số định danh nằm ở tương lai.",
        "The birth year in the identifier is in the future.",
    ),
    "id.old_format": ("Số CMND cũ phải gồm đúng 9 chữ số.", "An old ID card number has exactly 9 digits."),
    "idcard.fields": (
        "Mã QR không đủ các trường của thẻ căn cước (số định danh, CMND cũ, họ tên, ngày sinh…).",
        "The QR code lacks the ID card's fields (personal ID, old ID, name, date of birth…).",
    ),
    "idcard.date": (
        "{field} trên thẻ không phải một ngày có thật (ngày, tháng, năm viết liền: ddmmyyyy).",
        "The card's {field} is not a real date (day, month, year written together: ddmmyyyy).",
    ),
    "idcard.future_date": ("{field} trên thẻ nằm ở tương lai.", "The card's {field} is in the future."),
    "idcard.issued_before_birth": (
        "Ngày cấp trên thẻ trước ngày sinh.",
        "The card's date of issue comes before the date of birth.",
    ),
    "idcard.sex_mismatch": (
        "Giới tính trên thẻ không khớp với số định danh.",
        "The sex on the card does not match the personal ID.",
    ),
    "id.passport_format": (
        "Số hộ chiếu gồm 1 chữ cái và 7 chữ số.",
        "A passport number is one letter followed by 7 digits.",
    ),
    "id.tax_format": ("Mã số thuế gồm 10 hoặc 13 chữ số.", "A tax code has 10 or 13 digits."),
    "phone.format": (
        "Số điện thoại không hợp lệ (di động 10 số bắt đầu 03, 05, 07, 08, 09; cố định 02x + 8 số).",
        "Invalid phone number (mobile: 10 digits starting 03, 05, 07, 08, 09; landline: 02x + 8 digits).",
    ),
    "email.format": ("Địa chỉ email không hợp lệ.", "Invalid email address."),
    "birth_date.future": ("Ngày sinh không được ở tương lai.", "The date of birth cannot be in the future."),
    "id.type_for_business": (
        "Doanh nghiệp phải dùng mã số thuế hoặc loại giấy tờ khác.",
        "A business must use its tax code or another document type.",
    ),
    "agency_id.format": (
        "Mã định danh cơ quan gồm các nhóm chữ, số ngăn cách bằng dấu chấm (ví dụ 000.00.06.H56).",
        "An agency ID is dot-separated groups of letters and digits (e.g. 000.00.06.H56).",
    ),
    "config.agency_id_missing": (
        "Đơn vị chưa được cấu hình mã định danh: chưa thể cấp giấy tiếp nhận. Hãy chạy `counter-app setup`.",
        "The unit has no agency ID configured, so no receipt can be issued. Run `counter-app setup`.",
    ),
    "agency_id.required": (
        "Hãy nhập mã định danh điện tử của cơ quan (ví dụ 000.00.06.H56): mã hồ sơ và giấy tiếp nhận cần mã này.",
        "Enter the agency's electronic ID (e.g. 000.00.06.H56): dossier codes and receipts need it.",
    ),
    "counter.range": ("Số quầy phải từ 1 đến 99.", "The counter number must be between 1 and 99."),
    "counter.range_one_digit": (
        "Đơn vị ghi số quầy trong mã hồ sơ bằng một chữ số: số quầy phải từ 1 đến 9.",
        "This unit writes the counter in dossier codes with one digit: the counter number must be between 1 and 9.",
    ),
    "sequence.range": (
        "Không cấp được số thứ tự hồ sơ trong ngày cho quầy này.",
        "No further daily dossier number can be issued for this counter.",
    ),
    "code_scheme.digits": (
        "Số chữ số của số quầy trong mã hồ sơ chỉ có thể là 1 hoặc 2.",
        "The counter slot of dossier codes has 1 or 2 digits.",
    ),
    "code_scheme.conflict": (
        "Không đổi được cách ghi số quầy sang {slot_digits} chữ số: mã hồ sơ đã cấp {example} sẽ bị hiểu thành "
        "mã của quầy khác.",
        "The counter slot cannot change to {slot_digits} digits: the dossier code {example} already issued would "
        "be read as another counter's.",
    ),
    "code_scheme.counters": (
        "Đơn vị đã có quầy số {counter}: chỉ đơn vị không có quầy nào từ số 10 trở lên mới ghi số quầy bằng một "
        "chữ số.",
        "The unit has a counter number {counter}: only a unit without counters numbered 10 or more can write the "
        "counter with one digit.",
    ),
    "code_scheme.joined": (
        "Quầy đã kết nối máy chủ: cách ghi số quầy trong mã hồ sơ do máy chủ quyết định (add-counter --slot-digits).",
        "This counter joined a server, which decides how the counter is written in dossier codes "
        "(add-counter --slot-digits).",
    ),
    "code_scheme.fixed": (
        "Đơn vị {agency_id} đã có quầy kết nối với số quầy một chữ số; không thể đổi lại sang hai chữ số vì các mã "
        "hồ sơ quầy đã cấp sẽ bị hiểu sai.",
        "Counters of {agency_id} already joined with one-digit counter slots; the unit cannot go back to two "
        "digits, which would misread the codes they issued.",
    ),
    "portal.password_source": (
        "Cần cho biết mật khẩu tài khoản kết nối Cổng Dịch vụ công quốc gia nằm ở đâu: --password-file TỆP hoặc "
        "--password-env TÊN_BIẾN.",
        "Say where the national portal account's password is: --password-file FILE or --password-env NAME.",
    ),
    "portal.password_unreadable": (
        "Không đọc được mật khẩu kết nối Cổng Dịch vụ công quốc gia từ {source}.",
        "Cannot read the national portal password from {source}.",
    ),
    "portal.not_configured": (
        "Đơn vị {agency_id} chưa được cấu hình kết nối Cổng Dịch vụ công quốc gia (portal-config).",
        "Unit {agency_id} is not connected to the national portal (portal-config).",
    ),
    "portal.url": (
        "Địa chỉ bộ kết nối (adapter) phải bắt đầu bằng http:// hoặc https://: {url}",
        "The adapter URL must start with http:// or https://: {url}",
    ),
    "portal.files_url": (
        "Địa chỉ công khai để Cổng Dịch vụ công quốc gia tải tệp số hóa (--files-url) phải là một địa chỉ http:// "
        "hoặc https:// đầy đủ, không có khoảng trắng, tài khoản, phần truy vấn (?) hay phần neo (#): {url}",
        "The public address the national portal downloads digitised files from (--files-url) must be a full "
        "http:// or https:// address without spaces, credentials, a query (?) or a fragment (#): {url}",
    ),
    "portal.not_parked": (
        "Hồ sơ {dossier_code} không có gì đang bị tạm giữ chờ gửi lại lên Cổng Dịch vụ công quốc gia.",
        "Dossier {dossier_code} has nothing parked for the national portal.",
    ),
    "server.workers_sqlite": (
        "Chạy {workers} tiến trình máy chủ (--workers) cần cơ sở dữ liệu PostgreSQL; với tệp SQLite chỉ chạy một "
        "tiến trình.",
        "Running {workers} server processes (--workers) needs a PostgreSQL database; a SQLite file is served by "
        "one process.",
    ),
    # ---- the server's web console and its accounts (server/console)
    "counter.exists": (
        "Quầy {counter} của đơn vị {agency_id} đang hoạt động; hãy thu hồi quầy đó trước khi cấp mã đăng ký mới.",
        "Counter {counter} of {agency_id} is active; revoke it before issuing a new token.",
    ),
    "console.role": (
        "Không có vai trò «{role}»; chọn admin, unit-leader hoặc province-leader.",
        "There is no role «{role}»; choose admin, unit-leader or province-leader.",
    ),
    "console.unit_required": (
        "Tài khoản lãnh đạo đơn vị phải gắn với một đơn vị: thêm --unit <mã định danh đơn vị>.",
        "A unit leader's account belongs to one unit: add --unit <agency ID>.",
    ),
    "console.unit_not_allowed": (
        "Chỉ tài khoản lãnh đạo đơn vị (unit-leader) mới gắn với một đơn vị; bỏ --unit với vai trò {role}.",
        "Only a unit leader's account (unit-leader) belongs to a unit; leave --unit out for the role {role}.",
    ),
    "console.password_file": (
        "Không đọc được mật khẩu từ tệp {path}.",
        "The password could not be read from {path}.",
    ),
    "console.csrf": (
        "Biểu mẫu này đã cũ hoặc không được gửi từ trang quản trị; hãy tải lại trang rồi làm lại.",
        "This form is out of date or was not sent from the console; reload the page and try again.",
    ),
    "console.forbidden": (
        "Tài khoản của bạn không được xem trang này hoặc làm việc này.",
        "Your account may not see this page or do this.",
    ),
    "console.not_found": ("Không có trang hoặc mục này.", "There is no such page or item."),
    "console.too_large": (
        "Dữ liệu gửi lên quá lớn (tối đa {max} byte).",
        "What was sent is too large (at most {max} bytes).",
    ),
    "console.too_long": (
        "Ô «{name}» dài quá {max} ký tự.",
        "The field «{name}» is longer than {max} characters.",
    ),
    "console.form_invalid": ("Biểu mẫu gửi lên không hợp lệ.", "The form sent is not valid."),
    "console.throttled": (
        "Đăng nhập sai quá nhiều lần từ máy này hoặc với tên này; hãy thử lại sau {minutes} phút.",
        "Too many failed sign-ins from this machine or with this name; try again in {minutes} min.",
    ),
    "console.date": (
        "Ngày không hợp lệ: hãy chọn một ngày có thật (năm-tháng-ngày).",
        "Invalid date: choose a real date (year-month-day).",
    ),
    "console.period": (
        "Kỳ báo cáo không hợp lệ: ngày đầu phải không sau ngày cuối, và kỳ dài nhất ba năm.",
        "Invalid period: the first day must not come after the last, and a period is at most three years.",
    ),
    "code.format": ("Mã hồ sơ không đúng định dạng.", "This is not a valid dossier code."),
    "code.date": ("Ngày trong mã hồ sơ không hợp lệ.", "The date inside the dossier code is invalid."),
    "components.missing": ("Hồ sơ còn thiếu thành phần.", "Required components are missing."),
    "transition.forbidden": (
        "Không thể chuyển hồ sơ từ trạng thái {current_name} sang {target_name}.",
        "A dossier cannot move from {current_name} to {target_name}.",
    ),
    "not_found": ("Không tìm thấy {kind_name} «{key}».", "No {kind_name} «{key}» was found."),
    "dossier.stale": (
        "Hồ sơ vừa được cập nhật ở nơi khác; hãy mở lại và thử lần nữa.",
        "The dossier was changed elsewhere; reopen it and try again.",
    ),
    "supplement.already_received": (
        "Hồ sơ «{key}» đã được tiếp nhận, mã hồ sơ {dossier_code}; không tiếp nhận lại.",
        "The dossier «{key}» was received already, with the code {dossier_code}; it is not received twice.",
    ),
    "supplement.not_waiting": (
        "Hồ sơ «{key}» không chờ bổ sung giấy tờ (đang ở trạng thái «{current_name}»); không thể tiếp nhận tiếp.",
        "The dossier «{key}» is not waiting for papers (its status is «{current_name}»); it cannot be received.",
    ),
    "supplement.ambiguous": (
        "Có hai hồ sơ chờ bổ sung cùng số tham chiếu «{key}»; hãy tìm theo họ tên hoặc số giấy tờ của người nộp.",
        "Two dossiers waiting for papers share the reference «{key}»; look it up by the applicant's name or ID.",
    ),
    "supplement.procedure_changed": (
        "Hồ sơ chờ bổ sung thuộc thủ tục {expected}; muốn nộp thủ tục khác thì bấm «Tiếp nhận mới».",
        "The dossier waiting for papers is for procedure {expected}; for another procedure, start a new intake.",
    ),
    "username.format": (
        "Tên đăng nhập chỉ gồm chữ, số, dấu chấm và gạch dưới.",
        "Usernames use letters, digits, dots and underscores.",
    ),
    "username.taken": ("Tên đăng nhập đã tồn tại.", "That username is already taken."),
    "password.too_short": (
        "Mật khẩu phải có ít nhất {min} ký tự.",
        "The password needs at least {min} characters.",
    ),
    "password.common": (
        "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán; hãy chọn mật khẩu khác.",
        "This password is on the list of common passwords and easy to guess; choose another one.",
    ),
    "signin.refused": (
        "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.",
        "Wrong username or password, or the account is disabled.",
    ),
    "signin.locked": (
        "Đăng nhập sai quá nhiều lần; hãy thử lại sau {minutes} phút.",
        "Too many failed attempts; try again in {minutes} min.",
    ),
    "unlock.not_allowed": (
        "Chỉ cán bộ đang đăng nhập hoặc người quản trị mới mở khóa được máy quầy này.",
        "Only the signed-in officer or an administrator can unlock this counter.",
    ),
    "office_hours.invalid": (
        "Giờ làm việc không hợp lệ (ví dụ 07:00-11:30,13:30-17:00).",
        "Invalid office hours (e.g. 07:00-11:30,13:30-17:00).",
    ),
    "duration.invalid": ("Thời hạn giải quyết không hợp lệ.", "Invalid processing time."),
    "calendar.no_working_day": (
        "Lịch làm việc không còn ngày làm việc nào trong khoảng tính hạn.",
        "The calendar has no working day in the period.",
    ),
    "calendar.kind": (
        "Loại ngày phải là 'off' (nghỉ) hoặc 'work' (làm bù).",
        "The day kind must be 'off' or 'work'.",
    ),
    "calendar.document_date_alone": (
        "Ngày của văn bản cần đi kèm số hiệu văn bản (--document).",
        "The document's date needs the document's number (--document).",
    ),
    "day_notices.invalid": (
        "Tệp thông báo ngày nghỉ đi kèm ứng dụng bị hỏng ({where}); hãy cài lại ứng dụng.",
        "The day-off notices shipped with the application are damaged ({where}); reinstall the application.",
    ),
    "date.format": (
        "Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 05/09/1990.",
        "Write dates as day/month/year, e.g. 05/09/1990.",
    ),
    "date.impossible": ("Ngày {date} không có thật.", "{date} is not a real date."),
    "password.mismatch": ("Hai lần nhập mật khẩu không giống nhau.", "The two passwords differ."),
    "database.newer": (
        "Dữ liệu được tạo bởi phiên bản mới hơn (lược đồ {found}, phiên bản này hỗ trợ đến {supported}); hãy cài phiên bản mới.",
        "The data was written by a newer release (schema {found}, this one knows up to {supported}); install the newer release.",
    ),
    "period.order": ("Ngày kết thúc phải sau ngày bắt đầu.", "The end date must come after the start date."),
    "database.damaged": (
        "Không mở được dữ liệu của quầy: tệp {path} bị hỏng và chương trình không ghi gì vào đó; hãy khôi phục "
        "bản sao lưu gần nhất (trong {backups}) bằng lệnh `counter-app restore TỆP`.",
        "The counter's data cannot be opened: {path} is damaged and nothing is written to it; restore the latest "
        "backup (in {backups}) with `counter-app restore FILE`.",
    ),
    "database.in_use": (
        "Dữ liệu {path} đang được mở ở chương trình khác (cửa sổ quầy, đồng bộ); hãy đóng chương trình rồi chạy lại lệnh.",
        "{path} is open in another program (the counter window, sync); close it and run the command again.",
    ),
    "backup.not_found": ("Không tìm thấy tệp sao lưu {path}.", "No backup file {path} was found."),
    "backup.same_file": (
        "{path} chính là dữ liệu đang dùng, không phải một bản sao lưu.",
        "{path} is the database in use, not a backup.",
    ),
    "backup.damaged": (
        "Tệp sao lưu {path} bị hỏng ({detail}); hãy chọn một bản sao lưu khác.",
        "The backup {path} is damaged ({detail}); choose another backup.",
    ),
    "backup.not_counter": (
        "{path} không phải bản sao lưu dữ liệu của Quầy Một cửa.",
        "{path} is not a backup of a one-stop counter's data.",
    ),
    "backup.newer": (
        "Bản sao lưu {path} của một phiên bản mới hơn (lược đồ {found}, phiên bản này hỗ trợ đến {supported}); hãy cài phiên bản mới.",
        "The backup {path} comes from a newer release (schema {found}, this one knows up to {supported}); install the newer release.",
    ),
    "backup.folder_missing": (
        "Thư mục {folder} không tồn tại; hãy chọn một thư mục có sẵn.",
        "The folder {folder} does not exist; choose an existing folder.",
    ),
    "backup.target_exists": (
        "Tệp {path} đã có; hãy chọn tên khác để không ghi đè.",
        "{path} already exists; choose another name so that nothing is overwritten.",
    ),
    "backup.unreadable": (
        "Không đọc được bản sao lưu {path}: tệp được mã hóa bằng khóa mà quầy này trên máy này không có, hoặc tệp bị "
        "hỏng; nếu là bản sao lưu của quầy trên máy cũ, nhập khóa đã xuất bằng `counter-app key import --file TỆP` "
        "rồi khôi phục lại.",
        "The backup {path} cannot be read: it is encrypted with a key this counter does not have on this computer, "
        "or it is damaged; if it comes from this counter's former computer, import the exported key with "
        "`counter-app key import --file FILE` and restore again.",
    ),
    "database.key_missing": (
        "Không mở được dữ liệu {path}: tệp đã được mã hóa mà kho khóa của máy này không có khóa của nó (nhập khóa đã "
        "xuất bằng `counter-app key import --file TỆP`), hoặc tệp bị hỏng (khôi phục bản sao lưu bằng "
        "`counter-app restore TỆP`).",
        "The data {path} cannot be opened: it is encrypted and this computer's key store lacks its key (import the "
        "exported key with `counter-app key import --file FILE`), or it is damaged (restore a backup with "
        "`counter-app restore FILE`).",
    ),
    "keystore.unavailable": (
        "Kho khóa của hệ điều hành không trả lời ({detail}); hãy đăng nhập máy bằng tài khoản người dùng chạy quầy "
        "rồi thử lại.",
        "The operating system's key store does not answer ({detail}); sign in to the computer as the user who runs "
        "the counter and try again.",
    ),
    "encryption.no_key_store": (
        "Máy này không có kho khóa của hệ điều hành (Windows Credential Manager, Secret Service) nên dữ liệu không "
        "được mã hóa.",
        "This computer has no operating system key store (Windows Credential Manager, Secret Service), so the data "
        "is not encrypted.",
    ),
    "encryption.on": (
        "Dữ liệu được mã hóa (SQLCipher {cipher}); khóa nằm trong kho khóa {key_store} của người dùng.",
        "The data is encrypted (SQLCipher {cipher}); its key is in the user's {key_store} key store.",
    ),
    "encryption.off_no_key_store": (
        "Dữ liệu của quầy không được mã hóa vì máy này không có kho khóa của hệ điều hành.",
        "The counter's data is not encrypted because this computer has no operating system key store.",
    ),
    "encryption.off": (
        "Dữ liệu của quầy chưa được mã hóa; người quản trị chạy `counter-app encrypt` để mã hóa.",
        "The counter's data is not encrypted yet; an administrator runs `counter-app encrypt` to encrypt it.",
    ),
    "encryption.new_profiles": (
        "Dữ liệu sẽ được mã hóa khi tạo (SQLCipher {cipher}, khóa trong kho khóa {key_store}).",
        "The data will be encrypted when it is created (SQLCipher {cipher}, key in the {key_store} key store).",
    ),
    "encryption.no_profile": (
        "Thư mục {folder} chưa có dữ liệu quầy để mã hóa.",
        "The folder {folder} holds no counter data to encrypt.",
    ),
    "encryption.already": (
        "Dữ liệu {path} đã được mã hóa.",
        "The data {path} is already encrypted.",
    ),
    "encryption.verify_failed": (
        "Bản mã hóa của {path} không khớp bản gốc ({detail}); dữ liệu gốc được giữ nguyên, chưa mã hóa.",
        "The encrypted copy of {path} does not match the original ({detail}); the original is kept, unencrypted.",
    ),
    "keyfile.no_key": (
        "Dữ liệu trong {folder} không được mã hóa bằng khóa trong kho khóa của máy này; không có khóa để xuất.",
        "The data in {folder} is not encrypted with a key in this computer's key store; there is no key to export.",
    ),
    "keyfile.passphrase_short": (
        "Cụm mật khẩu bảo vệ tệp khóa phải có ít nhất {min} ký tự.",
        "The passphrase protecting the key file needs at least {min} characters.",
    ),
    "keyfile.invalid": (
        "{path} không phải tệp khóa của Quầy Một cửa.",
        "{path} is not a one-stop counter key file.",
    ),
    "keyfile.passphrase": (
        "Cụm mật khẩu không mở được tệp khóa {path} (sai cụm mật khẩu, hoặc tệp đã bị sửa).",
        "The passphrase does not open the key file {path} (wrong passphrase, or the file was changed).",
    ),
    "keyfile.other_profile": (
        "Thư mục dữ liệu {folder} đang chứa dữ liệu của một quầy khác, không khớp tệp khóa; hãy đổi tên thư mục đó "
        "(hoặc dùng --data-dir với một thư mục trống) rồi nhập khóa lại.",
        "The data folder {folder} holds another counter's data, which does not match the key file; rename that "
        "folder (or give --data-dir an empty folder) and import the key again.",
    ),
    "restore.unsent": (
        "Dữ liệu hiện tại còn {count} thay đổi chưa gửi lên máy chủ: hãy chạy `counter-app sync --once` trước, "
        "hoặc thêm --force để xuất chúng ra tệp rồi mới khôi phục.",
        "The current data holds {count} changes not yet sent to the server: run `counter-app sync --once` first, "
        "or add --force to export them to a file before restoring.",
    ),
    "restore.unsent_unreadable": (
        "Không đọc được các thay đổi chưa gửi trong dữ liệu hiện tại (tệp bị hỏng); thêm --force để vẫn khôi phục, "
        "tệp cũ được giữ lại nguyên vẹn bên cạnh.",
        "The unsent changes of the current data cannot be read (the file is damaged); add --force to restore anyway, "
        "the old file is kept as it is beside the new one.",
    ),
    "export.folder_missing": (
        "Thư mục {folder} không tồn tại; chỉ xuất ra một thư mục có sẵn.",
        "The folder {folder} does not exist; export only into an existing folder.",
    ),
    "export.write_failed": ("Không ghi được tệp {path} ({detail}).", "Cannot write {path} ({detail})."),
    "demo.real_profile": (
        "Thư mục {path} chứa dữ liệu của một đơn vị thật, không mở bản dùng thử trong đó; bỏ --data-dir hoặc "
        "chọn một thư mục trống.",
        "The folder {path} holds a real unit's data, so the demo is not opened there; leave out --data-dir or "
        "choose an empty folder.",
    ),
    "camera.absent": (
        "Không tìm thấy camera; kiểm tra cáp và chọn camera trong Cài đặt.",
        "No camera found; check the cable and choose a camera in Settings.",
    ),
    "camera.busy": (
        "Camera đang được chương trình khác sử dụng.",
        "The camera is in use by another program.",
    ),
    "camera.lost": (
        "Mất kết nối camera (có thể đã bị rút ra).",
        "The camera stopped responding (it may have been unplugged).",
    ),
    "serial.no_port": (
        "Chưa chọn cổng COM của máy quét; hãy chọn cổng trong Cài đặt, thẻ Máy quét và camera.",
        "No COM port is chosen for the scanner; choose one in Settings, tab Scanner and camera.",
    ),
    "serial.not_found": (
        "Không tìm thấy cổng {port} của máy quét; kiểm tra cáp USB và chế độ USB-COM của máy quét, phần mềm tự "
        "kết nối khi cổng xuất hiện.",
        "The scanner's port {port} was not found; check the USB cable and the scanner's USB-COM mode, the counter "
        "connects by itself as soon as the port appears.",
    ),
    "serial.permission": (
        "Không mở được cổng {port}: cổng đang được chương trình khác dùng, hoặc tài khoản máy tính không có quyền "
        "dùng cổng (trên Linux, người dùng phải thuộc nhóm dialout).",
        "The port {port} cannot be opened: another program is using it, or this computer account may not use it "
        "(on Linux, the user must be in the dialout group).",
    ),
    "serial.not_serial": (
        "Tệp {port} không phải một cổng COM; hãy chọn lại cổng của máy quét trong Cài đặt.",
        "The file {port} is not a serial port; choose the scanner's port again in Settings.",
    ),
    "serial.open_failed": (
        "Không mở được cổng {port} ({detail}).",
        "The port {port} cannot be opened ({detail}).",
    ),
    "serial.lost": (
        "Mất kết nối với máy quét ở cổng {port} (có thể đã bị rút ra); phần mềm tự kết nối lại khi cắm lại.",
        "The scanner on {port} was disconnected (it may have been unplugged); the counter reconnects by itself "
        "when it is plugged back in.",
    ),
    "serial.not_utf8": (
        "Máy quét gửi dữ liệu không phải UTF-8 nên không đọc được; hãy cài máy quét gửi UTF-8 rồi quét lại.",
        "The scanner sent data that is not UTF-8, so it could not be read; set the scanner to send UTF-8 and "
        "scan again.",
    ),
    "serial.too_long": (
        "Dữ liệu máy quét vừa gửi dài bất thường (không phải mã hồ sơ hay thẻ căn cước) nên bị bỏ qua.",
        "The scanner just sent an unusually long text (neither a dossier code nor an ID card), so it was ignored.",
    ),
    "serial.no_suffix": (
        "Máy quét gửi dữ liệu mà không có ký tự kết thúc đã chọn; hãy chọn đúng ký tự kết thúc (CR, LF hoặc "
        "CR LF) trong Cài đặt, hoặc cài máy quét thêm ký tự kết thúc, rồi quét lại.",
        "The scanner sent data without the chosen end character; choose the right one (CR, LF or CR LF) in "
        "Settings, or set the scanner to add it, and scan again.",
    ),
    "attachment.not_supported": (
        "Tệp {file} không dùng được: chỉ nhận tệp PDF hoặc ảnh (JPEG, PNG, WebP, TIFF, BMP).",
        "The file {file} cannot be used: only PDF files and images (JPEG, PNG, WebP, TIFF, BMP) are accepted.",
    ),
    "attachment.pdf_damaged": (
        "Tệp PDF {file} bị hỏng, không mở được; hãy quét lại.",
        "The PDF file {file} is damaged and cannot be opened; scan it again.",
    ),
    "attachment.pdf_encrypted": (
        "Tệp PDF {file} có mật khẩu; hãy lưu lại bản không đặt mật khẩu.",
        "The PDF file {file} is password-protected; save a copy without a password.",
    ),
    "attachment.too_large": (
        "Tệp {file} quá lớn: mỗi giấy tờ số hóa tối đa {limit_mb} MB.",
        "The file {file} is too large: a digitised paper may hold at most {limit_mb} MB.",
    ),
    "attachment.too_many_pages": (
        "Giấy tờ số hóa quá nhiều trang (tối đa {limit} trang).",
        "The digitised paper has too many pages (at most {limit}).",
    ),
    "attachment.component_unknown": (
        "Thủ tục này không có thành phần hồ sơ số {component}.",
        "This procedure has no component number {component}.",
    ),
    "attachment.result_not_ready": (
        "Hồ sơ {dossier} chưa có kết quả: chỉ đính kèm kết quả điện tử khi hồ sơ ở trạng thái «Đã xử lý xong».",
        "Dossier {dossier} has no result yet: the electronic result is attached once the dossier is «result ready».",
    ),
    "attachment.not_received": (
        "Hồ sơ {dossier} chưa được tiếp nhận: số hóa thành phần sau khi tiếp nhận.",
        "Dossier {dossier} has not been received: digitise its components once it is.",
    ),
    "attachment.no_files": ("Chưa chọn tệp nào để số hóa.", "No file was chosen to digitise."),
    "attachment.prepared_lost": (
        "Bản số hóa của thành phần số {component} không còn trên máy này; hãy số hóa lại hoặc bỏ bản đó rồi "
        "tiếp nhận.",
        "The digitised copy of component {component} is no longer on this computer; digitise it again or drop "
        "it, then receive.",
    ),
    "file.missing": (
        "Không tìm thấy tệp số hóa {sha256} trong hồ sơ của quầy.",
        "The digitised file {sha256} is missing from this counter's profile.",
    ),
    "file.damaged": (
        "Tệp số hóa {sha256} bị hỏng hoặc không giải mã được trên máy này.",
        "The digitised file {sha256} is damaged or cannot be decrypted on this computer.",
    ),
    "image.unreadable": ("Không đọc được tệp ảnh.", "The image file cannot be read."),
    "image.too_large": (
        "Ảnh quá lớn (tối đa 12 000 điểm ảnh mỗi chiều, 64 triệu điểm ảnh, 60 MB).",
        "The image is too large (at most 12,000 pixels a side, 64 megapixels, 60 MB).",
    ),
    "scan.not_a_code": (
        "Mã vừa quét không phải mã hồ sơ hợp lệ: «{text}». Hãy kiểm tra bộ gõ tiếng Việt đang tắt.",
        "The scanned text is not a valid dossier code: «{text}». Check that the Vietnamese input method is off.",
    ),
    "catalogue.invalid": (
        "Danh mục thủ tục có lỗi; không nhập gì cả.",
        "The catalogue has errors; nothing was imported.",
    ),
}

KIND_NAMES = {
    "dossier": ("hồ sơ", "dossier"),
    "procedure": ("thủ tục", "procedure"),
    "account": ("tài khoản", "account"),
    "supplement": ("hồ sơ chờ bổ sung có số tham chiếu", "dossier waiting for papers with the reference"),
}

STATUS_NAMES: dict[int, tuple[str, str]] = {
    1: ("Mới đăng ký", "Submitted"),
    2: ("Được tiếp nhận", "Received"),
    3: ("Không được tiếp nhận", "Refused"),
    4: ("Đang xử lý", "Processing"),
    5: ("Yêu cầu bổ sung giấy tờ", "Supplement requested"),
    6: ("Yêu cầu thực hiện nghĩa vụ tài chính", "Fees due"),
    7: ("Công dân yêu cầu rút hồ sơ", "Withdrawal requested"),
    8: ("Dừng xử lý", "Stopped"),
    9: ("Đã xử lý xong", "Result ready"),
    10: ("Đã trả kết quả", "Returned"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def status_name(status: int, lang: str = "vi") -> str:
    pair = STATUS_NAMES.get(int(status))
    return _pick(pair, lang) if pair else ("(none)" if lang == "en" else "(chưa có)")


def field_name(field: str, lang: str = "vi") -> str:
    last = field.rsplit(".", 1)[-1]
    return _pick(FIELDS[last], lang) if last in FIELDS else field


#: The roles of core.roles as officers say them.
ROLE_NAMES: dict[str, tuple[str, str]] = {
    "officer": ("cán bộ tiếp nhận", "receiving officer"),
    "processor": ("cán bộ xử lý", "processing officer"),
    "leader": ("lãnh đạo", "leader"),
    "admin": ("quản trị", "administrator"),
}

#: The operations of core.roles, as the end of "… may not …".
OPERATION_NAMES: dict[str, tuple[str, str]] = {
    "receive": ("tiếp nhận hồ sơ", "receive dossiers"),
    "move": ("chuyển bước xử lý hồ sơ", "move dossiers on"),
    "hand_over": ("trả kết quả", "hand results over"),
    "view": ("xem hồ sơ", "look dossiers up"),
    "print": ("in biểu mẫu", "print forms"),
    "report": ("xem báo cáo", "see the reports"),
    "catalogue": ("thay đổi danh mục thủ tục", "change the procedure catalogue"),
    "configure": ("cấu hình quầy", "configure the counter"),
    "backup": ("sao lưu, khôi phục hoặc xuất dữ liệu", "back up, restore or export data"),
    "audit": ("xem nhật ký kiểm toán", "read the audit trail"),
}


def describe(exc: DomainError | ValidationErrors, lang: str = "vi") -> str:
    """One clear sentence (or one per field) for a domain error."""
    if isinstance(exc, ValidationErrors):
        return " ".join(describe(e, lang) for e in exc.errors)
    params: dict[str, object] = dict(exc.params)
    params["field"] = field_name(exc.field, lang) if isinstance(exc, ValidationError) else ""
    if "current" in params:
        params["current_name"] = status_name(int(params["current"]), lang)  # type: ignore[call-overload]
        params["target_name"] = status_name(int(params["target"]), lang)  # type: ignore[call-overload]
    if "role" in params:
        params["role_name"] = _pick(ROLE_NAMES.get(str(params["role"]), (str(params["role"]),) * 2), lang)
    if "operation" in params:
        pair = OPERATION_NAMES.get(str(params["operation"]), (str(params["operation"]),) * 2)
        params["operation_name"] = _pick(pair, lang)
    if "kind" in params:
        params["kind_name"] = _pick(KIND_NAMES.get(str(params["kind"]), (str(params["kind"]),) * 2), lang)
    template = MESSAGES.get(exc.code) or SYNC_MESSAGES.get(exc.code)
    if template is None:
        generic = ("Dữ liệu không hợp lệ ({code}).", "Invalid input ({code}).")
        template = (generic[0], generic[1])
        params["code"] = exc.code
    text = _pick(template, lang)
    try:
        sentence = text.format(**params)
    except (KeyError, IndexError, ValueError):
        sentence = text
    return sentence[:1].upper() + sentence[1:]


#: Catalogue import problems (core.catalogue.CatalogueIssue.code) → (Vietnamese, English).
CATALOGUE_ISSUES: dict[str, tuple[str, str]] = {
    "required": ("bắt buộc phải có giá trị", "a value is required"),
    "text.invalid": ("văn bản không hợp lệ", "invalid text"),
    "code.format": (
        "mã thủ tục không đúng dạng (ví dụ 1.001193)",
        "procedure code is malformed (e.g. 1.001193)",
    ),
    "number.invalid": ("phải là một số", "must be a number"),
    "number.negative": ("không được âm", "cannot be negative"),
    "number.range": ("số nằm ngoài khoảng cho phép", "number out of range"),
    "bool.invalid": ("phải là có/không", "must be yes/no"),
    "time.format": ("giờ phải có dạng HH:MM", "time must be HH:MM"),
    "duration_unit.unknown": ("đơn vị thời hạn không hợp lệ", "unknown duration unit"),
    "duration.range": ("thời hạn không hợp lệ", "invalid duration"),
    "duplicate": ("bị trùng", "duplicated"),
    "components.numbering": ("STT thành phần phải chạy 1, 2, 3…", "component numbers must run 1, 2, 3…"),
    "list.invalid": ("phải là một danh sách", "must be a list"),
    "object.invalid": ("cấu trúc không hợp lệ", "invalid structure"),
    "format.unknown": ("không phải tệp danh mục", "not a catalogue file"),
    "version.unsupported": ("phiên bản tệp không được hỗ trợ", "unsupported file version"),
    "file.unsupported": ("chỉ hỗ trợ .json, .xlsx, .csv", "only .json, .xlsx and .csv are supported"),
    "file.encoding": ("tệp không phải UTF-8", "the file is not UTF-8"),
    "json.invalid": ("JSON không hợp lệ", "invalid JSON"),
    "json.too_deep": ("JSON lồng nhau quá sâu", "JSON nested too deeply"),
    "xlsx.invalid": ("không đọc được tệp Excel", "cannot read the workbook"),
    "sheet.missing": ("thiếu trang tính", "sheet missing"),
    "column.missing": ("thiếu cột", "column missing"),
    "fee.total": ("tổng phí không khớp các khoản phí", "the fee total does not match the fees"),
    "procedure.unknown": (
        "thành phần thuộc thủ tục không có trong danh mục",
        "component of an unknown procedure",
    ),
    "value.conflict": ("giá trị mâu thuẫn với dòng trước", "value conflicts with an earlier row"),
}


def describe_catalogue_issue(code: str, lang: str = "vi") -> str:
    pair = CATALOGUE_ISSUES.get(code)
    return _pick(pair, lang) if pair else code
