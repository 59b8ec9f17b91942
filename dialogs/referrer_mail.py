"""E-mails to whoever applied and has no chat with retbot: a referrer who applied without
Teams and is known by their work address (dialogs/referrer_web.py files the case with the
Email channel and that address as the referrer), and a family that applied itself, at the
address it verified with its code (dialogs/self_apply.py). They get what a referrer in Teams
gets, as an e-mail the outbox sends at once (bot/outbox.py); a family in eenvoudig
Nederlands with "je" and the case number only. Like every e-mail from retbot: never names,
diagnoses or the voorzitter's free text, which may hold more than an e-mail may: a question
stays behind a signed link (bot/referrer_question_page.py), a reason with the voorzitter,
who contacts them.
"""

from datetime import datetime
from typing import Protocol

from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from domain.cases import Case, Referrer, family_address
from domain.mail import Mail, MailAttachment
from domain.people import chairs
from domain.ret import RetConfig
from domain.triage import Decision

EMAIL_CHANNEL = "email"


def by_email(referrer: Referrer) -> bool:
    """A referrer known by e-mail address (no Teams chat to post in)."""
    return referrer.channel_id == EMAIL_CHANNEL


def mail_address(case: Case) -> str | None:
    """Where retbot writes to whoever applied, when not in a chat: a referrer known by
    address, or the verified address of a family that applied itself."""
    return case.referrer.user_id if by_email(case.referrer) else family_address(case)


def _who(case: Case) -> str:
    """Whose wording: the family's (B1, case number only) or the referrer's."""
    return "gezin" if case.self_applied else "verwijzer"


class QuestionLinks(Protocol):
    """bot.links.QuestionLinks: to the page where the referrer answers the question."""

    @property
    def valid_for_days(self) -> int: ...

    def url(self, number: str, now: datetime) -> str: ...


def decision_mail(
    case: Case,
    decision: Decision,
    chair_name: str,
    ret: RetConfig,
    url: str,
    days: int,
    language: Language = DEFAULT_LANGUAGE,
) -> Mail:
    """The voorzitter's triage decision (not the RET-tafel: its invitation says it); for
    'meer informatie' with the link to the page that shows the question and takes the
    answer (`url`, valid `days`)."""
    words = {
        "number": case.number,
        "initials": case.initials or "-",
        "name": chair_name,
        "email": chairs(ret)[0].email,
        "url": url,
        "days": days,
    }
    return _mail(
        case,
        text(f"{_who(case)}.mail.decision.subject", language, **words),
        text(f"{_who(case)}.mail.{decision.value}", language, **words),
        ret,
        language,
    )


def invitation_mail(
    case: Case, words: dict, ics: bytes, ret: RetConfig, language: Language = DEFAULT_LANGUAGE
) -> Mail:
    """The invitation to the RET-tafel with the calendar file, and whom to tell when they
    cannot come (the voorzitter)."""
    moved = "_moved" if words.get("moved") else ""
    words = {
        **words,
        "number": case.number,
        "initials": case.initials or "-",
        "email": chairs(ret)[0].email,
    }
    return _mail(
        case,
        text(f"{_who(case)}.mail.invitation{moved}.subject", language, **words),
        text(f"{_who(case)}.mail.invitation{moved}.body", language, **words),
        ret,
        language,
        (MailAttachment(f"RET-overleg-{case.number}.ics", "text/calendar", ics),),
    )


def advies_mail(
    number: str,
    initials: str,
    address: str,
    url: str,
    days: int,
    ret: RetConfig,
    language: Language = DEFAULT_LANGUAGE,
) -> Mail:
    """The advies is ready: a signed link to the document (every download audited), never
    the document itself, which holds more than an e-mail may."""
    words = {"number": number, "initials": initials or "-", "url": url, "days": days}
    subject = text("verwijzer.mail.advies.subject", language, **words)
    body = text("verwijzer.mail.advies.body", language, **words)
    signed = body + "\n\n" + text("email.signature", language, ret=ret.name)
    return Mail((address,), subject, signed)


def closing_mail(
    case: Case, reason: str, ret: RetConfig, language: Language = DEFAULT_LANGUAGE
) -> Mail:
    """The case is closed, with the reason in a sentence (never the voorzitter's note)."""
    words = {"number": case.number, "initials": case.initials or "-", "reason": reason}
    return _mail(
        case,
        text(f"{_who(case)}.mail.closed.subject", language, **words),
        text(f"{_who(case)}.mail.closed.body", language, email=chairs(ret)[0].email, **words),
        ret,
        language,
    )


def follow_up_mail(
    number: str,
    initials: str,
    address: str,
    url: str,
    days: int,
    reminder: str,
    ret: RetConfig,
    language: Language = DEFAULT_LANGUAGE,
) -> Mail:
    """After the advice: how it is going now, answered on the follow-up page (the link)."""
    words = {"number": number, "initials": initials or "-", "ret": ret.name}
    subject = text("verwijzer.mail.follow_up.subject", language, reminder=reminder, **words)
    body = text("verwijzer.mail.follow_up.body", language, url=url, days=days, **words)
    signed = body + "\n\n" + text("email.signature", language, ret=ret.name)
    return Mail((address,), subject, signed)


def _mail(
    case: Case,
    subject: str,
    body: str,
    ret: RetConfig,
    language: Language,
    attachments: tuple = (),
) -> Mail:
    signed = body + "\n\n" + text("email.signature", language, ret=ret.name)
    return Mail((mail_address(case) or "",), subject, signed, attachments=attachments)
