"""Files are replaced whole or not at all, and readable like any other new file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.atomic_write import write_bytes_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "行程.ics"
    write_bytes_atomic(target, "第一版".encode())
    write_bytes_atomic(target, "第二版".encode())
    assert target.read_bytes().decode() == "第二版"
    assert [p.name for p in tmp_path.iterdir()] == ["行程.ics"]


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_bytes_atomic(tmp_path / "brief.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "brief.pdf").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_bytes_atomic(target, b"new and longer")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
