"""Writing files so that a reader never sees half of one: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_file`)."""
    with atomic_file(path) as handle:
        handle.write(data)
    return Path(path)


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A file to write ``path`` through, a piece at a time, atomically.

    The bytes go to a temporary file in the same folder, are flushed to disk, then renamed
    over ``path`` when the block ends. On any error (disk full, permission, an exception in
    the block) the temporary file is removed and the old file, if any, is left untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp creates the file private (0600); give it the mode any new file would get
        os.chmod(tmp_name, _default_mode(target))
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _read_umask() -> int:
    umask = os.umask(0)  # the only way to read it is to set it: done once, at import
    os.umask(umask)
    return umask


_UMASK = _read_umask()  # read here, not per write: worker threads write the cache files too


def _default_mode(target: Path) -> int:
    """The existing file's mode, or 0666 less the process umask for a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK
