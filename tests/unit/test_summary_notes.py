"""The pure pieces of summaries (assistant.drafts.notes) and the assembly of a draft from written sections
(assistant.drafts.summarizer.assemble_draft), with hand-written notes and model outputs: no LLM."""

from __future__ import annotations

import pytest

from assistant.drafts.notes import (
    Note,
    WrittenSection,
    clean_statement,
    joined_lines,
    section_from_notes,
    select_notes,
    units,
)
from assistant.drafts.summarizer import assemble_draft
from assistant.drafts.templates import Template, TemplateSection
from assistant.shared.citations import Citation
from testkit import hit


def cite(
    number: int, quote_start: int, doc_id: str = "satzung", quote: str = "Die Steuer beträgt 108 Euro."
) -> Citation:
    return Citation(
        number=number,
        passage_id=quote_start // 100 + 1,
        doc_id=doc_id,
        title=f"Hundesteuersatzung ({doc_id})",
        source=f"{doc_id}.md",
        page=1,
        section="§ 5",
        quote=quote,
        quote_start=quote_start,
        quote_end=quote_start + len(quote),
        passage_start=quote_start // 100 * 100,
        passage_end=quote_start // 100 * 100 + 100,
    )


def notes_of(texts: list[str]) -> list[Note]:
    return [Note(text=text, citation=cite(1, 100 * i)) for i, text in enumerate(texts)]


VERMERK = Template(
    id="vermerk",
    title="Vermerk",
    description="Aktenvermerk",
    form="fliesstext",
    sections=(
        TemplateSection("Sachverhalt", cited=True, instruction="", form=None, from_notes=True),
        TemplateSection("Bewertung", cited=True, instruction="Bewerte.", form=None, from_notes=False),
        TemplateSection("Vorschlag", cited=False, instruction="Schlage vor.", form=None, from_notes=False),
    ),
)


# --- select_notes ---------------------------------------------------------------------------------------------

CENTRAL_FIRST = [  # the three most central notes all stand at the start
    "Die Hundesteuer wird jährlich für jeden Hund erhoben.",
    "Die Hundesteuer für jeden Hund beträgt jährlich 108 Euro.",
    "Die Hundesteuer wird jährlich zum 1. Juli fällig.",
    "Der Bürgermeister eröffnete das Fest.",
    "Im Sommer blühten die Rosen.",
    "Der Chor sang im Rathaus.",
    "Kinder spielten im Park.",
    "Ein Ausflug führte an den See.",
    "Das Wetter im Frühling war mild.",
]
CENTRAL_SPREAD = [
    "Das Wetter im Frühling war mild.",
    "Die Hundesteuer wird von der Stadt jährlich erhoben.",
    "Ein Ausflug führte an den See.",
    "Der Bürgermeister eröffnete das Fest.",
    "Die Hundesteuer für jeden Hund beträgt jährlich 108 Euro.",
    "Im Sommer blühten die Rosen.",
    "Der Chor sang im Rathaus.",
    "Die Hundesteuer wird jährlich zum 1. Juli fällig.",
    "Kinder spielten im Park.",
]


@pytest.mark.parametrize(
    ("texts", "count", "picked"),
    [
        (CENTRAL_SPREAD, 3, [1, 4, 7]),  # the most central note of each third
        (CENTRAL_SPREAD, 2, [4, 7]),  # the first and the second half of the text
        (CENTRAL_SPREAD, 4, [1, 4, 5, 7]),  # a quarter without a central note still gives one
        (CENTRAL_FIRST, 3, [1, 3, 6]),  # spread over the order, not the three most central
        (CENTRAL_FIRST, 9, list(range(9))),  # few enough: all
        (CENTRAL_FIRST[:2], 5, [0, 1]),
        ([], 3, []),
    ],
)
def test_select_notes_spreads_its_picks_over_the_documents(texts: list[str], count: int, picked: list[int]) -> None:
    notes = notes_of(texts)
    assert [notes.index(note) for note in select_notes(notes, count)] == picked


@pytest.mark.parametrize(("total", "count"), [(10, 3), (7, 2), (5, 4), (11, 10), (40, 10), (23, 7)])
def test_select_notes_takes_one_note_of_each_stretch_in_document_order(total: int, count: int) -> None:
    notes = notes_of([f"Aussage {i}: Die Satzung regelt in § {i} den Punkt {i}." for i in range(total)])
    end = max(note.citation.passage_end for note in notes)

    chosen = select_notes(notes, count)

    assert len(chosen) == count
    assert chosen == sorted(chosen, key=lambda note: note.citation.quote_start)
    stretches = {int(note.citation.quote_start / end * count) for note in chosen}
    assert len(stretches) == min(count, len({int(note.citation.quote_start / end * count) for note in notes}))


def test_select_notes_returns_the_notes_themselves_when_there_are_few() -> None:
    notes = notes_of(CENTRAL_FIRST[:3])
    assert select_notes(notes, 3) is notes


# --- section_from_notes ---------------------------------------------------------------------------------------

FACT_NOTES = [
    Note(text="Die Hundesteuer beträgt 108 Euro im Jahr.", citation=cite(4, 120)),
    Note(text="Der Hund ist binnen zwei Wochen anzumelden", citation=cite(2, 310)),
    Note(text="Die Steuer wird am 1. Juli fällig.", citation=cite(7, 480, doc_id="bescheid")),
]


@pytest.mark.parametrize(
    ("bullets", "text"),
    [
        (
            True,
            "- Die Hundesteuer beträgt 108 Euro im Jahr [1].\n"
            "- Der Hund ist binnen zwei Wochen anzumelden [2].\n"
            "- Die Steuer wird am 1. Juli fällig [3].",
        ),
        (
            False,
            "Die Hundesteuer beträgt 108 Euro im Jahr [1]. Der Hund ist binnen zwei Wochen anzumelden [2]. "
            "Die Steuer wird am 1. Juli fällig [3].",
        ),
    ],
)
def test_section_from_notes_numbers_markers_and_citations_alike(bullets: bool, text: str) -> None:
    section = section_from_notes("Sachverhalt", FACT_NOTES, bullets)
    assert (section.heading, section.text, section.dropped) == ("Sachverhalt", text, 0)
    assert [(c.number, c.doc_id, c.quote_start) for c in section.citations] == [
        (1, "satzung", 120),
        (2, "satzung", 310),
        (3, "bescheid", 480),
    ]
    assert [note.citation.number for note in FACT_NOTES] == [4, 2, 7]  # the notes keep their own numbers


def test_section_from_no_notes_is_empty() -> None:
    section = section_from_notes("Sachverhalt", [], True)
    assert (section.text, section.citations) == ("", [])


# --- assemble_draft -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sections", "texts", "sources"),
    [
        pytest.param(
            [
                WrittenSection(
                    heading="Sachverhalt", text="Erstens [2]. Zweitens [1].", citations=[cite(1, 100), cite(2, 200)]
                ),
                WrittenSection(heading="Bewertung", text="Drittens [1].", citations=[cite(1, 300)]),
            ],
            ["Erstens [1]. Zweitens [2].", "Drittens [3]."],
            [("satzung", 200), ("satzung", 100), ("satzung", 300)],
            id="order-of-first-use",
        ),
        pytest.param(
            [
                WrittenSection(
                    heading="Sachverhalt", text="Erstens [1]. Zweitens [2].", citations=[cite(1, 100), cite(2, 200)]
                ),
                WrittenSection(
                    heading="Bewertung", text="Drittens [2]. Viertens [1].", citations=[cite(1, 200), cite(2, 500)]
                ),
            ],
            ["Erstens [1]. Zweitens [2].", "Drittens [3]. Viertens [2]."],
            [("satzung", 100), ("satzung", 200), ("satzung", 500)],
            id="same-quote-one-number",
        ),
        pytest.param(
            [
                WrittenSection(heading="Sachverhalt", text="Erstens [1].", citations=[cite(1, 100)]),
                WrittenSection(heading="Bewertung", text="Zweitens [1].", citations=[cite(1, 100, doc_id="bescheid")]),
            ],
            ["Erstens [1].", "Zweitens [2]."],
            [("satzung", 100), ("bescheid", 100)],
            id="same-offset-other-document",
        ),
        pytest.param(
            [
                WrittenSection(
                    heading="Bewertung",
                    text="Erstens [3]. Zweitens [5]. Drittens [1, 3]. Viertens [4, 5].",
                    citations=[cite(1, 100), cite(3, 300), cite(4, 400), cite(6, 600)],
                ),
            ],
            ["Erstens [1]. Zweitens. Drittens [2][1]. Viertens [3]."],
            [("satzung", 300), ("satzung", 100), ("satzung", 400)],
            id="unknown-marker-removed-unused-citation-left-out",
        ),
        pytest.param(
            [
                WrittenSection(
                    heading="Sachverhalt",
                    text="- Erstens [1].\n- Zweitens [2].",
                    citations=[cite(1, 100), cite(2, 200)],
                ),
                WrittenSection(heading="Vorschlag", text="Zur Kenntnis nehmen.", citations=[]),
            ],
            ["- Erstens [1].\n- Zweitens [2].", "Zur Kenntnis nehmen."],
            [("satzung", 100), ("satzung", 200)],
            id="bullets-and-uncited-section",
        ),
    ],
)
def test_assemble_draft_renumbers_citations_across_sections(
    sections: list[WrittenSection], texts: list[str], sources: list[tuple[str, int]]
) -> None:
    draft = assemble_draft(VERMERK, ["Hundesteuersatzung"], sections)
    assert [section.text for section in draft.sections] == texts
    assert [(source.doc_id, source.quote_start) for source in draft.sources] == sources
    assert [source.number for source in draft.sources] == list(range(1, len(sources) + 1))


def test_assemble_draft_sums_the_dropped_statements_and_names_the_documents() -> None:
    sections = [
        WrittenSection(heading="Sachverhalt", text="Erstens [1].", citations=[cite(1, 100)], dropped=2),
        WrittenSection(heading="Bewertung", text="", citations=[], dropped=3),
        WrittenSection(heading="Vorschlag", text=" Zur Kenntnis nehmen. ", citations=[]),
    ]
    draft = assemble_draft(VERMERK, ["Hundesteuersatzung", "Gebührenbescheid"], sections)
    assert draft.dropped_statements == 5
    assert (draft.template, draft.title) == ("vermerk", "Vermerk")
    assert draft.subject == "Hundesteuersatzung; Gebührenbescheid"
    assert draft.documents == ["Hundesteuersatzung", "Gebührenbescheid"]
    assert [(s.heading, s.text) for s in draft.sections] == [
        ("Sachverhalt", "Erstens [1]."),
        ("Bewertung", ""),
        ("Vorschlag", "Zur Kenntnis nehmen."),
    ]


def test_assemble_draft_leaves_the_written_sections_unchanged() -> None:
    section = WrittenSection(heading="Bewertung", text="Erstens [2].", citations=[cite(2, 100)])
    draft = assemble_draft(VERMERK, ["Satzung"], [section])
    assert draft.sources[0].number == 1 and section.citations[0].number == 2
    assert section.text == "Erstens [2]."


# --- units ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "bullets", "expected"),
    [
        (
            "Folgende Punkte sind wichtig:\n"
            "- Die Hundesteuer beträgt 108 Euro im Jahr [1].\n"
            "- Zu zahlen:\n"
            "- Kurz [2].\n"
            "* **Stichpunkt 3:** Der Hund ist binnen zwei Wochen anzumelden [2].\n"
            "\n"
            "2. Die Steuer wird jährlich zum Monatsende fällig [3].",
            True,
            [
                "Die Hundesteuer beträgt 108 Euro im Jahr [1].",
                "Der Hund ist binnen zwei Wochen anzumelden [2].",
                "Die Steuer wird jährlich zum Monatsende fällig [3].",
            ],
        ),
        (
            "- Für gefährliche Hunde gilt ein erhöhter Steuersatz von 600 Euro [1].\n"
            "- Für die Ermäßigung sind folgende Nachweise vorzulegen:",
            True,
            ["Für gefährliche Hunde gilt ein erhöhter Steuersatz von 600 Euro [1]."],
        ),
        (
            "Die Hundesteuer beträgt 108 Euro im Jahr [1]. Zu beachten ist hierbei Folgendes:\n"
            "- Der Hund ist binnen zwei Wochen anzumelden [2].\n"
            "- Kurz.\n"
            "Die Steuer wird nach § 5 Abs. 2 der Satzung jährlich fällig [3].",
            False,
            [
                "Die Hundesteuer beträgt 108 Euro im Jahr [1].",
                "Der Hund ist binnen zwei Wochen anzumelden [2].",
                "Die Steuer wird nach § 5 Abs. 2 der Satzung jährlich fällig [3].",
            ],
        ),
        (
            "- Die Stadt erhebt eine Hundesteuer nach dieser Satzung [1]. Sie ist jährlich zu entrichten [2].",
            False,
            ["Die Stadt erhebt eine Hundesteuer nach dieser Satzung [1].", "Sie ist jährlich zu entrichten [2]."],
        ),
        (
            "- Die Stadt erhebt eine Hundesteuer nach dieser Satzung [1]. Sie ist jährlich zu entrichten [2].",
            True,
            ["Die Stadt erhebt eine Hundesteuer nach dieser Satzung [1]. Sie ist jährlich zu entrichten [2]."],
        ),
        ("Kurz [1]. Auch kurz [2].", False, []),
        ("", True, []),
    ],
)
def test_units_are_the_bullets_or_sentences_worth_verifying(raw: str, bullets: bool, expected: list[str]) -> None:
    assert units(raw, bullets) == expected


# --- clean_statement ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Die Hundesteuer beträgt 108 Euro im Jahr.", "Die Hundesteuer beträgt 108 Euro im Jahr."),
        ("* Die Steuer wird jährlich fällig.", "Die Steuer wird jährlich fällig."),
        ("• Die Steuer wird jährlich fällig.", "Die Steuer wird jährlich fällig."),
        ("– Die Steuer wird jährlich fällig.", "Die Steuer wird jährlich fällig."),
        ("  3. Der Hund ist anzumelden.", "Der Hund ist anzumelden."),
        ("12) Der Hund ist anzumelden.", "Der Hund ist anzumelden."),
        ("Stichpunkt 2: Der Hund ist binnen zwei Wochen anzumelden.", "Der Hund ist binnen zwei Wochen anzumelden."),
        ("- **Stichpunkt 2:** Der Hund ist anzumelden.", "Der Hund ist anzumelden."),
        ("Aussage. Die Satzung gilt ab 2025.", "Die Satzung gilt ab 2025."),
        ("Notiz 1: Punkt 3: Die Satzung gilt ab 2025.", "Die Satzung gilt ab 2025."),
        ("[2] Die Satzung gilt ab 2025.", "Die Satzung gilt ab 2025."),
        ("Wichtig: Die Frist beträgt einen Monat.", "Die Frist beträgt einen Monat."),
        ("- **Die Steuer** wird __jährlich__ fällig.", "Die Steuer wird jährlich fällig."),
        # kept as written
        ("Die Satzung tritt am 1. Januar 2025 in Kraft [1].", "Die Satzung tritt am 1. Januar 2025 in Kraft [1]."),
        ("1.5 Prozent der Einnahmen gehen an das Tierheim.", "1.5 Prozent der Einnahmen gehen an das Tierheim."),
        ("Nach § 3 Abs. 2 gilt: Die Steuer ruht.", "Nach § 3 Abs. 2 gilt: Die Steuer ruht."),
        ("-Die Steuer ruht.", "-Die Steuer ruht."),  # no bullet without a space after the dash
    ],
)
def test_clean_statement_removes_bullets_numbering_labels_and_emphasis(line: str, expected: str) -> None:
    assert clean_statement(line) == expected


# --- joined_lines ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Hundesteuer wird für jeden Hund erhoben, der im\nStadtgebiet gehalten wird. Sie beträgt jährlich\n"
            "108 Euro.",
            [
                "Die Hundesteuer wird für jeden Hund erhoben, der im\nStadtgebiet gehalten wird.",
                "Sie beträgt jährlich\n108 Euro.",
            ],
        ),
        (
            "Wer einen Hund\nhält, hat ihn binnen\nzwei Wochen anzumelden.",
            ["Wer einen Hund\nhält, hat ihn binnen\nzwei Wochen anzumelden."],
        ),
        (
            "Die Steuer ist fällig.\nDer Hund ist anzumelden.",
            ["Die Steuer ist fällig.", "Der Hund ist anzumelden."],
        ),
        (
            "Folgendes gilt:\nDer Hund ist anzumelden;\ndie Marke ist zu tragen.",  # ":" and ";" end a piece
            ["Folgendes gilt:", "Der Hund ist anzumelden;", "die Marke ist zu tragen."],
        ),
        (
            "Steuerpflichtig ist, wer einen Hund\n\n\nin seinen Haushalt aufnimmt.",  # a gap of three: no join
            ["Steuerpflichtig ist, wer einen Hund", "in seinen Haushalt aufnimmt."],
        ),
    ],
)
@pytest.mark.parametrize("char_start", [0, 1234])
def test_joined_lines_mends_hard_line_breaks_into_exact_spans(text: str, expected: list[str], char_start: int) -> None:
    passage = hit(text, char_start=char_start)
    sentences = joined_lines(passage)
    assert [sentence.text for sentence in sentences] == expected
    for sentence in sentences:
        assert text[sentence.start - char_start : sentence.end - char_start] == sentence.text


# --- bugs this suite found, fixed -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Die Gebühr beträgt: zehn Euro je angefangene Stunde.",
        "Anzumelden sind: alle Hunde über drei Monate.",
    ],
)
def test_clean_statement_keeps_a_colon_followed_by_lower_case(line: str) -> None:
    assert clean_statement(line) == line


def test_units_drop_a_short_fragment_behind_a_label() -> None:
    assert units("- Stichpunkt 3: Siehe oben [2].", True) == []


def test_joined_lines_keeps_a_written_date_in_its_sentence() -> None:
    text = "Die Hundesteuer wird jährlich am 1. Juli fällig."
    assert [sentence.text for sentence in joined_lines(hit(text))] == [text]
