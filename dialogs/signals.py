"""Signaal vastleggen: the form's submit, checked by the domain, answered in one line."""

from dialogs.cards.recorded import recorded_card
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
from dialogs.moments import when
from dialogs.routes import Routes
from dialogs.texts import Language, text
from dialogs.turn import Turn
from domain.signals import (
    NOTE_MAX,
    THEMES,
    Signal,
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
            if refused.problem is SignalProblem.ALREADY_RECORDED:
                await turn.send(await self._already(value.get(FORM_KEY), language))
                return
            await turn.send(_refusal(refused.problem, value, language))
            return
        theme = term(THEMES, signal.theme).label(language)
        await turn.replace_card(_recorded(signal, language))
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

    async def _already(self, form_id: object, language: Language) -> str:
        """The same form sent again (another device, a second click): by whom and when."""
        earlier = await self._signals.from_form(form_id) if isinstance(form_id, str) else None
        if earlier is None:  # not found after all: say no more than that
            return text("signals.already", language)
        at = when(earlier.at, language)
        return text("signals.already_by", language, when=at, by=earlier.by)


def _recorded(signal: Signal, language: Language) -> dict:
    """What takes the overview's place once the signal form is sent."""
    pairs = [(text("signals.theme", language), term(THEMES, signal.theme).label(language))]
    if signal.case_number:
        pairs.append((text("signals.recorded_case", language), signal.case_number))
    title = text("signals.recorded", language)
    after = text("recorded.cases_after", language)
    return recorded_card(title, pairs, signal.by, signal.at, language, after=after)


def _refusal(problem: SignalProblem, value: dict, language: Language) -> str:
    if problem is SignalProblem.NOTE_LONG:
        return text("signals.note_long", language, max=NOTE_MAX)
    if problem is SignalProblem.UNKNOWN_CASE:
        return text("signals.unknown_case", language, number=str(value.get(CASE_INPUT)).strip())
    key = {
        SignalProblem.NOT_ALLOWED: "signals.not_allowed",
        SignalProblem.THEME: "signals.theme_missing",
        SignalProblem.NOTE_EMPTY: "signals.note_empty",
    }[problem]
    return text(key, language)
