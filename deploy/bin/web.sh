#!/bin/sh
# Serve the app: gunicorn with deploy/gunicorn.conf.py (the container's command; make
# scale-test starts two of these on two ports). Extra arguments go to gunicorn, e.g.
#   GUNICORN_BIND=127.0.0.1:8001 deploy/bin/web.sh
# Run deploy/bin/migrate-and-load.sh once per release before (or beside) it.
set -eu
cd "$(dirname "$0")/../.."
exec "${GUNICORN:-gunicorn}" --config deploy/gunicorn.conf.py "$@"
