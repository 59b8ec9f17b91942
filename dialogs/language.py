"""Choosing the language the bot speaks with a user (Dutch by default)."""

from dialogs.choices import choice_of
from dialogs.general import menu_for
from dialogs.routes import Routes, Waiting, stop_waiting, wait_for
from dialogs.texts import Language, text
from dialogs.turn import Turn

LANGUAGES: dict[str, Language] = {"Nederlands": "nl", "English": "en"}
WAITING = "language"  # the conversation waits for the choice


class LanguageChoice:
    def routes(self) -> Routes:
        return Routes(
            commands={"language": self.ask},
            waiting={WAITING: Waiting(reply=self.choose, ask_again=self.ask)},
        )

    async def ask(self, turn: Turn) -> None:
        wait_for(turn, WAITING)
        await turn.send(text("language.ask", turn.language), choices=list(LANGUAGES))

    async def choose(self, turn: Turn) -> None:
        picked = choice_of(turn.text, list(LANGUAGES))
        if picked is None:
            await turn.send(text("language.retry", turn.language), choices=list(LANGUAGES))
            return
        turn.state.language = list(LANGUAGES.values())[picked]
        stop_waiting(turn)
        # The menu follows in the new language, so what comes next reads in it too.
        menu = menu_for(turn, await turn.member())
        await turn.send(text("language.done", turn.language), card=menu)
