"""RETBOT_DATA_KEY: free-text case data is unreadable in the database, readable in the app,
and a key can be rotated."""

import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Text, text

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from bot.settings import Settings
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.menu import MENU_KEY, MenuChoice
from storage.encryption import PREFIX, CipherError, FieldCipher
from storage.models import Base
from storage.rekey import ENCRYPTED_COLUMNS
from tests.support import REPO, RunningBot
from tests.test_intake_flow import VALID, fill, start

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_cipher_round_trip_plain_values_and_rotation():
    old = FieldCipher(OLD)
    both = FieldCipher(f"{NEW},{OLD}")
    sealed = old.encrypt("Een passende plek voor J.D.")

    assert sealed.startswith(PREFIX) and "J.D." not in sealed
    assert both.decrypt(sealed) == "Een passende plek voor J.D."
    assert FieldCipher(NEW).decrypt(both.encrypt("x")) == "x"
    assert both.decrypt("van voor de versleuteling") == "van voor de versleuteling"
    with pytest.raises(CipherError):
        FieldCipher(NEW).decrypt(sealed)
    with pytest.raises(CipherError):
        FieldCipher().decrypt(sealed)


def rotate_key(env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "bot.cli", "rotate-key"]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


@pytest.fixture
async def sealed_bot(database_url, ret):
    bot = await RunningBot(Settings(database_url=database_url, data_key=OLD), ret).start()
    yield bot
    await bot.stop()


async def raw(bot, sql: str) -> list:
    async with bot.app[RETBOT].engine.connect() as connection:
        return [row[0] for row in await connection.execute(text(sql))]


async def test_case_data_is_encrypted_at_rest_and_read_back_in_the_app(sealed_bot, connector, http):
    referrer = Conversation(sealed_bot.messages_url, connector, http, user_name="Inge Referent")
    await start(referrer)
    await fill(referrer, "aanmelder")
    drafts = await raw(sealed_bot, "SELECT data FROM bot_state")
    for section in list(VALID)[1:]:
        await fill(referrer, section)
    await referrer.submit({INTAKE_KEY: SUBMIT})
    await referrer.say("Hoe gaan jullie om met een wachtlijst van een jaar?")
    await referrer.say("1")
    await referrer.say("Wijkteam Hengelo")

    overview = await referrer.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    assert all(d.startswith(PREFIX) for d in drafts)
    assert not any("Jeugdbescherming Oost" in d for d in drafts)
    [answers] = await raw(sealed_bot, "SELECT answers FROM case_file")
    [question] = await raw(sealed_bot, "SELECT question FROM consultation")
    assert answers.startswith(PREFIX) and "Hengelo" not in answers
    assert question.startswith(PREFIX) and "wachtlijst" not in question
    assert "J.D. · Hengelo" in str(overview.cards()[0])


async def test_rotate_key_rewrites_everything_with_the_new_key(
    sealed_bot, connector, http, database_url
):
    referrer = Conversation(sealed_bot.messages_url, connector, http)
    await start(referrer)
    for section in VALID:
        await fill(referrer, section)
    await referrer.submit({INTAKE_KEY: SUBMIT})
    await sealed_bot.stop()

    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "RETBOT_DATABASE_URL": database_url,
        "RETBOT_DATA_KEY": f"{NEW},{OLD}",
    }
    result = rotate_key(env)

    assert result.returncode == 0, result.stderr
    await sealed_bot.start()
    [answers] = await raw(sealed_bot, "SELECT answers FROM case_file")
    assert '"gemeente": "Hengelo"' in FieldCipher(NEW).decrypt(answers)


# Text that is not about the child or the family: who did something (professionals),
# ids, organisations, and where to reach people. Everything else must be encrypted.
PLAIN_ON_PURPOSE = {
    ("advice", "issued_by"),
    ("advice_afspraak", "organisation"),
    ("audit_entry", "actor"),
    ("booking", "booked_by"),
    ("booking", "location"),  # the RET's meeting place, from ret.yaml
    ("bot_state", "key"),
    ("case_event", "actor"),
    ("case_file", "referrer_user_id"),
    ("case_file", "referrer_name"),
    ("consultation", "asker_user_id"),
    ("consultation", "asker_name"),
    ("consultation", "asker_organisation"),
    ("consultation", "handled_by"),
    ("conversation_reference", "scope_id"),
    ("conversation_reference", "reference"),
    ("document_version", "created_by"),
    ("escalation", "by"),
    ("family_contact", "done_by"),  # the RET member who called the family
    ("meeting_attendance", "person_name"),  # an invitee: a professional or the referrer
    ("meeting_attendance", "stand_in"),  # the colleague who comes instead
    ("schil_invitation", "invited_by"),
    ("follow_up_ask", "organisation"),
    ("follow_up_ask", "answered_by"),
    ("mandate_confirmation", "organisation"),
    ("mandate_confirmation", "answered_by"),
    ("member_email", "email"),
    ("notulen", "approved_by"),
    ("outbox", "scope_id"),
    ("signal", "noted_by"),  # the voorzitter, like the other actors
    ("signal_advice", "given_by"),  # the voorzitter
    ("evaluation_answer", "organisation"),
    ("evaluation_answer", "answered_by"),  # a professional, like the other actors
    ("leerpunt", "recorded_by"),  # the voorzitter
    ("organisation_advice", "organisation"),  # from ret.yaml
    ("organisation_advice", "sent_to"),  # the organisation's contact, from ret.yaml
    ("organisation_advice", "sent_by"),  # the voorzitter
    ("good_practice", "marked_by"),  # the voorzitter
    ("good_practice", "reviewed_by"),
    ("family_evaluation", "answered_by"),  # "Gezin" or "Ouder (zelf aangemeld)": never a name
}


def test_every_free_text_column_is_encrypted_and_rotated():
    """A new free-text column must be added to ENCRYPTED_COLUMNS (encrypted, and re-keyed by
    `retbot rotate-key`) or named here as harmless."""
    encrypted = {(model.__tablename__, c) for model, columns in ENCRYPTED_COLUMNS for c in columns}
    text_columns = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Text)
    }

    assert text_columns - encrypted - PLAIN_ON_PURPOSE == set()
