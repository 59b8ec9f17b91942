"""The --from/--to/--out arguments of the report commands (light: no document libraries)."""

import argparse
from datetime import date
from pathlib import Path

FORMATS = ("docx", "xlsx", "csv")


def iso_date(text: str) -> date:
    """argparse type: a date as 2026-01-31, with a Dutch message otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-01-31"
        ) from None


def add_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=iso_date, required=True, help="JJJJ-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_date, required=True, help="JJJJ-MM-DD")
    parser.add_argument("--out", type=Path, required=True)
