#!/usr/bin/env bash
# The whole suite: static checks, then pytest on SQLite, then pytest on PostgreSQL
# (a throw-away server on loopback, started and stopped here).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test

echo "== Static checks"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
$PY manage.py makemigrations --check --dry-run --settings=config.settings.test >/dev/null
SECRET_KEY="$(head -c 48 /dev/urandom | base64)" $PY manage.py check --deploy --fail-level WARNING --settings=config.settings.prod

echo "== Tests on SQLite"
unset DATABASE_URL
$PY -m pytest -p no:cacheprovider "$@"

echo "== Tests on PostgreSQL"
source scripts/postgres.sh
pg_start
trap pg_stop EXIT
DATABASE_URL="$PG_URL" $PY -m pytest -p no:cacheprovider "$@"
