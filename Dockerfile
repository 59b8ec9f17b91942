# retbot as a container image: `retbot serve` on port 3978, settings from the environment.
#
#   docker build -t retbot .                    (or: podman build -t retbot .)
#   docker run -p 3978:3978 -v ./ret.yaml:/config/ret.yaml:ro -e RETBOT_DATABASE_URL=… retbot
#
# PYTHON_IMAGE is the base: the official slim Python image by default. A machine that cannot
# pull it builds on a Debian base made from Debian's packages instead (deploy/debian-base.sh,
# used by deploy/check-image.sh); that base has python3 and its venv module as the slim image has.
ARG PYTHON_IMAGE=python:3.12-slim

# --- build: install retbot and its dependencies into a virtual environment ----------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY bot bot
COPY dialogs dialogs
COPY domain domain
COPY storage storage
COPY documents documents
COPY scheduler scheduler
COPY manifest manifest
RUN python3 -m venv /opt/retbot \
 && /opt/retbot/bin/pip install . \
 && /opt/retbot/bin/pip uninstall --yes pip

# --- run: the environment only, a user without rights, nothing to build with ---------------
FROM ${PYTHON_IMAGE}
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /app --shell /usr/sbin/nologin retbot \
 && mkdir -p /app/data /config \
 && chown retbot:retbot /app/data
COPY --from=build /opt/retbot /opt/retbot
WORKDIR /app
# RETBOT_CONFIG: mount the RET's own file there. Without one retbot stops with one line
# ("/config/ret.yaml: file not found") rather than run with someone else's RET.
# MPLCONFIGDIR: the charts of the report keep their font cache where retbot may write.
ENV PATH=/opt/retbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    RETBOT_CONFIG=/config/ret.yaml \
    RETBOT_LOG_FORMAT=json \
    MPLCONFIGDIR=/tmp/matplotlib
USER 10001:10001
EXPOSE 3978
# SQLite (the default database) lives here; with PostgreSQL nothing is written to disk.
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["retbot", "health", "--url", "http://127.0.0.1:3978/healthz"]
ENTRYPOINT ["retbot"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3978"]
