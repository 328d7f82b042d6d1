"""Ingest and retrieval settings, and the settings root shared by every entry point."""

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from models.settings import EmbedderSettings

VectorIndexKind = Literal["auto", "flat", "hnsw", "ivf"]
SUPPORTED_SUFFIXES = (".pdf", ".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx")


class IngestSettings(BaseModel):
    index_dir: Path = Field(Path("data/index"), description="Folder that holds the whole index.")
    chunk_size: int = Field(1500, ge=200, description="Target passage length in characters.")
    chunk_overlap: int = Field(100, ge=0, description="Overlap between neighbouring passages in characters.")
    embed_chars: int = Field(
        500,
        ge=0,
        description="Characters of each passage (title and heading first) that the embedder reads; 0 = all. "
        "The keyword index always reads the whole passage. Caps embedding time on slow CPUs.",
    )
    ocr: bool = Field(True, description="OCR PDF pages without a text layer (Tesseract).")
    ocr_language: str = Field("deu", description="Tesseract language(s), e.g. 'deu' or 'deu+eng'.")
    ocr_dpi: int = Field(300, ge=72, description="Render resolution for OCR.")
    max_file_mb: int = Field(100, ge=1, description="Files larger than this are skipped.")
    max_unpacked_mb: int = Field(
        200, ge=1, description="A DOCX (a zip archive) that would unpack to more than this is refused unopened."
    )
    max_pages: int = Field(3000, ge=1, description="PDFs with more pages are refused.")
    max_seconds_per_file: int = Field(
        1800, ge=10, description="Time budget for reading one file (text layer and OCR); slower files are refused."
    )
    max_text_mb: int = Field(20, ge=1, description="Documents with more extracted text than this are refused.")
    vector_index: VectorIndexKind = Field(
        "auto",
        description="FAISS index type: flat (exact), hnsw, ivf, or auto (exact up to 200,000 passages, then IVF).",
    )


class SearchSettings(BaseModel):
    """Hybrid fusion: each side's scores are standardised per query (z-scores over its candidates) and summed
    with these weights; the keyword weight grows when the two top lists disagree (see ``fuse_rankings``)."""

    candidates: int = Field(100, ge=10, description="Passages fetched from each retriever before fusion.")
    dense_weight: float = Field(
        1.0, ge=0.0, description="Weight of the vector side's standardised scores (z-scores) in the fusion."
    )
    keyword_weight: float = Field(
        1.0,
        ge=0.0,
        description="Weight of the keyword (BM25) side's standardised scores when both top lists agree fully.",
    )
    agreement_depth: int = Field(
        10, ge=1, description="How many top passages of each side are compared to measure their agreement."
    )
    disagreement_boost: float = Field(
        1.0,
        ge=0.0,
        description="Extra keyword weight, as a share, when the two top lists share no passage: the keyword "
        "weight is keyword_weight × (1 + disagreement_boost × (1 − overlap)); 0 = fixed weights.",
    )


class CoreSettings(BaseSettings):
    """Settings root for ingest and search; the assistant extends it. Env prefix ``ASSISTANT_``,
    nested groups with ``__`` (e.g. ``ASSISTANT_INGEST__INDEX_DIR``)."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", env_nested_delimiter="__", env_file=".env", extra="ignore"
    )

    embedder: EmbedderSettings = Field(default_factory=EmbedderSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)
