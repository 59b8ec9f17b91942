"""Messages a change causes, stored in the same transaction as the change (the outbox).

A use case decides what changes and who hears of it; storage writes both at once, so a
message is never lost when sending fails or the process stops, and never sent for a change
that did not happen. Who receives a notice is said in the RET's terms (the voorzitter, a
member of the roster, someone's own chat, an e-mail address); the outbox finds the way to
them when it sends, so a person who has not opened retbot yet is reached the moment they
do, or by e-mail after the RET's delay.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from domain.mail import Mail

LANGUAGES = ("nl", "en")  # the languages retbot speaks (dialogs.texts.catalog.Language)
DEFAULT_LANGUAGE = "nl"  # the RET's language
Message = str | dict | Mail


@dataclass(frozen=True)
class Localized:
    """A message worded in every language retbot speaks: the outbox sends the one in the
    recipient's own language (their choice, else their Teams locale, else the RET's)."""

    messages: dict[str, Message]

    def in_language(self, language: str) -> Message:
        return self.messages.get(language) or self.messages[DEFAULT_LANGUAGE]


def by_language(build: Callable[[str], Message]) -> Localized:
    """The message `build` words for each language, built when the notice is made (the
    case may have changed by the time it is sent)."""
    return Localized({language: build(language) for language in LANGUAGES})


def in_language(message: "Message | Localized", language: str) -> Message:
    return message.in_language(language) if isinstance(message, Localized) else message


@dataclass(frozen=True)
class Chat:
    """Someone's own chat with the bot, by the ids their messages carry (a referrer)."""

    channel_id: str
    user_id: str


@dataclass(frozen=True)
class RosterMember:
    """Someone on the RET's roster, by the e-mail address the RET file gives: their chat
    with retbot once they have one, else an e-mail to that address."""

    email: str


class ChairPlace(StrEnum):
    TEAM = "team"  # where the voorzitter works: the RET's team channel, else their own chat
    PRIVATE = "private"  # only the voorzitter's own chat (a reason, a link to answer with)


@dataclass(frozen=True)
class Chair:
    """The voorzitter, else a stand-in (plaatsvervanger)."""

    place: ChairPlace = ChairPlace.TEAM


@dataclass(frozen=True)
class EmailAddress:
    """An e-mail, to the addresses of its Mail (someone outside Teams)."""


@dataclass(frozen=True)
class Job:
    """Work that a change leaves for retbot to do after the user's turn (a Word document to
    build and send): stored with the change and run by the outbox, once, like a message."""

    kind: str


@dataclass(frozen=True)
class JobRun:
    """A claimed job as its handler gets it. The handler finishes it in the transaction
    that stores its result (storage.outbox.finish_job), so it is never done twice."""

    id: int
    claim: str
    params: dict


Recipient = Chat | RosterMember | Chair | EmailAddress | Job


def new_key() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Notice:
    """One message to one recipient.

    `message` (and `email`) may be `Localized`, worded in every language: the recipient
    gets theirs. A message worded in one language goes as it is.

    `email` is what goes by e-mail when a roster member or the voorzitter cannot be reached
    in Teams (its `to` is filled in then); without it they get a short e-mail that a
    message waits for them in Teams, never the message itself (it may hold more than an
    e-mail may). `urgent`: for the voorzitter, that e-mail goes at once, to the voorzitter
    and the stand-ins, instead of after the RET's delay. `key` is unique per notice: the
    same notice stored twice (a retried use case) is kept once.
    """

    to: Recipient
    message: Message | Localized
    email: Mail | Localized | None = None
    urgent: bool = False
    key: str = field(default_factory=new_key)

    def __post_init__(self) -> None:
        if isinstance(self.to, EmailAddress) and not all(
            isinstance(m, Mail) and any(a.strip() for a in m.to) for m in _versions(self.message)
        ):
            raise ValueError("an e-mail notice needs a Mail with a recipient")


def _versions(message: Message | Localized) -> list[Message]:
    return list(message.messages.values()) if isinstance(message, Localized) else [message]


def keyed(notices: list[Notice], prefix: str) -> list[Notice]:
    """The notices with keys derived from `prefix` (e.g. a draft's id), so a use case run
    twice for the same thing stores its notices once."""
    return [
        Notice(n.to, n.message, n.email, n.urgent, f"{prefix}:{index}")
        for index, n in enumerate(notices)
    ]


class Outcome(StrEnum):
    """What became of a notice when it was sent right after its change."""

    SENT = "sent"  # delivered in Teams (or the chat it was for)
    EMAILED = "emailed"  # went out by e-mail
    WAITING = "waiting"  # nobody to reach yet: kept until they open retbot, or e-mailed later
    RETRYING = "retrying"  # this attempt failed: retried with a growing pause
    FAILED = "failed"  # refused for good (the bot was removed, the address refused)

    @property
    def arrived(self) -> bool:
        return self in (Outcome.SENT, Outcome.EMAILED)


Outcomes = dict[str, Outcome]
"""By notice key."""


def arrived(outcomes: Outcomes, notice: Notice) -> bool:
    found = outcomes.get(notice.key)
    return found is not None and found.arrived
