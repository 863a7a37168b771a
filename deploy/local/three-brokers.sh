#!/usr/bin/env bash
# A real three-node KRaft cluster on loopback (combined broker+controller nodes), data kept in
# ./data/three-brokers across restarts. Prints the bootstrap list; Ctrl-C stops it cleanly.
#   deploy/local/three-brokers.sh            then, in another terminal:
#   KAFKA_BOOTSTRAP_SERVERS=<printed list> ./swarm topics
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec "$ROOT/swarm" broker --nodes 3 --port "${PORT:-19092}" --data-dir "${DATA_DIR:-$ROOT/data/three-brokers}"
