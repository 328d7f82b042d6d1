"""Evidence first (no model needed): units of a passage, quantities as qualifiers, the deciding unit, the answer
check. The documents are the real sample ordinances in data/samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.chat.check import (
    asks_comparison,
    contradicts_polarity,
    foreign_nouns,
    misplaced_nouns,
    misses_asked_kind,
    names_nothing_new,
    stated_polarity,
    unnamed_nouns,
    unsupported_figures,
)
from assistant.chat.choice import MAX_OPTIONS, NO_CHOICE, asked_kind, fits_question, offered_choice, value_options
from assistant.chat.evidence import Candidate, find_evidence
from ingest.german import shared_analyzer
from ingest.quantities import quantities, serves
from ingest.types import SearchHit
from ingest.units import passage_units

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
# page 2 of FeuerwKostErsV_BW.pdf (tests/fixtures) as the PDF loader extracts it: the value of a sub-item
# stands after a blank line, a page footer sits between the items
FEUERWEHR_PAGE = (
    "(1) Für die nachfolgend genannten Feuerwehrfahrzeuge gelten für die Erhebung des Kostenersatzes\n"
    "nach § 34 Absätze 4, 7 und 8 FwG folgende Stundensätze:\n"
    "21. Drehleiter DLAK 23/12 290 Euro,\n"
    "22. Gerätewagen Transport GW-T\n"
    "  a) bis 3 500 kg zulässiger Gesamtmasse\n\n"
    "31 Euro,\n"
    "- Seite 2 von 3 -\n\n"
    "b) mit einer zulässigen Gesamtmasse\n"
    "von mehr als 3 500 kg bis 9 000 kg\n\n"
    "84 Euro,\n"
    "  c) mit mehr als 9 000 kg zulässiger Gesamtmasse\n\n"
    "143 Euro,\n"
)


def _passages(name: str) -> list[SearchHit]:
    """The sample document cut at its § headings, as the index would return its passages."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    starts = [0, *(i + 1 for i in range(len(text)) if text.startswith("\n### ", i))]
    hits = []
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(text)], strict=True)):
        chunk = text[start:end]
        hits.append(SearchHit(number, name, name, name, 1, 1, "", "", start, end, chunk, 1.0, dense_score=0.9))
    return hits


def _deciding(question: str, hits: list[SearchHit]) -> str:
    finding = find_evidence(question, hits)
    assert finding.deciding, finding
    return finding.deciding[0].unit.span.text


KITA = "BBO_Satzung_Kindergartengebuehren.md"
MAIN_STATUTE = "BBO_Satzung_Hauptsatzung.md"
CHOICE_TABLE = "Was kostet der Kindergarten VÖ für eine Familie mit zwei Kindern?"


def test_a_table_row_is_a_unit_with_its_caption_and_header_and_a_list_item_with_its_lead_in() -> None:
    text = (SAMPLES / KITA).read_text(encoding="utf-8")
    units = passage_units(text)
    row = next(u for u in units if u.kind == "tabellenzeile" and "190,00 €" in u.span.text)
    assert "zwei" not in row.span.text and "einem Kind" in row.span.text
    assert "(VÖPlus)" in row.context_text() and "| Familiensituation | Gebühr |" in row.context_text()
    item = next(u for u in units if u.kind == "listenpunkt" and "(VÖ):**" in u.span.text)
    assert item.context_text() == "Kindertageseinrichtungen im Sinne dieser Satzung sind:"
    for unit in units:  # every span and context part is verbatim in the document
        for part in (*unit.context, unit.span):
            assert text[part.start : part.end] == part.text


def test_a_pdf_sub_item_keeps_its_value_after_the_blank_line_and_its_parent_item() -> None:
    units = passage_units(FEUERWEHR_PAGE, 100)
    middle = next(u for u in units if u.span.text.startswith("b)"))
    assert middle.span.text.endswith("84 Euro,")
    assert "22. Gerätewagen Transport GW-T" in middle.context_text() and "Stundensätze:" in middle.context_text()
    assert all("Seite 2 von 3" not in u.span.text for u in units)
    assert FEUERWEHR_PAGE[middle.span.start - 100 : middle.span.end - 100] == middle.span.text


@pytest.mark.parametrize(
    ("asked", "mention", "admitted"),
    [
        ("ein zweijähriges Kind", "für über 3-jährige Kinder", False),
        ("ein Kind von 5 Jahren", "für über 3-jährige Kinder", True),
        ("ein Kind unter drei Jahren", "für über 3-jährige Kinder", False),
        ("eine Familie mit vier Kindern", "mit drei oder mehr Kindern", True),
        ("eine Familie mit zwei Kindern", "mit drei oder mehr Kindern", False),
        ("ein Wagen mit 5 000 kg", "von mehr als 3 500 kg", True),
        ("ein Wagen mit 5 000 kg", "bis 3 500 kg zulässiger Gesamtmasse", False),
        ("eine Jugendliche mit 15 Jahren", "Saisonkarte < 18 Jahre", True),
    ],
)
def test_a_quantity_is_admitted_by_a_bound_only_on_the_right_side(asked: str, mention: str, admitted: bool) -> None:
    assert serves(quantities(asked)[0], quantities(mention)) is admitted


def test_the_nearest_bound_decides_between_a_scope_and_a_wider_mention() -> None:
    # "unter 18 Jahren" (the family's children) also admits a two-year-old; "über 3-jährige" is the nearer bound
    mentions = quantities("für über 3-jährige Kinder") + quantities("mit einem Kind unter 18 Jahren")
    assert serves(quantities("ein zweijähriges Kind")[0], mentions) is False
    assert serves(quantities("ein vierjähriges Kind")[0], mentions) is True


def test_a_type_designation_before_an_amount_is_not_read_as_thousands() -> None:
    found = quantities("11. Löschgruppenfahrzeug LF 20 205 Euro,")
    assert (205.0, "euro") in {(q.value, q.unit) for q in found}


def test_the_row_for_the_asked_family_size_decides_not_a_row_sharing_a_number_word() -> None:
    hits = _passages(KITA)
    assert "125,00 €" in _deciding("Was kostet ein Platz im Kindergarten VÖ für eine Familie mit zwei Kindern?", hits)
    assert "85,00 €" in _deciding("Wie hoch ist die VÖ-Gebühr, wenn wir vier Kinder haben?", hits)


def test_a_child_below_the_regulated_age_is_not_covered_and_the_scope_is_shown() -> None:
    finding = find_evidence("Was kostet der Kindergarten für ein zweijähriges Kind?", _passages(KITA))
    assert finding.kind == "nicht_geregelt"
    assert "3-jährige" in finding.deciding[0].unit.span.text
    assert finding.missing == ("zweijähriges Kind",)


def test_an_item_the_list_does_not_name_is_not_covered() -> None:
    hits = _passages("BBO_Benutzungsordnung_Buecherei.md")
    assert _deciding("Wie lange darf ich Hörbücher ausleihen?", hits) == "- Hörbücher 2 Wochen"
    finding = find_evidence("Wie lange ist die Leihfrist für Tablets?", hits)
    # no loan period of another medium is handed on as the answer for tablets
    assert finding.kind != "belegt" or finding.deciding[0].unit.kind != "listenpunkt", finding


def test_the_answer_check_rejects_a_figure_absent_from_the_cited_evidence() -> None:
    row = "Kindergarten (VÖ) | Familiensituation | Gebühr | für ein Kind, Familie mit zwei Kindern | 125,00 € |"
    question = "Was kostet der Kindergarten für zwei Kinder?"
    assert unsupported_figures("Die Gebühr beträgt 135,00 € [1].", row, question) == {"135", "135 euro"}
    assert unsupported_figures("Das Essen kostet 3,00 Euro [1].", "kommen 3 Nachmittage hinzu", "") == {"3 euro"}
    assert unsupported_figures("Die Gebühr beträgt 125 Euro [1].", row, question) == set()
    assert unsupported_figures("Es sind 2 Kinder, die Gebühr ist 125,00 € [1].", row, question) == set()
    assert unsupported_figures("Bücher darf man vier Wochen behalten [1].", "- Bücher: 4 Wochen", "") == set()
    assert unsupported_figures("Frist bis 01.09.2023 [1].", "ab dem 1.9.2022", "") == {"1.9.23"}


def test_an_amount_question_answered_without_an_amount_and_a_yes_against_a_negation_fail_the_check() -> None:
    question = "Wie hoch muss die Deckungssumme der Haftpflichtversicherung sein?"
    assert misses_asked_kind("Sie muss mindestens 16 Unterrichtseinheiten betragen [1].", question)
    assert not misses_asked_kind("Sie beträgt 1.000.000 Euro [1].", question)
    assert misses_asked_kind("Die Leihfrist ist geregelt [1].", "Wie lange darf ich Bücher ausleihen?")
    deciding = "Dies gilt nicht für DVD´s, Medien die bereits zweimal verlängert wurden."
    assert contradicts_polarity("Ja, das geht [1].", deciding, "Kann ich die Leihfrist für eine DVD verlängern?")
    assert not contradicts_polarity("Nein [1].", deciding, "Kann ich die Leihfrist für eine DVD verlängern?")


def test_one_year_named_by_its_article_is_a_duration() -> None:
    evidence = "… unbeachtlich, wenn sie nicht innerhalb eines Jahres seit der Bekanntmachung geltend gemacht"
    question = "Wie lange hat man Zeit, einen Formfehler geltend zu machen?"
    assert not misses_asked_kind("Die Frist endet nach einem Jahr seit der Bekanntmachung [1].", question)
    assert unsupported_figures("Die Frist beträgt 1 Jahr [1].", evidence, question) == set()
    assert unsupported_figures("Die Frist beträgt 2 Jahre [1].", evidence, question) == {"2", "2 jahr"}
    assert misses_asked_kind("Eine Person muss es geltend machen [1].", question)


def test_a_comparison_of_two_values_is_not_decided_by_the_wording() -> None:
    question = "Gilt für das Tragkraftspritzenfahrzeug TSF-W derselbe Stundensatz wie für das TSF?"
    row = "6. Tragkraftspritzenfahrzeug TSF 57 Euro,"
    assert asks_comparison(question)
    assert contradicts_polarity("Ja, der Stundensatz ist identisch [1].", row, question)  # 57 and 99 Euro
    assert (
        offered_choice(question, find_evidence(question, [_hit(f"{row}\n7. Tragkraftspritzenfahrzeug TSF-W 99 Euro,")]))
        is None
    )
    assert not asks_comparison("Darf ich gleichzeitig zwei Medien verlängern?")
    assert not asks_comparison("Wie hoch ist die gleiche Gebühr?")  # no yes/no question


def test_an_answer_from_an_excerpt_without_the_asked_thing_fails_where_another_excerpt_names_it() -> None:
    analyzer = shared_analyzer()
    question = "Wie viele Unterrichtseinheiten sind für die praktischen Übungen zur Reanimation vorgesehen?"
    answer = "Es gibt 9 Unterrichtseinheiten für die praktischen Übungen zur Reanimation [2]."
    deciding = analyzer.token_set("C. Praktische Übungen Reanimation 6 UE")
    module = analyzer.token_set("Ausbildungscurriculum 1. Erste-Hilfe-Ausbildung - 9 Unterrichtseinheiten (UE)")
    assert misplaced_nouns(answer, question, cited_words=module, uncited_words=deciding) == analyzer.token_set(
        "Übungen Reanimation"
    )
    # the same answer citing the row that names the exercises, or a thing no excerpt names, is no such case
    assert misplaced_nouns(answer, question, cited_words=deciding | module, uncited_words=set()) == set()
    assert misplaced_nouns("Die Gebühr für den Platz ist 100,00 € [1].", "Was kostet ein Platz?", set(), set()) == set()


def test_a_general_word_does_not_name_the_asked_thing_also_where_the_answer_does_not_repeat_it() -> None:
    analyzer = shared_analyzer()
    question = "In welchen Ausschuss gehören Kindergartenangelegenheiten?"
    general = analyzer.token_set("ob eine Angelegenheit zur Zuständigkeit eines beschließenden Ausschusses gehört")
    listed = analyzer.token_set("1.3 Schulangelegenheiten, Kindergartenangelegenheiten,")
    for answer in (
        "In den beschließenden Ausschüssen gehören Kindergartenangelegenheiten [2].",
        "Der Gemeinderat ist zuständig, wenn zweifelhaft ist, ob eine Angelegenheit dazu gehört [2].",
    ):
        assert misplaced_nouns(answer, question, cited_words=general, uncited_words=listed) == analyzer.token_set(
            "Kindergartenangelegenheiten"
        ), answer
    # the list under its heading names both things
    heading = analyzer.token_set("§ 5 Verwaltungsausschuss")
    assert misplaced_nouns(answer, question, cited_words=listed | heading, uncited_words=general) == set()


def test_an_answer_that_only_restates_a_question_for_a_thing_fails_the_check() -> None:
    question = "Welche elektronischen Geräte darf man im Freibad nicht benutzen?"
    assert names_nothing_new("Es ist nicht gestattet, elektronische Geräte im Freibad zu benutzen [1].", question)
    assert not names_nothing_new("Rundfunkgeräte und Fotohandys dürfen nicht betrieben werden [1].", question)
    assert not names_nothing_new("Es ist ab 9.00 Uhr zu räumen [1].", "Bis wann ist zu räumen?")  # a figure is new
    # a manner or a yes/no may be answered without a noun
    assert not names_nothing_new("Schriftlich oder mündlich [1].", "Wie kann ich die Leihfrist verlängern?")
    assert not names_nothing_new("Nein [1].", "Darf ich im Freibad Musik hören?")


def test_a_body_the_cited_documents_never_name_fails_the_check() -> None:
    analyzer = shared_analyzer()
    hauptsatzung = analyzer.token_set("Der Verwaltungsausschuss entscheidet über Stundungen bis zu 6 Monaten.")
    question = "Wer entscheidet über eine Stundung von vier Monaten?"
    answer = "Darüber entscheidet der Seniorenbeirat [1]."
    assert foreign_nouns(answer, question, hauptsatzung) == analyzer.token_set("Seniorenbeirat")
    # named by the document, also as part of a compound, by the question, or words about the sources themselves
    answer = "Laut der Regel [1] entscheidet der Ausschuss über die Stundung, 6 Monate, in Euro [1]."
    assert foreign_nouns(answer, question, hauptsatzung) == set()


def test_an_exception_for_the_asked_case_is_a_no() -> None:
    row = "- 1.300 € für die übrigen Schüler mit Ausnahme der Schüler der Sonderpädagogischen Bildungszentren"
    question = "Gibt es für Schüler eines Sonderpädagogischen Bildungszentrums einen Höchstbetrag?"
    assert stated_polarity(row, question) == "nein"
    assert stated_polarity("Ausnahmen sind zulässig.", "Gibt es Ausnahmen?") == "ja"


def test_an_answer_about_a_group_its_document_never_names_fails_the_check() -> None:
    analyzer = shared_analyzer()
    freibad = analyzer.token_set((SAMPLES / "BBO_Satzung_Freibad.md").read_text(encoding="utf-8"))
    question = "Gibt es im Freibad eine ermäßigte Saisonkarte für Rentner, und was kostet sie?"
    answer = "Ja, für Rentner gibt es eine ermäßigte Saisonkarte für 40,00 € [1]."
    assert unnamed_nouns(answer, question, freibad) == analyzer.token_set("Rentner")
    # what the document names, also inside a compound ("Platz" in "Betreuungsplatz"), and the asker's own
    # counted or aged case are no such thing
    kita = analyzer.token_set((SAMPLES / KITA).read_text(encoding="utf-8"))
    question = "Wir haben drei Kinder und eine 15-jährige Tochter. Was kostet der Platz?"
    answer = "Der Platz kostet 100,00 € für Ihre Tochter und drei Kinder [1]."
    assert unnamed_nouns(answer, question, kita) == set()


def test_an_instruction_glued_to_the_fee_never_becomes_evidence_but_the_fee_does() -> None:
    from evaluation.injection import DOCUMENT, QUESTION

    variants = Path(__file__).parents[1] / "fixtures" / "injection" / "variants.jsonl"
    for line in variants.read_text(encoding="utf-8").splitlines():
        variant = json.loads(line)
        text = DOCUMENT.format(injection=variant["text"])
        hit = SearchHit(1, "d", "Satzung", "s.md", 1, 1, "", "§ 4", 0, len(text), text, 1.0, dense_score=0.9)
        finding = find_evidence(QUESTION, [hit])
        assert finding.kind == "belegt" and "25 Euro" in finding.deciding[0].unit.span.text, variant["id"]
        shown = " ".join(candidate.unit.text() for candidate in finding.candidates).upper()
        assert "PWNED" not in shown, variant["id"]


def _options(question: str, hits: list[SearchHit]) -> list[str]:
    finding = find_evidence(question, hits)
    kind = asked_kind(question)
    assert kind is not None, question
    return [option.value for option in value_options(kind, list(finding.candidates + finding.alternatives), question)]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Was kostet im Freibad eine Saisonkarte für meine 15-jährige Tochter?", "betrag"),
        ("Wie hoch ist in Bad Boll die Hundesteuer für den ersten Hund?", "betrag"),
        ("Mit welchem Betrag muss ich rechnen, wenn ich etwas verunreinige?", "betrag"),
        ("Wie lange darf ich eine DVD behalten?", "dauer"),
        ("Bis wann muss der Gehweg geräumt sein?", "datum"),
        ("Um wie viel Uhr muss der Gehweg frei sein?", "uhrzeit"),
        ("Ab welcher Entfernung werden die Kosten erstattet?", "strecke"),
        ("Wie viele Gemeinderäte sitzen im Ausschuss?", "anzahl"),
        ("Darf ich im Freibad rauchen?", None),
    ],
)
def test_the_asked_kind_of_value_is_read_from_the_question(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


def test_the_values_offered_for_choice_are_those_of_fitting_units_with_the_deciding_row_first() -> None:
    options = _options(CHOICE_TABLE, _passages(KITA))
    assert options[0] == "125,00 €" and len(options) == len(set(options)) <= MAX_OPTIONS
    loans = _options("Wie lange darf ich Hörbücher ausleihen?", _passages("BBO_Benutzungsordnung_Buecherei.md"))
    assert loans[0] == "2 Wochen"


def _hit(text: str) -> SearchHit:
    return SearchHit(1, "d", "Verordnung", "v.md", 1, 1, "", "§ 1", 0, len(text), text, 1.0, dense_score=0.9)


def test_no_value_of_another_matter_is_offered_and_a_count_must_count_what_was_asked() -> None:
    library = _passages("BBO_Benutzungsordnung_Buecherei.md")
    # the library's fees (Mahngebühren 1,50 €, Ersatzausweis 2,50 €) are no option for a dog tax
    assert _options("Wie hoch ist die Hundesteuer für den ersten Hund?", library) == []
    training = _hit(
        "Für seine Grundqualifikation muss er eine Erste Hilfe Grundausbildung von 9 Unterrichtseinheiten sowie "
        "eine sanitätsdienstliche Ausbildung von 48 Unterrichtseinheiten in 2 Schichten vorweisen."
    )
    counts = _options("Wie viele Unterrichtseinheiten umfasst die sanitätsdienstliche Ausbildung?", [training])
    assert set(counts) == {"9 Unterrichtseinheiten", "48 Unterrichtseinheiten"}, counts


def test_a_unit_for_another_case_offers_no_value() -> None:
    pool = _passages("BBO_Satzung_Freibad.md")
    # "Erwachsene" does not state the asked case of a 23-year-old student; "< 18 Jahre" does admit a 15-year-old
    assert "100,00 €" not in _options("Ich bin 23 und studiere. Was kostet die Saisonkarte im Freibad?", pool)
    assert _options("Was kostet die Saisonkarte im Freibad für meine 15-jährige Tochter?", pool)[0] == "40,00 €"
    # the noun of the asked kind ("Betrag") is named by the value itself
    assert _options("Mit welchem Betrag muss ich rechnen, wenn ich im Freibad etwas verunreinige?", pool) == ["50,00 €"]
    vehicles = _hit(
        "Folgende Stundensätze gelten:\n10. Hilfeleistungs-Löschgruppenfahrzeug HLF 10 198 Euro,\n"
        "12. Hilfeleistungs-Löschgruppenfahrzeug HLF 20 236 Euro,\n13. Drehleiter DLK 23/12 290 Euro,"
    )
    assert _options("Welcher Stundensatz gilt für das Hilfeleistungs-Löschgruppenfahrzeug HLF 20?", [vehicles]) == [
        "236 Euro"
    ]
    # the period of a rate is stated once for the table, not in every row
    asked_per_hour = "Was darf pro Stunde für ein Hilfeleistungs-Löschgruppenfahrzeug HLF 20 berechnet werden?"
    assert _options(asked_per_hour, [_hit(vehicles.text.split(":", 1)[1])]) == ["236 Euro"]
    # the unit must name every thing asked: a vehicle's rate is no rate for the crew
    assert _options("Welchen Stundensatz verlangt die Gemeinde für einen Feuerwehrangehörigen?", [vehicles]) == []
    curriculum = _hit("Die Ausbildung umfasst: 1. Erste-Hilfe-Ausbildung - 9 Unterrichtseinheiten")
    assert _options("Wie viele Unterrichtseinheiten umfasst die Ausbildung insgesamt?", [curriculum]) == []


def test_the_choice_is_constrained_to_the_offered_values_or_none() -> None:
    choice = offered_choice(CHOICE_TABLE, find_evidence(CHOICE_TABLE, _passages(KITA)))
    assert choice is not None and choice.expected is None
    values = [option.value for option in choice.options]
    assert choice.schema()["properties"]["wert"]["enum"] == [*values, NO_CHOICE]
    assert choice.chosen('{"wert": "125,00 €"}') == choice.options[0]
    assert choice.chosen('{"wert": "keiner"}') is None
    assert choice.chosen('{"wert": "135,00 €"}') is None  # nothing outside the offer
    assert "125,00 €" in choice.lines().splitlines()[0] and "Familie mit zwei Kindern" in choice.lines()


def test_a_yes_no_choice_must_agree_with_the_wording_of_the_deciding_unit() -> None:
    question = "Bekomme ich mein Eintrittsgeld zurück, wenn mich die Badeaufsicht aus dem Freibad verweist?"
    choice = offered_choice(question, find_evidence(question, _passages("BBO_Satzung_Freibad.md")))
    assert choice is not None and choice.expected == "nein", choice
    assert "nicht erstattet" in choice.lines()
    assert choice.chosen('{"wert": "nein"}') is not None
    assert choice.chosen('{"wert": "ja"}') is None  # the unit says "nicht erstattet"
    assert stated_polarity("Die Benutzung ist kostenlos.", "Ist die Benutzung kostenlos?") == "ja"
    assert stated_polarity("Dies gilt nicht für DVD´s.", "Kann ich eine DVD verlängern?") == "nein"


def test_a_choice_among_several_values_is_also_offered_in_the_opposite_order() -> None:
    question = "Wie hoch kann die Geldbuße höchstens sein, wenn jemand die Streupflicht nur fahrlässig verletzt?"
    choice = offered_choice(question, find_evidence(question, _passages("BBO_Satzung_Streupflicht.md")))
    assert choice is not None and len(choice.options) > 1, choice  # 5, 500 and 250 Euro
    reordered = choice.reversed()
    assert reordered.options == choice.options[::-1]
    assert reordered.schema()["properties"]["wert"]["enum"][:-1] == [option.value for option in reordered.options]
    assert reordered.lines().splitlines()[0].startswith(f"- {choice.options[-1].value}:")


def test_a_deciding_unit_fits_the_question_only_where_it_names_the_asked_matter_and_case() -> None:
    """The gate for the retry with worked examples: a unit that merely shares the document is not read out."""

    def deciding(question: str, text: str) -> Candidate:
        finding = find_evidence(question, [_hit(text)])
        assert finding.deciding, finding
        return finding.deciding[0]

    question = "Von welchen Seiten des Beckens darf man nicht ins Wasser springen?"
    assert fits_question(
        deciding(question, "(3) Es ist nicht gestattet, von den Längsseiten in das Becken zu springen;"), question
    )
    # another matter of the same document, and a row for another case than the asker's age
    question = "Welche elektronischen Geräte darf man im Freibad nicht benutzen?"
    assert not fits_question(
        deciding(question, "(2) Das Schwimmbecken darf nur von geübten Schwimmern benutzt werden."), question
    )
    question = "Ich bin 23 und studiere. Was kostet die Saisonkarte?"
    assert not fits_question(
        deciding(question, "| Leistung | Preis |\n|---|---|\n| Saisonkarte Erwachsene | 100,00 € |"), question
    )
