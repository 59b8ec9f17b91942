"""`retbot health`: asks a running retbot's /healthz and exits 0 only when it answers ok.
The container image's HEALTHCHECK runs it (the image has no curl), and so can a person."""

import sys
import urllib.error
import urllib.request


def health_command(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            print(response.read().decode("utf-8", "replace"))
            return 0
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        print(f"retbot: {url}: {error.code} {body}", file=sys.stderr)
    except (OSError, ValueError) as error:
        print(f"retbot: {url} antwoordt niet ({type(error).__name__})", file=sys.stderr)
    return 1
