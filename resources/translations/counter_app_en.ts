<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;b&gt;Quầy Một cửa&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;One-stop Counter&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Phần mềm cho bộ phận tiếp nhận và trả kết quả.</source>
        <translation>Software for the one-stop reception and result counter.</translation>
    </message>
    <message>
        <source>Phát hành: %1</source>
        <translation>Published by: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Quản lý tài khoản</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <source>Tạo tài khoản…</source>
        <translation>Create account…</translation>
    </message>
    <message>
        <source>Khóa / mở khóa</source>
        <translation>Lock / unlock</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Không thể khóa hoặc đổi vai trò của chính tài khoản đang đăng nhập.</source>
        <translation>You cannot lock or change the role of the account you are signed in with.</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu cho %1</source>
        <translation>Reset the password of %1</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <source>Vai trò lãnh đạo chỉ xem, không chuyển hồ sơ.</source>
        <extracomment>The processing actions, in the order the bar shows them. The move that, on an intake kept waiting for papers (never received, `core.supplement`), reopens it at intake.</extracomment>
        <translation>Leaders can view but not move dossiers.</translation>
    </message>
    <message>
        <source>Không áp dụng cho hồ sơ ở trạng thái «%1».</source>
        <translation>Not available for a dossier in status «%1».</translation>
    </message>
    <message>
        <source>Hồ sơ chưa được tiếp nhận: mở lại ở màn hình tiếp nhận với thông tin đã khai, đánh dấu giấy tờ vừa nộp và tiếp nhận (cấp mã hồ sơ, giấy hẹn)</source>
        <translation>Not received yet: reopen it at intake with what was entered, tick the papers just brought and receive it (dossier code, appointment slip)</translation>
    </message>
    <message>
        <source>Hồ sơ chưa được tiếp nhận: cán bộ tiếp nhận tiếp tục hồ sơ này tại quầy</source>
        <translation>Not received yet: a receiving officer continues this dossier at the counter</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>Người quản trị tạo tài khoản cho các cán bộ và quản lý cài đặt của đơn vị.</source>
        <translation>The administrator creates the officers&apos; accounts and manages the unit&apos;s settings.</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <source>Ít nhất %1 ký tự và không phải mật khẩu phổ biến (như 12345678, matkhau123).</source>
        <translation>At least %1 characters and not a common password (such as 12345678, matkhau123).</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <source>Người được ủy quyền nộp thay</source>
        <translation>Submitted by an authorised person</translation>
    </message>
    <message>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <source>ví dụ: Giấy ủy quyền số 12/UQ ngày 01/03/2026</source>
        <translation>e.g. Authorisation no. 12/UQ of 01/03/2026</translation>
    </message>
    <message>
        <source>Giấy ủy quyền:</source>
        <translation>Authorisation paper:</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Mở</source>
        <extracomment>A paper was kept (the new attachment). The viewer opened on a paper (the dialog), for tests and screenshots. The camera capture opened (the dialog). The scan folder&apos;s dialog opened (the dialog).</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Chụp bằng camera…</source>
        <translation>Capture with the camera…</translation>
    </message>
    <message>
        <source>Số hóa thành phần…</source>
        <translation>Digitise a component…</translation>
    </message>
    <message>
        <source>Từ máy quét…</source>
        <translation>From the scanner…</translation>
    </message>
    <message>
        <source>Đính kèm kết quả…</source>
        <translation>Attach the result…</translation>
    </message>
    <message>
        <source>Giấy tờ số hóa</source>
        <translation>Digitised papers</translation>
    </message>
    <message>
        <source>Thành phần %1</source>
        <translation>Component %1</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>đã đồng bộ</source>
        <translation>synced</translation>
    </message>
    <message>
        <source>chưa đồng bộ</source>
        <translation>not synced</translation>
    </message>
    <message numerus="yes">
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa có giấy tờ số hóa.</source>
        <translation>No digitised papers yet.</translation>
    </message>
    <message>
        <source>Chưa chọn thư mục máy quét: đặt trong Cài đặt → Thiết bị</source>
        <translation>No scan folder chosen: set it in Settings → Devices</translation>
    </message>
    <message>
        <source>Số hóa thành phần</source>
        <translation>Digitise a component</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ:</source>
        <translation>Component:</translation>
    </message>
    <message>
        <source>Chọn tệp PDF hoặc ảnh</source>
        <translation>Choose PDF files or images</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera đang tắt</source>
        <extracomment>Share of the preview the guide box covers (width, height).</extracomment>
        <translation>Camera off</translation>
    </message>
    <message>
        <source>Đang mở camera…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>Đưa mã vạch hoặc mã QR trên giấy hẹn vào khung.</source>
        <translation>Hold the barcode or QR code of the appointment slip in the frame.</translation>
    </message>
    <message>
        <source>Đã đọc mã %1</source>
        <translation>Read code %1</translation>
    </message>
    <message>
        <source>Không tìm thấy camera. Kiểm tra camera đã cắm và chọn đúng số camera trong Cài đặt.</source>
        <translation>No camera found. Check that it is plugged in and that the right camera number is chosen in Settings.</translation>
    </message>
    <message>
        <source>Camera đang được chương trình khác sử dụng. Đóng chương trình đó rồi bật lại.</source>
        <translation>Another program is using the camera. Close it, then turn the camera on again.</translation>
    </message>
    <message>
        <source>Mất tín hiệu camera (camera bị rút ra hoặc ngừng gửi hình). Cắm lại rồi bật lại.</source>
        <translation>The camera signal was lost (unplugged or no more pictures). Plug it in again, then turn it on.</translation>
    </message>
    <message>
        <source>Camera đã tự tắt sau %1 giây không đọc được mã.</source>
        <translation>The camera turned itself off after %1 seconds without reading a code.</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <source>Số hóa: %1</source>
        <translation>Digitise: %1</translation>
    </message>
    <message>
        <source>Đang mở camera…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>Đặt trang giấy dưới camera và giữ yên: trang được chụp tự động (hoặc nhấn Cách).</source>
        <translation>Put the page under the camera and hold it still: it is taken on its own (or press Space).</translation>
    </message>
    <message>
        <source>Chụp ngay (Cách)</source>
        <translation>Take now (Space)</translation>
    </message>
    <message>
        <source>◀ Lên trước</source>
        <translation>◀ Earlier</translation>
    </message>
    <message>
        <source>Ra sau ▶</source>
        <translation>Later ▶</translation>
    </message>
    <message>
        <source>Xoay ⟳</source>
        <translation>Turn ⟳</translation>
    </message>
    <message>
        <source>Chụp lại</source>
        <translation>Take again</translation>
    </message>
    <message>
        <source>Xóa trang</source>
        <translation>Remove page</translation>
    </message>
    <message>
        <source>Lưu bản số hóa</source>
        <translation>Save the digitised copy</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đã thấy trang giấy: giữ yên để chụp.</source>
        <translation>Page found: hold it still to take it.</translation>
    </message>
    <message>
        <source>Trang %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>Chụp lại trang %1: đặt trang dưới camera.</source>
        <translation>Take page %1 again: put it under the camera.</translation>
    </message>
</context>
<context>
    <name>CardBar</name>
    <message>
        <source>Hoàn tác</source>
        <extracomment>The editors a card fills, in the order they are named to the officer.</extracomment>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Trả các ô về như trước khi quét thẻ (%1)</source>
        <translation>Put the fields back as they were before the card was scanned (%1)</translation>
    </message>
    <message>
        <source>Đọc thẻ bằng camera</source>
        <translation>Read the card with the camera</translation>
    </message>
    <message>
        <source>Đưa mã QR trên thẻ căn cước vào camera</source>
        <translation>Hold the ID card&apos;s QR code up to the camera</translation>
    </message>
    <message>
        <source>Quét mã QR trên thẻ căn cước để điền người nộp (hoặc người được ủy quyền, khi con trỏ đang ở phần đó).</source>
        <translation>Scan the QR code on the ID card to fill in the applicant (or the authorised person, when the cursor is in that section).</translation>
    </message>
    <message>
        <source>người nộp hồ sơ</source>
        <translation>the applicant</translation>
    </message>
    <message>
        <source>người được ủy quyền</source>
        <translation>the authorised person</translation>
    </message>
    <message>
        <source>Đã điền từ thẻ căn cước cho %1: %2.</source>
        <translation>Filled in from the ID card for %1: %2.</translation>
    </message>
    <message>
        <source>Chưa điền %1: máy quét làm hỏng chữ có dấu; hãy nhập tay, hoặc chuyển máy quét sang chế độ USB-COM.</source>
        <translation>Not filled in: %1. The scanner damaged the accented letters; type them, or switch the scanner to USB-COM mode.</translation>
    </message>
    <message>
        <source>Đã hoàn tác: các ô trở lại như trước khi quét thẻ.</source>
        <translation>Undone: the fields are back as they were before the card was scanned.</translation>
    </message>
    <message>
        <source>họ và tên</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>số định danh</source>
        <translation>personal ID</translation>
    </message>
    <message>
        <source>ngày sinh</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>địa chỉ</source>
        <translation>address</translation>
    </message>
</context>
<context>
    <name>CardCameraDialog</name>
    <message>
        <source>Đọc thẻ căn cước bằng camera</source>
        <translation>Read the ID card with the camera</translation>
    </message>
    <message>
        <source>Đưa mã QR của thẻ vào khung (mặt trước thẻ căn cước công dân, mặt sau thẻ căn cước mới).</source>
        <translation>Hold the card&apos;s QR code inside the frame (on the front of a citizen ID card, on the back of the new identity card).</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>Đủ tất cả thành phần bắt buộc</source>
        <translation>All required papers received</translation>
    </message>
    <message>
        <source>Đánh dấu đã nhận mọi thành phần bắt buộc (Ctrl+D)</source>
        <translation>Mark every required paper as received (Ctrl+D)</translation>
    </message>
    <message>
        <source>Phím cách: đánh dấu · gõ số: sửa số bản · chữ đậm: bắt buộc</source>
        <translation>Space: tick · type a number: change copies · bold: required</translation>
    </message>
    <message>
        <source>Chọn thủ tục để hiện danh sách thành phần hồ sơ.</source>
        <translation>Choose a procedure to see the papers it requires.</translation>
    </message>
    <message numerus="yes">
        <source>Còn thiếu %n thành phần: %1</source>
        <translation>
            <numerusform>%n paper missing: %1</numerusform>
            <numerusform>%n papers missing: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã đủ các thành phần hồ sơ bắt buộc.</source>
        <translation>Every required paper has been received.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier papers</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao CT</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Đã xuất trình</source>
        <translation>Shown</translation>
    </message>
    <message>
        <source>Số hóa</source>
        <translation>Digitised</translation>
    </message>
    <message>
        <source>Đánh dấu các thành phần đã nhận (phím cách)</source>
        <translation>Tick the papers received (space bar)</translation>
    </message>
    <message>
        <source>Số bản chính</source>
        <translation>Number of originals</translation>
    </message>
    <message>
        <source>Số bản sao có chứng thực</source>
        <translation>Number of certified copies</translation>
    </message>
    <message>
        <source>Số bản photo</source>
        <translation>Number of photocopies</translation>
    </message>
    <message>
        <source>Giấy tờ chỉ xuất trình để đối chiếu, không nộp lại</source>
        <translation>Papers only shown for checking, not kept</translation>
    </message>
    <message>
        <source>Bản số hóa của thành phần: số trang đã chụp hoặc quét</source>
        <translation>The component&apos;s digitised copy: pages photographed or scanned</translation>
    </message>
    <message numerus="yes">
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Cần: %1, %2, %3</source>
        <translation>Required: %1, %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n bản chính</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bản sao chứng thực</source>
        <translation>
            <numerusform>%n certified copy</numerusform>
            <numerusform>%n certified copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bản photo</source>
        <translation>
            <numerusform>%n photocopy</numerusform>
            <numerusform>%n photocopies</numerusform>
        </translation>
    </message>
    <message>
        <source> (nếu có)</source>
        <extracomment>Components form 02 asked for (an intake waiting for papers, being finished): marked in words and colour. Components digitised during this intake, by number.</extracomment>
        <translation> (if any)</translation>
    </message>
    <message>
        <source>Chỉ xuất trình để đối chiếu</source>
        <translation>Only shown for checking</translation>
    </message>
    <message>
        <source> — đã yêu cầu bổ sung</source>
        <translation> — requested on form 02</translation>
    </message>
</context>
<context>
    <name>CloseWaiter</name>
    <message>
        <source>đồng bộ xong lượt đang chạy</source>
        <translation>the sync cycle under way to finish</translation>
    </message>
    <message>
        <source>Đang chờ %1… (%2 giây)</source>
        <translation>Waiting for %1… (%2 s)</translation>
    </message>
    <message>
        <source>Thoát</source>
        <extracomment>How often the notice looks again. Longest wait for the task runner&apos;s queued work (drafts, a receipt being written, a sign-out in the trail). Longest wait for the sync worker to finish the step it is in (a slow server answer). A close that finishes sooner shows no notice at all. How long the sentence saying the last send failed stays before the window closes by itself. The officer&apos;s answers when quitting with unsent changes. Told &quot;&quot; once the changes are sent, else the sentence saying why they were not. Sends what waits (one sync cycle) and calls its `SendDone`.</extracomment>
        <translation>Quit</translation>
    </message>
    <message numerus="yes">
        <source>gửi %n thay đổi lên máy chủ</source>
        <translation>
            <numerusform>%n change to be sent to the server</numerusform>
            <numerusform>%n changes to be sent to the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>lưu %n việc đang làm dở</source>
        <translation>
            <numerusform>save %n unfinished task</numerusform>
            <numerusform>save %n unfinished tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Chưa gửi được %n thay đổi: %1 Chúng vẫn được giữ trên máy này và sẽ gửi ở lần mở sau.</source>
        <translation>
            <numerusform>%n change could not be sent: %1 It stays on this PC and will be sent the next time the counter opens.</numerusform>
            <numerusform>%n changes could not be sent: %1 They stay on this PC and will be sent the next time the counter opens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContinuingBanner</name>
    <message>
        <source>Tiếp nhận mới thay vào</source>
        <translation>Start a new intake instead</translation>
    </message>
    <message>
        <source>Không tiếp tục hồ sơ chờ bổ sung này; để trống biểu mẫu</source>
        <translation>Do not continue this dossier waiting for papers; empty the form</translation>
    </message>
    <message>
        <source>Tiếp tục hồ sơ chờ bổ sung &lt;b&gt;%1&lt;/b&gt; của &lt;b&gt;%2&lt;/b&gt; (hướng dẫn bổ sung lúc %3).</source>
        <translation>Continuing the dossier waiting for papers &lt;b&gt;%1&lt;/b&gt; of &lt;b&gt;%2&lt;/b&gt; (papers requested on %3).</translation>
    </message>
    <message>
        <source>Giấy tờ đã yêu cầu: %1.</source>
        <translation>Papers requested: %1.</translation>
    </message>
    <message>
        <source>Đánh dấu giấy tờ công dân vừa nộp rồi bấm «Tiếp nhận» (Ctrl+Enter): mã hồ sơ và ngày hẹn tính từ lúc tiếp nhận.</source>
        <translation>Tick the papers the citizen has just brought, then press «Receive» (Ctrl+Enter): the dossier code and the appointment count from the receipt.</translation>
    </message>
</context>
<context>
    <name>CounterController</name>
    <message>
        <source>Không mở được dữ liệu của quầy: %1</source>
        <translation>The counter&apos;s data could not be opened: %1</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <source>Chưa kết nối máy chủ</source>
        <translation>Not connected to the server</translation>
    </message>
    <message>
        <source>Trạng thái đồng bộ với máy chủ trung tâm</source>
        <translation>Synchronisation with the central server</translation>
    </message>
    <message>
        <source>Cán bộ: %1 (%2)</source>
        <translation>Officer: %1 (%2)</translation>
    </message>
    <message>
        <source>Chưa cấu hình đơn vị</source>
        <translation>Unit not configured</translation>
    </message>
    <message>
        <source>Quầy số %1</source>
        <translation>Counter %1</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Bảng điều hành</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Tháng trước</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>7 ngày qua</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Xem số liệu</source>
        <translation>Show figures</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Chỉ số 766</source>
        <translation>Indicator 766</translation>
    </message>
    <message>
        <source>Chỉ số tiến độ giải quyết (Quyết định 766/QĐ-TTg): hồ sơ đã và đang xử lý trước hạn, đúng hạn trên tổng số hồ sơ tiếp nhận và xử lý trong kỳ, gồm hồ sơ kỳ trước chuyển sang.</source>
        <translation>Progress indicator (Decision 766/QĐ-TTg): dossiers processed or being processed early or on time, out of every dossier received and processed in the period, including those carried over from earlier periods.</translation>
    </message>
    <message>
        <source>Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn</source>
        <translation>On-time rate (national indicator)</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận và xử lý trong kỳ</source>
        <translation>Received and processed in the period</translation>
    </message>
    <message>
        <source>Trong đó kỳ trước chuyển sang</source>
        <translation>Of which carried over</translation>
    </message>
    <message>
        <source>Đã và đang xử lý đúng hạn</source>
        <translation>Processed or in process on time</translation>
    </message>
    <message>
        <source>Đã xử lý quá hạn</source>
        <translation>Ended late</translation>
    </message>
    <message>
        <source>Đang xử lý quá hạn</source>
        <translation>Open, overdue</translation>
    </message>
    <message>
        <source>Hồ sơ đã số hóa</source>
        <translation>Dossiers digitised</translation>
    </message>
    <message>
        <source>Kết quả đã số hóa</source>
        <translation>Results digitised</translation>
    </message>
    <message>
        <source>Trong kỳ</source>
        <translation>In the period</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận, giải quyết và trả kết quả trong kỳ</source>
        <translation>Dossiers received, resolved and returned in the period</translation>
    </message>
    <message>
        <source>Tiếp nhận trong kỳ</source>
        <translation>Received in the period</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn trên hồ sơ đã giải quyết</source>
        <translation>On-time rate of the resolved dossiers</translation>
    </message>
    <message>
        <source>Hồ sơ đã xử lý xong, dừng hoặc rút trong hạn (không tính thời gian chờ bổ sung) cộng hồ sơ đang xử lý còn trong hạn, chia cho tổng số hồ sơ tiếp nhận và xử lý trong kỳ. Hồ sơ đang chờ bổ sung sau lần yêu cầu thứ hai tính là quá hạn.</source>
        <translation>Dossiers that ended (result, stop or withdrawal) within their deadline (time waiting for a supplement not counted) plus those still in process within it, divided by every dossier received and processed in the period. A dossier waiting for papers after a second request counts as late.</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận trong kỳ đã số hóa đủ các thành phần bắt buộc, chia cho số hồ sơ tiếp nhận trong kỳ.</source>
        <translation>Dossiers received in the period with every required component digitised, divided by the dossiers received in the period.</translation>
    </message>
    <message>
        <source>Hồ sơ giải quyết trong kỳ đã có kết quả điện tử, chia cho số hồ sơ giải quyết trong kỳ.</source>
        <translation>Dossiers resolved in the period with their electronic result, divided by the dossiers resolved in the period.</translation>
    </message>
    <message>
        <source>Tiến độ giải quyết (chỉ số 766)</source>
        <translation>Progress (indicator 766)</translation>
    </message>
    <message>
        <source>Hồ sơ giải quyết quá hạn theo đơn vị</source>
        <translation>Dossiers resolved late, by unit</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Số liệu từ %1 đến %2; hồ sơ chưa xong tính đến %3</source>
        <translation>Figures from %1 to %2; open dossiers as of %3</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Giải quyết quá hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>Chỉ số hài lòng</source>
        <translation>Satisfaction index</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận theo trạng thái hiện tại</source>
        <translation>Received dossiers by current status</translation>
    </message>
    <message>
        <source>Mức độ hài lòng</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Tính chỉ số</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Theo thủ tục</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <source>Theo cán bộ</source>
        <translation>By officer</translation>
    </message>
    <message>
        <source>Đang tính số liệu…</source>
        <translation>Computing the figures…</translation>
    </message>
    <message>
        <source>Không tính được số liệu: %1</source>
        <translation>The figures could not be computed: %1</translation>
    </message>
    <message>
        <source>Đã xử lý đúng hạn</source>
        <translation>Ended on time</translation>
    </message>
    <message>
        <source>Đang xử lý trong hạn</source>
        <translation>Open, in time</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ trong kỳ</source>
        <translation>No dossier in the period</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Chưa có đánh giá</source>
        <translation>No rating yet</translation>
    </message>
    <message>
        <source>Xuất báo cáo</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Đã xuất báo cáo: %1</source>
        <translation>Report exported: %1</translation>
    </message>
    <message>
        <source>Đồng bộ Cổng DVCQG</source>
        <translation>Synchronised to the national portal</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận trong kỳ mà Cổng Dịch vụ công quốc gia đã nhận (máy chủ gửi lên Cổng và báo lại cho quầy), chia cho số hồ sơ tiếp nhận trong kỳ; tính đến lúc xem số liệu.</source>
        <translation>Dossiers received in the period that the National Public Service Portal holds (the server sends them to the portal and tells the counters), divided by the dossiers received in the period; as of when the figures are shown.</translation>
    </message>
    <message>
        <source>Đã đồng bộ Cổng DVCQG</source>
        <translation>Synchronised to the portal</translation>
    </message>
    <message>
        <source>Tỷ lệ đồng bộ Cổng DVCQG</source>
        <translation>Portal synchronisation rate</translation>
    </message>
    <message>
        <source>%1/%2 hồ sơ</source>
        <translation>%1/%2 dossiers</translation>
    </message>
</context>
<context>
    <name>DeadlineNotice</name>
    <message>
        <source>Xem danh sách</source>
        <extracomment>How often the counter looks again for dossiers becoming due or late. Dossiers named in the notice (the rest are counted). Pause after a change to the dossiers before looking again (a burst of changes is one check).</extracomment>
        <translation>Show the list</translation>
    </message>
    <message>
        <source>Ẩn</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Ẩn thông báo đến khi có hồ sơ mới cần chú ý</source>
        <translation>Hide this notice until another dossier needs attention</translation>
    </message>
    <message>
        <source>Cảnh báo hạn giải quyết</source>
        <translation>Deadline warning</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ đang quá hạn</source>
        <translation>
            <numerusform>%n dossier overdue</numerusform>
            <numerusform>%n dossiers overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ đến hạn trong %1</source>
        <translation>
            <numerusform>%n dossier due within %1</numerusform>
            <numerusform>%n dossiers due within %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n giờ tới</source>
        <translation>
            <numerusform>the next hour</numerusform>
            <numerusform>the next %n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Xem hồ sơ quá hạn</source>
        <translation>Show overdue dossiers</translation>
    </message>
    <message>
        <source>Xem hồ sơ sắp đến hạn</source>
        <translation>Show dossiers due soon</translation>
    </message>
</context>
<context>
    <name>DossierCard</name>
    <message>
        <source>Quét mã trên giấy hẹn, nhập mã hồ sơ, hoặc tìm theo họ tên, số giấy tờ của người nộp.</source>
        <extracomment>Timeliness → (background, text colour) of its badge; the badge always carries words too.</extracomment>
        <translation>Scan the code on the appointment slip, type the dossier code, or search by the applicant&apos;s name or ID number.</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>Người được ủy quyền:</source>
        <translation>Authorised person:</translation>
    </message>
    <message>
        <source>Ngày nhận:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Hẹn trả:</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <source>Hiện ở:</source>
        <translation>Now at:</translation>
    </message>
    <message>
        <source>(chưa có mã)</source>
        <translation>(no code yet)</translation>
    </message>
    <message>
        <source> — giấy tờ số %1</source>
        <translation> — ID number %1</translation>
    </message>
    <message>
        <source>Sớm hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Trong hạn</source>
        <translation>Within time</translation>
    </message>
    <message>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source> — hẹn lại: %1</source>
        <translation> — new appointment: %1</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source> — cán bộ %1 (nhận từ %2)</source>
        <translation> — officer %1 (received from %2)</translation>
    </message>
    <message>
        <source> — cán bộ %1</source>
        <translation> — officer %1</translation>
    </message>
    <message>
        <source>, từ %1</source>
        <translation>, since %1</translation>
    </message>
    <message>
        <source>Kết quả đã sẵn sàng. Xác minh người nhận rồi trả kết quả.</source>
        <translation>The result is ready. Check who collects it, then hand it over.</translation>
    </message>
    <message>
        <source>(Xử lý xong lúc %1.)</source>
        <translation>(Finished at %1.)</translation>
    </message>
    <message>
        <source>qua bưu chính</source>
        <translation>by post</translation>
    </message>
    <message>
        <source>tại quầy</source>
        <translation>at the counter</translation>
    </message>
    <message>
        <source>Đã trả kết quả lúc %1 cho %2 (%3), cán bộ trả: %4.</source>
        <translation>Result handed over at %1 to %2 (%3) by officer %4.</translation>
    </message>
    <message>
        <source>Đánh giá: %1.</source>
        <translation>Rating: %1.</translation>
    </message>
    <message>
        <source>(không ghi lý do)</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <source>Hồ sơ không còn được giải quyết. Lý do: %1</source>
        <translation>The dossier is no longer being processed. Reason: %1</translation>
    </message>
    <message>
        <source>(xem phiếu yêu cầu bổ sung)</source>
        <translation>(see the supplement request)</translation>
    </message>
    <message>
        <source>Chưa có kết quả: đang chờ công dân bổ sung giấy tờ (%1). Thời hạn tạm dừng cho đến khi nhận đủ bổ sung.</source>
        <translation>No result yet: waiting for the citizen&apos;s additional papers (%1). The deadline is paused until they are complete.</translation>
    </message>
    <message>
        <source>(chưa xác định)</source>
        <translation>(not known yet)</translation>
    </message>
    <message>
        <source>Chưa có kết quả và đã quá hạn (hạn %1). Hồ sơ đang ở %2; cần liên hệ đơn vị để đôn đốc.</source>
        <translation>No result and overdue (due %1). The dossier is at %2; contact them to hurry it along.</translation>
    </message>
    <message>
        <source>Chưa có kết quả. Dự kiến trả: %1. Hồ sơ đang ở %2.</source>
        <translation>No result yet. Expected: %1. The dossier is at %2.</translation>
    </message>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
</context>
<context>
    <name>DossierListModel</name>
    <message>
        <source>Mã hồ sơ</source>
        <extracomment>Rows fetched per page while the officer scrolls. Light backgrounds behind the deadline text (the text says the same thing: colour is never alone). The number of dossiers matching the filter, after each (re)load. The officer clicked a header: the list must be reloaded in that order.</extracomment>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hạn giải quyết</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Tình trạng hạn</source>
        <translation>Timeliness</translation>
    </message>
    <message>
        <source>Đơn vị đang xử lý</source>
        <translation>Unit in charge</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving officer</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>(chưa cấp mã)</source>
        <translation>(no code)</translation>
    </message>
    <message>
        <source>Tạm dừng tính giờ</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <source>Hẹn trả ban đầu: %1</source>
        <translation>Original appointment: %1</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message numerus="yes">
        <source>Đã yêu cầu bổ sung %n lần; thời gian chờ bổ sung không tính.</source>
        <translation>
            <numerusform>Supplement requested once; waiting time is not counted.</numerusform>
            <numerusform>Supplement requested %n times; waiting time is not counted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Số tham chiếu trên phiếu yêu cầu bổ sung (mẫu 02); chưa cấp mã hồ sơ</source>
        <translation>Reference on the supplement request (form 02); no dossier code yet</translation>
    </message>
    <message>
        <source>Chưa tiếp nhận</source>
        <translation>Not received</translation>
    </message>
</context>
<context>
    <name>DossierListPanel</name>
    <message>
        <source>Tất cả</source>
        <extracomment>The list&apos;s columns holding a date and time: received, deadline. Pause after the last key typed in the search box before the list is filtered. Pause after a change elsewhere before the list on screen reloads (a burst of changes reloads it once). Emitted after each (re)load with the number of matching dossiers. The catalogue&apos;s procedures and fields are in the filters (after each load of them).</extracomment>
        <translation>All</translation>
    </message>
    <message>
        <source>Mọi hồ sơ</source>
        <translation>Every dossier</translation>
    </message>
    <message>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Hồ sơ đang giải quyết có hạn trong hôm nay</source>
        <translation>Open dossiers due today</translation>
    </message>
    <message>
        <source>Đến hạn trong 1 ngày làm việc</source>
        <translation>Due within 1 working day</translation>
    </message>
    <message>
        <source>Hồ sơ đang giải quyết có hạn trong vòng một ngày làm việc tới</source>
        <translation>Open dossiers due within the next working day</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Đã giải quyết trễ hạn hoặc đang giải quyết mà đã quá hạn</source>
        <translation>Resolved late, or still open past the deadline</translation>
    </message>
    <message>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <source>Đang chờ công dân bổ sung giấy tờ</source>
        <translation>Waiting for the citizen&apos;s additional papers</translation>
    </message>
    <message>
        <source>Chờ trả kết quả</source>
        <translation>Awaiting hand-over</translation>
    </message>
    <message>
        <source>Đã xử lý xong, chờ trả cho công dân</source>
        <translation>Finished, waiting to be handed to the citizen</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Tải lại danh sách (Ctrl+R)</source>
        <translation>Reload the list (Ctrl+R)</translation>
    </message>
    <message>
        <source>Mã hồ sơ, họ tên, số giấy tờ, điện thoại (gõ không dấu được)</source>
        <translation>Dossier code, name, ID number, phone (tone marks optional)</translation>
    </message>
    <message>
        <source>Tiếp nhận từ</source>
        <translation>Received from</translation>
    </message>
    <message>
        <source>Xóa bộ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <source>Kênh:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Nhấp đúp hoặc nhấn Enter để mở hồ sơ. Nhấp vào tiêu đề cột để sắp xếp.</source>
        <translation>Double-click or press Enter to open a dossier. Click a column title to sort.</translation>
    </message>
    <message>
        <source>Tất cả thủ tục</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Không tải được danh sách: %1</source>
        <translation>The list could not be loaded: %1</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>← Danh sách hồ sơ</source>
        <extracomment>A move was recorded: (the dossier after it, the action&apos;s key). &quot;Đã nhận bổ sung&quot; on an intake kept waiting for papers (no code): reopen it at intake (its ID).</extracomment>
        <translation>← Dossier list</translation>
    </message>
    <message>
        <source>Quay lại danh sách (Esc)</source>
        <translation>Back to the list (Esc)</translation>
    </message>
    <message>
        <source>In phiếu kiểm soát (mẫu 06)</source>
        <translation>Print the control slip (form 06)</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Chuyển tiếp hồ sơ</source>
        <translation>Move the dossier on</translation>
    </message>
    <message>
        <source>Đường đi của hồ sơ</source>
        <translation>The dossier&apos;s path</translation>
    </message>
    <message>
        <source>(chưa cấp mã)</source>
        <translation>(no code)</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Kênh nộp</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Tiếp nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving officer</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Hẹn trả mới (mẫu 04)</source>
        <translation>New appointment (form 04)</translation>
    </message>
    <message numerus="yes">
        <source>Đã yêu cầu bổ sung %n lần; thời gian chờ bổ sung không tính.</source>
        <translation>
            <numerusform>Supplement requested once; waiting time is not counted.</numerusform>
            <numerusform>Supplement requested %n times; waiting time is not counted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hạn giải quyết</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Đơn vị đang xử lý</source>
        <translation>Unit in charge</translation>
    </message>
    <message>
        <source>Sổ theo dõi</source>
        <translation>Tracking book</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Số giấy tờ</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier papers</translation>
    </message>
    <message>
        <source>Giấy tờ đã yêu cầu bổ sung</source>
        <translation>Papers requested</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>%1 (chưa cấp mã)</source>
        <translation>%1 (no code yet)</translation>
    </message>
    <message>
        <source>In lại phiếu yêu cầu bổ sung (mẫu 02)</source>
        <translation>Print the supplement request again (form 02)</translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung lúc</source>
        <translation>Papers requested at</translation>
    </message>
    <message>
        <source>Cán bộ hướng dẫn</source>
        <translation>Officer who asked for them</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Thiết lập lần đầu — Quầy Một cửa</source>
        <translation>First-run setup — One-stop Counter</translation>
    </message>
    <message>
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang lưu thông tin đơn vị và tài khoản quản trị…</source>
        <translation>Saving the unit and the administrator account…</translation>
    </message>
    <message>
        <source>Người quản trị tạo tài khoản cho các cán bộ và quản lý cài đặt của đơn vị.</source>
        <translation>The administrator creates the officers&apos; accounts and manages the unit&apos;s settings.</translation>
    </message>
</context>
<context>
    <name>FormPrinter</name>
    <message>
        <source>Xem trước khi in</source>
        <extracomment>Highest resolution a page is rasterised at before printing (enough for text and barcodes, small in memory).</extracomment>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Chức năng in phiếu chưa được cài đặt.</source>
        <translation>Printing forms is not installed.</translation>
    </message>
    <message>
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Quét hoặc nhập mã hồ sơ; hoặc họ tên, số giấy tờ của người nộp</source>
        <translation>Scan or type the dossier code, or the applicant&apos;s name or ID number</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Quét bằng camera</source>
        <translation>Scan with the camera</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kết quả tìm kiếm</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp theo</source>
        <translation>Next dossier</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <extracomment>What an account must be allowed to do to see this panel (the core&apos;s role rules). How much of a rejected scan the message repeats. Where a search result row keeps its dossier&apos;s ID (the code is kept in UserRole). A scan arrived (USB scanner anywhere in the app): the main window brings this panel to the front. The electronic result opened in the viewer (the dialog).</extracomment>
        <translation>Hand over results</translation>
    </message>
    <message>
        <source>Xem, in kết quả điện tử</source>
        <translation>View or print the electronic result</translation>
    </message>
    <message>
        <source>Mã vừa quét không phải mã hồ sơ hợp lệ: «%1». Kiểm tra bộ gõ tiếng Việt (Unikey) đang tắt.</source>
        <translation>The scanned code is not a valid dossier code: «%1». Check that the Vietnamese input method (Unikey) is off.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ nào khớp «%1».</source>
        <translation>No dossier matches «%1».</translation>
    </message>
    <message>
        <source>Đang mở hồ sơ %1…</source>
        <translation>Opening dossier %1…</translation>
    </message>
    <message>
        <source>Gửi kết quả qua bưu chính cho %1.</source>
        <translation>Send the result by post to %1.</translation>
    </message>
    <message>
        <source>Trả kết quả tại quầy cho người được ủy quyền %1 (giấy ủy quyền: %2).</source>
        <translation>Hand the result over at the counter to the authorised person %1 (authorisation: %2).</translation>
    </message>
    <message>
        <source>Trả kết quả tại quầy cho người nộp hồ sơ %1.</source>
        <translation>Hand the result over at the counter to the applicant %1.</translation>
    </message>
    <message>
        <source>Mời công dân đánh giá (phím 1, 2, 3).</source>
        <translation>Ask the citizen to rate the service (keys 1, 2, 3).</translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ %1 lúc %2 và ghi vào sổ theo dõi.</source>
        <translation>Result of dossier %1 handed over at %2 and entered in the tracking book.</translation>
    </message>
    <message>
        <source>Tắt camera</source>
        <translation>Turn the camera off</translation>
    </message>
    <message>
        <source>Lỗi không mong đợi: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ của %1 (thẻ căn cước %2).</source>
        <translation>Looking for the dossiers of %1 (ID card %2).</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <extracomment>What an account must be allowed to do to see this panel (the core&apos;s role rules). Ask the main window to bring this panel to the front (Ctrl+N from another panel).</extracomment>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục.</source>
        <extracomment>The intake waiting for papers being finished (form 02 scanned or opened from the list), else None.</extracomment>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <source>1. Thủ tục hành chính</source>
        <translation>1. Administrative procedure</translation>
    </message>
    <message>
        <source>2. Người nộp hồ sơ</source>
        <translation>2. Applicant</translation>
    </message>
    <message>
        <source>3. Thành phần hồ sơ</source>
        <translation>3. Dossier papers</translation>
    </message>
    <message>
        <source>4. Kết quả tiếp nhận</source>
        <translation>4. Decision</translation>
    </message>
    <message>
        <source>Khôi phục hồ sơ đang nhập dở?</source>
        <translation>Restore the dossier you were typing?</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Bỏ qua</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Tiếp nhận mới</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>Tìm thủ tục</source>
        <translation>Find procedure</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung…</source>
        <translation>Request supplement…</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>In phiếu của hồ sơ vừa xử lý</source>
        <translation>Print the form of the last dossier</translation>
    </message>
    <message>
        <source>&lt;b&gt;Đã chọn:&lt;/b&gt; %1 — %2</source>
        <translation>&lt;b&gt;Chosen:&lt;/b&gt; %1 — %2</translation>
    </message>
    <message>
        <source>Chọn thủ tục trước.</source>
        <translation>Choose a procedure first.</translation>
    </message>
    <message>
        <source>Chưa thể tiếp nhận: hồ sơ còn thiếu thành phần (có thể yêu cầu bổ sung).</source>
        <translation>Cannot receive yet: papers are missing (you can request a supplement).</translation>
    </message>
    <message>
        <source>Hãy sửa các lỗi được đánh dấu ở thông tin người nộp.</source>
        <translation>Correct the marked errors in the applicant&apos;s details.</translation>
    </message>
    <message>
        <source>Không lưu được hồ sơ: %1</source>
        <translation>The dossier could not be saved: %1</translation>
    </message>
    <message>
        <source>Có hồ sơ đang nhập dở (lưu lúc %1). Khôi phục hồ sơ đang nhập dở?</source>
        <translation>A dossier was being typed (saved at %1). Restore the dossier you were typing?</translation>
    </message>
    <message>
        <source>Thủ tục %1 của bản nháp không còn trong danh mục.</source>
        <translation>The draft&apos;s procedure %1 is no longer in the catalogue.</translation>
    </message>
    <message>
        <source>Bỏ hồ sơ đang nhập dở để tiếp nhận hồ sơ mới?</source>
        <translation>Discard the intake being typed and start a new one?</translation>
    </message>
    <message>
        <source>Thông tin người nộp và các thành phần đã đánh dấu sẽ bị xóa.</source>
        <translation>The applicant&apos;s details and the papers ticked will be cleared.</translation>
    </message>
    <message>
        <source>Bỏ, tiếp nhận mới</source>
        <translation>Discard, start new</translation>
    </message>
    <message>
        <source>Tiếp tục nhập</source>
        <translation>Keep typing</translation>
    </message>
    <message>
        <source>Đã đổi thủ tục: đây là một hồ sơ mới, hồ sơ chờ bổ sung vẫn giữ nguyên.</source>
        <translation>Procedure changed: this is a new dossier; the dossier waiting for papers stays as it is.</translation>
    </message>
    <message numerus="yes">
        <source>Chưa thể tiếp nhận: còn %n lỗi ở thông tin người nộp.</source>
        <translation>
            <numerusform>Cannot receive yet: %n error remains in the applicant&apos;s details.</numerusform>
            <numerusform>Cannot receive yet: %n errors remain in the applicant&apos;s details.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa thể tiếp nhận: đánh dấu các giấy tờ công dân vừa nộp bổ sung.</source>
        <translation>Cannot receive yet: tick the papers the citizen has just brought.</translation>
    </message>
    <message>
        <source>Tiếp tục hồ sơ chờ bổ sung</source>
        <translation>Continue a dossier waiting for papers</translation>
    </message>
    <message>
        <source>Bỏ hồ sơ đang nhập dở để tiếp tục hồ sơ chờ bổ sung của %1?</source>
        <translation>Drop the intake being entered and continue the dossier of %1 waiting for papers?</translation>
    </message>
    <message>
        <source>Bỏ, tiếp tục hồ sơ chờ bổ sung</source>
        <translation>Drop it and continue</translation>
    </message>
    <message>
        <source>Không mở được hồ sơ chờ bổ sung: %1</source>
        <translation>The dossier waiting for papers could not be opened: %1</translation>
    </message>
</context>
<context>
    <name>IntakePapers</name>
    <message>
        <source>Chụp số hóa…</source>
        <extracomment>A component was digitised (the PreparedPaper), shown in the checklist. The camera capture opened (the dialog), for tests and screenshots. The scan folder&apos;s dialog opened (the dialog), for tests and screenshots.</extracomment>
        <translation>Capture…</translation>
    </message>
    <message>
        <source>Chụp từng trang của thành phần đang chọn bằng camera tài liệu</source>
        <translation>Photograph each page of the selected component with the document camera</translation>
    </message>
    <message>
        <source>Từ tệp…</source>
        <translation>From files…</translation>
    </message>
    <message>
        <source>Chọn tệp PDF hoặc ảnh đã quét của thành phần đang chọn</source>
        <translation>Choose scanned PDF files or images of the selected component</translation>
    </message>
    <message>
        <source>Từ máy quét…</source>
        <translation>From the scanner…</translation>
    </message>
    <message>
        <source>Bỏ bản số hóa</source>
        <translation>Drop digitised copy</translation>
    </message>
    <message>
        <source>Nhận các tệp máy quét của phòng lưu vào thư mục %1</source>
        <translation>Take the files the office scanner saves into %1</translation>
    </message>
    <message>
        <source>Chưa chọn thư mục máy quét: đặt trong Cài đặt → Thiết bị</source>
        <translation>No scan folder chosen: set it in Settings → Devices</translation>
    </message>
    <message>
        <source>Chọn tệp PDF hoặc ảnh</source>
        <translation>Choose PDF files or images</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Tra cứu hồ sơ</source>
        <translation>Dossier lookup</translation>
    </message>
    <message>
        <source>TRA CỨU TÌNH TRẠNG HỒ SƠ</source>
        <translation>CHECK YOUR DOSSIER</translation>
    </message>
    <message>
        <source>Đưa mã vạch hoặc mã QR trên giấy hẹn vào máy quét, hoặc nhập mã hồ sơ rồi nhấn Enter.</source>
        <translation>Hold the barcode or QR code of your appointment slip to the scanner, or type the dossier code and press Enter.</translation>
    </message>
    <message>
        <source>Mã hồ sơ có dạng 000.00.06.H56-261127-0105</source>
        <translation>A dossier code looks like 000.00.06.H56-261127-0105</translation>
    </message>
    <message>
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Màn hình chỉ hiển thị thông tin tiến độ; họ tên người nộp được che một phần.</source>
        <translation>Only progress is shown; the applicant&apos;s name is partly hidden.</translation>
    </message>
    <message>
        <source>THÔNG TIN HỒ SƠ</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Tình trạng hiện tại</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>Đơn vị đang giải quyết</source>
        <translation>Unit in charge</translation>
    </message>
    <message>
        <source>Ngày hẹn trả kết quả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Tra cứu hồ sơ khác</source>
        <translation>Look up another dossier</translation>
    </message>
    <message>
        <source>Màn hình sẽ tự quay về trang đầu sau %1 giây.</source>
        <translation>The screen returns to the start in %1 seconds.</translation>
    </message>
    <message>
        <source>Mã hồ sơ không đúng định dạng. Hãy quét lại hoặc nhập đúng mã trên giấy hẹn.</source>
        <extracomment>Idle time after which the kiosk goes back to its start page. How often the countdown looks at the clock (a second is shown as soon as it has passed). Seconds left before the result page goes back to the start page, each time the shown number changes.</extracomment>
        <translation>That is not a dossier code. Scan again or type the code on your appointment slip.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ có mã này. Hãy kiểm tra lại mã trên giấy hẹn.</source>
        <translation>No dossier has this code. Check the code on your appointment slip.</translation>
    </message>
    <message>
        <source>Chưa tra cứu được, xin mời thử lại hoặc liên hệ quầy tiếp nhận.</source>
        <translation>The lookup failed; please try again or ask at the counter.</translation>
    </message>
    <message>
        <source>(đã hẹn lại)</source>
        <translation>(rescheduled)</translation>
    </message>
    <message>
        <source>Tạm dừng tính hạn: chờ bổ sung giấy tờ</source>
        <translation>Deadline paused: waiting for additional papers</translation>
    </message>
    <message>
        <source>Đang giải quyết, trong hạn</source>
        <translation>In progress, on schedule</translation>
    </message>
    <message>
        <source>Đã quá hạn hẹn trả</source>
        <translation>Past the appointment</translation>
    </message>
    <message>
        <source>Đã giải quyết trước hạn</source>
        <translation>Resolved early</translation>
    </message>
    <message>
        <source>Đã giải quyết đúng hạn</source>
        <translation>Resolved on time</translation>
    </message>
    <message>
        <source>Đã giải quyết, trễ hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message numerus="yes">
        <source>Màn hình sẽ tự quay về trang đầu sau &lt;b&gt;%n&lt;/b&gt; giây.</source>
        <translation>
            <numerusform>The screen returns to the start page in &lt;b&gt;%n&lt;/b&gt; second.</numerusform>
            <numerusform>The screen returns to the start page in &lt;b&gt;%n&lt;/b&gt; seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LastDossierSummary</name>
    <message>
        <source>Hồ sơ vừa xử lý</source>
        <translation>Last dossier</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Mã hồ sơ: %1</source>
        <translation>Dossier code: %1</translation>
    </message>
    <message>
        <source>Hẹn trả: %1</source>
        <translation>Appointment: %1</translation>
    </message>
    <message>
        <source>In giấy tiếp nhận (01)</source>
        <translation>Print receipt (01)</translation>
    </message>
    <message>
        <source>Đã yêu cầu bổ sung hồ sơ</source>
        <translation>Supplement requested</translation>
    </message>
    <message numerus="yes">
        <source>Cần bổ sung %n mục</source>
        <translation>
            <numerusform>%n item to supply</numerusform>
            <numerusform>%n items to supply</numerusform>
        </translation>
    </message>
    <message>
        <source>In phiếu yêu cầu bổ sung (02)</source>
        <translation>Print supplement request (02)</translation>
    </message>
    <message>
        <source>Đã từ chối tiếp nhận</source>
        <translation>Dossier refused</translation>
    </message>
    <message>
        <source>In phiếu từ chối (03)</source>
        <translation>Print refusal (03)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Máy quầy đang khóa</source>
        <translation>This counter is locked</translation>
    </message>
    <message>
        <source>Cán bộ %1 (%2) đang làm việc. Nhập mật khẩu để tiếp tục; dữ liệu đang nhập được giữ nguyên.</source>
        <translation>Officer %1 (%2) is working here. Type the password to go on; what was being typed is kept.</translation>
    </message>
    <message>
        <source>Người quản trị cũng có thể mở khóa bằng tài khoản của mình.</source>
        <translation>An administrator can also unlock with their own account.</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Type your username and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Hệ thống</source>
        <extracomment>Modules (under counter_app.gui) that contribute a panel through `create_panel(session, parent) -&gt; PanelEntry`, in menu order. A module that is not there yet is skipped. Feature packages (under counter_app.gui) whose `install(window, session)` adds several panels and notices. The screen each role lands on after sign-in, first one present wins: the leader watches the figures, the processing officer works from the list, the receiving officer receives. An administrator lands on intake: the first-run wizard&apos;s only account is an administrator, who at a small unit is also the one at the counter (the figures are one key away, F9). The window really closed: its drafts saved, the task runner&apos;s work delivered, the sync worker stopped.</extracomment>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Quản lý tài khoản…</source>
        <translation>Manage accounts…</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Chức năng</source>
        <translation>&amp;Functions</translation>
    </message>
    <message>
        <source>&amp;Trợ giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Vai trò của bạn chưa có chức năng nào trên máy quầy.</source>
        <translation>Your role has no function on the counter computer yet.</translation>
    </message>
    <message>
        <source>Trống</source>
        <translation>Empty</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ %1</source>
        <translation>Dossier %1 received</translation>
    </message>
    <message>
        <source>Đã hướng dẫn bổ sung hồ sơ cho %1</source>
        <translation>Supplement requested from %1</translation>
    </message>
    <message>
        <source>Đã từ chối tiếp nhận hồ sơ của %1</source>
        <translation>Dossier of %1 refused</translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ %1</source>
        <translation>Result of dossier %1 handed over</translation>
    </message>
    <message>
        <source>Vai trò %1 không xem được bảng điều hành (F9): bảng này dành cho lãnh đạo và quản trị.</source>
        <translation>The role %1 cannot see the dashboard (F9): it is for leaders and administrators.</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Quầy Một cửa</source>
        <translation>One-stop Counter</translation>
    </message>
</context>
<context>
    <name>MoveAction</name>
    <message>
        <source>Chuyển đơn vị xử lý</source>
        <translation>Transfer to a unit</translation>
    </message>
    <message>
        <source>Ghi nhận đang xử lý</source>
        <translation>Record as processing</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung (mẫu 02)</source>
        <translation>Request supplement (form 02)</translation>
    </message>
    <message>
        <source>Đã nhận bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Yêu cầu nộp phí, thuế</source>
        <translation>Request fees or taxes</translation>
    </message>
    <message>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Công dân xin rút hồ sơ</source>
        <translation>Citizen withdraws</translation>
    </message>
    <message>
        <source>Dừng xử lý (mẫu 05)</source>
        <translation>Stop processing (form 05)</translation>
    </message>
    <message>
        <source>Xin lỗi, hẹn lại (mẫu 04)</source>
        <translation>Apologise and reschedule (form 04)</translation>
    </message>
    <message>
        <source>Giao hồ sơ cho một phòng, ban hoặc cơ quan phối hợp</source>
        <translation>Hand the dossier to a department or partner agency</translation>
    </message>
    <message>
        <source>Ghi nhận hồ sơ đang được xử lý</source>
        <translation>Record that the dossier is being processed</translation>
    </message>
    <message>
        <source>Ghi rõ giấy tờ cần bổ sung; thời gian chờ bổ sung không tính vào hạn</source>
        <translation>List the papers to add; the waiting time does not count against the deadline</translation>
    </message>
    <message>
        <source>Công dân đã nộp đủ giấy tờ bổ sung; tiếp tục tính giờ</source>
        <translation>The citizen supplied the papers; the clock runs again</translation>
    </message>
    <message>
        <source>Công dân cần thực hiện nghĩa vụ tài chính</source>
        <translation>The citizen must pay fees or taxes</translation>
    </message>
    <message>
        <source>Đã xử lý xong, chờ trả kết quả</source>
        <translation>Finished, waiting for hand-over</translation>
    </message>
    <message>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>The citizen asks to withdraw the dossier</translation>
    </message>
    <message>
        <source>Dừng giải quyết hồ sơ và in thông báo (mẫu 05)</source>
        <translation>Stop processing and print the notice (form 05)</translation>
    </message>
    <message>
        <source>Xin lỗi vì trễ hạn và hẹn ngày trả mới (mẫu 04)</source>
        <translation>Apologise for the delay and set a new date (form 04)</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Đề xuất theo lịch làm việc của đơn vị: %1 ngày làm việc sau ngày hẹn đang áp dụng.</source>
        <translation>Offered on the unit&apos;s working calendar: %1 working days after the appointment in force.</translation>
    </message>
    <message>
        <source>VD: Chủ tịch, hoặc KT. Chủ tịch / Phó Chủ tịch</source>
        <translation>E.g. Chủ tịch, or KT. Chủ tịch / Phó Chủ tịch</translation>
    </message>
    <message>
        <source>Người đứng đầu đơn vị</source>
        <translation>Head of the unit</translation>
    </message>
    <message>
        <source>Ngày công dân đề nghị:</source>
        <translation>Date of the citizen&apos;s request:</translation>
    </message>
    <message>
        <source>Chức vụ người ký:</source>
        <translation>Signer&apos;s position:</translation>
    </message>
    <message>
        <source>Hãy ghi chức vụ và họ tên người ký.</source>
        <translation>Enter the signer&apos;s position and full name.</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới phải trong giờ làm việc của một ngày làm việc.</source>
        <translation>The new appointment must be within office hours on a working day.</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới phải sau ngày hẹn đang áp dụng.</source>
        <translation>The new appointment must come after the appointment in force.</translation>
    </message>
    <message>
        <source>Họ tên hoặc tên đăng nhập người nhận</source>
        <translation>Receiver&apos;s name or username</translation>
    </message>
    <message>
        <source>Đặt hạn cho bước này</source>
        <translation>Set a deadline for this step</translation>
    </message>
    <message>
        <source>Mỗi dòng một giấy tờ cần bổ sung, hoàn thiện</source>
        <translation>One paper to add or complete per line</translation>
    </message>
    <message>
        <source>Người đứng đầu cơ quan trễ hạn</source>
        <translation>Head of the late agency</translation>
    </message>
    <message>
        <source>Chuyển đến đơn vị:</source>
        <translation>Transfer to:</translation>
    </message>
    <message>
        <source>Người nhận:</source>
        <translation>Collector:</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung:</source>
        <translation>Papers to add:</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới:</source>
        <translation>New appointment:</translation>
    </message>
    <message>
        <source>Cơ quan xin lỗi:</source>
        <translation>Apologising agency:</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hãy chọn đơn vị nhận hồ sơ.</source>
        <translation>Choose the unit that takes the dossier.</translation>
    </message>
    <message>
        <source>Hãy ghi rõ giấy tờ cần bổ sung.</source>
        <translation>List the papers to add.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do.</source>
        <translation>Give the reason.</translation>
    </message>
    <message>
        <source>Chờ công dân bổ sung từ %1; thời gian chờ không tính vào hạn: hạn giải quyết dời đến %2.</source>
        <translation>Waiting for the citizen&apos;s papers since %1; the wait does not count: the deadline moves to %2.</translation>
    </message>
</context>
<context>
    <name>NeedsAttentionPanel</name>
    <message>
        <source>Không có mục nào cần xử lý.</source>
        <translation>Nothing needs attention.</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Loại thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Số lần gửi</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Gửi lại mục đã chọn</source>
        <translation>Resend the selected item</translation>
    </message>
    <message>
        <source>Gửi lại tất cả</source>
        <translation>Resend all</translation>
    </message>
    <message>
        <source>Xuất ra tệp…</source>
        <translation>Export to a file…</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Cập nhật hồ sơ</source>
        <translation>Dossier update</translation>
    </message>
    <message>
        <source>%1 thay đổi bị máy chủ từ chối; các thay đổi khác vẫn được gửi.</source>
        <translation>The server refused %1 changes; the other changes are still sent.</translation>
    </message>
    <message>
        <source>Đang xuất…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <source>Đã xuất %n thay đổi chưa gửi ra %1</source>
        <translation>
            <numerusform>%n unsent change exported to %1</numerusform>
            <numerusform>%n unsent changes exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Xuất các thay đổi chưa gửi</source>
        <translation>Export unsent changes</translation>
    </message>
    <message>
        <source>Tệp JSON (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <source>Tiếp nhận</source>
        <extracomment>Submits a dialog of the intake, from any of its fields.</extracomment>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ, cấp mã và giấy hẹn</source>
        <translation>Receive the dossier: code and appointment slip</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung, hoàn thiện hồ sơ (mẫu 02)</source>
        <translation>Explain what must be added (form 02)</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận hồ sơ (mẫu 03)</source>
        <translation>Refuse the dossier (form 03)</translation>
    </message>
</context>
<context>
    <name>PanelRouting</name>
    <message>
        <source>Mã hồ sơ %1: tài khoản này không trả kết quả; tìm hồ sơ trong danh sách hồ sơ.</source>
        <extracomment>Opens the webcam for the intake&apos;s &quot;read the card with the camera&quot; (tests give a recorded one).</extracomment>
        <translation>Dossier code %1: this account does not hand over results; find the dossier in the dossier list.</translation>
    </message>
    <message>
        <source>Thẻ căn cước dùng để điền người nộp ở màn hình Tiếp nhận hồ sơ.</source>
        <translation>An ID card fills in the applicant on the Intake screen.</translation>
    </message>
    <message>
        <source>Mã vừa quét không phải mã hồ sơ hợp lệ: «%1». Kiểm tra bộ gõ tiếng Việt (Unikey) đang tắt.</source>
        <translation>The scanned code is not a valid dossier code: «%1». Check that the Vietnamese input method (Unikey) is off.</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung %1: hồ sơ chưa được tiếp nhận; cán bộ tiếp nhận tiếp tục hồ sơ này ở màn hình Tiếp nhận hồ sơ.</source>
        <translation>Supplement request %1: the dossier is not received yet; a receiving officer continues it on the Intake screen.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <source>Ít nhất %1 ký tự và không phải mật khẩu phổ biến (như 12345678, matkhau123).</source>
        <translation>At least %1 characters and not a common password (such as 12345678, matkhau123).</translation>
    </message>
</context>
<context>
    <name>PdfViewerDialog</name>
    <message numerus="yes">
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>Công dân</source>
        <extracomment>Lines of room kept under each field for its error (a half-width field&apos;s sentence takes two or three), so that fields never move when errors come and go and a click lands where the officer aimed.</extracomment>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Doanh nghiệp, hộ kinh doanh</source>
        <translation>Business or household business</translation>
    </message>
    <message>
        <source>Cơ quan nhà nước</source>
        <translation>State agency</translation>
    </message>
    <message>
        <source>Tổ chức khác</source>
        <translation>Other organisation</translation>
    </message>
    <message>
        <source>Số định danh cá nhân / CCCD</source>
        <translation>Personal ID number / citizen ID card</translation>
    </message>
    <message>
        <source>CMND (9 số)</source>
        <translation>Old ID card (9 digits)</translation>
    </message>
    <message>
        <source>Hộ chiếu</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Giấy tờ khác</source>
        <translation>Other document</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>ví dụ 0912 345 678</source>
        <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Đối tượng:</source>
        <translation>Applicant type:</translation>
    </message>
    <message>
        <source>Loại giấy tờ:</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <source>Số giấy tờ:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Tên tổ chức:</source>
        <translation>Organisation:</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>Tìm thủ tục: gõ tên, mã hoặc lĩnh vực (không cần dấu), ví dụ «khai sinh»</source>
        <translation>Find a procedure: type its name, code or field (tone marks optional), e.g. «khai sinh»</translation>
    </message>
    <message numerus="yes">
        <source>%n thủ tục phù hợp — ↑↓ để chọn, Enter để dùng</source>
        <translation>
            <numerusform>%n matching procedure — ↑↓ to move, Enter to choose</numerusform>
            <numerusform>%n matching procedures — ↑↓ to move, Enter to choose</numerusform>
        </translation>
    </message>
    <message>
        <source>Không có thủ tục nào phù hợp.</source>
        <translation>No procedure matches.</translation>
    </message>
</context>
<context>
    <name>ProcedureTableModel</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>Các thay đổi vẫn được giữ an toàn trên máy này và sẽ tự gửi khi mở lại Quầy Một cửa. Gửi ngay để máy chủ và các quầy khác có chúng từ bây giờ.</source>
        <translation>They are kept safe on this PC and are sent by themselves when the One-stop Counter opens again. Send them now so that the server and the other counters have them from now on.</translation>
    </message>
    <message>
        <source>Lần đồng bộ gần nhất: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>Thoát Quầy Một cửa</source>
        <translation>Quit the One-stop Counter</translation>
    </message>
    <message numerus="yes">
        <source>Còn %n thay đổi chưa gửi lên máy chủ.</source>
        <translation>
            <numerusform>%n change has not been sent to the server yet.</numerusform>
            <numerusform>%n changes have not been sent to the server yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Gửi ngay rồi thoát</source>
        <translation>Send now, then quit</translation>
    </message>
    <message>
        <source>Thoát, gửi sau</source>
        <translation>Quit, send later</translation>
    </message>
    <message>
        <source>Ở lại</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>lỗi khi gửi (%1).</source>
        <translation>an error while sending (%1).</translation>
    </message>
</context>
<context>
    <name>RatingForm</name>
    <message>
        <source>Đánh giá mức độ hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Phím %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <source>Ý kiến của công dân (không bắt buộc)</source>
        <translation>Citizen&apos;s comment (optional)</translation>
    </message>
    <message>
        <source>Trả kết quả, không đánh giá</source>
        <translation>Hand over without a rating</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Ý kiến:</source>
        <translation>Comment:</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>Refuse the dossier</translation>
    </message>
    <message>
        <source>— Chọn lý do thường gặp —</source>
        <translation>— Choose a common reason —</translation>
    </message>
    <message>
        <source>Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.</source>
        <translation>The procedure is outside this unit&apos;s competence.</translation>
    </message>
    <message>
        <source>Người nộp không có quyền yêu cầu thực hiện thủ tục này.</source>
        <translation>The applicant is not entitled to request this procedure.</translation>
    </message>
    <message>
        <source>Hồ sơ có dấu hiệu giả mạo giấy tờ.</source>
        <translation>The papers show signs of forgery.</translation>
    </message>
    <message>
        <source>Yêu cầu đã được giải quyết trước đó.</source>
        <translation>The request was already settled before.</translation>
    </message>
    <message>
        <source>Lý do từ chối cụ thể (bắt buộc, in trên phiếu 03)</source>
        <translation>The specific reason for refusal (required, printed on form 03)</translation>
    </message>
    <message>
        <source>Từ chối hồ sơ</source>
        <translation>Refuse dossier</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Lý do thường gặp:</source>
        <translation>Common reasons:</translation>
    </message>
    <message>
        <source>Lý do từ chối:</source>
        <translation>Reason for refusal:</translation>
    </message>
    <message>
        <source>Phiếu từ chối (mẫu 03) cần họ tên người nộp và lý do từ chối cụ thể. Số giấy tờ, địa chỉ, điện thoại, email được ghi trên phiếu nếu đã nhập, không bắt buộc.</source>
        <translation>A refusal slip (form 03) needs the applicant&apos;s name and the specific reason for the refusal. The ID number, address, phone and email are printed on it when they were typed; they are not required.</translation>
    </message>
    <message>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>Họ tên người nộp (bắt buộc, in trên phiếu 03)</source>
        <translation>Applicant&apos;s full name (required, printed on form 03)</translation>
    </message>
</context>
<context>
    <name>ReturnForm</name>
    <message>
        <source>Xác minh người nhận kết quả</source>
        <translation>Check who collects the result</translation>
    </message>
    <message>
        <source>Nhận tại quầy</source>
        <translation>Collected at the counter</translation>
    </message>
    <message>
        <source>Gửi qua bưu chính</source>
        <translation>Sent by post</translation>
    </message>
    <message>
        <source>Chính người nộp hồ sơ</source>
        <translation>The applicant in person</translation>
    </message>
    <message>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <source>Số trên thẻ căn cước / CMND / hộ chiếu của người nhận</source>
        <translation>Number on the collector&apos;s ID card or passport</translation>
    </message>
    <message>
        <source>Họ và tên người nhận</source>
        <translation>Collector&apos;s full name</translation>
    </message>
    <message>
        <source>Số, ngày của giấy ủy quyền</source>
        <translation>Number and date of the authorisation</translation>
    </message>
    <message>
        <source>Không bắt buộc (ví dụ số hiệu bưu gửi)</source>
        <translation>Optional (e.g. the postal tracking number)</translation>
    </message>
    <message>
        <source>Xác nhận người nhận</source>
        <translation>Confirm the collector</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>How:</translation>
    </message>
    <message>
        <source>Người nhận:</source>
        <translation>Collector:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Số giấy tờ:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>Giấy ủy quyền:</source>
        <translation>Authorisation paper:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>(chưa có địa chỉ)</source>
        <translation>(no address)</translation>
    </message>
    <message>
        <source>Kết quả gửi cho người nộp %1 theo địa chỉ: %2</source>
        <translation>Result sent to the applicant %1 at: %2</translation>
    </message>
    <message>
        <source>Nhập số giấy tờ tùy thân người nhận xuất trình.</source>
        <translation>Type the number of the ID the collector shows.</translation>
    </message>
    <message>
        <source>Số giấy tờ không khớp với người nộp hồ sơ. Nếu là người khác đến nhận, chọn «Người được ủy quyền».</source>
        <translation>The ID number does not match the applicant. If someone else collects, choose «Authorised person».</translation>
    </message>
    <message>
        <source>Đây là số giấy tờ của người nộp: chọn «Chính người nộp hồ sơ».</source>
        <translation>This is the applicant&apos;s ID number: choose «The applicant in person».</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving officer</translation>
    </message>
    <message>
        <source>Cán bộ xử lý</source>
        <translation>Processing officer</translation>
    </message>
    <message>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>ScanFolderDialog</name>
    <message>
        <source>Quét giấy tờ: %1</source>
        <extracomment>A whole file arrived in the folder (its path).</extracomment>
        <translation>Scan papers: %1</translation>
    </message>
    <message>
        <source>Quét giấy tờ trên máy quét của phòng; các tệp lưu vào thư mục %1 sẽ hiện ở đây.</source>
        <translation>Scan the papers on the office scanner; the files saved into %1 appear here.</translation>
    </message>
    <message>
        <source>▲ Lên</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <source>▼ Xuống</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <source>Bỏ khỏi danh sách</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lưu bản số hóa</source>
        <translation>Save the digitised copy</translation>
    </message>
    <message>
        <source>Không mở được thư mục máy quét %1; hãy kiểm tra thư mục trong Cài đặt.</source>
        <translation>The scan folder %1 cannot be opened; check the folder in Settings.</translation>
    </message>
    <message>
        <source>Mất kết nối tới thư mục máy quét; đang thử lại…</source>
        <translation>The scan folder cannot be reached; trying again…</translation>
    </message>
</context>
<context>
    <name>ScanGate</name>
    <message>
        <source>Máy quầy đang khóa: mở khóa rồi quét lại.</source>
        <extracomment>Where scans come from that the gate never holds (see the module&apos;s docstring). How long the sentence about a scan dropped under the idle lock stays in the status bar. A scan was held; the sentence said about it. The held scan goes to the router now (its text).</extracomment>
        <translation>The counter is locked: unlock it and scan again.</translation>
    </message>
    <message>
        <source>mã hồ sơ %1</source>
        <translation>dossier code %1</translation>
    </message>
    <message>
        <source>thẻ căn cước</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>một mã</source>
        <translation>a code</translation>
    </message>
    <message>
        <source>Đã nhận một lần quét (%1); sẽ xử lý khi đóng hộp thoại này.</source>
        <translation>A scan came in (%1); it will be handled when this dialog closes.</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>Mã vừa quét không phải mã hồ sơ hay thẻ căn cước: «%1».</source>
        <extracomment>Where a scan came from (`handle`&apos;s `source`). How much of an unrecognised scan a message repeats. How long a sentence about a scan stays in the status bar. The scanner&apos;s terminator as the settings name it (`scanner_terminator`) and as the wedge detector takes it. A dossier code (text as scanned, trimmed): the hand-over panel opens it. A chip ID card&apos;s QR code whose fields pass their checks (`core.idcard.IdCard`), and its source. A text with the card&apos;s shape whose fields fail a check: the sentence saying which. A dossier code&apos;s outline with letters no code has (an input method such as Unikey was on). The reference on form 02 of an intake kept waiting for papers (`core.references`, printed form): the intake reopens it. Anything else: the sentence saying the scan was not recognised, and its source. Holds scans while a dialog is open (`gui/scan_gate.py`); set by the gate itself.</extracomment>
        <translation>The scanned code is neither a dossier code nor an ID card: «%1».</translation>
    </message>
    <message>
        <source>Không dùng được thẻ căn cước vừa quét: %1</source>
        <translation>The scanned ID card cannot be used: %1</translation>
    </message>
</context>
<context>
    <name>SerialScannerLink</name>
    <message>
        <source>Đã kết nối máy quét ở cổng %1.</source>
        <extracomment>How long a sentence about the scanner stays in the status bar. The settings a running serial scanner was started with: (port, speed, suffix). Problems of the port itself (kept as the state label&apos;s tooltip until the port is ready), not of one message.</extracomment>
        <translation>Scanner connected on port %1.</translation>
    </message>
    <message>
        <source>chưa chọn cổng</source>
        <translation>no port chosen</translation>
    </message>
    <message>
        <source>Máy quét (%1): sẵn sàng</source>
        <translation>Scanner (%1): ready</translation>
    </message>
    <message>
        <source>Máy quét chế độ cổng COM, tốc độ %1 baud</source>
        <translation>Scanner in COM port mode, %1 baud</translation>
    </message>
    <message>
        <source>Máy quét (%1): chưa kết nối</source>
        <translation>Scanner (%1): not connected</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Giao diện và in</source>
        <translation>Display and printing</translation>
    </message>
    <message>
        <source>Máy quét và camera</source>
        <translation>Scanner and camera</translation>
    </message>
    <message>
        <source>Máy quét mã vạch gửi mã:</source>
        <translation>The barcode scanner sends codes:</translation>
    </message>
    <message>
        <source>Như bàn phím (chế độ bàn phím)</source>
        <translation>As a keyboard (keyboard mode)</translation>
    </message>
    <message>
        <source>Qua cổng COM (chế độ USB-COM, gửi UTF-8)</source>
        <translation>Over a COM port (USB-COM mode, UTF-8)</translation>
    </message>
    <message>
        <source>Chế độ bàn phím</source>
        <translation>Keyboard mode</translation>
    </message>
    <message>
        <source>Mỗi lần quét kết thúc bằng:</source>
        <translation>Each scan ends with:</translation>
    </message>
    <message>
        <source>Phím Enter (mặc định của máy quét)</source>
        <translation>The Enter key (scanners&apos; default)</translation>
    </message>
    <message>
        <source>Phím Tab</source>
        <translation>The Tab key</translation>
    </message>
    <message>
        <source>Không có (nhận biết bằng khoảng dừng)</source>
        <translation>Nothing (told by a pause)</translation>
    </message>
    <message>
        <source>Chế độ cổng COM (USB-COM)</source>
        <translation>COM port mode (USB-COM)</translation>
    </message>
    <message>
        <source>Ở chế độ USB-COM máy quét gửi chữ tiếng Việt nguyên vẹn (UTF-8), nên đọc đúng mã QR của thẻ căn cước. Chuyển máy quét sang chế độ này bằng mã cài đặt trong sách hướng dẫn của hãng, rồi chọn cổng của nó.</source>
        <translation>In USB-COM mode the scanner sends Vietnamese letters intact (UTF-8), so the QR code of a chip ID card reads correctly. Switch the scanner to this mode with the setup code in its maker&apos;s manual, then choose its port.</translation>
    </message>
    <message>
        <source>Cổng COM:</source>
        <translation>COM port:</translation>
    </message>
    <message>
        <source>Tốc độ (baud):</source>
        <translation>Speed (baud):</translation>
    </message>
    <message>
        <source>Ký tự kết thúc mỗi mã:</source>
        <translation>End of each code:</translation>
    </message>
    <message>
        <source>Máy chủ và theo dõi</source>
        <translation>Server and follow-up</translation>
    </message>
    <message>
        <source>Bảo mật</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chỉ người quản trị được sửa thông tin đơn vị.</source>
        <translation>Only an administrator can change the unit&apos;s details.</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Giấy in nhiệt 80 mm (giấy hẹn)</source>
        <translation>Thermal roll 80 mm (appointment slip)</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực từ lần mở phần mềm sau.</source>
        <translation>A new language applies the next time the program starts.</translation>
    </message>
    <message>
        <source>Khổ giấy in phiếu:</source>
        <translation>Paper for forms:</translation>
    </message>
    <message>
        <source>Máy in giấy tiếp nhận (01):</source>
        <translation>Printer for receipts (01):</translation>
    </message>
    <message>
        <source>Máy in phiếu bổ sung (02):</source>
        <translation>Printer for supplement requests (02):</translation>
    </message>
    <message>
        <source>Máy in phiếu từ chối (03):</source>
        <translation>Printer for refusals (03):</translation>
    </message>
    <message>
        <source>(Máy in mặc định của hệ thống)</source>
        <extracomment>This PC&apos;s settings whose changes go into the audit trail. The values behind the items the form lists, in its order: interface languages and paper sizes. How a scan ends in keyboard mode, as the settings name it (`scan_router.TERMINATOR_KEYS`). Between a listed port&apos;s name and its description in the port box.</extracomment>
        <translation>(System default printer)</translation>
    </message>
    <message>
        <source>%1 (không tìm thấy)</source>
        <translation>%1 (not found)</translation>
    </message>
    <message>
        <source>Không dùng</source>
        <translation>Not used</translation>
    </message>
    <message>
        <source>Thư mục máy quét của phòng lưu tệp vào (quét vào thư mục / thư mục chia sẻ SMB)</source>
        <translation>The folder the office scanner saves into (scan to folder / SMB share)</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Thư mục máy quét:</source>
        <translation>Scan folder:</translation>
    </message>
    <message>
        <source>Thư mục máy quét</source>
        <translation>Scan folder</translation>
    </message>
    <message>
        <source>Thư mục máy quét %1 không tồn tại hoặc không phải thư mục.</source>
        <translation>The scan folder %1 does not exist or is not a folder.</translation>
    </message>
    <message>
        <source>ví dụ COM3 hoặc /dev/ttyACM0</source>
        <translation>for example COM3 or /dev/ttyACM0</translation>
    </message>
    <message>
        <source>Máy quét mã vạch hoạt động như bàn phím: các ký tự đến liên tiếp nhanh hơn ngưỡng dưới đây được coi là một lần quét.</source>
        <translation>A barcode scanner types like a keyboard: characters arriving faster than the limit below count as one scan.</translation>
    </message>
    <message>
        <source>Khoảng cách tối đa giữa hai ký tự:</source>
        <translation>Longest gap between two characters:</translation>
    </message>
    <message>
        <source>Độ dài tối thiểu của mã:</source>
        <translation>Shortest code:</translation>
    </message>
    <message>
        <source>Tiền tố của máy quét:</source>
        <translation>Scanner prefix:</translation>
    </message>
    <message>
        <source>Hậu tố của máy quét:</source>
        <translation>Scanner suffix:</translation>
    </message>
    <message>
        <source>Camera (số thứ tự):</source>
        <translation>Camera (number):</translation>
    </message>
    <message>
        <source> giờ</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ trung tâm:</source>
        <translation>Central server address:</translation>
    </message>
    <message>
        <source>Báo «sắp đến hạn» trước:</source>
        <translation>Warn «due soon»:</translation>
    </message>
    <message>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Khi không ai dùng bàn phím hay chuột trong khoảng thời gian này, máy quầy tự khóa và che dữ liệu của công dân; mật khẩu của cán bộ đang đăng nhập (hoặc của người quản trị) mở lại, dữ liệu đang nhập được giữ nguyên.</source>
        <translation>When nobody uses the keyboard or mouse for this long, the counter locks itself and hides the citizens&apos; data; the signed-in officer&apos;s password (or an administrator&apos;s) opens it again, and what was being typed is kept.</translation>
    </message>
    <message>
        <source>Tự khóa máy quầy sau:</source>
        <translation>Lock the counter after:</translation>
    </message>
    <message>
        <source>Hãy sửa các lỗi được đánh dấu.</source>
        <translation>Correct the marked errors.</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Đăng nhập — Quầy Một cửa</source>
        <translation>Sign in — One-stop Counter</translation>
    </message>
    <message>
        <source>Quầy số %1</source>
        <extracomment>(username, full name, role label, password) rows shown on the demo sign-in screen.</extracomment>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>Quầy Một cửa</source>
        <translation>One-stop Counter</translation>
    </message>
    <message>
        <source>Trung tâm Phục vụ hành chính công</source>
        <translation>Public Administration Service Centre</translation>
    </message>
    <message>
        <source>ví dụ: canbo</source>
        <translation>e.g. canbo</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Đăng nhập (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bản trình diễn&lt;/b&gt; — dữ liệu mẫu, có thể dùng các tài khoản sau:</source>
        <translation>&lt;b&gt;Demo&lt;/b&gt; — sample data; you can use these accounts:</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Type your username and password.</translation>
    </message>
    <message>
        <source>Không kiểm tra được tài khoản: %1</source>
        <translation>The account could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to complete the dossier</translation>
    </message>
    <message>
        <source>Mỗi dòng một giấy tờ cần bổ sung, hoàn thiện</source>
        <translation>One paper to add or complete per line</translation>
    </message>
    <message>
        <source>Hồ sơ chưa đầy đủ thành phần theo quy định.</source>
        <translation>The dossier lacks papers the procedure requires.</translation>
    </message>
    <message>
        <source>Ghi nhận yêu cầu bổ sung</source>
        <translation>Record the request</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Nội dung cần bổ sung:</source>
        <translation>To be supplied:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Enter: xuống dòng, mỗi dòng một mục · Ctrl+Enter: ghi nhận yêu cầu bổ sung</source>
        <translation>Enter: new line, one item per line · Ctrl+Enter: record the supplement request</translation>
    </message>
</context>
<context>
    <name>SyncStatusIndicator</name>
    <message>
        <source>Chưa kết nối máy chủ</source>
        <translation>Not connected to the server</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Đang đồng bộ</source>
        <translation>Synchronising</translation>
    </message>
    <message>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Chờ gửi: %1</source>
        <translation>Waiting to send: %1</translation>
    </message>
    <message>
        <source>cũ nhất %1</source>
        <translation>oldest %1</translation>
    </message>
    <message numerus="yes">
        <source>%n mục cần xử lý</source>
        <translation>
            <numerusform>%n item needs attention</numerusform>
            <numerusform>%n items need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>dưới 1 phút</source>
        <translation>under 1 minute</translation>
    </message>
    <message numerus="yes">
        <source>%n phút</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n giờ</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ngày</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Đồng bộ thành công gần nhất: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <source>Máy chủ: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Đồng hồ máy lệch %1 giây so với máy chủ; hãy chỉnh lại giờ.</source>
        <translation>This computer&apos;s clock is %1 seconds off the server&apos;s; please correct it.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Người giao</source>
        <translation>Handed by</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Kết quả bước</source>
        <translation>Step result</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused at intake</translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung khi tiếp nhận</source>
        <translation>Supplement explained at intake</translation>
    </message>
    <message>
        <source>Chuyển xử lý</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Ghi nhận đang xử lý</source>
        <translation>Record as processing</translation>
    </message>
    <message>
        <source>Yêu cầu nộp phí, thuế</source>
        <translation>Request fees or taxes</translation>
    </message>
    <message>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Công dân xin rút hồ sơ</source>
        <translation>Citizen withdraws</translation>
    </message>
    <message>
        <source>Dừng xử lý</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Xin lỗi, hẹn lại ngày trả</source>
        <translation>Apology, new date</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Hand over results</translation>
    </message>
    <message>
        <source>Đánh giá mức độ hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <source>In phiếu</source>
        <translation>Form printed</translation>
    </message>
    <message>
        <source>Số hóa hồ sơ</source>
        <translation>Digitised</translation>
    </message>
    <message>
        <source>Chuyển sang: %1</source>
        <translation>Moved to: %1</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>TrackingPanel</name>
    <message>
        <source>Theo dõi hồ sơ</source>
        <translation>Dossier tracking</translation>
    </message>
    <message>
        <source>Làm mới danh sách hồ sơ</source>
        <translation>Refresh the dossier list</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>Mã định danh điện tử của cơ quan (in trong mã hồ sơ)</source>
        <translation>The agency&apos;s electronic ID (part of every dossier code)</translation>
    </message>
    <message>
        <source>TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG …</source>
        <translation>TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG …</translation>
    </message>
    <message>
        <source>Tên gọi theo Nghị định 118/2025/NĐ-CP, ví dụ Trung tâm Phục vụ hành chính công phường Ba Đình; để trống thì lấy theo cơ quan chủ quản</source>
        <translation>The legal name under Decree 118/2025/NĐ-CP, e.g. Trung tâm Phục vụ hành chính công phường Ba Đình; left empty, it is built from the governing body</translation>
    </message>
    <message>
        <source>UBND PHƯỜNG …</source>
        <translation>UBND PHƯỜNG …</translation>
    </message>
    <message>
        <source>Phường …</source>
        <translation>Phường …</translation>
    </message>
    <message>
        <source>Các buổi làm việc, ví dụ 07:00-11:30,13:30-17:00</source>
        <translation>Office periods, e.g. 07:00-11:30,13:30-17:00</translation>
    </message>
    <message>
        <source>Mã định danh cơ quan:</source>
        <translation>Agency ID:</translation>
    </message>
    <message>
        <source>Tên đơn vị (in trên phiếu):</source>
        <translation>Unit name (printed on forms):</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản:</source>
        <translation>Governing body:</translation>
    </message>
    <message>
        <source>Địa danh (ghi ngày tháng):</source>
        <translation>Place (written before the date):</translation>
    </message>
    <message>
        <source>Số quầy:</source>
        <translation>Counter number:</translation>
    </message>
    <message>
        <source>Điện thoại liên hệ:</source>
        <translation>Contact phone:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Giờ làm việc:</source>
        <translation>Office hours:</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Thông tin đơn vị</source>
        <translation>The unit</translation>
    </message>
    <message>
        <source>Những thông tin này được in trên giấy tiếp nhận và trong mã hồ sơ. Có thể sửa lại trong Cài đặt.</source>
        <translation>These details are printed on receipts and in dossier codes. You can change them later in Settings.</translation>
    </message>
    <message>
        <source>Nạp danh mục thủ tục mẫu (cấp xã) để bắt đầu ngay</source>
        <translation>Load the sample catalogue of commune procedures to start right away</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Thoát chế độ tra cứu</source>
        <translation>Leave the lookup mode</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới thoát được chế độ tra cứu.</source>
        <translation>Only an administrator can leave the lookup mode.</translation>
    </message>
    <message>
        <source>Tài khoản quản trị:</source>
        <translation>Administrator account:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Hãy nhập tài khoản và mật khẩu quản trị.</source>
        <translation>Type an administrator&apos;s username and password.</translation>
    </message>
    <message>
        <source>Sai tài khoản quản trị hoặc mật khẩu.</source>
        <translation>Wrong administrator username or password.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Miễn phí</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Trong ngày (trước %1)</source>
        <translation>Same day (by %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n giờ làm việc</source>
        <translation>
            <numerusform>%n working hour</numerusform>
            <numerusform>%n working hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ngày</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ngày làm việc</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Ngày hẹn tạm tính: lịch nghỉ lễ năm %1 chưa có thông báo chính thức.</source>
        <translation>Provisional appointment: the official days off of %1 are not announced yet.</translation>
    </message>
</context>
</TS>
