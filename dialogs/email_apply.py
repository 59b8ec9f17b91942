"""Applying without Teams: a referrer who asks the RET's mailbox to apply gets a personal,
signed link to the aanmelding on retbot's own page (dialogs/referrer_web.py), mailed to the
address the e-mail came from, so only whoever reads that mailbox can use it; one who asks
for their cases gets the link to their page 'Mijn casussen' (bot/referrer_cases_page.py).

Links are counted per address and day (domain.verification.LINKS_PER_ADDRESS_PER_DAY) in
the same transaction that stores the e-mail carrying the link (the outbox): a From line
someone else typed cannot make retbot flood an inbox. Without an SMTP server the link
comes back as the answer in the Email channel itself (still counted).
"""

from datetime import datetime
from typing import Protocol

from email_validator import EmailNotValidError, validate_email

from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.texts import Language, text
from domain.mail import Mail
from domain.notices import EmailAddress, Notice
from domain.ret import RetConfig
from domain.verification import LINKS_PER_ADDRESS_PER_DAY, LinkQuota


class ApplyLinks(Protocol):
    """bot.links.ReferrerApplyLinks"""

    @property
    def valid_for_days(self) -> int: ...

    def url(self, email: str, now: datetime) -> str: ...


def work_address(sender: str) -> str | None:
    """The sender's address as the Email channel gives it, cleaned; None when it is none."""
    try:
        return validate_email(sender.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


class EmailApply:
    def __init__(
        self,
        ret: RetConfig,
        links: ApplyLinks,
        quota: LinkQuota,
        delivery: Delivery,
        cases_links: ApplyLinks,
    ) -> None:
        self._ret = ret
        self._links = links
        self._quota = quota
        self._delivery = delivery
        self._cases_links = cases_links

    async def answer(self, address: str, language: Language) -> str | None:
        """Mails the link to apply to `address` (None: nothing more to say in the
        channel), or the text to answer with: the link itself without SMTP, or why there
        is none today."""
        return await self._send(address, language, self._links, "verwijzer.link_mail")

    async def mail_only(self, address: str, language: Language) -> bool:
        """For the web form, where anyone can type any address: the link only ever goes
        by e-mail to it, never onto the page; False when no e-mail can go (no SMTP). Over
        the day's limit nothing is sent, and the form says the same as when it was."""
        if not self._delivery.sends_email:
            return False
        await self.answer(address, language)
        return True

    async def cases(self, address: str, language: Language) -> str | None:
        """The same for the link to the page 'Mijn casussen' (counted with the others)."""
        return await self._send(address, language, self._cases_links, "verwijzer.cases_mail")

    async def _send(
        self, address: str, language: Language, links: ApplyLinks, wording: str
    ) -> str | None:
        moment = now()
        url = links.url(address, moment)
        words = {
            "ret": self._ret.name,
            "url": url,
            "days": links.valid_for_days,
            "email": address,
        }
        body = text(f"{wording}.body", language, **words)
        mailing = self._delivery.sends_email

        def mail() -> list[Notice]:
            if not mailing:
                return []
            subject = text(f"{wording}.subject", language, **words)
            signed = body + "\n\n" + text("email.signature", language, ret=self._ret.name)
            message = Mail((address,), subject, signed)
            return [Notice(EmailAddress(), message)]

        notices = await self._quota.issue(address, moment, mail)
        if notices is None:
            limit = LINKS_PER_ADDRESS_PER_DAY
            return text("verwijzer.too_many_links", language, limit=limit, ret=self._ret.name)
        if not mailing:
            return body
        await self._delivery.flush(notices)
        return None
