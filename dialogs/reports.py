"""Rapportage on request: the form, and links to the report over the chosen period."""

from collections.abc import Callable
from datetime import date

from botbuilder.core import TurnContext

from dialogs.activity_facts import is_personal
from dialogs.cards import card_activity
from dialogs.cards.reports import FROM_INPUT, TO_INPUT, report_form
from dialogs.clock import now
from dialogs.members import MemberLookup
from dialogs.texts import Language, text
from domain.meetings import AMSTERDAM
from domain.report import FIRST_DAY, LAST_DAY, Period, last_quarter, may_report

FORMATS = ("docx", "xlsx", "csv")
LinkFor = Callable[[str, str], str]  # (period code, format) -> signed URL


class ReportActions:
    def __init__(self, members: MemberLookup, link_for: LinkFor) -> None:
        self._members = members
        self._link_for = link_for

    async def open_form(self, turn_context: TurnContext, _: dict, language: Language) -> None:
        if not await self._allowed(turn_context, language):
            return
        today = now().astimezone(AMSTERDAM).date()
        await turn_context.send_activity(card_activity(report_form(last_quarter(today), language)))

    async def request(self, turn_context: TurnContext, value: dict, language: Language) -> None:
        if not await self._allowed(turn_context, language):
            return
        try:
            period = Period(_day(value.get(FROM_INPUT)), _day(value.get(TO_INPUT)))
        except ValueError:  # not dates, backwards, or outside the years a report covers
            await turn_context.send_activity(
                text("reports.bad_period", language, first=FIRST_DAY.year, last=LAST_DAY.year)
            )
            return
        links = {fmt: self._link_for(period.code, fmt) for fmt in FORMATS}
        await turn_context.send_activity(
            text("reports.ready", language, period=period.label, **links)
        )

    async def _allowed(self, turn_context: TurnContext, language: Language) -> bool:
        """Only the roles that report, and only in their own chat (a link is personal)."""
        member = await self._members.member_of(turn_context)
        if may_report(member) and is_personal(turn_context.activity):
            return True
        await turn_context.send_activity(text("reports.not_allowed", language))
        return False


def _day(value: object) -> date:
    if not isinstance(value, str):
        raise ValueError(value)
    return date.fromisoformat(value.strip()[:10])
