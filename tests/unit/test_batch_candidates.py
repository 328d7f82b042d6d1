"""Candidates of the batch analysis: numbers with units, labelled values, ranking and the enum the model chooses
from (no models needed; the case text is stored as the ingest stores it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.batch.candidates import CaseCandidates, case_candidates
from assistant.batch.fields import FieldSpec
from assistant.batch.selection import (
    NONE_CHOICE,
    FieldChoices,
    Ranked,
    choice_schema,
    confidence,
    of_another_sort,
    rank,
)
from assistant.batch.values import find_measures, in_unit, unit_of
from ingest.passage_store import PassageStore
from testkit import PUBLIC, store_document

FLAECHE = FieldSpec(name="flaeche", frage="Wie groß ist die beanspruchte Fläche?", typ="zahl", einheit="m²")
BREITE = FieldSpec(name="restgehwegbreite", frage="Welche Gehwegbreite bleibt frei?", typ="zahl", einheit="m")
ANZAHL = FieldSpec(name="anzahl_tische", frage="Wie viele Tische werden aufgestellt?", typ="zahl", einheit="Stück")
BEGINN = FieldSpec(
    name="haltungsbeginn",
    frage="Seit wann wird der Hund gehalten?",
    typ="datum",
    hinweis="Beginn der Haltung – nicht Wurfdatum, nicht Beginn der Steuerpflicht.",
)
STEUER = FieldSpec(name="jahressteuer", frage="Welche jährliche Hundesteuer wird genannt?", typ="betrag")
HALTER = FieldSpec(name="halter", frage="Wie heißt die Hundehalterin oder der Hundehalter?", typ="text")
ERMAESSIGUNG = FieldSpec(name="ermaessigung", frage="Wird eine Ermäßigung beantragt?", typ="janein")

FORM = (
    "Stadt Rabenfels · Marktplatz 1 · 35781 Rabenfels\n"
    "Anmeldung zur Hundesteuer\n"
    "Name der Halterin/des Halters: Sabine Kretschmer\n"
    "Wurfdatum: 14.11.2023\n"
    "Beginn der Haltung: 01.04.2025\n"
    "Beginn der Steuerpflicht:\n"
    "01.05.2025\n"
    "Jahressteuer: 108,00 €\n"
    "Ersatzmarke gegen eine Gebühr von 5,00 €.\n"
    "Antrag auf Steuerermäßigung oder -befreiung: nein\n"
)
LETTER = (
    "Sehr geehrte Damen und Herren,\n"
    "für die Außengastronomie beantragen wir eine Fläche von ca. 4 m x 2,5 m vor dem Haus.\n"
    "Es werden vier Tische aufgestellt; die Restgehwegbreite beträgt 150 cm.\n"
)


def _store(tmp_path: Path, texts: dict[str, str]) -> PassageStore:
    store = PassageStore(tmp_path / "passages.sqlite")
    for doc_id, text in texts.items():
        store_document(store, doc_id, doc_id, [text])
    store.commit()
    return store


@pytest.fixture
def form(tmp_path: Path) -> CaseCandidates:
    return case_candidates(_store(tmp_path, {"anmeldung": FORM}), ["anmeldung"], PUBLIC)


@pytest.mark.parametrize(
    ("written", "unit", "value"),
    [
        ("12,5 Quadratmeter", "m²", 12.5),
        ("30 qm", "m²", 30.0),
        ("24 m2", "m²", 24.0),
        ("ca. 4 m x 2,5 m", "m²", 10.0),
        ("Länge 6,00 m, Breite 1,20 m", "m²", 7.2),
        ("150 cm", "m", 1.5),
        ("1,50 m", "m", 1.5),
        ("zwei Container", "Stück", 2.0),
        ("4 Tische", "Stück", 4.0),
        ("1,5 km", "m", 1500.0),
    ],
)
def test_numbers_with_units_are_normalised_to_the_fields_unit(written: str, unit: str, value: float) -> None:
    measures = list(find_measures(written))
    assert [in_unit(measure, unit_of(unit)) for measure in measures] == [value]


def test_a_number_of_another_dimension_or_without_unit_is_no_area() -> None:
    area = unit_of("m²")
    for written in ("1,50 m", "Telefon 030 23125-410", "am 3. März 2025", "5 Tage"):
        assert all(in_unit(measure, area) is None for measure in find_measures(written)), written


def test_the_labelled_date_is_offered_and_the_excluded_ones_are_not(form: CaseCandidates) -> None:
    choices = rank(BEGINN, form)
    assert [entry.value for entry in choices.ranked] == ["2025-04-01"]  # not Wurfdatum, not Steuerpflicht
    assert choices.ranked[0].candidate.labelled
    assert choices.ranked[0].shown == "01.04.2025"


def test_a_label_on_the_line_above_names_the_value(form: CaseCandidates) -> None:
    start = next(c for c in form.of("datum") if c.value == "2025-05-01")
    assert start.labelled and start.label == "Beginn der Steuerpflicht:"


def test_amounts_names_and_deciding_lines_are_offered(form: CaseCandidates) -> None:
    assert rank(STEUER, form).ranked[0].value == 108.0
    assert rank(HALTER, form).ranked[0].value == "Sabine Kretschmer"
    line = rank(ERMAESSIGUNG, form).ranked[0].candidate
    assert line.raw == "Antrag auf Steuerermäßigung oder -befreiung: nein"


def test_measures_in_running_text_are_candidates(tmp_path: Path) -> None:
    letter = case_candidates(_store(tmp_path, {"antrag": LETTER}), ["antrag"], PUBLIC)
    assert [entry.value for entry in rank(FLAECHE, letter).ranked] == [10.0]
    assert [entry.value for entry in rank(BREITE, letter).ranked] == [1.5]
    assert 4.0 in [entry.value for entry in rank(ANZAHL, letter).ranked]
    assert not any(candidate.labelled for candidate in letter.of("zahl"))


BAEUME = FieldSpec(name="anzahl_baeume", frage="Wie viele Bäume sollen gefällt werden?", typ="zahl", einheit="Stück")


def test_a_singular_of_the_counted_noun_counts_one(tmp_path: Path) -> None:
    letter = (
        "Im Innenhof steht ein großer Laubbaum, der stark geneigt ist.\n"
        "Wir stellen einen Antrag auf Genehmigung einer Baumfällung; die Anzahl der Bäume im Hof ist gering.\n"
    )
    candidates = case_candidates(_store(tmp_path, {"antrag": letter}), ["antrag"], PUBLIC)
    ranked = rank(BAEUME, candidates).ranked
    assert [(entry.value, entry.shown) for entry in ranked] == [
        (1.0, "ein großer Laubbaum")
    ]  # not "einen Antrag", "einer Baumfällung"
    assert rank(ANZAHL, candidates).ranked == []  # a tree is no table


UMFANG = FieldSpec(
    name="stammumfang",
    frage="Welchen Stammumfang hat der Baum?",
    typ="zahl",
    einheit="cm",
    hinweis="Umfang in 1 m Höhe gemessen – nicht Durchmesser oder Höhe.",
)


def test_a_threshold_and_where_the_field_is_measured_are_no_values(tmp_path: Path) -> None:
    application = (
        "Geschützt sind Bäume mit einem Stammumfang ab 80 cm, gemessen in 1 m Höhe über dem Erdboden.\n"
        "Baumart: Bergahorn\n"
        "Stammumfang in 1 m Höhe: 185 cm\n"
        "Laut Gutachten hat der Stamm einen Stammumfang von rund 1,60 m.\n"
    )
    candidates = case_candidates(_store(tmp_path, {"antrag": application}), ["antrag"], PUBLIC)
    values = [entry.value for entry in rank(UMFANG, candidates).ranked]
    assert values[0] == 185.0 and 160.0 in values, values  # 1,60 m in the field's unit
    assert 100.0 not in values  # "in 1 m Höhe" is how the field is measured

    def score_of_80(sentence: str, folder: str) -> float:
        (tmp_path / folder).mkdir()
        letter = case_candidates(_store(tmp_path / folder, {"brief": sentence}), ["brief"], PUBLIC)
        return next(entry.score for entry in rank(UMFANG, letter).ranked if entry.value == 80.0)

    # "ab 80 cm" is the rule's threshold; "von 80 cm" states the tree's own
    assert score_of_80("Der Baum hat einen Stammumfang ab 80 cm.", "b") < score_of_80(
        "Der Baum hat einen Stammumfang von 80 cm.", "c"
    )


SPECIES = FieldSpec(name="baumart", frage="Um welche Baumart handelt es sich?", typ="text")


def test_a_one_row_table_read_out_one_cell_per_line_labels_each_cell_by_its_header(tmp_path: Path) -> None:
    report = (
        "1. Baumdaten\nBaum-Nr.\nBaumart\nHöhe\nKronen-Ø\nStammumfang\n(1 m)\nStamm-Ø\n"
        "B1\nRotbuche\n24 m\n15 m\n245 cm\n78 cm\n2. Befund\nAm Stammfuß befinden sich Fruchtkörper.\n"
    )
    candidates = case_candidates(_store(tmp_path, {"gutachten": report}), ["gutachten"], PUBLIC)
    assert rank(UMFANG, candidates).ranked[0].value == 245.0
    species = rank(SPECIES, candidates).ranked
    assert species and species[0].value == "Rotbuche" and species[0].candidate.labelled
    several = report.replace("78 cm\n", "78 cm\nB2\nStieleiche\n19 m\n14 m\n268 cm\n85 cm\n")
    (tmp_path / "several").mkdir()
    rows = case_candidates(_store(tmp_path / "several", {"gutachten": several}), ["gutachten"], PUBLIC)
    assert not rank(SPECIES, rows).ranked  # which row is meant, no header can say


def test_a_name_or_address_written_freely_for_a_field_asking_neither_is_refused(tmp_path: Path) -> None:
    letter = (
        "Gerhard Pfannschmidt\nLindenstraße 4\n73087 Bad Boll\n\n"
        "Sehr geehrte Damen und Herren,\nich beantrage die Fällung meiner Blaufichte.\n"
    )
    candidates = case_candidates(_store(tmp_path, {"antrag": letter}), ["antrag"], PUBLIC)
    assert of_another_sort(SPECIES, "Lindenstraße  4", candidates)
    assert of_another_sort(SPECIES, "Gerhard Pfannschmidt", candidates)
    assert not of_another_sort(SPECIES, "Blaufichte", candidates)
    place = FieldSpec(name="standort", frage="Wo steht der Baum?", typ="text")
    assert not of_another_sort(place, "Lindenstraße 4", candidates)


def test_a_field_asking_street_and_number_is_offered_the_street_alone(tmp_path: Path) -> None:
    standort = FieldSpec(
        name="standort",
        frage="Wo steht der Baum?",
        typ="text",
        hinweis="Straße und Hausnummer des Grundstücks – nicht die Anschrift der Antragstellerin.",
    )
    anschrift = FieldSpec(name="anschrift", frage="Anschrift?", typ="text", hinweis="Straße, Hausnummer, PLZ und Ort.")
    text = "Standort des Baumes: Weidenstraße 11, 08547 Mühlbergen\n"
    candidates = case_candidates(_store(tmp_path, {"antrag": text}), ["antrag"], PUBLIC)
    assert [entry.value for entry in rank(standort, candidates).ranked] == ["Weidenstraße 11"]
    assert "Weidenstraße 11, 08547 Mühlbergen" in [entry.value for entry in rank(anschrift, candidates).ranked]


def test_names_in_letters_are_offered_whole(tmp_path: Path) -> None:
    """Invented letters: a sender line without separators, a signature on the greeting's line, a surname that ends
    like a street, a community named by its street, two first names and a name labelled by the field."""
    applicant = FieldSpec(
        name="antragsteller",
        frage="Wer beantragt die Genehmigung?",
        typ="text",
        hinweis="Eigentümerin oder Gemeinschaft – nicht Hausverwaltung.",
    )
    letters = {
        "brief": "Renate Oberholz Am Steinbruch 8 34633 Wolkenried\n\nSehr geehrte Damen und Herren,\n"
        "ich beantrage die Genehmigung.\n\nMit freundlichen Grüßen Renate Oberholz\n",
        "verwaltung": "Sehr geehrte Damen und Herren,\nwir verwalten im Auftrag der Eigentümerin, Frau Jana "
        "Hollerbach, Uferstraße 19, das Haus. Den Antrag stellen wir für die Wohnungseigentümergemeinschaft "
        "Parkstraße 12–14.\n\nMit freundlichen Grüßen\nIm Auftrag\nThomas Schwarz\n",
        "formular": "Antragsteller/in:\nEv.-Luth. Kirchengemeinde Ebersholm\n"
        "Eigentümer/in: Tobias und Lea Marquardt\nCc: Elfriede Sommer <e.sommer@example.org>\n",
    }
    candidates = case_candidates(_store(tmp_path, letters), list(letters), PUBLIC)
    (tmp_path / "form").mkdir()
    form_only = case_candidates(_store(tmp_path / "form", {"formular": letters["formular"]}), ["formular"], PUBLIC)
    offered = {entry.value for entry in rank(applicant, form_only).ranked}
    names = {str(candidate.value) for candidate in candidates.of("text") if "name" in candidate.sorts}
    assert {"Renate Oberholz", "Jana Hollerbach", "Wohnungseigentümergemeinschaft Parkstraße 12–14"} <= names
    assert "Elfriede Sommer" in {candidate.value for candidate in candidates.of("text")}
    assert "Am Steinbruch 8, 34633 Wolkenried" in {candidate.value for candidate in candidates.of("text")}
    assert {"Ev.-Luth. Kirchengemeinde Ebersholm", "Tobias und Lea Marquardt"} <= offered  # the label names the field
    assert not {"Jana", "Im Auftrag", "Renate"} & names  # no name cut at its "-bach", no signing formula


def test_the_enum_holds_the_values_as_written_and_none(form: CaseCandidates) -> None:
    choices = [rank(BEGINN, form), rank(ERMAESSIGUNG, form)]
    schema = choice_schema(choices)
    assert schema["properties"]["haltungsbeginn"]["enum"] == [*choices[0].keys, NONE_CHOICE]
    assert "01.04.2025" in schema["properties"]["haltungsbeginn"]["enum"]
    answer = schema["properties"]["ermaessigung"]["properties"]
    assert answer["antwort"]["enum"] == ["ja", "nein", NONE_CHOICE]
    assert answer["zeile"]["enum"] == [str(n) for n in range(1, len(choices[1].ranked) + 1)]
    assert set(schema["required"]) == {"haltungsbeginn", "ermaessigung"}


def test_only_a_clear_labelled_first_choice_is_sure(form: CaseCandidates, tmp_path: Path) -> None:
    dates = rank(BEGINN, form)
    assert confidence(dates, dates.ranked[0]) == ("sicher", "")
    first = dates.ranked[0]
    close = FieldChoices(BEGINN, [first, Ranked(form.of("datum")[0], first.score - 0.1, "2023-11-14")])
    assert confidence(close, close.ranked[0])[0] == "prüfen"  # two values competed closely
    assert confidence(close, close.ranked[1])[0] == "prüfen"
    letter = rank(FLAECHE, case_candidates(_store(tmp_path, {"antrag": LETTER}), ["antrag"], PUBLIC))
    assert confidence(letter, letter.ranked[0])[0] == "prüfen"  # in running text, not on a labelled line
    impfung = FieldSpec(name="impfdatum", frage="Wann wurde der Hund zuletzt geimpft?", typ="datum")
    assert confidence(rank(impfung, form), None) == ("sicher", "")  # a form whose labels do not name the field
    (tmp_path / "brief").mkdir()
    nothing_labelled = rank(BEGINN, case_candidates(_store(tmp_path / "brief", {"brief": LETTER}), ["brief"], PUBLIC))
    assert confidence(nothing_labelled, None)[0] == "prüfen"  # running text may hold what no label names


def test_a_file_number_is_never_written_freely(tmp_path: Path) -> None:
    """Every file number of a case is a candidate; with none, the model must not write one (it took a title)."""
    aktenzeichen = FieldSpec(name="aktenzeichen", frage="Welches Aktenzeichen hat der Bescheid?", typ="text")
    rasse = FieldSpec(name="hunderasse", frage="Welche Rasse hat der Hund?", typ="text")
    letter = "Widerspruch Straßenreinigung\nHiermit lege ich Widerspruch ein. Mein Beagle-Mischling bellt nie.\n"
    candidates = case_candidates(_store(tmp_path, {"brief": letter}), ["brief"], PUBLIC)
    assert not rank(aktenzeichen, candidates).writable
    assert rank(rasse, candidates).writable
