"""The Celery base class for tasks queued through the outbox (``services.task_enqueue``)."""

import logging
from typing import Any

from celery import Task
from celery.exceptions import Retry

# The task's name, the outbox call's id and the error's class: an error's text or a task's
# arguments may carry an address, so neither is logged.
logger = logging.getLogger(__name__)


class OutboxTask(Task):
    """Marks its outbox call done when the task returns, and records why when it raises.

    The dispatch adds ``outbox_id`` to the task's keyword arguments; this strips it, so
    the task body keeps its own signature and can also be called without the outbox.
    Retries keep it: Celery re-sends the message's own arguments.

    ``acks_late`` with ``reject_on_worker_lost``: a worker that dies mid-task (killed, out
    of memory) hands the message back to the queue at once instead of losing it, or leaving
    it to the broker's visibility timeout. The task must therefore be idempotent, which
    every outbox task is anyway.
    """

    acks_late = True
    reject_on_worker_lost = True
    # Celery would check the message's arguments against the body's signature, which has
    # no ``outbox_id``; ``task_enqueue`` checks them instead, in the request that queues.
    typing = False

    def __call__(self, *args: Any, outbox_id: int | None = None, **kwargs: Any) -> Any:
        from .services import task_call_done, task_call_failed

        try:
            result = super().__call__(*args, **kwargs)
        except Retry as retry:
            logger.warning(
                "Task %s (call %s) failed, Celery retries it in %ss (retry %s of %s): %s",
                self.name,
                outbox_id,
                retry.when,
                self.request.retries + 1,
                self.max_retries,
                type(retry.exc).__name__,
            )
            if outbox_id is not None and isinstance(retry.exc, BaseException):
                task_call_failed(call_id=outbox_id, error=retry.exc)
            raise
        except Exception as error:
            logger.warning(
                "Task %s (call %s) failed, left for the outbox sweep: %s",
                self.name,
                outbox_id,
                type(error).__name__,
            )
            if outbox_id is not None:
                task_call_failed(call_id=outbox_id, error=error)
            raise
        if outbox_id is not None:
            task_call_done(call_id=outbox_id)
        return result
