"""Mijn casussen for the voorzitter: 20 a page, newest first, a status filter; only the
cases on the page are read (and audited)."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.app import RETBOT
from dialogs.cards.case_pages import PAGE_KEY, STATUS_INPUT
from dialogs.cards.menu import MENU_KEY, MenuChoice
from domain.cases import Referrer
from domain.triage import Decision
from storage.case_walk import CasePlan, CaseWalker
from storage.models import AuditRow
from tests.test_consult_flow import CHAIR_AAD, person

START = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
TOTAL, CONSULTED = 45, 15  # every third case goes to consultatie


async def seed(bot) -> None:
    retbot = bot.app[RETBOT]
    walker = CaseWalker(retbot.jobs.sessions, retbot.jobs.cipher)
    referrer = Referrer("msteams", "someone-else", "Inge Referent")
    for i in range(TOTAL):
        decision = Decision.CONSULTATIE if i % 3 == 0 else None
        answers = {"initialen": f"C.{i}.", "gemeente": "Hengelo"}
        await walker.walk(CasePlan(referrer, answers, START + timedelta(hours=i), decision))


def numbers(turn) -> list[str]:
    [card] = turn.cards()
    return [
        b["text"].split(" · ")[0]
        for b in card["body"]
        if b.get("weight") == "Bolder" and b["text"].startswith("RET-")
    ]


def buttons(turn) -> dict[str, dict]:
    [card] = turn.cards()
    sets = [b for b in card["body"] if b["type"] == "ActionSet"]
    return {a["title"]: a.get("data") for s in sets for a in s["actions"]}


async def reads(bot) -> int:
    async with bot.app[RETBOT].engine.connect() as connection:
        return await connection.scalar(
            select(func.count()).where(AuditRow.action == "casus bekeken")
        )


async def test_pages_of_twenty_newest_first_with_a_status_filter(bot, connector, http):
    await seed(bot)
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    newest_first = [f"RET-2026-{n:04d}" for n in range(TOTAL, 0, -1)]

    first = await chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
    read_after_first = await reads(bot)
    second = await chair.submit({**buttons(first)["Volgende 20"], STATUS_INPUT: ""})
    third = await chair.submit({**buttons(second)["Volgende 20"], STATUS_INPUT: ""})
    back = await chair.submit({**buttons(third)["Vorige 20"], STATUS_INPUT: ""})
    consulted = await chair.submit({PAGE_KEY: 0, STATUS_INPUT: "consultatie"})

    assert numbers(first) == newest_first[:20]
    assert "Pagina 1 van 3 · 45 casussen, nieuwste eerst" in str(first.cards()[0])
    assert "Vorige 20" not in buttons(first)
    assert read_after_first == 20  # the page, not the whole RET
    assert numbers(second) == newest_first[20:40]
    assert numbers(third) == newest_first[40:] and "Volgende 20" not in buttons(third)
    assert numbers(back) == numbers(second)
    assert numbers(consulted) == [n for i, n in enumerate(newest_first) if (TOTAL - 1 - i) % 3 == 0]
    assert len(numbers(consulted)) == CONSULTED
    assert "Pagina 1 van 1 · 15 casussen" in str(consulted.cards()[0])


async def test_a_status_without_cases_and_bad_paging_input(bot, connector, http):
    await seed(bot)
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)

    none = await chair.submit({PAGE_KEY: 0, STATUS_INPUT: "afgesloten"})
    wrong_page = await chair.submit({PAGE_KEY: "twee", STATUS_INPUT: ""})
    wrong_status = await chair.submit({PAGE_KEY: 0, STATUS_INPUT: "verdwenen"})
    beyond = await chair.submit({PAGE_KEY: 9, STATUS_INPUT: ""})

    assert numbers(none) == [] and "geen casussen met deze status" in str(none.cards()[0])
    invalid = "Die pagina of status ken ik niet. Kies opnieuw in het overzicht."
    assert wrong_page.texts() == [invalid] and wrong_status.texts() == [invalid]
    assert numbers(beyond) == [] and "Vorige 20" in buttons(beyond)


async def test_a_referrer_sees_their_own_cases_without_paging(bot, connector, http):
    await seed(bot)
    referrer = person(bot, connector, http, "Ahmed Verwijzer")

    turn = await referrer.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    assert numbers(turn) == [] and STATUS_INPUT not in str(turn.cards()[0])
