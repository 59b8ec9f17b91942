"""The e-mail that asks an organisation's contact outside Teams (a gemeente, a GI) to
confirm its part of an advice: the signed link to the answer page, the case number and
initials only (never the advice's text, names or diagnoses)."""

from datetime import datetime
from typing import Protocol

from dialogs.texts import Language, text
from domain.cases import Case
from domain.mail import Mail
from domain.ret import OrganisationContact, RetConfig


class MandateLinks(Protocol):
    """Signed, expiring links to an organisation's mandate page (made at the edge)."""

    valid_for_days: int

    def url(self, number: str, organisation: str, now: datetime) -> str: ...


def mandate_mail(
    case: Case,
    organisation: str,
    contact: OrganisationContact,
    url: str,
    days: int,
    ret: RetConfig,
    language: Language,
) -> Mail:
    words = {
        "number": case.number,
        "initials": case.initials or "-",
        "org": organisation,
        "name": contact.name,
        "ret": ret.name,
        "url": url,
        "days": days,
    }
    body = text("advice.mail.body", language, **words)
    signed = body + "\n\n" + text("email.signature", language, ret=ret.name)
    return Mail((contact.email,), text("advice.mail.subject", language, **words), signed)
