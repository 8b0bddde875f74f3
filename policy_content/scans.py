"""Scans of paper sign-offs: checked by their first bytes, stored privately, hashed for the evidence chain."""

import hashlib
import os
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext

__all__ = ["SCAN_TYPES", "ScanRefused", "ScanStorage", "checked_scan", "file_sha256", "scan_storage"]

# Extension, content type and the bytes a file of that type starts with.
SCAN_TYPES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
_READ_CHUNK = 64 * 1024


class ScanRefused(Exception):
    """A file that cannot be kept as a scan, with the reason to show."""


@deconstructible
class ScanStorage(FileSystemStorage):
    """Files under TRAINING_SCANS_ROOT, outside MEDIA_ROOT: no URL serves them, only a view that checks access."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return str(settings.TRAINING_SCANS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Scans are private: they have no public URL.")


def scan_storage() -> ScanStorage:
    return ScanStorage()


@dataclass(frozen=True)
class CheckedScan:
    extension: str
    content_type: str
    sha256: str


def file_sha256(file) -> str:
    """The SHA-256 of a file object's bytes, read in chunks from the start."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(_READ_CHUNK), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def checked_scan(upload) -> CheckedScan:
    """The scan's type (from its content, not its name) and hash, or ScanRefused."""
    limit = settings.TRAINING_SCAN_MAX_BYTES
    if upload.size == 0:
        raise ScanRefused(gettext("The scan is empty."))
    if upload.size > limit:
        raise ScanRefused(
            gettext("The scan is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for extension, (content_type, signatures) in SCAN_TYPES.items():
        if head.startswith(signatures):
            return CheckedScan(extension, content_type, file_sha256(upload))
    raise ScanRefused(gettext("The scan must be a PDF, PNG or JPEG file."))
