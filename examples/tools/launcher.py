"""Example: the experimental-flags rules on an argparse launcher (see docs/rules/flags-*.md)."""
import argparse
import os

parser = argparse.ArgumentParser(description="vLLM launcher")
# flags/experimental-name: the help text says experimental, the name does not.
parser.add_argument("--fast-prefill", action="store_true", help="Experimental fast prefill path.")
# flags/experimental-default-on: store_false makes this experimental switch on by default.
parser.add_argument("--experimental-sleep-mode", action="store_false", help="Disable sleep mode.")
# flags/experimental-untested: no test file mentions this one.
parser.add_argument("--experimental-prefetch", action="store_true", help="Prefetch weights.")
# Fine: a plain option and a plain environment variable.
parser.add_argument("--port", type=int, default=8001, help="Port to bind.")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "info")
