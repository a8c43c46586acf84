"""`python -m search.cli`: the console script without installing it."""
from . import main

main()
