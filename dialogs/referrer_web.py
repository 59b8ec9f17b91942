"""Aanmelden on retbot's own page, for a referrer outside Teams who asked by e-mail
(dialogs/email_apply.py): the same aanmelding as in Teams (dialogs/intake.py: its sections,
checks, complaint question, urgency and summary), in Web Chat, as the address the personal
link was mailed to.

The draft lives in the user state of that address's Web Chat user id, so it resumes from
any later link. Submitting first sends a code to the address (domain.verification, with
the family page's limits); only the right code files the request, through the one
`submit_request` use case (dialogs/submission.py), with the address as the referrer's id
on the Email channel: there retbot reaches them later.
"""

from dialogs.cards.intake import (
    COMPLAINT_STOP,
    EDIT,
    INTAKE_KEY,
    KEEP,
    PAUSE,
    SECTION_DONE,
    SUBMIT,
)
from dialogs.cards.referrer_web import CODE, CODE_AGAIN, CODE_INPUT, REFERRER_KEY, code_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.intake import DRAFT, SUMMARY, Intake, urgent_line
from dialogs.submission import RequestSubmission
from dialogs.texts import text
from dialogs.turn import Turn
from domain.cases import CaseRepository, Referrer
from domain.intake import is_urgent
from domain.mail import Mail
from domain.notices import EmailAddress, Notice
from domain.ret import RetConfig
from domain.text_matching import normalise
from domain.verification import CODES_PER_ADDRESS_PER_DAY, CodeCheck, VerificationCodes

EMAIL_CHANNEL = "email"  # a referrer outside Teams is reached on their address
CODE_PURPOSE = "verwijzer aanmelden"  # of the codes in domain.verification
PENDING = "referrer_web_code"  # in the user's state: the code sent, for which draft
GREETED = "referrer_web_greeted"  # in the conversation's: join event and channel update
RESTART_WORDS = frozenset({"opnieuw", "again", "nieuwe aanmelding"})


class ReferrerWebConversation:
    def __init__(
        self,
        ret: RetConfig,
        cases: CaseRepository,
        intake: Intake,
        submission: RequestSubmission,
        codes: VerificationCodes,
        delivery: Delivery,
    ) -> None:
        self._ret = ret
        self._cases = cases
        self._intake = intake
        self._submission = submission
        self._codes = codes
        self._delivery = delivery

    async def greet(self, turn: Turn, email: str) -> None:
        """Once per conversation: who they apply as, then where they were."""
        if turn.state.conversation.get(GREETED):
            return
        turn.state.conversation[GREETED] = True
        await turn.send(text("verwijzer.welcome", turn.language, ret=self._ret.name, email=email))
        if self._code_pending(turn):
            await turn.send(code_card(email, "", turn.language))
        else:
            await self._intake.start(turn)

    async def on_message(self, turn: Turn, email: str) -> None:
        lang = turn.language
        value = turn.value
        draft = turn.state.user.get(DRAFT)
        if value.get(REFERRER_KEY) == CODE_AGAIN and self._at_summary(draft):
            await self._send_code(turn, email, draft)
        elif value.get(REFERRER_KEY) == CODE and self._code_pending(turn):
            await self._check(turn, email, draft, str(value.get(CODE_INPUT, "")))
        elif value.get(REFERRER_KEY):  # a code card of a draft that is gone
            await turn.send(text("verwijzer.already_submitted", lang))
        elif (action := value.get(INTAKE_KEY)) is not None:
            await self._on_intake_card(turn, email, draft, action)
        elif normalise(turn.text) in RESTART_WORDS and draft is None:
            await self._intake.start(turn)
        elif normalise(turn.text) == "stop":
            await turn.send(text("verwijzer.paused", lang))
        else:
            await turn.send(text("verwijzer.use_card", lang))
            await self._show_current(turn, email)

    async def _on_intake_card(self, turn: Turn, email: str, draft: dict | None, action) -> None:
        """The intake's own cards, but what Teams words as 'the menu' is said for the page,
        and submitting waits for the code."""
        lang = turn.language
        if action in (PAUSE, KEEP):
            await turn.send(text("verwijzer.paused", lang))
        elif draft is None and action in (SUBMIT, EDIT, SECTION_DONE):  # a card from before
            await turn.send(text("verwijzer.already_submitted", lang))
        elif action == SUBMIT and self._at_summary(draft):
            await self._send_code(turn, email, draft)
        elif action == COMPLAINT_STOP and draft and draft.get("complaint_pending"):
            await self._cases.record_without_case(
                email, "klacht: aanmelding gestopt", turn.channel_id, now()
            )
            turn.state.user.pop(DRAFT, None)
            turn.state.user.pop(PENDING, None)
            await turn.send(text("verwijzer.complaint_stopped", lang))
        else:
            await self._intake.on_card(turn)

    async def _show_current(self, turn: Turn, email: str) -> None:
        if self._code_pending(turn):
            await turn.send(code_card(email, "", turn.language))
        elif turn.state.user.get(DRAFT) is None:
            await self._intake.start(turn)
        else:
            await self._intake.show_current(turn)

    def _at_summary(self, draft: dict | None) -> bool:
        return draft is not None and draft.get("step") == SUMMARY

    def _code_pending(self, turn: Turn) -> bool:
        """A code was sent for the draft there is, which is still at its summary."""
        draft = turn.state.user.get(DRAFT)
        pending = turn.state.user.get(PENDING) or {}
        return self._at_summary(draft) and pending.get("draft") == draft.get("id")

    async def _send_code(self, turn: Turn, email: str, draft: dict) -> None:
        lang, ret = turn.language, self._ret.name
        if not self._delivery.sends_email:  # it would only wait in the outbox
            await turn.send(text("verwijzer.no_email", lang, ret=ret))
            return

        def mail(plain: str) -> list[Notice]:
            subject = text("verwijzer.code_mail.subject", lang, ret=ret)
            body = text("verwijzer.code_mail.body", lang, code=plain)
            body += "\n\n" + text("email.signature", lang, ret=ret)
            return [Notice(EmailAddress(), Mail((email,), subject, body))]

        issued = await self._codes.issue(CODE_PURPOSE, email, now(), mail)
        if issued is None:  # counted per address and day, with the family page's codes
            limit = CODES_PER_ADDRESS_PER_DAY
            await turn.send(text("verwijzer.too_many_codes", lang, limit=limit))
            return
        code, notices = issued
        await self._delivery.flush(notices)
        turn.state.user[PENDING] = {"code_id": code.id, "draft": draft["id"]}
        await turn.send(code_card(email, "", lang))

    async def _check(self, turn: Turn, email: str, draft: dict, given: str) -> None:
        lang = turn.language
        code_id = turn.state.user[PENDING]["code_id"]
        checked = await self._codes.check(code_id, email, given, now())
        if checked.outcome is CodeCheck.RIGHT:
            await self._submit(turn, email, draft)
            return
        problem = (
            text("verwijzer.code_wrong", lang, tries=checked.tries_left)
            if checked.outcome is CodeCheck.WRONG
            else text("verwijzer.code_expired", lang)
        )
        await turn.send(code_card(email, problem, lang))

    async def _submit(self, turn: Turn, email: str, draft: dict) -> None:
        """Files the request once per draft, as the address the link and the code went to."""
        lang = turn.language
        referrer = Referrer(EMAIL_CHANNEL, email, email)
        answers = {**draft["answers"], "contact_geverifieerd": "e-mail"}
        outcome = await self._submission.submit(referrer, answers, draft["id"])
        turn.state.user.pop(DRAFT, None)
        turn.state.user.pop(PENDING, None)
        number = outcome.case.number
        if not outcome.new:
            await turn.send(text("verwijzer.already_submitted_as", lang, number=number))
            return
        await turn.send(text("verwijzer.received", lang, number=number))
        if is_urgent(outcome.case.answers):
            await turn.send(urgent_line(outcome.chair_alerted, self._ret, lang, "intake"))
        if not outcome.case.consent_given:
            await turn.send(text("intake.consent_follows", lang))
