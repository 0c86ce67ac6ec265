"""``python -m bot.web --port 8080 --rasa-port 5005``: serve the web chat page until stopped."""

from __future__ import annotations

import argparse
import os
import sys

from bot.web.server import PageConfig, missing_files, serve


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEBCHAT_PORT", 8080)))
    parser.add_argument("--rasa-port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--host", default=os.environ.get("WEBCHAT_HOST", "127.0.0.1"))
    args = parser.parse_args(argv)
    missing = missing_files()
    if missing:
        print("The web chat page is not installed (run `make install`). Missing:", file=sys.stderr)
        for path in missing:
            print(f"  {path}", file=sys.stderr)
        return 1
    config = PageConfig(rasa_port=args.rasa_port, rasa_url=os.environ.get("RASA_PUBLIC_URL") or None)
    server = serve(args.port, config, args.host)
    print(f"Web chat page on http://localhost:{args.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
