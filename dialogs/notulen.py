"""Notulen after a RET meeting day: retbot drafts them and sends the procesondersteuner
the .docx (a signed download link) with *Goedkeuren* and *Corrigeren*. A corrected .docx
sent back in the personal chat is stored as the next version; a Teams transcript (.vtt)
sent the same way redrafts them with attendees and points from it. The approved version
goes to the RET members who attended: in Teams as a link, by email (a link too) to those
outside Teams. Only RET members get them: the notulen cover all cases of the day, so a
referrer or a family would read about other children.
"""

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from functools import partial
from typing import Protocol

from dialogs.cards import BadCardData
from dialogs.cards.notulen import APPROVE, CORRECT, NOTULEN_KEY, approved_card, draft_card
from dialogs.cards.recorded import recorded_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.document_mail import document_mail
from dialogs.moments import when
from dialogs.routes import Routes
from dialogs.texts import Language, plural_text, text
from dialogs.turn import Turn
from dialogs.uploads import Files, FileTooLarge, FileUnavailable, UploadedFile
from documents.house_style import HouseStyle
from documents.notulen import is_docx, long_date, notulen_docx
from documents.transcript import CaseMention, TranscriptProblem, read_transcript
from domain.cases import Case
from domain.documents import DOCX, DocumentKind, DocumentVersion
from domain.mail import Mail, MailAttachment
from domain.meetings import AMSTERDAM
from domain.notices import Chair, Notice, Outcome, RosterMember, by_language
from domain.notulen import (
    APPROVED,
    NotulenRepository,
    NotulenState,
    Transcript,
    draft_minutes,
    may_review,
    meeting_attendance,
)
from domain.ret import Member, RetConfig
from domain.roles import Role

log = logging.getLogger("retbot.notulen")
RECENT = timedelta(days=7)  # older meetings (from before retbot took notulen) get none
MEGABYTES = 10


class DocumentLinks(Protocol):
    """Signed, expiring links to the newest version of a document (made at the edge)."""

    valid_for_days: int

    def url(self, kind: str, subject: str, now: datetime) -> str: ...


class NotulenActions:
    def __init__(
        self,
        ret: RetConfig,
        notulen: NotulenRepository,
        delivery: Delivery,
        links: DocumentLinks,
        files: Files,
        style: HouseStyle,
    ) -> None:
        self._ret = ret
        self._notulen = notulen
        self._delivery = delivery
        self._links = links
        self._files = files
        self._style = style

    async def draft_due(self, at: datetime | None = None) -> list[date]:
        """The periodic job: notulen for every meeting day of the last week that is over
        and has none yet, each drafted once (also with several instances)."""
        at = at or now()
        since = (at.astimezone(AMSTERDAM) - RECENT).date()
        drafted = []
        for day in await self._notulen.meetings_ended(since, at):
            if not await self._notulen.claim(day, at):
                continue
            try:
                sent = await self._first_draft(day, at)
            except Exception:  # given back, so that the next run tries again
                log.exception("the notulen of a meeting day could not be drafted")
                await self._notulen.release(day)
                continue
            await self._delivery.flush(sent)
            drafted.append(day)
        return drafted

    async def _first_draft(self, day: date, at: datetime) -> list[Notice]:
        """The draft, stored with the cards that send it to the procesondersteuner."""
        cases = await self._cases_of(day)
        sent: list[Notice] = []

        def to_reviewers(version: DocumentVersion) -> list[Notice]:
            sent.extend(self._draft_notices(day, version, cases))
            return sent

        await self._redraft(day, None, "retbot", "retbot", "scheduler", at, to_reviewers)
        return sent

    def routes(self) -> Routes:
        return Routes(
            submits={NOTULEN_KEY: self.on_submit},
            files={"docx": self.on_docx, "vtt": self.on_transcript},
        )

    async def on_submit(self, turn: Turn) -> None:
        """*Goedkeuren* or *Corrigeren* on the draft card."""
        value, language = turn.value, turn.language
        member = await turn.member()
        if not may_review(member):
            await turn.send(text("notulen.not_reviewer", language))
            return
        day, version = _meeting_of(value)
        if value[NOTULEN_KEY] == CORRECT:
            await turn.send(text("notulen.correct.how", language))
        elif value[NOTULEN_KEY] == APPROVE:
            await self._approve(turn, member, day, version, language)
        else:
            raise BadCardData("unknown notulen action")

    async def on_docx(self, turn: Turn) -> None:
        """A corrected .docx: stored as the next version of the open notulen."""
        language = turn.language
        found = await self._upload(turn, language)
        if found is None:
            return
        member, day, data = found
        if not is_docx(data):
            await turn.send(text("notulen.not_docx", language))
            return
        numbers = [c.number for c in await self._cases_of(day)]
        filename = _filename(day, "correctie")
        channel = turn.channel_id
        version = await self._notulen.add_version(
            day, data, filename, member.name, now(), numbers, channel
        )
        stored = text("notulen.stored", language, version=version.version, day=long_date(day))
        await turn.send(stored)
        await self._send_card(turn, day, version, language)

    async def on_transcript(self, turn: Turn) -> None:
        """A Teams transcript: the open notulen are redrafted from it, as the next version.
        A transcript that cannot be read changes nothing, and says why."""
        language = turn.language
        found = await self._upload(turn, language)
        if found is None:
            return
        member, day, data = found
        cases = await self._cases_of(day)
        mentions = [CaseMention(c.number, c.initials) for c in cases]
        try:
            transcript = read_transcript(data, self._ret.members, mentions)
        except TranscriptProblem as problem:
            await turn.send(_problem_text(problem, language))
            return
        await self._notulen.save_transcript(day, transcript)
        channel = turn.channel_id
        version = await self._redraft(day, transcript, "transcript", member.name, channel, now())
        numbers = {c.number for c in cases}
        unplaced = sum(p.case_number not in numbers for p in transcript.points)
        words = {
            "present": len(transcript.present),
            "points": len(transcript.points),
            "unplaced": unplaced,
            "version": version.version,
        }
        await turn.send(text("notulen.transcript_used", language, **words))
        await self._send_card(turn, day, version, language)

    async def _upload(self, turn: Turn, language: Language) -> tuple[Member, date, bytes] | None:
        """Who sent it (a reviewer), the open notulen, and the file; None once the sender
        was told why not."""
        member = await turn.member()
        if not may_review(member):
            await turn.send(text("notulen.not_reviewer", language))
            return None
        state = await self._notulen.latest_concept()
        if state is None:
            await turn.send(text("notulen.none_open", language))
            return None
        upload: UploadedFile = turn.upload
        try:
            data = await self._files.fetch(upload.url)
        except FileTooLarge:
            await turn.send(text("notulen.too_large", language, megabytes=MEGABYTES))
            return None
        except FileUnavailable as unavailable:
            log.warning("a file sent for the notulen could not be fetched: %s", unavailable)
            await turn.send(text("notulen.fetch_failed", language))
            return None
        return member, state.meeting_date, data

    async def _approve(
        self,
        turn: Turn,
        member: Member,
        day: date,
        version: int,
        language: Language,
    ) -> None:
        state = await self._notulen.state(day)
        latest = await self._notulen.version(day)
        if state is None or latest is None:
            await turn.send(text("notulen.unknown_meeting", language))
            return
        day_text = long_date(day, language)
        if state.status == APPROVED:
            await turn.send(_already_approved(state, day_text, language))
            return
        if latest.version != version:
            message = text("notulen.newer", language, day=day_text, version=latest.version)
            await turn.send(message)
            await self._send_card(turn, day, latest, language)
            return
        numbers = [c.number for c in await self._cases_of(day)]
        channel = turn.channel_id
        notices = await self._distribution(latest, state.transcript)
        by, at = member.name, now()
        if not await self._notulen.approve(day, version, by, at, numbers, channel, notices):
            # Approved meanwhile (the same card on another device): say by whom and when.
            approved = await self._notulen.state(day)
            await turn.send(_already_approved(approved, day_text, language))
            return
        outcomes = Counter((await self._delivery.flush(notices)).values())
        words = {
            "day": day_text,
            "version": version,
            "teams": outcomes[Outcome.SENT],
            "email": outcomes[Outcome.EMAILED],
        }
        reply = text("notulen.approved", language, **words)
        if waiting := len(notices) - outcomes[Outcome.SENT] - outcomes[Outcome.EMAILED]:
            reply += " " + plural_text("notulen.approved_waiting", waiting, language)
        title = text("notulen.recorded.title", language, day=day_text)
        pairs = [(text("notulen.recorded.version", language), str(version))]
        await turn.replace_card(recorded_card(title, pairs, by, at, language))
        await turn.send(reply)

    async def _distribution(
        self, version: DocumentVersion, transcript: Transcript | None
    ) -> list[Notice]:
        """To the RET members present, as the notulen list them: a link in Teams, else by
        e-mail."""
        day = date.fromisoformat(version.subject)
        url = self._links.url(DocumentKind.NOTULEN.value, day.isoformat(), now())

        def card(language: Language) -> dict:
            day_text = long_date(day, language)
            message = text("notulen.to_attendee", language, day=day_text, version=version.version)
            return approved_card(message, url, language)

        approved = by_language(card)
        return [
            Notice(
                RosterMember(m.email),
                approved,
                email=by_language(partial(self._mail, m, version, day, url)),
            )
            for m in await self._attendees(day, transcript)
        ]

    async def _attendees(self, day: date, transcript: Transcript | None) -> list[Member]:
        present = await meeting_attendance(self._notulen, self._ret, day, transcript)
        names = {p.name for p in present.present}
        return [m for m in self._ret.members if m.name in names]

    def _mail(
        self, member: Member, version: DocumentVersion, day: date, url: str, language: Language
    ) -> Mail:
        words = {"day": long_date(day, language), "version": version.version}
        filename = f"Notulen-RET-overleg-{version.subject}.docx"
        return document_mail(
            self._ret,
            member.email,
            text("email.notulen.subject", language, **words),
            text("email.notulen.body", language, name=member.name, **words),
            MailAttachment(filename, DOCX, version.content),
            url,
            self._links.valid_for_days,
            language,
        )

    async def _redraft(
        self,
        day: date,
        transcript: Transcript | None,
        source: str,
        by: str,
        channel: str,
        at: datetime,
        notices: Callable[[DocumentVersion], Sequence[Notice]] = lambda version: (),
    ) -> DocumentVersion:
        minutes = await draft_minutes(self._notulen, self._ret, day, transcript, by, channel, at)
        numbers = [c.number for c in minutes.cases]
        content = notulen_docx(minutes, self._style)
        filename = _filename(day, source)
        return await self._notulen.add_version(
            day, content, filename, by, at, numbers, channel, notices
        )

    def _draft_notices(
        self, day: date, version: DocumentVersion, cases: Sequence[Case]
    ) -> list[Notice]:
        """The draft card for each procesondersteuner; without one on the roster, the
        voorzitter hears that the draft is ready."""
        card = by_language(partial(self._card, day, version, cases))
        reviewers = self._ret.members_with_role(Role.PROCESONDERSTEUNER)
        if not reviewers:
            told = by_language(
                lambda language: text("notulen.no_reviewer", language, day=long_date(day, language))
            )
            return [Notice(Chair(), told)]
        return [Notice(RosterMember(m.email), card) for m in reviewers]

    async def _send_card(
        self, turn: Turn, day: date, version: DocumentVersion, language: Language
    ) -> None:
        card = self._card(day, version, await self._cases_of(day), language)
        await turn.send(card)

    def _card(
        self, day: date, version: DocumentVersion, cases: Sequence[Case], language: Language
    ) -> dict:
        listed = ", ".join(f"{c.number} ({c.initials or '-'})" for c in cases)
        summary = plural_text("notulen.cases", len(cases), language, list=listed)
        url = self._links.url(DocumentKind.NOTULEN.value, day.isoformat(), now())
        return draft_card(
            long_date(day, language), day.isoformat(), version.version, summary, url, language
        )

    async def _cases_of(self, day: date) -> Sequence[Case]:
        bookings = await self._notulen.bookings_on(day)
        found = [await self._notulen.get(b.case_number) for b in bookings]
        return [case for case in found if case is not None]


def _filename(day: date, source: str) -> str:
    """What made the version, in its stored file name: retbot, transcript, correctie."""
    return f"notulen-{day.isoformat()}-{source}.docx"


def _meeting_of(value: dict) -> tuple[date, int]:
    try:
        return date.fromisoformat(str(value["meeting"])), int(value["version"])
    except (KeyError, TypeError, ValueError):
        raise BadCardData("a notulen card without its meeting") from None


def _problem_text(problem: TranscriptProblem, language: Language) -> str:
    where = text("notulen.transcript.where", language, line=problem.line) if problem.line else ""
    values = {"where": where} if problem.kind == "bad_cue" else {}
    reason = text(f"notulen.transcript.{problem.kind}", language, **values)
    return f"{reason} {text('notulen.transcript.kept', language)}"


def _already_approved(state: NotulenState, day_text: str, language: Language) -> str:
    at = when(state.approved_at, language) if state.approved_at else "-"
    words = {"day": day_text, "version": state.approved_version, "when": at}
    return text("notulen.already_approved", language, by=state.approved_by or "-", **words)
