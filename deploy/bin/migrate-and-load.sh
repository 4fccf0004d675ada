#!/bin/sh
# One release step, run once per release before the new web processes take traffic
# (compose runs it as the one-shot `migrate` service; make scale-test runs it too):
#   1. apply migrations;
#   2. load the curated library (poses, figures, sequences; staff edits are kept);
#   3. collect static files into STATIC_ROOT (nginx serves them; whitenoise too);
#   4. create the first staff account when DJANGO_SUPERUSER_EMAIL and
#      DJANGO_SUPERUSER_PASSWORD are set and no account has that email yet.
# Safe to run again: every step leaves a finished state unchanged.
set -eu
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python}"

"$PYTHON" manage.py migrate --noinput
"$PYTHON" manage.py load_library
"$PYTHON" manage.py collectstatic --noinput --verbosity 0

if [ -n "${DJANGO_SUPERUSER_EMAIL:-}" ] && [ -n "${DJANGO_SUPERUSER_PASSWORD:-}" ]; then
    if "$PYTHON" manage.py shell -c "
import os, sys
from django.contrib.auth import get_user_model
sys.exit(0 if get_user_model().objects.filter(email__iexact=os.environ['DJANGO_SUPERUSER_EMAIL']).exists() else 1)
"; then
        echo "Staff account ${DJANGO_SUPERUSER_EMAIL} exists: left as it is."
    else
        "$PYTHON" manage.py createsuperuser --noinput
    fi
fi
