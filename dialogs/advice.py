"""The advice flow: the voorzitter's form in their own chat, the mandate card where the
team works, and the kernteamleden's answers on it.

The form is a card submit in the voorzitter's 1:1 chat (it holds case details); the
answers arrive as `adaptiveCard/action` invokes on the shared card, whose replacement
shows everyone which organisations confirmed.
"""

from botbuilder.core import TurnContext

from dialogs.activity_facts import is_personal
from dialogs.advice_document import TEAMS, AdviceDocuments
from dialogs.cards import BadCardData, card_activity
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
    row_input,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.members import MemberLookup
from dialogs.texts import DEFAULT_LANGUAGE, Language, status_label, text
from domain.advice import (
    AdviceIncomplete,
    AdviceRepository,
    AfspraakInput,
    AlreadyAnswered,
    AttendeeInput,
    MandateState,
    check_may_advise,
    confirm_mandate,
    decline_mandate,
    issue_advice,
    mandate_organisations,
    mandate_state,
)
from domain.cases import Case
from domain.ret import Member, RetConfig
from domain.triage import AlreadyDecided, NotAllowed, NoteMissing


class AdviceActions:
    def __init__(
        self,
        ret: RetConfig,
        advice: AdviceRepository,
        delivery: Delivery,
        members: MemberLookup,
        documents: AdviceDocuments,
    ) -> None:
        self._ret = ret
        self._advice = advice
        self._delivery = delivery
        self._members = members
        self._documents = documents

    # The voorzitter's form (card submits in their own chat).

    async def open_form(self, turn_context: TurnContext, value: dict, language: Language) -> None:
        """'Advies vastleggen': the form, in the voorzitter's own chat only (it holds case
        details)."""
        number = _case_number(value, ADVICE_OPEN_KEY)
        if not is_personal(turn_context.activity):
            await turn_context.send_activity(text("advice.only_personal", language))
            return
        try:
            case = check_may_advise(
                await self._members.member_of(turn_context), await self._advice.get(number), number
            )
        except (NotAllowed, LookupError, AlreadyDecided) as refused:
            await turn_context.send_activity(_refusal(refused, number, language))
            return
        organisations = mandate_organisations(self._ret)
        chair = await self._members.member_of(turn_context)
        form = advice_form(case, organisations, _known_attendees(case, chair), [], language)
        await turn_context.send_activity(card_activity(form))

    async def issue(self, turn_context: TurnContext, value: dict, language: Language) -> None:
        """The form's submit: the advice is issued, or the form comes back with what is
        missing."""
        number = _case_number(value, ADVICE_KEY)
        if not is_personal(turn_context.activity):
            await turn_context.send_activity(text("advice.only_personal", language))
            return
        chair = await self._members.member_of(turn_context)
        organisations = mandate_organisations(self._ret)
        try:
            case, advice = await issue_advice(
                self._advice,
                number,
                chair,
                _text(value, SAMENVATTING),
                _text(value, ADVIES),
                _rows(value),
                organisations,
                turn_context.activity.channel_id,
                now(),
                _attendance(value),
                language,
            )
        except (NotAllowed, LookupError, AlreadyDecided) as refused:
            await turn_context.send_activity(_refusal(refused, number, language))
            return
        except AdviceIncomplete as incomplete:
            case = await self._advice.get(number)
            kept = {k: v for k, v in value.items() if isinstance(v, str)}
            form = advice_form(case, organisations, kept, incomplete.problems, language)
            await turn_context.send_activity(card_activity(form))
            return
        state = MandateState(case, advice, {})
        posted = await self._delivery.chair_card(mandate_card(state, DEFAULT_LANGUAGE))
        referrer = case.referrer
        await self._delivery.to_user(
            referrer.channel_id, referrer.user_id, text("advice.referrer", number=case.number)
        )
        channel = turn_context.activity.channel_id
        published = await self._documents.publish(case.number, chair.name, channel, True)
        done = text("advice.issued" if posted else "advice.issued_no_card", language, number=number)
        if channel == TEAMS:  # the file itself, through Teams' file consent
            await turn_context.send_activity(done)
            await turn_context.send_activity(card_activity(published.consent_card))
        else:
            await turn_context.send_activity(done + "\n\n" + published.chair_line)

    # The kernteamleden's answers (Action.Execute on the shared card).

    async def act(self, turn_context: TurnContext, verb: str, data: dict) -> dict | str:
        """The card that replaces the clicked one, or a short message to show."""
        number, organisation = data.get("case"), data.get("organisation")
        if not isinstance(number, str) or not isinstance(organisation, str):
            raise BadCardData("card data without case number or organisation")
        member = await self._members.member_of(turn_context)
        channel = turn_context.activity.channel_id
        try:
            if verb == VERB_CONFIRM:
                state = await confirm_mandate(
                    self._advice, number, organisation, member, channel, now()
                )
            else:
                reason = data.get(REASON_INPUT)
                state = await decline_mandate(
                    self._advice,
                    number,
                    organisation,
                    member,
                    reason if isinstance(reason, str) else None,
                    channel,
                    now(),
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
        await self._tell_chair(state, verb, organisation, data.get(REASON_INPUT))
        if state.all_confirmed:  # the final version goes to everyone again
            await self._documents.publish(number, member.name, channel)
        else:
            await self._documents.new_version(number, member.name, channel)
        return mandate_card(state, DEFAULT_LANGUAGE)

    async def _tell_chair(
        self, state: MandateState, verb: str, organisation: str, reason: object
    ) -> None:
        number, initials = state.case.number, state.case.initials
        if verb == VERB_DECLINE:
            # Where the voorzitter works (perhaps the team channel): no reason there. The
            # reason goes to the voorzitter's own chat and stays in the case's timeline.
            await self._delivery.alert_chair(
                text("advice.declined_chair", number=number, initials=initials, org=organisation)
            )
            private = text(
                "advice.declined_reason",
                number=number,
                initials=initials,
                org=organisation,
                reason=str(reason).strip(),
            )
            await self._delivery.to_chair_privately(private)
        elif state.all_confirmed:
            await self._delivery.alert_chair(
                text("advice.all_confirmed", number=number, initials=initials)
            )


def _refusal(error: Exception, number: str, language: Language) -> str:
    """Why the voorzitter cannot open or issue this advice (now)."""
    if isinstance(error, NotAllowed):
        return text("advice.not_allowed", language)
    if isinstance(error, AlreadyDecided):
        status = status_label(error.case.status, language)
        return text("advice.wrong_status", language, number=number, status=status)
    return text("triage.unknown", language)


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
