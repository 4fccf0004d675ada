"""Fill in deploy/nginx/yogaflow.conf.template from the environment, as the nginx image's
envsubst does, with one value derived from the app's settings: the body-size limit.

    python deploy/render_nginx.py [--template PATH] > yogaflow.conf

Only `${UPPER_CASE}` names are replaced (nginx's own `$variables` stay); a name with no value
is an error naming it, never an empty directive.
"""

import argparse
import math
import os
import re
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE = BASE_DIR / "deploy" / "nginx" / "yogaflow.conf.template"
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
# A multipart upload carries its file plus boundaries, headers and the other fields.
MULTIPART_ENVELOPE = 1024 * 1024


def client_max_body_size() -> str:
    """nginx's client_max_body_size: the app's largest accepted body (a pose photo, or a JSON
    or form body, whichever is larger) plus a multipart envelope, in whole megabytes ("6m").
    Anything larger the app would refuse anyway; anything up to it the app answers itself
    (413 in its error shape)."""
    from django.conf import settings

    if not settings.configured:
        sys.path.insert(0, str(BASE_DIR))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")
    import django

    django.setup()
    from poses.images import max_bytes

    largest = max(max_bytes(), settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    return f"{math.ceil((largest + MULTIPART_ENVELOPE) / (1024 * 1024))}m"


def render(template: str, values: dict[str, str]) -> str:
    missing = sorted({name for name in PLACEHOLDER.findall(template) if name not in values})
    if missing:
        raise KeyError(f"no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", type=Path, default=TEMPLATE)
    args = parser.parse_args(argv)
    values = dict(os.environ)
    values.setdefault("NGINX_CLIENT_MAX_BODY_SIZE", client_max_body_size())
    try:
        sys.stdout.write(render(args.template.read_text(), values))
    except KeyError as error:
        print(f"render_nginx: {error.args[0]}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
