"""Right answers, or honest declines, with the deciding unit shown: the real default models on data/samples."""

from __future__ import annotations

import shutil
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.chat.answerer import Question
from assistant.services import Services
from evaluation.live import ChatModelProxy
from ingest.pipeline import Ingestor
from ingest.settings import CoreSettings, IngestSettings
from ingest.types import DEFAULT_COLLECTION
from models.embedders import Embedder
from models.llm import ChatMessage
from testkit import PUBLIC, assistant_settings, signed_in, sse_events

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parents[1] / "fixtures"
TABLE_QUESTION = "Was kostet ein Platz im Kindergarten VÖ für eine Familie mit zwei Kindern?"
CHOICE_QUESTION = "Was kostet der Kindergarten VÖ für eine Familie mit zwei Kindern?"  # its row names every noun


@pytest.fixture(scope="module")
def client(app_services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(app_services.settings, app_services)) as test_client:
        yield signed_in(test_client, app_services)


def test_the_table_row_for_the_asked_family_size_is_the_evidence_and_the_answer(client: TestClient) -> None:
    response = client.post("/api/chat", json={"question": TABLE_QUESTION, "stream": True})
    events = sse_events(response.text)
    names = [name for name, _ in events]
    assert names[:2] == ["sources", "evidence"], names  # the deciding unit comes before any token
    evidence = events[1][1]
    assert evidence["finding"] == "belegt"
    deciding = evidence["citations"][0]
    assert deciding["evidence"]["kind"] == "tabellenzeile"
    assert "125,00 €" in deciding["quote"] and "zwei Kindern" in deciding["quote"]
    assert "(VÖ)" in deciding["evidence"]["context"] and "Familiensituation" in deciding["evidence"]["context"]
    final = dict(events)["citations"]
    # the 1.5B model may still decline; what it must never do is confirm a fee of another row or table
    assert final["status"] in ("beantwortet", "unsicher", "nichts_gefunden"), final
    if final["status"] == "beantwortet":
        assert "125" in final["answer"], final["answer"]
        assert not any(other in final["answer"] for other in ("165", "150", "185", "175", "85,00")), final["answer"]
        assert all(citation["evidence"] for citation in final["citations"])


def test_a_child_the_ordinance_does_not_regulate_is_answered_as_not_covered(client: TestClient) -> None:
    answer = client.post("/api/chat", json={"question": "Was kostet der Kindergarten für ein zweijähriges Kind?"})
    body = answer.json()
    assert body["status"] == "nicht_geregelt", body
    assert "keine Regelung" in body["answer"] and "3-jährige" in body["answer"]
    assert not any(fee in body["answer"] for fee in ("125", "165", "85,00")), "no fee of a row sharing 'zwei'"
    citation = body["citations"][0]
    assert "3-jährige" in citation["quote"] and citation["source"] == "BBO_Satzung_Kindergartengebuehren.md"


def test_the_answer_check_turns_a_figure_absent_from_the_evidence_into_unsure(app_services: Services) -> None:
    answerer = app_services.answerer(PUBLIC)
    events = list(answerer.events(Question(TABLE_QUESTION)))
    sources = next(event for event in events if type(event).__name__ == "SourcesFound")
    evidence = next(event for event in events if type(event).__name__ == "EvidenceFound")
    invented = "Ein Platz kostet 135,00 € im Monat [1]."  # what a weak model might write
    verified = answerer._final(invented, sources.excerpts, TABLE_QUESTION, evidence)
    assert verified.status == "unsicher"
    assert "135" not in verified.answer and "125,00 €" in verified.answer
    right = answerer._final("Ein Platz kostet 125,00 € [1].", sources.excerpts, TABLE_QUESTION, evidence)
    assert right.status == "beantwortet"


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, chat_model: Any) -> Services:
    """An index of two versions of the Kindergarten fee ordinance (tests/fixtures/versions)."""
    folder = tmp_path_factory.mktemp("versions") / "docs"
    shutil.copytree(FIXTURES / "versions", folder)
    index_dir = tmp_path_factory.mktemp("versions-index") / "index"
    report = Ingestor(CoreSettings(ingest=IngestSettings(index_dir=index_dir)), embedder).ingest(
        [folder], collection=DEFAULT_COLLECTION
    )
    assert report.ok
    settings = assistant_settings(index_dir, tmp_path_factory.mktemp("versions-runtime"))
    return Services(settings, embedder=embedder, chat_model=chat_model)


def test_two_versions_with_different_fees_are_shown_as_a_contradiction_naming_the_newer(
    two_versions: Services,
) -> None:
    answer = two_versions.answerer(PUBLIC).answer(Question(TABLE_QUESTION))
    verified = answer.verified
    assert verified.status == "widerspruch", verified.answer
    quotes = {citation.quote for citation in verified.citations}
    assert any("125,00 €" in quote for quote in quotes) and any("113,00 €" in quote for quote in quotes)
    assert "unterschiedliche Angaben" in verified.answer
    newer = next(c for c in verified.citations if "125,00 €" in c.quote)
    assert f"Neuer ist die Fassung [{newer.number}]" in verified.answer
    assert "2024-10-05" in verified.answer


class DecliningModel(ChatModelProxy):
    """The real local LLM, except that it declines to write the answer, as a small model often does with the
    deciding unit in front of it (scripted, so that the branch is reached on every run). With ``choose=False`` it
    also declines to choose a value."""

    def __init__(self, model: Any, *, choose: bool = True) -> None:
        super().__init__(model)
        self.choose = choose
        self.offered: list[list[str]] = []

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        yield "In den vorliegenden Unterlagen habe ich dazu nichts gefunden."

    def complete(
        self, messages: list[ChatMessage], *, max_tokens: int, json_schema: dict[str, Any] | None = None
    ) -> str:
        assert json_schema is not None
        self.offered.append(json_schema["properties"]["wert"]["enum"])
        if not self.choose:
            return '{"wert": "keiner"}'
        return super().complete(messages, max_tokens=max_tokens, json_schema=json_schema)


def _declining_answer(model: DecliningModel, sample_index: Path, embedder: Embedder, tmp_path: Path) -> Any:
    services = Services(assistant_settings(sample_index, tmp_path), embedder=embedder, chat_model=model)
    return services.answerer(PUBLIC).answer(Question(CHOICE_QUESTION)).verified


def test_a_model_that_declines_the_found_evidence_chooses_the_value_of_the_deciding_row(
    sample_index: Path, embedder: Embedder, chat_model: Any, tmp_path: Path
) -> None:
    model = DecliningModel(chat_model)

    answer = _declining_answer(model, sample_index, embedder, tmp_path)

    assert model.offered and model.offered[0][0] == "125,00 €" and model.offered[0][-1] == "keiner"
    assert answer.status == "beantwortet", answer
    assert answer.answer.startswith("125,00 € [1]"), answer.answer
    assert "125,00 €" in answer.citations[0].quote and answer.citations[0].evidence is not None


def test_a_model_that_declines_both_shows_the_deciding_unit_as_unsure(
    sample_index: Path, embedder: Embedder, chat_model: Any, tmp_path: Path
) -> None:
    answer = _declining_answer(DecliningModel(chat_model, choose=False), sample_index, embedder, tmp_path)

    assert answer.status == "unsicher", answer
    assert "125,00 €" in answer.citations[0].quote and answer.answer.startswith("Ich kann die Antwort nicht sicher")


class FirstDecliningModel(ChatModelProxy):
    """The real local LLM, except that its first written answer declines (scripted, so that the retry is reached
    on every run); records the system prompt and sources of every written answer."""

    def __init__(self, model: Any) -> None:
        super().__init__(model)
        self.asked: list[tuple[str, str]] = []

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        self.asked.append((messages[0].content, messages[-1].content))
        if len(self.asked) == 1:
            yield "In den vorliegenden Unterlagen habe ich dazu nichts gefunden."
            return
        yield from super().stream(messages, max_tokens=max_tokens, stop=stop)


def _first_declined(question: str, sample_index: Path, embedder: Embedder, chat_model: Any, tmp_path: Path) -> Any:
    model = FirstDecliningModel(chat_model)
    services = Services(assistant_settings(sample_index, tmp_path), embedder=embedder, chat_model=model)
    return model, services.answerer(PUBLIC).answer(Question(question)).verified


def test_a_declined_unit_that_fits_the_question_is_asked_again_alone_with_worked_examples(
    sample_index: Path, embedder: Embedder, chat_model: Any, tmp_path: Path
) -> None:
    question = "Von welchen Seiten des Beckens darf man laut Badeordnung nicht ins Wasser springen?"
    model, answer = _first_declined(question, sample_index, embedder, chat_model, tmp_path)

    assert len(model.asked) == 2, model.asked
    (first_system, _), (second_system, second_sources) = model.asked
    assert "Beispiele (erfundene Quellen" not in first_system and "Beispiele (erfundene Quellen" in second_system
    assert "Längsseiten" in second_sources and "[2]" not in second_sources  # the deciding unit alone
    # the small model may still decline; what it answers must rest on the unit
    assert answer.status in ("beantwortet", "unsicher"), answer
    if answer.status == "beantwortet":
        assert "Längsseiten" in answer.answer, answer.answer


def test_a_declined_unit_of_another_case_gets_no_worked_examples(
    sample_index: Path, embedder: Embedder, chat_model: Any, tmp_path: Path
) -> None:
    # the fee table's rows do not state the asker's age: no row fits, so no examples push the model to read one out
    question = "Ich bin 23 und studiere. Welche Saisonkarte bekomme ich im Freibad und was kostet sie?"
    model, _ = _first_declined(question, sample_index, embedder, chat_model, tmp_path)

    assert model.asked, "the model was asked"
    assert all("Beispiele (erfundene Quellen" not in system for system, _ in model.asked)
