"""Optional encryption of free-text case fields at rest (RETBOT_DATA_KEY, Fernet).

RETBOT_DATA_KEY holds one or more Fernet keys, comma-separated, newest first. Values are
written with the first key and read with any of them, so a key is rotated by putting the
new key in front, running `retbot rotate-key` (which rewrites every value with the new key)
and then dropping the old key. Values written before encryption was switched on stay
readable: encrypted values carry a prefix, plain ones do not.
"""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

PREFIX = "enc:v1:"


class CipherError(ValueError):
    """A stored value cannot be decrypted with the configured keys."""


class FieldCipher:
    def __init__(self, keys: str = "") -> None:
        parts = [key.strip() for key in keys.split(",") if key.strip()]
        self._fernet = MultiFernet([Fernet(key) for key in parts]) if parts else None

    @property
    def enabled(self) -> bool:
        return self._fernet is not None

    def encrypt(self, value: str | None) -> str | None:
        if value is None or self._fernet is None:
            return value
        return PREFIX + self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, value: str | None) -> str | None:
        if value is None or not value.startswith(PREFIX):
            return value
        if self._fernet is None:
            raise CipherError("encrypted case data, but RETBOT_DATA_KEY is not set")
        try:
            return self._fernet.decrypt(value[len(PREFIX) :].encode()).decode()
        except InvalidToken:
            raise CipherError("case data encrypted with a key RETBOT_DATA_KEY lacks") from None


PLAIN = FieldCipher()
