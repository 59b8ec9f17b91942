"""Quick consultation questions: answered from what the RET knows, else by the voorzitter.

The asker's side is a dialog (AskQuestionDialog); the voorzitter's side is one card whose
actions arrive as `adaptiveCard/action` invokes (ChairActions).
"""

from babel.dates import format_date
from botbuilder.core import MessageFactory, StatePropertyAccessor, TurnContext
from botbuilder.dialogs import (
    ComponentDialog,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.choices import Choice, ListStyle
from botbuilder.dialogs.prompts import (
    ChoicePrompt,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
)

from dialogs.cards import BadCardData, card_activity
from dialogs.cards.consult import (
    ANSWER_INPUT,
    VERB_ANSWER,
    VERB_CONTACT,
    VERB_TO_REQUEST,
    chair_card,
    quick_answer_card,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.members import MemberLookup
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from domain.consultations import (
    AlreadyHandled,
    Asker,
    ChairDecision,
    Consultation,
    ConsultationRepository,
    ConsultationStatus,
    InvalidAnswer,
    NotAllowed,
    ask_chair,
    decide,
    record_bot_answer,
)
from domain.meetings import next_meeting
from domain.notices import arrived
from domain.people import chairs
from domain.quick_questions import QuickAnswer, Topic, understand
from domain.ret import RetConfig

DECISIONS = {
    VERB_ANSWER: ChairDecision.ANSWER,
    VERB_CONTACT: ChairDecision.CONTACT,
    VERB_TO_REQUEST: ChairDecision.TO_REQUEST,
}
REPLY_KEYS = {
    ConsultationStatus.ANSWERED: "reply.answered",
    ConsultationStatus.CHAIR_CONTACTS: "reply.contact",
    ConsultationStatus.TO_REQUEST: "reply.to_request",
}


def looks_like_a_question(typed: str) -> bool:
    """Free text worth answering or passing on (not 'hoi' or 'ok')."""
    return typed.rstrip().endswith("?") or len(typed.split()) >= 4


def asker_of(turn_context: TurnContext, organisation: str | None) -> Asker:
    user = turn_context.activity.from_property
    return Asker(
        channel_id=turn_context.activity.channel_id,
        user_id=user.id,
        name=user.name or user.id,
        organisation=organisation,
        aad_object_id=user.aad_object_id,
    )


def complaint_routes(ret: RetConfig) -> str:
    """The region's complaint routes as a list (vertrouwenspersoon, klachtenregelingen)."""
    return "\n".join(f"- **{r.name}**: {r.description} {r.contact}" for r in ret.complaint_routes)


def answer_lines(answer: QuickAnswer, ret: RetConfig, language: Language) -> tuple[list[str], str]:
    """The answer as lines of text, and where it came from."""
    if answer.topic is Topic.NEXT_MEETING:
        meeting = next_meeting(ret.meetings, now())
        line = text(
            "answer.next_meeting",
            language,
            day=format_date(meeting.start.date(), "EEEE d MMMM y", locale=language),
            start=meeting.start.strftime("%H:%M"),
            end=meeting.end.strftime("%H:%M"),
            location=meeting.location,
        )
        return [line], text("answer.source.meetings", language)
    if answer.topic is Topic.EXPERTISE:
        lines = [text("answer.experts", language, expertise=", ".join(answer.expertise))]
        lines += [f"- {m.name}, {m.organisation} ({m.role.value})" for m in answer.experts]
        return ["\n".join(lines)], text("answer.source.roster", language)
    if answer.topic is Topic.COMPLAINT:
        return [text("answer.complaints", language), complaint_routes(ret)], text(
            "answer.source.complaints", language
        )
    entry = answer.knowledge
    return [entry.answer], text("answer.source.knowledge", language, question=entry.question)


class AskQuestionDialog(ComponentDialog):
    """Options: {"question": text} for a typed question, {"consultation_id": n} to pass an
    answered question on to the voorzitter, or {} to ask for the question first."""

    def __init__(
        self,
        ret: RetConfig,
        consultations: ConsultationRepository,
        delivery: Delivery,
        language: StatePropertyAccessor,
        organisation: StatePropertyAccessor,
    ) -> None:
        super().__init__(AskQuestionDialog.__name__)
        self._ret = ret
        self._consultations = consultations
        self._delivery = delivery
        self._language = language
        self._organisation = organisation
        self.add_dialog(TextPrompt("question_text", _not_empty))
        self.add_dialog(TextPrompt("organisation_text", _not_empty))
        to_chair = ChoicePrompt("to_chair_choice")
        to_chair.style = ListStyle.suggested_action
        self.add_dialog(to_chair)
        self.add_dialog(
            WaterfallDialog(
                "ask_steps", [self._ask, self._answer, self._organisation_step, self._pass_on]
            )
        )
        self.initial_dialog_id = "ask_steps"

    async def _lang(self, step: WaterfallStepContext) -> Language:
        return await self._language.get(step.context, DEFAULT_LANGUAGE)

    async def _ask(self, step: WaterfallStepContext) -> DialogTurnResult:
        options = step.options or {}
        if options.get("question") or options.get("consultation_id"):
            return await step.next(options.get("question"))
        language = await self._lang(step)
        return await step.prompt(
            "question_text",
            PromptOptions(
                prompt=MessageFactory.text(text("ask.prompt", language)),
                retry_prompt=MessageFactory.text(text("ask.empty", language)),
            ),
        )

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        language = await self._lang(step)
        earlier_id = (step.options or {}).get("consultation_id")
        if earlier_id:
            step.values["earlier_id"] = earlier_id
            return await step.next(True)
        question = step.result.strip()
        step.values["question"] = question
        answer = understand(question, self._ret)
        if answer.topic is not Topic.UNKNOWN:
            lines, source = answer_lines(answer, self._ret, language)
            recorded = await record_bot_answer(
                self._consultations, question, asker_of(step.context, None), answer.topic, now()
            )
            card = quick_answer_card(lines, source, recorded.id, language)
            await step.context.send_activity(card_activity(card))
            return await step.end_dialog()
        choices = [text("ask.to_chair", language), text("ask.not_to_chair", language)]
        return await step.prompt(
            "to_chair_choice",
            PromptOptions(
                prompt=MessageFactory.text(text("ask.unknown", language)),
                choices=[Choice(value) for value in choices],
            ),
        )

    async def _organisation_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        language = await self._lang(step)
        wants_chair = step.result is True or getattr(step.result, "index", None) == 0
        if not wants_chair:
            await step.context.send_activity(text("ask.dropped", language))
            return await step.end_dialog()
        known = await self._organisation.get(step.context, None)
        if known:
            return await step.next(known)
        return await step.prompt(
            "organisation_text",
            PromptOptions(prompt=MessageFactory.text(text("ask.organisation", language))),
        )

    async def _pass_on(self, step: WaterfallStepContext) -> DialogTurnResult:
        language = await self._lang(step)
        organisation = step.result.strip()
        await self._organisation.set(step.context, organisation)
        asker = asker_of(step.context, organisation)
        earlier = None
        if step.values.get("earlier_id"):
            earlier = await self._consultations.get(step.values["earlier_id"])
        try:
            consultation, notices = await ask_chair(
                self._consultations,
                step.values.get("question") or (earlier.question if earlier else ""),
                asker,
                now(),
                chair_card,
                earlier,
            )
        except (AlreadyHandled, NotAllowed):
            await step.context.send_activity(text("ask.already_passed_on", language))
            return await step.end_dialog()
        outcomes = await self._delivery.flush(notices)
        if all(arrived(outcomes, n) for n in notices):
            await step.context.send_activity(text("ask.sent", language))
        else:
            email = chairs(self._ret)[0].email
            await step.context.send_activity(text("ask.chair_unreachable", language, email=email))
        return await step.end_dialog(consultation.id)


async def _not_empty(prompt: PromptValidatorContext) -> bool:
    return bool(prompt.recognized.succeeded and (prompt.recognized.value or "").strip())


class ChairActions:
    """The voorzitter's card actions: answer, contact the asker, or make it a request."""

    def __init__(
        self, consultations: ConsultationRepository, delivery: Delivery, members: MemberLookup
    ) -> None:
        self._consultations = consultations
        self._delivery = delivery
        self._members = members

    async def act(self, turn_context: TurnContext, verb: str, data: dict) -> dict | str:
        """Returns the card that replaces the clicked one, or a short message to show.

        Raises BadCardData when the card's data is not one of our cards' data.
        """
        consultation_id = data.get("id")
        if isinstance(consultation_id, bool) or not isinstance(consultation_id, int):
            raise BadCardData("card data without a consultation id")
        answer = data.get(ANSWER_INPUT)
        chair = await self._members.member_of(turn_context)
        try:
            decided, notices = await decide(
                self._consultations,
                consultation_id,
                chair,
                DECISIONS[verb],
                answer if isinstance(answer, str) else None,
                now(),
                reply=_reply,
            )
        except NotAllowed:
            return text("consult.not_allowed")
        except InvalidAnswer:
            return text("consult.answer_missing")
        except LookupError:
            return text("consult.unknown")
        except AlreadyHandled as handled:
            return chair_card(handled.consultation)
        await self._delivery.flush(notices)
        return chair_card(decided)


def _reply(decided: Consultation) -> str:
    """What the asker hears of the voorzitter's decision."""
    return text(
        REPLY_KEYS[decided.status],
        name=decided.handled_by,
        question=decided.question,
        answer=decided.answer or "",
    )
