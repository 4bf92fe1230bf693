#!/usr/bin/env bash
# Render an `extractor eval --html` report in a real headless browser and save a screenshot to look at.
#   bash scripts/check_report.sh [GOLD] [OUT.png]      (needs Debian's chromium: apt-get install chromium)
set -euo pipefail
gold=${1:-samples}
png=${2:-/tmp/extractor-report.png}
html=$(mktemp --suffix=.html)
profile=$(mktemp -d)
extractor eval "$gold" --html "$html" > /dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,1800 \
  --screenshot="$png" "file://$html" 2>/dev/null
rm -rf "$profile" "$html"
test -s "$png" && echo "screenshot: $png"
