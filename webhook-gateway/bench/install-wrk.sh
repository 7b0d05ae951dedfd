#!/usr/bin/env bash
# Installs wrk (the Debian package) when it is missing: the load generator of the P2 benchmark (bench/p2.sh, and
# P2Benchmark when ./nexus bench runs the module's bench profile).
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
  exit 0
fi
echo "installing wrk (Debian package)"
if [ "$(id -u)" -eq 0 ]; then
  apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
else
  sudo apt-get install -y wrk || { sudo apt-get update && sudo apt-get install -y wrk; }
fi
