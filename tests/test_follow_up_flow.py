"""Follow-up after the advice through the real app: rounds from the RET's cadence, the
questions in the kernteamleden's and the referrer's own chats, answers on the card and on
the answer page behind a signed link, reminders, and the voorzitter alerted when it stalls.
The job is called with an explicit `now` to move time."""

import asyncio
import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.app import RETBOT
from dialogs.cards.follow_up import ESCALATE_KEY, FOLLOW_UP_KEY, STEP_KEY
from domain.follow_up import Progress, due_round, round_due_at
from storage.case_archive import CaseArchive
from storage.database import create_session_factory
from storage.models import (
    AdviceRow,
    AuditRow,
    CaseEventRow,
    CaseRow,
    EscalationRow,
    FollowUpAskRow,
    FollowUpRoundRow,
    OutboxRow,
)
from storage.retention import anonymise_closed_cases
from tests.support import assert_valid_card
from tests.test_advice_flow import (
    ADVIES,
    FATIMA_AAD,
    GGZ,
    LVB,
    SAMENVATTING,
    THIJS_AAD,
    issued,
    ret,  # noqa: F401  (the example RET with Teams ids for two kernteamleden)
    rows,
)
from tests.test_consult_flow import person
from tests.test_minimal_data import PERSONAL
from tests.test_triage_flow import status_of

DAY = timedelta(days=1)
GGZ_ACTION = "Start traumabehandeling in het gezinshuis"
LINK = re.compile(r"https?://[^\s/]+(/follow-up/[A-Za-z0-9_.\-]+)")
NOT_PUBLIC = (SAMENVATTING, ADVIES, "Inge Referent", "Fatima el Amrani", *PERSONAL)


class Followed:
    """A case with advice, the kernteamleden of GGZ and LVB with their own chats open."""

    def __init__(self, bot, connector, http, chair, referrer, channel, number, thijs, fatima):
        self.bot, self.connector, self.http = bot, connector, http
        self.chair, self.referrer, self.channel, self.number = chair, referrer, channel, number
        self.thijs, self.fatima = thijs, fatima

    @property
    def jobs(self):
        return self.bot.app[RETBOT].jobs

    async def issued_at(self) -> datetime:
        async with self.bot.app[RETBOT].engine.connect() as connection:
            moment = await connection.scalar(select(AdviceRow.issued_at))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    async def run(self, days: float):
        """The follow-up job, `days` after the advice; waits until what it sent arrived."""
        seen = self.seen()
        outcome = await self.jobs.follow_up((await self.issued_at()) + timedelta(days=days))
        return outcome, self.new_since(seen)

    def seen(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.connector.received.items()}

    def new_since(self, seen: dict[str, int]) -> dict[str, list[dict]]:
        return {
            k: v[seen.get(k, 0) :]
            for k, v in self.connector.received.items()
            if len(v) > seen.get(k, 0)
        }

    async def asks(self) -> list:
        return sorted(await rows(self.bot, FollowUpAskRow), key=lambda r: r.id)


async def followed(bot, connector, http) -> Followed:
    chair, referrer, channel, number, _, _ = await issued(bot, connector, http)
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    fatima = person(bot, connector, http, "Fatima el Amrani", FATIMA_AAD)
    await thijs.join()
    await fatima.join()
    return Followed(bot, connector, http, chair, referrer, channel, number, thijs, fatima)


def card_of(activities: list[dict]) -> dict:
    [card] = [
        a["content"]
        for activity in activities
        for a in activity.get("attachments") or []
        if a["contentType"] == "application/vnd.microsoft.card.adaptive"
    ]
    return card


def link_path(card: dict) -> str:
    return LINK.search(str(card)).group(1)


def ask_id_of(card: dict) -> int:
    return card["actions"][0]["data"][FOLLOW_UP_KEY]


async def events(bot) -> list[tuple[str, str, str | None]]:
    return [(e.actor, e.kind, e.text) for e in await rows(bot, CaseEventRow)]


async def audits(bot) -> list[tuple[str, str, str]]:
    return [(a.actor, a.action, a.channel) for a in await rows(bot, AuditRow)]


def test_rounds_come_from_the_cadence(ret):  # noqa: F811
    cadence = ret.follow_up  # 14 days, then every 42
    issued_at = datetime(2026, 3, 2, 10, tzinfo=UTC)

    assert due_round(issued_at, cadence, issued_at + 13 * DAY) is None
    assert due_round(issued_at, cadence, issued_at + 14 * DAY) == 1
    assert due_round(issued_at, cadence, issued_at + 55 * DAY) == 1
    assert due_round(issued_at, cadence, issued_at + 56 * DAY) == 2
    assert round_due_at(issued_at, cadence, 3) == issued_at + (14 + 84) * DAY


async def test_rounds_are_planned_from_the_advice_until_the_case_closes(bot, connector, http):
    case = await followed(bot, connector, http)

    early, sent_early = await case.run(13.9)
    advised = await status_of(bot, case.number)
    first, _ = await case.run(14)
    monitored = await status_of(bot, case.number)
    between, _ = await case.run(14 + 41)
    second, _ = await case.run(14 + 42)

    assert (early.rounds, sent_early) == (0, {})
    assert (first.rounds, between.rounds, second.rounds) == (1, 0, 1)
    assert (advised, monitored) == ("advies gegeven", "monitoren")  # the first round moves it
    round_rows = sorted(await rows(bot, FollowUpRoundRow), key=lambda r: r.number)
    issued_at = await case.issued_at()
    assert [(r.number, r.due_at.replace(tzinfo=UTC)) for r in round_rows] == [
        (1, (issued_at + 14 * DAY).replace(tzinfo=UTC)),
        (2, (issued_at + 56 * DAY).replace(tzinfo=UTC)),
    ]
    asks = await case.asks()
    assert [(a.kind, a.organisation) for a in asks if a.round_id == round_rows[0].id] == [
        ("afspraak", GGZ),
        ("afspraak", LVB),
        ("verwijzer", None),
    ]
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(
            update(CaseRow).values(status="afgesloten", closed_at=datetime.now(UTC))
        )
    after_closing, sent = await case.run(14 + 84)
    assert (after_closing.rounds, after_closing.asked, after_closing.reminded) == (0, 0, 0)
    assert sent == {}


async def test_a_due_question_reaches_the_kernteamleden_and_the_referrer_minimally(
    bot, connector, http
):
    case = await followed(bot, connector, http)

    outcome, sent = await case.run(14)

    assert outcome.asked == 3
    assert set(sent) == {case.thijs.id, case.fatima.id, case.referrer.id}
    to_thijs, to_referrer = card_of(sent[case.thijs.id]), card_of(sent[case.referrer.id])
    assert to_thijs["body"][0]["text"] == f"Follow-up {case.number} (J.D.)"
    assert f"**Afspraak**: {GGZ_ACTION}" in str(to_thijs)
    assert "Hoe staat de afspraak van Jeugd-GGZ De Bron ervoor?" in str(to_thijs)
    assert "LVB" not in str(to_thijs)
    assert "Hoe gaat het nu met de jeugdige" in str(to_referrer)
    assert GGZ not in str(to_referrer) and "Afspraak" not in str(to_referrer)
    # Each is asked for a note in the words of their own choices.
    assert "Toelichting (nodig bij vertraagd of gestopt)" in str(to_thijs)
    assert "Toelichting (nodig als het moeizaam gaat of niet lukt)" in str(to_referrer)
    for card in (to_thijs, to_referrer, card_of(sent[case.fatima.id])):
        assert card["actions"][0]["type"] == "Action.Submit"
        assert link_path(card).startswith("/follow-up/")
        link = card["actions"][1]  # a button, not a long token in the text
        assert (link["type"], link["title"]) == (
            "Action.OpenUrl",
            "Link voor een collega zonder Teams",
        )
        assert link_path(link).startswith("/follow-up/")
        assert "/follow-up/" not in str(card["body"])
        assert "De knop 'Link voor een collega zonder Teams' opent de pagina" in str(card)
        for private in NOT_PUBLIC:
            assert private not in str(card), private
    assert sum(a == "follow-up gevraagd" for _, a, _ in await audits(bot)) == 3


async def test_a_question_waits_for_whoever_has_not_opened_retbot_and_the_chair_hears_of_it(
    bot, connector, http
):
    """Neither kernteamlid opened retbot (and there is no SMTP server): their questions wait
    and arrive the moment one opens the chat; after two hours the voorzitter, in their own
    chat, and the admin hear who is still not reached. Links never go to the channel."""
    chair, referrer, channel, number, _, _ = await issued(bot, connector, http)
    case = Followed(bot, connector, http, chair, referrer, channel, number, None, None)
    dispatcher = bot.app[RETBOT].dispatcher

    _, sent = await case.run(14)
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    opened = await thijs.join()
    waiting = [r for r in await rows(bot, OutboxRow) if r.status == "waiting"]
    seen = case.seen()
    await dispatcher.dispatch_due(datetime.now(UTC) + timedelta(hours=1))
    quiet_hour = case.new_since(seen)
    await dispatcher.dispatch_due(datetime.now(UTC) + timedelta(hours=2, minutes=1))
    await dispatcher.dispatch_due(datetime.now(UTC) + timedelta(hours=3))
    told = case.new_since(seen)

    assert set(sent) == {referrer.id}  # only the referrer has a chat with retbot yet
    _menu, invitation, ask = opened.cards()  # the welcome, then what waited, oldest first
    assert invitation["body"][0]["text"] == f"Uitnodiging RET-overleg {number} (J.D.)"
    assert ask["body"][0]["text"] == f"Follow-up {number} (J.D.)" and GGZ in str(ask)
    waiting_for = {r.scope_id for r in waiting}
    assert "f.elamrani@hetanker-lvb.example.org" in waiting_for
    assert "t.wennink@jggz-debron.example.org" not in waiting_for  # he has it all now
    assert quiet_hour == {}
    [report] = told[chair.id]  # once, and nobody else in Teams (the admin has no chat)
    assert set(told) == {chair.id}
    assert report["text"].startswith("retbot krijgt deze berichten al twee uur of langer niet")
    assert "- Fatima el Amrani: 2 berichten" in report["text"]  # the invitation, the question
    assert "Thijs" not in report["text"]
    assert not LINK.search(str(connector.received[channel.id]))


async def test_answering_in_teams_is_recorded_in_the_timeline_once(bot, connector, http):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    thijs_ask = ask_id_of(card_of(sent[case.thijs.id]))
    referrer_ask = ask_id_of(card_of(sent[case.referrer.id]))

    by_fatima = await case.fatima.submit({FOLLOW_UP_KEY: thijs_ask, "voortgang": "vertraagd"})
    no_note = await case.thijs.submit({FOLLOW_UP_KEY: thijs_ask, "voortgang": "vertraagd"})
    note = "Start schuift twee weken: de behandelaar begint 1 april."
    card_message = sent[case.thijs.id][-1]["id"]  # Teams says which message held the card
    answered = await case.thijs.submit(
        {FOLLOW_UP_KEY: thijs_ask, "voortgang": "vertraagd", "toelichting": note},
        reply_to=card_message,
    )
    again = await case.thijs.submit({FOLLOW_UP_KEY: thijs_ask, "voortgang": "loopt volgens plan"})
    by_referrer = await case.referrer.submit(
        {FOLLOW_UP_KEY: referrer_ask, "voortgang": "loopt volgens plan"}
    )

    assert by_fatima.texts()[0].startswith("Deze vraag is voor een kernteamlid")
    [asked_again] = no_note.cards()
    assert "Schrijf bij vertraagd of gestopt kort" in str(asked_again)
    assert (
        next(b for b in asked_again["body"] if b.get("id") == "voortgang")["value"] == "vertraagd"
    )
    assert answered.texts() == [f"Dank je wel, je antwoord over {case.number} is vastgelegd."]
    [already] = again.texts()
    assert re.fullmatch(
        f"Op deze vraag over {case.number} is al geantwoord, op \\d+ \\w+ \\d{{4}} om "
        "\\d\\d:\\d\\d door Thijs Wennink\\. Er is niets veranderd\\.",
        already,
    ), already
    [replaced] = connector.updated[case.thijs.id]  # the card, read-only: nothing to send again
    assert replaced["id"] == card_message
    [read_only] = replaced["attachments"]
    assert "Input." not in str(read_only) and "Action." not in str(read_only)
    answered_line = read_only["content"]["body"][-1]["text"]
    assert re.fullmatch(
        r"Beantwoord door Thijs Wennink op \d+ \w+ \d{4} om \d\d:\d\d: Vertraagd\.", answered_line
    )
    shown = [f for b in read_only["content"]["body"] if b["type"] == "FactSet" for f in b["facts"]]
    assert {"title": "Toelichting", "value": note} in shown  # the note given with the answer
    assert connector.updated[case.referrer.id] == []  # no card id given: nothing replaced
    assert by_referrer.texts() == answered.texts()
    asks = {a.id: a for a in await case.asks()}
    assert (asks[thijs_ask].progress, asks[thijs_ask].answered_by) == ("vertraagd", "Thijs Wennink")
    assert asks[thijs_ask].toelichting == note
    assert asks[referrer_ask].progress == Progress.OP_SCHEMA.value
    assert ("Thijs Wennink", "follow-up beantwoord", f"{GGZ} (ronde 1): vertraagd. {note}") in (
        await events(bot)
    )
    assert ("Inge Referent", "follow-up beantwoord", "verwijzer (ronde 1): loopt volgens plan") in (
        await events(bot)
    )
    assert ("Thijs Wennink", "follow-up beantwoord", "msteams") in await audits(bot)
    assert [a for _, a, _ in await audits(bot)].count("follow-up beantwoord") == 2


async def test_answering_on_the_web_page_once(bot, connector, http):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    path = link_path(card_of(sent[case.thijs.id]))
    url = bot.url + path

    async with http.get(url) as page:
        shown, status = await page.text(), page.status
        headers = page.headers
    async with http.get(bot.url + link_path(card_of(sent[case.referrer.id]))) as referrers:
        assert "Toelichting (nodig als het moeizaam gaat of niet lukt)" in await referrers.text()
    assert "Toelichting (nodig bij vertraagd of gestopt)" in shown
    async with http.post(url, data={"voortgang": "vertraagd"}) as incomplete:
        incomplete_page = await incomplete.text()
        incomplete_status = incomplete.status
    async with http.post(url, data={"voortgang": "loopt volgens plan", "toelichting": ""}) as done:
        thanks, done_status = await done.text(), done.status
    async with http.post(url, data={"voortgang": "gestopt/lukt niet", "toelichting": "x"}) as two:
        second, second_status = await two.text(), two.status
    async with http.get(url) as later:
        later_status = later.status

    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["Referrer-Policy"] == "no-referrer" and headers["Cache-Control"] == "no-store"
    assert '<html lang="nl">' in shown
    for expected in (case.number, "J.D.", GGZ, GGZ_ACTION, "Loopt volgens plan"):
        assert expected in shown, expected
    for private in NOT_PUBLIC:
        assert private not in shown, private
    assert "<script" not in shown
    assert incomplete_status == 422 and "Schrijf bij vertraagd of gestopt kort" in incomplete_page
    assert 'value="vertraagd" required checked' in incomplete_page
    assert done_status == 200 and "Uw antwoord is vastgelegd" in thanks
    assert second_status == 409 and "Op deze vraag is al geantwoord" in second
    assert later_status == 409
    [answered] = [a for a in await case.asks() if a.answered_at]
    assert (answered.organisation, answered.progress, answered.answer_channel) == (
        GGZ,
        "loopt volgens plan",
        "web",
    )
    link_actor = f"antwoordlink ({GGZ})"
    assert (link_actor, "follow-up beantwoord", f"{GGZ} (ronde 1): loopt volgens plan") in (
        await events(bot)
    )
    assert (link_actor, "follow-up bekeken", "web") in await audits(bot)
    assert (link_actor, "follow-up beantwoord", "web") in await audits(bot)


async def test_the_page_escapes_what_it_shows(bot, connector, http):
    case = await followed(bot, connector, http)
    await case.run(14)
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(update(FollowUpAskRow).values(organisation="<b>Org</b> & Co"))
    links = bot.app[RETBOT].follow_up_page.links
    ask_id = (await case.asks())[0].id

    async with http.get(
        bot.url + f"/follow-up/{links.token(ask_id, datetime.now(UTC) + DAY)}"
    ) as r:
        page = await r.text()

    assert "&lt;b&gt;Org&lt;/b&gt; &amp; Co" in page and "<b>Org</b>" not in page


async def test_expired_tampered_and_unknown_links_get_a_clear_4xx_page(bot, connector, http):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    path = link_path(card_of(sent[case.thijs.id]))
    links = bot.app[RETBOT].follow_up_page.links
    ask_id = ask_id_of(card_of(sent[case.thijs.id]))
    now = datetime.now(UTC)
    token = path.rsplit("/", 1)[1]
    tampered = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    cases = {
        "verlopen": (links.token(ask_id, now - timedelta(seconds=1)), 410, "is verlopen"),
        "gewijzigd": (tampered, 404, "Deze link klopt niet"),
        "onbekend": (links.token(987654, now + DAY), 404, "Deze link klopt niet"),
        "onzin": ("niets-van-ons", 404, "Deze link klopt niet"),
    }

    for name, (bad, status, says) in cases.items():
        for method in ("GET", "POST"):
            data = {"voortgang": "loopt volgens plan"}
            async with http.request(method, f"{bot.url}/follow-up/{bad}", data=data) as answer:
                body = await answer.text()
            assert answer.status == status, (name, method)
            assert says in body and "Traceback" not in body, (name, method)
    assert not any(a.answered_at for a in await case.asks())


async def test_a_reminder_after_the_configured_days_and_once(bot, connector, http):
    case = await followed(bot, connector, http)
    await case.run(14)

    too_early, sent_early = await case.run(14 + 4.9)
    reminded, sent = await case.run(14 + 5)
    again, sent_again = await case.run(14 + 5)

    assert (too_early.reminded, sent_early) == (0, {})
    assert reminded.reminded == 3 and set(sent) == {case.thijs.id, case.fatima.id, case.referrer.id}
    title = card_of(sent[case.thijs.id])["body"][0]["text"]
    assert title == f"Herinnering: Follow-up {case.number} (J.D.)"
    assert (again.reminded, sent_again) == (0, {})
    assert {a.messages_sent for a in await case.asks()} == {2}


async def test_the_job_sends_once_when_it_runs_twice_at_the_same_time(bot, connector, http):
    case = await followed(bot, connector, http)
    at = (await case.issued_at()) + 14 * DAY
    seen = case.seen()

    first, second = await asyncio.gather(case.jobs.follow_up(at), case.jobs.follow_up(at))

    assert first.rounds + second.rounds == 1
    assert first.asked + second.asked == 3
    sent = case.new_since(seen)
    assert {k: len(v) for k, v in sent.items()} == {
        case.thijs.id: 1,
        case.fatima.id: 1,
        case.referrer.id: 1,
    }
    assert len(await rows(bot, FollowUpRoundRow)) == 1


async def test_no_answer_after_the_reminders_alerts_the_voorzitter(bot, connector, http):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    answered_ask = ask_id_of(card_of(sent[case.referrer.id]))
    await case.referrer.submit({FOLLOW_UP_KEY: answered_ask, "voortgang": "loopt volgens plan"})
    await case.run(14 + 5)
    await case.run(14 + 10)  # the second reminder: escalate_after_reminders is 2

    before, _ = await case.run(14 + 14.9)
    escalated, sent = await case.run(14 + 15)
    twice, sent_twice = await case.run(14 + 30)

    assert before.escalated == 0
    assert escalated.escalated == 2 and (twice.escalated, sent_twice) == (0, {})
    alerts = [a["text"] for a in sent[case.channel.id]]
    assert (
        f"Follow-up {case.number} (J.D.): {GGZ} heeft na 2 herinneringen niet geantwoord. "
        "Voorgestelde eerste stap van de escalatieladder: procesregie intensiveren."
    ) in alerts  # its contact is the voorzitter, whom the alert is for: not named
    ladder = card_of(sent[case.chair.id][-1:])
    assert ladder["body"][0]["text"] == f"Escalatieladder {case.number} (J.D.)"
    assert ladder["actions"][0]["data"] == {
        "verb": ESCALATE_KEY,
        ESCALATE_KEY: case.number,
        STEP_KEY: "samenwerkingstafel",
    }
    escalations = await rows(bot, EscalationRow)
    assert (
        sorted((e.step, e.reason) for e in escalations)
        == [("procesregie intensiveren", "geen antwoord")] * 2
    )
    assert ("retbot (follow-up)", "escalatie", "scheduler") in await audits(bot)
    for alert in alerts:
        for private in NOT_PUBLIC:
            assert private not in alert

    by_thijs = await case.thijs.submit(ladder["actions"][0]["data"])
    ahead = await case.chair.submit({ESCALATE_KEY: case.number, STEP_KEY: "bestuurlijke escalatie"})
    ladder_message = sent[case.chair.id][-1]["id"]  # Teams says which card was sent
    by_chair = await case.chair.submit(ladder["actions"][0]["data"], reply_to=ladder_message)
    skipped = await case.chair.submit({ESCALATE_KEY: case.number, STEP_KEY: "samenwerkingstafel"})

    again = await case.chair.submit(ladder["actions"][0]["data"])

    assert by_thijs.texts() == ["Alleen de voorzitter zet een stap op de escalatieladder."]
    assert ahead.texts()[0].startswith("Die stap kan nu niet: de ladder gaat één stap tegelijk")
    assert by_chair.texts() == [
        f"Vastgelegd voor {case.number}: samenwerkingstafel. (contact: Ruud Kamphuis)"
    ]
    [already] = again.texts()
    assert already.startswith(
        f"Die stap is al gezet voor {case.number}: samenwerkingstafel, door Marieke Hofstede op "
    )
    assert re.search(r"op \d{1,2} [a-z]+ \d{4} om \d\d:\d\d\.$", already), already
    assert skipped.texts()[0].startswith("Die stap is al gezet")
    # In Teams the ladder card shows the step taken, and offers only the next one.
    [replaced] = connector.updated[case.chair.id]
    assert replaced["id"] == ladder_message
    now_ladder = replaced["attachments"][0]["content"]
    assert_valid_card(now_ladder)
    assert "✔ samenwerkingstafel" in str(now_ladder["body"])
    [next_step] = now_ladder["actions"]
    assert next_step["data"][STEP_KEY] == "bestuurlijke escalatie"
    unknown = await case.chair.submit(
        {ESCALATE_KEY: "RET-1999-0001", STEP_KEY: "procesregie intensiveren"}
    )
    assert unknown.texts()[0].startswith("Die stap kan nu niet")
    steps = [(e.step, e.reason, e.by) for e in await rows(bot, EscalationRow)]
    assert ("samenwerkingstafel", "door voorzitter", "Marieke Hofstede") in steps
    assert len(steps) == 3
    assert ("Marieke Hofstede", "escalatie", "samenwerkingstafel") in await events(bot)


async def test_a_lukt_niet_answer_alerts_the_voorzitter_at_once(bot, connector, http):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    fatima_ask = ask_id_of(card_of(sent[case.fatima.id]))
    note = "De gedragsdeskundige is vertrokken; er is niemand die het overneemt."
    seen = case.seen()

    answer = await case.fatima.submit(
        {FOLLOW_UP_KEY: fatima_ask, "voortgang": "gestopt/lukt niet", "toelichting": note}
    )

    assert answer.texts()[0].endswith("De voorzitter heeft bericht en neemt contact op.")
    arrived = case.new_since(seen)
    [alert] = [a["text"] for a in arrived[case.channel.id]]
    assert alert.startswith(
        f"Follow-up {case.number} (J.D.): {LVB} meldt dat het gestopt is of niet lukt. "
        "Voorgestelde eerste stap van de escalatieladder: procesregie intensiveren"
    )
    assert alert.endswith(  # the team reads it: no "je", no voorzitter named as contact
        "procesregie intensiveren. De toelichting staat in de chat van de voorzitter met "
        "retbot en in het verloop van de casus."
    )
    assert note not in str(arrived[case.channel.id])
    chair_texts = [a.get("text") or "" for a in arrived[case.chair.id]]
    assert any(t.endswith(note) for t in chair_texts)
    [escalation] = await rows(bot, EscalationRow)
    assert (escalation.step, escalation.reason, escalation.ask_id) == (
        "procesregie intensiveren",
        "lukt niet",
        fatima_ask,
    )
    later, _ = await case.run(14 + 30)
    assert later.escalated == 0  # the answered ask is not escalated a second time


async def test_two_answers_racing_through_one_link_record_one(bot, connector, http):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    url = bot.url + link_path(card_of(sent[case.thijs.id]))

    async def post(progress: str) -> int:
        async with http.post(url, data={"voortgang": progress, "toelichting": "x"}) as answer:
            return answer.status

    statuses = await asyncio.gather(*(post(p.value) for p in Progress))

    assert sorted(statuses) == [200, 409, 409]
    assert [a for _, a, _ in await audits(bot)].count("follow-up beantwoord") == 1


async def test_follow_up_is_exported_anonymised_and_purged_with_the_case(bot, connector, http):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    note = "De behandelaar is ziek; de start schuift op."
    await case.thijs.submit(
        {
            FOLLOW_UP_KEY: ask_id_of(card_of(sent[case.thijs.id])),
            "voortgang": "vertraagd",
            "toelichting": note,
        }
    )
    sessions = create_session_factory(bot.app[RETBOT].engine)
    archive = CaseArchive(sessions)

    exported = await archive.export(case.number, "test")
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(
            update(CaseRow).values(status="afgesloten", closed_at=datetime(2020, 1, 1, tzinfo=UTC))
        )
    now = datetime.now(UTC)
    await anonymise_closed_cases(sessions, now, now)
    anonymised = {a.organisation: a for a in await case.asks()}[GGZ]
    purged = await archive.purge(case.number, "test")

    [ggz] = [v for v in exported["follow_up"]["vragen"] if v["aan"] == GGZ]
    assert (ggz["antwoord"], ggz["toelichting"], ggz["door"]) == (
        "vertraagd",
        note,
        "Thijs Wennink",
    )
    assert [v["aan"] for v in exported["follow_up"]["vragen"]] == [GGZ, LVB, "verwijzer"]
    assert (anonymised.toelichting, anonymised.answered_by) == (None, "(geanonimiseerd)")
    assert anonymised.progress == "vertraagd"
    assert purged
    for model in (FollowUpRoundRow, FollowUpAskRow, EscalationRow):
        assert await rows(bot, model) == []
