#!/usr/bin/env bash
# Brings up a real single-node Slurm cluster (munged, slurmctld, slurmd) on this machine without
# systemd, for the grid runtime tests. Idempotent: run it again and it only (re)starts what is not
# running or whose configuration changed. Prints `slurm-up: ready in N ms` when the node is usable.
# The PIDs it starts are recorded in $LAB/started.pids; test/infra/slurm-down.sh stops exactly those.
#
# Knobs (all optional): SLURM_LAB_DIR (state, logs, pids; default /var/tmp/slurm-lab),
# SLURM_LAB_CPUS (CPUs the node advertises, default 32: slurmctld starts a wave of tasks per second,
# as many as CPUs, so 32 keeps array tests fast on a small machine), SLURM_LAB_GPUS (fake GPUs,
# default 2), SLURM_LAB_CLEAN=1 (forget old jobs), SLURM_LAB_NO_INSTALL=1 (never call apt-get).
set -euo pipefail

START_NS=$(date +%s%N)
LAB=${SLURM_LAB_DIR:-/var/tmp/slurm-lab}
CPUS=${SLURM_LAB_CPUS:-32}
GPUS=${SLURM_LAB_GPUS:-2}
HOST=$(hostname -s)
CONF_DIR=/etc/slurm
PIDS="$LAB/started.pids"

log() { printf 'slurm-up: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts daemons)"

install_packages() {
  local missing=()
  command -v munged >/dev/null || missing+=(munge)
  command -v slurmctld >/dev/null || missing+=(slurmctld)
  command -v slurmd >/dev/null || missing+=(slurmd)
  command -v sbatch >/dev/null || missing+=(slurm-client)
  command -v qsub >/dev/null || missing+=(slurm-wlm-torque)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "${SLURM_LAB_NO_INSTALL:-}" = 1 ] && die "missing ${missing[*]} and SLURM_LAB_NO_INSTALL=1"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A stale package index makes apt fail to find the packages: refresh it first.
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# pid_ok PID EXE: true when PID is alive and runs EXE (so a recycled PID is never signalled).
pid_ok() {
  local pid=$1 exe=$2
  [ -n "$pid" ] && [ -e "/proc/$pid/exe" ] && [ "$(readlink -f "/proc/$pid/exe")" = "$(readlink -f "$exe")" ]
}

pid_from() { [ -s "$1" ] && tr -dc '0-9' <"$1" || true; }

record_pid() {
  local name=$1 pid=$2 exe=$3
  touch "$PIDS"
  grep -v "^$name " "$PIDS" >"$PIDS.tmp" || true
  printf '%s %s %s\n' "$name" "$pid" "$exe" >>"$PIDS.tmp"
  mv "$PIDS.tmp" "$PIDS"
}

write_if_changed() {
  local path=$1 content=$2
  if [ -f "$path" ] && [ "$(cat "$path")" = "$content" ]; then return 1; fi
  printf '%s\n' "$content" >"$path"
  return 0
}

slurm_conf() {
  local mem_kb
  mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
  cat <<EOF
# Written by test/infra/slurm-up.sh: a single-node test cluster on the loopback address.
ClusterName=lab
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$LAB/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0
MinJobAge=3600
MaxArraySize=100001
ReturnToService=2
SlurmdParameters=config_overrides
MailProg=/bin/true
StateSaveLocation=$LAB/state
SlurmdSpoolDir=$LAB/spool
SlurmctldPidFile=$LAB/slurmctld.pid
SlurmdPidFile=$LAB/slurmd.pid
SlurmctldLogFile=$LAB/log/slurmctld.log
SlurmdLogFile=$LAB/log/slurmd.log
GresTypes=gpu
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$((mem_kb * 9 / 10 / 1024)) Gres=gpu:$GPUS State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
}

gres_conf() {
  printf 'AutoDetect=off\n'
  # Symlinks to /dev/null are character devices: slurmd counts them as GPUs without complaint.
  local i
  for ((i = 0; i < GPUS; i++)); do
    printf 'NodeName=%s Name=gpu File=%s/fakegpu/nvidia%d\n' "$HOST" "$LAB" "$i"
  done
}

write_config() {
  mkdir -p "$CONF_DIR" "$LAB/state" "$LAB/spool" "$LAB/log" "$LAB/fakegpu"
  local i changed=0
  for ((i = 0; i < GPUS; i++)); do ln -sfn /dev/null "$LAB/fakegpu/nvidia$i"; done
  write_if_changed "$CONF_DIR/slurm.conf" "$(slurm_conf)" && changed=1
  write_if_changed "$CONF_DIR/gres.conf" "$(gres_conf)" && changed=1
  # slurmd 22.05 always loads a cgroup plugin; naming v1 avoids autodetection killing it.
  write_if_changed "$CONF_DIR/cgroup.conf" "$(printf 'CgroupPlugin=cgroup/v1\nCgroupAutomount=no')" && changed=1
  echo "$changed"
}

start_munge() {
  local pidfile=/run/munge/munged.pid exe=/usr/sbin/munged
  if pid_ok "$(pid_from $pidfile)" "$exe"; then return 0; fi
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=128 status=none
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
  fi
  runuser -u munge -- /usr/sbin/munged --force
  wait_for "munged pid file" test -s "$pidfile"
  record_pid munged "$(pid_from $pidfile)" "$exe"
}

# stop_recorded NAME: stops a daemon this script started earlier (config changed).
stop_recorded() {
  local name=$1 pid exe
  read -r _ pid exe < <(grep "^$name " "$PIDS" 2>/dev/null || echo "x '' ''") || true
  if pid_ok "$pid" "$exe"; then
    kill -TERM "$pid"
    local i
    for ((i = 0; i < 100; i++)); do pid_ok "$pid" "$exe" || return 0; sleep 0.1; done
    die "$name (pid $pid) did not stop"
  fi
}

start_daemon() {
  local name=$1 exe=$2 restart=$3
  shift 3
  local pidfile="$LAB/$name.pid"
  if pid_ok "$(pid_from "$pidfile")" "$exe"; then
    [ "$restart" = 1 ] || return 0
    log "configuration changed: restarting $name"
    record_pid "$name" "$(pid_from "$pidfile")" "$exe"
    stop_recorded "$name"
  fi
  rm -f "$pidfile"
  "$exe" "$@"
  wait_for "$name pid file" test -s "$pidfile"
  record_pid "$name" "$(pid_from "$pidfile")" "$exe"
}

wait_for() {
  local what=$1 i
  shift
  for ((i = 0; i < 300; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  die "timed out waiting for $what (logs: $LAB/log)"
}

node_state() { sinfo -h -N -n "$HOST" -o '%T' 2>/dev/null | head -n1; }

node_usable() {
  local state
  state=$(node_state)
  case "$state" in
    idle | mixed | allocated | completing) return 0 ;;
    drain* | down* | inval* | drained*) scontrol update NodeName="$HOST" State=RESUME >/dev/null 2>&1 || true; return 1 ;;
    *) return 1 ;;
  esac
}

main() {
  install_packages
  mkdir -p "$LAB"
  local changed
  changed=$(write_config)
  start_munge
  local clean=()
  [ "${SLURM_LAB_CLEAN:-}" = 1 ] && clean=(-c)
  start_daemon slurmctld /usr/sbin/slurmctld "$changed" "${clean[@]}"
  wait_for "slurmctld to answer" scontrol ping
  start_daemon slurmd /usr/sbin/slurmd "$changed"
  wait_for "node $HOST to be idle" node_usable
  local ms=$((($(date +%s%N) - START_NS) / 1000000))
  echo "slurm-up: ready in $ms ms"
}

main "$@"
