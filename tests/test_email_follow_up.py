"""Follow-up by email, through the real app and a real SMTP server: the escalation contact
of a step hears what is asked of them (case number and initials only, never the
toelichting); kernteamleden who cannot be reached in Teams get the signed answer link by
email, and without SMTP the link still goes to the voorzitter to pass on."""

import pytest

from bot.settings import Settings
from dialogs.cards.follow_up import ESCALATE_KEY, STEP_KEY
from domain.ret import EscalationContact, EscalationStep, RetConfig
from storage.models import OutboxRow
from tests.smtp_server import SmtpServer, body_of, readable
from tests.support import RunningBot, emails_at_once
from tests.test_advice_flow import FATIMA_AAD, GGZ, LVB, THIJS_AAD, issued, rows
from tests.test_follow_up_flow import (
    GGZ_ACTION,
    LINK,
    NOT_PUBLIC,
    Followed,
    ask_id_of,
    card_of,
    followed,
)

JOLANDA = "j.meijer@enschede.example.org"  # procesregisseur of the gemeente, not in Teams
RUUD = "r.kamphuis@ret-twente.example.org"  # samenwerkingstafel: also a voorzitter
THIJS, FATIMA = "t.wennink@jggz-debron.example.org", "f.elamrani@hetanker-lvb.example.org"


@pytest.fixture
def ret(ret: RetConfig) -> RetConfig:
    return with_outside_procesregisseur(ret)


def with_outside_procesregisseur(ret: RetConfig) -> RetConfig:
    """The example RET with Teams ids for two kernteamleden (as in the advice tests), and a
    procesregisseur outside the RET as the contact for the first step."""
    ids = {"Thijs Wennink": THIJS_AAD, "Fatima el Amrani": FATIMA_AAD}
    members = tuple(
        m.model_copy(update={"aad_object_id": ids[m.name]}) if m.name in ids else m
        for m in ret.members
    )
    procesregie = EscalationContact(
        step=EscalationStep.PROCESREGIE,
        name="Jolanda Meijer",
        email=JOLANDA,
        organisation="Gemeente Enschede",
    )
    others = tuple(c for c in ret.escalation_contacts if c.step is not procesregie.step)
    return ret.model_copy(
        update={"members": members, "escalation_contacts": (procesregie, *others)}
    )


@pytest.fixture
async def bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    yield running
    await running.stop()


# Kernteamleden are greeted by name in their own email; nothing else of NOT_PUBLIC may show.
PRIVATE = (*(p for p in NOT_PUBLIC if p != "Fatima el Amrani"), GGZ_ACTION)


def assert_minimal(server: SmtpServer, *extra: str) -> None:
    for message in server.received:
        whole = readable(message)
        for private in (*PRIVATE, *extra):
            assert private not in whole, private


async def test_no_answer_emails_the_escalation_contact_of_the_suggested_step(
    bot, connector, http, smtp_server
):
    case = await followed(bot, connector, http)
    smtp_server.received.clear()  # the meeting invitations: this test is about follow-up
    _, sent = await case.run(14)
    await case.referrer.submit(
        {"follow_up": ask_id_of(card_of(sent[case.referrer.id])), "voortgang": "loopt volgens plan"}
    )
    await case.run(14 + 5)
    await case.run(14 + 10)
    assert smtp_server.received == []  # questions and reminders went to Teams

    await case.run(14 + 15)

    mails = smtp_server.to(JOLANDA)
    assert len(mails) == 2 and len(smtp_server.received) == 2  # one per stalled organisation
    subjects = {m["Subject"] for m in mails}
    assert subjects == {f"Escalatie follow-up {case.number} (J.D.): procesregie intensiveren"}
    bodies = sorted(body_of(m) for m in mails)
    ggz = next(b for b in bodies if GGZ in b)
    assert ggz.startswith("Beste Jolanda Meijer,")
    assert f"casus {case.number} (J.D.)" in ggz
    assert f"Aanleiding: {GGZ} heeft na 2 herinneringen niet geantwoord" in ggz
    assert "stem met de voorzitter af wie de procesregie oppakt" in ggz
    assert "Marieke Hofstede (m.hofstede@ret-twente.example.org)" in ggz
    assert "<p>Beste Jolanda Meijer,</p>" in body_of(mails[0], "html")
    assert_minimal(smtp_server)


async def test_a_stopped_answer_emails_the_contact_without_the_toelichting(
    bot, connector, http, smtp_server
):
    case = await followed(bot, connector, http)
    _, sent = await case.run(14)
    note = "De gedragsdeskundige is vertrokken; moeder wil niet meer meewerken."

    await case.fatima.submit(
        {
            "follow_up": ask_id_of(card_of(sent[case.fatima.id])),
            "voortgang": "gestopt/lukt niet",
            "toelichting": note,
        }
    )
    ladder = card_of(case.connector.received[case.chair.id][-1:])
    await case.chair.submit({ESCALATE_KEY: case.number, STEP_KEY: "samenwerkingstafel"})

    [to_jolanda] = smtp_server.to(JOLANDA)
    assert f"Aanleiding: {LVB} meldt dat het gestopt is of niet lukt." in body_of(to_jolanda)
    [to_ruud] = smtp_server.to(RUUD)
    assert to_ruud["Subject"] == f"Escalatie follow-up {case.number} (J.D.): samenwerkingstafel"
    ruud = body_of(to_ruud)
    assert "Aanleiding: de voorzitter heeft deze stap gezet." in ruud
    assert "plan met de voorzitter op korte termijn een samenwerkingstafel" in ruud
    assert "Neem hiervoor contact op met de voorzitter" not in ruud  # he is one himself
    assert ladder["actions"][0]["data"][STEP_KEY] == "samenwerkingstafel"
    assert_minimal(smtp_server, note, "gedragsdeskundige")


async def test_kernteamleden_outside_teams_get_the_link_by_email(bot, connector, http, smtp_server):
    chair, referrer, channel, number, _, _ = await issued(bot, connector, http)
    case = Followed(bot, connector, http, chair, referrer, channel, number, None, None)
    smtp_server.received.clear()  # the meeting invitations: this test is about follow-up

    _, sent = await case.run(14)

    assert set(sent) == {referrer.id}  # the voorzitter need not pass anything on
    [to_thijs], [to_fatima] = smtp_server.to(THIJS), smtp_server.to(FATIMA)
    assert to_thijs["Subject"] == (f"Follow-up {number} (J.D.): hoe staat de afspraak van {GGZ}?")
    thijs = body_of(to_thijs)
    assert thijs.startswith("Beste Thijs Wennink,")
    assert "U krijgt deze vraag per e-mail omdat ik u niet in Teams kan bereiken." in thijs
    assert LVB not in thijs and LVB in body_of(to_fatima) and GGZ not in body_of(to_fatima)
    link = LINK.search(thijs)
    assert f'<a href="{link.group(0)}">' in body_of(to_thijs, "html")
    path = link.group(1)
    async with http.get(bot.url + path) as page:
        shown, status = await page.text(), page.status
    assert status == 200 and GGZ_ACTION in shown  # the afspraak itself is behind the link
    assert_minimal(smtp_server)

    reminded, _ = await case.run(14 + 5)

    assert reminded.reminded == 3
    assert [m["Subject"] for m in smtp_server.to(THIJS)][1].startswith("Herinnering: Follow-up")


async def test_without_smtp_the_questions_wait_for_the_kernteamleden(
    database_url, ret, connector, http
):
    bot = await RunningBot(Settings(database_url=database_url), emails_at_once(ret)).start()
    try:
        chair, referrer, channel, number, _, _ = await issued(bot, connector, http)
        case = Followed(bot, connector, http, chair, referrer, channel, number, None, None)
        _, sent = await case.run(14)
        stored = await rows(bot, OutboxRow)
    finally:
        await bot.stop()

    assert set(sent) == {referrer.id}
    waiting = {r.scope_id for r in stored if r.status == "waiting"}
    assert {"t.wennink@jggz-debron.example.org", "f.elamrani@hetanker-lvb.example.org"} <= waiting
    assert not [r for r in stored if r.channel_id == "smtp"]  # no e-mail made to wait
