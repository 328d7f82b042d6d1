"""Field lists, case discovery and the LLM's answer schema of the batch analysis (no models needed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.batch.analyzer import response_schema
from assistant.batch.cases import BatchJob, CaseSpec, discover_cases, relative_names
from assistant.batch.fields import load_schema, parse_schema
from assistant.shared.errors import BatchError

PROJECT = Path(__file__).parents[2]
CASES = PROJECT / "tests" / "fixtures" / "cases"


def test_the_shipped_examples_are_valid_and_together_use_every_type() -> None:
    types: set[str] = set()
    for path in sorted((PROJECT / "data" / "schemas").glob("*.yaml")):
        schema = load_schema(path)
        assert {"text", "datum", "janein"} <= {spec.typ for spec in schema.felder}
        types |= {spec.typ for spec in schema.felder}
    assert types == {"text", "datum", "betrag", "zahl", "janein", "auswahl"}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"name": "x", "felder": []}, "ungültig"),
        ({"name": "x", "felder": [{"name": "Betrag in Euro", "frage": "Wie hoch?"}]}, "ungültig"),
        ({"name": "x", "felder": [{"name": "art", "frage": "Welche Art?", "typ": "auswahl"}]}, "zwei Optionen"),
        (
            {"name": "x", "felder": [{"name": "f", "frage": "Wie groß?", "typ": "zahl", "einheit": "Ellen"}]},
            "unbekannt",
        ),
        ({"name": "x", "felder": [{"name": "f", "frage": "Wie groß?", "typ": "text", "einheit": "m²"}]}, "nur beim"),
        (
            {"name": "x", "felder": [{"name": "a", "frage": "Frage?"}, {"name": "a", "frage": "Noch eine?"}]},
            "doppelt",
        ),
    ],
)
def test_invalid_field_lists_are_refused_in_german(data: dict[str, object], problem: str) -> None:
    with pytest.raises(BatchError, match=problem):
        parse_schema(data)


def test_an_unreadable_field_file_is_refused_in_german(tmp_path: Path) -> None:
    broken = tmp_path / "felder.yaml"
    broken.write_text("name: [unclosed", encoding="utf-8")
    with pytest.raises(BatchError, match="nicht lesbar"):
        load_schema(broken)


def test_each_file_or_sub_folder_is_one_case(tmp_path: Path) -> None:
    folder = tmp_path / "akten"
    shutil.copytree(CASES, folder)
    cases = {case.name: case for case in discover_cases(folder)}
    assert set(cases) == {"fall-02", "fall-03", "fall-04", "fall-05", "fall-kaputt"}  # truth.jsonl is no case
    assert sorted(Path(path).name for path in cases["fall-04"].files) == ["anmeldung.pdf", "nachweis.docx"]


def test_a_folder_without_case_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="keine lesbaren Fallakten"):
        discover_cases(tmp_path)


def test_uploaded_folder_names_group_files_into_cases() -> None:
    names = ["akten/fall-7/antrag.pdf", "akten/fall-7/nachweis.docx", "akten/fall-8.pdf"]
    assert relative_names(names) == [["fall-7", "antrag.pdf"], ["fall-7", "nachweis.docx"], ["fall-8.pdf"]]


def test_the_answer_schema_allows_null_and_asks_evidence_for_yes_no_and_choices() -> None:
    schema = response_schema(load_schema(PROJECT / "data" / "schemas" / "hundesteuer-anmeldung.yaml").felder)
    properties = schema["properties"]
    assert properties["halter"]["type"] == ["string", "null"]
    assert properties["ermaessigung_beantragt"]["properties"]["antwort"]["enum"] == ["ja", "nein", None]
    assert None in properties["anzahl_hunde"]["properties"]["antwort"]["enum"]
    assert set(schema["required"]) == set(properties)


def test_two_cases_with_one_name_are_refused_before_a_job_starts() -> None:
    schema = load_schema(PROJECT / "data" / "schemas" / "hundesteuer-anmeldung.yaml")
    twins = [CaseSpec(name="Fall 1", doc_ids=["a"]), CaseSpec(name="Fall 1", doc_ids=["b"])]
    with pytest.raises(ValueError, match="denselben Namen"):
        BatchJob(schema_=schema, cases=twins)
