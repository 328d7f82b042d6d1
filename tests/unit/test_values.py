"""German dates and euro amounts as clerks and forms write them."""

from datetime import date

import pytest

from assistant.batch.values import find_amounts, find_dates, parse_amount, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.03.2025", date(2025, 3, 12)),
        ("Eingang: 3.4.25", date(2025, 4, 3)),
        ("am 12. März 2025", date(2025, 3, 12)),
        ("1. Okt. 2024", date(2024, 10, 1)),
        ("2025-03-12", date(2025, 3, 12)),
        ("22.05. 2025", date(2025, 5, 22)),  # OCR inserts spaces
        ("31.02.2025", None),
        ("ohne Datum", None),
    ],
)
def test_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120,00 €", 120.0),
        ("EUR 1.234,50", 1234.5),
        ("96 Euro", 96.0),
        ("1 234,50 EUR", 1234.5),
        ("1234.5", 1234.5),
        ("12,- €", 12.0),
        ("kein Betrag", None),
    ],
)
def test_amounts(text: str, expected: float | None) -> None:
    assert parse_amount(text) == expected


def test_every_date_in_a_text_is_found_with_its_position() -> None:
    text = "Bescheid vom 01.02.2025, Widerspruch eingegangen am 3. März 2025."
    found = list(find_dates(text))
    assert [f.value for f in found] == [date(2025, 2, 1), date(2025, 3, 3)]
    assert text[found[1].start : found[1].end] == "3. März 2025"


def test_amounts_with_currency_or_cents_are_marked() -> None:
    marked = {f.value: f.marked for f in find_amounts("Az. 32 vom Jahr 2025: 120,00 € und 96 Euro")}
    assert marked[120.0] and marked[96.0]
    assert not marked[32.0]
