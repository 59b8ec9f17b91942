"""The one Jinja environment of retbot's web pages (bot/templates/): every page extends
page.html, and everything shown is escaped."""

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True),
)
