"""Defences for files that come from outside and for cells that go out to spreadsheets.

- Size: an upload above ``Limits.max_bytes`` is refused before it is parsed; a file with
  more than ``Limits.max_rows`` services is refused as a whole.
- Zip archives (the CSV package and XLSX, which is a zip too) are inspected from their
  central directory *before* anything is decompressed: number of members, size of each
  member once expanded, total expanded size and compression ratio (zip bombs). Reads are
  bounded again while decompressing, so a lying header gains nothing.
- XML inside XLSX is parsed by openpyxl, which uses defusedxml when it is installed (it is):
  entity declarations (billion laughs, external entities) make the load fail, and the file is
  refused.
- JSON: size-bounded, NaN/Infinity refused, nesting depth bounded.
- Export cells that a spreadsheet would run (``=``, ``+``, ``-``, ``@``, tab, carriage
  return at the start) get a leading apostrophe (OWASP "CSV injection").
"""

import io
import json
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _


class FileRefused(Exception):
    """The file as a whole cannot be imported; ``str(exc)`` is a translated message."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 5000
    max_members: int = 200
    max_member_bytes: int = 50 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024
    max_ratio: int = 100  # expanded / compressed, for members bigger than RATIO_FLOOR
    max_depth: int = 40


WEB_LIMITS = Limits()
# Operators on the server may import a whole national dataset at once.
COMMAND_LIMITS = Limits(
    max_bytes=200 * 1024 * 1024,
    max_rows=100_000,
    max_member_bytes=500 * 1024 * 1024,
    max_total_bytes=1024 * 1024 * 1024,
)
RATIO_FLOOR = 1024 * 1024  # small members may compress very well legitimately


def check_size(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        raise FileRefused(
            _("The file is too large (%(size)s MB; at most %(max)s MB).")
            % {
                "size": round(len(data) / 1024 / 1024, 1),
                "max": limits.max_bytes // 1024 // 1024,
            }
        )
    if not data:
        raise FileRefused(_("The file is empty."))


def check_rows(count: int, limits: Limits) -> None:
    if count > limits.max_rows:
        raise FileRefused(
            _("The file has %(count)s services; at most %(max)s can be imported at once.")
            % {"count": count, "max": limits.max_rows}
        )


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a zip archive after checking its central directory for bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FileRefused(_("The file is not a valid zip archive (or XLSX workbook).")) from exc
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise FileRefused(_("The archive holds too many files."))
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise FileRefused(_("Encrypted archives are refused."))
        if info.file_size > limits.max_member_bytes:
            raise FileRefused(
                _("The archive member “%(name)s” is too large once decompressed.")
                % {"name": info.filename[:80]}
            )
        if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise FileRefused(
                _("The archive member “%(name)s” is compressed suspiciously well (a zip bomb?).")
                % {"name": info.filename[:80]}
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise FileRefused(_("The archive is too large once decompressed."))
    return archive


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """Decompress one member, never more than the limit whatever its header says."""
    try:
        with archive.open(info) as handle:
            data = handle.read(limits.max_member_bytes + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise FileRefused(
            _("The archive member “%(name)s” cannot be read.") % {"name": info.filename[:80]}
        ) from exc
    if len(data) > limits.max_member_bytes:
        raise FileRefused(_("The archive is too large once decompressed."))
    return data


def _refuse_constant(name):
    raise ValueError(name)


def _depth(value, limit: int) -> None:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise FileRefused(_("The JSON document is nested too deeply."))
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def load_json(data: bytes, limits: Limits):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(_("The file is not UTF-8 text.")) from exc
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError as exc:
        raise FileRefused(_("The JSON document is nested too deeply.")) from exc
    except ValueError as exc:
        raise FileRefused(
            _("The file is not valid JSON: %(error)s") % {"error": str(exc)[:200]}
        ) from exc
    _depth(value, limits.max_depth)
    return value


DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value safe for spreadsheets: text that would start a formula is prefixed with
    an apostrophe so that it stays text. Other types pass unchanged."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The inverse on import, so that an exported sheet reads back to the same text."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(DANGEROUS_PREFIXES):
        return value[1:]
    return value
