"""The voorzitter's triage card actions, and the referrer's answer to a question.

Decisions arrive as `adaptiveCard/action` invokes on the triage card; the referrer's
answer arrives as a card submit in their own chat. 'RET-tafel inplannen' books the meeting
at once, and 'Volgend vrij moment' on the card moves it (dialogs/booking.py).
"""

from dialogs.booking import BookingActions
from dialogs.cards import BadCardData
from dialogs.cards.booking import VERB_MOVE
from dialogs.cards.cases import CONSENT_KEY, consent_input_id
from dialogs.cards.triage import (
    ANSWER_INPUT,
    CASE_INFO_KEY,
    NOTE_INPUT,
    VERB_DETAILS,
    VERB_OVERRIDE,
    VERB_PREFIX,
    full_request_card,
    question_card,
    triage_card,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.referrer_mail import QuestionLinks, decision_mail, mail_address
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, text
from dialogs.turn import Turn, referrer_of
from domain.booking import AlreadyBooked, NoFreeSlot, NotBookable
from domain.cases import TEAM_VIEW_ROLES, Case, CaseStatus, Referrer
from domain.notices import Notice, RosterMember, arrived
from domain.ret import Member, RetConfig
from domain.triage import (
    AlreadyDecided,
    Decision,
    NotAllowed,
    NoteMissing,
    ReferrerMessage,
    TriageRepository,
    add_information,
    decide,
    override_consent,
    record_consent,
)

DECISIONS = {VERB_PREFIX + d.value: d for d in Decision}
QUESTION_EVENT = f"triage: {Decision.MEER_INFORMATIE.value}"  # its text is the question
VERBS = frozenset({*DECISIONS, VERB_DETAILS, VERB_OVERRIDE, VERB_MOVE})


class TriageActions:
    def __init__(
        self,
        cases: TriageRepository,
        delivery: Delivery,
        booking: BookingActions,
        ret: RetConfig,
        question_links: QuestionLinks,
    ) -> None:
        self._ret = ret
        self._question_links = question_links
        self._cases = cases
        self._delivery = delivery
        self._booking = booking

    def routes(self) -> Routes:
        return Routes(
            actions=dict.fromkeys(VERBS, self.act),
            submits={CASE_INFO_KEY: self.answer_question, CONSENT_KEY: self.record_consent},
        )

    async def act(self, turn: Turn, verb: str, data: dict) -> dict | str:
        """The card that replaces the clicked one, or a short message to show."""
        number = data.get("case")
        if not isinstance(number, str):
            raise BadCardData("card data without a case number")
        member = await turn.member()
        if verb == VERB_DETAILS:
            return await self._details(number, member)
        if verb == VERB_OVERRIDE:
            return await self._override(turn, number, member, data.get(NOTE_INPUT))
        channel = turn.channel_id
        if verb == VERB_MOVE:
            return await self._move(number, member, channel)
        note = data.get(NOTE_INPUT) if isinstance(data.get(NOTE_INPUT), str) else None
        decision = DECISIONS[verb]
        try:
            if decision is Decision.RET_TAFEL:  # decided and booked; the invitation tells
                case = await self._booking.plan(number, member, channel)
            else:
                case, notices = await decide(
                    self._cases,
                    number,
                    member,
                    decision,
                    note,
                    channel,
                    now(),
                    tell_referrer=lambda decided: self._referrer_message(
                        decided, decision, member.name, (note or "").strip()
                    ),
                )
                await self._delivery.flush(notices)  # the referrer's message, stored with it
        except NotAllowed:
            return text("triage.not_allowed")
        except NoteMissing:
            return text("triage.note_missing")
        except LookupError:
            return text("triage.unknown")
        except AlreadyDecided as decided:
            return await self._card(decided.case)
        return await self._card(case)

    async def _card(self, case: Case) -> dict:
        events = await self._cases.events(case.number)
        decisions = [e for e in events if e.kind.startswith("triage:")]
        booking = (
            await self._booking.booking_of(case.number)
            if case.status is CaseStatus.RET_TAFEL
            else None
        )
        return triage_card(case, DEFAULT_LANGUAGE, decisions[-1] if decisions else None, booking)

    async def _move(self, number: str, member: Member | None, channel: str) -> dict | str:
        """'Volgend vrij moment' (or a first moment): only the voorzitter, only at the RET-tafel."""
        try:
            await self._booking.move_or_book(number, member, channel)
        except NotAllowed:
            return text("booking.not_allowed")
        except NotBookable:
            return text("booking.not_bookable", number=number)
        except LookupError:
            return text("triage.unknown")
        except NoFreeSlot:
            return text("booking.busy")
        except AlreadyBooked:  # a racing click booked it first: show that booking
            pass
        return await self._card(await self._cases.get(number))

    def _referrer_message(
        self, case: Case, decision: Decision, chair: str, note: str
    ) -> ReferrerMessage:
        """What the referrer hears of the decision (stored with it, sent after it); for a
        referrer known by e-mail address, also as the e-mail that says it."""
        if decision is Decision.MEER_INFORMATIE:
            message = question_card(case, chair, note, DEFAULT_LANGUAGE)
        else:
            words = {"name": chair, "number": case.number, "note": note}
            message = text(f"referrer.{decision.value}", **words)
        mail = None
        if mail_address(case):  # a referrer known by address, or a family that applied itself
            url = self._question_links.url(case.number, now())
            days = self._question_links.valid_for_days
            mail = decision_mail(case, decision, chair, self._ret, url, days)
        return ReferrerMessage(message, mail)

    async def _details(self, number: str, member: Member | None) -> str:
        if member is None or member.role not in TEAM_VIEW_ROLES:
            return text("triage.details_not_allowed")
        case = await self._cases.get(number)
        if case is None:
            return text("triage.unknown")
        if not case.details_open_to_team:
            return text("triage.consent_pending", number=number)
        card = full_request_card(case, await self._cases.events(number), DEFAULT_LANGUAGE)
        # To the person who clicked, in their own chat (never the channel it was clicked in).
        notice = Notice(RosterMember(member.email), card)
        if not await self._reached_now(notice):
            return text("triage.details_no_chat")
        await self._cases.record_reads([case], member.name, "msteams", now())
        return text("triage.details_sent")

    async def _reached_now(self, notice: Notice) -> bool:
        """Sent at once, or not at all: a read that waits would be shown later, unasked."""
        if await self._delivery.reachable(notice.to):
            return arrived(await self._delivery.send([notice]), notice)
        return False

    async def _override(
        self, turn: Turn, number: str, member: Member | None, reason: object
    ) -> str:
        try:
            await override_consent(
                self._cases,
                number,
                member,
                reason if isinstance(reason, str) else None,
                turn.channel_id,
                now(),
            )
        except NotAllowed:
            return text("triage.not_allowed")
        except NoteMissing:
            return text("triage.override_reason")
        except LookupError:
            return text("triage.unknown")
        return await self._details(number, member)

    async def answer_question(self, turn: Turn) -> None:
        """The referrer's answer to the voorzitter's question; a fresh card goes to the
        voorzitter, with the case number and initials only (the answer may hold details)."""
        await turn.send(await self._answer_question(turn, turn.value))

    async def _answer_question(self, turn: Turn, value: dict) -> str:
        number, answer = value.get(CASE_INFO_KEY), value.get(ANSWER_INPUT)
        if not isinstance(number, str) or not isinstance(answer, str):
            raise BadCardData("answer without case number or text")
        return await self.answer_for(number, referrer_of(turn), answer)

    async def open_question(self, number: str) -> tuple[Case, str] | None:
        """The case and the voorzitter's question while it waits for the referrer's answer
        (for the answer page of a referrer outside Teams); None when none is open."""
        case = await self._cases.get(number)
        if case is None or case.status is not CaseStatus.MEER_INFORMATIE:
            return None
        asked = [e for e in await self._cases.events(number) if e.kind == QUESTION_EVENT]
        return (case, asked[-1].text or "") if asked else None

    async def answer_for(self, number: str, referrer: Referrer, answer: str) -> str:
        """Adds the referrer's answer (in Teams, or on the answer page); what to tell them."""
        try:
            _, notices = await add_information(
                self._cases,
                number,
                referrer,
                answer,
                now(),
                tell_chair=lambda case: [
                    text("triage.more_info_received", number=case.number, initials=case.initials),
                    triage_card(case, DEFAULT_LANGUAGE),
                ],
            )
        except NoteMissing:
            return text("referrer.answer_empty")
        except (NotAllowed, AlreadyDecided):
            return text("referrer.answer_not_needed")
        outcomes = await self._delivery.flush(notices)
        if all(arrived(outcomes, n) for n in notices):
            return text("referrer.answer_sent")
        return text("referrer.answer_kept")

    async def record_consent(self, turn: Turn) -> None:
        """The referrer records consent that was to follow (from 'Mijn casussen')."""
        await turn.send(await self._record_consent(turn, turn.value))

    async def _record_consent(self, turn: Turn, value: dict) -> str:
        number = value.get(CONSENT_KEY)
        if not isinstance(number, str):
            raise BadCardData("consent without a case number")
        given_by = value.get(consent_input_id(number))
        try:
            case, notices = await record_consent(
                self._cases,
                number,
                referrer_of(turn),
                given_by if isinstance(given_by, str) else "",
                now(),
                tell_chair=lambda case: text(
                    "cases.consent_chair", number=case.number, initials=case.initials
                ),
            )
        except NoteMissing:
            return text("cases.consent_who")
        except (NotAllowed, AlreadyDecided, LookupError):
            return text("referrer.answer_not_needed")
        await self._delivery.flush(notices)
        return text("cases.consent_recorded", number=case.number)
