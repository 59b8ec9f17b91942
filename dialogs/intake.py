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
from dialogs.cards.triage import triage_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from domain.cases import CaseRepository, Referrer
from domain.complaints import read_complaint
from domain.intake import SECTIONS, Problem, check_section, school_missing
from domain.ret import RetConfig
from domain.triage import CaseEvent

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
        delivery: Delivery,
        language: StatePropertyAccessor,
        draft: StatePropertyAccessor,
        today: Callable[[], date] = lambda: now().date(),
    ) -> None:
        super().__init__(IntakeDialog.__name__)
        self._ret = ret
        self._cases = cases
        self._delivery = delivery
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
            draft = {"answers": {}, "step": 0}
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
        draft = stored if stored is not None else {"answers": {}, "step": 0}
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
        if answers.get("urgentie") == "spoed" and not draft.get("chair_alerted"):
            draft["chair_alerted"] = await self._alert_urgent(context, answers)
            await context.send_activity(text("intake.urgent_referrer", language))
        finished = draft.pop("editing", False) or draft["step"] + 1 == SUMMARY
        draft["step"] = SUMMARY if finished else draft["step"] + 1
        await self._draft.set(context, draft)

    async def _alert_urgent(self, context: TurnContext, answers: dict) -> bool:
        referrer = referrer_of(context)
        message = text(
            "intake.urgent_chair",
            name=referrer.name,
            organisation=answers.get("aanmelder_organisatie", "?"),
            initials=answers.get("initialen", "?"),
            gemeente=answers.get("gemeente", "?"),
        )
        return await self._delivery.alert_chair(message)

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
        referrer = referrer_of(dc.context)
        answers = draft["answers"]
        events = []
        if answers.get("klacht_keuze") == "doorgaan":
            cue = answers.get("klacht_woord", "")
            events.append(
                CaseEvent(
                    now(),
                    referrer.name,
                    "klacht gesignaleerd",
                    text("intake.complaint_event", cue=cue),
                )
            )
        case = await self._cases.submit(referrer, answers, now(), events)
        await self._draft.delete(dc.context)
        await self._delivery.chair_card(triage_card(case, DEFAULT_LANGUAGE))
        await dc.context.send_activity(text("intake.received", language, number=case.number))
        if not case.consent_given:
            await dc.context.send_activity(text("intake.consent_follows", language))
        return await dc.end_dialog(case.number)

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
        return await self._draft.get(context, None) or {"answers": {}, "step": 0}

    async def _lang(self, context: TurnContext) -> Language:
        return await self._language.get(context, DEFAULT_LANGUAGE)
