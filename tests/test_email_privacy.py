"""Data minimisation by email: every email of a whole case (intake, triage, advice,
follow-up questions by email, an answer through the link, escalations) that reaches the
SMTP server carries the case number and initials, never the request's details, year of
birth, problems, the advice, the afspraak or a toelichting in what it says. (The
kernteamleden of the organisations with an afspraak get a download link to the advies
document, not the document; tests/test_advies_document.py reads what it holds.)"""

import pytest
from cryptography.fernet import Fernet

from dialogs.cards.follow_up import ESCALATE_KEY, STEP_KEY
from domain.ret import RetConfig
from domain.roles import Role
from tests.smtp_server import readable
from tests.support import RunningBot, emails_at_once
from tests.test_advice_flow import issued
from tests.test_email_follow_up import JOLANDA, PRIVATE, RUUD, with_outside_procesregisseur
from tests.test_follow_up_flow import LINK, Followed
from tests.test_minimal_data import PERSONAL

TOELICHTING = f"Het lukt niet: {PERSONAL[0]} De moeder is opgenomen."


@pytest.fixture
def ret(ret: RetConfig) -> RetConfig:
    return with_outside_procesregisseur(ret)


@pytest.fixture
async def sealed_mail_bot(database_url, ret, smtp_server):
    settings = smtp_server.settings(database_url, data_key=Fernet.generate_key().decode())
    bot = await RunningBot(settings, emails_at_once(ret)).start()
    yield bot
    await bot.stop()


async def test_no_email_of_a_whole_case_carries_personal_details(
    sealed_mail_bot, connector, http, smtp_server, ret
):
    bot = sealed_mail_bot
    chair, referrer, channel, number, _, _ = await issued(bot, connector, http)
    case = Followed(bot, connector, http, chair, referrer, channel, number, None, None)
    await case.run(14)  # the kernteamleden are not in Teams: both get the link by email
    [thijs_link] = [
        LINK.search(readable(m)).group(1)
        for m in smtp_server.to("t.wennink@jggz-debron")
        if m["Subject"].startswith("Follow-up")
    ]
    async with http.post(
        bot.url + thijs_link, data={"voortgang": "gestopt/lukt niet", "toelichting": TOELICHTING}
    ) as answered:
        assert answered.status == 200
    await case.run(14 + 5)
    await case.run(14 + 10)
    await case.run(14 + 15)  # LVB and the referrer did not answer: escalated
    await chair.submit({ESCALATE_KEY: number, STEP_KEY: "samenwerkingstafel"})

    # The family task waits for the procesondersteuner in Teams: she is told so, once, and
    # that e-mail says nothing of the case.
    pointers = [m for m in smtp_server.received if m["Subject"].startswith("Er staat een")]
    assert [m["To"] for m in pointers] == ["s.oudeluttikhuis@ret-twente.example.org"]
    assert number not in readable(pointers[0]) and "J.D." not in readable(pointers[0])
    mails = [readable(m) for m in smtp_server.received if m not in pointers]
    invitations = [m for m in smtp_server.received if m["Subject"].startswith("Uitnodiging")]
    kernteam = ret.members_with_role(Role.KERNTEAMLID)  # none of them opened Teams here
    # The kernteamleden of the two organisations with an afspraak get a link to the advies.
    documents = [m for m in smtp_server.received if m["Subject"].startswith("Zwaarwegend advies")]
    assert not [a for m in documents for a in m.iter_attachments()]
    assert sorted(m["To"] for m in documents) == [
        "f.elamrani@hetanker-lvb.example.org",
        "t.wennink@jggz-debron.example.org",
    ]
    assert len(invitations) == len(kernteam) and len(smtp_server.to("f.elamrani@")) == 1 + 3 + 1
    assert len(smtp_server.to(JOLANDA)) == 3 and len(smtp_server.to(RUUD)) == 1
    assert len(mails) == 8 + 2 + len(kernteam) and all(number in m and "J.D." in m for m in mails)
    for detail in (*PERSONAL, *PRIVATE, TOELICHTING, "De moeder is opgenomen"):
        assert not [m for m in mails if detail in m], detail
