"""The advice form in steps through the real app: each step a card of its own (well under
Teams' size limit, also for a RET with many organisations), the values kept in the chat's
state between steps and over a restart, 'Later verder', the check step, and the advice
recorded once at the last step however often it is clicked."""

import json

import pytest

from dialogs.cards.meeting import ATTEND_KEY, stand_in_input
from domain.ret import Organisation, OrganisationContact, OrganisationKind, RetConfig
from storage.models import AdviceAttendeeRow, AdviceRow, AfspraakRow
from tests.support import assert_valid_card
from tests.test_advice_flow import (
    ADVIES,
    FATIMA_AAD,
    GGZ,
    LVB,
    SAMENVATTING,
    SOON,
    THIJS_AAD,
    case_at_the_table,
    elements,
    open_form,
    rows,
    step_card,
)
from tests.test_advice_flow import ret as example_ret
from tests.test_consult_flow import person

MANY = 40  # betrokken organisaties in the RET file, besides the example's
WELL_UNDER = 20 * 1024  # bytes; Teams refuses a message over 28 KB

ret_with_ids = example_ret


@pytest.fixture
def ret(ret_with_ids: RetConfig) -> RetConfig:
    """The example RET with its kernteamleden's Teams ids, and many more organisations, each
    with a long name (a card lists every one of them for every afspraak)."""
    extra = tuple(
        Organisation(
            name=f"Stichting Jeugdhulp en Gezinsbegeleiding Regio Twente-Oost {i:02}",
            kind=OrganisationKind.AANBIEDER,
            contact=OrganisationContact(name=f"Contact {i}", email=f"contact{i}@example.org"),
        )
        for i in range(MANY)
    )
    return ret_with_ids.model_copy(update={"organisations": (*ret_with_ids.organisations, *extra)})


def size(card: dict) -> int:
    return len(json.dumps(card, ensure_ascii=False).encode())


def value_of(card: dict, input_id: str) -> str | None:
    return next(e for e in elements(card) if e.get("id") == input_id).get("value")


STEP_1 = {"samenvatting": SAMENVATTING, "advies": ADVIES, "gemeente": "Enschede"}
STEP_2 = {
    "organisatie_1": GGZ,
    "actie_1": "Start traumabehandeling in het gezinshuis",
    "deadline_1": SOON,
    "persoon_1": "",
    "organisatie_2": "Gemeente Enschede",
    "actie_2": "Geeft de beschikking af",
    "deadline_2": SOON,
    "persoon_2": "",
}


async def test_the_form_goes_step_by_step_keeps_its_values_and_records_once(bot, connector, http):
    chair, _, _, number = await case_at_the_table(bot, connector, http)
    first, record = await open_form(chair)
    second = await step_card(chair, number, "2", **STEP_1)
    third = await step_card(chair, number, "3", **STEP_2)
    back = await step_card(chair, number, "2")  # 'Terug': step 2 with what it held
    paused = await chair.submit({"verb": "advice_step", "advice_step": number, "go": "later"})
    await bot.restart()  # a new process: the values are in the chat's state, in the database
    chair.bot_url = bot.messages_url
    resumed, _ = await open_form(chair)
    check = await step_card(chair, number, "4")
    recorded = await chair.submit(record)
    again = await chair.submit(record)

    cards = [first, second, third, back, resumed, check]
    for card in cards:
        assert_valid_card(card)
    assert max(size(c) for c in cards) < WELL_UNDER, [size(c) for c in cards]
    assert [c["body"][1]["text"][:12] for c in cards] == [
        "Stap 1 van 4",
        "Stap 2 van 4",
        "Stap 3 van 4",
        "Stap 2 van 4",
        "Stap 1 van 4",
        "Stap 4 van 4",
    ]
    assert value_of(first, "gemeente") == "Hengelo"  # the intake's, to correct
    choices = next(e for e in elements(second) if e.get("id") == "organisatie_1")["choices"]
    assert len(choices) == MANY + 9 and "Gemeente Enschede" in [c["value"] for c in choices]
    assert value_of(third, "deelnemer_1") == "Marieke Hofstede"  # pre-filled: the voorzitter
    assert "Gemeente Enschede: Geeft de beschikking af" in str(back)  # kept, as a line
    assert "Bewaard." in str(paused.cards() or paused.texts())
    assert value_of(resumed, "samenvatting") == SAMENVATTING
    assert value_of(resumed, "gemeente") == "Enschede"
    shown = str(check)
    assert "Gemeente Enschede: Geeft de beschikking af" in shown and ADVIES in shown
    assert "Enschede" in str(check["body"][2])
    assert [a["title"] for a in check["actions"]] == ["Advies vastleggen", "Terug", "Later verder"]
    assert [a["title"] for a in first["actions"]] == ["Volgende", "Later verder"]
    assert f"Het advies voor {number} is vastgelegd." in " ".join(recorded.texts())
    assert again.texts()[0].startswith(f"Het advies voor {number} is al vastgelegd op ")
    [advice] = await rows(bot, AdviceRow)
    assert advice.gemeente == "Enschede"
    assert [a.organisation for a in await rows(bot, AfspraakRow)] == [GGZ, "Gemeente Enschede"]


async def test_each_step_replaces_the_card_before_it(bot, connector, http):
    chair, _, _, number = await case_at_the_table(bot, connector, http)
    await open_form(chair)
    form_message = connector.received[chair.id][-1]["id"]

    moved = await chair.submit(
        {"verb": "advice_step", "advice_step": number, "go": "2", **STEP_1}, reply_to=form_message
    )

    assert moved.cards() == []  # no new message: the card gave way to step 2
    [replaced] = connector.updated[chair.id]
    assert replaced["id"] == form_message
    step_2 = replaced["attachments"][0]["content"]
    assert_valid_card(step_2)
    assert step_2["body"][1]["text"].startswith("Stap 2 van 4")


async def test_the_attendance_step_starts_with_who_said_they_come(bot, connector, http):
    chair, referrer, _, number = await case_at_the_table(bot, connector, http)
    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    fatima = person(bot, connector, http, "Fatima el Amrani", FATIMA_AAD)
    await thijs.submit({ATTEND_KEY: number, "answer": "komt"})
    cannot = {ATTEND_KEY: number, "answer": "kan_niet"}
    await fatima.submit({**cannot, stand_in_input(number): "Karin de Vries"})
    await referrer.submit({**cannot, stand_in_input(number): "Sanne Jansen"})

    _, record = await open_form(chair)
    await step_card(chair, number, "2", **STEP_1)
    attendance = await step_card(chair, number, "3", **STEP_2)
    edited = {"deelnemer_4": "Karin de Vries-Smit"}
    await step_card(chair, number, "2", **edited)  # 'Terug' keeps what was corrected
    again = await step_card(chair, number, "3")
    await step_card(chair, number, "4")
    recorded = await chair.submit(record)

    def listed(card: dict, row: int) -> tuple:
        fields = ("deelnemer", "deelnemer_organisatie", "deelnemer_rol")
        return tuple(value_of(card, f"{field}_{row}") for field in fields)

    # A stand-in in the role of whom they stand in for.
    assert [listed(attendance, row) for row in range(1, 5)] == [
        ("Marieke Hofstede", "RET Jeugd Twente", "voorzitter"),
        ("Sanne Jansen", "Jeugdbescherming Oost", "verwijzer"),
        ("Thijs Wennink", GGZ, "kernteamlid"),
        ("Karin de Vries", LVB, "kernteamlid"),
    ]
    assert value_of(attendance, "deelnemer_5") in (None, "")  # nobody else answered
    assert "Fatima el Amrani" not in str(listed(attendance, 4)[0])
    # Pre-filled, not fixed: each is a text input the voorzitter can correct.
    names = [e for e in elements(attendance) if e.get("id") == "deelnemer_4"]
    assert names[0]["type"] == "Input.Text"
    assert listed(again, 4)[0] == "Karin de Vries-Smit"
    assert size(attendance) < WELL_UNDER, size(attendance)
    # As pre-filled (and corrected), the advice records: the roles are the list's own.
    assert f"Het advies voor {number} is vastgelegd." in " ".join(recorded.texts())
    attendees = sorted(await rows(bot, AdviceAttendeeRow), key=lambda a: a.position)
    assert [(a.role, a.present) for a in attendees] == [
        ("voorzitter", True),
        ("verwijzer", True),
        ("kernteamlid", True),
        ("kernteamlid", True),
    ]
