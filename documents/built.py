"""How many documents this process built, by kind: a Prometheus counter that GET /metrics
shows beside the other figures (bot/metrics.py)."""

from prometheus_client import Counter

DOCUMENTS_BUILT = Counter(
    "retbot_documents_built",
    "Documents this instance built, by kind (advies, notulen, rapportage) and format",
    ["kind", "format"],
)
