"""Local accounts, sessions and API keys on a real state database (migrated by Alembic), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from assistant.access.accounts import AccountError, Accounts
from assistant.access.db import open_database
from assistant.settings import AccessSettings, DatabaseSettings

PASSWORD = "korrekt-pferd-batterie"


@pytest.fixture
def accounts(state_url: str) -> Accounts:
    return Accounts(open_database(DatabaseSettings(url=state_url)), AccessSettings())


def test_a_user_signs_in_with_the_right_password_only(accounts: Accounts) -> None:
    accounts.add_user("m.muster", department="Ordnungsamt", password=PASSWORD, display_name="Maria Muster")

    user = accounts.check_password("M.Muster", PASSWORD)

    assert user is not None and (user.name, user.department, user.role) == ("m.muster", "Ordnungsamt", "user")
    assert accounts.check_password("m.muster", PASSWORD + "x") is None
    assert accounts.check_password("niemand", PASSWORD) is None


def test_passwords_are_stored_as_argon2_hashes_and_tokens_as_digests(accounts: Accounts, state_url: str) -> None:
    user = accounts.add_user("b.beispiel", department="Bauamt", password=PASSWORD)
    token = accounts.open_session(user)
    key = accounts.create_api_key("b.beispiel")

    engine = open_database(DatabaseSettings(url=state_url))
    with engine.connect() as connection:
        stored = " ".join(
            str(value)
            for table in ("users", "sessions", "api_keys")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
            for value in row
        )
    assert "$argon2id$" in stored
    assert PASSWORD not in stored and token not in stored and key not in stored


def test_sessions_and_api_keys_act_as_their_user_until_the_account_is_disabled(accounts: Accounts) -> None:
    user = accounts.add_user("k.kasse", department="Kämmerei", password=PASSWORD)
    token = accounts.open_session(user)
    key = accounts.create_api_key("k.kasse")

    assert accounts.session_user(token) == user
    assert accounts.key_user(key) == user
    assert accounts.key_user(key + "x") is None and accounts.session_user("erfunden") is None

    accounts.disable("k.kasse")

    assert accounts.session_user(token) is None
    assert accounts.key_user(key) is None
    assert accounts.check_password("k.kasse", PASSWORD) is None


def test_a_closed_session_is_gone(accounts: Accounts) -> None:
    token = accounts.open_session(accounts.add_user("s.sitzung", department="Hauptamt", password=PASSWORD))

    accounts.close_session(token)

    assert accounts.session_user(token) is None


def test_an_expired_session_is_refused_and_removed_at_the_next_sign_in(accounts: Accounts, state_url: str) -> None:
    user = accounts.add_user("a.ablauf", department="Hauptamt", password=PASSWORD)
    token = accounts.open_session(user)
    engine = open_database(DatabaseSettings(url=state_url))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE sessions SET expires_at = :past"), {"past": datetime.now(UTC) - timedelta(days=1)}
        )

    assert accounts.session_user(token) is None
    accounts.open_session(user)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM sessions")) == 1


@pytest.mark.parametrize(
    ("name", "department", "role", "password", "reason"),
    [
        ("Ä", "Hauptamt", "user", PASSWORD, "Benutzername"),
        ("gut", "", "user", PASSWORD, "Abteilung"),
        ("gut", "Hauptamt", "chef", PASSWORD, "Rolle"),
        ("gut", "Hauptamt", "user", "kurz", "mindestens 12 Zeichen"),
        ("gut", "Amt" * 41, "user", PASSWORD, "höchstens 120 Zeichen"),
    ],
)
def test_invalid_accounts_are_refused_in_german(
    accounts: Accounts, name: str, department: str, role: str, password: str, reason: str
) -> None:
    with pytest.raises(AccountError, match=reason):
        accounts.add_user(name, department=department, role=role, password=password)


def test_the_user_list_has_cut_display_names_and_creation_times_in_utc(accounts: Accounts) -> None:
    accounts.add_user("l.lang", department="Hauptamt", password=PASSWORD, display_name="Dr. " + "Name " * 60)

    [user] = accounts.users()
    assert len(user.display_name) == 200  # the column's length, which PostgreSQL enforces
    assert user.created_at.utcoffset() == timedelta(0)  # SQLite keeps no time zone; UTC is put back


def test_the_first_start_creates_one_admin_and_only_once(accounts: Accounts) -> None:
    password = accounts.bootstrap_admin()

    assert password is not None
    admin = accounts.check_password("admin", password)
    assert admin is not None and admin.role == "admin"
    assert accounts.bootstrap_admin() is None
