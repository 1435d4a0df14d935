"""The validation cache: what each case file was found to hold, keyed by its bytes.

`ipu validate` and `load_case_base` read every file on every run. Parsing and
model validation are the expensive part, and almost every file is unchanged
between two runs, so the result of checking one file (its problems, the few
facts the cross-file checks need, and its parsed data) is stored under a key
made of the file's path and a hash of its bytes, never its modification time.

Every entry is valid only for one *salt*: a hash of the ipu_cli sources, the
bytes of `data/*.yaml`, the Python version and the installed parser and
validator. Edit a vocabulary, upgrade Pydantic or change a check and every
entry is stale at once; the cache is then rebuilt by the next run.

The cache lives in `.ipu-cache/` at the repository root (git-ignored), or in
`$IPU_CACHE_DIR`. It is written atomically, each file closed by a digest of
its content, and only ever trusted through its keys: a corrupt, truncated or
foreign file is ignored (and rebuilt), and a read-only repository simply runs
uncached. It holds what confidential case files hold, so the folder is 0700
and its files 0600 whatever the umask, and a folder owned by another user is
never read or written (docs/security.md). This module imports nothing heavy: a
warm run must not pay for YAML or Pydantic.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
from pathlib import Path
from typing import Any

from ipu_cli.store.paths import DATA

FORMAT = "v1"
FOLDER = ".ipu-cache"
CHECKS = "checks"
DATA_SUFFIX = "data"
ALIASES = "aliases.tsv"
REFERENCE_KEY = b"reference"
TRAILER = b"IPU-CACHE"
"""Closes every cache file, followed by the digest of what precedes it (`seal`)."""
DIGEST_SIZE = 16
FOLDER_MODE = 0o700

_PACKAGE = Path(__file__).resolve().parent.parent  # every ipu_cli source, not only the store's
_code_digest: bytes | None = None


def folder(root: Path) -> Path:
    """Where the cache of repository `root` lives."""
    override = os.environ.get("IPU_CACHE_DIR")
    return Path(override) if override else root / FOLDER


def seal(payload: bytes) -> bytes:
    """A cache file's bytes: the payload, the trailer and the payload's digest."""
    return payload + seal_tail(payload)


def seal_tail(payload: bytes) -> bytes:
    """What follows the payload in a sealed file. Written after it rather than joined to it: a
    base of 10,000 files has a 30 MB payload, and joining would hold it twice in memory."""
    return TRAILER + _digest(payload)


def unseal(raw: bytes) -> memoryview | None:
    """The payload of a sealed file (a view of `raw`, not a copy); None when it was truncated,
    altered or not written by ipu."""
    end = len(raw) - DIGEST_SIZE - len(TRAILER)
    if end < 0 or raw[end : end + len(TRAILER)] != TRAILER:
        return None
    payload = memoryview(raw)[:end]
    if _digest(payload) != raw[-DIGEST_SIZE:]:
        return None
    return payload


def _digest(payload: bytes | memoryview) -> bytes:
    """SHA-256, cut short: on CPUs with SHA instructions, three times BLAKE2b's speed (a warm run pays it)."""
    return hashlib.sha256(payload).digest()[:DIGEST_SIZE]


def usable(where: Path) -> bool:
    """Whether the cache folder may be used: absent (it will be made 0700), or ours and private.

    A folder another user owns could hold entries planted for us, or receive
    what our case files hold: it is neither read nor written. Our own folder
    left open to others (an older ipu made it 0755) is closed again.
    """
    try:
        info = os.stat(where)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        return False
    if info.st_mode & 0o077:
        try:
            os.chmod(where, FOLDER_MODE)
        except OSError:
            return False
    return True


def make_folder(where: Path) -> None:
    """Create the cache folder, private to this user whatever the umask."""
    where.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    os.chmod(where, FOLDER_MODE)


def file_key(shown: str, raw: bytes) -> bytes:
    """The key of one file: its displayed path and its bytes (problems name the path)."""
    digest = hashlib.sha256(raw)  # the fastest hashlib digest where the CPU has SHA instructions
    digest.update(shown.encode())
    return digest.digest()[:20]


def _code() -> bytes:
    """Hash of every ipu_cli source file and of the libraries whose output we store."""
    global _code_digest
    if _code_digest is None:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{FORMAT} {sys.version}".encode())
        for path in sorted(_PACKAGE.rglob("*.py")):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
        for name in ("pydantic", "pydantic_core", "yaml"):
            digest.update(_installed(name).encode())
        _code_digest = digest.digest()
    return _code_digest


def _installed(name: str) -> str:
    """Where a library is installed and when its files last changed: an upgrade shows here."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        return f"{name}:absent"
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return f"{name}:{spec.origin}"
    return f"{name}:{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def salt(root: Path, data_parts: list[bytes] | None = None) -> str:
    """Hex digest that every entry depends on: code, libraries and reference data."""
    digest = hashlib.blake2b(_code(), digest_size=16)
    if data_parts is None:
        data_parts = []
        for path in sorted((root / DATA).glob("*.yaml")):
            raw = _read_plain(path)
            data_parts.append(path.name.encode() + (b"\0" + raw if raw is not None else b""))
    for part in data_parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class Store:
    """One cache generation (one salt): the checks table, and the parsed data beside it.

    `checks` maps a file key to `(problems, record)`; `data` maps it to the
    marshalled parsed YAML, loaded only when a caller asks for a case model.
    """

    def __init__(self, root: Path, salt_hex: str, enabled: bool = True) -> None:
        self.root = root
        self.dir = folder(root)
        self.salt = salt_hex
        self.enabled = enabled and usable(self.dir)
        self.checks: dict[bytes, Any] = self._read(CHECKS) if self.enabled else {}
        self._data: dict[bytes, bytes] | None = None if self.enabled else {}
        self.new_checks: dict[bytes, Any] = {}
        self.discarded = False
        self.new_data: dict[bytes, bytes] = {}

    def _path(self, kind: str) -> Path:
        return self.dir / f"{FORMAT}-{self.salt[:32]}.{kind}"

    def _read(self, kind: str) -> dict[bytes, Any]:
        try:
            raw = _read_plain(self._path(kind))
            payload = unseal(raw) if raw is not None else None
            if payload is None:
                return {}
            value = marshal.loads(payload)  # marshal.load(handle) reads item by item: 5x slower
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return value if isinstance(value, dict) else {}

    @property
    def data(self) -> dict[bytes, bytes]:
        if self._data is None:
            self._data = self._read(DATA_SUFFIX)
        return self._data

    def parsed(self, key: bytes) -> bytes | None:
        """The marshalled data of a file, fresh from this run or from the cache."""
        found = self.new_data.get(key)
        return found if found is not None else self.data.get(key)

    def discard(self) -> None:
        """Drop this generation's files: an entry was missing or damaged, so the next run rebuilds them.

        Its results are already in memory; only later runs are concerned, and a
        run that finds no file simply checks everything again.
        """
        if not self.enabled or self.discarded:
            return
        self.discarded = True
        for kind in (CHECKS, DATA_SUFFIX):
            with contextlib.suppress(OSError):
                self._path(kind).unlink(missing_ok=True)

    def put(self, key: bytes, checks: Any, data: bytes | None) -> None:
        self.new_checks[key] = checks
        if data is not None:
            self.new_data[key] = data

    def save(self, keep: set[bytes], complete: bool) -> None:
        """Write what this run learnt. `complete`: `keep` names every file of the base, drop the rest."""
        if not self.enabled:
            return
        stale = complete and any(key not in keep for key in self.checks)
        if not self.new_checks and not stale:
            return
        from ipu_cli.store.atomic import write_private

        checks = {k: v for k, v in self.checks.items() if not complete or k in keep}
        checks.update(self.new_checks)
        data = {k: v for k, v in self.data.items() if k in checks}
        data.update(self.new_data)
        try:
            make_folder(self.dir)
            for kind, content in ((DATA_SUFFIX, data), (CHECKS, checks)):
                _clear_foreign(self._path(kind))
                payload = marshal.dumps(content)
                write_private(self._path(kind), payload, seal_tail(payload))
                del payload
            for old in self.dir.glob(f"{FORMAT}-*"):
                if old.name.split(".")[0] != f"{FORMAT}-{self.salt[:32]}":
                    old.unlink(missing_ok=True)
        except OSError:
            return  # a read-only checkout runs uncached; never an error


def write_aliases(root: Path, aliases: dict[str, str], paths: dict[str, str]) -> None:
    """`alias<TAB>path` lines for `ipu show`'s legacy-id look-up; a hint, verified when used."""
    text = "".join(f"{alias}\t{paths[target]}\n" for alias, target in sorted(aliases.items()))
    where = folder(root) / ALIASES
    if not usable(where.parent):
        return
    try:
        if _read_plain(where) == text.encode("utf-8"):
            return
        from ipu_cli.store.atomic import write_private

        make_folder(where.parent)
        write_private(where, text.encode("utf-8"))
    except OSError:
        return


def alias_hint(root: Path, alias: str) -> str | None:
    """The file the last full read of the base found `alias` in, if any (may be stale)."""
    where = folder(root)
    raw = _read_plain(where / ALIASES) if usable(where) else None
    if raw is None:
        return None
    for line in raw.decode("utf-8", "replace").splitlines():
        name, _, path = line.partition("\t")
        if name == alias:
            return path
    return None


def _read_plain(path: Path) -> bytes | None:
    """The bytes of a plain file of the cache; None for anything else (a FIFO must not block us)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def _clear_foreign(path: Path) -> None:
    """Remove what is not a plain file where a cache file belongs (a FIFO, a link, a folder).

    The cache folder is ipu's own and private, so anything else found under a cache
    file's name was planted or left by a crash: it is removed, never written through.
    """
    import shutil
    import stat

    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
