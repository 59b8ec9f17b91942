#!/usr/bin/env bash
# Makes a Debian base image with Python and venv from Debian's own packages (debootstrap),
# for machines that cannot pull images from a registry. It stands in for the official
# python:*-slim image when building the Dockerfile here:
#
#   deploy/debian-base.sh trixie        # -> localhost/retbot-base:trixie (Python 3.13)
#
# Needs root, debootstrap and podman. Prints the image's name.
set -euo pipefail
suite="${1:-trixie}"
image="localhost/retbot-base:${suite}"
if podman image exists "$image"; then
  echo "$image"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
  "$suite" "$work/rootfs" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# The machine's own certificate authorities (e.g. a proxy that inspects TLS), so that pip in
# the build reaches the package index as this machine does; pip is told to use them.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$work/rootfs/usr/local/share/ca-certificates/"
  chroot "$work/rootfs" update-ca-certificates >/dev/null
fi
# What a slim base image leaves out: apt's lists and caches, documentation.
rm -rf "$work/rootfs"/var/lib/apt/lists/* "$work/rootfs"/var/cache/apt/*.bin \
  "$work/rootfs"/usr/share/doc/* "$work/rootfs"/usr/share/man/*
tar -C "$work/rootfs" -c . | podman import --change 'CMD ["python3"]' \
  --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt' - "$image" >/dev/null
echo "$image"
