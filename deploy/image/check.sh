#!/usr/bin/env bash
# Builds Schalter's image with buildah (daemonless; vfs storage and chroot isolation, so it
# works as root without fuse or user namespaces), unpacks its root file system and checks it:
# no shell or package manager in it; the image's user is not root; its labels, health check and
# command are there; and the binary, run from that root file system as the image's user,
# passes `schalter locales check` and serves `/healthz` (also through `schalter health`).
# Prints the image's size.
#
#   bash deploy/image/check.sh [BINARY]      (default target/release/schalter)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${1:-target/release/schalter}"
command -v buildah >/dev/null || { echo "error: buildah is required (Debian's buildah package)" >&2; exit 1; }
work="$(mktemp -d)"
store="$work/storage"
b() { buildah --root "$store" --runroot "$work/run" --storage-driver vfs "$@"; }
tag="localhost/schalter-check:$$"
ctr=""
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  [ -n "$ctr" ] && { b umount "$ctr" >/dev/null 2>&1 || true; b rm "$ctr" >/dev/null 2>&1 || true; }
  b rmi -f "$tag" >/dev/null 2>&1 || true
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

bash deploy/image/rootfs.sh "$binary" "$work/context" >/dev/null
b bud --quiet --isolation chroot --format docker -f deploy/Containerfile -t "$tag" "$work/context" >/dev/null
echo "image: $(b images --format '{{.Size}}' "$tag")"

config="$(b inspect --type image "$tag")"
for want in '"User": "10001:10001"' '"/usr/local/bin/schalter"' '"serve"' \
  'org.opencontainers.image.source' 'org.opencontainers.image.version' \
  'org.opencontainers.image.licenses' '"health"'; do
  grep -qF "$want" <<<"$config" || { echo "error: the image's configuration lacks $want" >&2; exit 1; }
done

ctr="$(b from --quiet "$tag")"
root="$(b mount "$ctr")"
[ "$(stat -c %u "$root/var/lib/schalter")" = 10001 ] \
  || { echo "error: /var/lib/schalter is not the image user's" >&2; exit 1; }
for unwanted in bin/sh bin/bash usr/bin/sh bin/busybox usr/bin/apt usr/bin/apt-get usr/bin/dpkg sbin/apk usr/bin/curl; do
  [ ! -e "$root/$unwanted" ] || { echo "error: the image holds /$unwanted" >&2; exit 1; }
done
files="$(cd "$root" && find . -type f | grep -v '^./usr/share/schalter/locales/' | sort)"
echo "files besides the locales:"; sed 's/^/  /' <<<"$files"

as_user() { chroot --userspec=10001:10001 "$root" "$@"; }
as_user /usr/local/bin/schalter locales check /usr/share/schalter/locales | tail -1

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# No env(1) in the image: the variables come with chroot's environment.
SCHALTER_HTTP_BIND="127.0.0.1:$port" SCHALTER_DATABASE_URL="sqlite:///var/lib/schalter/check.db" \
  SCHALTER_LOG=warn chroot --userspec=10001:10001 "$root" /usr/local/bin/schalter serve &
serve_pid=$!
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1).status == 200 else 1)" 2>/dev/null; then
    break
  fi
  kill -0 "$serve_pid" 2>/dev/null || { echo "error: schalter serve stopped in the image's root file system" >&2; exit 1; }
  sleep 0.2
done
SCHALTER_HTTP_BIND="127.0.0.1:$port" as_user /usr/local/bin/schalter health \
  || { echo "error: schalter health failed in the image" >&2; exit 1; }
echo "ok: /healthz answered from the image's root file system as user 10001"
