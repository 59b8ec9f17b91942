"""The advies as a Word document: a new version after the advice is issued and after every
mandate answer, sent when it is issued and again when every organisation confirmed.

It is built by a job (domain.advice.document_job) that the change stores with itself, and
the outbox runs after the user's turn: a mandate answer gets its card back at once. The
version and the messages that send it are stored together, and the job is finished in
that same transaction, so a version is never made or sent twice.

Where it goes: to everyone on the advies's own verzendlijst (domain.advice_sheet
.distribution), so the list the readers see is the list it is sent to: the referrer (in
Teams through file consent, elsewhere a download link; their message asks them to pass it
on to the family), or a family that applied itself (a link by e-mail, never the text), the
voorzitter in their own chat, the kernteamleden of each organisation with an afspraak and
the other RET members who were present, in Teams a link, else by e-mail, and the contact of
an organisation outside the kernteam with an afspraak, by e-mail: the link too, the
document itself only when the RET file allows it (dialogs/document_mail.py).
"""

import asyncio
from datetime import datetime
from functools import partial
from typing import Protocol

from dialogs.cards.documents import file_consent_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.document_mail import document_mail
from dialogs.family_mail import family_advies_mail
from dialogs.referrer_mail import advies_mail, by_email
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from documents.advies import advies_filename, build_advies
from documents.house_style import HouseStyle
from domain.advice import AdviceRepository, Mandate, mandates_of_job
from domain.advice_sheet import AdviceSheet, Recipient, Route, advice_sheet
from domain.booking import Booking
from domain.cases import Referrer
from domain.documents import DOCX, DocumentKind, DocumentRepository, DocumentVersion
from domain.mail import Mail, MailAttachment
from domain.notices import (
    Chair,
    ChairPlace,
    Chat,
    EmailAddress,
    JobRun,
    Localized,
    Notice,
    RosterMember,
    by_language,
)
from domain.people import find_member
from domain.ret import RetConfig
from domain.roles import Role

TEAMS = "msteams"


class DocumentLinks(Protocol):
    """Signed, expiring links to the newest version of a document (made at the edge)."""

    valid_for_days: int

    def url(self, kind: str, subject: str, now: datetime) -> str: ...


class Bookings(Protocol):
    async def booking_of(self, number: str) -> Booking | None: ...


class AdviesSheets:
    """What an advies says, from what is recorded: for the job, and for demo data."""

    def __init__(self, ret: RetConfig, advice: AdviceRepository, bookings: Bookings) -> None:
        self._ret = ret
        self._advice = advice
        self._bookings = bookings

    async def sheet(
        self,
        number: str,
        mandates: dict[str, Mandate] | None = None,
        at: datetime | None = None,
    ) -> AdviceSheet:
        """The advies with `mandates`, or with the answers as they are now, as of `at`."""
        case = await self._advice.get(number)
        advice = await self._advice.advice(number)
        if case is None or advice is None:
            raise LookupError(number)
        if mandates is None:
            mandates = await self._advice.mandates(number)
        booking = await self._bookings.booking_of(number)
        return advice_sheet(self._ret, case, advice, mandates, booking, at or now())


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
        self._sheets = AdviesSheets(ret, advice, bookings)
        self._store = store
        self._style = style
        self._links = links
        self._delivery = delivery

    async def run(self, job: JobRun) -> None:
        """The job: builds the advies from what is recorded now, stores it as the next
        version (with the messages that send it, when it is to be published) and finishes
        the job in the same transaction; then sends them."""
        number, by, channel = job.params["case"], job.params["by"], job.params["channel"]
        sheet = await self._sheets.sheet(number, mandates_of_job(job.params))
        referrer = (await self._advice.get(number)).referrer
        sent: list[Notice] = []

        async def content(version: int) -> bytes:
            # Off the event loop: a build takes tens of milliseconds turns should not wait.
            return await asyncio.to_thread(build_advies, sheet, self._style, version)

        def publication(version: DocumentVersion) -> list[Notice]:
            if job.params["publish"]:
                sent.extend(self._publication(sheet, version, channel, referrer))
            return sent

        await self._store.add(
            DocumentKind.ADVIES,
            number,
            advies_filename(sheet),
            content,
            by,
            channel,
            now(),
            notices=publication,
            job=job,
        )
        await self._delivery.flush(sent)

    def _publication(
        self, sheet: AdviceSheet, version: DocumentVersion, channel: str, referrer: Referrer
    ) -> list[Notice]:
        """To everyone on the advies's verzendlijst (sheet.distribution), and no one else.
        In Teams the referrer is asked to take the file (file consent: a decline gets the
        link), and so is the voorzitter who issued it there; elsewhere they get the link;
        RET members get the link in their chat, else by e-mail."""
        words = {
            "number": sheet.case_number,
            "initials": sheet.initials,
            "url": self._links.url(DocumentKind.ADVIES, sheet.case_number, now()),
            "days": self._links.valid_for_days,
            "version": version.version,
        }

        def consent_card(key: str) -> Localized:
            return by_language(
                lambda language: file_consent_card(version, text(key, language, **words))
            )

        consent = consent_card("document.advies_consent")
        to_pass_on = consent_card("document.advies_consent_referrer")
        notices = []
        for person in sheet.distribution:
            if person.route is Route.VIA_REFERRER:
                continue  # the referrer's own message asks them to pass it on
            if person.route is Route.FAMILY:
                mail = family_advies_mail(
                    sheet.case_number,
                    person.email,
                    words["url"],
                    words["days"],
                    self._ret,
                    DEFAULT_LANGUAGE,
                )
                notices.append(Notice(EmailAddress(), mail))
            elif person.route is Route.REFERRER:
                for_referrer = (
                    to_pass_on
                    if referrer.channel_id == TEAMS
                    else by_language(partial(text, "document.advies_ready_referrer", **words))
                )
                to_referrer = Chat(referrer.channel_id, referrer.user_id)
                mail = self._referrer_mail(sheet, referrer, words)
                notices.append(Notice(to_referrer, for_referrer, email=mail))
            elif person.route is Route.CHAIR:
                for_chair = (
                    consent
                    if channel == TEAMS
                    else by_language(partial(text, "document.advies_ready_chair", **words))
                )
                notices.append(Notice(Chair(ChairPlace.PRIVATE), for_chair))
            elif person.route is Route.CONTACT:
                mail = self._mail(sheet, version, person, words["url"], DEFAULT_LANGUAGE)
                notices.append(Notice(EmailAddress(), mail))
            elif person.email:
                mail = by_language(partial(self._mail, sheet, version, person, words["url"]))
                ready = self._member_ready(sheet, person.email, words)
                notices.append(Notice(RosterMember(person.email), ready, email=mail))
        return notices

    def _member_ready(self, sheet: AdviceSheet, email: str, words: dict) -> Localized:
        """The link; for a kernteamlid whose organisation has an afspraak and has not
        answered for it yet, also that the voorzitter asks them to confirm the mandate."""
        member = find_member(self._ret, None, email)
        asked = (
            member is not None
            and member.role is Role.KERNTEAMLID
            and member.organisation in sheet.advice.organisations
            and member.organisation not in sheet.mandates
        )

        def said(language: Language) -> str:
            ready = text("document.advies_ready_member", language, **words)
            if not asked:
                return ready
            nudge = text("document.confirm_mandate", language, org=member.organisation)
            return f"{ready} {nudge}"

        return by_language(said)

    def _referrer_mail(
        self, sheet: AdviceSheet, referrer: Referrer, words: dict
    ) -> Localized | None:
        """For a referrer known only by e-mail address: the link, by e-mail at once."""
        if not by_email(referrer):
            return None
        return by_language(
            partial(
                advies_mail,
                sheet.case_number,
                sheet.initials,
                referrer.user_id,
                words["url"],
                words["days"],
                self._ret,
            )
        )

    def _mail(
        self,
        sheet: AdviceSheet,
        version: DocumentVersion,
        person: Recipient,
        url: str,
        language: Language,
    ) -> Mail:
        """For a RET member outside Teams; the mail carries the case number and initials."""
        words = {"number": sheet.case_number, "initials": sheet.initials}
        body = (
            "email.advies.body"
            if person.organisation in sheet.advice.organisations
            else "email.advies.body_attendee"
        )
        return document_mail(
            self._ret,
            person.email,
            text("email.advies.subject", language, **words),
            text(body, language, name=person.name, org=person.organisation, **words),
            MailAttachment(version.filename, DOCX, version.content),
            url,
            self._links.valid_for_days,
            language,
        )
