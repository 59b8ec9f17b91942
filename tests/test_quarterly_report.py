"""On the first working day of a quarter the voorzitter gets the last quarter's report
links in their own chat: once, also with several instances, and not before the day starts."""

import re
from datetime import datetime, timedelta

from bot.app import RETBOT
from domain.meetings import AMSTERDAM
from domain.ret import WorkingHours
from domain.working_time import first_working_day_of_quarter
from tests.test_consult_flow import CHAIR_AAD, person


def test_first_working_day_skips_weekends_and_holidays():
    hours = WorkingHours()
    new_year = {datetime(2027, 1, 1).date()}
    assert first_working_day_of_quarter(datetime(2027, 2, 17).date(), hours, new_year) == (
        datetime(2027, 1, 4).date()  # 1 January 2027 is a Friday and a holiday
    )
    assert first_working_day_of_quarter(datetime(2026, 11, 5).date(), hours, set()) == (
        datetime(2026, 10, 1).date()
    )


async def test_the_voorzitter_gets_the_last_quarter_once(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.say("menu")  # the bot now knows the voorzitter's chat
    jobs = bot.app[RETBOT].jobs
    seen = len(connector.received[chair.id])
    monday = datetime(2027, 1, 4, 10, 0, tzinfo=AMSTERDAM)

    holiday = await jobs.quarterly_report(datetime(2027, 1, 1, 10, 0, tzinfo=AMSTERDAM))
    early = await jobs.quarterly_report(monday.replace(hour=6))
    sent = await jobs.quarterly_report(monday)
    again = await jobs.quarterly_report(monday + timedelta(hours=1))
    later = await jobs.quarterly_report(monday + timedelta(days=1))
    await bot.app[RETBOT].dispatcher.dispatch_due()

    assert (holiday, early, sent, again, later) == (False, False, True, False, False)
    [message] = [a["text"] for a in connector.received[chair.id][seen:]]
    assert message.startswith("Het kwartaal zit erop. De rapportage over 01-10-2026 t/m 31-12-2026")
    [word] = re.findall(r"\[Word\]\(([^)]+)\)", message)
    local = word.replace(bot.settings.public_url, bot.url)
    async with http.get(local) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
