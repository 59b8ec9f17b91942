"""The follow-up flow: asking how the advice goes, taking the answers (a card in Teams, or
the answer page behind a signed link), and alerting the voorzitter when it stalls.

Questions go to each reachable kernteamlid of the afspraak's organisation and to the
referrer, in their own chat. When none of an organisation's kernteamleden can be reached in
Teams, they get the signed link by email; without email (no SMTP server, or nobody on the
roster for that organisation), and for a referrer outside Teams, the link goes to the
voorzitter to pass on. Members listed by email only are reached too
(Delivery.to_roster_member). The escalation contact of a step gets an email. Escalation
texts and emails carry case number and initials; a toelichting goes only to the
voorzitter's own chat and the case's timeline.
"""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Protocol

from dialogs.cards.follow_up import (
    ESCALATE_KEY,
    FOLLOW_UP_KEY,
    NOTE_INPUT,
    PROGRESS_INPUT,
    STEP_KEY,
    answered_card,
    ask_card,
    ladder_card,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.moments import when
from dialogs.referrer_mail import EMAIL_CHANNEL, follow_up_mail
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from dialogs.turn import Turn
from domain.advice import mandate_contact
from domain.follow_up import (
    LADDER,
    AlreadyAnswered,
    Answered,
    Answerer,
    AnswerInvalid,
    Ask,
    AskKind,
    CaseClosed,
    Escalation,
    FollowUpRepository,
    StepTaken,
    answer_ask,
    escalate_further,
)
from domain.mail import Mail
from domain.notices import (
    Chair,
    ChairPlace,
    Chat,
    EmailAddress,
    Localized,
    Notice,
    Outcomes,
    RosterMember,
    by_language,
)
from domain.people import chairs
from domain.ret import EscalationContact, EscalationStep, Member, RetConfig
from domain.roles import Role
from domain.triage import NotAllowed


class AnswerLinks(Protocol):
    """Signed, expiring links to the answer page (made at the channel edge)."""

    valid_for_days: int

    def url(self, ask_id: int, now: datetime) -> str: ...


class FollowUpActions:
    def __init__(
        self,
        ret: RetConfig,
        follow_up: FollowUpRepository,
        delivery: Delivery,
        links: AnswerLinks,
    ) -> None:
        self._ret = ret
        self._follow_up = follow_up
        self._delivery = delivery
        self._links = links

    def routes(self) -> Routes:
        return Routes(submits={FOLLOW_UP_KEY: self.on_answer, ESCALATE_KEY: self.on_escalate})

    # Worded for the scheduler, which stores them with each step's claim.

    async def send(self, notices: Sequence[Notice]) -> Outcomes:
        return await self._delivery.flush(notices)

    def ask_notices(self, ask: Ask, at: datetime, *, reminder: bool = False) -> list[Notice]:
        """The question (or a reminder) for whoever answers it: the referrer in their own
        chat, the organisation's kernteamleden in theirs (by e-mail, with the link, for
        whom retbot cannot reach in Teams), an organisation without a kernteamlid (a
        gemeente, a GI) through the contact the RET file names for it, by e-mail with the
        link. Otherwise the link goes to the voorzitter's own chat to pass on (never to a
        channel, where anyone could answer with it)."""
        link = self._links.url(ask.id, at)
        days = self._links.valid_for_days
        card = by_language(lambda language: ask_card(ask, link, days, language, reminder=reminder))
        if ask.kind is AskKind.VERWIJZER:
            referrer = Chat(ask.referrer_channel_id, ask.referrer_user_id)
            return [Notice(referrer, card, email=self._referrer_mail(ask, link, reminder))]
        kernteamleden = self._kernteamleden(ask.organisation)
        contact = mandate_contact(self._ret, ask.organisation) if ask.organisation else None
        if not kernteamleden and contact is not None:  # a gemeente, a GI: its contact
            mail = self._ask_mail(ask, contact.name, link, reminder, DEFAULT_LANGUAGE)
            mail = replace(mail, to=(contact.email,))
            return [Notice(EmailAddress(), mail)]
        if not kernteamleden:

            def note(language: Language) -> str:
                words = {"number": ask.case_number, "initials": ask.initials}
                return text(
                    "follow_up.unreachable", language, url=link, who=_who(ask, language), **words
                )

            return [Notice(Chair(ChairPlace.PRIVATE), by_language(note))]
        return [
            Notice(
                RosterMember(m.email),
                card,
                email=by_language(partial(self._ask_mail, ask, m.name, link, reminder)),
            )
            for m in kernteamleden
        ]

    async def no_answer_notices(self, ask: Ask) -> list[Notice]:
        """An ask that stays unanswered: the voorzitter is alerted where they work, the
        first step's contact by e-mail, and the ladder card goes to their own chat."""
        message = by_language(
            lambda language: text(
                "follow_up.escalate_no_answer",
                language,
                number=ask.case_number,
                initials=ask.initials,
                who=_who(ask, language),
                reminders=ask.reminders_sent,
                step=LADDER[0].value,
                contact=self._contact(LADDER[0], language),
            )
        )
        reason = text("email.escalation.no_answer", who=_who(ask), reminders=ask.reminders_sent)
        return [
            Notice(Chair(), message),
            *self._contact_mail(ask.case_number, ask.initials, LADDER[0], reason),
            await self._ladder(ask.case_number, ask.initials, [LADDER[0]]),
        ]

    def _stopped_notices(self, answered: Answered, taken: list[EscalationStep]) -> list[Notice]:
        """A 'gestopt / lukt niet' answer: the voorzitter hears of it at once (the
        toelichting only in their own chat), the step's contact by e-mail, and the ladder."""
        ask, step = answered.ask, answered.escalation.step

        def words(language: Language) -> dict:
            return {"number": ask.case_number, "initials": ask.initials, "who": _who(ask, language)}

        alert = by_language(
            lambda language: text(
                "follow_up.escalate_stopped",
                language,
                step=step.value,
                contact=self._contact(step, language),
                **words(language),
            )
        )
        toelichting = answered.answer.toelichting or "-"
        note = by_language(
            lambda language: text(
                "follow_up.stopped_note", language, note=toelichting, **words(language)
            )
        )
        reason = text("email.escalation.stopped", who=_who(ask))
        return [
            Notice(Chair(), alert),
            Notice(Chair(ChairPlace.PRIVATE), note),
            *self._contact_mail(ask.case_number, ask.initials, step, reason),
            self._ladder_card(ask.case_number, ask.initials, [*taken, step]),
        ]

    # Answers.

    async def answer_by_link(
        self, ask_id: int, progress: str | None, note: str | None, at: datetime
    ) -> Answered:
        """An answer from the page behind a link the edge has checked. Raises like
        domain.follow_up.answer_ask."""
        ask = await self._follow_up.ask(ask_id)
        if ask is None:
            raise LookupError(ask_id)
        answerer = Answerer(f"antwoordlink ({_who(ask)})", via_link=True)
        outcome, notices = await answer_ask(
            self._follow_up,
            ask_id,
            answerer,
            progress,
            note,
            "web",
            at,
            await self._on_stop(ask.case_number),
        )
        await self._delivery.flush(notices)
        return outcome

    async def on_answer(self, turn: Turn) -> None:
        """The answer card's submit."""
        ask_id = turn.value.get(FOLLOW_UP_KEY)
        if type(ask_id) is not int:
            await turn.send(text("follow_up.unknown", turn.language))
            return
        await turn.send(await self._answer(turn, ask_id, turn.value, turn.language))

    async def on_escalate(self, turn: Turn) -> None:
        """The ladder card's submit: the next step of the escalatieladder."""
        await turn.send(await self._escalate(turn, turn.value, turn.language))

    async def _answer(self, turn: Turn, ask_id: int, value: dict, language: Language) -> str | dict:
        member = await turn.member()
        answerer = Answerer(
            member.name if member else (turn.speaker.name or "verwijzer"),
            member=member,
            channel_id=turn.channel_id,
            user_id=turn.speaker.id,
        )
        progress, note = value.get(PROGRESS_INPUT), value.get(NOTE_INPUT)
        asked = await self._follow_up.ask(ask_id)
        try:
            outcome, notices = await answer_ask(
                self._follow_up,
                ask_id,
                answerer,
                progress if isinstance(progress, str) else None,
                note if isinstance(note, str) else None,
                turn.channel_id,
                now(),
                await self._on_stop(asked.case_number) if asked else lambda answered: [],
            )
        except LookupError:
            return text("follow_up.unknown", language)
        except CaseClosed:
            return text("follow_up.closed", language, number=await self._number(ask_id))
        except AlreadyAnswered:
            at = when(asked.answered_at, language) if asked and asked.answered_at else "-"
            by = asked.answered_by or "-"
            return text("follow_up.already", language, number=asked.case_number, when=at, by=by)
        except NotAllowed:
            return text("follow_up.not_allowed", language)
        except AnswerInvalid as invalid:
            ask = await self._follow_up.ask(ask_id)
            kept = {k: v for k, v in value.items() if isinstance(v, str)}
            link = self._links.url(ask_id, now())
            card = ask_card(
                ask,
                link,
                self._links.valid_for_days,
                language,
                values=kept,
                problem=invalid.problem,
            )
            return card
        await self._delivery.flush(notices)
        await turn.replace_card(answered_card(outcome.ask, outcome.answer, language))
        done = "follow_up.thanks_escalated" if outcome.escalation else "follow_up.thanks"
        return text(done, language, number=outcome.ask.case_number)

    async def _escalate(self, turn: Turn, value: dict, language: Language) -> str:
        number, step = value.get(ESCALATE_KEY), value.get(STEP_KEY)
        chair = await turn.member()
        if not isinstance(number, str):
            return text("follow_up.ladder_refused", language)
        initials = await self._initials(number)
        try:
            escalation, notices = await escalate_further(
                self._follow_up,
                number,
                chair,
                step if isinstance(step, str) else None,
                turn.channel_id,
                now(),
                lambda taken: self._contact_mail(
                    number, initials, taken.step, text("email.escalation.by_chair")
                ),
            )
        except NotAllowed:
            return text("follow_up.ladder_chair_only", language)
        except CaseClosed:
            return text("follow_up.closed", language, number=number)
        except StepTaken as taken:
            return _already_taken(taken.escalation, language)
        except (LookupError, ValueError):
            return text("follow_up.ladder_refused", language)
        await self._delivery.flush(notices)
        # In Teams the ladder card shows the step taken: its button now offers the next one.
        taken = [e.step for e in await self._follow_up.escalations(number)]
        await turn.replace_card(ladder_card(number, initials, taken, language))
        contact = self._contact(escalation.step, language)
        return text(
            "follow_up.ladder_done", language, number=number, step=escalation.step, contact=contact
        )

    # Helpers.

    def _kernteamleden(self, organisation: str | None) -> list[Member]:
        return [
            m
            for m in self._ret.members_with_role(Role.KERNTEAMLID)
            if m.organisation == organisation
        ]

    def _contact(self, step: EscalationStep, language: Language) -> str:
        """Who to contact for the step; nothing when that is the voorzitter, whom the
        message is for (a stand-in is named: the voorzitter may need them)."""
        contact = self._step_contact(step)
        chair = next(iter(chairs(self._ret)), None)
        if contact is None or (chair and chair.email.casefold() == contact.email.casefold()):
            return ""
        return text("follow_up.contact", language, name=contact.name)

    def _step_contact(self, step: EscalationStep) -> EscalationContact | None:
        return next((c for c in self._ret.escalation_contacts if c.step is step), None)

    def _is_chair(self, email: str) -> bool:
        return any(m.email.casefold() == email.casefold() for m in chairs(self._ret))

    def _referrer_mail(self, ask: Ask, link: str, reminder: bool) -> Localized | None:
        """For a referrer known by e-mail address (no chat with retbot): the link by e-mail."""
        if ask.referrer_channel_id != EMAIL_CHANNEL:
            return None
        days = self._links.valid_for_days

        def mail(language: Language) -> Mail:
            prefix = text("follow_up.reminder", language) if reminder else ""
            return follow_up_mail(
                ask.case_number,
                ask.initials,
                ask.referrer_user_id,
                link,
                days,
                prefix,
                self._ret,
                language,
            )

        return by_language(mail)

    def _ask_mail(self, ask: Ask, name: str, link: str, reminder: bool, language: Language) -> Mail:
        """The question by email: case number, initials, organisation and the link; the
        afspraak itself is shown behind the link, not in a mailbox."""
        values = {
            "number": ask.case_number,
            "initials": ask.initials,
            "org": ask.organisation,
            "ret": self._ret.name,
        }
        prefix = text("follow_up.reminder", language) if reminder else ""
        body = text(
            "email.follow_up.body",
            language,
            name=name,
            url=link,
            days=self._links.valid_for_days,
            **values,
        )
        return Mail(
            to=(),
            subject=text("email.follow_up.subject", language, reminder=prefix, **values),
            text=body + "\n\n" + text("email.signature", language, ret=self._ret.name),
        )

    def _contact_mail(
        self, number: str, initials: str, step: EscalationStep, reason: str
    ) -> list[Notice]:
        """The escalation contact of the step hears by email what is asked of them:
        case number, initials, the step and why, never the case's content."""
        contact = self._step_contact(step)
        if contact is None:
            return []
        chair = next(iter(chairs(self._ret)), None)
        is_chair = chair is None or self._is_chair(contact.email)
        body = text(
            "email.escalation.body",
            name=contact.name,
            number=number,
            initials=initials,
            ret=self._ret.name,
            step=step.value,
            reason=reason,
            action=text(f"email.escalation.action.{step.value}"),
            chair=""
            if is_chair
            else text("email.escalation.chair", chair=chair.name, email=chair.email),
        )
        mail = Mail(
            to=(contact.email,),
            subject=text(
                "email.escalation.subject", number=number, initials=initials, step=step.value
            ),
            text=body + "\n\n" + text("email.signature", ret=self._ret.name),
        )
        return [Notice(EmailAddress(), mail)]

    async def _on_stop(self, number: str):
        """Words what a 'gestopt' answer on this case causes (with the steps taken so far)."""
        taken = [e.step for e in await self._follow_up.escalations(number)]

        def words(answered: Answered) -> list[Notice]:
            return self._stopped_notices(answered, taken)

        return words

    async def _ladder(self, number: str, initials: str, adding: list[EscalationStep]) -> Notice:
        taken = [e.step for e in await self._follow_up.escalations(number)]
        return self._ladder_card(number, initials, [*taken, *adding])

    def _ladder_card(self, number: str, initials: str, taken: list[EscalationStep]) -> Notice:
        card = by_language(partial(ladder_card, number, initials, taken))
        return Notice(Chair(ChairPlace.PRIVATE), card)

    async def _initials(self, number: str) -> str:
        case = await self._follow_up.get(number)
        return case.initials if case else "-"

    async def _number(self, ask_id: int) -> str:
        ask = await self._follow_up.ask(ask_id)
        return ask.case_number if ask else "-"


def _who(ask: Ask, language: Language = DEFAULT_LANGUAGE) -> str:
    if ask.kind is AskKind.AFSPRAAK:
        return ask.organisation or "-"
    return text("follow_up.the_referrer", language)


def _already_taken(escalation: Escalation, language: Language) -> str:
    words = {"number": escalation.case_number, "step": escalation.step.value}
    at = when(escalation.at, language)
    return text("follow_up.ladder_already", language, by=escalation.by, when=at, **words)
