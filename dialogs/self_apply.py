"""Zelf aanmelden: the conversation with a parent or young person in Web Chat (channels
`webchat` and `directline`), from /aanmelden on the RET's website.

Plain Dutch, cards with Action.Submit only. The answers live in the user's state (saved
after every turn, so a reload of the page or a restart of retbot loses nothing); the request
is submitted only after the six-digit code sent to the email address has come back.
"""

from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date

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
from dialogs.turn import Turn
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


DRAFT = "self_apply_draft"  # in the user's state
GREETED = "self_apply_greeted"  # in the conversation's: the page's join event and the
# channel's conversationUpdate may both arrive


def is_self_apply_channel(channel_id: str) -> bool:
    return channel_id in SELF_APPLY_CHANNELS


class SelfApplyConversation:
    def __init__(
        self,
        ret: RetConfig,
        cases: CaseRepository,
        delivery: Delivery,
        submission: RequestSubmission,
        codes: VerificationCodes,
        today: Callable[[], date] = lambda: now().date(),
    ) -> None:
        self._ret = ret
        self._codes = codes
        self._cases = cases
        self._delivery = delivery
        self._submission = submission
        self._today = today

    async def greet(self, turn: Turn) -> None:
        """Once per conversation, whichever announcement of the applicant comes first."""
        if not turn.state.conversation.get(GREETED):
            await self.welcome(turn)

    async def welcome(self, turn: Turn) -> None:
        """What the RET is and what happens next, then the first question (or, after a
        reload of the page, the question where the applicant was)."""
        turn.state.conversation[GREETED] = True
        draft = turn.state.user.setdefault(DRAFT, _fresh())
        await turn.send(text("zelf.welcome", turn.language, ret=self._ret.name))
        await turn.send(text("zelf.how_it_goes", turn.language))
        await self._show(turn, draft)

    async def on_message(self, turn: Turn) -> None:
        draft = turn.state.user.get(DRAFT)
        language = turn.language
        if draft is None:
            await self.welcome(turn)
            return
        if turn.value.get(SELF_APPLY_KEY):
            await self._act(turn, draft, turn.value)
            return
        typed = normalise(turn.text)
        if typed in RESTART_WORDS:
            turn.state.user[DRAFT] = _fresh()
            await turn.send(text("zelf.restarted", language))
            await self._show(turn, turn.state.user[DRAFT])
        elif typed == "stop":
            await turn.send(text("zelf.paused", language))
        else:
            await turn.send(text("zelf.use_card", language))
            await self._show(turn, draft)

    async def _act(self, turn: Turn, draft: dict, value: dict) -> None:
        lang = turn.language
        action = value[SELF_APPLY_KEY]
        step = draft["step"]
        if action == COMPLAINT_STOP and draft.get("complaint_pending"):
            await self._cases.record_without_case(
                _actor(draft), "klacht: aanmelding gestopt", turn.channel_id, now()
            )
            turn.state.user.pop(DRAFT, None)
            await turn.send(text("zelf.complaint_stopped", lang))
            return
        if action == COMPLAINT_CONTINUE and draft.pop("complaint_pending", None):
            draft["answers"]["klacht_keuze"] = "doorgaan"
        elif action == SECTION_DONE and step < len(SECTIONS):
            if value.get("section") == SECTIONS[step].key:
                await self._section(turn, draft, value)
                return
        elif action == CONSENT and step == CONSENT_STEP:
            if not self._consented(draft, value):
                await turn.send(self._consent_card(draft, True, turn.language))
                return
            draft["step"] = CONTACT_STEP
        elif action == CONTACT and step == CONTACT_STEP:
            await self._contact(turn, draft, value)
            return
        elif action == CODE_AGAIN and step == CODE_STEP:
            await self._send_code(turn, draft, Contact(**draft["contact"]))
            return
        elif action == CODE_OTHER and step == CODE_STEP:
            draft["step"] = CONTACT_STEP
        elif action == CODE and step == CODE_STEP:
            await self._code(turn, draft, str(value.get(CODE_INPUT, "")))
            return
        await self._show(turn, draft)

    async def _section(self, turn: Turn, draft: dict, value: dict) -> None:
        lang = turn.language
        section = SECTIONS[draft["step"]]
        values, problems = check_section(section, value, self._ret, self._today())
        if not problems and section is ABOUT:
            problem = age_problem(
                draft["answers"]["aanvrager"], values["geboortejaar"], self._today()
            )
            if problem:  # the answer to fix is who applies: back to that question
                draft["answers"].update(values)
                draft["step"] = 0
                note = problem_text(problem, ABOUT, self._ret.region, lang)
                await self._show(turn, draft, notes=[note])
                return
        if problems:
            raw = {k: v for k, v in value.items() if isinstance(v, str)}
            await self._show(turn, {**draft, "answers": {**draft["answers"], **raw}}, problems)
            return
        draft["answers"].update(values)
        draft["step"] += 1
        if section is QUESTION and not draft["answers"].get("klacht_keuze"):
            reading = read_complaint(str(values.get("hulpvraag", "")))
            if reading:
                draft["answers"] |= {"klacht_gesignaleerd": True, "klacht_woord": reading.cue}
                draft["complaint_pending"] = True
        await self._show(turn, draft)

    def _consent_questions(self, draft: dict) -> tuple[str, ...]:
        answers = draft["answers"]
        consent = consent_by(answers["aanvrager"], answers["geboortejaar"], self._today())
        return consent_questions(answers["aanvrager"], consent)

    def _consented(self, draft: dict, value: dict) -> bool:
        return all(value.get(CONSENT_PREFIX + q) == "ja" for q in self._consent_questions(draft))

    def _consent_card(self, draft: dict, missing: bool, lang: Language) -> dict:
        return consent_card(self._consent_questions(draft), missing, lang)

    async def _contact(self, turn: Turn, draft: dict, value: dict) -> None:
        lang = turn.language
        email, phone = str(value.get(EMAIL_INPUT, "")), str(value.get(PHONE_INPUT, ""))
        contact, wrong = check_contact(email, phone)
        if contact is None:
            card = contact_card({EMAIL_INPUT: email, PHONE_INPUT: phone}, wrong, lang)
            await turn.send(card)
            return
        draft["contact"] = asdict(contact)
        await self._send_code(turn, draft, contact)

    async def _send_code(self, turn: Turn, draft: dict, contact: Contact) -> None:
        lang = turn.language
        if not self._delivery.sends_email:  # it would only wait in the outbox
            await turn.send(text("zelf.no_email", lang))
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
            await turn.send(refusal)
            return
        code, notices = issued
        await self._delivery.flush(notices)
        draft["code_id"] = code.id
        draft["step"] = CODE_STEP
        await turn.send(code_card(contact.email, "", lang))

    async def _code(self, turn: Turn, draft: dict, given: str) -> None:
        lang = turn.language
        email = draft["contact"]["email"]
        code_id = draft.get("code_id", 0)  # 0, no such code, in a draft from before 0017
        checked = await self._codes.check(code_id, email, given, now())
        if checked.outcome is CodeCheck.RIGHT:
            await self._submit(turn, draft)
            return
        problem = (
            text("zelf.code_wrong", lang, tries=checked.tries_left)
            if checked.outcome is CodeCheck.WRONG
            else text("zelf.code_expired", lang)
        )
        await turn.send(code_card(email, problem, lang))

    async def _submit(self, turn: Turn, draft: dict) -> None:
        lang = turn.language
        contact = Contact(**draft["contact"])
        answers = request_answers(draft["answers"], contact, self._today())
        referrer = Referrer(turn.channel_id, turn.speaker.id, _actor(draft))
        draft.setdefault("id", new_key())  # drafts begun before drafts had an id
        outcome = await self._submission.submit(referrer, answers, draft["id"], self_applied=True)
        turn.state.user.pop(DRAFT, None)
        number = outcome.case.number
        if not outcome.new:
            await turn.send(text("zelf.already_submitted", lang, number=number))
            return
        reach = " of ".join(part for part in (contact.email, contact.phone) if part)
        await turn.send(text("zelf.received", lang, number=number, contact=reach))
        if is_urgent(answers):
            await turn.send(urgent_line(outcome.chair_alerted, self._ret, lang, "zelf"))

    async def _show(
        self,
        turn: Turn,
        draft: dict,
        problems: Sequence[Problem] = (),
        notes: Sequence[str] = (),
    ) -> None:
        """The card of the step the applicant is at; `problems` with its answers, `notes`
        about an answer given at another step."""
        lang = turn.language
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
        await turn.send(card)


def _fresh() -> dict:
    """A new draft; its id makes its submit count once."""
    return {"answers": {}, "step": 0, "id": new_key()}


def _actor(draft: dict) -> str:
    """Never a name: 'Ouder (zelf aangemeld)' or 'Jeugdige (zelf aangemeld)'."""
    parent = draft["answers"].get("aanvrager") == Applicant.OUDER
    return text("zelf.applicant.ouder" if parent else "zelf.applicant.jeugdige", DEFAULT_LANGUAGE)
