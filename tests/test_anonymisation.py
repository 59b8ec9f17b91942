"""After the retention period nothing about the people of a case survives anywhere in the
database. A case with everything filled in through the real app (the request, a question
and its answer, the booking, the meeting preparation, the advice with attendees and
afspraken, mandates, documents, follow-up answers and an escalation, notulen from a
transcript, a signal, the closing; e-mails through the outbox) is anonymised; then every
column of every table, found by reflection (so a table added later is searched too), is
read as a person could read it (decrypted, and any Word document in it opened) and searched:

- the young person's and the family's data and every free text, in every table;
- the professionals on the case (names, e-mail addresses, Teams ids), in every row that
  names the case, except the audit log: who read or changed a case is kept on purpose.
"""

import base64
import binascii
import contextlib
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from docx import Document

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from dialogs.cards.advice import REASON_INPUT, VERB_CONFIRM, VERB_DECLINE
from dialogs.cards.follow_up import ESCALATE_KEY, FOLLOW_UP_KEY, STEP_KEY
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.meeting import ATTEND_KEY, FAMILY_KEY, PREP_KEY, stand_in_input
from dialogs.cards.notulen import APPROVE, NOTULEN_KEY
from dialogs.cards.triage import ANSWER_INPUT, CASE_INFO_KEY, NOTE_INPUT
from storage.encryption import CipherError, FieldCipher
from storage.models import BookingRow, CaseFactRow
from tests.file_server import FileServer
from tests.support import RunningBot
from tests.test_advice_flow import (
    ADVIES,
    FATIMA_AAD,
    GGZ,
    LVB,
    SAMENVATTING,
    THIJS_AAD,
    form_values,
    in_channel,
    meeting_held,
    open_form,
    rows,
)
from tests.test_closing_flow import close_forms, overview
from tests.test_consult_flow import CHAIR_AAD, KERNTEAM_AAD, person
from tests.test_follow_up_flow import Followed, ask_id_of, card_of
from tests.test_intake_flow import VALID, fill, start
from tests.test_meeting_prep import NOOR, NOOR_AAD, SANNE, THIJS
from tests.test_meeting_prep import ret as ret  # Thijs, Fatima in Teams; Noor in the schil
from tests.test_notulen_flow import cards_in, file_message
from tests.test_signals import signal

JO = "Jeugd & Opvoeding Oost"  # its kernteamlid Joost is reached by e-mail only
QUESTION = "Is er al contact geweest met de huisarts van Julia?"
ANSWER = "Ja, huisarts Van Dijk kent Julia al jaren."
PARENT = "Karlijn Dekker"  # the mother, at the table
ABSENCE = "Opgenomen in het ziekenhuis"
STAND_IN = "Karin de Vries"
WISHES = "Moeder wil naast Julia zitten; vader belt in."
DECLINE = "Geen plek voor Julia voor de zomer"
THIJS_NOTE = "De behandelaar van Julia begint pas in april."
FATIMA_NOTE = "Julia weigert de gedragsdeskundige."
REFERRER_NOTE = "Julia slaapt weer thuis."
TRANSCRIPT_LINE = "Moeder Karlijn Dekker vertelt dat Julia weer naar school gaat."
SIGNAL_NOTE = "Geen gezinshuis voor meiden als Julia in Hengelo."
CLOSING_NOTE = "Julia woont nu in het gezinshuis van de familie Dekker."
BIRTH_YEAR = VALID["jeugdige"]["geboortejaar"]
# Whatever points to the young person or the family, and every free text: nowhere.
THE_FAMILY = (
    VALID["jeugdige"]["initialen"],
    VALID["aanmelder"]["aanmelder_contact"],
    VALID["onderwijs"]["school_wie"],
    *(VALID["vraag"][k] for k in ("hulpvraag", "geprobeerd", "vastgelopen")),
    VALID["wensen"]["wens_ouders"],
    VALID["toestemming"]["contact_gezin"],
    "Julia",
    PARENT,
    QUESTION,
    ANSWER,
    ABSENCE,
    STAND_IN,
    WISHES,
    DECLINE,
    THIJS_NOTE,
    FATIMA_NOTE,
    REFERRER_NOTE,
    TRANSCRIPT_LINE,
    SIGNAL_NOTE,
    CLOSING_NOTE,
    SAMENVATTING,
    ADVIES,
    "Start traumabehandeling in het gezinshuis",
    "Levert een gedragsdeskundige voor het gezinshuis",
    "Zoekt een gezinshuis met de gemeente",
)
YEAR = re.compile(rf"(?<![\w-]){BIRTH_YEAR}(?![\w-])")
DOCX_IN_BASE64 = re.compile(r"UEsDB[A-Za-z0-9+/]+=*")  # "PK\x03\x04": a .docx (zip)
AUDIT = ("audit_entry", "actor")  # who read or changed the case: kept on purpose


def the_professionals(referrer: Conversation) -> tuple[str, ...]:
    """The referrer and the RET members who worked on the case: names, Teams ids, e-mail."""
    return (
        "Inge Referent",
        referrer.user["id"],
        "Marieke Hofstede",
        "Thijs Wennink",
        "Fatima el Amrani",
        "Sanne Oude Luttikhuis",
        "Noor Veldhuis",
        CHAIR_AAD,
        THIJS_AAD,
        FATIMA_AAD,
        KERNTEAM_AAD,
        NOOR_AAD,
        SANNE,
        THIJS,
        NOOR,
        "j.bruggink@opvoedpunt.example.org",
    )


@pytest.fixture
async def files():
    server = await FileServer().start()
    yield server
    await server.stop()


@pytest.fixture
async def sealed_mail_bot(database_url, ret, smtp_server):
    """Encrypted at rest, as in production; the scan decrypts what it reads."""
    settings = smtp_server.settings(database_url, data_key=Fernet.generate_key().decode())
    bot = await RunningBot(settings, ret).start()
    yield bot
    await bot.stop()


async def a_whole_case(bot, connector, http, files) -> tuple[str, Conversation]:
    """One case through every step retbot has; returns its number and the referrer."""
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    referrer = person(bot, connector, http, "Inge Referent")
    await chair.join()
    await start(referrer)
    for section in VALID:  # with an eating disorder, for the flexibele schil
        problems = {"problematiek_jeugdige": "trauma,eetstoornis"}
        await fill(referrer, section, **(problems if section == "problematiek" else {}))
    await referrer.submit({INTAKE_KEY: SUBMIT})
    number = f"RET-{datetime.now(UTC).year}-0001"
    await chair.execute("triage.meer_informatie", {"case": number, NOTE_INPUT: QUESTION})
    await referrer.submit({CASE_INFO_KEY: number, ANSWER_INPUT: ANSWER})
    sanne = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    fatima = person(bot, connector, http, "Fatima el Amrani", FATIMA_AAD)
    noor = person(bot, connector, http, "Noor Veldhuis", NOOR_AAD)
    for who in (sanne, thijs, fatima, noor):
        await who.join()

    await chair.execute("triage.ret_tafel", {"case": number})
    await chair.submit({PREP_KEY: number, "contact_member": SANNE, "schil": NOOR})
    await thijs.submit({ATTEND_KEY: number, "answer": "kan_niet", stand_in_input(number): STAND_IN})
    await referrer.submit({ATTEND_KEY: number, "answer": "komt"})
    await noor.submit({ATTEND_KEY: number, "answer": "komt"})
    await sanne.submit({FAMILY_KEY: number, "participation": "online", "wishes": WISHES})

    channel = Conversation(bot.messages_url, connector, http, user_name="Marieke Hofstede")
    channel.channel_id = "msteams"
    channel.extra = {"conversation": {"id": channel.id, "conversationType": "channel"}}
    await channel.send(channel.activity("conversationUpdate", membersAdded=[{"id": "retbot"}]))
    await meeting_held(bot, number)
    _, submit_data = await open_form(chair)
    soon = form_values()["deadline_1"]
    advice = form_values(
        afwezig_reden_3=ABSENCE,
        organisatie_3=JO,
        actie_3="Zoekt een gezinshuis met de gemeente",
        deadline_3=soon,
        deelnemer_4=PARENT,
        deelnemer_organisatie_4="",
        deelnemer_rol_4="ouder",
        aanwezig_4="ja",
    )
    issued = await chair.submit({**submit_data, **advice})
    assert "vastgelegd" in " ".join(issued.texts()), issued.texts()
    await in_channel(channel, "Thijs Wennink", THIJS_AAD).execute(
        VERB_CONFIRM, {"case": number, "organisation": GGZ}
    )
    on_behalf_of_lvb = in_channel(channel, "Fatima el Amrani", FATIMA_AAD)
    await on_behalf_of_lvb.execute(
        VERB_DECLINE, {"case": number, "organisation": LVB, REASON_INPUT: DECLINE}
    )
    await on_behalf_of_lvb.execute(VERB_CONFIRM, {"case": number, "organisation": LVB})

    case = Followed(bot, connector, http, chair, referrer, channel, number, thijs, fatima)
    _, sent = await case.run(14)
    answers = (
        (thijs, "vertraagd", THIJS_NOTE),
        (fatima, "gestopt/lukt niet", FATIMA_NOTE),
        (referrer, "loopt volgens plan", REFERRER_NOTE),
    )
    for who, progress, note in answers:
        ask = ask_id_of(card_of(sent[who.id]))
        await who.submit({FOLLOW_UP_KEY: ask, "voortgang": progress, "toelichting": note})
    await chair.submit({ESCALATE_KEY: number, STEP_KEY: "samenwerkingstafel"})

    [booking] = await rows(bot, BookingRow)
    seen = len(connector.received[sanne.id])
    assert await bot.app[RETBOT].jobs.notulen(booking.ends_at + timedelta(hours=1))
    [draft] = cards_in(connector.received[sanne.id][seen:])
    day = draft["actions"][1]["data"]["meeting"]
    spoken = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\n"
        f"<v Marieke Hofstede>We bespreken casus {number}, J.D.</v>\n\n"
        f"2\n00:00:06.000 --> 00:00:09.000\n<v Joost Bruggink>Besluit: {TRANSCRIPT_LINE}</v>\n"
    )
    url = files.serve(spoken.encode())
    await sanne.send(file_message(sanne, "transcript.vtt", url, "vtt"))
    await sanne.submit({NOTULEN_KEY: APPROVE, "meeting": day, "version": 2})

    await chair.submit(signal("aanbod", SIGNAL_NOTE, number))
    form = close_forms(await overview(chair))[number]
    reason = form["card"]["body"][0]["id"]
    note = next(b["id"] for b in form["card"]["body"] if b["id"] != reason)
    await chair.submit(
        {**form["card"]["actions"][0]["data"], reason: "opgelost", note: CLOSING_NOTE}
    )
    return number, referrer


def readable(value: object, cipher: FieldCipher) -> str:
    """A stored value as a person could read it: decrypted, and a Word document in it
    (base64, also inside JSON such as an e-mail in the outbox) opened."""
    if value is None:
        return ""
    found = str(value)
    with contextlib.suppress(CipherError):
        found = cipher.decrypt(found)
    documents = [_docx_text(chunk) for chunk in DOCX_IN_BASE64.findall(found)]
    return "\n".join([found, *documents])


def _docx_text(chunk: str) -> str:
    try:
        document = Document(io.BytesIO(base64.b64decode(chunk)))
    except (binascii.Error, ValueError, KeyError):
        return ""
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


async def everything_stored(bot) -> list[tuple[str, dict[str, str]]]:
    """(table, {column: readable value}) for every row of every table in the database."""
    retbot = bot.app[RETBOT]
    metadata = sa.MetaData()
    found = []
    async with retbot.engine.connect() as connection:
        await connection.run_sync(metadata.reflect)
        for table in metadata.sorted_tables:
            for row in await connection.execute(sa.select(table)):
                values = {k: readable(v, retbot.jobs.cipher) for k, v in row._mapping.items()}
                found.append((table.name, values))
    assert {"case_file", "outbox", "bot_state", "document_version"} <= set(metadata.tables)
    return found


async def test_nothing_about_the_people_of_a_case_survives_its_anonymisation(
    sealed_mail_bot, connector, http, files, smtp_server
):
    bot = sealed_mail_bot
    number, referrer = await a_whole_case(bot, connector, http, files)
    stored_before = await everything_stored(bot)
    emailed = [m for m in smtp_server.received if number in str(m["Subject"])]

    anonymised = await bot.app[RETBOT].jobs.retention(datetime.now(UTC) + timedelta(days=800))
    stored = await everything_stored(bot)

    assert anonymised == [number]
    # The case went through everything: before, the values were there to be found.
    before = "\n".join(v for _, row in stored_before for v in row.values())
    for value in (*THE_FAMILY, *the_professionals(referrer)):
        assert value in before, value
    assert YEAR.search(before) and emailed
    assert "niet-vrijblijvend advies" in before  # read from inside the stored advies .docx
    leaks = []
    professionals = the_professionals(referrer)
    for table, row in stored:
        about_the_case = any(number in v for v in row.values())
        for column, value in row.items():
            leaks += [(table, column, v) for v in THE_FAMILY if v in value]
            leaks += [(table, column, BIRTH_YEAR)] if YEAR.search(value) else []
            if about_the_case and (table, column) != AUDIT:
                leaks += [(table, column, v) for v in professionals if v in value]
    assert not leaks, sorted(set(leaks))
    [facts] = [row for table, row in stored if table == CaseFactRow.__tablename__]
    assert (facts["leeftijdsgroep"], facts["afsluitreden"], facts["escalatie_stap"]) == (
        "13-16",
        "opgelost",
        "samenwerkingstafel",
    )
