"""The RET file: the example loads; a broken file stops start-up with one clear line."""

import subprocess
import sys

import pytest

from bot.ret_file import RetConfigError, load_ret_config
from domain.roles import Role
from tests.support import EXAMPLE_RET


def test_example_ret_is_complete_and_fictional():
    ret = load_ret_config(EXAMPLE_RET)

    assert len(ret.gemeenten) == 14
    assert [m.name for m in ret.members_with_role(Role.VOORZITTER) if m.stand_in] == [
        "Ruud Kamphuis"
    ]
    assert {m.role for m in ret.members} == set(Role)
    assert all(m.email.endswith(".example.org") for m in ret.members)
    assert ret.meetings.every_weeks <= 2
    assert ret.complaint_routes and ret.knowledge_base


def write(tmp_path, text: str):
    path = tmp_path / "ret.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def broken_example(tmp_path, old: str, new: str):
    text = EXAMPLE_RET.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, text.replace(old, new, 1))


def test_wrong_role_names_file_field_and_allowed_values(tmp_path):
    path = broken_example(tmp_path, "role: procesondersteuner", "role: secretaris")

    with pytest.raises(RetConfigError) as error:
        load_ret_config(path)

    message = str(error.value)
    assert message.startswith(str(path))
    assert "members[2].role" in message and "voorzitter" in message
    assert "\n" not in message


def test_bad_email_and_time(tmp_path):
    path = broken_example(tmp_path, 'start: "13:30"', 'start: "half twee"')

    with pytest.raises(RetConfigError, match=r"meetings\.start"):
        load_ret_config(path)


def test_without_a_voorzitter(tmp_path):
    text = EXAMPLE_RET.read_text(encoding="utf-8").replace(
        "role: voorzitter\n    stand_in: true", "role: admin"
    )
    path = write(tmp_path, text.replace("role: voorzitter", "role: admin"))

    with pytest.raises(RetConfigError, match="at least one member with role 'voorzitter'"):
        load_ret_config(path)


def test_betrokken_organisations_are_found_by_name_and_gemeente():
    ret = load_ret_config(EXAMPLE_RET)

    enschede = ret.gemeente_organisation("Enschede")
    assert enschede is not None and enschede.contact.email.endswith("@enschede.example.org")
    assert ret.organisation("gemeente enschede") == enschede
    assert ret.gemeente_organisation("Losser") is None  # not every gemeente is listed
    assert ret.organisation("Jeugdbescherming Oost").kind == "gecertificeerde instelling"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("gemeente: Enschede", "gemeente: Amsterdam", "one of the RET's gemeenten"),
        ("name: Gemeente Hengelo", "name: Gemeente Enschede", "listed more than once"),
        (
            "kind: gecertificeerde instelling",
            "kind: gecertificeerde instelling\n    gemeente: Almelo",
            "only for a gemeente",
        ),
    ],
)
def test_an_organisation_that_cannot_be_placed_stops_start_up(tmp_path, old, new, problem):
    path = broken_example(tmp_path, old, new)

    with pytest.raises(RetConfigError, match=problem):
        load_ret_config(path)


def test_yaml_syntax_error_gives_the_line(tmp_path):
    path = write(tmp_path, "name: RET\nregion: [Twente\n")

    with pytest.raises(RetConfigError, match=r"line \d+: not valid YAML"):
        load_ret_config(path)


def test_missing_file(tmp_path):
    with pytest.raises(RetConfigError, match="file not found"):
        load_ret_config(tmp_path / "nope.yaml")


def test_serve_with_invalid_file_stops_with_one_line(tmp_path):
    path = broken_example(tmp_path, "every_weeks: 2", "every_weeks: 6")

    result = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )

    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert str(path) in line and "meetings.every_weeks" in line


def test_documents_go_as_links_unless_the_ret_file_allows_attachments(tmp_path):
    example = EXAMPLE_RET.read_text(encoding="utf-8")
    allowed = write(tmp_path, example + "\ndocuments:\n  attach_to_email: true\n")
    assert load_ret_config(EXAMPLE_RET).documents.attach_to_email is False
    assert load_ret_config(allowed).documents.attach_to_email is True

    for bad in ("misschien", "[ja]"):
        path = write(tmp_path, example + f"\ndocuments:\n  attach_to_email: {bad}\n")
        with pytest.raises(RetConfigError) as error:
            load_ret_config(path)
        message = str(error.value)
        assert "documents.attach_to_email" in message and "boolean" in message
        assert "\n" not in message
