"""The zwaarwegend advies through the real app: the voorzitter records it on a card form in
their own chat, the mandate card goes to the team channel with number, initials and
afspraken only, and each kernteamlid confirms (or cannot confirm) their organisation's part.
"""

import asyncio
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from dialogs.cards.advice import (
    ADVICE_KEY,
    ADVICE_OPEN_KEY,
    REASON_INPUT,
    STEP_KEY,
    VERB_CONFIRM,
    VERB_DECLINE,
    reason_input,
)
from dialogs.cards.consult import when
from dialogs.cards.menu import MENU_KEY, MenuChoice
from domain.ret import Member, RetConfig
from domain.roles import Role
from storage.models import (
    AdviceRow,
    AfspraakRow,
    AuditRow,
    BookingRow,
    CaseEventRow,
    MandateRow,
)
from tests.support import assert_valid_card
from tests.test_consult_flow import KERNTEAM_AAD as PROCESONDERSTEUNER_AAD
from tests.test_consult_flow import person
from tests.test_minimal_data import PERSONAL
from tests.test_triage_flow import status_of, submitted_case

GGZ, LVB = "Jeugd-GGZ De Bron", "LVB-zorg Het Anker"
THIJS_AAD = "0b7e1d52-4c1a-4e0f-a1d2-00000000a001"  # Thijs Wennink, kernteamlid GGZ
FATIMA_AAD = "0b7e1d52-4c1a-4e0f-a1d2-00000000a002"  # Fatima el Amrani, kernteamlid LVB
EVA_AAD = "0b7e1d52-4c1a-4e0f-a1d2-00000000a003"  # Eva Smit, GGZ, flexibele schil
SAMENVATTING = "Meisje van 15, na breakdown pleeggezin zonder plek, trauma en hechting."
ADVIES = "Tijdelijk gezinshuis met traumabehandeling; school blijft betrokken."
SOON = (date.today() + timedelta(days=21)).isoformat()


@pytest.fixture
def ret(ret: RetConfig) -> RetConfig:
    """The example RET, with Teams ids for two kernteamleden (the example has none), and a
    colleague of the GGZ kernteamlid who is in the flexibele schil (no mandate)."""
    ids = {"Thijs Wennink": THIJS_AAD, "Fatima el Amrani": FATIMA_AAD}
    members = tuple(
        m.model_copy(update={"aad_object_id": ids[m.name]}) if m.name in ids else m
        for m in ret.members
    )
    eva = Member(
        name="Eva Smit",
        email="e.smit@jggz-debron.example.org",
        aad_object_id=EVA_AAD,
        organisation=GGZ,
        role=Role.FLEXIBELE_SCHIL,
    )
    return ret.model_copy(update={"members": (*members, eva)})


def form_values(**changes) -> dict:
    values = {
        "samenvatting": SAMENVATTING,
        "advies": ADVIES,
        "organisatie_1": GGZ,
        "actie_1": "Start traumabehandeling in het gezinshuis",
        "deadline_1": SOON,
        "persoon_1": "",
        "organisatie_2": LVB,
        "actie_2": "Levert een gedragsdeskundige voor het gezinshuis",
        "deadline_2": SOON,
        "persoon_2": "Fatima el Amrani",
        **{f"{field}_{row}": "" for row in (3, 4, 5) for field in ("organisatie", "actie")},
        "deelnemer_1": "Marieke Hofstede",
        "deelnemer_organisatie_1": "RET Jeugd Twente",
        "deelnemer_rol_1": "voorzitter",
        "aanwezig_1": "ja",
        "deelnemer_2": "Thijs Wennink",
        "deelnemer_organisatie_2": GGZ,
        "deelnemer_rol_2": "kernteamlid",
        "aanwezig_2": "ja",
        "deelnemer_3": "Inge Referent",
        "deelnemer_organisatie_3": "Jeugdbescherming Oost",
        "deelnemer_rol_3": "verwijzer",
        "aanwezig_3": "nee",
        "afwezig_reden_3": "ziek",
    }
    return {**values, **changes}


async def case_at_the_table(bot, connector, http):
    """A submitted case the voorzitter put on the RET-tafel, and the RET's team channel
    with the bot in it. Returns the voorzitter's and referrer's chats, the channel, the
    case number."""
    chair, referrer, _, number = await submitted_case(bot, connector, http)
    await chair.execute("triage.ret_tafel", {"case": number})
    await meeting_held(bot, number)
    channel = Conversation(bot.messages_url, connector, http, user_name="Marieke Hofstede")
    channel.channel_id = "msteams"
    channel.extra = {"conversation": {"id": channel.id, "conversationType": "channel"}}
    await channel.send(channel.activity("conversationUpdate", membersAdded=[{"id": "retbot"}]))
    return chair, referrer, channel, number


async def meeting_held(bot, number: str, days_ago: int = 1) -> None:
    """Moves the case's booked meeting `days_ago` days into the past, same time of day:
    advice follows the meeting."""
    async with bot.app[RETBOT].engine.begin() as connection:
        booking = (
            await connection.execute(select(BookingRow).where(BookingRow.case_number == number))
        ).one()
        shift = timedelta(days=(booking.meeting_date - date.today()).days + days_ago)
        await connection.execute(
            update(BookingRow)
            .where(BookingRow.id == booking.id)
            .values(
                meeting_date=booking.meeting_date - shift,
                starts_at=booking.starts_at - shift,
                ends_at=booking.ends_at - shift,
            )
        )


def in_channel(channel: Conversation, name: str, aad: str | None) -> Conversation:
    """Someone in the team channel, clicking on a card there."""
    talk = Conversation(channel.bot_url, channel.connector, channel.session, user_name=name)
    talk.id = channel.id
    talk.channel_id = "msteams"
    talk.extra = channel.extra
    if aad:
        talk.user["aadObjectId"] = aad
    return talk


async def open_form(chair: Conversation, number: str | None = None) -> tuple[dict, dict]:
    """From 'Mijn casussen' to the advice form (of case `number`, else the first with
    one): its first step's card, and the data of the last step's 'Advies vastleggen'
    (which records what the steps kept, with what it carries itself)."""
    overview = (await chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})).cards()[0]
    action = next(
        a
        for block in overview["body"]
        if block["type"] == "ActionSet"
        for a in block["actions"]
        if ADVICE_OPEN_KEY in a.get("data", {}) and number in (None, a["data"][ADVICE_OPEN_KEY])
    )
    assert action["title"] == "Advies vastleggen"
    [form] = (await chair.submit(action["data"])).cards()
    case = form["actions"][0]["data"][STEP_KEY]
    return form, {"verb": ADVICE_KEY, ADVICE_KEY: case}


async def issued(bot, connector, http):
    chair, referrer, channel, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    seen = len(connector.received[channel.id])
    done = await chair.submit({**submit_data, **form_values()})
    async with asyncio.timeout(5):
        card = (await connector.wait_for(channel.id, seen + 1))[seen]["attachments"][0]["content"]
    return chair, referrer, channel, number, card, done


async def rows(bot, model) -> list:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(model)))


async def audit_actions(bot) -> list[str]:
    return [row.action for row in await rows(bot, AuditRow)]


def organisation_sections(card: dict) -> dict[str, dict]:
    return {c["items"][0]["text"]: c for c in card["body"] if c["type"] == "Container"}


def elements(card: dict) -> list[dict]:
    """Every element of a card, also those inside containers and columns, in order."""
    found = []
    for item in card["body"]:
        found.append(item)
        nested = item.get("items") or [
            element for column in item.get("columns") or [] for element in column["items"]
        ]
        found += elements({"body": nested})
    return found


async def step_card(chair: Conversation, number: str, go: str, **values) -> dict:
    """The step `go` asks for, from the step card before it (with `values` typed there)."""
    [card] = (await chair.submit({"verb": STEP_KEY, STEP_KEY: number, "go": go, **values})).cards()
    assert_valid_card(card)
    return card


def shown_rows(form: dict) -> list[int]:
    """The afspraak rows the form shows (the others open with 'Nog een afspraak')."""
    rows = [b for b in form["body"] if b.get("id", "").startswith("afspraak_")]
    return [
        int(b["id"].split("_")[1])
        for b in rows
        if b["type"] == "Container" and b.get("isVisible", True)
    ]


def buttons(section: dict) -> list[str]:
    return [a["title"] for i in section["items"] if i["type"] == "ActionSet" for a in i["actions"]]


async def test_voorzitter_issues_advice_and_the_team_gets_a_minimal_mandate_card(
    bot, connector, http
):
    _, referrer, channel, number, card, done = await issued(bot, connector, http)

    reply, document = done.replies
    assert reply["text"] == (
        f"Het advies voor {number} is vastgelegd. De mandaatkaart staat klaar voor het "
        "kernteam en de verwijzer heeft bericht."
    )
    [consent] = document["attachments"]  # the document itself: Teams' file consent card
    assert consent["contentType"] == "application/vnd.microsoft.teams.card.file.consent"
    assert consent["name"] == f"advies-{number}.docx"
    assert await status_of(bot, number) == "advies gegeven"
    [advice] = await rows(bot, AdviceRow)
    assert (advice.samenvatting, advice.advies, advice.issued_by) == (
        SAMENVATTING,
        ADVIES,
        "Marieke Hofstede",
    )
    afspraken = sorted(await rows(bot, AfspraakRow), key=lambda r: r.position)
    assert [(a.organisation, a.deadline.isoformat(), a.person) for a in afspraken] == [
        (GGZ, SOON, None),
        (LVB, SOON, "Fatima el Amrani"),
    ]
    assert "advies gegeven" in await audit_actions(bot)

    assert card["body"][0]["text"] == f"Mandaat gevraagd: advies {number} (J.D.)"
    sections = organisation_sections(card)
    assert list(sections) == [GGZ, LVB]
    assert "Start traumabehandeling in het gezinshuis (uiterlijk" in str(sections[GGZ])
    assert buttons(sections[GGZ]) == ["Mandaat bevestigen", "Kan niet bevestigen"]
    for section in sections.values():
        confirm, cannot = (
            a for i in section["items"] if i["type"] == "ActionSet" for a in i["actions"]
        )
        assert confirm["type"] == "Action.Execute" and confirm["data"]["case"] == number
        # The reason belongs to 'Kan niet bevestigen': it opens under that button.
        assert cannot["type"] == "Action.ShowCard"
        [reason] = cannot["card"]["body"]
        assert reason["type"] == "Input.Text" and reason["label"].startswith("Waarom kan je")
        [send] = cannot["card"]["actions"]
        assert (send["verb"], send["data"]["case"]) == (VERB_DECLINE, number)
    assert not any(e.get("type") == "Input.Text" for e in card["body"])  # none below the buttons
    posted = str(connector.received[channel.id])
    for private in (SAMENVATTING, ADVIES, "Fatima el Amrani", "Inge Referent", *PERSONAL):
        assert private not in posted, private

    async with asyncio.timeout(5):
        told, offered = (await connector.wait_for(referrer.id, 2))[-2:]
    assert told["text"].startswith(
        f"Het RET heeft een zwaarwegend advies gegeven over je aanmelding {number}"
    )
    assert ADVIES not in told["text"] and GGZ not in told["text"]
    [consent] = offered["attachments"]
    assert consent["contentType"] == "application/vnd.microsoft.teams.card.file.consent"
    assert (
        consent["content"]["description"]
        == f"Het zwaarwegend advies voor {number} (J.D.), versie 1. Geef het door aan de "
        "jeugdige en de ouders en bespreek het met hen."
    )


async def test_a_kernteamlid_confirms_their_organisations_part_once(bot, connector, http):
    *_, channel, number, _, _ = await issued(bot, connector, http)
    thijs = in_channel(channel, "Thijs Wennink", THIJS_AAD)

    confirmed = await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": GGZ})
    again = await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": GGZ})

    card = confirmed.body["value"]
    assert_valid_card(card)
    sections = organisation_sections(card)
    assert sections[GGZ]["items"][-1]["text"].startswith("Bevestigd door Thijs Wennink, ")
    assert buttons(sections[GGZ]) == []
    assert sections[LVB]["items"][-2]["text"] == "Nog niet bevestigd"
    assert buttons(sections[LVB]) == ["Mandaat bevestigen", "Kan niet bevestigen"]
    assert again.body["value"] == card
    [mandate] = await rows(bot, MandateRow)
    assert (mandate.organisation, mandate.answer, mandate.answered_by) == (
        GGZ,
        "bevestigd",
        "Thijs Wennink",
    )
    audits = [r for r in await rows(bot, AuditRow) if r.action == "mandaat bevestigd"]
    assert [(a.actor, a.case_number, a.channel) for a in audits] == [
        ("Thijs Wennink", number, "msteams")
    ]


async def test_only_a_kernteamlid_of_that_organisation_may_answer_for_it(bot, connector, http):
    _, referrer, channel, number, _, _ = await issued(bot, connector, http)
    others = [
        in_channel(channel, "Fatima el Amrani", FATIMA_AAD),  # kernteamlid, other organisation
        in_channel(channel, "Eva Smit", EVA_AAD),  # same organisation, but no kernteamlid
        in_channel(channel, "Sanne Oude Luttikhuis", PROCESONDERSTEUNER_AAD),
        referrer,
    ]
    data = {"case": number, "organisation": GGZ, REASON_INPUT: "Geen capaciteit"}

    answers = [await o.execute(verb, data) for o in others for verb in (VERB_CONFIRM, VERB_DECLINE)]

    refusal = (
        "Alleen een kernteamlid van deze organisatie, of de contactpersoon die het RET ervoor "
        "noemt, kan haar deel van het advies bevestigen."
    )
    assert [a.body["value"] for a in answers] == [refusal] * len(answers)
    assert await rows(bot, MandateRow) == []
    assert not {"mandaat bevestigd", "mandaat niet bevestigd"} & set(await audit_actions(bot))


async def test_only_the_voorzitter_issues_advice_and_only_after_a_table(bot, connector, http):
    chair, referrer, _, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    sanne = person(bot, connector, http, "Sanne Oude Luttikhuis", PROCESONDERSTEUNER_AAD)
    overview = (await sanne.submit({MENU_KEY: MenuChoice.CASUSSEN.value})).cards()[0]

    by_sanne = await sanne.submit({**submit_data, **form_values()})
    by_referrer = await referrer.submit({**submit_data, **form_values()})
    opened_by_sanne = await sanne.submit({ADVICE_OPEN_KEY: number})
    unknown_to_sanne = await sanne.submit({ADVICE_OPEN_KEY: "RET-2026-9999"})

    assert ADVICE_OPEN_KEY not in str(overview)
    refusal = ["Alleen de voorzitter van het RET kan een advies vastleggen."]
    assert by_sanne.texts() == by_referrer.texts() == opened_by_sanne.texts() == refusal
    assert unknown_to_sanne.texts() == refusal  # no hint which case numbers exist
    assert await status_of(bot, number) == "ret-tafel ingepland"
    assert await rows(bot, AdviceRow) == [] and await rows(bot, AfspraakRow) == []


async def test_the_advice_form_submitted_again_records_nothing_twice(bot, connector, http):
    chair, _, channel, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    form_message = connector.received[chair.id][-1]["id"]  # Teams says which card was sent
    seen = len(connector.received[channel.id])

    first = await chair.submit({**submit_data, **form_values()}, reply_to=form_message)
    again = await chair.submit({**submit_data, **form_values(samenvatting="Anders")})

    assert first.texts()[0].startswith(f"Het advies voor {number} is vastgelegd.")
    assert again.texts()[0].startswith(f"Het advies voor {number} is al vastgelegd op ")
    assert again.texts()[0].endswith(", door Marieke Hofstede.")
    assert len(await rows(bot, AdviceRow)) == 1 and len(await rows(bot, AfspraakRow)) == 2
    cards = [a for a in connector.received[channel.id][seen:] if a.get("attachments")]
    assert len(cards) == 1  # one mandate card in the channel
    # In Teams the sent form gives way to what it recorded: nothing left to send again.
    [replaced] = connector.updated[chair.id]
    assert replaced["id"] == form_message
    sent = replaced["attachments"][0]["content"]
    assert_valid_card(sent)
    assert "Input." not in str(sent) and "Action." not in str(sent)
    assert sent["body"][1]["text"].startswith("Vastgelegd door Marieke Hofstede op ")
    assert SAMENVATTING not in str(sent)


async def test_advice_waits_for_triage(bot, connector, http):
    chair, _, _, number = await submitted_case(bot, connector, http)

    overview = (await chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})).cards()[0]
    early = await chair.submit({"advice": number, **form_values()})

    assert ADVICE_OPEN_KEY not in str(overview)
    assert early.texts()[0].startswith(f"Voor {number} kan ik nu geen advies vastleggen")
    assert await status_of(bot, number) == "aangemeld"


async def test_a_past_deadline_or_no_afspraak_asks_again_with_the_values_kept(bot, connector, http):
    chair, _, channel, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    form = await step_card(chair, number, "2")
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    no_rows = {f"{f}_{r}": "" for r in (1, 2) for f in ("organisatie", "actie", "deadline")}
    channel_seen = len(connector.received[channel.id])

    past = await chair.submit({**submit_data, **form_values(deadline_2=yesterday)})
    empty = await chair.submit({**submit_data, **form_values(**no_rows, persoon_2="")})
    half = await chair.submit({**submit_data, **form_values(actie_1="", samenvatting=" ")})

    [again] = past.cards()  # the afspraken step, where the problem is
    problems = again["body"][2]
    assert problems["style"] == "attention"
    assert [i["text"] for i in problems["items"][1:]] == [
        "- Afspraak 2: de datum ligt in het verleden. Kies vandaag of later."
    ]
    inputs = {b["id"]: b.get("value") for b in elements(again) if b["type"].startswith("Input.")}
    assert inputs["deadline_2"] == yesterday and inputs["persoon_2"] == "Fatima el Amrani"
    assert "organisatie_1" not in inputs  # the afspraak in order is a line, to change
    assert GGZ in str(next(b for b in again["body"] if b.get("id") == "afspraak_1"))
    assert "Er staat nog geen afspraak in" in str(empty.cards()[0])
    [first_step] = half.cards()  # the first step with a problem, listing every problem
    assert first_step["body"][1]["text"].startswith("Stap 1 van 4")
    assert next(i for i in elements(first_step) if i.get("id") == "samenvatting")["value"] == " "
    half_problems = [i["text"] for i in first_step["body"][2]["items"][1:]]
    assert half_problems == [
        "- De samenvatting van de casus is nog leeg.",
        "- Bij afspraak 1 staat nog niet wat de organisatie gaat doen.",
    ]
    dates = [i["id"] for i in elements(form) if i["type"] == "Input.Date"]
    assert dates == ["deadline_1"]  # one afspraak open at a time
    assert shown_rows(form) == [1] and shown_rows(again) == [1, 2]
    row_2 = next(b for b in again["body"] if b.get("id") == "afspraak_2")
    assert (
        row_2["items"][1]["text"]
        == "Afspraak 2: de datum ligt in het verleden. Kies vandaag of later."
    )
    organisations = next(i for i in elements(form) if i.get("id") == "organisatie_1")["choices"]
    assert [c["value"] for c in organisations] == [  # the kernteam's and the RET file's
        "Ervaringswerk Oost",
        "Gemeente Almelo",
        "Gemeente Enschede",
        "Gemeente Hengelo",
        "Jeugd & Opvoeding Oost",
        GGZ,
        "Jeugdbescherming Oost",
        LVB,
        "Samenwerkingsverband Onderwijs Twente",
    ]
    assert await status_of(bot, number) == "ret-tafel ingepland"
    assert await rows(bot, AdviceRow) == []
    assert len(connector.received[channel.id]) == channel_seen


async def test_the_voorzitter_hears_when_every_organisation_confirmed(bot, connector, http):
    *_, channel, number, _, _ = await issued(bot, connector, http)
    thijs = in_channel(channel, "Thijs Wennink", THIJS_AAD)
    fatima = in_channel(channel, "Fatima el Amrani", FATIMA_AAD)

    first = await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": GGZ})
    await bot.app[RETBOT].dispatcher.drain()  # what an answer causes follows its card
    seen = len(connector.received[channel.id])
    last = await fatima.execute(VERB_CONFIRM, {"case": number, "organisation": LVB})
    await bot.app[RETBOT].dispatcher.drain()

    told = f"Alle organisaties hebben hun deel van het advies voor {number} (J.D.) bevestigd."
    assert told not in first.texts()
    # in the team channel, where the voorzitter works
    assert [a.get("text") for a in connector.received[channel.id][seen:]] == [told]
    card = last.body["value"]
    assert_valid_card(card)
    assert card["body"][-1]["text"] == "Alle organisaties hebben hun deel van het advies bevestigd."
    assert not any(i["type"] == "Input.Text" for i in card["body"])


async def test_cannot_confirm_needs_a_reason_and_alerts_the_voorzitter(bot, connector, http):
    chair, _, channel, number, _, _ = await issued(bot, connector, http)
    fatima = in_channel(channel, "Fatima el Amrani", FATIMA_AAD)
    reason = "Onze gedragsdeskundige is tot maart met verlof; er is geen vervanging."
    data = {"case": number, "organisation": LVB}
    chair_seen = len(connector.received[chair.id])

    no_reason = await fatima.execute(VERB_DECLINE, {**data, REASON_INPUT: "  "})
    channel_seen = len(connector.received[channel.id])
    declined = await fatima.execute(VERB_DECLINE, {**data, reason_input(LVB): reason})
    await bot.app[RETBOT].dispatcher.drain()  # what an answer causes follows its card
    told_channel = [a.get("text") for a in connector.received[channel.id][channel_seen:]]
    twice = await fatima.execute(VERB_DECLINE, {**data, REASON_INPUT: "Nog een reden"})
    later = await fatima.execute(VERB_CONFIRM, data)
    await bot.app[RETBOT].dispatcher.drain()

    assert no_reason.body["value"].startswith("Schrijf eerst onder 'Kan niet bevestigen' waarom")
    card = declined.body["value"]
    assert_valid_card(card)
    lvb = organisation_sections(card)[LVB]
    assert lvb["items"][-2]["text"].startswith("Niet bevestigd door Fatima el Amrani, ")
    assert buttons(lvb) == ["Mandaat bevestigen"]
    # Who declined, in the channel without the reason; privately with it.
    assert told_channel == [
        f"Fatima el Amrani kan het deel van {LVB} in het advies voor {number} (J.D.) niet "
        "bevestigen. Voorzitter: de reden staat in je eigen chat met mij en in het verloop "
        "van de casus."
    ]
    assert reason not in str(connector.received[channel.id]) + str(card)
    assert connector.received[chair.id][chair_seen]["text"] == (
        f"Fatima el Amrani kan het deel van {LVB} in het advies voor {number} (J.D.) niet "
        f"bevestigen. Reden: {reason}"
    )
    events = [(e.kind, e.text) for e in await rows(bot, CaseEventRow)]
    assert ("mandaat niet bevestigd", f"{LVB}: {reason}") in events
    assert "Nog een reden" not in str(events) and twice.body["value"] == card
    assert organisation_sections(later.body["value"])[LVB]["items"][-1]["text"].startswith(
        "Bevestigd door Fatima el Amrani"
    )
    async with bot.app[RETBOT].engine.connect() as connection:
        count = await connection.scalar(select(func.count()).select_from(MandateRow))
    assert count == 1
    actions = await audit_actions(bot)
    assert actions.count("mandaat niet bevestigd") == 1 and actions.count("mandaat bevestigd") == 1


async def test_the_afspraken_step_opens_one_afspraak_at_a_time_and_the_one_with_a_problem(
    bot, connector, http
):
    chair, _, _, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    form = await step_card(chair, number, "2")
    row_1 = {k: v for k, v in form_values().items() if k.endswith("_1") and "deelnemer" not in k}
    another = await step_card(chair, number, "2", **{**row_1, "aanwezig_1": "ja"})
    change = next(
        a for b in another["body"] if b.get("id") == "afspraak_1" for a in b["items"][-1]["actions"]
    )
    reopened = (await chair.submit(change["data"])).cards()[0]
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    row_4 = {"organisatie_4": LVB, "actie_4": "Overlegt met school", "deadline_4": yesterday}

    again = (await chair.submit({**submit_data, **form_values(**row_4)})).cards()[0]

    assert shown_rows(form) == [1]
    assert [a["title"] for a in form["actions"]] == [
        "Volgende",
        "Nog een afspraak",
        "Terug",
        "Later verder",
    ]
    assert shown_rows(another) == [1, 2]  # afspraak 1 as a line, afspraak 2 open
    assert [i["id"] for i in elements(another) if i["type"] == "Input.Date"] == ["deadline_2"]
    assert change["title"] == "Wijzigen" and change["data"]["row"] == "1"
    assert (
        next(i for i in elements(reopened) if i.get("id") == "actie_1")["value"]
        == (row_1["actie_1"])
    )
    assert shown_rows(again) == [1, 2, 4]
    row_4_shown = next(b for b in again["body"] if b.get("id") == "afspraak_4")
    assert "Afspraak 4: de datum ligt in het verleden" in row_4_shown["items"][1]["text"]
    assert await status_of(bot, number) == "ret-tafel ingepland"


async def test_advice_waits_for_the_booked_meeting_but_not_for_a_consultation(bot, connector, http):
    chair, _, _, number = await submitted_case(bot, connector, http)
    await chair.execute("triage.ret_tafel", {"case": number})  # booked into the next meeting
    [booking] = await rows(bot, BookingRow)

    opened = await chair.submit({ADVICE_OPEN_KEY: number})
    submitted = await chair.submit({"advice": number, **form_values()})
    await meeting_held(bot, number)
    _, submit_data = await open_form(chair)
    after = await chair.submit({**submit_data, **form_values()})

    ahead = (
        f"Het RET-overleg over {number} is op {when(booking.starts_at, 'nl')}. Leg het advies "
        "vast als het overleg geweest is: het advies geeft weer wat aan tafel is afgesproken."
    )
    assert opened.texts() == submitted.texts() == [ahead]
    assert f"Het advies voor {number} is vastgelegd." in " ".join(after.texts())
    assert len(await rows(bot, AdviceRow)) == 1


async def test_a_consultation_has_no_meeting_to_wait_for(bot, connector, http):
    chair, _, _, number = await submitted_case(bot, connector, http)
    await chair.execute("triage.consultatie", {"case": number})

    _, submit_data = await open_form(chair, number)
    given = await chair.submit({**submit_data, **form_values()})

    assert await rows(bot, BookingRow) == []
    assert f"Het advies voor {number} is vastgelegd." in " ".join(given.texts())
