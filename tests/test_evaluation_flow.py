"""Leren van vastgelopen zorgvragen through the real app: closing a case asks the verwijzer
and the kernteamleden with an afspraak for an evaluation in their own chat (stored with the
closing), one answer per person, one reminder after the RET file's days, and the
voorzitter's overview with leerpunten; export, purge and anonymisation cover it all."""

import asyncio
import re
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.cases import CLOSE_KEY, close_reason_id
from dialogs.cards.evaluation import (
    EVALUATION_KEY,
    LEARNED_INPUT,
    THEME_INPUT,
    WORKED_INPUT,
    overview_cards,
)
from domain.evaluation import (
    Evaluation,
    EvaluationAnswer,
    Judgement,
    Leerpunt,
    RespondentKind,
    parse_answer,
    respondents,
)
from domain.ret import LEERPUNT_THEMES, RetConfig
from storage.case_archive import CaseArchive
from storage.database import create_session_factory
from storage.encryption import PREFIX, FieldCipher
from storage.evaluation import SqlEvaluationRepository
from storage.models import (
    AuditRow,
    EvaluationAnswerRow,
    EvaluationRoundRow,
    LeerpuntRow,
    OutboxRow,
)
from storage.retention import anonymise_closed_cases
from tests.support import assert_valid_card
from tests.test_advice_flow import (
    ADVIES,
    EVA_AAD,
    GGZ,
    SAMENVATTING,
    in_channel,
    ret,  # noqa: F401  (the example RET with Teams ids for two kernteamleden)
    rows,
)
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_follow_up_flow import followed
from tests.test_minimal_data import PERSONAL

KNELPUNT = "Geen gezinshuisplek met traumabehandeling in de regio."
OPLOSSING = "De GGZ behandelde op de plek van het gezinshuis zelf."
LEARNED = "Behandeling kan naar de plek toe komen in plaats van andersom."
WORKED = "Eén casusregisseur die alle partijen wekelijks belde."
NOT_PUBLIC = (SAMENVATTING, ADVIES, "Inge Referent", "Fatima el Amrani", *PERSONAL)


def answer(number: str, **changes) -> dict:
    values = {
        "verb": EVALUATION_KEY,
        EVALUATION_KEY: number,
        "score": "4",
        "afspraken": "deels",
        "samenwerking": "Snel geschakeld na de tafel.",
        "knelpunt": KNELPUNT,
        "oplossing": OPLOSSING,
        "advies": "ja",
        "beter_af": "ja",
    }
    return {**values, **changes}


class Closed:
    """An advised case that the voorzitter closed; everyone's chats with what arrived."""

    def __init__(self, case, closed_reply, sent):
        self.case, self.closed_reply, self.sent = case, closed_reply, sent
        self.number, self.bot = case.number, case.bot

    async def closed_at(self):
        async with self.bot.app[RETBOT].engine.connect() as connection:
            return (await connection.execute(select(EvaluationRoundRow))).one().asked_at


async def closed(bot, connector, http) -> Closed:
    case = await followed(bot, connector, http)
    seen = case.seen()
    reply = await case.chair.submit(
        {CLOSE_KEY: case.number, close_reason_id(case.number): "opgelost"}
    )
    async with asyncio.timeout(5):
        for who in (case.referrer, case.thijs, case.fatima):
            await connector.wait_for(who.id, seen.get(who.id, 0) + 1)
    return Closed(case, reply, case.new_since(seen))


def evaluation_cards(activities: list[dict]) -> list[dict]:
    return [
        a["content"]
        for activity in activities
        for a in activity.get("attachments") or []
        if a["contentType"] == "application/vnd.microsoft.card.adaptive"
        and EVALUATION_KEY in (a["content"].get("actions") or [{}])[0].get("data", {})
    ]


async def test_closing_asks_everyone_involved_in_their_own_chat_with_the_closing(
    bot, connector, http
):
    done = await closed(bot, connector, http)
    case = done.case

    assert done.closed_reply.texts()[0].startswith(f"{done.number} is afgesloten (opgelost)")
    assert done.closed_reply.texts()[0].endswith(
        f"3 betrokkenen krijgen een korte evaluatie; typ `evaluatie {done.number}` om de "
        "antwoorden te zien."
    )
    for who in (case.referrer, case.thijs, case.fatima):
        [card] = evaluation_cards(done.sent[who.id])
        assert card["body"][0]["text"] == f"Evaluatie {done.number} (J.D.)"
        shown = str(card)
        for part in (
            "Samenwerking",
            "Inhoud",
            "Kwam iedereen zijn afspraken na?",
            "Wat zat er vast?",
            "Wat hielp om het los te krijgen?",
            "Is het advies van het RET uitgevoerd?",
            "Is de jeugdige er nu beter aan toe?",
        ):
            assert part in shown, part
        for private in NOT_PUBLIC:
            assert private not in shown, private
    assert evaluation_cards(done.sent.get(case.channel.id, [])) == []  # nothing in a channel
    assert evaluation_cards(done.sent.get(case.chair.id, [])) == []
    outbox = [
        r for r in await rows(bot, OutboxRow) if (r.notice_key or "").startswith("evaluatie:")
    ]
    assert len(outbox) == 3
    [round_] = await rows(bot, EvaluationRoundRow)
    assert round_.case_number == done.number and round_.reminded_at is None
    assert {aware(r.created_at) for r in outbox} == {aware(round_.asked_at)}  # one transaction


def aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def test_an_answer_counts_once_and_is_stored_and_audited(bot, connector, http):
    done = await closed(bot, connector, http)
    thijs = done.case.thijs

    card_message = done.sent[thijs.id][-1]["id"]  # Teams says which message held the card
    first = await thijs.submit(answer(done.number), reply_to=card_message)
    again = await thijs.submit(answer(done.number, score="1", knelpunt="Anders"))

    assert first.texts() == [
        f"Dank je wel. Je evaluatie van {done.number} is opgeslagen; de voorzitter neemt hem "
        "mee in de leerpunten van het RET."
    ]
    [said] = again.texts()
    assert re.fullmatch(
        f"De evaluatie van {done.number} is al vastgelegd op \\d+ \\w+ \\d{{4}} om \\d\\d:\\d\\d "
        "door Thijs Wennink\\. Er is niets veranderd\\.",
        said,
    ), said
    [replaced] = connector.updated[thijs.id]  # the card, read-only: nothing to send again
    assert replaced["id"] == card_message
    [read_only] = replaced["attachments"]
    assert "Input." not in str(read_only) and "Action." not in str(read_only)
    assert read_only["content"]["body"][0]["text"] == f"Evaluatie {done.number} (J.D.)"
    assert re.fullmatch(
        r"Vastgelegd door Thijs Wennink op \d+ \w+ \d{4} om \d\d:\d\d\.",
        read_only["content"]["body"][-1]["text"],
    )
    [row] = await rows(bot, EvaluationAnswerRow)
    assert (row.respondent, row.kind, row.organisation, row.answered_by) == (
        "t.wennink@jggz-debron.example.org",
        "kernteamlid",
        "Jeugd-GGZ De Bron",
        "Thijs Wennink",
    )
    assert (row.score, row.afspraken, row.knelpunt, row.advies, row.beter_af) == (
        4,
        "deels",
        KNELPUNT,
        "ja",
        "ja",
    )
    audits = [a.action for a in await rows(bot, AuditRow) if a.case_number == done.number]
    assert audits.count("evaluatie ingevuld") == 1


async def test_only_those_asked_answer_and_a_half_answer_is_asked_again(bot, connector, http):
    done = await closed(bot, connector, http)
    eva = person(bot, connector, http, "Eva Smit", EVA_AAD)  # GGZ, flexibele schil: not asked

    by_eva = await eva.submit(answer(done.number))
    by_chair = await done.case.chair.submit(answer(done.number))
    unknown = await done.case.referrer.submit(answer("RET-1999-0001"))
    half = await done.case.referrer.submit(answer(done.number, score="", beter_af=""))

    for refused in (by_eva, by_chair):
        assert refused.texts() == [
            "Deze evaluatie is niet voor jou, of de casus is nog niet afgesloten."
        ]
    assert unknown.texts() == ["Die casus ken ik niet."]
    [card] = half.cards()
    assert "Kies een cijfer van 1 tot 5 voor de samenwerking." in str(card)
    knelpunt = next(e for e in card["body"] if e.get("id") == "knelpunt")
    assert knelpunt["value"] == KNELPUNT  # what was typed stays
    assert await rows(bot, EvaluationAnswerRow) == []

    by_referrer = await done.case.referrer.submit(answer(done.number))
    assert by_referrer.texts()[0].startswith("Dank je wel.")
    [row] = await rows(bot, EvaluationAnswerRow)
    assert (row.respondent, row.kind, row.organisation) == ("verwijzer", "verwijzer", None)


async def test_an_open_case_cannot_be_evaluated(bot, connector, http):
    case = await followed(bot, connector, http)

    refused = await case.thijs.submit(answer(case.number))

    assert refused.texts() == [
        "Deze evaluatie is niet voor jou, of de casus is nog niet afgesloten."
    ]
    assert await rows(bot, EvaluationAnswerRow) == []


async def test_one_reminder_after_the_ret_files_days_to_whoever_did_not_answer(
    bot, connector, http
):
    done = await closed(bot, connector, http)
    case = done.case
    await case.thijs.submit(answer(done.number))
    jobs = bot.app[RETBOT].jobs
    asked_at = aware(await done.closed_at())
    days = bot.app[RETBOT].ret.evaluation.reminder_after_days

    seen = case.seen()
    early = await jobs.evaluation_reminders(asked_at + timedelta(days=days - 1))
    due = await jobs.evaluation_reminders(asked_at + timedelta(days=days))
    again = await jobs.evaluation_reminders(asked_at + timedelta(days=days + 30))
    sent = case.new_since(seen)

    assert (days, early, due, again) == (10, 0, 2, 0)
    assert set(sent) == {case.referrer.id, case.fatima.id, case.chair.id}
    assert [a["text"] for a in sent[case.chair.id]] == [
        f"Evaluatie {done.number} (J.D.): 1 van de 3 betrokkenen hebben geantwoord; wie nog "
        f"niet antwoordde, kreeg vandaag een herinnering. Typ `evaluatie {done.number}` om de "
        "evaluaties samen te zien en leerpunten vast te leggen."
    ]
    for who in (case.referrer, case.fatima):
        [card] = evaluation_cards(sent[who.id])
        assert card["body"][0]["text"] == f"Herinnering: Evaluatie {done.number} (J.D.)"
    audits = [a.action for a in await rows(bot, AuditRow) if a.case_number == done.number]
    assert audits.count("evaluatie herinnerd") == 1


async def test_the_voorzitter_sees_the_evaluations_together_and_records_leerpunten(
    bot, connector, http
):
    done = await closed(bot, connector, http)
    case = done.case
    await case.thijs.submit(answer(done.number))

    overview = (await case.chair.say(f"evaluatie {done.number.lower()}")).cards()[0]

    shown = str(overview)
    assert overview["body"][0]["text"] == f"Evaluaties {done.number} (J.D.)"
    assert "1 van de 3 betrokkenen hebben de evaluatie ingevuld." in shown
    assert "Thijs Wennink (kernteamlid Jeugd-GGZ De Bron)" in shown
    assert "Samenwerking 4/5 · afspraken nagekomen: deels" in shown
    assert "Advies uitgevoerd: ja · jeugdige beter af: ja" in shown
    assert KNELPUNT in shown and OPLOSSING in shown
    assert "Nog geen leerpunten vastgelegd." in shown
    audits = [a for a in await rows(bot, AuditRow) if a.case_number == done.number]
    assert ("Marieke Hofstede", "evaluaties bekeken") in [(a.actor, a.action) for a in audits]

    form = overview["actions"][0]["card"]
    theme = form["body"][0]
    assert [c["value"] for c in theme["choices"]] == list(LEERPUNT_THEMES)
    data = form["actions"][0]["data"]
    values = {
        **data,
        THEME_INPUT: "passend aanbod ontbreekt",
        LEARNED_INPUT: LEARNED,
        WORKED_INPUT: WORKED,
    }
    saved = await case.chair.submit(values)
    twice = await case.chair.submit(values)
    no_theme = await case.chair.submit({**values, THEME_INPUT: "iets anders", "leerpunt_form": "x"})
    by_thijs = await case.thijs.submit({**values, "leerpunt_form": "y"})

    assert saved.texts() == [
        f"Leerpunt voor {done.number} opgeslagen (thema: passend aanbod ontbreekt)."
    ]
    assert re.fullmatch(
        r"Dit leerpunt is al opgeslagen op \d+ \w+ \d{4} om \d\d:\d\d door Marieke Hofstede; "
        r"er is niets dubbel vastgelegd\.",
        twice.texts()[0],
    ), twice.texts()
    assert no_theme.texts() == ["Kies een thema uit de lijst."]
    assert by_thijs.texts() == [
        "Alleen de voorzitter van het RET bekijkt evaluaties en legt leerpunten vast."
    ]
    [row] = await rows(bot, LeerpuntRow)
    assert (row.theme, row.learned, row.worked, row.recorded_by) == (
        "passend aanbod ontbreekt",
        LEARNED,
        WORKED,
        "Marieke Hofstede",
    )
    again = str((await case.chair.say(f"evaluatie {done.number}")).cards()[0])
    assert LEARNED in again and WORKED in again and "passend aanbod ontbreekt" in again


async def test_evaluations_stay_out_of_channels_and_away_from_others(bot, connector, http):
    done = await closed(bot, connector, http)
    case = done.case
    await case.thijs.submit(answer(done.number))
    chair_in_channel = in_channel(case.channel, "Marieke Hofstede", CHAIR_AAD)

    in_channel_reply = await chair_in_channel.say(f"evaluatie {done.number}")
    by_thijs = await case.thijs.say(f"evaluatie {done.number}")
    no_number = await case.chair.say("evaluatie")

    assert in_channel_reply.texts() == [
        "Evaluaties bekijk je in je eigen chat met retbot, niet in een kanaal."
    ]
    assert KNELPUNT not in str(in_channel_reply.replies)
    assert by_thijs.texts() == [
        "Alleen de voorzitter van het RET bekijkt evaluaties en legt leerpunten vast."
    ]
    assert no_number.texts() == [
        "Typ `evaluatie` met het casusnummer, bijvoorbeeld `evaluatie RET-2026-0003`."
    ]


async def test_export_purge_and_anonymisation_cover_evaluations(bot, connector, http):
    done = await closed(bot, connector, http)
    case = done.case
    await case.thijs.submit(answer(done.number))
    overview = (await case.chair.say(f"evaluatie {done.number}")).cards()[0]
    data = overview["actions"][0]["card"]["actions"][0]["data"]
    await case.chair.submit({**data, THEME_INPUT: "wachtlijst", LEARNED_INPUT: LEARNED})
    retbot = bot.app[RETBOT]
    sessions = create_session_factory(retbot.engine)
    archive = CaseArchive(sessions)

    exported = (await archive.export(done.number, "functionaris"))["evaluatie"]

    [given] = exported["antwoorden"]
    assert (given["door"], given["samenwerking_score"], given["wat_zat_vast"]) == (
        "Thijs Wennink",
        4,
        KNELPUNT,
    )
    assert exported["leerpunten"][0]["thema"] == "wachtlijst"
    assert exported["leerpunten"][0]["geleerd"] == LEARNED

    closed_at = aware(await done.closed_at())
    assert await anonymise_closed_cases(sessions, closed_at + timedelta(seconds=1), closed_at) == [
        done.number
    ]
    [row] = await rows(bot, EvaluationAnswerRow)
    assert (row.knelpunt, row.oplossing, row.samenwerking) == (None, None, None)
    assert "wennink" not in row.respondent and row.answered_by == "(geanonimiseerd)"
    assert (row.score, row.advies) == (4, "ja")  # the reports still count these
    [leerpunt] = await rows(bot, LeerpuntRow)
    assert (leerpunt.theme, leerpunt.learned) == ("wachtlijst", None)

    assert await archive.purge(done.number, "functionaris")
    for model in (EvaluationRoundRow, EvaluationAnswerRow, LeerpuntRow):
        assert await rows(bot, model) == [], model


@pytest.mark.parametrize("days", [0, 91])
def test_the_reminder_days_are_bounded(ret, days):  # noqa: F811
    with pytest.raises(ValueError):
        RetConfig.model_validate(
            {**ret.model_dump(mode="json"), "evaluation": {"reminder_after_days": days}}
        )


def test_the_example_ret_names_the_leerpunt_themes(ret):  # noqa: F811
    assert ret.evaluation.themes == LEERPUNT_THEMES
    assert ret.evaluation.reminder_after_days == 10


async def test_answers_and_leerpunten_are_encrypted_at_rest(bot, connector, http):
    """With a data key, the free text of evaluations and leerpunten is stored encrypted and
    read back whole."""
    done = await closed(bot, connector, http)
    cipher = FieldCipher(Fernet.generate_key().decode())
    sealed = SqlEvaluationRepository(create_session_factory(bot.app[RETBOT].engine), cipher)
    case = await sealed.get(done.number)
    [thijs] = [r for r in respondents(case, [GGZ], bot.app[RETBOT].ret) if r.organisation == GGZ]
    given = parse_answer(answer(done.number))
    moment = aware(await done.closed_at()) + timedelta(hours=1)

    await sealed.record(case, thijs, "Thijs Wennink", given, moment, "msteams")
    await sealed.add_leerpunt(
        Leerpunt(done.number, "onderwijs", LEARNED, WORKED, "Marieke Hofstede", moment), "msteams"
    )

    [row] = await rows(bot, EvaluationAnswerRow)
    [leerpunt] = await rows(bot, LeerpuntRow)
    for stored in (
        row.samenwerking,
        row.knelpunt,
        row.oplossing,
        leerpunt.learned,
        leerpunt.worked,
    ):
        assert stored.startswith(PREFIX)
    assert KNELPUNT not in str(row) and LEARNED not in str(leerpunt)
    [read] = await sealed.evaluations(done.number, "Marieke Hofstede", "msteams", moment)
    assert read.answer == given
    assert (await sealed.leerpunten(done.number))[0].worked == WORKED


async def test_when_everyone_answered_only_the_voorzitter_hears_of_it(bot, connector, http):
    done = await closed(bot, connector, http)
    case = done.case
    for who in (case.thijs, case.fatima, case.referrer):
        await who.submit(answer(done.number))
    asked_at = aware(await done.closed_at())

    seen = case.seen()
    reminded = await bot.app[RETBOT].jobs.evaluation_reminders(asked_at + timedelta(days=10))
    sent = case.new_since(seen)

    assert reminded == 0 and set(sent) == {case.chair.id}
    assert sent[case.chair.id][0]["text"].startswith(
        f"Evaluatie {done.number} (J.D.): alle 3 betrokkenen hebben geantwoord."
    )


def test_many_long_evaluations_spread_over_cards_teams_accepts():
    """Every answer may be 1000 characters per question: the overview takes as many cards
    as it needs, each within Teams' limit, the leerpunt form on the last."""
    at = datetime(2026, 5, 1, 10, tzinfo=UTC)
    long = "Lang antwoord met veel uitleg over de casus. " * 22  # 990 characters
    given = EvaluationAnswer(3, Judgement.DEELS, long, long, long, Judgement.JA, Judgement.NEE)
    evaluations = [
        Evaluation("RET-2026-0009", RespondentKind.KERNTEAMLID, f"Org {i}", f"Lid {i}", at, given)
        for i in range(12)
    ]
    leerpunten = [Leerpunt("RET-2026-0009", "onderwijs", long, long, "V", at)] * 4

    cards = overview_cards(
        "RET-2026-0009", "J.D.", 12, evaluations, leerpunten, LEERPUNT_THEMES, "nl"
    )

    assert len(cards) > 1
    for card in cards:
        assert_valid_card(card)
    shown = "".join(str(card) for card in cards)
    assert all(f"Lid {i} (kernteamlid Org {i})" in shown for i in range(12))
    assert shown.count("**Wat werkte**") == 4
    assert [bool(card.get("actions")) for card in cards] == [False] * (len(cards) - 1) + [True]
