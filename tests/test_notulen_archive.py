"""The notulen in a case's export, purge and anonymisation: the export lists the versions
of its meeting day's notulen (not their content, which is about other cases too); purging
or anonymising the case removes them, as they cannot lose one case's part."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.app import RETBOT
from domain.notulen import Point, PointKind, Transcript
from storage.case_archive import CaseArchive
from storage.database import create_session_factory
from storage.models import CaseRow, NotulenRow
from storage.notulen import SqlNotulenRepository
from tests.test_advice_flow import ret as ret  # the example RET, kernteamleden with Teams ids
from tests.test_advice_flow import rows
from tests.test_notulen_flow import meeting_day, versions, yesterday


async def drafted_day(bot) -> list[str]:
    numbers = await meeting_day(bot, yesterday())
    assert await bot.app[RETBOT].jobs.notulen() == [yesterday()]
    return numbers


async def test_the_export_lists_the_notulen_and_a_purge_removes_them(bot):
    numbers = await drafted_day(bot)
    archive = CaseArchive(create_session_factory(bot.app[RETBOT].engine))

    exported = await archive.export(numbers[1], "functionaris gegevensbescherming")
    assert await archive.purge(numbers[1], "functionaris gegevensbescherming")

    [listed] = exported["notulen"]
    assert listed["vergaderdatum"] == yesterday().isoformat() and listed["versie"] == 1
    assert "andere casussen" in listed["inhoud"] and len(listed["sha256"]) == 64
    assert await versions(bot) == []


async def test_anonymising_a_case_removes_the_notulen_of_its_day(bot):
    numbers = await drafted_day(bot)
    sessions = create_session_factory(bot.app[RETBOT].engine)
    said = Point(PointKind.BESLUIT, "J.D. gaat naar het gezinshuis.", numbers[0], "00:01:00")
    transcript = Transcript(("Marieke Hofstede",), 1, (said,))
    await SqlNotulenRepository(sessions).save_transcript(yesterday(), transcript)
    assert (await SqlNotulenRepository(sessions).state(yesterday())).transcript == transcript
    long_ago = datetime.now(UTC) - timedelta(days=3 * 365)
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(
            update(CaseRow)
            .where(CaseRow.number == numbers[0])
            .values(status="afgesloten", closed_at=long_ago)
        )

    assert await bot.app[RETBOT].jobs.retention() == [numbers[0]]

    assert await versions(bot) == []
    [notulen] = await rows(bot, NotulenRow)
    assert notulen.transcript is None
