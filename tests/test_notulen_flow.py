"""Notulen through the real app, on both databases: after a meeting day the
procesondersteuner gets the draft .docx (behind a signed link) with Goedkeuren and
Corrigeren; a Teams transcript and a corrected .docx sent in the chat (from a local server
playing Teams' file storage) become the next versions; malformed files change nothing; the
approved version goes to the RET members who attended, by email (a link) to those outside
Teams."""

import asyncio
import copy
import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import docx
import pytest
from babel.dates import format_date
from docx.oxml.ns import qn
from sqlalchemy import delete

from bot.activity_facts import FILE_DOWNLOAD_INFO
from bot.app import RETBOT
from dialogs.cards.notulen import APPROVE, CORRECT, NOTULEN_KEY
from documents.house_style import HouseStyle
from domain.advice import Advice, Afspraak, Mandate, MandateAnswer
from domain.booking import Booking, Slot
from domain.cases import CaseStatus, Referrer
from domain.documents import DOCX as DOCX_TYPE
from domain.meeting_prep import Answer
from domain.meeting_prep import Attendance as Answered
from domain.meetings import AMSTERDAM
from domain.ret import DocumentSettings
from domain.triage import CaseEvent
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository
from storage.database import create_session_factory
from storage.meeting_prep import SqlMeetingPrepRepository
from storage.models import AuditRow, BookingRow, DocumentVersionRow
from storage.notulen import SqlNotulenRepository
from tests.file_server import FileServer
from tests.smtp_server import body_of
from tests.support import RunningBot, assert_valid_card, emails_at_once, replaced_card
from tests.test_advice_flow import GGZ, LVB, THIJS_AAD, rows
from tests.test_advice_flow import ret as ret  # the example RET, kernteamleden with Teams ids
from tests.test_consult_flow import CHAIR_AAD, KERNTEAM_AAD, person

SANNE_AAD = KERNTEAM_AAD  # Sanne Oude Luttikhuis, procesondersteuner
MAILED_PATH = re.compile(r"http://\S+(/documents/\S+)")
TRANSCRIPT = Path(__file__).parent / "transcripts" / "ret-2026-03-03.vtt"
INITIALS = ("J.D.", "K.B.", "L.M.")
HULPVRAAG = "Een passende plek voor Julia de Vries na de breakdown."  # a name: never shown
BIRTH_YEAR = 2011
SAMENVATTING = "Meisje van 15 zonder passende plek na een breakdown in het pleeggezin."
ADVIES = "Tijdelijk gezinshuis met behandeling; school blijft betrokken."


@pytest.fixture
async def files():
    server = await FileServer().start()
    yield server
    await server.stop()


@pytest.fixture
async def mail_bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    yield running
    await running.stop()


def yesterday() -> date:
    return (datetime.now(AMSTERDAM) - timedelta(days=1)).date()


async def meeting_day(bot, day: date) -> list[str]:
    """Three cases booked into the meeting on `day` (13:30, 50 minutes each); the first has
    its advice with two afspraken, GGZ confirmed its part."""
    sessions = create_session_factory(bot.app[RETBOT].engine)
    advice, bookings = SqlAdviceRepository(sessions), SqlBookingRepository(sessions)
    at = datetime.now(UTC) - timedelta(days=3)
    referrer = Referrer("msteams", "referrer-1", "Inge Referent")
    numbers = []
    for slot, initials in enumerate(INITIALS):
        answers = {
            "initialen": initials,
            "geboortejaar": BIRTH_YEAR,
            "soort_vraag": "passende_plek",
            "hulpvraag": HULPVRAAG,
            "toestemming": "gegeven",
        }
        case = (await advice.submit(referrer, answers, at)).case
        event = CaseEvent(at, "Marieke Hofstede", "besluit", None)
        at_table = replace(case, status=CaseStatus.RET_TAFEL)
        assert await advice.move(at_table, CaseStatus.AANGEMELD, event, "msteams")
        start = datetime.combine(day, time(13, 30), AMSTERDAM) + slot * timedelta(minutes=50)
        where = bot.ret.meetings.location
        booking = Booking(
            case.number,
            Slot(day, slot, start, start + timedelta(minutes=50), where),
            f"uid-{case.number}",
            0,
            "Marieke Hofstede",
            at,
        )
        assert await bookings.add(booking, event, "msteams", [])
        numbers.append(case.number)
    afspraken = (
        Afspraak(GGZ, "Start traumabehandeling in het gezinshuis", day + timedelta(days=21)),
        Afspraak(LVB, "Levert een gedragsdeskundige", day + timedelta(days=28), "Fatima el Amrani"),
    )
    first = await advice.get(numbers[0])
    issued = datetime.combine(day, time(14, 15), AMSTERDAM)
    given = Advice(numbers[0], SAMENVATTING, ADVIES, afspraken, "Marieke Hofstede", issued)
    assert await advice.issue(
        given, first, CaseEvent(issued, "Marieke Hofstede", "advies", None), "msteams"
    )
    mandate = Mandate(GGZ, MandateAnswer.CONFIRMED, "Thijs Wennink", issued)
    confirmed = CaseEvent(issued, "Thijs Wennink", "mandaat", GGZ)
    assert await advice.record_mandate(numbers[0], mandate, confirmed, "msteams") is not None
    return numbers


def read_docx(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs, and each table's rows of cell texts."""
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


def section(paragraphs: list[str], heading: str, until: str) -> list[str]:
    start = paragraphs.index(heading)
    end = next(i for i in range(start + 1, len(paragraphs)) if paragraphs[i].startswith(until))
    return paragraphs[start + 1 : end]


def download_path(card: dict) -> str:
    [link] = [a for a in card["actions"] if a["type"] == "Action.OpenUrl"]
    return link["url"][link["url"].index("/documents/") :]


async def fetch(bot, http, path: str) -> tuple[int, str, bytes]:
    async with http.get(bot.url + path) as response:
        return response.status, response.headers.get("Content-Type", ""), await response.read()


def file_message(talk, name: str, url: str, kind: str) -> dict:
    """What Teams posts when someone sends the bot a file in the personal chat."""
    attachment = {
        "contentType": FILE_DOWNLOAD_INFO,
        "name": name,
        "contentUrl": "https://contoso.sharepoint.com/personal/sanne/" + name,
        "content": {"downloadUrl": url, "uniqueId": "1a2b3c", "fileType": kind},
    }
    return talk.activity("message", text="", attachments=[attachment])


def transcript(numbers: list[str]) -> bytes:
    """The realistic Teams transcript, about the first two cases (it was written with the
    numbers of 2026)."""
    year = numbers[0].split("-")[1]
    return TRANSCRIPT.read_text(encoding="utf-8").replace("RET-2026-", f"RET-{year}-").encode()


def cards_in(activities: list[dict]) -> list[dict]:
    return [a["content"] for act in activities for a in act.get("attachments") or []]


async def drafted(bot, connector, http, day: date):
    """Sanne (procesondersteuner) and Marieke (voorzitter) in their chats, the meeting, and
    the draft card the job sent Sanne."""
    sanne = person(bot, connector, http, "Sanne Oude Luttikhuis", SANNE_AAD)
    await sanne.join()
    seen = len(connector.received[sanne.id])
    numbers = await meeting_day(bot, day)
    assert await bot.app[RETBOT].jobs.notulen() == [day]
    async with asyncio.timeout(5):
        await connector.wait_for(sanne.id, seen + 1)
    [card] = cards_in(connector.received[sanne.id][seen:])
    assert_valid_card(card)
    return sanne, numbers, card


async def versions(bot) -> list[int]:
    found = await rows(bot, DocumentVersionRow)
    return sorted(r.version for r in found if r.kind == "notulen")


async def test_the_draft_reaches_the_procesondersteuner_once_and_reads_back(bot, connector, http):
    day = yesterday()
    _, numbers, card = await drafted(bot, connector, http, day)

    assert card["body"][0]["text"].startswith("Conceptnotulen RET-overleg ")
    assert "met 3 casussen: " in card["body"][1]["text"]
    assert all(
        f"{n} ({i})" in card["body"][1]["text"] for n, i in zip(numbers, INITIALS, strict=True)
    )
    assert [a["title"] for a in card["actions"]] == [
        "Notulen openen (.docx)",
        "Goedkeuren",
        "Corrigeren",
    ]
    status, kind, data = await fetch(bot, http, download_path(card))
    assert (status, kind) == (200, DOCX_TYPE)
    paragraphs, tables = read_docx(data)
    assert tables[0][0] == ["Datum", format_date(day, "EEEE d MMMM y", locale="nl")]
    assert tables[0][1] == ["Tijd", "13:30"]
    present = section(paragraphs, "Aanwezig", "Afwezig")
    assert "Sanne Oude Luttikhuis, RET Jeugd Twente (procesondersteuner)" in present
    assert f"Thijs Wennink, {GGZ} (kernteamlid)" in present
    assert not any("Ruud Kamphuis" in p for p in present)  # a stand-in is not invited
    headings = [p for p in paragraphs if p.startswith("Casus ")]
    assert headings == [
        f"Casus {numbers[0]} (J.D.), 13:30 uur",
        f"Casus {numbers[1]} (K.B.), 14:20 uur",
        f"Casus {numbers[2]} (L.M.), 15:10 uur",
    ]
    first = section(paragraphs, headings[0], "Casus ")
    age = "13-16" if day.year - BIRTH_YEAR <= 16 else "17+"
    assert first[first.index("Inbreng") + 1] == (
        f"Jeugdige J.D., leeftijdsgroep {age}. Soort vraag: Passende plek / doorstroom verblijf."
    )
    assert first[first.index("Bespreking") + 1] == SAMENVATTING
    assert first[first.index("Advies") + 1] == ADVIES
    follow_up = day + timedelta(days=bot.ret.follow_up.first_after_days)
    assert first[first.index("Follow-up") + 1] == (
        f"Eerste follow-up op {format_date(follow_up, 'EEEE d MMMM y', locale='nl')}."
    )
    afspraken = tables[1]
    assert afspraken[0] == ["Organisatie", "Wie", "Wat", "Uiterlijk", "Mandaat"]
    assert len(afspraken) == 3  # one row per afspraak
    assert afspraken[1][0] == GGZ and afspraken[1][4] == "bevestigd door Thijs Wennink"
    assert afspraken[2][1] == "Fatima el Amrani" and afspraken[2][4] == "nog niet bevestigd"
    second = section(paragraphs, headings[1], "Casus ")
    assert second[second.index("Advies") + 1] == "(in te vullen)"
    everything = "\n".join(paragraphs) + str(tables)
    for private in ("Julia", "de Vries", str(BIRTH_YEAR), "Inge Referent", HULPVRAAG):
        assert private not in everything, private

    # The next run finds the notulen drafted: nothing is sent twice.
    assert await bot.app[RETBOT].jobs.notulen() == []
    assert await versions(bot) == [1]
    reads = [r for r in await rows(bot, AuditRow) if r.action == "notulen v1 gemaakt"]
    assert sorted(r.case_number for r in reads) == numbers


async def test_a_transcript_redrafts_and_a_correction_becomes_the_next_version(
    bot, connector, http, files
):
    day = yesterday()
    sanne, numbers, card = await drafted(bot, connector, http, day)

    used = await sanne.send(
        file_message(sanne, "transcript.vtt", files.serve(transcript(numbers)), "vtt")
    )

    assert used.texts()[0] == (
        "Transcript verwerkt: 4 RET-leden herkend als aanwezig en 4 afspraken, acties, "
        "besluiten of adviezen geplaatst (0 onder 'Overig'). Dit is versie 2; eerdere "
        "versies blijven bewaard."
    )
    [second_card] = used.cards()
    paragraphs, _ = read_docx((await fetch(bot, http, download_path(second_card)))[2])
    present = section(paragraphs, "Aanwezig", "Afwezig")
    assert present[0] == "Marieke Hofstede, RET Jeugd Twente (voorzitter)"
    assert any(p.startswith("Daarnaast 2 deelnemers buiten het RET") for p in present)
    # Sanne did not speak, but takes the notulen: the transcript adds, never removes.
    assert "Sanne Oude Luttikhuis, RET Jeugd Twente (procesondersteuner)" in present
    absent = section(paragraphs, "Afwezig", "Casus ")
    assert f"Fatima el Amrani, {LVB} (kernteamlid)" in absent
    first = section(paragraphs, f"Casus {numbers[0]} (J.D.), 13:30 uur", "Casus ")
    # Who said it, from the roster; the words as a sentence.
    assert (
        f"Thijs Wennink ({GGZ}): De Bron plant binnen twee weken een intake voor "
        "traumabehandeling." in first
    )
    assert (
        "Joost Bruggink (Jeugd & Opvoeding Oost): Jeugd & Opvoeding Oost zoekt met de "
        "gemeente een gezinshuisplek." in first
    )
    besluiten = first[first.index("Besluiten") + 1 :]
    assert besluiten[0] == (
        "Marieke Hofstede (RET Jeugd Twente): De voorzitter houdt de procesregie tot de "
        "plaatsing rond is."
    )
    second = section(paragraphs, f"Casus {numbers[1]} (K.B.), 14:20 uur", "Casus ")
    advies = second[second.index("Advies") + 1]
    assert advies == (
        "Linda Nijhuis (Samenwerkingsverband Onderwijs Twente): Start met een maatwerktraject "
        "op school, twee ochtenden per week."
    )
    assert "moeder" not in "\n".join(paragraphs)  # other speakers are counted, not named

    # A malformed transcript changes nothing and says where it goes wrong.
    broken = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Marieke Hofstede>Hallo\n\n00:00:03 -> x\n"
    )
    refused = await sanne.send(file_message(sanne, "kapot.vtt", files.serve(broken), "vtt"))
    assert refused.texts() == [
        "Het transcript heeft een onleesbaar blok op regel 6: de tijdregel klopt niet. Ik heb "
        "het transcript niet gebruikt; de notulen zijn niet veranderd."
    ]

    # Corrigeren: how; then the corrected .docx comes back as version 3.
    how = await sanne.submit({NOTULEN_KEY: CORRECT, "meeting": day.isoformat(), "version": 2})
    assert "stuur het bestand (.docx) hier in deze chat als bijlage" in how.texts()[0]
    corrected = docx.Document(io.BytesIO((await fetch(bot, http, download_path(second_card)))[2]))
    corrected.add_paragraph("Aangevuld door de procesondersteuner: de school was aanwezig.")
    out = io.BytesIO()
    corrected.save(out)
    stored = await sanne.send(
        file_message(sanne, "notulen.docx", files.serve(out.getvalue()), "docx")
    )
    assert stored.texts()[0] == (
        f"Dank je. Ik heb je bestand bewaard als versie 3 van de notulen van "
        f"{format_date(day, 'EEEE d MMMM y', locale='nl')}."
    )
    [third_card] = stored.cards()
    paragraphs, _ = read_docx((await fetch(bot, http, download_path(third_card)))[2])
    assert paragraphs[-1] == "Aangevuld door de procesondersteuner: de school was aanwezig."

    # Not a .docx, a file Teams no longer serves, another kind: nothing changes.
    not_docx = await sanne.send(
        file_message(sanne, "notulen.docx", files.serve(b"%PDF-1.7 ..."), "docx")
    )
    assert not_docx.texts()[0].startswith("Dit bestand kan ik niet openen als Word-document")
    gone = await sanne.send(file_message(sanne, "notulen.docx", files.gone(), "docx"))
    assert gone.texts()[0].startswith("Het bestand kon ik niet ophalen uit Teams.")
    other = await sanne.send(file_message(sanne, "foto.png", files.serve(b"\x89PNG"), "png"))
    assert other.texts()[0].startswith("Ik kan hier alleen notulen (.docx) en een Teams-transcript")
    assert await versions(bot) == [1, 2, 3]
    # The link gives the newest version; the old ones stay, unchanged.
    links, at = bot.app[RETBOT].document_page.links, datetime.now(UTC)
    first_link, third_link = (download_path(c).rpartition("/")[2] for c in (card, third_card))
    assert links.document_of(first_link, at) == links.document_of(third_link, at)
    sessions = create_session_factory(bot.app[RETBOT].engine)
    paragraphs, _ = read_docx((await SqlNotulenRepository(sessions).version(day, 1)).content)
    assert paragraphs[-1] != "Aangevuld door de procesondersteuner: de school was aanwezig."
    assert "Volgens de uitnodiging; graag aanvullen of corrigeren." in paragraphs


async def test_only_a_reviewer_sends_files_or_approves(bot, connector, http, files):
    day = yesterday()
    await drafted(bot, connector, http, day)
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    await thijs.join()

    upload = await thijs.send(
        file_message(thijs, "transcript.vtt", files.serve(b"WEBVTT\n"), "vtt")
    )
    approve = await thijs.submit({NOTULEN_KEY: APPROVE, "meeting": day.isoformat(), "version": 1})

    refusal = "Alleen de procesondersteuner (of de voorzitter) kan notulen aanpassen of goedkeuren."
    assert upload.texts() == [refusal] and approve.texts() == [refusal]
    assert files.downloads == []  # not even fetched
    assert await versions(bot) == [1]


async def test_approval_sends_the_version_to_the_attendees_in_teams_and_by_email(
    mail_bot, connector, http, files, smtp_server
):
    bot, day = mail_bot, yesterday()
    sanne, numbers, _ = await drafted(bot, connector, http, day)
    marieke = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    for who in (marieke, thijs):
        await who.join()
    used = await sanne.send(
        file_message(sanne, "transcript.vtt", files.serve(transcript(numbers)), "vtt")
    )
    assert "versie 2" in used.texts()[0]
    seen = {who.id: len(connector.received[who.id]) for who in (marieke, thijs)}

    stale = await sanne.submit({NOTULEN_KEY: APPROVE, "meeting": day.isoformat(), "version": 1})
    card_message = connector.received[sanne.id][-1]["id"]  # the newest card, version 2
    approved = await sanne.submit(
        {NOTULEN_KEY: APPROVE, "meeting": day.isoformat(), "version": 2}, reply_to=card_message
    )
    again = await sanne.submit({NOTULEN_KEY: APPROVE, "meeting": day.isoformat(), "version": 2})

    assert stale.texts()[0].startswith("Er is inmiddels een nieuwere versie (2) van de notulen")
    assert len(stale.cards()) == 1  # the newest card, to approve that one
    assert approved.texts()[-1].endswith(
        "(versie 2) zijn goedgekeurd. Ik stuur ze naar de aanwezigen: 3 via Teams, 2 per e-mail."
    )
    assert again.texts()[0].startswith("De notulen van ")
    assert re.search(
        r"zijn al goedgekeurd \(versie 2\), op \d+ \w+ \d{4} om \d\d:\d\d door Sanne Oude "
        r"Luttikhuis\. Er is niets veranderd\.$",
        again.texts()[0],
    ), again.texts()
    # In Teams the approved card gives way to what was approved: nothing left to send.
    read_only = replaced_card(connector, sanne, card_message)
    assert read_only["body"][0]["text"].startswith("Notulen RET-overleg ")
    assert read_only["body"][0]["text"].endswith(" goedgekeurd")
    assert read_only["body"][1]["facts"] == [{"title": "Goedgekeurde versie", "value": "2"}]
    assert read_only["body"][2]["text"].startswith("Vastgelegd door Sanne Oude Luttikhuis op ")
    # The transcript's RET speakers: Marieke and Thijs in Teams, Joost and Linda by email;
    # and Sanne, who took the notulen, in Teams.
    for who in (marieke, thijs):
        async with asyncio.timeout(5):
            await connector.wait_for(who.id, seen[who.id] + 1)
        [sent] = cards_in(connector.received[who.id][seen[who.id] :])
        assert sent["body"][0]["text"].endswith("zijn vastgesteld (versie 2).")
        assert (await fetch(bot, http, download_path(sent)))[0] == 200
    approvals = [r for r in await rows(bot, AuditRow) if r.action == "notulen goedgekeurd"]
    assert sorted(r.case_number for r in approvals) == numbers
    assert {r.actor for r in approvals} == {"Sanne Oude Luttikhuis"}
    for email in ("j.bruggink@opvoedpunt.example.org", "l.nijhuis@swv-twente.example.org"):
        [mail] = smtp_server.to(email)
        assert mail["Subject"].startswith("Notulen RET-overleg ")
        assert list(mail.iter_attachments()) == []  # a link: the RET file allows no attachments
        body = body_of(mail)
        assert "zijn vastgesteld (versie 2)" in body and "Elke download wordt vastgelegd." in body
        status, kind, data = await fetch(bot, http, MAILED_PATH.search(body).group(1))
        assert (status, kind) == (200, DOCX_TYPE)
        paragraphs, _ = read_docx(data)
        assert f"Casus {numbers[0]} (J.D.), 13:30 uur" in paragraphs
        assert HULPVRAAG not in body and numbers[0] not in body
    assert len(smtp_server.received) == 2  # nobody in Teams got an email
    downloads = [r for r in await rows(bot, AuditRow) if r.action == "notulen v2 opgehaald"]
    # Marieke and Thijs (Teams) and Joost and Linda (e-mail) each downloaded them once.
    assert sorted(r.case_number for r in downloads if r.case_number) == sorted(numbers * 4)


async def test_the_ret_file_can_allow_the_approved_notulen_as_an_attachment(
    database_url, ret, connector, http, files, smtp_server
):
    attaching = ret.model_copy(update={"documents": DocumentSettings(attach_to_email=True)})
    bot = await RunningBot(smtp_server.settings(database_url), emails_at_once(attaching)).start()
    try:
        day = yesterday()
        sanne, numbers, _ = await drafted(bot, connector, http, day)
        await sanne.submit({NOTULEN_KEY: APPROVE, "meeting": day.isoformat(), "version": 1})
    finally:
        await bot.stop()

    mails = smtp_server.to("j.bruggink@opvoedpunt.example.org")  # invited, not in Teams
    [attachment] = [a for m in mails for a in m.iter_attachments()]
    assert attachment.get_filename() == f"Notulen-RET-overleg-{day.isoformat()}.docx"
    paragraphs, _ = read_docx(attachment.get_content())
    assert f"Casus {numbers[0]} (J.D.), 13:30 uur" in paragraphs
    assert "/documents/" not in body_of(mails[0])


async def test_a_download_is_audited_under_each_case_and_other_days_have_none(bot, connector, http):
    day = yesterday()
    _, numbers, card = await drafted(bot, connector, http, day)
    links = bot.app[RETBOT].document_page.links
    no_meeting = links.url("notulen", (day - timedelta(days=1)).isoformat(), datetime.now(UTC))

    status, _, _ = await fetch(bot, http, download_path(card))
    missing, _, _ = await fetch(bot, http, no_meeting[no_meeting.index("/documents/") :])

    assert (status, missing) == (200, 404)
    read = [r for r in await rows(bot, AuditRow) if r.action == "notulen v1 opgehaald"]
    assert sorted(r.case_number for r in read if r.case_number) == numbers
    assert {r.actor for r in read} == {"downloadlink"}


async def test_a_draft_that_fails_is_tried_again_at_the_next_run(bot, connector, http):
    day = yesterday()
    await meeting_day(bot, day)
    notulen = bot.app[RETBOT].notulen
    broken = copy.copy(notulen)
    broken._style = HouseStyle(b"geen docx")  # the draft cannot be written

    assert await broken.draft_due() == []
    assert await versions(bot) == []
    assert await notulen.draft_due() == [day]
    assert await versions(bot) == [1]


async def test_odd_file_messages_get_an_answer_never_a_500(bot, connector, http, files):
    day = yesterday()
    sanne, _, _ = await drafted(bot, connector, http, day)
    local = await sanne.send(file_message(sanne, "notulen.docx", "file:///etc/passwd", "docx"))
    shapeless = sanne.activity(
        "message",
        text="",
        attachments=[{"contentType": FILE_DOWNLOAD_INFO, "name": "x.docx", "content": "kapot"}],
    )
    odd = await sanne.send(shapeless)

    assert local.status == odd.status == 201
    assert local.texts()[0].startswith("Het bestand kon ik niet ophalen uit Teams.")
    assert odd.texts() and odd.texts()[0]  # the usual fallback, not silence
    assert await versions(bot) == [1]


async def test_attendance_joins_answers_and_the_schil_and_the_transcript_only_adds(
    bot, connector, http, files
):
    day = yesterday()
    sanne = person(bot, connector, http, "Sanne Oude Luttikhuis", SANNE_AAD)
    await sanne.join()
    seen = len(connector.received[sanne.id])
    numbers = await meeting_day(bot, day)
    prep = SqlMeetingPrepRepository(create_session_factory(bot.app[RETBOT].engine))
    email = {m.name: m.email for m in bot.ret.members}
    at = datetime.now(UTC) - timedelta(days=2)
    anouk, fatima = "Anouk Haverkamp", "Fatima el Amrani"
    await prep.invite_schil(numbers[0], [(email[anouk], "forensisch")], "Marieke", "msteams", at)
    for name, given, stand_in in ((anouk, Answer.KOMT, None), (fatima, Answer.KAN_NIET, "Eva")):
        answered = Answered(numbers[0], email[name], name, given, stand_in, at)
        await prep.answer_attendance(answered, "msteams")
    assert await bot.app[RETBOT].jobs.notulen() == [day]
    async with asyncio.timeout(5):
        await connector.wait_for(sanne.id, seen + 1)
    [card] = cards_in(connector.received[sanne.id][seen:])
    first, _ = read_docx((await fetch(bot, http, download_path(card)))[2])

    used = await sanne.send(
        file_message(sanne, "transcript.vtt", files.serve(transcript(numbers)), "vtt")
    )
    [second_card] = used.cards()
    second, _ = read_docx((await fetch(bot, http, download_path(second_card)))[2])

    schil = f"{anouk}, Forensische Jeugdzorg Oost (flexibele schil)"
    declined = f"{fatima}, {LVB} (kernteamlid): afgemeld, vervangen door Eva"
    notulist = "Sanne Oude Luttikhuis, RET Jeugd Twente (procesondersteuner)"
    for version in (first, second):
        present = section(version, "Aanwezig", "Afwezig")
        assert schil in present and notulist in present
        assert declined in section(version, "Afwezig", "Casus ")
    before, after = (section(v, "Aanwezig", "Afwezig") for v in (first, second))
    assert f"Thijs Wennink, {GGZ} (kernteamlid)" not in before  # nothing known of him yet
    assert set(before) - {p for p in before if p.startswith("Daarnaast")} <= set(after)
    assert f"Thijs Wennink, {GGZ} (kernteamlid)" in after  # he spoke


async def test_the_notulen_give_the_meetings_time_and_number_their_pages(bot, connector, http):
    day = yesterday()
    sanne = person(bot, connector, http, "Sanne Oude Luttikhuis", SANNE_AAD)
    await sanne.join()
    seen = len(connector.received[sanne.id])
    numbers = await meeting_day(bot, day)
    async with bot.app[RETBOT].engine.begin() as connection:  # 13:30 was moved elsewhere
        await connection.execute(delete(BookingRow).where(BookingRow.case_number == numbers[0]))
    assert await bot.app[RETBOT].jobs.notulen() == [day]
    async with asyncio.timeout(5):
        await connector.wait_for(sanne.id, seen + 1)
    [card] = cards_in(connector.received[sanne.id][seen:])

    data = (await fetch(bot, http, download_path(card)))[2]
    paragraphs, tables = read_docx(data)
    footer = docx.Document(io.BytesIO(data)).sections[0].footer

    assert tables[0][1] == ["Tijd", "13:30"]
    assert footer.paragraphs[-1].text.startswith("Pagina ")
    assert [i.text.strip() for i in footer._element.iter(qn("w:instrText"))] == [
        "PAGE",
        "NUMPAGES",
    ]
    assert next(p for p in paragraphs if p.startswith("Casus ")) == (
        f"Casus {numbers[1]} (K.B.), 14:20 uur"
    )
