#!/usr/bin/env bash
# Debian's Chromium for the web app's end-to-end test (playwright-core drives it through `executablePath`; no
# browser download). Installed with apt-get when missing (sudo when not root); later runs return at once.
#
#   tools/web/install-chromium.sh        # prints the path of the headless shell
set -euo pipefail
PKGS="chromium-headless-shell fonts-dejavu-core"
missing=$(for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  s=$SECONDS
  echo "[chromium] installing Debian packages: $missing" >&2
  $SUDO apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 || {
    $SUDO apt-get update >/dev/null
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >&2
  }
  echo "[chromium] installed in $(( SECONDS - s ))s" >&2
fi
for bin in /usr/lib/chromium/chromium-headless-shell /usr/bin/chromium-headless-shell /usr/bin/chromium; do
  [ -x "$bin" ] && { echo "$bin"; exit 0; }
done
echo "[chromium] no chromium binary found after installing $PKGS" >&2
exit 1
