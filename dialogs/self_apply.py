"""Zelf aanmelden: the conversation with a parent or young person in Web Chat (channels
`webchat` and `directline`), from /aanmelden on the RET's website.

Plain Dutch, cards with Action.Submit only. The answers live in the user's state (saved
after every turn, so a reload of the page or a restart of retbot loses nothing); the request
is submitted only after the six-digit code sent to the email address has come back.
"""

from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date

from botbuilder.core import StatePropertyAccessor, TurnContext
from botbuilder.schema import Activity

from dialogs.cards import card_activity
from dialogs.cards.intake import problem_text
from dialogs.cards.self_apply import (
    CODE,
    CODE_AGAIN,
    CODE_INPUT,
    CODE_OTHER,
    COMPLAINT_CONTINUE,
    COMPLAINT_STOP,
    CONSENT,
    CONSENT_PREFIX,
    CONTACT,
    EMAIL_INPUT,
    PHONE_INPUT,
    SECTION_DONE,
    SELF_APPLY_KEY,
    code_card,
    complaint_card,
    consent_card,
    contact_card,
    section_card,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.intake import urgent_line
from dialogs.submission import RequestSubmission
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from domain.cases import CaseRepository, Referrer
from domain.complaints import read_complaint
from domain.intake import Problem, check_section, is_urgent
from domain.mail import Mail
from domain.notices import EmailAddress, Notice, new_key
from domain.ret import RetConfig
from domain.self_apply import (
    ABOUT,
    QUESTION,
    SECTIONS,
    Applicant,
    Contact,
    age_problem,
    check_contact,
    consent_by,
    consent_questions,
    request_answers,
)
from domain.text_matching import normalise
from domain.verification import CODES_PER_ADDRESS_PER_DAY, CodeCheck, VerificationCodes

SELF_APPLY_CHANNELS = frozenset({"webchat", "directline"})
CONSENT_STEP, CONTACT_STEP, CODE_STEP = len(SECTIONS), len(SECTIONS) + 1, len(SECTIONS) + 2
RESTART_WORDS = frozenset({"opnieuw", "opnieuw beginnen", "start", "begin"})
CODE_PURPOSE = "zelf aanmelden"  # of the codes in domain.verification


def is_self_apply_channel(activity: Activity) -> bool:
    return activity.channel_id in SELF_APPLY_CHANNELS


class SelfApplyConversation:
    def __init__(
        self,
        ret: RetConfig,
        cases: CaseRepository,
        delivery: Delivery,
        submission: RequestSubmission,
        draft: StatePropertyAccessor,
        greeted: StatePropertyAccessor,
        codes: VerificationCodes,
        today: Callable[[], date] = lambda: now().date(),
    ) -> None:
        self._ret = ret
        self._codes = codes
        self._cases = cases
        self._delivery = delivery
        self._submission = submission
        self._draft = draft
        self._greeted = greeted  # conversation state: the page's join event and the
        self._today = today  # channel's conversationUpdate may both arrive

    async def greet(self, context: TurnContext, language: Language) -> None:
        """Once per conversation, whichever announcement of the applicant comes first."""
        if not await self._greeted.get(context, False):
            await self._greeted.set(context, True)
            await self.welcome(context, language)

    async def welcome(self, context: TurnContext, language: Language) -> None:
        """What the RET is and what happens next, then the first question (or, after a
        reload of the page, the question where the applicant was)."""
        await self._greeted.set(context, True)
        draft = await self._draft.get(context, None)
        if draft is None:
            draft = _fresh()
            await self._draft.set(context, draft)
        await context.send_activity(text("zelf.welcome", language, ret=self._ret.name))
        await context.send_activity(text("zelf.how_it_goes", language))
        await self._show(context, draft, language)

    async def on_message(self, context: TurnContext, language: Language) -> None:
        draft = await self._draft.get(context, None)
        value = context.activity.value
        if draft is None:
            await self.welcome(context, language)
            return
        if isinstance(value, dict) and value.get(SELF_APPLY_KEY):
            await self._act(context, draft, value, language)
            return
        typed = normalise(context.activity.text or "")
        if typed in RESTART_WORDS:
            await self._draft.set(context, _fresh())
            await context.send_activity(text("zelf.restarted", language))
            await self._show(context, _fresh(), language)
        elif typed == "stop":
            await context.send_activity(text("zelf.paused", language))
        else:
            await context.send_activity(text("zelf.use_card", language))
            await self._show(context, draft, language)

    async def _act(self, context: TurnContext, draft: dict, value: dict, lang: Language) -> None:
        action = value[SELF_APPLY_KEY]
        step = draft["step"]
        if action == COMPLAINT_STOP and draft.get("complaint_pending"):
            await self._cases.record_without_case(
                _actor(draft), "klacht: aanmelding gestopt", _channel(context), now()
            )
            await self._draft.delete(context)
            await context.send_activity(text("zelf.complaint_stopped", lang))
            return
        if action == COMPLAINT_CONTINUE and draft.pop("complaint_pending", None):
            draft["answers"]["klacht_keuze"] = "doorgaan"
        elif action == SECTION_DONE and step < len(SECTIONS):
            if value.get("section") == SECTIONS[step].key:
                await self._section(context, draft, value, lang)
                return
        elif action == CONSENT and step == CONSENT_STEP:
            if not self._consented(draft, value):
                await context.send_activity(card_activity(self._consent_card(draft, True, lang)))
                return
            draft["step"] = CONTACT_STEP
        elif action == CONTACT and step == CONTACT_STEP:
            await self._contact(context, draft, value, lang)
            return
        elif action == CODE_AGAIN and step == CODE_STEP:
            await self._send_code(context, draft, Contact(**draft["contact"]), lang)
            return
        elif action == CODE_OTHER and step == CODE_STEP:
            draft["step"] = CONTACT_STEP
        elif action == CODE and step == CODE_STEP:
            await self._code(context, draft, str(value.get(CODE_INPUT, "")), lang)
            return
        await self._draft.set(context, draft)
        await self._show(context, draft, lang)

    async def _section(
        self, context: TurnContext, draft: dict, value: dict, lang: Language
    ) -> None:
        section = SECTIONS[draft["step"]]
        values, problems = check_section(section, value, self._ret, self._today())
        if not problems and section is ABOUT:
            problem = age_problem(
                draft["answers"]["aanvrager"], values["geboortejaar"], self._today()
            )
            if problem:  # the answer to fix is who applies: back to that question
                draft["answers"].update(values)
                draft["step"] = 0
                await self._draft.set(context, draft)
                note = problem_text(problem, ABOUT, self._ret.region, lang)
                await self._show(context, draft, lang, notes=[note])
                return
        if problems:
            raw = {k: v for k, v in value.items() if isinstance(v, str)}
            await self._show(
                context, {**draft, "answers": {**draft["answers"], **raw}}, lang, problems
            )
            return
        draft["answers"].update(values)
        draft["step"] += 1
        if section is QUESTION and not draft["answers"].get("klacht_keuze"):
            reading = read_complaint(str(values.get("hulpvraag", "")))
            if reading:
                draft["answers"] |= {"klacht_gesignaleerd": True, "klacht_woord": reading.cue}
                draft["complaint_pending"] = True
        await self._draft.set(context, draft)
        await self._show(context, draft, lang)

    def _consent_questions(self, draft: dict) -> tuple[str, ...]:
        answers = draft["answers"]
        consent = consent_by(answers["aanvrager"], answers["geboortejaar"], self._today())
        return consent_questions(answers["aanvrager"], consent)

    def _consented(self, draft: dict, value: dict) -> bool:
        return all(value.get(CONSENT_PREFIX + q) == "ja" for q in self._consent_questions(draft))

    def _consent_card(self, draft: dict, missing: bool, lang: Language) -> dict:
        return consent_card(self._consent_questions(draft), missing, lang)

    async def _contact(
        self, context: TurnContext, draft: dict, value: dict, lang: Language
    ) -> None:
        email, phone = str(value.get(EMAIL_INPUT, "")), str(value.get(PHONE_INPUT, ""))
        contact, wrong = check_contact(email, phone)
        if contact is None:
            card = contact_card({EMAIL_INPUT: email, PHONE_INPUT: phone}, wrong, lang)
            await context.send_activity(card_activity(card))
            return
        draft["contact"] = asdict(contact)
        await self._send_code(context, draft, contact, lang)

    async def _send_code(
        self, context: TurnContext, draft: dict, contact: Contact, lang: Language
    ) -> None:
        if not self._delivery.sends_email:  # it would only wait in the outbox
            await self._draft.set(context, draft)
            await context.send_activity(text("zelf.no_email", lang))
            return

        def mail(plain: str) -> list[Notice]:
            words = {"ret": self._ret.name}
            subject = text("zelf.mail_subject", lang, **words)
            body = text("zelf.mail_text", lang, code=plain, **words)
            return [Notice(EmailAddress(), Mail((contact.email,), subject, body))]

        issued = await self._codes.issue(CODE_PURPOSE, contact.email, now(), mail)
        if issued is None:  # counted per address and day, whatever the conversation
            limit = CODES_PER_ADDRESS_PER_DAY
            refusal = text("zelf.too_many_codes", lang, limit=limit)
            if self._ret.contact.phone:
                refusal += " " + text("zelf.call_us", lang, phone=self._ret.contact.phone)
            await context.send_activity(refusal)
            return
        code, notices = issued
        await self._delivery.flush(notices)
        draft["code_id"] = code.id
        draft["step"] = CODE_STEP
        await self._draft.set(context, draft)
        await context.send_activity(card_activity(code_card(contact.email, "", lang)))

    async def _code(self, context: TurnContext, draft: dict, given: str, lang: Language) -> None:
        email = draft["contact"]["email"]
        code_id = draft.get("code_id", 0)  # 0, no such code, in a draft from before 0017
        checked = await self._codes.check(code_id, email, given, now())
        if checked.outcome is CodeCheck.RIGHT:
            await self._submit(context, draft, lang)
            return
        problem = (
            text("zelf.code_wrong", lang, tries=checked.tries_left)
            if checked.outcome is CodeCheck.WRONG
            else text("zelf.code_expired", lang)
        )
        await context.send_activity(card_activity(code_card(email, problem, lang)))

    async def _submit(self, context: TurnContext, draft: dict, lang: Language) -> None:
        contact = Contact(**draft["contact"])
        answers = request_answers(draft["answers"], contact, self._today())
        referrer = Referrer(_channel(context), context.activity.from_property.id, _actor(draft))
        draft.setdefault("id", new_key())  # drafts begun before drafts had an id
        outcome = await self._submission.submit(referrer, answers, draft["id"], self_applied=True)
        await self._draft.delete(context)
        number = outcome.case.number
        if not outcome.new:
            await context.send_activity(text("zelf.already_submitted", lang, number=number))
            return
        reach = " of ".join(part for part in (contact.email, contact.phone) if part)
        await context.send_activity(text("zelf.received", lang, number=number, contact=reach))
        if is_urgent(answers):
            await context.send_activity(urgent_line(outcome.chair_alerted, self._ret, lang, "zelf"))

    async def _show(
        self,
        context: TurnContext,
        draft: dict,
        lang: Language,
        problems: Sequence[Problem] = (),
        notes: Sequence[str] = (),
    ) -> None:
        """The card of the step the applicant is at; `problems` with its answers, `notes`
        about an answer given at another step."""
        step = draft["step"]
        if draft.get("complaint_pending"):
            routes = [(r.name, f"{r.description} {r.contact}") for r in self._ret.complaint_routes]
            card = complaint_card(routes, lang)
        elif step < len(SECTIONS):
            section = SECTIONS[step]
            lines = [*notes, *(problem_text(p, section, self._ret.region, lang) for p in problems)]
            suggested = {p.field: p.suggestions[0] for p in problems if p.suggestions}
            card = section_card(section, {**draft["answers"], **suggested}, lines, lang)
        elif step == CONSENT_STEP:
            card = self._consent_card(draft, False, lang)
        elif step == CONTACT_STEP:
            contact = draft.get("contact") or {}
            values = {EMAIL_INPUT: contact.get("email", ""), PHONE_INPUT: contact.get("phone", "")}
            card = contact_card(values, [], lang)
        else:
            card = code_card(draft["contact"]["email"], "", lang)
        await context.send_activity(card_activity(card))


def _fresh() -> dict:
    """A new draft; its id makes its submit count once."""
    return {"answers": {}, "step": 0, "id": new_key()}


def _channel(context: TurnContext) -> str:
    return context.activity.channel_id


def _actor(draft: dict) -> str:
    """Never a name: 'Ouder (zelf aangemeld)' or 'Jeugdige (zelf aangemeld)'."""
    parent = draft["answers"].get("aanvrager") == Applicant.OUDER
    return text("zelf.applicant.ouder" if parent else "zelf.applicant.jeugdige", DEFAULT_LANGUAGE)
