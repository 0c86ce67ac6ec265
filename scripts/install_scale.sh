#!/usr/bin/env bash
# Installs what `make test-scale` needs beyond `make install`: PostgreSQL and Redis from Debian's packages.
# Only the programs are used: the test starts its own throw-away servers on loopback as an unprivileged user,
# so the packages' system services are neither needed nor started here.
set -euo pipefail

missing=()
for pkg in postgresql redis-server; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

printf '\033[1m[install]\033[0m installing Debian packages: %s\n' "${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
# policy-rc.d tells Debian's maintainer scripts not to start the system services they would otherwise start
# (where there is no init system they cannot anyway); it is removed again straight after.
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy" && added_policy=1
fi
trap '[ -n "$added_policy" ] && $SUDO rm -f "$policy"' EXIT
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
