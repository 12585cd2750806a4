#!/usr/bin/env bash
# Loads Swagger UI (/docs) of a running server in headless Chromium (Debian's `chromium`
# package), saves a screenshot of the page, and checks that every operation of the OpenAPI
# document the server serves at /v3/api-docs is listed on it.
#
#   deploy/check-docs-page.sh [base-url (http://localhost:8080)] [screenshot (target/docs.png)]
#
# Exit status: 0 when every operation is listed, 1 when some are missing (named on stderr),
# 2 when Chromium, curl or jq is missing or the server does not answer. CHROMIUM names the
# browser binary when it is not `chromium` on the PATH.
set -euo pipefail
BASE=${1:-http://localhost:8080}
SHOT=${2:-target/docs.png}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
for tool in "$CHROMIUM" curl jq; do
  [ -n "$tool" ] && command -v "$tool" >/dev/null || { echo "needs chromium (apt-get install chromium), curl and jq" >&2; exit 2; }
done
operations=$(curl -fsS "$BASE/v3/api-docs" | jq -r '.paths[][] | objects | select(has("operationId")) | .operationId') \
  || { echo "no API document at $BASE/v3/api-docs" >&2; exit 2; }

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
  --user-data-dir="$profile" --virtual-time-budget=20000)
mkdir -p "$(dirname "$SHOT")"
"$CHROMIUM" "${flags[@]}" --window-size=1280,7000 --screenshot="$SHOT" "$BASE/docs" >/dev/null 2>&1
dom=$("$CHROMIUM" "${flags[@]}" --dump-dom "$BASE/docs" 2>/dev/null)

# Swagger UI gives each operation an element with the id operations-<tag>-<operationId>.
missing=0
listed=0
for operation in $operations; do
  if grep -Eq "id=\"operations-[^\"]*-${operation}\"" <<<"$dom"; then
    listed=$((listed + 1))
  else
    echo "not listed on $BASE/docs: $operation" >&2
    missing=$((missing + 1))
  fi
done
echo "$listed operations listed, $missing missing; screenshot: $SHOT"
[ "$missing" -eq 0 ]
