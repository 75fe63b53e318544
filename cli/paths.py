"""Checks on the files a command reads or writes, so a mistyped path is bad usage (exit 2)."""

from __future__ import annotations

from pathlib import Path

from cli.context import UsageError


def output_file(text: str, suffix: str | None = None) -> Path:
    """A path a command may write to: not a folder, in an existing folder, with ``suffix``."""
    path = Path(text)
    if path.is_dir():
        raise UsageError(f"输出路径是一个文件夹 (the output is a folder): {path}")
    if suffix and path.suffix.lower() != suffix:
        raise UsageError(f"输出文件应以 {suffix} 结尾 (the output should end in {suffix}): {path}")
    if not path.parent.is_dir():
        raise UsageError(f"文件夹不存在 (no such folder): {path.parent}")
    return path


def input_file(text: str) -> Path:
    """A path a command reads: an existing file."""
    path = Path(text)
    if path.is_dir():
        raise UsageError(f"这是一个文件夹，不是文件 (a folder, not a file): {path}")
    if not path.is_file():
        raise UsageError(f"找不到文件 (no such file): {path}")
    return path
