"""Chat history on the server: list, start, reopen (sources re-checked), rename and delete conversations.
Questions are added by POST /api/chat with ``conversation_id``."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Response

from assistant.access.accounts import Principal
from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.errors import NotFoundError
from assistant.api.schemas import ConversationPublic, ConversationRequest
from assistant.services import Services
from ingest.errors import IndexMissingError

router = APIRouter(prefix="/api/conversations", tags=["conversations"])
GONE = "Dieses Gespräch gibt es (nicht mehr) im Verlauf."


@router.get("", response_model=list[ConversationPublic])
def list_conversations(services: ServicesDep, principal: CurrentUser) -> list[ConversationPublic]:
    """Ihre Gespräche, zuletzt genutzte zuerst (ältere als die Aufbewahrungsfrist sind gelöscht)."""
    return [ConversationPublic.of(conversation) for conversation in services.history.conversations(principal)]


@router.post("", response_model=ConversationPublic, status_code=201)
def create_conversation(body: ConversationRequest, services: ServicesDep, principal: CurrentUser) -> ConversationPublic:
    return ConversationPublic.of(services.history.create(principal, body.title))


@router.get("/{conversation_id}", response_model=ConversationPublic)
def show_conversation(conversation_id: str, services: ServicesDep, principal: CurrentUser) -> ConversationPublic:
    """Ein Gespräch mit Fragen und Antworten; eine Antwort, deren Quelle Sie nicht mehr lesen dürfen, bleibt
    verborgen."""
    conversation = services.history.conversation(principal, conversation_id, readable_for(services, principal))
    if conversation is None:
        raise NotFoundError(GONE)
    return ConversationPublic.of(conversation)


@router.put("/{conversation_id}", response_model=ConversationPublic)
def rename_conversation(
    conversation_id: str, body: ConversationRequest, services: ServicesDep, principal: CurrentUser
) -> ConversationPublic:
    conversation = services.history.rename(principal, conversation_id, body.title)
    if conversation is None:
        raise NotFoundError(GONE)
    return ConversationPublic.of(conversation)


@router.delete("/{conversation_id}", status_code=204)
def delete_conversation(conversation_id: str, services: ServicesDep, principal: CurrentUser) -> Response:
    if not services.history.delete(principal, conversation_id):
        raise NotFoundError(GONE)
    return Response(status_code=204)


def readable_for(services: Services, principal: Principal) -> Callable[[str], bool]:
    """Whether ``principal`` may read a document now (its collection's grants, checked per call)."""
    scope = services.collections.scope(principal)

    def readable(doc_id: str) -> bool:
        try:
            return services.index.store.document(doc_id, scope) is not None
        except IndexMissingError:
            return False

    return readable
