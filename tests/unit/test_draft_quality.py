"""Draft quality without a model: repeats across sections, copied padding, the opening sentence."""

from __future__ import annotations

from pathlib import Path

from assistant.drafts.notes import Note, WrittenSection, gap_notes
from assistant.drafts.quality import (
    PLACEHOLDER,
    content_tokens,
    is_copy,
    near_duplicate,
    opening,
    short_name,
    without_repeats,
)
from assistant.shared.citations import Citation
from ingest.passage_store import PassageStore
from testkit import PUBLIC, store_document

FEE = "Die Gebühr für die Benutzung des Freibads beträgt 3 Euro je Tag."


def _note(text: str, quote: str) -> Note:
    citation = Citation(
        number=1,
        passage_id=1,
        doc_id="d",
        title="Satzung",
        source="s.pdf",
        page=1,
        section="",
        quote=quote,
        quote_start=0,
        quote_end=len(quote),
        passage_start=0,
        passage_end=len(quote),
    )
    return Note(text=text, citation=citation)


def test_a_reworded_sentence_with_the_same_content_is_a_repeat() -> None:
    again = content_tokens("Für die Benutzung des Freibads beträgt die Gebühr 3 Euro pro Tag [2].")
    other = content_tokens("Kinder unter sechs Jahren haben freien Eintritt.")

    assert near_duplicate(content_tokens(FEE), again)
    assert not near_duplicate(content_tokens(FEE), other)


def test_a_statement_that_restates_its_source_sentence_is_a_copy() -> None:
    assert is_copy(FEE + " [1]", FEE)
    assert not is_copy("Das Freibad kostet 3 Euro am Tag.", FEE)


def test_written_sections_lose_repeats_and_copies_and_show_a_placeholder() -> None:
    notes = [_note(FEE, FEE), _note("Die Satzung tritt am 1. Mai 2024 in Kraft.", "Sie tritt am 1. Mai 2024 in Kraft.")]
    sections = [
        WrittenSection(heading="Sachverhalt", text=f"{FEE.rstrip('.')} [1].", citations=[]),
        WrittenSection(
            heading="Bewertung", text="Die Benutzung des Freibads kostet je Tag 3 Euro Gebühr [1].", citations=[]
        ),
        WrittenSection(
            heading="Vorschlag",
            text="Die Satzung tritt am 1. Mai 2024 in Kraft. Die Kassen sollten vor der Saison geschult werden.",
            citations=[],
        ),
    ]

    fact, assessment, proposal = without_repeats(sections, ["Bewertung", "Vorschlag"], notes)

    assert fact.text == f"{FEE.rstrip('.')} [1]."
    assert assessment.text == PLACEHOLDER and assessment.dropped == 1
    assert proposal.text == "Die Kassen sollten vor der Saison geschult werden."


def test_the_opening_names_the_document_and_what_it_regulates(tmp_path: Path) -> None:
    store = PassageStore(tmp_path / "store.sqlite")
    title = "Verordnung über die Mitwirkung von Helfern (Helferverordnung - HVO)"
    store_document(
        store,
        "hvo",
        title,
        [
            "Auf Grund von § 10 wird verordnet:\nDiese Verordnung regelt die Mitwirkung von Helfern im Rettungsdienst.",
            "§ 2 Aufgaben\nHelfer versorgen Patienten bis zum Eintreffen des Rettungsdienstes.",
        ],
    )
    document = store.document("hvo", PUBLIC)
    assert document is not None

    note = opening(document, [passage.to_hit() for passage in store.passages_of("hvo", PUBLIC)])

    assert short_name(title) == "„Helferverordnung (HVO)“"
    assert isinstance(note, Note)
    assert note.text == "„Helferverordnung (HVO)“ regelt die Mitwirkung von Helfern im Rettungsdienst."
    stored = store.pages("hvo", PUBLIC)[0].text
    assert stored[note.citation.quote_start : note.citation.quote_end] == note.citation.quote


def test_without_a_purpose_clause_the_opening_reads_the_title(tmp_path: Path) -> None:
    store = PassageStore(tmp_path / "store.sqlite")
    title = "Gesetz zum Schutze der arbeitenden Jugend (Jugendarbeitsschutzgesetz - JArbSchG)"
    store_document(store, "jarbschg", title, ["§ 5 Verbot\nDie Beschäftigung von Kindern ist verboten."])
    document = store.document("jarbschg", PUBLIC)
    assert document is not None

    assert opening(document, [passage.to_hit() for passage in store.passages_of("jarbschg", PUBLIC)]) == (
        "„Jugendarbeitsschutzgesetz (JArbSchG)“ dient dem Schutze der arbeitenden Jugend."
    )


def test_a_stretch_without_notes_gets_its_most_central_sentence(tmp_path: Path) -> None:
    store = PassageStore(tmp_path / "store.sqlite")
    pages = [
        "§ 1 Steuer\nDie Gemeinde erhebt eine Hundesteuer für jeden Hund im Gemeindegebiet.",
        "§ 2 Höhe\nDie Hundesteuer beträgt für jeden Hund jährlich 108 Euro im Gemeindegebiet.",
        "§ 3 Fälligkeit\nDie Hundesteuer wird jährlich am 1. Juli für jeden Hund fällig.",
    ]
    store_document(store, "hst", "Hundesteuersatzung", pages)
    passages = [passage.to_hit() for passage in store.passages_of("hst", PUBLIC)]
    first = passages[0]
    noted = _note("Die Gemeinde erhebt eine Hundesteuer.", "Die Gemeinde erhebt eine Hundesteuer für jeden Hund.")
    noted = noted.model_copy(
        update={"citation": noted.citation.model_copy(update={"doc_id": "hst", "quote_start": first.char_start + 11})}
    )

    gaps = gap_notes([noted], passages, 3)

    assert [gap.citation.page for gap in gaps] == [2, 3]
    text = "\n\n".join(pages)
    for gap in gaps:
        assert text[gap.citation.quote_start : gap.citation.quote_end] == gap.citation.quote
