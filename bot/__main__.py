"""`python -m bot` does what `retbot serve` does."""

import sys

from bot.cli import main

sys.exit(main(["serve", *sys.argv[1:]]))
