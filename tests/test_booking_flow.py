"""Booking the RET meeting through the real app: the voorzitter's 'RET-tafel inplannen'
books the next free slot at once, the referrer and the kernteamleden get an invitation with
a link to an .ics file, 'Volgend vrij moment' moves it (only for the voorzitter), racing bookings
never share a slot, and the calendar link refuses anything that is not one of ours."""

import asyncio
import re
from datetime import UTC, date, datetime, timedelta
from itertools import count

import holidays
import icalendar
from babel.dates import format_date

from bot.app import RETBOT
from bot.links import AgendaLinks, FollowUpLinks
from bot.settings import Settings
from dialogs.cards.booking import VERB_MOVE
from dialogs.cards.triage import VERB_DETAILS
from domain.cases import Referrer
from domain.meeting_prep import leaves_time_to_prepare
from domain.meetings import AMSTERDAM, meetings_after
from domain.ret import RetConfig, Weekday
from domain.roles import Role
from storage.case_archive import CaseArchive
from storage.cases import SqlCaseRepository
from storage.database import create_session_factory
from storage.models import AuditRow, BookingRow, CaseEventRow
from tests.smtp_server import readable
from tests.support import RunningBot, assert_valid_card, emails_at_once
from tests.test_advice_flow import FATIMA_AAD, THIJS_AAD, rows
from tests.test_advice_flow import ret as ret  # the example RET, kernteamleden with Teams ids
from tests.test_consult_flow import CHAIR_AAD, KERNTEAM_AAD, person
from tests.test_minimal_data import PERSONAL
from tests.test_triage_flow import facts_of, submitted_case

LINK_PATH = "/agenda/"
WEEKDAYS = list(Weekday)


class Table:
    """The voorzitter, a referrer and two kernteamleden with their chats open."""

    def __init__(self, bot, connector, http) -> None:
        self.bot, self.connector, self.http = bot, connector, http
        self.chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
        self.referrer = person(bot, connector, http, "Inge Referent")
        self.thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
        self.fatima = person(bot, connector, http, "Fatima el Amrani", FATIMA_AAD)

    async def open(self) -> "Table":
        for who in (self.chair, self.referrer, self.thijs, self.fatima):
            await who.join()
        return self

    async def case(self, initials: str = "J.D.") -> str:
        """A submitted request of the referrer (stored directly: triage is what is tested)."""
        sessions = create_session_factory(self.bot.app[RETBOT].engine)
        referrer = Referrer("msteams", self.referrer.user["id"], "Inge Referent")
        answers = {"initialen": initials, "toestemming": "gegeven", "gemeente": "Hengelo"}
        submitted = await SqlCaseRepository(sessions).submit(referrer, answers, datetime.now(UTC))
        case = submitted.case
        return case.number

    async def to_the_table(self, number: str, chair=None):
        return await (chair or self.chair).execute("triage.ret_tafel", {"case": number})

    def seen(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.connector.received.items()}

    def new_since(self, seen: dict[str, int], who) -> list[dict]:
        return self.connector.received[who.id][seen.get(who.id, 0) :]


async def bookings(bot) -> dict[str, BookingRow]:
    return {row.case_number: row for row in await rows(bot, BookingRow)}


def invitation_of(activities: list[dict]) -> dict:
    [card] = [a["content"] for act in activities for a in act.get("attachments") or []]
    assert_valid_card(card)
    return card


def calendar_path(card: dict) -> str:
    [action] = [a for a in card["actions"] if a["type"] == "Action.OpenUrl"]
    assert action["title"] == "In mijn agenda"
    return action["url"][action["url"].index(LINK_PATH) :]


async def fetch(table: Table, path: str) -> tuple[int, str, bytes]:
    async with table.http.get(table.bot.url + path) as response:
        return response.status, response.headers.get("Content-Type", ""), await response.read()


def event_of(ics: bytes) -> icalendar.Event:
    [event] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return event


def meetings(ret: RetConfig, count: int) -> list[datetime]:
    """The starts of the next `count` meetings that can still be prepared (the family
    contacted two working days before), as the calendar gives them now."""
    today = datetime.now(AMSTERDAM).date()
    upcoming = (
        m
        for m in meetings_after(ret.meetings, datetime.now(UTC))
        if leaves_time_to_prepare(m.start.date(), today, ret.working_hours, holidays.NL())
    )
    return [next(upcoming).start for _ in range(count)]


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite: naive UTC


async def test_the_decision_books_the_first_slot_and_invites_everyone(bot, connector, http, ret):
    chair, referrer, _, number = await submitted_case(bot, connector, http)
    table = Table(bot, connector, http)
    table.chair, table.referrer = chair, referrer
    await table.thijs.join()
    await table.fatima.join()
    seen = table.seen()
    [first, _] = meetings(ret, 2)

    decided = await table.to_the_table(number)

    card = decided.body["value"]
    assert_valid_card(card)
    booked = (await bookings(bot))[number]
    assert (booked.meeting_date, booked.slot) == (first.date(), 0)
    assert aware(booked.starts_at) == first and booked.sequence == 0
    day = format_date(first.date(), "EEEE d MMMM y", locale="nl")
    assert card["body"][-1]["text"] == (
        f"**RET-overleg**: {day}, 13:30 – 14:20 uur, {ret.meetings.location}"
    )
    assert [a["title"] for a in card["actions"]] == ["Volgend vrij moment", "Volledige aanmelding"]
    async with asyncio.timeout(5):
        await connector.wait_for(referrer.id, seen[referrer.id] + 1)
    to_referrer = invitation_of(table.new_since(seen, referrer))
    assert to_referrer["body"][0]["text"] == f"Uitnodiging RET-overleg {number} (J.D.)"
    intro = to_referrer["body"][1]["text"]
    for promise in (
        f"Ik heb er een plek voor vastgelegd: {day} om 13:30 uur",
        "het gezin wordt verwacht",
        "jeugdige en ouders uitnodigen",
        "Een lid van het RET neemt vooraf contact met hen op",
        "hoe zij ondersteund willen worden",
    ):
        assert promise in intro, promise
    assert facts_of(to_referrer)["Tijd"] == "13:30 – 14:20 uur"
    assert facts_of(to_referrer)["Locatie"].startswith("Stadskantoor Hengelo")
    for member in (table.thijs, table.fatima):
        invited = invitation_of(table.new_since(seen, member))
        assert invited["body"][1]["text"].startswith("Je bent als kernteamlid uitgenodigd")
        assert calendar_path(invited) == calendar_path(to_referrer)
    everything = str(
        [invitation_of(table.new_since(seen, w)) for w in (referrer, table.thijs, table.fatima)]
    )
    for private in (*PERSONAL, "Inge Referent", "Jeugdbescherming Oost"):
        assert private not in everything, private

    status, kind, ics = await fetch(table, calendar_path(to_referrer))

    assert status == 200 and kind.startswith("text/calendar")
    event = event_of(ics)
    assert event.start == first and event.end == first + timedelta(minutes=50)
    assert event.start.tzinfo.key == "Europe/Amsterdam"
    assert str(event["SUMMARY"]) == f"RET-overleg {number} (J.D.)"
    assert number in str(event["DESCRIPTION"]) and str(event["UID"]) == booked.uid
    for private in (*PERSONAL, "Inge Referent", "Jeugdbescherming Oost", "Hengelo,"):
        assert private not in ics.decode(), private
    actions = [(a.action, a.case_number) for a in await rows(bot, AuditRow)]
    assert ("overleg ingepland", number) in actions
    assert ("uitnodiging opgehaald", number) in actions
    timeline = [e.kind for e in await rows(bot, CaseEventRow)]
    assert timeline[-2:] == ["triage: ret_tafel", "overleg ingepland"]

    # The voorzitter reads the timeline as words and dates, not as codes and ISO times.
    before = len(connector.received[table.chair.id])
    await table.chair.execute(VERB_DETAILS, {"case": number})
    full = connector.received[table.chair.id][before]["attachments"][0]["content"]
    lines = [block.get("text", "") for block in full["body"]]
    verloop = lines[lines.index("Verloop") + 1 :]
    assert verloop[-2].endswith("· Marieke Hofstede · triage: RET-tafel ingepland")
    moment = format_date(first.date(), "d MMMM y", locale="nl") + " om 13:30"
    assert verloop[-1].endswith(
        f"· Marieke Hofstede · overleg ingepland: {moment}, {ret.meetings.location}"
    )


async def test_a_fourth_case_goes_to_the_meeting_after(bot, connector, http, ret):
    table = await Table(bot, connector, http).open()
    numbers = [await table.case() for _ in range(4)]
    first, second = meetings(ret, 2)

    for number in numbers:
        await table.to_the_table(number)

    booked = await bookings(bot)
    assert [(booked[n].meeting_date, booked[n].slot) for n in numbers] == [
        (first.date(), 0),
        (first.date(), 1),
        (first.date(), 2),
        (second.date(), 0),
    ]
    starts = [aware(booked[n].starts_at).astimezone(AMSTERDAM) for n in numbers]
    assert [s.strftime("%H:%M") for s in starts] == ["13:30", "14:20", "15:10", "13:30"]


def next_weekday_holiday(after: date) -> date:
    dutch = holidays.Netherlands(years=range(after.year, after.year + 2))
    return min(d for d in dutch if d > after and d.weekday() < 5)


async def test_a_cancelled_day_and_a_dutch_holiday_are_skipped(database_url, connector, http, ret):
    """Weekly meetings from the next public holiday on a weekday; the first ordinary
    meeting day after it is cancelled: the booking goes to the one after that."""
    dutch = holidays.Netherlands()
    holiday = next_weekday_holiday(datetime.now(AMSTERDAM).date())
    later = (holiday + timedelta(weeks=k) for k in count(1))
    cancelled = next(day for day in later if day not in dutch)
    expected = next(day for day in later if day not in dutch)
    calendar = ret.meetings.model_copy(
        update={
            "weekday": WEEKDAYS[holiday.weekday()],
            "every_weeks": 1,
            "first_date": holiday,
            "cancelled": (cancelled,),
        }
    )
    running = await RunningBot(
        Settings(database_url=database_url), ret.model_copy(update={"meetings": calendar})
    ).start()
    try:
        table = await Table(running, connector, http).open()
        number = await table.case()

        await table.to_the_table(number)

        booked = (await bookings(running))[number]
        assert booked.meeting_date == expected
    finally:
        await running.stop()


async def test_racing_bookings_get_distinct_slots(bot, connector, http, ret):
    table = await Table(bot, connector, http).open()
    numbers = [await table.case(f"R.{i}.") for i in range(6)]
    chairs = [person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD) for _ in numbers]
    first, second = meetings(ret, 2)

    results = await asyncio.gather(
        *(table.to_the_table(n, chair) for n, chair in zip(numbers, chairs, strict=True))
    )

    assert all(r.status == 200 for r in results)
    booked = await bookings(bot)
    assert set(booked) == set(numbers)
    assert sorted((b.meeting_date, b.slot) for b in booked.values()) == [
        (first.date(), 0),
        (first.date(), 1),
        (first.date(), 2),
        (second.date(), 0),
        (second.date(), 1),
        (second.date(), 2),
    ]


async def test_only_the_voorzitter_moves_a_booking(bot, connector, http):
    table = await Table(bot, connector, http).open()
    number = await table.case()
    await table.to_the_table(number)
    before = (await bookings(bot))[number]
    procesondersteuner = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    await procesondersteuner.join()  # what waited for her (the family task) comes now
    seen = table.seen()

    refused = [
        await who.execute(VERB_MOVE, {"case": number})
        for who in (table.thijs, procesondersteuner, table.referrer)
    ]

    for result in refused:
        assert result.body["value"] == (
            "Alleen de voorzitter van het RET kan het overleg inplannen of verplaatsen."
        )
    after = (await bookings(bot))[number]
    assert (after.meeting_date, after.slot, after.sequence) == (
        before.meeting_date,
        before.slot,
        0,
    )
    told = {k: n - seen.get(k, 0) for k, n in table.seen().items() if n > seen.get(k, 0)}
    assert told == {}  # nobody was told anything
    assert "overleg verplaatst" not in [a.action for a in await rows(bot, AuditRow)]


async def test_a_move_from_a_card_shown_before_the_last_move_moves_nothing(bot, connector, http):
    table = await Table(bot, connector, http).open()
    number = await table.case("A.B.")
    booked_card = (await table.to_the_table(number)).body["value"]
    [move] = [a for a in booked_card["actions"] if a.get("verb") == VERB_MOVE]

    moved = await table.chair.execute(VERB_MOVE, move["data"])
    again = await table.chair.execute(VERB_MOVE, move["data"])  # the old card, another device

    assert_valid_card(moved.body["value"])
    [now_move] = [a for a in moved.body["value"]["actions"] if a.get("verb") == VERB_MOVE]
    assert now_move["data"] == {"case": number, "sequence": 1}
    assert re.fullmatch(
        f"Het overleg over {number} is al vastgelegd op \\d+ \\w+ \\d{{4}} om \\d\\d:\\d\\d "
        "door Marieke Hofstede: \\w+ \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d uur\\. Er is niets "
        "verplaatst\\.",
        again.body["value"],
    ), again.body
    assert (await bookings(bot))[number].sequence == 1
    moves = [r.action for r in await rows(bot, AuditRow) if r.action == "overleg verplaatst"]
    assert len(moves) == 1


async def test_moving_gives_the_next_free_slot_and_updates_the_invitees(bot, connector, http, ret):
    table = await Table(bot, connector, http).open()
    moving, staying = await table.case("A.B."), await table.case("C.D.")
    await table.to_the_table(moving)
    await table.to_the_table(staying)
    first, second = meetings(ret, 2)
    booked = await bookings(bot)
    old_link = calendar_path(invitation_of(table.new_since({}, table.referrer)[-2:-1]))
    seen = table.seen()

    once = await table.chair.execute(VERB_MOVE, {"case": moving})
    between = table.seen()
    twice = await table.chair.execute(VERB_MOVE, {"case": moving})

    now_booked = await bookings(bot)
    assert (booked[moving].slot, booked[staying].slot) == (0, 1)
    assert (now_booked[moving].meeting_date, now_booked[moving].slot) == (second.date(), 0)
    assert now_booked[moving].sequence == 2 and now_booked[moving].uid == booked[moving].uid
    assert (now_booked[staying].slot, now_booked[staying].sequence) == (1, 0)
    assert "15:10 – 16:00 uur" in once.body["value"]["body"][-1]["text"]  # slot 2 was free
    assert_valid_card(twice.body["value"])
    async with asyncio.timeout(5):
        await connector.wait_for(table.referrer.id, seen[table.referrer.id] + 2)
    update = invitation_of(table.new_since(between, table.referrer))
    assert update["body"][0]["text"] == f"Gewijzigd: RET-overleg {moving} (A.B.)"
    assert update["body"][1]["text"].startswith(f"Het RET-overleg over je aanmelding {moving}")
    assert "jeugdige en ouders" in update["body"][1]["text"]
    assert facts_of(update)["Tijd"] == "13:30 – 14:20 uur"
    for member in (table.thijs, table.fatima):
        member_update = invitation_of(table.new_since(between, member))
        assert member_update["body"][0]["text"] == f"Gewijzigd: RET-overleg {moving} (A.B.)"
    status, _, ics = await fetch(table, calendar_path(update))
    event = event_of(ics)
    assert status == 200 and event.start == second
    assert (str(event["UID"]), int(event["SEQUENCE"])) == (booked[moving].uid, 2)
    _, _, from_old_link = await fetch(table, old_link)  # the first invitation's link
    assert event_of(from_old_link).start == second
    moves = [a for a in await rows(bot, AuditRow) if a.action == "overleg verplaatst"]
    assert [(m.actor, m.case_number) for m in moves] == [("Marieke Hofstede", moving)] * 2
    assert first.date() == booked[moving].meeting_date


async def test_bad_calendar_links_get_a_4xx(bot, connector, http):
    table = await Table(bot, connector, http).open()
    number = await table.case()
    await table.to_the_table(number)
    booked = (await bookings(bot))[number]
    links: AgendaLinks = bot.app[RETBOT].agenda_page.links
    good = links.token(booked.uid, datetime.now(UTC) + timedelta(days=1))
    tampered = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    cases = {
        "verlopen": (links.token(booked.uid, datetime.now(UTC) - timedelta(seconds=1)), 410),
        "veranderd": (tampered, 404),
        "andere sleutel": (AgendaLinks("other key", "http://x").token(booked.uid, _soon()), 404),
        "onbekend": (links.token("no-such-booking", _soon()), 404),
        "antwoordlink": (FollowUpLinks("", "http://x").token(1, _soon()), 404),
        "rommel": ("%00%ff<script>", 404),
    }

    for name, (token, expected) in cases.items():
        status, _, body = await fetch(table, f"{LINK_PATH}{token}.ics")
        assert status == expected, name
        assert b"Traceback" not in body and b"BEGIN:VCALENDAR" not in body, name
    status, _, _ = await fetch(table, f"{LINK_PATH}{good}")  # without .ics
    assert status == 404
    async with http.post(f"{bot.url}{LINK_PATH}{good}.ics") as response:
        assert response.status == 405
    status, _, _ = await fetch(table, f"{LINK_PATH}{good}.ics")
    assert status == 200


async def test_the_booking_is_exported_and_purged_with_the_case(bot, connector, http):
    table = await Table(bot, connector, http).open()
    number = await table.case()
    await table.to_the_table(number)
    archive = CaseArchive(create_session_factory(bot.app[RETBOT].engine))

    exported = await archive.export(number, "beheerder")
    purged = await archive.purge(number, "beheerder")

    assert exported["overleg"]["ingepland_door"] == "Marieke Hofstede"
    assert exported["overleg"]["keer_verplaatst"] == 0
    assert purged and await bookings(bot) == {}


def _soon() -> datetime:
    return datetime.now(UTC) + timedelta(days=1)


async def test_kernteamleden_outside_teams_get_the_invitation_by_email(
    database_url, ret, connector, http, smtp_server
):
    """Thijs and Fatima are in Teams; the other kernteamleden of the example roster are
    listed by email only: they get the invitation by email, calendar file attached, and an
    update when it moves."""
    bot = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    try:
        table = await Table(bot, connector, http).open()
        number = await table.case()
        await table.to_the_table(number)
        await table.chair.execute(VERB_MOVE, {"case": number})
        [booking] = (await bookings(bot)).values()
    finally:
        await bot.stop()

    outside = [m for m in ret.members_with_role(Role.KERNTEAMLID) if not m.aad_object_id]
    assert outside and all(len(smtp_server.to(m.email)) == 2 for m in outside)
    invitations = [
        m for m in smtp_server.received if m["Subject"].startswith(("Uitnodiging", "Gewijzigd"))
    ]
    assert len(invitations) == 2 * len(outside)  # nobody in Teams got an invitation by email
    invited, moved = smtp_server.to(outside[0].email)
    assert invited["Subject"].startswith(f"Uitnodiging RET-overleg {number} (J.D.): ")
    assert moved["Subject"].startswith(f"Gewijzigd: RET-overleg {number} (J.D.) is nu ")
    [attachment] = list(moved.iter_attachments())
    event = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")[0]
    assert attachment.get_content_type() == "text/calendar"
    assert str(event["UID"]) == booking.uid and event["SEQUENCE"] == 1
    starts_at = booking.starts_at  # SQLite gives it back naive, in UTC
    starts_at = starts_at if starts_at.tzinfo else starts_at.replace(tzinfo=UTC)
    assert event.decoded("DTSTART") == starts_at
    for mail in smtp_server.received:
        for detail in PERSONAL:
            assert detail not in readable(mail), detail
