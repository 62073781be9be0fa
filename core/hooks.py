"""Questions a lower layer asks and the layers above answer, without importing upwards.

The import contract lets an app import only the apps below it, yet some answers belong
higher up: whether a supervisor's credential is current, when a board's cycle ends. The
lower app declares a ``FirstAnswer``; an app above registers a function with it in its
``AppConfig.ready``; the lower app asks, and takes the first answer that is not None.
"""

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class FirstAnswer(Generic[T]):
    def __init__(self) -> None:
        self._answerers: list[Callable[..., T | None]] = []

    def register(self, answerer: Callable[..., T | None]) -> None:
        """Add ``answerer`` (once, however often the app registry starts up)."""
        if answerer not in self._answerers:
            self._answerers.append(answerer)

    def ask(self, *args: Any, **kwargs: Any) -> T | None:
        """The first answer that is not None, in the order they were registered."""
        for answerer in self._answerers:
            answer = answerer(*args, **kwargs)
            if answer is not None:
                return answer
        return None
