"""`retbot document notulen` on a real database, as an administrator runs it: a draft
from what is recorded before retbot made the notulen, the newest stored version after."""

import docx

from bot.app import RETBOT
from storage.database import create_session_factory
from storage.models import AuditRow
from storage.notulen import SqlNotulenRepository
from tests.test_advice_flow import ret as ret  # the example RET, kernteamleden with Teams ids
from tests.test_advice_flow import rows
from tests.test_case_commands import retbot
from tests.test_notulen_flow import meeting_day, yesterday


async def test_the_command_writes_a_draft_then_the_stored_version(bot, database_url, tmp_path):
    day = yesterday()
    numbers = await meeting_day(bot, day)
    out = tmp_path / "notulen.docx"

    draft = retbot(
        database_url, "document", "notulen", "--meeting", day.isoformat(), "--out", str(out)
    )

    assert draft.returncode == 0, draft.stderr
    assert "(nog niet bewaard)" in draft.stdout
    headings = [p.text for p in docx.Document(out).paragraphs if p.text.startswith("Casus ")]
    assert [h.split()[1] for h in headings] == numbers
    reads = [r for r in await rows(bot, AuditRow) if r.actor == "cli"]
    assert sorted(r.case_number for r in reads) == numbers

    [drafted] = await bot.app[RETBOT].jobs.notulen()
    stored = retbot(
        database_url, "document", "notulen", "--meeting", day.isoformat(), "--out", str(out)
    )

    assert drafted == day and stored.returncode == 0, stored.stderr
    assert "versie 1 (concept)" in stored.stdout
    sessions = create_session_factory(bot.app[RETBOT].engine)
    version = await SqlNotulenRepository(sessions).version(day, 1)
    assert out.read_bytes() == version.content


async def test_a_day_without_a_meeting(database_url, tmp_path):
    out = tmp_path / "notulen.docx"
    result = retbot(
        database_url, "document", "notulen", "--meeting", "2026-03-03", "--out", str(out)
    )

    assert result.returncode == 1
    assert result.stderr.strip() == "Op dinsdag 3 maart 2026 was er geen RET-overleg met casussen."
    assert not out.exists()
