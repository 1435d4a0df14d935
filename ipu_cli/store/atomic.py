"""Write files and folders atomically: build them beside the target, then rename.

A crash or a kill mid-write leaves the old file (or folder) intact, never half
of one. Every command that writes goes through here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def umask() -> int:
    """The process's umask (read by setting it and putting it back: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode(path: Path, mode: int | None, default: int) -> int:
    """`mode` when given; else the mode of the file replaced; else `default` less the umask."""
    if mode is not None:
        return mode
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return default & ~umask()


@contextmanager
def replacing(path: Path, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path in `path`'s folder; on success it replaces `path`.

    For writers that need a path rather than bytes (SQLite). The new file gets
    `mode` when given (the cache: 0600); else it keeps the mode of the file it
    replaces, or a new file gets 0666 less the umask, like any file a program creates.
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode(path, mode, 0o666))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def replacing_folder(path: Path) -> Iterator[Path]:
    """Yield a temporary folder beside `path`; on success it takes `path`'s place.

    An existing folder is moved aside first and removed only once the new one
    is in place, so a failure at any point leaves the old folder as it was.
    """
    path = Path(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    old: Path | None = None
    try:
        yield tmp
        os.chmod(tmp, _mode(path, None, 0o777))
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.rmdir(old)
            os.replace(path, old)
        os.replace(tmp, path)
    except BaseException:
        if old is not None and old.exists() and not path.exists():
            os.replace(old, path)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, flushed to disk before the rename."""
    _write(path, data, None)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` with `data` readable by its owner only (0600), whatever the umask: the cache."""
    _write(path, data, 0o600)


def _write(path: Path, data: bytes, mode: int | None) -> None:
    with replacing(path, mode) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
