"""`{% memo name=value ... %}…{% endmemo %}`: a part of a template rendered once per distinct
values, then read back.

Every page's frame (templates/base.html) names twenty static files and a dozen routes and
compares the current view's name with each link's: the same HTML for every request that has
the same view name and the same signed-in state, rendered again on each one. Inside a
`{% memo %}` block the template sees ONLY the values the tag names (not the request, the user
or anything else of the page), so its output cannot depend on anything but them, and is kept
per distinct values. What is the visitor's own (their name, the CSRF token, messages, the
year) stays outside the blocks.

Kept on the block's node (a template reloaded in development gets new nodes, so a fresh
memory), per script prefix, URLconf and the context's escaping and localisation, and
forgotten when a setting changes (tests change STATIC_URL, the storage or the URLconf).
Values must be hashable (strings, booleans, None: what a variable or a comparison gives); at
most MAX_ENTRIES kept per block.
"""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import token_kwargs
from django.template.context import Context
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix, get_urlconf

register = template.Library()

MAX_ENTRIES = 512
_generation = 0


@receiver(setting_changed)
def _forget_all(**kwargs) -> None:
    global _generation  # noqa: PLW0603 (one counter for every block's memory)
    _generation += 1


class MemoNode(template.Node):
    # A page's {% extends %} walks its base template's whole tree for {% block %}s on every
    # rendering; a memo holds none (memo() refuses them), so the walk need not enter it.
    child_nodelists = ()

    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values
        self.kept: dict = {}

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.values.items()}
        key = (
            _generation,
            get_script_prefix(),
            get_urlconf(),
            context.autoescape,
            context.use_l10n,
            context.use_tz,
            *values.items(),
        )
        html = self.kept.get(key)
        if html is None:
            isolated = Context(
                values,
                autoescape=context.autoescape,
                use_l10n=context.use_l10n,
                use_tz=context.use_tz,
            )
            with isolated.bind_template(context.template):
                html = self.nodelist.render(isolated)
            if len(self.kept) >= MAX_ENTRIES:
                self.kept.clear()
            self.kept[key] = html
        return html


@register.tag
def memo(parser, token):
    """{% memo [name=value ...] %}…{% endmemo %}: see the module's docstring."""
    bits = token.split_contents()[1:]
    values = token_kwargs(bits, parser)
    if bits:
        raise template.TemplateSyntaxError(
            f"{{% memo %}} takes only name=value arguments, not {' '.join(bits)!r}"
        )
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        # A block's content is the page's own: it cannot be the same for every page.
        raise template.TemplateSyntaxError("{% memo %} cannot hold a {% block %}")
    return MemoNode(nodelist, values)
