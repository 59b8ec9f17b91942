"""The Bot Framework Email channel over HTTP: a question by email is answered from what the
RET knows, as an email (plain text plus subject and htmlBody), never with a card; whatever
needs a form points to Teams; odd emails get a clear answer; and a card sent proactively to
an email conversation arrives as text."""

import pytest

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from dialogs.cards.consult import ANSWER_INPUT, VERB_ANSWER
from dialogs.cards.menu import menu_card
from domain.notices import Chat, Notice
from tests.test_consult_flow import CHAIR_AAD, consultations, person

RET_NAME = "RET Jeugd Twente (voorbeeld)"
TEAMS_POINTER = "Dit kan ik per e-mail helaas niet voor je doen"


@pytest.fixture
def mailbox(bot, connector, http) -> Conversation:
    """Someone writing to the RET's mailbox, which is connected to the bot."""
    return Conversation(
        bot.messages_url,
        connector,
        http,
        user_id="i.referent@wijkteam-hengelo.example.org",
        user_name="Inge Referent",
        channel_id="email",
    )


async def email(mailbox: Conversation, text: str | None, **channel_data):
    fields = {"channelData": channel_data} if channel_data else {}
    if text is not None:
        fields["text"] = text
    result = await mailbox.send(mailbox.activity("message", **fields))
    assert result.status in (200, 201)
    return result


def assert_is_an_email(reply: dict) -> None:
    assert not reply.get("attachments") and not reply.get("suggestedActions")
    assert reply["channelData"]["subject"]
    assert reply["channelData"]["htmlBody"].startswith("<p>")
    assert reply["text"]


async def test_a_question_by_email_is_answered_from_the_knowledge_base(bot, mailbox):
    asked = await email(
        mailbox,
        "Goedemorgen,\n\nWanneer is het volgende overleg van het RET?\n\n"
        "Met groet,\nInge\n\n> eerder bericht: <b>oud</b>",
        subject="Vraag over het overleg",
        importance="normal",
    )

    [reply] = asked.replies
    assert_is_an_email(reply)
    assert reply["channelData"]["subject"] == "RE: Vraag over het overleg"
    assert reply["text"].startswith("Het volgende RET-overleg is op ")
    assert reply["text"].endswith("\n\nUit de vergaderkalender van het RET")
    html = reply["channelData"]["htmlBody"]
    assert html.startswith("<p>Het volgende RET-overleg is op ")
    assert "</p>\n<p>Uit de vergaderkalender van het RET</p>" in html
    assert "oud" not in html and "Inge" not in html  # neither the quote nor the signature
    [recorded] = await consultations(bot)
    assert recorded.asker_channel_id == "email"
    assert recorded.asker_user_id == "i.referent@wijkteam-hengelo.example.org"
    assert recorded.question == "Goedemorgen, Wanneer is het volgende overleg van het RET?"
    assert (recorded.topic, recorded.status) == ("volgend overleg", "beantwoord door de bot")


async def test_a_knowledge_answer_is_escaped_and_the_same_as_in_teams(bot, mailbox, conversation):
    question = "Kan een ouder of jongere zelf aanmelden?"
    by_email = await email(mailbox, question)
    in_teams = await conversation.say(question)

    [reply] = by_email.replies
    assert_is_an_email(reply)
    assert reply["channelData"]["subject"] == f"Antwoord van retbot ({RET_NAME})"
    entry = next(k for k in bot.ret.knowledge_base if k.id == "zelf-aanmelden")
    assert entry.answer in reply["text"]
    assert entry.answer in str(in_teams.cards())  # the same answer, there on a card
    assert TEAMS_POINTER not in reply["text"]


@pytest.mark.parametrize(
    "written",
    [
        "menu",
        "Start",
        "Waar vind ik het keuzemenu?",
    ],
)
async def test_what_needs_a_form_points_to_teams(bot, mailbox, written):
    answered = await email(mailbox, written, subject="retbot")

    [reply] = answered.replies
    assert_is_an_email(reply)
    assert reply["text"].startswith(TEAMS_POINTER)
    assert f"retbot van {RET_NAME}" in reply["text"]
    assert "Microsoft Teams" in reply["channelData"]["htmlBody"]
    assert await consultations(bot) == []


async def test_help_by_email_says_what_works_by_email(mailbox):
    [reply] = (await email(mailbox, "help")).replies

    assert_is_an_email(reply)
    assert reply["text"].startswith(f"Per e-mail beantwoord ik korte vragen over {RET_NAME}")


async def test_an_unknown_question_waits_for_the_voorzitter_who_is_not_in_teams_yet(mailbox, bot):
    [reply] = (await email(mailbox, "Hoeveel fietsenstallingen heeft het gemeentehuis?")).replies

    assert_is_an_email(reply)
    assert "kan die nu niet via Teams bereiken" in reply["text"]
    assert "m.hofstede@ret-twente.example.org" in reply["text"]
    [row] = await consultations(bot)
    assert (row.question, row.status) == (
        "Hoeveel fietsenstallingen heeft het gemeentehuis?",
        "bij de voorzitter",
    )


async def test_an_unknown_question_goes_to_the_voorzitter_and_the_answer_comes_by_email(
    bot, connector, http, mailbox
):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    seen = len(connector.received[chair.id])

    [reply] = (await email(mailbox, "Hoeveel fietsenstallingen heeft het gemeentehuis?")).replies
    card = connector.received[chair.id][seen]["attachments"][0]["content"]
    [row] = await consultations(bot)
    answered = await chair.execute(
        VERB_ANSWER, {"id": row.id, ANSWER_INPUT: "Twee, allebei bij de ingang."}
    )

    assert reply["text"].startswith("Op deze vraag vind ik geen antwoord")
    assert "het antwoord krijg je per e-mail" in reply["text"]
    assert "Hoeveel fietsenstallingen heeft het gemeentehuis?" in str(card)
    assert answered.status == 200
    mailed_back = connector.received[mailbox.id][-1]
    assert_is_an_email(mailed_back)
    assert "Twee, allebei bij de ingang." in mailed_back["text"]
    assert "Marieke Hofstede" in mailed_back["text"]


@pytest.mark.parametrize(
    ("text", "channel_data", "says"),
    [
        ("", {"htmlBody": "<div><p>Wanneer is het volgende <b>overleg</b>?</p></div>"}, "overleg"),
        (None, {"htmlBody": "<html><head><style>p{}</style></head><body></body></html>"}, "geen"),
        (None, {}, "Ik kon in je e-mail geen tekst vinden"),
        ("   ", {"subject": "menu"}, TEAMS_POINTER),
        ("> alleen een geciteerd bericht", {"subject": ["geen", "tekst"]}, "geen tekst vinden"),
        ("ok", {"htmlBody": 42}, "Dank je voor je bericht"),
    ],
)
async def test_odd_emails_get_a_clear_answer(mailbox, text, channel_data, says):
    answered = await email(mailbox, text, **channel_data)

    [reply] = answered.replies
    assert_is_an_email(reply)
    assert says in reply["text"]


async def test_no_card_reaches_an_email_conversation_not_even_proactively(bot, connector, mailbox):
    joined = await mailbox.join()  # in Teams this welcome carries the menu card
    retbot = bot.app[RETBOT]
    await retbot.dispatcher.send([Notice(Chat("email", mailbox.user["id"]), menu_card("nl"))])

    [welcome] = joined.replies
    assert_is_an_email(welcome)
    assert welcome["text"].startswith("Welkom!") and TEAMS_POINTER in welcome["text"]
    proactive = connector.received[mailbox.id][-1]
    assert_is_an_email(proactive)
    assert proactive["text"].startswith(TEAMS_POINTER)
    assert proactive["channelData"]["subject"] == f"Antwoord van retbot ({RET_NAME})"
