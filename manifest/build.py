"""The Teams app package: manifest.json (schema 1.29) with the two icons, zipped."""

import json
import uuid
import zipfile
from pathlib import Path

from domain.ret import RetConfig

HERE = Path(__file__).resolve().parent
SCHEMA_URL = (
    "https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json"
)
ACCENT = "#006E78"
COMMANDS = (
    ("menu", "Het keuzemenu: aanmelden, vraag stellen, je casussen"),
    ("help", "Wat retbot kan en hoe"),
    ("taal", "Nederlands of English"),
    ("stop", "Stoppen; een aanmelding blijft bewaard"),
)


def teams_app_id(bot_app_id: str) -> str:
    """A stable app id of its own, derived from the bot's (so rebuilding keeps it)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"retbot:{bot_app_id}"))


def manifest(bot_app_id: str, ret: RetConfig, version: str, website: str) -> dict:
    website = website.rstrip("/")
    return {
        "$schema": SCHEMA_URL,
        "manifestVersion": "1.29",
        "version": version,
        "id": teams_app_id(bot_app_id),
        "developer": {
            "name": ret.name[:32],
            "websiteUrl": website,
            "privacyUrl": f"{website}/privacy",
            "termsOfUseUrl": f"{website}/voorwaarden",
        },
        "name": {"short": "retbot", "full": f"retbot – {ret.name}"[:100]},
        "description": {
            "short": "Assistent van het Regionaal Expertteam Jeugd"[:80],
            "full": (
                f"retbot is de digitale assistent van {ret.name}: vragen aan het RET, een "
                "vastgelopen zorgvraag aanmelden, de triage door de voorzitter en de stand "
                "van je casussen, in Teams."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": bot_app_id,
                "scopes": ["personal", "team", "groupChat"],
                "isNotificationOnly": False,
                "supportsFiles": True,  # the advies through Teams' file consent flow
                "commandLists": [
                    {
                        "scopes": ["personal"],
                        "commands": [{"title": t, "description": d} for t, d in COMMANDS],
                    }
                ],
            }
        ],
        "validDomains": [],
    }


def build_package(bot_app_id: str, ret: RetConfig, version: str, website: str, out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        data = manifest(bot_app_id, ret, version, website)
        package.writestr("manifest.json", json.dumps(data, ensure_ascii=False, indent=2))
        for icon in ("color.png", "outline.png"):
            package.write(HERE / icon, icon)
    return out
