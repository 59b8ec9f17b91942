"""The Teams file consent flow over HTTP: the advies offered as a file card in the personal
chat; `fileConsent/invoke` accept uploads the bytes to the URL Teams gives (played here by a
local aiohttp server) and shows the file info card; decline offers the download link; only
the referrer and the voorzitter may take it; each upload is audited."""

import io
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from docx import Document

from bot.chat.conversation import Conversation
from domain.documents import DocumentKind
from storage.models import AuditRow
from tests.test_advice_flow import issued, rows
from tests.test_advice_flow import ret as ret
from tests.test_advies_document import URL, store_of
from tests.test_consult_flow import person

FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"


class OneDrive:
    """Plays the upload session URL of a file consent accept: takes one PUT per file."""

    def __init__(self) -> None:
        self.uploads: list[tuple[str, dict, bytes]] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> "OneDrive":
        app = web.Application()
        app.router.add_put("/upload/{name}", self._put)
        app.router.add_put("/broken/{name}", self._broken)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def _put(self, request: web.Request) -> web.Response:
        self.uploads.append(
            (request.match_info["name"], dict(request.headers), await request.read())
        )
        return web.json_response({"id": "drive-item-1"}, status=201)

    async def _broken(self, request: web.Request) -> web.Response:
        await request.read()
        return web.Response(status=500)


@pytest.fixture
async def onedrive() -> AsyncIterator[OneDrive]:
    drive = await OneDrive().start()
    yield drive
    await drive.stop()


def consent_of(result_or_activity) -> dict:
    activities = getattr(result_or_activity, "replies", [result_or_activity])
    return next(
        a
        for activity in activities
        for a in activity.get("attachments") or []
        if a["contentType"] == FILE_CONSENT
    )


def answer(talk: Conversation, action: str, consent: dict, upload_url: str | None = None) -> dict:
    value = {"type": "fileUpload", "action": action, "context": consent["content"]["acceptContext"]}
    if upload_url:
        value["uploadInfo"] = {
            "name": consent["name"],
            "uploadUrl": upload_url,
            "contentUrl": f"https://contoso.sharepoint.com/personal/{consent['name']}",
            "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
            "fileType": "docx",
        }
    return talk.activity("invoke", name="fileConsent/invoke", value=value)


async def test_accept_uploads_the_advies_and_shows_the_file(bot, connector, http, onedrive):
    chair, _, _, number, _, done = await issued(bot, connector, http)
    consent = consent_of(done)

    result = await chair.send(
        answer(chair, "accept", consent, f"{onedrive.url}/upload/{consent['name']}")
    )

    assert result.status == 200
    [(name, headers, body)] = onedrive.uploads
    stored = await store_of(bot).latest(DocumentKind.ADVIES, number)
    assert (name, body) == (f"advies-{number}.docx", stored.content)
    assert headers["Content-Range"] == f"bytes 0-{len(body) - 1}/{len(body)}"
    facts = Document(io.BytesIO(body)).tables[0]
    assert facts.rows[0].cells[1].text == number
    [info] = result.replies[0]["attachments"]
    assert info["contentType"] == FILE_INFO
    assert info["contentUrl"].endswith(consent["name"])
    assert info["content"] == {
        "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
        "fileType": "docx",
    }
    reads = [r for r in await rows(bot, AuditRow) if r.action == "advies v1 opgehaald"]
    assert [(r.actor, r.case_number, r.channel) for r in reads] == [
        ("Marieke Hofstede", number, "msteams (bestand)")
    ]


async def test_decline_says_so_and_offers_the_link(bot, connector, http, onedrive):
    _, referrer, _, number, _, _ = await issued(bot, connector, http)
    consent = consent_of(connector.received[referrer.id][-1])

    result = await referrer.send(answer(referrer, "decline", consent))

    assert result.status == 200
    [reply] = result.texts()
    assert reply.startswith(f"Goed, ik zet advies-{number}.docx niet in je OneDrive.")
    link = URL.search(reply).group(1).replace("http://localhost:3978", bot.url)
    async with http.get(link) as response:
        assert response.status == 200
        assert (
            await response.read()
            == (await store_of(bot).latest(DocumentKind.ADVIES, number)).content
        )
    assert onedrive.uploads == []


async def test_a_failed_upload_offers_the_link(bot, connector, http, onedrive):
    chair, _, _, number, _, done = await issued(bot, connector, http)
    consent = consent_of(done)

    result = await chair.send(answer(chair, "accept", consent, f"{onedrive.url}/broken/x.docx"))

    assert result.status == 200
    assert result.texts()[0].startswith(f"Het lukte niet om advies-{number}.docx in je OneDrive")
    assert URL.search(result.texts()[0])


async def test_someone_else_cannot_take_the_document(bot, connector, http, onedrive):
    chair, _, _, _, _, done = await issued(bot, connector, http)
    consent = consent_of(done)
    stranger = person(bot, connector, http, "Iemand Anders")

    taken = await stranger.send(
        answer(stranger, "accept", consent, f"{onedrive.url}/upload/x.docx")
    )
    broken = await chair.send(
        chair.activity("invoke", name="fileConsent/invoke", value={"action": "accept"})
    )
    unknown = await chair.send(chair.activity("invoke", name="iets/anders", value={}))

    assert taken.status == 200
    assert taken.texts() == [
        "Dit document kan ik je niet (meer) geven. Vraag de voorzitter ernaar."
    ]
    assert onedrive.uploads == []
    assert (broken.status, unknown.status) == (400, 400)
