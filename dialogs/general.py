"""What every conversation has: the welcome, the menu and help."""

from collections.abc import Callable

from dialogs.cards.menu import MenuChoice, menu_card
from dialogs.routes import Routes
from dialogs.texts import text
from dialogs.turn import Turn, TurnState
from domain.report import may_report
from domain.ret import Member, RetConfig
from domain.roles import Role

WELCOME_BY_ROLE = {
    Role.VOORZITTER: "welcome.voorzitter",
    Role.KERNTEAMLID: "welcome.kernteamlid",
}


class General:
    def __init__(self, ret: RetConfig, draft_waiting: Callable[[TurnState], bool]) -> None:
        """`draft_waiting`: whether the user has a draft request to go on with."""
        self._ret = ret
        self._draft_waiting = draft_waiting

    def routes(self) -> Routes:
        return Routes(commands={"menu": self.menu, MenuChoice.HELP.value: self.help})

    async def welcome(self, turn: Turn) -> None:
        """One post: in a 1:1 chat the welcome with the menu card, in a team or group the
        welcome for everyone there (the menu's choices are personal). A post where several
        people read uses the RET's language, not that of whoever added the bot."""
        if not turn.personal:
            where = "welcome.team" if turn.team_channel else "welcome.group"
            await turn.send(text(where, ret=self._ret.name))
            return
        member = await turn.member()
        lines = [text(_welcome_key(member), turn.language, ret=self._ret.name)]
        if self._draft_waiting(turn.state):
            lines.append(text("intake.draft_waiting", turn.language))
        await turn.send("\n\n".join(lines), card=menu_for(turn, member))

    async def menu(self, turn: Turn) -> None:
        await turn.send(menu_for(turn, await turn.member()))

    async def help(self, turn: Turn) -> None:
        help_text = text("help", turn.language)
        if not turn.personal:
            help_text += "\n\n" + text("help.group", turn.language)
        await turn.send(help_text)


def menu_for(turn: Turn, member: Member | None) -> dict:
    return menu_card(turn.language, reports=may_report(member))


def _welcome_key(member: Member | None) -> str:
    """The voorzitter's, a kernteamlid's or the referrer's welcome; the other roles read
    the referrer's."""
    if member is None:
        return "welcome"
    return WELCOME_BY_ROLE.get(member.role, "welcome")
