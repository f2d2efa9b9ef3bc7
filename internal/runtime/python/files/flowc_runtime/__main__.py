"""python -m flowc_runtime: see the package docstring."""
import sys

from .cli import main

sys.exit(main())
