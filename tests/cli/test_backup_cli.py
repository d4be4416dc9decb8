"""`counter-app backup` and `counter-app restore`: paths printed, unsent changes guarded, one sentence on refusal."""

from __future__ import annotations

import json
from pathlib import Path

from damaged_profiles import corrupt, digest, make_profile, unsent

from counter_app.storage.store import DB_NAME


def test_backup_prints_the_copy_it_made(cli, data_dir: Path, tmp_path: Path) -> None:
    make_profile(data_dir)
    default = cli("backup")
    assert default.code == 0, default.err
    made = Path(default.out.strip())
    assert made.parent == data_dir / "backups" and made.is_file()
    target = tmp_path / "sao-luu.sqlite"
    chosen = cli("backup", "-o", str(target))
    assert chosen.code == 0 and chosen.out.strip() == str(target) and target.is_file()
    again = cli("backup", "-o", str(target))
    assert again.code == 2 and "đã có" in again.err and "Traceback" not in again.err
    missing = cli("backup", "-o", str(tmp_path / "khong-co" / "x.sqlite"), lang="en")
    assert missing.code == 2 and "does not exist" in missing.err
    assert not (tmp_path / "khong-co").exists()


def test_restore_refuses_unsent_changes_then_exports_them_with_force(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    make_profile(data_dir)  # one receipt, not yet sent to any server
    backup = tmp_path / "backup.sqlite"
    assert cli("backup", "-o", str(backup)).code == 0
    before, waiting = digest(data_dir / DB_NAME), unsent(data_dir / DB_NAME)
    assert waiting >= 1

    refused = cli("restore", str(backup))
    assert refused.code == 2 and "Traceback" not in refused.err
    assert f"{waiting} thay đổi chưa gửi" in refused.err and "--force" in refused.err
    assert digest(data_dir / DB_NAME) == before

    forced = cli("restore", str(backup), "--force")
    assert forced.code == 0, forced.err
    exports = list(data_dir.glob("outbox-before-restore-*.json"))
    assert len(exports) == 1 and str(exports[0]) in forced.out
    assert len(json.loads(exports[0].read_text(encoding="utf-8"))["entries"]) == waiting
    aside = list(data_dir.glob("counter-replaced-*.sqlite3"))
    assert len(aside) == 1 and digest(aside[0]) == before and str(aside[0]) in forced.out
    listed = cli("dossier", "search", "nguyen van duc")
    assert listed.code == 0 and "Nguyễn Văn Đức" in listed.out


def test_restore_brings_back_a_damaged_profile(cli, data_dir: Path, tmp_path: Path) -> None:
    make_profile(data_dir)
    backup = tmp_path / "backup.sqlite"
    assert cli("backup", "-o", str(backup)).code == 0
    corrupt(data_dir / DB_NAME, "zeroed header")  # nothing in it can be read any more
    assert cli("catalog", "list").code == 2
    restored = cli("restore", str(backup), lang="en")
    assert restored.code == 0, restored.err
    assert "Restored" in restored.out
    assert cli("catalog", "list").code == 0


def test_restore_refuses_a_damaged_backup_in_one_sentence(cli, data_dir: Path, tmp_path: Path) -> None:
    make_profile(data_dir)
    backup = tmp_path / "backup.sqlite"
    assert cli("backup", "-o", str(backup)).code == 0
    corrupt(backup, "random page")
    result = cli("restore", str(backup), "--force")
    assert result.code == 2 and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1 and "bị hỏng" in result.err
    nothing = cli("restore", str(tmp_path / "khong-co.sqlite"), lang="en")
    assert nothing.code == 2 and "No backup file" in nothing.err
