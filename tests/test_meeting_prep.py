"""Around the RET meeting, through the real app over HTTP: the flexibele schil suggested
from the problematiek, the task to contact the family (with its outcome and reminder),
'Ik kom' / 'Ik kan niet', the voorzitter's readiness card, and the agenda for the kernteam."""

import asyncio
import re
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import text as sql
from sqlalchemy import update

from bot.app import RETBOT
from bot.settings import Settings
from dialogs.cards.meeting import ATTEND_KEY, FAMILY_KEY, PREP_KEY, stand_in_input
from dialogs.cards.menu import MENU_KEY, MenuChoice
from domain.cases import Referrer
from domain.meetings import AMSTERDAM
from domain.ret import Member, RetConfig
from domain.roles import Role
from storage.case_archive import CaseArchive
from storage.cases import SqlCaseRepository
from storage.database import create_session_factory
from storage.encryption import PREFIX
from storage.models import AttendanceRow, AuditRow, CaseRow, FamilyContactRow, SchilInvitationRow
from storage.retention import ANONYMOUS
from tests.smtp_server import readable
from tests.support import RunningBot, assert_valid_card, emails_at_once, replaced_card
from tests.test_advice_flow import FATIMA_AAD, THIJS_AAD, rows
from tests.test_booking_flow import Table, bookings, meetings
from tests.test_consult_flow import KERNTEAM_AAD, person
from tests.test_minimal_data import PERSONAL
from tests.test_triage_flow import facts_of

NOOR_AAD = "0b7e1d52-4c1a-4e0f-a1d2-00000000a004"  # Noor Veldhuis, schil, eetstoornissen
ANOUK_AAD = "0b7e1d52-4c1a-4e0f-a1d2-00000000a005"  # Anouk Haverkamp, schil, justitie
SANNE = "s.oudeluttikhuis@ret-twente.example.org"
THIJS = "t.wennink@jggz-debron.example.org"
NOOR = "n.veldhuis@eetexpert.example.org"
HULPVRAAG = "Een passende plek na de opname in de kliniek."
WISHES = "Moeder wil graag naast haar dochter zitten; vader belt in via Teams."
# The due date is two working days before the meeting (a Tuesday): the Friday before.
DUE_WEEKDAY = 4


@pytest.fixture
def ret(ret: RetConfig) -> RetConfig:
    """The example RET with Teams ids for two kernteamleden, an eating-disorder expert in
    the flexibele schil (written 'eetstoornissen': a near match) and Anouk in Teams."""
    ids = {"Thijs Wennink": THIJS_AAD, "Fatima el Amrani": FATIMA_AAD, "Anouk Haverkamp": ANOUK_AAD}
    members = tuple(
        m.model_copy(update={"aad_object_id": ids[m.name]}) if m.name in ids else m
        for m in ret.members
    )
    noor = Member(
        name="Noor Veldhuis",
        email=NOOR,
        aad_object_id=NOOR_AAD,
        organisation="Centrum Eetstoornissen Oost",
        role=Role.FLEXIBELE_SCHIL,
        expertise=("eetstoornissen",),
    )
    return ret.model_copy(update={"members": (*members, noor)})


class Meeting(Table):
    """The Table of the booking tests, with the procesondersteuner and two schil members."""

    def __init__(self, bot, connector, http) -> None:
        super().__init__(bot, connector, http)
        self.sanne = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
        self.noor = person(bot, connector, http, "Noor Veldhuis", NOOR_AAD)
        self.anouk = person(bot, connector, http, "Anouk Haverkamp", ANOUK_AAD)

    async def open(self) -> "Meeting":
        await super().open()
        for who in (self.sanne, self.noor, self.anouk):
            await who.join()
        return self

    async def case(self, initials: str = "J.D.", **answers) -> str:
        sessions = create_session_factory(self.bot.app[RETBOT].engine)
        referrer = Referrer("msteams", self.referrer.user["id"], "Inge Referent")
        answers = {
            "initialen": initials,
            "toestemming": "gegeven",
            "gemeente": "Hengelo",
            "geboortejaar": datetime.now(UTC).year - 14,
            "problematiek_jeugdige": ["eetstoornis", "trauma"],
            "soort_vraag": "passende_plek",
            "school_betrokken": "ja",
            "hulpvraag": HULPVRAAG,
            "contact_gezin": "Via de voogd",
            **answers,
        }
        submitted = await SqlCaseRepository(sessions).submit(referrer, answers, datetime.now(UTC))
        case = submitted.case
        return case.number

    async def cards_for(self, who, seen: dict[str, int], count: int = 1) -> list[dict]:
        async with asyncio.timeout(5):
            await self.connector.wait_for(who.id, seen.get(who.id, 0) + count)
        return [
            a["content"] for act in self.new_since(seen, who) for a in act.get("attachments") or []
        ]

    def texts_for(self, who, seen: dict[str, int]) -> list[str]:
        return [a.get("text") or "" for a in self.new_since(seen, who)]


def due_date_of(meeting: datetime):
    day = meeting.date() - timedelta(days=1)
    while day.weekday() != DUE_WEEKDAY:
        day -= timedelta(days=1)
    return day


def at(day, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMSTERDAM)


def body_text(card: dict) -> str:
    return str(card)


async def test_the_schil_is_suggested_privately_and_the_ticked_member_is_invited(
    bot, connector, http, ret
):
    table = await Meeting(bot, connector, http).open()
    number = await table.case()
    seen = table.seen()

    await table.to_the_table(number)

    [prep] = await table.cards_for(table.chair, seen)
    assert_valid_card(prep)
    assert prep["body"][0]["text"] == f"Voorbereiding RET-overleg {number} (J.D.)"
    [contact, schil] = [b for b in prep["body"] if b["type"] == "Input.ChoiceSet"]
    assert contact["value"] == SANNE  # the procesondersteuner by default
    assert [c["value"] for c in schil["choices"]] == [NOOR]  # not Anouk: no justice here
    assert schil["choices"][0]["title"] == (
        "Noor Veldhuis (Centrum Eetstoornissen Oost), vanwege: eetstoornis"
    )
    assert table.new_since(seen, table.noor) == [] and table.new_since(seen, table.anouk) == []

    seen = table.seen()
    saved = await table.chair.submit({PREP_KEY: number, "contact_member": SANNE, "schil": NOOR})

    assert saved.texts() == [
        f"Vastgelegd voor casus {number}: Sanne Oude Luttikhuis neemt contact op met het "
        "gezin. Uitgenodigd uit de flexibele schil: Noor Veldhuis."
    ]
    [invitation] = await table.cards_for(table.noor, seen)
    assert invitation["body"][0]["text"] == f"Uitnodiging RET-overleg {number} (J.D.)"
    assert "de casus vraagt om jouw expertise" in invitation["body"][1]["text"]
    assert "eetstoornis" not in str(invitation).lower()  # the reason is for the voorzitter
    assert [a["title"] for a in invitation["actions"]] == [
        "In mijn agenda",
        "Ik kom",
        "Ik kan niet",
    ]
    assert table.new_since(seen, table.anouk) == []
    [row] = await rows(bot, SchilInvitationRow)
    assert (row.member_email, row.reasons, row.invited_by) == (
        NOOR,
        "eetstoornis",
        "Marieke Hofstede",
    )
    again = await table.chair.submit({PREP_KEY: number, "contact_member": SANNE, "schil": NOOR})
    assert "Uitgenodigd" in again.texts()[0] and len(await rows(bot, SchilInvitationRow)) == 1
    assert len(table.new_since(seen, table.noor)) == 1  # not invited twice

    seen = table.seen()
    await table.chair.execute("booking.move", {"case": number})

    [update] = await table.cards_for(table.noor, seen)
    assert update["body"][0]["text"] == f"Gewijzigd: RET-overleg {number} (J.D.)"
    actions = [a.action for a in await rows(bot, AuditRow) if a.case_number == number]
    assert "flexibele schil uitgenodigd" in actions


async def test_only_the_voorzitter_prepares_and_only_roster_members_contact_the_family(
    bot, connector, http
):
    table = await Meeting(bot, connector, http).open()
    number = await table.case()
    await table.to_the_table(number)

    refused = await table.thijs.submit({PREP_KEY: number, "contact_member": THIJS, "schil": NOOR})
    stranger = await table.chair.submit({PREP_KEY: number, "contact_member": "x@example.org"})
    unbooked = await table.chair.submit({PREP_KEY: "RET-1999-0001"})

    assert refused.texts() == [
        "Alleen de voorzitter van het RET regelt de voorbereiding van het overleg."
    ]
    assert stranger.texts()[0].startswith("Die persoon staat niet (meer) in de ledenlijst")
    assert unbooked.texts()[0].startswith("Casus RET-1999-0001 heeft geen ingepland")
    assert await rows(bot, SchilInvitationRow) == []
    [task] = await rows(bot, FamilyContactRow)
    assert task.assignee_email == SANNE


async def test_the_family_contact_task_its_outcome_and_its_reminder(
    database_url, ret, connector, http
):
    bot = await RunningBot(Settings(database_url=database_url, data_key=_key()), ret).start()
    try:
        table = await Meeting(bot, connector, http).open()
        number = await table.case()
        [first] = meetings(ret, 1)
        seen = table.seen()

        await table.to_the_table(number)

        [task_card] = await table.cards_for(table.sanne, seen)
        assert_valid_card(task_card)
        assert task_card["body"][0]["text"] == (
            f"Contact met ouders/jeugdige vóór het overleg: {number} (J.D.)"
        )
        assert "hoe zij ondersteund willen worden" in task_card["body"][1]["text"]
        for detail in (*PERSONAL, HULPVRAAG, "Eetstoornis"):
            assert detail not in str(task_card), detail
        [task] = await rows(bot, FamilyContactRow)
        assert task.due_date == due_date_of(first) and task.assignee_email == SANNE

        # The voorzitter gives the task to Thijs instead: he gets it, Sanne can no longer.
        seen = table.seen()
        await table.chair.submit({PREP_KEY: number, "contact_member": THIJS})
        [for_thijs] = await table.cards_for(table.thijs, seen)
        task_message = table.new_since(seen, table.thijs)[-1]["id"]  # Teams says which card
        assert for_thijs["body"][0]["text"] == task_card["body"][0]["text"]
        # Sanne opens the full request; Thijs cannot, so his card says how to reach them.
        assert "Zo bereik je het gezin (uit de aanmelding): Via de voogd" in str(for_thijs)
        assert "Via de voogd" not in str(task_card)
        overview = await table.chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
        assert "Contact met het gezin: nog open, bij Thijs Wennink, uiterlijk" in str(
            overview.cards()
        )

        # Overdue: one reminder to Thijs and a line for the voorzitter, once.
        seen = table.seen()
        jobs, late = bot.app[RETBOT].jobs, task.due_date + timedelta(days=1)
        night, run, again = [await jobs.meeting_prep(at(late, hour)) for hour in (6, 9, 10)]
        assert (night.reminded, run.reminded, again.reminded) == (0, 1, 0)
        await table.cards_for(table.thijs, seen, 0)
        [reminder] = table.texts_for(table.thijs, seen)
        assert reminder.startswith(
            f"Herinnering: het contact met ouders/jeugdige van casus {number}"
        )
        assert any("nog niet vastgelegd" in t for t in table.texts_for(table.chair, seen))

        sanne = await table.sanne.submit(
            {FAMILY_KEY: number, "participation": "aanwezig", "wishes": "x"}
        )
        empty = await table.thijs.submit(
            {FAMILY_KEY: number, "participation": "aanwezig", "wishes": " "}
        )
        recorded = await table.thijs.submit(
            {FAMILY_KEY: number, "participation": "aanwezig", "wishes": WISHES},
            reply_to=task_message,
        )
        twice = await table.thijs.submit(
            {FAMILY_KEY: number, "participation": "niet", "wishes": "y"}
        )

        assert sanne.texts() == [
            "Deze taak staat niet (meer) op jouw naam; er is niets vastgelegd."
        ]
        assert empty.texts() == ["Vul in hoe het gezin wil deelnemen en wat zij zelf zeggen."]
        assert recorded.texts()[0].startswith("Dank je. De uitkomst van het contact")
        assert re.fullmatch(
            f"De uitkomst voor casus {number} is al vastgelegd op \\d+ \\w+ \\d{{4}} om "
            "\\d\\d:\\d\\d door Thijs Wennink\\. Er is niets veranderd\\.",
            twice.texts()[0],
        ), twice.texts()
        # In Teams the sent task card gives way to its outcome, read-only: not the words.
        read_only = replaced_card(connector, table.thijs, task_message)
        assert read_only["body"][0]["text"] == for_thijs["body"][0]["text"]
        participation = {"title": "Hoe willen zij deelnemen?", "value": "Ze komen naar het overleg"}
        assert read_only["body"][1]["facts"] == [participation]
        assert read_only["body"][2]["text"].startswith("Vastgelegd door Thijs Wennink op ")
        assert WISHES not in str(read_only)
        async with bot.app[RETBOT].engine.connect() as connection:
            [stored] = (await connection.execute(sql("SELECT wishes FROM family_contact"))).all()
        assert stored[0].startswith(PREFIX) and "Moeder" not in stored[0]
        overview = await table.chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
        assert "Contact met het gezin" not in str(overview.cards())
        archive = CaseArchive(
            create_session_factory(bot.app[RETBOT].engine), bot.app[RETBOT].dispatcher.outbox.cipher
        )
        exported = await archive.export(number, "beheerder")
        assert exported["rond_het_overleg"]["contact_gezin"]["wensen"] == WISHES
        assert exported["rond_het_overleg"]["contact_gezin"]["deelname"] == "aanwezig"
        assert await archive.purge(number, "beheerder")
        assert await rows(bot, FamilyContactRow) == []
    finally:
        await bot.stop()


def _key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


async def test_invitees_answer_and_the_voorzitter_gets_a_readiness_card(bot, connector, http, ret):
    table = await Meeting(bot, connector, http).open()
    waiting, ready = await table.case("A.B."), await table.case("C.D.")
    await table.to_the_table(waiting)
    await table.to_the_table(ready)
    await table.chair.submit({PREP_KEY: waiting, "contact_member": SANNE, "schil": NOOR})
    [first] = meetings(ret, 1)

    referrer = await table.referrer.submit({ATTEND_KEY: ready, "answer": "komt"})
    thijs = await table.thijs.submit(
        {ATTEND_KEY: waiting, "answer": "kan_niet", stand_in_input(waiting): "Karin de Vries"}
    )
    fatima = await table.fatima.submit({ATTEND_KEY: waiting, "answer": "kan_niet"})
    noor = await table.noor.submit({ATTEND_KEY: waiting, "answer": "komt"})
    anouk = await table.anouk.submit({ATTEND_KEY: waiting, "answer": "komt"})  # not invited
    await table.sanne.submit({FAMILY_KEY: ready, "participation": "online", "wishes": WISHES})

    assert referrer.texts() == [
        f"Dank je, genoteerd: je komt naar het RET-overleg over casus {ready}."
    ]
    assert thijs.texts()[0].startswith("Dank je, genoteerd: Karin de Vries komt in je plaats")
    assert "je kunt niet bij het RET-overleg" in fatima.texts()[0]
    assert noor.texts()[0].startswith("Dank je, genoteerd: je komt")
    assert anouk.texts() == [
        "Je staat niet op de uitnodigingslijst van dit overleg; er is niets vastgelegd."
    ]

    seen = table.seen()
    early = await bot.app[RETBOT].jobs.meeting_prep(at(due_date_of(first) - timedelta(days=1)))
    run = await bot.app[RETBOT].jobs.meeting_prep(at(due_date_of(first), 9))
    again = await bot.app[RETBOT].jobs.meeting_prep(at(due_date_of(first), 10))

    assert (early.readiness, run.readiness, again.readiness) == (0, 2, 0)
    cards = {c["body"][0]["text"]: c for c in await table.cards_for(table.chair, seen, 2)}
    flagged = cards[f"Klaar voor het overleg? {waiting} (A.B.)"]
    fine = cards[f"Klaar voor het overleg? {ready} (C.D.)"]
    assert facts_of(flagged)["Verwijzer"] == "nog geen antwoord"
    assert facts_of(flagged)["Gezin"] == "nog geen contact vastgelegd (Sanne Oude Luttikhuis)"
    assert facts_of(flagged)["Onderwijs"].startswith(
        "school betrokken: Ja; Linda Nijhuis: nog geen antwoord"
    )
    assert facts_of(flagged)["Jeugd-GGZ De Bron (Thijs Wennink)"] == (
        "kan niet, Karin de Vries komt in de plaats"
    )
    assert facts_of(flagged)["LVB-zorg Het Anker (Fatima el Amrani)"] == "kan niet"
    assert facts_of(flagged)["Noor Veldhuis (Centrum Eetstoornissen Oost)"] == "komt"
    assert "De verwijzer en het gezin hebben nog niet bevestigd" in str(flagged)
    [move] = flagged["actions"]
    assert (move["type"], move["verb"], move["title"]) == (
        "Action.Execute",
        "booking.move",
        "Volgend vrij moment",
    )
    assert facts_of(fine)["Verwijzer"] == "komt"
    assert facts_of(fine)["Gezin"] == "Ze doen mee via Teams of telefoon"
    assert "Verwijzer en gezin hebben bevestigd." in str(fine) and "actions" not in fine
    assert WISHES not in str(cards)

    before = (await bookings(bot))[waiting]
    moved = await table.chair.execute(move["verb"], move["data"])
    assert moved.status == 200
    after = (await bookings(bot))[waiting]
    assert (after.meeting_date, after.slot) > (before.meeting_date, before.slot)  # next free


async def test_an_answered_invitation_gives_way_to_the_answer_and_the_same_again_changes_nothing(
    bot, connector, http
):
    table = await Meeting(bot, connector, http).open()
    number = await table.case()
    seen = table.seen()
    await table.to_the_table(number)
    [invitation] = await table.cards_for(table.thijs, seen)
    invitation_message = table.new_since(seen, table.thijs)[-1]["id"]  # Teams says which card
    cannot = {ATTEND_KEY: number, "answer": "kan_niet", stand_in_input(number): "Karin de Vries"}

    first = await table.thijs.submit(cannot, reply_to=invitation_message)
    again = await table.thijs.submit(cannot)
    changed = await table.thijs.submit({ATTEND_KEY: number, "answer": "komt"})

    assert first.texts()[0].startswith("Dank je, genoteerd: Karin de Vries komt in je plaats")
    assert re.fullmatch(
        f"Je antwoord voor het RET-overleg over casus {number} \\(kan niet, Karin de Vries komt "
        "in de plaats\\) is al vastgelegd op \\d+ \\w+ \\d{4} om \\d\\d:\\d\\d door Thijs "
        "Wennink\\. Er is niets veranderd\\.",
        again.texts()[0],
    ), again.texts()
    # Another answer from the old card is a change of mind, not the same form twice.
    assert changed.texts()[0].startswith("Dank je, genoteerd: je komt")
    answers = [r.action for r in await rows(bot, AuditRow) if r.action.startswith("aanwezig")]
    assert answers == ["aanwezigheid: kan_niet", "aanwezigheid: komt"]
    # In Teams the invitation gives way to the meeting and the answer, with its calendar link.
    read_only = replaced_card(connector, table.thijs, invitation_message)
    assert read_only["body"][0]["text"] == invitation["body"][0]["text"]
    facts = {f["title"]: f["value"] for f in read_only["body"][1]["facts"]}
    assert facts["Je antwoord"] == "Ik kan niet, Karin de Vries komt in mijn plaats"
    assert facts["Datum"] == facts_of(invitation)["Datum"]
    assert read_only["body"][2]["text"].startswith("Vastgelegd door Thijs Wennink op ")
    [link] = read_only["actions"]
    assert link["url"] == next(a for a in invitation["actions"] if "url" in a)["url"]


async def test_the_kernteam_gets_the_agenda_the_day_before_without_details(
    bot, connector, http, ret
):
    table = await Meeting(bot, connector, http).open()
    numbers = [
        await table.case("A.B."),
        await table.case(
            "C.D.", soort_vraag="18min_plus", geboortejaar=datetime.now(UTC).year - 17
        ),
    ]
    for number in numbers:
        await table.to_the_table(number)
    [first] = meetings(ret, 1)
    seen = table.seen()

    early = await bot.app[RETBOT].jobs.meeting_prep(at(first.date() - timedelta(days=2)))
    run = await bot.app[RETBOT].jobs.meeting_prep(at(first.date() - timedelta(days=1)))
    again = await bot.app[RETBOT].jobs.meeting_prep(at(first.date() - timedelta(days=1), 11))

    assert (early.agendas, run.agendas, again.agendas) == (0, 1, 0)
    for member in (table.thijs, table.fatima):
        [agenda] = await table.cards_for(member, seen)
        assert_valid_card(agenda)
        assert agenda["body"][0]["text"].startswith("Agenda RET-overleg ")
        words = str(agenda)
        assert f"13:30 uur · {numbers[0]} (A.B.)" in words
        assert f"14:20 uur · {numbers[1]} (C.D.)" in words
        assert "13-16 jaar" in words and "17+ jaar" in words
        assert "Passende plek / doorstroom verblijf" in words and "Overgang 18-/18+" in words
        assert "De overgang naar 18+ zonder breuk in de hulp regelen" in words
        for detail in (*PERSONAL, HULPVRAAG, "Eetstoornis", "Inge Referent"):
            assert detail not in words, detail
    assert table.new_since(seen, table.noor) == []  # the schil was not invited here


async def test_malformed_answers_get_the_fallback_and_change_nothing(bot, connector, http):
    table = await Meeting(bot, connector, http).open()
    number = await table.case()
    await table.to_the_table(number)

    answers = [
        await table.thijs.submit({ATTEND_KEY: number, "answer": "misschien"}),
        await table.thijs.submit({ATTEND_KEY: ["x"], "answer": "komt"}),
        await table.chair.submit({PREP_KEY: 7}),
        await table.sanne.submit({FAMILY_KEY: None, "participation": "aanwezig"}),
        await table.sanne.submit({FAMILY_KEY: number, "participation": "soms", "wishes": "x"}),
    ]

    assert all(a.status in (200, 201) for a in answers)
    assert all(a.texts() and "Traceback" not in a.texts()[0] for a in answers)
    assert answers[-1].texts() == ["Vul in hoe het gezin wil deelnemen en wat zij zelf zeggen."]
    [task] = await rows(bot, FamilyContactRow)
    assert task.done_at is None
    actions = [a.action for a in await rows(bot, AuditRow)]
    assert not [a for a in actions if a.startswith("aanwezigheid")]


async def test_a_schil_member_outside_teams_gets_the_invitation_by_email(
    database_url, ret, connector, http, smtp_server
):
    """Noor without a Teams id: the invitation comes by email with the calendar file."""
    members = tuple(
        m.model_copy(update={"aad_object_id": None}) if m.email == NOOR else m for m in ret.members
    )
    ret = ret.model_copy(update={"members": members})
    bot = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    try:
        table = await Meeting(bot, connector, http).open()
        number = await table.case()
        await table.to_the_table(number)
        before = len(smtp_server.to(NOOR))
        await table.chair.submit({PREP_KEY: number, "contact_member": SANNE, "schil": NOOR})
        async with asyncio.timeout(5):
            while len(smtp_server.to(NOOR)) == before:
                await bot.app[RETBOT].dispatcher.dispatch_due()
                await asyncio.sleep(0.05)
    finally:
        await bot.stop()

    [mail] = smtp_server.to(NOOR)
    assert mail["Subject"].startswith(f"Uitnodiging RET-overleg {number} (J.D.): ")
    assert "vanuit de flexibele schil uitgenodigd" in mail.get_body(("plain",)).get_content()
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    for detail in (*PERSONAL, HULPVRAAG, "Eetstoornis", "eetstoornis"):
        assert detail not in readable(mail), detail


async def test_retention_clears_the_familys_words_and_who_answered(bot, connector, http):
    table = await Meeting(bot, connector, http).open()
    number = await table.case()
    await table.to_the_table(number)
    await table.sanne.submit({FAMILY_KEY: number, "participation": "online", "wishes": WISHES})
    await table.thijs.submit(
        {ATTEND_KEY: number, "answer": "kan_niet", stand_in_input(number): "Karin de Vries"}
    )
    retbot = bot.app[RETBOT]
    async with retbot.jobs.sessions.begin() as session:
        await session.execute(
            update(CaseRow)
            .where(CaseRow.number == number)
            .values(status="afgesloten", closed_at=datetime.now(UTC) - timedelta(days=900))
        )

    assert await retbot.jobs.retention() == [number]

    [task] = await rows(bot, FamilyContactRow)
    assert (task.wishes, task.done_by, task.participation) == (None, ANONYMOUS, "online")
    [answer] = await rows(bot, AttendanceRow)
    assert (answer.person_name, answer.stand_in, answer.answer) == (ANONYMOUS, None, "kan_niet")


async def test_answers_in_the_own_chat_are_in_the_language_chosen_there(bot, connector, http):
    table = await Meeting(bot, connector, http).open()
    number = await table.case("E.F.")
    await table.to_the_table(number)
    for who in (table.chair, table.thijs):
        await who.say("language")
        await who.say("English")

    prepared = await table.chair.submit({PREP_KEY: number, "contact_member": SANNE})
    coming = await table.thijs.submit({ATTEND_KEY: number, "answer": "komt"})
    fatima = await table.fatima.submit({ATTEND_KEY: number, "answer": "komt"})

    assert prepared.texts()[0].startswith(f"Saved for case {number}: Sanne")
    assert coming.texts() == [
        f"Thank you, noted: you will come to the RET meeting about case {number}."
    ]
    assert fatima.texts()[0].startswith("Dank je, genoteerd: je komt"), "hers stays Dutch"
