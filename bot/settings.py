"""Settings from the environment, with botbuilder's own names for the Azure ones."""

from pathlib import Path

from botbuilder.schema import CallerIdConstants
from botframework.connector.auth import AuthenticationConstants
from limits import parse
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/retbot.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    app_id: str = Field(default="", validation_alias=AliasChoices("MicrosoftAppId", "app_id"))
    app_password: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppPassword", "app_password")
    )
    app_tenant_id: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppTenantId", "app_tenant_id")
    )
    app_type: str = Field(
        default="MultiTenant", validation_alias=AliasChoices("MicrosoftAppType", "app_type")
    )
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
    openid_metadata_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("RETBOT_OPENID_METADATA_URL", "openid_metadata_url"),
        description="Bot Framework OpenID metadata URL override (tests with a local issuer).",
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
    def local_mode(self) -> bool:
        """Without an app id the bot accepts unauthenticated requests, like the Emulator."""
        return not self.app_id


class BotFrameworkConfig:
    """The attribute names botbuilder's ConfigurationBotFrameworkAuthentication reads."""

    def __init__(self, settings: Settings) -> None:
        self.APP_ID = settings.app_id
        self.APP_PASSWORD = settings.app_password
        self.APP_TENANTID = settings.app_tenant_id
        self.APP_TYPE = settings.app_type
        if settings.openid_metadata_url:
            # Any one of these switches the SDK to its parameterised authentication, which
            # then needs all of them: the public cloud's values, but for the metadata URL.
            self.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = settings.openid_metadata_url
            self.TO_CHANNEL_FROM_BOT_LOGIN_URL = (
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX
            )
            self.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = (
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
            )
            self.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = (
                AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
            )
            self.OAUTH_URL = AuthenticationConstants.OAUTH_URL
            self.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = (
                AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
            )
            self.CALLER_ID = CallerIdConstants.public_azure_channel
