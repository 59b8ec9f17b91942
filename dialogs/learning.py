"""What the voorzitter does with the leerpunten, from the evaluation overview in their own
chat (`evaluatie RET-2026-0003`):

- Advies aan de moederorganisatie: on a leerpunt, pick an organisation from the RET file and
  write the advice; retbot makes the letter (Word, house style, case number and initials
  only) and sends it to the organisation's contact by e-mail through the outbox (a signed
  download link, or the letter attached when the RET file allows), recorded on the case.
- Goed voorbeeld: retbot drafts an anonymised casusbeschrijving and gives it to the
  voorzitter alone; 'Goedkeuren' marks that version reviewed, and only then can it be had
  (a download link, `retbot document goed-voorbeeld`).
"""

import asyncio
from datetime import datetime
from typing import Protocol

from dialogs.advice_document import DocumentLinks
from dialogs.cards import BadCardData
from dialogs.cards.learning import (
    ADVICE_FORM,
    ADVICE_INPUT,
    ADVICE_KEY,
    LEERPUNT_ID,
    ORGANISATION_INPUT,
    PRACTICE_KEY,
    REVIEW_KEY,
    approved_card,
    draft_card,
)
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.document_mail import document_mail
from dialogs.moments import day, when
from dialogs.routes import Routes
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from dialogs.turn import Turn
from documents.goed_voorbeeld import build_good_practice, good_practice_filename
from documents.house_style import HouseStyle
from documents.organisatie_advies import build_letter, letter_filename
from domain.advice import Advice
from domain.documents import CASE_PART, DOCX, DocumentKind, DocumentVersion
from domain.evaluation import TEXT_MAX, Evaluation
from domain.good_practice import CONCEPT, GoodPractice, casusbeschrijving
from domain.mail import Mail, MailAttachment
from domain.meetings import AMSTERDAM
from domain.notices import EmailAddress, Notice, arrived
from domain.organisation_advice import (
    AdviceInvalid,
    OrganisationAdvice,
    OrganisationAdviceRepository,
    organisation_advice,
)
from domain.people import is_chair
from domain.ret import RetConfig
from domain.triage import NotAllowed


class Advices(Protocol):
    async def advice(self, number: str) -> Advice | None: ...


class LearningStore(OrganisationAdviceRepository, Protocol):
    """The letters, the goed voorbeeld and what its draft is made from (implemented by
    storage.learning.SqlLearningRepository)."""

    async def evaluations(
        self, number: str, reader: str, channel: str, at: datetime
    ) -> list[Evaluation]: ...

    async def mark_good_practice(
        self, number: str, by: str, at: datetime, letter: tuple[str, bytes], channel: str
    ) -> DocumentVersion: ...

    async def review_good_practice(
        self, number: str, version: int, by: str, at: datetime, channel: str
    ) -> GoodPractice | None: ...


def letter_mail(
    ret: RetConfig,
    advice: OrganisationAdvice,
    letter: MailAttachment,
    url: str,
    days: int,
    language: Language = DEFAULT_LANGUAGE,
) -> Mail:
    """The e-mail to the organisation's contact: case number and initials, the link to the
    letter (or the letter itself when the RET file allows), never the advice's text."""
    words = {
        "ret": ret.name,
        "number": advice.case.number,
        "initials": advice.case.initials,
        "organisation": advice.organisation.name,
    }
    contact = advice.organisation.contact
    return document_mail(
        ret,
        contact.email,
        text("learning.advice.email.subject", language, **words),
        text("learning.advice.email.intro", language, name=contact.name, **words),
        letter,
        url,
        days,
    )


class LearningActions:
    def __init__(
        self,
        ret: RetConfig,
        learning: LearningStore,
        advices: Advices,
        style: HouseStyle,
        links: DocumentLinks,
        delivery: Delivery,
    ) -> None:
        self._ret = ret
        self._learning = learning
        self._advices = advices
        self._style = style
        self._links = links
        self._delivery = delivery

    def routes(self) -> Routes:
        return Routes(
            submits={ADVICE_KEY: self.send_advice, PRACTICE_KEY: self.mark, REVIEW_KEY: self.review}
        )

    async def _chair(self, turn: Turn):
        """The voorzitter in their own chat, else None (and told why)."""
        member = await turn.member()
        if not is_chair(member):
            await turn.send(text("evaluation.chair_only", turn.language))
            return None
        if not turn.personal:
            await turn.send(text("evaluation.personal_only", turn.language))
            return None
        return member

    # Advies aan de moederorganisatie.

    async def send_advice(self, turn: Turn) -> None:
        value, language = turn.value, turn.language
        number = value.get(ADVICE_KEY)
        if not isinstance(number, str):
            raise BadCardData("advice to an organisation without a case number")
        if await self._chair(turn) is None:
            return
        at = now()
        try:
            advice = await organisation_advice(
                self._learning,
                self._ret,
                await turn.member(),
                number,
                (value.get(LEERPUNT_ID), value.get(ORGANISATION_INPUT), value.get(ADVICE_INPUT)),
                value.get(ADVICE_FORM),
                at,
            )
        except NotAllowed:
            await turn.send(text("evaluation.chair_only", language))
            return
        except LookupError:
            await turn.send(text("evaluation.unknown", language))
            return
        except AdviceInvalid as invalid:
            key = f"learning.advice.{invalid.problem}"
            if invalid.problem == "organisation":
                key = "learning.advice.organisation_missing"
            await turn.send(text(key, language, max=TEXT_MAX))
            return
        data = await asyncio.to_thread(build_letter, advice, self._ret.name, self._style)
        filename = letter_filename(advice)
        url = self._links.url(DocumentKind.BRIEF, advice.subject, at)
        mail = letter_mail(
            self._ret,
            advice,
            MailAttachment(filename, DOCX, data),
            url,
            self._links.valid_for_days,
        )
        notice = Notice(EmailAddress(), mail, key=f"brief:{advice.form_id[:40]}")
        if not await self._learning.record_advice(
            advice, (filename, data), [notice], turn.channel_id
        ):
            await turn.send(text("learning.advice.already", language))
            return
        outcomes = await self._delivery.flush([notice])
        contact = advice.organisation.contact
        await turn.send(
            text(
                "learning.advice.sent" if arrived(outcomes, notice) else "learning.advice.queued",
                language,
                contact=contact.name,
                function=contact.function or text("learning.advice.no_function", language),
                organisation=advice.organisation.name,
                number=number,
            )
        )

    # Goed voorbeeld.

    async def mark(self, turn: Turn) -> None:
        """'Goed voorbeeld' on the overview: draft the casusbeschrijving, for the voorzitter
        alone to read and approve."""
        number = turn.value.get(PRACTICE_KEY)
        if not isinstance(number, str):
            raise BadCardData("goed voorbeeld without a case number")
        member = await self._chair(turn)
        if member is None:
            return
        case = await self._learning.get(number)
        if case is None:
            await turn.send(text("evaluation.unknown", turn.language))
            return
        at = now()
        evaluations = await self._learning.evaluations(number, member.name, turn.channel_id, at)
        description = casusbeschrijving(
            self._ret,
            case,
            await self._advices.advice(number),
            evaluations,
            await self._learning.leerpunten(number),
            at.astimezone(AMSTERDAM).date(),
        )
        data = await asyncio.to_thread(build_good_practice, description, self._style)
        version = await self._learning.mark_good_practice(
            number, member.name, at, (good_practice_filename(number), data), turn.channel_id
        )
        url = self._links.url(DocumentKind.GOED_VOORBEELD, f"{number}{CASE_PART}{CONCEPT}", at)
        await turn.send(draft_card(number, version.version, url, turn.language))

    async def review(self, turn: Turn) -> None:
        """'Goedkeuren': that version is reviewed, and may leave."""
        value, language = turn.value, turn.language
        number, version = value.get(REVIEW_KEY), value.get("version")
        if not isinstance(number, str) or type(version) is not int:
            raise BadCardData("review without a case number and version")
        member = await self._chair(turn)
        if member is None:
            return
        at = now()
        practice = await self._learning.review_good_practice(
            number, version, member.name, at, turn.channel_id
        )
        if practice is None:
            await turn.send(text("learning.practice.unknown", language))
            return
        if practice.draft_version != version:
            words = {"number": number, "version": practice.draft_version}
            await turn.send(text("learning.practice.newer", language, **words))
            return
        if practice.reviewed_at != at:
            reviewed_on = day(practice.reviewed_at, language)
            words = {"number": number, "version": version, "date": reviewed_on}
            await turn.send(text("learning.practice.already", language, **words))
            return
        moment = when(at, language)
        await turn.replace_card(approved_card(number, version, member.name, moment, language))
        url = self._links.url(DocumentKind.GOED_VOORBEELD, number, at)
        words = {"number": number, "version": version, "url": url}
        await turn.send(
            text("learning.practice.approved", language, days=self._links.valid_for_days, **words)
        )
