#!/usr/bin/env bash
# Browser tests need Debian's Chromium at /usr/bin/chromium. In CI (root, CI=true) it is
# installed when missing; elsewhere the e2e tests skip with a loud message.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "${CI:-}" = "true" ] || [ "$(id -u)" = "0" ]; then
  echo "Chromium ontbreekt: installeren met apt-get …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "WAARSCHUWING: /usr/bin/chromium ontbreekt; de browsertests worden overgeslagen." >&2
  echo "Installeer het met: sudo apt-get install chromium" >&2
fi
