"""A case document by e-mail, for someone retbot cannot reach in Teams.

Plain e-mail is no place for free text about a child: the mail carries a signed, expiring
download link (every download is audited), and the document itself only when the RET file
allows it (`documents.attach_to_email`)."""

from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from domain.mail import Mail, MailAttachment
from domain.ret import RetConfig


def document_mail(
    ret: RetConfig,
    to: str,
    subject: str,
    intro: str,
    document: MailAttachment,
    url: str,
    days: int,
    language: Language = DEFAULT_LANGUAGE,
) -> Mail:
    """`intro` says which document it is (case number and initials at most); the link or,
    when allowed, the attachment and the signature follow."""
    if ret.documents.attach_to_email:
        how, attachments = text("email.document.attached", language), (document,)
    else:
        how, attachments = text("email.document.link", language, url=url, days=days), ()
    body = "\n\n".join((intro, how, text("email.signature", language, ret=ret.name)))
    return Mail(to=(to,), subject=subject, text=body, attachments=attachments)
