"""The one activity handler: welcome, commands, menu, dialogs, and a friendly fallback.

Card submits and `Action.Execute` verbs reach their flow through two declared tables
(`_submits`, `_card_actions`): a new flow adds its rows there, not another branch here.
"""

from collections.abc import Awaitable, Callable

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnStatus
from botbuilder.schema import ChannelAccount

from bot.commands import command_of, typed_text
from bot.email_channel import email_command, inbound_text, is_email
from bot.invoke_responses import CARD_ACTION_INVOKE, card_outcome, invoke_error
from dialogs.activity_facts import is_personal
from dialogs.advice import AdviceActions
from dialogs.booking import BookingActions
from dialogs.cards import BadCardData, card_activity
from dialogs.cards.advice import ADVICE_KEY, ADVICE_OPEN_KEY, VERB_CONFIRM, VERB_DECLINE
from dialogs.cards.case_pages import PAGE_KEY, page_request
from dialogs.cards.cases import CLOSE_KEY, CONSENT_KEY, cases_card
from dialogs.cards.consult import ASK_CHAIR
from dialogs.cards.follow_up import ESCALATE_KEY, FOLLOW_UP_KEY
from dialogs.cards.intake import INTAKE_KEY, discard_card
from dialogs.cards.meeting import ATTEND_KEY, FAMILY_KEY, PREP_KEY
from dialogs.cards.menu import MenuChoice, menu_card
from dialogs.cards.notulen import NOTULEN_KEY
from dialogs.cards.reports import REPORT_KEY, REPORT_OPEN_KEY
from dialogs.cards.signals import SIGNAL_KEY
from dialogs.cards.triage import CASE_INFO_KEY
from dialogs.clock import now
from dialogs.closing import ClosingActions
from dialogs.consult import DECISIONS as CONSULT_VERBS
from dialogs.consult import AskQuestionDialog, ChairActions, looks_like_a_question
from dialogs.delivery import Delivery
from dialogs.email import EmailConversation
from dialogs.file_consent import FileConsent
from dialogs.follow_up import FollowUpActions
from dialogs.intake import IntakeDialog, referrer_of
from dialogs.language import LanguageDialog
from dialogs.meeting_prep import MeetingPrepActions
from dialogs.members import MemberLookup
from dialogs.notulen import NotulenActions
from dialogs.reports import ReportActions
from dialogs.self_apply import SelfApplyConversation, is_self_apply_channel
from dialogs.signals import SignalActions
from dialogs.submission import RequestSubmission
from dialogs.texts import DEFAULT_LANGUAGE, Language, text
from dialogs.triage import VERBS as TRIAGE_VERBS
from dialogs.triage import TriageActions
from dialogs.uploads import uploaded_file
from domain.advice import AdviceRepository
from domain.cases import TEAM_VIEW_ROLES, CaseStatus, visible_page
from domain.closing import may_close
from domain.consultations import ConsultationRepository
from domain.people import is_chair
from domain.report import may_report
from domain.ret import RetConfig
from domain.triage import TriageRepository
from domain.verification import VerificationCodes
from storage.bot_state import DatabaseConversationState, DatabaseUserState, load_states

FILE_CONSENT_INVOKE = "fileConsent/invoke"
WEBCHAT_JOIN = "webchat/join"  # the event bot/static/aanmelden.js sends on connecting

SubmitHandler = Callable[[TurnContext, dict, Language], Awaitable[None]]
"""Handles a card submit (a message whose value carries the route's key)."""
FileHandler = Callable[[TurnContext, Language], Awaitable[None]]
"""Handles a file sent in a Teams personal chat (dialogs.uploads), by its kind."""
CardAction = Callable[[TurnContext, str, dict], Awaitable[dict | str]]
"""Handles an Action.Execute verb: the card that replaces the clicked one, or a message."""
InvokeHandler = Callable[[TurnContext], Awaitable[InvokeResponse]]
"""Handles one kind of invoke activity (by its name)."""


class RetBot(ActivityHandler):
    def __init__(
        self,
        ret: RetConfig,
        conversation_state: DatabaseConversationState,
        user_state: DatabaseUserState,
        consultations: ConsultationRepository,
        cases: TriageRepository,
        delivery: Delivery,
        advice: AdviceRepository,
        members: MemberLookup,
        follow_up: FollowUpActions,
        booking: BookingActions,
        file_consent: FileConsent,
        notulen: NotulenActions,
        signals: SignalActions,
        reports: ReportActions,
        meeting_prep: MeetingPrepActions,
        verification: VerificationCodes,
    ) -> None:
        self._ret = ret
        self._members = members
        self._conversation_state = conversation_state
        self._user_state = user_state
        self._language = user_state.create_property("language")
        organisation = user_state.create_property("organisation")
        self._dialogs = DialogSet(conversation_state.create_property("dialog_state"))
        self._dialogs.add(LanguageDialog(self._language))
        self._dialogs.add(
            AskQuestionDialog(ret, consultations, delivery, self._language, organisation)
        )
        self._cases = cases
        self._intake_draft = user_state.create_property("intake_draft")
        submission = RequestSubmission(ret, cases, delivery)
        self._dialogs.add(IntakeDialog(ret, cases, submission, self._language, self._intake_draft))
        self._chair_actions = ChairActions(consultations, delivery, members)
        self._triage = TriageActions(cases, delivery, members, booking)
        self._advice = AdviceActions(ret, advice, delivery, members)
        self._closing = ClosingActions(cases, delivery, members, self._language)
        self._email = EmailConversation(ret, consultations)
        self._file_consent = file_consent
        self._self_apply = SelfApplyConversation(
            ret,
            cases,
            delivery,
            submission,
            user_state.create_property("self_apply_draft"),
            conversation_state.create_property("self_apply_greeted"),
            verification,
        )
        self._meeting_prep = meeting_prep

        # The first of these keys that a submit's value carries decides who handles it.
        self._submits: dict[str, SubmitHandler] = {
            CLOSE_KEY: _replying(self._closing.close),
            CASE_INFO_KEY: _replying(self._triage.answer_question),
            CONSENT_KEY: _replying(self._triage.record_consent),
            ADVICE_OPEN_KEY: self._advice.open_form,
            ADVICE_KEY: self._advice.issue,
            ESCALATE_KEY: follow_up.on_escalate,
            FOLLOW_UP_KEY: follow_up.on_answer,
            INTAKE_KEY: self._resume_intake,
            NOTULEN_KEY: notulen.on_submit,
            PAGE_KEY: self._page_cases,
            SIGNAL_KEY: signals.record,
            REPORT_OPEN_KEY: reports.open_form,
            REPORT_KEY: reports.request,
            PREP_KEY: meeting_prep.on_prep,
            FAMILY_KEY: meeting_prep.on_family_outcome,
            ATTEND_KEY: meeting_prep.on_attendance,
        }
        # A file sent in the personal chat goes by its kind ("docx", "vtt").
        self._files: dict[str, FileHandler] = {
            "docx": notulen.on_docx,
            "vtt": notulen.on_transcript,
        }
        self._card_actions: dict[str, CardAction] = {
            **dict.fromkeys(CONSULT_VERBS, self._chair_actions.act),
            **dict.fromkeys(TRIAGE_VERBS, self._triage.act),
            **dict.fromkeys((VERB_CONFIRM, VERB_DECLINE), self._advice.act),
        }
        # Invokes by name; anything else gets a clear 400.
        self._invokes: dict[str, InvokeHandler] = {
            CARD_ACTION_INVOKE: self._card_action,
            FILE_CONSENT_INVOKE: self._answer_file_consent,
        }

    async def on_turn(self, turn_context: TurnContext) -> None:
        await load_states(turn_context, self._conversation_state, self._user_state)
        await super().on_turn(turn_context)
        # Saved only after the turn succeeded: a failed turn leaves the stored state as it was.
        await self._conversation_state.save_changes(turn_context)
        await self._user_state.save_changes(turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        personal = is_personal(turn_context.activity)
        bot_was_added = any(member.id == bot_id for member in members_added)
        others_added = any(member.id != bot_id for member in members_added)
        if is_self_apply_channel(turn_context.activity):  # Web Chat on the RET's website
            if others_added:
                await self._self_apply.greet(turn_context, await self._language_of(turn_context))
            return
        # In a 1:1 chat everyone is welcomed; in a team or group only the bot's own arrival.
        if bot_was_added or (personal and others_added):
            await self._welcome(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        language = await self._language_of(turn_context)
        if is_email(turn_context.activity):  # no cards, no dialogs: each email on its own
            body = inbound_text(turn_context.activity)
            await self._email.answer(turn_context, body, email_command(body), language)
            return
        if is_self_apply_channel(turn_context.activity):  # parents and young people: only this
            await self._self_apply.on_message(turn_context, language)
            return
        dialog_context = await self._dialogs.create_context(turn_context)
        command = command_of(turn_context.activity)

        if command == "help":
            help_text = text("help", language)
            if not is_personal(turn_context.activity):
                help_text += "\n\n" + text("help.group", language)
            await turn_context.send_activity(help_text)
            if dialog_context.active_dialog:
                await dialog_context.reprompt_dialog()
            return
        if command is not None:  # commands and card buttons interrupt whatever was asked
            await dialog_context.cancel_all_dialogs()
            await self._start(command, dialog_context, language)
            return
        upload = uploaded_file(turn_context.activity)
        if upload is not None:  # a file is never an answer to a dialog's question
            handle_file = self._files.get(upload.kind)
            if handle_file is None:
                await turn_context.send_activity(text("notulen.file_kind", language))
            else:
                await handle_file(turn_context, language)
            return
        if dialog_context.active_dialog:
            result = await dialog_context.continue_dialog()
            if result.status != DialogTurnStatus.Empty:
                return
        value = turn_context.activity.value
        submit = self._submit_handler(value)
        if submit is not None:
            try:
                await submit(turn_context, value, language)
            except BadCardData:
                await turn_context.send_activity(text("fallback", language))
            return
        typed = typed_text(turn_context.activity)
        if looks_like_a_question(typed):
            await dialog_context.begin_dialog(AskQuestionDialog.__name__, {"question": typed})
        else:
            await turn_context.send_activity(text("fallback", language))

    def _submit_handler(self, value: object) -> SubmitHandler | None:
        if not isinstance(value, dict):
            return None
        return next((self._submits[key] for key in self._submits if key in value), None)

    async def _resume_intake(self, turn_context: TurnContext, value: dict, _: Language) -> None:
        """A request card clicked later: the aanmelding picks up where that card was."""
        dialog_context = await self._dialogs.create_context(turn_context)
        await dialog_context.begin_dialog(IntakeDialog.__name__, {"value": value})

    async def _start(self, command: str, dialog_context: DialogContext, language: Language) -> None:
        context = dialog_context.context
        if command == "menu":
            await context.send_activity(card_activity(await self._menu(context, language)))
        elif command == "stop":
            draft = await self._intake_draft.get(context, None)
            await context.send_activity(text("intake.paused" if draft else "cancelled", language))
        elif command == "discard":
            if await self._intake_draft.get(context, None):
                await context.send_activity(card_activity(discard_card(language)))
            else:
                await context.send_activity(text("cancelled", language))
        elif command == MenuChoice.AANMELDING.value:
            await dialog_context.begin_dialog(IntakeDialog.__name__)
        elif command == "language":
            await dialog_context.begin_dialog(LanguageDialog.__name__)
        elif command == ASK_CHAIR:
            consultation_id = context.activity.value["id"]
            await dialog_context.begin_dialog(
                AskQuestionDialog.__name__, {"consultation_id": consultation_id}
            )
        elif command == MenuChoice.VRAAG.value:
            await dialog_context.begin_dialog(AskQuestionDialog.__name__, {})
        elif command == MenuChoice.CASUSSEN.value:
            await self._show_cases(context, language)

    async def _show_cases(
        self,
        context: TurnContext,
        language: Language,
        status: CaseStatus | None = None,
        page: int = 0,
    ) -> None:
        if not is_personal(context.activity):
            await context.send_activity(text("cases.only_personal", language))
            return
        member = await self._members.member_of(context)
        shown = await visible_page(self._cases, referrer_of(context), member, now(), status, page)
        team_view = member is not None and member.role in TEAM_VIEW_ROLES
        closable = frozenset(c.number for c in shown.cases if may_close(member, c))
        tasks = await self._meeting_prep.open_task_lines(language) if team_view else {}
        card = cases_card(
            shown.cases,
            team_view,
            language,
            can_advise=is_chair(member),
            closable=closable,
            paging=shown,
            notes=tasks,
        )
        await context.send_activity(card_activity(card))

    async def _page_cases(self, context: TurnContext, value: dict, language: Language) -> None:
        """Previous/next or a status filter on the team's overview."""
        try:
            status, page = page_request(value)
        except ValueError:
            await context.send_activity(text("case_pages.invalid", language))
            return
        await self._show_cases(context, language, status, page)

    async def on_event_activity(self, turn_context: TurnContext) -> None:
        """The /aanmelden page says 'webchat/join' as soon as Web Chat is connected."""
        activity = turn_context.activity
        if is_self_apply_channel(activity) and activity.name == WEBCHAT_JOIN:
            await self._self_apply.greet(turn_context, await self._language_of(turn_context))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        """Invokes through the `_invokes` table, not the SDK's per-kind handlers: with
        CloudAdapter its on_adaptive_card_invoke serialises the response twice, and its
        file consent accept may not fire (TEAMS-NOTES.md). Web Chat for parents and young
        people has no Action.Execute cards nor files: every invoke is refused there."""
        handle = self._invokes.get(turn_context.activity.name)
        if handle is None or is_self_apply_channel(turn_context.activity):
            # a clear 400 rather than the SDK's 501
            return InvokeResponse(status=400, body={"error": "unsupported invoke"})
        return await handle(turn_context)  # a failure: bot.adapter answers the invoke

    async def _answer_file_consent(self, turn_context: TurnContext) -> InvokeResponse:
        value = turn_context.activity.value
        language = await self._language_of(turn_context)
        try:
            await self._file_consent.answer(
                turn_context, value if isinstance(value, dict) else {}, language
            )
        except BadCardData as bad:
            return InvokeResponse(status=400, body={"error": str(bad)})
        return InvokeResponse(status=200)

    async def _card_action(self, turn_context: TurnContext) -> InvokeResponse:
        """Action.Execute on a card."""
        value = turn_context.activity.value if isinstance(turn_context.activity.value, dict) else {}
        action = value.get("action") if isinstance(value.get("action"), dict) else {}
        verb, data = action.get("verb"), action.get("data")
        act = self._card_actions.get(verb) if isinstance(verb, str) else None
        if act is None or not isinstance(data, dict):
            return invoke_error(CARD_ACTION_INVOKE, 400, "unknown card action")
        try:
            outcome = await act(turn_context, verb, data)
        except BadCardData as bad:
            return invoke_error(CARD_ACTION_INVOKE, 400, str(bad))
        return card_outcome(outcome)

    async def _welcome(self, turn_context: TurnContext) -> None:
        """One post: in a 1:1 chat the welcome with the menu card, in a team or group the
        welcome for everyone there (the menu's choices are personal)."""
        language = await self._language_of(turn_context)
        if not is_personal(turn_context.activity):
            await turn_context.send_activity(text("welcome.team", language, ret=self._ret.name))
            return
        welcome = card_activity(await self._menu(turn_context, language))
        welcome.text = text("welcome", language, ret=self._ret.name)
        if await self._intake_draft.get(turn_context, None):
            welcome.text += "\n\n" + text("intake.draft_waiting", language)
        await turn_context.send_activity(welcome)

    async def _menu(self, context: TurnContext, language: Language) -> dict:
        return menu_card(language, reports=may_report(await self._members.member_of(context)))

    async def _language_of(self, turn_context: TurnContext) -> Language:
        return await self._language.get(turn_context, DEFAULT_LANGUAGE)


def _replying(answer: Callable[[TurnContext, dict], Awaitable[str]]) -> SubmitHandler:
    """A submit whose flow gives the one line to answer with."""

    async def handle(turn_context: TurnContext, value: dict, _: Language) -> None:
        await turn_context.send_activity(await answer(turn_context, value))

    return handle
