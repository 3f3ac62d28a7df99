#!/usr/bin/env bash
# Makes the root file system of Schalter's container image from a built binary: the binary,
# the few libraries it is linked against (found with ldd), the CA certificates, the user it
# runs as, the demo catalogue and the locales (both also built into the binary; mount your own
# over /usr/share/schalter/deploy/catalog.toml or /usr/share/schalter/locales), and nothing
# else: no shell, no package manager. `deploy/Containerfile` copies it into an image FROM
# scratch, so no base image is pulled.
#
#   bash deploy/image/rootfs.sh [BINARY] [OUT]
#
# BINARY defaults to target/release/schalter, OUT to target/image (the build context:
# OUT/rootfs). The binary is copied without its symbols and debug information.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${1:-target/release/schalter}"
out="${2:-target/image}"
[ -x "$binary" ] || { echo "error: $binary is not a built binary (cargo build --release -p schalter)" >&2; exit 1; }
for tool in ldd objcopy; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required (Debian: libc-bin, binutils)" >&2; exit 1; }
done
certs=/etc/ssl/certs/ca-certificates.crt
[ -r "$certs" ] || { echo "error: $certs is required (Debian: ca-certificates)" >&2; exit 1; }

root="$out/rootfs"
rm -rf "$root"
mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/usr/share/schalter/deploy" "$root/tmp"
# The user's own directory, copied apart with its owner (see the Containerfile).
rm -rf "$out/state"
mkdir -p "$out/state"
printf 'Schalter keeps its state here: the SQLite database, the Matrix store.\n' > "$out/state/README"
objcopy --strip-all "$binary" "$root/usr/local/bin/schalter"
chmod 0755 "$root/usr/local/bin/schalter"

# The shared libraries and the dynamic loader, at the paths the binary asks for.
ldd "$binary" | awk '/=> \// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }' | sort -u | while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done

cp "$certs" "$root/etc/ssl/certs/ca-certificates.crt"
cp deploy/catalog.toml "$root/usr/share/schalter/deploy/catalog.toml"
cp -r locales "$root/usr/share/schalter/locales"

# One user and group, not root; its home is where the SQLite database and the Matrix store
# go unless configured elsewhere (mount a volume there).
printf 'schalter:x:10001:10001:Schalter:/var/lib/schalter:/nonexistent\n' > "$root/etc/passwd"
printf 'schalter:x:10001:\n' > "$root/etc/group"
chmod 1777 "$root/tmp"
echo "$root: $(du -sh "$root" | cut -f1)"
