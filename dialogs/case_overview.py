"""'Mijn casussen': a referrer's own cases, or, for the voorzitter and procesondersteuner,
the RET's cases a page at a time; only in the person's own chat."""

from collections.abc import Awaitable, Callable

from dialogs.cards.case_pages import PAGE_KEY, page_request
from dialogs.cards.cases import cases_card
from dialogs.cards.menu import MenuChoice
from dialogs.clock import now
from dialogs.routes import Routes
from dialogs.texts import Language, text
from dialogs.turn import Turn, referrer_of
from domain.cases import TEAM_VIEW_ROLES, CaseRepository, CaseStatus, visible_page
from domain.closing import may_close
from domain.people import is_chair

TaskLines = Callable[[Language], Awaitable[dict[str, str]]]
"""Per case number, a line about what is open around its meeting (dialogs.meeting_prep)."""


class CaseOverview:
    def __init__(self, cases: CaseRepository, open_tasks: TaskLines) -> None:
        self._cases = cases
        self._open_tasks = open_tasks

    def routes(self) -> Routes:
        return Routes(
            commands={MenuChoice.CASUSSEN.value: self.show},
            submits={PAGE_KEY: self.page},
        )

    async def show(self, turn: Turn, status: CaseStatus | None = None, page: int = 0) -> None:
        language = turn.language
        if not turn.personal:
            await turn.send(text("cases.only_personal", language))
            return
        member = await turn.member()
        shown = await visible_page(self._cases, referrer_of(turn), member, now(), status, page)
        team_view = member is not None and member.role in TEAM_VIEW_ROLES
        closable = frozenset(c.number for c in shown.cases if may_close(member, c))
        card = cases_card(
            shown.cases,
            team_view,
            language,
            can_advise=is_chair(member),
            closable=closable,
            paging=shown,
            notes=await self._open_tasks(language) if team_view else {},
        )
        await turn.send(card)

    async def page(self, turn: Turn) -> None:
        """Previous/next or a status filter on the team's overview."""
        try:
            status, page = page_request(turn.value)
        except ValueError:
            await turn.send(text("case_pages.invalid", turn.language))
            return
        await self.show(turn, status, page)
