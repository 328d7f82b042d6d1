"""Collections and grants, the one place that turns a user into a read scope; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from assistant.access.accounts import OPERATOR, Accounts, Principal
from assistant.access.collections import AccessDeniedError, CollectionError, Collections, Grant
from assistant.access.db import open_database
from assistant.settings import AccessSettings, DatabaseSettings
from ingest.types import DEFAULT_COLLECTION

PASSWORD = "korrekt-pferd-batterie"


@pytest.fixture
def state(state_url: str) -> tuple[Accounts, Collections]:
    engine = open_database(DatabaseSettings(url=state_url))
    return Accounts(engine, AccessSettings()), Collections(engine)


def _user(accounts: Accounts, name: str, department: str, role: str = "user") -> Principal:
    return accounts.add_user(name, department=department, role=role, password=PASSWORD)


def test_the_default_collection_is_readable_by_everyone_and_writable_by_no_one(
    state: tuple[Accounts, Collections],
) -> None:
    accounts, collections = state
    clerk = _user(accounts, "m.muster", "Ordnungsamt")

    assert collections.scope(clerk).collections == {DEFAULT_COLLECTION}
    assert collections.scope(clerk, "write").collections == frozenset()


def test_without_a_grant_a_collection_is_closed_even_to_its_department(state: tuple[Accounts, Collections]) -> None:
    accounts, collections = state
    owner = _user(accounts, "b.bauer", "Bauamt")
    colleague = _user(accounts, "c.kollege", "Bauamt")

    collections.create(owner, "bauakten", "Bauakten", [])

    assert collections.scope(owner, "manage").allows("bauakten")
    assert not collections.scope(colleague).allows("bauakten")
    with pytest.raises(AccessDeniedError, match="bauakten"):
        collections.require(colleague, "bauakten", "read")


def test_grants_add_up_across_department_user_and_permission_levels(state: tuple[Accounts, Collections]) -> None:
    accounts, collections = state
    owner = _user(accounts, "b.bauer", "Bauamt")
    colleague = _user(accounts, "c.kollege", "Bauamt")
    guest = _user(accounts, "g.gast", "Ordnungsamt")
    collections.create(owner, "bauakten", "", [Grant("read", department="Bauamt"), Grant("write", user="g.gast")])

    assert collections.scope(colleague).allows("bauakten")
    assert not collections.scope(colleague, "write").allows("bauakten")
    assert collections.scope(guest, "write").allows("bauakten")  # write includes read
    assert collections.scope(guest).allows("bauakten")
    assert not collections.scope(guest, "manage").allows("bauakten")


def test_a_revoked_grant_takes_effect_at_the_next_scope(state: tuple[Accounts, Collections]) -> None:
    accounts, collections = state
    owner = _user(accounts, "b.bauer", "Bauamt")
    reader = _user(accounts, "r.leser", "Ordnungsamt")
    collections.create(owner, "bauakten", "", [Grant("read", user="r.leser")])
    assert collections.scope(reader).allows("bauakten")

    collections.set_grants(owner, "bauakten", [Grant("manage", user="b.bauer")])

    assert not collections.scope(reader).allows("bauakten")


def test_only_managers_and_admins_change_grants(state: tuple[Accounts, Collections]) -> None:
    accounts, collections = state
    owner = _user(accounts, "b.bauer", "Bauamt")
    writer = _user(accounts, "w.schreiber", "Bauamt")
    admin = _user(accounts, "a.admin", "IT", role="admin")
    collections.create(owner, "bauakten", "", [Grant("write", department="Bauamt")])

    with pytest.raises(AccessDeniedError):
        collections.set_grants(writer, "bauakten", [Grant("manage", user="w.schreiber")])
    collections.add_grant(admin, "bauakten", Grant("read", department="IT"))

    assert collections.scope(admin).allows("bauakten")
    assert not collections.scope(admin).allows("nicht-da")


def test_auditors_read_no_documents_even_with_an_everyone_grant(state: tuple[Accounts, Collections]) -> None:
    accounts, collections = state
    auditor = _user(accounts, "d.schutz", "Datenschutz", role="auditor")

    assert collections.scope(auditor).collections == frozenset()
    with pytest.raises(CollectionError):
        collections.create(auditor, "eigene", "", [])


def test_an_api_key_limited_to_collections_reads_only_those(state: tuple[Accounts, Collections]) -> None:
    accounts, collections = state
    owner = _user(accounts, "b.bauer", "Bauamt")
    collections.create(owner, "bauakten", "", [])
    limited = accounts.key_user(accounts.create_api_key("b.bauer", ["bauakten"]))
    unlimited = accounts.key_user(accounts.create_api_key("b.bauer"))

    assert limited is not None and unlimited is not None
    assert collections.scope(limited).collections == {"bauakten"}
    assert collections.scope(unlimited).collections == {"bauakten", DEFAULT_COLLECTION}


def test_a_request_may_narrow_its_scope_but_never_widen_it(state: tuple[Accounts, Collections]) -> None:
    accounts, collections = state
    owner = _user(accounts, "b.bauer", "Bauamt")
    other = _user(accounts, "o.andere", "Ordnungsamt")
    collections.create(owner, "bauakten", "", [])

    assert collections.narrowed(owner, ["bauakten"]).collections == {"bauakten"}
    assert collections.narrowed(other, None).collections == {DEFAULT_COLLECTION}
    with pytest.raises(AccessDeniedError, match="Lesezugriff"):
        collections.narrowed(other, ["bauakten"])
    with pytest.raises(AccessDeniedError):  # an unknown name is refused the same way
        collections.narrowed(other, ["gibt-es-nicht"])


def test_grants_name_existing_departments_and_users_and_one_subject_each(
    state: tuple[Accounts, Collections],
) -> None:
    accounts, collections = state
    owner = _user(accounts, "b.bauer", "Bauamt")

    with pytest.raises(CollectionError, match="Abteilung"):
        collections.create(owner, "a", "", [Grant("read", department="Gibtsnicht")])
    with pytest.raises(CollectionError, match="Benutzer"):
        collections.create(owner, "b", "", [Grant("read", user="niemand")])
    with pytest.raises(CollectionError, match="Name"):
        collections.create(owner, "Mit Leerzeichen", "", [])
    with pytest.raises(CollectionError, match="kann nicht gelöscht"):
        collections.delete(OPERATOR, DEFAULT_COLLECTION)
    assert not collections.exists("a") and not collections.exists("b")
