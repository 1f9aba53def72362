#!/bin/sh
# 2,000 client sockets plus servers need more descriptors than the usual 1,024.
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec npx tsx bench/live/run.ts "$@"
