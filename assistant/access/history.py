"""Chat history on the server: each user's conversations with their questions, answers and citations, and the
citations of answers given through the OpenAI-compatible API.

Every call names the owner, and a conversation of someone else does not exist for the caller. Conversations
untouched for ``retention_days`` are deleted. What a stored answer may still show is decided when it is reopened
(``readable``): an answer whose sources the user may no longer read is withheld.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from assistant.access.accounts import Principal
from assistant.access.db import as_utc, session_factory
from assistant.access.tables import ChatTurnRow, CompletionRow, ConversationRow
from assistant.shared.citations import Citation

TITLE_CHARS = 80
WITHHELD = "Diese Antwort stützt sich auf Quellen, die Sie nicht mehr lesen dürfen; sie wird daher nicht angezeigt."


@dataclass(frozen=True)
class StoredTurn:
    question: str
    answer: str
    status: str
    citations: list[Citation]
    asked_at: datetime
    withheld: bool = False  # a source is no longer readable for the user: answer and citations are not shown


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str
    created_at: datetime
    updated_at: datetime
    turn_count: int
    turns: tuple[StoredTurn, ...] = ()


class History:
    def __init__(self, engine: Engine, retention_days: int) -> None:
        self._sessions = session_factory(engine)
        self.retention_days = retention_days

    def create(self, owner: Principal, title: str = "") -> Conversation:
        now = datetime.now(UTC)
        row = ConversationRow(
            id=uuid.uuid4().hex,
            owner_id=owner.user_id,
            title=title.strip()[:TITLE_CHARS],
            created_at=now,
            updated_at=now,
        )
        with self._sessions.begin() as session:
            session.add(row)
        return _conversation(row, 0)

    def conversations(self, owner: Principal) -> list[Conversation]:
        """The owner's conversations, most recently used first (expired ones are removed first)."""
        self.remove_expired()
        counts = (
            select(ChatTurnRow.conversation_id, func.count().label("turns"))
            .group_by(ChatTurnRow.conversation_id)
            .subquery()
        )
        with self._sessions() as session:
            rows = session.execute(
                select(ConversationRow, func.coalesce(counts.c.turns, 0))
                .outerjoin(counts, counts.c.conversation_id == ConversationRow.id)
                .where(ConversationRow.owner_id == owner.user_id)
                .order_by(ConversationRow.updated_at.desc())
            ).all()
            return [_conversation(row, count) for row, count in rows]

    def conversation(
        self, owner: Principal, conversation_id: str, readable: Callable[[str], bool]
    ) -> Conversation | None:
        """The conversation with its turns; ``readable(doc_id)`` tells whether the owner may still read a source."""
        with self._sessions() as session:
            row = _owned(session, owner, conversation_id)
            if row is None:
                return None
            turns = tuple(_turn(turn, readable) for turn in row.turns)
            return _conversation(row, len(turns), turns)

    def rename(self, owner: Principal, conversation_id: str, title: str) -> Conversation | None:
        with self._sessions.begin() as session:
            row = _owned(session, owner, conversation_id)
            if row is None:
                return None
            row.title = title.strip()[:TITLE_CHARS]
            return _conversation(row, len(row.turns))

    def delete(self, owner: Principal, conversation_id: str) -> bool:
        with self._sessions.begin() as session:
            row = _owned(session, owner, conversation_id)
            if row is not None:
                session.delete(row)
            return row is not None

    def append(
        self, owner: Principal, conversation_id: str, question: str, answer: str, status: str, citations: list[Citation]
    ) -> bool:
        """Add an answered question; a conversation without a title is named after its first question."""
        now = datetime.now(UTC)
        with self._sessions.begin() as session:
            row = _owned(session, owner, conversation_id)
            if row is None:
                return False
            row.turns.append(
                ChatTurnRow(
                    question=question,
                    answer=answer,
                    status=status,
                    citations_json=_citations_json(citations),
                    asked_at=now,
                )
            )
            row.title = row.title or " ".join(question.split())[:TITLE_CHARS]
            row.updated_at = now
            return True

    def keep_completion(self, owner: Principal, completion_id: str, citations: list[Citation]) -> None:
        with self._sessions.begin() as session:
            session.add(
                CompletionRow(
                    id=completion_id,
                    owner_id=owner.user_id,
                    citations_json=_citations_json(citations),
                    created_at=datetime.now(UTC),
                )
            )

    def completion(
        self, owner: Principal, completion_id: str, readable: Callable[[str], bool]
    ) -> list[Citation] | None:
        """The citations of the owner's completion that the owner may still read; None if there is no such one."""
        with self._sessions() as session:
            row = session.scalar(
                select(CompletionRow).where(CompletionRow.id == completion_id, CompletionRow.owner_id == owner.user_id)
            )
            if row is None:
                return None
            citations = [Citation.model_validate(item) for item in json.loads(row.citations_json)]
            return [citation for citation in citations if readable(citation.doc_id)]

    def remove_expired(self) -> int:
        cutoff = datetime.now(UTC) - timedelta(days=self.retention_days)
        with self._sessions.begin() as session:
            result = session.execute(delete(ConversationRow).where(ConversationRow.updated_at < cutoff))
            session.execute(delete(CompletionRow).where(CompletionRow.created_at < cutoff))
            return int(getattr(result, "rowcount", 0) or 0)


def _citations_json(citations: list[Citation]) -> str:
    return json.dumps([citation.model_dump(mode="json") for citation in citations], ensure_ascii=False)


def _owned(session: Session, owner: Principal, conversation_id: str) -> ConversationRow | None:
    return session.scalar(
        select(ConversationRow).where(ConversationRow.id == conversation_id, ConversationRow.owner_id == owner.user_id)
    )


def _turn(row: ChatTurnRow, readable: Callable[[str], bool]) -> StoredTurn:
    citations = [Citation.model_validate(item) for item in json.loads(row.citations_json)]
    asked_at = as_utc(row.asked_at)
    if all(readable(doc_id) for doc_id in {citation.doc_id for citation in citations}):
        return StoredTurn(row.question, row.answer, row.status, citations, asked_at)
    return StoredTurn(row.question, WITHHELD, "zurueckgehalten", [], asked_at, withheld=True)


def _conversation(row: ConversationRow, turn_count: int, turns: tuple[StoredTurn, ...] = ()) -> Conversation:
    return Conversation(row.id, row.title, as_utc(row.created_at), as_utc(row.updated_at), turn_count, turns)
