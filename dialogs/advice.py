"""The advice flow: the voorzitter's form in their own chat, the mandate card where the
team works, and the kernteamleden's answers on it.

The form is a card submit in the voorzitter's 1:1 chat (it holds case details); the
answers arrive as `adaptiveCard/action` invokes on the shared card, whose replacement
shows everyone which organisations confirmed.
"""

from datetime import datetime

from dialogs.advice_document import Bookings
from dialogs.cards import BadCardData
from dialogs.cards.advice import (
    ADVICE_KEY,
    ADVICE_OPEN_KEY,
    ADVIES,
    ATTENDEE_FIELDS,
    ATTENDEE_ROWS,
    REASON_INPUT,
    ROW_FIELDS,
    ROWS,
    SAMENVATTING,
    VERB_CONFIRM,
    VERB_DECLINE,
    advice_form,
    mandate_card,
    reason_input,
    row_input,
    sent_form,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.moments import when
from dialogs.referrer_mail import by_email
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, Language, status_label, text
from dialogs.turn import Turn
from domain.advice import (
    AdviceIncomplete,
    AdviceRepository,
    AfspraakInput,
    AlreadyAnswered,
    AttendeeInput,
    MandateState,
    MeetingAhead,
    check_may_advise,
    confirm_mandate,
    decline_mandate,
    issue_advice,
    mandate_organisations,
    mandate_state,
)
from domain.cases import Case
from domain.notices import Job, arrived
from domain.ret import Member, RetConfig
from domain.triage import AlreadyDecided, NotAllowed, NoteMissing


class _Wording:
    """What the advice and its mandate answers cause, in the RET's language (the mandate
    card and the alerts go where the team works)."""

    def mandate_card(self, state: MandateState) -> dict:
        return mandate_card(state, DEFAULT_LANGUAGE)

    def advice_issued(self, case: Case) -> str | None:
        if by_email(case.referrer):  # their e-mail with the advies's link says it
            return None
        return text("advice.referrer", number=case.number)

    def declined(self, state: MandateState, organisation: str, reason: str) -> tuple[str, str]:
        words = {"number": state.case.number, "initials": state.case.initials, "org": organisation}
        return (
            text("advice.declined_chair", **words),
            text("advice.declined_reason", reason=reason, **words),
        )

    def all_confirmed(self, state: MandateState) -> str:
        return text("advice.all_confirmed", number=state.case.number, initials=state.case.initials)


class AdviceActions:
    def __init__(
        self,
        ret: RetConfig,
        advice: AdviceRepository,
        bookings: Bookings,
        delivery: Delivery,
    ) -> None:
        self._ret = ret
        self._advice = advice
        self._bookings = bookings
        self._delivery = delivery
        self._wording = _Wording()

    # The voorzitter's form (card submits in their own chat).

    def routes(self) -> Routes:
        return Routes(
            submits={ADVICE_OPEN_KEY: self.open_form, ADVICE_KEY: self.issue},
            actions=dict.fromkeys((VERB_CONFIRM, VERB_DECLINE), self.act),
        )

    async def open_form(self, turn: Turn) -> None:
        """'Advies vastleggen': the form, in the voorzitter's own chat only (it holds case
        details)."""
        value, language = turn.value, turn.language
        number = _case_number(value, ADVICE_OPEN_KEY)
        if not turn.personal:
            await turn.send(text("advice.only_personal", language))
            return
        try:
            case = check_may_advise(
                await turn.member(),
                await self._advice.get(number),
                number,
                await self._meeting_starts(number),
                now(),
            )
        except (NotAllowed, LookupError, AlreadyDecided, MeetingAhead) as refused:
            await turn.send(await self._refusal(refused, number, language))
            return
        organisations = mandate_organisations(self._ret)
        chair = await turn.member()
        form = advice_form(case, organisations, _known_attendees(case, chair), [], language)
        await turn.send(form)

    async def issue(self, turn: Turn) -> None:
        """The form's submit: the advice is issued, or the form comes back with what is
        missing."""
        value, language = turn.value, turn.language
        number = _case_number(value, ADVICE_KEY)
        if not turn.personal:
            await turn.send(text("advice.only_personal", language))
            return
        chair = await turn.member()
        organisations = mandate_organisations(self._ret)
        try:
            case, issued, notices = await issue_advice(
                self._advice,
                number,
                chair,
                _text(value, SAMENVATTING),
                _text(value, ADVIES),
                _rows(value),
                organisations,
                turn.channel_id,
                now(),
                _attendance(value),
                self._wording,
                language,
                await self._meeting_starts(number),
            )
        except (NotAllowed, LookupError, AlreadyDecided, MeetingAhead) as refused:
            await turn.send(await self._refusal(refused, number, language))
            return
        except AdviceIncomplete as incomplete:
            case = await self._advice.get(number)
            kept = {k: v for k, v in value.items() if isinstance(v, str)}
            form = advice_form(case, organisations, kept, incomplete.problems, language)
            await turn.send(form)
            return
        messages = [n for n in notices if not isinstance(n.to, Job)]
        outcomes = await self._delivery.flush(messages)
        told = all(arrived(outcomes, n) for n in messages)
        key = "advice.issued" if told else "advice.issued_waiting"
        await turn.replace_card(sent_form(case, issued.issued_by, issued.issued_at, language))
        await turn.send(text(key, language, number=case.number))
        # The document is built and sent after the answer (it comes to this chat too).
        await self._delivery.flush([n for n in notices if isinstance(n.to, Job)])

    async def _meeting_starts(self, number: str) -> datetime | None:
        """When the case's booked RET meeting begins; None without one (a consultation)."""
        booking = await self._bookings.booking_of(number)
        return booking.slot.start if booking else None

    async def _refusal(self, error: Exception, number: str, language: Language) -> str:
        """Why the voorzitter cannot open or issue this advice (now); for advice recorded
        already (a second click on the form), when and by whom."""
        if isinstance(error, NotAllowed):
            return text("advice.not_allowed", language)
        if isinstance(error, MeetingAhead):
            at = when(error.starts_at, language)
            return text("advice.meeting_ahead", language, number=number, when=at)
        if isinstance(error, AlreadyDecided):
            recorded = await self._advice.advice(number)
            if recorded is not None:
                words = {"when": when(recorded.issued_at, language), "by": recorded.issued_by}
                return text("advice.already", language, number=number, **words)
            status = status_label(error.case.status, language)
            return text("advice.wrong_status", language, number=number, status=status)
        return text("triage.unknown", language)

    # The kernteamleden's answers (Action.Execute on the shared card).

    async def act(self, turn: Turn, verb: str, data: dict) -> dict | str:
        """The card that replaces the clicked one, or a short message to show."""
        number, organisation = data.get("case"), data.get("organisation")
        if not isinstance(number, str) or not isinstance(organisation, str):
            raise BadCardData("card data without case number or organisation")
        member = await turn.member()
        channel = turn.channel_id
        try:
            if verb == VERB_CONFIRM:
                state, notices = await confirm_mandate(
                    self._advice, number, organisation, member, channel, now(), self._wording
                )
            else:
                # A card posted before the reason moved under its button has one box.
                reason = data.get(reason_input(organisation), data.get(REASON_INPUT))
                state, notices = await decline_mandate(
                    self._advice,
                    number,
                    organisation,
                    member,
                    reason if isinstance(reason, str) else None,
                    channel,
                    now(),
                    self._wording,
                )
        except NotAllowed:
            return text("advice.mandate_not_allowed")
        except NoteMissing:
            return text("advice.reason_missing")
        except LookupError:
            return text("triage.unknown")
        except AlreadyAnswered:
            state = await mandate_state(self._advice, number)
            return mandate_card(state, DEFAULT_LANGUAGE)
        # The card comes back now; the voorzitter's messages and the new version of the
        # document (sent to everyone once all confirmed) follow the answer.
        self._delivery.flush_soon(notices)
        return mandate_card(state, DEFAULT_LANGUAGE)


def _case_number(value: dict, key: str) -> str:
    number = value.get(key)
    if not isinstance(number, str):
        raise BadCardData(f"{key} without a case number")
    return number


def _text(value: dict, key: str) -> str:
    found = value.get(key)
    return found if isinstance(found, str) else ""


def _rows(value: dict) -> list[AfspraakInput]:
    """The rows with anything filled in; empty rows are left out."""
    rows = []
    for row in range(1, ROWS + 1):
        fields = [_text(value, row_input(field, row)) for field in ROW_FIELDS]
        if any(f.strip() for f in fields):
            rows.append(AfspraakInput(row, *fields))
    return rows


def _attendance(value: dict) -> list[AttendeeInput]:
    """The attendance rows with a name, organisation, role or reason filled in."""
    rows = []
    for row in range(1, ATTENDEE_ROWS + 1):
        name, organisation, role, present, reason = (
            _text(value, row_input(field, row)) for field in ATTENDEE_FIELDS
        )
        if any(f.strip() for f in (name, organisation, role, reason)):
            rows.append(AttendeeInput(row, name, organisation, role, present or "ja", reason))
    return rows


def _known_attendees(case: Case, chair: Member) -> dict:
    """The new form starts with the voorzitter and the referrer on the attendance list."""
    organisation = case.answers.get("aanmelder_organisatie")
    people = [
        (chair.name, chair.organisation, "voorzitter"),
        (case.referrer.name, organisation, "verwijzer"),
    ]
    values = {}
    for row, (name, org, role) in enumerate(people, start=1):
        values[row_input("deelnemer", row)] = name
        values[row_input("deelnemer_organisatie", row)] = org if isinstance(org, str) else ""
        values[row_input("deelnemer_rol", row)] = role
    return values
