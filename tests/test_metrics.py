"""GET /metrics over the real app: turns and their latency, the outbox by status and kind,
e-mails sent, documents built; nothing that names a person or a case; a token when set."""

import re
from datetime import UTC, datetime

from prometheus_client.parser import text_string_to_metric_families

from bot.app import RETBOT
from bot.settings import Settings
from domain.mail import Mail
from domain.notices import EmailAddress, Notice, Outcome
from tests.support import RunningBot
from tests.test_consult_flow import UNKNOWN_QUESTION, person

ASKER = "Inge Referent"
MAIL = Mail(
    to=("m.hofstede@ret-twente.example.org",),
    subject="Escalatie follow-up RET-2026-0007 (J.D.)",
    text="Plan een samenwerkingstafel voor RET-2026-0007 (J.D.).",
)


async def scrape(http, url: str, headers: dict | None = None) -> tuple[int, str]:
    async with http.get(f"{url}/metrics", headers=headers or {}) as response:
        return response.status, await response.text()


def samples(body: str) -> dict[tuple[str, tuple], float]:
    """Every sample by name and sorted labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_turns_latency_and_waiting_messages_without_personal_data(bot, connector, http, ret):
    _, before = await scrape(http, bot.url)
    asker = person(bot, connector, http, ASKER)
    await asker.join()
    for line in (UNKNOWN_QUESTION, "1", "Wijkteam Hengelo"):  # to the voorzitter, …
        await asker.say(line)  # … who has no chat with retbot yet: the card waits

    status, body = await scrape(http, bot.url)

    assert status == 200
    start, now = samples(before), samples(body)
    turns = value(now, "retbot_turns_total", channel="msteams", type="message") - value(
        start, "retbot_turns_total", channel="msteams", type="message"
    )
    assert turns == 3  # the question, "1" and the organisation
    latency = value(now, "retbot_turn_seconds_count", channel="msteams") - value(
        start, "retbot_turn_seconds_count", channel="msteams"
    )
    assert latency == 4  # the three messages and the conversationUpdate
    outbox = {k: v for k, v in now.items() if k[0] == "retbot_outbox_messages"}
    assert outbox == {("retbot_outbox_messages", (("kind", "chair"), ("status", "waiting"))): 1}
    for personal in (ASKER, "Marieke Hofstede", UNKNOWN_QUESTION, "Wijkteam Hengelo", asker.id):
        assert personal not in body, personal
    for member in ret.members:
        assert member.email not in body and member.name not in body
    assert not re.search(r"RET-\d{4}-\d{4}", body)


async def test_emails_sent_and_reports_built_are_counted(database_url, ret, smtp_server, http):
    running = await RunningBot(smtp_server.settings(database_url), ret).start()
    try:
        _, before = await scrape(http, running.url)
        retbot = running.app[RETBOT]
        outcomes = await retbot.dispatcher.send([Notice(EmailAddress(), MAIL, key="m1")])
        link = retbot.report_page.links.url("2026-01-01/2026-03-31", "csv", datetime.now(UTC))
        async with http.get(link.replace(running.settings.public_url, running.url)) as response:
            assert response.status == 200
        _, body = await scrape(http, running.url)
    finally:
        await running.stop()

    assert outcomes == {"m1": Outcome.EMAILED} and len(smtp_server.received) == 1
    start, now = samples(before), samples(body)
    for name, labels in (
        ("retbot_outbox_delivered_total", {"via": "email", "kind": "email"}),
        ("retbot_documents_built_total", {"kind": "rapportage", "format": "csv"}),
    ):
        assert value(now, name, **labels) - value(start, name, **labels) == 1, name
    assert "m.hofstede" not in body and "RET-2026-0007" not in body


async def test_a_metrics_token_is_asked_for_when_set(database_url, ret, http):
    running = await RunningBot(
        Settings(database_url=database_url, metrics_token="geheim-token"), ret
    ).start()
    try:
        without, _ = await scrape(http, running.url)
        wrong, _ = await scrape(http, running.url, {"Authorization": "Bearer iets-anders"})
        right, body = await scrape(http, running.url, {"Authorization": "Bearer geheim-token"})
    finally:
        await running.stop()

    assert (without, wrong, right) == (401, 401, 200)
    assert "retbot_turns" in body
