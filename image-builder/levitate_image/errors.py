"""ImageError: what the image-builder reports to the user as
`<tool>: error: <message>` and exit status 1. Any other exception is a bug.
"""


class ImageError(Exception):
    pass
