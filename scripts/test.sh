#!/usr/bin/env bash
# Install everything the test suite needs, then run it. Used by CI (.ci/run) and by developers:
#   bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

# The install compiles the pipeline stages with mypyc (a minute or two); QUOTEKIT_PURE_PYTHON=1
# skips that, and the tests then check that the stages run as pure Python.
"$PY" -m pip install --quiet --disable-pip-version-check -e ".[test,spark]"
case "${QUOTEKIT_PURE_PYTHON:-}" in
  ""|0|false|no) export QUOTEKIT_EXPECT_BUILD=compiled ;;
  *) export QUOTEKIT_EXPECT_BUILD=pure ;;
esac

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
