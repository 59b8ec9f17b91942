"""`retbot chat` through a pipe: what a person sees and what a click sends."""

import asyncio
import json
import sys

from bot.chat.conversation import TurnResult
from bot.chat.render import render_activity
from bot.chat.terminal import TerminalChat, perform


async def run_chat(bot_url: str, typed: str, *who: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "chat",
        "--url",
        bot_url,
        *(who or ("--user-name", "Inge")),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(60):
        out, err = await process.communicate(typed.encode())
    return process.returncode, out.decode(), err.decode()


async def test_welcome_then_menu_button_then_a_card_form_filled_in(bot):
    # 1: Nieuwe aanmelding; 1: Volgende on the first card, whose three inputs are then asked.
    typed = "1\n1\n2\nWijkteam Hengelo\n06 1234 5678\n"

    code, out, err = await run_chat(bot.messages_url, typed)

    assert code == 0, err
    welcome, _, after = out.partition("jij> 1")
    assert "Welkom! Ik ben retbot" in welcome
    assert "[1] Nieuwe aanmelding" in welcome and "[4] Help" in welcome
    assert "Aanmelding, stap 1 van 7" in after
    assert "2) Lokale toegang / wijkteam" in after
    assert "Aanmelding, stap 2 van 7" in after


async def test_suggested_actions_are_numbered_per_turn(bot):
    code, out, _ = await run_chat(bot.messages_url, "taal\n2\n")

    assert code == 0
    assert "[1] Nederlands" in out and "[2] English" in out
    assert "Fine, I will speak English with you from now on." in out


async def test_as_a_member_of_the_ret_file_the_chat_has_that_role(bot):
    """The voorzitter sees the team's cases, where a referrer sees only their own."""
    code, as_chair, err = await run_chat(bot.messages_url, "3\n", "--as", "marieke hofstede")
    _, as_referrer, _ = await run_chat(bot.messages_url, "3\n")  # [3] Mijn casussen

    assert code == 0, err
    assert "[5] Rapportage" in as_chair and "Rapportage" not in as_referrer
    assert "Casussen van het RET" in as_chair
    assert "Casussen van het RET" not in as_referrer and "nog geen aanmeldingen" in as_referrer


async def test_a_name_not_in_the_ret_file_is_refused_with_the_names_there(bot):
    code, _, err = await run_chat(bot.messages_url, "", "--as", "Piet Onbekend")

    assert code == 2
    assert "'Piet Onbekend' staat niet in het RET-bestand" in err
    assert "Marieke Hofstede (voorzitter)" in err


async def test_unreachable_bot_is_a_clear_error():
    code, _, err = await run_chat("http://127.0.0.1:9/api/messages", "")

    assert code == 1
    assert "geen bot bereikbaar" in err


CARD_WITH_INPUTS = {
    "type": "message",
    "attachments": [
        {
            "contentType": "application/vnd.microsoft.card.adaptive",
            "content": {
                "type": "AdaptiveCard",
                "version": "1.5",
                "body": [
                    {"type": "TextBlock", "text": "Urgentie"},
                    {"type": "FactSet", "facts": [{"title": "Casus", "value": "RET-2026-0001"}]},
                    {
                        "type": "Input.ChoiceSet",
                        "id": "urgentie",
                        "label": "Hoe urgent?",
                        "choices": [
                            {"title": "Normaal", "value": "normaal"},
                            {"title": "Urgent", "value": "urgent"},
                        ],
                    },
                    {
                        "type": "Input.Text",
                        "id": "toelichting",
                        "label": "Toelichting",
                        "isRequired": True,
                    },
                ],
                "actions": [
                    {"type": "Action.Submit", "title": "Versturen", "data": {"stap": "urgentie"}},
                    {
                        "type": "Action.Execute",
                        "title": "Bevestigen",
                        "verb": "bevestig",
                        "data": {"x": 1},
                    },
                ],
            },
        }
    ],
}


class Recording:
    """Stands in for the conversation: records what a click would send."""

    def __init__(self, answer: dict | None = None) -> None:
        self.sent: list[tuple[str, object]] = []
        self.answer = answer or {
            "statusCode": 200,
            "type": "application/vnd.microsoft.activity.message",
            "value": "ok",
        }

    async def submit(self, value) -> TurnResult:
        self.sent.append(("submit", value))
        return TurnResult(201, None)

    async def execute(self, verb, data) -> TurnResult:
        self.sent.append(("execute", (verb, data)))
        return TurnResult(200, self.answer)


async def test_card_inputs_become_prompts_and_submit_sends_the_value():
    answers = iter(["3", "2", "", "Zorg stopt vrijdag"])  # 3 is not a choice, "" is required

    async def ask(_prompt):
        return next(answers)

    chat = TerminalChat(ask)
    rendered = render_activity(CARD_WITH_INPUTS)
    chat.show(rendered)
    conversation = Recording()

    await perform(chat, conversation, chat.actions[0])

    assert "  Casus: RET-2026-0001" in rendered.lines
    assert [a.title for a in chat.actions] == ["Versturen", "Bevestigen"]
    assert conversation.sent == [
        ("submit", {"stap": "urgentie", "urgentie": "urgent", "toelichting": "Zorg stopt vrijdag"})
    ]


async def test_execute_action_sends_verb_and_data_with_inputs():
    answers = iter(["1", "ok"])

    async def ask(_prompt):
        return next(answers)

    chat = TerminalChat(ask)
    chat.show(render_activity(CARD_WITH_INPUTS))
    conversation = Recording()

    await perform(chat, conversation, chat.actions[1])

    assert conversation.sent == [
        ("execute", ("bevestig", {"x": 1, "urgentie": "normaal", "toelichting": "ok"}))
    ]


async def test_an_execute_answered_with_a_message_or_an_error_shows_it(capsys):
    error = {"code": "InternalServerError", "message": "Sorry, er ging bij mij iets mis"}
    answers = iter(["1", "ok", "1", "ok"])

    async def ask(_prompt):
        return next(answers)

    chat = TerminalChat(ask)
    chat.show(render_activity(CARD_WITH_INPUTS))
    await perform(chat, Recording(), chat.actions[1])
    failing = Recording(
        {"statusCode": 500, "type": "application/vnd.microsoft.error", "value": error}
    )
    await perform(chat, failing, chat.actions[1])

    shown = capsys.readouterr().out.splitlines()
    assert "retbot> ok" in shown
    assert "retbot> Sorry, er ging bij mij iets mis" in shown
    assert [a.title for a in chat.actions] == ["Versturen", "Bevestigen"]  # the card stays


async def test_a_form_asked_again_shows_what_it_holds_and_markdown_reads_as_text(capsys):
    """The card comes back with the values filled in: Enter keeps them."""
    card = json.loads(json.dumps(CARD_WITH_INPUTS))
    body = card["attachments"][0]["content"]["body"]
    body[0]["text"] = "**Urgentie** van de *aanmelding*: [uitleg](https://ret.example.org/uitleg)"
    body[2]["value"], body[3]["value"] = "urgent", "Zorg stopt vrijdag"
    prompts: list[str] = []

    async def ask(prompt):
        prompts.append(prompt)
        return ""

    chat = TerminalChat(ask)
    chat.show(render_activity(card))
    conversation = Recording()
    await perform(chat, conversation, chat.actions[0])

    assert prompts == [
        "  Hoe urgent? [Enter: Urgent]: ",
        "  Toelichting [Enter: Zorg stopt vrijdag]: ",
    ]
    assert conversation.sent == [
        ("submit", {"stap": "urgentie", "urgentie": "urgent", "toelichting": "Zorg stopt vrijdag"})
    ]
    shown = capsys.readouterr().out
    assert "retbot> Urgentie van de aanmelding: uitleg: https://ret.example.org/uitleg" in shown
