"""The Teams app package: a manifest that validates against schema 1.29, and the icons
at the sizes Teams requires."""

import json
import struct
import subprocess
import sys
import zipfile

import jsonschema

from tests.support import MANIFEST_SCHEMA, REPO

BOT_ID = "7d3e6a52-6c1b-4f0e-9a43-0f6d1c2b5e11"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_package_is_valid_for_teams(tmp_path):
    out = tmp_path / "retbot.zip"

    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "manifest", "--app-id", BOT_ID, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
    )

    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        assert png_size(package.read("color.png")) == (192, 192)
        assert png_size(package.read("outline.png")) == (32, 32)
    schema = json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(manifest))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert manifest["bots"][0]["botId"] == BOT_ID and manifest["id"] != BOT_ID
    assert manifest["name"]["full"] == "retbot – RET Jeugd Twente (voorbeeld)"
    assert {c["title"] for c in manifest["bots"][0]["commandLists"][0]["commands"]} >= {
        "menu",
        "help",
    }
