"""Random and malformed requests at the follow-up answer page: any token, method, content
type and form. Never a 5xx or a stack trace, and never an answer stored through a token
that is not valid.

Two asks: ask A is answered through its valid link with random forms (it may get its one
answer); ask B is only ever reached through tokens that are not valid, and must stay
unanswered.
"""

from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import select, update

from bot.app import RETBOT
from bot.links import SALT, FollowUpLinks
from domain.advice import Advice, Afspraak
from domain.cases import CaseStatus, Referrer
from domain.triage import CaseEvent
from storage.advice import SqlAdviceRepository
from storage.database import create_session_factory
from storage.follow_up import SqlFollowUpRepository
from storage.models import CaseRow, FollowUpAskRow
from tests.test_fuzz_http import ThreadedBot, assert_clear_answer

METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "multipart/form-data",
    "multipart/form-data; boundary=xyz",
    "application/json",
    "text/plain",
    "",
]
FORM_KEYS = st.sampled_from(["voortgang", "toelichting", "x", ""]) | st.text(max_size=8)
FORM_VALUES = st.sampled_from(
    ["loopt volgens plan", "vertraagd", "gestopt/lukt niet", "", "x" * 3000]
) | st.text(max_size=60)
LINK_KEY = "fuzz-link-key"
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


async def two_asks(bot) -> tuple[int, int]:
    """A case with advice and a started round; the ids of its first two asks."""
    sessions = create_session_factory(bot.app[RETBOT].engine)
    now = datetime.now(UTC)
    advice_repository = SqlAdviceRepository(sessions)
    referrer = Referrer("msteams", "fuzz-referrer", "Fuzz Referent")
    case = (await advice_repository.submit(referrer, {"initialen": "F.Z."}, now)).case
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(update(CaseRow).values(status=CaseStatus.RET_TAFEL.value))
    afspraak = Afspraak("Jeugd-GGZ De Bron", "Start behandeling", date.today() + timedelta(days=9))
    advice = Advice(case.number, "s", "a", (afspraak,), "Marieke Hofstede", now)
    moved = await advice_repository.get(case.number)
    await advice_repository.issue(advice, moved, CaseEvent(now, "Marieke Hofstede", "x"), "test")
    await SqlFollowUpRepository(sessions).start_round(case.number, 1, now, now)
    async with sessions() as session:
        ids = list(await session.scalars(select(FollowUpAskRow.id).order_by(FollowUpAskRow.id)))
    return ids[0], ids[1]


class Page:
    def __init__(self, threaded: ThreadedBot) -> None:
        self.threaded = threaded
        self.app = threaded.bot.app
        self.links: FollowUpLinks = self.app[RETBOT].follow_up_page.links
        self.answerable, self.guarded = threaded.run(two_asks(threaded.bot))

    def request(
        self, method: str, token: str, body: bytes | dict | None = None, content_type: str = ""
    ) -> requests.Response:
        headers = {"Content-Type": content_type} if content_type else {}
        url = f"{self.threaded.bot.url}/follow-up/{quote(token, safe='')}"
        return requests.request(method, url, data=body, headers=headers, timeout=30)

    def token(self, ask_id: int, valid_for: timedelta = timedelta(days=1)) -> str:
        return self.links.token(ask_id, datetime.now(UTC) + valid_for)

    def valid(self, token: str) -> bool:
        """Whether the token is signed with the app's key: checked with itsdangerous
        itself, not with the code under test."""
        try:
            URLSafeSerializer(LINK_KEY, salt=SALT).loads(token)
        except BadData:
            return False
        return True

    def guarded_is_unanswered(self) -> bool:
        async def answered_at():
            async with self.app[RETBOT].engine.connect() as connection:
                return await connection.scalar(
                    select(FollowUpAskRow.answered_at).where(FollowUpAskRow.id == self.guarded)
                )

        return self.threaded.run(answered_at()) is None


@pytest.fixture(scope="module")
def page(tmp_path_factory, ret):
    database = tmp_path_factory.mktemp("fuzz-follow-up") / "retbot.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RETBOT_LINK_KEY", LINK_KEY)
        with ThreadedBot(f"sqlite+aiosqlite:///{database}", ret) as running:
            yield Page(running)


def answer(status: int) -> bool:
    return 400 <= status < 500


@FUZZ
@given(
    token=st.text(max_size=120),
    method=st.sampled_from(METHODS),
    content_type=st.sampled_from(CONTENT_TYPES),
    body=st.binary(max_size=300),
)
def test_any_token_method_and_body(page, token, method, content_type, body):
    assume(not page.valid(token))

    response = page.request(method, token, body, content_type)

    assert_clear_answer(response)
    assert answer(response.status_code), response.status_code
    assert page.guarded_is_unanswered()


@FUZZ
@given(
    position=st.integers(min_value=0, max_value=200),
    replacement=st.text(min_size=0, max_size=3),
    form=st.dictionaries(FORM_KEYS, FORM_VALUES, max_size=4),
)
def test_altered_links_to_the_guarded_ask_store_nothing(page, position, replacement, form):
    token = page.token(page.guarded)
    cut = position % (len(token) + 1)
    altered = token[:cut] + replacement + token[cut + 1 :]
    assume(not page.valid(altered))

    response = page.request("POST", altered, form, "application/x-www-form-urlencoded")

    assert_clear_answer(response)
    assert response.status_code == 404
    assert page.guarded_is_unanswered()


@FUZZ
@given(form=st.dictionaries(FORM_KEYS, FORM_VALUES, max_size=4))
def test_expired_and_foreign_links_to_the_guarded_ask_store_nothing(page, form):
    expired = page.token(page.guarded, valid_for=timedelta(seconds=-1))
    foreign = FollowUpLinks("another key", "http://x").token(
        page.guarded, datetime.now(UTC) + timedelta(days=1)
    )

    for token, status in ((expired, 410), (foreign, 404)):
        response = page.request("POST", token, form, "application/x-www-form-urlencoded")
        assert_clear_answer(response)
        assert response.status_code == status
    assert page.guarded_is_unanswered()


@FUZZ
@given(
    form=st.dictionaries(FORM_KEYS, FORM_VALUES, max_size=4) | st.binary(max_size=300),
    content_type=st.sampled_from(CONTENT_TYPES),
    method=st.sampled_from(METHODS),
)
def test_any_form_through_a_valid_link(page, form, content_type, method):
    response = page.request(method, page.token(page.answerable), form, content_type)

    assert_clear_answer(response)
    assert response.status_code in (200, 400, 405, 409, 422), response.status_code
    assert page.guarded_is_unanswered()


def test_the_valid_link_took_at_most_one_answer(page):
    async def answered():
        async with page.app[RETBOT].engine.connect() as connection:
            return list(
                await connection.scalars(
                    select(FollowUpAskRow.id).where(FollowUpAskRow.answered_at.is_not(None))
                )
            )

    assert page.threaded.run(answered()) in ([], [page.answerable])
