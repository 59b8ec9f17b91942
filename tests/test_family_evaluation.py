"""The family's evaluation of a case a professional applied for, through the real app: the
verwijzer's evaluation card carries the family's link to pass on (a button, not a wall of
characters), the family answers its own four questions on the B1 page, the voorzitter
sees it with the others; export, anonymisation and purge cover it. And the evaluation some
weeks after the advice, for a case still open: once, with the same questions, and not
again when the case closes."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from docx import Document
from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.cases import CLOSE_KEY, close_reason_id
from domain.ret import RetConfig
from scheduler.evaluation import ask_after_advice
from storage.case_archive import CaseArchive
from storage.database import create_session_factory
from storage.models import AdviceRow, AuditRow, EvaluationRoundRow, FamilyEvaluationRow
from storage.retention import anonymise_closed_cases
from tests.support import assert_valid_card
from tests.test_advice_flow import (
    issued,
    ret,  # noqa: F401  (the example RET with Teams ids for two kernteamleden)
    rows,
)
from tests.test_evaluation_flow import answer, aware, closed, evaluation_cards
from tests.test_evaluation_report import made
from tests.test_family_mail import FAMILY_FORM

FAMILY_BUTTON = "Link voor het gezin"


def family_link(card: dict) -> str | None:
    found = [a["url"] for a in card["actions"] if a.get("title") == FAMILY_BUTTON]
    return found[0] if found else None


def path_of(url: str) -> str:
    return re.match(r"https?://[^/]+(/.*)", url).group(1)


async def test_the_verwijzer_passes_the_family_link_on_and_the_family_answers(bot, connector, http):
    done = await closed(bot, connector, http)
    case = done.case
    [to_referrer] = evaluation_cards(done.sent[case.referrer.id])
    [to_thijs] = evaluation_cards(done.sent[case.thijs.id])

    url = family_link(to_referrer)
    assert url is not None and family_link(to_thijs) is None  # the verwijzer passes it on
    assert to_referrer["actions"][1]["type"] == "Action.OpenUrl"
    assert "Wil je ook het gezin vragen hoe het ging?" in str(to_referrer)
    assert len(url) < 200  # a button to open and copy, never a wall of characters
    assert_valid_card(to_referrer)
    [held] = [a for a in done.sent[case.referrer.id] if evaluation_cards([a])]
    await case.referrer.submit(answer(done.number), reply_to=held["id"])
    [replaced] = connector.updated[case.referrer.id]
    answered = replaced["attachments"][0]["content"]
    assert "Input." not in str(answered) and "Action.Submit" not in str(answered)
    assert family_link(answered) is not None  # still there to pass on
    assert_valid_card(answered)

    async with http.get(bot.url + path_of(url)) as page:
        shown, status = await page.text(), page.status
    async with http.post(bot.url + path_of(url), data=FAMILY_FORM) as sent:
        sent_status = sent.status

    assert status == 200 and "Hoe ging het?" in shown and "Hoe gaat het nu?" in shown
    assert sent_status == 200
    [row] = await rows(bot, FamilyEvaluationRow)
    assert (row.case_number, row.answered_by, row.gehoord, row.wens) == (
        done.number,
        "Gezin",
        4,
        "deels",
    )

    overview = await case.chair.say(f"evaluatie {done.number}")
    shown = str(overview.cards())
    assert "Gezin (gezin)" in shown and FAMILY_FORM["toelichting"] in shown
    assert "Ging het RET uit van wat jullie zelf wilden?**: Deels" in shown
    assert "2 van de 4 betrokkenen hebben de evaluatie ingevuld." in shown  # counted: answered
    for card in overview.cards():
        assert_valid_card(card)

    sessions = create_session_factory(bot.app[RETBOT].engine)
    archive = CaseArchive(sessions)
    exported = (await archive.export(done.number, "functionaris"))["evaluatie"]["gezin"]
    assert (exported["gehoord_score"], exported["wens_vertrekpunt"], exported["hoe_nu_score"]) == (
        4,
        "deels",
        3,
    )
    assert exported["toelichting"] == FAMILY_FORM["toelichting"]
    closed_at = aware(await done.closed_at())
    assert await anonymise_closed_cases(sessions, closed_at + timedelta(seconds=1), closed_at) == [
        done.number
    ]
    [row] = await rows(bot, FamilyEvaluationRow)
    assert (row.toelichting, row.answered_by, row.gehoord, row.nu) == (
        None,
        "(geanonimiseerd)",
        4,
        3,
    )
    assert await archive.purge(done.number, "functionaris")
    assert await rows(bot, FamilyEvaluationRow) == []


async def test_a_case_still_open_weeks_after_the_advice_is_evaluated_once(bot, connector, http):
    chair, referrer, _, number, _, _ = await issued(bot, connector, http)
    retbot = bot.app[RETBOT]
    weeks = retbot.ret.evaluation.after_advice_weeks
    async with retbot.engine.connect() as connection:
        advised = aware((await connection.execute(select(AdviceRow.issued_at))).scalar_one())
    seen = len(connector.received[referrer.id])

    early = await retbot.jobs.evaluation_after_advice(advised + timedelta(weeks=weeks, days=-1))
    due = await retbot.jobs.evaluation_after_advice(advised + timedelta(weeks=weeks))
    again = await retbot.jobs.evaluation_after_advice(advised + timedelta(weeks=weeks + 4))
    await retbot.dispatcher.dispatch_due()

    assert (weeks, early, due, again) == (12, 0, 1, 0)
    [card] = evaluation_cards(connector.received[referrer.id][seen:])
    assert f"Het RET gaf {weeks} weken of langer geleden advies in deze casus" in str(card)
    assert family_link(card) is not None
    assert_valid_card(card)
    [round_] = await rows(bot, EvaluationRoundRow)
    assert round_.case_number == number
    actions = [r.action for r in await rows(bot, AuditRow) if r.case_number == number]
    assert actions.count("evaluatie gevraagd na advies") == 1

    seen = len(connector.received[referrer.id])
    await chair.submit({CLOSE_KEY: number, close_reason_id(number): "opgelost"})
    await retbot.dispatcher.dispatch_due()

    assert evaluation_cards(connector.received[referrer.id][seen:]) == []  # asked already
    [still] = await rows(bot, EvaluationRoundRow)
    assert aware(still.asked_at) == aware(round_.asked_at)


@pytest.mark.parametrize("weeks", [-1, 105])
def test_the_weeks_after_the_advice_are_bounded(ret, weeks):  # noqa: F811
    with pytest.raises(ValueError):
        RetConfig.model_validate(
            {**ret.model_dump(mode="json"), "evaluation": {"after_advice_weeks": weeks}}
        )


async def test_zero_weeks_asks_only_at_the_closing():
    class NotAsked:
        async def due_after_advice(self, advice_before):
            raise AssertionError("0 weeks: nothing is looked up")

    assert await ask_after_advice(NotAsked(), 0, datetime.now(UTC), messages=None) == 0


async def test_the_report_counts_the_families_answers(bot, connector, http, tmp_path):
    done = await closed(bot, connector, http)
    [to_referrer] = evaluation_cards(done.sent[done.case.referrer.id])
    async with http.post(bot.url + path_of(family_link(to_referrer)), data=FAMILY_FORM) as sent:
        assert sent.status == 200
    await done.case.thijs.submit(answer(done.number))
    out = tmp_path / "r.docx"

    made(bot.app[RETBOT].settings.database_url, "docx", out)

    paragraphs = [p.text for p in Document(out).paragraphs]
    for expected in (
        "Casussen met een evaluatie: 1",
        "Antwoorden: 0 van verwijzers, 1 van kernteamleden",
        "Gemiddeld cijfer samenwerking (1-5): 4,0",
        "Antwoorden van gezinnen: 1",
        "Gezin voelde zich gehoord, gemiddeld (1-5): 4,0",
        "Wens van jeugdige en ouders het vertrekpunt: ja 0, deels 1, nee 0, weet niet 0",
        "Hoe het nu gaat volgens het gezin, gemiddeld (1-5): 3,0",
    ):
        assert expected in paragraphs, expected
    assert FAMILY_FORM["toelichting"] not in "\n".join(paragraphs)  # counts only
