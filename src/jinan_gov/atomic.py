"""All-or-nothing file output: a set of files into a directory, or one file.

Files are written into a staging directory beside the destination (same file system), flushed
to disk, and only then renamed into place. ``rename`` replaces a directory *entry*: a symlink
or hard link that sits where a file goes is replaced, never written through. On any failure the
destination is left exactly as it was (files already moved in are taken out again and the
previous entries put back), and the error names the file that failed.

Concurrent writers into one directory are serialised by an advisory lock on the directory
(``flock``, where the platform has it), so their files never mix.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory directory locks
    fcntl = None  # type: ignore[assignment]

from jinan_gov.errors import ExportError

__all__ = ("existing_mode", "publish_file", "publish_files")


def _fail(path: Path, error: BaseException, what: str = "cannot write") -> ExportError:
    """An :class:`ExportError` naming ``path`` and the reason, on one line."""
    reason = getattr(error, "strerror", None) or str(error).strip() or type(error).__name__
    reason = " ".join(reason.split())
    failed = ExportError(f"{what} {path}: {reason}; nothing was changed")
    failed.errno = getattr(error, "errno", None)
    failed.filename = str(path)
    return failed


def _write_bytes(path: Path, data: bytes) -> None:
    """Create ``path`` (it must not exist), write ``data`` and flush it to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    """Make renames in ``directory`` durable (POSIX only; best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``directory`` (a no-op where ``flock`` is missing)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _new_directory(parent: Path, stem: str) -> Path:
    """Create a hidden, uniquely named directory in ``parent`` (permissions from the umask)."""
    while True:
        candidate = parent / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            candidate.mkdir()
        except FileExistsError:  # pragma: no cover - 32 random bits
            continue
        return candidate


def _make_parents(directory: Path) -> list[Path]:
    """Create the missing ancestors of ``directory``; return them, outermost first."""
    missing = [p for p in reversed(directory.parents) if not p.exists()]
    for path in missing:
        try:
            path.mkdir()
        except FileExistsError:
            continue
        except OSError as error:
            _remove_empty(missing)
            raise _fail(path, error, "cannot create") from error
    return missing


def _remove_empty(created: list[Path]) -> None:
    for path in reversed(created):
        with contextlib.suppress(OSError):
            path.rmdir()


def _staging(directory: Path) -> Path:
    """A staging directory on the same file system as ``directory``: beside it if possible,
    else (no write permission on the parent, or ``directory`` is a mount point) inside it."""
    if not directory.is_dir():
        return _new_directory(directory.parent, directory.name or "export")
    real = directory.resolve()
    beside = real.parent != real and os.stat(real.parent).st_dev == os.stat(real).st_dev
    if beside:
        with contextlib.suppress(PermissionError):
            return _new_directory(real.parent, real.name)
    return _new_directory(real, "export")


def _is_empty(directory: Path, ignore: Path | None) -> bool:
    """Whether ``directory`` holds nothing but (possibly) the staging directory ``ignore``."""
    inside = ignore is not None and ignore.parent.resolve() == directory.resolve()
    return all(inside and ignore is not None and e.name == ignore.name for e in directory.iterdir())


def _check(directory: Path, names: list[str], overwrite: bool, staging: Path | None) -> None:
    """Refuse before anything is written or moved: a file in the way, a directory in the way,
    or a non-empty directory without ``overwrite``."""
    if (directory.exists() or directory.is_symlink()) and not directory.is_dir():
        raise NotADirectoryError(f"cannot export to {directory}: it exists and is not a directory")
    if not directory.is_dir():
        return
    if not overwrite and not _is_empty(directory, staging):
        raise FileExistsError(
            f"refusing to export into {directory}: the directory is not empty "
            "(choose an empty or new directory, or pass overwrite=True / --overwrite)"
        )
    for name in names:
        entry = directory / name
        if entry.is_dir() and not entry.is_symlink():
            raise IsADirectoryError(
                f"cannot export {name} into {directory}: {entry} is a directory "
                "(move it away or choose another directory); nothing was changed"
            )


def _move_in(staging: Path, directory: Path, names: list[str]) -> None:
    """Rename every staged file into ``directory``; on failure undo every step, in reverse."""
    aside = staging / ".replaced"
    aside.mkdir()
    undo: list[tuple[Path, Path]] = []  # renames to reverse: (from, back to)
    try:
        for name in names:
            target = directory / name
            try:
                if target.is_symlink() or target.exists():
                    os.rename(target, aside / name)
                    undo.append((aside / name, target))
                os.replace(staging / name, target)
                undo.append((target, staging / name))
            except OSError as error:
                raise _fail(target, error, "cannot move into place") from error
    except BaseException:
        for moved, back in reversed(undo):
            with contextlib.suppress(OSError):
                os.rename(moved, back)
        raise


def publish_files(
    directory: Path,
    files: Mapping[str, bytes | Callable[[Path], None]],
    *,
    overwrite: bool,
) -> list[Path]:
    """Write ``files`` (name -> bytes, or a function writing the file at a given path) into
    ``directory`` all at once; return the paths written, in the order given.

    ``directory`` is created with its parents if missing. Unless ``overwrite``, it must be
    empty; with ``overwrite``, entries of the same names are replaced (links included, never
    their targets) and other entries are left alone.

    Raises
    ------
    NotADirectoryError
        ``directory`` exists and is not a directory.
    FileExistsError
        ``directory`` is not empty and ``overwrite`` is false.
    IsADirectoryError
        A directory sits where one of the files goes.
    ExportError
        Writing or moving a file failed (disk full, permissions ...); names the file.
    """
    names = list(files)
    _check(directory, names, overwrite, None)
    created = _make_parents(directory)
    try:
        staging = _staging(directory)
    except OSError as error:
        _remove_empty(created)
        raise _fail(directory, error, "cannot create a staging directory for") from error
    try:
        for name, content in files.items():
            path = staging / name
            try:
                if isinstance(content, bytes):
                    _write_bytes(path, content)
                else:
                    content(path)
            except Exception as error:
                raise _fail(directory / name, error) from error
        if not directory.exists() and staging.parent == directory.parent:
            try:
                os.rename(staging, directory)  # atomic: the whole directory appears at once
            except OSError as error:
                if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                    raise _fail(directory, error, "cannot create") from error
            else:
                _fsync_directory(directory.parent)
                return [directory / name for name in names]
        with _locked(directory):
            _check(directory, names, overwrite, staging)
            _move_in(staging, directory, names)
        _fsync_directory(directory)
        return [directory / name for name in names]
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_empty(created)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def existing_mode(path: Path) -> int | None:
    """The permission bits of the regular file at ``path`` (through a link), None if absent.

    Raises :class:`ExportError` when something that is not a regular file is there: a named
    pipe, a socket or a device (``/dev/null``) would be replaced by a regular file, and
    whoever reads from it would wait forever.

    >>> existing_mode(Path("/nonexistent/file.csv")) is None
    True
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        return None  # nothing there (or a dangling link): a new file is created
    except OSError:
        return None  # unreadable: writing reports it
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(f"cannot write {path}: it is a directory; give a file name")
    if not stat.S_ISREG(status.st_mode):
        raise ExportError(
            f"cannot write {path}: it is not a regular file (a pipe, socket or device) and "
            "would be replaced; give a file name, or write to standard output (--csv, --json) "
            "and redirect it"
        )
    return stat.S_IMODE(status.st_mode)


def publish_file(path: Path, write: Callable[[Path], None]) -> Path:
    """Write one file through ``write(temporary_path)`` and rename it to ``path``.

    An existing file (or link) at ``path`` is replaced only once the new one is complete,
    and the new file keeps the replaced file's permissions (a 0600 file stays 0600); on
    failure ``path`` is as it was and the error names it.

    Raises
    ------
    IsADirectoryError
        ``path`` is a directory.
    ExportError
        ``path`` is not a regular file (a named pipe, socket or device), or writing failed
        (disk full, no such directory, permissions ...).
    """
    mode = existing_mode(path)
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: no such directory {parent}")
    temporary = parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        write(temporary)
        if mode is not None:
            os.chmod(temporary, mode)
        with contextlib.suppress(OSError):
            fd = os.open(temporary, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(temporary, path)
    except Exception as error:
        raise _fail(path, error) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return path


def __dir__() -> list[str]:
    return list(__all__)
