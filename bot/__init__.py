"""The channel edge of retbot: HTTP app, adapter, routing, cards, CLI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("retbot")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+local"
