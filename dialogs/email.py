"""Conversations by email (the Bot Framework Email channel): a quick question is answered
from what the RET knows, like in Teams; asking to apply gets a personal link to the
aanmelding on retbot's own page, asking for one's cases a link to a page that lists them
(dialogs/email_apply.py); one retbot cannot answer goes to the voorzitter, whose answer
comes back by e-mail; the menu is pointed to Teams. Every answer is plain text; the channel
edge renders it as an email (bot/email_channel.py) and makes sure no card reaches a mailbox.

Email has no dialog turns: each email is answered on its own, and nothing is asked back.
"""

import re

from dialogs.cards.consult import chair_card
from dialogs.cards.menu import MenuChoice
from dialogs.clock import now
from dialogs.consult import answer_lines, asker_of, looks_like_a_question
from dialogs.delivery import Delivery
from dialogs.email_apply import EmailApply, work_address
from dialogs.texts import text
from dialogs.turn import Turn
from domain.consultations import ConsultationRepository, ask_chair, record_bot_answer
from domain.notices import arrived
from domain.people import chairs
from domain.quick_questions import Topic, understand
from domain.ret import RetConfig

# Asking to apply, and for what only a form in Teams does, in the words people use in an email.
APPLY_REQUEST = re.compile(
    r"\b(nieuwe aanmelding|aanmelding (doen|indienen|starten|maken)|wil\b.{0,40}\baanmelden)\b",
    re.IGNORECASE,
)
OWN_CASES = re.compile(r"\b(mijn casussen|overzicht van (mijn|onze) casussen)\b", re.IGNORECASE)
FORM_REQUEST = re.compile(r"\b(keuze)?menu\b", re.IGNORECASE)
# Where the sender's own words end: a quoted earlier email, a signature or a sign-off.
_QUOTE_OR_SIGNATURE = re.compile(
    r"^(>|--\s*$|_{5,}|-{5,}|(op|on) .{5,120} (schreef|wrote)\b|(van|from):\s"
    r"|(met )?(vriendelijke |hartelijke )?groet(en)?\b|mvg\b|(kind|best) regards\b)",
    re.IGNORECASE,
)


def own_words(body: str) -> str:
    """The email's text without the quoted email it answers and without the signature."""
    lines = []
    for line in body.splitlines():
        if _QUOTE_OR_SIGNATURE.match(line.strip()):
            break
        lines.append(line)
    return "\n".join(lines).strip()


class EmailConversation:
    def __init__(
        self,
        ret: RetConfig,
        consultations: ConsultationRepository,
        apply: EmailApply,
        delivery: Delivery,
    ) -> None:
        self._ret = ret
        self._consultations = consultations
        self._apply = apply
        self._delivery = delivery

    async def answer(self, turn: Turn, command: str | None) -> None:
        """`turn.text` is what the sender wrote; `command` a typed command it starts with.
        Nothing is said in the channel when the answer went by e-mail (a personal link)."""
        reply = await self._reply(turn, command)
        if reply is not None:
            await turn.send(reply)

    async def _reply(self, turn: Turn, command: str | None) -> str | None:
        ret, language = self._ret.name, turn.language
        written = own_words(turn.text)
        if not written:
            return text("email.empty", language)
        if command in ("help", MenuChoice.VRAAG.value):
            return text("email.help", language, ret=ret)
        applying = command == MenuChoice.AANMELDING.value or (
            command is None and APPLY_REQUEST.search(written)
        )
        address = work_address(turn.speaker.id)
        if applying and address is not None:
            return await self._apply.answer(address, language)
        own_cases = command == MenuChoice.CASUSSEN.value or (
            command is None and OWN_CASES.search(written)
        )
        if own_cases and address is not None:
            return await self._apply.cases(address, language)
        if command is not None or applying or FORM_REQUEST.search(written):
            return text("email.teams_only", language, ret=ret)
        question = " ".join(written.split())
        if not looks_like_a_question(question):
            return text("email.not_understood", language, ret=ret)
        answer = understand(question, self._ret)
        if answer.topic is Topic.UNKNOWN:
            return await self._to_chair(turn, question)
        lines, source = answer_lines(answer, self._ret, language)
        await record_bot_answer(
            self._consultations, question, asker_of(turn, None), answer.topic, now()
        )
        return "\n\n".join([*lines, source])

    async def _to_chair(self, turn: Turn, question: str) -> str:
        """A question retbot cannot answer goes to the voorzitter, as in Teams; their answer
        comes back in this e-mail conversation (bot/email_channel.py words it)."""
        _, notices = await ask_chair(
            self._consultations, question, asker_of(turn, None), now(), chair_card
        )
        outcomes = await self._delivery.flush(notices)
        chair = chairs(self._ret)[0]
        key = (
            "email.with_chair"
            if all(arrived(outcomes, n) for n in notices)
            else "email.chair_waits"
        )
        return text(key, turn.language, ret=self._ret.name, email=chair.email)
