"""Hostile and broken files never hurt the server or the index: each is refused with a German reason while the
rest of its upload goes on, the index keeps what it had, and /healthz stays ok. The files are built here (a YAML
alias bomb, a zip bomb, truncated/encrypted/mislabelled files, odd names)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader, PdfWriter

from assistant.api.app import create_app
from assistant.services import Services
from ingest.errors import UnreadableFileError
from ingest.loaders.sniffing import check_docx
from ingest.safe_yaml import UnsafeYamlError, load_yaml
from ingest.types import DEFAULT_COLLECTION
from models.embedders import Embedder
from testkit import FIXTURES, assistant_settings, signed_in

GOOD = (
    "satzung.md",
    b"# Satzung\n\n## \xc2\xa7 1 Zweck\n\nDie Gemeinde erhebt eine Hundesteuer von 96 Euro im Jahr.\n",
)


def yaml_alias_bomb(levels: int = 9) -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{','.join(f'*a{n - 1}' for _ in range(9))}]" for n in range(1, levels)]
    return ("---\n" + "\n".join(lines) + "\n---\n# Bombe\n\nText der Datei.\n").encode()


def zip_bomb_docx() -> bytes:
    """A real DOCX with a 60 MB member of zeros that packs to a few dozen KB."""
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Harmloser Text.")
    document.save(buffer)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/bild.bin", b"\0" * 60_000_000)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "FeuerwKostErsV_BW.pdf"))
    writer.encrypt(user_password="geheim", owner_password="geheim", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


HOSTILE: dict[str, tuple[str, bytes]] = {
    "yaml alias bomb": ("bombe.md", yaml_alias_bomb()),
    "zip bomb": ("bombe.docx", zip_bomb_docx()),
    "truncated pdf": ("abgeschnitten.pdf", (FIXTURES / "FeuerwKostErsV_BW.pdf").read_bytes()[:4000]),
    "encrypted pdf": ("verschluesselt.pdf", encrypted_pdf()),
    "image named pdf": ("bild.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 2000),
    "binary named text": ("daten.txt", bytes(range(256)) * 40),
    "empty docx": ("leer.docx", b""),
}


@pytest.fixture
def client(private_index: Path, embedder: Embedder, tmp_path: Path) -> Iterator[TestClient]:
    settings = assistant_settings(private_index, tmp_path)
    services = Services(settings, embedder=embedder)
    with TestClient(create_app(settings, services)) as test_client:
        yield signed_in(test_client, services)


def test_yaml_aliases_are_refused_before_they_expand() -> None:
    with pytest.raises(UnsafeYamlError, match="Aliase"):
        load_yaml(yaml_alias_bomb().decode().split("---")[1])
    with pytest.raises(UnsafeYamlError, match="zu lang"):
        load_yaml("a: " + "x" * 70_000)
    assert load_yaml("titel: Satzung\nstand: 2024-01-01") == {
        "titel": "Satzung",
        "stand": __import__("datetime").date(2024, 1, 1),
    }


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_file_is_refused_in_german_and_the_rest_of_the_upload_goes_on(client: TestClient, kind: str) -> None:
    before = {doc["id"] for doc in client.get("/api/documents").json()}
    name, content = HOSTILE[kind]
    files = [("files", (name, content, "application/octet-stream")), ("files", (GOOD[0], GOOD[1], "text/markdown"))]
    response = client.post("/api/documents", data={"collection": "allgemein"}, files=files)
    assert response.status_code == 200, response.text
    body = response.json()
    if kind == "yaml alias bomb":  # the text is kept, without the unsafe metadata
        kept = next(doc for doc in body["documents"] if doc["source"] == name)
        detail = client.get(f"/api/documents/{kept['id']}").json()
        assert detail["metadata"] == {} and len(str(detail)) < 20_000
    else:
        assert [item["file"] for item in body["skipped"]] == [name]
        reason = body["skipped"][0]["reason"]
        assert reason and reason[0].isupper() and not any(word in reason for word in ("Error", "Traceback", "errno"))
    assert GOOD[0] in {doc["source"] for doc in body["documents"]}
    after = {doc["id"] for doc in client.get("/api/documents").json()}
    assert before < after  # nothing lost, the good file added
    assert client.get("/healthz").json()["status"] == "ok"


def test_the_zip_bomb_is_refused_from_the_archive_directory() -> None:
    bomb = Path(tempfile.mkdtemp()) / "bombe.docx"
    bomb.write_bytes(zip_bomb_docx())
    with pytest.raises(UnreadableFileError, match="entpackt"):
        check_docx(bomb, max_unpacked_bytes=200_000_000)


def test_long_and_duplicate_file_names_are_stored_safely_and_shown_as_given(client: TestClient) -> None:
    long_name = "Bescheid über die Festsetzung der Hundesteuer " * 8 + ".md"
    assert len(long_name.encode()) > 255
    files = [
        ("files", (long_name, GOOD[1], "text/markdown")),
        ("files", ("antrag.md", GOOD[1].replace(b"96", b"120"), "text/markdown")),
        ("files", ("antrag.md", b"\xff\xfe\x00\x00binary", "text/markdown")),  # refused: must not take the first
    ]
    response = client.post("/api/documents", data={"collection": "allgemein"}, files=files)
    assert response.status_code == 200, response.text
    body = response.json()
    assert {doc["source"] for doc in body["documents"]} == {long_name, "antrag.md"}
    assert [item["file"] for item in body["skipped"]] == ["antrag (2).md"]
    shown = next(doc for doc in body["documents"] if doc["source"] == "antrag.md")
    text = "".join(page["text"] for page in client.get(f"/api/documents/{shown['id']}").json()["page_texts"])
    assert "120 Euro" in text  # the good "antrag.md" is still there


def test_a_field_list_that_is_no_utf8_or_an_alias_bomb_gets_a_german_422(client: TestClient) -> None:
    upload = [("files", ("fall.md", GOOD[1], "text/markdown"))]
    bomb = yaml_alias_bomb().decode().split("---")[1]
    for schema in (bomb, "name: T\xe4st\nfelder: [".encode("latin-1").decode("latin-1")):
        response = client.post("/api/batch/uploads", data={"schema": schema}, files=upload)
        assert response.status_code == 422, response.text
        assert response.json()["message"].startswith("Die Felddatei")
    raw = b'--b\r\nContent-Disposition: form-data; name="schema"\r\n\r\nname: T\xe4st\r\n--b--\r\n'
    response = client.post(
        "/api/batch/uploads", content=raw, headers={"Content-Type": "multipart/form-data; boundary=b"}
    )
    assert response.status_code in (400, 422) and response.json()["message"]


def test_a_batch_upload_with_more_parts_than_the_multipart_default_is_parsed(client: TestClient) -> None:
    """Starlette's default of 1,000 files would make the documented batch limit (2,000) unreachable."""
    files = [("files", (f"fall-{number:04d}.md", b"# Fall", "text/markdown")) for number in range(1001)]
    response = client.post("/api/batch/uploads", data={"schema": "name: [offen"}, files=files)
    assert response.status_code == 422  # parsed, then the field list was refused - not a 400 from the parser
    assert response.json()["message"].startswith("Die Felddatei")


def test_deleting_a_document_removes_the_file_a_summary_upload_left(client: TestClient, tmp_path: Path) -> None:
    job_upload = tmp_path / "jobs" / "0123456789abcdef" / "uploads" / "00000" / "satzung.md"
    job_upload.parent.mkdir(parents=True)
    job_upload.write_bytes(GOOD[1])
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    report = services.ingest_files({job_upload: "satzung.md"}, DEFAULT_COLLECTION)
    (doc_id,) = report.ingested_doc_ids
    assert client.delete(f"/api/documents/{doc_id}").status_code == 204
    assert not job_upload.exists()
