#!/usr/bin/env bash
# Stops the daemons test/infra/slurm-up.sh started, and only those: each PID recorded in
# $LAB/started.pids is signalled only while /proc/PID/exe is still the binary that was started
# (a PID reused by another process is left alone). Jobs still queued are cancelled first.
# `--purge` also deletes the state directory (job ids then start again at 1).
set -euo pipefail

LAB=${SLURM_LAB_DIR:-/var/tmp/slurm-lab}
PIDS="$LAB/started.pids"

log() { printf 'slurm-down: %s\n' "$*" >&2; }

pid_ok() {
  local pid=$1 exe=$2
  [ -n "$pid" ] && [ -e "/proc/$pid/exe" ] && [ "$(readlink -f "/proc/$pid/exe")" = "$(readlink -f "$exe")" ]
}

if [ ! -f "$PIDS" ]; then
  log "nothing recorded in $PIDS: nothing to stop"
else
  if command -v scancel >/dev/null && scontrol ping >/dev/null 2>&1; then
    scancel --full --quiet --user=root 2>/dev/null || true
  fi
  stopping=()
  # Slurm daemons first (they talk to munged while shutting down), munged last.
  for name in slurmd slurmctld munged; do
    line=$(grep "^$name " "$PIDS" || true)
    [ -n "$line" ] || continue
    read -r _ pid exe <<<"$line"
    if pid_ok "$pid" "$exe"; then
      if [ "$name" = munged ]; then
        for p in "${stopping[@]}"; do
          while [ -e "/proc/$p" ]; do sleep 0.1; done
        done
      fi
      log "stopping $name (pid $pid)"
      kill -TERM "$pid"
      stopping+=("$pid")
    fi
  done
  for pid in "${stopping[@]}"; do
    for ((i = 0; i < 150; i++)); do [ -e "/proc/$pid" ] || break; sleep 0.1; done
    [ -e "/proc/$pid" ] && log "warning: pid $pid is still running"
  done
  rm -f "$PIDS"
fi

if [ "${1:-}" = --purge ]; then
  log "removing $LAB"
  rm -rf "$LAB"
fi
