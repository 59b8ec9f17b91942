"""The bot's Azure identity under the Agents SDK's names, the botbuilder names for one more
release, and the SDK connection made of them."""

import logging

import pytest
from microsoft_agents.hosting.core.authorization import AuthTypes

from bot.adapter import SERVICE_CONNECTION, msal_connections
from bot.app import build_retbot
from bot.settings import AuthType, Settings

NEW = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
CLIENT = "0b7d5c1e-4a0f-4e3b-9a52-6a1d2c3b4e5f"
TENANT = "5f3c1a2b-7d8e-4f90-a1b2-c3d4e5f6a7b8"


@pytest.fixture(autouse=True)
def no_identity_in_the_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    for name in ("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"):
        monkeypatch.delenv(name, raising=False)
    for name in ("CLIENTID", "CLIENTSECRET", "TENANTID", "AUTHTYPE"):
        monkeypatch.delenv(NEW + name, raising=False)


def test_without_an_identity_retbot_runs_in_local_mode():
    settings = Settings()

    assert settings.connection is None and settings.local_mode and settings.app_id == ""


def test_the_agents_sdk_names_give_a_single_tenant_bot(monkeypatch):
    monkeypatch.setenv(NEW + "CLIENTID", CLIENT)
    monkeypatch.setenv(NEW + "CLIENTSECRET", "geheim")
    monkeypatch.setenv(NEW + "TENANTID", TENANT)

    settings = Settings()

    connection = settings.connection
    assert (connection.client_id, connection.tenant_id) == (CLIENT, TENANT)
    assert connection.auth_type is AuthType.CLIENT_SECRET and connection.client_secret == "geheim"
    assert settings.legacy_names_in_use == [] and not settings.local_mode
    assert "geheim" not in repr(connection) and "geheim" not in repr(settings)


def test_a_managed_identity_needs_no_secret(monkeypatch):
    monkeypatch.setenv(NEW + "CLIENTID", CLIENT)
    monkeypatch.setenv(NEW + "TENANTID", TENANT)
    monkeypatch.setenv(NEW + "AUTHTYPE", "UserManagedIdentity")

    configuration = msal_connections(Settings().connection).get_default_connection_configuration()

    assert AuthTypes.user_managed_identity == configuration.AUTH_TYPE
    assert (configuration.CLIENT_ID, configuration.TENANT_ID) == (CLIENT, TENANT)
    assert configuration.CLIENT_SECRET is None


def test_an_unknown_auth_type_stops_the_start(monkeypatch):
    monkeypatch.setenv(NEW + "CLIENTID", CLIENT)
    monkeypatch.setenv(NEW + "AUTHTYPE", "Wachtwoord")

    with pytest.raises(ValueError, match="ClientSecret"):
        Settings()


def test_the_botbuilder_names_still_work_with_a_warning(monkeypatch, caplog, tmp_path, ret):
    monkeypatch.setenv("MicrosoftAppId", CLIENT)
    monkeypatch.setenv("MicrosoftAppPassword", "geheim")
    monkeypatch.setenv("MicrosoftAppTenantId", TENANT)
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'retbot.db'}")

    with caplog.at_level(logging.WARNING, logger="retbot.http"):
        build_retbot(settings, ret)

    connection = settings.connection
    assert (connection.client_id, connection.tenant_id) == (CLIENT, TENANT)
    assert connection.auth_type is AuthType.CLIENT_SECRET and connection.client_secret == "geheim"
    warnings = [r.getMessage() for r in caplog.records if r.name == "retbot.http"]
    replaced = {w.split(" is read")[0] for w in warnings if "is read for this release only" in w}
    assert replaced == {"MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"}
    assert (
        f"MicrosoftAppId is read for this release only: set {NEW}CLIENTID instead "
        "(the Agents SDK's name)"
    ) in warnings


def test_the_new_names_win_over_the_old(monkeypatch):
    monkeypatch.setenv("MicrosoftAppId", "oude-app")
    monkeypatch.setenv(NEW + "CLIENTID", CLIENT)
    monkeypatch.setenv(NEW + "CLIENTSECRET", "nieuw")

    assert Settings().connection.client_id == CLIENT


def test_a_user_assigned_msi_of_botbuilder_is_a_managed_identity(monkeypatch):
    monkeypatch.setenv("MicrosoftAppId", CLIENT)
    monkeypatch.setenv("MicrosoftAppType", "UserAssignedMSI")
    monkeypatch.setenv("MicrosoftAppTenantId", TENANT)

    connections = msal_connections(Settings().connection)

    assert (AuthTypes.user_managed_identity) == connections.get_connection(
        SERVICE_CONNECTION
    ).configuration.AUTH_TYPE
