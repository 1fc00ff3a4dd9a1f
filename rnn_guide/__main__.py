"""`python -m rnn_guide` runs the `rnn-guide` command."""

import sys

from rnn_guide.cli import main

if __name__ == "__main__":
    sys.exit(main())
