"""The stylesheets keep their shape: one set of custom properties in tokens.css, colours
written only there, every file linked from base.html, and no rule for a class nothing
renders (templates, scripts, Python that writes HTML)."""

import os
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

CSS_DIR = Path(settings.BASE_DIR) / "static" / "css"
TOKENS = "tokens.css"
BASE_TEMPLATE = Path(settings.BASE_DIR) / "templates" / "base.html"
# Rendered by Django itself (a form's or a field's errors), not by our code.
FRAMEWORK_CLASSES = {"errorlist"}
# CSS named and system colours: a colour spelled as a word is a literal too.
_COLOUR_NAMES = """
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen
    accentcolor accentcolortext activetext buttonborder buttonface buttontext canvas
    canvastext field fieldtext graytext highlight highlighttext linktext mark marktext
    selecteditem selecteditemtext visitedtext
"""
NAMED_COLOURS = frozenset(_COLOUR_NAMES.split())
COLOUR_FUNCTION = re.compile(r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.I)
HEX_COLOUR = re.compile(r"#[0-9a-f]{3,8}\b", re.I)
JS_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`""")


def stylesheets() -> dict[str, str]:
    """Each stylesheet's text without its comments."""
    return {
        path.name: re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
        for path in sorted(CSS_DIR.glob("*.css"))
    }


def rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) of every style rule, inside @media blocks too."""
    return [
        (selector.strip(), body)
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
        if not selector.strip().startswith("@")
    ]


def linked_stylesheets() -> list[str]:
    return re.findall(
        r"""<link rel="stylesheet" href="\{% static(?:_url)? ['"]css/([^'"]+)['"] %\}">""",
        BASE_TEMPLATE.read_text(),
    )


def test_there_is_one_root_block_and_it_is_in_the_tokens_file():
    roots = [
        name
        for name, css in stylesheets().items()
        for selector, _ in rules(css)
        if ":root" in selector
    ]
    assert roots == [TOKENS]


def test_custom_properties_are_declared_only_in_the_tokens_file():
    declared_elsewhere = [
        f"{name}: {selector} {{{declaration.strip()}}}"
        for name, css in stylesheets().items()
        if name != TOKENS
        for selector, body in rules(css)
        for declaration in body.split(";")
        if declaration.strip().startswith("--")
    ]
    assert declared_elsewhere == []


def test_colours_are_written_only_in_the_tokens_file():
    found = []
    for name, css in stylesheets().items():
        if name == TOKENS:
            continue
        for selector, body in rules(css):
            for declaration in body.split(";"):
                if ":" not in declaration:
                    continue
                value = declaration.split(":", 1)[1]
                value = re.sub(r"\"[^\"]*\"|'[^']*'|--[\w-]+", "", value)  # strings, var names
                words = set(re.findall(r"[a-z]+", value.lower()))
                if (
                    HEX_COLOUR.search(value)
                    or COLOUR_FUNCTION.search(value)
                    or words & NAMED_COLOURS
                ):
                    found.append(f"{name}: {selector} {{{declaration.strip()}}}")
    assert found == [], "use a custom property from tokens.css:\n" + "\n".join(found)


def test_every_stylesheet_is_linked_from_base_html_once_tokens_first():
    linked = linked_stylesheets()
    assert linked[0] == TOKENS
    assert len(linked) == len(set(linked))
    assert sorted(linked) == sorted(stylesheets())


def test_every_stylesheet_link_in_the_templates_resolves():
    templates = Path(settings.BASE_DIR) / "templates"
    hrefs = [
        href
        for path in templates.rglob("*.html")
        for href in re.findall(
            r"""rel="stylesheet" href="\{% static(?:_url)? ['"]([^'"]+)['"] %\}""", path.read_text()
        )
    ]
    assert hrefs
    assert [href for href in hrefs if not finders.find(href)] == []


def _source_files():
    root = Path(settings.BASE_DIR)
    skip = {".venv", ".tools", "node_modules", "staticfiles", "media", "tests", "migrations"}
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in skip and name[0] != "."]
        for name in files:
            yield Path(folder) / name


def rendered_classes() -> tuple[set[str], set[str]]:
    """Class names the project can put in a page, and the modifiers it completes at run
    time (`tag--{{ level }}`, `heat--{cell["level"]}`): their `block--` prefixes."""
    attributes = []
    for path in _source_files():
        if path.suffix == ".html":
            text = re.sub(r"\{%.*?%\}", " ", path.read_text())
            text = re.sub(r"\{\{.*?\}\}", "{}", text)
            attributes += re.findall(r'class="([^"]*)"', text)
        elif path.suffix == ".js" and path.parent.name == "js":
            # Classes set from script: any word of a string literal (selectors, classList).
            text = re.sub(r"/\*.*?\*/|(?<![:\w])//[^\n]*", "", path.read_text(), flags=re.S)
            text = re.sub(r"\$\{[^}]*\}", "{}", text)
            attributes += [literal[1:-1] for literal in JS_STRING.findall(text)]
        elif path.suffix == ".py":
            text = path.read_text()
            attributes += re.findall(r"""class=\\?["']((?:[^"'{]|\{[^}]*\})*)""", text)
            attributes += re.findall(r"""["']class["']\s*:\s*["']([^"']*)""", text)
            # A class appended to an attribute at run time: " bar-chart__bar--current".
            attributes += re.findall(r"""["'] ([a-z][\w-]*--[\w-]+)["']""", text)
    names, prefixes = set(), set()
    for value in attributes:
        for word in re.split(r"[^\w{}-]+", value):
            if "{" in word:
                head = word.split("{", 1)[0]
                # `heat-cell--{level}` completes a modifier; `bar-chart__bar{current}` is a
                # whole class with more appended after it.
                (prefixes if head.endswith("-") else names).add(head)
            elif word:
                names.add(word)
    return names, {prefix for prefix in prefixes if prefix.endswith("--")}


def test_every_class_selector_matches_something_a_page_can_render():
    names, prefixes = rendered_classes()
    unused = sorted(
        f"{name}: .{class_name}"
        for name, css in stylesheets().items()
        for selector, _ in rules(css)
        for class_name in re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selector)
        if class_name not in names | FRAMEWORK_CLASSES
        and not any(class_name.startswith(prefix) for prefix in prefixes)
    )
    assert unused == [], "no template, script or Python renders these classes:\n" + "\n".join(
        unused
    )
