"""The voorzitter closes a case from 'Mijn casussen'; the referrer hears of it."""

from dialogs.cards import BadCardData
from dialogs.cards.cases import CLOSE_KEY, close_note_id, close_reason_id
from dialogs.cards.recorded import recorded_card
from dialogs.clock import now
from dialogs.delivery import Delivery
from dialogs.evaluation import EvaluationActions
from dialogs.moments import when
from dialogs.referrer_mail import closing_mail, mail_address
from dialogs.routes import Routes
from dialogs.texts import Language, plural_text, status_label, text
from dialogs.turn import Turn
from domain.cases import Case
from domain.closing import EVENT_PREFIX, AlreadyClosed, NotYetClosable, ReasonMissing, close_case
from domain.notices import Localized, arrived, by_language
from domain.ret import RetConfig
from domain.triage import NotAllowed, TriageRepository
from domain.vocabularies import AFSLUITREDEN, term


def reason_in_a_sentence(code: str, language: Language) -> str:
    label = term(AFSLUITREDEN, code).label(language)
    return label[0].lower() + label[1:]


class ClosingActions:
    def __init__(
        self,
        cases: TriageRepository,
        delivery: Delivery,
        ret: RetConfig,
        evaluation: EvaluationActions | None = None,
    ) -> None:
        self._cases = cases
        self._delivery = delivery
        self._ret = ret
        self._evaluation = evaluation  # asks those who worked on the case to evaluate it

    def routes(self) -> Routes:
        return Routes(submits={CLOSE_KEY: self.close})

    async def close(self, turn: Turn) -> None:
        """The submit of a case's close form."""
        await turn.send(await self._close(turn, turn.value, turn.language))

    async def _evaluation_for(self, number: str):
        """Words the evaluation requests, with the case's afspraken read before it closes;
        none when they were asked some weeks after the advice already."""
        if self._evaluation is None or await self._evaluation.asked(number):
            return None
        evaluation = self._evaluation
        organisations = await evaluation.organisations(number)
        return lambda closed: evaluation.request_notices(closed, organisations)

    async def _already(self, case: Case, language: Language) -> str:
        """Closed before (from another device, or a second click): by whom and when."""
        events = await self._cases.events(case.number)
        closings = [e for e in events if e.kind.startswith(EVENT_PREFIX)]
        by, at = (closings[-1].actor, closings[-1].at) if closings else ("-", case.closed_at)
        moment = when(at, language) if at else "-"
        return text("closing.already", language, number=case.number, when=moment, by=by)

    def _referrer_mail(self, closed: Case, reason: str | None) -> Localized | None:
        """For a referrer known only by e-mail address, or a family that applied itself:
        the closing by e-mail."""
        if not mail_address(closed):
            return None
        return by_language(
            lambda language: closing_mail(
                closed, reason_in_a_sentence(reason, language), self._ret, language
            )
        )

    async def _close(self, turn: Turn, value: dict, language: Language) -> str:
        """The answer to show the voorzitter."""
        number = value.get(CLOSE_KEY)
        if not isinstance(number, str):
            raise BadCardData("close without a case number")
        reason, note = value.get(close_reason_id(number)), value.get(close_note_id(number))
        member = await turn.member()
        ask_evaluation = await self._evaluation_for(number)
        try:
            case, notices = await close_case(
                self._cases,
                number,
                member,
                reason if isinstance(reason, str) else None,
                note if isinstance(note, str) else None,
                turn.channel_id,
                now(),
                tell_referrer=lambda closed: by_language(
                    lambda language: text(
                        "referrer.closed",
                        language,
                        number=closed.number,
                        reason=reason_in_a_sentence(reason, language),
                    )
                ),
                ask_evaluation=ask_evaluation,
                mail_referrer=lambda closed: self._referrer_mail(closed, reason),
            )
        except NotAllowed:
            return text("closing.not_allowed", language)
        except LookupError:
            return text("triage.unknown", language)
        except AlreadyClosed as closed:
            return await self._already(closed.case, language)
        except NotYetClosable as early:
            return text(
                "closing.not_yet",
                language,
                number=number,
                status=status_label(early.case.status, language),
            )
        except ReasonMissing:
            return text("closing.reason_missing", language, number=number)
        told = arrived(await self._delivery.flush(notices), notices[0])
        await turn.replace_card(_closed_card(case, reason, member.name, language))
        key = "closing.done_family" if case.self_applied else "closing.done"
        reply = text(
            key if told else f"{key}_not_told",
            language,
            number=case.number,
            reason=reason_in_a_sentence(reason, language),
        )
        asked = len(notices) - 1  # after the referrer's: the evaluation requests
        if asked:
            reply += " " + plural_text("closing.evaluation_asked", asked, language, number=number)
        return reply


def _closed_card(case: Case, reason: str, by: str, language: Language) -> dict:
    """What takes the overview's place once the close form is sent: the closing, read-only."""
    title = text("closing.recorded", language, number=case.number, initials=case.initials or "-")
    label = term(AFSLUITREDEN, reason).label(language)
    pairs = [(text("closing.reason", language), label)]
    after = text("recorded.cases_after", language)
    return recorded_card(title, pairs, by, case.closed_at, language, after=after)
