"""The e-mail codes of zelf aanmelden against abuse, through the real app over HTTP with a
real SMTP server: a code's five tries hold when forty guesses arrive at once, a right code
works once, an address gets five codes a day whatever the conversation ("opnieuw", a new
conversation, a restart), and what is kept of it names nobody and is cleaned up."""

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.self_apply import CODE, CODE_AGAIN, CODE_INPUT, CONTACT, SELF_APPLY_KEY
from domain.meetings import AMSTERDAM
from domain.verification import CODE_ATTEMPTS, CODES_PER_ADDRESS_PER_DAY, CodeCheck
from storage.database import create_session_factory
from storage.models import VerificationCodeRow, VerificationQuotaRow
from storage.verification import SqlVerificationCodes, prune_verification
from tests.support import RunningBot
from tests.test_self_apply_flow import EMAIL, cases, code_from, family, through_consent

CONSENTS = {"toestemming_eigen": "ja", "toestemming_jeugdige": "ja"}
WRONG = "wrong"
EXPIRED = "Deze code werkt niet meer"


@pytest.fixture
async def mail_bot(database_url, ret, smtp_server):
    settings = smtp_server.settings(database_url, link_key="a-secret-of-this-retbot")
    running = await RunningBot(settings, ret).start()
    yield running
    await running.stop()


def other_than(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def code_problems(replies: list[dict]) -> list[str]:
    """The line above the code field of each code card among the replies."""
    found = []
    for reply in replies:
        for attachment in reply.get("attachments") or []:
            card = str(attachment["content"])
            if "Die code klopt niet" in card:
                found.append(WRONG)
            elif EXPIRED in card:
                found.append(EXPIRED)
    return found


async def code_rows(bot) -> list[VerificationCodeRow]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(VerificationCodeRow)))


async def test_forty_guesses_at_once_get_five_tries_and_the_right_code_after_them_is_refused(
    mail_bot, connector, http, smtp_server
):
    talk = family(mail_bot, connector, http)
    await through_consent(talk, **CONSENTS)
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    code = await code_from(smtp_server, EMAIL)
    before = len(connector.received[talk.id])
    answered_wrong, five_answered = 0, asyncio.Event()

    async def wrong_guess():
        nonlocal answered_wrong
        turn = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: other_than(code)})
        answered_wrong += 1
        if answered_wrong == CODE_ATTEMPTS:
            five_answered.set()
        return turn

    async def right_guess():
        await five_answered.wait()  # the right code comes once five wrong ones were answered
        return await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: code})

    turns = await asyncio.gather(*(wrong_guess() for _ in range(39)), right_guess())

    assert [turn.status for turn in turns] == [201] * 40  # every guess was answered
    problems = code_problems(connector.received[talk.id][before:])
    assert len(problems) == 40
    assert problems.count(WRONG) == CODE_ATTEMPTS - 1  # the fifth wrong try ends the code
    assert problems.count(EXPIRED) == 40 - (CODE_ATTEMPTS - 1)  # the right one among them
    assert not any("Je aanmelding is verstuurd" in t for t in texts(connector, talk, before))
    assert await cases(mail_bot) == []
    [row] = await code_rows(mail_bot)
    assert row.tries_left == 0


async def test_the_right_code_sent_twice_at_once_files_one_case(
    mail_bot, connector, http, smtp_server
):
    talk = family(mail_bot, connector, http)
    await through_consent(talk, **CONSENTS)
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    code = await code_from(smtp_server, EMAIL)
    before = len(connector.received[talk.id])

    await asyncio.gather(*(talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: code}) for _ in "ab"))

    assert len(await cases(mail_bot)) == 1
    received = [t for t in texts(connector, talk, before) if "Je aanmelding is verstuurd" in t]
    assert len(received) == 1


async def test_an_address_gets_five_codes_a_day_across_opnieuw_conversations_and_a_restart(
    mail_bot, connector, http, smtp_server
):
    first = family(mail_bot, connector, http)
    await through_consent(first, **CONSENTS)
    await first.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    await first.submit({SELF_APPLY_KEY: CODE_AGAIN})
    await first.say("opnieuw")  # a fresh draft: once, this reset the count
    await through_consent(first, **CONSENTS)
    await first.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    await code_from(smtp_server, EMAIL, count=3)
    await mail_bot.restart()
    second = family(mail_bot, connector, http)
    second.user["id"] = "dl_another_visitor"  # a new visitor, with a draft of their own
    await through_consent(second, **CONSENTS)
    same_address = "Ouder.J@voorbeeld.nl"  # the same inbox, written another way
    await second.submit({SELF_APPLY_KEY: CONTACT, "email": same_address, "telefoon": ""})
    await second.submit({SELF_APPLY_KEY: CODE_AGAIN})
    fifth = await code_from(smtp_server, same_address, count=2)

    refused = await second.submit({SELF_APPLY_KEY: CODE_AGAIN})

    assert refused.texts() == [
        "Ik kan vandaag geen nieuwe code meer sturen naar dit e-mailadres. Dat is vandaag al "
        f"{CODES_PER_ADDRESS_PER_DAY} keer gebeurd. Kijk of een van die e-mails is "
        "aangekomen, ook bij je ongewenste e-mail. Lukt het niet? Probeer het morgen opnieuw, "
        "of neem contact op met het expertteam via de website of de gemeente. Je kunt het "
        "expertteam ook bellen: 053 000 12 34."  # the phone number from the RET file
    ]
    await asyncio.sleep(0.3)  # a sixth mail would have had time to arrive
    assert len(smtp_server.received) == CODES_PER_ADDRESS_PER_DAY
    third = family(mail_bot, connector, http)
    third.user["id"] = "dl_a_third_visitor"
    await through_consent(third, **CONSENTS)
    again = await third.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    assert again.texts()[0].startswith("Ik kan vandaag geen nieuwe code meer sturen")
    other = await third.submit({SELF_APPLY_KEY: CONTACT, "email": "ander@voorbeeld.nl"})
    assert "Ik heb een code van 6 cijfers gestuurd naar ander@voorbeeld.nl" in str(other.cards())
    done = await second.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: fifth})  # still works
    assert "Je aanmelding is verstuurd" in done.texts()[0]


async def test_the_count_starts_again_on_the_next_dutch_day(migrated_engine):
    codes = SqlVerificationCodes(create_session_factory(migrated_engine), b"key")
    evening = datetime(2026, 3, 10, 23, 0, tzinfo=AMSTERDAM)
    for minute in range(CODES_PER_ADDRESS_PER_DAY):
        assert await codes.issue("test", EMAIL, evening + timedelta(minutes=minute))

    late = await codes.issue("test", EMAIL, evening + timedelta(minutes=59))
    next_day = await codes.issue("test", EMAIL, evening + timedelta(hours=1))

    assert late is None and next_day is not None


async def test_a_code_works_for_its_own_address_for_30_minutes_once(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    codes = SqlVerificationCodes(sessions, b"key")
    at = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    issued, _ = await codes.issue("test", EMAIL, at)
    in_time, too_late = at + timedelta(minutes=29), at + timedelta(minutes=30)

    elsewhere = await codes.check(issued.id, "ander@voorbeeld.nl", issued.plain, in_time)
    expired = await codes.check(issued.id, EMAIL, issued.plain, too_late)
    spaced = await codes.check(
        issued.id, f" {EMAIL.upper()} ", issued.plain[:3] + " " + issued.plain[3:], in_time
    )
    again = await codes.check(issued.id, EMAIL, issued.plain, in_time)

    assert elsewhere.outcome is CodeCheck.EXPIRED  # no such code for that address
    assert expired.outcome is CodeCheck.EXPIRED
    assert spaced.outcome is CodeCheck.RIGHT
    assert again.outcome is CodeCheck.USED_UP
    assert await prune_verification(sessions, in_time) == 0
    assert await prune_verification(sessions, too_late) == 1  # the code; today's count stays
    assert await codes.issue("test", EMAIL, too_late) is not None
    assert await prune_verification(sessions, at + timedelta(days=1)) == 2  # code and count


async def test_what_is_kept_names_nobody_and_is_removed_once_it_no_longer_counts(
    mail_bot, connector, http, smtp_server
):
    talk = family(mail_bot, connector, http)
    await through_consent(talk, **CONSENTS)
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": ""})
    code = await code_from(smtp_server, EMAIL)
    retbot = mail_bot.app[RETBOT]
    async with retbot.engine.connect() as connection:
        kept = [
            *(await connection.execute(select(VerificationCodeRow))),
            *(await connection.execute(select(VerificationQuotaRow))),
        ]
    stored = " ".join(value for row in kept for value in row if isinstance(value, str))
    assert EMAIL not in stored and code not in stored
    assert hashlib.sha256(EMAIL.encode()).hexdigest() not in stored  # keyed, not guessable

    await retbot.jobs.verification_clean_up(datetime.now(UTC) + timedelta(days=1))

    async with retbot.engine.connect() as connection:
        assert list(await connection.execute(select(VerificationCodeRow))) == []
        assert list(await connection.execute(select(VerificationQuotaRow))) == []
    assert "verification clean-up" in retbot.jobs.schedule()


def texts(connector, talk, since: int) -> list[str]:
    return [reply.get("text") or "" for reply in connector.received[talk.id][since:]]
