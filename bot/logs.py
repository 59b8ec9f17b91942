"""How `retbot serve` logs: lines of text by default, or one JSON object a line with
RETBOT_LOG_FORMAT=json (for Log Analytics and other collectors). Either way the records are
the same ones, and those never carry content or names (see tests/test_logs_privacy.py)."""

import logging

from pythonjsonlogger.json import JsonFormatter

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JSON_FIELDS = ("levelname", "name", "message")
# Their INFO lines say nothing an operator acts on (the SDK writes one per message sent).
QUIET = ("alembic", "apscheduler", "microsoft_agents")


def configure_logging(log_format: str, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    if log_format == "json":
        handler.setFormatter(
            JsonFormatter(
                JSON_FIELDS,
                rename_fields={"levelname": "level", "name": "logger"},
                timestamp="time",  # ISO 8601 in UTC
            )
        )
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.captureWarnings(True)  # Python's warnings as records too, not bare lines
    for chatty in QUIET:
        logging.getLogger(chatty).setLevel(logging.WARNING)
