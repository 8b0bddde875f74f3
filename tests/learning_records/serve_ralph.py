"""Serve Ralph's LRS API (what `ralph runserver -b fs` serves) on 127.0.0.1:PORT, without the reloader.

Run by .venv-lrs's Python. Ralph 5.1.0's filesystem LRS backend writes every POST with the CREATE
operation, which refuses an existing file, so only the first POST of a server's life would be stored:
here it appends, as a store must. Everything else (validation, auth, duplicates) is Ralph's own.
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
