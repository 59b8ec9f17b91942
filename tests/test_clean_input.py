"""NUL characters and lone surrogates never reach the dialogs or the database: the edge
removes NUL (PostgreSQL refuses it in text) and turns a lone surrogate (which cannot be
written as UTF-8) into U+FFFD, in every string of an activity, names included, and in the
follow-up page's form."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.app import RETBOT
from bot.clean_input import clean_json
from dialogs.cards.signals import CASE_INPUT, NOTE_INPUT, SIGNAL_KEY, THEME_INPUT
from domain.consultations import ConsultationStatus
from storage.signals import SqlSignalRepository
from tests.test_consult_flow import CHAIR_AAD, consultations, person
from tests.test_follow_up_flow import followed

# json.dumps writes these as the escapes \u0000, \ud800 and \udfff, as a client would send them
NUL, HIGH, LOW = "\x00", "\ud800", "\udfff"


async def test_a_message_with_nul_and_lone_surrogates_is_stored_clean(bot, connector, http):
    asker = person(bot, connector, http, f"Inge{NUL} Referent{LOW}")

    turn = await asker.say(f"Kan een ouder{NUL} zelf aan{HIGH}melden?")

    assert turn.status == 201
    assert turn.cards()[0]["body"][0]["text"].startswith("Ja. Iedereen kan het RET om advies")
    [row] = await consultations(bot)
    assert row.status == ConsultationStatus.ANSWERED_BY_BOT
    assert row.question == "Kan een ouder zelf aan\ufffdmelden?"
    assert row.asker_name == "Inge Referent\ufffd"


async def test_a_card_submit_with_nul_and_lone_surrogates_is_stored_clean(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    value = {
        SIGNAL_KEY: True,
        THEME_INPUT: f"aan{NUL}bod",
        NOTE_INPUT: f"Geen plek{NUL} voor meiden {HIGH}met eetproblemen{LOW}",
        CASE_INPUT: NUL,
    }

    turn = await chair.submit(value)

    assert turn.texts()[0].startswith("Het signaal is vastgelegd onder 'Passend aanbod")
    retbot = bot.app[RETBOT]
    now = datetime.now(UTC)
    stored = await SqlSignalRepository(retbot.jobs.sessions, retbot.jobs.cipher).between(
        now - timedelta(hours=1), now + timedelta(hours=1)
    )
    assert [(s.theme, s.note, s.case_number) for s in stored] == [
        ("aanbod", "Geen plek voor meiden \ufffdmet eetproblemen\ufffd", None)
    ]


async def test_a_follow_up_answer_on_the_web_page_is_stored_without_nul(bot, connector, http):
    case = await followed(bot, connector, http)
    await case.run(14)
    ask = (await case.asks())[0]
    token = bot.app[RETBOT].follow_up_page.links.token(ask.id, datetime.now(UTC) + timedelta(1))
    answer = {"voortgang": "vertr\x00aagd", "toelichting": "De start\x00 schuift een week."}

    async with http.post(f"{bot.url}/follow-up/{token}", data=answer) as page:
        assert page.status == 200, await page.text()

    [answered] = [a for a in await case.asks() if a.id == ask.id]
    assert (answered.progress, answered.toelichting) == ("vertraagd", "De start schuift een week.")


any_text = st.text(st.characters(exclude_categories=()))  # NUL and lone surrogates too


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [*value, *(s for item in value.values() for s in strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def writable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


@given(st.recursive(any_text, lambda c: st.lists(c) | st.dictionaries(any_text, c), max_leaves=8))
def test_cleaned_json_can_be_written_and_clean_json_is_kept_as_it_is(value):
    cleaned = clean_json(value)

    assert all(writable(text) for text in strings(cleaned))
    assert clean_json(cleaned) == cleaned
    if all(writable(text) for text in strings(value)):
        assert cleaned == value
