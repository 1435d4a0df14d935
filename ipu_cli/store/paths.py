"""Where things are in a case repository.

A case repository is any folder holding `cases/`; its reference data lives in
`data/`. Commands find it by walking up from the working directory, like git
does, unless `--root` or `IPU_ROOT` says where it is.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from ipu_cli.domain.labels import LANGS
from ipu_cli.errors import UsageError

CASES = "cases"
DATA = "data"
CASE_SUFFIXES = (".yaml", ".yml")
TRANSLATED = tuple(lang for lang in LANGS if lang != "en")
"""Languages a case file may have a translation file in (`KHM-60.fr.yaml`)."""


class RootNotFound(UsageError):
    """No case repository here or above."""


def find_root(start: Path | None = None, override: str | os.PathLike[str] | None = None) -> Path:
    """The case repository root: `override`, then $IPU_ROOT, then walk up from `start`."""
    chosen = override or os.environ.get("IPU_ROOT")
    if chosen:
        root = Path(chosen).resolve()
        if not (root / CASES).is_dir():
            raise RootNotFound(f"{root} is not a case repository: it has no '{CASES}/' folder")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CASES).is_dir():
            return folder
    raise RootNotFound(
        f"no case repository found: no '{CASES}/' folder in {here} or above (use --root DIR or set IPU_ROOT)"
    )


def _language_part(name: str) -> tuple[str, str, str] | None:
    """("KHM-60", "fr", ".yaml") for "KHM-60.fr.yaml": the part after the stem's last dot, whatever
    it holds; None when the name has no such part or is no case file's name."""
    for suffix in CASE_SUFFIXES:
        if name.endswith(suffix):
            stem, dot, lang = name[: -len(suffix)].rpartition(".")
            return (stem, lang, suffix) if dot and stem else None
    return None


def translation_of(name: str) -> tuple[str, str] | None:
    """("KHM-COLL-03.yaml", "fr") for the translation file "KHM-COLL-03.fr.yaml"; None otherwise."""
    parts = _language_part(name)
    if parts is None or parts[1] not in TRANSLATED:
        return None
    stem, lang, suffix = parts
    return stem + suffix, lang


def foreign_translation(name: str) -> str | None:
    """Why `KHM-60.de.yaml` or `KHM-60.FR.yaml` is neither a case file nor a translation `ipu`
    reads, or None. A case file's name has no dot before its suffix, so a file named like a
    translation into a language `ipu` does not have is not read as a case (which would give
    a missing-field error for every field of a case)."""
    parts = _language_part(name)
    if parts is None:
        return None
    stem, lang, suffix = parts
    if not (len(lang) == 2 and lang.isascii() and lang.isalpha()):
        return None
    if lang.lower() in TRANSLATED:
        return f"the language is written in lower case: rename it {stem}.{lang.lower()}{suffix}"
    if lang.lower() == "en":
        return f"English is the case file itself ({stem}{suffix}); not read"
    return (
        f"a translation into '{lang}': case files are translated into {', '.join(TRANSLATED)} "
        "only; not read (rename it or move it out of cases/)"
    )


def case_path_of(shown: str) -> str:
    """The case file a translation file translates: cases/KHM/KHM-60.fr.yaml -> cases/KHM/KHM-60.yaml."""
    path = PurePosixPath(shown)
    found = translation_of(path.name)
    return str(path.with_name(found[0])) if found else shown


def translation_path(case_path: Path, lang: str) -> Path:
    """Where the `lang` translation of a case file lives: KHM-60.yaml -> KHM-60.fr.yaml."""
    suffix = next((s for s in CASE_SUFFIXES if case_path.name.endswith(s)), ".yaml")
    return case_path.with_name(f"{case_path.name[: -len(suffix)]}.{lang}{suffix}")


class Listing(NamedTuple):
    """What the lister found: the case files to read, and the entries it will not read.

    `odd` rows are `(path, code, message)`: a folder that cannot be listed, a link
    to a folder, a link that loops or leads nowhere, a FIFO, a device, a folder
    named like a case file. None of them is opened (a FIFO opened for reading
    blocks until someone writes to it) and none is skipped silently:
    `ipu_cli.checks` reports each one at its path.
    """

    files: list[str]
    odd: list[tuple[str, str, str]]
    translations: list[str]
    """Translation files (`KHM-60.fr.yaml`): not case files; `ipu validate` checks them."""


def case_files(root: Path, country: str | None = None) -> list[str]:
    """Every case file under `cases/` (or `cases/<country>/`), in path order, not following links to folders.

    The one lister: `ipu validate`, `ipu show`, the cache and the scan all see
    the same files. Strings, not Paths: a large base lists 10,000 of them. Only
    entries that are safe to open are listed; `list_cases` also says what was not.
    """
    return list_cases(root, country).files


def list_cases(root: Path, country: str | None = None, folder: Path | None = None) -> Listing:
    """The case files under `cases/` (or `cases/<country>/`, or `folder`), and what was not listed.

    File types come with `os.scandir` at no extra system call; only links and
    special files cost a `stat`.
    """
    if folder is not None:
        start = os.fspath(folder)
    else:
        start = os.path.join(root, CASES, country) if country else os.path.join(root, CASES)
    found: list[str] = []
    translations: list[str] = []
    odd: list[tuple[str, str, str]] = []
    inside = os.path.realpath(root) + os.sep
    stack = [start]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except FileNotFoundError:
            if current != start:  # removed between listing its parent and listing it
                odd.append((current, "unreadable", "folder disappeared while the base was being read"))
            continue
        except OSError as exc:
            message = f"cannot list folder: {exc.strerror}; its case files are not read"
            odd.append((current, "unreadable", message))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            case_name = name.endswith(CASE_SUFFIXES)
            try:
                if not name.isprintable() and (case_name or entry.is_dir(follow_symlinks=False)):
                    odd.append(_hidden_name(entry.path, name))
                elif entry.is_dir(follow_symlinks=False):
                    if case_name:
                        message = "a folder named like a case file; its contents are not read"
                        odd.append((entry.path, "not-a-file", message))
                    else:
                        stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    if not case_name:
                        pass
                    elif translation_of(name):
                        translations.append(entry.path)
                    elif name.count(".") > 1 and (why := foreign_translation(name)):
                        odd.append((entry.path, "translation-language", why))
                    else:
                        found.append(entry.path)
                elif entry.is_symlink():
                    _link(entry.path, inside, case_name, translations if translation_of(name) else found, odd)
                elif case_name:
                    kind = kind_of(entry.stat(follow_symlinks=False).st_mode)
                    odd.append((entry.path, "not-a-file", f"{kind}, not a plain file; not read"))
            except OSError as exc:
                odd.append((entry.path, "unreadable", f"cannot read file: {exc.strerror}"))
    found.sort(key=lambda p: p.split(os.sep))
    translations.sort(key=lambda p: p.split(os.sep))
    odd.sort()
    return Listing(found, odd, translations)


def _link(path: str, inside: str, case_name: bool, found: list[str], odd: list[tuple[str, str, str]]) -> None:
    """A symbolic link under `cases/`: a case file, or a diagnostic row; folders are never followed."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            odd.append((path, "unreadable", "a link that loops back on itself; not followed"))
        elif case_name:
            target = os.readlink(path)
            odd.append((path, "unreadable", f"a link to '{target}', which does not exist"))
        return
    if stat.S_ISDIR(mode):
        message = "a link to a folder; links to folders are not followed (move the folder into cases/)"
        odd.append((path, "linked-folder", message))
    elif not case_name:
        return
    elif not os.path.realpath(path).startswith(inside):
        message = f"link to {os.path.realpath(path)} leaves the repository; not followed"
        odd.append((path, "symlink-outside", message))
    elif stat.S_ISREG(mode):
        found.append(path)
    else:
        odd.append((path, "not-a-file", f"a link to {kind_of(mode)}, not a plain file; not read"))


def _hidden_name(path: str, name: str) -> tuple[str, str, str]:
    """A file or folder whose name holds controls or invisible characters: named, escaped, not read."""
    from ipu_cli.domain.characters import char_name, shown

    names = ", ".join(dict.fromkeys(char_name(c) for c in name if not c.isprintable()))
    return (shown(path), "hidden-character", f"the name holds {names}; not read: rename it")


def kind_of(mode: int) -> str:
    """What a file system entry that is not a plain file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def display_path(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to the repository root when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def escapes_root(path: Path, root: Path) -> bool:
    """True when `path` is a link that leads outside the repository."""
    if not path.is_symlink():
        return False
    # realpath, not Path.resolve: a link that loops makes resolve() raise; realpath stops
    # and the read that follows reports the loop.
    target = os.path.realpath(path)
    return not (target + os.sep).startswith(os.path.realpath(root) + os.sep)


def path_for_id(root: Path, case_id: str) -> Path:
    """Where the file of a (canonical) id lives: cases/KHM/KHM-60.yaml."""
    return root / CASES / case_id[:3] / f"{case_id}.yaml"


def stem_id(path: Path) -> str:
    """The id a file's name promises."""
    name = path.name
    for suffix in CASE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
