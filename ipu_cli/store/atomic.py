"""Write files and folders atomically: build them beside the target, then rename.

A crash or a kill mid-write leaves the old file (or folder) intact, never half
of one. Every command that writes goes through here.

Temporary files are dotfiles named `.<target>.<pid>-<random>.tmp` (folders too;
a folder being replaced is moved aside as `.<target>.<pid>-<random>.old`):
`ipu validate` never reads dotfiles, git ignores them (`.gitignore`), and the
next write of the same target removes those left by a process that no longer
runs (`remove_stale`).

What may be replaced is decided once, in `check_target`: never a link, a
device, a FIFO or a socket, and an existing file only when asked (`--force`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ipu_cli.errors import UsageError


class TargetRefused(UsageError):
    """The output path cannot be written as asked; nothing was written (exit 2)."""


def special_kind(path: Path) -> str | None:
    """'a symbolic link', 'a device', 'a FIFO (named pipe)' or 'a socket' when `path` is one."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def refuse_special(path: Path) -> None:
    """Refuse to replace a link, a device, a FIFO or a socket with a regular file (exit 2)."""
    kind = special_kind(path)
    if kind is not None:
        raise TargetRefused(f"{path} is {kind}, not a regular file; not replaced")


def _never_special(path: Path) -> None:
    """The last guard of every write: an OSError, which each writer reports as it reports a full disk."""
    kind = special_kind(path)
    if kind is not None:
        raise OSError(errno.EEXIST, f"{kind}, not a regular file; not replaced", str(path))


def editable(path: Path, shown: str) -> None:
    """Refuse to edit a file the user made read-only, or a link, a device or a FIFO (exit 1).

    Replacing a file by rename needs only the folder's permission, so a file's own
    read-only mark must be honoured here (even by root).
    """
    from ipu_cli.errors import IpuError

    kind = special_kind(path)
    if kind is not None:
        raise IpuError(f"{shown} is {kind}, not a regular file; nothing written")
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise IpuError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise IpuError(f"{shown} is read-only; nothing written (make it writable first)")


def check_target(path: Path, *, force: bool, folder: bool = False) -> None:
    """May `path` be written? The one rule for every `-o`: raises TargetRefused (exit 2) if not.

    Refused: a link, a device, a FIFO or a socket (even with `force`), a folder
    where a file is expected (or a file where a folder is), a missing parent
    folder, and an existing target unless `force`.
    """
    path = Path(path)
    refuse_special(path)
    if path.exists():
        if path.is_dir() and not folder:
            raise TargetRefused(f"{path} is a folder; give a file name")
        if folder and not path.is_dir():
            raise TargetRefused(f"{path} is a file; give a folder")
        if not force and not (folder and not any(path.iterdir())):
            raise TargetRefused(f"{path} already exists; use --force to replace it")
    elif not path.parent.is_dir():
        raise TargetRefused(f"cannot write {path}: folder {path.parent} does not exist")


_STALE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[^.]+\.(tmp|old)$")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def remove_stale(path: Path) -> None:
    """Remove the temporary files and folders of `path` left by processes that no longer run."""
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        match = _STALE.match(entry.name)
        if not match or match["name"] != path.name or _running(int(match["pid"])):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            continue


def _prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}-"


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
    _never_special(path)
    remove_stale(path)
    fd, name = tempfile.mkstemp(prefix=_prefix(path), suffix=".tmp", dir=path.parent)
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
    _never_special(path)
    remove_stale(path)
    tmp = Path(tempfile.mkdtemp(prefix=_prefix(path), suffix=".tmp", dir=path.parent))
    old: Path | None = None
    try:
        yield tmp
        os.chmod(tmp, _mode(path, None, 0o777))
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=_prefix(path), suffix=".old", dir=path.parent))
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
    _write(path, (data,), None)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def lock_path(path: Path) -> Path:
    """The lock beside a file: a dotfile (`ipu validate` never reads it; git ignores `.*.lock`)."""
    return path.parent / f".{path.name}.lock"


@contextmanager
def locked(paths: list[Path], timeout: float) -> Iterator[None]:
    """Hold the locks of every file in `paths`, taken in one order so that two runs never deadlock.

    Raises filelock.Timeout when a lock is still held by another process after `timeout` seconds.
    """
    from contextlib import ExitStack

    from filelock import FileLock

    with ExitStack() as stack:
        for path in sorted({Path(p) for p in paths}):
            stack.enter_context(FileLock(lock_path(path), timeout=timeout))
        yield


def replace_all(writes: list[tuple[Path, bytes, bytes | None]]) -> None:
    """Write several files as one change: all of them, or none.

    `writes` holds (path, new bytes, old bytes or None for a new file). Every new
    content is written and flushed beside its target first; the renames follow
    one another; if any step fails, the files already replaced get their old
    bytes back (a new file is removed) before the error is raised. Callers hold
    the files' locks, so nobody else changes them meanwhile.
    """
    from contextlib import ExitStack

    try:
        with ExitStack() as stack:
            for path, data, _old in writes:
                tmp = stack.enter_context(replacing(path))
                with open(tmp, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
    except BaseException:
        for path, data, old in writes:
            try:
                current = path.read_bytes()
            except OSError:
                continue
            if current != data or current == old:
                continue
            try:
                if old is None:
                    path.unlink()
                else:
                    write_bytes(path, old)
            except OSError:
                continue  # best effort: the original error is the one to report
        raise


def write_private(path: Path, *chunks: bytes) -> None:
    """Replace `path` with `chunks`, one after the other, readable by its owner only (0600),
    whatever the umask: the cache (its payload and its seal, never joined in memory)."""
    _write(path, chunks, 0o600)


def _write(path: Path, chunks: tuple[bytes, ...], mode: int | None) -> None:
    with replacing(path, mode) as tmp, open(tmp, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())
