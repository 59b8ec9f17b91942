"""Signaal vastleggen: the form's submit, checked by the domain, answered in one line."""

from dialogs.cards.signals import (
    ADVIES_INPUT,
    ADVIES_KEY,
    CASE_INPUT,
    FORM_KEY,
    NOTE_INPUT,
    SIGNAL_KEY,
    THEME_INPUT,
)
from dialogs.clock import now
from dialogs.routes import Routes
from dialogs.texts import Language, text
from dialogs.turn import Turn
from domain.signals import (
    NOTE_MAX,
    THEMES,
    SignalProblem,
    SignalRefused,
    SignalRepository,
    record_advies,
    record_signal,
)
from domain.vocabularies import term


class SignalActions:
    def __init__(self, signals: SignalRepository) -> None:
        self._signals = signals

    def routes(self) -> Routes:
        return Routes(submits={SIGNAL_KEY: self.record, ADVIES_KEY: self.record_advies})

    async def record(self, turn: Turn) -> None:
        value, language = turn.value, turn.language
        member = await turn.member()
        try:
            signal = await record_signal(
                self._signals,
                member,
                value.get(THEME_INPUT),
                value.get(NOTE_INPUT),
                value.get(CASE_INPUT),
                turn.channel_id,
                now(),
                form if isinstance(form := value.get(FORM_KEY), str) else None,
            )
        except SignalRefused as refused:
            await turn.send(_refusal(refused.problem, value, language))
            return
        theme = term(THEMES, signal.theme).label(language)
        await turn.send(text("signals.saved", language, theme=theme))

    async def record_advies(self, turn: Turn) -> None:
        value, language = turn.value, turn.language
        try:
            advies = await record_advies(
                self._signals,
                await turn.member(),
                value.get(THEME_INPUT),
                value.get(ADVIES_INPUT),
                turn.channel_id,
                now(),
                form if isinstance(form := value.get(FORM_KEY), str) else None,
            )
        except SignalRefused as refused:
            own = {
                SignalProblem.NOTE_EMPTY: "signals.advies_empty",
                SignalProblem.ALREADY_RECORDED: "signals.advies_already",
            }.get(refused.problem)
            if own:
                await turn.send(text(own, language))
            else:
                await turn.send(_refusal(refused.problem, value, language))
            return
        theme = term(THEMES, advies.theme).label(language)
        await turn.send(text("signals.advies_saved", language, theme=theme))


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
