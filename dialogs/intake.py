"""The aanmelding: a consultatie-en-advies request, section by section, as cards.

The draft lives in the referrer's user state and is saved after every section, so it
survives 'stop', the menu, other conversations and restarts of retbot alike.
"""

from collections.abc import Callable
from datetime import date

from botbuilder.core import StatePropertyAccessor, TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult

from dialogs.cards import card_activity
from dialogs.cards.intake import (
    COMPLAINT_CONTINUE,
    COMPLAINT_STOP,
    DISCARD,
    DISCARD_CONFIRMED,
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
from dialogs.clock import now
from dialogs.submission import RequestSubmission, SubmitOutcome
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from domain.cases import CaseRepository, Referrer
from domain.complaints import read_complaint
from domain.intake import SECTIONS, Problem, check_section, is_urgent, school_missing
from domain.notices import new_key
from domain.ret import RetConfig

SUMMARY = len(SECTIONS)  # the step after the last section


def referrer_of(context: TurnContext) -> Referrer:
    user = context.activity.from_property
    return Referrer(context.activity.channel_id, user.id, user.name or user.id, user.aad_object_id)


class IntakeDialog(Dialog):
    """Options: {"value": <card submit>} to act on a card clicked outside the dialog."""

    def __init__(
        self,
        ret: RetConfig,
        cases: CaseRepository,
        submission: RequestSubmission,
        language: StatePropertyAccessor,
        draft: StatePropertyAccessor,
        today: Callable[[], date] = lambda: now().date(),
    ) -> None:
        super().__init__(IntakeDialog.__name__)
        self._ret = ret
        self._cases = cases
        self._submission = submission
        self._language = language
        self._draft = draft
        self._today = today

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        value = options.get("value") if isinstance(options, dict) else None
        if value:
            return await self._act(dc, value)
        language = await self._lang(dc.context)
        draft = await self._draft.get(dc.context, None)
        if draft:
            await dc.context.send_activity(text("intake.resumed", language))
        else:
            draft = _fresh()
            await self._draft.set(dc.context, draft)
            await dc.context.send_activity(text("intake.intro", language, total=len(SECTIONS)))
        await self._show(dc.context, draft, [], language)
        return Dialog.end_of_turn

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        value = dc.context.activity.value
        if isinstance(value, dict) and value.get(INTAKE_KEY):
            return await self._act(dc, value)
        language = await self._lang(dc.context)
        await dc.context.send_activity(text("intake.use_card", language))
        await self._show(dc.context, await self._current(dc.context), [], language)
        return Dialog.end_of_turn

    async def _act(self, dc: DialogContext, value: dict) -> DialogTurnResult:
        context = dc.context
        language = await self._lang(context)
        action = value.get(INTAKE_KEY)
        if action == PAUSE:
            await context.send_activity(text("intake.paused", language))
            return await dc.end_dialog()
        if action == DISCARD:
            await context.send_activity(card_activity(discard_card(language)))
            return Dialog.end_of_turn
        if action == DISCARD_CONFIRMED:
            if await self._draft.get(context, None) is not None:  # a second click finds none
                await self._draft.delete(context)
            await context.send_activity(text("intake.discarded", language))
            return await dc.end_dialog()
        if action == KEEP:
            await context.send_activity(text("intake.kept", language))
            return await dc.end_dialog()
        if action == COMPLAINT_STOP:
            return await self._stop_for_complaint(dc, language)
        stored = await self._draft.get(context, None)
        if stored is None and action in (SUBMIT, EDIT, SECTION_DONE):  # a card from before
            await context.send_activity(text("intake.already_submitted", language))
            return await dc.end_dialog()
        draft = stored if stored is not None else _fresh()
        if action == COMPLAINT_CONTINUE and draft.pop("complaint_pending", None):
            draft["answers"]["klacht_keuze"] = "doorgaan"
            await self._draft.set(context, draft)
        elif action == EDIT and value.get("section") in {s.key for s in SECTIONS}:
            draft["step"] = [s.key for s in SECTIONS].index(value["section"])
            draft["editing"] = True
            await self._draft.set(context, draft)
        elif action == SUBMIT and draft["step"] == SUMMARY:
            return await self._submit(dc, draft, language)
        elif action == SECTION_DONE and draft["step"] < SUMMARY:
            section = SECTIONS[draft["step"]]
            if value.get("section") == section.key:
                values, problems = check_section(section, value, self._ret, self._today())
                if problems:
                    raw = {
                        **draft["answers"],
                        **{k: v for k, v in value.items() if k in values or isinstance(v, str)},
                    }
                    await self._show(context, {**draft, "answers": raw}, problems, language)
                    return Dialog.end_of_turn
                await self._accept(context, draft, section.key, values, language)
        await self._show(context, draft, [], language)
        return Dialog.end_of_turn

    async def _accept(
        self, context: TurnContext, draft: dict, section: str, values: dict, language: Language
    ) -> None:
        draft["answers"].update(values)
        answers = draft["answers"]
        if section == "onderwijs" and school_missing(answers):
            await context.send_activity(text("intake.school_matters", language))
        reading = read_complaint(str(answers.get("hulpvraag", ""))) if section == "vraag" else None
        if reading and not answers.get("klacht_keuze"):
            answers["klacht_gesignaleerd"] = True  # counted: requests that were complaints
            answers["klacht_woord"] = reading.cue
            draft["complaint_pending"] = True  # the next card asks whether to go on
        if section == "wensen" and is_urgent(answers):  # the alert goes with the request
            await context.send_activity(text("intake.urgent_referrer", language))
        finished = draft.pop("editing", False) or draft["step"] + 1 == SUMMARY
        draft["step"] = SUMMARY if finished else draft["step"] + 1
        await self._draft.set(context, draft)

    async def _stop_for_complaint(self, dc: DialogContext, language: Language) -> DialogTurnResult:
        """The referrer takes a complaint route instead: the draft goes, the choice stays."""
        draft = await self._draft.get(dc.context, None)
        if draft and draft.get("complaint_pending"):
            referrer = referrer_of(dc.context)
            await self._cases.record_without_case(
                referrer.name, "klacht: aanmelding gestopt", referrer.channel_id, now()
            )
            await self._draft.delete(dc.context)
        await dc.context.send_activity(text("intake.complaint_stopped", language))
        return await dc.end_dialog()

    async def _submit(self, dc: DialogContext, draft: dict, language: Language) -> DialogTurnResult:
        """Files the request (once per draft: a double click or a retry finds the first
        filing) and says only what has happened."""
        draft.setdefault("id", new_key())  # drafts begun before drafts had an id
        outcome = await self._submission.submit(
            referrer_of(dc.context), draft["answers"], draft["id"]
        )
        await self._draft.delete(dc.context)
        for line in submitted_lines(outcome, self._ret, language):
            await dc.context.send_activity(line)
        return await dc.end_dialog(outcome.case.number)

    async def _show(
        self, context: TurnContext, draft: dict, problems: list[Problem], language: Language
    ) -> None:
        if draft.get("complaint_pending"):
            routes = [(r.name, f"{r.description} {r.contact}") for r in self._ret.complaint_routes]
            card = complaint_card(routes, language)
        elif draft["step"] >= SUMMARY:
            card = summary_card(draft["answers"], language)
        else:
            section = SECTIONS[draft["step"]]
            card = section_card(section, draft["answers"], problems, self._ret.region, language)
        await context.send_activity(card_activity(card))

    async def _current(self, context: TurnContext) -> dict:
        return await self._draft.get(context, None) or _fresh()

    async def _lang(self, context: TurnContext) -> Language:
        return await self._language.get(context, DEFAULT_LANGUAGE)


def _fresh() -> dict:
    """A new draft; its id makes its submit count once."""
    return {"answers": {}, "step": 0, "id": new_key()}


def submitted_lines(outcome: SubmitOutcome, ret: RetConfig, language: Language) -> list[str]:
    """What the referrer hears after submitting: only what is so."""
    number = outcome.case.number
    if not outcome.new:
        return [text("intake.already_submitted_as", language, number=number)]
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
