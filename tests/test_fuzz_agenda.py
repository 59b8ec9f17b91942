"""Random and malformed requests at the calendar link (/agenda/{token}.ics): any token,
method and body. Never a 5xx or a stack trace, and never the calendar file through a token
that is not valid; the valid link gives it to GET only."""

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import icalendar
import pytest
import requests
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import update

from bot.app import RETBOT
from bot.links import AGENDA_SALT, AgendaLinks
from domain.booking import book
from domain.cases import CaseStatus, Referrer
from domain.ret import RetConfig
from storage.bookings import SqlBookingRepository
from storage.database import create_session_factory
from storage.models import CaseRow
from tests.test_fuzz_follow_up import CONTENT_TYPES, METHODS
from tests.test_fuzz_http import ThreadedBot, assert_clear_answer

LINK_KEY = "fuzz-agenda-key"
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
CALENDAR = b"BEGIN:VCALENDAR"


async def one_booking(bot, ret: RetConfig) -> str:
    """A case at the RET-tafel with a booked slot; the booking's calendar UID."""
    bookings = SqlBookingRepository(create_session_factory(bot.app[RETBOT].engine))
    now = datetime.now(UTC)
    referrer = Referrer("msteams", "fuzz-referrer", "Fuzz Referent")
    case = (await bookings.submit(referrer, {"initialen": "F.Z."}, now)).case
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(update(CaseRow).values(status=CaseStatus.RET_TAFEL.value))
    chair = next(m for m in ret.members if m.role == "voorzitter")
    booking, _ = await book(
        bookings, ret.meetings, case.number, chair, "test", now, "fuzz-uid", lambda *_: []
    )
    return booking.uid


class Agenda:
    def __init__(self, threaded: ThreadedBot, ret: RetConfig) -> None:
        self.threaded = threaded
        self.links: AgendaLinks = threaded.bot.app[RETBOT].agenda_page.links
        self.uid = threaded.run(one_booking(threaded.bot, ret))

    def request(self, method: str, token: str, body: bytes = b"", content_type: str = ""):
        headers = {"Content-Type": content_type} if content_type else {}
        url = f"{self.threaded.bot.url}/agenda/{quote(token, safe='')}.ics"
        return requests.request(method, url, data=body, headers=headers, timeout=30)

    def token(self, valid_for: timedelta = timedelta(days=1)) -> str:
        return self.links.token(self.uid, datetime.now(UTC) + valid_for)

    def valid(self, token: str) -> bool:
        """Signed with the app's key, checked with itsdangerous, not the code under test."""
        try:
            URLSafeSerializer(LINK_KEY, salt=AGENDA_SALT).loads(token)
        except BadData:
            return False
        return True


@pytest.fixture(scope="module")
def agenda(tmp_path_factory, ret):
    database = tmp_path_factory.mktemp("fuzz-agenda") / "retbot.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RETBOT_LINK_KEY", LINK_KEY)
        with ThreadedBot(f"sqlite+aiosqlite:///{database}", ret) as running:
            yield Agenda(running, ret)


@FUZZ
@given(
    token=st.text(max_size=120),
    method=st.sampled_from(METHODS),
    content_type=st.sampled_from(CONTENT_TYPES),
    body=st.binary(max_size=300),
)
def test_any_token_method_and_body(agenda, token, method, content_type, body):
    assume(not agenda.valid(token))

    response = agenda.request(method, token, body, content_type)

    assert_clear_answer(response)
    assert 400 <= response.status_code < 500, response.status_code
    assert CALENDAR not in response.content


@FUZZ
@given(position=st.integers(min_value=0, max_value=200), replacement=st.text(max_size=3))
def test_altered_links_give_no_calendar(agenda, position, replacement):
    token = agenda.token()
    cut = position % (len(token) + 1)
    altered = token[:cut] + replacement + token[cut + 1 :]
    assume(not agenda.valid(altered))

    response = agenda.request("GET", altered)

    assert_clear_answer(response)
    assert response.status_code == 404
    assert CALENDAR not in response.content


@FUZZ
@given(method=st.sampled_from(METHODS), body=st.binary(max_size=300))
def test_the_valid_link_serves_get_only(agenda, method, body):
    response = agenda.request(method, agenda.token(), body)

    assert_clear_answer(response)
    if method in ("GET", "HEAD"):
        assert response.status_code == 200
    else:
        assert response.status_code == 405, response.status_code
    if method == "GET":
        [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        assert str(event["UID"]) == agenda.uid


def test_expired_and_foreign_links_give_no_calendar(agenda):
    expired = agenda.token(valid_for=timedelta(seconds=-1))
    foreign = AgendaLinks("another key", "http://x").token(
        agenda.uid, datetime.now(UTC) + timedelta(days=1)
    )

    for token, status in ((expired, 410), (foreign, 404)):
        response = agenda.request("GET", token)
        assert_clear_answer(response)
        assert response.status_code == status
        assert CALENDAR not in response.content
