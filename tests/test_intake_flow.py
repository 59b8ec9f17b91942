"""The aanmelding through the real app: sections as cards, checks that ask again in plain
Dutch, the summary with edits, pause and resume across a restart, discard, urgency, and
the numbered case on submit."""

import re
from datetime import UTC, datetime

from sqlalchemy import select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from dialogs.cards.intake import (
    DISCARD_CONFIRMED,
    EDIT,
    INTAKE_KEY,
    PAUSE,
    SECTION_DONE,
    SUBMIT,
)
from dialogs.cards.menu import MENU_KEY, MenuChoice
from storage.models import AuditRow, CaseEventRow, CaseFactRow, CaseProblemRow, CaseRow
from tests.support import labelled_values, replaced_card
from tests.test_consult_flow import CHAIR_AAD, person

VALID = {
    "aanmelder": {
        "aanmelder_type": "gi",
        "aanmelder_organisatie": "Jeugdbescherming Oost",
        "aanmelder_contact": "06 1234 5678",
    },
    "jeugdige": {
        "gemeente": "Hengelo",
        "initialen": "J.D.",
        "geboortejaar": "2011",
        "geslacht": "meisje",
        "woonsituatie": "pleeggezin",
        "maatregel": "ots",
    },
    "onderwijs": {
        "onderwijs": "speciaal",
        "school_betrokken": "ja",
        "school_wie": "Mentor van het VSO",
    },
    "problematiek": {"problematiek_jeugdige": "trauma,hechting", "problematiek_ouders": ""},
    "vraag": {
        "soort_vraag": "passende_plek",
        "hulpvraag": "Een passende plek na de pleeggezinbreakdown.",
        "geprobeerd": "Twee aanbieders benaderd.",
        "vastgelopen": "Niemand neemt haar op.",
    },
    "wensen": {
        "wens_jeugdige": "weet ik niet",
        "wens_ouders": "Dichtbij huis blijven.",
        "urgentie": "normaal",
    },
    "toestemming": {
        "toestemming": "gegeven",
        "toestemming_door": "voogd",
        "contact_gezin": "Via de voogd",
    },
}


def step_of(card: dict) -> str:
    return card["body"][0]["text"]


async def fill(talk, section: str, **changes):
    answers = {**VALID[section], **changes}
    return await talk.submit({INTAKE_KEY: SECTION_DONE, "section": section, **answers})


async def start(talk):
    return await talk.submit({MENU_KEY: MenuChoice.AANMELDING.value})


async def cases(bot) -> list[CaseRow]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(CaseRow)))


async def test_complete_request_becomes_a_numbered_case(bot, conversation):
    started = await start(conversation)
    assert started.texts()[0].startswith("Fijn dat je het RET inschakelt")
    assert step_of(started.cards()[0]) == "Aanmelding, stap 1 van 7"
    for section in VALID:
        turn = await fill(conversation, section)
    summary = turn.cards()[0]
    assert summary["body"][0]["text"] == "Controleer je aanmelding"
    shown = labelled_values(summary)
    assert shown["Jeugdbeschermingsmaatregel"] == "Ondertoezichtstelling (OTS)"
    assert shown["Problematiek van de jeugdige"] == "Trauma, Hechting"
    assert shown["Wat wil de jeugdige zelf?"] == "weet ik niet"

    submitted = await conversation.submit({INTAKE_KEY: SUBMIT})

    number = f"RET-{datetime.now(UTC).year}-0001"
    assert f"onder nummer **{number}**" in submitted.texts()[0]
    [row] = await cases(bot)
    assert row.status == "aangemeld" and row.number == number
    assert '"gemeente": "Hengelo"' in row.answers and '"geboortejaar": 2011' in row.answers
    async with bot.app[RETBOT].engine.connect() as connection:
        [audit] = list(await connection.execute(select(AuditRow)))
    assert audit.case_number == row.number and audit.actor == "Inge Referent"
    stale_click = await conversation.submit({INTAKE_KEY: SUBMIT})
    assert stale_click.texts()[0].startswith("Deze aanmelding is al ingediend")
    assert len(await cases(bot)) == 1
    again = await start(conversation)
    assert again.texts()[0].startswith("Fijn dat je"), "the draft is gone after submitting"


async def test_the_summary_clicked_again_later_names_the_case_it_became(bot, conversation, http):
    """The draft is gone once filed; the card's own submit still finds its case, for the
    referrer who filed it, and names nothing to anyone else."""
    await start(conversation)
    for section in VALID:
        turn = await fill(conversation, section)
    submit_data = turn.cards()[0]["actions"][0]["data"]
    summary_message = conversation.connector.received[conversation.id][-1]["id"]
    await conversation.submit(submit_data, reply_to=summary_message)

    again = await conversation.submit(submit_data)
    other = Conversation(bot.messages_url, conversation.connector, http, user_name="Iemand")
    by_other = await other.submit(submit_data)

    number = f"RET-{datetime.now(UTC).year}-0001"
    assert re.match(
        "Je hebt deze aanmelding al ingediend, op \\d+ \\w+ \\d{4} om \\d\\d:\\d\\d door Inge "
        f"Referent: hij staat onder nummer \\*\\*{number}\\*\\*\\. Er is niets veranderd\\.",
        again.texts()[0],
    ), again.texts()
    # In Teams the summary gives way to the filing, read-only: nothing left to send twice.
    filed = replaced_card(conversation.connector, conversation, summary_message)
    assert filed["body"][0]["text"] == f"Aanmelding {number} (J.D.) ingediend"
    assert filed["body"][1]["text"].startswith("Vastgelegd door Inge Referent op ")
    assert VALID["vraag"]["hulpvraag"] not in str(filed)
    assert number not in str(by_other.texts())
    assert by_other.texts()[0].startswith("Deze aanmelding is al ingediend.")
    assert len(await cases(bot)) == 1


async def test_each_invalid_answer_is_asked_again_in_plain_dutch(conversation):
    await start(conversation)
    await fill(conversation, "aanmelder")

    future = await fill(conversation, "jeugdige", geboortejaar="2031")
    too_old = await fill(conversation, "jeugdige", geboortejaar="1998")
    not_a_year = await fill(conversation, "jeugdige", geboortejaar="elf")
    typo = await fill(conversation, "jeugdige", gemeente="Hengello")
    empty = await fill(conversation, "jeugdige", initialen="  ")
    wrong_choice = await fill(conversation, "jeugdige", maatregel="gevangenis")
    fine = await fill(conversation, "jeugdige")
    await fill(conversation, "onderwijs")
    await fill(conversation, "problematiek")
    no_question = await fill(conversation, "vraag", hulpvraag="")
    essay = await fill(conversation, "vraag", vastgelopen="x" * 4001)

    def problems(turn) -> str:
        return " ".join(item["text"] for item in turn.cards()[0]["body"][2]["items"])

    assert "2031 ligt in de toekomst" in problems(future)
    assert "ouder dan 23" in problems(too_old)
    assert "vier cijfers" in problems(not_a_year)
    assert "Bedoel je Hengelo?" in problems(typo)
    gemeente_input = next(e for e in typo.cards()[0]["body"] if e.get("id") == "gemeente")
    assert gemeente_input["value"] == "Hengelo"
    assert "is nog leeg" in problems(empty)
    assert "een van de mogelijkheden" in problems(wrong_choice)
    assert step_of(fine.cards()[0]) == "Aanmelding, stap 3 van 7"
    assert "'Wat is de hulpvraag? (in je eigen woorden)' is nog leeg." in problems(no_question)
    assert "'Waar loopt het op vast?' is te lang: houd het bij 4000 tekens." in problems(essay)


async def test_two_sections_edited_from_the_summary(conversation):
    await start(conversation)
    for section in VALID:
        await fill(conversation, section)

    edit_card = await conversation.submit({INTAKE_KEY: EDIT, "section": "jeugdige"})
    back = await fill(conversation, "jeugdige", initialen="K.L.")
    await conversation.submit({INTAKE_KEY: EDIT, "section": "wensen"})
    summary = await fill(conversation, "wensen", wens_ouders="Samen met de voogd beslissen.")

    assert step_of(edit_card.cards()[0]) == "Aanmelding, stap 2 van 7"
    initials = next(e for e in edit_card.cards()[0]["body"] if e.get("id") == "initialen")
    assert initials["value"] == "J.D."
    assert back.cards()[0]["body"][0]["text"] == "Controleer je aanmelding"
    facts = labelled_values(summary.cards()[0])
    assert facts["Initialen of een schuilnaam (geen volledige naam)"] == "K.L."
    assert facts["Wat willen de ouders?"] == "Samen met de voogd beslissen."


async def test_pause_and_resume_after_a_restart(bot, conversation):
    await start(conversation)
    await fill(conversation, "aanmelder")
    await fill(conversation, "jeugdige")
    paused = await conversation.say("later verder")

    await bot.restart()
    conversation.bot_url = bot.messages_url
    welcome = await conversation.join()
    resumed = await start(conversation)

    assert paused.texts()[0].startswith("Je aanmelding is bewaard als concept")
    assert "nog een aanmelding in concept" in welcome.texts()[0]
    assert resumed.texts()[0].startswith("Welkom terug!")
    assert step_of(resumed.cards()[0]) == "Aanmelding, stap 3 van 7"


async def test_menu_in_between_keeps_the_draft_and_typing_is_redirected_to_the_card(conversation):
    await start(conversation)
    await fill(conversation, "aanmelder")
    typed = await conversation.say("ik weet niet wat ik moet doen")
    await conversation.say("menu")
    resumed = await start(conversation)

    assert typed.texts()[0].startswith("Vul de velden op de kaart in")
    assert step_of(resumed.cards()[0]) == "Aanmelding, stap 2 van 7"


async def test_annuleer_discards_the_draft_only_after_confirmation(bot, conversation):
    await start(conversation)
    await fill(conversation, "aanmelder")

    asked = await conversation.say("annuleer")
    discarded = await conversation.submit({INTAKE_KEY: DISCARD_CONFIRMED})
    fresh = await start(conversation)

    assert asked.cards()[0]["body"][0]["text"].startswith("Weet je zeker")
    assert discarded.texts() == ["Je concept-aanmelding is weggegooid."]
    assert fresh.texts()[0].startswith("Fijn dat je het RET inschakelt")
    assert await cases(bot) == []


async def test_urgent_request_alerts_the_voorzitter_at_once(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    referrer = person(bot, connector, http, "Inge Referent")
    await chair.join()
    chair_seen = len(connector.received[chair.id])
    await start(referrer)
    for section in ("aanmelder", "jeugdige", "onderwijs", "problematiek", "vraag"):
        await fill(referrer, section)

    urgent = await fill(referrer, "wensen", urgentie="spoed")
    told_before = len(connector.received[chair.id])
    await fill(referrer, "toestemming")
    submitted = await referrer.submit({INTAKE_KEY: SUBMIT})

    assert urgent.texts()[0].endswith(
        "Zodra je de aanmelding indient, waarschuw ik de voorzitter meteen."
    )
    assert told_before == chair_seen  # nothing goes to the voorzitter before there is a case
    assert any("heb ik de voorzitter meteen gewaarschuwd" in t for t in submitted.texts())
    alert, card = connector.received[chair.id][chair_seen:]
    assert alert["text"].startswith("Spoed: aanmelding **RET-2026-0001** (J.D., Hengelo) van ")
    assert "Inge Referent (Jeugdbescherming Oost)" in alert["text"]
    assert card["attachments"][0]["content"]["body"][0]["text"].endswith("RET-2026-0001")
    alert = alert["text"]
    assert VALID["vraag"]["hulpvraag"] not in alert and "trauma" not in alert.lower()


async def test_nobody_from_school_is_explained_and_consent_that_follows_is_flagged(conversation):
    await start(conversation)
    await fill(conversation, "aanmelder")
    await fill(conversation, "jeugdige")

    school = await fill(
        conversation,
        "onderwijs",
        onderwijs="geen",
        school_betrokken="nee",
        school_wie="Ze zit al een jaar thuis, geen school wil haar.",
    )
    for section in ("problematiek", "vraag", "wensen"):
        await fill(conversation, section)
    await fill(conversation, "toestemming", toestemming="volgt")
    submitted = await conversation.submit({INTAKE_KEY: SUBMIT})

    assert "Onderwijs is bij het RET altijd betrokken" in school.texts()[0]
    assert submitted.texts()[1].startswith("Toestemming volgt")


async def test_my_cases_shows_own_cases_and_the_voorzitter_sees_all(bot, connector, http):
    first = person(bot, connector, http, "Inge Referent")
    second = person(bot, connector, http, "Ahmed Verwijzer")
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    for referrer, initials in ((first, "J.D."), (second, "P.Q.")):
        await start(referrer)
        for section in VALID:
            await fill(
                referrer, section, **({"initialen": initials} if section == "jeugdige" else {})
            )
        await referrer.submit({INTAKE_KEY: SUBMIT})

    mine = await first.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
    everything = await chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    def headings(turn) -> list[str]:
        return [b["text"] for b in turn.cards()[0]["body"] if b.get("weight") == "Bolder"][1:]

    year = datetime.now(UTC).year
    assert headings(mine) == [f"RET-{year}-0001 · J.D. · Hengelo"]
    assert headings(everything) == [  # the team's view: newest first
        f"RET-{year}-0002 · P.Q. · Hengelo",
        f"RET-{year}-0001 · J.D. · Hengelo",
    ]
    assert everything.cards()[0]["body"][0]["text"] == "Casussen van het RET"
    async with bot.app[RETBOT].engine.connect() as connection:
        rows = await connection.execute(select(AuditRow).where(AuditRow.action == "casus bekeken"))
        reads = sorted((row.actor, row.case_number) for row in rows)
    assert reads == [
        ("Inge Referent", f"RET-{year}-0001"),
        ("Marieke Hofstede", f"RET-{year}-0001"),
        ("Marieke Hofstede", f"RET-{year}-0002"),
    ]


async def test_cases_are_never_listed_in_a_channel(conversation):
    conversation.extra = {"conversation": {"id": conversation.id, "conversationType": "channel"}}

    turn = await conversation.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    assert turn.texts() == [
        "Het overzicht van casussen laat ik alleen zien in je eigen chat met mij."
    ]


async def test_no_cases_yet(conversation):
    turn = await conversation.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
    typed = await conversation.say("Mijn casussen")  # a button's title, typed

    assert turn.cards()[0]["body"][1]["text"].startswith("Je hebt nog geen aanmeldingen gedaan")
    assert typed.cards() == turn.cards()


async def _to_complaint(conversation):
    await start(conversation)
    for section in ("aanmelder", "jeugdige", "onderwijs", "problematiek"):
        await fill(conversation, section)
    return await fill(
        conversation, "vraag", hulpvraag="Ik wil een klacht indienen over hoe de aanbieder stopte."
    )


async def test_a_complaint_in_the_request_is_named_kindly_with_the_routes(bot, conversation):
    turn = await _to_complaint(conversation)

    [card] = turn.cards()
    lines = " ".join(block.get("text", "") for block in card["body"])
    assert lines.startswith("Gaat het (ook) om een klacht?")
    assert "Het RET behandelt zelf geen klachten" in lines
    assert "Vertrouwenspersoon jeugdhulp" in lines
    assert [a["title"] for a in card["actions"]] == [
        "Ja, ga verder met de aanmelding",
        "Nee, ik kies een klachtroute",
    ]
    resumed = await conversation.say("hallo")  # the question stays until it is answered
    assert resumed.cards()[0]["body"][0]["text"] == "Gaat het (ook) om een klacht?"

    went_on = await conversation.submit(card["actions"][0]["data"])

    assert step_of(went_on.cards()[0]) == "Aanmelding, stap 6 van 7"
    for section in ("wensen", "toestemming"):
        await fill(conversation, section)
    await conversation.submit({INTAKE_KEY: SUBMIT})
    [row] = await cases(bot)
    assert '"klacht_gesignaleerd": true' in row.answers
    assert '"klacht_keuze": "doorgaan"' in row.answers
    async with bot.app[RETBOT].engine.connect() as connection:
        events = list(await connection.execute(select(CaseEventRow)))
        audited = list(await connection.execute(select(AuditRow.action)))
    assert [(e.case_number, e.kind, e.actor) for e in events] == [
        (row.number, "klacht gesignaleerd", "Inge Referent")
    ]
    assert "koos ervoor door te gaan" in events[0].text
    assert ("klacht gesignaleerd",) in audited


async def test_a_referrer_who_takes_the_complaint_route_stops_and_it_is_audited(bot, conversation):
    card = (await _to_complaint(conversation)).cards()[0]

    stopped = await conversation.submit(card["actions"][1]["data"])

    assert stopped.texts()[0].startswith("Goed, dan stoppen we hier")
    assert await cases(bot) == []
    async with bot.app[RETBOT].engine.connect() as connection:
        rows = list(await connection.execute(select(AuditRow.actor, AuditRow.action)))
    assert ("Inge Referent", "klacht: aanmelding gestopt") in rows
    again = await start(conversation)  # no draft left: a fresh start
    assert again.texts()[0].startswith("Fijn dat je het RET inschakelt")


async def test_a_stuck_care_question_told_with_frustration_is_no_complaint(conversation):
    await start(conversation)
    for section in ("aanmelder", "jeugdige", "onderwijs", "problematiek"):
        await fill(conversation, section)

    turn = await fill(
        conversation,
        "vraag",
        hulpvraag="Ouders zijn boos: de aanbieder stopt en niemand neemt hem op.",
    )

    assert step_of(turn.cards()[0]) == "Aanmelding, stap 6 van 7"


async def test_problems_are_worded_in_english_on_request(conversation):
    await conversation.say("language")
    await conversation.say("English")
    await start(conversation)
    await fill(conversation, "aanmelder")

    typo = await fill(conversation, "jeugdige", gemeente="Hengello", geboortejaar="2031")

    items = " ".join(i["text"] for i in typo.cards()[0]["body"][2]["items"])
    assert "Do you mean Hengelo?" in items and "2031 is in the future" in items
    assert typo.cards()[0]["body"][1]["text"] == "About the young person"


async def test_later_verder_on_a_half_filled_step_is_not_held_back_by_its_required_fields(
    conversation,
):
    """Teams checks a card's required fields before it sends an Action.Submit, unless the
    action takes no inputs: 'Later verder' was refused with 'Dit veld is nog leeg.'"""
    [card] = (await start(conversation)).cards()
    [later] = [a for a in card["actions"] if a["data"].get(INTAKE_KEY) == PAUSE]

    paused = await conversation.submit(later["data"])

    assert later["associatedInputs"] == "none"
    assert paused.texts()[0].startswith("Je aanmelding is bewaard als concept")


async def test_a_young_person_from_outside_the_region_or_an_unknown_gemeente(bot, conversation):
    """The intake asks again about a place it does not know, and accepts 'buiten de regio'
    and 'weet ik niet'; the codes beside the free text reach the report facts."""
    await start(conversation)
    await fill(conversation, "aanmelder")
    outside = await fill(conversation, "jeugdige", gemeente="Rotterdam")
    problems = " ".join(i["text"] for i in outside.cards()[0]["body"][2]["items"])
    assert "'Rotterdam' hoort niet bij de gemeenten van Twente" in problems
    assert "schrijf dan 'buiten de regio'" in problems and "'weet ik niet'" in problems
    unknown = await fill(conversation, "jeugdige", gemeente="Weet ik niet")
    assert step_of(unknown.cards()[0]) == "Aanmelding, stap 3 van 7"
    for section in ("onderwijs", "problematiek", "vraag", "wensen", "toestemming"):
        codes = {
            "problematiek": {"problematiek_primair": "trauma"},
            "vraag": {"geprobeerd_hulp": "ambulant,ggz", "knelpunt": "wachtlijst",
                      "heraanmelding": "ja", "expertisenetwerk": "nee"},
        }.get(section, {})  # fmt: skip
        turn = await fill(conversation, section, **codes)
    assert labelled_values(turn.cards()[0])["Woongemeente van de jeugdige"] == "weet ik niet"
    await conversation.submit({INTAKE_KEY: EDIT, "section": "jeugdige"})
    turn = await fill(conversation, "jeugdige", gemeente="Buiten de regio")
    shown = labelled_values(turn.cards()[0])
    assert shown["Woongemeente van de jeugdige"] == "buiten de regio"
    assert shown["Welke hulp is er al ingezet?"] == "Ambulante jeugdhulp, Specialistische jeugd-ggz"
    assert shown["Waar zit het knelpunt vooral?"] == "Wachtlijst"
    await conversation.submit({INTAKE_KEY: SUBMIT})

    async with bot.app[RETBOT].engine.connect() as connection:
        [fact] = list(await connection.execute(select(CaseFactRow)))
        tried = set(
            await connection.scalars(
                select(CaseProblemRow.code).where(CaseProblemRow.side == "geprobeerd")
            )
        )
    assert fact.gemeente == "buiten de regio" and fact.problematiek_primair == "trauma"
    assert (fact.knelpunt, fact.heraanmelding, fact.expertisenetwerk) == ("wachtlijst", "ja", "nee")
    assert tried == {"ambulant", "ggz"}
