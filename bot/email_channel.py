"""The Bot Framework Email channel: what arrives as plain text, and what goes out as an email
(a plain `text` with `channel_data` holding `subject` and `htmlBody`), never as a card.

Email clients show no Adaptive Cards and cannot click buttons. Every message the bot sends
in an email conversation, in a turn or proactively, passes `EmailRendering`: a card is
replaced by a pointer to Teams, suggested actions are dropped, and the text gets its HTML
twin. The email flows themselves (dialogs/email.py) answer in text only.
"""

import html
import re
from collections.abc import Awaitable, Callable
from html.parser import HTMLParser

from microsoft_agents.activity import Activity, ActivityTypes, Channels, ResourceResponse
from microsoft_agents.hosting.core import Middleware, TurnContext

from bot.commands import TYPED_COMMANDS
from dialogs.cards.menu import MenuChoice
from dialogs.texts import text

EMAIL_CHANNEL = Channels.email  # "email"
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_URL = re.compile(r"https?://[^\s<>\"]+")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<!\s)\*(?![\w*])")
_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)]+)\)")
# Menu choices as people type them in an email ("aanmelding", "mijn casussen", …).
EMAIL_COMMANDS = {
    **TYPED_COMMANDS,
    "aanmelding": MenuChoice.AANMELDING.value,
    "aanmelden": MenuChoice.AANMELDING.value,
    "nieuwe aanmelding": MenuChoice.AANMELDING.value,
    "casussen": MenuChoice.CASUSSEN.value,
    "mijn casussen": MenuChoice.CASUSSEN.value,
    "vraag": MenuChoice.VRAAG.value,
}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


def is_email(activity: Activity | None) -> bool:
    return activity is not None and activity.channel_id == EMAIL_CHANNEL


def plain(message: str) -> str:
    """The catalog's light Markdown (**bold**, *emphasis*, [links](url)) as plain text, for
    an e-mail and for the terminal chat."""
    linked = _LINK.sub(r"\1: \2", message)
    return _EMPHASIS.sub(r"\1", _BOLD.sub(r"\1", linked))


def html_body(message: str) -> str:
    """Simple, escaped HTML: paragraphs, line breaks, bold, and links that can be clicked."""
    paragraphs = [p for p in re.split(r"\n\s*\n", message.strip()) if p.strip()]
    rendered = []
    for paragraph in paragraphs:
        escaped = html.escape(paragraph, quote=True)
        escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
        escaped = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
        rendered.append("<p>" + escaped.replace("\n", "<br>\n") + "</p>")
    return "\n".join(rendered)


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def text_of_html(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _channel_data(activity: Activity) -> dict:
    return activity.channel_data if isinstance(activity.channel_data, dict) else {}


def inbound_text(activity: Activity) -> str:
    """What the sender wrote: the plain text, else the text of the HTML body, else the
    subject (an email with its question in the subject line only), else ''."""
    if isinstance(activity.text, str) and activity.text.strip():
        return activity.text.strip()
    body = _channel_data(activity).get("htmlBody")
    written = text_of_html(body) if isinstance(body, str) else ""
    return written or inbound_subject(activity) or ""


def email_command(body: str) -> str | None:
    """A command ('menu', 'help', 'aanmelding' …) when the email's first line is one."""
    first = next((line for line in body.splitlines() if line.strip()), "")
    return EMAIL_COMMANDS.get(first.strip().lower().rstrip(".!"))


def inbound_subject(activity: Activity) -> str | None:
    subject = _channel_data(activity).get("subject")
    return subject.strip() if isinstance(subject, str) and subject.strip() else None


def reply_subject(inbound: str | None, ret_name: str) -> str:
    if inbound is None:
        return text("email.subject", ret=ret_name)
    return inbound if inbound.lower().startswith(("re:", "antw:")) else f"RE: {inbound}"


def _is_card(attachment: object) -> bool:
    """Adaptive, hero, thumbnail … cards: whatever an email client cannot show."""
    return "card" in (getattr(attachment, "content_type", None) or "")


def as_email(activity: Activity, subject: str, ret_name: str) -> Activity:
    """The outgoing message as an email: text and HTML, no cards or buttons."""
    body = plain(activity.text or "")
    if any(_is_card(a) for a in activity.attachments or []):
        pointer = text("email.teams_only", ret=ret_name)
        body = f"{body}\n\n{pointer}" if body else pointer
    activity.attachments = [a for a in activity.attachments or [] if not _is_card(a)] or None
    activity.suggested_actions = None
    activity.text = body
    activity.text_format = "plain"
    channel_data = {**_channel_data(activity)}
    channel_data.setdefault("subject", subject)
    channel_data["htmlBody"] = html_body(activity.text or "")
    activity.channel_data = channel_data
    return activity


class EmailRendering(Middleware):
    """Renders every message sent in an email conversation for email."""

    def __init__(self, ret_name: str) -> None:
        self._ret_name = ret_name

    async def on_turn(
        self, context: TurnContext, logic: Callable[[TurnContext], Awaitable]
    ) -> None:
        if is_email(context.activity):
            subject = reply_subject(inbound_subject(context.activity), self._ret_name)

            async def render(
                _: TurnContext,
                activities: list[Activity],
                send: Callable[[], Awaitable[list[ResourceResponse]]],
            ) -> list[ResourceResponse]:
                for activity in activities:
                    if activity.type == ActivityTypes.message:
                        as_email(activity, subject, self._ret_name)
                return await send()

            context.on_send_activities(render)
        await logic(context)
