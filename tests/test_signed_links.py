"""A link with a valid signature (the app's own signer and key) whose content no page can
serve gets 404 on every page behind a link: ids beyond any database column, negative ids,
text with NUL or without end, and periods outside the years a report covers,
backwards or spanning centuries."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.app import RETBOT
from domain.report import FIRST_DAY, LAST_DAY, Period

HUGE = 2**70
ONE_DAY = timedelta(days=1)
CARRIED = {
    "follow-up": [HUGE, 2**63, 2**31, 0, -1, True, "7"],
    "agenda": ["u" * 5000, "uid\x00", "uid\n", "", 7],
    "documents": ["advies/RET-2026-0001\x00", "advies/" + "x" * 5000, "advies/\t", "/", 7],
    "rapportage": [
        "0001-01-01/2026-12-31",
        "2026-01-01/9999-12-31",
        "9999-12-31/9999-12-31",
        "2026-03-31/2026-01-01",
        "1900-01-01/2099-12-31",
        "2026-01-01",
    ],
    "verwijzers/vraag": ["R" * 5000, "RET-2026-0001\x00", "", 7],
    "verwijzers/overleg": ["R" * 5000, "RET-2026-0001\x00", "", 7],
    "verwijzers/casussen": ["a" * 5000 + "@b.nl", "a@b.nl\x00", "", 7],
    "verwijzers/aanmelden": ["a" * 5000 + "@b.nl", "a@b.nl\x00", "", 7],
}
PATHS = {
    "follow-up": "/follow-up/{}",
    "agenda": "/agenda/{}.ics",
    "documents": "/documents/{}",
    "rapportage": "/rapportage/{}.csv",
    "verwijzers/vraag": "/verwijzers/vraag/{}",
    "verwijzers/overleg": "/verwijzers/overleg/{}",
    "verwijzers/casussen": "/verwijzers/casussen/{}",
    "verwijzers/aanmelden": "/verwijzers/aanmelden/{}/token",
}


def signer(bot, page: str):
    retbot = bot.app[RETBOT]
    return {
        "follow-up": retbot.follow_up_page.links,
        "agenda": retbot.agenda_page.links,
        "documents": retbot.document_page.links,
        "rapportage": retbot.report_page.links,
        "verwijzers/vraag": retbot.referrer_question_page.links,
        "verwijzers/overleg": retbot.referrer_attendance_page.links,
        "verwijzers/casussen": retbot.referrer_cases_page.links,
        "verwijzers/aanmelden": retbot.referrer_links,
    }[page]


@pytest.mark.parametrize("page", CARRIED)
async def test_a_validly_signed_link_to_nothing_that_can_exist_is_404(bot, http, page):
    links = signer(bot, page)
    answers = {}
    for carried in CARRIED[page]:
        url = bot.url + PATHS[page].format(links.token(carried, datetime.now(UTC) + ONE_DAY))
        async with http.get(url) as response:
            answers[repr(carried)[:30]] = [response.status]
        if page in ("follow-up", "verwijzers/vraag", "verwijzers/overleg"):
            form = {"voortgang": "vertraagd", "antwoord": "komt"}
            async with http.post(url, data=form) as response:
                answers[repr(carried)[:30]].append(response.status)

    assert all(set(statuses) == {404} for statuses in answers.values()), answers


async def test_a_report_link_within_the_years_is_served(bot, http):
    token = signer(bot, "rapportage").token(f"{FIRST_DAY}/{LAST_DAY}", datetime.now(UTC) + ONE_DAY)

    async with http.get(f"{bot.url}/rapportage/{token}.csv") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(1, 1, 1), date(2026, 1, 1)),
        (date(2026, 1, 1), date(9999, 12, 31)),
        (date(2026, 2, 1), date(2026, 1, 31)),
        (FIRST_DAY - timedelta(days=1), FIRST_DAY),
        (LAST_DAY, LAST_DAY + timedelta(days=1)),
    ],
)
def test_a_period_outside_the_years_or_backwards_cannot_be_made(start, end):
    with pytest.raises(ValueError):
        Period(start, end)


def test_the_widest_period_has_moments_and_a_label():
    widest = Period(FIRST_DAY, LAST_DAY)

    first, after = widest.moments()

    assert (first.date(), after.date()) == (FIRST_DAY, LAST_DAY + timedelta(days=1))
    assert widest.label == "01-01-2000 t/m 31-12-2099"
