"""eventwire's exceptions.

::

    EventwireError
    ├── ConfigError          bad settings or command-line values
    ├── PipelineError        stages that cannot be chained (a programming error)
    ├── StoreError           the store cannot be opened or written
    │   └── StoreBusy        another process holds the store's write lock
    ├── FetchError           a URL could not be fetched (the reason is in ``.reason``)
    │   └── FetchRefused     the URL's target is not allowed (private address, robots.txt, scheme)
    └── ModelMissing         a shipped model or codebook file is missing from the installation

A bad article is not an exception: stages raise :class:`eventwire.pipeline.Drop`, which becomes a
recorded rejection.
"""


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    pass


class PipelineError(EventwireError):
    pass


class StoreError(EventwireError):
    pass


class StoreBusy(StoreError):
    pass


class FetchError(EventwireError):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class FetchRefused(FetchError):
    pass


class ModelMissing(EventwireError):
    pass
