"""A local stand-in for the Bot Framework token service: OpenID metadata, JWKS, signed JWTs,
and the bot's own tokens in place of Microsoft Entra ID's. Its server runs in a thread of
its own, so the bot under test fetches from it like from any other server.
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from microsoft_agents.hosting.core import AgentAuthConfiguration, ClaimsIdentity

CHANNEL_ISSUER = "https://api.botframework.com"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class TokenIssuer:
    def __init__(self, channels: tuple[str, ...] = ("emulator", "msteams")) -> None:
        self.key = new_key()
        self.kid = uuid.uuid4().hex
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        self._jwks = {
            "keys": [{**jwk, "kid": self.kid, "use": "sig", "endorsements": list(channels)}]
        }
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.metadata_url = f"{self.base_url}/.well-known/openidconfiguration"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> "TokenIssuer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def token(self, *, key=None, kid: str | None = None, algorithm: str = "RS256", **claims) -> str:
        now = int(time.time())
        payload = {"iss": CHANNEL_ISSUER, "iat": now, "nbf": now - 5, "exp": now + 3600, **claims}
        payload = {name: value for name, value in payload.items() if value is not None}
        if algorithm == "none":
            return jwt.encode(payload, None, algorithm="none", headers={"kid": kid or self.kid})
        return jwt.encode(
            payload, key or self.key, algorithm=algorithm, headers={"kid": kid or self.kid}
        )

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.endswith("openidconfiguration"):
                    body = {
                        "issuer": CHANNEL_ISSUER,
                        "jwks_uri": f"{issuer.base_url}/keys",
                        "id_token_signing_alg_values_supported": ["RS256"],
                    }
                elif self.path == "/keys":
                    body = issuer._jwks
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args) -> None:
                pass

        return Handler


class _IssuedTokens:
    """The bot's access tokens, from the local issuer instead of Microsoft Entra ID (which
    the SDK's MSAL connection would ask)."""

    def __init__(self, issuer: TokenIssuer, app_id: str) -> None:
        self._issuer = issuer
        self.configuration = AgentAuthConfiguration(client_id=app_id)
        self.asked = 0

    async def get_access_token(
        self, resource_url: str, scopes: list[str], force_refresh: bool = False
    ) -> str:
        self.asked += 1
        return self._issuer.token(aud=resource_url, appid=self.configuration.CLIENT_ID)


class IssuerConnections:
    """The SDK's Connections, with one connection whose tokens the local issuer signs."""

    def __init__(self, issuer: TokenIssuer, app_id: str) -> None:
        self.tokens = _IssuedTokens(issuer, app_id)

    def get_token_provider(self, claims_identity: ClaimsIdentity, service_url: str):
        return self.tokens

    def get_default_connection(self):
        return self.tokens

    def get_connection(self, connection_name: str):
        return self.tokens

    def get_default_connection_configuration(self) -> AgentAuthConfiguration:
        return self.tokens.configuration
