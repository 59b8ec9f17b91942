#!/usr/bin/env bash
# Builds the Dockerfile and checks the image without running a container: its filesystem is
# exported and `retbot serve` is started in it with chroot, as the image's own user, then
# the image's own HEALTHCHECK command asks GET /healthz. Not part of the test suite (it takes
# minutes); run it by hand as root after changing the Dockerfile or the dependencies:
#
#   deploy/check-image.sh              # Debian trixie base (Python 3.13)
#   PYTHON_IMAGE=python:3.12-slim deploy/check-image.sh   # where a registry can be reached
#
# Needs podman (and debootstrap when no PYTHON_IMAGE is given: the base is then made from
# Debian's packages, see deploy/debian-base.sh). The base image must carry a Python that
# pyproject.toml's requires-python accepts.
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${SUITE:-trixie}"
tag="localhost/retbot:check"
port="${PORT:-39781}"

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

base="${PYTHON_IMAGE:-$(deploy/debian-base.sh "$suite")}"
say "build on $base"
podman build --isolation chroot --format docker --build-arg "PYTHON_IMAGE=$base" \
  -t "$tag" . >/tmp/retbot-check-build.log 2>&1 \
  || { tail -30 /tmp/retbot-check-build.log; fail "the image does not build"; }

say "image settings"
inspect() { podman image inspect --format "$1" "$tag"; }
user=$(inspect '{{.Config.User}}')
echo "user: $user"
[[ -n "$user" && "$user" != "root" && "${user%%:*}" != "0" ]] || fail "the image runs as root"
healthcheck=$(inspect '{{json .Config.Healthcheck}}')
echo "healthcheck: $healthcheck"
[[ "$healthcheck" == *'"retbot","health"'* ]] || fail "no HEALTHCHECK with retbot health"
echo "entrypoint: $(inspect '{{json .Config.Entrypoint}}') cmd: $(inspect '{{json .Config.Cmd}}')"
[[ "$(inspect '{{json .Config.Cmd}}')" == *'"--host","0.0.0.0"'* ]] || fail "serve not on 0.0.0.0"
mapfile -t image_env < <(inspect '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
printf 'env: %s\n' "${image_env[@]}"

root=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  umount "$root/fs/proc" "$root/fs/dev" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

say "filesystem"
container=$(podman create "$tag" 2>/dev/null)
mkdir "$root/fs"
podman export "$container" | tar -x -C "$root/fs"
podman rm "$container" >/dev/null 2>&1
du -sh "$root/fs" | sed 's/^/size: /'
python_version=$(chroot "$root/fs" /opt/retbot/bin/python -c 'import sys; print(sys.version.split()[0])')
echo "python: $python_version"
for tool in gcc cc make g++ ld; do
  if chroot "$root/fs" sh -c "command -v $tool" >/dev/null; then fail "build tool $tool in the image"; fi
done
[[ ! -e "$root/fs/opt/retbot/bin/pip" ]] || fail "pip left in retbot's environment"
echo "no compiler, linker, make or pip: ok"

say "retbot serve in the image's filesystem (chroot, user $user)"
mkdir -p "$root/fs/config"
cp examples/ret.example.yaml "$root/fs/config/ret.yaml"
mount --bind /dev "$root/fs/dev"
mount -t proc proc "$root/fs/proc"
# The image's CMD, on loopback and a free port instead of 0.0.0.0:3978.
env -i "${image_env[@]}" HOME=/app chroot --userspec="$user" "$root/fs" \
  sh -c "cd /app && exec retbot serve --host 127.0.0.1 --port $port" \
  >"$root/serve.log" 2>&1 &
server=$!
healthy=""
for _ in $(seq 1 120); do
  kill -0 "$server" 2>/dev/null || { cat "$root/serve.log"; fail "retbot serve stopped"; }
  # The HEALTHCHECK's own command, pointed at the port used here.
  if body=$(env -i "${image_env[@]}" chroot --userspec="$user" "$root/fs" \
      retbot health --url "http://127.0.0.1:$port/healthz" 2>/dev/null); then
    healthy=yes
    break
  fi
  sleep 1
done
[[ -n "$healthy" ]] || { cat "$root/serve.log"; fail "no healthy answer from /healthz"; }
echo "GET /healthz: $body"
[[ "$body" == *'"status": "ok"'* ]] || fail "unexpected /healthz answer"
echo "first log lines:"
head -4 "$root/serve.log"
db="$root/fs/app/data/retbot.db"
[[ -f "$db" ]] || fail "no SQLite database in /app/data"
echo "SQLite database made in /app/data, owned by uid $(stat -c %u "$db")"
say "image checked: builds, runs as $user, no build tools, /healthz ok"
