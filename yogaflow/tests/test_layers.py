"""The direction of dependencies, held over every module and template of the project.

Layers, bottom to top: yogaflow.core (the floor) ← accounts ← poses ← sequences ← practice ←
achievements ← yogaflow (the roof: settings, root URLs, health, logs, account data). A module
imports only its own layer and those below it — source, template tags, migrations and tests
alike — and a template under templates/<app>/ loads only tag libraries of its app's layer or
below. Where a lower app must show a higher app's part, it offers a panel
(yogaflow.core.panels) or sends a signal of its own.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("yogaflow.core", "accounts", "poses", "sequences", "practice", "achievements", "yogaflow")
PACKAGES = ("yogaflow", "accounts", "poses", "sequences", "practice", "achievements")
LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}")


def layer_of(module: str) -> int | None:
    """The layer of a dotted module name, or None outside the project (Django, DRF, ...)."""
    if module == "yogaflow.core" or module.startswith("yogaflow.core."):
        return 0
    top = module.split(".")[0]
    return LAYERS.index(top) if top in LAYERS else None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, *, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, dotted name) of every import in the source, relative ones resolved; imports
    inside functions count too."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from yogaflow import core` imports yogaflow.core: judge each name imported.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def upward_imports(source: str, *, module: str, is_package: bool = False) -> list[str]:
    """The imports of `module` that reach a higher layer than its own."""
    own = layer_of(module)
    problems = {}
    for line, name in imported_modules(source, module=module, is_package=is_package):
        target = layer_of(name)
        if target is not None and target > own:
            problems.setdefault(line, f"{module}:{line} imports {name} ({LAYERS[target]} is above)")
    return list(problems.values())


def python_files():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def tag_library_layers() -> dict[str, int]:
    libraries = {}
    for path in python_files():
        if path.parent.name == "templatetags" and path.name != "__init__.py":
            libraries[path.stem] = layer_of(module_name(path))
    return libraries


def test_no_module_imports_a_higher_layer():
    problems = []
    for path in python_files():
        problems += upward_imports(
            path.read_text(encoding="utf-8"),
            module=module_name(path),
            is_package=path.name == "__init__.py",
        )
    assert problems == []


def test_no_template_loads_a_higher_apps_tags():
    libraries = tag_library_layers()
    problems = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        folder = path.relative_to(ROOT / "templates").parts[0]
        own = LAYERS.index(folder) if folder in LAYERS else len(LAYERS) - 1
        for names in LOAD.findall(path.read_text(encoding="utf-8")):
            for name in names.split():
                target = libraries.get(name)
                if target is not None and target > own:
                    problems.append(f"{path.relative_to(ROOT)} loads {name} ({LAYERS[target]})")
    assert problems == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("accounts.services", "from poses.models import Pose"),
        ("poses.tests.test_library", "from sequences.library import load_library"),
        ("yogaflow.core.api.throttling", "from accounts.lockout import client_ip"),
        ("yogaflow.core.caching", "import yogaflow.settings"),
        ("yogaflow.core.caching", "from yogaflow import urls"),
        ("sequences.views", "def view():\n    from practice.models import PracticeSession"),
        ("poses.templatetags.pose_tags", "from ..selectors import x\nfrom sequences import y"),
    ],
)
def test_the_rule_catches_an_import_against_the_direction(module, source):
    assert upward_imports(source, module=module) != []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("achievements.services", "from practice.signals import session_recorded"),
        ("yogaflow.urls", "from achievements import views"),
        ("accounts.api.views", "from yogaflow.core.api.schema import error_responses"),
        ("poses.templatetags.pose_tags", "from .. import selectors\nfrom django import template"),
    ],
)
def test_the_rule_allows_imports_along_the_direction(module, source):
    assert upward_imports(source, module=module) == []
