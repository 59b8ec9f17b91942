"""The advies as a Word document: a new version after the advice is issued and after every
mandate answer, sent when it is issued and again when every organisation confirmed.

Where it goes: a download link to the referrer and the voorzitter in their own chat and to
the kernteamleden of each organisation with an afspraak who are in Teams; by email (through
the outbox) to those kernteamleden whom retbot cannot reach in Teams, as the link too (see
dialogs/document_mail.py).
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from dialogs.cards.documents import file_consent_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.document_mail import document_mail
from dialogs.texts import text
from documents.advies import advies_filename, build_advies
from documents.house_style import HouseStyle
from domain.advice import AdviceRepository
from domain.advice_sheet import AdviceSheet, advice_sheet
from domain.booking import Booking
from domain.documents import DOCX, DocumentKind, DocumentRepository, DocumentVersion
from domain.mail import Mail, MailAttachment
from domain.ret import Member, RetConfig
from domain.roles import Role

log = logging.getLogger("retbot.documents")
TEAMS = "msteams"


@dataclass(frozen=True)
class Published:
    """A new version as it was sent; for the voorzitter in the turn, the link line (other
    channels) and the file consent card (Teams)."""

    version: DocumentVersion
    chair_line: str
    consent_card: dict


class DocumentLinks(Protocol):
    """Signed, expiring links to the newest version of a document (made at the edge)."""

    valid_for_days: int

    def url(self, kind: str, subject: str, now: datetime) -> str: ...


class Bookings(Protocol):
    async def booking_of(self, number: str) -> Booking | None: ...


class AdviceDocuments:
    def __init__(
        self,
        ret: RetConfig,
        advice: AdviceRepository,
        bookings: Bookings,
        store: DocumentRepository,
        style: HouseStyle,
        links: DocumentLinks,
        delivery: Delivery,
    ) -> None:
        self._ret = ret
        self._advice = advice
        self._bookings = bookings
        self._store = store
        self._style = style
        self._links = links
        self._delivery = delivery

    async def new_version(self, number: str, by: str, channel: str) -> DocumentVersion:
        """Builds the advies from what is recorded now and stores it as the next version."""
        sheet = await self._sheet(number)
        content = build_advies(sheet, self._style)
        return await self._store.add(
            DocumentKind.ADVIES, number, advies_filename(sheet), content, by, channel, now()
        )

    async def publish(
        self, number: str, by: str, channel: str, chair_in_turn: bool = False
    ) -> Published:
        """A new version, sent to everyone who receives the advice. The voorzitter gets the
        link in their own chat, unless they are talking to retbot now (`chair_in_turn`: the
        flow's reply carries what Published holds)."""
        version = await self.new_version(number, by, channel)
        sheet = await self._sheet(number)
        words = {
            "number": sheet.case_number,
            "initials": sheet.initials,
            "url": self._links.url(DocumentKind.ADVIES, sheet.case_number, now()),
            "days": self._links.valid_for_days,
            "version": version.version,
        }
        consent = file_consent_card(version, text("document.advies_consent", **words))
        await self._deliver(sheet, version, words, consent)
        chair_line = text("document.advies_ready_chair", **words)
        if not chair_in_turn:
            await self._delivery.to_chair_privately(chair_line)
        return Published(version, chair_line, consent)

    async def _sheet(self, number: str) -> AdviceSheet:
        case = await self._advice.get(number)
        advice = await self._advice.advice(number)
        if case is None or advice is None:
            raise LookupError(number)
        mandates = await self._advice.mandates(number)
        booking = await self._bookings.booking_of(number)
        return advice_sheet(self._ret, case, advice, mandates, booking, now())

    async def _deliver(
        self, sheet: AdviceSheet, version: DocumentVersion, words: dict, consent: dict
    ) -> None:
        """In Teams the referrer is asked to take the file (file consent: a decline gets the
        link); elsewhere they get the link."""
        referrer = (await self._advice.get(sheet.case_number)).referrer
        message = (
            consent
            if referrer.channel_id == TEAMS
            else text("document.advies_ready_referrer", **words)
        )
        await self._delivery.to_user(referrer.channel_id, referrer.user_id, message)
        for member in self._ret.members_with_role(Role.KERNTEAMLID):
            if member.organisation not in sheet.advice.organisations:
                continue
            if await self._delivery.to_roster_member(
                member, text("document.advies_ready_member", **words)
            ):
                continue
            if self._delivery.sends_email:
                await self._delivery.to_email(self._mail(sheet, version, member, words["url"]))
            else:
                log.info("a kernteamlid outside Teams got no advies: no SMTP server")

    def _mail(self, sheet: AdviceSheet, version: DocumentVersion, member: Member, url: str) -> Mail:
        """For a kernteamlid outside Teams; the mail carries the case number and initials."""
        words = {"number": sheet.case_number, "initials": sheet.initials}
        return document_mail(
            self._ret,
            member.email,
            text("email.advies.subject", **words),
            text("email.advies.body", name=member.name, org=member.organisation, **words),
            MailAttachment(version.filename, DOCX, version.content),
            url,
            self._links.valid_for_days,
        )
