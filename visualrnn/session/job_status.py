"""The state and one-line message of a long job (training, race, sweep), shared by its sessions."""

from __future__ import annotations


class JobStatus:
    """Mixin for a ``QObject`` session that runs a long job.

    The class using it defines the signals ``state_changed(str)`` and
    ``message_changed(str, bool)`` and the attributes ``state``, ``message`` and
    ``message_is_error``; each setter emits only on a real change.
    """

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _say(self, text: str, is_error: bool) -> bool:
        """Show ``text`` as the job's message; returns ``not is_error``."""
        if (text, is_error) != (self.message, self.message_is_error):
            self.message, self.message_is_error = text, is_error
            self.message_changed.emit(text, is_error)
        return not is_error
