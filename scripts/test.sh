#!/usr/bin/env bash
# Install everything the test suite needs, then run it. Used by CI (.ci/run) and by developers:
#   bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

"$PY" -m pip install --quiet --disable-pip-version-check -e ".[test,spark]"

# System packages for the browser test (Chromium) and the Spark tests (a Java runtime).
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "scripts/test.sh: cannot install ${need_apt[*]} (not root or no apt-get): those tests will skip" >&2
  fi
fi

exec "$PY" -m pytest -q -p no:cacheprovider "$@"
