"""The voorzitter's triage card actions, and the referrer's answer to a question.

Decisions arrive as `adaptiveCard/action` invokes on the triage card; the referrer's
answer arrives as a card submit in their own chat. 'RET-tafel inplannen' books the meeting
at once, and 'Volgend vrij moment' on the card moves it (dialogs/booking.py).
"""

from datetime import datetime
from functools import partial

from dialogs.booking import BookingActions
from dialogs.cards import BadCardData
from dialogs.cards.booking import SEQUENCE_KEY, VERB_MOVE, moment
from dialogs.cards.cases import CONSENT_KEY, consent_input_id
from dialogs.cards.recorded import recorded_card
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
from dialogs.moments import when
from dialogs.referrer_mail import QuestionLinks, decision_mail, mail_address
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from dialogs.turn import Turn, referrer_of
from domain.booking import BOOKED_EVENT, MOVED_EVENT, AlreadyBooked, NoFreeSlot, NotBookable
from domain.cases import TEAM_VIEW_ROLES, Case, CaseStatus, Referrer
from domain.notices import Notice, RosterMember, arrived, by_language
from domain.ret import Member, RetConfig
from domain.triage import (
    CONSENT_EVENT,
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
from domain.vocabularies import TOESTEMMING_DOOR, term

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
            if stale := await self._moved_since(number, data.get(SEQUENCE_KEY)):
                return stale
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

    async def _moved_since(self, number: str, shown: object) -> str | None:
        """A button shown with an earlier booking (the same card on another device, a second
        click): when and by whom it was booked since; None to go ahead (a card from before
        buttons carried their booking goes ahead too)."""
        if type(shown) is not int:
            return None
        booking = await self._booking.booking_of(number)
        if booking is None or booking.sequence == shown:
            return None
        kinds = (BOOKED_EVENT, MOVED_EVENT)
        set_at = [e for e in await self._cases.events(number) if e.kind in kinds]
        by, at = (
            (set_at[-1].actor, set_at[-1].at) if set_at else (booking.booked_by, booking.booked_at)
        )
        words = {"when": when(at, DEFAULT_LANGUAGE), "by": by, **moment(booking.slot, "nl")}
        return text("booking.moved_already", number=number, **words)

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
        """What the referrer hears of the decision (stored with it, sent after it, in
        their own language); for a referrer known by e-mail address, also as the e-mail
        that says it."""

        def message(language: Language) -> str | dict:
            if decision is Decision.MEER_INFORMATIE:
                return question_card(case, chair, note, language)
            words = {"name": chair, "number": case.number, "note": note}
            return text(f"referrer.{decision.value}", language, **words)

        mail = None
        if mail_address(case):  # a referrer known by address, or a family that applied itself
            url = self._question_links.url(case.number, now())
            days = self._question_links.valid_for_days
            mail = by_language(partial(decision_mail, case, decision, chair, self._ret, url, days))
        return ReferrerMessage(by_language(message), mail)

    async def _details(self, number: str, member: Member | None) -> str:
        if member is None or member.role not in TEAM_VIEW_ROLES:
            return text("triage.details_not_allowed")
        case = await self._cases.get(number)
        if case is None:
            return text("triage.unknown")
        if not case.details_open_to_team:
            return text("triage.consent_pending", number=number)
        events = await self._cases.events(number)
        card = by_language(partial(full_request_card, case, events))
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
                    by_language(partial(_more_information_received, case)),
                    by_language(lambda language: triage_card(case, language)),
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
        at = now()
        try:
            case, notices = await record_consent(
                self._cases,
                number,
                referrer_of(turn),
                given_by if isinstance(given_by, str) else "",
                at,
                tell_chair=lambda case: by_language(
                    lambda language: text(
                        "cases.consent_chair", language, number=case.number, initials=case.initials
                    )
                ),
            )
        except NoteMissing:
            return text("cases.consent_who")
        except AlreadyDecided as given:  # the same form again, or from another device
            return await self._consent_already(given.case, turn.language)
        except (NotAllowed, LookupError):
            return text("referrer.answer_not_needed")
        await self._delivery.flush(notices)
        await turn.replace_card(_consent_card(case, referrer_of(turn).name, at, turn.language))
        return text("cases.consent_recorded", number=case.number)

    async def _consent_already(self, case: Case, language: Language) -> str:
        given = [e for e in await self._cases.events(case.number) if e.kind == CONSENT_EVENT]
        if not given:  # consent given with the request itself: nothing recorded later
            return text("referrer.answer_not_needed", language)
        at = when(given[-1].at, language)
        return text(
            "cases.consent_already", language, number=case.number, when=at, by=given[-1].actor
        )


def _consent_card(case: Case, by: str, at: datetime, language: Language) -> dict:
    """What takes the overview's place once consent is recorded: who gave it, read-only."""
    title = text("cases.consent_title", language, number=case.number, initials=case.initials)
    given_by = term(TOESTEMMING_DOOR, case.answers["toestemming_door"]).label(language)
    pairs = [(text("cases.consent_by", language), given_by)]
    after = text("recorded.cases_after", language)
    return recorded_card(title, pairs, by, at, language, after=after)


def _more_information_received(case: Case, language: Language) -> str:
    """The referrer's answer is in the timeline, which the full request shows: before
    consent it is not open to the chair, and the message says so and what can open it."""
    words = {"number": case.number, "initials": case.initials}
    if case.details_open_to_team:
        return text("triage.more_info_received", language, **words)
    return text("triage.more_info_received_pending", language, **words)
