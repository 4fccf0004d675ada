#!/bin/sh
# Restore a backup made by deploy/bin/backup.sh into the database named by DATABASE_URL:
#   DATABASE_URL=postgres://.../yogaflow_restored deploy/bin/restore.sh FILE
# Meant for an empty database (create it first: createdb, or CREATE DATABASE). Into a
# database that already has YogaFlow's tables, pass --clean to drop and replace them.
# All or nothing: one transaction, stopping at the first error. Stop the web processes
# (or point them elsewhere) while restoring over a live database.
set -eu
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to restore into}"
clean=""
if [ "${1:-}" = "--clean" ]; then
    clean="--clean --if-exists"
    shift
fi
file="${1:?usage: restore.sh [--clean] FILE}"
# shellcheck disable=SC2086 # $clean is two options or nothing
pg_restore --no-owner --no-privileges --single-transaction --exit-on-error $clean \
    --dbname="$DATABASE_URL" "$file"
echo "restored $file"
