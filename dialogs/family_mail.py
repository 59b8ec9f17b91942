"""The e-mail that brings the advies to a family that applied itself (zelf aanmelden), at the
address it verified with its code: a signed link to the document (every download audited),
never the document or its text; plain words with "je", and the case number only."""

from dialogs.texts import Language, text
from domain.mail import Mail
from domain.ret import RetConfig


def family_advies_mail(
    number: str, address: str, url: str, days: int, ret: RetConfig, language: Language
) -> Mail:
    words = {"number": number, "url": url, "days": days, "ret": ret.name}
    body = text("document.family_mail.body", language, **words)
    signed = body + "\n\n" + text("email.signature", language, ret=ret.name)
    return Mail((address,), text("document.family_mail.subject", language, **words), signed)
