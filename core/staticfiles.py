"""Static files storage: WhiteNoise's compressed manifest, each file's URL worked out once."""

from whitenoise.storage import CompressedManifestStaticFilesStorage

# Far more names than the templates ask for: a bound, so no caller can grow it without end.
MAX_URLS = 1024


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """The manifest is read once, when the process starts (``collectstatic`` writes it at
    deploy), so a file's hashed URL cannot change for the life of the process. Working it
    out on every ``{% static %}`` (manifest lookup, URL joining and quoting) was a sixth of
    the public verification page's render; every page asks for the same few files."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        try:
            return self._urls[name]
        except KeyError:
            url = super().url(name)
        if len(self._urls) < MAX_URLS:
            self._urls[name] = url
        return url
