"""The one exception type for expected problems a user can fix (bad input, bad file, locked data)."""


class UserError(Exception):
    """An expected problem, with a message meant to be shown to the user as is: Indonesian, or
    the window's language when the core made it with ``_()`` (desa_budget.i18n).

    ``details`` holds further lines (e.g. every bad row of an import) shown under the message.
    """

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(self.details)
