"""Nothing lost, nothing doubled, nothing untrue, through the real app over HTTP: a request
submitted twice (at once, or again after a crash between filing it and saving the
conversation) is one case; an urgent request reaches the voorzitter, or the referrer hears
what will happen and whom to call; a message for someone who never opened retbot waits for
them, goes by e-mail after the RET's delay, or retbot installs itself for them through
Microsoft Graph; `retbot reach` says who can be reached how."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from bot.app import RETBOT
from bot.graph import GraphAccess, GraphInstaller
from dialogs.cards.intake import DISCARD, DISCARD_CONFIRMED, INTAKE_KEY, SUBMIT
from domain.mail import Mail
from domain.notices import Notice, Outcome, RosterMember
from manifest.build import teams_app_id
from storage.database import create_engine, create_session_factory
from storage.references import ReferenceRepository
from tests.graph_server import TENANT, GraphServer
from tests.outbox_instance import instance
from tests.smtp_server import body_of
from tests.support import RunningBot
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_intake_flow import VALID, fill, start
from tests.test_outbox import outbox_rows, retbot_cli

STAND_IN = "r.kamphuis@ret-twente.example.org"
CHAIR_EMAIL = "m.hofstede@ret-twente.example.org"
JOOST = "j.bruggink@opvoedpunt.example.org"  # a kernteamlid listed by e-mail only


async def at_the_summary(talk, **wensen) -> None:
    await start(talk)
    for section in VALID:
        await fill(talk, section, **(wensen if section == "wensen" else {}))


async def case_numbers(bot) -> list[str]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return sorted(await connection.scalars(text("SELECT number FROM case_file")))


@pytest.fixture
async def mail_bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), ret).start()
    yield running
    await running.stop()


async def test_two_submits_at_once_file_one_case(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    seen = len(connector.received[chair.id])
    referrer = person(bot, connector, http, "Inge Referent")
    await at_the_summary(referrer)
    referrer_seen = len(connector.received[referrer.id])

    first, second = await asyncio.gather(
        referrer.submit({INTAKE_KEY: SUBMIT}), referrer.submit({INTAKE_KEY: SUBMIT})
    )
    third = await referrer.submit({INTAKE_KEY: SUBMIT})  # a click on the old card, later

    # (replies of turns that run at once cannot be told apart per turn: read them all)
    said = [a.get("text") or "" for a in connector.received[referrer.id][referrer_seen:]]
    assert await case_numbers(bot) == ["RET-2026-0001"]
    assert sum("ingediend onder nummer **RET-2026-0001**" in t for t in said) == 1
    assert sum("al ingediend" in t for t in said) == 2
    assert not [t for t in said if "er ging bij mij iets mis" in t]
    assert (first.status, second.status, third.status) == (201, 201, 201)
    cards = [a for a in connector.received[chair.id][seen:] if a.get("attachments")]
    assert len(cards) == 1  # the voorzitter got one triage card


async def test_a_crash_between_filing_and_saving_the_conversation_files_once(bot, connector, http):
    """The conversation's state cannot be written (as when the process dies right after
    the case was filed); the click that comes again finds the case filed."""
    referrer = person(bot, connector, http, "Inge Referent")
    await at_the_summary(referrer)
    engine = bot.app[RETBOT].engine
    async with engine.begin() as connection:
        for statement in _failing_state_writes(engine.dialect.name):
            await connection.execute(text(statement))

    crashed = await referrer.submit({INTAKE_KEY: SUBMIT})
    on_table = " ON bot_state" if engine.dialect.name == "postgresql" else ""
    async with engine.begin() as connection:
        await connection.execute(text(f"DROP TRIGGER fail_state_update{on_table}"))
    again = await referrer.submit({INTAKE_KEY: SUBMIT})
    later = await referrer.submit({INTAKE_KEY: SUBMIT})

    assert any("ingediend onder nummer **RET-2026-0001**" in t for t in crashed.texts())
    # the turn failed, and said so
    assert any("er ging bij mij iets mis" in t for t in crashed.texts())
    assert again.texts()[0].startswith("Je hebt deze aanmelding al ingediend, op ")
    assert "RET-2026-0001" in again.texts()[0]
    assert "al ingediend" in later.texts()[0]
    assert await case_numbers(bot) == ["RET-2026-0001"]
    triage = [r for r in await outbox_rows(bot) if (r.scope, r.scope_id) == ("chair", "team")]
    assert len(triage) == 1  # its card was stored once, with the case


def _failing_state_writes(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [
            "CREATE FUNCTION fail_state() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'the process died'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER fail_state_update BEFORE UPDATE ON bot_state "
            "FOR EACH ROW EXECUTE FUNCTION fail_state()",
        ]
    return [
        "CREATE TRIGGER fail_state_update BEFORE UPDATE ON bot_state "
        "BEGIN SELECT RAISE(ABORT, 'the process died'); END"
    ]


async def test_a_second_click_on_discard_changes_nothing(bot, connector, http):
    referrer = person(bot, connector, http, "Inge Referent")
    await start(referrer)
    await fill(referrer, "aanmelder")
    await referrer.submit({INTAKE_KEY: DISCARD})

    once = await referrer.submit({INTAKE_KEY: DISCARD_CONFIRMED})
    twice = await referrer.submit({INTAKE_KEY: DISCARD_CONFIRMED})

    assert once.texts() == twice.texts() == ["Je concept-aanmelding is weggegooid."]
    assert (once.status, twice.status) == (201, 201)


async def test_an_urgent_request_for_a_voorzitter_not_in_teams_is_mailed_at_once(
    mail_bot, connector, http, smtp_server
):
    bot = mail_bot
    referrer = person(bot, connector, http, "Inge Referent")
    await at_the_summary(referrer, urgentie="spoed")

    submitted = await referrer.submit({INTAKE_KEY: SUBMIT})
    waiting = [r for r in await outbox_rows(bot) if r.status == "waiting"]
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    opened = await chair.join()

    [alert] = smtp_server.received  # the voorzitter and the stand-in, at once
    assert sorted(alert["To"].split(", ")) == [CHAIR_EMAIL, STAND_IN]
    assert alert["Subject"] == "Spoed: aanmelding RET-2026-0001 (J.D.)"
    body = body_of(alert)
    assert "Neem vandaag contact op" in body and "Hengelo" in body
    for detail in ("06 1234 5678", VALID["vraag"]["hulpvraag"], "Trauma"):
        assert detail not in body, detail
    said = submitted.texts()
    assert any("heb ik de voorzitter meteen gewaarschuwd" in t for t in said)
    assert any("De voorzitter is op dit moment niet via retbot te bereiken" in t for t in said)
    # The triage card waited for her, and came when she opened retbot.
    assert [(r.scope, r.scope_id) for r in waiting] == [("chair", "team")]
    [card] = [c for c in opened.cards() if "RET-2026-0001" in str(c)]
    assert card["body"][0]["text"].endswith("RET-2026-0001")


async def test_an_urgent_request_nobody_can_be_told_of_gives_the_rets_phone_number(
    bot, connector, http, ret
):
    referrer = person(bot, connector, http, "Inge Referent")
    await at_the_summary(referrer, urgentie="spoed")

    submitted = await referrer.submit({INTAKE_KEY: SUBMIT})

    said = " ".join(submitted.texts())
    assert "heb ik de voorzitter meteen gewaarschuwd" not in said
    assert f"Wacht daar niet op: bel het RET op {ret.contact.phone}." in said
    assert await case_numbers(bot) == ["RET-2026-0001"]
    assert sorted(r.status for r in await outbox_rows(bot)) == ["waiting", "waiting"]


async def test_a_message_for_a_member_outside_teams_goes_by_email_after_the_rets_delay(
    mail_bot, smtp_server, ret
):
    dispatcher = mail_bot.app[RETBOT].dispatcher
    fallback = Mail((), "Uitnodiging RET-overleg RET-2026-0002 (K.L.)", "Beste Joost, …")
    with_mail = Notice(RosterMember(JOOST), {"type": "AdaptiveCard"}, email=fallback)
    card_only = Notice(RosterMember(JOOST), {"type": "AdaptiveCard", "body": []})
    now = datetime.now(UTC)
    delay = timedelta(minutes=ret.reach.email_after_minutes)

    first = await dispatcher.send([with_mail, card_only])
    early = await dispatcher.dispatch_due(now + delay - timedelta(minutes=1))
    on_time = await dispatcher.dispatch_due(now + delay + timedelta(seconds=5))
    next_check = await dispatcher.dispatch_due(now + delay + timedelta(minutes=20))
    rows = {r.notice_key: r for r in await outbox_rows(mail_bot)}

    assert first == {with_mail.key: Outcome.WAITING, card_only.key: Outcome.WAITING}
    assert early == 0 and on_time >= 1 and next_check == 0
    invitation, pointer = smtp_server.received
    assert (invitation["To"], invitation["Subject"]) == (JOOST, fallback.subject)
    assert pointer["To"] == JOOST and pointer["Subject"].startswith("Er staat een bericht")
    assert "RET-2026-0002" not in body_of(pointer)
    assert (rows[with_mail.key].status, rows[with_mail.key].sent_via) == ("sent", "email")
    assert rows[card_only.key].status == "waiting"  # the card itself waits for his chat


async def test_retbot_installs_itself_for_a_member_through_graph_once_a_day(
    bot, connector, database_url, ret
):
    """With the Graph permission, a member nobody could reach gets retbot installed and the
    message in the chat that makes; a member Graph does not know keeps waiting, and is
    not asked about again the same day."""
    app_id = "00000000-0000-4000-8000-0000000b0001"
    manifest_id = teams_app_id(app_id)
    graph = await GraphServer({manifest_id: "catalogue-retbot"}, {JOOST: "aad-joost"}).start()
    access = GraphAccess(
        graph.url, graph.url, TENANT, app_id, "geheim", manifest_id, connector.service_url
    )
    try:
        async with instance(
            database_url, ret, installer=lambda references: GraphInstaller(access, references)
        ) as dispatcher:
            for_joost = Notice(RosterMember(JOOST), "Casus RET-2026-0003 (M.N.)")
            for_kevin = Notice(RosterMember("k.scholten@ervaringswerk.example.org"), "Voor Kevin")
            sent = await dispatcher.send([for_joost, for_kevin])
            asked = len(graph.requests)
            again = await dispatcher.dispatch_due(datetime.now(UTC) + timedelta(minutes=20))
            later = await dispatcher.send([Notice(RosterMember(JOOST), "Nog een bericht")])
    finally:
        await graph.stop()

    assert sent == {for_joost.key: Outcome.SENT, for_kevin.key: Outcome.WAITING}
    chat = graph.chat_of("aad-joost")
    assert [a["text"] for a in connector.received[chat]] == [
        "Casus RET-2026-0003 (M.N.)",
        "Nog een bericht",  # his chat is known from now on: Graph is not asked again
    ]
    assert list(later.values()) == [Outcome.SENT]
    assert graph.installed == {"aad-joost": "installation-aad-joost"}
    assert again == 0 and len(graph.requests) == asked  # Kevin: not again today
    assert graph.tokens == 1


async def test_a_dispatcher_built_the_way_serve_builds_it_has_no_installer_without_credentials(
    database_url, ret
):
    from bot.app import graph_installer
    from bot.settings import Settings

    sessions = create_session_factory(create_engine(database_url))
    references = ReferenceRepository(sessions)
    off = graph_installer(Settings(database_url=database_url), references)
    missing = graph_installer(Settings(database_url=database_url, graph_install=True), references)
    on = graph_installer(
        Settings(
            database_url=database_url,
            graph_install=True,
            client_id="00000000-0000-4000-8000-0000000b0001",
            client_secret="geheim",
            tenant_id=TENANT,
        ),
        references,
    )

    assert off is None and missing is None and isinstance(on, GraphInstaller)


async def test_retbot_reach_lists_every_member_and_how_they_are_reached(
    bot, connector, http, database_url, ret
):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    await bot.app[RETBOT].dispatcher.send([Notice(RosterMember(JOOST), "Voor Joost")])

    listed = retbot_cli(database_url, "reach")

    lines = {line.split("  ")[0].strip(): line for line in listed.stdout.splitlines()}
    assert listed.returncode == 1  # not everyone can be reached
    assert "Teams (eigen chat)" in lines["Marieke Hofstede"]
    assert "niet: heeft retbot nog niet geopend" in lines["Joost Bruggink"]
    assert lines["Joost Bruggink"].rstrip().endswith("1")  # one message waits for him
    assert len([n for n in lines if n in {m.name for m in ret.members}]) == len(ret.members)
    assert "Teamkanaal van het RET: nog niet" in listed.stdout
