"""Settings from the environment; the bot's Azure identity under the Agents SDK's names."""

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from limits import parse
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/retbot.db"
BOT_FRAMEWORK_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration"


class AuthType(StrEnum):
    """How retbot proves who it is to the Bot Connector (the Agents SDK's names)."""

    CLIENT_SECRET = "ClientSecret"  # an app registration with a secret
    USER_MANAGED_IDENTITY = "UserManagedIdentity"  # Azure's user-assigned managed identity


@dataclass(frozen=True)
class ServiceConnection:
    """The Azure Bot's identity: its app (client) id, tenant, and how to get tokens."""

    client_id: str
    tenant_id: str
    auth_type: AuthType
    client_secret: str = field(default="", repr=False)


_CONNECTION = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
# The botbuilder names, still read for one release: (legacy name, its replacement).
LEGACY_NAMES = (
    ("MicrosoftAppId", _CONNECTION + "CLIENTID"),
    ("MicrosoftAppPassword", _CONNECTION + "CLIENTSECRET"),
    ("MicrosoftAppTenantId", _CONNECTION + "TENANTID"),
    ("MicrosoftAppType", _CONNECTION + "AUTHTYPE"),
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    client_id: str = Field(
        default="", validation_alias=AliasChoices(_CONNECTION + "CLIENTID", "client_id")
    )
    client_secret: str = Field(
        default="",
        validation_alias=AliasChoices(_CONNECTION + "CLIENTSECRET", "client_secret"),
        repr=False,
    )
    tenant_id: str = Field(
        default="", validation_alias=AliasChoices(_CONNECTION + "TENANTID", "tenant_id")
    )
    auth_type: AuthType | None = Field(
        default=None, validation_alias=AliasChoices(_CONNECTION + "AUTHTYPE", "auth_type")
    )
    legacy_app_id: str = Field(default="", validation_alias=AliasChoices("MicrosoftAppId"))
    legacy_app_password: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppPassword"), repr=False
    )
    legacy_app_tenant_id: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppTenantId")
    )
    legacy_app_type: str = Field(default="", validation_alias=AliasChoices("MicrosoftAppType"))
    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        validation_alias=AliasChoices("RETBOT_DATABASE_URL", "database_url"),
    )
    config_path: Path | None = Field(
        default=None, validation_alias=AliasChoices("RETBOT_CONFIG", "config_path")
    )
    allowed_tenants: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_ALLOWED_TENANTS", "allowed_tenants"),
        description="Comma-separated Microsoft 365 tenant ids; empty allows every tenant.",
    )
    data_key: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_DATA_KEY", "data_key"),
        description="Fernet key(s), newest first, to encrypt free-text case data at rest.",
        repr=False,
    )
    link_key: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_LINK_KEY", "link_key"),
        description="Signs the follow-up and calendar links; random per process if empty.",
        repr=False,
    )
    monitor_key: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_MONITOR_KEY", "monitor_key"),
        description="Keys the pseudonyms of `retbot monitor-export`; keep it to keep them stable.",
        repr=False,
    )
    public_url: str = Field(
        default="http://localhost:3978",
        validation_alias=AliasChoices("RETBOT_PUBLIC_URL", "public_url"),
        description="Where people reach retbot from outside, for the answer and calendar links.",
    )
    smtp_host: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_SMTP_HOST", "smtp_host"),
        description="SMTP server for outbound email; empty: emails wait in the outbox.",
    )
    smtp_port: int = Field(
        default=587, validation_alias=AliasChoices("RETBOT_SMTP_PORT", "smtp_port")
    )
    smtp_username: str = Field(
        default="", validation_alias=AliasChoices("RETBOT_SMTP_USERNAME", "smtp_username")
    )
    smtp_password: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_SMTP_PASSWORD", "smtp_password"),
        repr=False,
    )
    smtp_starttls: bool = Field(
        default=True, validation_alias=AliasChoices("RETBOT_SMTP_STARTTLS", "smtp_starttls")
    )
    mail_from: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_MAIL_FROM", "mail_from"),
        description="The From address of retbot's emails, e.g. 'RET Jeugd <ret@example.org>'.",
    )
    directline_secret: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_DIRECTLINE_SECRET", "directline_secret"),
        description="Direct Line secret of the bot; empty: the /aanmelden page is not set up.",
        repr=False,
    )
    directline_url: str = Field(
        default="https://directline.botframework.com",
        validation_alias=AliasChoices("RETBOT_DIRECTLINE_URL", "directline_url"),
        description="Base URL of the Direct Line service (tests point it at a local server).",
    )
    embed_origins: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_EMBED_ORIGINS", "embed_origins"),
        description="Space-separated origins whose pages may show /aanmelden in an iframe.",
    )
    graph_install: bool = Field(
        default=False,
        validation_alias=AliasChoices("RETBOT_GRAPH_INSTALL", "graph_install"),
        description="Install retbot through Microsoft Graph for members it cannot reach yet.",
    )
    graph_url: str = Field(
        default="https://graph.microsoft.com",
        validation_alias=AliasChoices("RETBOT_GRAPH_URL", "graph_url"),
        description="Microsoft Graph (tests point it at a local server).",
    )
    login_url: str = Field(
        default="https://login.microsoftonline.com",
        validation_alias=AliasChoices("RETBOT_LOGIN_URL", "login_url"),
        description="The Microsoft identity platform, for Graph's token.",
    )
    teams_service_url: str = Field(
        default="https://smba.trafficmanager.net/emea/",
        validation_alias=AliasChoices("RETBOT_TEAMS_SERVICE_URL", "teams_service_url"),
        description="The Bot Connector of the RET's region, for chats retbot installed itself.",
    )
    token_limit_per_address: str = Field(
        default="10 per 10 minutes",
        validation_alias=AliasChoices("RETBOT_TOKEN_LIMIT_PER_ADDRESS", "token_limit_per_address"),
        description="Direct Line tokens one client address may get from /aanmelden/token.",
    )
    token_limit_total: str = Field(
        default="300 per hour",
        validation_alias=AliasChoices("RETBOT_TOKEN_LIMIT_TOTAL", "token_limit_total"),
        description="Direct Line tokens /aanmelden/token hands out in total, per process.",
    )
    trusted_proxies: int = Field(
        default=0,
        ge=0,
        validation_alias=AliasChoices("RETBOT_TRUSTED_PROXIES", "trusted_proxies"),
        description="Reverse proxies in front of retbot that add X-Forwarded-For; 0: none.",
    )
    log_format: Literal["text", "json"] = Field(
        default="text",
        validation_alias=AliasChoices("RETBOT_LOG_FORMAT", "log_format"),
        description="text: lines for a person; json: one JSON object a line, for a collector.",
    )
    metrics_token: str = Field(
        default="",
        validation_alias=AliasChoices("RETBOT_METRICS_TOKEN", "metrics_token"),
        description="When set, GET /metrics asks for it as a bearer token.",
        repr=False,
    )
    openid_metadata_url: str = Field(
        default=BOT_FRAMEWORK_METADATA,
        validation_alias=AliasChoices("RETBOT_OPENID_METADATA_URL", "openid_metadata_url"),
        description="Where the Bot Connector publishes the keys its tokens are signed with.",
    )

    @field_validator("token_limit_per_address", "token_limit_total")
    @classmethod
    def _limit_is_readable(cls, value: str) -> str:
        try:
            parse(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a limit like '10 per 10 minutes'") from None
        return value

    @property
    def tenant_allow_list(self) -> frozenset[str]:
        return frozenset(t.strip() for t in self.allowed_tenants.split(",") if t.strip())

    @property
    def email_configured(self) -> bool:
        """Emails go out only with a server and a sender; otherwise they wait."""
        return bool(self.smtp_host and self.mail_from)

    @property
    def connection(self) -> ServiceConnection | None:
        """The bot's identity; None in local mode. The SDK's names win over the legacy
        ones (MicrosoftAppId, ...), which are read for one release."""
        client_id = self.client_id or self.legacy_app_id
        if not client_id:
            return None
        secret = self.client_secret or self.legacy_app_password
        auth_type = self.auth_type or _auth_type_of(self.legacy_app_type, secret)
        return ServiceConnection(
            client_id, self.tenant_id or self.legacy_app_tenant_id, auth_type, secret
        )

    @property
    def legacy_names_in_use(self) -> list[tuple[str, str]]:
        """The legacy names set (with what replaces them), for a warning at start-up."""
        values = (
            self.legacy_app_id,
            self.legacy_app_password,
            self.legacy_app_tenant_id,
            self.legacy_app_type,
        )
        return [names for names, value in zip(LEGACY_NAMES, values, strict=True) if value]

    @property
    def app_id(self) -> str:
        return self.connection.client_id if self.connection else ""

    @property
    def local_mode(self) -> bool:
        """Without an app id the bot accepts unauthenticated requests, like the Emulator."""
        return self.connection is None


def _auth_type_of(legacy_app_type: str, secret: str) -> AuthType:
    """MicrosoftAppType 'UserAssignedMSI' is a managed identity; SingleTenant and
    MultiTenant use the secret."""
    if legacy_app_type.lower() == "userassignedmsi" or not secret:
        return AuthType.USER_MANAGED_IDENTITY
    return AuthType.CLIENT_SECRET
