"""The demo's content: the home page, the programme and its training modules with quizzes.

Loaders (``demo/loaders/``) take this content as plain dicts and lists and hold no prose
themselves. Each training module is a Python file in ``modules/`` today, defining
``MODULE`` and ``QUIZ``; when the curriculum moves to data files a trainer edits, only
``training_modules()`` changes.
"""

import importlib
import pkgutil

from . import modules


def training_modules() -> list[dict]:
    """Every training module's content, in file-name order: ``MODULE`` plus its ``quiz``."""
    names = sorted(info.name for info in pkgutil.iter_modules(modules.__path__))
    contents = []
    for name in names:
        source = importlib.import_module(f"{modules.__name__}.{name}")
        contents.append({**source.MODULE, "quiz": source.QUIZ})
    return contents
