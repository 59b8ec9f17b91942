"""The aiohttp application: /api/messages, /healthz, and everything they need."""

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiohttp import web
from microsoft_agents.hosting.core import ChannelServiceAdapter, Connections
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import __version__
from bot.adapter import create_adapter
from bot.agenda_page import AgendaPage
from bot.auth import ChannelTokens, SigningKeys, Unauthorized
from bot.connector import PooledClients
from bot.document_page import DocumentPage
from bot.email_channel import EmailRendering
from bot.evaluation_page import EvaluationPage
from bot.file_upload import TeamsFileUploader
from bot.files import TeamsFiles
from bot.follow_up_page import FollowUpPage
from bot.graph import GraphAccess, GraphInstaller
from bot.handler import RetBot
from bot.http_edge import MAX_BODY_BYTES, BadActivityRequest, read_activity
from bot.jobs import PeriodicJobs
from bot.links import (
    AgendaLinks,
    AttendanceLinks,
    DocumentLinks,
    EvaluationLinks,
    FollowUpLinks,
    MandateLinks,
    QuestionLinks,
    ReferrerApplyLinks,
    ReferrerCasesLinks,
    ReferrerIds,
    ReportLinks,
)
from bot.mailer import SmtpMailer
from bot.mandate_page import MandatePage
from bot.members import RosterMembers
from bot.metrics import MetricsPage, timed_turn
from bot.outbox import OutboxDispatcher
from bot.reach import Reach
from bot.recipient_language import RecipientLanguages
from bot.references import ReferenceCaptureMiddleware
from bot.referrer_attendance_page import ReferrerAttendancePage
from bot.referrer_cases_page import ReferrerCasesPage
from bot.referrer_page import ReferrerPage
from bot.referrer_question_page import ReferrerQuestionPage
from bot.report_page import ReportPage
from bot.self_apply_page import SelfApplyPage
from bot.settings import Settings
from bot.tenants import TenantGate
from dialogs.advice import AdviceActions
from dialogs.advice_document import AdviceDocuments
from dialogs.booking import BookingActions
from dialogs.case_overview import CaseOverview
from dialogs.clock import now
from dialogs.closing import ClosingActions
from dialogs.consult import Ask, ChairActions
from dialogs.email import EmailConversation
from dialogs.email_apply import EmailApply
from dialogs.evaluation import EvaluationActions
from dialogs.file_consent import FileConsent
from dialogs.follow_up import FollowUpActions
from dialogs.general import General
from dialogs.intake import Intake, has_draft
from dialogs.language import LanguageChoice
from dialogs.learning import LearningActions
from dialogs.meeting_prep import MeetingPrepActions
from dialogs.notulen import NotulenActions
from dialogs.referrer_web import ReferrerWebConversation
from dialogs.reports import ReportActions
from dialogs.routes import merged
from dialogs.self_apply import SelfApplyConversation
from dialogs.signals import SignalActions
from dialogs.submission import RequestSubmission
from dialogs.triage import TriageActions
from dialogs.web_chat import WebChat
from documents.house_style import house_style_for
from domain.advice import DOCUMENT_JOB
from domain.ret import RetConfig
from domain.verification import address_secret
from manifest.build import teams_app_id
from scheduler.ticker import start_ticker
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository
from storage.bot_state import StateStore
from storage.cases import SqlCaseRepository
from storage.consultations import SqlConsultationRepository
from storage.database import create_engine, create_session_factory, ping
from storage.documents import SqlDocumentRepository
from storage.encryption import FieldCipher
from storage.follow_up import SqlFollowUpRepository
from storage.learning import SqlLearningRepository
from storage.meeting_prep import SqlMeetingPrepRepository
from storage.member_emails import MemberEmails
from storage.migrate import upgrade_to_head
from storage.notulen import CaseAuditedDocuments, SqlNotulenRepository
from storage.outbox import OutboxRepository
from storage.references import ReferenceRepository
from storage.signals import SqlSignalRepository
from storage.verification import SqlLinkQuota, SqlVerificationCodes

log = logging.getLogger("retbot.http")
security_log = logging.getLogger("retbot.security")
HEALTH_TIMEOUT_SECONDS = 3


@dataclass
class Retbot:
    """Everything one running retbot is made of; built once per process."""

    settings: Settings
    ret: RetConfig
    engine: AsyncEngine
    states: StateStore
    adapter: ChannelServiceAdapter
    connectors: PooledClients
    tokens: ChannelTokens
    bot: RetBot
    references: ReferenceRepository
    dispatcher: OutboxDispatcher
    reach: Reach
    jobs: PeriodicJobs
    follow_up_page: FollowUpPage
    agenda_page: AgendaPage
    document_page: DocumentPage
    notulen: NotulenActions
    report_page: ReportPage
    referrer_links: ReferrerApplyLinks
    referrer_ids: ReferrerIds
    email_links: EmailApply
    referrer_cases_page: ReferrerCasesPage
    referrer_question_page: ReferrerQuestionPage
    referrer_attendance_page: ReferrerAttendancePage
    evaluation_page: EvaluationPage
    mandate_page: MandatePage


RETBOT = web.AppKey("retbot", Retbot)


def build_retbot(
    settings: Settings, ret: RetConfig, connections: Connections | None = None
) -> Retbot:
    """Raises documents.house_style.TemplateError when the RET's template is unusable.
    `connections`: where the bot's own tokens come from (default: the SDK's MSAL)."""
    style = house_style_for(ret.documents)
    for legacy, replacement in settings.legacy_names_in_use:
        log.warning(
            "%s is read for this release only: set %s instead (the Agents SDK's name)",
            legacy,
            replacement,
        )
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    cipher = FieldCipher(settings.data_key)
    states = StateStore(engine, cipher)
    references = ReferenceRepository(sessions)
    adapter, connectors = create_adapter(settings, connections)
    if not settings.email_configured:
        log.info("no SMTP server (RETBOT_SMTP_HOST, RETBOT_MAIL_FROM): emails wait in the outbox")
    member_emails = MemberEmails(sessions)
    reach = Reach(ret, references, member_emails, graph_installer(settings, references))
    dispatcher = OutboxDispatcher(
        adapter,
        settings.app_id,
        reach,
        OutboxRepository(sessions, cipher),
        ret,
        mailer=SmtpMailer(settings) if settings.email_configured else None,
        languages=RecipientLanguages(ret, states),
    )
    delivery = dispatcher  # every message goes through the outbox
    consultations = SqlConsultationRepository(sessions, cipher)
    roster = RosterMembers(ret, member_emails)
    if settings.tenant_allow_list:
        adapter.use(TenantGate(settings.tenant_allow_list))
    adapter.use(ReferenceCaptureMiddleware(references, _on_new_chat(roster, dispatcher)))
    adapter.use(EmailRendering(ret.name))
    links = FollowUpLinks(settings.link_key, settings.public_url)
    follow_up_repository = SqlFollowUpRepository(sessions, cipher)
    follow_up = FollowUpActions(ret, follow_up_repository, delivery, links)
    bookings = SqlBookingRepository(sessions, cipher)
    agenda_links = AgendaLinks(settings.link_key, settings.public_url)
    advice = SqlAdviceRepository(sessions, cipher)
    documents = SqlDocumentRepository(sessions, cipher)
    document_links = DocumentLinks(settings.link_key, settings.public_url)
    advice_documents = AdviceDocuments(
        ret, advice, bookings, documents, style, document_links, delivery
    )
    dispatcher.run_jobs(DOCUMENT_JOB, advice_documents.run)
    cases = SqlCaseRepository(sessions, cipher)
    file_consent = FileConsent(
        documents, cases, document_links, TeamsFileUploader(), settings.local_mode
    )
    notulen_repository = SqlNotulenRepository(sessions, cipher)
    notulen = NotulenActions(ret, notulen_repository, delivery, document_links, TeamsFiles(), style)
    report_links = ReportLinks(settings.link_key, settings.public_url)
    attendance_links = AttendanceLinks(settings.link_key, settings.public_url)
    booking = BookingActions(ret, bookings, delivery, agenda_links, attendance_links)
    prep_repository = SqlMeetingPrepRepository(sessions, cipher)
    meeting_prep = MeetingPrepActions(ret, prep_repository, delivery, booking)
    booking.prepare_with(meeting_prep)
    submission = RequestSubmission(ret, cases, delivery)
    question_links = QuestionLinks(settings.link_key, settings.public_url)
    triage = TriageActions(cases, delivery, booking, ret, question_links)
    general = General(ret, has_draft)
    ask = Ask(ret, consultations, delivery)
    evaluations = SqlLearningRepository(sessions, cipher)  # evaluations, letters, goed voorbeeld
    evaluation_links = EvaluationLinks(settings.link_key, settings.public_url)
    evaluation = EvaluationActions(ret, evaluations, delivery, evaluation_links, evaluations)
    learning = LearningActions(ret, evaluations, advice, style, document_links, delivery)
    mandate_links = MandateLinks(settings.link_key, settings.public_url)
    advice_actions = AdviceActions(
        ret, advice, bookings, delivery, mandate_links, prep_repository.attendance_of
    )
    routes = merged(
        general.routes(),
        LanguageChoice().routes(),
        Intake(ret, cases, submission).routes(),
        ask.routes(),
        ChairActions(consultations, delivery).routes(),
        CaseOverview(cases, meeting_prep.open_task_lines).routes(),
        triage.routes(),
        advice_actions.routes(),
        ClosingActions(evaluations, delivery, ret, evaluation).routes(),
        evaluation.routes(),
        learning.routes(),
        follow_up.routes(),
        meeting_prep.routes(),
        notulen.routes(),
        file_consent.routes(),
        SignalActions(SqlSignalRepository(sessions, cipher)).routes(),
        ReportActions(lambda period, fmt: report_links.url(period, fmt, now())).routes(),
    )
    codes = SqlVerificationCodes(sessions, address_secret(settings.link_key), cipher=cipher)
    referrer_links = ReferrerApplyLinks(settings.link_key, settings.public_url)
    referrer_cases_links = ReferrerCasesLinks(settings.link_key, settings.public_url)
    referrer_ids = ReferrerIds(settings.link_key)
    link_quota = SqlLinkQuota(sessions, address_secret(settings.link_key), cipher=cipher)
    email_links = EmailApply(ret, referrer_links, link_quota, delivery, referrer_cases_links)
    referrers_on_the_web = ReferrerWebConversation(
        ret, cases, Intake(ret, cases, submission), submission, codes, delivery
    )
    bot = RetBot(
        states,
        roster,
        routes,
        general,
        ask,
        EmailConversation(ret, consultations, email_links, delivery),
        WebChat(
            SelfApplyConversation(ret, cases, delivery, submission, codes),
            referrers_on_the_web,
            referrer_ids,
        ),
    )
    jobs = PeriodicJobs(
        ret,
        sessions,
        cipher,
        consultations,
        delivery,
        dispatcher,
        follow_up_repository,
        follow_up,
        notulen,
        lambda period, fmt: report_links.url(period, fmt, now()),
        meeting_prep,
        (evaluations, evaluation),
    )
    page = FollowUpPage(links, follow_up_repository, follow_up)
    agenda = AgendaPage(agenda_links, bookings, ret.name)
    reports = ReportPage(report_links, sessions, cipher, ret.name, style)
    return Retbot(
        settings,
        ret,
        engine,
        states,
        adapter,
        connectors,
        ChannelTokens(settings.app_id, SigningKeys(settings.openid_metadata_url)),
        bot,
        references,
        dispatcher,
        reach,
        jobs,
        page,
        agenda,
        DocumentPage(
            document_links, CaseAuditedDocuments(documents, notulen_repository), evaluations
        ),
        notulen,
        reports,
        referrer_links,
        referrer_ids,
        email_links,
        ReferrerCasesPage(referrer_cases_links, cases, ret.name),
        ReferrerQuestionPage(question_links, triage, cases, ret.name),
        ReferrerAttendancePage(attendance_links, bookings, meeting_prep, ret.name),
        EvaluationPage(evaluation_links, evaluations, ret),
        MandatePage(mandate_links, advice_actions),
    )


def graph_installer(settings: Settings, references: ReferenceRepository) -> GraphInstaller | None:
    """With RETBOT_GRAPH_INSTALL and the bot's single-tenant credentials: retbot installs
    itself for members it cannot reach yet (bot.graph)."""
    if not settings.graph_install:
        return None
    connection = settings.connection
    if connection is None or not (connection.client_secret and connection.tenant_id):
        log.warning(
            "RETBOT_GRAPH_INSTALL needs the bot's client id, secret and tenant "
            "(CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID, CLIENTSECRET, TENANTID): "
            "retbot does not install itself for members"
        )
        return None
    access = GraphAccess(
        graph_url=settings.graph_url.rstrip("/"),
        login_url=settings.login_url.rstrip("/"),
        tenant_id=connection.tenant_id,
        client_id=connection.client_id,
        client_secret=connection.client_secret,
        teams_app_id=teams_app_id(connection.client_id),
        service_url=settings.teams_service_url,
    )
    return GraphInstaller(access, references)


def _on_new_chat(roster: RosterMembers, dispatcher: OutboxDispatcher):
    """Someone opened a chat with retbot: recognise them (a member listed by e-mail only is
    looked up once), then send what waited for them."""

    async def on_new_chat(context) -> None:
        await roster.member_of(context)
        await dispatcher.wake()

    return on_new_chat


def create_app(
    settings: Settings, ret: RetConfig, connections: Connections | None = None
) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[_no_stack_traces])
    app[RETBOT] = build_retbot(settings, ret, connections)
    app.cleanup_ctx.append(_lifecycle)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app[RETBOT].follow_up_page.add_routes(app)
    app[RETBOT].agenda_page.add_routes(app)
    app[RETBOT].document_page.add_routes(app)
    app[RETBOT].report_page.add_routes(app)
    family_page = SelfApplyPage(settings, ret.name)
    family_page.add_routes(app)
    retbot = app[RETBOT]
    ReferrerPage(
        family_page,
        retbot.referrer_links,
        retbot.referrer_ids,
        ret.name,
        retbot.email_links,
        settings.email_configured,
    ).add_routes(app)
    retbot.referrer_cases_page.add_routes(app)
    retbot.referrer_question_page.add_routes(app)
    retbot.referrer_attendance_page.add_routes(app)
    retbot.evaluation_page.add_routes(app)
    retbot.mandate_page.add_routes(app)
    MetricsPage(app[RETBOT].dispatcher.outbox, settings.metrics_token).add_routes(app)
    return app


async def _lifecycle(app: web.Application) -> AsyncIterator[None]:
    """Migrate the database, then run the periodic jobs while the app serves."""
    retbot = app[RETBOT]
    await upgrade_to_head(retbot.engine)
    ticker = start_ticker(retbot.jobs.schedule())
    yield
    ticker.shutdown(wait=False)
    await retbot.dispatcher.drain()
    await retbot.connectors.close()
    await retbot.states.close()
    await retbot.engine.dispose()


async def messages(request: web.Request) -> web.Response:
    retbot = request.app[RETBOT]
    try:
        activity = await read_activity(request)
    except BadActivityRequest as bad:
        return bad.response()
    try:
        identity = await retbot.tokens.identity(request.headers.get("Authorization"), activity)
    except Unauthorized as refused:
        security_log.warning(
            "refused unauthenticated request: %s: %s (channel=%s)",
            type(refused).__name__,
            str(refused)[:200],
            activity.channel_id,
        )
        return web.json_response({"error": "unauthorized"}, status=401)
    with timed_turn(activity.channel_id, activity.type):
        invoke_response = await retbot.adapter.process_activity(
            identity, activity, retbot.bot.on_turn
        )
    if invoke_response:
        return web.json_response(invoke_response.body, status=invoke_response.status)
    return web.Response(status=201)


async def healthz(request: web.Request) -> web.Response:
    retbot = request.app[RETBOT]
    try:
        await asyncio.wait_for(ping(retbot.engine), HEALTH_TIMEOUT_SECONDS)
    except Exception as error:
        reason = "timeout" if isinstance(error, TimeoutError) else type(error).__name__
        log.warning("health check: database unreachable (%s)", reason)
        return web.json_response(
            {"status": "error", "database": f"unreachable: {reason}", "version": __version__},
            status=503,
        )
    return web.json_response({"status": "ok", "database": "ok", "version": __version__})


@web.middleware
async def _no_stack_traces(request: web.Request, handler) -> web.StreamResponse:
    """An unexpected error becomes a short JSON 500 with a correlation id, logged in full."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception:
        code = uuid.uuid4().hex[:8]
        log.exception(
            "request failed [correlation_id=%s] %s %s", code, request.method, request.path
        )
        return web.json_response({"error": "internal error", "correlation_id": code}, status=500)
