#!/bin/sh
# Back up the database named by DATABASE_URL (PostgreSQL) to one file:
#   deploy/bin/backup.sh [FILE]      (default: backups/yogaflow-YYYYmmddTHHMMSSZ.dump)
# pg_dump's custom format: compressed, restored with deploy/bin/restore.sh (pg_restore),
# taken in one snapshot while the site keeps serving. Prints the file's path.
# Uploaded pose photos live in MEDIA_ROOT (or object storage): back those up beside it.
set -eu
# The dump holds every account: readable by its owner only.
umask 077
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "backup.sh: DATABASE_URL is not a PostgreSQL URL" >&2; exit 2 ;;
esac
file="${1:-backups/yogaflow-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$file.partial"
mv "$file.partial" "$file"
echo "$file"
