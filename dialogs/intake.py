"""The aanmelding: a consultatie-en-advies request, section by section, as cards.

The draft lives in the referrer's user state and is saved after every section, so it
survives 'stop', the menu, other conversations and restarts of retbot alike.
"""

from collections.abc import Callable
from datetime import date

from dialogs.cards.intake import (
    COMPLAINT_CONTINUE,
    COMPLAINT_STOP,
    DISCARD,
    DISCARD_CONFIRMED,
    DRAFT_KEY,
    EDIT,
    INTAKE_KEY,
    KEEP,
    PAUSE,
    SECTION_DONE,
    SUBMIT,
    complaint_card,
    discard_card,
    section_card,
    summary_card,
)
from dialogs.cards.menu import MenuChoice
from dialogs.cards.recorded import recorded_card
from dialogs.clock import now
from dialogs.moments import when
from dialogs.routes import Routes, Waiting, stop_waiting, wait_for
from dialogs.submission import RequestSubmission, SubmitOutcome
from dialogs.texts import Language, text
from dialogs.turn import Turn, TurnState, referrer_of
from domain.cases import Case, CaseRepository
from domain.complaints import read_complaint
from domain.intake import SECTIONS, Problem, check_section, is_urgent, school_missing
from domain.notices import new_key
from domain.ret import RetConfig

SUMMARY = len(SECTIONS)  # the step after the last section
DRAFT = "intake_draft"  # in the user's state
WAITING = "intake"  # the conversation waits for the card of the step the referrer is at


def has_draft(state: TurnState) -> bool:
    return bool(state.user.get(DRAFT))


class Intake:
    def __init__(
        self,
        ret: RetConfig,
        cases: CaseRepository,
        submission: RequestSubmission,
        today: Callable[[], date] = lambda: now().date(),
    ) -> None:
        self._ret = ret
        self._cases = cases
        self._submission = submission
        self._today = today

    def routes(self) -> Routes:
        return Routes(
            commands={
                MenuChoice.AANMELDING.value: self.start,
                "stop": self.stop,
                "discard": self.discard,
            },
            submits={INTAKE_KEY: self.on_card},
            waiting={WAITING: Waiting(reply=self.use_the_card, ask_again=self.show_current)},
        )

    async def start(self, turn: Turn) -> None:
        """'Nieuwe aanmelding': a new draft, or on with the one there is."""
        draft = turn.state.user.get(DRAFT)
        if draft:
            await turn.send(text("intake.resumed", turn.language))
        else:
            draft = _fresh()
            turn.state.user[DRAFT] = draft
            await turn.send(text("intake.intro", turn.language, total=len(SECTIONS)))
        wait_for(turn, WAITING)
        await self._show(turn, draft, [])

    async def stop(self, turn: Turn) -> None:
        draft = turn.state.user.get(DRAFT)
        await turn.send(text("intake.paused" if draft else "cancelled", turn.language))

    async def discard(self, turn: Turn) -> None:
        if turn.state.user.get(DRAFT):
            await turn.send(discard_card(turn.language))
        else:
            await turn.send(text("cancelled", turn.language))

    async def use_the_card(self, turn: Turn) -> None:
        """Typed text while a card asks the questions."""
        await turn.send(text("intake.use_card", turn.language))
        await self.show_current(turn)

    async def show_current(self, turn: Turn) -> None:
        await self._show(turn, turn.state.user.get(DRAFT) or _fresh(), [])

    async def on_card(self, turn: Turn) -> None:
        """A button on one of the request's cards, now or clicked later."""
        value, language, user = turn.value, turn.language, turn.state.user
        action = value.get(INTAKE_KEY)
        if action == PAUSE:
            stop_waiting(turn)
            await turn.send(text("intake.paused", language))
            return
        if action == DISCARD:
            await turn.send(discard_card(language))
            return
        if action == DISCARD_CONFIRMED:
            user.pop(DRAFT, None)  # a second click finds none
            stop_waiting(turn)
            await turn.send(text("intake.discarded", language))
            return
        if action == KEEP:
            stop_waiting(turn)
            await turn.send(text("intake.kept", language))
            return
        if action == COMPLAINT_STOP:
            await self._stop_for_complaint(turn)
            return
        stored = user.get(DRAFT)
        if stored is None and action in (SUBMIT, EDIT, SECTION_DONE):  # a card from before
            stop_waiting(turn)
            await turn.send(await self._already_filed(turn, value.get(DRAFT_KEY)))
            return
        draft = stored if stored is not None else _fresh()
        user[DRAFT] = draft
        wait_for(turn, WAITING)
        if action == COMPLAINT_CONTINUE and draft.pop("complaint_pending", None):
            draft["answers"]["klacht_keuze"] = "doorgaan"
        elif action == EDIT and value.get("section") in {s.key for s in SECTIONS}:
            draft["step"] = [s.key for s in SECTIONS].index(value["section"])
            draft["editing"] = True
        elif action == SUBMIT and draft["step"] == SUMMARY:
            await self._submit(turn, draft)
            return
        elif action == SECTION_DONE and draft["step"] < SUMMARY:
            section = SECTIONS[draft["step"]]
            if value.get("section") == section.key:
                values, problems = check_section(section, value, self._ret, self._today())
                if problems:
                    raw = {
                        **draft["answers"],
                        **{k: v for k, v in value.items() if k in values or isinstance(v, str)},
                    }
                    await self._show(turn, {**draft, "answers": raw}, problems)
                    return
                await self._accept(turn, draft, section.key, values)
        await self._show(turn, draft, [])

    async def _accept(self, turn: Turn, draft: dict, section: str, values: dict) -> None:
        draft["answers"].update(values)
        answers = draft["answers"]
        if section == "onderwijs" and school_missing(answers):
            await turn.send(text("intake.school_matters", turn.language))
        reading = read_complaint(str(answers.get("hulpvraag", ""))) if section == "vraag" else None
        if reading and not answers.get("klacht_keuze"):
            answers["klacht_gesignaleerd"] = True  # counted: requests that were complaints
            answers["klacht_woord"] = reading.cue
            draft["complaint_pending"] = True  # the next card asks whether to go on
        if section == "wensen" and is_urgent(answers):  # the alert goes with the request
            await turn.send(text("intake.urgent_referrer", turn.language))
        finished = draft.pop("editing", False) or draft["step"] + 1 == SUMMARY
        draft["step"] = SUMMARY if finished else draft["step"] + 1

    async def _stop_for_complaint(self, turn: Turn) -> None:
        """The referrer takes a complaint route instead: the draft goes, the choice stays."""
        draft = turn.state.user.get(DRAFT)
        if draft and draft.get("complaint_pending"):
            referrer = referrer_of(turn)
            await self._cases.record_without_case(
                referrer.name, "klacht: aanmelding gestopt", referrer.channel_id, now()
            )
            turn.state.user.pop(DRAFT, None)
        stop_waiting(turn)
        await turn.send(text("intake.complaint_stopped", turn.language))

    async def _submit(self, turn: Turn, draft: dict) -> None:
        """Files the request (once per draft: a double click or a retry finds the first
        filing) and says only what has happened."""
        draft.setdefault("id", new_key())  # drafts begun before drafts had an id
        outcome = await self._submission.submit(referrer_of(turn), draft["answers"], draft["id"])
        turn.state.user.pop(DRAFT, None)
        stop_waiting(turn)
        if outcome.new:  # in Teams the summary gives way to the filing: nothing to send twice
            await turn.replace_card(filed_card(outcome.case, turn.language))
        for line in submitted_lines(outcome, self._ret, turn.language):
            await turn.send(line)

    async def _show(self, turn: Turn, draft: dict, problems: list[Problem]) -> None:
        language = turn.language
        if draft.get("complaint_pending"):
            routes = [(r.name, f"{r.description} {r.contact}") for r in self._ret.complaint_routes]
            card = complaint_card(routes, language)
        elif draft["step"] >= SUMMARY:
            card = summary_card(draft["answers"], draft["id"], language)
        else:
            section = SECTIONS[draft["step"]]
            card = section_card(section, draft["answers"], problems, self._ret.region, language)
        await turn.send(card)

    async def _already_filed(self, turn: Turn, draft_id: object) -> str:
        """A click on a card whose draft is gone: its case number when it is this
        referrer's own, else that the request was handled already."""
        case = await self._cases.filed_from_draft(draft_id) if isinstance(draft_id, str) else None
        if case is not None and case.referrer.user_id == turn.speaker.id:
            return _already_submitted_as(case, turn.language)
        return text("intake.already_submitted", turn.language)


def _fresh() -> dict:
    """A new draft; its id makes its submit count once."""
    return {"answers": {}, "step": 0, "id": new_key()}


def submitted_lines(outcome: SubmitOutcome, ret: RetConfig, language: Language) -> list[str]:
    """What the referrer hears after submitting: only what is so."""
    number = outcome.case.number
    if not outcome.new:
        return [_already_submitted_as(outcome.case, language)]
    received = "intake.received" if outcome.chair_has_it else "intake.received_waiting"
    lines = [text(received, language, number=number)]
    if is_urgent(outcome.case.answers):
        lines.append(urgent_line(outcome.chair_alerted, ret, language, "intake"))
    if not outcome.case.consent_given:
        lines.append(text("intake.consent_follows", language))
    return lines


def urgent_line(alerted: bool, ret: RetConfig, language: Language, flow: str) -> str:
    """The alert reached the voorzitter, or what will happen and whom to call meanwhile."""
    if alerted:
        return text(f"{flow}.urgent_sent", language)
    phone = ret.contact.phone
    if phone:
        return text(f"{flow}.urgent_not_sent_phone", language, phone=phone)
    return text(f"{flow}.urgent_not_sent", language)


def _already_submitted_as(case: Case, language: Language) -> str:
    at = when(case.submitted_at, language) if case.submitted_at else "-"
    words = {"number": case.number, "when": at, "by": case.referrer.name}
    return text("intake.already_submitted_as", language, **words)


def filed_card(case: Case, language: Language) -> dict:
    """What takes the summary's place once filed: the case number, read-only."""
    title = text("intake.recorded", language, number=case.number, initials=case.initials)
    return recorded_card(title, [], case.referrer.name, case.submitted_at or now(), language)
