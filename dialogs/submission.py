"""Submitting an aanmelding, from Teams (dialogs/intake.py) and from the family page
(dialogs/self_apply.py) alike: the use case, what it causes, and what is true to say after.
"""

from dataclasses import dataclass

from dialogs.cards.triage import triage_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.texts import Language, text
from domain.cases import Case, CaseRepository, Referrer
from domain.intake import request_notices, submit_request
from domain.mail import Mail
from domain.notices import arrived
from domain.ret import RetConfig


@dataclass(frozen=True)
class SubmitOutcome:
    case: Case
    new: bool  # False: this draft was submitted before; nothing was filed again
    chair_has_it: bool  # the triage card reached the voorzitter (else it waits for them)
    chair_alerted: bool  # an urgent request's alert reached the voorzitter (Teams or e-mail)


class _Wording:
    """The request's notices, in the language asked for (each recipient's own)."""

    def __init__(self, ret: RetConfig) -> None:
        self._ret = ret

    def triage_card(self, case: Case, language: Language) -> dict:
        return triage_card(case, language)

    def urgent_alert(self, case: Case, language: Language) -> tuple[str, Mail]:
        answers = case.answers
        words = {
            "number": case.number,
            "initials": case.initials or "-",
            "gemeente": answers.get("gemeente", "-"),
            "who": _who(case, language),
        }
        mail = Mail(
            to=(),
            subject=text("submission.urgent_mail.subject", language, **words),
            text=text("submission.urgent_mail.body", language, **words)
            + "\n\n"
            + text("email.signature", language, ret=self._ret.name),
        )
        return text("submission.urgent_chair", language, **words), mail

    def complaint_event(self, cue: str) -> str:
        return text("intake.complaint_event", cue=cue)


def _who(case: Case, language: Language) -> str:
    if case.self_applied:
        return text("submission.who_self_applied", language)
    organisation = case.answers.get("aanmelder_organisatie") or "-"
    return text("submission.who", language, name=case.referrer.name, organisation=organisation)


class RequestSubmission:
    def __init__(self, ret: RetConfig, cases: CaseRepository, delivery: Delivery) -> None:
        self._cases = cases
        self._delivery = delivery
        self._wording = _Wording(ret)

    async def submit(
        self, referrer: Referrer, answers: dict, draft_id: str, self_applied: bool = False
    ) -> SubmitOutcome:
        """Files the request once per draft and sends what it causes right away; says
        whether the voorzitter has it and, when urgent, was alerted."""
        submitted = await submit_request(
            self._cases, referrer, answers, draft_id, now(), self._wording, self_applied
        )
        *alert, card = request_notices(submitted.case, draft_id, self._wording)
        outcomes = await self._delivery.flush([*alert, card])
        return SubmitOutcome(
            submitted.case,
            submitted.new,
            arrived(outcomes, card),
            bool(alert) and arrived(outcomes, alert[0]),
        )
