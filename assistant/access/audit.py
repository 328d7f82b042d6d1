"""The tamper-evident audit trail: who did what, when, with what outcome; never what was asked or read.

Each event carries the SHA-256 of its predecessor's hash and its own fields, so changing, deleting or
reordering a record breaks the chain; the head row (newest sequence number and hash, written in the same
transaction) also reveals a deleted newest record. ``verify`` walks the chain. Someone who may rewrite the
whole database can rewrite the chain as well: keep the head printed by ``audit export`` outside the server.
Several instances append safely: the head is advanced by a compare-and-set, retried on conflict (on PostgreSQL the
head row is locked while an event is appended, so writers wait for each other instead).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import CursorResult, Engine, func, select, update

from assistant.access.db import session_factory
from assistant.access.tables import AuditEventRow, AuditHeadRow
from models.errors import AssistantError

GENESIS = "0" * 64
MAX_RETRIES = 20
Outcome = Literal["ok", "abgelehnt", "fehler"]


class AuditError(AssistantError):
    code = "protokoll"


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str  # ISO 8601, UTC
    actor: str  # the account name, or "system"
    action: str  # e.g. "anmeldung", "dokument_hochgeladen"
    target: str  # an id or account name, never content
    outcome: str
    via: str  # how the actor signed in: passwort, oidc, sitzung, api_schluessel, cli, system ("" before recorded)
    request_id: str  # the request's id (also in its X-Request-ID response header); "" outside a request
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    problem: str = ""  # German, with the sequence number where the chain breaks


def event_hash(
    previous_hash: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    target: str,
    outcome: str,
    via: str = "",
    request_id: str = "",
) -> str:
    fields: list[object] = [previous_hash, seq, at, actor, action, target, outcome]
    if via or request_id:  # entries from before these fields existed keep their hash
        fields += [via, request_id]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class AuditTrail:
    def __init__(self, engine: Engine) -> None:
        self._sessions = session_factory(engine)

    def record(
        self, actor: str, action: str, target: str = "", outcome: Outcome = "ok", *, via: str = "", request_id: str = ""
    ) -> AuditEvent:
        """Append one event (its own transaction)."""
        for _ in range(MAX_RETRIES):
            with self._sessions.begin() as session:
                # PostgreSQL: the row lock queues writers behind the one advancing the head, so the compare-and-set
                # below does not fail under load (SQLite has no row locks and ignores it; it retries instead)
                head = session.get(AuditHeadRow, 1, with_for_update=True)
                if head is None:
                    raise AuditError("Das Protokoll ist beschädigt: sein Kopfeintrag fehlt.")
                previous, previous_seq = head.hash, head.seq
                seq, at = previous_seq + 1, datetime.now(UTC).isoformat(timespec="microseconds")
                actor, target = actor[:120], target[:200]  # the columns' lengths, which PostgreSQL enforces
                digest = event_hash(previous, seq, at, actor, action, target, outcome, via, request_id)
                advanced: CursorResult[Any] = session.execute(  # type: ignore[assignment]
                    update(AuditHeadRow)
                    .where(AuditHeadRow.id == 1, AuditHeadRow.seq == previous_seq)
                    .values(seq=seq, hash=digest)
                    .execution_options(synchronize_session=False)
                )
                if advanced.rowcount != 1:  # another instance appended first: read the head again
                    session.rollback()
                    continue
                row = AuditEventRow(
                    seq=seq,
                    at=at,
                    actor=actor,
                    action=action,
                    target=target,
                    outcome=outcome,
                    via=via,
                    request_id=request_id,
                    previous_hash=previous,
                    hash=digest,
                )
                session.add(row)
                return _event(row)
        raise AuditError("Das Protokoll ist gerade stark ausgelastet; der Eintrag konnte nicht geschrieben werden.")

    def events(self, *, newest_first: bool = False, limit: int | None = None) -> list[AuditEvent]:
        order = AuditEventRow.seq.desc() if newest_first else AuditEventRow.seq
        with self._sessions() as session:
            rows = session.scalars(select(AuditEventRow).order_by(order).limit(limit)).all()
            return [_event(row) for row in rows]

    def count_since(self, actor: str, action: str, outcome: Outcome, since: datetime) -> int:
        """How often ``actor`` did ``action`` with ``outcome`` since ``since`` (e.g. failed sign-ins)."""
        with self._sessions() as session:
            count = session.scalar(
                select(func.count()).where(
                    AuditEventRow.actor == actor,
                    AuditEventRow.action == action,
                    AuditEventRow.outcome == outcome,
                    AuditEventRow.at >= since.astimezone(UTC).isoformat(timespec="microseconds"),
                )
            )
            return count or 0

    def head(self) -> tuple[int, str]:
        with self._sessions() as session:
            head = session.get(AuditHeadRow, 1)
            return (head.seq, head.hash) if head is not None else (0, GENESIS)

    def verify(self) -> ChainCheck:
        """The chain from the first event to the head: no change, no gap, no reordering, nothing cut off."""
        previous, expected_seq, count = GENESIS, 1, 0
        for event in self._walk():
            if event.seq != expected_seq:
                return ChainCheck(False, count, f"Eintrag {expected_seq} fehlt (nach {previous[:12]}…).")
            if event.previous_hash != previous:
                return ChainCheck(False, count, f"Eintrag {event.seq} schließt nicht an seinen Vorgänger an.")
            fields = (
                event.seq,
                event.at,
                event.actor,
                event.action,
                event.target,
                event.outcome,
                event.via,
                event.request_id,
            )
            if event_hash(previous, *fields) != event.hash:
                return ChainCheck(False, count, f"Eintrag {event.seq} wurde verändert.")
            previous, expected_seq, count = event.hash, expected_seq + 1, count + 1
        head_seq, head_hash = self.head()
        if (head_seq, head_hash) != (count, previous):
            return ChainCheck(False, count, f"Nach Eintrag {count} fehlen Einträge (erwartet bis {head_seq}).")
        return ChainCheck(True, count)

    def _walk(self) -> Iterator[AuditEvent]:
        with self._sessions() as session:
            for row in session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)).yield_per(1000):
                yield _event(row)


FIELDS = tuple(field.name for field in fields(AuditEvent))


def _event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(**{name: getattr(row, name) for name in FIELDS})


def audit_jsonl(events: list[AuditEvent]) -> bytes:
    return "".join(json.dumps(asdict(event), ensure_ascii=False) + "\n" for event in events).encode("utf-8")


def audit_csv(events: list[AuditEvent]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(FIELDS)
    writer.writerows([getattr(event, name) for name in FIELDS] for event in events)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8
