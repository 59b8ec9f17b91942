"""One person, one identity: someone who applied without Teams (their work address is the
referrer) and later opens 'Mijn casussen' in Teams sees those cases too, when the roster
(with the member e-mail mapping) says the Teams user has that address. Whom the roster does
not know is never matched on an address, not even the same one."""

from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.menu import MENU_KEY, MenuChoice
from storage.models import AuditRow
from tests.test_guests import guest_upn
from tests.test_member_lookup import remembered, teams_user
from tests.test_referrer_mail import applied_without_teams
from tests.test_referrer_web import (
    REFERRER,
    mail_bot,  # noqa: F401  (the fixture)
)

THIJS = "t.wennink@jggz-debron.example.org"  # kernteamlid, listed by e-mail only


async def test_a_roster_member_sees_in_teams_what_they_filed_by_email(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, _ = await applied_without_teams(
        mail_bot, connector, http, smtp_server, "T.Wennink@jggz-debron.example.org"
    )
    thijs = teams_user(mail_bot, connector, http, "Thijs Wennink", None)
    connector.directory[thijs.user["id"]] = {"email": THIJS, "userPrincipalName": guest_upn(THIJS)}

    overview = await thijs.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    [card] = overview.cards()
    assert card["body"][0]["text"] == "Mijn casussen"
    assert number in str(card)
    assert await remembered(mail_bot) == {thijs.user["aadObjectId"]: THIJS}
    async with mail_bot.app[RETBOT].engine.connect() as connection:
        reads = list(
            await connection.execute(select(AuditRow).where(AuditRow.actor == "Thijs Wennink"))
        )
    assert [r.case_number for r in reads] == [number]


async def test_whom_the_roster_does_not_know_is_not_matched_on_an_address(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
):
    number, _ = await applied_without_teams(mail_bot, connector, http, smtp_server)
    petra = teams_user(mail_bot, connector, http, "Petra de Vries", REFERRER)

    overview = await petra.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    [card] = overview.cards()
    assert card["body"][0]["text"] == "Mijn casussen"
    assert number not in str(card)
    assert await remembered(mail_bot) == {petra.user["aadObjectId"]: None}
