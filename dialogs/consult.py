"""Quick consultation questions: answered from what the RET knows, else by the voorzitter.

The asker's side (Ask) asks and answers in the conversation; the voorzitter's side is one
card whose actions arrive as `adaptiveCard/action` invokes (ChairActions).
"""

from functools import partial

from babel.dates import format_date

from dialogs.cards import BadCardData
from dialogs.cards.consult import (
    ANSWER_INPUT,
    ASK_CHAIR,
    CONSULT_KEY,
    VERB_ANSWER,
    VERB_CONTACT,
    VERB_TO_REQUEST,
    chair_card,
    quick_answer_card,
)
from dialogs.cards.menu import MenuChoice
from dialogs.choices import choice_of
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.routes import Routes, Waiting, stop_waiting, wait_for
from dialogs.texts import Language, text
from dialogs.turn import Turn
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
from domain.notices import Localized, arrived, by_language
from domain.people import chairs
from domain.quick_questions import QuickAnswer, Topic, understand
from domain.ret import RetConfig

WAITING = "consult"  # the conversation waits for the next answer about a question
ASKING = "asking"  # in the conversation's state: where the question is
STEP, QUESTION, TO_CHAIR, ORGANISATION, EARLIER = (
    "step",
    "question",
    "to_chair",
    "organisation",
    "earlier",
)
ORGANISATION_KEY = "organisation"  # in the user's state: the asker's organisation, once given
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


def asker_of(turn: Turn, organisation: str | None) -> Asker:
    speaker = turn.speaker
    return Asker(
        channel_id=turn.channel_id,
        user_id=speaker.id,
        name=speaker.name,
        organisation=organisation,
        aad_object_id=speaker.aad_object_id,
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


class Ask:
    """The asker's side: a question typed or asked for, answered from what the RET knows,
    else (if the asker wants) passed on to the voorzitter, with the asker's organisation.
    What it is waiting for is in the conversation's state (ASKING)."""

    def __init__(
        self, ret: RetConfig, consultations: ConsultationRepository, delivery: Delivery
    ) -> None:
        self._ret = ret
        self._consultations = consultations
        self._delivery = delivery

    def routes(self) -> Routes:
        return Routes(
            commands={MenuChoice.VRAAG.value: self.ask_for_question},
            submits={CONSULT_KEY: self.not_helpful},
            waiting={WAITING: Waiting(reply=self.reply, ask_again=self.ask_again)},
        )

    async def ask_for_question(self, turn: Turn) -> None:
        """'Vraag stellen': what is the question?"""
        self._wait(turn, {STEP: QUESTION})
        await turn.send(text("ask.prompt", turn.language))

    async def typed(self, turn: Turn) -> None:
        """A question typed without asking first: answered at once."""
        await self._answer(turn, turn.text)

    async def not_helpful(self, turn: Turn) -> None:
        """'Dit helpt me niet' under a quick answer: the question goes to the voorzitter."""
        consultation_id = turn.value.get("id")
        if turn.value.get(CONSULT_KEY) != ASK_CHAIR or type(consultation_id) is not int:
            raise BadCardData("a quick answer's button without its consultation")
        await self._to_chair(turn, {EARLIER: consultation_id})

    async def reply(self, turn: Turn) -> None:
        asking = turn.state.conversation.get(ASKING) or {}
        step = asking.get(STEP)
        if step == QUESTION:
            if not turn.text.strip():
                await turn.send(text("ask.empty", turn.language))
                return
            await self._answer(turn, turn.text)
        elif step == TO_CHAIR:
            choices = self._to_chair_choices(turn.language)
            picked = choice_of(turn.text, choices)
            if picked is None:
                await turn.send(text("ask.unknown", turn.language), choices=choices)
            elif picked == 0:
                await self._to_chair(turn, asking)
            else:
                self._done(turn)
                await turn.send(text("ask.dropped", turn.language))
        elif step == ORGANISATION:
            organisation = turn.text.strip()
            if not organisation:
                await turn.send(_organisation_question(turn))
                return
            turn.state.user[ORGANISATION_KEY] = organisation
            await self._pass_on(turn, asking, organisation)
        else:
            self._done(turn)

    async def ask_again(self, turn: Turn) -> None:
        step = (turn.state.conversation.get(ASKING) or {}).get(STEP)
        if step == TO_CHAIR:
            language = turn.language
            await turn.send(text("ask.unknown", language), choices=self._to_chair_choices(language))
        elif step == ORGANISATION:
            await turn.send(_organisation_question(turn))
        else:
            await turn.send(text("ask.prompt", turn.language))

    async def _answer(self, turn: Turn, typed: str) -> None:
        language = turn.language
        question = typed.strip()
        answer = understand(question, self._ret)
        if answer.topic is not Topic.UNKNOWN:
            self._done(turn)
            lines, source = answer_lines(answer, self._ret, language)
            recorded = await record_bot_answer(
                self._consultations, question, asker_of(turn, None), answer.topic, now()
            )
            await turn.send(quick_answer_card(lines, source, recorded.id, language))
            return
        self._wait(turn, {STEP: TO_CHAIR, QUESTION: question})
        await turn.send(text("ask.unknown", language), choices=self._to_chair_choices(language))

    async def _to_chair(self, turn: Turn, asking: dict) -> None:
        """The asker wants the voorzitter: their organisation first, unless it is known
        (given before, or the roster's for a member of the RET)."""
        member = await turn.member()
        known = turn.state.user.get(ORGANISATION_KEY) or (member.organisation if member else None)
        if known:
            await self._pass_on(turn, asking, known)
            return
        self._wait(turn, {**asking, STEP: ORGANISATION})
        await turn.send(_organisation_question(turn))

    async def _pass_on(self, turn: Turn, asking: dict, organisation: str) -> None:
        language = turn.language
        self._done(turn)
        asker = asker_of(turn, organisation)
        earlier = None
        if asking.get(EARLIER):
            earlier = await self._consultations.get(asking[EARLIER])
        try:
            _, notices = await ask_chair(
                self._consultations,
                asking.get(QUESTION) or (earlier.question if earlier else ""),
                asker,
                now(),
                lambda consultation: by_language(partial(chair_card, consultation)),
                earlier,
            )
        except (AlreadyHandled, NotAllowed):
            await turn.send(text("ask.already_passed_on", language))
            return
        outcomes = await self._delivery.flush(notices)
        if all(arrived(outcomes, n) for n in notices):
            await turn.send(text("ask.sent", language))
        else:
            email = chairs(self._ret)[0].email
            await turn.send(text("ask.chair_unreachable", language, email=email))

    def _to_chair_choices(self, language: Language) -> list[str]:
        return [text("ask.to_chair", language), text("ask.not_to_chair", language)]

    def _wait(self, turn: Turn, asking: dict) -> None:
        turn.state.conversation[ASKING] = asking
        wait_for(turn, WAITING)

    def _done(self, turn: Turn) -> None:
        turn.state.conversation.pop(ASKING, None)
        stop_waiting(turn)


def _organisation_question(turn: Turn) -> str:
    """In a group chat or channel only a message that mentions retbot reaches it: say so."""
    question = text("ask.organisation", turn.language)
    return question if turn.personal else f"{question} {text('ask.mention', turn.language)}"


class ChairActions:
    """The voorzitter's card actions: answer, contact the asker, or make it a request."""

    def __init__(self, consultations: ConsultationRepository, delivery: Delivery) -> None:
        self._consultations = consultations
        self._delivery = delivery

    def routes(self) -> Routes:
        return Routes(actions=dict.fromkeys(DECISIONS, self.act))

    async def act(self, turn: Turn, verb: str, data: dict) -> dict | str:
        """Returns the card that replaces the clicked one, or a short message to show.

        Raises BadCardData when the card's data is not one of our cards' data.
        """
        consultation_id = data.get("id")
        if isinstance(consultation_id, bool) or not isinstance(consultation_id, int):
            raise BadCardData("card data without a consultation id")
        answer = data.get(ANSWER_INPUT)
        chair = await turn.member()
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


def _reply(decided: Consultation) -> Localized:
    """What the asker hears of the voorzitter's decision, in their own language."""
    return by_language(
        partial(
            text,
            REPLY_KEYS[decided.status],
            name=decided.handled_by,
            question=decided.question,
            answer=decided.answer or "",
        )
    )
