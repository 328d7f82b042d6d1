"""Chat history on the server, per user, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, update

from assistant.access.accounts import Accounts, Principal
from assistant.access.db import open_database
from assistant.access.history import WITHHELD, History
from assistant.access.tables import ConversationRow
from assistant.settings import AccessSettings, DatabaseSettings
from assistant.shared.citations import Citation

QUESTION = "Wie hoch ist die Hundesteuer für den ersten Hund?"


@pytest.fixture
def engine(state_url: str) -> Engine:
    return open_database(DatabaseSettings(url=state_url))


@pytest.fixture
def history(engine: Engine) -> History:
    return History(engine, retention_days=30)


def _user(engine: Engine, name: str) -> Principal:
    return Accounts(engine, AccessSettings()).add_user(name, department="Steueramt", password="korrekt-pferd-batterie")


def _citation(doc_id: str) -> Citation:
    return Citation(
        number=1,
        passage_id=7,
        doc_id=doc_id,
        title="Hundesteuersatzung",
        source="hundesteuer.md",
        page=1,
        section="§ 5",
        quote="für den ersten Hund 108,00 €",
        quote_start=10,
        quote_end=38,
        passage_start=0,
        passage_end=200,
    )


def test_a_conversation_keeps_its_turns_and_is_named_after_its_first_question(history: History, engine: Engine) -> None:
    clerk = _user(engine, "m.muster")
    started = history.create(clerk)

    history.append(clerk, started.id, QUESTION, "Sie beträgt 108,00 € [1].", "beantwortet", [_citation("satzung")])
    history.append(clerk, started.id, "Und für den zweiten?", "Nicht gefunden.", "nichts_gefunden", [])
    reopened = history.conversation(clerk, started.id, readable=lambda doc_id: True)

    assert reopened is not None and reopened.title == QUESTION and reopened.turn_count == 2
    assert [turn.question for turn in reopened.turns] == [QUESTION, "Und für den zweiten?"]
    assert reopened.turns[0].citations == [_citation("satzung")]
    assert [c.turn_count for c in history.conversations(clerk)] == [2]


def test_another_user_cannot_see_rename_extend_or_delete_a_conversation(history: History, engine: Engine) -> None:
    owner, other = _user(engine, "m.muster"), _user(engine, "o.andere")
    conversation = history.create(owner, "Hundesteuer")

    assert history.conversations(other) == []
    assert history.conversation(other, conversation.id, readable=lambda doc_id: True) is None
    assert history.rename(other, conversation.id, "Meins") is None
    assert not history.append(other, conversation.id, QUESTION, "x", "beantwortet", [])
    assert not history.delete(other, conversation.id)
    assert [c.title for c in history.conversations(owner)] == ["Hundesteuer"]


def test_rename_and_delete(history: History, engine: Engine) -> None:
    clerk = _user(engine, "m.muster")
    first, second = history.create(clerk, "Erstes"), history.create(clerk, "Zweites")

    renamed = history.rename(clerk, first.id, "  Hundesteuer 2026  ")
    deleted = history.delete(clerk, second.id)

    assert renamed is not None and renamed.title == "Hundesteuer 2026"
    assert deleted and [c.id for c in history.conversations(clerk)] == [first.id]


def test_an_answer_whose_source_is_no_longer_readable_is_withheld(history: History, engine: Engine) -> None:
    clerk = _user(engine, "m.muster")
    conversation = history.create(clerk)
    history.append(clerk, conversation.id, QUESTION, "108,00 € [1].", "beantwortet", [_citation("geheim")])
    history.append(clerk, conversation.id, "Öffnungszeiten?", "9 bis 12 Uhr [1].", "beantwortet", [_citation("offen")])

    reopened = history.conversation(clerk, conversation.id, readable=lambda doc_id: doc_id == "offen")

    assert reopened is not None
    withheld, shown = reopened.turns
    assert withheld.withheld and withheld.answer == WITHHELD and withheld.citations == []
    assert withheld.question == QUESTION  # the clerk's own question stays theirs
    assert not shown.withheld and shown.answer == "9 bis 12 Uhr [1]."


def test_conversations_past_the_retention_period_are_deleted(history: History, engine: Engine) -> None:
    clerk = _user(engine, "m.muster")
    old, recent = history.create(clerk, "Alt"), history.create(clerk, "Neu")
    with engine.begin() as connection:
        long_ago = datetime.now(UTC) - timedelta(days=31)
        connection.execute(update(ConversationRow).where(ConversationRow.id == old.id).values(updated_at=long_ago))

    assert [c.id for c in history.conversations(clerk)] == [recent.id]
    assert history.conversation(clerk, old.id, readable=lambda doc_id: True) is None
