"""Signaal vastleggen: the form's submit, checked by the domain, answered in one line."""

from botbuilder.core import TurnContext

from dialogs.cards.signals import CASE_INPUT, FORM_KEY, NOTE_INPUT, THEME_INPUT
from dialogs.clock import now
from dialogs.members import MemberLookup
from dialogs.texts import Language, text
from domain.signals import (
    NOTE_MAX,
    THEMES,
    SignalProblem,
    SignalRefused,
    SignalRepository,
    record_signal,
)
from domain.vocabularies import term


class SignalActions:
    def __init__(self, signals: SignalRepository, members: MemberLookup) -> None:
        self._signals = signals
        self._members = members

    async def record(self, turn_context: TurnContext, value: dict, language: Language) -> None:
        member = await self._members.member_of(turn_context)
        try:
            signal = await record_signal(
                self._signals,
                member,
                value.get(THEME_INPUT),
                value.get(NOTE_INPUT),
                value.get(CASE_INPUT),
                turn_context.activity.channel_id,
                now(),
                form if isinstance(form := value.get(FORM_KEY), str) else None,
            )
        except SignalRefused as refused:
            await turn_context.send_activity(_refusal(refused.problem, value, language))
            return
        theme = term(THEMES, signal.theme).label(language)
        await turn_context.send_activity(text("signals.saved", language, theme=theme))


def _refusal(problem: SignalProblem, value: dict, language: Language) -> str:
    if problem is SignalProblem.NOTE_LONG:
        return text("signals.note_long", language, max=NOTE_MAX)
    if problem is SignalProblem.UNKNOWN_CASE:
        return text("signals.unknown_case", language, number=str(value.get(CASE_INPUT)).strip())
    key = {
        SignalProblem.NOT_ALLOWED: "signals.not_allowed",
        SignalProblem.THEME: "signals.theme_missing",
        SignalProblem.NOTE_EMPTY: "signals.note_empty",
        SignalProblem.ALREADY_RECORDED: "signals.already",
    }[problem]
    return text(key, language)
