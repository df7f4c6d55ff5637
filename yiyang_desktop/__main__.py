"""``python -m yiyang_desktop`` and the PyInstaller entry point: the window, or the command line with ``cli``."""
import sys

if len(sys.argv) > 1 and sys.argv[1] == "cli":
    from yiyang_desktop.cli import main as cli_main
    sys.exit(cli_main(sys.argv[2:]))

from yiyang_desktop.app import main  # noqa: E402

sys.exit(main())
