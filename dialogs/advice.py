"""The advice flow: the voorzitter's form in their own chat, the mandate card where the
team works, and the answers on it (or, for an organisation's contact outside Teams, on the
page behind their e-mail's link).

The form is a few step cards in the voorzitter's 1:1 chat (it holds case details): each
step replaces the one before, and what is entered is kept in the chat's state, so 'Later
verder' or a restart between steps loses nothing; the advice is recorded at the last step.
The answers arrive as `adaptiveCard/action` invokes on the shared card, whose replacement
shows everyone which organisations confirmed.
"""

from collections.abc import Awaitable, Callable
from datetime import datetime

from dialogs.advice_document import Bookings
from dialogs.cards import BadCardData
from dialogs.cards.advice import (
    ADVICE_KEY,
    ADVICE_OPEN_KEY,
    ADVIES,
    ATTENDEE_FIELDS,
    ATTENDEE_ROWS,
    GEMEENTE,
    GO,
    INPUT_IDS,
    LATER,
    REASON_INPUT,
    ROW,
    ROW_FIELDS,
    ROWS,
    SAMENVATTING,
    STEP_KEY,
    VERB_CONFIRM,
    VERB_DECLINE,
    FormContext,
    Step,
    advice_step,
    mandate_card,
    paused_form,
    reason_input,
    row_input,
    sent_form,
    step_of,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.mandate_mail import MandateLinks, mandate_mail
from dialogs.moments import when
from dialogs.referrer_mail import by_email
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, Language, status_label, text
from dialogs.turn import Turn
from domain.advice import (
    AdviceIncomplete,
    AdviceInput,
    AdviceRepository,
    AfspraakInput,
    AlreadyAnswered,
    Answerer,
    AttendeeInput,
    MandateState,
    MeetingAhead,
    check_may_advise,
    confirm_mandate,
    contact_answerer,
    contacts_by_email,
    decline_mandate,
    issue_advice,
    mandate_organisations,
    mandate_state,
    member_answerer,
)
from domain.cases import Case
from domain.intake import LINE_MAX
from domain.mail import Mail
from domain.meeting_prep import Attendance, AtTheTable, at_the_table
from domain.notices import Job, Notice, arrived
from domain.ret import OrganisationContact, RetConfig
from domain.triage import AlreadyDecided, NotAllowed, NoteMissing

FORMS = "advice_forms"  # conversation state: the values entered so far, per case number


class _Wording:
    """What the advice and its mandate answers cause, in the RET's language (the mandate
    card and the alerts go where the team works)."""

    def __init__(self, ret: RetConfig, links: MandateLinks) -> None:
        self._ret = ret
        self._links = links

    def mandate_card(self, state: MandateState, language: Language) -> dict:
        return mandate_card(state, language, self.by_email(state))

    def by_email(self, state: MandateState) -> dict[str, str]:
        contacts = contacts_by_email(self._ret, state.advice.organisations)
        return {organisation: contact.name for organisation, contact in contacts.items()}

    def contact_mail(self, case: Case, organisation: str, contact: OrganisationContact) -> Mail:
        at = now()
        url = self._links.url(case.number, organisation, at)
        days = self._links.valid_for_days
        return mandate_mail(case, organisation, contact, url, days, self._ret, DEFAULT_LANGUAGE)

    def advice_issued(self, case: Case, language: Language) -> str | None:
        if by_email(case.referrer):  # their e-mail with the advies's link says it
            return None
        return text("advice.referrer", language, number=case.number)

    def declined(
        self, state: MandateState, organisation: str, reason: str, language: Language
    ) -> tuple[str, str]:
        words = {
            "number": state.case.number,
            "initials": state.case.initials,
            "org": organisation,
            "who": state.mandates[organisation].by,
        }
        return (
            text("advice.declined_chair", language, **words),
            text("advice.declined_reason", language, reason=reason, **words),
        )

    def all_confirmed(self, state: MandateState, language: Language) -> str:
        number, initials = state.case.number, state.case.initials
        return text("advice.all_confirmed", language, number=number, initials=initials)


class AdviceActions:
    def __init__(
        self,
        ret: RetConfig,
        advice: AdviceRepository,
        bookings: Bookings,
        delivery: Delivery,
        links: MandateLinks,
        attendance: Callable[[str], Awaitable[list[Attendance]]],
    ) -> None:
        self._ret = ret
        self._advice = advice
        self._bookings = bookings
        self._delivery = delivery
        self._attendance = attendance
        self._wording = _Wording(ret, links)

    # The voorzitter's form (card submits in their own chat), in steps.

    def routes(self) -> Routes:
        return Routes(
            submits={ADVICE_OPEN_KEY: self.open_form, STEP_KEY: self.step, ADVICE_KEY: self.issue},
            actions=dict.fromkeys((VERB_CONFIRM, VERB_DECLINE), self.act),
        )

    async def open_form(self, turn: Turn) -> None:
        """'Advies vastleggen': the form's first step, in the voorzitter's own chat only (it
        holds case details), with what was entered before (after 'Later verder', or a
        restart between steps)."""
        number = _case_number(turn.value, ADVICE_OPEN_KEY)
        case = await self._advisable(turn, number)
        if case is None:
            return
        values = _forms(turn).get(number) or await self._known_attendees(turn, case)
        _forms(turn)[number] = values
        await turn.send(advice_step(Step.ADVICE, self._context(case, turn.language), values))

    async def _known_attendees(self, turn: Turn, case: Case) -> dict:
        chair = await turn.member()
        if chair is None:
            return {}
        answers = await self._attendance(case.number)
        return _known_attendees(at_the_table(chair, case, answers, self._ret.members))

    async def step(self, turn: Turn) -> None:
        """A step's 'Volgende', 'Terug' or 'Later verder': what it holds is kept in this
        chat's state, and the card gives way to the step asked for."""
        number = _case_number(turn.value, STEP_KEY)
        case = await self._advisable(turn, number)
        if case is None:
            return
        values = {**_forms(turn).get(number, {}), **_entered(turn.value)}
        _forms(turn)[number] = values
        go = turn.value.get(GO)
        if go == LATER:
            await self._show(turn, paused_form(case, turn.language))
            return
        try:
            target = Step(int(go))
        except (TypeError, ValueError):
            raise BadCardData("advice step without a step to go to") from None
        row = turn.value.get(ROW)
        row = int(row) if isinstance(row, str) and row.isdigit() else None
        context = self._context(case, turn.language)
        await self._show(turn, advice_step(target, context, values, row=row))

    async def issue(self, turn: Turn) -> None:
        """The last step's 'Advies vastleggen': the advice is issued (once: a second click
        hears when and by whom), or the step with what is missing comes back."""
        value, language = turn.value, turn.language
        number = _case_number(value, ADVICE_KEY)
        if not turn.personal:
            await turn.send(text("advice.only_personal", language))
            return
        values = {**_forms(turn).get(number, {}), **_entered(value)}
        try:
            case, issued, notices = await issue_advice(
                self._advice,
                number,
                await turn.member(),
                _form_input(values),
                self._ret,
                turn.channel_id,
                now(),
                self._wording,
                language,
                await self._meeting_starts(number),
            )
        except (NotAllowed, LookupError, AlreadyDecided, MeetingAhead) as refused:
            await turn.send(await self._refusal(refused, number, language))
            return
        except AdviceIncomplete as incomplete:
            _forms(turn)[number] = values
            case = await self._advice.get(number)
            first = min(step_of(p) for p in incomplete.problems)
            card = advice_step(first, self._context(case, language), values, incomplete.problems)
            await self._show(turn, card)
            return
        _forms(turn).pop(number, None)
        messages = [n for n in notices if not isinstance(n.to, Job)]
        outcomes = await self._delivery.flush(messages)
        told = all(arrived(outcomes, n) for n in messages)
        key = "advice.issued" if told else "advice.issued_waiting"
        await turn.replace_card(sent_form(case, issued.issued_by, issued.issued_at, language))
        await turn.send(text(key, language, number=case.number))
        # The document is built and sent after the answer (it comes to this chat too).
        await self._delivery.flush([n for n in notices if isinstance(n.to, Job)])

    async def _advisable(self, turn: Turn, number: str) -> Case | None:
        """The case, if this voorzitter may record its advice now (else they hear why)."""
        language = turn.language
        if not turn.personal:
            await turn.send(text("advice.only_personal", language))
            return None
        try:
            return check_may_advise(
                await turn.member(),
                await self._advice.get(number),
                number,
                await self._meeting_starts(number),
                now(),
            )
        except (NotAllowed, LookupError, AlreadyDecided, MeetingAhead) as refused:
            await turn.send(await self._refusal(refused, number, language))
            return None

    async def _show(self, turn: Turn, card: dict) -> None:
        """The step card in place of the one submitted; a new message where the channel
        cannot replace it."""
        if not await turn.replace_card(card):
            await turn.send(card)

    def _context(self, case: Case, language: Language) -> FormContext:
        return FormContext(
            case, mandate_organisations(self._ret), list(self._ret.gemeenten), language
        )

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
        # A card posted before the reason moved under its button has one box.
        reason = data.get(reason_input(organisation), data.get(REASON_INPUT))
        try:
            answerer = member_answerer(self._ret, member, organisation)
            answer = (reason if isinstance(reason, str) else "") if verb == VERB_DECLINE else None
            state, notices = await self._answer(number, answerer, answer, turn.channel_id)
        except NotAllowed:
            return text("advice.mandate_not_allowed")
        except NoteMissing:
            return text("advice.reason_missing")
        except LookupError:
            return text("triage.unknown")
        except AlreadyAnswered:
            state = await mandate_state(self._advice, number)
            return self._wording.mandate_card(state, DEFAULT_LANGUAGE)
        # The card comes back now; the voorzitter's messages and the new version of the
        # document (sent to everyone once all confirmed) follow the answer.
        self._delivery.flush_soon(notices)
        return self._wording.mandate_card(state, DEFAULT_LANGUAGE)

    async def answer_by_link(
        self, number: str, organisation: str, reason: str | None, channel: str
    ) -> MandateState:
        """The contact's answer on the page behind their e-mail's link: a confirmation
        (`reason` None), or why their organisation cannot (counted like a kernteamlid's).
        Raises NotAllowed, NoteMissing, LookupError or AlreadyAnswered."""
        answerer = contact_answerer(self._ret, organisation)
        state, notices = await self._answer(number, answerer, reason, channel)
        await self._delivery.flush(notices)
        return state

    async def _answer(
        self, number: str, answerer: Answerer, reason: str | None, channel: str
    ) -> tuple[MandateState, list[Notice]]:
        """A confirmation when `reason` is None, else a decline with it."""
        words = self._wording
        if reason is None:
            return await confirm_mandate(self._advice, number, answerer, channel, now(), words)
        return await decline_mandate(self._advice, number, answerer, reason, channel, now(), words)

    async def mandate(self, number: str) -> MandateState:
        """Where the advice stands (for the mandate page). LookupError without one."""
        return await mandate_state(self._advice, number)


def _case_number(value: dict, key: str) -> str:
    number = value.get(key)
    if not isinstance(number, str):
        raise BadCardData(f"{key} without a case number")
    return number


def _text(value: dict, key: str) -> str:
    found = value.get(key)
    return found if isinstance(found, str) else ""


def _forms(turn: Turn) -> dict[str, dict]:
    return turn.state.conversation.setdefault(FORMS, {})


def _entered(value: dict) -> dict:
    """The form's inputs of a submit (a card sends each input it holds, empty or not)."""
    return {k: v for k, v in value.items() if k in INPUT_IDS and isinstance(v, str)}


def _form_input(values: dict) -> AdviceInput:
    return AdviceInput(
        _text(values, SAMENVATTING),
        _text(values, ADVIES),
        _rows(values),
        _attendance(values),
        _text(values, GEMEENTE),
    )


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


def _known_attendees(people: list[AtTheTable]) -> dict:
    """The new form starts with who the invitation's answers say sat at the table (the
    voorzitter first), to correct."""
    values = {}
    for row, person in enumerate(people[:ATTENDEE_ROWS], start=1):
        values[row_input("deelnemer", row)] = person.name[:LINE_MAX]
        values[row_input("deelnemer_organisatie", row)] = person.organisation[:LINE_MAX]
        values[row_input("deelnemer_rol", row)] = person.role[:LINE_MAX]
    return values
