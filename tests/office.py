"""LibreOffice for the export tests: a Word file converted to PDF the way a reader's office
suite would, so layout faults (a word broken in two, a blank page) show in the PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(
    not shutil.which("libreoffice"), reason="LibreOffice is not installed"
)


def docx_to_pdf(data: bytes, workdir: Path) -> Path:
    """Writes ``data`` as verslag.docx in ``workdir`` and returns the PDF LibreOffice made."""
    src = workdir / "verslag.docx"
    src.write_bytes(data)
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            f"-env:UserInstallation=file://{workdir}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return workdir / "verslag.pdf"
