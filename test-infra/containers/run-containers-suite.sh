#!/usr/bin/env bash
# Proves the containers backend on a machine without pullable images: starts a Docker daemon of its own
# (docker-daemon.sh), builds the stand-in images (standin-images.sh), runs the given modules' tests on the containers
# backend and then on the embedded one, prints both times, and stops every container and the daemon it started.
#   test-infra/containers/run-containers-suite.sh [modules, default: test-infra,adapter-kit,connection-service]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
modules=${1:-test-infra,adapter-kit,connection-service}
source "$here/docker-daemon.sh"
trap docker_daemon_stop EXIT
docker_daemon_start
bash "$here/standin-images.sh"
cd "$root"
export JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* 2>/dev/null | tail -1)}
# no Ryuk: its image cannot be pulled here, and this script removes what the tests leave behind
export TESTCONTAINERS_RYUK_DISABLED=true
mkdir -p target
run() {
  local backend=$1 start end
  start=$(date +%s)
  ./mvnw -B ${MVN_OFFLINE:+-o} verify -pl "$modules" -am -Dnexus.test.infra="$backend" >"target/containers-suite-$backend.log" 2>&1
  end=$(date +%s)
  local summary
  summary=$(grep -E "Tests run: [0-9]+, Failures" "target/containers-suite-$backend.log" | grep -v " in " | \
    awk -F'[ ,]+' '{t+=$3; f+=$5; e+=$7; s+=$9} END {printf "%d tests, %d failures, %d errors, %d skipped", t, f, e, s}')
  printf '%-10s %5d s  %s\n' "$backend" $((end - start)) "$summary"
}
echo "modules: $modules"
run containers
run embedded
