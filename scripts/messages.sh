#!/usr/bin/env bash
# Refresh the translation catalogues from the code (msgids are English).
# English gets msgstr = msgid (scripts/english_catalogue.py); French and Arabic are
# translated by people.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
opts=(--no-location --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=bench)
$PY manage.py makemessages -l fr -l ar -l en "${opts[@]}" -v 0
$PY manage.py makemessages -d djangojs -l fr -l ar -l en "${opts[@]}" -v 0 2>/dev/null || true
$PY scripts/english_catalogue.py locale/en/LC_MESSAGES/django.po
echo "untranslated or fuzzy entries:"
for lang in fr ar; do
  printf '  %s: ' "$lang"
  msgattrib --untranslated locale/$lang/LC_MESSAGES/django.po | grep -c '^msgid ' || true
  printf '  %s fuzzy: ' "$lang"
  msgattrib --only-fuzzy locale/$lang/LC_MESSAGES/django.po | grep -c '^msgid ' || true
done
