"""Leren van vastgelopen zorgvragen: the evaluation of a closed case and the voorzitter's
leerpunten.

When the voorzitter closes a case (dialogs.closing), the verwijzer and the kernteamleden of
the organisations with an afspraak get the evaluation card in their own chat, stored with the
closing; one reminder follows after the RET file's number of days (the ticker, through
scheduler.evaluation). The voorzitter types `evaluatie RET-2026-0003` in their own chat to
see the case's evaluations together and record leerpunten. Nothing of it goes to a channel.
"""

from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Protocol

from dialogs.cards import BadCardData
from dialogs.cards.evaluation import (
    EVALUATION_KEY,
    FORM_KEY,
    LEARNED_INPUT,
    LEERPUNT_KEY,
    THEME_INPUT,
    WORKED_INPUT,
    answered_card,
    evaluation_card,
    overview_cards,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.moments import when
from dialogs.referrer_mail import by_email
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from dialogs.turn import Turn
from domain.cases import Case, family_address
from domain.evaluation import (
    FAMILY_KEY,
    TEXT_MAX,
    AlreadyAnswered,
    AnswerInvalid,
    EvaluationRepository,
    LeerpuntInvalid,
    NotAsked,
    Respondent,
    RespondentKind,
    answer_evaluation,
    counted,
    record_leerpunt,
    reminder_key,
    request_key,
    respondents,
)
from domain.mail import Mail
from domain.notices import Chair, ChairPlace, Localized, Notice, Outcomes, by_language
from domain.organisation_advice import SentAdvice
from domain.people import is_chair
from domain.ret import RetConfig
from domain.triage import NotAllowed

COMMAND = "evaluatie"
FAMILY_LANGUAGE: Language = DEFAULT_LANGUAGE  # eenvoudig Nederlands (B1), with "je"


class EvaluationLinks(Protocol):
    """Signed, expiring links to the evaluation page (made at the channel edge)."""

    valid_for_days: int

    def url(self, number: str, respondent: str, now: datetime) -> str: ...


class SentLetters(Protocol):
    async def sent_advice(self, number: str) -> list[SentAdvice]: ...


class EvaluationActions:
    def __init__(
        self,
        ret: RetConfig,
        evaluations: EvaluationRepository,
        delivery: Delivery,
        links: EvaluationLinks | None = None,
        letters: SentLetters | None = None,
    ) -> None:
        self._ret = ret
        self._evaluations = evaluations
        self._delivery = delivery
        self._links = links  # for kernteamleden retbot cannot reach in Teams
        self._letters = letters  # the advies aan organisaties sent on the leerpunten

    def routes(self) -> Routes:
        return Routes(
            commands={COMMAND: self.show},
            submits={EVALUATION_KEY: self.answer, LEERPUNT_KEY: self.leerpunt},
        )

    # Asking, for the closing and the scheduler.

    async def organisations(self, number: str) -> list[str]:
        """The organisations with an afspraak on the case (read before it closes)."""
        return await self._evaluations.afspraak_organisations(number)

    async def asked(self, number: str) -> bool:
        """Whether the case's evaluation was asked already (some weeks after its advice)."""
        return await self._evaluations.asked_at(number) is not None

    def request_notices(self, case: Case, organisations: Sequence[str]) -> list[Notice]:
        """The evaluation for everyone asked (in their own chat; the family by e-mail or
        through the verwijzer); stored with the closing."""
        return self._notices(case, respondents(case, organisations, self._ret), reminder=False)

    async def after_advice_notices(self, case: Case) -> list[Notice]:
        """The same evaluation for a case still open some weeks after its advice (the
        scheduler stores them with the round they open)."""
        organisations = await self._evaluations.afspraak_organisations(case.number)
        return self._notices(case, respondents(case, organisations, self._ret), reminder=False)

    async def reminder_notices(self, case: Case) -> list[Notice]:
        """The evaluation again, for those asked who have not answered."""
        answered = await self._evaluations.answered(case.number)
        organisations = await self._evaluations.afspraak_organisations(case.number)
        missing = [r for r in respondents(case, organisations, self._ret) if r.key not in answered]
        return self._notices(case, missing, reminder=True)

    async def chair_notice(self, case: Case) -> Notice:
        """In the voorzitter's own chat: how many answered, and the command to read them."""
        answered = await self._evaluations.answered(case.number)
        organisations = await self._evaluations.afspraak_organisations(case.number)
        asked = counted(respondents(case, organisations, self._ret), answered)
        done = all(r.key in answered for r in asked)
        message = by_language(
            partial(
                text,
                "evaluation.chair_status_all" if done else "evaluation.chair_status",
                number=case.number,
                initials=case.initials,
                answered=sum(r.key in answered for r in asked),
                asked=len(asked),
            )
        )
        return Notice(Chair(ChairPlace.PRIVATE), message, key=f"evaluatie-stand:{case.number}")

    def _notices(self, case: Case, asked: Sequence[Respondent], *, reminder: bool) -> list[Notice]:
        """Per person asked: the card in their chat (with an e-mail for whom retbot cannot
        reach there), the family's e-mail; a family without an address of its own is asked
        through the verwijzer, whose card and e-mail carry the family's link."""
        key = reminder_key if reminder else request_key
        weeks = self._ret.evaluation.after_advice_weeks if case.closed_at is None else None
        through_verwijzer = any(r.kind is RespondentKind.GEZIN and r.to is None for r in asked)
        notices = []
        for respondent in asked:
            if respondent.to is None:
                continue
            if respondent.kind is RespondentKind.GEZIN:
                mail = self._family_mail(case, reminder, FAMILY_LANGUAGE)
                if mail is not None:
                    notices.append(Notice(respondent.to, mail, key=key(case.number, respondent)))
                continue
            is_verwijzer = respondent.kind is RespondentKind.VERWIJZER
            family = self._family_link(case) if through_verwijzer and is_verwijzer else None
            card = by_language(
                partial(
                    evaluation_card,
                    case.number,
                    case.initials,
                    reminder=reminder,
                    after_advice_weeks=weeks,
                    family_link=family,
                )
            )
            mail = self._mail(case, respondent, reminder, family)
            notices.append(
                Notice(respondent.to, card, email=mail, key=key(case.number, respondent))
            )
        return notices

    def _family_link(self, case: Case) -> tuple[str, int] | None:
        if self._links is None:
            return None
        return self._links.url(case.number, FAMILY_KEY, now()), self._links.valid_for_days

    def _family_mail(self, case: Case, reminder: bool, language: Language) -> Mail | None:
        """To a family that applied itself, at its verified address: the case number, a
        plain sentence and the link to its evaluation page."""
        address = family_address(case)
        if self._links is None or address is None:
            return None
        moment = "closed" if case.closed_at is not None else "after_advice"
        words = {"number": case.number}
        body = text(
            "gezin.mail.evaluation.body",
            language,
            start=text(f"gezin.mail.evaluation.{moment}", language, **words),
            url=self._links.url(case.number, FAMILY_KEY, now()),
            days=self._links.valid_for_days,
        )
        prefix = text("evaluation.reminder", language) if reminder else ""
        return Mail(
            to=(address,),
            subject=text("gezin.mail.evaluation.subject", language, reminder=prefix, **words),
            text=body + "\n\n" + text("email.signature", language, ret=self._ret.name),
        )

    def _mail(
        self,
        case: Case,
        respondent: Respondent,
        reminder: bool,
        family: tuple[str, int] | None,
    ) -> Localized | None:
        """For a kernteamlid outside Teams, or a verwijzer known only by e-mail address: case
        number, initials and the signed link to the evaluation page (and the family's, to
        pass on); nothing of the case."""
        outside_teams = respondent.kind is RespondentKind.KERNTEAMLID or by_email(case.referrer)
        if self._links is None or not outside_teams:
            return None
        words = {"number": case.number, "initials": case.initials, "ret": self._ret.name}
        url = self._links.url(case.number, respondent.key, now())
        days = self._links.valid_for_days
        weeks = self._ret.evaluation.after_advice_weeks if case.closed_at is None else None

        def mail(language: Language) -> Mail:
            kernteamlid = respondent.kind is RespondentKind.KERNTEAMLID
            name = respondent.name if kernteamlid else text("evaluation.colleague", language)
            body = text(
                "evaluation.email.body_after_advice" if weeks else "evaluation.email.body",
                language,
                weeks=weeks,
                name=name,
                url=url,
                days=days,
                **words,
            )
            if family is not None:
                link, valid = family
                body += "\n\n" + text(
                    "evaluation.email.family_link", language, url=link, days=valid
                )
            prefix = text("evaluation.reminder", language) if reminder else ""
            return Mail(
                to=(),
                subject=text("evaluation.email.subject", language, reminder=prefix, **words),
                text=body + "\n\n" + text("email.signature", language, ret=self._ret.name),
            )

        return by_language(mail)

    async def send(self, notices: Sequence[Notice]) -> Outcomes:
        return await self._delivery.flush(notices)

    # Answers.

    async def answer(self, turn: Turn) -> None:
        """The evaluation card's submit."""
        number = turn.value.get(EVALUATION_KEY)
        if not isinstance(number, str):
            raise BadCardData("evaluation without a case number")
        await turn.send(await self._answer(turn, number, turn.language))

    async def _answer(self, turn: Turn, number: str, language: Language) -> str | dict:
        member = await turn.member()
        name = member.name if member else (turn.speaker.name or "verwijzer")
        sender = (turn.channel_id, turn.speaker.id, member, name)
        try:
            given = await answer_evaluation(
                self._evaluations, self._ret, number, sender, turn.value, turn.channel_id, now()
            )
        except LookupError:
            return text("evaluation.unknown", language)
        except NotAsked:
            return text("evaluation.not_asked", language)
        except AlreadyAnswered as earlier:
            return text(
                "evaluation.already",
                language,
                number=number,
                when=when(earlier.at, language),
                by=name,
            )
        except AnswerInvalid as invalid:
            case = await self._evaluations.get(number)
            kept = {k: v for k, v in turn.value.items() if isinstance(v, str)}
            initials = case.initials if case else "-"
            return evaluation_card(number, initials, language, values=kept, problem=invalid.problem)
        case = await self._evaluations.get(number)
        family = None  # the verwijzer keeps the family's link until the family answered
        if (
            given.kind is RespondentKind.VERWIJZER
            and case is not None
            and FAMILY_KEY not in await self._evaluations.answered(number)
        ):
            family = self._family_link(case)
        initials = case.initials if case else "-"
        await turn.replace_card(answered_card(number, initials, name, now(), language, family))
        return text("evaluation.thanks", language, number=number)

    # The voorzitter's overview and leerpunten.

    async def show(self, turn: Turn) -> None:
        """`evaluatie RET-2026-0003`: the case's evaluations together, in the voorzitter's
        own chat only."""
        language = turn.language
        words = turn.text.split()
        member = await turn.member()
        if not is_chair(member):
            await turn.send(text("evaluation.chair_only", language))
            return
        if not turn.personal:
            await turn.send(text("evaluation.personal_only", language))
            return
        if len(words) != 2:
            await turn.send(text("evaluation.usage", language))
            return
        number = words[1].upper()
        case = await self._evaluations.get(number)
        if case is None:
            await turn.send(text("evaluation.unknown", language))
            return
        evaluations = await self._evaluations.evaluations(
            number, member.name, turn.channel_id, now()
        )
        asked = None
        if await self._evaluations.asked_at(number) is not None:
            organisations = await self._evaluations.afspraak_organisations(number)
            answered = await self._evaluations.answered(number)
            asked = len(counted(respondents(case, organisations, self._ret), answered))
        cards = overview_cards(
            number,
            case.initials,
            asked,
            evaluations,
            await self._evaluations.leerpunten(number),
            self._ret.evaluation.themes,
            language,
            self._ret.organisations,
            await self._letters.sent_advice(number) if self._letters else (),
        )
        for card in cards:
            await turn.send(card)

    async def leerpunt(self, turn: Turn) -> None:
        """The leerpunt form's submit."""
        value, language = turn.value, turn.language
        number = value.get(LEERPUNT_KEY)
        if not isinstance(number, str):
            raise BadCardData("leerpunt without a case number")
        form = value.get(FORM_KEY)
        try:
            leerpunt = await record_leerpunt(
                self._evaluations,
                self._ret,
                await turn.member(),
                number,
                (value.get(THEME_INPUT), value.get(LEARNED_INPUT), value.get(WORKED_INPUT)),
                form if isinstance(form, str) else None,
                turn.channel_id,
                now(),
            )
        except NotAllowed:
            await turn.send(text("evaluation.chair_only", language))
            return
        except LookupError:
            await turn.send(text("evaluation.unknown", language))
            return
        except LeerpuntInvalid as invalid:
            if invalid.problem == "already":  # the same form again: by whom and when
                saved = [p for p in await self._evaluations.leerpunten(number) if p.form_id == form]
                at, by = (when(saved[0].at, language), saved[0].by) if saved else ("-", "-")
                words = {"when": at, "by": by}
                await turn.send(text("evaluation.leerpunt.already", language, **words))
                return
            key = f"evaluation.leerpunt.{invalid.problem}"
            if invalid.problem == "theme":
                key = "evaluation.leerpunt.theme_missing"
            await turn.send(text(key, language, max=TEXT_MAX))
            return
        await turn.send(
            text("evaluation.leerpunt.saved", language, number=number, theme=leerpunt.theme)
        )
