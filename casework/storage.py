"""Where uploaded documents live: one folder per centre, outside any public path."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.utils.functional import cached_property


class TenantDocumentStorage(FileSystemStorage):
    """Files live under KENTRO_DOCUMENTS_DIR/<schema>/: each centre has its own folder."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(Path(settings.KENTRO_DOCUMENTS_DIR) / connection.schema_name)

    @property
    def location(self) -> str:  # type: ignore[override]
        return str(Path(self.base_location).resolve())

    @cached_property
    def base_url(self):  # noqa: D102  (never served directly)
        return None

    def url(self, name):
        raise ValueError("Documents are served only through the authorised download view.")


document_storage = TenantDocumentStorage()
